import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { ConfigurationError } from '@rollback-actions/action-kit'
import {
  PrometheusClient,
  evaluateRollbackTriggers,
  preflightPrometheusChecks,
  readPromCheck,
  resolvePromCheck,
  runAnalysis,
  type PromCheck,
  type PromCheckSpec,
  type Probe
} from '@rollback-actions/health'
import {
  backfill,
  startPrometheus,
  syntheticHistory,
  type RunningPrometheus,
  type TrafficPhase
} from '@rollback-actions/sandbox'
import { freePort } from '@rollback-actions/emulators'
import { run as validateHealth } from '../../../actions/validate-health/src/main.js'
import { run as evaluateTriggers } from '../../../actions/evaluate-rollback-triggers/src/main.js'
import { fakeContext, runFake } from '../../helpers/fake-context.js'

// 99.95 % available: clear of BR-001's 99.9 % objective (exactly 0.1 % 5xx would sit on the threshold).
const healthy: TrafficPhase = {
  seconds: 0,
  ratePerSecond: 20,
  errorRate: 0.0005,
  p95LatencyMs: 80
}
const phase = (
  minutes: number,
  p: Partial<TrafficPhase> = {}
): TrafficPhase => ({
  ...healthy,
  ...p,
  seconds: minutes * 60
})
const labels = (service: string) => ({
  job: 'product-service',
  namespace: 'prod',
  service,
  pod: `${service}-0`
})

let workDir: string
let prom: RunningPrometheus
let client: PrometheusClient

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'prometheus-analysis-'))
  const endAt = new Date()
  const histories = [
    syntheticHistory({ endAt, labels: labels('steady'), phases: [phase(90)] }),
    // 20 % 5xx and 900 ms p95 for the last 10 minutes: the runbook says roll back now.
    syntheticHistory({
      endAt,
      labels: labels('broken'),
      phases: [phase(60), phase(10, { errorRate: 0.2, p95LatencyMs: 900 })]
    }),
    // 7 % 5xx for 20 minutes: above the automatic 5 % for 5 minutes.
    syntheticHistory({
      endAt,
      labels: labels('flaky'),
      phases: [phase(60), phase(20, { errorRate: 0.07 })]
    }),
    // 7 % 5xx for the last 2 minutes only: the early-warning band, not yet automatic.
    syntheticHistory({
      endAt,
      labels: labels('spike'),
      phases: [phase(60), phase(2, { errorRate: 0.07 })]
    }),
    // 0.4 % 5xx for 10 minutes: far below the error-rate trigger, but 99.6 % breaks BR-001's 99.9 %.
    syntheticHistory({
      endAt,
      labels: labels('degraded'),
      phases: [phase(60), phase(10, { errorRate: 0.004 })]
    }),
    // p95 from 80 ms to 250 ms for 20 minutes: more than twice the baseline, under 500 ms.
    syntheticHistory({
      endAt,
      labels: labels('slow'),
      phases: [phase(60), phase(20, { p95LatencyMs: 250 })]
    }),
    // A trickle of traffic: 6 requests in 5 minutes.
    syntheticHistory({
      endAt,
      labels: labels('idle'),
      phases: [phase(30, { ratePerSecond: 0.02, errorRate: 0.5 })]
    })
  ]
  for (const h of histories) await backfill(workDir, h)
  prom = await startPrometheus({ workDir, scrapeTargets: () => [] })
  client = new PrometheusClient({ url: prom.url })
})

afterAll(async () => {
  await prom?.close()
  rmSync(workDir, { recursive: true, force: true })
})

const check = (spec: PromCheckSpec) => resolvePromCheck(spec)

/** A preset check on the series of one service. */
const onService = (
  name: string,
  preset: 'error-ratio' | 'p95-latency',
  service: string,
  extra: { 'min-requests'?: number } = {}
): PromCheckSpec => ({ name, preset, labels: { service }, ...extra })

/** Reads one check once against the backfilled Prometheus. */
const read = (spec: PromCheckSpec) => readPromCheck(client, check(spec))

/** A runAnalysis probe reading check `c` from `source` (default: the backfilled Prometheus). */
const probeOf = (
  c: PromCheck,
  limits: Omit<Probe['settings'], 'noData'>,
  source: PrometheusClient = client
): Probe => ({
  name: c.name,
  kind: 'prometheus',
  settings: { ...limits, noData: c.noData },
  measure: () => readPromCheck(source, c)
})

