import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import { runDrill } from '@rollback-actions/drill'

// The main job, as `npm run drill` runs it: sandbox, failed deployment, detection, rollback-application.yml step by
// step with the bundled actions, validation, report.
describe('npm run drill (application scenario)', () => {
  let dir = ''
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true })
  })

  it('restores product-service on the previous stable image and writes both reports', async () => {
    dir = await mkdtemp(join(tmpdir(), 'drill-test-'))
    const report = await runDrill({ outDir: dir, scenario: 'application' })
    const json = JSON.parse(
      await readFile(join(dir, 'drill-report.json'), 'utf8')
    ) as Record<string, unknown>
    const markdown = await readFile(join(dir, 'drill-report.md'), 'utf8')

    expect(report.error ?? report.application?.error).toBeUndefined()
    expect(json.verdict).toBe('restored')
    expect(json.from_image).toMatch(/warranty-hub\/product-service:v1\.3\.0$/)
    expect(json.to_image).toMatch(
      /warranty-hub\/product-service@sha256:[a-f0-9]{64}$/
    )
    expect(json.detection_seconds).toEqual(expect.any(Number))
    expect(json.rto_seconds).toEqual(expect.any(Number))
    expect(json.rto_seconds as number).toBeLessThan(1800)
    const steps = json.steps as Array<Record<string, string>>
    expect(steps.map((s) => s.name)).toEqual(
      expect.arrayContaining([
        'Simulated failed deployment (kubectl set image)',
        'Detection (validate-health)',
        'Discover the previous stable image',
        'Redeploy the previous stable image',
        'Validate health (mandatory)'
      ])
    )
    for (const step of steps) {
      expect(step.started_at).toMatch(/^\d{4}-\d{2}-\d{2}T.*Z$/)
      expect(step.finished_at).toMatch(/^\d{4}-\d{2}-\d{2}T.*Z$/)
      expect(['succeeded', 'skipped', 'provided-by-sandbox']).toContain(
        step.outcome
      )
    }
    expect(report.application?.health_before).toBe('unhealthy')
    expect(report.application?.health_after).toBe('healthy')
    // SLO readings from the real Prometheus: the failed release breaks the 5xx ratio, the rollback restores it
    const ratioBefore = report.application?.slo_before.find(
      (r) => r.check === '5xx ratio'
    )
    const ratioAfter = report.application?.slo_after.find(
      (r) => r.check === '5xx ratio'
    )
    expect(ratioBefore?.outcome).toBe('failure')
    expect(ratioAfter?.outcome).toBe('success')
    expect(
      report.application?.slo_after.every((r) => r.outcome === 'success')
    ).toBe(true)
    // the audit trail: one record per action step, with who and when
    const audit = report.application?.audit ?? []
    expect(audit.map((r) => r.action)).toEqual(
      expect.arrayContaining(['discover-tag', 'redeploy', 'validate-health'])
    )
    const rollout = audit.find((r) => r.action === 'redeploy')
    expect(rollout).toMatchObject({
      outcome: 'succeeded',
      actor: 'sandbox-sre'
    })
    expect(JSON.stringify(rollout?.changes)).toContain('v1.3.0')
    expect(markdown).toContain('# Rollback drill report: RESTORED')
    expect(markdown).toContain('rto_seconds')
  }, 180_000)
})
