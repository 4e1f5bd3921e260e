import { spawn, execFile, type ChildProcess } from 'node:child_process'
import { mkdir, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { Logger } from '@rollback-actions/action-kit'
import { freePort } from '@rollback-actions/emulators'
import type { ScrapeTarget } from '../service/runtime.js'

const execFileAsync = promisify(execFile)

/** Binaries from Debian's `prometheus` package. */
export const PROMETHEUS_BIN =
  process.env.ROLLBACK_PROMETHEUS_BIN ?? '/usr/bin/prometheus'
export const PROMTOOL_BIN =
  process.env.ROLLBACK_PROMTOOL_BIN ?? '/usr/bin/promtool'

export interface PrometheusOptions {
  /** Where config, targets file and TSDB live (`<workDir>/data`); created if missing. */
  workDir: string
  /** Targets to scrape right now (`host:port` or with labels); polled every 500 ms and written for file_sd. */
  scrapeTargets: () => Array<string | ScrapeTarget>
  /** Scrape interval in seconds (default 1). */
  scrapeIntervalSeconds?: number
  /** Scrape job name (default `product-service`): the `job` label. */
  job?: string
  /** Diagnostics (start, target changes, Prometheus' log on failure). */
  log?: Logger
  /** Alerting: rule files Prometheus evaluates and the Alertmanager it sends firing alerts to (API v2). */
  alerting?: PrometheusAlerting
}

/** What Prometheus needs to evaluate alerting rules and notify an Alertmanager. */
export interface PrometheusAlerting {
  /** Rule files (absolute paths), as `rule_files:`. */
  ruleFiles: string[]
  /** Alertmanager base URL, e.g. `http://127.0.0.1:9093`. */
  alertmanagerUrl: string
  /** `global.external_labels` (added to every alert sent), e.g. `{environment: 'production'}`. */
  externalLabels?: Record<string, string>
}

export interface RunningPrometheus {
  /** `http://127.0.0.1:<port>` (no trailing slash). */
  url: string
  /** The TSDB directory. */
  dataDir: string
  /** Writes the file_sd targets now (instead of waiting for the next poll). */
  refreshTargets(): Promise<void>
  /** Kills Prometheus and stops polling. Idempotent. */
  close(): Promise<void>
}

function normalise(t: string | ScrapeTarget): ScrapeTarget {
  return typeof t === 'string' ? { target: t, labels: {} } : t
}

/** file_sd JSON: one group per target so each keeps its labels. */
function fileSd(targets: ScrapeTarget[]): string {
  const groups = targets
    .map(normalise)
    .sort((a, b) => a.target.localeCompare(b.target))
    .map((t) => ({ targets: [t.target], labels: t.labels }))
  return `${JSON.stringify(groups, null, 2)}\n`
}

function configYaml(
  job: string,
  interval: number,
  targetsFile: string,
  alerting?: PrometheusAlerting
): string {
  // configuration/configuration.md (Prometheus 2.42): rule_files, alerting.alertmanagers[].static_configs
  const alertingLines = alerting
    ? [
        `rule_files: ${JSON.stringify(alerting.ruleFiles)}`,
        'alerting:',
        '  alertmanagers:',
        `    - scheme: ${new URL(alerting.alertmanagerUrl).protocol.replace(':', '')}`,
        '      api_version: v2',
        `      static_configs: [{ targets: [${JSON.stringify(new URL(alerting.alertmanagerUrl).host)}] }]`
      ]
    : []
  const external = Object.entries(alerting?.externalLabels ?? {})
  return [
    'global:',
    `  scrape_interval: ${interval}s`,
    `  evaluation_interval: ${interval}s`,
    `  scrape_timeout: ${interval}s`,
    ...(external.length > 0
      ? [
          '  external_labels:',
          ...external.map(([k, v]) => `    ${k}: ${JSON.stringify(v)}`)
        ]
      : []),
    ...alertingLines,
    'scrape_configs:',
    `  - job_name: ${JSON.stringify(job)}`,
    '    file_sd_configs:',
    `      - files: [${JSON.stringify(targetsFile)}]`,
    '        refresh_interval: 5s',
    ''
  ].join('\n')
}

async function waitReady(
  url: string,
  child: ChildProcess,
  ms: number
): Promise<boolean> {
  const deadline = Date.now() + ms
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) return false
    try {
      const r = await fetch(`${url}/-/ready`, {
        signal: AbortSignal.timeout(1000)
      })
      await r.arrayBuffer()
      if (r.ok) return true
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50))
  }
  return false
}

/**
 * Starts the real Prometheus (`/usr/bin/prometheus`, Debian 2.42) on a free loopback port with a generated config:
 * one scrape job whose targets come from a file_sd file rewritten whenever `scrapeTargets()` changes. Waits for
 * `/-/ready`. A port taken between choosing and binding is retried (3 attempts).
 * @throws Error with Prometheus' last log lines when it does not become ready within 15 s.
 */
