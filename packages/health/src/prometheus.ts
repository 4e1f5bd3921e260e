import {
  DEFAULT_RETRY_POLICY,
  OperationError,
  retryingFetch,
  silentLogger,
  type Logger,
  type RetryPolicy
} from '@rollback-actions/action-kit'

/**
 * A minimal client for the Prometheus HTTP API instant query
 * (https://prometheus.io/docs/prometheus/latest/querying/api/#instant-queries), which Azure Monitor managed
 * Prometheus serves too (https://learn.microsoft.com/azure/azure-monitor/essentials/prometheus-api-promql).
 */

/** How requests authenticate. `token` is called before every query (credentials cache their own tokens). */
export type PrometheusAuth =
  { kind: 'none' } | { kind: 'bearer'; token: () => Promise<string> }

/** One series of an instant-query answer. */
export interface PromSample {
  labels: Record<string, string>
  /** The value; NaN and ±Inf as Prometheus sent them. */
  value: number
}

/** The answer to an instant query. */
export interface PromQueryResult {
  /** The query exactly as sent. */
  query: string
  /** Evaluation time (UTC) the server used. */
  at: Date
  /** `vector` or `scalar` results as samples (a scalar is one sample without labels). */
  samples: PromSample[]
  /** Warnings Prometheus returned, if any. */
  warnings: string[]
}

/** Prometheus refused the query (HTTP 400/422 `bad_data`, `execution`): its own error and the query. */
export class PromQueryRejected extends OperationError {
  constructor(
    readonly query: string,
    readonly errorType: string,
    readonly prometheusError: string
  ) {
    super(
      `Prometheus rejected the query (${errorType}): ${prometheusError} — query: ${query}`
    )
  }
}

/** Prometheus could not be reached or answered something that is not its API (network, 5xx, 401/403, bad JSON). */
export class PromUnavailable extends OperationError {}

export interface PrometheusClientOptions {
  /** Base URL, e.g. `http://127.0.0.1:9090` or `https://<workspace>.<region>.prometheus.monitor.azure.com`. */
  url: string
  auth?: PrometheusAuth
  /** Per-request timeout in seconds (default 10). */
  timeoutSeconds?: number
  /** Injected fetch (tests); defaults to the global fetch. */
  fetch?: typeof fetch
  /**
   * Retries of transient answers (5xx, 429 with `Retry-After`, resets) under the kit's policy (docs/reliability.md);
   * the per-request timeout stays `timeoutSeconds`. Default the kit's policy.
   */
  policy?: RetryPolicy
  /** Where the retry lines go; default nowhere. */
  log?: Logger
}

/** Parses a sample value as Prometheus encodes it (`"NaN"`, `"+Inf"`, `"-Inf"`, decimal). */
function parseValue(v: unknown): number {
  if (v === 'NaN') return NaN
  if (v === '+Inf') return Infinity
  if (v === '-Inf') return -Infinity
  return Number(v)
}

interface ApiBody {
  status?: string
  errorType?: string
  error?: string
  warnings?: string[]
  data?: {
    resultType?: string
    result?: unknown
  }
}

/** A Prometheus instant-query client. */
export class PrometheusClient {
  private readonly base: string

  constructor(private readonly options: PrometheusClientOptions) {
    this.base = options.url.replace(/\/+$/, '')
  }

  /** The base URL without a trailing slash. */
  get url(): string {
    return this.base
  }

  /**
   * Runs an instant query (`GET /api/v1/query?query=…[&time=…]`).
   * @param time evaluation time (UTC); default: the server's now.
   * @throws PromQueryRejected when Prometheus refuses the query (invalid PromQL, execution error);
   *   PromUnavailable when it cannot be reached, times out, refuses the credentials or answers non-API content.
   */
  async query(query: string, time?: Date): Promise<PromQueryResult> {
    const params = new URLSearchParams({ query })
    if (time) params.set('time', (time.getTime() / 1000).toFixed(3))
    const headers: Record<string, string> = { accept: 'application/json' }
    const auth = this.options.auth ?? { kind: 'none' }
    if (auth.kind === 'bearer') {
      let token: string
      try {
        token = await auth.token()
      } catch (error) {
        throw new PromUnavailable(
          `could not get a token for Prometheus at ${this.base}: ${(error as Error).message}`,
          { cause: error }
        )
      }
      headers.authorization = `Bearer ${token}`
    }
    const timeoutMs = (this.options.timeoutSeconds ?? 10) * 1000
    const base = this.options.fetch ?? fetch
    const doFetch = retryingFetch<RequestInit>((url, init) => base(url, init), {
      policy: {
        ...(this.options.policy ?? DEFAULT_RETRY_POLICY),
        requestTimeoutMs: timeoutMs
      },
      log: this.options.log ?? silentLogger,
      remote: `Prometheus at ${this.base}`
    })
    let response: Response
    try {
      response = await doFetch(`${this.base}/api/v1/query?${params}`, {
        headers
      })
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } })
        .cause
      const why =
        (error as Error).name === 'TimeoutError'
          ? `no answer within ${this.options.timeoutSeconds ?? 10}s`
          : (cause?.code ?? cause?.message ?? (error as Error).message)
      throw new PromUnavailable(
        `Prometheus at ${this.base} is unreachable (${why})`,
        { cause: error }
      )
    }
    const text = await response.text().catch(() => '')
    let body: ApiBody | undefined
    try {
      body = JSON.parse(text) as ApiBody
    } catch {
      body = undefined
    }
    if (response.status === 401 || response.status === 403) {
      throw new PromUnavailable(
        `Prometheus at ${this.base} refused the credentials (HTTP ${response.status}); check the token or the identity's "Monitoring Data Reader" role`
      )
    }
    if (body?.status === 'error') {
      // 400 bad_data (parse errors), 422 execution, 503 timeout/canceled: Prometheus' own words.
      if (response.status >= 500) {
        throw new PromUnavailable(
          `Prometheus at ${this.base} failed (HTTP ${response.status} ${body.errorType ?? ''}): ${body.error ?? ''}`
        )
      }
      throw new PromQueryRejected(
        query,
        body.errorType ?? `HTTP ${response.status}`,
        body.error ?? 'no error text'
      )
    }
    if (response.status >= 500) {
      throw new PromUnavailable(
        `Prometheus at ${this.base} answered HTTP ${response.status} (a server error)`
      )
    }
    if (!response.ok || body?.status !== 'success' || !body.data) {
      throw new PromUnavailable(
        `Prometheus at ${this.base} answered HTTP ${response.status} without a query result; is this the Prometheus HTTP API base URL?`
      )
    }
    return {
      query,
      at: time ?? new Date(),
      samples: toSamples(query, body.data.resultType, body.data.result),
      warnings: body.warnings ?? []
    }
  }
}

function toSamples(
  query: string,
  resultType: unknown,
  result: unknown
): PromSample[] {
  if (resultType === 'scalar' && Array.isArray(result)) {
    return [{ labels: {}, value: parseValue(result[1]) }]
  }
  if (resultType === 'vector' && Array.isArray(result)) {
    return result.map((r) => {
      const item = r as { metric?: Record<string, string>; value?: unknown[] }
      return {
        labels: item.metric ?? {},
        value: parseValue(item.value?.[1])
      }
    })
  }
  if (resultType === 'matrix') {
    throw new PromQueryRejected(
      query,
      'range vector',
      'the query returns a range vector (matrix); a check needs an instant vector or a scalar: wrap it in rate(), avg_over_time() or similar'
    )
  }
  return []
}
