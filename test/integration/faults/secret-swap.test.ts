// Regression tests of issue #10 item 9 (secret-swap): the pre-incident value is never lost, forbidden keys are
// refused, consumer lists are de-duplicated.
import tls from 'node:tls'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { recordingLogger } from '@rollback-actions/action-kit'
import {
  createCertificateAuthority,
  RequestLog,
  startKeyVaultEmulator,
  type KeyVaultEmulator
} from '@rollback-actions/emulators'
import {
  createKeyVaultClient,
  swapBackKeyVaultSecret,
  swapKeyVaultSecret
} from '@rollback-actions/secrets'
import { run } from '../../../actions/secret-swap/src/main.js'
import { fakeContext } from '../../helpers/fake-context.js'
import {
  FAST_RETRY_ENV,
  startKubeFaultWorld,
  type KubeFaultWorld
} from '../../helpers/kube-faults.js'

const ORIGINAL = 'postgresql://app:pw@prod-db:5432/app?sslmode=require'
let world: KubeFaultWorld
let vault: KeyVaultEmulator

beforeAll(async () => {
  world = await startKubeFaultWorld()
  const ca = await createCertificateAuthority()
  tls.setDefaultCACertificates([...tls.getCACertificates('default'), ca.caPem])
  vault = await startKeyVaultEmulator({
    tls: await ca.issue(['127.0.0.1']),
    log: new RequestLog(),
    name: 'kv-faults',
    secrets: { 'db-url': ORIGINAL }
  })
})
afterAll(async () => {
  await vault?.close()
  await world?.close()
})

const secretValue = (name: string, key: string) => {
  const s = world.emulator.store.get('secrets', 'prod', name) as
    { data?: Record<string, string> } | undefined
  const b64 = s?.data?.[key]
  return b64 === undefined ? undefined : Buffer.from(b64, 'base64').toString()
}

const swap = (extra: Record<string, string>) => {
  const ctx = fakeContext(
    'secret-swap',
    {
      target: 'kubernetes-secret',
      namespace: 'prod',
      database: 'app',
      username: 'app',
      password: 'pw',
      'ssl-mode': 'require',
      'rollout-timeout': '20s',
      kubeconfig: world.kubeconfig,
      ...extra
    },
    FAST_RETRY_ENV
  )
  return run(ctx).then(() => ctx)
}

describe('secret-swap keeps the pre-incident value', () => {
  it('swaps back to the original Kubernetes value after two swaps', async () => {
    world.emulator.store.createSecret({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'twice', namespace: 'prod' },
      data: { url: Buffer.from(ORIGINAL).toString('base64') }
    })
    for (const host of ['restored-1', 'restored-2']) {
      const ctx = await swap({
        mode: 'swap',
        'secret-name': 'twice',
        'secret-key': 'url',
        'server-fqdn': host
      })
      expect(ctx.failure).toBeUndefined()
    }
    expect(secretValue('twice', 'url')).toMatch(/@restored-2:/)
    const back = await swap({
      mode: 'swap-back',
      'secret-name': 'twice',
      'secret-key': 'url'
    })
    expect(back.failure).toBeUndefined()
    expect(secretValue('twice', 'url')).toBe(ORIGINAL)
  })

  it('swaps back to the original Key Vault version after two swaps', async () => {
    const client = createKeyVaultClient(vault.url, {
      getToken: () =>
        Promise.resolve({ token: 't', expiresOnTimestamp: Date.now() + 3.6e6 })
    })
    const log = recordingLogger()
    await swapKeyVaultSecret(client, 'db-url', 'postgresql://restored-1', log)
    await swapKeyVaultSecret(client, 'db-url', 'postgresql://restored-2', log)
    await swapBackKeyVaultSecret(client, 'db-url', log)
    expect(vault.value('db-url')).toBe(ORIGINAL)
  })
})

describe('secret-swap refuses forbidden keys and restarts each consumer once', () => {
  it.each(['..', '.'])(
    'refuses the Secret key %p, which Kubernetes forbids, before writing',
    async (key) => {
      const mark = world.log.mark()
      const ctx = await swap({
        mode: 'swap',
        'secret-name': 'dots',
        'secret-key': key,
        'server-fqdn': 'restored-1'
      })
      expect(ctx.failure).toMatch(/^secret-swap: input "secret-key"/)
      expect(world.log.writes('kubernetes', mark)).toHaveLength(0)
    }
  )

  it('restarts a Deployment listed twice only once', async () => {
    const name = await world.seed('consumer')
    const mark = world.log.mark()
    const ctx = await swap({
      mode: 'swap',
      'secret-name': 'dedup',
      'secret-key': 'url',
      'server-fqdn': 'restored-1',
      deployments: `prod/${name}, prod/${name}`
    })
    expect(ctx.failure).toBeUndefined()
    const patches = world.log
      .writes('kubernetes', mark)
      .filter((w) => w.method === 'PATCH')
    expect(patches).toHaveLength(1)
    expect(ctx.outputs.restarted).toBe(`prod/${name}`)
  })
})
