import { parse as parseYaml } from 'yaml'
import { z } from 'zod'
import { fromParser, refuse } from './from-parser.js'
import {
  parseImageReference,
  REGISTRY_HOST_PATTERN,
  TAG_PATTERN
} from './image-reference.js'
import { compileLinearPattern } from './pattern.js'

/**
 * Shared zod field types for action inputs. `ctx.inputs()` turns an empty input into `undefined`, so
 * optional inputs are `field.optional()`; defaults live in action.yml only.
 */

/** Inputs whose values are masked before anything sees them. */
export const secretFields = z.registry<{ secret: true }>()

/** A secret string: masked at read time, never echoed in an error. */
export const secret = z.string().min(1).register(secretFields, { secret: true })

/** Only "true" or "false" (YAML 1.2 core schema booleans as the runner passes them). */
export const flag = z
  .string()
  .refine((v) => v === 'true' || v === 'false', {
    message: 'must be "true" or "false"'
  })
  .transform((v) => v === 'true')

const durationRe = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+(?:\.\d+)?)s)?$/

/**
 * Parses a duration: `90s`, `10m`, `1h30m`, `2h`, or a bare number of seconds (`45`).
 * @returns seconds (may be fractional for `1.5s`), or undefined when unparseable.
 */
export function parseDurationSeconds(text: string): number | undefined {
  const v = text.trim()
  if (/^\d+(\.\d+)?$/.test(v)) return Number(v)
  const m = durationRe.exec(v)
  if (!m || v === '') return undefined
  return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0)
}

/** A positive duration such as `90s`, `10m`, `1h30m` or `45` (seconds) → seconds. */
export const durationSeconds = z.string().transform(
  fromParser((v) => {
    const seconds = parseDurationSeconds(v)
    return seconds === undefined || seconds <= 0
      ? refuse('must be a positive duration such as 90s, 10m or 1h30m')
      : seconds
  })
)

/**
 * The longest wait one Node timer can hold: `setTimeout` clamps any delay above 2^31-1 ms (about 24.8 days) to 1 ms,
 * so a longer duration would fire at once (Node.js `timers` documentation).
 */
export const MAX_TIMER_SECONDS = Math.floor((2 ** 31 - 1) / 1000)

/**
 * A positive duration no longer than `maximum` (same grammar as {@link durationSeconds}) → seconds. Every duration
 * input declares its maximum here and says it in its action.yml description.
 * @param maximum such as `6h`; at most {@link MAX_TIMER_SECONDS}.
 * @throws Error at definition time when `maximum` is not a duration or exceeds what a timer can wait.
 * @returns a zod field refusing a longer value with `must be at most <maximum> (<n> seconds)`; `ctx.inputs` puts the
 *   input name and the value in front.
 */
export function durationSecondsAtMost(maximum: string) {
  const max = parseDurationSeconds(maximum)
  if (max === undefined || max <= 0 || max > MAX_TIMER_SECONDS)
    throw new Error(
      `duration maximum "${maximum}" must be a positive duration of at most ${MAX_TIMER_SECONDS} seconds`
    )
  return durationSeconds.refine((seconds) => seconds <= max, {
    message: `must be at most ${maximum} (${max} seconds)`
  })
}

/** A positive whole number. */
export const positiveInteger = z
  .string()
  .regex(/^\d+$/, 'must be a whole number')
  .transform(Number)
  .refine((n) => n > 0, 'must be greater than 0')

/** RFC 1123 DNS label (Kubernetes namespace names): lowercase alphanumerics and '-', at most 63. */
export const namespaceName = z
  .string()
  .max(63, 'must be at most 63 characters')
  .regex(
    /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/,
    'must be a lowercase RFC 1123 label (a-z, 0-9, "-"; start and end alphanumeric)'
  )

/** RFC 1123 DNS subdomain (Deployment, Secret names): at most 253. */
export const k8sName = z
  .string()
  .max(253, 'must be at most 253 characters')
  .regex(
    /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/,
    'must be a lowercase RFC 1123 name (a-z, 0-9, "-", "."; start and end alphanumeric)'
  )

/** `namespace/name` of a namespaced object. */
export const qualifiedName = z.string().transform(
  fromParser((v) => {
    const [ns, name, ...rest] = v.split('/')
    const okNs = ns !== undefined && namespaceName.safeParse(ns).success
    const okName = name !== undefined && k8sName.safeParse(name).success
    if (rest.length > 0 || !okNs || !okName)
      return refuse('must be "namespace/name" with RFC 1123 names')
    return { namespace: ns, name }
  })
)

/** A list separated by commas or newlines; blank entries dropped; each item checked by `item`. */
export const nameList = <T extends z.ZodType<unknown, string>>(
  item: T = k8sName as unknown as T
) =>
  z
    .string()
    .transform((v) =>
      v
        .split(/[,\n]/)
        .map((s) => s.trim())
        .filter((s) => s !== '')
    )
    .pipe(z.array(item).min(1, 'must name at least one item'))

