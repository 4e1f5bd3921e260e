import type {
  PipelinePolicy,
  PipelineRequest,
  SendRequest
} from '@azure/core-rest-pipeline'
import { RestError } from '@azure/core-rest-pipeline'
import type { Logger, RetryPolicy } from '@rollback-actions/action-kit'

/** The options every Azure SDK client of the suite is built with (spread into the client's options). */
export interface AzurePipelineOptions {
  retryOptions: {
    maxRetries: number
    retryDelayInMs: number
    maxRetryDelayInMs: number
  }
  additionalPolicies: { policy: PipelinePolicy; position: 'perRetry' }[]
}

/**
 * Maps the suite's retry policy onto an Azure SDK client (`@azure/core-rest-pipeline`): the SDK's own retry policy
 * does the retrying (408, 5xx but 501/505, 429/503 with `Retry-After`, network errors; `maxRetries` =
 * `attempts - 1`, exponential from `baseDelayMs` capped at `maxDelayMs`). One per-try policy adds what the SDK
 * lacks: a timeout on each try (`requestTimeoutMs`; a try that times out becomes an `ETIMEDOUT` error, which the
 * SDK retries), a connection cut while the answer was read counted as `ECONNRESET` (retried too), and one info
 * line per retry naming `service`, the method and the path.
 *
 * @param service the remote for messages, e.g. `Azure Resource Manager`.
 */
export function azurePipelineOptions(
  policy: RetryPolicy,
  log: Logger,
  service: string
): AzurePipelineOptions {
  const tries = new WeakMap<PipelineRequest, number>()
  const perTry: PipelinePolicy = {
    name: 'rollbackTimeoutAndRetryLog',
    async sendRequest(request: PipelineRequest, next: SendRequest) {
      const attempt = (tries.get(request) ?? 0) + 1
      tries.set(request, attempt)
      if (attempt > 1)
        log.info(
          `${service}: ${request.method} ${new URL(request.url).pathname}: retry ${attempt - 1}/${policy.attempts - 1}`
        )
      if (!request.timeout) request.timeout = policy.requestTimeoutMs
      try {
        return await next(request)
      } catch (error) {
        if (request.abortSignal?.aborted) throw error
        if ((error as { name?: string }).name === 'AbortError')
          throw new RestError(
            `${service}: no answer to ${request.method} within ${request.timeout} ms`,
            { code: 'ETIMEDOUT', request }
          )
        // A connection cut while the body was read ("Error reading response as text: aborted") is a reset too.
        const code = (error as { code?: unknown }).code
        if (
          (code === undefined || code === RestError.PARSE_ERROR) &&
          /\baborted\b|socket hang up/i.test((error as Error).message)
        )
          throw new RestError(
            `${service}: the connection was cut during the answer to ${request.method}`,
            { code: 'ECONNRESET', request }
          )
        throw error
      }
    }
  }
  return {
    retryOptions: {
      maxRetries: policy.attempts - 1,
      retryDelayInMs: policy.baseDelayMs,
      maxRetryDelayInMs: policy.maxDelayMs
    },
    additionalPolicies: [{ policy: perTry, position: 'perRetry' }]
  }
}
