import tls from 'node:tls'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  startAppConfigurationSandbox,
  type AppConfigurationSandbox
} from '@rollback-actions/sandbox'
import { run } from '../../../actions/restore-app-configuration/src/main.js'
import { fakeContext } from '../../helpers/fake-context.js'

const DAY = 86_400_000
const ago = (days: number) => new Date(Date.now() - days * DAY)
const FF = '.appconfig.featureflag/'
const CT = 'application/vnd.microsoft.appconfig.ff+json;charset=utf-8'
/** The release went out a day ago; two days ago is a good point in time. */
const PIT = ago(2).toISOString()

let sb: AppConfigurationSandbox

beforeAll(async () => {
  sb = await startAppConfigurationSandbox({
    seed: [
      {
        key: 'app/checkout/timeout',
        label: 'prod',
        value: '30',
        lastModified: ago(3)
      },
      {
        key: 'app/checkout/retries',
        label: 'prod',
        value: '3',
        lastModified: ago(3)
      },
      {
        key: 'app/checkout/color',
        label: 'prod',
        value: 'blue',
        lastModified: ago(3)
      },
      {
        key: 'app/checkout/timeout',
        label: 'staging',
        value: '31',
        lastModified: ago(3)
      },
      {
        key: `${FF}beta`,
        label: 'prod',
        contentType: CT,
        value: '{"id":"beta","enabled":false}',
        lastModified: ago(3)
      },
      // the release, a day ago
      {
        key: 'app/checkout/timeout',
        label: 'prod',
        value: '5',
        lastModified: ago(1)
      },
      {
        key: 'app/checkout/endpoint',
        label: 'prod',
        value: 'https://new.example',
        lastModified: ago(1)
      },
      {
        key: `${FF}beta`,
        label: 'prod',
        contentType: CT,
        value: '{"id":"beta","enabled":true}',
        lastModified: ago(1)
      }
    ]
  })
  sb.store.remove('app/checkout/retries', 'prod', ago(1))
  tls.setDefaultCACertificates([...tls.getCACertificates('default'), sb.caPem])
})
afterAll(async () => {
  await sb?.close()
})

async function runWith(inputs: Record<string, string>, clientId = sb.clientId) {
  const ctx = fakeContext(
    'restore-app-configuration',
    {
      endpoint: sb.store.url,
      'client-id': clientId,
      'tenant-id': sb.tenantId,
      ...inputs
    },
    sb.env,
    { idToken: sb.oidc.mint('api://AzureADTokenExchange') }
  )
  await run(ctx)
  return ctx
}
const value = (key: string, label: string | null = 'prod') =>
  sb.store.get(key, label)?.value
const restore = {
  'key-filter': 'app/checkout/*',
  label: 'prod',
  'point-in-time': PIT
}

describe('restore-app-configuration: bad input touches nothing', () => {
  it.each([
    [
      { ...restore, 'key-filter': '' },
      /^restore-app-configuration: input "key-filter": is required for mode restore/
    ],
    [
      { ...restore, 'point-in-time': '' },
      /input "point-in-time": is required for mode restore/
    ],
    [
      { ...restore, 'point-in-time': '2026-11-22T03:10:00' },
      /input "point-in-time": "2026-11-22T03:10:00" must be ISO 8601 with a UTC offset/
    ],
    [
      { ...restore, 'point-in-time': ago(10).toISOString() },
      /input "point-in-time": .*is outside the store's revision retention of 7 days/
    ],
    [
      { ...restore, 'point-in-time': new Date(Date.now() + DAY).toISOString() },
      /input "point-in-time": .*is in the future/
    ],
    [
      { ...restore, 'key-filter': 'app/*,other' },
      /input "key-filter": .*is not a key filter/
    ],
    [
      { ...restore, 'key-filter': 'a,b,c,d,e,f' },
      /input "key-filter": .*more than 5/
    ],
    [
      { ...restore, 'retention-days': '90' },
      /input "retention-days": "90" must be 1-30/
    ],
    [
      { ...restore, mode: 'rewind' },
      /input "mode": "rewind" must be "restore" or "undo"/
    ],
    [{ mode: 'undo' }, /input "previous-values": is required for mode undo/],
    [
      { mode: 'undo', 'previous-values': '[]' },
      /input "previous-values": .*non-empty JSON list/
    ],
    [
      { ...restore, 'dry-run': 'maybe' },
      /input "dry-run": "maybe" must be "true" or "false"/
    ],
    [
      { ...restore, 'client-id': '' },
      /input "tenant-id": ".*" and input "client-id" go together/
    ],
    [
      { ...restore, endpoint: 'ftp://store' },
      /input "endpoint": "ftp:\/\/store" must use https/
    ]
  ])('%j fails with a message naming the input', async (inputs, message) => {
    const mark = sb.log.mark()
    const ctx = await runWith(inputs)
    expect(ctx.failure).toMatch(message)
    expect(sb.log.of(undefined, mark)).toHaveLength(0)
  })

  it('refuses a connection string without repeating it', async () => {
    const secret = Buffer.from('the access key secret').toString('base64')
    const mark = sb.log.mark()
    const ctx = await runWith({
      ...restore,
      endpoint: `Endpoint=${sb.store.url};Id=x;Secret=${secret}`
    })
    expect(ctx.failure).toMatch(/input "endpoint": is a connection string/)
    expect(ctx.everything()).not.toContain(secret)
    expect(sb.log.of(undefined, mark)).toHaveLength(0)
  })

  it('accepts an older point in time when the store keeps 30 days', async () => {
    const ctx = await runWith({
      ...restore,
      'point-in-time': ago(10).toISOString(),
      'retention-days': '30',
      'dry-run': 'true'
    })
    expect(ctx.failure).toBeUndefined()
  })
})

