import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  fakeRuntime,
  RequestLog,
  type FakeRuntime,
  type KubernetesEmulator
} from '@rollback-actions/emulators'
import { runAction } from '@rollback-actions/drill'
import { startKube, writeKubeconfig } from '../helpers/kube.js'
import { run } from '../../actions/secret-swap/src/main.js'
import { runFake } from '../helpers/fake-context.js'

const IMAGE = 'sandboxacr.azurecr.io/shop/product-service:v1'
const PASSWORD = 'p@ss:w/rd "q" ü€+=&%'
const OLD_URL =
  'postgresql://pgadmin:old-secret-value@old-db.example:5432/app?sslmode=require'

let kube: KubernetesEmulator
let runtime: FakeRuntime
let dir: string
let kubeconfigPath: string
const log = new RequestLog()

/** Every form of the password a careless encoder could leak. */
function leakForms(value: string): string[] {
  return [
    value,
    Buffer.from(value).toString('base64'),
    Buffer.from(value).toString('base64url'),
    encodeURIComponent(value),
    JSON.stringify(value).slice(1, -1)
  ]
}
function expectNoLeak(text: string, value: string) {
  for (const form of leakForms(value)) expect(text).not.toContain(form)
}

const secretData = (key: string) => {
  const s = kube.store.get('secrets', 'prod', 'product-service-db')
  const b64 = (s as { data?: Record<string, string> } | undefined)?.data?.[key]
  return b64 === undefined
    ? undefined
    : Buffer.from(b64, 'base64').toString('utf8')
}

const inputs = (extra: Record<string, string> = {}) => ({
  target: 'kubernetes-secret',
  'secret-name': 'product-service-db',
  namespace: 'prod',
  'server-fqdn': '127.0.0.1:6543',
  database: 'app',
  username: 'pgadmin',
  password: PASSWORD,
  'ssl-mode': 'disable',
  deployments: 'prod/product-service',
  'rollout-timeout': '60s',
  kubeconfig: kubeconfigPath,
  ...extra
})

beforeAll(async () => {
  runtime = fakeRuntime({ images: { [IMAGE]: `sha256:${'a'.repeat(64)}` } })
  ;({ emulator: kube } = await startKube({
    log,
    token: 'secret-swap-test-token',
    runtime,
    podStartLatencyMs: 50
  }))
  kube.store.createSecret({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'product-service-db', namespace: 'prod' },
    data: { 'connection-string': Buffer.from(OLD_URL).toString('base64') }
  })
  await kube.seedDeployment({
    namespace: 'prod',
    name: 'product-service',
    replicas: 2,
    container: 'product-service',
    images: [IMAGE],
    env: [
      {
        name: 'DATABASE_URL',
        valueFrom: {
          secretKeyRef: { name: 'product-service-db', key: 'connection-string' }
        }
      }
    ]
  })
  dir = await mkdtemp(join(tmpdir(), 'secret-swap-kube-'))
  kubeconfigPath = writeKubeconfig(dir, kube)
})
afterAll(async () => {
  await kube?.close()
  await rm(dir, { recursive: true, force: true })
})

const NEW_URL = `postgresql://pgadmin:${encodeURIComponent(PASSWORD)}@127.0.0.1:6543/app?sslmode=disable`

/** Runs secret-swap back to the previous value of the Secret. */
const swapBack = () =>
  runFake(run, 'secret-swap', {
    ...inputs(),
    mode: 'swap-back',
    'server-fqdn': '',
    password: ''
  })

