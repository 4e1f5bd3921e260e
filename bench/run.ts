// npm run bench [-- --only parallel,fail-fast,discover,startup,health,alert] [--iterations N] [--deadline SECONDS] [--update-readme]
// Every figure is a ratio measured side by side in this one process against a baseline (these machines are noisy).
import { readFile, writeFile, mkdtemp, rm, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { REPO_ROOT } from '@rollback-actions/drill'
import { benchParallel } from './parallel-rollback.js'
import { benchFailFast } from './fail-fast.js'
import { benchDiscover } from './discover-requests.js'
import { benchStartup } from './startup.js'
import { benchHealthDetection } from './health-detection.js'
import { benchAlertPlanning } from './alert-planning.js'
import type { BenchResult } from './lib.js'

const { values } = parseArgs({
  options: {
    only: {
      type: 'string',
      default: 'parallel,fail-fast,discover,startup,health,alert'
    },
    iterations: { type: 'string', default: '3' },
    deadline: { type: 'string', default: '60' },
    'update-readme': { type: 'boolean', default: false }
  }
})
const only = new Set(values.only.split(','))
const iterations = Number(values.iterations)
const results: BenchResult[] = []
/** Runs one benchmark; a benchmark that throws is recorded as not met (with the reason) and the others still run. */
async function guard(
  name: string,
  run: () => Promise<BenchResult | BenchResult[]>
): Promise<void> {
  try {
    results.push(...[await run()].flat())
  } catch (error) {
    console.error(`${name}: ${(error as Error).message}`)
    results.push({
      name,
      ours: '—',
      baseline: '—',
      oursValue: NaN,
      baselineValue: NaN,
      unit: 's',
      ratio: NaN,
      goal: '—',
      met: false,
      notes: `failed: ${(error as Error).message}`
    })
  }
}
const scratch = await mkdtemp(join(tmpdir(), 'rollback-bench-kubectl-'))
const started = new Date()
try {
  if (only.has('parallel'))
    await guard('parallel rollback', () =>
      benchParallel({ iterations, cacheDir: scratch })
    )
  if (only.has('fail-fast'))
    await guard('broken image reported failed', () =>
      benchFailFast({
        progressDeadlineSeconds: Number(values.deadline),
        cacheDir: scratch
      })
    )
  if (only.has('discover'))
    await guard('discover-tag requests', () => benchDiscover())
  if (only.has('startup'))
    await guard('action start', () =>
      benchStartup({ iterations: Math.max(iterations, 7) })
    )
  if (only.has('health'))
    await guard('health detection', () =>
      benchHealthDetection({ iterations: 1 })
    )
  if (only.has('alert'))
    await guard('alert to planned rollback', () => benchAlertPlanning())
} finally {
  await rm(scratch, { recursive: true, force: true })
}

const fmt = (v: number, unit: string) =>
  unit === 'requests'
    ? `${v}`
    : unit === 'ms'
      ? `${v.toFixed(0)} ms`
      : unit === 'MB'
        ? `${v.toFixed(1)} MB`
        : `${v.toFixed(2)} s`
const table = [
  '| Benchmark | Ours | Baseline | Ratio | Goal | Met |',
  '| --- | --- | --- | --- | --- | --- |',
  ...results.map(
    (r) =>
      `| ${r.name} | ${r.ours}: ${fmt(r.oursValue, r.unit)} | ${r.baseline}: ${fmt(r.baselineValue, r.unit)} | ${r.ratio.toFixed(3)}× | ${r.goal} | ${r.met ? 'yes' : 'NO'} |`
  )
].join('\n')
console.log(`\n${table}\n`)
for (const r of results) if (r.notes) console.log(`- ${r.name}: ${r.notes}`)
await mkdir(join(REPO_ROOT, 'bench-output'), { recursive: true })
await writeFile(
  join(REPO_ROOT, 'bench-output', 'results.json'),
  `${JSON.stringify({ started_at: started.toISOString(), results }, null, 2)}\n`
)
if (values['update-readme']) {
  const readme = join(REPO_ROOT, 'README.md')
  const text = await readFile(readme, 'utf8')
  const start = '<!-- bench:start -->'
  const end = '<!-- bench:end -->'
  // rows and notes of benchmarks not run this time (--only) are kept from the table already there
  const previous = new RegExp(`${start}([\\s\\S]*)${end}`).exec(text)?.[1] ?? ''
  const ran = new Set(results.map((r) => r.name))
  const kept = (prefix: string) =>
    previous
      .split('\n')
      .filter((l) => l.startsWith(prefix) && !l.startsWith('| ---'))
      .filter((l) => {
        const name =
          (prefix === '| '
            ? l.slice(2).split(' | ')[0]
            : l.slice(2).split(': ')[0]) ?? ''
        return name !== 'Benchmark' && !ran.has(name)
      })
  const keptRows = kept('| ')
  const body = [
    `Measured ${started.toISOString().slice(0, 10)} on the project machine (2 cores) with \`npm run bench\`` +
      ` (${iterations} iterations, medians)` +
      (keptRows.length > 0
        ? `; ${keptRows.length} row(s) kept from an earlier run:`
        : ':'),
    '',
    table,
    ...keptRows,
    '',
    ...results.filter((r) => r.notes).map((r) => `- ${r.name}: ${r.notes}`),
    ...kept('- ')
  ].join('\n')
  await writeFile(
    readme,
    text.replace(
      new RegExp(`${start}[\\s\\S]*${end}`),
      `${start}\n${body}\n${end}`
    )
  )
}
process.exit(results.every((r) => r.met) ? 0 : 1)
