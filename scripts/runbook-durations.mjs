// Fills the expected durations of docs/runbook.md from `npm run drill` reports, so nobody types them by hand.
//
//   node scripts/runbook-durations.mjs [--check] [--runbook FILE] [REPORT.json ...]
//
// Each REPORT is a drill-output/drill-report.json (default: drill-output/drill-report.json): `paths[]` with `name`,
// `rto_seconds`, `detection_seconds`, `rpo_seconds` and the targets; a `full` scenario report adds
// `full.rollback_seconds`, an `alert` scenario report `alert_scenario.planned_seconds`. Several reports merge (a later
// report's path of the same name wins), so the `all`, `full` and `alert` scenarios can all feed the block. The block
// between `<!-- durations:start -->` and `<!-- durations:end -->` is rewritten; with --check nothing is written and
// the exit code is 1 when the block differs.
import { readFileSync, writeFileSync } from 'node:fs'
import { basename } from 'node:path'

const START = '<!-- durations:start -->'
const END = '<!-- durations:end -->'
// The runbook's target for a full rollback: FULL_ROLLBACK_TARGET_SECONDS in packages/drill/src/scenarios/full.ts.
const FULL_TARGET_SECONDS = 900

const args = process.argv.slice(2)
const check = args.includes('--check')
const runbookAt = args.indexOf('--runbook')
const runbook = runbookAt >= 0 ? args[runbookAt + 1] : 'docs/runbook.md'
const reports = args.filter(
  (a, i) => !a.startsWith('--') && (runbookAt < 0 || i !== runbookAt + 1)
)
if (reports.length === 0) reports.push('drill-output/drill-report.json')

/** Seconds as the runbook shows them: 42 s, 1.5 s, 4 min 30 s. */
function seconds(value) {
  if (typeof value !== 'number' || !Number.isFinite(value))
    return 'not measured'
  if (value < 60) return `${Number(value.toFixed(1))} s`
  if (value >= 3600 && value % 3600 === 0) return `${value / 3600} h`
  const m = Math.floor(value / 60)
  const s = Math.round(value - m * 60)
  return s ? `${m} min ${s} s` : `${m} min`
}

const paths = new Map()
let full
let alert
const sources = []
for (const file of reports) {
  const report = JSON.parse(readFileSync(file, 'utf8'))
  for (const path of report.paths ?? []) paths.set(path.name, path)
  if (report.full) full = report.full
  if (report.alert_scenario) alert = report.alert_scenario
  const day = String(report.started_at ?? '').slice(0, 10) || 'undated'
  sources.push(
    `scenario \`${report.scenario ?? '?'}\` on ${day} (\`${basename(file)}\`)`
  )
}

const rows = []
const app = paths.get('application')
if (app)
  rows.push(
    `| Application (\`rollback-application.yml\`) | detection ${seconds(app.detection_seconds)}; detection to validated rollback ${seconds(app.rto_seconds)} | RTO ${seconds(app.rto_target_seconds ?? 1800)} |`
  )
const db = paths.get('database')
if (db)
  rows.push(
    `| Database (\`rollback-database.yml\`) | destructive change to validated restore and swap ${seconds(db.rto_seconds)}; data-loss window ${seconds(db.rpo_seconds)} | RPO ${seconds(db.rpo_target_seconds ?? 900)} |`
  )
const infra = paths.get('infrastructure')
if (infra)
  rows.push(
    `| Infrastructure (\`rollback-infrastructure.yml\`) | plan, review and apply of the reviewed plan ${seconds(infra.rto_seconds)} | system RTO ${seconds(infra.rto_target_seconds ?? 14400)} |`
  )
if (full)
  rows.push(
    `| Full (\`rollback-full.yml\`) | approval to the end of the run (report and post-mortem included) ${seconds(full.rollback_seconds)} | ${seconds(FULL_TARGET_SECONDS)} |`
  )

if (alert)
  rows.push(
    `| Alert to planned rollback (\`rollback-on-alert.yml\`, rules' \`for:\` shortened) | alert firing to the rollback waiting for approval ${seconds(alert.planned_seconds)} | detection 5 min |`
  )

const block = [
  START,
  `Measured by \`npm run drill\` against the sandbox: ${sources.join('; ')}.`,
  'These reports are kept in `test/fixtures/drill/`, and `test/contract/runbook.test.ts` checks this block against',
  'them: after a new drill, copy its `drill-report.json` there and run',
  "`node scripts/runbook-durations.mjs test/fixtures/drill/*.json`. The drill's Azure emulator restores in seconds;",
  'a real point-in-time restore takes longer (it depends on the database size and the logs to replay:',
  'learn.microsoft.com/azure/postgresql/flexible-server/concepts-backup-restore), so plan with the targets.',
  '',
  '| Rollback | Measured in the drill | Target |',
  '| --- | --- | --- |',
  ...rows,
  END
].join('\n')

const text = readFileSync(runbook, 'utf8')
const from = text.indexOf(START)
const to = text.indexOf(END)
if (from < 0 || to < from) {
  console.error(`${runbook}: no ${START} … ${END} block`)
  process.exit(1)
}
const next = text.slice(0, from) + block + text.slice(to + END.length)
if (check) {
  if (next !== text) {
    console.error(
      `${runbook}: the durations block differs from the drill reports; run node scripts/runbook-durations.mjs ${reports.join(' ')}`
    )
    process.exit(1)
  }
} else if (next !== text) writeFileSync(runbook, next)
