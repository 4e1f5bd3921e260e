import type { PlanSummary } from './plan.js'
import type { PlanReview } from './review.js'

const ORDER = ['delete', 'replace', 'forget', 'update', 'create'] as const

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')
}

/** Header and rows of the plan table (for `ctx.summary.table`): Action, Address, Type, Review. */
export function planTableRows(
  summary: PlanSummary,
  review: PlanReview
): { headers: string[]; rows: string[][] } {
  const flagged = new Map(review.destructive.map((d) => [d.address, d]))
  const rank = (a: string) => ORDER.indexOf(a as (typeof ORDER)[number])
  const rows = [...summary.changes]
    .sort((a, b) => rank(a.action) - rank(b.action))
    .map((c) => {
      const d = flagged.get(c.address)
      const verdict = !d
        ? ''
        : d.allowedBy
          ? `allowed (${d.reasons.join(', ')}) by \`${d.allowedBy}\``
          : `**refused** (${d.reasons.join(', ')})`
      return [c.action, `\`${c.address}\``, `\`${c.type}\``, verdict]
    })
  return { headers: ['Action', 'Address', 'Type', 'Review'], rows }
}

/**
 * Renders the review as GitHub-flavoured markdown for the job summary: one counts line, then a table of every change
 * (destructive first), then resources that drifted outside Terraform.
 */
export function renderPlanMarkdown(
  summary: PlanSummary,
  review: PlanReview,
  planSha256: string
): string {
  const c = summary.counts
  const { headers, rows } = planTableRows(summary, review)
  const out = [
    `Plan \`sha256:${planSha256}\` (Terraform ${summary.terraformVersion}): ` +
      `${c.create} to create, ${c.update} to update, ${c.replace} to replace, ${c.delete} to delete` +
      (c.forget > 0 ? `, ${c.forget} to forget` : '') +
      `; ${review.destructive.length} destructive, ${review.refused.length} refused.`,
    ''
  ]
  if (rows.length === 0) out.push('No changes.')
  else {
    out.push(`| ${headers.join(' | ')} |`)
    out.push(`| ${headers.map(() => '---').join(' | ')} |`)
    for (const row of rows) out.push(`| ${row.map(cell).join(' | ')} |`)
  }
  if (summary.drift.length > 0) {
    out.push('', `Changed outside Terraform since the last apply (drift):`, '')
    for (const d of summary.drift)
      out.push(`- \`${cell(d.address)}\` (${d.actions.join(', ')})`)
  }
  return out.join('\n')
}
