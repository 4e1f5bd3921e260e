import type { ActionContext } from '@rollback-actions/action-kit'
import type { CheckResult, Reading, Verdict } from '@rollback-actions/health'

const ICON: Record<string, string> = {
  success: 'good',
  failure: 'BAD',
  pending: 'pending',
  'no-data': 'no data',
  error: 'error'
}

/** Writes the per-check verdicts and every reading (UTC) to the job summary. */
export function writeHealthSummary(
  ctx: ActionContext,
  title: string,
  verdict: Verdict,
  reason: string,
  checks: CheckResult[],
  readings: Reading[]
): void {
  ctx.summary.heading(`${title}: ${verdict}`, 2)
  ctx.summary.paragraph(reason)
  if (checks.length > 0) {
    ctx.summary.table(
      ['Check', 'Kind', 'Verdict', 'Why', 'Readings (good/bad/no data/errors)'],
      checks.map((c) => [
        c.name,
        c.kind,
        c.verdict,
        c.reason,
        `${c.state.successes}/${c.state.failures}/${c.state.noData}/${c.state.errors}`
      ])
    )
  }
  if (readings.length > 0) {
    ctx.summary.heading('Readings', 3)
    ctx.summary.table(
      [
        'Time (UTC)',
        'Check',
        'Query as sent',
        'Value',
        'Threshold',
        'Reading',
        'Detail'
      ],
      readings.map((r) => [
        r.at,
        r.check,
        r.query !== undefined ? `\`${r.query}\`` : '',
        r.value ?? '',
        r.threshold ?? '',
        ICON[r.outcome] ?? r.outcome,
        r.detail
      ])
    )
  }
}
