import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, delimiter, join, resolve } from 'node:path'
import {
  actionInputDefaults,
  REPO_ROOT,
  runAction,
  runStepProcess,
  type ActionRun
} from './run-action.js'
import { runThirdPartyStep } from './third-party.js'
import {
  evaluateCondition,
  evaluateTemplate,
  evaluateValue,
  loadWorkflow,
  suiteActionId,
  type InputValue,
  type JobStatus,
  type Workflow,
  type WorkflowInput,
  type WorkflowJob
} from './workflow.js'

/** One step of a drill (a workflow step, or a drill-only step such as the simulated failed deployment). */
export interface DrillStep {
  name: string
  job?: string
  action?: string
  /** UTC ISO-8601. */
  started_at: string
  finished_at: string
  outcome: 'succeeded' | 'failed' | 'skipped' | 'provided-by-sandbox'
  note?: string
  outputs?: Record<string, string>
}

/** A workflow step as `drill-report.json` records it (`workflows[].jobs[].steps[]`). */
export interface StepReport {
  name: string
  uses?: string
  run?: string
  outcome: 'success' | 'failure' | 'skipped' | 'provided-by-sandbox'
  /** UTC ISO-8601. */
  started_at: string
  finished_at: string
  note?: string
}

/** A job as `drill-report.json` records it (`workflows[].jobs[]`). */
export interface JobReport {
  id: string
  name: string
  result: 'success' | 'failure' | 'skipped' | 'cancelled'
  /** The environment the job was bound to and who approved it (granted by the drill). */
  environment?: string
  approved_by?: string
  /** The evaluated `concurrency` group of the job. */
  concurrency?: string
  /** A job that called a reusable workflow: that file (its jobs are reported under its own `workflows[]` entry). */
  calls?: string
  started_at: string
  finished_at: string
  steps: StepReport[]
  /** The job summary: what its steps wrote to `GITHUB_STEP_SUMMARY` (Markdown), when any. */
  summary?: string
  note?: string
}

/** One workflow file run (`drill-report.json` `workflows[]`). */
export interface WorkflowReport {
  /** Path relative to the repository root. */
  file: string
  trigger: Trigger
  conclusion: 'success' | 'failure'
  /** Inputs as the run saw them (typed). */
  inputs: Record<string, InputValue>
  /** The evaluated workflow `concurrency` group. */
  concurrency?: string
  started_at: string
  finished_at: string
  jobs: JobReport[]
  /** workflow_call outputs. */
  outputs?: Record<string, string>
  /** Artifacts uploaded by the run (names), kept in the artifact store. */
  artifacts: string[]
}

export interface WorkflowExecution {
  status: JobStatus
  jobs: Record<
    string,
    {
      /** `skipped` when its `if:` (default: the jobs it needs succeeded) was false. */
      status: JobStatus | 'skipped'
      outputs: Record<string, string>
      environment?: string
    }
  >
  /** Flat list of the steps (for the scenario sections of the report). */
  steps: DrillStep[]
  /** Every process step (suite actions, `run:` steps, github-script), in order. */
  runs: ActionRun[]
  /** This run's report, then those of the reusable workflows it called. */
  reports: WorkflowReport[]
  /** workflow_call outputs (empty for a dispatched run). */
  outputs: Record<string, string>
}

/** The refusal GitHub answers a `workflow_dispatch` with (HTTP 422) or a caller's invalid `with:`. */
export class WorkflowInputError extends Error {
  constructor(
    readonly workflow: string,
    message: string
  ) {
    super(`${workflow}: ${message}`)
    this.name = 'WorkflowInputError'
  }
}

/** The events the drill starts a workflow with. */
export type Trigger =
  'workflow_dispatch' | 'workflow_call' | 'repository_dispatch'

/**
 * A `repository_dispatch` event as GitHub delivers it to the workflow (`github.event`: `action` = the event type,
 * `client_payload`; docs.github.com/actions/reference/workflows-and-actions/events-that-trigger-workflows#repository_dispatch).
 */
export interface RepositoryDispatchEvent {
  event_type: string
  client_payload: Record<string, unknown>
  /** Login of the sender (the GitHub App's bot for alert-relay). */
  sender: string
}

