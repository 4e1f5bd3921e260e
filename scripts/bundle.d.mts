// Types of scripts/bundle.mjs, for the TypeScript tests that bundle an action with the repository's esbuild options.
import type { BuildOptions, Metafile } from 'esbuild'

export declare const REPO_ROOT: string
/** Folder of the shared chunks, relative to the output directory (actions/). */
export declare const SHARED_DIR: string
/** Name of the licence notices file in the shared folder. */
export declare const NOTICES_FILE: string

/** One bundle an action.yml names: runs.main or runs.post. */
export interface ActionEntry {
  action: string
  key: 'main' | 'post'
  /** Absolute path of the TypeScript source (actions/<id>/src/<x>.ts). */
  source: string
  /** Output path without extension, relative to the output directory (<id>/dist/<x>). */
  out: string
}

export declare function actionEntries(root?: string): ActionEntry[]
/** esbuild options; each entry point's output is a loader importing its source (see scripts/bundle.mjs). */
export declare function esbuildOptions(options: {
  entryPoints: Record<string, string>
  outdir: string
  root?: string
}): BuildOptions & { metafile: true; write: false }
export declare function thirdPartyNotices(
  metafile: Metafile,
  root?: string
): string
export declare function bundleActions(options?: {
  root?: string
  outdir?: string
  actions?: string[]
  write?: boolean
}): Promise<{
  entries: Array<ActionEntry & { outfile: string }>
  files: Array<{ path: string; text: string }>
}>
export declare function generatedFiles(outdir?: string): string[]
