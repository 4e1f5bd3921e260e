import { describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'

// The runbook's triggers as Prometheus rules (packages/health/rules), checked and unit-tested by the real promtool
// (Debian prometheus 2.42, installed by scripts/toolchain.sh).
const run = promisify(execFile)
const PROMTOOL = process.env.ROLLBACK_PROMTOOL_BIN ?? '/usr/bin/promtool'
const RULES_DIR = resolve('packages/health/rules')
const RULES = join(RULES_DIR, 'rollback-triggers.yml')
const TESTS = join(RULES_DIR, 'rollback-triggers.test.yml')

async function promtool(
  ...args: string[]
): Promise<{ code: number; out: string }> {
  try {
    const r = await run(PROMTOOL, args, { timeout: 50_000 })
    return { code: 0, out: r.stdout + r.stderr }
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string }
    return {
      code: typeof e.code === 'number' ? e.code : -1,
      out: `${e.stdout ?? ''}${e.stderr ?? ''}`
    }
  }
}

describe('rollback trigger rules', () => {
  it('pass promtool check rules', async () => {
    const r = await promtool('check', 'rules', RULES)
    expect(r.out).toContain('SUCCESS: 8 rules found')
    expect(r.code).toBe(0)
  })

  it('pass their promtool unit tests', async () => {
    const r = await promtool('test', 'rules', TESTS)
    expect(r.out).toContain('SUCCESS')
    expect(r.code).toBe(0)
  })

  it('label every alert with a trigger id, a rollback class and a severity', async () => {
    const text = await readFile(RULES, 'utf8')
    const alerts = text.split(/\n\s+- alert: /).slice(1)
    expect(alerts).toHaveLength(8)
    for (const a of alerts) {
      expect(a).toMatch(/\n\s+trigger_id: [a-z0-9-]+\n/)
      expect(a).toMatch(
        /\n\s+rollback_class: roll-back-now\n\s+severity: critical\n|\n\s+rollback_class: evaluate\n\s+severity: warning\n/
      )
    }
  })

  it('unit tests fail when a threshold drifts from the runbook', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rules-drift-'))
    try {
      const text = await readFile(RULES, 'utf8')
      await writeFile(
        join(dir, 'rollback-triggers.yml'),
        text.replace('< 0.999', '< 0.99')
      )
      await copyFile(TESTS, join(dir, 'rollback-triggers.test.yml'))
      const r = await promtool(
        'test',
        'rules',
        join(dir, 'rollback-triggers.test.yml')
      )
      expect(r.code).toBe(1)
      expect(r.out).toContain('alertname: RollbackAvailabilityBR001')
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
