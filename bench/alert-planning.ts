import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runDrill } from '@rollback-actions/drill'
import type { BenchResult } from './lib.js'

/** The seed's detection target: a critical alert within 10 minutes of the fault (seconds). */
const DETECTION_TARGET_SECONDS = 600
/** Issue #17's goal: the rollback is planned (waiting at its environment gate) within 30 s of the rule firing. */
const PLANNED_TARGET_SECONDS = 30

/**
 * The alert-driven path with the rules' real `for:` windows (up to 10 minutes, so nothing is shortened): the drill's
 * `alert` scenario deploys the failed release, the real Prometheus evaluates the rules, the real Alertmanager posts
 * to alert-relay, which sends repository_dispatch, and rollback-on-alert.yml plans the rollback. Measured against
 * the targets rather than a second process: fault → alert firing against the 10-minute detection target, and
 * firing → rollback waiting for its approver against 30 s. Takes about 6 minutes.
 */
export async function benchAlertPlanning(): Promise<BenchResult[]> {
  const out = await mkdtemp(join(tmpdir(), 'rollback-bench-alert-'))
  try {
    const report = await runDrill({
      outDir: out,
      scenario: 'alert',
      alertForSeconds: 600
    })
    const section = report.alert_scenario ?? {}
    const detection = report.detection_seconds ?? NaN
    const planned =
      typeof section.planned_seconds === 'number'
        ? section.planned_seconds
        : NaN
    const rule = report.alert ? ` (${report.alert.rule})` : ''
    return [
      {
        name: 'alert fault to firing (real for windows)',
        ours: `failed release to alert firing${rule}`,
        baseline: 'detection target',
        oursValue: detection,
        baselineValue: DETECTION_TARGET_SECONDS,
        unit: 's',
        ratio: detection / DETECTION_TARGET_SECONDS,
        goal: '≤ 600 s',
        met: detection <= DETECTION_TARGET_SECONDS,
        notes: `drill verdict ${report.verdict}; dispatch ${report.dispatch_seconds ?? '—'} s after firing`
      },
      {
        name: 'alert firing to planned rollback (real for windows)',
        ours: 'alert firing to the rollback waiting for its approver',
        baseline: 'goal',
        oursValue: planned,
        baselineValue: PLANNED_TARGET_SECONDS,
        unit: 's',
        ratio: planned / PLANNED_TARGET_SECONDS,
        goal: '≤ 30 s',
        met: planned <= PLANNED_TARGET_SECONDS
      }
    ]
  } finally {
    await rm(out, { recursive: true, force: true })
  }
}
