import { runAction, type ActionRun } from './run-action.js'
import {
  evaluateCondition,
  evaluateTemplate,
  suiteActionId,
  type JobStatus,
  type Workflow
} from './workflow.js'

/** Third-party steps whose effect the sandbox already provides, and what it provides instead. */
export const PROVIDED_BY_SANDBOX: Record<string, string> = {
  'azure/login':
    'the sandbox GitHub OIDC endpoint and Entra emulator give each action a federated Azure identity',
  'azure/aks-set-context':
    'the sandbox writes KUBECONFIG for its Kubernetes API emulator',
  'actions/upload-artifact':
    "the drill keeps each action's audit records and writes them into drill-report.json",
  'actions/github-script':
    'the post-mortem is recorded in drill-report.md (the sandbox has no issue tracker)'
}

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
  steps: DrillStep[]
  runs: ActionRun[]
}

export interface ExecuteOptions {
  inputs: Record<string, string>
  vars: Record<string, string>
  github: Record<string, string>
  /** Environment of every action process (the sandbox's sandbox.env). */
  env: NodeJS.ProcessEnv
  /** Called before a job bound to an environment runs: the environment's required reviewers' approval. */
  approve(job: string, environment: string): Promise<{ approvedBy: string }>
  /** Streams progress lines. */
  onLine?(line: string): void
  /** Extra environment of a job's actions, e.g. its own OIDC request token (a job bound to an environment). */
  jobEnv?(job: string, environment: string | undefined): NodeJS.ProcessEnv
  /** Runs one suite action (default: its bundle, as the runner does); tests pass a recorder. */
  runAction?: typeof runAction
}

/**
 * Runs a workflow's jobs in `needs` order the way the runner does: `if:` conditions with the job status, `with:`
 * evaluated against inputs, vars, github, steps and needs contexts, each suite action run from its bundle
 * (`actions/<id>/dist/index.js`) with `INPUT_*` variables and runner files. Steps of known third-party actions are
 * recorded as provided by the sandbox; any other step fails the drill, because it cannot be reproduced here.
 */
