import { spawn } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { build } from 'esbuild'
import {
  actionInputDefaults,
  REPO_ROOT,
  runAction,
  type ActionRun,
  type RunActionOptions
} from '@rollback-actions/drill'
import { actionDefaults } from './fake-context.js'

/**
 * Bundles `actions/<id>/src/index.ts` into `outfile` with the esbuild settings of scripts/build.mjs (node24, ESM,
 * dependencies inlined, the `createRequire` banner), so a test runs the code of its own checkout.
 */
export async function buildActionBundle(
  id: string,
  outfile: string
): Promise<void> {
  await build({
    absWorkingDir: REPO_ROOT,
    entryPoints: [join(REPO_ROOT, 'actions', id, 'src', 'index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node24',
    format: 'esm',
    mainFields: ['module', 'main'],
    banner: {
      js: "import { createRequire as __rollbackCreateRequire } from 'node:module';\nconst require = __rollbackCreateRequire(import.meta.url);"
    },
    logLevel: 'warning'
  })
}

/**
 * Runs the bundle at `entry` as the runner runs action `id` (the drill's `runAction`), inputs on top of the
 * action.yml defaults.
 */
export function runBundle(
  id: string,
  entry: string,
  inputs: Record<string, string>,
  options: Omit<RunActionOptions, 'entry'> = {}
): Promise<ActionRun> {
  return runAction(
    id,
    { ...actionInputDefaults(id), ...inputs },
    { ...options, entry }
  )
}

/** What {@link spawnBundle} saw: the exit code, stdout and stderr together, the step outputs and the step summary. */
export interface BundleRun {
  code: number | null
  stdout: string
  outputs: Record<string, string>
  summary: string
}

/** Parses GITHUB_OUTPUT's `name<<delimiter` blocks. */
function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const re = /^([^<\n]+)<<(\S+)\n([\s\S]*?)\n\2$/gm
  for (const m of text.matchAll(re)) out[m[1] ?? ''] = m[3] ?? ''
  return out
}

/** Where and as whom {@link spawnBundle} runs a bundle. */
export interface SpawnBundleOptions {
  /** The bundle's entry file. */
  bundle: string
  /** The action id, whose action.yml defaults the inputs go on top of. */
  actionId: string
  /** HOME, and the folder of the audit file. */
  dir: string
  /** The GITHUB_OUTPUT file to create; the step summary is this name plus `-summary`. */
  outputFile: string
  /** NODE_EXTRA_CA_CERTS. */
  caFile: string
  /** GITHUB_REPOSITORY. */
  repository: string
  /** More environment variables, last. */
  env?: NodeJS.ProcessEnv
}

/**
 * Runs a bundle as the runner runs a step (INPUT_* variables, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, actor
 * octo-sre, run 4242) and waits for it to exit.
 * @param o the bundle, the action and the step's files and variables.
 * @param inputs the inputs given, on top of the action.yml defaults.
 * @returns what the step printed and wrote.
 */
export async function spawnBundle(
  o: SpawnBundleOptions,
  inputs: Record<string, string>
): Promise<BundleRun> {
  const summaryFile = `${o.outputFile}-summary`
  await writeFile(o.outputFile, '')
  await writeFile(summaryFile, '')
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: o.dir,
    NODE_EXTRA_CA_CERTS: o.caFile,
    GITHUB_OUTPUT: o.outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_ACTOR: 'octo-sre',
    GITHUB_REPOSITORY: o.repository,
    GITHUB_RUN_ID: '4242',
    GITHUB_SERVER_URL: 'https://github.com',
    ROLLBACK_AUDIT_FILE: join(o.dir, 'audit.jsonl'),
    ...o.env
  }
  for (const [name, value] of Object.entries({
    ...actionDefaults(o.actionId),
    ...inputs
  }))
    env[`INPUT_${name.toUpperCase()}`] = value
  const child = spawn(process.execPath, [o.bundle], {
    env,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')))
  child.stderr.on('data', (c: Buffer) => (stdout += c.toString('utf8')))
  const code = await new Promise<number | null>((resolve) =>
    child.on('close', resolve)
  )
  return {
    code,
    stdout,
    outputs: parseOutputs(await readFile(o.outputFile, 'utf8')),
    summary: await readFile(summaryFile, 'utf8')
  }
}
