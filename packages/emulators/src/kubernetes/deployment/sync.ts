/**
 * The deployment controller's sync step, following kubernetes/kubernetes pkg/controller/deployment/sync.go:
 * paused conditions, scaling events, finding or creating the new ReplicaSet, proportional scaling and status.
 */
import { deepEqual } from '../patch.js'
import type { KubeObject } from '../types.js'
import {
  ANNOTATIONS,
  byCreation,
  controllerRef,
  event,
  getCondition,
  maxSurgeOf,
  maxUnavailableOf,
  newCondition,
  podTemplateHash,
  replicaSetsOf,
  replicasOf,
  revisionOf,
  setCondition,
  specReplicas,
  splitReplicaSets,
  statusNum,
  sum,
  writeDeployment,
  type Condition,
  type ControllerContext
} from './util.js'
import { cleanupDeployment, setNewReplicaSetAnnotations } from './history.js'
import { newRSNewReplicas } from './rolling.js'
import { isComplete } from './progress.js'

/** `checkPausedConditions`: sets Progressing to DeploymentPaused / DeploymentResumed. */
export function checkPausedConditions(
  ctx: ControllerContext,
  d: KubeObject
): KubeObject {
  if (
    d.spec?.progressDeadlineSeconds === undefined ||
    d.spec?.progressDeadlineSeconds === null
  )
    return d
  const status = (d.status ??= {}) as { conditions?: Condition[] }
  const cond = getCondition(status, 'Progressing')
  if (cond?.reason === 'ProgressDeadlineExceeded') return d
  const pausedCond = cond?.reason === 'DeploymentPaused'
  let changed = false
  if (d.spec?.paused && !pausedCond) {
    setCondition(
      status,
      newCondition(
        'Progressing',
        'Unknown',
        'DeploymentPaused',
        'Deployment is paused'
      )
    )
    changed = true
  } else if (!d.spec?.paused && pausedCond) {
    setCondition(
      status,
      newCondition(
        'Progressing',
        'Unknown',
        'DeploymentResumed',
        'Deployment is resumed'
      )
    )
    changed = true
  }
  return changed ? writeDeployment(ctx, d) : d
}

/** `isScalingEvent`: whether an active ReplicaSet's desired-replicas annotation differs from the Deployment's replicas. */
export function isScalingEvent(
  ctx: ControllerContext,
  d: KubeObject,
  rsList: KubeObject[]
): boolean {
  const { newRS, oldRSs } = splitReplicaSets(ctx, d, rsList)
  const active = [...(newRS ? [newRS] : []), ...oldRSs].filter(
    (rs) => specReplicas(rs) > 0
  )
  for (const rs of active) {
    const desired = rs.metadata.annotations?.[ANNOTATIONS.desiredReplicas]
    if (desired === undefined) continue
    if (Number(desired) !== replicasOf(d)) return true
  }
  return false
}

/**
 * `getAllReplicaSetsAndSyncRevision` / `getNewReplicaSet`: finds (or creates) the new RS, raising its revision
 * above the old ones (recording the old number in revision-history), and sets the Deployment's revision.
 */
