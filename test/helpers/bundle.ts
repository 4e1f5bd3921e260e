import { join } from 'node:path'
import { build } from 'esbuild'
import {
  actionInputDefaults,
  REPO_ROOT,
  runAction,
  type ActionRun,
  type RunActionOptions
} from '@rollback-actions/drill'

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