export async function startPrometheus(
  options: PrometheusOptions
): Promise<RunningPrometheus> {
  const interval = options.scrapeIntervalSeconds ?? 1
  const dataDir = join(options.workDir, 'data')
  const targetsFile = join(options.workDir, 'targets.json')
  const configFile = join(options.workDir, 'prometheus.yml')
  await mkdir(dataDir, { recursive: true })
  let written = ''
  const writeTargets = async () => {
    const text = fileSd(options.scrapeTargets().map(normalise))
    if (text === written) return
    written = text
    const tmp = `${targetsFile}.tmp`
    await writeFile(tmp, text)
    await rename(tmp, targetsFile)
    options.log?.debug(`prometheus targets: ${text.replace(/\s+/g, ' ')}`)
  }
  await writeTargets()
  await writeFile(
    configFile,
    configYaml(
      options.job ?? 'product-service',
      interval,
      targetsFile,
      options.alerting
    )
  )

  let lastError = ''
  for (let attempt = 1; attempt <= 3; attempt++) {
    const port = await freePort()
    const url = `http://127.0.0.1:${port}`
    const child = spawn(
      PROMETHEUS_BIN,
      [
        `--config.file=${configFile}`,
        `--storage.tsdb.path=${dataDir}`,
        `--web.listen-address=127.0.0.1:${port}`,
        '--storage.tsdb.retention.time=30d',
        '--log.level=warn'
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] }
    )
    const stderr: string[] = []
    child.stderr?.on('data', (b: Buffer) => {
      stderr.push(b.toString('utf8'))
      if (stderr.length > 200) stderr.shift()
    })
    const exited = new Promise<void>((resolve) =>
      child.once('exit', () => resolve())
    )
    child.once('error', (e) => stderr.push(String(e)))
    if (await waitReady(url, child, 15_000)) {
      let closed = false
      const poll = setInterval(() => {
        writeTargets().catch((e: unknown) =>
          options.log?.warning(
            `cannot write Prometheus targets: ${(e as Error).message}`
          )
        )
      }, 500)
      return {
        url,
        dataDir,
        refreshTargets: writeTargets,
        close: async () => {
          if (closed) return
          closed = true
          clearInterval(poll)
          if (child.exitCode === null && child.signalCode === null) {
            child.kill('SIGTERM')
            const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
            await exited
            clearTimeout(timer)
          }
        }
      }
    }
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL')
    }
    await exited
    lastError = stderr.join('').trim().split('\n').slice(-5).join('\n')
    if (!/address already in use/.test(lastError)) break
  }
  throw new Error(
    `Prometheus did not become ready: ${lastError || 'no output'}`
  )
}

/**
 * Writes history into a Prometheus data directory before Prometheus starts, with
 * `promtool tsdb create-blocks-from openmetrics` (exact and queryable at once; no waiting for scrapes).
 * @param workDir the same directory later given to {@link startPrometheus} (blocks go to `<workDir>/data`).
 * @param openMetrics OpenMetrics text ending in `# EOF` (see {@link syntheticHistory}).
 * @throws Error with promtool's message when the text is refused.
 */
export async function backfill(
  workDir: string,
  openMetrics: string
): Promise<void> {
  const dataDir = join(workDir, 'data')
  await mkdir(dataDir, { recursive: true })
  const file = join(workDir, `backfill-${Date.now()}.om`)
  await writeFile(
    file,
    openMetrics.endsWith('# EOF\n')
      ? openMetrics
      : `${openMetrics.replace(/\n?$/, '\n')}# EOF\n`
  )
  try {
    await execFileAsync(
      PROMTOOL_BIN,
      ['tsdb', 'create-blocks-from', 'openmetrics', file, dataDir],
      {
        maxBuffer: 16 * 1024 * 1024
      }
    )
  } catch (error) {
    const e = error as { stderr?: string; message: string }
    throw new Error(
      `promtool refused the backfill: ${(e.stderr ?? e.message).trim().split('\n').slice(-3).join(' ')}`
    )
  }
}

/** One phase of synthetic traffic. */
export interface TrafficPhase {
  /** Seconds from the phase start to its end. */
  seconds: number
  /** Requests per second. */
  ratePerSecond: number
  /** Share of 5xx answers (0.1 = 10 %). */
  errorRate: number
  /** 95th percentile latency, milliseconds. */
  p95LatencyMs: number
}

const BUCKETS = [
  0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.75, 1, 1.5,
  2, 3, 5, 10
]