export function getAllReplicaSetsAndSyncRevision(
  ctx: ControllerContext,
  d: KubeObject,
  rsList: KubeObject[],
  createIfNotExisted: boolean
): { d: KubeObject; newRS?: KubeObject; oldRSs: KubeObject[] } {
  const split = splitReplicaSets(ctx, d, rsList)
  const oldRSs = split.oldRSs
  let newRS = split.newRS
  const maxOldRevision = oldRSs.reduce(
    (m, rs) => Math.max(m, revisionOf(rs)),
    0
  )
  const newRevision = String(maxOldRevision + 1)
  if (newRS) {
    const copy = structuredClone(newRS)
    const changed = setNewReplicaSetAnnotations(ctx, d, copy, newRevision, true)
    if (
      changed ||
      (copy.spec?.minReadySeconds ?? 0) !== (d.spec?.minReadySeconds ?? 0)
    ) {
      const spec = (copy.spec ??= {})
      spec.minReadySeconds = d.spec?.minReadySeconds ?? 0
      if (!spec.minReadySeconds) delete spec.minReadySeconds
      newRS = ctx.store.update('replicasets', copy)
    }
    const annotations = (d.metadata.annotations ??= {})
    let needsUpdate = false
    const rev = newRS.metadata.annotations?.[ANNOTATIONS.revision]
    if (rev !== undefined && annotations[ANNOTATIONS.revision] !== rev) {
      annotations[ANNOTATIONS.revision] = rev
      needsUpdate = true
    }
    const status = (d.status ??= {}) as { conditions?: Condition[] }
    if (
      d.spec?.progressDeadlineSeconds !== undefined &&
      !getCondition(status, 'Progressing')
    ) {
      setCondition(
        status,
        newCondition(
          'Progressing',
          'True',
          'FoundNewReplicaSet',
          `Found new replica set "${newRS.metadata.name}"`
        )
      )
      needsUpdate = true
    }
    if (needsUpdate) d = writeDeployment(ctx, d)
    return { d, newRS, oldRSs }
  }
  if (!createIfNotExisted) return { d, oldRSs }
  const collisionCount = d.status?.collisionCount ?? 0
  const source = d.spec?.template
  if (!source) return { d, oldRSs }
  const template = structuredClone(source)
  template.metadata ??= {}
  const hash = podTemplateHash(template, collisionCount)
  template.metadata.labels = {
    ...(template.metadata.labels ?? {}),
    [ANNOTATIONS.podTemplateHash]: hash
  }
  const selector = structuredClone(d.spec?.selector ?? {})
  selector.matchLabels = {
    ...(selector.matchLabels ?? {}),
    [ANNOTATIONS.podTemplateHash]: hash
  }
  const rs: KubeObject = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `${d.metadata.name}-${hash}`,
      namespace: d.metadata.namespace,
      labels: { ...template.metadata.labels },
      ownerReferences: [controllerRef(d)]
    },
    spec: {
      replicas: 0,
      ...(d.spec?.minReadySeconds
        ? { minReadySeconds: d.spec.minReadySeconds }
        : {}),
      selector,
      template
    }
  }
  rs.spec = {
    ...rs.spec,
    replicas: newRSNewReplicas(ctx, d, [...oldRSs, rs], rs)
  }
  setNewReplicaSetAnnotations(ctx, d, rs, newRevision, false)
  const existing = ctx.store.get(
    'replicasets',
    d.metadata.namespace,
    rs.metadata.name
  )
  if (existing) {
    // Hash collision with an RS whose template differs: bump collisionCount and retry next pass (sync.go).
    const status = (d.status ??= {}) as Record<string, unknown>
    status.collisionCount = collisionCount + 1
    writeDeployment(ctx, d)
    return { d, oldRSs }
  }
  newRS = ctx.store.create('replicasets', rs)
  if (specReplicas(newRS) > 0)
    event(
      ctx,
      d,
      'Normal',
      'ScalingReplicaSet',
      `Scaled up replica set ${newRS.metadata.name} from 0 to ${specReplicas(newRS)}`,
      'deployment-controller'
    )
  const annotations = (d.metadata.annotations ??= {})
  annotations[ANNOTATIONS.revision] = newRevision
  const status = (d.status ??= {}) as { conditions?: Condition[] }
  if (d.spec?.progressDeadlineSeconds !== undefined)
    setCondition(
      status,
      newCondition(
        'Progressing',
        'True',
        'NewReplicaSetCreated',
        `Created new replica set "${newRS.metadata.name}"`
      )
    )
  d = writeDeployment(ctx, d)
  return { d, newRS, oldRSs }
}

/** Scales an RS, updating its desired/max-replicas annotations, with a ScalingReplicaSet event. */
export function scaleReplicaSet(
  ctx: ControllerContext,
  rs: KubeObject,
  newScale: number,
  d: KubeObject
): KubeObject {
  const copy = structuredClone(rs)
  const before = specReplicas(rs)
  copy.spec = { ...copy.spec, replicas: newScale }
  const annotations = (copy.metadata.annotations ??= {})
  annotations[ANNOTATIONS.desiredReplicas] = String(replicasOf(d))
  annotations[ANNOTATIONS.maxReplicas] = String(replicasOf(d) + maxSurgeOf(d))
  const updated = ctx.store.update('replicasets', copy)
  if (before !== newScale)
    event(
      ctx,
      d,
      'Normal',
      'ScalingReplicaSet',
      `Scaled ${newScale > before ? 'up' : 'down'} replica set ${rs.metadata.name} from ${before} to ${newScale}`,
      'deployment-controller'
    )
  return updated
}