export interface ExecuteOptions {
  /** How the workflow is started (default `workflow_dispatch`). */
  trigger?: Trigger
  /** The event of a `repository_dispatch` run (required for that trigger; `inputs` must then be empty). */
  dispatch?: RepositoryDispatchEvent
  /** Dispatch inputs as typed by the operator (text), or the typed `with:` of a caller. */
  inputs: Record<string, InputValue>
  vars: Record<string, string>
  /** Repository and environment secrets (the `secrets` context; `GITHUB_TOKEN` is added from `github.token`). */
  secrets?: Record<string, string>
  /** The `github` context (`token` is the run's GITHUB_TOKEN). */
  github: Record<string, string>
  /** Environment of every step process (the sandbox's sandbox.env). */
  env: NodeJS.ProcessEnv
  /** Called before a job bound to an environment runs: the environment's required reviewers' approval. */
  approve(job: string, environment: string): Promise<{ approvedBy: string }>
  /** Streams progress lines. */
  onLine?(line: string): void
  /** Extra environment of a job's steps, e.g. its own OIDC request token (a job bound to an environment). */
  jobEnv?(job: string, environment: string | undefined): NodeJS.ProcessEnv
  /** Runs one suite action (default: what its action.yml `runs.main` names, as the runner does); tests pass a recorder. */
  runAction?: typeof runAction
  /** Folder for the jobs' workspaces and runner temp (default a temporary folder, removed at the end). */
  workDir?: string
  /** The run's artifact store (default `<workDir>/artifacts`). */
  artifactsDir?: string
  /** The git repository actions/checkout clones. */
  gitRepository?: string
  /** The cluster azure/aks-set-context must name. */
  cluster?: { resourceGroup: string; name: string }
  /**
   * Told when a dispatched run starts and as each job that ran completes (a called workflow's jobs are named
   * `<caller job> / <job>`), as GitHub lists a run's jobs (docs.github.com/rest/actions/workflow-jobs).
   */
  onRunEvent?(event: RunEvent): void
  /** Where `uses: ./.github/workflows/<file>` is read from (default workflows-templates/, the source of .github/workflows/). */
  workflowsDir?: string
}

/** What executeWorkflow tells `onRunEvent`. */
export type RunEvent =
  | { kind: 'run-started'; name: string; started_at: string }
  | {
      kind: 'job-completed'
      job: {
        name: string
        conclusion: 'success' | 'failure'
        started_at: string
        completed_at: string
      }
    }

const RESULT = {
  success: 'success',
  failure: 'failure',
  skipped: 'skipped',
  cancelled: 'cancelled'
} as const

/** Relative path of a workflow file for reports. */
function fileOf(path: string): string {
  const rel = resolve(path).startsWith(REPO_ROOT)
    ? resolve(path).slice(REPO_ROOT.length)
    : path
  return rel.replace(/^\/+/, '')
}

/**
 * Types and checks the inputs of a run the way GitHub does: for `workflow_dispatch` an unknown input, a required
 * input left empty, a choice outside its options or a boolean other than true/false is refused (HTTP 422,
 * docs.github.com/rest/actions/workflows#create-a-workflow-dispatch-event); for `workflow_call` a missing required
 * input or a value of the wrong type fails the caller. Defaults fill the inputs not given.
 * @throws WorkflowInputError naming the input.
 */
