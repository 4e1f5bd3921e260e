/**
 * The deployment and ReplicaSet controllers of kube-controller-manager, reduced to what rollouts need and
 * following pkg/controller/deployment (sync.go, rolling.go, recreate.go, progress.go, util/deployment_util.go)
 * and pkg/controller/replicaset: one ReplicaSet per pod-template-hash, revision annotations (with
 * revision-history on re-adoption), surge/unavailable fenceposts, Progressing/Available conditions,
 * ProgressDeadlineExceeded, revisionHistoryLimit clean-up and paused deployments.
 */
import { deepEqual } from './patch.js'
import { matchesLabels, selectorObjectRequirements } from './selectors.js'
import type { ObjectStore } from './store.js'
import { randomSuffix } from './store.js'
import type { KubeObject, OwnerReference } from './types.js'

/** Annotation and label keys the controllers use. */
export const ANNOTATIONS = {
  revision: 'deployment.kubernetes.io/revision',
  revisionHistory: 'deployment.kubernetes.io/revision-history',
  desiredReplicas: 'deployment.kubernetes.io/desired-replicas',
  maxReplicas: 'deployment.kubernetes.io/max-replicas',
  changeCause: 'kubernetes.io/change-cause',
  lastApplied: 'kubectl.kubernetes.io/last-applied-configuration',
  rollbackTo: 'deprecated.deployment.rollback.to',
  podTemplateHash: 'pod-template-hash'
} as const

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

const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789'

function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

/**
 * The `pod-template-hash` of a pod template: FNV-1a 32 over a canonical form of the template (the
 * `pod-template-hash` label excluded) and the collision count, encoded as `rand.SafeEncodeString` does.
 */
export function podTemplateHash(template: unknown, collisionCount = 0): string {
  const t = structuredClone(template) as
    { metadata?: { labels?: Record<string, string> } } | undefined
  if (t?.metadata?.labels) delete t.metadata.labels[ANNOTATIONS.podTemplateHash]
  let hash = 0x811c9dc5
  const text =
    stableStringify(t ?? {}) + (collisionCount ? String(collisionCount) : '')
  for (const byte of Buffer.from(text, 'utf8')) {
    hash ^= byte
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  let out = ''
  for (const ch of String(hash))
    out += ALPHANUMS[ch.charCodeAt(0) % ALPHANUMS.length]
  return out
}

/** Whether two pod templates are equal ignoring the `pod-template-hash` label (`EqualIgnoreHash`). */
export function equalIgnoreHash(a: unknown, b: unknown): boolean {
  const strip = (t: unknown) => {
    const c = structuredClone(t ?? {}) as {
      metadata?: {
        labels?: Record<string, string>
        creationTimestamp?: unknown
      }
    }
    if (c.metadata?.labels) {
      delete c.metadata.labels[ANNOTATIONS.podTemplateHash]
      if (Object.keys(c.metadata.labels).length === 0) delete c.metadata.labels
    }
    if (c.metadata) delete c.metadata.creationTimestamp
    return c
  }
  return deepEqual(strip(a), strip(b))
}

/**
 * Scales an int-or-percent (`intstr.GetScaledValueFromIntOrPercent`): `'25%'` of `total`, rounded up or down.
 * @throws Error for a malformed percentage.
 */
export function scaledValue(
  value: unknown,
  total: number,
  roundUp: boolean
): number {
  if (typeof value === 'number') return value
  if (typeof value === 'string') {
    const m = /^(\d+)%$/.exec(value)
    if (m) {
      const exact = (Number(m[1]) * total) / 100
      return roundUp ? Math.ceil(exact) : Math.floor(exact)
    }
    if (/^\d+$/.test(value)) return Number(value)
  }
  if (value === undefined || value === null) return 0
  throw new Error(`invalid value for IntOrString: ${JSON.stringify(value)}`)
}

/** `ResolveFenceposts`: [maxSurge, maxUnavailable] for `desired` replicas (surge up, unavailable down; never both 0). */
export function resolveFenceposts(
  maxSurge: unknown,
  maxUnavailable: unknown,
  desired: number
): [number, number] {
  const surge = scaledValue(maxSurge ?? 0, desired, true)
  let unavailable = scaledValue(maxUnavailable ?? 0, desired, false)
  if (surge === 0 && unavailable === 0) unavailable = 1
  return [surge, unavailable]
}

function isRolling(d: KubeObject): boolean {
  return d.spec?.strategy?.type !== 'Recreate'
}

function replicasOf(o: KubeObject): number {
  return o.spec?.replicas ?? 1
}

/** `deploymentutil.MaxSurge`. */
export function maxSurgeOf(d: KubeObject): number {
  if (!isRolling(d)) return 0
  const ru = d.spec?.strategy?.rollingUpdate ?? {}
  return resolveFenceposts(ru.maxSurge, ru.maxUnavailable, replicasOf(d))[0]
}

/** `deploymentutil.MaxUnavailable` (capped at replicas; 0 for Recreate or zero replicas). */
export function maxUnavailableOf(d: KubeObject): number {
  const replicas = replicasOf(d)
  if (!isRolling(d) || replicas === 0) return 0
  const ru = d.spec?.strategy?.rollingUpdate ?? {}
  return Math.min(
    resolveFenceposts(ru.maxSurge, ru.maxUnavailable, replicas)[1],
    replicas
  )
}

function revisionOf(o: KubeObject): number {
  const v = o.metadata.annotations?.[ANNOTATIONS.revision]
  if (v === undefined) return 0
  const n = Number(v)
  return Number.isInteger(n) ? n : 0
}

function isControlledBy(o: KubeObject, owner: KubeObject): boolean {
  return (o.metadata.ownerReferences ?? []).some(
    (r) => r.controller && r.uid === owner.metadata.uid
  )
}

/** A controller ownerReference to `owner`. */
export function controllerRef(owner: KubeObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid ?? '',
    controller: true,
    blockOwnerDeletion: true
  }
}

