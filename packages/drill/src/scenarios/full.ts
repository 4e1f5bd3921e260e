import https from 'node:https'
import type { Sandbox } from '@rollback-actions/sandbox'
import type { DrillStep, WorkflowReport } from '../engine/execute.js'
import { dispatchWorkflow, kubectl } from './sandbox-run.js'

/** The runbook's target for a full rollback (traffic, database, data integrity): 15 minutes. */
export const FULL_ROLLBACK_TARGET_SECONDS = 900

/** The procedure's order (the report lists the stages in it). */
export const FULL_STAGES = [
  'feature-flags',
  'services',
  'configuration',
  'database',
  'infrastructure'
] as const
export type FullStageName = (typeof FULL_STAGES)[number]

/** One stage of `rollback-full.yml` as `drill-report.json` records it (field names are part of the product). */
export interface FullStage {
  name: FullStageName
  outcome: 'succeeded' | 'failed' | 'skipped' | 'not-reached'
  /** UTC ISO-8601; null when the stage did not run. */
  started_at: string | null
  finished_at: string | null
}

/** The full scenario's part of the report: `stages[]` and `outcome` go to the top level too. */
export interface FullReport {
  outcome: 'restored' | 'partial' | 'failed'
  stages: FullStage[]
  /** Stages rolled back, and in-scope stages that failed or were not reached. */
  done: FullStageName[]
  not_done: FullStageName[]
  /** Seconds from the rollback job's start (after the approval) to the report. */
  rollback_seconds: number | null
  within_target: boolean
  /** Facts checked in the sandbox after the run. */
  checks: {
    flag_off: boolean
    configuration_restored: boolean
    service_on_stable: boolean
    dropped_column_restored: boolean
  }
  /** The database failure the drill injected (variant `full-db-failure`). */
  injected_failure?: string
  post_mortem?: { url: string; number: number }
  steps: DrillStep[]
  error?: string
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const FLAG_KEY = '.appconfig.featureflag/new-checkout'
const LABEL = 'prod'

/** GET `<url>` trusting the sandbox CA; resolves status and body. */
function get(
  url: string,
  caPem: string
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    https
      .get(url, { ca: caPem, timeout: 10_000 }, (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (c: string) => (body += c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
      })
      .on('error', reject)
  })
}

/**
 * The drill's full scenario: a release turns feature flag `new-checkout` on, changes the checkout configuration in App
 * Configuration, ships the broken image and runs a destructive migration (`DROP COLUMN customer_note`); then
 * `rollback-full.yml` is dispatched with all of it in scope and runs job by job — one plan, one approval, then flags
 * off, services back to the previous stable image, configuration back to the moment before the release, PITR of the
 * database to that moment with the apps repointed — and reports each stage. With `failDatabase` the ARM emulator fails
 * the restore, and the run must end `partial`, naming the stages done and those not.
 * Never throws: failures end in `outcome: failed` with `error`.
 */
