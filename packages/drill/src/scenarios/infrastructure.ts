import { execFile } from 'node:child_process'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { promisify } from 'node:util'
import { readActionDefaults, type Logger } from '@rollback-actions/action-kit'
import {
  splitAddressList,
  terraformApplyPlan,
  terraformInit,
  terraformPlan,
  terraformStateResources,
  terraformVersion
} from '@rollback-actions/terraform'
import type { TerraformRunOptions } from '@rollback-actions/terraform'
import type { Sandbox } from '@rollback-actions/sandbox'
import type { WorkflowExecution, WorkflowReport } from '../engine/execute.js'
import { REPO_ROOT, runAction } from '../engine/run-action.js'
import { dispatchWorkflow } from './sandbox-run.js'

const run = promisify(execFile)

/** A `terraform_data` resource block with one attribute per line (already aligned as `terraform fmt` writes). */
function terraformData(name: string, ...attributes: string[]): string {
  return [
    `resource "terraform_data" "${name}" {`,
    ...attributes.map((a) => `  ${a}`),
    '}'
  ].join('\n')
}

/** The scenario's root module at one commit: what commits A and B differ in. */
function infraMainTf(commit: {
  release: number
  /** The resource only this commit has. */
  only: { name: string; input: string }
  sku: string
}): string {
  const blocks = [
    'terraform {\n  backend "local" {}\n}',
    terraformData('network', 'input = "10.20.0.0/16"'),
    terraformData('app_settings', `input = "release=${commit.release}"`),
    terraformData(
      'app_server',
      'input            = "app-server"',
      `triggers_replace = ["image=api:${commit.release}"]`
    ),
    terraformData(commit.only.name, `input = "${commit.only.input}"`),
    `module "data" {\n  source = "./modules/data"\n  sku    = "${commit.sku}"\n}`
  ]
  return `${blocks.join('\n\n')}\n`
}

const INFRA_DATA_MODULE = `variable "sku" {
  type = string
}

resource "terraform_data" "database" {
  input = var.sku
}
`

/** The files of one commit of the scenario repository (path → content). */
function infraCommitFiles(
  commit: Parameters<typeof infraMainTf>[0]
): Record<string, string> {
  return {
    'main.tf': infraMainTf(commit),
    'modules/data/main.tf': INFRA_DATA_MODULE
  }
}

/**
 * The infrastructure scenario: a Terraform repository with two commits, using only the built-in `terraform_data`
 * resource and a local backend (no provider download). Commit A is the stable deployment; commit B adds, changes,
 * replaces and removes resources and changes a protected one. Rolling B back to A must create 1 (legacy_queue),
 * update 2 (app_settings, the protected database), replace 1 (app_server) and delete 1 (cache).
 */
export const INFRA_STABLE_FILES = infraCommitFiles({
  release: 41,
  only: { name: 'legacy_queue', input: 'orders-v1' },
  sku: 'GP_Standard_D2s_v3'
})

/** Commit B: the change being rolled back. */
export const INFRA_CHANGED_FILES = infraCommitFiles({
  release: 42,
  only: { name: 'cache', input: 'redis-6gb' },
  sku: 'GP_Standard_D4s_v3'
})

/** The `terraform_data` inputs the state must hold after rolling back to commit A, by address. */
export const INFRA_STABLE_STATE: Record<string, string> = {
  'module.data.terraform_data.database': 'GP_Standard_D2s_v3',
  'terraform_data.app_server': 'app-server',
  'terraform_data.app_settings': 'release=41',
  'terraform_data.legacy_queue': 'orders-v1',
  'terraform_data.network': '10.20.0.0/16'
}

/** The scenario's extra protected pattern (the `terraform_data` stand-in for a database), added to the defaults. */
export const INFRA_PROTECTED_DATABASE = '**.terraform_data.database'

/** Tag pattern of successful infrastructure deployments in the scenario repository. */
export const INFRA_DEPLOYMENT_TAG_PATTERN = 'infra-deployed-*'

