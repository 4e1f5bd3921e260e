// npm run drill [-- --out DIR] [--scenario application|database|infrastructure|all|alert] [--alert-for SECONDS]
// A full rollback drill against the local sandbox; writes DIR/drill-report.md and DIR/drill-report.json.
// Exits 0 only when every scenario run restored service.
import { parseArgs } from 'node:util'
import { runDrill, SCENARIOS, type ScenarioName } from '../drill.js'

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: './drill-output' },
    scenario: { type: 'string', default: 'application' },
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
const report = await runDrill({
  outDir: values.out,
  scenario: values.scenario as ScenarioName,
  alertForSeconds,
  onLine: (line) => console.log(line)
})
process.exit(report.verdict === 'restored' ? 0 : 1)
