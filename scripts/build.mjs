#!/usr/bin/env node
// Bundles every action: for each actions/<name>/action.yml, the files named by runs.main / runs.post
// (dist/<x>.js) are built from src/<x>.ts with esbuild. No hand-kept entry list.
//   node scripts/build.mjs            write the bundles
//   node scripts/build.mjs --check    build in memory and fail when a committed bundle differs or is missing
import {
  readdirSync,
  readFileSync,
  existsSync,
  mkdirSync,
  writeFileSync
} from 'node:fs'
import { join, dirname, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { parse } from 'yaml'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const check = process.argv.includes('--check')

/** Entry points of every action: [{ action, entry: src/x.ts, outfile: dist/x.js }]. */
export function actionEntries() {
  const entries = []
  const actionsDir = join(root, 'actions')
  for (const name of readdirSync(actionsDir).sort()) {
    const yml = join(actionsDir, name, 'action.yml')
    if (!existsSync(yml)) continue
    const runs = parse(readFileSync(yml, 'utf8'))?.runs ?? {}
    for (const key of ['main', 'post']) {
      const target = runs[key]
      if (!target) continue
      const m = /^dist\/(.+)\.js$/.exec(target)
      if (!m)
        throw new Error(
          `${relative(root, yml)}: runs.${key} must be dist/<name>.js, got ${target}`
        )
      entries.push({
        action: name,
        entry: join(actionsDir, name, 'src', `${m[1]}.ts`),
        outfile: join(actionsDir, name, target)
      })
    }
  }
  return entries
}

const banner =
  "import { createRequire as __rollbackCreateRequire } from 'node:module';\n" +
  'const require = __rollbackCreateRequire(import.meta.url);'

/** Builds one entry; returns the bundle text. */
async function bundle({ entry, outfile }) {
  const result = await build({
    absWorkingDir: root,
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node24',
    format: 'esm',
    mainFields: ['module', 'main'],
    banner: { js: banner },
    minify: false,
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
    write: false
  })
  return result.outputFiles[0].text
}

const entries = actionEntries()
const problems = []
await Promise.all(
  entries.map(async (e) => {
    const text = await bundle(e)
    const rel = relative(root, e.outfile)
    if (check) {
      if (!existsSync(e.outfile))
        problems.push(`${rel}: missing (run npm run build and commit it)`)
      else if (readFileSync(e.outfile, 'utf8') !== text)
        problems.push(
          `${rel}: differs from a fresh build (run npm run build and commit it)`
        )
    } else {
      mkdirSync(dirname(e.outfile), { recursive: true })
      writeFileSync(e.outfile, text)
    }
  })
)
if (problems.length > 0) {
  console.error(problems.join('\n'))
  process.exit(1)
}
console.log(
  `${check ? 'checked' : 'built'} ${entries.length} bundle(s): ${entries.map((e) => relative(root, e.outfile)).join(', ')}`
)
