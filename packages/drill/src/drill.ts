import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Logger } from '@rollback-actions/action-kit'
import { startSandbox, type Sandbox } from '@rollback-actions/sandbox'
import { runApplicationScenario } from './scenarios/application.js'
import { runAction } from './engine/run-action.js'
import { runDatabaseScenario } from './scenarios/database.js'
import { runInfrastructureScenario } from './scenarios/infrastructure.js'
import { writeReport, type DrillReport } from './report.js'

export const SCENARIOS = [
  'application',
  'database',
  'infrastructure',
  'all'
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
 * Runs a rollback drill: starts the sandbox (for the application and database scenarios), runs each scenario, and
 * writes `drill-report.json` and `drill-report.md` into `outDir` — also when a scenario fails or throws.
 * @returns the report; its `verdict` is `restored` only when every scenario run succeeded.
 */
export async function runDrill(options: {
  outDir: string
  scenario: ScenarioName
  onLine?: (line: string) => void
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
    steps: []
  }
  let sandbox: Sandbox | undefined
  const workDir = await mkdtemp(join(tmpdir(), 'rollback-drill-'))
  try {
    if (wants('application') || wants('database')) {
      say('starting the sandbox')
      sandbox = await startSandbox({
        outDir: join(outDir, 'sandbox'),
        onLine: say
      })
    }
    const results: boolean[] = []
    if (wants('application') && sandbox) {
      say('== application scenario')
      const app = await runApplicationScenario(sandbox, { onLine: say })
      report.application = app
      report.from_image = app.from_image
      report.to_image = app.to_image
      report.detection_seconds = app.detection_seconds
      report.rto_seconds = app.rto_seconds
      report.steps.push(...app.steps)
      results.push(app.verdict === 'restored')
    }
    if (wants('infrastructure')) {
      say('== infrastructure scenario')
      const { section } = await runInfrastructureScenario({
        workDir: join(workDir, 'infrastructure'),
        log: lineLogger(say)
      })
      report.infrastructure =
        section as unknown as DrillReport['infrastructure']
      results.push(section.verdict === 'passed')
    }
    if (wants('database') && sandbox) {
      say('== database scenario')
      const sb = sandbox
      if (!sb.database)
        throw new Error('the sandbox scenario has no database section')
      const actionEnv = {
        ...sb.env,
        GITHUB_ACTOR: sb.github.actor,
        GITHUB_REPOSITORY: sb.github.repository,
        GITHUB_RUN_ID: sb.github.run_id,
        GITHUB_SERVER_URL: sb.github.server_url
      }
      const database = await runDatabaseScenario({
        arm: sb.database.arm,
        requests: sb.requests,
        serviceUrl: sb.env.SANDBOX_SERVICE_URL ?? '',
        caPem: sb.caPem,
        env: sb.env,
        runAction: (id, inputs) => runAction(id, inputs, { env: actionEnv }),
        log: lineLogger(say)
      })
      report.database = database as unknown as DrillReport['database']
      results.push(database.verdict === 'restored')
    }
    report.verdict =
      results.length > 0 && results.every(Boolean) ? 'restored' : 'failed'
  } catch (error) {
    report.error = (error as Error).message
    report.verdict = 'failed'
  } finally {
    report.finished_at = new Date().toISOString()
    const paths = await writeReport(outDir, report)
    say(`report: ${paths.markdown}`)
    say(`report: ${paths.json}`)
    await sandbox?.stop()
    await rm(workDir, { recursive: true, force: true })
  }
  say(`drill verdict: ${report.verdict}`)
  return report
}
