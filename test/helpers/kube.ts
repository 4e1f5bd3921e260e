import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  createCertificateAuthority,
  RequestLog,
  startKubernetesEmulator,
  type KeyPairPem,
  type KubernetesEmulator,
  type KubernetesEmulatorOptions
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
