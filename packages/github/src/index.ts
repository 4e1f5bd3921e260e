import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import { Octokit } from '@octokit/rest'
import {
  DEFAULT_RETRY_POLICY,
  TRANSIENT_STATUSES,
  networkFailure,
  type Logger,
  type RetryPolicy
} from '@rollback-actions/action-kit'

/** Octokit with the REST methods, pagination, and the retry and throttling plugins. */
export const RetryingOctokit = Octokit.plugin(retry, throttling)
export type RetryingOctokit = InstanceType<typeof RetryingOctokit>

export interface GitHubClientOptions {
  /** Token (masked by the caller); undefined sends no Authorization header. */
  auth?: string | undefined
  /** REST API root (`GITHUB_API_URL`); default `https://api.github.com`. */
  baseUrl?: string | undefined
  /** `User-Agent` prefix, e.g. `rollback-actions/<action>`. */
  userAgent?: string
  log: Logger
  /** Retries, backoff and per-request timeout (docs/reliability.md); default the kit's. */
  policy?: RetryPolicy
}

/**
 * The one Octokit factory of the suite. Retries are GitHub's own plugins: `@octokit/plugin-retry` (any status
 * ≥ 400 but 400, 401, 403, 404, 410, 422, 451, and network failures: `policy.attempts - 1` retries, waits of
 * (n + 1)² × `policy.baseDelayMs`) and `@octokit/plugin-throttling` (primary and secondary rate limits, waiting
 * `Retry-After`/`x-ratelimit-reset` when it is at most `policy.maxDelayMs`, else failing). Every request is bounded
 * by `policy.requestTimeoutMs` (a timeout is a network failure, so it is retried). Octokit's own console logging is
 * routed to `log.debug`; each transient answer gets one info line.
 *
 * @see https://docs.github.com/rest/using-the-rest-api/best-practices-for-using-the-rest-api
 */
export function createOctokit(options: GitHubClientOptions): RetryingOctokit {
  const policy = options.policy ?? DEFAULT_RETRY_POLICY
  const { log } = options
  const retries = policy.attempts - 1
  const waitOk = (retryAfterSeconds: number, retryCount: number) =>
    retryCount < retries && retryAfterSeconds * 1000 <= policy.maxDelayMs
  const timedFetch = async (
    url: string | URL | Request,
    init?: RequestInit
  ): Promise<Response> => {
    const signal = init?.signal
      ? AbortSignal.any([
          init.signal,
          AbortSignal.timeout(policy.requestTimeoutMs)
        ])
      : AbortSignal.timeout(policy.requestTimeoutMs)
    const what = `GitHub API: ${init?.method ?? 'GET'} ${new URL(String(url instanceof Request ? url.url : url)).pathname}`
    try {
      const response = await fetch(url, { ...init, signal })
      if (TRANSIENT_STATUSES.has(response.status))
        log.info(`${what}: HTTP ${response.status}; retrying when tries remain`)
      return response
    } catch (error) {
      log.info(
        `${what}: ${networkFailure(error) ?? 'no answer'}; retrying when tries remain`
      )
      throw error
    }
  }
  return new RetryingOctokit({
    ...(options.auth ? { auth: options.auth } : {}),
    baseUrl: options.baseUrl ?? 'https://api.github.com',
    ...(options.userAgent ? { userAgent: options.userAgent } : {}),
    request: { fetch: timedFetch, retries },
    retry: { retries, retryAfterBaseValue: Math.max(policy.baseDelayMs, 1) },
    throttle: {
      retryAfterBaseValue: Math.max(policy.baseDelayMs, 1),
      fallbackSecondaryRateRetryAfter: Math.ceil(policy.maxDelayMs / 1000),
      onRateLimit: (retryAfter, request, _octokit, retryCount) => {
        log.info(
          `GitHub API: ${request.method} ${request.url} hit the rate limit; ${waitOk(retryAfter, retryCount) ? `retry in ${retryAfter} s` : 'not waiting that long'}`
        )
        return waitOk(retryAfter, retryCount)
      },
      onSecondaryRateLimit: (retryAfter, request, _octokit, retryCount) => {
        log.info(
          `GitHub API: ${request.method} ${request.url} hit a secondary rate limit; ${waitOk(retryAfter, retryCount) ? `retry in ${retryAfter} s` : 'not waiting that long'}`
        )
        return waitOk(retryAfter, retryCount)
      }
    },
    log: {
      debug: (m: string) => log.debug(m),
      info: (m: string) => log.debug(m),
      warn: (m: string) => log.debug(m),
      error: (m: string) => log.debug(m)
    }
  })
}
