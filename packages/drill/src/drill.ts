import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Logger } from '@rollback-actions/action-kit'
import { startSandbox, type Sandbox } from '@rollback-actions/sandbox'
import { prepareAlertScenario, type AlertScenario } from './scenarios/alert.js'
import { runApplicationScenario } from './scenarios/application.js'
import { runDatabaseScenario } from './scenarios/database.js'
import { runInfrastructureScenario } from './scenarios/infrastructure.js'
import { writeReport, type DrillReport } from './report.js'

export const SCENARIOS = [
  'application',
  'database',
  'infrastructure',
  'all',
  // not part of `all`: it starts its own alerting sandbox (Alertmanager, alert-relay)
  'alert'
] as const
export type ScenarioName = (typeof SCENARIOS)[number]

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
 * Runs a rollback drill: starts the sandbox, runs each scenario (its simulated failure, then its rollback workflow
 * file job by job), and writes `drill-report.json` and `drill-report.md` into `outDir` (artifact stores under
 * `outDir/artifacts/`) — also when a scenario fails or throws.
 * @returns the report; its `verdict` is `restored` only when every scenario run succeeded and every job of every
 *   workflow run ended `success`.
 */
export async function runDrill(options: {
  outDir: string
  scenario: ScenarioName
  onLine?: (line: string) => void
  /** Alert scenario: the longest `for:` of the alerting rules, in seconds (default 10). */
  alertForSeconds?: number
}): Promise<DrillReport> {
  const say = options.onLine ?? (() => undefined)
  const outDir = resolve(options.outDir)
  const wants = (s: ScenarioName) =>
    options.scenario === s || options.scenario === 'all'
  const report: DrillReport = {
    verdict: 'failed',
    scenario: options.scenario,
    started_at: new Date().toISOString(),
    finished_at: '',
    from_image: null,
    to_image: null,
    detection_seconds: null,
    rto_seconds: null,
    steps: [],
    workflows: []
  }
  let sandbox: Sandbox | undefined
  let alert: AlertScenario | undefined
  const workDir = await mkdtemp(join(tmpdir(), 'rollback-drill-'))
  const artifactsRoot = join(outDir, 'artifacts')
  try {
    if (options.scenario === 'alert')
      alert = await prepareAlertScenario({
        onLine: say,
        ...(options.alertForSeconds
          ? { forSeconds: options.alertForSeconds }
          : {})
      })
    say('starting the sandbox')
    sandbox = await startSandbox({
      outDir: join(outDir, 'sandbox'),
      onLine: say,
      ...alert?.sandboxOptions
    })
    const sb = sandbox
    const results: boolean[] = []
    if (wants('application')) {
      say('== application scenario: rollback-application.yml')
      const { workflows, ...app } = await runApplicationScenario(sb, {
        artifactsRoot,
        onLine: say
      })
      report.application = app
      report.workflows.push(...workflows)
      report.from_image = app.from_image
      report.to_image = app.to_image
      report.detection_seconds = app.detection_seconds
      report.rto_seconds = app.rto_seconds
      if (app.post_mortem) report.post_mortem = app.post_mortem
      report.steps.push(...app.steps)
      results.push(app.verdict === 'restored')
    }
    if (wants('database')) {
      say('== database scenario: rollback-database.yml')
      const { workflows, ...database } = await runDatabaseScenario({
        sandbox: sb,
        artifactsRoot,
        log: lineLogger(say),
        onLine: say
      })
      report.database = database
      report.workflows.push(...workflows)
      results.push(database.verdict === 'restored')
    }
    if (wants('infrastructure')) {
      say('== infrastructure scenario: rollback-infrastructure.yml')
      const { section, workflows } = await runInfrastructureScenario({
        workDir: join(workDir, 'infrastructure'),
        log: lineLogger(say),
        sandbox: sb,
        artifactsRoot,
        onLine: say
      })
      report.infrastructure =
        section as unknown as DrillReport['infrastructure']
      report.workflows.push(...workflows)
      results.push(section.verdict === 'passed')
    }
    if (alert) {
      say(
        '== alert scenario: Prometheus rules → Alertmanager → alert-relay → rollback-on-alert.yml'
      )
      const {
        workflows,
        alert: fired,
        ...section
      } = await alert.run(sb, {
        artifactsRoot
      })
      report.alert = fired
      report.detection_seconds = section.detection_seconds
      report.dispatch_seconds = section.dispatch_seconds
      report.from_image = section.from_image
      report.to_image = section.to_image
      report.alert_scenario = { ...section }
      report.workflows.push(...workflows)
      report.steps.push(...section.steps)
      results.push(section.verdict === 'restored')
    }
    // every workflow file the scenarios ran must have finished green, job by job
    const red = report.workflows.flatMap((w) =>
      w.jobs
        .filter((j) => j.result !== 'success')
        .map((j) => `${w.file} job ${j.id}: ${j.result}`)
    )
    if (red.length > 0) report.error = `jobs not successful: ${red.join('; ')}`
    report.verdict =
      results.length > 0 && results.every(Boolean) && red.length === 0
        ? 'restored'
        : 'failed'
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
