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
import { REPO_ROOT } from '../engine/run-action.js'

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

/** The `terraform_data` inputs of commit B (the live commit), which a roll forward must bring back. */
export const INFRA_CHANGED_STATE: Record<string, string> = {
  'module.data.terraform_data.database': 'GP_Standard_D4s_v3',
  'terraform_data.app_server': 'app-server',
  'terraform_data.app_settings': 'release=42',
  'terraform_data.cache': 'redis-6gb',
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

/**
 * Destructive changes of the rollback plan (commit B → A) the team accepts for the staging drill: what an operator
 * gives rollback-drill.yml as `infrastructure-allow-destroy` (ROLLBACK_DRILL_TF_ALLOW_DESTROY) after reading the
 * review. terraform-plan-review refuses an allowance that matches no destructive change, so a stale list fails.
 */
export const INFRA_ROLLBACK_ACCEPTED = [
  'terraform_data.app_server',
  'terraform_data.cache'
] as const

/** Destructive changes of the roll forward (commit A → B) accepted for the drill (`infrastructure-forward-allow-destroy`). */
export const INFRA_FORWARD_ACCEPTED = [
  'terraform_data.app_server',
  'terraform_data.legacy_queue'
] as const

/** Staging's infrastructure as the drill finds it: the repository, with commit B deployed to the shared state. */
export interface InfrastructureStaging {
  repo: InfrastructureRepo
  /** What dispatchWorkflow needs so that the workflows' checkouts and `terraform init` reach this world. */
  dispatch: {
    github: { sha: string; ref: string }
    gitRepository: string
    env: NodeJS.ProcessEnv
  }
}

/**
 * Builds staging's infrastructure for a drill with the real terraform (>= 1.11 on PATH): the scenario repository
 * (commit A stable, commit B current) under `workDir`, with commit B applied to the local state, as a deployment
 * pipeline would have left it. The runner reaches the shared state the way a remote backend would: every
 * `terraform init` gets the local backend's path (TF_CLI_ARGS_init, developer.hashicorp.com/terraform/cli/config/
 * environment-variables#tf_cli_args-and-tf_cli_args_name).
 * @throws Error when terraform is missing or older than 1.11, or a terraform command fails.
 */
export async function prepareInfrastructureStaging(
  workDir: string,
  log: Logger
): Promise<InfrastructureStaging> {
  await mkdir(workDir, { recursive: true })
  assertSupportedTerraform(await terraformVersion({ cwd: workDir, log }))
  const repo = await createInfrastructureRepo(workDir)
  const tf = await checkoutAndInit(
    repo,
    repo.changedCommit,
    join(workDir, 'deploy-b'),
    log
  )
  await terraformPlan('deploy.tfplan', tf)
  await terraformApplyPlan('deploy.tfplan', tf)
  return {
    repo,
    dispatch: {
      github: { sha: repo.changedCommit, ref: 'refs/heads/main' },
      gitRepository: repo.repoDir,
      env: {
        TF_CLI_CONFIG_FILE: repo.cliConfigFile,
        CHECKPOINT_DISABLE: '1',
        TF_CLI_ARGS_init: `-backend-config=path=${repo.statePath}`
      }
    }
  }
}

/**
 * The `terraform_data` inputs in the shared state, by address (read from a fresh checkout of `commit`).
 */
export async function infrastructureState(
  staging: InfrastructureStaging,
  commit: string,
  dir: string,
  log: Logger
): Promise<Record<string, unknown>> {
  await checkoutAndInit(staging.repo, commit, dir, log)
  const state = await terraformStateResources({
    cwd: dir,
    log,
    env: staging.repo.env
  })
  return Object.fromEntries(state.map((r) => [r.address, r.values.input]))
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
