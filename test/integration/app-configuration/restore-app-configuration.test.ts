import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  startAppConfigurationSandbox,
  type AppConfigurationSandbox
} from '@rollback-actions/sandbox'
import { bundleRunner, type BundleRunner } from './run-bundle.js'

const DAY = 86_400_000
const ago = (days: number) => new Date(Date.now() - days * DAY)

let sb: AppConfigurationSandbox
let action: BundleRunner

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
      }
    ]
  })
  action = await bundleRunner('restore-app-configuration', sb)
}, 60_000)
afterAll(async () => {
  await action?.close()
  await sb?.close()
})

const inputs = (extra: Record<string, string>) => ({
  endpoint: sb.store.url,
  'key-filter': 'app/checkout/*',
  label: 'prod',
  'point-in-time': ago(2).toISOString(),
  'client-id': sb.clientId,
  'tenant-id': sb.tenantId,
  ...extra
})

describe('restore-app-configuration bundle, run as the runner runs it, against OIDC → Entra → App Configuration', () => {
  it('plans on a dry run, restores, and undoes', async () => {
    const mark = sb.log.mark()
    const dry = await action.run(inputs({ 'dry-run': 'true' }))
    expect(dry.stdout).not.toMatch(/::error::/)
    expect(dry.code).toBe(0)
    expect(sb.log.writes('app-configuration', mark)).toHaveLength(0)
    expect(JSON.parse(dry.outputs.plan!)).toHaveLength(2)
    expect(dry.summary).toContain(
      '| app/checkout/endpoint (label prod) | delete |'
    )

    const done = await action.run(inputs({}))
    expect(done.code).toBe(0)
    expect(done.outputs.changed).toBe('2')
    expect(sb.store.get('app/checkout/timeout', 'prod')?.value).toBe('30')
    expect(sb.store.get('app/checkout/endpoint', 'prod')).toBeUndefined()

    const undo = await action.run({
      endpoint: sb.store.url,
      mode: 'undo',
      'previous-values': done.outputs['previous-values']!,
      'client-id': sb.clientId,
      'tenant-id': sb.tenantId
    })
    expect(undo.stdout).not.toMatch(/::error::/)
    expect(undo.code).toBe(0)
    expect(sb.store.get('app/checkout/timeout', 'prod')?.value).toBe('5')
  })

  it('exits 1 for a point in time outside the revision retention, before any request', async () => {
    const mark = sb.log.mark()
    const result = await action.run(
      inputs({ 'point-in-time': ago(8).toISOString() })
    )
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(
      /::error::restore-app-configuration: input "point-in-time": .*outside the store's revision retention of 7 days/
    )
    expect(sb.log.of(undefined, mark)).toHaveLength(0)
  })

  it('exits 1 on a store that keeps failing, with nothing written', async () => {
    sb.store.faults.inject({
      kind: 'http-error',
      status: 503,
      times: 40,
      retryAfterSeconds: 0.01
    })
    const mark = sb.log.mark()
    const result = await action.run(inputs({}))
    sb.store.faults.clear()
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/HTTP 503/)
    expect(
      sb.log.writes('app-configuration', mark).filter((w) => w.status < 400)
    ).toHaveLength(0)
  })
})
