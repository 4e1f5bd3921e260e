import tls from 'node:tls'
import { afterAll, beforeAll } from '@jest/globals'
import { createAzureCredential } from '@rollback-actions/azure'
import { createCertificateAuthority } from '@rollback-actions/emulators'
import {
  startDatabaseSandbox,
  type DatabaseSandbox
} from '@rollback-actions/sandbox'
import { run } from '../../actions/pitr-restore/src/main.js'
import { fakeContext, type FakeContext } from './fake-context.js'
import { startFaultProxy, type FaultProxy } from './fault-proxy.js'
import { FAST_RETRY_ENV } from './kube-faults.js'

/** Starts the database sandbox (ARM, Entra, GitHub OIDC, Key Vault, PostgreSQL) with its CA trusted by this process. */
export async function startTrustedDatabaseSandbox(): Promise<DatabaseSandbox> {
  const sb = await startDatabaseSandbox()
  tls.setDefaultCACertificates([...tls.getCACertificates('default'), sb.caPem])
  return sb
}

/**
 * Runs an action's `run` with a fake context: `inputs`, the sandbox's environment, and a GitHub ID token for Entra
 * minted by the sandbox's OIDC issuer.
 */
export async function runInSandbox(
  sb: DatabaseSandbox,
  actionId: string,
  run: (ctx: FakeContext) => Promise<void>,
  inputs: Record<string, string>
): Promise<FakeContext> {
  const ctx = fakeContext(
    actionId,
    inputs,
    { ...sb.env },
    { idToken: sb.oidc.mint('api://AzureADTokenExchange') }
  )
  await run(ctx)
  return ctx
}

/** The suite's Azure credential for the identity the sandbox's Entra federates with its GitHub OIDC issuer. */
export function sandboxCredential(sb: DatabaseSandbox) {
  const { clientId, tenantId, oidc } = sb
  const getAssertion = () =>
    Promise.resolve(oidc.mint('api://AzureADTokenExchange'))
  return createAzureCredential({ clientId, tenantId, getAssertion }, sb.env)
}

/** An ARM access token from the sandbox's Entra ({@link sandboxCredential}). */
export async function sandboxArmToken(sb: DatabaseSandbox) {
  return sandboxCredential(sb).getToken('https://management.azure.com/.default')
}

/**
 * What the pitr-restore tests share: the mutating ARM requests for the source server or a target, and a run of the
 * action (through its fake context, with a GitHub OIDC token from the sandbox) whose request-log mark is returned.
 * `sandbox()` and `inputs()` are read at call time (tests assign them in `beforeAll`).
 */
export function pitrHarness(
  sandbox: () => DatabaseSandbox,
  inputs: () => Record<string, string>
) {
  /** PUT/PATCH/DELETE/POST requests that name the source server `prod-db` since `mark`. */
  const sourceWrites = (mark: number) =>
    sandbox()
      .log.writes('arm', mark)
      .filter((e) => /flexibleServers\/prod-db(\?|$)/.test(e.path))
  /** Every ARM request since `mark`. */
  const armRequests = (mark: number) => sandbox().log.of('arm', mark)
  /** PUT requests creating server `name` since `mark`. */
  const putsFor = (name: string, mark = 0) =>
    sandbox()
      .log.writes('arm', mark)
      .filter(
        (e) =>
          e.method === 'PUT' && e.path.includes(`/flexibleServers/${name}?`)
      )
  /** Runs pitr-restore with the shared inputs plus `extra`. */
  const restore = async (extra: Record<string, string>) => {
    const sb = sandbox()
    const mark = sb.log.mark()
    const ctx = await runInSandbox(sb, 'pitr-restore', run, {
      ...inputs(),
      ...extra
    })
    return { ctx, mark }
  }
  return { sourceWrites, putsFor, armRequests, restore }
}

/**
 * Starts the database sandbox for pitr-restore tests: its CA trusted by this process, the inputs every run shares,
 * and a wait until the source's base backup is at least 1.5 s old (so a restore point "just now" is restorable).
 */
