import https from 'node:https'
import type { Logger } from '@rollback-actions/action-kit'
import type { Sandbox } from '@rollback-actions/sandbox'
import type { WorkflowReport } from '../engine/execute.js'
import { TARGETS } from '../report.js'
import { dispatchWorkflow } from './sandbox-run.js'

/** One step of the database scenario. */
export interface DatabaseScenarioStep {
  name: string
  /** UTC ISO-8601. */
  started_at: string
  finished_at: string
  outcome: 'succeeded' | 'failed'
  note?: string
}

/** The database section of the drill report (field names are part of the product). */
export interface DatabaseReport {
  verdict: 'restored' | 'failed'
  source_server: string
  restored_server: string | null
  /** The restore point T (UTC ISO-8601). */
  restore_point: string | null
  /** Seconds the pitr-restore action took (request to Ready). */
  restore_seconds: number | null
  /** Seconds between T and the destructive migration (data written in between is lost). */
  data_loss_window_seconds: number | null
  rpo_seconds: number
  rpo_met: boolean
  /** Every marker row written before T is served by product-service on the restored server. */
  rows_before_present: boolean
  /** No marker row written after T is served. */
  rows_after_absent: boolean
  /** The column the migration dropped is back. */
  dropped_column_restored: boolean
  /** Mutating ARM requests sent for the source server during the scenario (must be 0). */
  source_server_writes: number
  steps: DatabaseScenarioStep[]
  error?: string
}

export interface DatabaseScenarioOptions {
  /** The running sandbox (its database services: ARM emulator with real PostgreSQL, GitHub REST emulator). */
  sandbox: Sandbox
  /** Where each workflow run keeps its artifacts. */
  artifactsRoot: string
  log: Logger
  onLine?: (line: string) => void
  /** Source server and database (default: the first server of the emulator, its first database). */
  sourceServer?: string
  /** Deployment that reads Secret `product-service-db` (default: the scenario's service). */
  namespace?: string
  deployment?: string
  secretName?: string
}

interface DataAnswer {
  table: string
  columns: string[]
  rows: Array<Record<string, unknown>>
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** GET `<serviceUrl>/data`, trusting the sandbox CA. @throws Error on a non-200 answer. */
async function fetchData(
  serviceUrl: string,
  caPem: string
): Promise<DataAnswer> {
  return new Promise((resolve, reject) => {
    const req = https.get(
      `${serviceUrl}/data`,
      { ca: caPem, timeout: 10_000 },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (c: string) => (body += c))
        res.on('end', () => {
          if (res.statusCode !== 200)
            reject(
              new Error(
                `GET /data answered ${res.statusCode ?? '?'}: ${body.slice(0, 300)}`
              )
            )
          else {
            try {
              resolve(JSON.parse(body) as DataAnswer)
            } catch (error) {
              reject(error instanceof Error ? error : new Error(String(error)))
            }
          }
        })
      }
    )
    req.on('timeout', () => req.destroy(new Error('GET /data timed out')))
    req.on('error', reject)
  })
}

/** Polls `/data` until `accept` holds (pods keep serving the old value until the restart finishes). */
async function dataUntil(
  serviceUrl: string,
  caPem: string,
  accept: (d: DataAnswer) => boolean,
  timeoutMs = 30_000
): Promise<DataAnswer> {
  const deadline = Date.now() + timeoutMs
  let last: unknown
  for (;;) {
    try {
      const d = await fetchData(serviceUrl, caPem)
      if (accept(d)) return d
      last = new Error(
        `served columns ${d.columns.join(',')} and ${d.rows.length} rows`
      )
    } catch (error) {
      last = error
    }
    if (Date.now() > deadline)
      throw last instanceof Error ? last : new Error(String(last))
    await sleep(250)
  }
}

/**
 * The drill's database scenario: product-service is checked to serve the source server, marker rows are written,
 * time T is noted, a destructive migration runs (`ALTER TABLE orders DROP COLUMN customer_note`) and more rows follow;
 * then `rollback-database.yml` is dispatched (restore point T) and runs job by job: plan (consumers checked, dry-run
 * restore), approved PITR to a new server, secret swap with a rollout restart of product-service, health validation,
 * report. `/data` of product-service proves the result: rows before T present, rows after T absent, column back.
 * Never throws: failures end in `verdict: failed` with `error` and the steps done so far.
 */
