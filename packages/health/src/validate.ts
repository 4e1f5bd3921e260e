import {
  ConfigurationError,
  silentLogger,
  type Logger
} from '@rollback-actions/action-kit'
import { combineVerdicts, type Verdict } from './analysis.js'
import {
  readHttpCheck,
  runSmokeTests,
  type HttpCheckSpec,
  type HttpOptions,
  type SmokeTestSpec
} from './http.js'
import {
  newRestartBaseline,
  readDeploymentPods,
  type PodReaderClients
} from './pods.js'
import { PromQueryRejected, type PrometheusClient } from './prometheus.js'
import {
  readPromCheck,
  type PromCheck,
  type Reading
} from './prometheus-checks.js'
import {
  runAnalysis,
  type AnalysisResult,
  type AnalysisWindow,
  type CheckResult,
  type Clock,
  type Probe
} from './runner.js'

/** Everything a validation checks and how. */
export interface ValidationPlan {
  /** Namespace of `deployments`. */
  namespace?: string
  /** Deployments whose pods must be Running and Ready with no restarts during the window. */
  deployments: string[]
  httpChecks: HttpCheckSpec[]
  prometheusChecks: PromCheck[]
  /** Journeys run once, in order, after the analysis window. */
  smokeTests: SmokeTestSpec[]
  window: AnalysisWindow
  /** Good readings in a row each check needs. */
  consecutiveSuccesses: number
  /** Bad readings allowed per HTTP or Prometheus check (pods allow none: a restart is never fine). */
  failureLimit: number
  /** Measurement errors in a row allowed per check before it becomes could-not-verify. */
  consecutiveErrorLimit: number
}

export interface ValidationDeps {
  kube?: PodReaderClients
  prometheus?: PrometheusClient
  http?: HttpOptions
  log?: Logger
  clock?: Clock
}

export interface ValidationResult {
  verdict: Verdict
  analysis: AnalysisResult
  smoke: { verdict: Verdict; readings: Reading[] } | undefined
  /** Analysis readings, then smoke-test readings. */
  readings: Reading[]
  checks: CheckResult[]
  /** One line: the verdict and the first reason that is not healthy. */
  reason: string
}

/**
 * Sends every Prometheus check's query once before the window starts, so invalid PromQL fails the step at once
 * with Prometheus' own message instead of after the error limit. An unreachable Prometheus is not an error here:
 * the analysis records it (could-not-verify after the error limit, never healthy).
 * @throws ConfigurationError naming the check, Prometheus' error and the query as sent.
 */
export async function preflightPrometheusChecks(
  client: PrometheusClient,
  checks: PromCheck[],
  log: Logger = silentLogger
): Promise<void> {
  for (const check of checks) {
    for (const query of [check.trafficQuery, check.query]) {
      if (query === undefined) continue
      try {
        await client.query(query)
      } catch (error) {
        if (error instanceof PromQueryRejected) {
          throw new ConfigurationError(
            `input "prometheus-checks": check "${check.name}": ${error.message}. Fix the PromQL (try it in the Prometheus UI at ${client.url}/graph) and run again.`,
            { cause: error }
          )
        }
        log.debug(
          `preflight of check "${check.name}": ${(error as Error).message}`
        )
        return
      }
    }
  }
}

function smokeVerdict(readings: Reading[]): Verdict {
  if (readings.some((r) => r.outcome === 'failure')) return 'unhealthy'
  if (readings.some((r) => r.outcome !== 'success')) return 'could-not-verify'
  return 'healthy'
}

/**
 * Validates the health of a rollout: pods, HTTP endpoints and Prometheus checks in rounds (see {@link runAnalysis}),
 * then the smoke-test journeys once. The verdict is never `healthy` when something could not be read.
 * @throws ConfigurationError when a Prometheus query is invalid (preflight) or a needed client is missing.
 */
