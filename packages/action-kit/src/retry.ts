import type { Logger } from './logger.js'

/**
 * The one retry and timeout policy of the suite (docs/reliability.md). Every remote call of every action is bounded
 * by {@link RetryPolicy.requestTimeoutMs}; transient failures (429, 408, 500, 502, 503, 504, connection resets and
 * request timeouts) of idempotent calls are retried `attempts - 1` times with capped, jittered exponential backoff,
 * honouring `Retry-After` (capped at `maxDelayMs`). The Azure SDKs and Octokit get the same numbers through their own
 * retry options and plugins; our own HTTP calls go through {@link withRetry}.
 */
export interface RetryPolicy {
  /** Tries per call, the first included (≥ 1). */
  attempts: number
  /** First backoff in ms, doubled per retry, jittered to 50–100 %. */
  baseDelayMs: number
  /** Longest single wait in ms, also the cap on an honoured `Retry-After`. */
  maxDelayMs: number
  /** Longest wait for one request's answer (headers and body) in ms. */
  requestTimeoutMs: number
}

/** The defaults: 4 tries, 1 s doubling up to 30 s, 30 s per request. */
export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = Object.freeze({
  attempts: 4,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  requestTimeoutMs: 30_000
})

/** Environment variables that override {@link DEFAULT_RETRY_POLICY} (workflow `env:`; tests use short values). */
export const RETRY_ENV = {
  attempts: 'ROLLBACK_RETRY_ATTEMPTS',
  baseDelayMs: 'ROLLBACK_RETRY_BASE_MS',
  maxDelayMs: 'ROLLBACK_RETRY_MAX_MS',
  requestTimeoutMs: 'ROLLBACK_REQUEST_TIMEOUT_MS'
} as const

/**
 * The policy in force: {@link DEFAULT_RETRY_POLICY} with each field replaced by its {@link RETRY_ENV} variable when
 * that holds a whole number in range (attempts 1–10, delays 0–600000 ms, request timeout 1–3600000 ms); anything
 * else is ignored.
 */
export function retryPolicyFromEnv(
  env: NodeJS.ProcessEnv = process.env
): RetryPolicy {
  const read = (key: keyof RetryPolicy, min: number, max: number) => {
    const text = env[RETRY_ENV[key]]?.trim() ?? ''
    if (!/^\d+$/.test(text)) return DEFAULT_RETRY_POLICY[key]
    const n = Number(text)
    return n >= min && n <= max ? n : DEFAULT_RETRY_POLICY[key]
  }
  return {
    attempts: read('attempts', 1, 10),
    baseDelayMs: read('baseDelayMs', 0, 600_000),
    maxDelayMs: read('maxDelayMs', 0, 600_000),
    requestTimeoutMs: read('requestTimeoutMs', 1, 3_600_000)
  }
}

/** HTTP statuses worth another try for an idempotent call (RFC 9110 §15.5.9, §15.6; RFC 6585 §4). */
export const TRANSIENT_STATUSES: ReadonlySet<number> = new Set([
  408, 429, 500, 502, 503, 504
])

const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CLOSED',
  'REQUEST_SEND_ERROR'
])

/**
 * The network-level reason of a failed request (a reset, refused connection, or timeout), found by walking the
 * error's `cause` chain (fetch/undici, node:http and the Azure SDK nest it differently); undefined for HTTP answers.
 */
export function networkFailure(error: unknown): string | undefined {
  let e: unknown = error
  for (let depth = 0; depth < 6 && typeof e === 'object' && e; depth++) {
    const x = e as { code?: unknown; name?: unknown; message?: unknown }
    if (typeof x.code === 'string' && NETWORK_CODES.has(x.code)) return x.code
    if (x.name === 'TimeoutError') return 'timeout'
    if (typeof x.message === 'string' && /socket hang up/i.test(x.message))
      return 'ECONNRESET'
    e = (e as { cause?: unknown }).cause
  }
  return undefined
}

/**
 * `Retry-After` (RFC 9110 §10.2.3: delay-seconds or an HTTP-date), or `retry-after-ms` / `x-ms-retry-after-ms`
 * (Azure), in ms; undefined when absent or unreadable. Negative dates count as 0.
 */
