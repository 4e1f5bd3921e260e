import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  INFRA_STABLE_STATE,
  runDrill,
  type DrillReport
} from '@rollback-actions/drill'

// `npm run drill -- --scenario all`, run once and shared by every assertion: one sandbox; the failed release, the
// destructive migration and the breaking Terraform change; then rollback-application.yml, rollback-database.yml and
// rollback-infrastructure.yml executed job by job with the bundled actions; the report.
let dir = ''
let report: DrillReport
let json: DrillReport
let markdown = ''

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'drill-test-'))
  report = await runDrill({ outDir: dir, scenario: 'all' })
  json = JSON.parse(
    await readFile(join(dir, 'drill-report.json'), 'utf8')
  ) as DrillReport
  markdown = await readFile(join(dir, 'drill-report.md'), 'utf8')
}, 600_000)

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true })
})

describe('npm run drill -- --scenario all', () => {
  it('ends restored without an error', () => {
    expect(report.error).toBeUndefined()
    expect(json.verdict).toBe('restored')
    expect(markdown).toContain('# Rollback drill report: RESTORED')
  })

  it('executes the three rollback workflow files by workflow_dispatch, every job success', () => {
    expect(
      json.workflows.map((w) => [w.file, w.trigger, w.conclusion])
    ).toEqual([
      [
        'workflows-templates/rollback-application.yml',
        'workflow_dispatch',
        'success'
      ],
      [
        'workflows-templates/rollback-database.yml',
        'workflow_dispatch',
        'success'
      ],
      [
        'workflows-templates/rollback-infrastructure.yml',
        'workflow_dispatch',
        'success'
      ]
    ])
    const jobs = json.workflows.flatMap((w) =>
      w.jobs.map((j) => [`${w.file.split('/').at(-1)} ${j.id}`, j.result])
    )
    expect(jobs).toEqual([
      ['rollback-application.yml plan', 'success'],
      ['rollback-application.yml rollback', 'success'],
      ['rollback-application.yml post-mortem', 'success'],
      ['rollback-database.yml plan', 'success'],
      ['rollback-database.yml restore', 'success'],
      ['rollback-database.yml swap', 'success'],
      ['rollback-database.yml validate', 'success'],
      ['rollback-database.yml report', 'success'],
      ['rollback-infrastructure.yml plan', 'success'],
      ['rollback-infrastructure.yml apply', 'success']
    ])
  })

  it('records every step with uses or run, its outcome and UTC times; only azure/* is provided by the sandbox', () => {
    const steps = json.workflows.flatMap((w) => w.jobs.flatMap((j) => j.steps))
    expect(steps.length).toBeGreaterThan(25)
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
    const executed = new Set(
      steps.flatMap((s) => (s.uses ? [s.uses.split('@')[0]] : ['run']))
    )
    expect([...executed].sort()).toEqual([
      'actions/checkout',
      'actions/download-artifact',
      'actions/github-script',
      'actions/upload-artifact',
      'azure/aks-set-context',
      'azure/login',
      'hashicorp/setup-terraform',
      'rollback-actions/rollback-actions/actions/discover-tag',
      'rollback-actions/rollback-actions/actions/pitr-restore',
      'rollback-actions/rollback-actions/actions/redeploy',
      'rollback-actions/rollback-actions/actions/secret-swap',
      'rollback-actions/rollback-actions/actions/terraform-apply',
      'rollback-actions/rollback-actions/actions/terraform-plan-review',
      'rollback-actions/rollback-actions/actions/terraform-resolve-target',
      'rollback-actions/rollback-actions/actions/validate-health',
      'run'
    ])
  })

  it('records who approved each job bound to an environment', () => {
    const approved = json.workflows.flatMap((w) =>
      w.jobs.filter((j) => j.approved_by).map((j) => j.id)
    )
    expect(approved).toEqual([
      'rollback',
      'restore',
      'swap',
      'validate',
      'apply'
    ])
    expect(
      json.workflows[0]?.jobs.find((j) => j.id === 'rollback')?.approved_by
    ).toBe('sandbox-sre (drill)')
  })

  it('opens the post-mortem issue in the GitHub emulator', () => {
    expect(json.post_mortem).toEqual({
      url: 'https://github.com/warranty-hub/platform/issues/1',
      number: 1
    })
    expect(markdown).toContain('Post-mortem issue #1')
  })

  it('keeps the audit trail artifacts in the drill output folder', () => {
    const app = json.workflows[0]
    expect(app?.artifacts).toEqual([
      expect.stringMatching(/^rollback-audit-plan-\d+-1$/),
      expect.stringMatching(/^rollback-audit-rollback-\d+-1$/)
    ])
    const runDir = readdirSync(join(dir, 'artifacts')).find((d) =>
      d.startsWith('rollback-application-')
    )
    const trail = readFileSync(
      join(
        dir,
        'artifacts',
        runDir ?? '?',
        app?.artifacts[1] ?? '?',
        'rollback-audit.jsonl'
      ),
      'utf8'
    )
    const actions = trail
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { action: string }).action)
    expect(actions).toEqual(['redeploy', 'validate-health'])
  })

  describe('application: rollback-application.yml after the failed release', () => {
    it('restores product-service on the previous stable image', () => {
      expect(json.from_image).toMatch(/warranty-hub\/product-service:v1\.3\.0$/)
      expect(json.to_image).toMatch(
        /warranty-hub\/product-service@sha256:[a-f0-9]{64}$/
      )
      expect(json.detection_seconds).toEqual(expect.any(Number))
      expect(json.rto_seconds as number).toBeLessThan(1800)
      expect(report.application?.health_before).toBe('unhealthy')
      expect(report.application?.health_after).toBe('healthy')
    })

    it('reads the SLOs from the real Prometheus: broken before, restored after', () => {
      const ratio = (rows: { check: string; outcome: string }[] = []) =>
        rows.find((r) => r.check === '5xx ratio')?.outcome
      expect(ratio(report.application?.slo_before)).toBe('failure')
      expect(ratio(report.application?.slo_after)).toBe('success')
    })

    it('keeps the audit trail of every action step (who, what)', () => {
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
    })
  })

  describe('database: rollback-database.yml after the destructive migration', () => {
    const db = () => report.database as unknown as Record<string, unknown>

    it('serves the rows written before T, none written after, and the dropped column', () => {
      expect(db()).toMatchObject({
        verdict: 'restored',
        rows_before_present: true,
        rows_after_absent: true,
        dropped_column_restored: true,
        source_server_writes: 0,
        rpo_seconds: 900,
        rpo_met: true
      })
      expect(db().restored_server).toMatch(/^prod-db-pitr-\d{14}$/)
      expect(db().restore_seconds).toEqual(expect.any(Number))
    })
  })

  describe('infrastructure: rollback-infrastructure.yml after the breaking change', () => {
    it('refuses the plan without allow-destroy, then applies exactly the reviewed plan and returns to commit A', () => {
      const infra = report.infrastructure as unknown as Record<string, unknown>
      expect(infra.error).toBeUndefined()
      expect(infra).toMatchObject({
        verdict: 'passed',
        plan_summary: { create: 1, update: 2, replace: 1, delete: 1 },
        refused_without_allowance: true,
        refused_tampered_plan: true,
        refused_run: {
          conclusion: 'failure',
          jobs: [
            { id: 'plan', result: 'failure' },
            { id: 'apply', result: 'skipped' }
          ]
        }
      })
      expect(infra.applied_plan_sha256).toMatch(/^[0-9a-f]{64}$/)
      const state = infra.state_after as { address: string; input: unknown }[]
      expect(
        Object.fromEntries(state.map((r) => [r.address, r.input]))
      ).toEqual(INFRA_STABLE_STATE)
      expect(existsSync(join(dir, 'artifacts'))).toBe(true)
    })
  })
})