function byCreation(a: KubeObject, b: KubeObject): number {
  const ta = a.metadata.creationTimestamp ?? ''
  const tb = b.metadata.creationTimestamp ?? ''
  return ta === tb
    ? a.metadata.name.localeCompare(b.metadata.name)
    : ta < tb
      ? -1
      : 1
}

const sum = (items: KubeObject[], f: (o: KubeObject) => number) =>
  items.reduce((acc, o) => acc + f(o), 0)
const specReplicas = (rs: KubeObject) => rs.spec?.replicas ?? 0
const statusNum = (o: KubeObject, field: string) =>
  (o.status as Record<string, number> | undefined)?.[field] ?? 0

function nowIso(): string {
  return new Date().toISOString().replace(/\.\d+Z$/, 'Z')
}

interface Condition {
  type: string
  status: string
  reason?: string
  message?: string
  lastUpdateTime?: string
  lastTransitionTime?: string
}

function getCondition(
  status: { conditions?: Condition[] },
  type: string
): Condition | undefined {
  return status.conditions?.find((c) => c.type === type)
}

function newCondition(
  type: string,
  status: string,
  reason: string,
  message: string
): Condition {
  const t = nowIso()
  return {
    type,
    status,
    lastUpdateTime: t,
    lastTransitionTime: t,
    reason,
    message
  }
}

/** `SetDeploymentCondition`: no change for the same status and reason; keeps lastTransitionTime on same status. */
function setCondition(
  status: { conditions?: Condition[] },
  condition: Condition
): void {
  const current = getCondition(status, condition.type)
  if (
    current &&
    current.status === condition.status &&
    current.reason === condition.reason
  )
    return
  if (current && current.status === condition.status)
    condition.lastTransitionTime = current.lastTransitionTime
  status.conditions = [
    ...(status.conditions ?? []).filter((c) => c.type !== condition.type),
    condition
  ]
}

function removeCondition(
  status: { conditions?: Condition[] },
  type: string
): void {
  status.conditions = (status.conditions ?? []).filter((c) => c.type !== type)
}

/** Options of {@link Controllers}. */
export interface ControllerOptions {
  store: ObjectStore
  /** Node name pods are bound to. */
  nodeName?: string
}

/**
 * The deployment controller and the ReplicaSet controller. {@link syncAll} is idempotent and writes only
 * when something changes; the emulator calls it on every store change and on a timer.
 */
export class Controllers {
  private readonly store: ObjectStore
  private readonly nodeName: string

  constructor(options: ControllerOptions) {
    this.store = options.store
    this.nodeName = options.nodeName ?? 'sandbox-node'
  }

