import type { ActionContext } from './context.js'
import { errorMessage, SuiteError, UserError } from './errors.js'
import { realContext } from './real-context.js'

/**
 * The single error funnel. Returns `run(ctx = realContext(id))`, which runs `body`, turns any thrown
 * value into a failed step with the message `<id>: <message>` (stack at debug level unless it is a UserError), and
 * always writes the job summary and audit, failed runs included. Nothing else calls `setFailed` or `process.exit`.
 */
export function defineAction(
  id: string,
  body: (ctx: ActionContext) => Promise<void>
): (ctx?: ActionContext) => Promise<void> {
  return async (ctx: ActionContext = realContext(id)) => {
    let outcome: 'succeeded' | 'failed' = 'succeeded'
    let failure: string | undefined
    try {
      await body(ctx)
    } catch (error) {
      outcome = 'failed'
      const message =
        error instanceof SuiteError
          ? errorMessage(error)
          : `unexpected error: ${errorMessage(error)}`
      if (!(error instanceof UserError) && error instanceof Error) {
        ctx.log.debug(error.stack ?? error.message)
        let cause = error.cause
        for (let depth = 0; cause instanceof Error && depth < 5; depth++) {
          ctx.log.debug(`caused by: ${cause.message}`)
          cause = cause.cause
        }
      }
      failure = `${id}: ${message}`
      ctx.fail(failure)
    } finally {
      await ctx.finish(outcome, failure)
    }
  }
}
