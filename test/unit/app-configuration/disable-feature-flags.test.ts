import tls from 'node:tls'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  startAppConfigurationSandbox,
  type AppConfigurationSandbox
} from '@rollback-actions/sandbox'
import { run } from '../../../actions/disable-feature-flags/src/main.js'
import { fakeContext } from '../../helpers/fake-context.js'

const FF = '.appconfig.featureflag/'
const CT = 'application/vnd.microsoft.appconfig.ff+json;charset=utf-8'
const flag = (id: string, enabled: boolean, filters: unknown[] = []) =>
  JSON.stringify({
    id,
    enabled,
    description: `${id} rollout`,
    conditions: { requirement_type: 'Any', client_filters: filters }
  })
const percent = (v: number) => ({
  name: 'Microsoft.Percentage',
  parameters: { Value: v }
})

let sb: AppConfigurationSandbox

beforeAll(async () => {
  sb = await startAppConfigurationSandbox({
    seed: [
      {
        key: `${FF}beta-checkout`,
        label: 'prod',
        contentType: CT,
        value: flag('beta-checkout', true, [percent(50)])
      },
      {
        key: `${FF}new-pricing`,
        label: 'prod',
        contentType: CT,
        value: flag('new-pricing', true)
      },
      {
        key: `${FF}legacy-cart`,
        label: 'prod',
        contentType: CT,
        value: flag('legacy-cart', false)
      },
      {
        key: `${FF}beta-search`,
        label: 'prod',
        contentType: CT,
        value: flag('beta-search', true, [percent(20)])
      },
      {
        key: `${FF}beta-checkout`,
        contentType: CT,
        value: flag('beta-checkout', true)
      },
      { key: 'app/color', label: 'prod', value: 'blue' },
      { key: `${FF}raw`, label: 'prod', value: '{"enabled":true}' }
    ]
  })
  tls.setDefaultCACertificates([...tls.getCACertificates('default'), sb.caPem])
})
afterAll(async () => {
  await sb?.close()
})

const identity = () => ({ 'client-id': sb.clientId, 'tenant-id': sb.tenantId })
async function runWith(inputs: Record<string, string>, clientId = sb.clientId) {
  const ctx = fakeContext(
    'disable-feature-flags',
    { endpoint: sb.store.url, ...identity(), 'client-id': clientId, ...inputs },
    sb.env,
    { idToken: sb.oidc.mint('api://AzureADTokenExchange') }
  )
  await run(ctx)
  return ctx
}
const stored = (name: string, label: string | null = 'prod') =>
  JSON.parse(sb.store.get(`${FF}${name}`, label)?.value ?? '{}') as {
    enabled: boolean
    description: string
    conditions: { client_filters: { parameters: { Value: number } }[] }
  }

describe('disable-feature-flags: bad input touches nothing', () => {
  it.each([
    [
      { flags: '' },
      /^disable-feature-flags: input "flags": or input "flag-filter" is required/
    ],
    [
      { flags: 'a', 'flag-filter': 'b*' },
      /input "flag-filter": "b\*" and input "flags" exclude each other/
    ],
    [{ flags: 'bad name' }, /input "flags": .*not a feature flag name/],
    [
      { flags: 'a', endpoint: 'http://127.0.0.1:1' },
      /input "endpoint": "http:\/\/127\.0\.0\.1:1" must use https/
    ],
    [
      { flags: 'a', endpoint: 'https://store.azconfig.io/kv' },
      /input "endpoint": .*without a path/
    ],
    [
      { flags: 'a', mode: 'enable' },
      /input "mode": "enable" must be "disable" or "restore"/
    ],
    [
      { flags: 'a', method: 'half' },
      /input "method": "half" must be "disable" or "zero-percent"/
    ],
    [
      { flags: 'a', 'dry-run': 'yes' },
      /input "dry-run": "yes" must be "true" or "false"/
    ],
    [
      { flags: 'a', 'tenant-id': '' },
      /input "tenant-id": and input "client-id" go together/
    ],
    [
      { mode: 'restore' },
      /input "previous-state": is required for mode restore/
    ],
    [
      { mode: 'restore', 'previous-state': '{nope' },
      /input "previous-state": .*is not JSON/
    ],
    [
      { mode: 'restore', 'previous-state': '[{"key":1}]' },
      /input "previous-state": .*item 1 is not a recorded key-value/
    ],
    [{ flags: 'a', label: 'prod*' }, /input "label": .*one exact label/]
  ])('%j fails with a message naming the input', async (inputs, message) => {
    const mark = sb.log.mark()
    const ctx = await runWith(inputs)
    expect(ctx.failure).toMatch(message)
    expect(sb.log.of(undefined, mark)).toHaveLength(0)
  })

  it('refuses a connection string without repeating it', async () => {
    const secret = Buffer.from('a very secret access key').toString('base64')
    const connection = `Endpoint=https://store.azconfig.io;Id=abc;Secret=${secret}`
    const mark = sb.log.mark()
    const ctx = await runWith({ flags: 'beta-checkout', endpoint: connection })
    expect(ctx.failure).toMatch(
      /^disable-feature-flags: input "endpoint": is a connection string/
    )
    expect(ctx.everything()).not.toContain(secret)
    expect(sb.log.of(undefined, mark)).toHaveLength(0)
  })
})

