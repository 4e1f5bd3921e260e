export * from './runtime.js'
export * from './proxy.js'
