export {
  createKubeClients,
  kubeApiClients,
  type KubeClients
} from './clients.js'
export { ANNOTATIONS, FIELD_MANAGER } from './constants.js'
export { kubeError, kubeRetry } from './errors.js'
export {
  describePodFailure,
  findPodFailure,
  labelSelectorString,
  type PodFailure
} from './pods.js'
export { restartRollout, restartPatchBody, rfc3339Seconds } from './restart.js'
export type { RestartResult, RestartRolloutOptions } from './restart.js'
export {
  normalizeRegistry,
  executeRollBack,
  planRollBack,
  rollBack,
  rollBackFailure
} from './rollback.js'
export type {
  RollBackOptions,
  RollBackOutcome,
  RollBackPlan,
  RollBackResult
} from './rollback.js'
export {
  formatChangeCause,
  imagePatchBody,
  planImage,
  readDeployment,
  setImage
} from './set-image.js'
export type {
  ChangeCauseFacts,
  ImagePlan,
  SetImageOptions,
  SetImageResult
} from './set-image.js'
export { revisionOf, rolloutStatus, type RolloutStatus } from './status.js'
export { waitForRollout } from './wait.js'
export type { RolloutResult, WaitForRolloutOptions } from './wait.js'
export { listWatch } from './watcher.js'
export type { ListWatchHandle, ListWatchOptions } from './watcher.js'