describe('disable-feature-flags against the store', () => {
  it('names unknown flags and writes nothing', async () => {
    const mark = sb.log.mark()
    const ctx = await runWith({
      flags: 'beta-checkout,no-such-flag',
      label: 'prod'
    })
    expect(ctx.failure).toMatch(
      /unknown feature flag\(s\) "no-such-flag" with label "prod"/
    )
    expect(sb.log.writes('app-configuration', mark)).toHaveLength(0)
  })

  it('refuses a key-value under the flag prefix that is not a flag', async () => {
    const mark = sb.log.mark()
    const ctx = await runWith({ flags: 'raw', label: 'prod' })
    expect(ctx.failure).toMatch(
      /\.appconfig\.featureflag\/raw \(label prod\) is not a feature flag \(content type null/
    )
    expect(sb.log.writes('app-configuration', mark)).toHaveLength(0)
  })

  it('plans without writing on a dry run', async () => {
    const mark = sb.log.mark()
    const ctx = await runWith({
      flags: 'beta-checkout,new-pricing',
      label: 'prod',
      'dry-run': 'true'
    })
    expect(ctx.failure).toBeUndefined()
    expect(sb.log.writes('app-configuration', mark)).toHaveLength(0)
    expect(ctx.outputs['previous-state']).toBe('[]')
    expect(ctx.summaryText).toContain('would write')
    expect(stored('beta-checkout').enabled).toBe(true)
  })

  it('reads the store with a Data Reader identity for a dry run, and names the missing role for a write', async () => {
    const dry = await runWith(
      { flags: 'beta-checkout', label: 'prod', 'dry-run': 'true' },
      sb.readerClientId
    )
    expect(dry.failure).toBeUndefined()
    const mark = sb.log.mark()
    const ctx = await runWith(
      { flags: 'beta-checkout', label: 'prod' },
      sb.readerClientId
    )
    expect(ctx.failure).toMatch(/HTTP 403.*App Configuration Data Owner/)
    expect(
      sb.log.writes('app-configuration', mark).every((w) => w.status === 403)
    ).toBe(true)
    expect(stored('beta-checkout').enabled).toBe(true)
  })

  it('turns named flags off, verifies them and restores them from previous-state', async () => {
    const ctx = await runWith({
      flags: 'beta-checkout\nnew-pricing\nlegacy-cart',
      label: 'prod'
    })
    expect(ctx.failure).toBeUndefined()
    expect(stored('beta-checkout').enabled).toBe(false)
    expect(stored('beta-checkout').description).toBe('beta-checkout rollout')
    expect(stored('new-pricing').enabled).toBe(false)
    expect(stored('beta-checkout', null).enabled).toBe(true) // other label untouched
    expect(ctx.outputs.flags).toBe('beta-checkout,legacy-cart,new-pricing')
    expect(ctx.outputs.changed).toBe('beta-checkout,new-pricing')
    const previous = JSON.parse(ctx.outputs['previous-state']!) as {
      key: string
      writtenEtag: string
    }[]
    expect(previous.map((p) => p.key)).toEqual([
      `${FF}beta-checkout`,
      `${FF}new-pricing`
    ])
    expect(previous[0]!.writtenEtag).toBe(
      sb.store.get(`${FF}beta-checkout`, 'prod')?.etag
    )
    // read back: a GET per written flag after the writes
    expect(
      ctx.logs.some(
        (l) =>
          l.level === 'notice' &&
          /2 flag\(s\) turned off and verified; 1 already off/.test(l.message)
      )
    ).toBe(true)

    const back = await runWith({
      mode: 'restore',
      'previous-state': ctx.outputs['previous-state']!
    })
    expect(back.failure).toBeUndefined()
    expect(stored('beta-checkout').enabled).toBe(true)
    expect(
      stored('beta-checkout').conditions.client_filters[0]!.parameters.Value
    ).toBe(50)
    expect(stored('new-pricing').enabled).toBe(true)
    expect(back.outputs.changed).toBe('beta-checkout,new-pricing')
  })

  it('refuses to restore a flag someone changed after the disable run, writing nothing', async () => {
    const ctx = await runWith({
      flags: 'beta-checkout,new-pricing',
      label: 'prod'
    })
    expect(ctx.failure).toBeUndefined()
    sb.store.set({
      key: `${FF}new-pricing`,
      label: 'prod',
      contentType: CT,
      value: flag('new-pricing', false, [percent(5)])
    })
    const mark = sb.log.mark()
    const back = await runWith({
      mode: 'restore',
      'previous-state': ctx.outputs['previous-state']!
    })
    expect(back.failure).toMatch(
      /changed since this suite wrote them, so not put back: \.appconfig\.featureflag\/new-pricing \(label prod\); nothing was written/
    )
    expect(sb.log.writes('app-configuration', mark)).toHaveLength(0)
    expect(stored('beta-checkout').enabled).toBe(false)
    // put the world back for the next tests
    sb.store.set({
      key: `${FF}beta-checkout`,
      label: 'prod',
      contentType: CT,
      value: flag('beta-checkout', true, [percent(50)])
    })
    sb.store.set({
      key: `${FF}new-pricing`,
      label: 'prod',
      contentType: CT,
      value: flag('new-pricing', true)
    })
  })

  it('sets percentage rollouts to 0 % with method zero-percent, keeping the flag enabled', async () => {
    const ctx = await runWith({
      'flag-filter': 'beta-*',
      label: 'prod',
      method: 'zero-percent'
    })
    expect(ctx.failure).toBeUndefined()
    expect(ctx.outputs.flags).toBe('beta-checkout,beta-search')
    expect(stored('beta-checkout').enabled).toBe(true)
    expect(
      stored('beta-checkout').conditions.client_filters[0]!.parameters.Value
    ).toBe(0)
    expect(
      stored('beta-search').conditions.client_filters[0]!.parameters.Value
    ).toBe(0)
    const back = await runWith({
      mode: 'restore',
      'previous-state': ctx.outputs['previous-state']!
    })
    expect(back.failure).toBeUndefined()
    expect(
      stored('beta-search').conditions.client_filters[0]!.parameters.Value
    ).toBe(20)
  })

  it('refuses zero-percent for a flag without a percentage filter', async () => {
    const mark = sb.log.mark()
    const ctx = await runWith({
      flags: 'beta-checkout,new-pricing',
      label: 'prod',
      method: 'zero-percent'
    })
    expect(ctx.failure).toMatch(
      /new-pricing \(label prod\) has no Microsoft\.Percentage or Microsoft\.Targeting filter/
    )
    expect(sb.log.writes('app-configuration', mark)).toHaveLength(0)
  })

  it('names a filter that matches no flag', async () => {
    const ctx = await runWith({ 'flag-filter': 'gone-*', label: 'prod' })
    expect(ctx.failure).toMatch(
      /no feature flag matches "gone-\*" with label "prod"/
    )
  })
})

describe('disable-feature-flags under faults', () => {
  it('fails on an ETag conflict without a partial write: earlier flags are put back', async () => {
    const before = [stored('beta-checkout'), stored('new-pricing')]
    sb.store.faults.inject({
      kind: 'concurrent-write',
      on: `put:${FF}new-pricing`
    })
    const ctx = await runWith({
      flags: 'beta-checkout,new-pricing',
      label: 'prod'
    })
    expect(ctx.failure).toMatch(
      /writing \.appconfig\.featureflag\/new-pricing \(label prod\): the key-value changed since it was read \(ETag mismatch, HTTP 412\).*1 earlier write\(s\) were put back/
    )
    expect(stored('beta-checkout')).toEqual(before[0])
    expect(ctx.outputs['previous-state']).toBeUndefined()
    // the concurrent writer's value stays
    expect(sb.store.get(`${FF}new-pricing`, 'prod')?.value).toContain(
      'changed by another client'
    )
    sb.store.set({
      key: `${FF}new-pricing`,
      label: 'prod',
      contentType: CT,
      value: flag('new-pricing', true)
    })
  })

  it('waits out a 429 with retry-after-ms and succeeds', async () => {
    sb.store.faults.inject({
      kind: 'throttle',
      on: 'put',
      retryAfterSeconds: 0.05
    })
    const mark = sb.log.mark()
    const ctx = await runWith({ flags: 'beta-checkout', label: 'prod' })
    expect(ctx.failure).toBeUndefined()
    expect(
      sb.log.writes('app-configuration', mark).map((w) => w.status)
    ).toEqual([429, 200])
    await runWith({
      mode: 'restore',
      'previous-state': ctx.outputs['previous-state']!
    })
  })

  it('fails clearly when the store stays unavailable (503), with nothing written', async () => {
    sb.store.faults.inject({
      kind: 'http-error',
      status: 503,
      on: 'get',
      times: 20,
      retryAfterSeconds: 0.01
    })
    const mark = sb.log.mark()
    const ctx = await runWith({ flags: 'beta-checkout', label: 'prod' })
    sb.store.faults.clear()
    expect(ctx.failure).toMatch(
      /listing key-values .*kept throttling \(HTTP 503\)/
    )
    expect(sb.log.writes('app-configuration', mark)).toHaveLength(0)
  })

  it('names a store it cannot reach', async () => {
    const ctx = await runWith({
      flags: 'beta-checkout',
      endpoint: 'https://127.0.0.1:9'
    })
    expect(ctx.failure).toMatch(/cannot reach the store \(ECONNREFUSED\)/)
  }, 60_000)
})