export async function startPitrSandbox(): Promise<{
  sb: DatabaseSandbox
  base: Record<string, string>
}> {
  const sb = await startTrustedDatabaseSandbox()
  const base = {
    'subscription-id': sb.arm.subscriptionId,
    'resource-group': 'rg-prod',
    'source-server': 'prod-db',
    'client-id': sb.clientId,
    'tenant-id': sb.tenantId
  }
  const wait =
    sb.arm.servers.get('prod-db')!.cluster!.baseBackupAt.getTime() +
    1500 -
    Date.now()
  if (wait > 0) await new Promise((r) => setTimeout(r, wait))
  return { sb, base }
}

/**
 * {@link startPitrSandbox} with a fault proxy in front of its ARM endpoint, serving a certificate from a CA of its
 * own that this process trusts too.
 */
export async function startPitrSandboxBehindProxy(): Promise<{
  sb: DatabaseSandbox
  base: Record<string, string>
  proxy: FaultProxy
}> {
  const { sb, base } = await startPitrSandbox()
  const ca = await createCertificateAuthority()
  tls.setDefaultCACertificates([...tls.getCACertificates('default'), ca.caPem])
  const proxy = await startFaultProxy({
    upstream: sb.env.ROLLBACK_ARM_ENDPOINT ?? '',
    tls: await ca.issue(['127.0.0.1']),
    caPem: sb.caPem
  })
  return { sb, base, proxy }
}

/**
 * Runs `body` with the sandbox's environment sending ARM requests through `proxy` with the kit's short retries
 * ({@link FAST_RETRY_ENV}); the environment is restored afterwards.
 */
export async function viaArmProxy<T>(
  sb: DatabaseSandbox,
  proxy: FaultProxy,
  body: () => Promise<T>
): Promise<T> {
  const saved = { ...sb.env }
  Object.assign(sb.env, FAST_RETRY_ENV, { ROLLBACK_ARM_ENDPOINT: proxy.url })
  try {
    return await body()
  } finally {
    for (const key of Object.keys(sb.env)) delete sb.env[key]
    Object.assign(sb.env, saved)
  }
}

/**
 * The ARM fault tests' set-up: {@link startPitrSandboxBehindProxy} before the file's tests, closed after them.
 * `sb()` and `proxy()` read what started; {@link pitrHarness}'s helpers come with it, and `restoreViaProxy` runs
 * pitr-restore with ARM behind the proxy ({@link viaArmProxy}).
 */
export function pitrBehindProxyForFile() {
  let started:
    Awaited<ReturnType<typeof startPitrSandboxBehindProxy>> | undefined
  beforeAll(async () => {
    started = await startPitrSandboxBehindProxy()
  })
  afterAll(async () => {
    await started?.proxy.close()
    await started?.sb.close()
  })
  const sb = () => started!.sb
  const proxy = () => started!.proxy
  const harness = pitrHarness(sb, () => started!.base)
  const restoreViaProxy = (extra: Record<string, string>) =>
    viaArmProxy(sb(), proxy(), () => harness.restore(extra))
  return { ...harness, sb, proxy, restoreViaProxy }
}

/**
 * Starts {@link startPitrSandbox} before the file's tests and closes it after them; `sb()` reads the sandbox, and
 * {@link pitrHarness}'s helpers come with it (the shared inputs included).
 */
export function pitrSandboxForFile() {
  let started: Awaited<ReturnType<typeof startPitrSandbox>> | undefined
  beforeAll(async () => {
    started = await startPitrSandbox()
  })
  afterAll(async () => {
    await started?.sb.close()
  })
  const sb = () => started!.sb
  return { ...pitrHarness(sb, () => started!.base), sb }
}

/** A restore point half a second ago (ISO 8601 UTC): after the source's base backup, before anything else. */
export const recent = () => new Date(Date.now() - 500).toISOString()
