#!/usr/bin/env node
// Generates the Inputs and Outputs tables of every action from its action.yml:
//   actions/<name>/README.md between <!-- inputs:start --> / <!-- inputs:end --> and <!-- outputs:start --> / <!-- outputs:end -->
//   README.md between <!-- <name>:inputs:start --> / <!-- <name>:inputs:end --> (and outputs) where present.
//   node scripts/gen-readme.mjs           rewrite the tables
//   node scripts/gen-readme.mjs --check   fail when a table is out of date
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs'
import { join, dirname, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const check = process.argv.includes('--check')
const esc = (v) =>
  String(v ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, ' ')
    .trim()

export function inputsTable(doc) {
  const rows = Object.entries(doc.inputs ?? {}).map(
    ([name, s]) =>
      `| \`${name}\` | ${s.required ? 'yes' : 'no'} | ${s.default === undefined || s.default === '' ? '' : `\`${esc(s.default)}\``} | ${esc(s.description)} |`
  )
  return [
    '| Name | Required | Default | Description |',
    '| --- | --- | --- | --- |',
    ...rows
  ].join('\n')
}

export function outputsTable(doc) {
  const rows = Object.entries(doc.outputs ?? {}).map(
    ([name, s]) => `| \`${name}\` | ${esc(s.description)} |`
  )
  return ['| Name | Description |', '| --- | --- |', ...rows].join('\n')
}

function replaceBetween(text, start, end, body) {
  const i = text.indexOf(start)
  const j = text.indexOf(end)
  if (i < 0 || j < i) return text
  return `${text.slice(0, i + start.length)}\n${body}\n${text.slice(j)}`
}

const stale = []
function update(path, transform) {
  if (!existsSync(path)) return
  const before = readFileSync(path, 'utf8')
  const after = transform(before)
  if (after === before) return
  if (check) stale.push(relative(root, path))
  else writeFileSync(path, after)
}

const actionsDir = join(root, 'actions')
for (const name of readdirSync(actionsDir).sort()) {
  const yml = join(actionsDir, name, 'action.yml')
  if (!existsSync(yml)) continue
  const doc = parse(readFileSync(yml, 'utf8'))
  const inputs = inputsTable(doc)
  const outputs = outputsTable(doc)
  update(join(actionsDir, name, 'README.md'), (t) =>
    replaceBetween(
      replaceBetween(t, '<!-- inputs:start -->', '<!-- inputs:end -->', inputs),
      '<!-- outputs:start -->',
      '<!-- outputs:end -->',
      outputs
    )
  )
  update(join(root, 'README.md'), (t) =>
    replaceBetween(
      replaceBetween(
        t,
        `<!-- ${name}:inputs:start -->`,
        `<!-- ${name}:inputs:end -->`,
        inputs
      ),
      `<!-- ${name}:outputs:start -->`,
      `<!-- ${name}:outputs:end -->`,
      outputs
    )
  )
}
if (stale.length > 0) {
  console.error(`out of date (run npm run readme): ${stale.join(', ')}`)
  process.exit(1)
}
