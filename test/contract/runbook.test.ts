/**
 * docs/runbook.md cannot drift from the workflows and actions it tells an operator to run (issue #18): every
 * `gh workflow run` line, input, variable, secret, action, job, workflow and trigger it names is checked against
 * workflows-templates/, actions/*\/action.yml and packages/health/rules/rollback-triggers.yml (test/helpers/runbook.ts);
 * its expected durations are the output of scripts/runbook-durations.mjs on the drill reports in test/fixtures/drill/.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import {
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import { checkRunbook, slug } from '../helpers/runbook.js'
import { findExamples, ROOT } from '../helpers/workflow-examples.js'

const RUNBOOK = join(ROOT, 'docs', 'runbook.md')
const text = readFileSync(RUNBOOK, 'utf8')
/** The drill reports the runbook's durations come from, in the order `test/fixtures/drill/*.json` expands. */
const REPORTS = readdirSync(join(ROOT, 'test/fixtures/drill'))
  .filter((n) => n.endsWith('.json'))
  .sort()
  .map((n) => `test/fixtures/drill/${n}`)

/** A scratch copy of what the runbook is checked against, so a test can rename things in it. */
function scratchRepository(): string {
  const dir = mkdtempSync(join(tmpdir(), 'runbook-'))
  for (const part of [
    'workflows-templates',
    'actions',
    'docs',
    'packages/health/rules',
    'README.md',
    'test/contract/runbook.test.ts'
  ])
    cpSync(join(ROOT, part), join(dir, part), {
      recursive: true,
      filter: (src) => !src.includes('/dist') && !src.includes('/src')
    })
  return dir
}

const scratch: string[] = []
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true })
})

describe('docs/runbook.md', () => {
  it('matches every workflow, input, variable, secret, action, job, trigger and link it names', () => {
    expect(checkRunbook(ROOT, text)).toEqual([])
  })

  it('gives a gh workflow run line for each rollback workflow', () => {
    const named = new Set(
      findExamples('docs/runbook.md', text).map((e) => e.command.split(' ')[3])
    )
    for (const file of [
      'rollback-application.yml',
      'rollback-database.yml',
      'rollback-infrastructure.yml',
      'rollback-full.yml'
    ])
      expect(named).toContain(file)
  })

  it.each([
    ['image-tag', 'rollback-application.yml', 'image-tag', 'target-tag'],
    [
      'source-server',
      'rollback-database.yml',
      'source-server:',
      'origin-server:'
    ],
    [
      'allow-destroy',
      'rollback-infrastructure.yml',
      '      allow-destroy:',
      '      accept-destroy:'
    ]
  ])('fails when the workflow input %s is renamed', (input, file, from, to) => {
    const dir = scratchRepository()
    scratch.push(dir)
    const path = join(dir, 'workflows-templates', file)
    writeFileSync(path, readFileSync(path, 'utf8').replaceAll(from, to))
    expect(checkRunbook(dir, text).join('\n')).toContain(`"${input}"`)
  })

  it('fails when an action input it names is renamed', () => {
    const dir = scratchRepository()
    scratch.push(dir)
    const path = join(dir, 'actions', 'validate-health', 'action.yml')
    writeFileSync(
      path,
      readFileSync(path, 'utf8').replace('  smoke-tests:', '  journeys:')
    )
    expect(checkRunbook(dir, text).join('\n')).toContain(
      'action validate-health: the runbook names input "smoke-tests"'
    )
  })

  it('fails when a trigger threshold window changes', () => {
    const dir = scratchRepository()
    scratch.push(dir)
    const path = join(dir, 'packages/health/rules/rollback-triggers.yml')
    writeFileSync(
      path,
      readFileSync(path, 'utf8').replace(
        'for: 1m\n        labels:\n          trigger_id: db-connection-failures',
        'for: 3m\n        labels:\n          trigger_id: db-connection-failures'
      )
    )
    expect(checkRunbook(dir, text)).toEqual([
      'trigger db-connection-failures: the runbook says "1 minute", the rule says 3 minutes'
    ])
  })

  it('fails on a variable, action or workflow that does not exist', () => {
    const wrong = `${text}\nUse \`vars.ROLLBACK_NOWHERE\`, the action \`undo-everything\` and \`rollback-cache.yml\`.\n`
    expect(checkRunbook(ROOT, wrong)).toEqual([
      'the runbook names action "undo-everything", which has no actions/undo-everything/action.yml',
      'the runbook names workflow "rollback-cache.yml", which is not in workflows-templates/',
      'the runbook names vars.ROLLBACK_NOWHERE, which no workflow uses'
    ])
  })

  it('has the durations scripts/runbook-durations.mjs writes from the drill reports', () => {
    const check = spawnSync(
      process.execPath,
      ['scripts/runbook-durations.mjs', '--check', ...REPORTS],
      { cwd: ROOT, encoding: 'utf8' }
    )
    expect(check.stderr).toBe('')
    expect(check.status).toBe(0)
  })

  it('rewrites the durations block from a new drill report', () => {
    const dir = mkdtempSync(join(tmpdir(), 'runbook-durations-'))
    scratch.push(dir)
    const report = JSON.parse(
      readFileSync(join(ROOT, REPORTS[0] ?? ''), 'utf8')
    ) as { paths: { name: string; rto_seconds: number }[] }
    const app = report.paths.find((p) => p.name === 'application')
    if (app) app.rto_seconds = 271
    writeFileSync(join(dir, 'report.json'), JSON.stringify(report))
    writeFileSync(join(dir, 'runbook.md'), text)
    execFileSync(process.execPath, [
      join(ROOT, 'scripts/runbook-durations.mjs'),
      '--runbook',
      join(dir, 'runbook.md'),
      join(dir, 'report.json')
    ])
    expect(readFileSync(join(dir, 'runbook.md'), 'utf8')).toContain(
      'detection to validated rollback 4 min 31 s'
    )
  })

  it('has the sections an operator looks for, in order', () => {
    const headings = [...text.matchAll(/^## (.+)$/gm)].map((m) => m[1])
    expect(headings).toEqual([
      '1. Decide',
      '2. Procedures',
      '3. Manual fallback (GitHub Actions unavailable)',
      '4. Validation checklist (mandatory)',
      '5. After the rollback',
      '6. Expected durations',
      '7. Quick reference'
    ])
  })

  it('states the database rules: PITR, the 15-minute RPO, no down migrations', () => {
    expect(text).toContain('Down migrations are forbidden')
    expect(text).toContain('The RPO is 15 minutes')
    expect(text).toContain('az postgres flexible-server restore')
  })

  it('reads well in a screen reader: no skipped heading levels, no box drawings, every code block has a language', () => {
    const levels = [...text.matchAll(/^(#+) /gm)].map((m) => m[1]?.length ?? 0)
    const skips = levels.filter((level, i) => level > (levels[i - 1] ?? 0) + 1)
    expect(skips).toEqual([])
    expect(text).not.toMatch(/[─│┌┐└┘├┤┬┴┼]|\+-{3,}\+/)
    const fences = [...text.matchAll(/^\s*```(\S*)/gm)].map((m) => m[1])
    expect(fences.filter((_, i) => i % 2 === 0)).not.toContain('')
  })

  it('is the first document the README links to', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
    const firstDoc = /\]\((docs\/[^)#]+)/.exec(readme)?.[1]
    expect(firstDoc).toBe('docs/runbook.md')
  })

  it('slugs headings the way GitHub does', () => {
    expect(slug('3. Manual fallback (GitHub Actions unavailable)')).toBe(
      '3-manual-fallback-github-actions-unavailable'
    )
  })
})
