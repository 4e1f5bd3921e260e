import { addressPatternList } from '@rollback-actions/terraform'
import { z } from 'zod'

/** Inputs of terraform-plan-review (defaults live in action.yml). */
export const PlanReviewInputs = z.object({
  planFile: z.string().min(1), // input `plan-file`: the binary saved plan
  planJson: z.string().optional(), // input `plan-json`: path of its JSON; empty = run terraform show
  workingDirectory: z.string().min(1), // input `working-directory`
  protectedAddresses: addressPatternList.optional(), // input `protected-addresses`: globs
  additionalProtectedAddresses: addressPatternList.optional(), // input `additional-protected-addresses`
  allowDestroy: addressPatternList.optional() // input `allow-destroy`: reviewed destructive changes
})
export type PlanReviewInputs = z.infer<typeof PlanReviewInputs>
