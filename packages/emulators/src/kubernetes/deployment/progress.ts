/**
 * Rollout progress, following kubernetes/kubernetes pkg/controller/deployment/progress.go (syncRolloutStatus) and
 * deployment_util.go (DeploymentComplete, DeploymentProgressing, DeploymentTimedOut): the Progressing and
 * Available conditions and ProgressDeadlineExceeded.
 */
import type { KubeObject } from '../types.js'
import {
  getCondition,
  newCondition,
  removeCondition,
  replicasOf,
  setCondition,
  type Condition,
  type ControllerContext
} from './util.js'
import { calculateStatus, writeStatus } from './sync.js'
import { cleanupDeployment } from './history.js'

/** `DeploymentComplete`. */
export function isComplete(
  ctx: ControllerContext,
  d: KubeObject,
  status: Record<string, unknown>
): boolean {
  const replicas = replicasOf(d)
  return (
    status.updatedReplicas === replicas &&
    status.replicas === replicas &&
    status.availableReplicas === replicas &&
    (status.observedGeneration as number) >= (d.metadata.generation ?? 1)
  )
}

/** `DeploymentProgressing`. */
export function isProgressing(
  ctx: ControllerContext,
  d: KubeObject,
  status: Record<string, unknown>
): boolean {
  const old = (d.status ?? {}) as Record<string, number | undefined>
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0)
  const newOld =
    (status.replicas as number) - (status.updatedReplicas as number)
  return (
    (status.updatedReplicas as number) > (old.updatedReplicas ?? 0) ||
    (status.readyReplicas as number) > (old.readyReplicas ?? 0) ||
    (status.availableReplicas as number) > (old.availableReplicas ?? 0) ||
    oldOld > newOld
  )
}

/** `DeploymentTimedOut`. */
export function isTimedOut(
  ctx: ControllerContext,
  d: KubeObject,
  status: { conditions?: Condition[] }
): boolean {
  const cond = getCondition(status, 'Progressing')
  if (!cond) return false
  if (cond.reason === 'ProgressDeadlineExceeded') return true
  if (cond.reason === 'NewReplicaSetAvailable') return false
  const from = Date.parse(cond.lastUpdateTime ?? '')
  const deadline = (d.spec?.progressDeadlineSeconds as number) * 1000
  return Number.isFinite(from) && from + deadline < Date.now()
}

/** `syncRolloutStatus`. */
export function syncRolloutStatus(
  ctx: ControllerContext,
  d: KubeObject,
  allRSs: KubeObject[],
  newRS: KubeObject | undefined
): void {
  const status = calculateStatus(ctx, d, allRSs, newRS) as Record<
    string,
    unknown
  > & { conditions?: Condition[] }
  const hasDeadline =
    d.spec?.progressDeadlineSeconds !== undefined &&
    d.spec?.progressDeadlineSeconds !== null
  if (!hasDeadline) removeCondition(status, 'Progressing')
  const current = getCondition(status, 'Progressing')
  const complete =
    status.replicas === status.updatedReplicas &&
    current !== undefined &&
    current.reason === 'NewReplicaSetAvailable'
  if (hasDeadline && !complete && newRS) {
    const name = newRS.metadata.name
    if (isComplete(ctx, d, status)) {
      setCondition(
        status,
        newCondition(
          'Progressing',
          'True',
          'NewReplicaSetAvailable',
          `ReplicaSet "${name}" has successfully progressed.`
        )
      )
    } else if (isProgressing(ctx, d, status)) {
      const condition = newCondition(
        'Progressing',
        'True',
        'ReplicaSetUpdated',
        `ReplicaSet "${name}" is progressing.`
      )
      if (current && current.status === 'True')
        condition.lastTransitionTime = current.lastTransitionTime
      removeCondition(status, 'Progressing')
      setCondition(status, condition)
    } else if (isTimedOut(ctx, d, status)) {
      setCondition(
        status,
        newCondition(
          'Progressing',
          'False',
          'ProgressDeadlineExceeded',
          `ReplicaSet "${name}" has timed out progressing.`
        )
      )
    }
  }
  writeStatus(ctx, d, status)
}

/**
 * Cleans up old ReplicaSets once the rollout is complete, as `rolloutRolling` and `rolloutRecreate` do
 * before syncing the rollout status (kubernetes/kubernetes pkg/controller/deployment/rolling.go, recreate.go).
 */
export function cleanupIfComplete(
  ctx: ControllerContext,
  d: KubeObject,
  oldRSs: KubeObject[],
  newRS: KubeObject
): void {
  const status = calculateStatus(ctx, d, [...oldRSs, newRS], newRS)
  if (isComplete(ctx, d, status)) cleanupDeployment(ctx, d, oldRSs)
}
