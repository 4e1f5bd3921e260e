/**
 * An in-process Kubernetes API server emulator with a deployment controller, a ReplicaSet controller and a
 * single-node kubelet simulation, which the real kubectl (1.27–1.33) and `@kubernetes/client-node` 2.x talk to
 * unchanged over TLS. docs/kubernetes-emulator.md lists the
 * upstream sources (kubernetes/kubernetes pkg/controller/deployment, apimachinery) whose semantics it follows.
 */
import { stringify as toYaml } from 'yaml'
import { serveEmulator } from '../http/server.js'
import type { RequestLog } from '../http/server.js'
import type { KeyPairPem } from '../http/tls.js'
import { createApiHandler } from './api.js'
import {
  ANNOTATIONS,
  Controllers,
  controllerRef,
  isPodReady,
  maxSurgeOf,
  podTemplateHash
} from './controller.js'
import { Kubelet } from './kubelet.js'
import { ObjectStore } from './store.js'
import type { ObjectStoreOptions } from './store.js'
import type { ContainerRuntime, EnvVar, KubeObject } from './types.js'

export type {
  ContainerHandle,
  ContainerRuntime,
  ContainerStartSpec,
  EnvVar,
  KubeObject,
  ObjectMeta,
  OwnerReference,
  WatchEvent
} from './types.js'
export { fakeRuntime } from './fake-runtime.js'
export type { FakeRuntime, FakeRuntimeOptions } from './fake-runtime.js'
export { ObjectStore } from './store.js'
export type { StoreChange, ExpiredWatchStyle } from './store.js'
export { ApiError } from './errors.js'
export {
  ANNOTATIONS,
  podTemplateHash,
  resolveFenceposts,
  scaledValue,
  equalIgnoreHash
} from './controller.js'
export { applyJsonPatch, jsonMergePatch, strategicMergePatch } from './patch.js'
export {
  parseLabelSelector,
  matchesLabels,
  parseFieldSelector,
  matchesFields
} from './selectors.js'

/** Options of {@link startKubernetesEmulator}. */
export interface KubernetesEmulatorOptions {
  tls: KeyPairPem
  /** CA that issued `tls` (kubeconfig's certificate-authority-data). */
  caPem: string
  log: RequestLog
  /** Bearer token required on every request (401 Status otherwise). */
  token: string
  runtime: ContainerRuntime
  /** Container start → Ready (ms). Default 400. */
  podStartLatencyMs?: number
  /** CrashLoopBackOff restart back-off base (ms), doubling per crash, capped at 5000. Default 500. */
  crashBackoffBaseMs?: number
  /** ErrImagePull → next pull attempt (ms); ImagePullBackOff in between. Default 1000. */
  pullBackoffMs?: number
  /** Controller/kubelet reconcile tick (ms). Default 100. */
  controllerTickMs?: number
  /** Longest gap between watch bookmarks (ms). Default 5000. */
  bookmarkIntervalMs?: number
  /** Watch history bounds (410 Expired beyond them). */
  history?: ObjectStoreOptions
}

/** What {@link KubernetesEmulator.seedDeployment} creates. */
export interface SeedDeploymentSpec {
  namespace: string
  name: string
  replicas: number
  /** Container name. */
  container: string
  /** Image history, oldest first; the last one is live. One revision (1..n) per image. */
  images: string[]
  progressDeadlineSeconds?: number
  revisionHistoryLimit?: number
  env?: EnvVar[]
  /** Container port (default 8080). */
  containerPort?: number
}

/** Direct (non-HTTP) access to the emulator's objects. */
export class EmulatorStore extends ObjectStore {
  /** Creates an apps/v1 Deployment (namespace created when missing); the controller takes over from there. */
  createDeployment(object: KubeObject): KubeObject {
    return this.create(
      'deployments',
      { ...object, apiVersion: 'apps/v1', kind: 'Deployment' },
      { ensureNamespace: true }
    )
  }

