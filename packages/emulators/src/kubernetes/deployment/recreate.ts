/**
 * The Recreate strategy, following kubernetes/kubernetes pkg/controller/deployment/recreate.go.
 */
import type { KubeObject } from '../types.js'
import {
  replicaSetsOf,
  replicasOf,
  specReplicas,
  type ControllerContext
} from './util.js'
import { getAllReplicaSetsAndSyncRevision, scaleReplicaSet } from './sync.js'
import { cleanupIfComplete, syncRolloutStatus } from './progress.js'

/** `rolloutRecreate`: scales every old ReplicaSet to 0, waits until their pods are gone, then scales up the new one. */
export function rolloutRecreate(
  ctx: ControllerContext,
  d0: KubeObject,
  rsList: KubeObject[]
): void {
  let { d, newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(
    ctx,
    d0,
    rsList,
    false
  )
  const active = oldRSs.filter((rs) => specReplicas(rs) > 0)
  if (active.length) {
    for (const rs of active) scaleReplicaSet(ctx, rs, 0, d)
    syncRolloutStatus(ctx, d, replicaSetsOf(ctx, d), newRS)
    return
  }
  const oldUids = new Set(oldRSs.map((rs) => rs.metadata.uid))
  const oldPodsRunning = ctx.store
    .list('pods', d.metadata.namespace)
    .some((p) => p.metadata.ownerReferences?.some((r) => oldUids.has(r.uid)))
  if (oldPodsRunning) {
    syncRolloutStatus(ctx, d, [...oldRSs, ...(newRS ? [newRS] : [])], newRS)
    return
  }
  if (!newRS) {
    ;({ d, newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(
      ctx,
      d,
      replicaSetsOf(ctx, d),
      true
    ))
    if (!newRS) return
  }
  cleanupIfComplete(ctx, d, oldRSs, newRS)
  if (specReplicas(newRS) !== replicasOf(d))
    newRS = scaleReplicaSet(ctx, newRS, replicasOf(d), d)
  syncRolloutStatus(ctx, d, [...oldRSs, newRS], newRS)
}
