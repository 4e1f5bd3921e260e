import { join } from 'node:path'
import type { Sandbox } from '@rollback-actions/sandbox'
import {
  executeWorkflow,
  type ExecuteOptions,
  type RepositoryDispatchEvent,
  type WorkflowExecution
} from '../engine/execute.js'
import { REPO_ROOT } from '../engine/run-action.js'
import { loadWorkflow, type InputValue } from '../engine/workflow.js'

/** The AKS cluster the sandbox stands for (what AKS_RESOURCE_GROUP / AKS_CLUSTER_NAME name). */
export const SANDBOX_CLUSTER = {
  resourceGroup: 'rg-prod',
  name: 'aks-sandbox'
} as const

/** Repository variables (`vars.*`) the rollback workflows read, as a repository would configure them for the sandbox. */
export function sandboxVars(sandbox: Sandbox): Record<string, string> {
  const deployment = sandbox.scenario.kubernetes.deployments.find(
    (d) =>
      d.namespace === sandbox.scenario.service.namespace &&
      d.name === sandbox.scenario.service.deployment
  )
  const prefix = deployment?.repository.split('/').slice(0, -1).join('/') ?? ''
  const db = sandbox.database
  return {
    ROLLBACK_REGISTRY: sandbox.env.SANDBOX_REGISTRY ?? '',
    ROLLBACK_REPOSITORY_PREFIX: prefix,
    ROLLBACK_NAMESPACE: sandbox.scenario.service.namespace,
    ROLLBACK_SERVICE_URL: sandbox.env.SANDBOX_SERVICE_URL ?? '',
    ROLLBACK_PROMETHEUS_URL: sandbox.env.SANDBOX_PROMETHEUS_URL ?? '',
    AZURE_CLIENT_ID: sandbox.env.AZURE_CLIENT_ID ?? '',
    AZURE_TENANT_ID: sandbox.env.AZURE_TENANT_ID ?? '',
    AZURE_SUBSCRIPTION_ID:
      sandbox.env.AZURE_SUBSCRIPTION_ID ?? db?.arm.subscriptionId ?? '',
    AKS_RESOURCE_GROUP: SANDBOX_CLUSTER.resourceGroup,
    AKS_CLUSTER_NAME: SANDBOX_CLUSTER.name,
    ...(db
      ? {
          DB_RESOURCE_GROUP: db.arm.resourceGroup,
          DB_ADMIN_LOGIN: 'pgadmin',
          // the sandbox's PostgreSQL clusters listen without TLS
          DB_SSL_MODE: 'disable'
        }
      : {})
  }
}

let runs = 0

/**
 * Dispatches a workflow template against the sandbox, as an operator would with `gh workflow run`: repository
 * variables from sandboxVars, the run's GITHUB_TOKEN accepted by the sandbox's GitHub REST emulator, a fresh run id,
 * one OIDC request token per job (presenting the job's environment), approvals granted by the drill and recorded,
 * and the run's artifact store under `artifactsRoot`.
 * @param file template name in workflows-templates/, e.g. `rollback-database.yml`.
 */
export async function dispatchWorkflow(
  sandbox: Sandbox,
  file: string,
  inputs: Record<string, InputValue>,
  options: {
    artifactsRoot: string
    secrets?: Record<string, string>
    /** Overrides of the `github` context (e.g. `sha`: the commit the run is for). */
    github?: Record<string, string>
    env?: NodeJS.ProcessEnv
    gitRepository?: string
    onLine?: (line: string) => void
    /** Start the run with this repository_dispatch event instead of workflow_dispatch (`inputs` must be empty). */
    dispatch?: RepositoryDispatchEvent
    /** Extra repository variables over sandboxVars. */
    vars?: Record<string, string>
    /** Who approves environment jobs in the report (default `<actor> (drill)`). */
    approver?: string
  }
): Promise<WorkflowExecution & { artifactsDir: string }> {
  const workflow = loadWorkflow(join(REPO_ROOT, 'workflows-templates', file))
  runs += 1
  const runId = String(Number(sandbox.github.run_id ?? Date.now()) + runs)
  const github: Record<string, string> = {
    ...sandbox.github,
    run_id: runId,
    workflow: workflow.name,
    event_name: options.dispatch ? 'repository_dispatch' : 'workflow_dispatch',
    token: sandbox.database?.githubToken ?? '',
    ...options.github
  }
  const say = options.onLine ?? (() => undefined)
  const artifactsDir = join(
    options.artifactsRoot,
    `${file.replace(/\.ya?ml$/, '')}-${runId}`
  )
  const execute: ExecuteOptions = {
    inputs,
    ...(options.dispatch
      ? { trigger: 'repository_dispatch' as const, dispatch: options.dispatch }
      : {}),
    vars: { ...sandboxVars(sandbox), ...options.vars },
    secrets: options.secrets ?? {},
    github,
    env: { ...sandbox.env, ...options.env },
    artifactsDir,
    cluster: SANDBOX_CLUSTER,
    ...(options.gitRepository ? { gitRepository: options.gitRepository } : {}),
    // each job gets its own OIDC request token; a job bound to an environment presents the environment subject
    jobEnv: (_job, environment) => ({
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: sandbox.oidc.jobRequestToken(
        environment ? { environment } : {}
      )
    }),
    approve: (_job, environment) => {
      say(
        `environment "${environment}": approval by the required reviewers (granted by the drill)`
      )
      return Promise.resolve({
        approvedBy: options.approver ?? `${github.actor ?? 'drill'} (drill)`
      })
    },
    onLine: say,
    // the GitHub REST emulator serves the run and its jobs, as GitHub does while a run is in progress
    onRunEvent: (event) => {
      const api = sandbox.database?.github
      const repository = github.repository ?? ''
      if (!api) return
      if (event.kind === 'run-started')
        api.recordWorkflowRun(repository, {
          id: Number(runId),
          attempt: Number(github.run_attempt ?? '1'),
          name: event.name,
          run_started_at: event.started_at
        })
      else
        api.recordWorkflowJob(
          repository,
          Number(runId),
          Number(github.run_attempt ?? '1'),
          event.job
        )
    }
  }
  say(
    options.dispatch
      ? `repository_dispatch ${options.dispatch.event_type} from ${options.dispatch.sender} → ${file}`
      : `gh workflow run ${file} ${Object.entries(inputs)
          .map(([k, v]) => `-f ${k}=${String(v)}`)
          .join(' ')}`
  )
  return { ...(await executeWorkflow(workflow, execute)), artifactsDir }
}
