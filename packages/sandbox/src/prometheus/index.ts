// The sandbox's Prometheus: the real server from Debian with backfilled history (server.ts), and the monitoring
// of a scenario's service built on it (monitoring.ts). monitoring.ts imports server.ts, never this barrel.
export * from './server.js'
export {
  scenarioProfiles,
  startMonitoring,
  type Monitoring
} from './monitoring.js'
