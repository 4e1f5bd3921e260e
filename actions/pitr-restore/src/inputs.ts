import {
  durationSecondsAtMost,
  flag,
  azureClientId,
  azureTenantId,
  clientAndTenantTogether,
  fromParser,
  guid,
  inputErrorDetail
} from '@rollback-actions/action-kit'
import {
  checkServerName,
  parseIsoWithOffset,
  parseRestorePoint
} from '@rollback-actions/pitr'
import { z } from 'zod'

/** Runs a parser that throws InputError and turns the error into a zod issue (its detail only). */
const viaParser = <T>(parse: (v: string) => T) =>
  z.string().transform(fromParser(parse, inputErrorDetail))

const serverName = (input: string) =>
  viaParser((v) => {
    checkServerName(v, input)
    return v
  })

/** Inputs of pitr-restore (defaults live in action.yml). */
export const PitrRestoreInputs = z
  .object({
    subscriptionId: guid('a subscription ID'), // `subscription-id`
    resourceGroup: z
      .string()
      .trim()
      .regex(
        /^[-\w.()]{1,89}[-\w()]$/,
        'must be a resource group name (1-90 letters, digits, "-", "_", ".", "(", ")")'
      ), // `resource-group`
    sourceServer: serverName('source-server'), // `source-server`
    restorePoint: viaParser(parseRestorePoint), // `restore-point`: ISO 8601 with offset or "latest"
    targetServer: serverName('target-server').optional(), // `target-server`
    failureTime: viaParser((v) =>
      parseIsoWithOffset(v, 'failure-time')
    ).optional(), // `failure-time`
    wait: flag, // `wait`
    timeout: durationSecondsAtMost('24h'), // `timeout` → seconds
    clientId: azureClientId.optional(), // `client-id`
    tenantId: azureTenantId.optional(), // `tenant-id`
    dryRun: flag // `dry-run`
  })
  .refine(...clientAndTenantTogether)
export type PitrRestoreInputs = z.infer<typeof PitrRestoreInputs>