export function retryAfterMs(
  header: (name: string) => string | null | undefined,
  now: number = Date.now()
): number | undefined {
  for (const name of ['retry-after-ms', 'x-ms-retry-after-ms']) {
    const v = header(name)?.trim()
    if (v && /^\d+$/.test(v)) return Number(v)
  }
  const v = header('retry-after')?.trim()
  if (!v) return undefined
  if (/^\d+$/.test(v)) return Number(v) * 1000
  const at = Date.parse(v)
  return Number.isNaN(at) ? undefined : Math.max(0, at - now)
}

/** How a failed attempt is treated: `retry` with a reason for the log line, and an optional server-given delay. */
export interface RetryVerdict {
  retry: boolean
  /** Short reason for the info line, e.g. `HTTP 503`, `ECONNRESET`. */
  reason: string
  /** Server-requested delay (`Retry-After`), ms. */
  delayMs?: number
}

export interface WithRetryOptions {
  policy: RetryPolicy
  log: Logger
  /** Decides for each failure; undefined or `retry: false` rethrows it at once. */
  classify(error: unknown): RetryVerdict | undefined
  /** Stops waiting (rethrows the last failure) when aborted. */
  signal?: AbortSignal
  /** Called before each retry (after the wait), e.g. to re-read a resource after a 409. */
  beforeRetry?: (error: unknown, attempt: number) => Promise<void> | void
}

/** The backoff before retry `retry` (1-based), jittered to 50–100 %, capped at `maxDelayMs`. */
export function backoffMs(policy: RetryPolicy, retry: number): number {
  const exp = Math.min(
    policy.maxDelayMs,
    policy.baseDelayMs * 2 ** Math.min(retry - 1, 20)
  )
  return Math.round(exp * (0.5 + Math.random() / 2))
}

/**
 * Runs `operation` and retries it while `classify` says the failure is transient, at most `policy.attempts` tries in
 * all. Each wait is `Retry-After` when the server sent one (capped at `maxDelayMs`), else {@link backoffMs}; one info
 * line per wait names `what`, the reason, the try and the delay (the pattern of `actions/checkout`'s retry helper).
 *
 * @param what the remote and the operation, e.g. `Kubernetes API: reading deployment "prod/web"`.
 * @returns what `operation` returns.
 * @throws the last failure, unchanged, when it is not transient, the tries are used up, or `signal` aborted.
 */
export async function withRetry<T>(
  what: string,
  operation: (attempt: number) => Promise<T>,
  options: WithRetryOptions
): Promise<T> {
  const { policy } = options
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation(attempt)
    } catch (error) {
      const verdict = options.classify(error)
      if (
        !verdict?.retry ||
        attempt >= policy.attempts ||
        options.signal?.aborted
      )
        throw error
      const delay =
        verdict.delayMs !== undefined
          ? Math.min(verdict.delayMs, policy.maxDelayMs)
          : backoffMs(policy, attempt)
      options.log.info(
        `${what}: ${verdict.reason}; retry ${attempt}/${policy.attempts - 1} in ${(delay / 1000).toFixed(1)} s`
      )
      await sleep(delay, options.signal)
      if (options.signal?.aborted) throw error
      await options.beforeRetry?.(error, attempt)
    }
  }
}

/** Node's largest timer delay (2^31 - 1 ms, ~24.8 days); longer delays fire at once with a warning. */
export const MAX_TIMER_MS = 2_147_483_647

/** Resolves after `ms` (clamped to 0..{@link MAX_TIMER_MS}) or as soon as `signal` aborts; never rejects. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) {
      resolve()
      return
    }
    const done = () => {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(
      done,
      Math.max(0, Math.min(Math.ceil(ms), MAX_TIMER_MS))
    )
    signal?.addEventListener('abort', done, { once: true })
  })
}

/**
 * A point in time a wait must end by, checked in a loop instead of one timer of the whole duration (a single
 * `setTimeout` above {@link MAX_TIMER_MS} fires at once). Durations of any length (seconds) are accepted.
 */
export class Deadline {
  readonly startedAt = Date.now()
  readonly endsAt: number

  /** @param seconds the budget from now, in seconds (> 0). */
  constructor(readonly seconds: number) {
    this.endsAt = this.startedAt + seconds * 1000
  }

  /** Milliseconds left (0 once passed). */
  remainingMs(): number {
    return Math.max(0, this.endsAt - Date.now())
  }

