import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { runnerNetworkEnv, type Sandbox } from '@rollback-actions/sandbox'
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
  const broken = sandbox.scenario.registry.repositories
    .find((r) => r.name === deployment?.repository)
    ?.tags.find((t) => t.broken)
  const [dbServer, source] = [...(db?.arm.servers.entries() ?? [])][0] ?? []
  const { namespace, deployment: service } = sandbox.scenario.service
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
    // rollback-drill.yml: the service it drills and the image it knows is bad (the scenario's broken tag)
    DRILL_SERVICE: service,
    ...(broken && deployment
      ? {
          ROLLBACK_DRILL_BAD_IMAGE: `${sandbox.env.SANDBOX_REGISTRY ?? ''}/${deployment.repository}:${broken.name}`
        }
      : {}),
    ...(db
      ? {
          DB_RESOURCE_GROUP: db.arm.resourceGroup,
          // rollback-drill.yml's database path: the staging server, its drill consumer and the Secret it reads
          ...(dbServer && source?.cluster
            ? {
                ROLLBACK_DRILL_DB_SERVER: dbServer,
                ROLLBACK_DRILL_DB_HOST: source.cluster.address,
                ROLLBACK_DRILL_DB_NAME: source.databases[0] ?? 'app',
                ROLLBACK_DRILL_DB_CONSUMERS: `${namespace}/${service}`,
                ROLLBACK_DRILL_DB_SECRET: 'product-service-db'
              }
            : {}),
          // no DB_SSL_MODE: the sandbox's PostgreSQL servers are TLS-only, so the workflows' default (require) applies
          DB_ADMIN_LOGIN: 'pgadmin',
          // the environment's database facts rollback-full.yml reads (its database stage)
          DB_SOURCE_SERVER: sandbox.scenario.database?.servers[0]?.name ?? '',
          DB_NAME: sandbox.scenario.database?.servers[0]?.database ?? '',
          DB_CONSUMERS: `${sandbox.scenario.service.namespace}/${sandbox.scenario.service.deployment}`,
          DB_SECRET_NAME: 'product-service-db'
        }
      : {}),
    ...(sandbox.appConfiguration
      ? {
          ROLLBACK_APP_CONFIGURATION_ENDPOINT: sandbox.appConfiguration.url,
          ROLLBACK_APP_CONFIGURATION_RETENTION_DAYS: String(
            sandbox.appConfiguration.retentionDays
          )
        }
      : {})
  }
}

const exec = promisify(execFile)

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
    /** The event (default `workflow_dispatch`; `schedule` as the cron would start it). */
    event?: 'workflow_dispatch' | 'schedule'
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
    event_name: options.dispatch
      ? 'repository_dispatch'
      : (options.event ?? 'workflow_dispatch'),
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
    env: {
      ...sandbox.env,
      ...runnerNetworkEnv(sandbox.env.SANDBOX_POSTGRES_HOSTS),
      ...options.env
    },
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
          run_started_at: event.started_at,
          path: `.github/workflows/${file}`,
          event: github.event_name ?? 'workflow_dispatch'
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
  const execution = await executeWorkflow(workflow, execute)
  sandbox.database?.github.completeWorkflowRun(
    github.repository ?? '',
    Number(runId),
    Number(github.run_attempt ?? '1'),
    execution.status === 'success' ? 'success' : 'failure',
    new Date().toISOString()
  )
  return { ...execution, artifactsDir }
}

/** Runs the real kubectl against the sandbox with a discovery cache of its own; returns trimmed stdout. */
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
