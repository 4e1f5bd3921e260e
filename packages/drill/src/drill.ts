import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Logger } from '@rollback-actions/action-kit'
import { startSandbox, type Sandbox } from '@rollback-actions/sandbox'
import type { InputValue } from './engine/workflow.js'
import {
  INFRA_CHANGED_STATE,
  INFRA_FORWARD_ACCEPTED,
  INFRA_ROLLBACK_ACCEPTED,
  infrastructureState,
  prepareInfrastructureStaging,
  type InfrastructureStaging
} from './scenarios/infrastructure.js'
import {
  dispatchWorkflow,
  kubectl,
  sandboxVars
} from './scenarios/sandbox-run.js'
import { runFullScenario } from './scenarios/full.js'
import {
  TARGETS,
  writeReport,
  type DrillReport,
  type StagingAfter,
  type WorkflowDrillReport
} from './report.js'
import { prepareAlertScenario, type AlertScenario } from './scenarios/alert.js'

export const SCENARIOS = [
  'application',
  'database',
  'infrastructure',
  'all',
  'full',
  'full-db-failure',
  // not part of `all`: it starts its own alerting sandbox (Alertmanager, alert-relay)
  'alert'
] as const
export type ScenarioName = (typeof SCENARIOS)[number]

/** The drill workflow `npm run drill` dispatches (workflows-templates/). */
export const DRILL_WORKFLOW = 'rollback-drill.yml'

/** Artifact of rollback-drill.yml's report job holding drill-report.json and drill-report.md. */
export const DRILL_REPORT_ARTIFACT = 'rollback-drill-report'

/**
 * Targets in seconds, passed to rollback-drill.yml's `*-target-seconds` inputs (defaults: TARGETS). The time to
 * detect is held to the workflow's fixed 300 s (the runbook trigger's window).
 */
export interface DrillTargets {
  applicationRtoSeconds: number
  rpoSeconds: number
  systemRtoSeconds: number
}

function lineLogger(say: (line: string) => void): Logger {
  return {
    debug: () => undefined,
    info: (m) => say(m),
    notice: (m) => say(m),
    warning: (m) => say(`warning: ${m}`),
    error: (m) => say(`error: ${m}`),
    group: (name, fn) => {
      say(`== ${name}`)
      return fn()
    },
    secret: () => undefined
  }
}

/**
 * The `workflow_dispatch` inputs of rollback-drill.yml for a scenario: `all` selects every path; the sandbox
 * applies the reviewed infrastructure plan (and rolls forward) with the destructive changes the team accepts.
 */
export function drillInputs(
  scenario: ScenarioName,
  targets: Partial<DrillTargets> = {}
): Record<string, InputValue> {
  const on = (path: ScenarioName) => scenario === 'all' || scenario === path
  const t = { ...TARGETS, ...targets }
  return {
    application: on('application'),
    database: on('database'),
    infrastructure: on('infrastructure'),
    'apply-infrastructure': on('infrastructure'),
    'infrastructure-allow-destroy': INFRA_ROLLBACK_ACCEPTED.join(','),
    'infrastructure-forward-allow-destroy': INFRA_FORWARD_ACCEPTED.join(','),
    'rto-target-seconds': t.applicationRtoSeconds,
    'rpo-target-seconds': t.rpoSeconds,
    'system-rto-target-seconds': t.systemRtoSeconds
  }
}

/** What the drill reads back from staging (the sandbox) before and after the workflow. */
async function readStaging(sandbox: Sandbox): Promise<{
  image: string | null
  connectionString: string | null
  servers: string[]
}> {
  const vars = sandboxVars(sandbox)
  const ns = vars.ROLLBACK_NAMESPACE ?? ''
  const image = await kubectl(sandbox, [
    '-n',
    ns,
    'get',
    `deployment/${vars.DRILL_SERVICE ?? ''}`,
    '-o',
    'jsonpath={.spec.template.spec.containers[0].image}'
  ]).catch(() => '')
  const secret = vars.ROLLBACK_DRILL_DB_SECRET
  const encoded = secret
    ? await kubectl(sandbox, [
        '-n',
        ns,
        'get',
        `secret/${secret}`,
        '-o',
        'jsonpath={.data.connection-string}'
      ]).catch(() => '')
    : ''
  return {
    image: image || null,
    connectionString: encoded
      ? Buffer.from(encoded, 'base64').toString('utf8')
      : null,
    servers: [...(sandbox.database?.arm.servers.keys() ?? [])].sort()
  }
}

