/** Names shared by the rollout library (annotations, field manager, defaults). */
export const ANNOTATIONS = {
  /** Decimal revision on a Deployment and each of its ReplicaSets. */
  revision: 'deployment.kubernetes.io/revision',
  /** Shown by `kubectl rollout history`; copied by the controller to the new ReplicaSet. */
  changeCause: 'kubernetes.io/change-cause',
  /** Pod-template annotation `kubectl rollout restart` sets. */
  restartedAt: 'kubectl.kubernetes.io/restartedAt'
} as const

/** `fieldManager` sent with every write, so `managedFields` names this suite. */
export const FIELD_MANAGER = 'rollback-actions'

/** Condition reason the deployment controller sets when `progressDeadlineSeconds` elapsed. */
export const PROGRESS_DEADLINE_EXCEEDED = 'ProgressDeadlineExceeded'

/** Container waiting reasons that mean the image cannot be pulled. */
export const IMAGE_PULL_FAILURES = [
  'ErrImagePull',
  'ImagePullBackOff',
  'InvalidImageName',
  'ErrImageNeverPull'
] as const

/** Container waiting reasons that mean the container cannot start or keeps crashing. */
export const START_FAILURES = [
  'CrashLoopBackOff',
  'CreateContainerConfigError',
  'CreateContainerError',
  'RunContainerError'
] as const

/** Log lines of the previous container instance quoted when a pod crash-loops. */
export const CRASH_LOG_LINES = 20