  /** Whether the deadline has passed. */
  expired(): boolean {
    return this.remainingMs() === 0
  }

  /** Seconds since the start, 0.1 s precision. */
  elapsedSeconds(): number {
    return Math.round((Date.now() - this.startedAt) / 100) / 10
  }

  /** Sleeps `ms` or until the deadline or `signal`, whichever comes first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return sleep(Math.min(ms, this.remainingMs()), signal)
  }

  /**
   * Calls `onExpired` once the deadline passes, re-arming a timer of at most one hour at a time, so that any
   * length works; `unref` lets the process exit while only this timer is left. @returns a function that cancels it.
   */
  onExpired(onExpired: () => void, unref = false): () => void {
    let timer: NodeJS.Timeout | undefined
    const arm = () => {
      const left = this.remainingMs()
      if (left === 0) {
        onExpired()
        return
      }
      timer = setTimeout(arm, Math.min(left, 3_600_000))
      if (unref) timer.unref()
    }
    arm()
    return () => clearTimeout(timer)
  }

  /** An AbortSignal that aborts with a `TimeoutError` when the deadline passes (for SDK calls). */
  signal(): AbortSignal {
    const controller = new AbortController()
    const cancel = this.onExpired(
      () =>
        controller.abort(
          new DOMException('the deadline passed', 'TimeoutError')
        ),
      true
    )
    controller.signal.addEventListener('abort', cancel, { once: true })
    return controller.signal
  }
}

/** The subset of `fetch` our HTTP clients use. */
export type FetchLike = (url: string, init?: RequestInit) => Promise<Response>

class TransientAnswer extends Error {
  constructor(readonly response: Response) {
    super(`HTTP ${response.status}`)
  }
}

const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE'])

/**
 * Wraps a `fetch` with the suite's policy, for our own HTTP clients (registries, Prometheus, health probes): every
 * try is bounded by `policy.requestTimeoutMs` (headers and body: the signal stays armed while the body is read),
 * and idempotent requests (GET, HEAD, OPTIONS, PUT, DELETE) are retried on {@link TRANSIENT_STATUSES} (honouring
 * `Retry-After`) and network failures, via {@link withRetry} (one info line per wait). When the tries are used
 * up, the last transient answer is returned as is (the caller's status handling applies); a network failure or
 * timeout is thrown (a `TimeoutError` for timeouts).
 *
 * @param remote names the server in log lines, e.g. `registry ghcr.io`.
 */
export function retryingFetch<
  I extends { method?: string | undefined } = RequestInit
>(
  base: (url: string, init?: I) => Promise<Response>,
  options: { policy: RetryPolicy; log: Logger; remote: string }
): (url: string, init?: I) => Promise<Response> {
  return async (url, init) => {
    const method = (init?.method ?? 'GET').toUpperCase()
    const retryable = IDEMPOTENT.has(method)
    let path = url
    try {
      path = new URL(url).pathname
    } catch {
      // keep the text as given
    }
    try {
      return await withRetry(
        `${options.remote}: ${method} ${path}`,
        async () => {
          const timeout = AbortSignal.timeout(options.policy.requestTimeoutMs)
          const given = (init as { signal?: AbortSignal | null } | undefined)
            ?.signal
          const signal = given ? AbortSignal.any([given, timeout]) : timeout
          const response = await base(url, { ...init, signal } as unknown as I)
          if (retryable && TRANSIENT_STATUSES.has(response.status)) {
            throw new TransientAnswer(response)
          }
          return response
        },
        {
          policy: options.policy,
          log: options.log,
          classify: (error) => {
            if (!retryable) return undefined
            if (error instanceof TransientAnswer) {
              const delayMs = retryAfterMs((name) =>
                error.response.headers.get(name)
              )
              return {
                retry: true,
                reason: `HTTP ${error.response.status}`,
                ...(delayMs !== undefined ? { delayMs } : {})
              }
            }
            const network = networkFailure(error)
            return network ? { retry: true, reason: network } : undefined
          },
          // The answer that is retried is dropped (its body is never read).
          beforeRetry: async (error) => {
            if (error instanceof TransientAnswer)
              await error.response.body?.cancel().catch(() => undefined)
          }
        }
      )
    } catch (error) {
      if (error instanceof TransientAnswer) return error.response
      throw error
    }
  }
}
