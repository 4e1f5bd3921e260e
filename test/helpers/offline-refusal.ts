import { expect } from '@jest/globals'
import type { RequestLog } from '@rollback-actions/emulators'

/**
 * Runs an action that must refuse its inputs before it sends anything: its failure matches `message` and `log`
 * records no request during the run.
 * @param log the emulators' request log.
 * @param run runs the action and returns its fake context.
 * @param message what the failure says.
 * @returns the fake context, for more checks.
 */
export async function expectRefusedOffline<
  C extends { failure?: string | undefined }
>(log: RequestLog, run: () => Promise<C>, message: RegExp): Promise<C> {
  const mark = log.mark()
  const ctx = await run()
  expect(ctx.failure).toMatch(message)
  expect(log.of(undefined, mark)).toHaveLength(0)
  return ctx
}