  /** One reconcile pass over every Deployment, then every ReplicaSet. */
  syncAll(): void {
    for (const d of this.store.list('deployments')) {
      const fresh = this.store.get(
        'deployments',
        d.metadata.namespace,
        d.metadata.name
      )
      if (fresh && !fresh.metadata.deletionTimestamp) this.syncDeployment(fresh)
    }
    for (const rs of this.store.list('replicasets')) {
      const fresh = this.store.get(
        'replicasets',
        rs.metadata.namespace,
        rs.metadata.name
      )
      if (fresh) this.syncReplicaSet(fresh)
    }
  }

  // ------------------------------------------------------------------ deployment controller

  private replicaSetsOf(d: KubeObject): KubeObject[] {
    const requirements = selectorObjectRequirements(d.spec?.selector)
    return this.store
      .list('replicasets', d.metadata.namespace)
      .filter(
        (rs) =>
          isControlledBy(rs, d) &&
          matchesLabels(requirements, rs.metadata.labels)
      )
  }

  private event(
    o: KubeObject,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
    component: string
  ): void {
    this.store.recordEvent(o, type, reason, message, component)
  }

  /** `syncDeployment`. */
  private syncDeployment(d: KubeObject): void {
    const rsList = this.replicaSetsOf(d)
    d = this.checkPausedConditions(d)
    if (d.spec?.paused) {
      this.sync(d, rsList)
      return
    }
    if (this.isScalingEvent(d, rsList)) {
      this.sync(d, rsList)
      return
    }
    if (isRolling(d)) this.rolloutRolling(d, rsList)
    else this.rolloutRecreate(d, rsList)
  }

  private writeDeployment(d: KubeObject): KubeObject {
    return this.store.update('deployments', d)
  }

  private checkPausedConditions(d: KubeObject): KubeObject {
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
    return changed ? this.writeDeployment(d) : d
  }

