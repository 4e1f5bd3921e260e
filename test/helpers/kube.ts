import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  createCertificateAuthority,
  fakeRuntime,
  RequestLog,
  startKubernetesEmulator,
  type KeyPairPem,
  type KubernetesEmulator,
  type FakeRuntime,
  type KubernetesEmulatorOptions,
  type SeedDeploymentSpec
} from '@rollback-actions/emulators'

/** A fresh CA and a certificate it signed for `localhost` and `127.0.0.1`. */
export interface LoopbackTls {
  caPem: string
  tls: KeyPairPem
}

/** Creates a CA and its loopback server certificate (what every emulator a test starts serves). */
export async function loopbackTls(): Promise<LoopbackTls> {
  const ca = await createCertificateAuthority()
  return { caPem: ca.caPem, tls: await ca.issue(['localhost', '127.0.0.1']) }
}

/** A Kubernetes emulator a test started, with its CA and request log. */
export interface TestKube extends LoopbackTls {
  emulator: KubernetesEmulator
  log: RequestLog
}

/**
 * Starts the Kubernetes emulator over TLS: with `certs` (default: a fresh {@link loopbackTls}) and `log` (default: a
 * new one); everything else as in `startKubernetesEmulator`.
 */
export async function startKube(
  options: Omit<KubernetesEmulatorOptions, 'tls' | 'caPem' | 'log'> & {
    log?: RequestLog
    certs?: LoopbackTls
  }
): Promise<TestKube> {
  const { certs: given, log = new RequestLog(), ...rest } = options
  const certs = given ?? (await loopbackTls())
  const emulator = await startKubernetesEmulator({ ...rest, ...certs, log })
  return { ...certs, emulator, log }
}

/** Writes the emulator's kubeconfig (optionally with a default namespace) to `<dir>/kubeconfig`; returns the path. */
export function writeKubeconfig(
  dir: string,
  emulator: KubernetesEmulator,
  options?: { namespace?: string }
): string {
  const path = join(dir, 'kubeconfig')
  writeFileSync(path, emulator.kubeconfig(options))
  return path
}

/**
 * Seeds the Deployment the emulator tests share: `prod/web`, 2 replicas of container `app`, revision 1 on
 * `reg/web:v1` and revision 2 on `reg/web:v2`, with `spec` on top.
 */
export function seedWeb(
  emulator: KubernetesEmulator,
  spec: Partial<SeedDeploymentSpec> = {}
) {
  return emulator.seedDeployment({
    namespace: 'prod',
    name: 'web',
    replicas: 2,
    container: 'app',
    images: ['reg/web:v1', 'reg/web:v2'],
    ...spec
  })
}

/** The shop/web images the rollout tests deploy: v1 and v2 run, v3 crashes (see {@link shopWebRuntime}). */
export const SHOP_WEB = {
  repository: 'sandboxacr.azurecr.io/shop/web',
  v1: 'sandboxacr.azurecr.io/shop/web:v1',
  v2: 'sandboxacr.azurecr.io/shop/web:v2',
  v3: 'sandboxacr.azurecr.io/shop/web:v3'
} as const

/** A container runtime that knows the {@link SHOP_WEB} images (digests 1…, 2…, 3…) and crashes v3. */
export function shopWebRuntime(): FakeRuntime {
  return fakeRuntime({
    images: {
      [SHOP_WEB.v1]: `sha256:${'1'.repeat(64)}`,
      [SHOP_WEB.v2]: `sha256:${'2'.repeat(64)}`,
      [SHOP_WEB.v3]: `sha256:${'3'.repeat(64)}`
    },
    broken: [SHOP_WEB.v3]
  })
}

/** Pauses deployment `prod/<name>` in the emulator's store (as `kubectl rollout pause` would). */
export function pauseDeployment(emulator: KubernetesEmulator, name: string) {
  const d = emulator.store.get('deployments', 'prod', name)!
  ;(d.spec as { paused?: boolean }).paused = true
  emulator.store.update('deployments', d)
}
