import { createHash } from 'node:crypto'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readActionDefaults } from '@rollback-actions/action-kit'
import {
  PrometheusClient,
  evaluateRollbackTriggers,
  parseDuration,
  resolvePromCheck,
  validateHealth,
  type PromCheck
} from '@rollback-actions/health'
import {
  backfill,
  startPrometheus,
  syntheticHistory,
  type TrafficPhase
} from '@rollback-actions/sandbox'
import { RequestLog } from '@rollback-actions/emulators'
import {
  HEALTHY_PROFILE,
  createProductServiceRuntime,
  startLoadGenerator,
  startServiceProxy,
  type LoadProfile
} from '@rollback-actions/sandbox'
import { createCertificateAuthority } from '@rollback-actions/emulators'
import { median, type BenchResult } from './lib.js'

/** The fault: a release answering 20 % 5xx with a 900 ms p95 (the scenario's "degraded" profile). */
const FAULT: LoadProfile = { errorRate: 0.2, p95LatencyMs: 900 }
const LABELS = { namespace: 'bench', service: 'product-service' }

async function validateHealthDefaults(): Promise<{
  intervalSeconds: number
  timeoutSeconds: number
  consecutiveSuccesses: number
  failureLimit: number
  consecutiveErrorLimit: number
}> {
  const defaults = readActionDefaults(
    await readFile(
      new URL('../actions/validate-health/action.yml', import.meta.url),
      'utf8'
    )
  )
  const d = (name: string) => defaults[name] ?? ''
  return {
    intervalSeconds: parseDuration(d('interval')),
    timeoutSeconds: parseDuration(d('timeout')),
    consecutiveSuccesses: Number(d('consecutive-successes')),
    failureLimit: Number(d('failure-limit')),
    consecutiveErrorLimit: Number(d('consecutive-error-limit'))
  }
}

const presetChecks = (): PromCheck[] => [
  resolvePromCheck({
    name: '5xx ratio',
    preset: 'error-ratio',
    labels: LABELS
  }),
  resolvePromCheck({
    name: 'p95 latency',
    preset: 'p95-latency',
    labels: LABELS
  })
]

/**
 * One live run: product-service pods scraped every second by the real Prometheus, 20 req/s through the Service;
 * after a warm-up the pods switch to {@link FAULT}, and validate-health's analysis (action.yml defaults, presets
 * error-ratio and p95-latency) runs from that instant. Returns seconds from the fault to the unhealthy verdict.
 */
async function liveDetection(): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-health-'))
  const ca = await createCertificateAuthority()
  let profile: LoadProfile = HEALTHY_PROFILE
  const runtime = createProductServiceRuntime({
    resolve: (image) => ({
      digest: `sha256:${createHash('sha256').update(image).digest('hex')}`
    }),
    isBroken: () => false,
    profile: () => ({
      get errorRate() {
        return profile.errorRate
      },
      get p95LatencyMs() {
        return profile.p95LatencyMs
      }
    })
  })
  const endpoints: Array<{ pod: string; image: string; endpoint: string }> = []
  for (const pod of ['product-service-0', 'product-service-1']) {
    const image = 'bench.azurecr.io/product-service:v1'
    const h = await runtime.start({
      namespace: 'bench',
      pod,
      container: 'product-service',
      image,
      digest: 'sha256:0',
      env: {}
    })
    endpoints.push({ pod, image, endpoint: h.endpoint ?? '' })
  }
  const service = await startServiceProxy({
    tls: await ca.issue(['127.0.0.1']),
    log: new RequestLog(),
    endpoints: () => endpoints
  })
  const prom = await startPrometheus({
    workDir: dir,
    scrapeTargets: () => runtime.targets()
  })
  const load = startLoadGenerator({
    url: service.url,
    ca: ca.caPem,
    ratePerSecond: 20
  })
  try {
    const client = new PrometheusClient({ url: prom.url })
    const defaults = await validateHealthDefaults()
    // Warm up until the checks read good values (rate() needs a few scrapes, the traffic guard 100 requests).
    const deadline = Date.now() + 60_000
    for (;;) {
      const warm = await validateHealth(
        {
          deployments: [],
          httpChecks: [],
          smokeTests: [],
          prometheusChecks: presetChecks(),
          window: { intervalSeconds: 1, timeoutSeconds: 1 },
          consecutiveSuccesses: 1,
          failureLimit: 0,
          consecutiveErrorLimit: 0
        },
        { prometheus: client }
      )
      if (warm.verdict === 'healthy') break
      if (Date.now() > deadline)
        throw new Error(`no healthy baseline after 60 s: ${warm.reason}`)
      await new Promise((r) => setTimeout(r, 1000))
    }
    profile = FAULT
    const faultAt = performance.now()
    const result = await validateHealth(
      {
        deployments: [],
        httpChecks: [],
        smokeTests: [],
        prometheusChecks: presetChecks(),
        window: {
          intervalSeconds: defaults.intervalSeconds,
          timeoutSeconds: defaults.timeoutSeconds
        },
        consecutiveSuccesses: defaults.consecutiveSuccesses,
        failureLimit: defaults.failureLimit,
        consecutiveErrorLimit: defaults.consecutiveErrorLimit
      },
      { prometheus: client }
    )
    if (result.verdict !== 'unhealthy') {
      throw new Error(`the fault was not detected: ${result.reason}`)
    }
    return (performance.now() - faultAt) / 1000
  } finally {
    await load.stop()
    await prom.close()
    await service.close()
    await runtime.stopAll()
    await rm(dir, { recursive: true, force: true })
  }
}

