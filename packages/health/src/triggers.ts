import type { PrometheusClient } from './prometheus.js'
import { PRESET_DEFAULTS, labelMatchers } from './prometheus-checks.js'
import { promDuration } from './units.js'

/**
 * The runbook's rollback triggers, evaluated against Prometheus. The same triggers, with the same defaults, are the
 * alerting rules in `packages/health/rules/rollback-triggers.yml` (label `trigger_id` = {@link TriggerEvidence.id}):
 * - roll back now: 5xx ratio above 5 % for 5 minutes (`error-rate`); 0 % good responses for 2 minutes, or no scrape
 *   target up (`total-outage`); BR-001: availability below 99.9 % for 5 minutes (`br-001-availability`) or p95
 *   latency above 500 ms for 5 minutes (`br-001-latency`);
 * - evaluate (a person decides): 5xx ratio above 5 % for 1 minute (`error-rate-early`), p95 latency above 2× the
 *   baseline (`latency-vs-baseline`);
 * - below that: fix forward.
 * "For N minutes" is a PromQL subquery: the condition holds at every 15 s step of the last N minutes, and the steps
 * cover at least 90 % of the window (a service that started 2 minutes ago has not been failing "for 5 minutes").
 */
export interface TriggerThresholds {
  /** 5xx share of requests (0.05 = 5 %) above which `error-rate` and `error-rate-early` are met. */
  errorRatio: number
  /** How long `error-rate` must hold, in seconds. */
  errorSeconds: number
  /** How long `error-rate-early` (the manual-evaluation band) must hold, in seconds. */
  earlyErrorSeconds: number
  /** How long 0 % good responses must last for `total-outage`, in seconds. */
  outageSeconds: number
  /** BR-001 availability objective (0.999 = 99.9 %): below it for `sloSeconds` is `br-001-availability`. */
  availability: number
  /** BR-001 p95 latency objective in seconds: above it for `sloSeconds` is `br-001-latency`. */
  latencySeconds: number
  /** How long a BR-001 breach must hold, in seconds. */
  sloSeconds: number
  /** p95 above this multiple of the baseline is `latency-vs-baseline`. */
  baselineFactor: number
}

/** The runbook's thresholds (the defaults of evaluate-rollback-triggers' inputs). */
export const RUNBOOK_TRIGGERS: TriggerThresholds = {
  errorRatio: 0.05,
  errorSeconds: 300,
  earlyErrorSeconds: 60,
  outageSeconds: 120,
  availability: 0.999,
  latencySeconds: 0.5,
  sloSeconds: 300,
  baselineFactor: 2
}

/** Subquery resolution and minimum coverage of a "for N minutes" window. */
const SUSTAINED = { stepSeconds: 15, minCoverage: 0.9 } as const

export type Recommendation =
  'roll-back-now' | 'evaluate' | 'fix-forward' | 'could-not-verify'