/** Where the scenario lives on disk. */
export interface InfrastructureRepo {
  /** The git repository (working tree at commit B). */
  repoDir: string
  stableCommit: string
  changedCommit: string
  /** The local backend's state file (outside every checkout, shared like remote state). */
  statePath: string
  /** Empty CLI config file for TF_CLI_CONFIG_FILE. */
  cliConfigFile: string
  /** Environment for terraform: the process env plus TF_CLI_CONFIG_FILE and CHECKPOINT_DISABLE=1 (no network). */
  env: NodeJS.ProcessEnv
}

function git(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  return run(
    'git',
    [
      '-c',
      'user.name=Infra Drill',
      '-c',
      'user.email=infra-drill@example.invalid',
      '-c',
      'commit.gpgsign=false',
      '-c',
      'tag.gpgsign=false',
      '-c',
      'init.defaultBranch=main',
      ...args
    ],
    { cwd, env: { ...process.env, ...env }, encoding: 'utf8' }
  )
}

async function writeFiles(dir: string, files: Record<string, string>) {
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true })
    await writeFile(join(dir, path), text)
  }
}

/**
 * Creates the scenario repository under `workDir`: commit A (tagged `infra-deployed-1`) and commit B (tagged
 * `infra-deployed-2`, one day later), with `.terraform/` and plan files ignored.
 */
export async function createInfrastructureRepo(
  workDir: string
): Promise<InfrastructureRepo> {
  const repoDir = join(workDir, 'infra-repo')
  await mkdir(repoDir, { recursive: true })
  const cliConfigFile = join(workDir, 'terraformrc')
  await writeFile(cliConfigFile, '')
  await git(repoDir, ['init', '--quiet'])
  // actions/checkout fetches one commit by SHA (fetch-depth 1); GitHub serves that, a plain git repository needs this
  await git(repoDir, ['config', 'uploadpack.allowAnySHA1InWant', 'true'])
  await writeFile(join(repoDir, '.gitignore'), '.terraform/\n*.tfplan\n')
  const commit = async (
    files: Record<string, string>,
    message: string,
    date: string,
    tag: string
  ) => {
    await writeFiles(repoDir, files)
    const dates = { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date }
    await git(repoDir, ['add', '--all'])
    await git(repoDir, ['commit', '--quiet', '-m', message], dates)
    await git(repoDir, ['tag', '-a', tag, '-m', `deployed ${tag}`], dates)
    return (await git(repoDir, ['rev-parse', 'HEAD'])).stdout.trim()
  }
  const stableCommit = await commit(
    INFRA_STABLE_FILES,
    'infra: release 41',
    '2026-11-20T10:00:00Z',
    'infra-deployed-1'
  )
  const changedCommit = await commit(
    INFRA_CHANGED_FILES,
    'infra: release 42 (cache, bigger database)',
    '2026-11-21T10:00:00Z',
    'infra-deployed-2'
  )
  return {
    repoDir,
    stableCommit,
    changedCommit,
    statePath: join(workDir, 'state', 'terraform.tfstate'),
    cliConfigFile,
    env: {
      ...process.env,
      TF_CLI_CONFIG_FILE: cliConfigFile,
      CHECKPOINT_DISABLE: '1'
    }
  }
}

/**
 * Checks out `commit` of the scenario repository into `dir` (a fresh clone, as actions/checkout does) and runs
 * `terraform init` there against the shared local state.
 * @returns terraform run options for that checkout.
 */
export async function checkoutAndInit(
  repo: InfrastructureRepo,
  commit: string,
  dir: string,
  log: Logger
): Promise<TerraformRunOptions> {
  await git(dirname(dir), ['clone', '--quiet', repo.repoDir, dir])
  await git(dir, ['checkout', '--quiet', '--detach', commit])
  const options: TerraformRunOptions = { cwd: dir, log, env: repo.env }
  await terraformInit({ ...options, backendConfig: [`path=${repo.statePath}`] })
  return options
}

