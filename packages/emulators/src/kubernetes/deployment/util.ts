/**
 * Helpers of the deployment controller, following kubernetes/kubernetes pkg/controller/deployment/util/deployment_util.go
 * (pod-template-hash, EqualIgnoreHash, fenceposts, MaxSurge/MaxUnavailable, conditions, FindNewReplicaSet).
 */
import { deepEqual } from '../patch.js'
import { matchesLabels, selectorObjectRequirements } from '../selectors.js'
import type { ObjectStore } from '../store.js'
import type { Condition, KubeObject, OwnerReference } from '../types.js'

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

/** Whether the strategy is RollingUpdate (the default). */
export function isRolling(d: KubeObject): boolean {
  return d.spec?.strategy?.type !== 'Recreate'
}

/** `spec.replicas`, defaulting to 1. */
export function replicasOf(o: KubeObject): number {
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

/** The `deployment.kubernetes.io/revision` annotation as a number (0 when absent or malformed). */
export function revisionOf(o: KubeObject): number {
  const v = o.metadata.annotations?.[ANNOTATIONS.revision]
  if (v === undefined) return 0
  const n = Number(v)
  return Number.isInteger(n) ? n : 0
}

/** Whether `owner` is `o`'s controller (ownerReference with controller: true and the same uid). */
export function isControlledBy(o: KubeObject, owner: KubeObject): boolean {
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

/** Orders by creationTimestamp, then name (`controller.ReplicaSetsByCreationTimestamp`). */
export function byCreation(a: KubeObject, b: KubeObject): number {
  const ta = a.metadata.creationTimestamp ?? ''
  const tb = b.metadata.creationTimestamp ?? ''
  return ta === tb
    ? a.metadata.name.localeCompare(b.metadata.name)
    : ta < tb
      ? -1
      : 1
}

/** Sum of `f` over `items`. */
export const sum = (items: KubeObject[], f: (o: KubeObject) => number) =>
  items.reduce((acc, o) => acc + f(o), 0)
/** A ReplicaSet's `spec.replicas` (0 when unset). */
export const specReplicas = (rs: KubeObject) => rs.spec?.replicas ?? 0
/** A numeric status field (0 when unset). */
export const statusNum = (o: KubeObject, field: string) =>
  (o.status as Record<string, number> | undefined)?.[field] ?? 0

/** Now, UTC ISO-8601 to the second (as the API server writes times). */
export function nowIso(): string {
  return new Date().toISOString().replace(/\.\d+Z$/, 'Z')
}

export type { Condition }

/** `GetDeploymentCondition`. */
export function getCondition(
  status: { conditions?: Condition[] },
  type: string
): Condition | undefined {
  return status.conditions?.find((c) => c.type === type)
}

/** `NewDeploymentCondition`: both times now. */
export function newCondition(
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
export function setCondition(
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

/** `RemoveDeploymentCondition`. */
export function removeCondition(
  status: { conditions?: Condition[] },
  type: string
): void {
  status.conditions = (status.conditions ?? []).filter((c) => c.type !== type)
}

/** What the controller functions share: the object store and the node pods are bound to. */
export interface ControllerContext {
  store: ObjectStore
  /** Node name pods are bound to. */
  nodeName: string
}

/**
 * The objects of `plural` in the owner's namespace that it controls and its selector matches (the
 * ReplicaSets of a Deployment, `getReplicaSetsForDeployment`; the pods of a ReplicaSet).
 */
export function controlledBy(
  ctx: ControllerContext,
  plural: 'replicasets' | 'pods',
  owner: KubeObject
): KubeObject[] {
  const requirements = selectorObjectRequirements(owner.spec?.selector)
  return ctx.store
    .list(plural, owner.metadata.namespace)
    .filter(
      (o) =>
        isControlledBy(o, owner) &&
        matchesLabels(requirements, o.metadata.labels)
    )
}

/** The ReplicaSets the Deployment controls and selects (`getReplicaSetsForDeployment`). */
export const replicaSetsOf = (ctx: ControllerContext, d: KubeObject) =>
  controlledBy(ctx, 'replicasets', d)

/** Records an Event about `o` (as the controller's event recorder). */
export function event(
  ctx: ControllerContext,
  o: KubeObject,
  type: 'Normal' | 'Warning',
  reason: string,
  message: string,
  component: string
): void {
  ctx.store.recordEvent(o, type, reason, message, component)
}

/** Writes a Deployment as the controller does (UpdateStatus: status and metadata) and returns the stored object. */
export function writeDeployment(
  ctx: ControllerContext,
  d: KubeObject
): KubeObject {
  // The controller writes Deployments through the status subresource (UpdateStatus), annotations included.
  return ctx.store.update('deployments', d, { subresource: 'status' })
}

/** `FindNewReplicaSet` / `FindOldReplicaSets`: the ReplicaSet whose template equals the Deployment's (oldest first), and the rest. */
export function splitReplicaSets(
  ctx: ControllerContext,
  d: KubeObject,
  rsList: KubeObject[]
): { newRS?: KubeObject; oldRSs: KubeObject[] } {
  const sorted = [...rsList].sort(byCreation)
  const newRS = sorted.find((rs) =>
    equalIgnoreHash(rs.spec?.template, d.spec?.template)
  )
  return { newRS, oldRSs: sorted.filter((rs) => rs !== newRS) }
}
