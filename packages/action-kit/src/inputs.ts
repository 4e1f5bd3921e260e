import { parse as parseYaml } from 'yaml'
import type { z } from 'zod'
import { InputError } from './errors.js'
import { isSecretSchema } from './fields.js'
import type { Logger } from './logger.js'

/** `rolloutTimeout` → `rollout-timeout` (schema keys are the camelCase of action.yml input names). */
export function kebabCase(key: string): string {
  return key.replace(/[A-Z]/g, (m) => `-${m.toLowerCase()}`)
}

/**
 * Defaults of an action's inputs, from the text of its action.yml (`inputs.<input_id>.default` of GitHub's
 * "Metadata syntax for GitHub Actions"), as the strings the runner passes (`true`, not a boolean). Pure: the
 * caller reads the file. Defaults live in action.yml only; tests, the drill and the benchmarks read them here.
 * @param actionYmlText the YAML text of an action.yml.
 * @param options.unset the value for inputs without a default (the runner gives them `''`); omitted: left out.
 * @returns input name (as written in action.yml) → default.
 */
export function readActionDefaults(
  actionYmlText: string,
  options: { unset?: string } = {}
): Record<string, string> {
  const doc = parseYaml(actionYmlText) as {
    inputs?: Record<string, { default?: string | number | boolean } | null>
  } | null
  const out: Record<string, string> = {}
  for (const [name, spec] of Object.entries(doc?.inputs ?? {})) {
    const value = spec?.default
    if (value !== undefined) out[name] = String(value)
    else if (options.unset !== undefined) out[name] = options.unset
  }
  return out
}

/** A line starting with `::` would be read by the runner as a workflow command. */
const WORKFLOW_COMMAND = /(^|[\r\n])\s*::/

/** `scheme://userinfo@…`: a URL carrying a user name and maybe a password (RFC 3986 §3.2.1). */
const URL_USERINFO = /[a-z][a-z0-9+.-]*:\/\/([^\s/?#@]+)@/gi

/**
 * The credentials written into URLs in `value` (`user:password@`), as written and percent-decoded, so they can be
 * masked before anything prints the value.
 */
export function urlCredentials(value: string): string[] {
  const found: string[] = []
  for (const m of value.matchAll(URL_USERINFO)) {
    const userinfo = m[1] ?? ''
    const colon = userinfo.indexOf(':')
    const parts = [userinfo, colon >= 0 ? userinfo.slice(colon + 1) : '']
    for (const part of parts) {
      if (part === '') continue
      found.push(part)
      try {
        found.push(decodeURIComponent(part))
      } catch {
        // not valid percent-encoding: the form as written is masked
      }
    }
  }
  return found
}

function shown(value: string): string {
  const one = value.length > 80 ? `${value.slice(0, 77)}...` : value
  return JSON.stringify(one)
}

/**
 * Reads every input the schema declares (by the kebab-case of each key), masks secret inputs and the credentials of
 * any URL with `user:password@` first (such a value is never echoed in an error), rejects
 * workflow-command injection, turns empty values into `undefined`, and validates with zod.
 * @param getInput returns the raw input ('' when unset), as `core.getInput` does.
 * @throws InputError naming the kebab-case input, the value (never for secrets) and the rule broken; for
 *   cross-field rules (object `.refine` with a `path`) the first path element names the input.
 */
export function parseInputs<S extends z.ZodObject>(
  schema: S,
  getInput: (name: string) => string,
  log: Logger
): z.infer<S> {
  const raw: Record<string, string | undefined> = {}
  const secretKeys = new Set<string>()
  for (const [key, field] of Object.entries(schema.shape)) {
    const name = kebabCase(key)
    const value = getInput(name)
    if (isSecretSchema(field as z.ZodType)) {
      secretKeys.add(key)
      if (value) log.secret(value)
    }
    // A password written into a URL is a secret wherever it sits: mask it and never echo the value.
    const credentials = urlCredentials(value)
    if (credentials.length > 0) {
      secretKeys.add(key)
      for (const c of credentials) log.secret(c)
    }
    if (WORKFLOW_COMMAND.test(value))
      throw new InputError(
        name,
        'contains a line starting with "::", which the runner would execute as a workflow command; remove it'
      )
    raw[key] = value.trim() === '' ? undefined : value
  }
  const parsed = schema.safeParse(raw)
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]
  const key = String(issue?.path[0] ?? '')
  const name = kebabCase(key)
  const value = raw[key]
  let detail = issue?.message ?? 'is invalid'
  if (value === undefined && issue?.code === 'invalid_type') {
    detail = 'is required but was empty'
  } else if (
    value !== undefined &&
    !secretKeys.has(key) &&
    !detail.includes(value)
  ) {
    detail = `${shown(value)} ${detail}`
  }
  throw new InputError(name || 'inputs', detail)
}