  private isScalingEvent(d: KubeObject, rsList: KubeObject[]): boolean {
    const { newRS, oldRSs } = this.splitReplicaSets(d, rsList)
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

  private splitReplicaSets(
    d: KubeObject,
    rsList: KubeObject[]
  ): { newRS?: KubeObject; oldRSs: KubeObject[] } {
    const sorted = [...rsList].sort(byCreation)
    const newRS = sorted.find((rs) =>
      equalIgnoreHash(rs.spec?.template, d.spec?.template)
    )
    return { newRS, oldRSs: sorted.filter((rs) => rs !== newRS) }
  }

  /**
   * `getAllReplicaSetsAndSyncRevision` / `getNewReplicaSet`: finds (or creates) the new RS, raising its revision
   * above the old ones (recording the old number in revision-history), and sets the Deployment's revision.
   */
  private getAllReplicaSetsAndSyncRevision(
    d: KubeObject,
    rsList: KubeObject[],
    createIfNotExisted: boolean
  ): { d: KubeObject; newRS?: KubeObject; oldRSs: KubeObject[] } {
    const split = this.splitReplicaSets(d, rsList)
    const oldRSs = split.oldRSs
    let newRS = split.newRS
    const maxOldRevision = oldRSs.reduce(
      (m, rs) => Math.max(m, revisionOf(rs)),
      0
    )
    const newRevision = String(maxOldRevision + 1)
    if (newRS) {
      const copy = structuredClone(newRS)
      const changed = this.setNewReplicaSetAnnotations(
        d,
        copy,
        newRevision,
        true
      )
      if (
        changed ||
        (copy.spec?.minReadySeconds ?? 0) !== (d.spec?.minReadySeconds ?? 0)
      ) {
        const spec = (copy.spec ??= {})
        spec.minReadySeconds = d.spec?.minReadySeconds ?? 0
        if (!spec.minReadySeconds) delete spec.minReadySeconds
        newRS = this.store.update('replicasets', copy)
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
      if (needsUpdate) d = this.writeDeployment(d)
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
      replicas: this.newRSNewReplicas(d, [...oldRSs, rs], rs)
    }
    this.setNewReplicaSetAnnotations(d, rs, newRevision, false)
    const existing = this.store.get(
      'replicasets',
      d.metadata.namespace,
      rs.metadata.name
    )
    if (existing) {
      // Hash collision with an RS whose template differs: bump collisionCount and retry next pass (sync.go).
      const status = (d.status ??= {}) as Record<string, unknown>
      status.collisionCount = collisionCount + 1
      this.writeDeployment(d)
      return { d, oldRSs }
    }
    newRS = this.store.create('replicasets', rs)
    if (specReplicas(newRS) > 0)
      this.event(
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
    d = this.writeDeployment(d)
    return { d, newRS, oldRSs }
  }

  /** `SetNewReplicaSetAnnotations`. Returns whether annotations changed. */
  private setNewReplicaSetAnnotations(
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
      annotations[ANNOTATIONS.maxReplicas] = String(
        replicasOf(d) + maxSurgeOf(d)
      )
      changed = true
    }
    return changed
  }

  /** `NewRSNewReplicas`. */
  private newRSNewReplicas(
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

  /** Scales an RS, updating its desired/max-replicas annotations, with a ScalingReplicaSet event. */
  private scaleReplicaSet(
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
    const updated = this.store.update('replicasets', copy)
    if (before !== newScale)
      this.event(
        d,
        'Normal',
        'ScalingReplicaSet',
        `Scaled ${newScale > before ? 'up' : 'down'} replica set ${rs.metadata.name} from ${before} to ${newScale}`,
        'deployment-controller'
      )
    return updated
  }

  private rolloutRolling(d0: KubeObject, rsList: KubeObject[]): void {
    const got = this.getAllReplicaSetsAndSyncRevision(d0, rsList, true)
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
          : this.newRSNewReplicas(d, [...oldRSs, newRS], newRS)
      if (target !== specReplicas(newRS)) {
        newRS = this.scaleReplicaSet(newRS, target, d)
        this.syncRolloutStatus(d, [...oldRSs, newRS], newRS)
        return
      }
    }
    // reconcileOldReplicaSets
    const scaledDown = this.reconcileOldReplicaSets(d, oldRSs, newRS)
    if (scaledDown) {
      oldRSs = this.replicaSetsOf(d).filter(
        (rs) => rs.metadata.uid !== newRS?.metadata.uid
      )
      this.syncRolloutStatus(d, [...oldRSs, newRS], newRS)
      return
    }
    const status = this.calculateStatus(d, [...oldRSs, newRS], newRS)
    if (this.isComplete(d, status)) this.cleanupDeployment(d, oldRSs)
    this.syncRolloutStatus(d, [...oldRSs, newRS], newRS)
  }

  private reconcileOldReplicaSets(
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
          current = this.scaleReplicaSet(rs, specReplicas(rs) - n, d)
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
        this.scaleReplicaSet(rs, specReplicas(rs) - n, d)
        scaled += n
      }
    }
    return cleaned + scaled > 0
  }

  private rolloutRecreate(d0: KubeObject, rsList: KubeObject[]): void {
    let { d, newRS, oldRSs } = this.getAllReplicaSetsAndSyncRevision(
      d0,
      rsList,
      false
    )
    const active = oldRSs.filter((rs) => specReplicas(rs) > 0)
    if (active.length) {
      for (const rs of active) this.scaleReplicaSet(rs, 0, d)
      this.syncRolloutStatus(d, this.replicaSetsOf(d), newRS)
      return
    }
    const oldUids = new Set(oldRSs.map((rs) => rs.metadata.uid))
    const oldPodsRunning = this.store
      .list('pods', d.metadata.namespace)
      .some((p) => p.metadata.ownerReferences?.some((r) => oldUids.has(r.uid)))
    if (oldPodsRunning) {
      this.syncRolloutStatus(d, [...oldRSs, ...(newRS ? [newRS] : [])], newRS)
      return
    }
    if (!newRS) {
      ;({ d, newRS, oldRSs } = this.getAllReplicaSetsAndSyncRevision(
        d,
        this.replicaSetsOf(d),
        true
      ))
      if (!newRS) return
    }
    const status = this.calculateStatus(d, [...oldRSs, newRS], newRS)
    if (this.isComplete(d, status)) this.cleanupDeployment(d, oldRSs)
    if (specReplicas(newRS) !== replicasOf(d))
      newRS = this.scaleReplicaSet(newRS, replicasOf(d), d)
    this.syncRolloutStatus(d, [...oldRSs, newRS], newRS)
  }

