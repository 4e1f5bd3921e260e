// @rollback-actions/sandbox: the simulated world the drill and the tests run against — scenario data, the
// product-service runtime, the Service proxy, a real Prometheus with its load generator, the database services,
// and startSandbox / `npm run sandbox`, which wire the emulators of @rollback-actions/emulators together.
export * from './sandbox.js'
export * from './scenario.js'
export * from './database.js'
export * from './prometheus/index.js'
export * from './service/index.js'
export * from './runner-network.js'
export * from './app-configuration.js'
export * from './alertmanager.js'