/** The host name of a `postgresql://` connection string (no port), or undefined when it is not a URL. */
function connectionHost(connectionString: string): string | undefined {
  try {
    return new URL(connectionString).hostname
  } catch {
    return undefined
  }
}

/**
 * Runs the rollback drill: starts the sandbox (staging), builds staging's infrastructure when the infrastructure
 * path is selected, dispatches `workflows-templates/rollback-drill.yml` through the drill engine (which injects the
 * failures, runs rollback-application.yml / rollback-database.yml / rollback-infrastructure.yml as called workflows,
 * measures them and opens the drill issue and follow-ups in the GitHub emulator), reads the workflow's report
 * artifact, checks that staging is back on its original release, database server and infrastructure, and writes
 * `drill-report.json` and `drill-report.md` into `outDir` (artifact stores under `outDir/artifacts/`) — also when
 * the drill fails or throws.
 * @returns the report; `verdict` is `restored` only when the workflow's report says every selected path met its
 *   checks, no job of any workflow run failed, and staging is back as it was.
 */
export async function runDrill(options: {
  outDir: string
  scenario: ScenarioName
  /** Targets for the workflow inputs (e.g. an impossible RTO of 1 s to see `met: false` and the follow-up). */
  targets?: Partial<DrillTargets>
  onLine?: (line: string) => void
  /** Alert scenario: the longest `for:` of the alerting rules, in seconds (default 10). */
  alertForSeconds?: number
}): Promise<DrillReport> {
  const say = options.onLine ?? (() => undefined)
  const outDir = resolve(options.outDir)
  const report: DrillReport = {
    verdict: 'failed',
    scenario: options.scenario,
    started_at: new Date().toISOString(),
    finished_at: '',
    paths: [],
    system_rto_seconds: null,
    system_rto_target_seconds: null,
    system_rto_met: false,
    from_image: null,
    to_image: null,
    detection_seconds: null,
    rto_seconds: null,
    steps: [],
    workflows: [],
    follow_ups: []
  }
  let sandbox: Sandbox | undefined
  let alert: AlertScenario | undefined
  const workDir = await mkdtemp(join(tmpdir(), 'rollback-drill-'))
  try {
    if (options.scenario === 'alert')
      alert = await prepareAlertScenario({
        onLine: say,
        ...(options.alertForSeconds
          ? { forSeconds: options.alertForSeconds }
          : {})
      })
    say('starting the sandbox (staging)')
    sandbox = await startSandbox({
      outDir: join(outDir, 'sandbox'),
      onLine: say,
      ...alert?.sandboxOptions
    })
    if (alert) {
      // the alert scenario is not part of `all`: its own alerting sandbox, then rollback-on-alert.yml, no person
      say(
        '== alert scenario: Prometheus rules → Alertmanager → alert-relay → rollback-on-alert.yml'
      )
      const {
        workflows,
        alert: fired,
        ...section
      } = await alert.run(sandbox, {
        artifactsRoot: join(outDir, 'artifacts')
      })
      report.alert = fired
      report.detection_seconds = section.detection_seconds
      report.dispatch_seconds = section.dispatch_seconds
      report.from_image = section.from_image
      report.to_image = section.to_image
      report.alert_scenario = { ...section }
      report.workflows.push(...workflows)
      report.steps.push(...section.steps)
      const red = workflows.flatMap((w) =>
        w.jobs
          .filter((j) => j.result !== 'success')
          .map((j) => `${w.file} job ${j.id}: ${j.result}`)
      )
      if (red.length > 0)
        report.error = `jobs not successful: ${red.join('; ')}`
      report.verdict =
        section.verdict === 'restored' && red.length === 0
          ? 'restored'
          : 'failed'
    } else if (
      options.scenario === 'full' ||
      options.scenario === 'full-db-failure'
    ) {
      // one ordered rollback (rollback-full.yml); not part of `all`, which dispatches rollback-drill.yml
      say('== full scenario: rollback-full.yml')
      const failDatabase = options.scenario === 'full-db-failure'
      const { workflows, ...full } = await runFullScenario({
        sandbox,
        artifactsRoot: join(outDir, 'artifacts'),
        failDatabase,
        onLine: say
      })
      report.full = full
      report.stages = full.stages
      report.outcome = full.outcome
      report.workflows.push(...workflows)
      if (full.post_mortem) report.post_mortem = full.post_mortem
      report.steps.push(...full.steps)
      if (full.error) report.error = full.error
      // the variant proves a stopped run reports `partial`; production is not restored, so its verdict is failed
      report.verdict =
        !failDatabase && !full.error && full.outcome === 'restored'
          ? 'restored'
          : 'failed'
    } else {
      const inputs = drillInputs(options.scenario, options.targets)
      let infra: InfrastructureStaging | undefined
      if (inputs.infrastructure === true) {
        say('staging infrastructure: commit B deployed with terraform')
        infra = await prepareInfrastructureStaging(
          join(workDir, 'infrastructure'),
          lineLogger(say)
        )
      }
      const before = await readStaging(sandbox)
      const source = sandboxVars(sandbox).ROLLBACK_DRILL_DB_SERVER ?? ''
      say(`== ${DRILL_WORKFLOW}`)
      const execution = await dispatchWorkflow(
        sandbox,
        DRILL_WORKFLOW,
        inputs,
        {
          artifactsRoot: join(outDir, 'artifacts'),
          secrets: source
            ? {
                DB_ADMIN_PASSWORD:
                  sandbox.database?.arm.adminPassword(source) ?? ''
              }
            : {},
          ...(infra ? infra.dispatch : {}),
          onLine: say
        }
      )
      report.workflows = execution.reports
      report.steps = execution.steps
      const drilled = JSON.parse(
        await readFile(
          join(
            execution.artifactsDir,
            DRILL_REPORT_ARTIFACT,
            'drill-report.json'
          ),
          'utf8'
        )
      ) as WorkflowDrillReport
      report.paths = drilled.paths
      report.system_rto_seconds = drilled.system_rto_seconds
      report.system_rto_target_seconds = drilled.system_rto_target_seconds
      report.system_rto_met = drilled.system_rto_met
      if (drilled.issue) report.post_mortem = drilled.issue
      report.follow_ups = drilled.follow_ups ?? []
      const app = drilled.paths.find((p) => p.name === 'application')
      if (app) {
        report.from_image = (app.from_image as string | null) ?? null
        report.to_image = (app.to_image as string | null) ?? null
        report.detection_seconds = app.detection_seconds
        report.rto_seconds = app.rto_seconds
      }

      const after = await readStaging(sandbox)
      const sourceAddress = source
        ? sandbox.database?.arm.servers.get(source)?.cluster?.address
        : undefined
      const infrastructureBack = infra
        ? JSON.stringify(
            await infrastructureState(
              infra,
              infra.repo.changedCommit,
              join(workDir, 'verify'),
              lineLogger(say)
            )
          ) === JSON.stringify(INFRA_CHANGED_STATE)
        : null
      const staging: StagingAfter = {
        image_before: before.image,
        image_after: after.image,
        database_on_source:
          inputs.database === true
            ? Boolean(
                sourceAddress &&
                after.connectionString &&
                connectionHost(after.connectionString) === sourceAddress
              )
            : null,
        servers_before: before.servers,
        servers_after: after.servers,
        infrastructure_on_live_commit: infrastructureBack,
        restored: false
      }
      staging.restored =
        staging.image_before !== null &&
        staging.image_before === staging.image_after &&
        staging.database_on_source !== false &&
        JSON.stringify(staging.servers_before) ===
          JSON.stringify(staging.servers_after) &&
        staging.infrastructure_on_live_commit !== false
      report.staging = staging

      const red = report.workflows.flatMap((w) =>
        w.jobs
          .filter((j) => j.result === 'failure' || j.result === 'cancelled')
          .map((j) => `${w.file} job ${j.id}: ${j.result}`)
      )
      const problems = [
        ...(drilled.verdict === 'restored'
          ? []
          : [
              `rollback-drill.yml reported ${drilled.verdict}: ${drilled.paths
                .flatMap((p) =>
                  p.checks
                    .filter((c) => !c.met)
                    .map((c) => `${p.name} ${c.name}`)
                )
                .join('; ')}`
            ]),
        ...(red.length > 0 ? [`jobs not successful: ${red.join('; ')}`] : []),
        ...(staging.restored
          ? []
          : ['staging is not back as it was: see staging'])
      ]
      if (problems.length > 0) report.error = problems.join('; ')
      report.verdict = problems.length === 0 ? 'restored' : 'failed'
    }
  } catch (error) {
    report.error = (error as Error).message
    report.verdict = 'failed'
  } finally {
    report.finished_at = new Date().toISOString()
    const paths = await writeReport(outDir, report)
    say(`report: ${paths.markdown}`)
    say(`report: ${paths.json}`)
    await sandbox?.stop()
    await alert?.close()
    await rm(workDir, { recursive: true, force: true })
  }
  say(`drill verdict: ${report.verdict}`)
  return report
}
