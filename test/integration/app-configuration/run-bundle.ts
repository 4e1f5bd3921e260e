// Runs an action's bundle the way the runner does (INPUT_* variables, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files)
// against an App Configuration sandbox.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AppConfigurationSandbox } from '@rollback-actions/sandbox'
import { bundleActions } from '../../../scripts/bundle.mjs'
import { spawnBundle, type BundleRun } from '../../helpers/bundle.js'

export type { BundleRun }

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
      return spawnBundle(
        {
          bundle,
          actionId,
          dir,
          outputFile,
          caFile,
          repository: sb.repository,
          env: sb.env
        },
        inputs
      )
    },
    close: () => rm(dir, { recursive: true, force: true })
  }
}
