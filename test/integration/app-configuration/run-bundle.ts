// Runs an action's bundle the way the runner does (INPUT_* variables, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files)
// against an App Configuration sandbox.
import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AppConfigurationSandbox } from '@rollback-actions/sandbox'
import { bundleActions } from '../../../scripts/bundle.mjs'
import { actionDefaults } from '../../helpers/fake-context.js'

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

export interface BundleRunner {
  run(inputs: Record<string, string>): Promise<BundleRun>
  close(): Promise<void>
}

/** Builds `actionId` into a temporary folder with the repository's esbuild options and returns a runner for it. */
export async function bundleRunner(
  actionId: string,
  sb: AppConfigurationSandbox
): Promise<BundleRunner> {
  const dir = await mkdtemp(join(tmpdir(), `${actionId}-`))
  const { entries } = (await bundleActions({
    outdir: dir,
    actions: [actionId],
    write: true
  })) as { entries: { outfile: string }[] }
  const bundle = entries[0]!.outfile
  const caFile = join(dir, 'ca.pem')
  await writeFile(caFile, sb.caPem)
  let n = 0
  return {
    async run(inputs) {
      const outputFile = join(dir, `output-${++n}`)
      const summaryFile = `${outputFile}-summary`
      await writeFile(outputFile, '')
      await writeFile(summaryFile, '')
      const env: NodeJS.ProcessEnv = {
        PATH: process.env.PATH,
        HOME: dir,
        NODE_EXTRA_CA_CERTS: caFile,
        GITHUB_OUTPUT: outputFile,
        GITHUB_STEP_SUMMARY: summaryFile,
        GITHUB_ACTOR: 'octo-sre',
        GITHUB_REPOSITORY: sb.repository,
        GITHUB_RUN_ID: '4242',
        GITHUB_SERVER_URL: 'https://github.com',
        ROLLBACK_AUDIT_FILE: join(dir, 'audit.jsonl'),
        ...sb.env
      }
      for (const [name, value] of Object.entries({
        ...actionDefaults(actionId),
        ...inputs
      }))
        env[`INPUT_${name.toUpperCase()}`] = value
      const child = spawn(process.execPath, [bundle], {
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
        outputs: parseOutputs(await readFile(outputFile, 'utf8')),
        summary: await readFile(summaryFile, 'utf8')
      }
    },
    close: () => rm(dir, { recursive: true, force: true })
  }
}
