import type { V1Deployment, V1Pod, V1ReplicaSet } from '@kubernetes/client-node'
import type { KubeClients } from '@rollback-actions/kube'

/** A call the fake clients received. */
export interface FakeCall {
  method: string
  params: Record<string, unknown>
  options?: unknown
}

type WatchCallback = (type: string, object: unknown) => void
type WatchDone = (error: unknown) => void

/** One watch request the fake received; the test drives it. */
export interface FakeWatch {
  path: string
  query: Record<string, unknown>
  emit(type: string, object: unknown): void
  end(error?: unknown): void
  aborted: boolean
}

export interface FakeClientsState {
  deployments: Map<string, V1Deployment>
  replicaSets: V1ReplicaSet[]
  pods: V1Pod[]
  logs: Map<string, string>
  calls: FakeCall[]
  watches: FakeWatch[]
  /** Called for each watch request; by default it stays open until ended or aborted. */
  onWatch?: (watch: FakeWatch) => void
  /** HTTP error the next readNamespacedDeployment throws. */
  readError?: Error
  /** HTTP error every listNamespacedReplicaSet throws. */
  replicaSetError?: Error
  /** resourceVersion the lists report. */
  listResourceVersion: string
}

/** Status-code error as client-node's ApiException carries it. */
export function apiError(code: number, reason: string): Error {
  return Object.assign(new Error(`HTTP-Code: ${code}`), {
    code,
    body: JSON.stringify({ kind: 'Status', reason, code, message: reason })
  })
}

const key = (namespace: string, name: string) => `${namespace}/${name}`

/** Fake `KubeClients` over plain objects: records every call, never touches the network. */
export function fakeClients(): {
  clients: KubeClients
  state: FakeClientsState
} {
  const state: FakeClientsState = {
    deployments: new Map(),
    replicaSets: [],
    pods: [],
    logs: new Map(),
    calls: [],
    watches: [],
    listResourceVersion: '100'
  }
  const record = (
    method: string,
    params: Record<string, unknown>,
    options?: unknown
  ) => state.calls.push({ method, params, options })
  const apps = {
    readNamespacedDeployment: (p: { name: string; namespace: string }) => {
      record('readNamespacedDeployment', p)
      if (state.readError) return Promise.reject(state.readError)
      const d = state.deployments.get(key(p.namespace, p.name))
      return d
        ? Promise.resolve(structuredClone(d))
        : Promise.reject(apiError(404, 'NotFound'))
    },
    listNamespacedDeployment: (p: {
      namespace: string
      fieldSelector?: string
    }) => {
      record('listNamespacedDeployment', p)
      const name = p.fieldSelector?.replace('metadata.name=', '')
      const items = [...state.deployments.values()].filter(
        (d) =>
          d.metadata?.namespace === p.namespace &&
          (name === undefined || d.metadata?.name === name)
      )
      return Promise.resolve({
        items: structuredClone(items),
        metadata: { resourceVersion: state.listResourceVersion }
      })
    },
    patchNamespacedDeployment: (
      p: { name: string; namespace: string; body: unknown },
      options?: unknown
    ) => {
      record('patchNamespacedDeployment', p, options)
      const d = state.deployments.get(key(p.namespace, p.name))
      if (!d) return Promise.reject(apiError(404, 'NotFound'))
      // Merge container images by name, as the API server's strategic merge does (status stays as seeded).
      const patch = p.body as {
        spec?: {
          template?: {
            spec?: { containers?: { name: string; image?: string }[] }
          }
        }
      }
      for (const c of patch.spec?.template?.spec?.containers ?? []) {
        const live = d.spec?.template?.spec?.containers.find(
          (x) => x.name === c.name
        )
        if (live && c.image) live.image = c.image
      }
      return Promise.resolve(structuredClone(d))
    },
    listNamespacedReplicaSet: (p: { namespace: string }) => {
      record('listNamespacedReplicaSet', p)
      if (state.replicaSetError) return Promise.reject(state.replicaSetError)
      return Promise.resolve({
        items: structuredClone(state.replicaSets),
        metadata: { resourceVersion: state.listResourceVersion }
      })
    }
  }
  const core = {
    listNamespacedPod: (p: { namespace: string; labelSelector?: string }) => {
      record('listNamespacedPod', p)
      const wanted = (p.labelSelector ?? '')
        .split(',')
        .filter((s) => s !== '')
        .map((s) => s.split('='))
      const items = state.pods.filter((pod) =>
        wanted.every(([k, v]) => pod.metadata?.labels?.[k ?? ''] === v)
      )
      return Promise.resolve({
        items: structuredClone(items),
        metadata: { resourceVersion: state.listResourceVersion }
      })
    },
    readNamespacedPodLog: (p: {
      name: string
      namespace: string
      container: string
      previous?: boolean
      tailLines?: number
    }) => {
      record('readNamespacedPodLog', p)
      const log = state.logs.get(p.name)
      return log === undefined
        ? Promise.reject(apiError(400, 'BadRequest'))
        : Promise.resolve(log)
    }
  }
  const watch = {
    watch: (
      path: string,
      query: Record<string, unknown>,
      callback: WatchCallback,
      done: WatchDone
    ) => {
      record('watch', { path, ...query })
      const controller = new AbortController()
      let ended = false
      const w: FakeWatch = {
        path,
        query,
        aborted: false,
        emit: (type, object) => {
          if (!ended) callback(type, object)
        },
        end: (error) => {
          if (ended) return
          ended = true
          done(error ?? null)
        }
      }
      controller.signal.addEventListener('abort', () => {
        w.aborted = true
        w.end(new DOMException('aborted', 'AbortError'))
      })
      state.watches.push(w)
      state.onWatch?.(w)
      return Promise.resolve(controller)
    }
  }
  return {
    clients: { apps, core, watch, config: {} } as unknown as KubeClients,
    state
  }
}

/** A Deployment object with sensible defaults (one container `app`). */
export function deployment(
  overrides: {
    name?: string
    namespace?: string
    images?: Record<string, string>
    paused?: boolean
    generation?: number
    observedGeneration?: number
    revision?: string
    replicas?: number
    updatedReplicas?: number
    availableReplicas?: number
    statusReplicas?: number
    uid?: string
  } = {}
): V1Deployment {
  const name = overrides.name ?? 'web'
  const images = overrides.images ?? { app: 'reg.azurecr.io/web:v2' }
  return {
    metadata: {
      name,
      namespace: overrides.namespace ?? 'prod',
      uid: overrides.uid ?? `uid-${name}`,
      generation: overrides.generation ?? 2,
      resourceVersion: '50',
      annotations: {
        'deployment.kubernetes.io/revision': overrides.revision ?? '2'
      }
    },
    spec: {
      replicas: overrides.replicas ?? 2,
      paused: overrides.paused ?? false,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: {
          containers: Object.entries(images).map(([n, image]) => ({
            name: n,
            image
          }))
        }
      }
    },
    status: {
      observedGeneration: overrides.observedGeneration ?? 2,
      replicas: overrides.statusReplicas ?? overrides.replicas ?? 2,
      updatedReplicas: overrides.updatedReplicas ?? overrides.replicas ?? 2,
      availableReplicas: overrides.availableReplicas ?? overrides.replicas ?? 2
    }
  }
}
