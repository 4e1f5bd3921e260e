import { z } from 'zod'
import type { NoDataPolicy, ReadingOutcome } from './analysis.js'
import type { PrometheusClient, PromSample } from './prometheus.js'
import {
  COMPARISONS,
  compare,
  formatValue,
  parseDuration,
  parseThreshold,
  promDuration,
  type Comparison,
  type Threshold
} from './units.js'

/** Presets for the runbook's SLOs, parameterised by the service's labels. */
export const PRESETS = {
  /** Share of responses with a 5xx status over the window: `< 1%` by default. */
  'error-ratio': { comparison: '<', threshold: '1%' },
  /** Share of responses without a 5xx status over the window: `>= 99%` by default. */
  availability: { comparison: '>=', threshold: '99%' },
  /** 95th percentile latency from the request-duration histogram (histogram_quantile): `< 500ms` by default. */
  'p95-latency': { comparison: '<', threshold: '500ms' }
} as const satisfies Record<
  string,
  { comparison: Comparison; threshold: string }
>

export type PresetName = keyof typeof PRESETS

/** Defaults of preset parameters (metric names follow prom-client / the Prometheus naming conventions). */
export const PRESET_DEFAULTS = {
  window: '5m',
  requestsMetric: 'http_requests_total',
  durationMetric: 'http_request_duration_seconds',
  statusLabel: 'code',
  minRequests: 100
} as const

const labelName = /^[a-zA-Z_][a-zA-Z0-9_]*$/

/** One item of the `prometheus-checks` YAML list, as written. */
export const PromCheckSpec = z
  .object({
    name: z.string().min(1, 'needs a name'),
    query: z.string().min(1).optional(),
    preset: z
      .enum(Object.keys(PRESETS) as [PresetName, ...PresetName[]])
      .optional(),
    labels: z
      .record(
        z
          .string()
          .regex(labelName, 'label names must match [a-zA-Z_][a-zA-Z0-9_]*'),
        z.union([z.string(), z.number()]).transform(String)
      )
      .optional(),
    window: z.string().optional(),
    'requests-metric': z.string().regex(labelName).optional(),
    'duration-metric': z.string().regex(labelName).optional(),
    'status-label': z.string().regex(labelName).optional(),
    comparison: z
      .enum(COMPARISONS as [Comparison, ...Comparison[]], {
        error: `comparison must be one of ${COMPARISONS.join(' ')}`
      })
      .optional(),
    threshold: z.union([z.string(), z.number()]).optional(),
    'no-data': z
      .enum(['fail', 'inconclusive'], {
        error: 'no-data must be "fail" or "inconclusive"'
      })
      .optional(),
    'min-requests': z.number().int().min(0).optional(),
    'traffic-query': z.string().min(1).optional()
  })
  .strict()
export type PromCheckSpec = z.infer<typeof PromCheckSpec>

/** A check ready to run: the query as it will be sent, and the threshold in base units. */
export interface PromCheck {
  name: string
  query: string
  comparison: Comparison
  threshold: Threshold
  noData: NoDataPolicy
  /** Query answering the number of requests in the window; the check counts only when it is ≥ minRequests. */
  trafficQuery?: string
  minRequests?: number
  preset?: PresetName
}

function escapeLabelValue(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')
}

/** `{a="1",b="2"}` matchers (without braces) from a label map, sorted by name. */
export function labelMatchers(labels: Record<string, string> = {}): string[] {
  return Object.keys(labels)
    .sort()
    .map((k) => `${k}="${escapeLabelValue(labels[k] ?? '')}"`)
}

function selector(metric: string, matchers: string[]): string {
  return `${metric}{${matchers.join(',')}}`
}

