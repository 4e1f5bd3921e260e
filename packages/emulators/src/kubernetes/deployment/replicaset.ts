/**
 * The ReplicaSet controller, following kubernetes/kubernetes pkg/controller/replicaset/replica_set.go: creates
 * and deletes pods toward spec.replicas (deletion order of controller.ActivePods) and writes the status.
 */
import { deepEqual } from '../patch.js'
import { randomSuffix } from '../store.js'
import type { KubeObject } from '../types.js'
import {
  controllerRef,
  controlledBy,
  event,
  nowIso,
  specReplicas,
  type ControllerContext
} from './util.js'

/** Pods controlled by an RS (terminating ones included). */
export const podsOf = (ctx: ControllerContext, rs: KubeObject) =>
  controlledBy(ctx, 'pods', rs)

/** `syncReplicaSet`: creates or deletes pods toward `spec.replicas` and writes the ReplicaSet status. */
export function syncReplicaSet(ctx: ControllerContext, rs: KubeObject): void {
  const pods = podsOf(ctx, rs)
  let active = pods.filter(
    (p) =>
      !p.metadata.deletionTimestamp &&
      p.status?.phase !== 'Failed' &&
      p.status?.phase !== 'Succeeded'
  )
  const diff = active.length - specReplicas(rs)
  if (diff < 0) {
    for (let i = 0; i < -diff; i++) active.push(createPod(ctx, rs))
  } else if (diff > 0) {
    const victims = [...active].sort(deletionRank).slice(0, diff)
    const now = nowIso()
    for (const pod of victims) {
      pod.metadata.deletionTimestamp = now
      pod.metadata.deletionGracePeriodSeconds =
        pod.spec?.terminationGracePeriodSeconds ?? 30
      ctx.store.update('pods', pod)
      event(
        ctx,
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
    const fresh = ctx.store.get(
      'replicasets',
      rs.metadata.namespace,
      rs.metadata.name
    )
    if (fresh && fresh.metadata.uid === rs.metadata.uid) {
      fresh.status = status
      ctx.store.update('replicasets', fresh)
    }
  }
}

/** Creates one pod from the ReplicaSet's template (generated name, controller owner reference, bound to the node). */
export function createPod(ctx: ControllerContext, rs: KubeObject): KubeObject {
  const template = structuredClone(
    rs.spec?.template ?? { spec: { containers: [] } }
  )
  const now = nowIso()
  const pod = ctx.store.create('pods', {
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
    spec: { ...template.spec, nodeName: ctx.nodeName },
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
  event(
    ctx,
    rs,
    'Normal',
    'SuccessfulCreate',
    `Created pod: ${pod.metadata.name}`,
    'replicaset-controller'
  )
  ctx.store.recordEvent(
    pod,
    'Normal',
    'Scheduled',
    `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${ctx.nodeName}`,
    'default-scheduler'
  )
  return pod
}

/** Whether a pod's Ready condition is True. */
export function isPodReady(pod: KubeObject): boolean {
  const conditions = pod.status?.conditions ?? []
  return conditions.some((c) => c.type === 'Ready' && c.status === 'True')
}

/** `podutil.IsPodAvailable`: Ready for at least `minReadyMs`. */
export function isAvailable(pod: KubeObject, minReadyMs: number): boolean {
  if (minReadyMs === 0) return true
  const ready = (pod.status?.conditions ?? []).find((c) => c.type === 'Ready')
  const since = Date.parse(ready?.lastTransitionTime ?? '')
  return Number.isFinite(since) && since + minReadyMs <= Date.now()
}

/** `ActivePodsWithRanks` order: unscheduled, pending, not ready, more restarts and newer pods go first. */
export function deletionRank(a: KubeObject, b: KubeObject): number {
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
