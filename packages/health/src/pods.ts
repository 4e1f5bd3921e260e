import type { AppsV1Api, CoreV1Api, V1Pod } from '@kubernetes/client-node'
import type { Reading } from './prometheus-checks.js'

/** The two API groups the pod check reads (a subset of `@rollback-actions/kube`'s KubeClients). */
export interface PodReaderClients {
  apps: AppsV1Api
  core: CoreV1Api
}

/** Waiting reasons that will not heal by themselves: a bad reading at once. */
const BAD_WAITING = new Set([
  'CrashLoopBackOff',
  'ErrImagePull',
  'ImagePullBackOff',
  'InvalidImageName',
  'CreateContainerConfigError',
  'CreateContainerError',
  'RunContainerError'
])

/**
 * Restart counts per pod: the first reading records what each pod had (restarts before the window do not count);
 * a pod that appears later started inside the window, so all its restarts count.
 */
export interface RestartBaseline {
  initialised: boolean
  counts: Map<string, number>
}

/** An empty baseline for one Deployment. */
export function newRestartBaseline(): RestartBaseline {
  return { initialised: false, counts: new Map() }
}

function selectorString(labels: Record<string, string>): string {
  return Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(',')
}

function restarts(pod: V1Pod): number {
  return (pod.status?.containerStatuses ?? []).reduce(
    (n, c) => n + c.restartCount,
    0
  )
}

function isReady(pod: V1Pod): boolean {
  return (
    pod.status?.phase === 'Running' &&
    (pod.status.conditions ?? []).some(
      (c) => c.type === 'Ready' && c.status === 'True'
    )
  )
}

function apiError(error: unknown): string {
  const e = error as {
    code?: number
    message?: string
    cause?: { code?: string }
  }
  if (typeof e.code === 'number') return `HTTP ${e.code}`
  return e.cause?.code ?? (e.message ?? String(error)).split('\n')[0] ?? ''
}

/**
 * Reads the pods of one Deployment (by its `spec.selector.matchLabels`) and judges them:
 * - `failure`: a container restarted since the first reading (`baseline`), or waits for a reason that does not heal
 *   (CrashLoopBackOff, ImagePullBackOff, …);
 * - `pending`: the rollout is not complete (generation not observed, pods of an old template left, fewer updated
 *   pods than `spec.replicas`), or fewer Running and Ready pods than `spec.replicas`;
 * - `success`: `spec.replicas` pods (at least one) Running and Ready, none restarted in the window;
 * - `error`: the API could not be read (the reading is not taken, never healthy).
 * Pods being deleted (old ReplicaSet pods terminating) are ignored.
 * @param baseline restart counts per pod, filled on first sight and kept between readings.
 */
export async function readDeploymentPods(
  clients: PodReaderClients,
  namespace: string,
  deployment: string,
  baseline: RestartBaseline
): Promise<Reading> {
  const started = Date.now()
  const at = new Date().toISOString()
  const base = {
    check: `pods ${namespace}/${deployment}`,
    kind: 'pods' as const,
    at,
    query: `deployment ${namespace}/${deployment}`,
    threshold: 'all Running and Ready, 0 restarts'
  }
  const done = (r: Pick<Reading, 'outcome' | 'detail'> & Partial<Reading>) => ({
    ...base,
    ...r,
    durationMs: Date.now() - started
  })
  let pods: V1Pod[]
  let desired: number
  let rollout: string | undefined
  try {
    const dep = await clients.apps.readNamespacedDeployment({
      name: deployment,
      namespace
    })
    desired = dep.spec?.replicas ?? 1
    const st = dep.status ?? {}
    const generation = dep.metadata?.generation ?? 0
    if ((st.observedGeneration ?? 0) < generation) {
      rollout = `the deployment controller has not observed generation ${generation} yet`
    } else if ((st.updatedReplicas ?? 0) < desired) {
      rollout = `rollout in progress: ${st.updatedReplicas ?? 0} of ${desired} pods on the current template`
    } else if ((st.replicas ?? 0) > (st.updatedReplicas ?? 0)) {
      rollout = `rollout in progress: ${(st.replicas ?? 0) - (st.updatedReplicas ?? 0)} old pod(s) still running`
    }
    const labels = dep.spec?.selector.matchLabels ?? {}
    const list = await clients.core.listNamespacedPod({
      namespace,
      labelSelector: selectorString(labels)
    })
    pods = list.items.filter((p) => !p.metadata?.deletionTimestamp)
  } catch (error) {
    return done({
      outcome: 'error',
      detail: `could not read deployment ${namespace}/${deployment} or its pods: ${apiError(error)}`
    })
  }
  const ready = pods.filter(isReady).length
  const value = `${ready}/${desired} ready`
  const restarted: string[] = []
  for (const pod of pods) {
    const name = pod.metadata?.name ?? '?'
    const count = restarts(pod)
    if (!baseline.counts.has(name)) {
      baseline.counts.set(name, baseline.initialised ? 0 : count)
    }
    const from = baseline.counts.get(name) ?? 0
    if (count > from) restarted.push(`${name} (${from} → ${count})`)
  }
  baseline.initialised = true
  const stuck = pods.flatMap((pod) =>
    (pod.status?.containerStatuses ?? [])
      .filter((c) => BAD_WAITING.has(c.state?.waiting?.reason ?? ''))
      .map(
        (c) =>
          `${pod.metadata?.name ?? '?'}/${c.name}: ${c.state?.waiting?.reason ?? ''}`
      )
  )
  if (stuck.length > 0) {
    return done({
      outcome: 'failure',
      value,
      detail: `not running: ${stuck.join(', ')}`
    })
  }
  if (restarted.length > 0) {
    return done({
      outcome: 'failure',
      value,
      detail: `restarted during the window: ${restarted.join(', ')}`
    })
  }
  if (rollout !== undefined) {
    return done({ outcome: 'pending', value, detail: rollout })
  }
  if (desired > 0 && ready < desired) {
    const notReady = pods
      .filter((p) => !isReady(p))
      .map(
        (p) => `${p.metadata?.name ?? '?'} (${p.status?.phase ?? 'Unknown'})`
      )
    return done({
      outcome: 'pending',
      value,
      detail: `${ready} of ${desired} pods Running and Ready${notReady.length ? `; not ready: ${notReady.join(', ')}` : ''}`
    })
  }
  if (pods.length === 0) {
    return done({
      outcome: 'failure',
      value,
      detail: 'the deployment has 0 replicas: nothing serves traffic'
    })
  }
  return done({
    outcome: 'success',
    value,
    detail: `${ready} of ${desired} pods Running and Ready, no restarts in the window`
  })
}