/** The PromQL of a preset for the given service labels and rate window (seconds). */
export function presetQueries(
  preset: PresetName,
  options: {
    labels?: Record<string, string>
    windowSeconds: number
    requestsMetric?: string
    durationMetric?: string
    statusLabel?: string
  }
): { query: string; trafficQuery: string } {
  const w = promDuration(options.windowSeconds)
  const m = labelMatchers(options.labels)
  const requests = options.requestsMetric ?? PRESET_DEFAULTS.requestsMetric
  const status = options.statusLabel ?? PRESET_DEFAULTS.statusLabel
  const all = `sum(rate(${selector(requests, m)}[${w}]))`
  const errors = `sum(rate(${selector(requests, [...m, `${status}=~"5.."`])}[${w}]))`
  const good = `sum(rate(${selector(requests, [...m, `${status}!~"5.."`])}[${w}]))`
  const trafficQuery = `sum(increase(${selector(requests, m)}[${w}]))`
  switch (preset) {
    case 'error-ratio':
      // "or vector(0)": no 5xx series at all means 0 errors, not no data.
      return { query: `(${errors} or vector(0)) / ${all}`, trafficQuery }
    case 'availability':
      return { query: `(${good} or vector(0)) / ${all}`, trafficQuery }
    case 'p95-latency': {
      const hist = options.durationMetric ?? PRESET_DEFAULTS.durationMetric
      return {
        query: `histogram_quantile(0.95, sum by (le) (rate(${selector(`${hist}_bucket`, m)}[${w}])))`,
        trafficQuery
      }
    }
  }
}

/**
 * Turns one YAML item into a runnable check.
 * @throws Error whose message names the check and the field (callers prefix the input name).
 */
export function resolvePromCheck(spec: PromCheckSpec): PromCheck {
  const where = `check "${spec.name}"`
  if (!spec.query && !spec.preset) {
    throw new Error(
      `${where} needs either a query or a preset (${Object.keys(PRESETS).join(', ')})`
    )
  }
  if (spec.query && spec.preset) {
    throw new Error(`${where} has both a query and a preset; keep one`)
  }
  let windowSeconds: number = parseDuration(PRESET_DEFAULTS.window)
  if (spec.window !== undefined) {
    try {
      windowSeconds = parseDuration(spec.window)
    } catch (error) {
      throw new Error(`${where} window: ${(error as Error).message}`)
    }
  }
  const presetDefaults = spec.preset ? PRESETS[spec.preset] : undefined
  const comparison = spec.comparison ?? presetDefaults?.comparison
  if (!comparison) {
    throw new Error(
      `${where} needs a comparison (one of ${COMPARISONS.join(' ')})`
    )
  }
  const thresholdText = spec.threshold ?? presetDefaults?.threshold
  if (thresholdText === undefined) {
    throw new Error(
      `${where} needs a threshold with a unit, e.g. "500ms" or "0.1%"`
    )
  }
  let threshold: Threshold
  try {
    threshold = parseThreshold(String(thresholdText))
  } catch (error) {
    throw new Error(`${where}: ${(error as Error).message}`)
  }
  const check: PromCheck = {
    name: spec.name,
    query: spec.query ?? '',
    comparison,
    threshold,
    noData: spec['no-data'] ?? 'inconclusive'
  }
  if (spec.preset) {
    const expected = spec.preset === 'p95-latency' ? 'duration' : 'ratio'
    if (threshold.kind !== expected) {
      throw new Error(
        `${where}: preset ${spec.preset} compares a ${expected}, but threshold "${threshold.text}" is a ${threshold.kind}`
      )
    }
    const q = presetQueries(spec.preset, {
      labels: spec.labels,
      windowSeconds,
      requestsMetric: spec['requests-metric'],
      durationMetric: spec['duration-metric'],
      statusLabel: spec['status-label']
    })
    check.preset = spec.preset
    check.query = q.query
    check.trafficQuery = spec['traffic-query'] ?? q.trafficQuery
    check.minRequests = spec['min-requests'] ?? PRESET_DEFAULTS.minRequests
  } else if (
    spec['traffic-query'] !== undefined ||
    spec['min-requests'] !== undefined
  ) {
    if (
      spec['traffic-query'] === undefined ||
      spec['min-requests'] === undefined
    ) {
      throw new Error(`${where}: traffic-query and min-requests go together`)
    }
    check.trafficQuery = spec['traffic-query']
    check.minRequests = spec['min-requests']
  }
  if (check.minRequests === 0) delete check.trafficQuery
  return check
}