  /**
   * Creates (or replaces) a core/v1 Secret. `stringData` values are base64-encoded into `data`.
   */
  createSecret(object: KubeObject): KubeObject {
    const secret = { ...object, apiVersion: 'v1', kind: 'Secret' }
    const existing = this.get(
      'secrets',
      object.metadata.namespace ?? 'default',
      object.metadata.name
    )
    if (existing) {
      secret.metadata = {
        ...existing.metadata,
        ...object.metadata,
        resourceVersion: existing.metadata.resourceVersion
      }
      return this.update('secrets', secret)
    }
    return this.create('secrets', secret, { ensureNamespace: true })
  }
}

/** A Ready pod of a deployment and where its container serves. */
export interface ReadyEndpoint {
  pod: string
  image: string
  /** The runtime endpoint (e.g. `http://127.0.0.1:41234`); '' when the container reported none. */
  endpoint: string
}

/** A running emulator. */
export interface KubernetesEmulator {
  /** `https://127.0.0.1:<port>`. */
  url: string
  /** Stops watches, controllers, containers and the server. */
  close(): Promise<void>
  /** A kubeconfig (YAML) with certificate-authority-data and the bearer token; context `sandbox`. */
  kubeconfig(opts?: { namespace?: string }): string
  store: EmulatorStore
  /**
   * Creates a Deployment with one ReplicaSet per image so that `kubectl rollout history` shows revisions 1..n
   * (change-cause `deploy <image>`), the last one live; resolves once the Deployment is fully available.
   * @throws Error when it does not become available within 10 s plus start latencies (e.g. the runtime does
   *   not know the live image); ApiError 409 when the Deployment already exists, 422 for an invalid name.
   */
  seedDeployment(spec: SeedDeploymentSpec): Promise<void>
  /** Ready, non-terminating pods of a deployment right now with the runtime endpoint of each. */
  readyEndpoints(namespace: string, deployment: string): ReadyEndpoint[]
  /** Called (batched) after any change of the cluster state. Returns the unsubscribe function. */
  onChange(listener: () => void): () => void
  /** Errors thrown by controller passes (kept for diagnosis; the emulator keeps going). */
  readonly controllerErrors: string[]
}

function normalizeEnv(env: EnvVar[] | undefined): EnvVar[] | undefined {
  if (!env?.length) return undefined
  return env.map((e) => {
    if (e.value !== undefined) return { name: e.name, value: e.value }
    if (e.valueFrom) return { name: e.name, valueFrom: e.valueFrom }
    if (e.secretKeyRef)
      return {
        name: e.name,
        valueFrom: {
          secretKeyRef: {
            name: e.secretKeyRef.name,
            key: e.secretKeyRef.key,
            ...(e.optional ? { optional: true } : {})
          }
        }
      }
    return { name: e.name, value: '' }
  })
}

/**
 * Starts the emulator on a random 127.0.0.1 port (TLS), with controllers and kubelet ticking.
 * Every request is recorded in `options.log` under the server name `kubernetes`.
 */
