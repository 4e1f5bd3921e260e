import { addressPatternList, sha256Hex } from '@rollback-actions/terraform'
import { z } from 'zod'

/** Inputs of terraform-apply (defaults live in action.yml). */
export const ApplyInputs = z.object({
  planFile: z.string().min(1), // input `plan-file`: the saved plan artifact
  planSha256: sha256Hex, // input `plan-sha256`: digest recorded by the review
  workingDirectory: z.string().min(1), // input `working-directory`
  protectedAddresses: addressPatternList.optional(), // input `protected-addresses`: as the review's
  additionalProtectedAddresses: addressPatternList.optional(), // input `additional-protected-addresses`
  allowDestroy: addressPatternList.optional() // input `allow-destroy`: the allowances the review was given
})
export type ApplyInputs = z.infer<typeof ApplyInputs>
