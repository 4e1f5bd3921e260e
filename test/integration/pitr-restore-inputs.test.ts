import tls from 'node:tls'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  startDatabaseSandbox,
  type DatabaseSandbox
} from '@rollback-actions/sandbox'
import { run } from '../../actions/pitr-restore/src/main.js'
import { runFake } from '../helpers/fake-context.js'

let sb: DatabaseSandbox
let base: Record<string, string>

async function restore(extra: Record<string, string>) {
  const mark = sb.log.mark()
  const ctx = await runFake(
    run,
    'pitr-restore',
    { ...base, ...extra },
    { ...sb.env },
    {
      idToken: sb.oidc.mint('api://AzureADTokenExchange')
    }
  )
  return {
    ctx,
    // checkNameAvailability is a POST that changes nothing: not a mutating call.
    writes: sb.log
      .writes('arm', mark)
      .filter((e) => !/\/checkNameAvailability\?/.test(e.path)),
    reads: sb.log.of('arm', mark)
  }
}

beforeAll(async () => {
  sb = await startDatabaseSandbox()
  tls.setDefaultCACertificates([...tls.getCACertificates('default'), sb.caPem])
  base = {
    'subscription-id': sb.arm.subscriptionId,
    'resource-group': 'rg-prod',
    'source-server': 'prod-db',
    'client-id': sb.clientId,
    'tenant-id': sb.tenantId
  }
  // Restore points below must lie after the base backup taken at start.
  const wait = earliest().getTime() + 2500 - Date.now()
  if (wait > 0) await new Promise((r) => setTimeout(r, wait))
})
afterAll(async () => {
  await sb?.close()
})

const earliest = () => sb.arm.servers.get('prod-db')!.cluster!.baseBackupAt

describe('pitr-restore refuses bad input before any mutating call', () => {
  it.each([
    ['without offset', '2026-01-01T10:00:00', /restore-point.*no UTC offset/],
    [
      'unparseable',
      'yesterday at noon',
      /restore-point.*not an ISO 8601 date-time/
    ],
    [
      'an impossible date',
      '2026-02-30T10:00:00Z',
      /restore-point.*not a valid date-time/
    ]
  ])('restore point %s', async (_label, value, message) => {
    const { ctx, writes, reads } = await restore({ 'restore-point': value })
    expect(ctx.failure).toMatch(/^pitr-restore: input "restore-point"/)
    expect(ctx.failure).toMatch(message)
    expect(writes).toHaveLength(0)
    expect(reads).toHaveLength(0)
  })

  it('restore point in the future', async () => {
    const { ctx, writes } = await restore({
      'restore-point': new Date(Date.now() + 3_600_000).toISOString()
    })
    expect(ctx.failure).toMatch(/input "restore-point": .* is in the future/)
    expect(writes).toHaveLength(0)
  })

  it('restore point before the earliest restore date', async () => {
    const { ctx, writes } = await restore({
      'restore-point': new Date(earliest().getTime() - 60_000).toISOString()
    })
    expect(ctx.failure).toMatch(
      /input "restore-point": .* before the earliest restore date of "prod-db"/
    )
    expect(writes).toHaveLength(0)
  })

  it('restore point outside the retention window', async () => {
    const { ctx, writes } = await restore({
      'restore-point': new Date(Date.now() - 8 * 86_400_000).toISOString()
    })
    expect(ctx.failure).toMatch(
      /input "restore-point": .* outside the 7 day backup retention/
    )
    expect(writes).toHaveLength(0)
  })

  it('source server missing', async () => {
    const { ctx, writes } = await restore({
      'source-server': 'no-such-db',
      'restore-point': 'latest'
    })
    expect(ctx.failure).toMatch(
      /source server "no-such-db" was not found in resource group "rg-prod"/
    )
    expect(writes).toHaveLength(0)
  })

  it('resource group missing', async () => {
    const { ctx, writes } = await restore({
      'resource-group': 'rg-nope',
      'restore-point': 'latest'
    })
    expect(ctx.failure).toMatch(/resource group "rg-nope" was not found/)
    expect(writes).toHaveLength(0)
  })

  it.each([
    ['upper case and underscore', 'Bad_Name'],
    ['a leading hyphen', '-restored'],
    ['a trailing hyphen', 'restored-'],
    ['too short', 'ab'],
    ['too long', 'a'.repeat(64)]
  ])('target name with %s', async (_label, name) => {
    const { ctx, writes, reads } = await restore({
      'restore-point': 'latest',
      'target-server': name
    })
    expect(ctx.failure).toMatch(/^pitr-restore: input "target-server"/)
    expect(writes).toHaveLength(0)
    expect(reads).toHaveLength(0)
  })

  it('target name equal to the source', async () => {
    const { ctx, writes } = await restore({
      'restore-point': 'latest',
      'target-server': 'prod-db'
    })
    expect(ctx.failure).toMatch(
      /input "target-server": "prod-db" is the source server/
    )
    expect(writes).toHaveLength(0)
  })

  it('failure time before the restore point', async () => {
    const t = new Date(Date.now() - 1000)
    const { ctx, writes } = await restore({
      'restore-point': t.toISOString(),
      'failure-time': new Date(t.getTime() - 5000).toISOString()
    })
    expect(ctx.failure).toMatch(
      /input "failure-time": .* is before input "restore-point"/
    )
    expect(writes).toHaveLength(0)
  })

  it('client-id without tenant-id', async () => {
    const { ctx, reads } = await restore({
      'restore-point': 'latest',
      'tenant-id': ''
    })
    expect(ctx.failure).toMatch(
      /input "tenant-id": and input "client-id" go together/
    )
    expect(reads).toHaveLength(0)
  })

  it("target taken by a server without this rollback's tag", async () => {
    // A server restored for another restore point carries another tag value.
    const t1 = new Date(Date.now() - 2000)
    const first = await restore({
      'restore-point': t1.toISOString(),
      'target-server': 'taken-db',
      wait: 'true'
    })
    expect(first.ctx.failure).toBeUndefined()
    const t2 = new Date(t1.getTime() + 1000)
    const { ctx, writes } = await restore({
      'restore-point': t2.toISOString(),
      'target-server': 'taken-db'
    })
    expect(ctx.failure).toMatch(
      /target server "taken-db" already exists in "rg-prod" and is not this rollback's restore/
    )
    expect(writes).toHaveLength(0)
  })

  it('dry run validates and plans without a mutating call', async () => {
    const t = new Date(Date.now() - 1000)
    const { ctx, writes } = await restore({
      'restore-point': t.toISOString(),
      'failure-time': new Date(t.getTime() + 1_000_000).toISOString(),
      'dry-run': 'true'
    })
    expect(ctx.failure).toBeUndefined()
    expect(ctx.outputs['server-name']).toMatch(/^prod-db-pitr-\d{14}$/)
    expect(ctx.outputs['fqdn']).toBe('')
    expect(ctx.outputs['data-loss-window-seconds']).toBe('1000')
    expect(
      ctx.logs.some(
        (l) =>
          l.level === 'warning' &&
          /more than the 900 s \(15-minute\) RPO/.test(l.message)
      )
    ).toBe(true)
    expect(writes).toHaveLength(0)
  })
})
