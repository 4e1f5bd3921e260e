import { existsSync, readdirSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { runDrill, type DrillReport } from '@rollback-actions/drill'

// `npm run drill` (no arguments: every path), run once and shared by every assertion: one sandbox playing staging;
// rollback-drill.yml dispatched through the drill engine injects the failures and calls rollback-application.yml,
// rollback-database.yml and rollback-infrastructure.yml (twice: rollback, roll forward) job by job with the bundled
// actions; its report job measures the paths. A second, application-only run has an impossible RTO target of 1 s.
let dir = ''
let report: DrillReport
let json: DrillReport
let markdown = ''
let impossible: DrillReport

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'drill-test-'))
  report = await runDrill({ outDir: join(dir, 'all'), scenario: 'all' })
  json = JSON.parse(
    await readFile(join(dir, 'all', 'drill-report.json'), 'utf8')
  ) as DrillReport
  markdown = await readFile(join(dir, 'all', 'drill-report.md'), 'utf8')
  impossible = await runDrill({
    outDir: join(dir, 'impossible'),
    scenario: 'application',
    targets: { applicationRtoSeconds: 1 }
  })
}, 900_000)

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true })
})

const path = (name: string) => json.paths.find((p) => p.name === name)

describe('npm run drill (every path through rollback-drill.yml)', () => {
  it('ends restored without an error', () => {
    expect(report.error).toBeUndefined()
    expect(json.verdict).toBe('restored')
    expect(markdown).toContain('# Rollback drill report: RESTORED')
  })

  it('dispatches rollback-drill.yml, which calls the three rollback workflow files', () => {
    expect(
      json.workflows.map((w) => [
        w.file.split('/').at(-1),
        w.trigger,
        w.conclusion
      ])
    ).toEqual([
      ['rollback-drill.yml', 'workflow_dispatch', 'success'],
      ['rollback-application.yml', 'workflow_call', 'success'],
      ['rollback-database.yml', 'workflow_call', 'success'],
      ['rollback-infrastructure.yml', 'workflow_call', 'success'],
      ['rollback-infrastructure.yml', 'workflow_call', 'success']
    ])
    expect(
      json.workflows[0]?.jobs.map((j) => [j.id, j.result, j.calls ?? ''])
    ).toEqual([
      ['gate', 'success', ''],
      ['app-inject', 'success', ''],
      [
        'app-rollback',
        'success',
        'workflows-templates/rollback-application.yml'
      ],
      ['app-forward', 'success', ''],
      ['db-inject', 'success', ''],
      ['db-rollback', 'success', 'workflows-templates/rollback-database.yml'],
      ['db-verify', 'success', ''],
      [
        'infra-rollback',
        'success',
        'workflows-templates/rollback-infrastructure.yml'
      ],
      [
        'infra-forward',
        'success',
        'workflows-templates/rollback-infrastructure.yml'
      ],
      ['report', 'success', ''],
      ['overdue', 'skipped', '']
    ])
    expect(
      json.workflows
        .slice(1)
        .flatMap((w) =>
          w.jobs.map((j) => `${w.file.split('/').at(-1)} ${j.id}:${j.result}`)
        )
    ).toEqual([
      'rollback-application.yml plan:success',
      'rollback-application.yml rollback:success',
      'rollback-application.yml post-mortem:skipped',
      'rollback-database.yml plan:success',
      'rollback-database.yml restore:success',
      'rollback-database.yml swap:success',
      'rollback-database.yml validate:success',
      'rollback-database.yml report:success',
      'rollback-infrastructure.yml plan:success',
      'rollback-infrastructure.yml apply:success',
      'rollback-infrastructure.yml plan:success',
      'rollback-infrastructure.yml apply:success'
    ])
  })

  it('records every step with uses or run, its outcome and UTC times; only azure/* is provided by the sandbox', () => {
    const steps = json.workflows.flatMap((w) => w.jobs.flatMap((j) => j.steps))
    expect(steps.length).toBeGreaterThan(40)
    for (const s of steps) {
      expect(s.started_at).toMatch(/^\d{4}-\d{2}-\d{2}T.*Z$/)
      expect(s.finished_at).toMatch(/^\d{4}-\d{2}-\d{2}T.*Z$/)
      expect(Boolean(s.uses) !== (s.run !== undefined)).toBe(true)
    }
    expect(
      steps
        .filter((s) => s.outcome !== 'success')
        .map((s) => `${s.outcome} ${s.uses?.split('@')[0] ?? 'run'}`)
    ).toEqual(
      steps
        .filter((s) => /^azure\/(login|aks-set-context)@/.test(s.uses ?? ''))
        .map((s) => `provided-by-sandbox ${s.uses?.split('@')[0] ?? ''}`)
    )
    expect(json.steps.length).toBeGreaterThan(40)
  })

  it('records who approved each job bound to the staging environment', () => {
    const approved = json.workflows.flatMap((w) =>
      w.jobs
        .filter((j) => j.approved_by)
        .map((j) => `${w.file.split('/').at(-1)} ${j.id} ${j.environment}`)
    )
    expect(approved).toEqual([
      'rollback-drill.yml app-inject staging',
      'rollback-drill.yml app-forward staging',
      'rollback-drill.yml db-inject staging',
      'rollback-drill.yml db-verify staging',
      'rollback-application.yml rollback staging',
      'rollback-database.yml restore staging',
      'rollback-database.yml swap staging',
      'rollback-database.yml validate staging',
      'rollback-infrastructure.yml apply staging',
      'rollback-infrastructure.yml apply staging'
    ])
  })

  it('reports every path with the fixed fields, each met', () => {
    expect(json.paths.map((p) => p.name)).toEqual([
      'application',
      'database',
      'infrastructure'
    ])
    for (const p of json.paths) {
      expect(Object.keys(p)).toEqual(
        expect.arrayContaining([
          'name',
          'verdict',
          'detection_seconds',
          'rto_seconds',
          'rto_target_seconds',
          'rpo_seconds',
          'rpo_target_seconds',
          'met'
        ])
      )
      expect(p).toMatchObject({ verdict: 'restored', met: true })
      expect(p.rto_seconds).toEqual(expect.any(Number))
    }
    expect(json.system_rto_met).toBe(true)
    expect(json.system_rto_seconds as number).toBeLessThan(4 * 3600)
  })

  it('application: detects the known-bad image, restores within 30 minutes and rolls forward', () => {
    expect(path('application')).toMatchObject({
      rto_target_seconds: 1800,
      rolled_forward: true
    })
    expect(path('application')?.detection_seconds as number).toBeLessThan(300)
    expect(path('application')?.rto_seconds as number).toBeLessThan(1800)
    expect(json.from_image).toMatch(/warranty-hub\/product-service:v1\.3\.0$/)
    expect(json.to_image).toMatch(
      /warranty-hub\/product-service@sha256:[a-f0-9]{64}$/
    )
    expect(json.detection_seconds).toBe(path('application')?.detection_seconds)
    expect(json.rto_seconds).toBe(path('application')?.rto_seconds)
  })

  it('database: the restored server held the rows before the point, none after, the column; then it was cleaned up', () => {
    const db = path('database')
    expect(db).toMatchObject({
      rpo_target_seconds: 900,
      cleaned_up: true,
      restored_server: expect.stringMatching(/^prod-db-drill-\d+$/)
    })
    expect(db?.rpo_seconds as number).toBeGreaterThan(0)
    expect(db?.rpo_seconds as number).toBeLessThanOrEqual(900)
    expect(db?.restore_seconds).toEqual(expect.any(Number))
    expect(
      db?.checks.find((c) => c.name.startsWith('rows before'))?.value
    ).toBe(true)
  })

  it('infrastructure: applies the reviewed plan of the previous stable commit, then rolls forward', () => {
    expect(path('infrastructure')).toMatchObject({
      applied: true,
      rolled_forward: true,
      commit: expect.stringMatching(/^[0-9a-f]{40}$/),
      plan_sha256: expect.stringMatching(/^[0-9a-f]{64}$/)
    })
  })

  it('leaves staging on its original release, database server and infrastructure; the restored server is gone', () => {
    expect(json.staging).toMatchObject({
      image_after: json.staging?.image_before,
      database_on_source: true,
      servers_before: ['prod-db'],
      servers_after: ['prod-db'],
      infrastructure_on_live_commit: true,
      restored: true
    })
    expect(json.staging?.image_before).toMatch(/:v1\.2\.0-stable$/)
  })

  it('opens the drill issue in the GitHub emulator and no follow-up', () => {
    expect(json.post_mortem).toEqual({
      url: expect.stringMatching(
        /^https:\/\/github\.com\/warranty-hub\/platform\/issues\/\d+$/
      ),
      number: expect.any(Number)
    })
    expect(json.follow_ups).toEqual([])
    expect(markdown).toContain(`Drill issue #${json.post_mortem?.number}`)
  })

  it('keeps the workflow report and the audit trails in the drill output folder', () => {
    const runDir = readdirSync(join(dir, 'all', 'artifacts')).find((d) =>
      d.startsWith('rollback-drill-')
    )
    const artifacts = join(dir, 'all', 'artifacts', runDir ?? '?')
    expect(
      existsSync(join(artifacts, 'rollback-drill-report', 'drill-report.json'))
    ).toBe(true)
    expect(readdirSync(artifacts)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^rollback-audit-rollback-\d+-1$/),
        expect.stringMatching(/^terraform-rollback-plan-\d+-1-[0-9a-f]{40}$/)
      ])
    )
  })
})

describe('npm run drill -- --scenario application --rto-target-seconds 1', () => {
  it('reports met: false and opens the follow-up issue in the GitHub emulator', () => {
    expect(impossible.verdict).toBe('failed')
    expect(impossible.paths.map((p) => p.name)).toEqual(['application'])
    expect(impossible.paths[0]).toMatchObject({
      verdict: 'restored',
      met: false,
      rto_target_seconds: 1,
      rolled_forward: true
    })
    expect(impossible.follow_ups).toEqual([
      {
        path: 'application',
        check: 'application RTO',
        number: expect.any(Number),
        url: expect.stringMatching(/\/issues\/\d+$/)
      }
    ])
    // staging is restored all the same: only the target was missed
    expect(impossible.staging?.restored).toBe(true)
  })
})
