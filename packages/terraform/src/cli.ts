import { execFile } from 'node:child_process'
import {
  ConfigurationError,
  OperationError
} from '@rollback-actions/action-kit'
import type { Logger } from '@rollback-actions/action-kit'
import { TERRAFORM_AUTOMATION_ENV } from './constants.js'

/** How to run the terraform CLI. */
export interface TerraformRunOptions {
  /** Working directory (the root module). */
  cwd: string
  log: Logger
  /** Executable; default `terraform` from PATH. */
  bin?: string
  /** Environment; default `process.env`. TF_IN_AUTOMATION=1 and TF_INPUT=0 are always added. */
  env?: NodeJS.ProcessEnv
  /** Kill the command after this many seconds; default 3600. */
  timeoutSeconds?: number
}

/** Output of one terraform command. */
export interface TerraformResult {
  stdout: string
  stderr: string
}

const MAX_OUTPUT_BYTES = 512 * 1024 * 1024

function tail(text: string, lines: number): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n')
}

/**
 * Runs `terraform <args>` with execFile (no shell), non-interactively.
 * @throws ConfigurationError when the executable is missing; OperationError (with the last 30 lines of stderr, where
 *   Terraform writes its diagnostics) when it exits non-zero or times out.
 */
export function runTerraform(
  args: readonly string[],
  options: TerraformRunOptions
): Promise<TerraformResult> {
  const bin = options.bin ?? 'terraform'
  const env = {
    ...(options.env ?? process.env),
    ...TERRAFORM_AUTOMATION_ENV
  }
  options.log.debug(`run: ${bin} ${args.join(' ')} (in ${options.cwd})`)
  return new Promise((resolve, reject) => {
    execFile(
      bin,
      [...args],
      {
        cwd: options.cwd,
        env,
        maxBuffer: MAX_OUTPUT_BYTES,
        timeout: (options.timeoutSeconds ?? 3600) * 1000,
        encoding: 'utf8'
      },
      (error, stdout, stderr) => {
        if (!error) return resolve({ stdout, stderr })
        const code = (error as NodeJS.ErrnoException).code
        if (code === 'ENOENT') {
          return reject(
            new ConfigurationError(
              `"${bin}" was not found on PATH (or working directory ${options.cwd} does not exist); install Terraform >= 1.11 (hashicorp/setup-terraform) before this step`,
              { cause: error }
            )
          )
        }
        const how = error.killed
          ? `was stopped after ${options.timeoutSeconds ?? 3600}s`
          : `exited with ${String(code)}`
        const detail = tail(stderr || stdout, 30)
        reject(
          new OperationError(
            `terraform ${args[0] ?? ''} ${how} in ${options.cwd}${detail ? `:\n${detail}` : ''}`,
            { cause: error }
          )
        )
      }
    )
  })
}

/**
 * The CLI version from `terraform version -json` (e.g. `1.11.4`).
 * @throws ConfigurationError when terraform is missing; OperationError when the output is not the expected JSON.
 */
export async function terraformVersion(
  options: TerraformRunOptions
): Promise<string> {
  const { stdout } = await runTerraform(['version', '-json'], options)
  try {
    const parsed = JSON.parse(stdout) as { terraform_version?: unknown }
    if (typeof parsed.terraform_version === 'string')
      return parsed.terraform_version
  } catch {
    // fall through
  }
  throw new OperationError(
    `"terraform version -json" printed no version; is ${options.bin ?? 'terraform'} really Terraform?`
  )
}

/** The standard output of a Terraform run ({@link runTerraform}). */
async function stdoutOf(
  args: string[],
  options: TerraformRunOptions
): Promise<string> {
  return (await runTerraform(args, options)).stdout
}

/** `terraform init -input=false -no-color [-backend-config=...]`. */
export async function terraformInit(
  options: TerraformRunOptions & { backendConfig?: readonly string[] }
): Promise<void> {
  const extra = (options.backendConfig ?? []).map((c) => `-backend-config=${c}`)
  await runTerraform(['init', '-input=false', '-no-color', ...extra], options)
}

/** `terraform plan -input=false -no-color -out=<planFile>`; returns Terraform's human-readable plan. */
export async function terraformPlan(
  planFile: string,
  options: TerraformRunOptions
): Promise<string> {
  return stdoutOf(
    ['plan', '-input=false', '-no-color', `-out=${planFile}`],
    options
  )
}

/** `terraform show -json <planFile>`: the plan's JSON text (validate it with parsePlanJson). */
export async function terraformShowPlanJson(
  planFile: string,
  options: TerraformRunOptions
): Promise<string> {
  return stdoutOf(['show', '-json', '-no-color', planFile], options)
}

/** `terraform apply -input=false -no-color <planFile>`: applies exactly that saved plan (never plans again). */
export async function terraformApplyPlan(
  planFile: string,
  options: TerraformRunOptions
): Promise<string> {
  return stdoutOf(['apply', '-input=false', '-no-color', planFile], options)
}

/** `terraform state list`: resource instance addresses in the current state. */
export async function terraformStateList(
  options: TerraformRunOptions
): Promise<string[]> {
  const { stdout } = await runTerraform(['state', 'list', '-no-color'], options)
  return stdout.split('\n').filter((l) => l.trim() !== '')
}

/** One managed resource instance of `terraform show -json` (current state). */
export interface StateResource {
  address: string
  type: string
  values: Record<string, unknown>
}

/** `terraform show -json` of the current state: every resource instance (root and child modules), in address order. */
export async function terraformStateResources(
  options: TerraformRunOptions
): Promise<StateResource[]> {
  const { stdout } = await runTerraform(['show', '-json', '-no-color'], options)
  interface Module {
    resources?: StateResource[]
    child_modules?: Module[]
  }
  const parsed = JSON.parse(stdout) as { values?: { root_module?: Module } }
  const out: StateResource[] = []
  const walk = (m: Module | undefined) => {
    if (!m) return
    for (const r of m.resources ?? [])
      out.push({ address: r.address, type: r.type, values: r.values })
    for (const c of m.child_modules ?? []) walk(c)
  }
  walk(parsed.values?.root_module)
  return out.sort((a, b) => a.address.localeCompare(b.address))
}
