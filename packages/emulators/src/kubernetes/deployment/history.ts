/**
 * Revision history, following kubernetes/kubernetes pkg/controller/deployment/util/deployment_util.go
 * (SetNewReplicaSetAnnotations: revision, revision-history on re-adoption) and sync.go (cleanupDeployment:
 * revisionHistoryLimit). `kubectl rollout undo` reads these annotations; the deprecated server-side rollback of
 * pkg/controller/deployment/rollback.go is not served.
 */
import type { KubeObject } from '../types.js'
import {
  ANNOTATIONS,
  byCreation,
  maxSurgeOf,
  replicasOf,
  revisionOf,
  specReplicas,
  statusNum,
  type ControllerContext
} from './util.js'

/** Annotations not copied from a Deployment to its ReplicaSets (`skipCopyAnnotation`). */
const SKIP_COPY = new Set<string>([
  ANNOTATIONS.lastApplied,
  ANNOTATIONS.revision,
  ANNOTATIONS.revisionHistory,
  ANNOTATIONS.desiredReplicas,
  ANNOTATIONS.maxReplicas,
  ANNOTATIONS.rollbackTo
])

/** Longest `revision-history` annotation (kube-controller-manager's default). */
const MAX_REV_HISTORY_CHARS = 2000

/** `SetNewReplicaSetAnnotations`. Returns whether annotations changed. */
export function setNewReplicaSetAnnotations(
  ctx: ControllerContext,
  d: KubeObject,
  rs: KubeObject,
  newRevision: string,
  exists: boolean
): boolean {
  const annotations = (rs.metadata.annotations ??= {})
  let changed = false
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) {
    if (SKIP_COPY.has(k) || annotations[k] === v) continue
    annotations[k] = v
    changed = true
  }
  const oldRevision = annotations[ANNOTATIONS.revision]
  const oldInt = oldRevision === undefined ? 0 : Number(oldRevision)
  const newInt = Number(newRevision)
  if (oldInt < newInt) {
    annotations[ANNOTATIONS.revision] = newRevision
    changed = true
    if (oldRevision !== undefined) {
      const history = annotations[ANNOTATIONS.revisionHistory] ?? ''
      let revisions = history === '' ? [] : history.split(',')
      let total = history.length + oldRevision.length + 1
      while (total > MAX_REV_HISTORY_CHARS && revisions.length) {
        total -= (revisions[0]?.length ?? 0) + 1
        revisions = revisions.slice(1)
      }
      annotations[ANNOTATIONS.revisionHistory] = [
        ...revisions,
        oldRevision
      ].join(',')
    }
  }
  if (!exists) {
    annotations[ANNOTATIONS.desiredReplicas] = String(replicasOf(d))
    annotations[ANNOTATIONS.maxReplicas] = String(replicasOf(d) + maxSurgeOf(d))
    changed = true
  }
  return changed
}

/** `cleanupDeployment`: deletes the oldest unused ReplicaSets beyond revisionHistoryLimit. */
export function cleanupDeployment(
  ctx: ControllerContext,
  d: KubeObject,
  oldRSs: KubeObject[]
): void {
  const limit = d.spec?.revisionHistoryLimit
  if (limit === undefined || limit === null) return
  const cleanable = oldRSs.filter((rs) => !rs.metadata.deletionTimestamp)
  const diff = cleanable.length - limit
  if (diff <= 0) return
  const byRevision = [...cleanable].sort(
    (a, b) => revisionOf(a) - revisionOf(b) || byCreation(a, b)
  )
  for (const rs of byRevision.slice(0, diff)) {
    if (
      statusNum(rs, 'replicas') !== 0 ||
      specReplicas(rs) !== 0 ||
      (rs.metadata.generation ?? 0) > statusNum(rs, 'observedGeneration')
    )
      continue
    if (ctx.store.get('replicasets', rs.metadata.namespace, rs.metadata.name))
      ctx.store.delete('replicasets', rs.metadata.namespace, rs.metadata.name)
  }
}