/** One reading of any check: what goes to the job summary and the audit record. */
export interface Reading {
  /** Check name. */
  check: string
  kind: 'pods' | 'http' | 'prometheus' | 'smoke'
  /** UTC ISO-8601 time the reading was taken. */
  at: string
  outcome: ReadingOutcome
  /** The query as sent (Prometheus), or `GET <url>` (HTTP). */
  query?: string
  /** The value read, in the threshold's unit. */
  value?: string
  /** The condition, e.g. `< 500ms`. */
  threshold?: string
  /** One line a person reads. */
  detail: string
  /** How long the measurement took, milliseconds. */
  durationMs?: number
}

function describeSample(s: PromSample): string {
  const labels = Object.entries(s.labels)
    .map(([k, v]) => `${k}="${v}"`)
    .join(',')
  return labels ? `{${labels}}` : ''
}

/**
 * Takes one reading of a Prometheus check: the traffic guard first (when set), then the query.
 * Every series must meet the condition; NaN and an empty vector are no data. Errors become `error` readings
 * (Prometheus unreachable, or the query rejected — the latter with Prometheus' own message and the query).
 * @param at evaluation time (UTC); default: Prometheus' now.
 */
export async function readPromCheck(
  client: PrometheusClient,
  check: PromCheck,
  at?: Date
): Promise<Reading> {
  const started = Date.now()
  const base = {
    check: check.name,
    kind: 'prometheus' as const,
    at: (at ?? new Date()).toISOString(),
    query: check.query,
    threshold: `${check.comparison} ${check.threshold.text}`
  }
  const done = (
    r: Omit<Reading, keyof typeof base> & Partial<Reading>
  ): Reading => ({
    ...base,
    ...r,
    durationMs: Date.now() - started
  })
  try {
    if (check.trafficQuery && check.minRequests !== undefined) {
      const traffic = await client.query(check.trafficQuery, at)
      const total = traffic.samples.reduce(
        (sum, s) => (Number.isNaN(s.value) ? sum : sum + s.value),
        0
      )
      if (total < check.minRequests) {
        return done({
          outcome: 'no-data',
          value: `${Math.round(total)} requests`,
          detail: `too little traffic: ${Math.round(total)} requests in the window, ${check.minRequests} needed (${check.trafficQuery})`
        })
      }
    }
    const result = await client.query(check.query, at)
    const values = result.samples.filter((s) => !Number.isNaN(s.value))
    if (values.length === 0) {
      return done({
        outcome: 'no-data',
        value: result.samples.length === 0 ? 'empty' : 'NaN',
        detail:
          result.samples.length === 0
            ? 'no data: the query returned an empty vector'
            : 'no data: the query returned NaN (e.g. 0/0: no requests in the window)'
      })
    }
    const bad = values.filter(
      (s) => !compare(s.value, check.comparison, check.threshold.value)
    )
    const shown = bad[0] ?? values[0]!
    const value = formatValue(shown.value, check.threshold)
    const series = values.length > 1 ? ` ${describeSample(shown)}` : ''
    return done({
      outcome: bad.length === 0 ? 'success' : 'failure',
      value,
      detail:
        bad.length === 0
          ? `${value}${series} ${check.comparison} ${check.threshold.text}`
          : `${value}${series} breaks ${check.comparison} ${check.threshold.text}${values.length > 1 ? ` (${bad.length} of ${values.length} series)` : ''}`
    })
  } catch (error) {
    const message = (error as Error).message
    return done({
      outcome: 'error',
      detail: message
    })
  }
}
