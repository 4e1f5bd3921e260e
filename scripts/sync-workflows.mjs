#!/usr/bin/env node
// workflows-templates/ is the source of the reusable workflows; callable workflows must sit flat in
// .github/workflows/. This copies each template there.
//   node scripts/sync-workflows.mjs          copy
//   node scripts/sync-workflows.mjs --check  fail when a copy differs or is missing
import {
  readdirSync,
  readFileSync,
  writeFileSync,
  existsSync,
  mkdirSync
} from 'node:fs'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const check = process.argv.includes('--check')
const src = join(root, 'workflows-templates')
const dst = join(root, '.github', 'workflows')
const header =
  '# Generated from workflows-templates/ by scripts/sync-workflows.mjs: edit the template, not this copy.\n'
const stale = []
mkdirSync(dst, { recursive: true })
for (const name of readdirSync(src)
  .filter((n) => n.endsWith('.yml'))
  .sort()) {
  const want = header + readFileSync(join(src, name), 'utf8')
  const target = join(dst, name)
  if (existsSync(target) && readFileSync(target, 'utf8') === want) continue
  if (check) stale.push(`.github/workflows/${name}`)
  else writeFileSync(target, want)
}
if (stale.length > 0) {
  console.error(
    `out of sync with workflows-templates/ (run npm run sync-workflows): ${stale.join(', ')}`
  )
  process.exit(1)
}
