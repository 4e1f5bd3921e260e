import { describe, expect, it } from '@jest/globals'
import { storeInputs, useBundleSandbox } from './run-bundle.js'
import { keyValueDaysAgo } from '../../helpers/app-configuration.js'

const DAY = 86_400_000
const ago = (days: number) => new Date(Date.now() - days * DAY)

const t = useBundleSandbox('restore-app-configuration', [
  keyValueDaysAgo('app/checkout/timeout', '30', 3),
  keyValueDaysAgo('app/checkout/timeout', '5', 1),
  keyValueDaysAgo('app/checkout/endpoint', 'https://new.example', 1)
])

const inputs = (extra: Record<string, string>) => ({
  ...storeInputs(t.sb),
  'key-filter': 'app/checkout/*',
  label: 'prod',
  'point-in-time': ago(2).toISOString(),
  ...extra
})

describe('restore-app-configuration bundle, run as the runner runs it, against OIDC → Entra → App Configuration', () => {
  it('plans on a dry run, restores, and undoes', async () => {
    const mark = t.sb.log.mark()
    const dry = await t.action.run(inputs({ 'dry-run': 'true' }))
    expect(dry.stdout).not.toMatch(/::error::/)
    expect(dry.code).toBe(0)
    expect(t.sb.log.writes('app-configuration', mark)).toHaveLength(0)
    expect(JSON.parse(dry.outputs.plan!)).toHaveLength(2)
    expect(dry.summary).toContain(
      '| app/checkout/endpoint (label prod) | delete |'
    )

    const done = await t.action.run(inputs({}))
    expect(done.code).toBe(0)
    expect(done.outputs.changed).toBe('2')
    expect(t.sb.store.get('app/checkout/timeout', 'prod')?.value).toBe('30')
    expect(t.sb.store.get('app/checkout/endpoint', 'prod')).toBeUndefined()

    const undo = await t.action.run({
      endpoint: t.sb.store.url,
      mode: 'undo',
      'previous-values': done.outputs['previous-values']!,
      'client-id': t.sb.clientId,
      'tenant-id': t.sb.tenantId
    })
    expect(undo.stdout).not.toMatch(/::error::/)
    expect(undo.code).toBe(0)
    expect(t.sb.store.get('app/checkout/timeout', 'prod')?.value).toBe('5')
  })

  it('exits 1 for a point in time outside the revision retention, before any request', async () => {
    const mark = t.sb.log.mark()
    const result = await t.action.run(
      inputs({ 'point-in-time': ago(8).toISOString() })
    )
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(
      /::error::restore-app-configuration: input "point-in-time": .*outside the store's revision retention of 7 days/
    )
    expect(t.sb.log.of(undefined, mark)).toHaveLength(0)
  })

  it('exits 1 on a store that keeps failing, with nothing written', async () => {
    t.sb.store.faults.inject({
      kind: 'http-error',
      status: 503,
      times: 40,
      retryAfterSeconds: 0.01
    })
    const mark = t.sb.log.mark()
    const result = await t.action.run(inputs({}))
    t.sb.store.faults.clear()
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/HTTP 503/)
    expect(
      t.sb.log.writes('app-configuration', mark).filter((w) => w.status < 400)
    ).toHaveLength(0)
  })
})