  /** `sync`: scaling and clean-up without rolling (paused deployments, scaling events). */
  private sync(d0: KubeObject, rsList: KubeObject[]): void {
    const { d, newRS, oldRSs } = this.getAllReplicaSetsAndSyncRevision(
      d0,
      rsList,
      false
    )
    this.scale(d, newRS, oldRSs)
    const fresh = this.replicaSetsOf(d)
    const freshNew = newRS
      ? fresh.find((rs) => rs.metadata.uid === newRS.metadata.uid)
      : undefined
    const freshOld = fresh.filter((rs) => rs !== freshNew)
    if (d.spec?.paused) this.cleanupDeployment(d, freshOld)
    const status = this.calculateStatus(d, fresh, freshNew)
    this.writeStatus(d, status)
  }

  /** `scale`: proportional scaling of active ReplicaSets to the new replica count. */
  private scale(
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
        this.scaleReplicaSet(single, replicas, d)
      return
    }
    if (newRS && this.isComplete(d, this.calculateStatus(d, all, newRS))) {
      for (const rs of oldRSs)
        if (specReplicas(rs) > 0) this.scaleReplicaSet(rs, 0, d)
      return
    }
    const allowed = replicas + maxSurgeOf(d)
    const current = sum(active, specReplicas)
    let toAdd = allowed - current
    if (toAdd === 0) {
      for (const rs of active) this.scaleReplicaSet(rs, specReplicas(rs), d)
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
    for (const [rs, size] of sizes) this.scaleReplicaSet(rs, size, d)
  }

