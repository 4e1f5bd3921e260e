import { defineAction } from '@rollback-actions/action-kit'
import {
  assertReviewAllowed,
  reviewSavedPlan
} from '@rollback-actions/terraform'
import { PlanReviewInputs } from './inputs.js'

export const run = defineAction('terraform-plan-review', async (ctx) => {
  const inputs = ctx.inputs(PlanReviewInputs)
  const result = await ctx.log.group('Plan', () =>
    ctx.audit.step('Review plan', async (rec) => {
      const r = await reviewSavedPlan({
        planFile: inputs.planFile,
        ...(inputs.planJson !== undefined && { planJsonFile: inputs.planJson }),
        workingDirectory: inputs.workingDirectory,
        protectedAddresses: [
          ...(inputs.protectedAddresses ?? []),
          ...(inputs.additionalProtectedAddresses ?? [])
        ],
        allowDestroy: inputs.allowDestroy ?? [],
        log: ctx.log,
        env: ctx.env
      })
      const { counts } = r.summary
      ctx.output.set('plan-sha256', r.planSha256)
      ctx.output.set('create-count', String(counts.create))
      ctx.output.set('update-count', String(counts.update))
      ctx.output.set('replace-count', String(counts.replace))
      ctx.output.set('delete-count', String(counts.delete))
      ctx.output.set('destructive-count', String(r.review.destructive.length))
      ctx.output.set('refused-count', String(r.review.refused.length))
      ctx.output.set(
        'destructive-changes',
        JSON.stringify(r.review.destructive)
      )
      ctx.output.set('summary-markdown', r.markdown)
      ctx.summary.heading('Terraform plan review').paragraph(r.markdown)
      rec.detail('plan_sha256', r.planSha256)
      rec.detail('terraform_version', r.summary.terraformVersion)
      rec.detail('counts', counts)
      rec.detail('destructive', r.review.destructive)
      for (const d of r.review.destructive)
        ctx.log.info(
          `${d.allowedBy ? 'allowed' : 'REFUSED'}: ${d.address} ${d.action} (${d.reasons.join(', ')})`
        )
      for (const d of r.summary.drift)
        ctx.log.warning(
          `${d.address} changed outside Terraform since the last apply; the plan reverts that change too`,
          'State drift'
        )
      assertReviewAllowed(r.review)
      return r
    })
  )
  ctx.log.notice(
    `Plan sha256:${result.planSha256} reviewed: ${result.summary.changes.length} change(s), ${result.review.destructive.length} destructive, all allowed`
  )
})
