import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { runDrill, type DrillReport } from '@rollback-actions/drill'

// `npm run drill -- --scenario alert`, run once: the real Prometheus evaluates the rollback rules (for: at most 10 s),
// the real Alertmanager posts to alert-relay, the relay dispatches as a GitHub App to the GitHub REST emulator, and the
// engine runs rollback-on-alert.yml → rollback-application.yml with the bundled actions. About a minute.
let dir = ''
let report: DrillReport
let markdown = ''

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'drill-alert-'))
  report = await runDrill({ outDir: dir, scenario: 'alert' })
  markdown = await readFile(join(dir, 'drill-report.md'), 'utf8')
}, 300_000)

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true })
})

const section = () =>
  report.alert_scenario as unknown as {
    alerts_fired: string[]
    dispatches: number
    planned_seconds: number
    recommendation: string
    for_seconds: number
  }

describe('drill scenario alert', () => {
  it('ends restored without anyone starting the rollback', () => {
    expect(report.error).toBeUndefined()
    expect(report.verdict).toBe('restored')
  })

  it('reports the alert that started it: rule, trigger, firing and dispatch times', () => {
    const alert = report.alert!
    expect(alert.rule).toMatch(/^Rollback/)
    expect([
      'error-rate',
      'total-outage',
      'br-001-availability',
      'br-001-latency'
    ]).toContain(alert.trigger_id)
    expect(Date.parse(alert.dispatched_at)).toBeGreaterThanOrEqual(
      Date.parse(alert.fired_at)
    )
  })

  it('measures detection against the 10-minute target and dispatch to the run start', () => {
    expect(report.detection_seconds).toBeGreaterThan(section().for_seconds)
    expect(report.detection_seconds).toBeLessThan(600)
    expect(report.dispatch_seconds).toBeGreaterThanOrEqual(0)
    expect(report.dispatch_seconds).toBeLessThan(30)
    expect(section().planned_seconds).toBeLessThan(30)
  })

  it('saw the failed release breach the error-rate trigger', () => {
    expect(section().alerts_fired).toContain('RollbackErrorRate (error-rate)')
    expect(section().recommendation).toBe('roll-back-now')
    expect(section().dispatches).toBeGreaterThanOrEqual(1)
  })

  it('ran rollback-on-alert.yml from repository_dispatch and the approved rollback-application.yml', () => {
    expect(
      report.workflows.map((w) => [
        w.file.split('/').at(-1),
        w.trigger,
        w.conclusion
      ])
    ).toEqual([
      ['rollback-on-alert.yml', 'repository_dispatch', 'success'],
      ['rollback-application.yml', 'workflow_call', 'success']
    ])
    const rollback = report.workflows[1]!.jobs.find((j) => j.id === 'rollback')
    expect(rollback?.environment).toBe('production')
    expect(rollback?.approved_by).toMatch(/required reviewer/)
  })

  it('writes the alert section into the Markdown report', () => {
    expect(markdown).toContain('## Alert-driven rollback')
    expect(markdown).toContain(report.alert!.fired_at)
  })
})