/** Default `protected-addresses` of terraform-plan-review, read from its action.yml (defaults live there only). */
export async function defaultProtectedAddresses(): Promise<string[]> {
  const defaults = readActionDefaults(
    await readFile(
      join(REPO_ROOT, 'actions', 'terraform-plan-review', 'action.yml'),
      'utf8'
    )
  )
  return splitAddressList(defaults['protected-addresses'] ?? '')
}

/** One step of the scenario, as the drill report records it (UTC ISO-8601). */
export interface InfrastructureStep {
  name: string
  started_at: string
  finished_at: string
  outcome: 'succeeded' | 'failed'
  detail?: string
}

/** The drill report's infrastructure section. */
export interface InfrastructureSection {
  verdict: 'passed' | 'failed'
  /** Counts and changes of the rollback plan (commit B → A). */
  plan_summary: {
    create: number
    update: number
    replace: number
    delete: number
    changes: { address: string; type: string; action: string }[]
  }
  /** Flagged changes of the rollback plan. */
  destructive: {
    address: string
    action: string
    reasons: string[]
    allowed_by?: string
  }[]
  /** True when the review refused the plan while allow-destroy was empty (the expected, safe behaviour). */
  refused_without_allowance: boolean
  /** True when terraform-apply refused a plan file whose SHA-256 differs from the reviewed one. */
  refused_tampered_plan: boolean
  /** SHA-256 of the plan that was applied; '' when nothing was applied. */
  applied_plan_sha256: string
  /** Resources in the state after the apply, with each `terraform_data` input. */
  state_after: { address: string; input: unknown }[]
  target: { commit: string; source: string; tag?: string }
  steps: InfrastructureStep[]
  /** The deliberately refused run (no allow-destroy): the review fails the plan job and apply is skipped. */
  refused_run?: WorkflowReport
  /** What went wrong, when the verdict is failed. */
  error?: string
}

/**
 * Runs the infrastructure rollback drill with the real terraform (>= 1.11 on PATH): builds the scenario repository,
 * deploys commit B (the breaking change), then dispatches `rollback-infrastructure.yml` twice against the sandbox, as
 * an operator would: first without `allow-destroy` (the review must refuse the plan and nothing is applied), then with
 * the flagged addresses allowed (plan job: checkout, resolve previous stable = commit A from the deployment tags,
 * terraform init/plan, review, upload; apply job: approval, checkout, download, init, apply exactly the reviewed plan,
 * validate health). It also shows that terraform-apply refuses a plan file whose SHA-256 differs from the reviewed
 * one, and checks the state equals commit A's. Never throws: a failed step gives verdict `failed` with `error`.
 */
