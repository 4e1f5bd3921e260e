import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  startAppConfigurationSandbox,
  type AppConfigurationSandbox
} from '@rollback-actions/sandbox'
import { bundleRunner, type BundleRunner } from './run-bundle.js'

const FF = '.appconfig.featureflag/'
const CT = 'application/vnd.microsoft.appconfig.ff+json;charset=utf-8'
const flag = (id: string, enabled: boolean, percent?: number) =>
  JSON.stringify({
    id,
    enabled,
    conditions: {
      client_filters:
        percent === undefined
          ? []
          : [{ name: 'Microsoft.Percentage', parameters: { Value: percent } }]
    }
  })

let sb: AppConfigurationSandbox
let action: BundleRunner

beforeAll(async () => {
  sb = await startAppConfigurationSandbox({
    seed: [
      {
        key: `${FF}beta-checkout`,
        label: 'prod',
        contentType: CT,
        value: flag('beta-checkout', true, 30)
      },
      {
        key: `${FF}new-pricing`,
        label: 'prod',
        contentType: CT,
        value: flag('new-pricing', true)
      }
    ]
  })
  action = await bundleRunner('disable-feature-flags', sb)
}, 60_000)
afterAll(async () => {
  await action?.close()
  await sb?.close()
})

const inputs = (extra: Record<string, string>) => ({
  endpoint: sb.store.url,
  label: 'prod',
  'client-id': sb.clientId,
  'tenant-id': sb.tenantId,
  ...extra
})
const enabled = (name: string) =>
  (
    JSON.parse(sb.store.get(`${FF}${name}`, 'prod')?.value ?? '{}') as {
      enabled: boolean
    }
  ).enabled

describe('disable-feature-flags bundle, run as the runner runs it, against OIDC → Entra → App Configuration', () => {
  it('turns the flags off over GitHub OIDC, writes outputs and summary, and restores them', async () => {
    const result = await action.run(
      inputs({ flags: 'beta-checkout,new-pricing' })
    )
    expect(result.stdout).not.toMatch(/::error::/)
    expect(result.code).toBe(0)
    expect(enabled('beta-checkout')).toBe(false)
    expect(enabled('new-pricing')).toBe(false)
    expect(result.outputs.changed).toBe('beta-checkout,new-pricing')
    expect(result.summary).toMatch(
      /\| beta-checkout \(label prod\) \| on at 30 % \| off \| written, verified \|/
    )
    expect(
      sb.log
        .of('entra')
        .some((e) => e.path.includes('/oauth2/v2.0/token') && e.status === 200)
    ).toBe(true)

    const back = await action.run(
      inputs({
        mode: 'restore',
        label: '',
        'previous-state': result.outputs['previous-state']!
      })
    )
    expect(back.stdout).not.toMatch(/::error::/)
    expect(back.code).toBe(0)
    expect(enabled('beta-checkout')).toBe(true)
    expect(enabled('new-pricing')).toBe(true)
  })

  it('exits 1 on bad input before any request', async () => {
    const mark = sb.log.mark()
    const result = await action.run(
      inputs({ flags: 'beta-checkout', 'client-id': 'not-a-guid' })
    )
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(
      /::error::disable-feature-flags: input "client-id": "not-a-guid" must be the Application \(client\) ID, a GUID/
    )
    expect(sb.log.of(undefined, mark)).toHaveLength(0)
  })

  it('exits 1 on an unknown flag with nothing written', async () => {
    const mark = sb.log.mark()
    const result = await action.run(inputs({ flags: 'beta-checkout,ghost' }))
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(
      /::error::disable-feature-flags: unknown feature flag\(s\) "ghost"/
    )
    expect(sb.log.writes('app-configuration', mark)).toHaveLength(0)
  })

  it('exits 1 on an ETag conflict and leaves no partial write', async () => {
    sb.store.faults.inject({
      kind: 'concurrent-write',
      on: `put:${FF}new-pricing`
    })
    const result = await action.run(
      inputs({ flags: 'beta-checkout,new-pricing' })
    )
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(
      /HTTP 412.*were put back; the store is as it was/
    )
    expect(enabled('beta-checkout')).toBe(true)
  })
})
