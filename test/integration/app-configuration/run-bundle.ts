// Runs an action's bundle the way the runner does (INPUT_* variables, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files)
// against an App Configuration sandbox.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll } from '@jest/globals'
import {
  startAppConfigurationSandbox,
  type AppConfigurationSandbox,
  type StartAppConfigurationSandboxOptions
} from '@rollback-actions/sandbox'
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

/** An App Configuration sandbox and a bundled action run against it, as {@link useBundleSandbox} keeps them. */
export interface BundleSandbox {
  sb: AppConfigurationSandbox
  action: BundleRunner
}

/**
 * Starts an App Configuration sandbox seeded with `seed` and bundles `actionId` before the file's tests, and
 * closes both after them; the fields are set once `beforeAll` has run.
 * @param actionId the action to bundle.
 * @param seed the store's key-values, oldest first.
 * @returns the sandbox and the runner, filled in by `beforeAll`.
 */
export function useBundleSandbox(
  actionId: string,
  seed: NonNullable<StartAppConfigurationSandboxOptions['seed']>
): BundleSandbox {
  const t = {} as BundleSandbox
  beforeAll(async () => {
    t.sb = await startAppConfigurationSandbox({ seed })
    t.action = await bundleRunner(actionId, t.sb)
  }, 60_000)
  afterAll(async () => {
    await t.action?.close()
    await t.sb?.close()
  })
  return t
}

/**
 * The inputs naming the sandbox's store and its federated identity: `endpoint`, `client-id`, `tenant-id`.
 * @param sb the sandbox.
 * @returns the inputs, by input name.
 */
export const storeInputs = (sb: AppConfigurationSandbox) => ({
  endpoint: sb.store.url,
  'client-id': sb.clientId,
  'tenant-id': sb.tenantId
})
