// The one esbuild configuration of the repository, shared by scripts/build.mjs and the integration tests that bundle
// an action themselves. All actions are built in ONE esbuild run with code splitting, the way
// github/codeql-action shares one build among its sub-actions (its action.yml files point into ../lib/), so code
// that several actions use (the Azure, Kubernetes and GitHub SDKs, action-kit) is written once
// (github/codeql-action:analyze/action.yml has `main: "../lib/analyze-action.js"`).
//
// Layout (output directory actions/):
//   actions/<id>/dist/index.js   each action's entry, where its action.yml `runs.main: dist/index.js` points
//                                (runs.post likewise): a loader that turns on Node's compile cache (see loaderSource)
//                                and imports the action's code
//   actions/dist/<id>-index-<hash>.js   the action's code
//   actions/dist/chunk-<hash>.js  code shared by several actions, imported as ./chunk-<hash>.js; chunks named after
//                                a package (esm-<hash>.js: @azure/identity, the ACR SDK) load on first use (import())
//   actions/dist/licenses.txt    licence notices of every third-party package in the bundles
// Why entries stay in actions/<id>/dist/: runs.main is resolved against the action's folder, and a path inside it
// keeps every action.yml, the root facade (actions/redeploy/dist/index.js) and the README's "node dist/index.js"
// unchanged. The shared chunks sit beside them under actions/: for a `uses: owner/repo/actions/<id>@ref` step the
// runner downloads the whole repository at that ref, so a path out of the action's folder resolves, as codeql-action's
// ../lib/ does (https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax#jobsjob_idstepsuses).
// Output: ESM for node24 (the runner's runtime), dependencies inlined, no minification and no source maps, so the
// committed files read as code and diff plainly. Bundled CommonJS dependencies call require(): ESM has none, so every
// output file starts with a createRequire banner (as Azure/k8s-deploy's esbuild build does); without it, start
// fails with `Dynamic require of "net" is not supported` (https://github.com/evanw/esbuild/issues/1921).
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  writeFileSync
} from 'node:fs'
import { dirname, join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { parse } from 'yaml'

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')

/** Folder of the shared chunks, relative to the output directory (actions/). */
export const SHARED_DIR = 'dist'

/** Name of the licence notices file in the shared folder (the name `ncc build --license` users know). */
export const NOTICES_FILE = 'licenses.txt'

const BANNER =
  "import { createRequire as __rollbackCreateRequire } from 'node:module';\n" +
  'const require = __rollbackCreateRequire(import.meta.url);'

/**
 * Entry points of every action, found from actions/<id>/action.yml (no hand-kept list, as github/codeql-action's
 * build.mjs): runs.main / runs.post `dist/<x>.js` is built from `src/<x>.ts`.
 */
export function actionEntries(root = REPO_ROOT) {
  const entries = []
  const actionsDir = join(root, 'actions')
  for (const action of readdirSync(actionsDir).sort()) {
    const yml = join(actionsDir, action, 'action.yml')
    if (!existsSync(yml)) continue
    const runs = parse(readFileSync(yml, 'utf8'))?.runs ?? {}
    for (const key of ['main', 'post']) {
      const target = runs[key]
      if (!target) continue
      const m = /^dist\/([\w-]+)\.js$/.exec(target)
      if (!m)
        throw new Error(
          `${relative(root, yml)}: runs.${key} must be dist/<name>.js, got ${target}`
        )
      entries.push({
        action,
        key,
        source: join(actionsDir, action, 'src', `${m[1]}.ts`),
        out: `${action}/dist/${m[1]}`
      })
    }
  }
  return entries
}

/**
 * What each action.yml points at: a loader that turns on Node's compile cache, then imports the action (its chunk
 * `<id>-<x>-<hash>.js` in the shared folder). Node compiles a module before any of its code runs, so the cache must be
 * on before the action's code is imported. The cache lives in RUNNER_TEMP, which the runner empties at the start and
 * end of every job (https://docs.github.com/en/actions/reference/workflows-and-actions/variables): the first action of
 * a job compiles the shared chunks (the Kubernetes and Azure SDKs), later actions of the job read V8's cached code
 * instead (https://nodejs.org/api/module.html#module-compile-cache; tsc turns it on the same way since TypeScript 5.7:
 * https://devblogs.microsoft.com/typescript/announcing-typescript-5-7/).
 * Without RUNNER_TEMP (a local run) Node's default folder under the OS temp folder is used.
 */
function loaderSource(id) {
  return [
    "import { enableCompileCache } from 'node:module'",
    "import { join } from 'node:path'",
    'const runnerTemp = process.env.RUNNER_TEMP',
    "enableCompileCache(runnerTemp ? join(runnerTemp, 'node-compile-cache') : undefined)",
    `await import(${JSON.stringify(`${ACTION}${id}`)})`,
    ''
  ].join('\n')
}

const LOADER = 'rollback-loader:'
const ACTION = 'rollback-action:'

/** Resolves the loaders (entry points) and the `<id>-<x>` modules they import, which import src/<x>.ts. */
function loaderPlugin(sources) {
  return {
    name: 'rollback-loader',
    setup(b) {
      b.onResolve({ filter: /^rollback-(loader|action):/ }, (args) => {
        const at = args.path.indexOf(':')
        return {
          path: args.path.slice(at + 1),
          namespace: args.path.slice(0, at)
        }
      })
      b.onLoad({ filter: /.*/, namespace: 'rollback-loader' }, (args) => ({
        contents: loaderSource(args.path),
        loader: 'js'
      }))
      b.onLoad({ filter: /.*/, namespace: 'rollback-action' }, (args) => ({
        contents: `import ${JSON.stringify(sources.get(args.path))}\n`,
        resolveDir: b.initialOptions.absWorkingDir,
        loader: 'js'
      }))
    }
  }
}

/**
 * The esbuild options of every bundle: `entryPoints` maps output paths (no extension, such as redeploy/dist/index)
 * to the sources (actions/redeploy/src/index.ts); each output is the loader above.
 */
export function esbuildOptions({ entryPoints, outdir, root = REPO_ROOT }) {
  const sources = new Map(
    Object.entries(entryPoints).map(([out, source]) => {
      const [id, , name] = out.split('/')
      return [`${id}-${name}`, source]
    })
  )
  return {
    absWorkingDir: root,
    entryPoints: Object.fromEntries(
      Object.keys(entryPoints).map((out, i) => [
        out,
        `${LOADER}${[...sources.keys()][i]}`
      ])
    ),
    plugins: [loaderPlugin(sources)],
    outdir,
    chunkNames: `${SHARED_DIR}/[name]-[hash]`,
    bundle: true,
    splitting: true,
    platform: 'node',
    target: 'node24',
    format: 'esm',
    mainFields: ['module', 'main'],
    banner: { js: BANNER },
    minify: false,
    sourcemap: false,
    // the notices file below carries every licence whole; esbuild's legal comments would only keep /*! ... */ ones
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
    write: false
  }
}

/** `node_modules/<name>` or `node_modules/@scope/<name>` folder of a bundled input path, or undefined for ours. */
function packageFolder(input) {
  const parts = input.split('/')
  const at = parts.lastIndexOf('node_modules')
  if (at < 0) return undefined
  const width = parts[at + 1]?.startsWith('@') ? 3 : 2
  return parts.slice(0, at + width).join('/')
}

const LICENCE_FILE = /^((un)?licen[cs]e|copying|notice)([.-].*)?$/i

/**
 * Licence notices of the third-party packages whose code is in the outputs (inputs with bytes in an output, from
 * esbuild's metafile): per package its name, version, licence and the text of its LICENSE / NOTICE files, sorted by
 * name — what `ncc build --license licenses.txt` writes beside an action's bundle (https://github.com/vercel/ncc).
 */
export function thirdPartyNotices(metafile, root = REPO_ROOT) {
  const folders = new Set()
  for (const output of Object.values(metafile.outputs))
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs))
      if (bytesInOutput > 0) {
        const folder = packageFolder(input.split(sep).join('/'))
        if (folder) folders.add(folder)
      }
  const packages = new Map()
  for (const folder of folders) {
    const manifest = JSON.parse(
      readFileSync(join(root, folder, 'package.json'), 'utf8')
    )
    const id = `${manifest.name}@${manifest.version}`
    if (packages.has(id)) continue
    const texts = readdirSync(join(root, folder))
      .filter((f) => LICENCE_FILE.test(f))
      .sort()
      .map((f) => readFileSync(join(root, folder, f), 'utf8').trim())
    const licence =
      typeof manifest.license === 'string'
        ? manifest.license
        : (manifest.license?.type ?? 'UNKNOWN')
    packages.set(id, { id, licence, texts })
  }
  const sorted = [...packages.values()].sort((a, b) =>
    a.id < b.id ? -1 : a.id > b.id ? 1 : 0
  )
  return (
    `Third-party software in these bundles (generated by scripts/build.mjs from the bundled packages).\n\n` +
    sorted
      .map(
        (p) =>
          `${p.id}\n${p.licence}\n${p.texts.length > 0 ? p.texts.join('\n\n') : '(the package ships no licence file)'}\n`
      )
      .join('\n')
  )
}

