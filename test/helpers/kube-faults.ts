import {
  createCertificateAuthority,
  fakeRuntime,
  generateImage,
  pushImage,
  startDockerRegistry,
  RequestLog,
  startKubernetesEmulator,
  type KubernetesEmulator
} from '@rollback-actions/emulators'
import { startFaultProxy, type FaultProxy } from './fault-proxy.js'

// The images live in a real docker-registry that startKubeFaultWorld starts and fills (redeploy resolves the image in
// the registry before any write), so these references are set there; read them inside tests, not at module load.
export let REPO = ''
export let OLD = ''
export let LIVE = ''
export let OTHER = ''

/** Short retry and timeout numbers for fault tests (docs/reliability.md: the `ROLLBACK_*` variables). */
export const FAST_RETRY_ENV = {
  ROLLBACK_RETRY_ATTEMPTS: '3',
  ROLLBACK_RETRY_BASE_MS: '20',
  ROLLBACK_RETRY_MAX_MS: '300',
  ROLLBACK_REQUEST_TIMEOUT_MS: '1000'
}

/** The Kubernetes emulator behind a fault proxy; the kubeconfig points at the proxy. */
export interface KubeFaultWorld {
  emulator: KubernetesEmulator
  proxy: FaultProxy
  log: RequestLog
  /** Kubeconfig YAML whose server is the proxy. */
  kubeconfig: string
  /** Seeds `prod/<prefix>-<n>` on OLD then LIVE (2 revisions) and returns its name. */
  seed(prefix?: string): Promise<string>
  /** Deletes `prod/<name>` with its ReplicaSets and pods (keeps the emulator light between cells). */
  remove(name: string): void
  /** The image of the first container of `prod/<name>` in the emulator's store. */
  imageOf(name: string): string | undefined
  close(): Promise<void>
}

let seq = 0

/** Starts the Kubernetes emulator (fast pods) and a fault proxy in front of it. */
export async function startKubeFaultWorld(): Promise<KubeFaultWorld> {
  const registry = await startDockerRegistry()
  REPO = `${registry.host}/shop/web`
  ;[OLD, LIVE, OTHER] = ['v1', 'v2', 'v4'].map((tag) => `${REPO}:${tag}`) as [
    string,
    string,
    string
  ]
  for (const [n, tag] of ['v1', 'v2', 'v4'].entries())
    await pushImage(
      registry.url,
      'shop/web',
      tag,
      generateImage({
        seed: `fault-web-${n}`,
        created: new Date(Date.UTC(2026, 0, 1 + n))
      })
    )
  const ca = await createCertificateAuthority()
  const tls = await ca.issue(['localhost', '127.0.0.1'])
  const log = new RequestLog()
  const emulator = await startKubernetesEmulator({
    tls,
    caPem: ca.caPem,
    log,
    token: 'fault-matrix-token',
    runtime: fakeRuntime({
      images: {
        [OLD]: `sha256:${'1'.repeat(64)}`,
        [LIVE]: `sha256:${'2'.repeat(64)}`,
        [OTHER]: `sha256:${'4'.repeat(64)}`
      }
    }),
    podStartLatencyMs: 150,
    bookmarkIntervalMs: 60_000
  })
  const proxy = await startFaultProxy({
    upstream: emulator.url,
    tls,
    caPem: ca.caPem
  })
  const kubeconfig = emulator.kubeconfig().split(emulator.url).join(proxy.url)
  return {
    emulator,
    proxy,
    log,
    kubeconfig,
    async seed(prefix = 'web') {
      const name = `${prefix}-${++seq}`
      await emulator.seedDeployment({
        namespace: 'prod',
        name,
        replicas: 1,
        container: 'app',
        images: [OLD, LIVE]
      })
      return name
    },
    remove(name) {
      try {
        emulator.store.delete('deployments', 'prod', name)
      } catch {
        // already gone
      }
    },
    imageOf(name) {
      const d = emulator.store.get('deployments', 'prod', name)
      return (
        d?.spec as
          | { template: { spec: { containers: { image: string }[] } } }
          | undefined
      )?.template.spec.containers[0]?.image
    },
    async close() {
      await proxy.close()
      await emulator.close()
      await registry.stop()
    }
  }
}