describe('Prometheus checks against a real Prometheus with backfilled history', () => {
  it('reads the 5xx ratio of a steady service as good, with the query as sent', async () => {
    const r = await read(onService('5xx', 'error-ratio', 'steady'))
    expect(r.outcome).toBe('success')
    expect(r.value).toBe('0.05%')
    expect(r.query).toContain('service="steady"')
    expect(r.threshold).toBe('< 1%')
  })

  it('reads the p95 latency from the histogram in the threshold unit', async () => {
    const r = await read(onService('p95', 'p95-latency', 'broken'))
    expect(r.outcome).toBe('failure')
    expect(r.detail).toMatch(/^9\d\d(\.\d+)?ms breaks < 500ms$/)
  })

  it('calls a degraded version unhealthy after the failure limit', async () => {
    const probe = (
      name: string,
      preset: 'error-ratio' | 'p95-latency'
    ): Probe => {
      const c = check({ name, preset, labels: { service: 'broken' } })
      return probeOf(c, {
        failureLimit: 1,
        consecutiveErrorLimit: 2,
        consecutiveSuccesses: 2
      })
    }
    const result = await runAnalysis(
      [probe('5xx', 'error-ratio'), probe('p95', 'p95-latency')],
      {
        intervalSeconds: 0.2,
        count: 5,
        timeoutSeconds: 10
      }
    )
    expect(result.verdict).toBe('unhealthy')
    expect(result.rounds).toBe(2)
    expect(result.checks[0]!.reason).toBe('2 bad readings, failure limit 1')
    expect(result.readings[0]!.value).toBe('20%')
  })

  it('surfaces Prometheus’ own error and the query for invalid PromQL before any round', async () => {
    const bad = check({
      name: 'typo',
      query: 'sum(rate(http_requests_total[5m]',
      comparison: '<',
      threshold: '1 count'
    })
    const err = await preflightPrometheusChecks(client, [bad]).catch(
      (e: unknown) => e
    )
    expect(err).toBeInstanceOf(ConfigurationError)
    expect((err as Error).message).toMatch(
      /check "typo": Prometheus rejected the query \(bad_data\): .*parse error.* — query: sum\(rate\(http_requests_total\[5m\]/
    )
  })

  it.each([
    ['fail', 'unhealthy'],
    ['inconclusive', 'inconclusive']
  ] as const)(
    'with no-data %s, an empty result makes the check %s',
    async (policy, verdict) => {
      const c = check({
        name: 'nothing',
        query: 'sum(rate(http_requests_total{service="does-not-exist"}[5m]))',
        comparison: '<',
        threshold: '5 req/s',
        'no-data': policy
      })
      const result = await runAnalysis(
        [
          probeOf(c, {
            failureLimit: 0,
            consecutiveErrorLimit: 2,
            consecutiveSuccesses: 1
          })
        ],
        { intervalSeconds: 0.1, count: 2, timeoutSeconds: 5 }
      )
      expect(result.verdict).toBe(verdict)
      expect(result.readings[0]!.detail).toBe(
        'no data: the query returned an empty vector'
      )
    }
  )

  it('treats NaN as no data', async () => {
    const r = await read({
      name: 'nan',
      query: 'vector(0) / vector(0)',
      comparison: '<',
      threshold: '1 ratio'
    })
    expect(r.outcome).toBe('no-data')
    expect(r.value).toBe('NaN')
  })

  it('does not count a ratio below the minimum traffic', async () => {
    const r = await read(onService('5xx', 'error-ratio', 'idle'))
    expect(r.outcome).toBe('no-data')
    expect(r.detail).toMatch(
      /^too little traffic: 6 requests in the window, 100 needed/
    )
  })

  it('counts the same ratio once the guard is lowered', async () => {
    const r = await read(
      onService('5xx', 'error-ratio', 'idle', { 'min-requests': 5 })
    )
    expect(r.outcome).toBe('failure')
    expect(r.value).toBe('50%')
  })

  it('ends could-not-verify, never healthy, when Prometheus is unreachable', async () => {
    const port = await freePort()
    const dead = new PrometheusClient({
      url: `http://127.0.0.1:${port}`,
      timeoutSeconds: 1
    })
    const c = check(onService('5xx', 'error-ratio', 'steady'))
    const result = await runAnalysis(
      [
        probeOf(
          c,
          {
            failureLimit: 0,
            consecutiveErrorLimit: 2,
            consecutiveSuccesses: 1
          },
          dead
        )
      ],
      { intervalSeconds: 0.05, timeoutSeconds: 10 }
    )
    expect(result.verdict).toBe('could-not-verify')
    expect(result.rounds).toBe(3)
    expect(result.readings[0]!.detail).toMatch(
      /is unreachable \(ECONNREFUSED\)/
    )
  })
})

describe('rollback triggers against a real Prometheus', () => {
  /** The triggers of one service, against its own traffic 70 minutes ago unless a baseline p95 is given. */
  const evaluate = (
    service: string,
    baseline: { baselineOffset: string } | { baselineP95Seconds: number } = {
      baselineOffset: '70m'
    }
  ) => evaluateRollbackTriggers(client, { labels: { service }, ...baseline })

  it('recommends rolling back now for 20 % 5xx over the last 10 minutes', async () => {
    const e = await evaluate('broken')
    expect(e.recommendation).toBe('roll-back-now')
    const rule = e.evidence.find((x) => x.id === 'error-rate')!
    expect(rule.rule).toBe('5xx ratio > 5% for 5m')
    expect(rule.met).toBe(true)
    expect(rule.value).toMatch(/^min 20% over 2\d steps$/)
    expect(rule.queries[0]).toContain('min_over_time(')
  })

  it('recommends rolling back now for 7 % 5xx over 20 minutes', async () => {
    const e = await evaluate('flaky')
    expect(e.recommendation).toBe('roll-back-now')
    expect(e.reason).toBe(
      'roll back now: 5xx ratio > 5% for 5m, availability < 99.9% for 5m (BR-001)'
    )
  })

  it('recommends evaluating for 7 % 5xx over the last 2 minutes only', async () => {
    const e = await evaluate('spike')
    expect(e.recommendation).toBe('evaluate')
    expect(e.reason).toBe('evaluate a rollback: 5xx ratio > 5% for 1m')
  })

  it('recommends rolling back now for 99.6 % availability (BR-001)', async () => {
    const e = await evaluateRollbackTriggers(client, {
      labels: { service: 'degraded' },
      baselineOffset: '70m'
    })
    expect(e.recommendation).toBe('roll-back-now')
    const rule = e.evidence.find((x) => x.id === 'br-001-availability')!
    expect(rule.met).toBe(true)
    expect(rule.value).toMatch(/^max 99\.6% over 2\d steps$/)
    expect(e.evidence.find((x) => x.id === 'error-rate')!.met).toBe(false)
  })

  it('takes its thresholds from the options: 1 % availability objective gap is not met at 99.6 %', async () => {
    const e = await evaluateRollbackTriggers(client, {
      labels: { service: 'degraded' },
      baselineOffset: '70m',
      thresholds: { availability: 0.99 }
    })
    expect(e.recommendation).toBe('fix-forward')
    expect(
      e.evidence.find((x) => x.id === 'br-001-availability')!.threshold
    ).toBe('< 99% for 5m')
  })

  it('recommends evaluating when p95 is more than twice the baseline', async () => {
    const e = await evaluate('slow')
    expect(e.recommendation).toBe('evaluate')
    expect(e.reason).toBe('evaluate a rollback: p95 latency > 2× baseline')
  })

  it('recommends fixing forward for a steady service', async () => {
    const e = await evaluate('steady', { baselineP95Seconds: 0.08 })
    expect(e.recommendation).toBe('fix-forward')
    expect(e.evidence.every((x) => x.met === false)).toBe(true)
  })

  it('cannot verify when no target matches the service labels', async () => {
    const e = await evaluate('typo', { baselineP95Seconds: 0.08 })
    expect(e.recommendation).toBe('could-not-verify')
    expect(e.reason).toMatch(
      /no scrape target matched the service labels \{service="typo"\}/
    )
  })
})

describe('the actions against a real Prometheus', () => {
  const checks = (threshold: string) =>
    [
      '- name: 5xx ratio',
      '  preset: error-ratio',
      '  labels: { service: steady }',
      '- name: p95 latency',
      '  preset: p95-latency',
      '  labels: { service: steady }',
      `  threshold: ${threshold}`
    ].join('\n')

  it('validate-health: healthy with every reading (query, value, threshold, UTC time) in summary and audit', async () => {
    const ctx = await runFake(validateHealth, 'validate-health', {
      'prometheus-url': prom.url,
      'prometheus-checks': checks('500ms'),
      interval: '0.2s',
      'consecutive-successes': '2',
      count: '3'
    })
    expect(ctx.failure).toBeUndefined()
    expect(ctx.outputs.verdict).toBe('healthy')
    const readings = ctx.audit.steps[0]!.details.readings as Array<
      Record<string, string>
    >
    expect(readings).toHaveLength(6)
    expect(readings[1]).toMatchObject({
      check: 'p95 latency',
      outcome: 'success',
      threshold: '< 500ms'
    })
    expect(readings[1]!.query).toMatch(
      /^histogram_quantile\(0\.95, sum by \(le\) \(rate\(http_request_duration_seconds_bucket\{service="steady"\}\[5m\]\)\)\)$/
    )
    expect(ctx.summaryText).toContain(readings[1]!.at)
    expect(ctx.summaryText).toContain(readings[1]!.value)
  })

  it('validate-health: names the check when a threshold has no unit, before any query', async () => {
    const ctx = await runFake(validateHealth, 'validate-health', {
      'prometheus-url': 'http://127.0.0.1:1',
      'prometheus-checks': checks('0.5')
    })
    expect(ctx.failure).toMatch(
      /^validate-health: input "prometheus-checks": .* item 2: check "p95 latency": threshold "0.5" has no unit/
    )
    expect(ctx.audit.steps).toHaveLength(0)
  })

  it('validate-health: fails on invalid PromQL with Prometheus’ error and the query', async () => {
    const ctx = await runFake(validateHealth, 'validate-health', {
      'prometheus-url': prom.url,
      'prometheus-checks':
        '- name: typo\n  query: sum(rate(x[5m])\n  comparison: "<"\n  threshold: 1 count'
    })
    expect(ctx.failure).toMatch(
      /check "typo": Prometheus rejected the query \(bad_data\): .*— query: sum\(rate\(x\[5m\]\)/
    )
  })

  it('validate-health: could-not-verify (and a failed step) when Prometheus is unreachable', async () => {
    const ctx = await runFake(validateHealth, 'validate-health', {
      'prometheus-url': 'http://127.0.0.1:1',
      'prometheus-checks': checks('500ms'),
      interval: '0.1s',
      'consecutive-error-limit': '1'
    })
    expect(ctx.outputs.verdict).toBe('could-not-verify')
    expect(ctx.failure).toMatch(
      /^validate-health: could-not-verify: 5xx ratio: 2 measurement errors in a row, limit 1/
    )
  })

  it('evaluate-rollback-triggers: recommends rolling back now with the evidence', async () => {
    const ctx = await runFake(evaluateTriggers, 'evaluate-rollback-triggers', {
      'prometheus-url': prom.url,
      'service-labels': 'service: broken',
      'baseline-offset': '30m'
    })
    expect(ctx.failure).toBeUndefined()
    expect(ctx.outputs.recommendation).toBe('roll-back-now')
    const evidence = JSON.parse(ctx.outputs.evidence!) as Array<{
      rule: string
      met: boolean
    }>
    expect(evidence.filter((e) => e.met).map((e) => e.rule)).toEqual([
      '5xx ratio > 5% for 5m',
      'availability < 99.9% for 5m (BR-001)',
      'p95 latency > 500ms for 5m (BR-001)',
      '5xx ratio > 5% for 1m',
      'p95 latency > 2× baseline'
    ])
    expect(ctx.summaryText).toContain('min_over_time(')
  })

  it('evaluate-rollback-triggers: takes the thresholds from its inputs', async () => {
    const ctx = fakeContext('evaluate-rollback-triggers', {
      'prometheus-url': prom.url,
      'service-labels': 'service: broken',
      'baseline-offset': '30m',
      'error-ratio': '25%',
      'latency-objective': '1s',
      'availability-objective': '75%'
    })
    await evaluateTriggers(ctx)
    expect(ctx.failure).toBeUndefined()
    const evidence = JSON.parse(ctx.outputs.evidence!) as Array<{
      id: string
      met: boolean
      threshold: string
    }>
    expect(evidence.filter((e) => e.met).map((e) => e.id)).toEqual([
      'latency-vs-baseline'
    ])
    expect(evidence[0]!.threshold).toBe('> 25% for 5m')
    expect(ctx.outputs.recommendation).toBe('evaluate')
  })

  it.each([
    ['error-ratio', '5', /input "error-ratio": .*has no unit/],
    ['slo-for', '5', /input "slo-for": .*has no unit/],
    [
      'latency-objective',
      '5%',
      /input "latency-objective": .*is not a duration/
    ],
    ['baseline-factor', '0.5', /input "baseline-factor": .*must be above 1/]
  ])(
    'evaluate-rollback-triggers: names input %s when it is "%s", before any query',
    async (input, value, message) => {
      const ctx = fakeContext('evaluate-rollback-triggers', {
        'prometheus-url': 'http://127.0.0.1:1',
        'service-labels': 'service: steady',
        [input]: value
      })
      await evaluateTriggers(ctx)
      expect(ctx.failure).toMatch(message)
      expect(ctx.audit.steps).toHaveLength(0)
    }
  )

  it('evaluate-rollback-triggers: fails, never "fix forward", when Prometheus is unreachable', async () => {
    const ctx = await runFake(evaluateTriggers, 'evaluate-rollback-triggers', {
      'prometheus-url': 'http://127.0.0.1:1',
      'service-labels': 'service: steady'
    })
    expect(ctx.outputs.recommendation).toBe('could-not-verify')
    expect(ctx.failure).toMatch(
      /^evaluate-rollback-triggers: could not evaluate 5xx ratio > 5% for 5m, total outage, availability < 99\.9% for 5m \(BR-001\), p95 latency > 500ms for 5m \(BR-001\): Prometheus at http:\/\/127\.0\.0\.1:1 is unreachable/
    )
  })
})
