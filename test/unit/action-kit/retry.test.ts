import { describe, expect, it } from '@jest/globals'
import {
  DEFAULT_RETRY_POLICY,
  Deadline,
  MAX_TIMER_MS,
  backoffMs,
  networkFailure,
  recordingLogger,
  retryAfterMs,
  retryPolicyFromEnv,
  retryingFetch,
  withRetry
} from '@rollback-actions/action-kit'

const fast = {
  attempts: 3,
  baseDelayMs: 1,
  maxDelayMs: 5,
  requestTimeoutMs: 200
}
const transient = () => ({ retry: true, reason: 'HTTP 503' })

describe('retryPolicyFromEnv', () => {
  it('reads every ROLLBACK_* variable in range', () => {
    expect(
      retryPolicyFromEnv({
        ROLLBACK_RETRY_ATTEMPTS: '2',
        ROLLBACK_RETRY_BASE_MS: '10',
        ROLLBACK_RETRY_MAX_MS: '100',
        ROLLBACK_REQUEST_TIMEOUT_MS: '500'
      })
    ).toEqual({
      attempts: 2,
      baseDelayMs: 10,
      maxDelayMs: 100,
      requestTimeoutMs: 500
    })
  })

  it.each(['0', '11', '-1', '1.5', 'ten', ''])(
    'keeps the default for attempts %p',
    (value) => {
      expect(
        retryPolicyFromEnv({ ROLLBACK_RETRY_ATTEMPTS: value }).attempts
      ).toBe(DEFAULT_RETRY_POLICY.attempts)
    }
  )
})

describe('retryAfterMs', () => {
  it.each([
    [{ 'retry-after': '3' }, 3000],
    [{ 'retry-after-ms': '250' }, 250],
    [{ 'x-ms-retry-after-ms': '40' }, 40],
    [{ 'retry-after': 'Thu, 01 Jan 2026 00:00:05 GMT' }, 5000],
    [{ 'retry-after': 'soon' }, undefined],
    [{}, undefined]
  ])('reads %p as %p ms', (headers, expected) => {
    const now = Date.parse('2026-01-01T00:00:00Z')
    expect(
      retryAfterMs((n) => (headers as Record<string, string>)[n], now)
    ).toBe(expected)
  })
})

describe('networkFailure', () => {
  it('finds a reset in the cause chain', () => {
    const error = new Error('fetch failed', {
      cause: Object.assign(new Error('read'), { code: 'ECONNRESET' })
    })
    expect(networkFailure(error)).toBe('ECONNRESET')
  })

  it('calls a TimeoutError a timeout and an HTTP answer nothing', () => {
    expect(networkFailure(new DOMException('t', 'TimeoutError'))).toBe(
      'timeout'
    )
    expect(networkFailure({ statusCode: 503 })).toBeUndefined()
  })
})

describe('withRetry', () => {
  /** withRetry of an operation that always fails with `error`; `calls()` counts the tries. */
  const alwaysFailing = (
    error: Error,
    classify: Parameters<typeof withRetry>[2]['classify']
  ) => {
    let count = 0
    const result = withRetry(
      'remote: op',
      () => {
        count++
        return Promise.reject(error)
      },
      { policy: fast, log: recordingLogger(), classify }
    )
    return { result, calls: () => count }
  }

  it('retries a transient failure and logs one info line per wait', async () => {
    const log = recordingLogger()
    let calls = 0
    const result = await withRetry(
      'remote: op',
      () =>
        ++calls < 3 ? Promise.reject(new Error('busy')) : Promise.resolve('ok'),
      { policy: fast, log, classify: transient }
    )
    expect(result).toBe('ok')
    expect(log.lines.filter((l) => l.level === 'info')).toHaveLength(2)
    expect(log.text()).toMatch(/remote: op: HTTP 503; retry 1\/2 in/)
  })

  it('gives up after the attempts and rethrows the last failure unchanged', async () => {
    const error = new Error('still busy')
    const { result, calls } = alwaysFailing(error, transient)
    await expect(result).rejects.toBe(error)
    expect(calls()).toBe(3)
  })

  it('does not retry what the classifier refuses', async () => {
    const { result, calls } = alwaysFailing(new Error('404'), () => undefined)
    await expect(result).rejects.toThrow('404')
    expect(calls()).toBe(1)
  })

  it('caps a Retry-After at maxDelayMs', async () => {
    const log = recordingLogger()
    let calls = 0
    const started = Date.now()
    await withRetry(
      'remote: op',
      () =>
        ++calls < 2 ? Promise.reject(new Error('429')) : Promise.resolve(1),
      {
        policy: { ...fast, maxDelayMs: 20 },
        log,
        classify: () => ({ retry: true, reason: 'HTTP 429', delayMs: 60_000 })
      }
    )
    expect(Date.now() - started).toBeLessThan(1_000)
    expect(log.text()).toMatch(/retry 1\/2 in 0\.0 s/)
  })

  it('keeps backoff within the cap and jittered to 50-100 %', () => {
    const policy = { ...fast, baseDelayMs: 100, maxDelayMs: 300 }
    for (let i = 0; i < 50; i++) {
      const first = backoffMs(policy, 1)
      expect(first).toBeGreaterThanOrEqual(50)
      expect(first).toBeLessThanOrEqual(100)
      expect(backoffMs(policy, 10)).toBeLessThanOrEqual(300)
    }
  })
})

