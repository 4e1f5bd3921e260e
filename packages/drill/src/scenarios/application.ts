import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { REPO_ROOT, runAction, type ActionRun } from '../engine/run-action.js'
import type { Sandbox } from '@rollback-actions/sandbox'
import type { DrillStep, WorkflowReport } from '../engine/execute.js'
import { TARGETS, type ApplicationReport, type SloRow } from '../report.js'
import { dispatchWorkflow } from './sandbox-run.js'

const exec = promisify(execFile)

/** The workflow the application scenario runs, step for step. */
export const APPLICATION_WORKFLOW = join(
  REPO_ROOT,
  'workflows-templates',
  'rollback-application.yml'
)

/** Runs the real kubectl against the sandbox (own discovery cache). */
export async function kubectl(
  sandbox: Sandbox,
  args: string[]
): Promise<string> {
  const cache = await mkdtemp(join(tmpdir(), 'rollback-kubectl-'))
  try {
    const { stdout } = await exec(
      'kubectl',
      ['--kubeconfig', sandbox.kubeconfigPath, '--cache-dir', cache, ...args],
      { env: { ...process.env, HOME: cache }, timeout: 60_000 }
    )
    return stdout.trim()
  } finally {
    await rm(cache, { recursive: true, force: true })
  }
}

/** One SLO reading as validate-health recorded it in its audit record (the report's {@link SloRow}). */
export type SloReading = SloRow

/** The last Prometheus reading of each check in an action run's audit records. */
export function sloReadings(run: ActionRun | undefined): SloReading[] {
  const last = new Map<string, SloReading>()
  for (const record of run?.audit ?? []) {
    const details = record.details as
      { readings?: Array<Record<string, string>> } | undefined
    for (const r of details?.readings ?? []) {
      if (r.kind !== 'prometheus' || !r.check) continue
      last.set(r.check, {
        check: r.check,
        at: r.at ?? '',
        outcome: r.outcome ?? '',
        ...(r.value === undefined ? {} : { value: r.value }),
        ...(r.threshold === undefined ? {} : { threshold: r.threshold }),
        ...(r.query === undefined ? {} : { query: r.query })
      })
    }
  }
  return [...last.values()]
}

const seconds = (from: string, to: string) =>
  (Date.parse(to) - Date.parse(from)) / 1000

function stepOf(
  name: string,
  run: ActionRun,
  ok: boolean,
  note?: string
): DrillStep {
  return {
    name,
    action: run.action,
    started_at: run.startedAt,
    finished_at: run.finishedAt,
    outcome: ok ? 'succeeded' : 'failed',
    outputs: run.outputs,
    ...(note || run.failure ? { note: note ?? run.failure } : {})
  }
}

/**
 * The application scenario: confirms the service is healthy on its stable image, deploys the broken image with the
 * real `kubectl set image` (the simulated failed deployment), lets validate-health detect it, then runs
 * `rollback-application.yml` job by job (plan → approval → rollback → validate → post-mortem issue in the GitHub
 * emulator) with the bundled actions, and checks that the service answers healthy on the previous stable image.
 */