export function typedInputs(
  workflow: Workflow,
  trigger: 'workflow_dispatch' | 'workflow_call',
  given: Record<string, InputValue>
): Record<string, InputValue> {
  const declared: Record<string, WorkflowInput> | undefined =
    trigger === 'workflow_dispatch' ? workflow.dispatch : workflow.call?.inputs
  const file = basename(workflow.path)
  if (!declared) throw new WorkflowInputError(file, `has no ${trigger} trigger`)
  const unknown = Object.keys(given).filter((k) => !(k in declared))
  if (unknown.length > 0)
    throw new WorkflowInputError(
      file,
      `Unexpected inputs provided: ${JSON.stringify(unknown)}`
    )
  const out: Record<string, InputValue> = {}
  for (const [name, spec] of Object.entries(declared)) {
    const value = given[name]
    const empty = value === undefined || value === ''
    if (empty && spec.required && spec.default === undefined)
      throw new WorkflowInputError(
        file,
        `Required input '${name}' not provided`
      )
    const raw = empty ? (spec.default ?? '') : value
    if (spec.type === 'boolean') {
      if (typeof raw === 'boolean') out[name] = raw
      else if (raw === 'true' || raw === 'false') out[name] = raw === 'true'
      else if (raw === '') out[name] = false
      else
        throw new WorkflowInputError(
          file,
          `Provided value '${String(raw)}' for input '${name}' is not a boolean`
        )
    } else if (spec.type === 'number') {
      const n = typeof raw === 'number' ? raw : Number(raw)
      if (raw === '' || Number.isNaN(n))
        throw new WorkflowInputError(
          file,
          `Provided value '${String(raw)}' for input '${name}' is not a number`
        )
      out[name] = n
    } else {
      if (trigger === 'workflow_call' && typeof raw !== 'string')
        throw new WorkflowInputError(
          file,
          `input '${name}' is a string, got ${typeof raw}`
        )
      const text = String(raw)
      if (
        spec.type === 'choice' &&
        text !== '' &&
        !(spec.options ?? []).includes(text)
      )
        throw new WorkflowInputError(
          file,
          `Provided value '${text}' for input '${name}' not in the list of allowed values`
        )
      out[name] = text
    }
  }
  return out
}

/** The runner's GITHUB_* variables for a job, from the drill's github context. */
function githubEnv(
  github: Record<string, string>,
  job: string,
  environment?: string
): NodeJS.ProcessEnv {
  const defined = (o: Record<string, string | undefined>) =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined))
  return defined({
    CI: 'true',
    GITHUB_ACTOR: github.actor,
    GITHUB_TRIGGERING_ACTOR: github.triggering_actor ?? github.actor,
    GITHUB_REPOSITORY: github.repository,
    GITHUB_REPOSITORY_OWNER: github.repository?.split('/')[0],
    GITHUB_RUN_ID: github.run_id,
    GITHUB_RUN_NUMBER: github.run_number ?? '1',
    GITHUB_RUN_ATTEMPT: github.run_attempt ?? '1',
    GITHUB_SERVER_URL: github.server_url,
    GITHUB_EVENT_NAME: github.event_name,
    GITHUB_REF: github.ref,
    GITHUB_SHA: github.sha,
    GITHUB_WORKFLOW: github.workflow,
    GITHUB_JOB: job,
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    ...(environment ? { ROLLBACK_ENVIRONMENT: environment } : {})
  })
}

/** Bash as the runner starts a `run:` step (docs: jobs.<job_id>.steps[*].shell). */
function shellCommand(
  shell: string | undefined,
  file: string
): [string, string[]] {
  if (shell === undefined) return ['bash', ['-e', file]]
  if (shell === 'bash')
    return ['bash', ['--noprofile', '--norc', '-eo', 'pipefail', file]]
  if (shell === 'sh') return ['sh', ['-e', file]]
  throw new Error(`shell "${shell}" is not supported by the drill`)
}

/**
 * Runs a workflow file the way the runner does: inputs typed and checked (workflow_dispatch or workflow_call), jobs in
 * `needs` order with `if:` (`success()`, `failure()`, `always()`, `!cancelled()`), `environment:` approvals,
 * `concurrency` groups, `timeout-minutes`, `env` (workflow, job, step, `GITHUB_ENV`), `GITHUB_PATH`,
 * `GITHUB_OUTPUT`, `GITHUB_STEP_SUMMARY` and `RUNNER_TEMP`; job, step and workflow_call outputs; `secrets`; nested
 * reusable workflows (`uses: ./.github/workflows/…`, read from workflows-templates/). Suite actions run from what
 * their action.yml `runs.main` names; `run:` steps in bash; actions/checkout, upload-artifact, download-artifact,
 * github-script and hashicorp/setup-terraform are executed; azure/login and azure/aks-set-context are provided by
 * the sandbox once their inputs are checked.
 * @throws WorkflowInputError when GitHub would refuse to start the run (inputs); Error for a step the drill cannot
 *   reproduce (an unknown third-party action).
 */
