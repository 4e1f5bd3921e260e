import {
  InputError,
  azureClientId,
  azureTenantId,
  clientAndTenantTogether,
  flag,
  nameList
} from '@rollback-actions/action-kit'
import {
  FEATURE_FLAG_NAME,
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

/**
 * `endpoint`: a connection string is refused with an InputError that never repeats the value (it holds an access
 * key); anything else is checked by {@link parseStoreEndpoint}.
 */
export const storeEndpoint = z.string().transform((v, ctx) => {
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

const flagName = z
  .string()
  .regex(
    FEATURE_FLAG_NAME,
    'is not a feature flag name (letters, digits, ".", "-", "_", ":")'
  )

/** Inputs of disable-feature-flags (defaults live in action.yml). */
export const DisableFeatureFlagsInputs = z
  .object({
    endpoint: storeEndpoint, // `endpoint`
    mode: z.enum(['disable', 'restore'], {
      error: 'must be "disable" or "restore"'
    }), // `mode`
    flags: nameList(flagName).optional(), // `flags`
    flagFilter: z
      .string()
      .trim()
      .regex(
        /^[A-Za-z0-9._:-]*\*?$/,
        'must be a flag name or a prefix ending in * (letters, digits, ".", "-", "_", ":")'
      )
      .optional(), // `flag-filter`
    label: z
      .string()
      .refine(
        (v) => !/[*,\\]/.test(v),
        'must be one exact label (no *, "," or "\\")'
      )
      .optional(), // `label`: empty = no label
    method: z.enum(['disable', 'zero-percent'], {
      error: 'must be "disable" or "zero-percent"'
    }), // `method`
    previousState: viaParser(parseSnapshots).optional(), // `previous-state`
    dryRun: flag, // `dry-run`
    clientId: azureClientId.optional(), // `client-id`
    tenantId: azureTenantId.optional() // `tenant-id`
  })
  .refine(...clientAndTenantTogether)
  .superRefine((i, ctx) => {
    const issue = (path: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message })
    if (i.mode === 'disable') {
      if (!i.flags && !i.flagFilter)
        issue('flags', 'or input "flag-filter" is required for mode disable')
      if (i.flags && i.flagFilter)
        issue('flagFilter', 'and input "flags" exclude each other; give one')
      if (i.previousState)
        issue('previousState', 'is only read in mode restore')
    } else {
      if (!i.previousState)
        issue(
          'previousState',
          'is required for mode restore: the previous-state output of the disable run'
        )
      if (i.flags || i.flagFilter)
        issue(
          i.flags ? 'flags' : 'flagFilter',
          'is not used in mode restore (the flags come from previous-state)'
        )
    }
  })
export type DisableFeatureFlagsInputs = z.infer<
  typeof DisableFeatureFlagsInputs
>