/** One rule's evidence: the queries as sent, the values read and whether the trigger is met. */
export interface TriggerEvidence {
  /** The runbook's trigger id, the `trigger_id` label of the alerting rule. */
  id: string
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
  /** Thresholds replacing the runbook's ({@link RUNBOOK_TRIGGERS}) one by one. */
  thresholds?: Partial<TriggerThresholds>
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
 * Evaluates the runbook's triggers ({@link RUNBOOK_TRIGGERS}, or `options.thresholds`) and recommends what to do,
 * with the evidence. Never recommends `fix-forward` when a roll-back-now trigger could not be evaluated
 * (`could-not-verify` then). Queries go through `client` (Prometheus HTTP API `GET /api/v1/query` at `options.at`).
 * @throws nothing for Prometheus failures: they become evidence with `met: null`.
 */
export async function evaluateRollbackTriggers(
  client: PrometheusClient,
  options: TriggerOptions
): Promise<TriggerEvaluation> {
  const t: TriggerThresholds = { ...RUNBOOK_TRIGGERS, ...options.thresholds }
  const at = options.at ?? new Date()
  const m = labelMatchers(options.labels)
  const requests = options.requestsMetric ?? PRESET_DEFAULTS.requestsMetric
  const status = options.statusLabel ?? PRESET_DEFAULTS.statusLabel
  const hist = `${options.durationMetric ?? PRESET_DEFAULTS.durationMetric}_bucket`
  const sel = (metric: string, extra: string[] = []) =>
    `${metric}{${[...m, ...extra].join(',')}}`
  const share = (codes: string, w: string) =>
    `((sum(rate(${sel(requests, [`${status}${codes}`])}[${w}])) or vector(0)) / sum(rate(${sel(requests)}[${w}])))`
  const ratio = (w: string) => share('=~"5.."', w)
  const good = (w: string) => share('!~"5.."', w)
  const p95 = (w: string, offset = '') =>
    `histogram_quantile(0.95, sum by (le) (rate(${sel(hist)}[${w}]${offset ? ` offset ${offset}` : ''})))`
  const step = `${SUSTAINED.stepSeconds}s`

  const scalarOf = async (query: string): Promise<number | undefined> => {
    const r = await client.query(query, at)
    const v = r.samples.find((s) => !Number.isNaN(s.value))
    return v?.value
  }
  const run = async (
    id: string,
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
    const base = { id, rule, level, queries, threshold, at: at.toISOString() }
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
  /** `expr` beyond `limit` (above for '>', below for '<') at every subquery step of the last `seconds`. */
  const sustained = (
    id: string,
    rule: string,
    level: TriggerEvidence['level'],
    expr: string,
    direction: '>' | '<',
    limit: number,
    seconds: number,
    fmt: (v: number) => string
  ) => {
    const window = promDuration(seconds)
    const range = `[${window}:${step}]`
    const needed = Math.max(
      1,
      Math.floor((seconds / SUSTAINED.stepSeconds) * SUSTAINED.minCoverage)
    )
    const extreme = direction === '>' ? 'min' : 'max'
    const word = direction === '>' ? 'above' : 'below'
    return run(
      id,
      rule,
      level,
      `${direction} ${fmt(limit)} for ${window}`,
      [
        `${extreme}_over_time(${expr}${range})`,
        `count_over_time(${expr}${range})`
      ],
      ([worst, count]) => {
        if (worst === undefined || count === undefined) {
          return {
            met: false,
            value: 'no data',
            detail: `no data over the last ${window}`
          }
        }
        const covered = count >= needed
        const met =
          covered && (direction === '>' ? worst > limit : worst < limit)
        const label = direction === '>' ? 'lowest' : 'highest'
        return {
          met,
          value: `${extreme} ${fmt(worst)} over ${count} steps`,
          detail: met
            ? `${word} ${fmt(limit)} at every step of the last ${window} (${label} ${fmt(worst)})`
            : !covered
              ? `only ${count} of ${needed} steps with data in the last ${window}: not sustained`
              : `${label} ${fmt(worst)} in the last ${window}, not ${word} ${fmt(limit)} throughout`
        }
      }
    )
  }

  const evidence: TriggerEvidence[] = []
  evidence.push(
    await sustained(
      'error-rate',
      `5xx ratio > ${pct(t.errorRatio)} for ${promDuration(t.errorSeconds)}`,
      'roll-back-now',
      ratio('1m'),
      '>',
      t.errorRatio,
      t.errorSeconds,
      pct
    )
  )
  const outage = promDuration(t.outageSeconds)
  const outageRange = `[${outage}:${step}]`
  const outageSteps = Math.max(
    1,
    Math.floor(
      (t.outageSeconds / SUSTAINED.stepSeconds) * SUSTAINED.minCoverage
    )
  )
  evidence.push(
    await run(
      'total-outage',
      'total outage',
      'roll-back-now',
      `no target up, or 0% good responses for ${outage}`,
      [
        `count(max_over_time(${sel('up')}[1h]))`,
        `sum(${sel('up')}) or vector(0)`,
        `max_over_time(${good('1m')}${outageRange})`,
        `count_over_time(${good('1m')}${outageRange})`
      ],
      ([known, up, best, count]) => {
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
        if (best === 0 && count !== undefined && count >= outageSteps) {
          return {
            met: true,
            value: `up ${up}, 0% good`,
            detail: `every response in the last ${outage} was a 5xx`
          }
        }
        return {
          met: false,
          value: `up ${up}, ${best === undefined ? 'no traffic' : `best ${pct(best)} good`}`,
          detail: `${up} target${up === 1 ? '' : 's'} up${best === undefined ? `, no requests in the last ${outage}` : ''}`
        }
      }
    )
  )
  const slo = promDuration(t.sloSeconds)
  evidence.push(
    await sustained(
      'br-001-availability',
      `availability < ${pct(t.availability)} for ${slo} (BR-001)`,
      'roll-back-now',
      good('1m'),
      '<',
      t.availability,
      t.sloSeconds,
      pct
    )
  )
  evidence.push(
    await sustained(
      'br-001-latency',
      `p95 latency > ${ms(t.latencySeconds)} for ${slo} (BR-001)`,
      'roll-back-now',
      p95('1m'),
      '>',
      t.latencySeconds,
      t.sloSeconds,
      ms
    )
  )
  evidence.push(
    await sustained(
      'error-rate-early',
      `5xx ratio > ${pct(t.errorRatio)} for ${promDuration(t.earlyErrorSeconds)}`,
      'evaluate',
      ratio('1m'),
      '>',
      t.errorRatio,
      t.earlyErrorSeconds,
      pct
    )
  )
  const factor = String(t.baselineFactor)
  const baselineQuery = p95('5m', options.baselineOffset ?? '1d')
  evidence.push(
    await run(
      'latency-vs-baseline',
      `p95 latency > ${factor}× baseline`,
      'evaluate',
      options.baselineP95Seconds !== undefined
        ? `> ${factor} × ${ms(options.baselineP95Seconds)}`
        : `> ${factor} × p95 ${options.baselineOffset ?? '1d'} ago`,
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
        const met = now > t.baselineFactor * baseline
        return {
          met,
          value: `${ms(now)} vs baseline ${ms(baseline)}`,
          detail: `p95 is ${Number((now / baseline).toPrecision(3))}× the baseline`
        }
      }
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