  /** `cleanupDeployment`: deletes the oldest unused ReplicaSets beyond revisionHistoryLimit. */
  private cleanupDeployment(d: KubeObject, oldRSs: KubeObject[]): void {
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
      if (
        this.store.get('replicasets', rs.metadata.namespace, rs.metadata.name)
      )
        this.store.delete(
          'replicasets',
          rs.metadata.namespace,
          rs.metadata.name
        )
    }
  }

  private calculateStatus(
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

  /** `DeploymentComplete`. */
  private isComplete(d: KubeObject, status: Record<string, unknown>): boolean {
    const replicas = replicasOf(d)
    return (
      status.updatedReplicas === replicas &&
      status.replicas === replicas &&
      status.availableReplicas === replicas &&
      (status.observedGeneration as number) >= (d.metadata.generation ?? 1)
    )
  }

  /** `DeploymentProgressing`. */
  private isProgressing(
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
  private isTimedOut(
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
  private syncRolloutStatus(
    d: KubeObject,
    allRSs: KubeObject[],
    newRS: KubeObject | undefined
  ): void {
    const status = this.calculateStatus(d, allRSs, newRS) as Record<
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
      if (this.isComplete(d, status)) {
        setCondition(
          status,
          newCondition(
            'Progressing',
            'True',
            'NewReplicaSetAvailable',
            `ReplicaSet "${name}" has successfully progressed.`
          )
        )
      } else if (this.isProgressing(d, status)) {
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
      } else if (this.isTimedOut(d, status)) {
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
    this.writeStatus(d, status)
  }

  private writeStatus(d: KubeObject, computed: Record<string, unknown>): void {
    // DeploymentStatus counts are `omitempty`: zero values are not serialised.
    const status = Object.fromEntries(
      Object.entries(computed).filter(([, v]) => v !== 0)
    )
    if (deepEqual(d.status, status)) return
    const fresh = this.store.get(
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
    this.store.update('deployments', fresh)
  }

  // ------------------------------------------------------------------ ReplicaSet controller

  /** Pods controlled by an RS (terminating ones included). */
  podsOf(rs: KubeObject): KubeObject[] {
    const requirements = selectorObjectRequirements(rs.spec?.selector)
    return this.store
      .list('pods', rs.metadata.namespace)
      .filter(
        (p) =>
          isControlledBy(p, rs) &&
          matchesLabels(requirements, p.metadata.labels)
      )
  }

  private syncReplicaSet(rs: KubeObject): void {
    const pods = this.podsOf(rs)
    let active = pods.filter(
      (p) =>
        !p.metadata.deletionTimestamp &&
        p.status?.phase !== 'Failed' &&
        p.status?.phase !== 'Succeeded'
    )
    const diff = active.length - specReplicas(rs)
    if (diff < 0) {
      for (let i = 0; i < -diff; i++) active.push(this.createPod(rs))
    } else if (diff > 0) {
      const victims = [...active].sort(deletionRank).slice(0, diff)
      const now = nowIso()
      for (const pod of victims) {
        pod.metadata.deletionTimestamp = now
        pod.metadata.deletionGracePeriodSeconds =
          pod.spec?.terminationGracePeriodSeconds ?? 30
        this.store.update('pods', pod)
        this.event(
          rs,
          'Normal',
          'SuccessfulDelete',
          `Deleted pod: ${pod.metadata.name}`,
          'replicaset-controller'
        )
      }
      const gone = new Set(victims.map((v) => v.metadata.uid))
      active = active.filter((p) => !gone.has(p.metadata.uid))
    }
    const minReadyMs = (rs.spec?.minReadySeconds ?? 0) * 1000
    const ready = active.filter(isPodReady)
    const status: Record<string, unknown> = {
      replicas: active.length,
      fullyLabeledReplicas: active.length,
      readyReplicas: ready.length,
      availableReplicas: ready.filter((p) => isAvailable(p, minReadyMs)).length,
      observedGeneration: rs.metadata.generation ?? 1
    }
    for (const k of [
      'fullyLabeledReplicas',
      'readyReplicas',
      'availableReplicas'
    ])
      if (status[k] === 0) delete status[k]
    if (!deepEqual(rs.status, status)) {
      const fresh = this.store.get(
        'replicasets',
        rs.metadata.namespace,
        rs.metadata.name
      )
      if (fresh && fresh.metadata.uid === rs.metadata.uid) {
        fresh.status = status
        this.store.update('replicasets', fresh)
      }
    }
  }

  private createPod(rs: KubeObject): KubeObject {
    const template = structuredClone(
      rs.spec?.template ?? { spec: { containers: [] } }
    )
    const now = nowIso()
    const pod = this.store.create('pods', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: `${rs.metadata.name}-${randomSuffix()}`,
        generateName: `${rs.metadata.name}-`,
        namespace: rs.metadata.namespace,
        labels: template.metadata?.labels ?? {},
        ...(template.metadata?.annotations
          ? { annotations: template.metadata.annotations }
          : {}),
        ownerReferences: [controllerRef(rs)]
      },
      spec: { ...template.spec, nodeName: this.nodeName },
      status: {
        phase: 'Pending',
        conditions: [
          {
            type: 'PodScheduled',
            status: 'True',
            lastProbeTime: null,
            lastTransitionTime: now
          }
        ],
        qosClass: 'BestEffort'
      }
    })
    this.event(
      rs,
      'Normal',
      'SuccessfulCreate',
      `Created pod: ${pod.metadata.name}`,
      'replicaset-controller'
    )
    this.store.recordEvent(
      pod,
      'Normal',
      'Scheduled',
      `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${this.nodeName}`,
      'default-scheduler'
    )
    return pod
  }
}

/** Whether a pod's Ready condition is True. */
export function isPodReady(pod: KubeObject): boolean {
  const conditions = (pod.status?.conditions ?? []) as Condition[]
  return conditions.some((c) => c.type === 'Ready' && c.status === 'True')
}

function isAvailable(pod: KubeObject, minReadyMs: number): boolean {
  if (minReadyMs === 0) return true
  const ready = ((pod.status?.conditions ?? []) as Condition[]).find(
    (c) => c.type === 'Ready'
  )
  const since = Date.parse(ready?.lastTransitionTime ?? '')
  return Number.isFinite(since) && since + minReadyMs <= Date.now()
}

/** `ActivePodsWithRanks` order: unscheduled, pending, not ready, more restarts and newer pods go first. */
function deletionRank(a: KubeObject, b: KubeObject): number {
  const phaseRank = (p: KubeObject) =>
    p.status?.phase === 'Pending' ? 0 : p.status?.phase === 'Unknown' ? 1 : 2
  const restarts = (p: KubeObject) =>
    (
      (p.status?.containerStatuses ?? []) as Array<{ restartCount?: number }>
    ).reduce((s, c) => s + (c.restartCount ?? 0), 0)
  return (
    phaseRank(a) - phaseRank(b) ||
    Number(isPodReady(a)) - Number(isPodReady(b)) ||
    restarts(b) - restarts(a) ||
    (b.metadata.creationTimestamp ?? '').localeCompare(
      a.metadata.creationTimestamp ?? ''
    )
  )
}
