import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import { readActionDefaults } from '@rollback-actions/action-kit'

/** Repository root (where actions/<id>/action.yml live). */
export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url))

/** What one run of a bundled action produced, as the runner would see it. */
export interface ActionRun {
  action: string
  exitCode: number
  /** Outputs parsed from the `GITHUB_OUTPUT` file. */
  outputs: Record<string, string>
  /** The job summary written to `GITHUB_STEP_SUMMARY` (Markdown). */
  summary: string
  stdout: string
  stderr: string
  /** Audit records (JSON lines of `ROLLBACK_AUDIT_FILE`) written by this run. */
  audit: Array<Record<string, unknown>>
  /** UTC ISO-8601. */
  startedAt: string
  finishedAt: string
  /** Wall-clock milliseconds from spawn to exit. */
  durationMs: number
  /** The `::error::` message, when the action failed. */
  failure?: string
  /** Variables the step wrote to `GITHUB_ENV` (for the job's later steps). */
  exportedEnv?: Record<string, string>
  /** Directories the step wrote to `GITHUB_PATH` (prepended to PATH for later steps). */
  addedPath?: string[]
}

/**
 * Parses a `GITHUB_OUTPUT` file: `name=value` lines and `name<<DELIMITER` … `DELIMITER` blocks (the runner's
 * file-command format, as `@actions/core` writes it).
 */
export function parseGithubOutput(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? ''
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const [, name, delimiter] = heredoc as unknown as [string, string, string]
      const value: string[] = []
      for (i++; i < lines.length && lines[i] !== delimiter; i++)
        value.push(lines[i] ?? '')
      out[name] = value.join('\n')
    } else if (line.includes('=')) {
      const at = line.indexOf('=')
      out[line.slice(0, at)] = line.slice(at + 1)
    }
  }
  return out
}

/**
 * Defaults of an action's inputs from its action.yml: the runner sets `INPUT_<NAME>` to the default for every input
 * the workflow step does not give.
 */
export function actionInputDefaults(id: string): Record<string, string> {
  return readActionDefaults(
    readFileSync(join(REPO_ROOT, 'actions', id, 'action.yml'), 'utf8'),
    { unset: '' }
  )
}

/**
 * Absolute path of the file an action's `runs.main` names, resolved against the action's folder as the runner does
 * (https://docs.github.com/en/actions/reference/workflows-and-actions/metadata-syntax#runsmain).
 * @throws Error when action.yml has no `runs.main`.
 */
export function actionEntry(id: string): string {
  const folder = join(REPO_ROOT, 'actions', id)
  const doc = parse(readFileSync(join(folder, 'action.yml'), 'utf8')) as {
    runs?: { main?: string }
  }
  const main = doc.runs?.main
  if (!main) throw new Error(`actions/${id}/action.yml has no runs.main`)
  return resolve(folder, main)
}

/** The runner's input variable for an input name: `INPUT_` + upper case, spaces to `_` (hyphens kept). */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

export interface RunActionOptions {
  /** Environment of the job (sandbox.env values, GITHUB_* run variables, …). */
  env?: NodeJS.ProcessEnv
  /** Path to the bundle; default what `runs.main` of `actions/<id>/action.yml` names. */
  entry?: string
  /** Kill the action after this many milliseconds (default 15 minutes). */
  timeoutMs?: number
  /** Receives stdout lines as they come (to stream the log of a drill). */
  onLine?: (line: string) => void
  /** Working directory (the job's `GITHUB_WORKSPACE`); default the current one. */
  cwd?: string
  /**
   * The job's `RUNNER_TEMP`, shared by its steps. Given, the audit trail is the job's
   * `$RUNNER_TEMP/rollback-audit.jsonl` (as on a runner) and `audit` holds the records this step added; otherwise a
   * fresh directory and audit file per run.
   */
  runnerTemp?: string
}

/** What a process step gets from the runner and leaves in its file commands. */
export interface StepProcess {
  /** Label of the run (the action id, `run`, or a third-party action). */
  label: string
  command: string
  args: string[]
  /** Extra variables on top of the job environment (INPUT_* values, …). */
  env: NodeJS.ProcessEnv
  options: RunActionOptions
}

/**
 * Runs one step process as the runner does: fresh `GITHUB_OUTPUT`, `GITHUB_ENV`, `GITHUB_PATH`,
 * `GITHUB_STEP_SUMMARY` and `GITHUB_STATE` files, `RUNNER_TEMP`, `GITHUB_ACTIONS=true`; then reads the file commands
 * back (docs.github.com/actions/reference/workflows-and-actions/workflow-commands#environment-files).
 */
