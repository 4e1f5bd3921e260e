import type { PrometheusClient } from './prometheus.js'
import { PRESET_DEFAULTS, labelMatchers } from './prometheus-checks.js'

/**
 * The runbook's rollback triggers, evaluated against Prometheus:
 * - roll back now: 5xx ratio above 10 % for 5 minutes, or a total outage (no scrape target up, or no good response
 *   in the last minute while requests arrive);
 * - evaluate (a person decides): 5xx ratio above 5 % for 15 minutes, p95 latency above 2× the baseline, or p95
 *   latency above 500 ms for 5 minutes;
 * - below that: fix forward.
 * "For N minutes" is a PromQL subquery: the condition holds at every 15 s step of the last N minutes, and the steps
 * cover at least 90 % of the window (a service that started 2 minutes ago has not been failing "for 5 minutes").
 */
export const RUNBOOK_TRIGGERS = {
  rollBackNowErrorRatio: 0.1,
  rollBackNowErrorMinutes: 5,
  evaluateErrorRatio: 0.05,
  evaluateErrorMinutes: 15,
  evaluateLatencyFactor: 2,
  evaluateLatencySeconds: 0.5,
  evaluateLatencyMinutes: 5,
  subqueryStepSeconds: 15,
  minCoverage: 0.9
} as const

export type Recommendation =
  'roll-back-now' | 'evaluate' | 'fix-forward' | 'could-not-verify'

/** One rule's evidence: the queries as sent, the values read and whether the trigger is met. */
export interface TriggerEvidence {
  rule: string
  /** What the rule recommends when met. */
  level: 'roll-back-now' | 'evaluate'
  queries: string[]
  /** Human-readable value(s) read. */
  value: string
  threshold: string
  /** true: met; false: not met; null: could not be evaluated (error) */
  met: boolean | null
  detail: string
  /** UTC ISO-8601 evaluation time. */
  at: string
}

export interface TriggerOptions {
  /** Label matchers identifying the service (e.g. `{namespace: 'prod', service: 'product-service'}`). */
  labels: Record<string, string>
  /** Baseline p95 latency in seconds; when absent, the p95 of the same hour `baselineOffset` ago is used. */
  baselineP95Seconds?: number
  /** PromQL offset for the baseline (default `1d`: same time yesterday). */
  baselineOffset?: string
  requestsMetric?: string
  durationMetric?: string
  statusLabel?: string
  /** Evaluation time (UTC); default now. */
  at?: Date
}

export interface TriggerEvaluation {
  recommendation: Recommendation
  evidence: TriggerEvidence[]
  /** One line naming the trigger(s) behind the recommendation. */
  reason: string
}

const pct = (v: number) => `${Number((v * 100).toPrecision(4))}%`
const ms = (v: number) => `${Number((v * 1000).toPrecision(4))}ms`

/**
 * Evaluates the runbook's triggers ({@link RUNBOOK_TRIGGERS}) and recommends what to do, with the evidence.
 * Never recommends `fix-forward` when a roll-back-now trigger could not be evaluated (`could-not-verify` then).
 */