describe('secret-swap to a Kubernetes Secret', () => {
  it('writes the new connection string, keeps the previous one, restarts and waits for the consumers', async () => {
    const startsBefore = runtime.started.length
    const ctx = await runFake(run, 'secret-swap', inputs())
    expect(ctx.failure).toBeUndefined()
    expect(secretData('connection-string')).toBe(NEW_URL)
    expect(secretData('connection-string.previous')).toBe(OLD_URL)
    expect(ctx.outputs['previous-version']).toBe('connection-string.previous')
    expect(ctx.outputs['restarted']).toBe('prod/product-service')
    const restarted = runtime.started.slice(startsBefore)
    expect(restarted.length).toBeGreaterThanOrEqual(2)
    for (const s of restarted) expect(s.env?.DATABASE_URL).toBe(NEW_URL)
    expect(
      log
        .writes('kubernetes')
        .some(
          (e) =>
            e.method === 'PATCH' &&
            e.path.includes('/deployments/product-service')
        )
    ).toBe(true)
    expectNoLeak(ctx.everything(), PASSWORD)
    expectNoLeak(ctx.everything(), NEW_URL)
    expectNoLeak(ctx.everything(), OLD_URL)
  })

  it('swap-back makes the previous value live again and keeps the swapped one retrievable', async () => {
    const ctx = await swapBack()
    expect(ctx.failure).toBeUndefined()
    expect(secretData('connection-string')).toBe(OLD_URL)
    expect(secretData('connection-string.previous')).toBe(OLD_URL)
    expect(secretData('connection-string.swapped-out')).toBe(NEW_URL)
    expectNoLeak(ctx.everything(), OLD_URL)
    expectNoLeak(ctx.everything(), PASSWORD)
  })

  it('a re-run of swap-back (say, after its restart timed out) keeps the previous value live', async () => {
    const mark = log.mark()
    const ctx = await swapBack()
    expect(ctx.failure).toBeUndefined()
    expect(secretData('connection-string')).toBe(OLD_URL)
    // no write to the Secret (the consumers are restarted again, which is what a re-run is for)
    expect(
      log.writes('kubernetes', mark).filter((w) => w.path.includes('/secrets/'))
    ).toEqual([])
  })

  it('checks the consumer Deployments before writing anything', async () => {
    const before = secretData('connection-string')
    const mark = log.mark()
    const ctx = await runFake(run, 'secret-swap', {
      ...inputs(),
      deployments: 'prod/product-service,prod/ghost-service'
    })
    expect(ctx.failure).toMatch(
      /^secret-swap: deployment "prod\/ghost-service" not found/
    )
    expect(log.writes('kubernetes', mark)).toEqual([])
    expect(secretData('connection-string')).toBe(before)
    expectNoLeak(ctx.everything(), PASSWORD)
  })

  it('refuses swap-back on a Secret it never swapped, without writing', async () => {
    kube.store.createSecret({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'other-db', namespace: 'prod' },
      data: { 'connection-string': Buffer.from(OLD_URL).toString('base64') }
    })
    const mark = log.mark()
    const ctx = await runFake(run, 'secret-swap', {
      ...inputs(),
      mode: 'swap-back',
      'secret-name': 'other-db',
      deployments: '',
      password: ''
    })
    expect(ctx.failure).toMatch(
      /^secret-swap: Secret "prod\/other-db" has no key "connection-string.previous": nothing to swap back/
    )
    expect(log.writes('kubernetes', mark)).toHaveLength(0)
    expectNoLeak(ctx.everything(), OLD_URL)
  })

  it('as the bundled action: no form of the password in stdout, stderr, GITHUB_OUTPUT, the summary or the audit', async () => {
    const r = await runAction(
      'secret-swap',
      inputs({ 'server-fqdn': '127.0.0.1:7654' }),
      {
        env: {
          GITHUB_REPOSITORY: 'warranty-hub/platform',
          GITHUB_RUN_ID: '1',
          GITHUB_ACTOR: 'octo-sre'
        }
      }
    )
    expect(r.exitCode).toBe(0)
    expect(secretData('connection-string')).toBe(
      `postgresql://pgadmin:${encodeURIComponent(PASSWORD)}@127.0.0.1:7654/app?sslmode=disable`
    )
    // `::add-mask::` lines are consumed by the runner and never shown; everything else is searched.
    const stdout = r.stdout
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n')
    const all = [
      stdout,
      r.stderr,
      JSON.stringify(r.outputs),
      r.summary,
      JSON.stringify(r.audit)
    ].join('\n')
    expect(all).toContain(
      'connection string: postgresql://pgadmin@127.0.0.1:7654/app'
    )
    expectNoLeak(all, PASSWORD)
    expectNoLeak(all, OLD_URL)
  })
})
