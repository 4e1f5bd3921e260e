// @rollback-actions/alert-relay: Alertmanager webhook → GitHub repository_dispatch (rollback-on-alert.yml).
export * from './constants.js'
export * from './webhook.js'
export * from './plan.js'
export * from './dedup.js'
export * from './dispatch.js'
export * from './log.js'
export * from './server.js'
export * from './config.js'