export async function evaluateRollbackTriggers(
  client: PrometheusClient,
  options: TriggerOptions
): Promise<TriggerEvaluation> {
  const t = RUNBOOK_TRIGGERS
  const at = options.at ?? new Date()
  const m = labelMatchers(options.labels)
  const requests = options.requestsMetric ?? PRESET_DEFAULTS.requestsMetric
  const status = options.statusLabel ?? PRESET_DEFAULTS.statusLabel
  const hist = `${options.durationMetric ?? PRESET_DEFAULTS.durationMetric}_bucket`
  const sel = (metric: string, extra: string[] = []) =>
    `${metric}{${[...m, ...extra].join(',')}}`
  const ratio = (w: string) =>
    `((sum(rate(${sel(requests, [`${status}=~"5.."`])}[${w}])) or vector(0)) / sum(rate(${sel(requests)}[${w}])))`
  const p95 = (w: string, offset = '') =>
    `histogram_quantile(0.95, sum by (le) (rate(${sel(hist)}[${w}]${offset ? ` offset ${offset}` : ''})))`
  const step = `${t.subqueryStepSeconds}s`

  const scalarOf = async (query: string): Promise<number | undefined> => {
    const r = await client.query(query, at)
    const v = r.samples.find((s) => !Number.isNaN(s.value))
    return v?.value
  }
  const run = async (
    rule: string,
    level: TriggerEvidence['level'],
    threshold: string,
    queries: string[],
    judge: (values: (number | undefined)[]) => {
      met: boolean
      value: string
      detail: string
    }
  ): Promise<TriggerEvidence> => {
    const base = { rule, level, queries, threshold, at: at.toISOString() }
    try {
      const values: (number | undefined)[] = []
      for (const q of queries) values.push(await scalarOf(q))
      return { ...base, ...judge(values) }
    } catch (error) {
      return {
        ...base,
        met: null,
        value: 'error',
        detail: (error as Error).message
      }
    }
  }
  const sustained = (
    rule: string,
    level: TriggerEvidence['level'],
    expr: string,
    limit: number,
    minutes: number,
    fmt: (v: number) => string
  ) => {
    const range = `[${minutes}m:${step}]`
    const needed = Math.floor(
      ((minutes * 60) / t.subqueryStepSeconds) * t.minCoverage
    )
    return run(
      rule,
      level,
      `> ${fmt(limit)} for ${minutes}m`,
      [`min_over_time(${expr}${range})`, `count_over_time(${expr}${range})`],
      ([min, count]) => {
        if (min === undefined || count === undefined) {
          return {
            met: false,
            value: 'no data',
            detail: `no data over the last ${minutes}m`
          }
        }
        const covered = count >= needed
        const met = covered && min > limit
        return {
          met,
          value: `min ${fmt(min)} over ${count} steps`,
          detail: met
            ? `above ${fmt(limit)} at every step of the last ${minutes}m (lowest ${fmt(min)})`
            : !covered
              ? `only ${count} of ${needed} steps with data in the last ${minutes}m: not sustained`
              : `lowest ${fmt(min)} in the last ${minutes}m, not above ${fmt(limit)} throughout`
        }
      }
    )
  }

  const evidence: TriggerEvidence[] = []
  evidence.push(
    await sustained(
      '5xx ratio > 10% for 5m',
      'roll-back-now',
      ratio('1m'),
      t.rollBackNowErrorRatio,
      t.rollBackNowErrorMinutes,
      pct
    )
  )
  evidence.push(
    await run(
      'total outage',
      'roll-back-now',
      'no target up, or 0% good responses in the last 1m',
      [
        `count(max_over_time(${sel('up')}[1h]))`,
        `sum(${sel('up')}) or vector(0)`,
        `((sum(rate(${sel(requests, [`${status}!~"5.."`])}[1m])) or vector(0)) / sum(rate(${sel(requests)}[1m])))`
      ],
      ([known, up, good]) => {
        if (known === undefined) {
          throw new Error(
            `no scrape target matched the service labels {${m.join(',')}} in the last hour; check service-labels against the labels of the "up" series`
          )
        }
        if (up === undefined || up < 1) {
          return {
            met: true,
            value: 'up 0',
            detail: `none of the ${known} scrape target(s) seen in the last hour is up`
          }
        }
        if (good === 0) {
          return {
            met: true,
            value: `up ${up}, 0% good`,
            detail: 'every response in the last minute was a 5xx'
          }
        }
        return {
          met: false,
          value: `up ${up}, ${good === undefined ? 'no traffic' : `${pct(good)} good`}`,
          detail: `${up} target${up === 1 ? '' : 's'} up${good === undefined ? ', no requests in the last minute' : ''}`
        }
      }
    )
  )
  evidence.push(
    await sustained(
      '5xx ratio > 5% for 15m',
      'evaluate',
      ratio('1m'),
      t.evaluateErrorRatio,
      t.evaluateErrorMinutes,
      pct
    )
  )
  const baselineQuery = p95('5m', options.baselineOffset ?? '1d')
  evidence.push(
    await run(
      'p95 latency > 2× baseline',
      'evaluate',
      options.baselineP95Seconds !== undefined
        ? `> 2 × ${ms(options.baselineP95Seconds)}`
        : `> 2 × p95 ${options.baselineOffset ?? '1d'} ago`,
      options.baselineP95Seconds !== undefined
        ? [p95('5m')]
        : [p95('5m'), baselineQuery],
      ([now, before]) => {
        const baseline = options.baselineP95Seconds ?? before
        if (now === undefined)
          return {
            met: false,
            value: 'no data',
            detail: 'no latency data in the last 5m'
          }
        if (baseline === undefined) {
          return {
            met: false,
            value: `${ms(now)}, no baseline`,
            detail: `no baseline data ${options.baselineOffset ?? '1d'} ago; set baseline-p95`
          }
        }
        const met = now > t.evaluateLatencyFactor * baseline
        return {
          met,
          value: `${ms(now)} vs baseline ${ms(baseline)}`,
          detail: `p95 is ${Number((now / baseline).toPrecision(3))}× the baseline`
        }
      }
    )
  )
  evidence.push(
    await sustained(
      'p95 latency > 500ms for 5m',
      'evaluate',
      p95('1m'),
      t.evaluateLatencySeconds,
      t.evaluateLatencyMinutes,
      ms
    )
  )

  const met = (level: TriggerEvidence['level']) =>
    evidence.filter((e) => e.level === level && e.met === true)
  const unknown = (level: TriggerEvidence['level']) =>
    evidence.filter((e) => e.level === level && e.met === null)
  const names = (list: TriggerEvidence[]) => list.map((e) => e.rule).join(', ')
  // The most urgent level decides: a rule met recommends it; a rule that could not be read stops the evaluation.
  for (const [level, verdict] of [
    ['roll-back-now', 'roll back now'],
    ['evaluate', 'evaluate a rollback']
  ] as const) {
    if (met(level).length > 0)
      return {
        recommendation: level,
        evidence,
        reason: `${verdict}: ${names(met(level))}`
      }
    if (unknown(level).length > 0)
      return {
        recommendation: 'could-not-verify',
        evidence,
        reason: `could not evaluate ${names(unknown(level))}: ${unknown(level)[0]!.detail}`
      }
  }
  return {
    recommendation: 'fix-forward',
    evidence,
    reason: 'fix forward: no rollback trigger is met'
  }
}