export async function runInfrastructureScenario(options: {
  workDir: string
  log: Logger
  /** The running sandbox (health endpoint, variables, GitHub token). */
  sandbox: Sandbox
  /** Where each workflow run keeps its artifacts. */
  artifactsRoot: string
  onLine?: (line: string) => void
}): Promise<{ section: InfrastructureSection; workflows: WorkflowReport[] }> {
  const { workDir, log, sandbox } = options
  const steps: InfrastructureStep[] = []
  const workflows: WorkflowReport[] = []
  const section: InfrastructureSection = {
    verdict: 'failed',
    plan_summary: { create: 0, update: 0, replace: 0, delete: 0, changes: [] },
    destructive: [],
    refused_without_allowance: false,
    refused_tampered_plan: false,
    applied_plan_sha256: '',
    state_after: [],
    target: { commit: '', source: '' },
    steps
  }
  const step = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const started = new Date().toISOString()
    log.info(`infrastructure: ${name}`)
    try {
      const value = await fn()
      steps.push({
        name,
        started_at: started,
        finished_at: new Date().toISOString(),
        outcome: 'succeeded'
      })
      return value
    } catch (error) {
      steps.push({
        name,
        started_at: started,
        finished_at: new Date().toISOString(),
        outcome: 'failed',
        detail: (error as Error).message
      })
      throw error
    }
  }
  const runOf = (execution: WorkflowExecution, action: string) =>
    execution.runs.findLast((r) => r.action === action)

  try {
    await mkdir(workDir, { recursive: true })
    const version = await step('Check terraform', async () => {
      const v = await terraformVersion({ cwd: workDir, log })
      assertSupportedTerraform(v)
      return v
    })
    log.info(`infrastructure: terraform ${version}`)
    const repo = await step(
      'Create repository (commit A stable, B changed)',
      () => createInfrastructureRepo(workDir)
    )
    await step('Deploy commit B (the breaking change)', async () => {
      const tf = await checkoutAndInit(
        repo,
        repo.changedCommit,
        join(workDir, 'deploy-b'),
        log
      )
      await terraformPlan('deploy.tfplan', tf)
      await terraformApplyPlan('deploy.tfplan', tf)
    })
    // The runner machine reaches the shared state the way a remote backend would: every `terraform init` of the
    // workflow gets the local backend's path (TF_CLI_ARGS_init, developer.hashicorp.com/terraform/cli/config/
    // environment-variables#tf_cli_args-and-tf_cli_args_name).
    const dispatch = (allowDestroy: string) =>
      dispatchWorkflow(
        sandbox,
        'rollback-infrastructure.yml',
        {
          environment: 'staging',
          'additional-protected-addresses': INFRA_PROTECTED_DATABASE,
          'allow-destroy': allowDestroy
        },
        {
          artifactsRoot: options.artifactsRoot,
          github: { sha: repo.changedCommit, ref: 'refs/heads/main' },
          gitRepository: repo.repoDir,
          env: {
            TF_CLI_CONFIG_FILE: repo.cliConfigFile,
            CHECKPOINT_DISABLE: '1',
            TF_CLI_ARGS_init: `-backend-config=path=${repo.statePath}`
          },
          ...(options.onLine ? { onLine: options.onLine } : {})
        }
      )
    const refused = await step(
      'rollback-infrastructure.yml without allow-destroy (the review must refuse)',
      async () => {
        const run = await dispatch('')
        section.refused_run = run.reports[0]
        const review = runOf(run, 'terraform-plan-review')
        if (
          run.status !== 'failure' ||
          review?.exitCode !== 1 ||
          run.jobs.apply?.status !== 'skipped'
        )
          throw new Error(
            `expected the review to refuse and apply to be skipped; got workflow ${run.status}, review exit ${review?.exitCode ?? 'none'}, apply ${run.jobs.apply?.status ?? 'none'}`
          )
        return review
      }
    )
    section.refused_without_allowance = true
    const flagged = JSON.parse(
      refused.outputs['destructive-changes'] ?? '[]'
    ) as { address: string }[]
    const execution = await step(
      'rollback-infrastructure.yml with the flagged changes allowed',
      async () => {
        const run = await dispatch(flagged.map((d) => d.address).join(','))
        workflows.push(...run.reports)
        if (run.status !== 'success') {
          const failed = run.steps.find((s) => s.outcome === 'failed')
          throw new Error(
            `the workflow failed at ${failed?.job ?? '?'} / ${failed?.name ?? '?'}: ${failed?.note ?? ''}`
          )
        }
        return run
      }
    )
    const resolved = runOf(execution, 'terraform-resolve-target')?.outputs ?? {}
    section.target = {
      commit: resolved.commit ?? '',
      source: resolved.source ?? '',
      ...(resolved['source-detail'] ? { tag: resolved['source-detail'] } : {})
    }
    if (section.target.commit !== repo.stableCommit)
      throw new Error(
        `previous stable resolved to ${section.target.commit}, expected commit A ${repo.stableCommit}`
      )
    const o = runOf(execution, 'terraform-plan-review')?.outputs ?? {}
    const destructive = JSON.parse(o['destructive-changes'] ?? '[]') as {
      address: string
      action: string
      reasons: string[]
      allowedBy?: string
    }[]
    section.destructive = destructive.map((d) => ({
      address: d.address,
      action: d.action,
      reasons: d.reasons,
      ...(d.allowedBy !== undefined && { allowed_by: d.allowedBy })
    }))
    section.plan_summary = {
      create: Number(o['create-count']),
      update: Number(o['update-count']),
      replace: Number(o['replace-count']),
      delete: Number(o['delete-count']),
      changes: []
    }
    const counts = section.plan_summary
    const expected = { create: 1, update: 2, replace: 1, delete: 1 }
    if (
      Object.entries(expected).some(
        ([k, v]) => counts[k as keyof typeof expected] !== v
      )
    )
      throw new Error(
        `rollback plan counts ${JSON.stringify(counts)} differ from the scenario's ${JSON.stringify(expected)}`
      )
    const applied = runOf(execution, 'terraform-apply')?.outputs ?? {}
    section.applied_plan_sha256 = applied['applied-sha256'] ?? ''
    section.plan_summary.changes = JSON.parse(
      applied.changes ?? '[]'
    ) as InfrastructureSection['plan_summary']['changes']
    const sha = execution.jobs.plan?.outputs['plan-sha256'] ?? ''
    if (section.applied_plan_sha256 !== sha)
      throw new Error(
        `applied plan ${section.applied_plan_sha256} is not the reviewed plan ${sha}`
      )
    await step('Refuse a plan that differs from the reviewed one', async () => {
      const artifact = execution.jobs.plan?.outputs.artifact ?? ''
      const planDir = join(execution.artifactsDir, artifact)
      const wrong = sha.replace(/^./, (c) => (c === '0' ? '1' : '0'))
      const r = await runAction(
        'terraform-apply',
        {
          'plan-file': join(planDir, 'rollback.tfplan'),
          'plan-sha256': wrong,
          'working-directory': planDir
        },
        { env: { ...repo.env, PATH: process.env.PATH } }
      )
      if (r.exitCode !== 1 || !/sha-?256/i.test(r.failure ?? ''))
        throw new Error(
          `terraform-apply with a wrong checksum: expected a SHA-256 refusal, got exit ${r.exitCode}: ${r.failure ?? r.stderr.trim()}`
        )
      section.refused_tampered_plan = true
    })
    await step('Verify state equals commit A', async () => {
      await checkoutAndInit(
        repo,
        repo.stableCommit,
        join(workDir, 'verify'),
        log
      )
      const state = await terraformStateResources({
        cwd: join(workDir, 'verify'),
        log,
        env: repo.env
      })
      section.state_after = state.map((r) => ({
        address: r.address,
        input: r.values.input
      }))
      const actual = Object.fromEntries(
        section.state_after.map((r) => [r.address, r.input])
      )
      const canonical = (o: Record<string, unknown>) =>
        JSON.stringify(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)))
      if (canonical(actual) !== canonical(INFRA_STABLE_STATE))
        throw new Error(
          `state after rollback ${JSON.stringify(actual)} differs from commit A ${JSON.stringify(INFRA_STABLE_STATE)}`
        )
    })
    section.verdict = 'passed'
  } catch (error) {
    section.error = (error as Error).message
    log.error(`infrastructure: ${section.error}`)
  }
  return { section, workflows }
}

/**
 * Checks that `version` (e.g. `1.11.4`) is Terraform 1.11 or newer within major version 1.
 * @throws Error naming the version found and what is needed.
 */
export function assertSupportedTerraform(version: string): void {
  const m = /^(\d+)\.(\d+)\./.exec(version)
  const ok = m !== null && Number(m[1]) === 1 && Number(m[2]) >= 11
  if (!ok)
    throw new Error(
      `terraform ${version} found on PATH; the infrastructure scenario needs Terraform 1.x >= 1.11`
    )
}