export async function runApplicationScenario(
  sandbox: Sandbox,
  options: {
    /** Where each workflow run keeps its artifacts (one folder per run). */
    artifactsRoot: string
    environment?: string
    onLine?: (line: string) => void
  }
): Promise<ApplicationReport & { workflows: WorkflowReport[] }> {
  const workflows: WorkflowReport[] = []
  const say = options.onLine ?? (() => undefined)
  const { namespace, deployment } = sandbox.scenario.service
  const spec = sandbox.scenario.kubernetes.deployments.find(
    (d) => d.namespace === namespace && d.name === deployment
  )
  if (!spec)
    throw new Error(
      `scenario: service ${namespace}/${deployment} has no deployment`
    )
  const repo = sandbox.scenario.registry.repositories.find(
    (r) => r.name === spec.repository
  )
  const broken = repo?.tags.find((t) => t.broken)
  if (!broken)
    throw new Error(
      `scenario: repository ${spec.repository} has no broken tag to deploy`
    )
  const stableTag = spec.history.at(-1) ?? ''
  const registry = sandbox.env.SANDBOX_REGISTRY ?? ''
  const brokenImage = `${registry}/${spec.repository}:${broken.name}`
  const serviceUrl = sandbox.env.SANDBOX_SERVICE_URL ?? ''
  const steps: DrillStep[] = []
  /** Records a validate-health run as a step noting its verdict; stops the drill with `failure` when not `ok`. */
  const verdictStep = (
    name: string,
    run: ActionRun,
    ok: boolean,
    failure: string
  ) => {
    const verdict = `verdict ${run.outputs.verdict ?? 'none'}`
    steps.push(stepOf(name, run, ok, verdict))
    if (!ok) throw new Error(`${failure} (${verdict})`)
  }
  const report: ApplicationReport = {
    verdict: 'failed',
    service: `${namespace}/${deployment}`,
    from_image: brokenImage,
    to_image: null,
    detection_seconds: null,
    rto_seconds: null,
    rto_target_seconds: TARGETS.applicationRtoSeconds,
    rto_met: false,
    health_before: null,
    health_after: null,
    slo_before: [],
    slo_after: [],
    audit: [],
    steps
  }
  const prometheusUrl = sandbox.env.SANDBOX_PROMETHEUS_URL
  const sloChecks = [
    `- name: 5xx ratio`,
    `  preset: error-ratio`,
    `  labels: { namespace: "${namespace}", service: "${deployment}" }`,
    `  window: 30s`,
    `  threshold: 1%`,
    `- name: p95 latency`,
    `  preset: p95-latency`,
    `  labels: { namespace: "${namespace}", service: "${deployment}" }`,
    `  window: 30s`,
    `  threshold: 500ms`
  ].join('\n')
  const healthInputs = (expectVersion?: string) => ({
    ...(prometheusUrl
      ? { 'prometheus-url': prometheusUrl, 'prometheus-checks': sloChecks }
      : {}),
    namespace,
    deployments: deployment,
    'http-checks': [
      `- name: health endpoint`,
      `  url: ${serviceUrl}/healthz`,
      `  expect-status: 200`,
      ...(expectVersion
        ? [
            `- name: running version`,
            `  url: ${serviceUrl}/version`,
            `  expect-status: 200`,
            `  json-field: version`,
            `  json-value: ${expectVersion}`
          ]
        : [])
    ].join('\n'),
    interval: '2s',
    'consecutive-successes': '3',
    timeout: '90s'
  })
  const github = { ...sandbox.github }
  const actionEnv = {
    ...sandbox.env,
    GITHUB_ACTOR: github.actor,
    GITHUB_REPOSITORY: github.repository,
    GITHUB_RUN_ID: github.run_id,
    GITHUB_SERVER_URL: github.server_url
  }
  try {
    say(
      `baseline: ${namespace}/${deployment} should be healthy on ${stableTag}`
    )
    const baseline = await runAction(
      'validate-health',
      healthInputs(stableTag),
      { env: actionEnv }
    )
    const baselineOk =
      baseline.exitCode === 0 && baseline.outputs.verdict === 'healthy'
    verdictStep(
      'Baseline health on the stable image',
      baseline,
      baselineOk,
      'the service is not healthy before the drill'
    )

    say(`failed deployment: kubectl set image → ${brokenImage}`)
    const failStarted = new Date().toISOString()
    await kubectl(sandbox, [
      '-n',
      namespace,
      'set',
      'image',
      `deployment/${deployment}`,
      `${spec.container}=${brokenImage}`
    ])
    steps.push({
      name: 'Simulated failed deployment (kubectl set image)',
      started_at: failStarted,
      finished_at: new Date().toISOString(),
      outcome: 'succeeded',
      note: `${stableTag} → ${broken.name}`
    })

    say('detection: validate-health should turn unhealthy')
    // Detection watches for a whole window (Argo Rollouts' `duration`): it stops early only when a check fails,
    // never because the first readings — taken before Prometheus has scraped the new pods — look good.
    const detection = await runAction(
      'validate-health',
      { ...healthInputs(), duration: '60s', timeout: '90s' },
      {
        env: actionEnv
      }
    )
    report.audit.push(...baseline.audit, ...detection.audit)
    report.health_before = detection.outputs.verdict ?? null
    report.slo_before = sloReadings(detection)
    const detected = detection.outputs.verdict === 'unhealthy'
    verdictStep(
      'Detection (validate-health)',
      detection,
      detected,
      'validate-health did not report the broken deployment as unhealthy'
    )
    report.detection_seconds = seconds(failStarted, detection.finishedAt)

    say(`rollback: running ${APPLICATION_WORKFLOW} job by job`)
    const issuesBefore = sandbox.database?.github.issues.length ?? 0
    const execution = await dispatchWorkflow(
      sandbox,
      'rollback-application.yml',
      {
        environment: options.environment ?? 'staging',
        service: deployment
      },
      { artifactsRoot: options.artifactsRoot, onLine: say }
    )
    workflows.push(...execution.reports)
    const issue = sandbox.database?.github.issues[issuesBefore]
    if (issue)
      report.post_mortem = { url: issue.html_url, number: issue.number }
    steps.push(...execution.steps)
    report.audit.push(...execution.runs.flatMap((r) => r.audit))
    report.to_image = execution.jobs.plan?.outputs.image || null
    const verdict = execution.jobs.rollback?.outputs.verdict
    report.health_after = verdict || null
    report.slo_after = sloReadings(
      execution.runs.findLast((r) => r.action === 'validate-health')
    )
    const validated = execution.steps.findLast(
      (s) => s.action === 'validate-health'
    )
    const running = await kubectl(sandbox, [
      '-n',
      namespace,
      'get',
      `deployment/${deployment}`,
      '-o',
      `jsonpath={.spec.template.spec.containers[?(@.name=="${spec.container}")].image}`
    ])
    const onStable =
      running === report.to_image &&
      (report.to_image ?? '').includes(`${spec.repository}`)
    const versionOk = execution.jobs.plan?.outputs.tag === stableTag
    if (!report.post_mortem)
      report.error =
        'the workflow opened no post-mortem issue in the GitHub emulator'
    else if (
      execution.status === 'success' &&
      verdict === 'healthy' &&
      onStable &&
      versionOk &&
      validated
    ) {
      report.verdict = 'restored'
      report.rto_seconds = seconds(detection.finishedAt, validated.finished_at)
      report.rto_met = report.rto_seconds <= TARGETS.applicationRtoSeconds
    } else {
      report.error = `not restored: workflow ${execution.status}, verdict ${verdict ?? 'none'}, running ${running}, expected tag ${stableTag} (plan chose ${execution.jobs.plan?.outputs.tag ?? 'none'})`
    }
  } catch (error) {
    report.error = (error as Error).message
  }
  return { ...report, workflows }
}
