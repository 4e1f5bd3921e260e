import { describe, expect, it } from '@jest/globals'
import { OperationError, recordingLogger } from '@rollback-actions/action-kit'
import {
  applyRestore,
  createFlexibleServerClient,
  planRestore
} from '@rollback-actions/pitr'
import {
  sandboxCredential,
  pitrSandboxForFile,
  recent
} from '../helpers/pitr.js'

const { sb, sourceWrites, putsFor, armRequests, restore } = pitrSandboxForFile()

/** Plans restoring prod-db's latest restore point into `targetServer` through the package API. */
const planLatest = (c: ReturnType<typeof client>, targetServer: string) =>
  planRestore(
    c,
    {
      subscriptionId: sb().arm.subscriptionId,
      resourceGroup: 'rg-prod',
      sourceServer: 'prod-db',
      restorePoint: { latest: true },
      targetServer
    },
    recordingLogger()
  )

/** The package API with small delays, for faults whose retries would take long through the action. */
function client(maxRetries = 0) {
  return createFlexibleServerClient(
    {
      credential: sandboxCredential(sb()),
      subscriptionId: sb().arm.subscriptionId,
      log: recordingLogger(),
      throttleBaseDelayMs: 20,
      maxRetries
    },
    sb().env
  )
}

describe('pitr-restore under HTTP faults (429, 500): a clear outcome, the source untouched', () => {
  it('waits out a 429 with Retry-After and restores', async () => {
    sb().injectFault({ kind: 'throttle', on: 'put', retryAfterSeconds: 1 })
    const { ctx, mark } = await restore({
      'restore-point': recent(),
      'target-server': 'throttled-ra'
    })
    expect(ctx.failure).toBeUndefined()
    expect(armRequests(mark).some((e) => e.status === 429)).toBe(true)
    expect(putsFor('throttled-ra', mark).map((e) => e.status)).toEqual([
      429, 202
    ])
    expect(sb().arm.servers.get('throttled-ra')?.state).toBe('Ready')
    expect(sourceWrites(mark)).toHaveLength(0)
  })

  it('retries a 429 without Retry-After (bounded, one line per wait) and restores', async () => {
    sb().injectFault({ kind: 'throttle', on: 'put' })
    const { ctx, mark } = await restore({
      'restore-point': recent(),
      'target-server': 'throttled-nora'
    })
    expect(ctx.failure).toBeUndefined()
    expect(
      ctx.logs.some((l) =>
        /throttled PUT \(429, no Retry-After\); retry 1\/3/.test(l.message)
      )
    ).toBe(true)
    expect(putsFor('throttled-nora', mark).map((e) => e.status)).toEqual([
      429, 202
    ])
    expect(sourceWrites(mark)).toHaveLength(0)
  })

  it('gives a clear error when 429s without Retry-After persist, and creates nothing', async () => {
    sb().injectFault({ kind: 'throttle', on: 'put', times: 10 })
    const mark = sb().log.mark()
    const c = client()
    const plan = await planLatest(c, 'throttled-always')
    const error = await applyRestore(
      c,
      plan,
      { wait: true, timeoutSeconds: 30 },
      recordingLogger()
    ).catch((e: unknown) => e)
    sb().arm.clearFaults()
    expect(error).toBeInstanceOf(OperationError)
    expect((error as Error).message).toMatch(
      /kept throttling the requests \(HTTP 429 TooManyRequests\) after the retries/
    )
    expect(putsFor('throttled-always', mark)).toHaveLength(4)
    expect(sb().arm.servers.has('throttled-always')).toBe(false)
    expect(sourceWrites(mark)).toHaveLength(0)
  })

  it('rides out a single 500 on a poll (the SDK retries it)', async () => {
    sb().injectFault({ kind: 'poll-error', status: 500 })
    const { ctx, mark } = await restore({
      'restore-point': recent(),
      'target-server': 'poll-500-once'
    })
    expect(ctx.failure).toBeUndefined()
    expect(
      armRequests(mark).some(
        (e) => e.status === 500 && /azureAsyncOperation/.test(e.path)
      )
    ).toBe(true)
    expect(sourceWrites(mark)).toHaveLength(0)
  })

  it('reports a poll that keeps failing with 500 as unreadable status, with the next step', async () => {
    sb().injectFault({ kind: 'poll-error', status: 500, times: 50 })
    const mark = sb().log.mark()
    const c = client(0)
    const plan = await planLatest(c, 'poll-500-always')
    const error = await applyRestore(
      c,
      plan,
      { wait: true, timeoutSeconds: 30, pollIntervalMs: 200 },
      recordingLogger()
    ).catch((e: unknown) => e)
    sb().arm.clearFaults()
    expect(error).toBeInstanceOf(OperationError)
    expect((error as Error).message).toMatch(
      /the restore of "poll-500-always", but its status could not be read \(HTTP 500.*re-run with the same inputs to adopt it/
    )
    expect(sourceWrites(mark)).toHaveLength(0)
  })
})
