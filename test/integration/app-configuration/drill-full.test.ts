import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import { runDrill } from '@rollback-actions/drill'

// npm run drill -- --scenario full (and its variant with a failed database restore), run in-process: the sandbox,
// the release (flag on, configuration changed, broken image, destructive migration) and rollback-full.yml job by job.
const dirs: string[] = []
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true })
})

const ORDER = [
  'feature-flags',
  'services',
  'configuration',
  'database',
  'infrastructure'
]

describe('drill scenario full', () => {
  it('ends restored, the stages in the procedure order, within 15 minutes', async () => {
    const out = await mkdtemp(join(tmpdir(), 'drill-full-'))
    dirs.push(out)
    const report = await runDrill({ outDir: out, scenario: 'full' })
    expect(report.error).toBeUndefined()
    expect(report.verdict).toBe('restored')
    const json = JSON.parse(
      await readFile(join(out, 'drill-report.json'), 'utf8')
    ) as {
      outcome: string
      stages: { name: string; outcome: string; started_at: string | null }[]
    }
    expect(json.outcome).toBe('restored')
    expect(json.stages.map((s) => s.name)).toEqual(ORDER)
    expect(json.stages.map((s) => s.outcome)).toEqual([
      'succeeded',
      'succeeded',
      'succeeded',
      'succeeded',
      'skipped'
    ])
    const starts = json.stages
      .slice(0, 4)
      .map((s) => Date.parse(s.started_at ?? ''))
    expect([...starts].sort((a, b) => a - b)).toEqual(starts)
    expect(report.full?.within_target).toBe(true)
    expect(report.full?.checks).toEqual({
      flag_off: true,
      configuration_restored: true,
      service_on_stable: true,
      dropped_column_restored: true
    })
  }, 600_000)

  it('ends partial when the database restore fails, naming what was and was not rolled back', async () => {
    const out = await mkdtemp(join(tmpdir(), 'drill-full-fail-'))
    dirs.push(out)
    const report = await runDrill({ outDir: out, scenario: 'full-db-failure' })
    expect(report.error).toBeUndefined()
    expect(report.outcome).toBe('partial')
    expect(report.stages?.map((s) => `${s.name} ${s.outcome}`)).toEqual([
      'feature-flags succeeded',
      'services succeeded',
      'configuration succeeded',
      'database failed',
      'infrastructure skipped'
    ])
    expect(report.full?.done).toEqual([
      'feature-flags',
      'services',
      'configuration'
    ])
    expect(report.full?.not_done).toEqual(['database'])
    expect(report.verdict).toBe('failed')
    expect(report.full?.post_mortem).toBeDefined()
  }, 600_000)
})