describe('Deadline', () => {
  it('takes durations beyond the 2^31-1 ms timer limit without firing at once', async () => {
    const deadline = new Deadline(1000 * 3600)
    expect(deadline.endsAt - deadline.startedAt).toBeGreaterThan(MAX_TIMER_MS)
    let fired = false
    const cancel = deadline.onExpired(() => {
      fired = true
    })
    await new Promise((r) => setTimeout(r, 20))
    cancel()
    expect(fired).toBe(false)
    expect(deadline.signal().aborted).toBe(false)
  })

  it('fires once the deadline passes, and its signal aborts with a TimeoutError', async () => {
    const deadline = new Deadline(0.02)
    const signal = deadline.signal()
    await new Promise<void>((resolve) => deadline.onExpired(resolve))
    await new Promise((r) => setTimeout(r, 5))
    expect(signal.aborted).toBe(true)
    expect((signal.reason as DOMException).name).toBe('TimeoutError')
    expect(deadline.expired()).toBe(true)
  })
})

describe('retryingFetch', () => {
  const answers = (statuses: number[]) => {
    const calls: string[] = []
    const base = (url: string) => {
      calls.push(url)
      const status = statuses.shift() ?? 200
      return Promise.resolve(
        new Response(JSON.stringify({ status }), {
          status,
          headers: status === 429 ? { 'retry-after': '0' } : {}
        })
      )
    }
    return { base, calls }
  }

  /** The retrying fetch over `base` for remote `registry r`, with the fast policy and a recording log. */
  const registryFetch = (base: Parameters<typeof retryingFetch>[0]) =>
    retryingFetch(base, {
      policy: fast,
      log: recordingLogger(),
      remote: 'registry r'
    })

  it('retries a GET on 503 and 429 and returns the good answer', async () => {
    const { base, calls } = answers([503, 429, 200])
    const f = registryFetch(base)
    const r = await f('https://r/v2/')
    expect(r.status).toBe(200)
    expect(calls).toHaveLength(3)
  })

  it('returns the last transient answer when the tries run out', async () => {
    const { base } = answers([503, 503, 503, 200])
    const f = registryFetch(base)
    const r = await f('https://r/v2/')
    expect(r.status).toBe(503)
    expect(await r.json()).toEqual({ status: 503 })
  })

  it('never retries a POST', async () => {
    const { base, calls } = answers([503, 200])
    const f = registryFetch(base)
    expect((await f('https://r/x', { method: 'POST' })).status).toBe(503)
    expect(calls).toHaveLength(1)
  })

  it('bounds a request that never answers by requestTimeoutMs', async () => {
    const hang = (_url: string, init?: RequestInit) =>
      new Promise<Response>((_, reject) => {
        init?.signal?.addEventListener('abort', () =>
          reject(init.signal?.reason as Error)
        )
      })
    const f = retryingFetch(hang, {
      policy: { ...fast, requestTimeoutMs: 30 },
      log: recordingLogger(),
      remote: 'registry r'
    })
    const started = Date.now()
    await expect(f('https://r/v2/')).rejects.toMatchObject({
      name: 'TimeoutError'
    })
    expect(Date.now() - started).toBeLessThan(2_000)
  })
})