/** An image reference (OCI grammar) → {@link ImageReference}. */
export const imageRef = z
  .string()
  .transform(
    fromParser(
      parseImageReference,
      (error) => `is not a valid image reference: ${(error as Error).message}`
    )
  )

/** A registry `host[:port]` such as `myreg.azurecr.io` or `127.0.0.1:5000` (the OCI reference's domain part). */
export const registryHost = z
  .string()
  .trim()
  .regex(
    REGISTRY_HOST_PATTERN,
    'must be a registry host such as myreg.azurecr.io or 127.0.0.1:5000, without https:// or a path'
  )

/** An image tag (OCI grammar). */
export const imageTag = z
  .string()
  .regex(
    TAG_PATTERN,
    'is not a valid tag (letters, digits, _ . -; at most 128 characters; not starting with . or -)'
  )

/** A YAML document holding a list, each item validated by `item`. */
export const yamlList = <T extends z.ZodType>(item: T) =>
  z
    .string()
    .transform(
      fromParser(
        (v) => parseYaml(v) as unknown,
        (error) =>
          `is not valid YAML: ${(error as Error).message.split('\n')[0]}`
      )
    )
    .pipe(z.array(item, { error: 'must be a YAML list' }))

/**
 * A regular expression source → {@link LinearPattern}, compiled with RE2 so matching is linear in the input (a pattern
 * with nested quantifiers cannot hang the run); patterns RE2 cannot express (lookaround, backreferences) are refused.
 */
export const regexSource = z.string().transform(
  fromParser(
    (v) => compileLinearPattern(v),
    (error) => `is not a valid regular expression: ${(error as Error).message}`
  )
)

/**
 * An `http://` or `https://` URL (WHATWG URL parser) without a user name or password: credentials in a URL end up in
 * logs, outputs and summaries, so they are refused (the input reader has masked them already; the value is not
 * echoed). Actions take credentials through their own secret inputs instead.
 */
export const httpUrl = z
  .string()
  .trim()
  .superRefine((v, ctx) => {
    let url: URL | undefined
    try {
      url = new URL(v)
    } catch {
      url = undefined
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      ctx.addIssue({
        code: 'custom',
        message: 'must be an http(s) URL such as https://prometheus.example.com'
      })
    } else if (url.username !== '' || url.password !== '') {
      ctx.addIssue({
        code: 'custom',
        message:
          'holds a user name or password (the "user:password@" part, masked here); remove it and pass the credential through the authentication inputs (a secret token input)'
      })
    }
  })

/** True when `schema` (through optional/default/pipe wrappers) is registered as a secret. */
export function isSecretSchema(schema: z.ZodType): boolean {
  let s: z.ZodType | undefined = schema
  for (let i = 0; s && i < 10; i++) {
    if (secretFields.has(s)) return true
    const def = (s as unknown as { _zod: { def: Record<string, unknown> } })
      ._zod.def
    s = (def.innerType ?? def.in) as z.ZodType | undefined
  }
  return false
}

/** A GUID, as Entra and ARM write them (application, tenant and subscription IDs). */
export const GUID_PATTERN =
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** A verified Entra domain, such as `contoso.onmicrosoft.com` (accepted where a tenant ID is). */
export const TENANT_DOMAIN_PATTERN =
  /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i

/** A GUID input; `what` names it in the error, e.g. `a subscription ID`. */
export const guid = (what: string) =>
  z.string().trim().regex(GUID_PATTERN, `must be ${what}, a GUID`)

/** `client-id`: the Application (client) ID of the identity that holds the federated credential. */
export const azureClientId = guid('the Application (client) ID')

/** `tenant-id`: the Directory (tenant) ID, or a verified domain. */
export const azureTenantId = z
  .string()
  .trim()
  .refine((v) => GUID_PATTERN.test(v) || TENANT_DOMAIN_PATTERN.test(v), {
    message:
      'must be the Directory (tenant) ID, a GUID, or a domain such as contoso.onmicrosoft.com'
  })

/**
 * Cross-field rule for `client-id` and `tenant-id`: both (GitHub OIDC federation) or neither (the session an earlier
 * azure/login step left). Use as `.refine(...clientAndTenantTogether)`.
 */
export const clientAndTenantTogether: [
  (i: {
    clientId?: string | undefined
    tenantId?: string | undefined
  }) => boolean,
  { path: string[]; message: string }
] = [
  (i) => (i.clientId === undefined) === (i.tenantId === undefined),
  {
    path: ['tenantId'],
    message:
      'and input "client-id" go together: set both for GitHub OIDC federation, or neither to use the azure/login session'
  }
]
