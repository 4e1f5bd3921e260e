import { generateKeyPairSync, randomBytes } from 'node:crypto'
import { join } from 'node:path'
import {
  githubAppDispatcher,
  jsonLog,
  startAlertRelay,
  type RunningAlertRelay,
  type SendDispatch
} from '@rollback-actions/alert-relay'
import type { GitHubRepositoryDispatch } from '@rollback-actions/emulators'
import {
  loadScenario,
  type Sandbox,
  type SandboxOptions,
  type Scenario
} from '@rollback-actions/sandbox'
import type { DrillStep, WorkflowReport } from '../engine/execute.js'
import { REPO_ROOT } from '../engine/run-action.js'
import type { AlertFields } from '../report.js'
import { dispatchWorkflow, kubectl } from './sandbox-run.js'

/** The rules Prometheus evaluates in the alert scenario (the production rules file). */
export const ROLLBACK_RULES_FILE = join(
  REPO_ROOT,
  'packages',
  'health',
  'rules',
  'rollback-triggers.yml'
)

/** The seed's detection target: a failure is detected within 10 minutes. */
export const DETECTION_TARGET_SECONDS = 600

/** The alert scenario's section of the report. */
export interface AlertScenarioReport {
  verdict: 'restored' | 'failed'
  service: string
  environment: string
  /** The longest `for:` of the rules in this run (the rules' own durations are used when shorter). */
  for_seconds: number
  /** UTC ISO-8601: `kubectl set image` of the failed release. */
  fault_at: string | null
  alert: AlertFields | null
  /** Fault → alert firing. */
  detection_seconds: number | null
  detection_target_seconds: number
  /** Alert firing → the workflow run starting. */
  dispatch_seconds: number | null
  /** UTC ISO-8601: the dispatched workflow run started. */
  run_started_at: string | null
  /** UTC ISO-8601: the rollback job reached its environment gate (the rollback is planned, waiting for approval). */
  planned_at: string | null
  /** Alert firing → the planned rollback waiting for approval. */
  planned_seconds: number | null
  /** Every rollback alert that fired during the scenario (`<alertname> (<trigger_id>)`), from Prometheus' ALERTS. */
  alerts_fired: string[]
  /** repository_dispatch events the GitHub emulator accepted during the scenario (repeats are de-duplicated). */
  dispatches: number
  /** What the plan's evaluate-rollback-triggers recommended. */
  recommendation: string | null
  from_image: string | null
  to_image: string | null
  steps: DrillStep[]
  error?: string
}

/** A prepared alert scenario: the sandbox options to start with, then `run` on that sandbox, then `close`. */
export interface AlertScenario {
  sandboxOptions: Pick<
    SandboxOptions,
    'scenario' | 'alerting' | 'githubApps' | 'onGitHubDispatch'
  >
  run(
    sandbox: Sandbox,
    options: { artifactsRoot: string }
  ): Promise<AlertScenarioReport & { workflows: WorkflowReport[] }>
  close(): Promise<void>
}

/** Rollback alerts that were firing at some point in the last 15 minutes (Prometheus' ALERTS series). */
async function firedAlerts(prometheusUrl: string): Promise<string[]> {
  const query =
    'count by (alertname, trigger_id) (max_over_time(ALERTS{alertstate="firing",rollback_class!=""}[15m]))'
  const r = await fetch(
    `${prometheusUrl}/api/v1/query?query=${encodeURIComponent(query)}`
  )
  const body = (await r.json()) as {
    data?: { result?: { metric: Record<string, string> }[] }
  }
  return (body.data?.result ?? [])
    .map((x) => `${x.metric.alertname ?? ''} (${x.metric.trigger_id ?? ''})`)
    .sort()
}

const seconds = (from: string, to: string) =>
  Math.round((Date.parse(to) - Date.parse(from)) / 100) / 10

/**
 * Prepares the alert scenario: the real Prometheus evaluates packages/health/rules/rollback-triggers.yml (each
 * `for:` at most `forSeconds`), a real Alertmanager routes roll-back-now alerts to alert-relay (bearer token), the
 * relay authenticates to the sandbox's GitHub REST emulator as a GitHub App and sends `repository_dispatch`, and the
 * drill engine runs rollback-on-alert.yml for the first dispatch: nobody starts the rollback.
 * The scenario's stable releases answer without 5xx (the default 0.1 % would sit on BR-001's 99.9 % and could page
 * before the fault); the failed release is the scenario's broken tag (30 % 5xx, then crash-looping).
 * @param options.forSeconds longest `for:` (default 10 s); `environment` the Prometheus external label (default
 *   production).
 */