/**
 * Bundles the actions (all, or those named) in one esbuild run into `outdir` (default actions/). Returns the entries
 * with the absolute path of each bundle (`outfile`) and every output file (chunks and the notices file included).
 * Writes the files when `write` is true; the build script writes itself, to remove files of an earlier build too.
 */
export async function bundleActions({
  root = REPO_ROOT,
  outdir = join(root, 'actions'),
  actions,
  write = false
} = {}) {
  const entries = actionEntries(root)
    .filter((e) => !actions || actions.includes(e.action))
    .map((e) => ({ ...e, outfile: join(outdir, `${e.out}.js`) }))
  if (actions)
    for (const a of actions)
      if (!entries.some((e) => e.action === a))
        throw new Error(`no action named ${a} under actions/`)
  const result = await build(
    esbuildOptions({
      entryPoints: Object.fromEntries(entries.map((e) => [e.out, e.source])),
      outdir,
      root
    })
  )
  const files = result.outputFiles.map((f) => ({ path: f.path, text: f.text }))
  files.push({
    path: join(outdir, SHARED_DIR, NOTICES_FILE),
    text: thirdPartyNotices(result.metafile, root)
  })
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  if (write)
    for (const f of files) {
      mkdirSync(dirname(f.path), { recursive: true })
      writeFileSync(f.path, f.text)
    }
  return { entries, files }
}

/** Every file a build of the whole suite owns under `outdir`: actions/dist/** and actions/<id>/dist/**. */
export function generatedFiles(outdir = join(REPO_ROOT, 'actions')) {
  const found = []
  const walk = (dir) => {
    for (const d of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, d.name)
      if (d.isDirectory()) walk(path)
      else found.push(path)
    }
  }
  if (existsSync(join(outdir, SHARED_DIR))) walk(join(outdir, SHARED_DIR))
  for (const d of readdirSync(outdir, { withFileTypes: true }))
    if (d.isDirectory() && existsSync(join(outdir, d.name, 'dist')))
      walk(join(outdir, d.name, 'dist'))
  return [...new Set(found)].sort()
}
