import { describe, expect, it } from '@jest/globals'
import { pitrSandboxForFile, recent } from '../helpers/pitr.js'

const { sb, sourceWrites, putsFor, restore } = pitrSandboxForFile()

describe('pitr-restore when the operation fails or never gets Ready: a clear outcome, the source untouched', () => {
  it('fails clearly when the operation ends Failed, and removes nothing from the source', async () => {
    sb().injectFault({
      kind: 'operation-fails',
      code: 'EmulatorRestoreFailed',
      message: 'Storage snapshot could not be restored.'
    })
    const before = await sb()
      .arm.servers.get('prod-db')!
      .cluster!.query<{ n: string }>(
        'app',
        'SELECT count(*)::text AS n FROM orders'
      )
    const { ctx, mark } = await restore({
      'restore-point': recent(),
      'target-server': 'op-failed'
    })
    expect(ctx.failure).toMatch(
      /^pitr-restore: the restore of "op-failed" failed in Azure \(EmulatorRestoreFailed: .*Storage snapshot could not be restored\.\)\. Source "prod-db" is unchanged/
    )
    expect(sb().arm.servers.has('op-failed')).toBe(false)
    expect(sourceWrites(mark)).toHaveLength(0)
    const after = await sb()
      .arm.servers.get('prod-db')!
      .cluster!.query<{ n: string }>(
        'app',
        'SELECT count(*)::text AS n FROM orders'
      )
    expect(after).toEqual(before)
    expect(sb().arm.servers.get('prod-db')!.state).toBe('Ready')
  })

  it('stops at the timeout when the server never becomes Ready, and a re-run adopts it instead of restoring again', async () => {
    sb().injectFault({ kind: 'never-ready' })
    const rp = recent()
    const first = await restore({
      'restore-point': rp,
      'target-server': 'never-ready',
      timeout: '8s'
    })
    expect(first.ctx.failure).toMatch(
      /restore of "never-ready" stayed "Starting" and did not become Ready within input "timeout" \(8 s\).*re-run with the same inputs to adopt it/
    )
    expect(sourceWrites(first.mark)).toHaveLength(0)
    // what was started is an output before the wait, so a caller can resume it
    expect(first.ctx.outputs['server-name']).toBe('never-ready')
    expect(first.ctx.outputs['resource-id']).toMatch(
      /\/flexibleServers\/never-ready$/
    )
    // The service finishes later; the re-run adopts the tagged server: no second PUT.
    sb().arm.servers.get('never-ready')!.state = 'Ready'
    const second = await restore({
      'restore-point': rp,
      'target-server': 'never-ready',
      timeout: '8s'
    })
    expect(second.ctx.failure).toBeUndefined()
    expect(
      second.ctx.logs.some((l) =>
        /already carries this rollback's tag .*adopting it/.test(l.message)
      )
    ).toBe(true)
    expect(second.ctx.outputs['fqdn']).toMatch(
      /^[a-z0-9-]+\.postgres\.database\.azure\.com$/
    )
    expect(putsFor('never-ready')).toHaveLength(1)
    expect(sourceWrites(second.mark)).toHaveLength(0)
  })
})
