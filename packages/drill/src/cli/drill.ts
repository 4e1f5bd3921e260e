// npm run drill [-- --out DIR] [--scenario application|database|infrastructure|all|full|full-db-failure|alert] [--rto-target-seconds N]
// Dispatches workflows-templates/rollback-drill.yml against the local sandbox (staging) through the drill engine;
// writes DIR/drill-report.md and DIR/drill-report.json. No --scenario means every path (all).
// Exits 0 only when every selected path met its checks and staging is back as it was.
// `full` and `full-db-failure` dispatch workflows-templates/rollback-full.yml (feature flags → services →
// configuration → database), the second with the database restore made to fail.
// `alert` (with --alert-for SECONDS, the rules' shortened for:) drives rollback-on-alert.yml from a firing alert.
import { parseArgs } from 'node:util'
import {
  runDrill,
  SCENARIOS,
  type DrillTargets,
  type ScenarioName
} from '../drill.js'

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: './drill-output' },
    scenario: { type: 'string', default: 'all' },
    'rto-target-seconds': { type: 'string' },
    'rpo-target-seconds': { type: 'string' },
    'system-rto-target-seconds': { type: 'string' },
    'alert-for': { type: 'string', default: '10' }
  }
})
const alertForSeconds = Number(values['alert-for'])
if (!Number.isInteger(alertForSeconds) || alertForSeconds < 1) {
  console.error(
    `drill: --alert-for must be a whole number of seconds; got "${values['alert-for']}"`
  )
  process.exit(2)
}
if (!SCENARIOS.includes(values.scenario as ScenarioName)) {
  console.error(
    `drill: --scenario must be one of ${SCENARIOS.join(', ')}; got "${values.scenario}"`
  )
  process.exit(2)
}
const targets: Partial<DrillTargets> = {}
const flags: Array<[keyof DrillTargets, string | undefined, string]> = [
  ['applicationRtoSeconds', values['rto-target-seconds'], 'rto'],
  ['rpoSeconds', values['rpo-target-seconds'], 'rpo'],
  ['systemRtoSeconds', values['system-rto-target-seconds'], 'system-rto']
]
for (const [key, value, flag] of flags) {
  if (value === undefined) continue
  const n = Number(value)
  if (!Number.isFinite(n) || n <= 0) {
    console.error(
      `drill: --${flag}-target-seconds must be a positive number of seconds; got "${value}"`
    )
    process.exit(2)
  }
  targets[key] = n
}
const report = await runDrill({
  outDir: values.out,
  scenario: values.scenario as ScenarioName,
  targets,
  alertForSeconds,
  onLine: (line) => console.log(line)
})
process.exit(report.verdict === 'restored' ? 0 : 1)