export async function executeWorkflow(
  workflow: Workflow,
  options: ExecuteOptions
): Promise<WorkflowExecution> {
  const jobs: WorkflowExecution['jobs'] = {}
  /** Values masked by `::add-mask::` so far (the runner masks them for the rest of the run). */
  const masks: string[] = []
  const steps: DrillStep[] = []
  const runs: ActionRun[] = []
  // The `inputs` context keeps booleans and numbers typed, as the runner does for workflow_dispatch inputs.
  const typed = (name: string, value: string): string | boolean | number => {
    const type = workflow.dispatchInputs[name]?.type
    if (type === 'boolean') return value === 'true'
    if (type === 'number' && value !== '') return Number(value)
    return value
  }
  const inputs = Object.fromEntries(
    Object.entries({
      ...Object.fromEntries(
        Object.entries(workflow.dispatchInputs).map(([k, v]) => [
          k,
          v.default ?? ''
        ])
      ),
      ...options.inputs
    }).map(([k, v]) => [k, typed(k, v)])
  )
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
    const base = { inputs, vars: options.vars, github: options.github, needs }
    const needsStatus: JobStatus = job.needs.every(
      (n) => jobs[n]?.status === 'success'
    )
      ? 'success'
      : 'failure'
    if (!evaluateCondition(job.if, base, needsStatus)) {
      jobs[job.id] = { status: 'skipped', outputs: {} }
      const now = new Date().toISOString()
      steps.push({
        name: `job ${job.id}`,
        job: job.id,
        started_at: now,
        finished_at: now,
        outcome: 'skipped',
        note:
          job.if === undefined
            ? 'a job it needs did not succeed'
            : `if: ${job.if} is false`
      })
      continue
    }
    let environment: string | undefined
    if (job.environment) {
      environment = evaluateTemplate(job.environment, base)
      const started = new Date().toISOString()
      const { approvedBy } = await options.approve(job.id, environment)
      steps.push({
        name: `environment "${environment}": required reviewers`,
        job: job.id,
        started_at: started,
        finished_at: new Date().toISOString(),
        outcome: 'succeeded',
        note: `approved by ${approvedBy}`
      })
    }
    let status: JobStatus = 'success'
    const stepContext: Record<
      string,
      { outputs: Record<string, string>; outcome: string; conclusion: string }
    > = {}
    for (const step of job.steps) {
      const contexts = { ...base, steps: stepContext }
      const started = new Date().toISOString()
      if (!evaluateCondition(step.if, contexts, status)) {
        steps.push({
          name: step.name,
          job: job.id,
          started_at: started,
          finished_at: started,
          outcome: 'skipped',
          note: 'if: condition false'
        })
        if (step.id)
          stepContext[step.id] = {
            outputs: {},
            outcome: 'skipped',
            conclusion: 'skipped'
          }
        continue
      }
      const actionId = suiteActionId(step.uses)
      const thirdParty = step.uses?.split('@')[0]
      if (!actionId) {
        const provided = thirdParty
          ? PROVIDED_BY_SANDBOX[thirdParty]
          : undefined
        if (!provided)
          throw new Error(
            `${workflow.path}: job "${job.id}" step "${step.name}" (${step.uses ?? 'run:'}) cannot be reproduced by the drill`
          )
        steps.push({
          name: step.name,
          job: job.id,
          started_at: started,
          finished_at: started,
          outcome: 'provided-by-sandbox',
          note: provided
        })
        continue
      }
      const withValues = Object.fromEntries(
        Object.entries(step.with).map(([k, v]) => [
          k,
          evaluateTemplate(v, contexts)
        ])
      )
      options.onLine?.(`▶ ${job.id} / ${step.name} (${actionId})`)
      const run = await (options.runAction ?? runAction)(actionId, withValues, {
        env: {
          ...options.env,
          ...githubEnv(options.github, environment),
          ...options.jobEnv?.(job.id, environment)
        },
        ...(options.onLine
          ? {
              onLine: (l: string) => {
                // Like the runner: `::add-mask::` registers a value shown as *** from then on (and is not shown
                // itself); debug lines are hidden.
                const mask = /^::add-mask::(.+)$/.exec(l)?.[1]
                if (mask) {
                  masks.push(mask)
                  masks.sort((a, b) => b.length - a.length)
                  return
                }
                if (l.startsWith('::debug::')) return
                options.onLine?.(
                  `  ${masks.reduce((t, m) => t.split(m).join('***'), l)}`
                )
              }
            }
          : {})
      })
      runs.push(run)
      const ok = run.exitCode === 0
      if (!ok) status = 'failure'
      if (step.id)
        stepContext[step.id] = {
          outputs: run.outputs,
          outcome: ok ? 'success' : 'failure',
          conclusion: ok ? 'success' : 'failure'
        }
      steps.push({
        name: step.name,
        job: job.id,
        action: actionId,
        started_at: run.startedAt,
        finished_at: run.finishedAt,
        outcome: ok ? 'succeeded' : 'failed',
        outputs: run.outputs,
        ...(run.failure ? { note: run.failure } : {})
      })
    }
    const outputs = Object.fromEntries(
      Object.entries(job.outputs).map(([k, v]) => [
        k,
        evaluateTemplate(v, { ...base, steps: stepContext })
      ])
    )
    jobs[job.id] = { status, outputs, ...(environment ? { environment } : {}) }
  }
  // Like a workflow run's conclusion: failed when a job failed or did not run because a job it needs failed.
  const status: JobStatus = workflow.jobs.every((j) => {
    const s = jobs[j.id]?.status
    return (
      s === 'success' ||
      (s === 'skipped' && j.needs.every((n) => jobs[n]?.status === 'success'))
    )
  })
    ? 'success'
    : 'failure'
  return { status, jobs, steps, runs }
}

/** The runner's GITHUB_* variables for a job, from the drill's github context. */
function githubEnv(
  github: Record<string, string>,
  environment?: string
): NodeJS.ProcessEnv {
  return {
    GITHUB_ACTOR: github.actor,
    GITHUB_TRIGGERING_ACTOR: github.triggering_actor ?? github.actor,
    GITHUB_REPOSITORY: github.repository,
    GITHUB_RUN_ID: github.run_id,
    GITHUB_RUN_ATTEMPT: github.run_attempt ?? '1',
    GITHUB_SERVER_URL: github.server_url,
    GITHUB_EVENT_NAME: github.event_name,
    GITHUB_REF: github.ref,
    GITHUB_SHA: github.sha,
    GITHUB_WORKFLOW: github.workflow,
    ...(environment ? { ROLLBACK_ENVIRONMENT: environment } : {})
  }
}