export async function runFullScenario(options: {
  sandbox: Sandbox
  artifactsRoot: string
  failDatabase?: boolean
  onLine?: (line: string) => void
}): Promise<FullReport & { workflows: WorkflowReport[] }> {
  const { sandbox } = options
  const say = options.onLine ?? (() => undefined)
  const workflows: WorkflowReport[] = []
  const steps: DrillStep[] = []
  const report: FullReport = {
    outcome: 'failed',
    stages: FULL_STAGES.map((name) => ({
      name,
      outcome: 'not-reached',
      started_at: null,
      finished_at: null
    })),
    done: [],
    not_done: [],
    rollback_seconds: null,
    within_target: false,
    checks: {
      flag_off: false,
      configuration_restored: false,
      service_on_stable: false,
      dropped_column_restored: false
    },
    steps
  }
  const step = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const started_at = new Date().toISOString()
    say(`full: ${name}`)
    try {
      const value = await fn()
      steps.push({
        name,
        started_at,
        finished_at: new Date().toISOString(),
        outcome: 'succeeded'
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
    const store = sandbox.appConfiguration
    const arm = sandbox.database?.arm
    if (!store) throw new Error('the scenario has no appConfiguration section')
    if (!arm) throw new Error('the scenario has no database section')
    const serverName = sandbox.scenario.database?.servers[0]?.name ?? ''
    const source = arm.servers.get(serverName)
    const cluster = source?.cluster
    if (!cluster) throw new Error(`server ${serverName} has no cluster`)
    const database = source.databases[0] ?? 'app'
    const { namespace, deployment } = sandbox.scenario.service
    const spec = sandbox.scenario.kubernetes.deployments.find(
      (d) => d.namespace === namespace && d.name === deployment
    )
    const broken = sandbox.scenario.registry.repositories
      .find((r) => r.name === spec?.repository)
      ?.tags.find((t) => t.broken)
    if (!spec || !broken) throw new Error('the scenario has no broken release')
    const stableTag = spec.history.at(-1) ?? ''
    const before = {
      flag: store.get(FLAG_KEY, LABEL)?.value,
      timeout: store.get('app/checkout/timeout-ms', LABEL)?.value,
      provider: store.get('app/checkout/payment-provider', LABEL)?.value
    }

    await step('Write marker rows before the release (T)', async () => {
      await cluster.query(
        database,
        "INSERT INTO orders (marker, customer_note) VALUES ('full-before', 'before the release')"
      )
    })
    await sleep(1100)
    const t = new Date()
    await sleep(1100)
    const failureTime = await step(
      'The release: flag on, configuration changed, broken image, destructive migration',
      async () => {
        store.set({
          key: FLAG_KEY,
          label: LABEL,
          contentType:
            'application/vnd.microsoft.appconfig.ff+json;charset=utf-8',
          value: JSON.stringify({
            id: 'new-checkout',
            enabled: true,
            conditions: {
              client_filters: [
                { name: 'Microsoft.Percentage', parameters: { Value: 100 } }
              ]
            }
          })
        })
        store.set({
          key: 'app/checkout/timeout-ms',
          label: LABEL,
          value: '200'
        })
        store.set({
          key: 'app/checkout/payment-provider',
          label: LABEL,
          value: 'stripe-v2-beta'
        })
        store.set({
          key: 'app/checkout/retry-budget',
          label: LABEL,
          value: '0'
        })
        await kubectl(sandbox, [
          '-n',
          namespace,
          'set',
          'image',
          `deployment/${deployment}`,
          `${spec.container}=${sandbox.env.SANDBOX_REGISTRY ?? ''}/${spec.repository}:${broken.name}`
        ])
        const at = new Date()
        await cluster.query(
          database,
          'ALTER TABLE orders DROP COLUMN customer_note'
        )
        await cluster.query(
          database,
          "INSERT INTO orders (marker) VALUES ('full-after')"
        )
        return at
      }
    )
    if (options.failDatabase) {
      arm.injectFault({ kind: 'operation-fails' })
      report.injected_failure =
        'the ARM emulator fails the point-in-time restore operation'
    }

    const issuesBefore = sandbox.database?.github.issues.length ?? 0
    const run = await step('rollback-full.yml', async () => {
      const r = await dispatchWorkflow(
        sandbox,
        'rollback-full.yml',
        {
          environment: 'staging',
          flags: 'new-checkout',
          'app-configuration-label': LABEL,
          service: deployment,
          'config-key-filter': 'app/checkout/*',
          'config-point-in-time': t.toISOString(),
          'db-restore-point': t.toISOString(),
          'db-failure-time': failureTime.toISOString()
        },
        {
          artifactsRoot: options.artifactsRoot,
          secrets: { DB_ADMIN_PASSWORD: arm.adminPassword(serverName) },
          onLine: say
        }
      )
      workflows.push(...r.reports)
      return r
    })
    steps.push(...run.steps)
    const issue = sandbox.database?.github.issues[issuesBefore]
    if (issue)
      report.post_mortem = { url: issue.html_url, number: issue.number }

    // Stages: the outcome the workflow's report job computed; the times from the steps that ran each stage.
    let outcomes: { name: string; outcome: FullStage['outcome'] }[] = []
    try {
      outcomes = JSON.parse(run.jobs.report?.outputs.stages ?? '[]') as {
        name: string
        outcome: FullStage['outcome']
      }[]
    } catch {
      outcomes = []
    }
    const prefix: Record<FullStageName, string> = {
      'feature-flags': '1. feature-flags',
      services: '2. services',
      configuration: '3. configuration',
      database: '4. database',
      infrastructure: '5. infrastructure'
    }
    report.stages = FULL_STAGES.map((name) => {
      const ran = run.steps.filter(
        (s) =>
          (s.job === 'rollback' || s.job === 'infrastructure') &&
          s.name.startsWith(prefix[name]) &&
          s.outcome !== 'skipped'
      )
      const outcome =
        outcomes.find((o) => o.name === name)?.outcome ?? 'not-reached'
      return {
        name,
        outcome,
        started_at: ran[0]?.started_at ?? null,
        finished_at: ran.at(-1)?.finished_at ?? null
      }
    })
    const o = run.jobs.report?.outputs.outcome
    report.outcome = o === 'restored' || o === 'partial' ? o : 'failed'
    report.done = report.stages
      .filter((s) => s.outcome === 'succeeded')
      .map((s) => s.name)
    report.not_done = report.stages
      .filter((s) => s.outcome === 'failed' || s.outcome === 'not-reached')
      .map((s) => s.name)
    const rollbackSteps = run.steps.filter((s) => s.job === 'rollback')
    const first = rollbackSteps[0]?.started_at
    const last = run.steps.at(-1)?.finished_at
    report.rollback_seconds =
      first && last
        ? Math.round((Date.parse(last) - Date.parse(first)) / 100) / 10
        : null
    report.within_target =
      report.rollback_seconds !== null &&
      report.rollback_seconds <= FULL_ROLLBACK_TARGET_SECONDS

    await step('Check the sandbox after the run', async () => {
      const flag = JSON.parse(store.get(FLAG_KEY, LABEL)?.value ?? '{}') as {
        enabled?: boolean
      }
      report.checks.flag_off = flag.enabled === false
      report.checks.configuration_restored =
        store.get('app/checkout/timeout-ms', LABEL)?.value === before.timeout &&
        store.get('app/checkout/payment-provider', LABEL)?.value ===
          before.provider &&
        store.get('app/checkout/retry-budget', LABEL) === undefined
      const image = await kubectl(sandbox, [
        '-n',
        namespace,
        'get',
        `deployment/${deployment}`,
        '-o',
        `jsonpath={.spec.template.spec.containers[?(@.name=="${spec.container}")].image}`
      ])
      const version = await get(
        `${sandbox.env.SANDBOX_SERVICE_URL ?? ''}/version`,
        sandbox.caPem
      ).catch(() => ({ status: 0, body: '' }))
      report.checks.service_on_stable =
        image.includes(spec.repository) &&
        version.status === 200 &&
        version.body.includes(stableTag)
      const data = await get(
        `${sandbox.env.SANDBOX_SERVICE_URL ?? ''}/data`,
        sandbox.caPem
      ).catch(() => ({ status: 0, body: '' }))
      report.checks.dropped_column_restored =
        data.status === 200 && data.body.includes('customer_note')
    })
    const expected = options.failDatabase ? 'partial' : 'restored'
    if (report.outcome !== expected)
      report.error = `rollback-full.yml ended ${report.outcome}, expected ${expected}: ${report.stages.map((s) => `${s.name} ${s.outcome}`).join(', ')}`
    else if (!report.checks.flag_off || !report.checks.configuration_restored)
      report.error = `the flag or the configuration is not back: ${JSON.stringify(report.checks)}`
    else if (!report.checks.service_on_stable)
      report.error = `product-service does not run ${stableTag}`
    else if (!options.failDatabase && !report.checks.dropped_column_restored)
      report.error = 'the dropped column is not served again'
    else if (!report.within_target)
      report.error = `the rollback took ${String(report.rollback_seconds)} s, over the ${FULL_ROLLBACK_TARGET_SECONDS} s target`
    else if (!report.post_mortem)
      report.error = 'the workflow opened no post-mortem issue'
  } catch (error) {
    report.error = (error as Error).message
  }
  return { ...report, workflows }
}