/** `sync`: scaling and clean-up without rolling (paused deployments, scaling events). */
export function sync(
  ctx: ControllerContext,
  d0: KubeObject,
  rsList: KubeObject[]
): void {
  const { d, newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(
    ctx,
    d0,
    rsList,
    false
  )
  scale(ctx, d, newRS, oldRSs)
  const fresh = replicaSetsOf(ctx, d)
  const freshNew = newRS
    ? fresh.find((rs) => rs.metadata.uid === newRS.metadata.uid)
    : undefined
  const freshOld = fresh.filter((rs) => rs !== freshNew)
  if (d.spec?.paused) cleanupDeployment(ctx, d, freshOld)
  const status = calculateStatus(ctx, d, fresh, freshNew)
  writeStatus(ctx, d, status)
}

/** `scale`: proportional scaling of active ReplicaSets to the new replica count. */
export function scale(
  ctx: ControllerContext,
  d: KubeObject,
  newRS: KubeObject | undefined,
  oldRSs: KubeObject[]
): void {
  const replicas = replicasOf(d)
  const all = [...(newRS ? [newRS] : []), ...oldRSs]
  const active = all.filter((rs) => specReplicas(rs) > 0)
  const single =
    active.length === 1 ? active[0] : active.length === 0 ? newRS : undefined
  if (single) {
    if (
      specReplicas(single) !== replicas ||
      single.metadata.annotations?.[ANNOTATIONS.desiredReplicas] !==
        String(replicas)
    )
      scaleReplicaSet(ctx, single, replicas, d)
    return
  }
  if (newRS && isComplete(ctx, d, calculateStatus(ctx, d, all, newRS))) {
    for (const rs of oldRSs)
      if (specReplicas(rs) > 0) scaleReplicaSet(ctx, rs, 0, d)
    return
  }
  const allowed = replicas + maxSurgeOf(d)
  const current = sum(active, specReplicas)
  let toAdd = allowed - current
  if (toAdd === 0) {
    for (const rs of active) scaleReplicaSet(ctx, rs, specReplicas(rs), d)
    return
  }
  // Proportions by current size, largest (then newest) first; leftovers to the first.
  const sorted = [...active].sort(
    (a, b) => specReplicas(b) - specReplicas(a) || byCreation(b, a)
  )
  const sizes = new Map<KubeObject, number>()
  let allocated = 0
  for (const rs of sorted) {
    const share =
      current === 0 ? 0 : Math.trunc((specReplicas(rs) * toAdd) / current)
    const clamped = Math.max(share, -specReplicas(rs))
    sizes.set(rs, specReplicas(rs) + clamped)
    allocated += clamped
  }
  toAdd -= allocated
  const first = sorted[0]
  if (first) sizes.set(first, Math.max(0, (sizes.get(first) ?? 0) + toAdd))
  for (const [rs, size] of sizes) scaleReplicaSet(ctx, rs, size, d)
}

/** `calculateStatus`: the Deployment status counts and the Available condition. */
export function calculateStatus(
  ctx: ControllerContext,
  d: KubeObject,
  allRSs: KubeObject[],
  newRS: KubeObject | undefined
): Record<string, unknown> {
  const available = sum(allRSs, (rs) => statusNum(rs, 'availableReplicas'))
  const total = sum(allRSs, specReplicas)
  const status: Record<string, unknown> = {
    observedGeneration: d.metadata.generation ?? 1,
    replicas: sum(allRSs, (rs) => statusNum(rs, 'replicas')),
    updatedReplicas: newRS ? statusNum(newRS, 'replicas') : 0,
    readyReplicas: sum(allRSs, (rs) => statusNum(rs, 'readyReplicas')),
    availableReplicas: available,
    unavailableReplicas: Math.max(0, total - available)
  }
  if (d.status?.collisionCount !== undefined)
    status.collisionCount = d.status.collisionCount
  status.conditions = structuredClone(d.status?.conditions ?? [])
  const s = status as { conditions?: Condition[] }
  if (available >= replicasOf(d) - maxUnavailableOf(d))
    setCondition(
      s,
      newCondition(
        'Available',
        'True',
        'MinimumReplicasAvailable',
        'Deployment has minimum availability.'
      )
    )
  else
    setCondition(
      s,
      newCondition(
        'Available',
        'False',
        'MinimumReplicasUnavailable',
        'Deployment does not have minimum availability.'
      )
    )
  return status
}

/** `syncDeploymentStatus`: writes the status when it changed (conditions compared without timestamps). */
export function writeStatus(
  ctx: ControllerContext,
  d: KubeObject,
  computed: Record<string, unknown>
): void {
  // DeploymentStatus counts are `omitempty`: zero values are not serialised.
  const status = Object.fromEntries(
    Object.entries(computed).filter(([, v]) => v !== 0)
  )
  if (deepEqual(d.status, status)) return
  const fresh = ctx.store.get(
    'deployments',
    d.metadata.namespace,
    d.metadata.name
  )
  if (!fresh || fresh.metadata.uid !== d.metadata.uid) return
  fresh.status = status
  const revision = d.metadata.annotations?.[ANNOTATIONS.revision]
  if (revision !== undefined) {
    fresh.metadata.annotations ??= {}
    fresh.metadata.annotations[ANNOTATIONS.revision] = revision
  }
  ctx.store.update('deployments', fresh, { subresource: 'status' })
}