/** Share of an exponential latency distribution with 95th percentile `p95` (seconds) at or below `le`. */
function cdf(le: number, p95: number): number {
  const mean = p95 / Math.log(20)
  return 1 - Math.exp(-le / mean)
}

function labelText(labels: Record<string, string>): string {
  return Object.entries(labels)
    .map(([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`)
    .join(',')
}

/**
 * OpenMetrics history of the product-service's metrics (`http_requests_total` counters and the
 * `http_request_duration_seconds` histogram, route `/api/products`), deterministic: the counters grow by exactly
 * the phase's rate, error share and latency distribution. Use with {@link backfill}.
 * @param endAt the time of the last sample (UTC); phases are laid back to back ending there.
 * @param labels target labels (e.g. `{job:'product-service', namespace:'prod', service:'product-service', pod:'…'}`).
 * @param stepSeconds sample spacing (default 15).
 */
export function syntheticHistory(options: {
  endAt: Date
  phases: TrafficPhase[]
  labels: Record<string, string>
  stepSeconds?: number
  /** Also write `up` = 1 samples (default true). */
  up?: boolean
}): string {
  const step = options.stepSeconds ?? 15
  const total = options.phases.reduce((s, p) => s + p.seconds, 0)
  const endS = Math.floor(options.endAt.getTime() / 1000)
  const startS = endS - total
  const times: number[] = []
  for (let t = startS; t <= endS; t += step) times.push(t)
  const phaseAt = (t: number): TrafficPhase => {
    let acc = startS
    for (const p of options.phases) {
      acc += p.seconds
      if (t <= acc) return p
    }
    return options.phases[options.phases.length - 1]!
  }
  // Integrate counters over time.
  let ok = 0
  let err = 0
  const okBuckets = BUCKETS.map(() => 0)
  const errBuckets = BUCKETS.map(() => 0)
  let okSum = 0
  let errSum = 0
  const rows: Array<{
    t: number
    ok: number
    err: number
    okB: number[]
    errB: number[]
    okSum: number
    errSum: number
  }> = []
  let prev = startS
  for (const t of times) {
    const p = phaseAt(t)
    const n = p.ratePerSecond * (t - prev)
    const p95 = p.p95LatencyMs / 1000
    const mean = p95 / Math.log(20)
    ok += n * (1 - p.errorRate)
    err += n * p.errorRate
    BUCKETS.forEach((le, i) => {
      okBuckets[i] = okBuckets[i]! + n * (1 - p.errorRate) * cdf(le, p95)
      errBuckets[i] = errBuckets[i]! + n * p.errorRate * cdf(le, p95)
    })
    okSum += n * (1 - p.errorRate) * mean
    errSum += n * p.errorRate * mean
    rows.push({
      t,
      ok,
      err,
      okB: [...okBuckets],
      errB: [...errBuckets],
      okSum,
      errSum
    })
    prev = t
  }
  const base = options.labels
  const route = { method: 'GET', route: '/api/products' }
  const lines: string[] = []
  const series = (
    name: string,
    labels: Record<string, string>,
    pick: (r: (typeof rows)[number]) => number
  ) => {
    const l = labelText({ ...base, ...labels })
    for (const r of rows)
      lines.push(`${name}{${l}} ${pick(r).toFixed(6)} ${r.t}`)
  }
  lines.push(
    '# TYPE http_requests_total counter',
    '# HELP http_requests_total HTTP requests answered.'
  )
  series('http_requests_total', { code: '200', ...route }, (r) => r.ok)
  series('http_requests_total', { code: '500', ...route }, (r) => r.err)
  lines.push(
    '# TYPE http_request_duration_seconds histogram',
    '# HELP http_request_duration_seconds HTTP request latency in seconds.'
  )
  for (const [code, b, sum, count] of [
    [
      '200',
      (r: (typeof rows)[number]) => r.okB,
      (r: (typeof rows)[number]) => r.okSum,
      (r: (typeof rows)[number]) => r.ok
    ],
    [
      '500',
      (r: (typeof rows)[number]) => r.errB,
      (r: (typeof rows)[number]) => r.errSum,
      (r: (typeof rows)[number]) => r.err
    ]
  ] as const) {
    BUCKETS.forEach((le, i) =>
      series(
        'http_request_duration_seconds_bucket',
        { code, ...route, le: String(le) },
        (r) => b(r)[i]!
      )
    )
    series(
      'http_request_duration_seconds_bucket',
      { code, ...route, le: '+Inf' },
      count
    )
    series('http_request_duration_seconds_sum', { code, ...route }, sum)
    series('http_request_duration_seconds_count', { code, ...route }, count)
  }
  if (options.up !== false) {
    lines.push('# TYPE up gauge', '# HELP up Scrape target health.')
    series('up', {}, () => 1)
  }
  lines.push('# EOF')
  return `${lines.join('\n')}\n`
}
