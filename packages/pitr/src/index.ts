export { PITR } from './constants.js'
export {
  checkServerName,
  defaultTargetName,
  rollbackTagValue,
  SERVER_NAME_PATTERN
} from './names.js'
export {
  checkRestorePoint,
  dataLossWindowSeconds,
  parseIsoWithOffset,
  parseRestorePoint
} from './restore-point.js'
export type { BackupFacts, RestorePointRequest } from './restore-point.js'
export {
  createFlexibleServerClient,
  throttleWithoutRetryAfterPolicy
} from './client.js'
export type { FlexibleServerClientOptions } from './client.js'
export { applyRestore, planRestore } from './restore.js'
export type {
  ApplyOptions,
  RestorePlan,
  RestoreRequest,
  RestoreResult
} from './restore.js'