export async function validateHealth(
  plan: ValidationPlan,
  deps: ValidationDeps
): Promise<ValidationResult> {
  const log = deps.log ?? silentLogger
  const settings = {
    failureLimit: plan.failureLimit,
    consecutiveErrorLimit: plan.consecutiveErrorLimit,
    consecutiveSuccesses: plan.consecutiveSuccesses,
    noData: 'inconclusive' as const
  }
  const probes: Probe[] = []
  if (plan.deployments.length > 0) {
    const kube = deps.kube
    const namespace = plan.namespace
    if (!kube || !namespace) {
      throw new ConfigurationError(
        'deployments need a namespace and cluster access (kubeconfig)'
      )
    }
    for (const name of plan.deployments) {
      const baseline = newRestartBaseline()
      probes.push({
        name: `pods ${namespace}/${name}`,
        kind: 'pods',
        settings: { ...settings, failureLimit: 0 },
        measure: () => readDeploymentPods(kube, namespace, name, baseline)
      })
    }
  }
  for (const check of plan.httpChecks) {
    probes.push({
      name: check.name ?? check.url,
      kind: 'http',
      settings,
      measure: () => readHttpCheck(check, deps.http)
    })
  }
  if (plan.prometheusChecks.length > 0) {
    const prom = deps.prometheus
    if (!prom)
      throw new ConfigurationError('prometheus-checks need prometheus-url')
    await preflightPrometheusChecks(prom, plan.prometheusChecks, log)
    for (const check of plan.prometheusChecks) {
      probes.push({
        name: check.name,
        kind: 'prometheus',
        settings: { ...settings, noData: check.noData },
        measure: () => readPromCheck(prom, check)
      })
    }
  }
  if (probes.length === 0 && plan.smokeTests.length === 0) {
    throw new ConfigurationError(
      'nothing to validate: set deployments, http-checks, prometheus-checks or smoke-tests'
    )
  }
  const analysis =
    probes.length > 0
      ? await runAnalysis(probes, plan.window, {
          ...(deps.clock ? { clock: deps.clock } : {}),
          log,
          onReading: (r) =>
            log.info(
              `${r.at} ${r.check}: ${r.outcome}${r.value !== undefined ? ` (${r.value})` : ''} — ${r.detail}`
            )
        })
      : {
          verdict: 'healthy' as const,
          checks: [],
          readings: [],
          rounds: 0,
          startedAt: new Date().toISOString(),
          finishedAt: new Date().toISOString(),
          stoppedBecause: 'no checks to repeat'
        }
  let smoke: ValidationResult['smoke']
  if (plan.smokeTests.length > 0) {
    const readings = await runSmokeTests(plan.smokeTests, deps.http)
    for (const r of readings) {
      log.info(`${r.at} smoke "${r.check}": ${r.outcome} — ${r.detail}`)
    }
    smoke = { verdict: smokeVerdict(readings), readings }
  }
  const checks = [...analysis.checks]
  const verdict = combineVerdicts([
    ...(probes.length > 0 ? [analysis.verdict] : []),
    ...(smoke ? [smoke.verdict] : [])
  ])
  const firstBad = checks.find(
    (c) => c.verdict === verdict && verdict !== 'healthy'
  )
  const smokeBad = smoke?.readings.find((r) => r.outcome !== 'success')
  const reason =
    verdict === 'healthy'
      ? `healthy: ${checks.length} check${checks.length === 1 ? '' : 's'} passed${smoke ? `, ${smoke.readings.length} smoke test${smoke.readings.length === 1 ? '' : 's'} passed` : ''}`
      : firstBad
        ? `${verdict}: ${firstBad.name}: ${firstBad.reason}`
        : `${verdict}: smoke test "${smokeBad?.check ?? '?'}": ${smokeBad?.detail ?? ''}`
  return {
    verdict,
    analysis,
    smoke,
    readings: [...analysis.readings, ...(smoke?.readings ?? [])],
    checks,
    reason
  }
}
