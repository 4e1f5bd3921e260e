/**
 * The RollingUpdate strategy, following kubernetes/kubernetes pkg/controller/deployment/rolling.go
 * (rolloutRolling, reconcileNewReplicaSet, reconcileOldReplicaSets) and deployment_util.go NewRSNewReplicas.
 */
import type { KubeObject } from '../types.js'
import {
  byCreation,
  isRolling,
  maxSurgeOf,
  maxUnavailableOf,
  replicaSetsOf,
  replicasOf,
  specReplicas,
  statusNum,
  sum,
  type ControllerContext
} from './util.js'
import { getAllReplicaSetsAndSyncRevision, scaleReplicaSet } from './sync.js'
import { cleanupIfComplete, syncRolloutStatus } from './progress.js'

/** `NewRSNewReplicas`. */
export function newRSNewReplicas(
  ctx: ControllerContext,
  d: KubeObject,
  allRSs: KubeObject[],
  newRS: KubeObject
): number {
  const replicas = replicasOf(d)
  if (!isRolling(d)) return replicas
  const maxTotal = replicas + maxSurgeOf(d)
  const current = sum(allRSs, specReplicas)
  if (current >= maxTotal) return specReplicas(newRS)
  const scaleUp = Math.min(maxTotal - current, replicas - specReplicas(newRS))
  return specReplicas(newRS) + scaleUp
}

/** `rolloutRolling`: scales the new ReplicaSet up and the old ones down within maxSurge/maxUnavailable. */
export function rolloutRolling(
  ctx: ControllerContext,
  d0: KubeObject,
  rsList: KubeObject[]
): void {
  const got = getAllReplicaSetsAndSyncRevision(ctx, d0, rsList, true)
  const d = got.d
  let newRS = got.newRS
  let oldRSs = got.oldRSs
  if (!newRS) return
  // reconcileNewReplicaSet
  const replicas = replicasOf(d)
  if (specReplicas(newRS) !== replicas) {
    const target =
      specReplicas(newRS) > replicas
        ? replicas
        : newRSNewReplicas(ctx, d, [...oldRSs, newRS], newRS)
    if (target !== specReplicas(newRS)) {
      newRS = scaleReplicaSet(ctx, newRS, target, d)
      syncRolloutStatus(ctx, d, [...oldRSs, newRS], newRS)
      return
    }
  }
  // reconcileOldReplicaSets
  const scaledDown = reconcileOldReplicaSets(ctx, d, oldRSs, newRS)
  if (scaledDown) {
    oldRSs = replicaSetsOf(ctx, d).filter(
      (rs) => rs.metadata.uid !== newRS?.metadata.uid
    )
    syncRolloutStatus(ctx, d, [...oldRSs, newRS], newRS)
    return
  }
  cleanupIfComplete(ctx, d, oldRSs, newRS)
  syncRolloutStatus(ctx, d, [...oldRSs, newRS], newRS)
}

/** `reconcileOldReplicaSets`: cleans up unhealthy old replicas, then scales old ReplicaSets down within maxUnavailable. */
export function reconcileOldReplicaSets(
  ctx: ControllerContext,
  d: KubeObject,
  oldRSs: KubeObject[],
  newRS: KubeObject
): boolean {
  const oldPods = sum(oldRSs, specReplicas)
  if (oldPods === 0) return false
  const allRSs = [...oldRSs, newRS]
  const allPods = sum(allRSs, specReplicas)
  const minAvailable = replicasOf(d) - maxUnavailableOf(d)
  const newRSUnavailable =
    specReplicas(newRS) - statusNum(newRS, 'availableReplicas')
  const maxScaledDown = allPods - minAvailable - newRSUnavailable
  if (maxScaledDown <= 0) return false
  // cleanupUnhealthyReplicas: scale down old RSs' unavailable pods first.
  let cleaned = 0
  const updatedOld: KubeObject[] = []
  for (const rs of [...oldRSs].sort(byCreation)) {
    let current = rs
    if (
      cleaned < maxScaledDown &&
      specReplicas(rs) > 0 &&
      specReplicas(rs) !== statusNum(rs, 'availableReplicas')
    ) {
      const n = Math.min(
        maxScaledDown - cleaned,
        specReplicas(rs) - statusNum(rs, 'availableReplicas')
      )
      if (n > 0) {
        current = scaleReplicaSet(ctx, rs, specReplicas(rs) - n, d)
        cleaned += n
      }
    }
    updatedOld.push(current)
  }
  // scaleDownOldReplicaSetsForRollingUpdate
  const available = sum([...updatedOld, newRS], (rs) =>
    statusNum(rs, 'availableReplicas')
  )
  let scaled = 0
  if (available > minAvailable) {
    const total = available - minAvailable
    for (const rs of updatedOld.sort(byCreation)) {
      if (scaled >= total) break
      if (specReplicas(rs) === 0) continue
      const n = Math.min(specReplicas(rs), total - scaled)
      scaleReplicaSet(ctx, rs, specReplicas(rs) - n, d)
      scaled += n
    }
  }
  return cleaned + scaled > 0
}