export async function executeWorkflow(
  workflow: Workflow,
  options: ExecuteOptions
): Promise<WorkflowExecution> {
  const ownWorkDir = options.workDir === undefined
  const workDir =
    options.workDir ?? (await mkdtemp(join(tmpdir(), 'rollback-workflow-')))
  try {
    return await execute(workflow, {
      ...options,
      workDir,
      artifactsDir: options.artifactsDir ?? join(workDir, 'artifacts')
    })
  } finally {
    if (ownWorkDir) await rm(workDir, { recursive: true, force: true })
  }
}

type Resolved = ExecuteOptions & {
  workDir: string
  artifactsDir: string
  /** `<caller job name> / ` for the jobs of a called workflow. */
  jobNamePrefix?: string
}

async function execute(
  workflow: Workflow,
  options: Resolved
): Promise<WorkflowExecution> {
  const trigger = options.trigger ?? 'workflow_dispatch'
  const file = fileOf(workflow.path)
  const inputs =
    trigger === 'repository_dispatch'
      ? repositoryDispatchInputs(workflow, options)
      : typedInputs(workflow, trigger, options.inputs)
  /** Runs started by an event (not called by another workflow): they take concurrency groups and report run starts. */
  const startedByEvent = trigger !== 'workflow_call'
  if (trigger === 'workflow_call')
    for (const [name, spec] of Object.entries(workflow.call?.secrets ?? {}))
      if (spec.required && !options.secrets?.[name])
        throw new WorkflowInputError(
          basename(workflow.path),
          `Secret ${name} is required, but not provided while calling.`
        )
  const say = (l: string) => options.onLine?.(l)
  const runStarted = new Date().toISOString()
  const github: Record<string, unknown> = {
    ...options.github,
    event_name: options.github.event_name ?? trigger,
    workflow: options.github.workflow ?? workflow.name,
    event:
      trigger === 'repository_dispatch' && options.dispatch
        ? dispatchEventPayload(options.dispatch)
        : { inputs }
  }
  const secrets = {
    ...(options.secrets ?? {}),
    ...(options.github.token ? { GITHUB_TOKEN: options.github.token } : {})
  }
  /** Secret values are shown as *** in the log, like values masked by `::add-mask::`. */
  const masks: string[] = Object.values(secrets).filter((v) => v.length > 3)
  const mask = (l: string) => masks.reduce((t, m) => t.split(m).join('***'), l)
  const base = { github, inputs, vars: options.vars, secrets }
  const workflowEnv = Object.fromEntries(
    Object.entries(workflow.env).map(([k, v]) => [k, evaluateTemplate(v, base)])
  )
  const concurrency = workflow.concurrency
    ? evaluateTemplate(workflow.concurrency, base)
    : undefined
  // Runs of one concurrency group queue behind each other (cancel-in-progress: false). A called workflow runs inside
  // its caller's run, so only a dispatched run takes its group.
  const release =
    concurrency !== undefined && startedByEvent
      ? await acquireConcurrencyGroup(concurrency, say)
      : undefined
  try {
    if (startedByEvent)
      options.onRunEvent?.({
        kind: 'run-started',
        name: workflow.name,
        started_at: runStarted
      })
    const jobs: WorkflowExecution['jobs'] = {}
    const jobReports: JobReport[] = []
    const steps: DrillStep[] = []
    const runs: ActionRun[] = []
    const reports: WorkflowReport[] = []
    const artifacts = new Set<string>()
    await mkdir(options.artifactsDir, { recursive: true })

    const ancestors = (job: WorkflowJob): string[] =>
      job.needs.flatMap((n) => [
        n,
        ...ancestors(workflow.jobs.find((j) => j.id === n) ?? job)
      ])

    for (const job of workflow.jobs) {
      const needs = Object.fromEntries(
        job.needs.map((n) => [
          n,
          {
            outputs: jobs[n]?.outputs ?? {},
            result: jobs[n]?.status ?? 'skipped'
          }
        ])
      )
      const jobStarted = new Date().toISOString()
      const ctx = { ...base, needs, env: workflowEnv }
      const anyFailed = ancestors(job).some((n) =>
        ['failure', 'cancelled'].includes(jobs[n]?.status ?? '')
      )
      const allSucceeded = job.needs.every((n) => jobs[n]?.status === 'success')
      const usesStatus =
        job.if !== undefined &&
        /\b(success|failure|cancelled|always)\s*\(/.test(job.if)
      const runIt =
        (usesStatus || allSucceeded) &&
        evaluateCondition(job.if, ctx, anyFailed ? 'failure' : 'success')
      if (!runIt) {
        jobs[job.id] = { status: 'skipped', outputs: {} }
        const note =
          job.if === undefined
            ? 'a job it needs did not succeed'
            : `if: ${job.if} is false`
        jobReports.push({
          id: job.id,
          name: job.name,
          result: RESULT.skipped,
          started_at: jobStarted,
          finished_at: jobStarted,
          steps: [],
          note
        })
        steps.push({
          name: `job ${job.id}`,
          job: job.id,
          started_at: jobStarted,
          finished_at: jobStarted,
          outcome: 'skipped',
          note
        })
        continue
      }
      const report: JobReport = {
        id: job.id,
        name: job.name,
        result: RESULT.success,
        started_at: jobStarted,
        finished_at: jobStarted,
        steps: []
      }
      jobReports.push(report)
      if (job.concurrency)
        report.concurrency = evaluateTemplate(job.concurrency, ctx)
      let environment: string | undefined
      if (job.environment) {
        environment = evaluateTemplate(job.environment, ctx)
        report.environment = environment
        const { approvedBy } = await options.approve(job.id, environment)
        report.approved_by = approvedBy
        steps.push({
          name: `environment "${environment}": required reviewers`,
          job: job.id,
          started_at: jobStarted,
          finished_at: new Date().toISOString(),
          outcome: 'succeeded',
          note: `approved by ${approvedBy}`
        })
      }

      if (job.uses) {
        // A reusable workflow: its jobs run as a workflow_call run sharing this run's github context and artifacts.
        const m = /^\.\/\.github\/workflows\/([^/@]+\.ya?ml)$/.exec(job.uses)
        if (!m?.[1])
          throw new Error(
            `${file}: job "${job.id}" calls ${job.uses}; the drill runs only this repository's reusable workflows`
          )
        const called = loadWorkflow(
          join(
            options.workflowsDir ?? join(REPO_ROOT, 'workflows-templates'),
            m[1]
          )
        )
        const withValues = Object.fromEntries(
          Object.entries(job.with).map(([k, v]) => [k, evaluateValue(v, ctx)])
        )
        const calledSecrets =
          job.secrets === 'inherit'
            ? (options.secrets ?? {})
            : Object.fromEntries(
                Object.entries(job.secrets ?? {}).map(([k, v]) => [
                  k,
                  evaluateTemplate(v, ctx)
                ])
              )
        report.calls = fileOf(called.path)
        say(`▶ ${job.id}: calls ${report.calls}`)
        const nested = await execute(called, {
          ...options,
          trigger: 'workflow_call',
          inputs: withValues,
          secrets: calledSecrets,
          github: options.github,
          workDir: join(options.workDir, job.id),
          jobNamePrefix: `${options.jobNamePrefix ?? ''}${job.name} / `
        })
        steps.push(
          ...nested.steps.map((s) => ({
            ...s,
            job: `${job.id} / ${s.job ?? ''}`
          }))
        )
        runs.push(...nested.runs)
        reports.push(...nested.reports)
        jobs[job.id] = {
          status: nested.status,
          outputs: nested.outputs,
          ...(environment ? { environment } : {})
        }
        report.result = nested.status === 'success' ? 'success' : 'failure'
        report.finished_at = new Date().toISOString()
        continue
      }

      const jobDir = join(options.workDir, `${job.id}-${jobReports.length}`)
      const workspace = join(jobDir, 'workspace')
      const runnerTemp = join(jobDir, 'temp')
      await mkdir(workspace, { recursive: true })
      await mkdir(runnerTemp, { recursive: true })
      const eventPath = join(jobDir, 'event.json')
      const [owner = '', repo = ''] = (options.github.repository ?? '').split(
        '/'
      )
      await writeFile(
        eventPath,
        JSON.stringify({
          inputs,
          ...(trigger === 'repository_dispatch' && options.dispatch
            ? dispatchEventPayload(options.dispatch)
            : {}),
          ref: options.github.ref,
          workflow: file,
          repository: {
            full_name: options.github.repository,
            name: repo,
            owner: { login: owner }
          },
          sender: {
            login:
              trigger === 'repository_dispatch' && options.dispatch
                ? options.dispatch.sender
                : options.github.actor
          }
        })
      )
      const jobGithub = { ...github, job: job.id, workspace }
      const runner = {
        os: 'Linux',
        arch: 'X64',
        name: 'rollback-drill',
        temp: runnerTemp,
        tool_cache: join(jobDir, 'toolcache'),
        debug: ''
      }
      const jobCtx = { ...ctx, github: jobGithub, runner }
      const jobEnvValues = {
        ...workflowEnv,
        ...Object.fromEntries(
          Object.entries(job.env).map(([k, v]) => [
            k,
            evaluateTemplate(v, jobCtx)
          ])
        )
      }
      const timeoutMinutes = Number(
        job.timeoutMinutes ? evaluateTemplate(job.timeoutMinutes, jobCtx) : 360
      )
      const deadline = Date.now() + timeoutMinutes * 60_000
      /** Variables written to GITHUB_ENV and directories to GITHUB_PATH by earlier steps. */
      const fileEnv: Record<string, string> = {}
      const addedPath: string[] = []
      const jobRuns: ActionRun[] = []
      let status: JobStatus = 'success'
      const stepContext: Record<
        string,
        { outputs: Record<string, string>; outcome: string; conclusion: string }
      > = {}
      for (const step of job.steps) {
        const env = { ...jobEnvValues, ...fileEnv }
        const contexts = {
          ...jobCtx,
          env,
          steps: stepContext,
          job: { status }
        }
        const started = new Date().toISOString()
        const described: Pick<StepReport, 'uses' | 'run'> = step.uses
          ? { uses: step.uses }
          : { run: step.run ?? '' }
        if (
          Date.now() > deadline ||
          !evaluateCondition(step.if, contexts, status)
        ) {
          const note =
            Date.now() > deadline
              ? `the job passed timeout-minutes ${timeoutMinutes}`
              : 'if: condition false'
          report.steps.push({
            name: step.name,
            ...described,
            outcome: 'skipped',
            started_at: started,
            finished_at: started,
            note
          })
          steps.push({
            name: step.name,
            job: job.id,
            started_at: started,
            finished_at: started,
            outcome: 'skipped',
            note
          })
          if (step.id)
            stepContext[step.id] = {
              outputs: {},
              outcome: 'skipped',
              conclusion: 'skipped'
            }
          continue
        }
        const stepEnvValues = {
          ...env,
          ...Object.fromEntries(
            Object.entries(step.env).map(([k, v]) => [
              k,
              evaluateTemplate(v, contexts)
            ])
          )
        }
        const processEnv: NodeJS.ProcessEnv = {
          ...options.env,
          ...githubEnv(options.github, job.id, environment),
          GITHUB_WORKSPACE: workspace,
          GITHUB_EVENT_PATH: eventPath,
          ...options.jobEnv?.(job.id, environment),
          ...stepEnvValues,
          PATH: [...addedPath, options.env.PATH ?? process.env.PATH ?? ''].join(
            delimiter
          )
        }
        const stepTimeout = step.timeoutMinutes
          ? Number(evaluateTemplate(step.timeoutMinutes, contexts)) * 60_000
          : Infinity
        const timeoutMs = Math.max(
          1000,
          Math.min(deadline - Date.now(), stepTimeout)
        )
        const onLine = options.onLine
          ? (l: string) => {
              // Like the runner: `::add-mask::` registers a value shown as *** from then on (and is not shown
              // itself); debug lines are hidden.
              const value = /^::add-mask::(.+)$/.exec(l)?.[1]
              if (value) {
                masks.push(value)
                masks.sort((a, b) => b.length - a.length)
                return
              }
              if (l.startsWith('::debug::')) return
              say(`  ${mask(l)}`)
            }
          : undefined
        const common = {
          env: processEnv,
          cwd: workspace,
          runnerTemp,
          timeoutMs,
          ...(onLine ? { onLine } : {})
        }
        const actionId = suiteActionId(step.uses)
        let run: ActionRun
        let provided = false
        let label: string
        if (actionId) {
          label = actionId
          // The runner evaluates action.yml defaults that are expressions (`${{ github.token }}`) in the job.
          const defaults = Object.entries(actionInputDefaults(actionId))
            .filter(([, v]) => v.includes('${{'))
            .map(([k, v]) => [k, evaluateTemplate(v, contexts)])
          const withValues = Object.fromEntries([
            ...defaults,
            ...Object.entries(step.with).map(([k, v]) => [
              k,
              evaluateTemplate(v, contexts)
            ])
          ]) as Record<string, string>
          say(`▶ ${job.id} / ${step.name} (${actionId})`)
          run = await (options.runAction ?? runAction)(
            actionId,
            withValues,
            common
          )
        } else if (step.uses) {
          label = step.uses.split('@')[0] ?? step.uses
          const withValues = Object.fromEntries(
            Object.entries(step.with).map(([k, v]) => [
              k,
              evaluateTemplate(v, contexts)
            ])
          )
          say(`▶ ${job.id} / ${step.name} (${label})`)
          const result = await runThirdPartyStep({
            action: label,
            with: withValues,
            env: processEnv,
            workspace,
            runnerTemp,
            github: jobGithub,
            artifactsDir: options.artifactsDir,
            ...(options.gitRepository
              ? { gitRepository: options.gitRepository }
              : {}),
            ...(options.cluster ? { cluster: options.cluster } : {}),
            timeoutMs,
            ...(onLine ? { onLine } : {})
          })
          if (!result)
            throw new Error(
              `${file}: job "${job.id}" step "${step.name}" uses ${step.uses}, which the drill cannot reproduce`
            )
          run = result.run
          provided = result.provided
          if (
            label === 'actions/upload-artifact' &&
            run.exitCode === 0 &&
            run.outputs['artifact-url']
          )
            artifacts.add(withValues.name || 'artifact')
        } else {
          label = 'run'
          say(`▶ ${job.id} / ${step.name} (run)`)
          const script = join(runnerTemp, `step-${report.steps.length}.sh`)
          await writeFile(script, step.run ?? '')
          const dir = step.workingDirectory ?? job.defaultsRun.workingDirectory
          const [command, args] = shellCommand(
            step.shell ?? job.defaultsRun.shell,
            script
          )
          run = await runStepProcess({
            label,
            command,
            args,
            env: {},
            options: {
              ...common,
              cwd: resolve(
                workspace,
                dir ? evaluateTemplate(dir, contexts) : '.'
              )
            }
          })
          if (run.exitCode !== 0 && !run.failure)
            run.failure =
              `Process completed with exit code ${run.exitCode}. ${run.stderr.trim().split('\n').at(-1) ?? ''}`.trim()
        }
        if (!provided) {
          runs.push(run)
          jobRuns.push(run)
        }
        const ok = run.exitCode === 0
        if (ok) {
          Object.assign(fileEnv, run.exportedEnv ?? {})
          addedPath.unshift(...(run.addedPath ?? []).reverse())
        }
        if (!ok && !step.continueOnError) status = 'failure'
        if (step.id)
          stepContext[step.id] = {
            outputs: run.outputs,
            outcome: ok ? 'success' : 'failure',
            conclusion: ok || step.continueOnError ? 'success' : 'failure'
          }
        const outcome = !ok
          ? 'failure'
          : provided
            ? 'provided-by-sandbox'
            : 'success'
        const note =
          run.failure ??
          (provided ||
          label.startsWith('actions/') ||
          label.startsWith('hashicorp/')
            ? run.stdout.trim() || undefined
            : undefined)
        report.steps.push({
          name: step.name,
          ...described,
          outcome,
          started_at: run.startedAt,
          finished_at: run.finishedAt,
          ...(note ? { note } : {})
        })
        steps.push({
          name: step.name,
          job: job.id,
          action: label,
          started_at: run.startedAt,
          finished_at: run.finishedAt,
          outcome: !ok
            ? 'failed'
            : provided
              ? 'provided-by-sandbox'
              : 'succeeded',
          outputs: run.outputs,
          ...(note ? { note } : {})
        })
        if (!ok)
          say(
            `  ✗ ${step.name}: ${mask(run.failure ?? `exit ${run.exitCode}`)}`
          )
      }
      const outputs = Object.fromEntries(
        Object.entries(job.outputs).map(([k, v]) => [
          k,
          evaluateTemplate(v, {
            ...jobCtx,
            env: { ...jobEnvValues, ...fileEnv },
            steps: stepContext
          })
        ])
      )
      jobs[job.id] = {
        status,
        outputs,
        ...(environment ? { environment } : {})
      }
      const summary = jobRuns.map((r) => r.summary).join('')
      if (summary.trim() !== '') report.summary = summary
      report.result = status === 'success' ? 'success' : 'failure'
      report.finished_at = new Date().toISOString()
      options.onRunEvent?.({
        kind: 'job-completed',
        job: {
          name: `${options.jobNamePrefix ?? ''}${job.name}`,
          conclusion: report.result,
          started_at: report.started_at,
          completed_at: report.finished_at
        }
      })
    }
    const failed = workflow.jobs.some((j) =>
      ['failure', 'cancelled'].includes(jobs[j.id]?.status ?? '')
    )
    const status: JobStatus = failed ? 'failure' : 'success'
    const jobsContext = Object.fromEntries(
      Object.entries(jobs).map(([id, j]) => [
        id,
        { result: j.status, outputs: j.outputs }
      ])
    )
    const outputs =
      trigger === 'workflow_call'
        ? Object.fromEntries(
            Object.entries(workflow.call?.outputs ?? {}).map(([k, v]) => [
              k,
              evaluateTemplate(v, { ...base, jobs: jobsContext })
            ])
          )
        : {}
    reports.unshift({
      file,
      trigger,
      conclusion: status === 'success' ? 'success' : 'failure',
      inputs,
      ...(concurrency === undefined ? {} : { concurrency }),
      started_at: runStarted,
      finished_at: new Date().toISOString(),
      jobs: jobReports,
      ...(trigger === 'workflow_call' ? { outputs } : {}),
      artifacts: [...artifacts]
    })
    return { status, jobs, steps, runs, reports, outputs }
  } finally {
    release?.()
  }
}

/**
 * Checks that a `repository_dispatch` starts the workflow (its `on.repository_dispatch.types` include the event
 * type, or list none); such runs have no inputs (the `inputs` context is empty).
 * @throws WorkflowInputError when the workflow does not listen to this event type.
 */
function repositoryDispatchInputs(
  workflow: Workflow,
  options: Resolved
): Record<string, InputValue> {
  const file = basename(workflow.path)
  const types = workflow.repositoryDispatch?.types
  if (!types)
    throw new WorkflowInputError(file, 'has no repository_dispatch trigger')
  if (!options.dispatch)
    throw new WorkflowInputError(
      file,
      'a repository_dispatch run needs its event'
    )
  if (types.length > 0 && !types.includes(options.dispatch.event_type))
    throw new WorkflowInputError(
      file,
      `is not triggered by repository_dispatch type "${options.dispatch.event_type}" (types: ${types.join(', ')})`
    )
  if (Object.keys(options.inputs).length > 0)
    throw new WorkflowInputError(
      file,
      'a repository_dispatch run has no inputs'
    )
  return {}
}

/** `github.event` of a repository_dispatch run. */
function dispatchEventPayload(
  d: RepositoryDispatchEvent
): Record<string, unknown> {
  return {
    action: d.event_type,
    branch: 'main',
    client_payload: d.client_payload,
    sender: { login: d.sender }
  }
}

const groups = new Map<string, Promise<void>>()

/**
 * Waits until no other run of the concurrency group is in progress in this process, then holds the group
 * (docs.github.com/actions/how-tos/write-workflows/choose-when-workflows-run/control-workflow-concurrency).
 * @returns the function that releases the group.
 */
async function acquireConcurrencyGroup(
  group: string,
  say: (line: string) => void
): Promise<() => void> {
  const previous = groups.get(group)
  let release: () => void = () => undefined
  const held = new Promise<void>((resolve) => (release = resolve))
  const tail = (previous ?? Promise.resolve()).then(() => held)
  groups.set(group, tail)
  if (previous) {
    say(`concurrency group "${group}": queued behind the run in progress`)
    await previous
  }
  return () => {
    release()
    if (groups.get(group) === tail) groups.delete(group)
  }
}
