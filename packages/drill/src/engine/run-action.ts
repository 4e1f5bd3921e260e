import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { readActionDefaults } from '@rollback-actions/action-kit'

/** Repository root (where actions/<id>/dist/index.js live). */
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

/** The runner's input variable for an input name: `INPUT_` + upper case, spaces to `_` (hyphens kept). */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

export interface RunActionOptions {
  /** Environment of the job (sandbox.env values, GITHUB_* run variables, …). */
  env?: NodeJS.ProcessEnv
  /** Path to the bundle; default `actions/<id>/dist/index.js` under the repository root. */
  entry?: string
  /** Kill the action after this many milliseconds (default 15 minutes). */
  timeoutMs?: number
  /** Receives stdout lines as they come (to stream the log of a drill). */
  onLine?: (line: string) => void
}

/**
 * Runs a bundled action exactly as the GitHub runner does: `node dist/index.js` in a child process with `INPUT_*`
 * variables and fresh `GITHUB_OUTPUT`, `GITHUB_STEP_SUMMARY`, `GITHUB_STATE`, `RUNNER_TEMP` files.
 * @param inputs input values by their action.yml names; omitted inputs take their action.yml default, as on a runner.
 */
export async function runAction(
  id: string,
  inputs: Record<string, string>,
  options: RunActionOptions = {}
): Promise<ActionRun> {
  const dir = await mkdtemp(join(tmpdir(), `rollback-run-${id}-`))
  const files = {
    output: join(dir, 'output'),
    summary: join(dir, 'summary.md'),
    state: join(dir, 'state'),
    audit: join(dir, 'audit.jsonl')
  }
  await Promise.all([
    writeFile(files.output, ''),
    writeFile(files.summary, ''),
    writeFile(files.state, '')
  ])
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ...options.env,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_STATE: files.state,
    RUNNER_TEMP: dir,
    ROLLBACK_AUDIT_FILE: files.audit,
    GITHUB_ACTIONS: 'true'
  }
  const withDefaults = options.entry
    ? inputs
    : { ...actionInputDefaults(id), ...inputs }
  for (const [name, value] of Object.entries(withDefaults))
    env[inputVariable(name)] = value
  const entry =
    options.entry ?? join(REPO_ROOT, 'actions', id, 'dist', 'index.js')
  const started = new Date()
  const child = spawn(process.execPath, [entry], {
    env,
    stdio: ['ignore', 'pipe', 'pipe']
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
  const timer = setTimeout(
    () => child.kill('SIGKILL'),
    options.timeoutMs ?? 15 * 60_000
  )
  const exitCode = await new Promise<number>((resolve) => {
    child.on('close', (code, signal) => resolve(code ?? (signal ? 137 : 1)))
  })
  clearTimeout(timer)
  if (options.onLine && pending) options.onLine(pending)
  const finished = new Date()
  const [outputText, summary, auditText] = await Promise.all([
    readFile(files.output, 'utf8'),
    readFile(files.summary, 'utf8'),
    readFile(files.audit, 'utf8').catch(() => '')
  ])
  await rm(dir, { recursive: true, force: true })
  const failure = /^::error::(.*)$/m.exec(stdout)?.[1]
  return {
    action: id,
    exitCode,
    outputs: parseGithubOutput(outputText),
    summary,
    stdout,
    stderr,
    audit: auditText
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
