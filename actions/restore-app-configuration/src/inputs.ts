import {
  InputError,
  azureClientId,
  azureTenantId,
  clientAndTenantTogether,
  flag,
  positiveInteger
} from '@rollback-actions/action-kit'
import {
  checkPointInTime,
  parseSnapshots,
  parseStoreEndpoint
} from '@rollback-actions/app-configuration'
import { z } from 'zod'

/** Runs a parser that throws and turns its message into a zod issue. */
const viaParser = <T>(parse: (v: string) => T) =>
  z.string().transform((v, ctx) => {
    try {
      return parse(v)
    } catch (error) {
      ctx.issues.push({
        code: 'custom',
        input: v,
        message: (error as Error).message
      })
      return z.NEVER
    }
  })

/** `endpoint`: a connection string is refused without repeating it (it holds an access key). */
const storeEndpoint = z.string().transform((v, ctx) => {
  try {
    return parseStoreEndpoint(v)
  } catch (error) {
    const message = (error as Error).message
    if (message.startsWith('is a connection string'))
      throw new InputError('endpoint', message)
    ctx.issues.push({ code: 'custom', input: v, message })
    return z.NEVER
  }
})

/** ISO 8601 date-time with `Z` or an explicit offset (a bare local time would depend on the runner's zone). */
const instant = viaParser((v) => {
  const t = v.trim()
  if (
    !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.test(
      t
    )
  )
    throw new Error(
      'must be ISO 8601 with a UTC offset, such as 2026-01-31T09:30:00Z'
    )
  const d = new Date(t)
  if (Number.isNaN(d.getTime())) throw new Error('is not a valid date-time')
  return d
})

/** An App Configuration key or label filter: exact, up to 5 comma-separated, or one trailing `*` (no `*,` mixes). */
const filter = (what: string) =>
  z
    .string()
    .trim()
    .refine(
      (v) =>
        !/%/.test(v) &&
        (!/(?<!\\)\*/.test(v) ||
          (/^[^,]*\*$/.test(v) && !/(?<!\\)\*./.test(v))),
      `is not a ${what} filter: an exact value, up to 5 comma-separated values, or one prefix ending in *`
    )
    .refine(
      (v) => v.split(/(?<!\\),/).length <= 5,
      'names more than 5 comma-separated values'
    )

/** Inputs of restore-app-configuration (defaults live in action.yml). */
export const RestoreAppConfigurationInputs = z
  .object({
    endpoint: storeEndpoint, // `endpoint`
    mode: z.enum(['restore', 'undo'], {
      error: 'must be "restore" or "undo"'
    }), // `mode`
    keyFilter: filter('key').optional(), // `key-filter`
    label: filter('label').optional(), // `label`: empty = no label
    pointInTime: instant.optional(), // `point-in-time`
    retentionDays: positiveInteger.refine(
      (n) => n >= 1 && n <= 30,
      'must be 1-30 (7 on Free and Developer, 30 on Standard and Premium)'
    ), // `retention-days`
    previousValues: viaParser(parseSnapshots).optional(), // `previous-values`
    dryRun: flag, // `dry-run`
    clientId: azureClientId.optional(), // `client-id`
    tenantId: azureTenantId.optional() // `tenant-id`
  })
  .refine(...clientAndTenantTogether)
  .superRefine((i, ctx) => {
    const issue = (path: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message })
    if (i.mode === 'restore') {
      if (!i.keyFilter) issue('keyFilter', 'is required for mode restore')
      if (!i.pointInTime) issue('pointInTime', 'is required for mode restore')
      else
        try {
          checkPointInTime(i.pointInTime, i.retentionDays)
        } catch (error) {
          issue(
            'pointInTime',
            (error as Error).message.replace(/^point in time \S+ /, '')
          )
        }
      if (i.previousValues) issue('previousValues', 'is only read in mode undo')
    } else {
      if (!i.previousValues)
        issue(
          'previousValues',
          'is required for mode undo: the previous-values output of the restore run'
        )
      if (i.keyFilter || i.pointInTime)
        issue(
          i.keyFilter ? 'keyFilter' : 'pointInTime',
          'is not used in mode undo (the key-values come from previous-values)'
        )
    }
  })
export type RestoreAppConfigurationInputs = z.infer<
  typeof RestoreAppConfigurationInputs
>