describe('restore-app-configuration against the store', () => {
  it('prints the plan of every key it will change on a dry run and writes nothing (Data Reader suffices)', async () => {
    const mark = sb.log.mark()
    const ctx = await runWith(
      { ...restore, 'dry-run': 'true' },
      sb.readerClientId
    )
    expect(ctx.failure).toBeUndefined()
    expect(sb.log.writes('app-configuration', mark)).toHaveLength(0)
    const plan = JSON.parse(ctx.outputs.plan!) as {
      key: string
      action: string
      currentValue: string | null
      restoredValue: string | null
      revisionsSince: number
    }[]
    expect(
      plan.map((p) => [p.key, p.action, p.currentValue, p.restoredValue])
    ).toEqual([
      ['app/checkout/endpoint', 'delete', 'https://new.example', null],
      ['app/checkout/retries', 'set', null, '3'],
      ['app/checkout/timeout', 'set', '5', '30']
    ])
    expect(
      plan.find((p) => p.key === 'app/checkout/timeout')?.revisionsSince
    ).toBe(1)
    expect(ctx.outputs['previous-values']).toBe('[]')
    expect(ctx.summaryText).toContain(
      '| app/checkout/timeout (label prod) | set | "5" | "30" | 1 |'
    )
    // requests used Accept-Datetime reads and the revisions API
    expect(
      sb.log
        .of('app-configuration', mark)
        .some((e) => e.path.startsWith('/revisions?'))
    ).toBe(true)
  })

  it('restores the key-values, leaves other labels and feature flags alone, and undoes it from previous-values', async () => {
    const ctx = await runWith(restore)
    expect(ctx.failure).toBeUndefined()
    expect(value('app/checkout/timeout')).toBe('30')
    expect(value('app/checkout/retries')).toBe('3')
    expect(sb.store.get('app/checkout/endpoint', 'prod')).toBeUndefined()
    expect(value('app/checkout/color')).toBe('blue')
    expect(value('app/checkout/timeout', 'staging')).toBe('31')
    expect(value(`${FF}beta`)).toContain('"enabled":true')
    expect(ctx.outputs.changed).toBe('3')

    const again = await runWith(restore)
    expect(again.outputs.changed).toBe('0')

    const undo = await runWith({
      mode: 'undo',
      'previous-values': ctx.outputs['previous-values']!
    })
    expect(undo.failure).toBeUndefined()
    expect(value('app/checkout/timeout')).toBe('5')
    expect(value('app/checkout/endpoint')).toBe('https://new.example')
    expect(sb.store.get('app/checkout/retries', 'prod')).toBeUndefined()
    expect(undo.outputs.changed).toBe('3')
  })

  it('refuses to change a locked key-value and writes nothing', async () => {
    sb.store.setLocked('app/checkout/timeout', 'prod', true)
    const mark = sb.log.mark()
    const ctx = await runWith(restore)
    expect(ctx.failure).toMatch(
      /read-only \(locked\) key-values would have to change: app\/checkout\/timeout \(label prod\)/
    )
    expect(sb.log.writes('app-configuration', mark)).toHaveLength(0)
    sb.store.setLocked('app/checkout/timeout', 'prod', false)
  })
})

describe('restore-app-configuration under faults', () => {
  it('fails on an ETag conflict and puts the earlier writes back', async () => {
    sb.store.faults.inject({
      kind: 'concurrent-write',
      on: 'put:app/checkout/timeout'
    })
    const ctx = await runWith(restore)
    expect(ctx.failure).toMatch(
      /writing app\/checkout\/timeout \(label prod\): .*HTTP 412.*2 earlier write\(s\) were put back; the store is as it was/
    )
    expect(value('app/checkout/endpoint')).toBe('https://new.example')
    expect(sb.store.get('app/checkout/retries', 'prod')).toBeUndefined()
    expect(value('app/checkout/timeout')).toContain('changed by another client')
  })

  it('waits out a 429 and goes on', async () => {
    sb.store.faults.inject({
      kind: 'throttle',
      on: 'get',
      retryAfterSeconds: 0.05
    })
    const ctx = await runWith({ ...restore, 'dry-run': 'true' })
    expect(ctx.failure).toBeUndefined()
  })

  it('fails clearly when the store keeps answering 503, with nothing written', async () => {
    sb.store.faults.inject({
      kind: 'http-error',
      status: 503,
      on: 'get',
      times: 30,
      retryAfterSeconds: 0.01
    })
    const mark = sb.log.mark()
    const ctx = await runWith(restore)
    sb.store.faults.clear()
    expect(ctx.failure).toMatch(/kept throttling \(HTTP 503\)/)
    expect(sb.log.writes('app-configuration', mark)).toHaveLength(0)
  })
})
