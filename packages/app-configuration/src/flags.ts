import {
  featureFlagContentType,
  featureFlagPrefix,
  type AppConfigurationClient,
  type ConfigurationSetting
} from '@azure/app-configuration'
import { ConfigurationError, type Logger } from '@rollback-actions/action-kit'
import {
  applyChanges,
  describeKey,
  listKeyValues,
  stateOf,
  verifyStates,
  type KeyValueChange,
  type KeyValueSnapshot,
  type KeyValueState
} from './store.js'

/** Which flags to act on: exact names, or a key filter over flag names; one label (`null` = no label). */
export type FlagSelection =
  | { names: string[]; label: string | null }
  | { nameFilter: string; label: string | null }

/**
 * `disable`: `enabled: false` (nobody sees the feature). `zero-percent`: every `Microsoft.Percentage` filter's `Value`
 * and every `Microsoft.Targeting` rollout percentage set to 0, the flag staying enabled (feature-filter schema,
 * Azure/AppConfiguration docs/FeatureManagement/FeatureFlag.v1.1.0.schema.json).
 */
export type FlagAction = 'disable' | 'zero-percent'

/** A flag as read, before and after. */
export interface FlagReport {
  /** Flag name (the key without `.appconfig.featureflag/`). */
  name: string
  label: string | null
  enabledBefore: boolean
  enabledAfter: boolean
  /** Percentage filter values (`Microsoft.Percentage` Value, Targeting default), before and after; empty when none. */
  percentBefore: number[]
  percentAfter: number[]
  /** False when the flag was already in the wanted state (nothing written). */
  changed: boolean
}

/** Escapes the filter-reserved characters `*`, `\` and `,` (rest-api-key-value "Reserved characters"). */
export function escapeFilter(text: string): string {
  return text.replace(/[\\*,]/g, (c) => `\\${c}`)
}

/** The label filter for one exact label (`\0` = without label). */
export function labelFilterOf(label: string | null): string {
  return label === null ? '\0' : escapeFilter(label)
}

interface FlagJson {
  id?: unknown
  enabled?: unknown
  conditions?: {
    client_filters?: { name?: unknown; parameters?: Record<string, unknown> }[]
    requirement_type?: unknown
  }
  [k: string]: unknown
}

function parseFlag(setting: ConfigurationSetting): FlagJson {
  const where = describeKey(setting.key, setting.label ?? null)
  if (setting.contentType !== featureFlagContentType)
    throw new ConfigurationError(
      `${where} is not a feature flag (content type ${JSON.stringify(setting.contentType ?? null)}, expected ${featureFlagContentType}); name only feature flags`
    )
  try {
    const v = JSON.parse(setting.value ?? '') as unknown
    if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Error()
    return v as FlagJson
  } catch {
    throw new ConfigurationError(
      `${where}: the flag's value is not a JSON object; fix the flag in the store first`
    )
  }
}

function percentages(flag: FlagJson): number[] {
  const out: number[] = []
  for (const f of flag.conditions?.client_filters ?? []) {
    const p = f.parameters ?? {}
    if (f.name === 'Microsoft.Percentage' || f.name === 'Percentage')
      out.push(Number(p.Value ?? 0))
    if (f.name === 'Microsoft.Targeting' || f.name === 'Targeting') {
      const audience = (p.Audience ?? {}) as {
        DefaultRolloutPercentage?: unknown
        Groups?: { RolloutPercentage?: unknown }[]
      }
      out.push(Number(audience.DefaultRolloutPercentage ?? 0))
      for (const g of audience.Groups ?? [])
        out.push(Number(g.RolloutPercentage ?? 0))
    }
  }
  return out
}

/** The flag with the action applied (a deep copy; unknown fields kept). */
function applied(flag: FlagJson, action: FlagAction): FlagJson {
  const copy = structuredClone(flag)
  if (action === 'disable') {
    copy.enabled = false
    return copy
  }
  for (const f of copy.conditions?.client_filters ?? []) {
    const p = (f.parameters ??= {})
    if (f.name === 'Microsoft.Percentage' || f.name === 'Percentage')
      p.Value = 0
    if (f.name === 'Microsoft.Targeting' || f.name === 'Targeting') {
      const audience = (p.Audience ?? {}) as Record<string, unknown> & {
        Groups?: Record<string, unknown>[]
      }
      audience.DefaultRolloutPercentage = 0
      for (const g of audience.Groups ?? []) g.RolloutPercentage = 0
      p.Audience = audience
    }
  }
  return copy
}