/**
 * The runbook's "roll back now" triggers (5xx > 5 % for 5 minutes, BR-001 for 5 minutes) on the same fault: replayed on backfilled
 * history (30 min healthy, then the fault) by evaluating the triggers every 5 s of query time after the fault's
 * start. Returns seconds from the fault to the first roll-back-now.
 */
async function runbookTriggerDelay(): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-trigger-'))
  const endAt = new Date()
  const faultMinutes = 10
  const healthy: TrafficPhase = {
    seconds: 1800,
    ratePerSecond: 20,
    ...HEALTHY_PROFILE
  }
  await backfill(
    dir,
    syntheticHistory({
      endAt,
      stepSeconds: 5,
      labels: { job: 'product-service', pod: 'product-service-0', ...LABELS },
      phases: [healthy, { ...healthy, seconds: faultMinutes * 60, ...FAULT }]
    })
  )
  const prom = await startPrometheus({ workDir: dir, scrapeTargets: () => [] })
  try {
    const client = new PrometheusClient({ url: prom.url })
    const faultAt = endAt.getTime() - faultMinutes * 60_000
    for (let s = 0; s <= faultMinutes * 60; s += 5) {
      const e = await evaluateRollbackTriggers(client, {
        labels: LABELS,
        baselineP95Seconds: HEALTHY_PROFILE.p95LatencyMs / 1000,
        at: new Date(faultAt + s * 1000)
      })
      if (e.recommendation === 'roll-back-now') return s
    }
    throw new Error('the runbook trigger never fired within the fault window')
  } finally {
    await prom.close()
    await rm(dir, { recursive: true, force: true })
  }
}

/**
 * Time from a fault's start to an `unhealthy` verdict with validate-health's default analysis settings (live, real
 * Prometheus), against the runbook's "5xx > 5 % / BR-001 breach for 5 min → roll back now" triggers on the same fault.
 */
export async function benchHealthDetection(
  options: { iterations?: number } = {}
): Promise<BenchResult> {
  const runs: number[] = []
  for (let i = 0; i < (options.iterations ?? 1); i++)
    runs.push(await liveDetection())
  const baseline = await runbookTriggerDelay()
  const ours = median(runs)
  return {
    name: 'health-detection',
    ours: 'validate-health defaults (interval 10s, presets error-ratio < 1% and p95-latency < 500ms over 5m, failure-limit 0): fault → unhealthy',
    baseline:
      'runbook triggers "5xx > 5% / BR-001 for 5m" (roll back now), same fault, replayed on backfilled history',
    oursValue: Number(ours.toFixed(1)),
    baselineValue: baseline,
    unit: 's',
    ratio: Number((ours / baseline).toFixed(3)),
    goal: 'unhealthy before the runbook trigger fires (ratio < 1)',
    met: ours < baseline,
    notes: `fault: ${FAULT.errorRate * 100}% 5xx, p95 ${FAULT.p95LatencyMs}ms at 20 req/s, scrape 1s; runs: ${runs.map((r) => r.toFixed(1)).join(', ')} s`
  }
}
