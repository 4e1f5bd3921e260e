#!/usr/bin/env node
// Bundles every action in one esbuild run (options, layout and the reasons for both: scripts/bundle.mjs).
//   node scripts/build.mjs            write actions/<id>/dist/*, actions/dist/* and remove files of an earlier build
//   node scripts/build.mjs --check    build in memory; fail when a committed file differs, is missing or is left over
import {
  existsSync,
  readFileSync,
  rmSync,
  writeFileSync,
  mkdirSync
} from 'node:fs'
import { dirname, relative } from 'node:path'
import { REPO_ROOT, bundleActions, generatedFiles } from './bundle.mjs'

const check = process.argv.includes('--check')
const { entries, files } = await bundleActions()
const fresh = new Set(files.map((f) => f.path))
const stale = generatedFiles().filter((p) => !fresh.has(p))
const rel = (p) => relative(REPO_ROOT, p)
const problems = []
if (check) {
  for (const f of files)
    if (!existsSync(f.path)) problems.push(`${rel(f.path)}: missing`)
    else if (readFileSync(f.path, 'utf8') !== f.text)
      problems.push(`${rel(f.path)}: differs from a fresh build`)
  for (const p of stale) problems.push(`${rel(p)}: not made by a fresh build`)
} else {
  for (const f of files) {
    mkdirSync(dirname(f.path), { recursive: true })
    if (!existsSync(f.path) || readFileSync(f.path, 'utf8') !== f.text)
      writeFileSync(f.path, f.text)
  }
  for (const p of stale) rmSync(p)
}
if (problems.length > 0) {
  console.error(
    `${problems.join('\n')}\nRun npm run build and commit actions/dist and actions/*/dist.`
  )
  process.exit(1)
}
const bytes = files.reduce((n, f) => n + Buffer.byteLength(f.text), 0)
console.log(
  `${check ? 'checked' : 'built'} ${entries.length} entries and ${files.length - entries.length} shared files ` +
    `(${(bytes / 1e6).toFixed(1)} MB): ${entries.map((e) => rel(e.outfile)).join(', ')}`
)