export async function runStepProcess(step: StepProcess): Promise<ActionRun> {
  const { options } = step
  const dir = await mkdtemp(
    join(tmpdir(), `rollback-run-${step.label.replace(/[^\w.-]/g, '_')}-`)
  )
  const runnerTemp = options.runnerTemp ?? dir
  const files = {
    output: join(dir, 'output'),
    env: join(dir, 'env'),
    path: join(dir, 'path'),
    summary: join(dir, 'summary.md'),
    state: join(dir, 'state')
  }
  const audit =
    options.env?.ROLLBACK_AUDIT_FILE ??
    (options.runnerTemp
      ? join(runnerTemp, 'rollback-audit.jsonl')
      : join(dir, 'audit.jsonl'))
  await Promise.all(Object.values(files).map((f) => writeFile(f, '')))
  const auditBefore = (await readFile(audit, 'utf8').catch(() => '')).length
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ...options.env,
    ...step.env,
    GITHUB_OUTPUT: files.output,
    GITHUB_ENV: files.env,
    GITHUB_PATH: files.path,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_STATE: files.state,
    RUNNER_TEMP: runnerTemp,
    ...(options.runnerTemp ? {} : { ROLLBACK_AUDIT_FILE: audit }),
    GITHUB_ACTIONS: 'true'
  }
  const started = new Date()
  // its own process group, so that a timeout ends the step's whole process tree as the runner does
  const child = spawn(step.command, step.args, {
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(options.cwd ? { cwd: options.cwd } : {})
  })
  let stdout = ''
  let stderr = ''
  let pending = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk
    if (options.onLine) {
      pending += chunk
      const parts = pending.split('\n')
      pending = parts.pop() ?? ''
      for (const l of parts) options.onLine(l)
    }
  })
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk
  })
  let timedOut = false
  const timer = setTimeout(
    () => {
      timedOut = true
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL')
      } catch {
        child.kill('SIGKILL')
      }
    },
    options.timeoutMs ?? 15 * 60_000
  )
  const exitCode = await new Promise<number>((resolve) => {
    child.on('error', (error) => {
      stderr += `${error.message}\n`
      resolve(127)
    })
    child.on('close', (code, signal) => resolve(code ?? (signal ? 137 : 1)))
  })
  clearTimeout(timer)
  if (options.onLine && pending) options.onLine(pending)
  const finished = new Date()
  const [outputText, envText, pathText, summary, auditText] = await Promise.all(
    [
      readFile(files.output, 'utf8'),
      readFile(files.env, 'utf8'),
      readFile(files.path, 'utf8'),
      readFile(files.summary, 'utf8'),
      readFile(audit, 'utf8').catch(() => '')
    ]
  )
  await rm(dir, { recursive: true, force: true })
  const failure = timedOut
    ? `the step was cancelled after ${Math.round((options.timeoutMs ?? 0) / 1000)} s (timeout-minutes)`
    : /^::error(?: [^:]*)?::(.*)$/m.exec(stdout)?.[1]
  return {
    action: step.label,
    exitCode,
    outputs: parseGithubOutput(outputText),
    exportedEnv: parseGithubOutput(envText),
    addedPath: pathText.split('\n').filter((l) => l.trim() !== ''),
    summary,
    stdout,
    stderr,
    audit: auditText
      .slice(auditBefore)
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as Record<string, unknown>),
    startedAt: started.toISOString(),
    finishedAt: finished.toISOString(),
    durationMs: finished.getTime() - started.getTime(),
    ...(failure === undefined
      ? {}
      : { failure: failure.replace(/%0A/g, '\n').replace(/%25/g, '%') })
  }
}

/**
 * Runs a node action exactly as the GitHub runner does: `node <runs.main>` in a child process with `INPUT_*`
 * variables (action.yml defaults for inputs not given) and fresh runner files (see runStepProcess).
 * @param inputs input values by their action.yml names; omitted inputs take their action.yml default, as on a runner.
 */
export async function runAction(
  id: string,
  inputs: Record<string, string>,
  options: RunActionOptions = {}
): Promise<ActionRun> {
  const withDefaults = options.entry
    ? inputs
    : { ...actionInputDefaults(id), ...inputs }
  const env: NodeJS.ProcessEnv = {}
  for (const [name, value] of Object.entries(withDefaults))
    env[inputVariable(name)] = value
  return runStepProcess({
    label: id,
    command: process.execPath,
    args: [options.entry ?? actionEntry(id)],
    env,
    options
  })
}