export async function prepareAlertScenario(options: {
  forSeconds?: number
  environment?: string
  onLine?: (line: string) => void
}): Promise<AlertScenario> {
  const say = options.onLine ?? (() => undefined)
  const forSeconds = options.forSeconds ?? 10
  const environment = options.environment ?? 'production'
  const scenario: Scenario = loadScenario()
  for (const repo of scenario.registry.repositories)
    for (const tag of repo.tags) if (!tag.broken) tag.errorRate = 0
  const webhookToken = randomBytes(24).toString('base64url')
  const app = { id: 917, slug: 'rollback-relay', installationId: 4711 }
  const keys = generateKeyPairSync('rsa', { modulusLength: 2048 })
  let send: SendDispatch | undefined
  const dispatches: GitHubRepositoryDispatch[] = []
  let firstDispatch: (d: GitHubRepositoryDispatch) => void = () => undefined
  const dispatched = new Promise<GitHubRepositoryDispatch>(
    (resolve) => (firstDispatch = resolve)
  )
  const relay: RunningAlertRelay = await startAlertRelay({
    token: webhookToken,
    defaultEnvironment: '',
    // the GitHub emulator starts with the sandbox, after the relay: until then GitHub "is unavailable" (503)
    send: (payload) =>
      send
        ? send(payload)
        : Promise.reject(
            Object.assign(new Error('GitHub not started'), { status: 503 })
          ),
    retry: { attempts: 5, baseDelayMs: 200, maxDelayMs: 2000 },
    dedupTtlSeconds: 3600,
    log: jsonLog((line) => say(`relay: ${line.trim()}`))
  })
  return {
    sandboxOptions: {
      scenario,
      alerting: {
        rulesFile: ROLLBACK_RULES_FILE,
        forSeconds,
        webhookUrl: `${relay.url}/hooks/alertmanager`,
        webhookToken,
        externalLabels: { environment }
      },
      githubApps: [
        {
          id: app.id,
          slug: app.slug,
          publicKeyPem: keys.publicKey
            .export({ type: 'spki', format: 'pem' })
            .toString(),
          installations: { [app.installationId]: ['warranty-hub/platform'] }
        }
      ],
      onGitHubDispatch: (d) => {
        dispatches.push(d)
        firstDispatch(d)
      }
    },
    close: () => relay.close(),
    run: async (sandbox, runOptions) => {
      const { namespace, deployment } = sandbox.scenario.service
      const spec = sandbox.scenario.kubernetes.deployments.find(
        (d) => d.namespace === namespace && d.name === deployment
      )
      const broken = sandbox.scenario.registry.repositories
        .find((r) => r.name === spec?.repository)
        ?.tags.find((t) => t.broken)
      const github = sandbox.database?.github
      const report: AlertScenarioReport = {
        verdict: 'failed',
        service: `${namespace}/${deployment}`,
        environment,
        for_seconds: forSeconds,
        fault_at: null,
        alert: null,
        detection_seconds: null,
        detection_target_seconds: DETECTION_TARGET_SECONDS,
        dispatch_seconds: null,
        run_started_at: null,
        planned_at: null,
        planned_seconds: null,
        alerts_fired: [],
        dispatches: 0,
        recommendation: null,
        from_image: null,
        to_image: null,
        steps: []
      }
      const workflows: WorkflowReport[] = []
      try {
        if (!spec || !broken || !github || !sandbox.alertmanager)
          throw new Error(
            'the alert scenario needs the service deployment, a broken tag, the GitHub emulator and Alertmanager'
          )
        send = githubAppDispatcher(github.url, sandbox.github.repository!, {
          appId: app.id,
          privateKey: keys.privateKey
            .export({ type: 'pkcs8', format: 'pem' })
            .toString(),
          installationId: app.installationId
        })
        if (dispatches.length > 0)
          throw new Error(
            `an alert was dispatched before the fault: ${JSON.stringify(dispatches[0]?.client_payload)}`
          )
        const image = `${sandbox.env.SANDBOX_REGISTRY ?? ''}/${spec.repository}:${broken.name}`
        report.from_image = image
        say(`failed deployment: kubectl set image → ${image}`)
        const faultAt = new Date().toISOString()
        report.fault_at = faultAt
        await kubectl(sandbox, [
          '-n',
          namespace,
          'set',
          'image',
          `deployment/${deployment}`,
          `${spec.container}=${image}`
        ])
        report.steps.push({
          name: 'Simulated failed deployment (kubectl set image)',
          started_at: faultAt,
          finished_at: new Date().toISOString(),
          outcome: 'succeeded',
          note: `${spec.history.at(-1) ?? ''} → ${broken.name}`
        })
        say(
          `waiting for Prometheus → Alertmanager ${sandbox.alertmanager.url} → relay → repository_dispatch`
        )
        // the rules' own for: (5 minutes at most) once shortened to forSeconds, then 3 minutes for the rest
        const waitSeconds = Math.min(forSeconds, 300) + 180
        const d = await Promise.race([
          dispatched,
          new Promise<never>((_, reject) =>
            setTimeout(
              () =>
                reject(
                  new Error(
                    `no repository_dispatch within ${waitSeconds} s of the failed deployment`
                  )
                ),
              waitSeconds * 1000
            ).unref()
          )
        ])
        const p = d.client_payload as {
          rule?: string
          trigger_id?: string
          fired_at?: string
        }
        report.alert = {
          rule: p.rule ?? '',
          trigger_id: p.trigger_id ?? '',
          fired_at: p.fired_at ?? '',
          dispatched_at: d.at
        }
        report.detection_seconds = seconds(faultAt, report.alert.fired_at)
        report.steps.push({
          name: `Alert ${report.alert.rule} (${report.alert.trigger_id}) fired and was dispatched by alert-relay`,
          started_at: report.alert.fired_at,
          finished_at: d.at,
          outcome: 'succeeded',
          note: `repository_dispatch ${d.event_type} by ${d.sender}`
        })
        // the plan re-checks the triggers over the windows the rules used: the action's defaults (the rules' own
        // for:) unless they were shortened (15 s at least: one subquery step)
        const window = `${Math.max(15, forSeconds)}s`
        const windows: Record<string, string> =
          forSeconds < 300
            ? {
                ROLLBACK_TRIGGER_ERROR_FOR: window,
                ROLLBACK_TRIGGER_EARLY_FOR: window,
                ROLLBACK_TRIGGER_OUTAGE_FOR: window,
                ROLLBACK_TRIGGER_SLO_FOR: window
              }
            : {}
        const execution = await dispatchWorkflow(
          sandbox,
          'rollback-on-alert.yml',
          {},
          {
            artifactsRoot: runOptions.artifactsRoot,
            onLine: say,
            dispatch: {
              event_type: d.event_type,
              client_payload: d.client_payload,
              sender: d.sender
            },
            github: { actor: d.sender, triggering_actor: d.sender },
            approver: `${sandbox.github.actor ?? 'reviewer'} (required reviewer, granted by the drill)`,
            vars: windows
          }
        )
        workflows.push(...execution.reports)
        report.steps.push(...execution.steps)
        report.dispatches = dispatches.length
        report.run_started_at = execution.reports[0]?.started_at ?? null
        if (report.run_started_at)
          report.dispatch_seconds = seconds(
            report.alert.fired_at,
            report.run_started_at
          )
        report.recommendation =
          execution.jobs.plan?.outputs.recommendation ?? null
        report.planned_at =
          execution.reports
            .find((r) => r.file.endsWith('rollback-application.yml'))
            ?.jobs.find((j) => j.id === 'rollback')?.started_at ?? null
        if (report.planned_at)
          report.planned_seconds = seconds(
            report.alert.fired_at,
            report.planned_at
          )
        report.alerts_fired = await firedAlerts(
          sandbox.env.SANDBOX_PROMETHEUS_URL ?? ''
        )
        const running = await kubectl(sandbox, [
          '-n',
          namespace,
          'get',
          `deployment/${deployment}`,
          '-o',
          `jsonpath={.spec.template.spec.containers[?(@.name=="${spec.container}")].image}`
        ])
        report.to_image = running
        const stable = spec.history.at(-1) ?? ''
        const tag = execution.reports
          .flatMap((r) => r.jobs)
          .find((j) => j.id === 'rollback')
        const errorRate = report.alerts_fired.some((a) =>
          a.endsWith('(error-rate)')
        )
        if (!errorRate)
          report.error = `the error-rate trigger did not fire (fired: ${report.alerts_fired.join(', ') || 'none'})`
        else if (
          execution.status === 'success' &&
          execution.jobs.rollback?.status === 'success' &&
          execution.jobs.rollback.outputs.verdict === 'healthy' &&
          running.includes(spec.repository) &&
          !running.endsWith(`:${broken.name}`)
        ) {
          report.verdict = 'restored'
        } else {
          report.error = `not restored: workflow ${execution.status}, rollback ${execution.jobs.rollback?.status ?? 'not run'} (verdict ${execution.jobs.rollback?.outputs.verdict ?? 'none'}), running ${running}, expected ${stable}${tag ? '' : ', no rollback job'}`
        }
      } catch (error) {
        report.error = (error as Error).message
      }
      report.dispatches = dispatches.length
      return { ...report, workflows }
    }
  }
}
