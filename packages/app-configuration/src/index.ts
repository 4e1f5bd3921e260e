// @rollback-actions/app-configuration: Azure App Configuration rollback — feature flags off (or to 0 %) and back,
// key-values back to a point in time — over the official @azure/app-configuration SDK with Entra credentials.
export {
  CONNECTION_STRING,
  FEATURE_FLAG_NAME,
  FEATURE_FLAG_PREFIX
} from './constants.js'
export {
  applyFlagPlan,
  escapeFilter,
  labelFilterOf,
  planFlags,
  resolveFlags,
  type FlagAction,
  type FlagPlan,
  type FlagReport,
  type FlagSelection
} from './flags.js'
export {
  checkPointInTime,
  planRestore,
  type PlannedKey,
  type RestorePlan
} from './restore.js'
export { parseStoreEndpoint } from './endpoint.js'
export { parseSnapshots } from './snapshots.js'
export {
  applyChanges,
  createAppConfigurationClient,
  describeKey,
  restoreSnapshots,
  storeError,
  verifyStates,
  type KeyValueChange,
  type KeyValueSnapshot,
  type KeyValueState
} from './store.js'
export type { AppConfigurationClient } from '@azure/app-configuration'