export async function startKubernetesEmulator(
  options: KubernetesEmulatorOptions
): Promise<KubernetesEmulator> {
  const store = new EmulatorStore(options.history)
  const controllerErrors: string[] = []
  const listeners = new Set<() => void>()
  let pending = false
  let dirty = false
  let closed = false
  const schedule = () => {
    if (pending || closed) return
    pending = true
    setImmediate(pass)
  }
  const kubelet = new Kubelet({
    store,
    runtime: options.runtime,
    podStartLatencyMs: options.podStartLatencyMs ?? 400,
    crashBackoffBaseMs: options.crashBackoffBaseMs ?? 500,
    crashBackoffCapMs: 5000,
    pullBackoffMs: options.pullBackoffMs ?? 1000,
    requestSync: schedule
  })
  const controllers = new Controllers({ store })
  function pass(): void {
    pending = false
    if (closed) return
    try {
      controllers.syncAll()
      kubelet.sync()
    } catch (error) {
      controllerErrors.push(
        error instanceof Error ? (error.stack ?? error.message) : String(error)
      )
      if (controllerErrors.length > 50) controllerErrors.shift()
    }
    if (dirty) {
      dirty = false
      for (const l of [...listeners]) {
        try {
          l()
        } catch {
          // a listener's failure is its own business
        }
      }
    }
  }
  store.onChange(() => {
    dirty = true
    schedule()
  })
  const tick = setInterval(schedule, options.controllerTickMs ?? 100)

  let serverAddress = ''
  const api = createApiHandler({
    store,
    kubelet,
    token: options.token,
    serverAddress: () => serverAddress,
    bookmarkIntervalMs: options.bookmarkIntervalMs
  })
  let server
  try {
    server = await serveEmulator('kubernetes', options, api.handler)
  } catch (error) {
    clearInterval(tick)
    throw error
  }
  serverAddress = `127.0.0.1:${server.port}`
  const url = server.url
  const running = server

  const waitFor = (
    predicate: () => boolean,
    timeoutMs: number
  ): Promise<boolean> =>
    new Promise((resolve) => {
      if (predicate()) return resolve(true)
      const timer = setInterval(() => {
        if (predicate()) finish(true)
      }, 25)
      const deadline = setTimeout(() => finish(false), timeoutMs)
      const unsubscribe = store.onChange(() => {
        if (predicate()) finish(true)
      })
      function finish(ok: boolean) {
        clearInterval(timer)
        clearTimeout(deadline)
        unsubscribe()
        resolve(ok)
      }
    })

  const emulator: KubernetesEmulator = {
    url,
    store,
    controllerErrors,
    async close() {
      if (closed) return
      closed = true
      clearInterval(tick)
      api.closeWatches()
      await running.close()
      await kubelet.close()
    },
    kubeconfig(opts = {}) {
      return toYaml({
        apiVersion: 'v1',
        kind: 'Config',
        clusters: [
          {
            name: 'sandbox',
            cluster: {
              server: url,
              'certificate-authority-data': Buffer.from(options.caPem).toString(
                'base64'
              )
            }
          }
        ],
        users: [{ name: 'sandbox', user: { token: options.token } }],
        contexts: [
          {
            name: 'sandbox',
            context: {
              cluster: 'sandbox',
              user: 'sandbox',
              ...(opts.namespace ? { namespace: opts.namespace } : {})
            }
          }
        ],
        'current-context': 'sandbox',
        preferences: {}
      })
    },
    async seedDeployment(spec) {
      if (spec.images.length === 0)
        throw new Error(
          `seedDeployment ${spec.namespace}/${spec.name}: images must not be empty`
        )
      const n = spec.images.length
      const labels = { app: spec.name }
      const live = spec.images[n - 1] ?? ''
      const now = Date.now()
      const at = (hoursAgo: number) =>
        new Date(now - hoursAgo * 3_600_000)
          .toISOString()
          .replace(/\.\d+Z$/, 'Z')
      const env = normalizeEnv(spec.env)
      const deployment = store.createDeployment({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: {
          name: spec.name,
          namespace: spec.namespace,
          labels,
          annotations: {
            [ANNOTATIONS.changeCause]: `deploy ${live}`,
            [ANNOTATIONS.revision]: String(n)
          },
          creationTimestamp: at(n + 1)
        },
        spec: {
          replicas: spec.replicas,
          selector: { matchLabels: labels },
          ...(spec.progressDeadlineSeconds !== undefined
            ? { progressDeadlineSeconds: spec.progressDeadlineSeconds }
            : {}),
          ...(spec.revisionHistoryLimit !== undefined
            ? { revisionHistoryLimit: spec.revisionHistoryLimit }
            : {}),
          template: {
            metadata: { labels },
            spec: {
              containers: [
                {
                  name: spec.container,
                  image: live,
                  ports: [
                    { name: 'http', containerPort: spec.containerPort ?? 8080 }
                  ],
                  ...(env ? { env } : {})
                }
              ]
            }
          }
        }
      })
      const byHash = new Map<string, KubeObject>()
      spec.images.forEach((image, i) => {
        const template = structuredClone(
          deployment.spec?.template ?? { spec: { containers: [] } }
        )
        template.metadata ??= {}
        const container = template.spec.containers[0]
        if (container) container.image = image
        const hash = podTemplateHash(template)
        const revision = String(i + 1)
        const existing = byHash.get(hash)
        if (existing) {
          const a = (existing.metadata.annotations ??= {})
          const prior = a[ANNOTATIONS.revision]
          a[ANNOTATIONS.revisionHistory] = [
            a[ANNOTATIONS.revisionHistory],
            prior
          ]
            .filter(Boolean)
            .join(',')
          a[ANNOTATIONS.revision] = revision
          a[ANNOTATIONS.changeCause] = `deploy ${image}`
          existing.spec = {
            ...existing.spec,
            replicas: i === n - 1 ? spec.replicas : 0
          }
          return
        }
        template.metadata.labels = {
          ...template.metadata.labels,
          [ANNOTATIONS.podTemplateHash]: hash
        }
        byHash.set(hash, {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          metadata: {
            name: `${spec.name}-${hash}`,
            namespace: spec.namespace,
            labels: { ...template.metadata.labels },
            annotations: {
              [ANNOTATIONS.changeCause]: `deploy ${image}`,
              [ANNOTATIONS.desiredReplicas]: String(spec.replicas),
              [ANNOTATIONS.maxReplicas]: String(
                spec.replicas + maxSurgeOf(deployment)
              ),
              [ANNOTATIONS.revision]: revision
            },
            ownerReferences: [controllerRef(deployment)],
            creationTimestamp: at(n - i)
          },
          spec: {
            replicas: i === n - 1 ? spec.replicas : 0,
            selector: {
              matchLabels: { ...labels, [ANNOTATIONS.podTemplateHash]: hash }
            },
            template
          }
        })
      })
      for (const rs of byHash.values()) store.create('replicasets', rs)
      const complete = () => {
        const d = store.get('deployments', spec.namespace, spec.name)
        if (!d) return false
        const s = (d.status ?? {}) as Record<string, number | undefined>
        return (
          (s.observedGeneration ?? 0) >= (d.metadata.generation ?? 1) &&
          s.updatedReplicas === spec.replicas &&
          s.availableReplicas === spec.replicas &&
          s.replicas === spec.replicas
        )
      }
      const ok = await waitFor(
        complete,
        10_000 + 4 * (options.podStartLatencyMs ?? 400)
      )
      if (!ok) {
        const d = store.get('deployments', spec.namespace, spec.name)
        throw new Error(
          `seedDeployment ${spec.namespace}/${spec.name}: not available in time (status ${JSON.stringify(d?.status ?? {})}); check that the runtime knows image ${live}`
        )
      }
    },
    readyEndpoints(namespace, name) {
      const d = store.get('deployments', namespace, name)
      if (!d) return []
      const rsUids = new Set(
        store
          .list('replicasets', namespace)
          .filter((rs) =>
            rs.metadata.ownerReferences?.some(
              (o) => o.controller && o.uid === d.metadata.uid
            )
          )
          .map((rs) => rs.metadata.uid)
      )
      return store
        .list('pods', namespace)
        .filter(
          (p) =>
            !p.metadata.deletionTimestamp &&
            p.metadata.ownerReferences?.some(
              (o) => o.controller && rsUids.has(o.uid)
            ) &&
            isPodReady(p)
        )
        .map((p) => ({
          pod: p.metadata.name,
          image:
            ((p.spec?.containers ?? []) as Array<{ image?: string }>)[0]
              ?.image ?? '',
          endpoint: kubelet.endpointOf(p.metadata.uid ?? '') ?? ''
        }))
    },
    onChange(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    }
  }
  return emulator
}