/**
 * Finds the selected flags in the store; every named flag must exist with the label.
 * @throws ConfigurationError for unknown flags, a filter that matches none, or a key-value that is not a flag.
 */
export async function resolveFlags(
  client: AppConfigurationClient,
  selection: FlagSelection
): Promise<ConfigurationSetting[]> {
  const labelFilter = labelFilterOf(selection.label)
  const labelText =
    selection.label === null
      ? 'without label'
      : `with label "${selection.label}"`
  if ('nameFilter' in selection) {
    const found = await listKeyValues(
      client,
      `${featureFlagPrefix}${selection.nameFilter}`,
      labelFilter
    )
    if (found.length === 0)
      throw new ConfigurationError(
        `no feature flag matches "${selection.nameFilter}" ${labelText}; check flag-filter and label`
      )
    for (const f of found) parseFlag(f)
    return found
  }
  const found: ConfigurationSetting[] = []
  // The key filter takes up to 5 comma-separated exact values (rest-api-key-value "Filtering").
  for (let i = 0; i < selection.names.length; i += 5) {
    const chunk = selection.names.slice(i, i + 5)
    found.push(
      ...(await listKeyValues(
        client,
        chunk.map((n) => escapeFilter(`${featureFlagPrefix}${n}`)).join(','),
        labelFilter
      ))
    )
  }
  const have = new Set(found.map((f) => f.key.slice(featureFlagPrefix.length)))
  const unknown = selection.names.filter((n) => !have.has(n))
  if (unknown.length > 0)
    throw new ConfigurationError(
      `unknown feature flag(s) ${unknown.map((n) => `"${n}"`).join(', ')} ${labelText} in the store; nothing was changed — check the names and the label`
    )
  for (const f of found) parseFlag(f)
  return found
}

/** What {@link planFlags} decided: the writes and the per-flag report. */
export interface FlagPlan {
  changes: KeyValueChange[]
  reports: FlagReport[]
}

/**
 * Plans the action on resolved flags: flags already off (or at 0 %) are left alone.
 * @throws ConfigurationError for `zero-percent` on a flag with no percentage or targeting filter (it would stay on
 *   for everyone; use `disable`), or a flag to change that is read-only (locked).
 */
export function planFlags(
  flags: ConfigurationSetting[],
  action: FlagAction
): FlagPlan {
  const changes: KeyValueChange[] = []
  const reports: FlagReport[] = []
  for (const setting of flags) {
    const flag = parseFlag(setting)
    const name = setting.key.slice(featureFlagPrefix.length)
    const label = setting.label ?? null
    if (
      action === 'zero-percent' &&
      percentages(flag).length === 0 &&
      flag.enabled === true
    )
      throw new ConfigurationError(
        `${describeKey(setting.key, label)} has no Microsoft.Percentage or Microsoft.Targeting filter, so a 0 % rollout would leave it on for everyone; use action "disable" for it`
      )
    const next = applied(flag, action)
    const from = stateOf(setting)
    const to: KeyValueState = { ...from, value: JSON.stringify(next) }
    const changed =
      action === 'disable'
        ? flag.enabled !== false
        : percentages(flag).some((p) => p !== 0)
    reports.push({
      name,
      label,
      enabledBefore: flag.enabled === true,
      enabledAfter: next.enabled === true,
      percentBefore: percentages(flag),
      percentAfter: percentages(next),
      changed
    })
    if (changed && setting.isReadOnly)
      throw new ConfigurationError(
        `${describeKey(setting.key, label)} is read-only (locked); unlock it in the store first — nothing was written`
      )
    if (changed)
      changes.push({
        key: setting.key,
        label,
        action: 'set',
        from,
        fromEtag: setting.etag ?? null,
        to
      })
  }
  return { changes, reports }
}

/**
 * Writes the plan (ETag-conditional, undone on a partial failure) and reads every flag back.
 * @returns the replaced states with the ETags written (the `previous-state` a restore needs).
 * @throws OperationError / ConfigurationError from the writes; OperationError when a flag does not read back as
 *   written.
 */
export async function applyFlagPlan(
  client: AppConfigurationClient,
  plan: FlagPlan,
  log: Logger
): Promise<KeyValueSnapshot[]> {
  const snapshots = await applyChanges(client, plan.changes, log)
  await verifyStates(
    client,
    plan.changes.map((c) => c.to)
  )
  return snapshots
}