export async function runDatabaseScenario(
  options: DatabaseScenarioOptions
): Promise<DatabaseReport & { workflows: WorkflowReport[] }> {
  const { sandbox, log } = options
  const workflows: WorkflowReport[] = []
  const services = sandbox.database
  const arm = services?.arm
  const sourceServer =
    options.sourceServer ?? [...(arm?.servers.keys() ?? [])][0] ?? 'prod-db'
  const namespace = options.namespace ?? sandbox.scenario.service.namespace
  const deployment = options.deployment ?? sandbox.scenario.service.deployment
  const secretName = options.secretName ?? 'product-service-db'
  const serviceUrl = sandbox.env.SANDBOX_SERVICE_URL ?? ''
  const caPem = sandbox.caPem
  const steps: DatabaseScenarioStep[] = []
  const report: DatabaseReport = {
    verdict: 'failed',
    source_server: sourceServer,
    restored_server: null,
    restore_point: null,
    restore_seconds: null,
    data_loss_window_seconds: null,
    rpo_seconds: TARGETS.rpoSeconds,
    rpo_met: false,
    rows_before_present: false,
    rows_after_absent: false,
    dropped_column_restored: false,
    source_server_writes: 0,
    steps
  }
  const mark = sandbox.requests.mark()
  const step = async <T>(
    name: string,
    fn: () => Promise<{ value: T; note?: string }>
  ): Promise<T> => {
    const started_at = new Date().toISOString()
    log.info(`database: ${name}`)
    try {
      const { value, note } = await fn()
      steps.push({
        name,
        started_at,
        finished_at: new Date().toISOString(),
        outcome: 'succeeded',
        ...(note ? { note } : {})
      })
      return value
    } catch (error) {
      steps.push({
        name,
        started_at,
        finished_at: new Date().toISOString(),
        outcome: 'failed',
        note: (error as Error).message
      })
      throw error
    }
  }
  try {
    const source = arm?.servers.get(sourceServer)
    if (!arm || !source?.cluster)
      throw new Error(`source server ${sourceServer} has no PostgreSQL cluster`)
    const cluster = source.cluster
    const database = source.databases[0] ?? 'app'

    await step(
      'Baseline: product-service serves the source server',
      async () => {
        const d = await dataUntil(serviceUrl, caPem, (a) =>
          a.columns.includes('customer_note')
        )
        return {
          value: undefined,
          note: `/data serves ${d.rows.length} rows from ${sourceServer}`
        }
      }
    )

    const before = ['drill-before-1', 'drill-before-2', 'drill-before-3']
    const after = ['drill-after-1', 'drill-after-2']
    await step('Write marker rows before T', async () => {
      for (const m of before)
        await cluster.query(
          database,
          'INSERT INTO orders (marker, customer_note) VALUES ($1, $2)',
          [m, `note for ${m}`]
        )
      return { value: undefined, note: before.join(', ') }
    })
    await sleep(1100)
    const t = new Date()
    report.restore_point = t.toISOString()
    await sleep(1100)
    const failureTime = await step(
      'Destructive migration (ALTER TABLE orders DROP COLUMN customer_note)',
      async () => {
        const at = new Date()
        await cluster.query(
          database,
          'ALTER TABLE orders DROP COLUMN customer_note'
        )
        return { value: at, note: `at ${at.toISOString()}` }
      }
    )
    await step('Write marker rows after the migration', async () => {
      for (const m of after)
        await cluster.query(
          database,
          'INSERT INTO orders (marker) VALUES ($1)',
          [m]
        )
      return { value: undefined, note: after.join(', ') }
    })

    const execution = await step(
      'rollback-database.yml (plan, PITR to T, secret swap, validate, report)',
      async () => {
        const run = await dispatchWorkflow(
          sandbox,
          'rollback-database.yml',
          {
            environment: 'staging',
            'source-server': sourceServer,
            'restore-point': t.toISOString(),
            'failure-time': failureTime.toISOString(),
            database,
            consumers: `${namespace}/${deployment}`,
            'secret-name': secretName
          },
          {
            artifactsRoot: options.artifactsRoot,
            secrets: { DB_ADMIN_PASSWORD: arm.adminPassword(sourceServer) },
            ...(options.onLine ? { onLine: options.onLine } : {})
          }
        )
        workflows.push(...run.reports)
        if (run.status !== 'success') {
          const failed = run.steps.find((s) => s.outcome === 'failed')
          throw new Error(
            `the workflow failed at ${failed?.job ?? '?'} / ${failed?.name ?? '?'}: ${failed?.note ?? ''}`
          )
        }
        return {
          value: run,
          note: `restored ${run.jobs.restore?.outputs['server-name'] ?? '?'}; verdict ${run.jobs.validate?.outputs.verdict ?? '?'}`
        }
      }
    )
    report.restored_server =
      execution.jobs.restore?.outputs['server-name'] || null
    const restoreStep = execution.steps.find(
      (s) => s.job === 'restore' && s.action === 'pitr-restore'
    )
    report.restore_seconds = restoreStep
      ? Math.round(
          (Date.parse(restoreStep.finished_at) -
            Date.parse(restoreStep.started_at)) /
            100
        ) / 10
      : null
    const window = execution.jobs.plan?.outputs['data-loss-window-seconds']
    report.data_loss_window_seconds = window ? Number(window) : null
    report.rpo_met =
      report.data_loss_window_seconds !== null &&
      report.data_loss_window_seconds <= TARGETS.rpoSeconds

    const served = await step(
      'Validate /data of product-service on the restored server',
      async () => {
        const d = await dataUntil(
          serviceUrl,
          caPem,
          (a) =>
            a.columns.includes('customer_note') &&
            a.rows.some((r) => r.marker === before[0])
        )
        return {
          value: d,
          note: `columns ${d.columns.join(', ')}; ${d.rows.length} rows`
        }
      }
    )
    const markers = new Set(served.rows.map((r) => String(r.marker)))
    report.rows_before_present = before.every((m) => markers.has(m))
    report.rows_after_absent = after.every((m) => !markers.has(m))
    report.dropped_column_restored = served.columns.includes('customer_note')
  } catch (error) {
    report.error = (error as Error).message
  }
  report.source_server_writes = sandbox.requests
    .writes('arm', mark)
    .filter((e) =>
      new RegExp(`/flexibleServers/${sourceServer}(\\?|$)`, 'i').test(e.path)
    ).length
  report.verdict =
    !report.error &&
    report.rows_before_present &&
    report.rows_after_absent &&
    report.dropped_column_restored &&
    report.rpo_met &&
    report.source_server_writes === 0
      ? 'restored'
      : 'failed'
  if (report.verdict === 'failed' && !report.error)
    report.error =
      'the restored data did not match: see rows_before_present, rows_after_absent, dropped_column_restored, rpo_met, source_server_writes'
  return { ...report, workflows }
}
