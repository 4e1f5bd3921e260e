import { defineAction } from '@rollback-actions/action-kit'
import type { PlanAction } from '@rollback-actions/terraform'
import { applyReviewedPlan } from '@rollback-actions/terraform'
import { ApplyInputs } from './inputs.js'

/** Display values of the audit trail's from → to columns, per plan action. */
const FROM_TO: Record<PlanAction, [string | null, string | null]> = {
  create: [null, 'created'],
  update: ['prior', 'updated'],
  replace: ['prior object', 'new object'],
  delete: ['existed', null],
  forget: ['managed', 'no longer managed'],
  read: [null, null],
  'no-op': [null, null]
}

export const run = defineAction('terraform-apply', async (ctx) => {
  const inputs = ctx.inputs(ApplyInputs)
  const applied = await ctx.log.group('Apply', () =>
    ctx.audit.step('Apply reviewed plan', async (rec) => {
      rec.detail('expected_sha256', inputs.planSha256)
      const result = await applyReviewedPlan({
        planFile: inputs.planFile,
        expectedSha256: inputs.planSha256,
        workingDirectory: inputs.workingDirectory,
        protectedAddresses: [
          ...(inputs.protectedAddresses ?? []),
          ...(inputs.additionalProtectedAddresses ?? [])
        ],
        allowDestroy: inputs.allowDestroy ?? [],
        log: ctx.log,
        env: ctx.env
      })
      for (const c of result.summary.changes) {
        const [from, to] = FROM_TO[c.action]
        rec.change(c.address, from, to)
      }
      rec.detail('applied_sha256', result.planSha256)
      rec.detail('destructive', result.review.destructive)
      return result
    })
  )
  ctx.output.set('applied-sha256', applied.planSha256)
  ctx.output.set(
    'changes',
    JSON.stringify(
      applied.summary.changes.map((c) => ({
        address: c.address,
        type: c.type,
        action: c.action
      }))
    )
  )
  const c = applied.summary.counts
  ctx.summary
    .heading('Terraform apply')
    .paragraph(
      `Applied plan \`sha256:${applied.planSha256}\`: ${c.create} created, ${c.update} updated, ${c.replace} replaced, ${c.delete} deleted.`
    )
  // Only Terraform's own result line: the lines after it are the `Outputs:` block, whose values are not secret only
  // when the module marks them `sensitive`.
  const result = /^Apply complete!.*$/m.exec(applied.output)?.[0]
  if (result) ctx.log.info(result)
  ctx.log.notice(
    `Applied the reviewed plan sha256:${applied.planSha256} (${applied.summary.changes.length} change(s))`
  )
})
