// Regression tests of issue #10 items 5 and 10 (pitr-restore): start failures and status-read failures are told
// apart, a Failed operation is quoted, terminal states fail fast, echoed values are cut, waits are deadlines.
import { describe, expect, it } from '@jest/globals'
import {
  recordingLogger,
  retryPolicyFromEnv
} from '@rollback-actions/action-kit'
import {
  applyRestore,
  createFlexibleServerClient,
  planRestore
} from '@rollback-actions/pitr'
import { FAST_RETRY_ENV } from '../../helpers/kube-faults.js'
import {
  pitrBehindProxyForFile,
  recent,
  sandboxCredential
} from '../../helpers/pitr.js'

const { sb, proxy, sourceWrites, putsFor, restoreViaProxy } =
  pitrBehindProxyForFile()

const POLL = /azureAsyncOperation/

describe('pitr-restore tells start failures from status-read failures', () => {
  it('reports resets on the status polls as an accepted restore whose status is unreadable, and a re-run adopts it', async () => {
    proxy().inject({ path: POLL, fault: { kind: 'reset' }, times: Infinity })
    const rp = recent()
    const first = await restoreViaProxy({
      'restore-point': rp,
      'target-server': 'poll-reset'
    })
    proxy().clear()
    expect(first.ctx.failure).toMatch(
      /Azure accepted the restore of "poll-reset", but its status could not be read \(ECONNRESET\).*re-run with the same inputs to adopt it/
    )
    expect(first.ctx.failure).not.toMatch(/starting the restore/)
    expect(sourceWrites(first.mark)).toHaveLength(0)
    await sb().arm.operations.at(-1)?.done
    const second = await restoreViaProxy({
      'restore-point': rp,
      'target-server': 'poll-reset'
    })
    expect(second.ctx.failure).toBeUndefined()
    expect(putsFor('poll-reset')).toHaveLength(1)
  })

  it("quotes the operation's error code and message when it ends Failed on the first poll", async () => {
    proxy().inject({
      path: POLL,
      fault: {
        kind: 'status',
        status: 200,
        body: {
          status: 'Failed',
          error: {
            code: 'PointInTimeRestoreFailed',
            message: 'The restore point is not covered by the backups.'
          }
        }
      }
    })
    const { ctx, mark } = await restoreViaProxy({
      'restore-point': recent(),
      'target-server': 'op-failed-first-poll'
    })
    proxy().clear()
    expect(ctx.failure).toMatch(
      /the restore of "op-failed-first-poll" failed in Azure \(PointInTimeRestoreFailed: The restore point is not covered by the backups\.\)/
    )
    expect(ctx.failure).not.toMatch(/starting the restore/)
    expect(sourceWrites(mark)).toHaveLength(0)
    await sb().arm.operations.at(-1)?.done
  })

  it('fails at once when the server to adopt is Dropping', async () => {
    const rp = recent()
    const first = await restoreViaProxy({
      'restore-point': rp,
      'target-server': 'dropping'
    })
    expect(first.ctx.failure).toBeUndefined()
    sb().arm.servers.get('dropping')!.state = 'Dropping'
    const started = Date.now()
    const second = await restoreViaProxy({
      'restore-point': rp,
      'target-server': 'dropping',
      timeout: '10m'
    })
    expect(second.ctx.failure).toMatch(
      /target server "dropping" .* is in state Dropping, from which it will not become Ready: wait until it is gone/
    )
    expect(Date.now() - started).toBeLessThan(5_000)
    expect(putsFor('dropping', second.mark)).toHaveLength(0)
  })

  it.each([
    ['restore-point', `2026-${'1'.repeat(100_000)}`],
    ['failure-time', `2026-${'1'.repeat(100_000)}`],
    ['target-server', 'a'.repeat(100_000)]
  ])('cuts a 100 KB %s in the message', async (input, value) => {
    const { ctx } = await restoreViaProxy({
      'restore-point': recent(),
      [input]: value
    })
    expect(ctx.failure).toMatch(new RegExp(`^pitr-restore: input "${input}"`))
    expect(ctx.failure!.length).toBeLessThan(600)
    expect(ctx.everything().length).toBeLessThan(20_000)
  })
})

describe('pitr-restore waits are deadlines', () => {
  it('accepts a timeout above the 2^31-1 ms timer limit (1000 h) and restores', async () => {
    const log = recordingLogger()
    const client = createFlexibleServerClient(
      {
        credential: sandboxCredential(sb()),
        subscriptionId: sb().arm.subscriptionId,
        log,
        policy: retryPolicyFromEnv(FAST_RETRY_ENV)
      },
      sb().env
    )
    const plan = await planRestore(
      client,
      {
        subscriptionId: sb().arm.subscriptionId,
        resourceGroup: 'rg-prod',
        sourceServer: 'prod-db',
        restorePoint: { latest: true },
        targetServer: 'thousand-hours'
      },
      log
    )
    const result = await applyRestore(
      client,
      plan,
      { wait: true, timeoutSeconds: 1000 * 3600, pollIntervalMs: 300 },
      log
    )
    expect(result.state).toBe('Ready')
  })
})
