import type { AppConfigurationClient } from '@azure/app-configuration'
import { ConfigurationError } from '@rollback-actions/action-kit'
import { FEATURE_FLAG_PREFIX } from './constants.js'
import {
  absent,
  describeKey,
  listKeyValues,
  sameState,
  stateOf,
  storeError,
  type KeyValueChange,
  type KeyValueState
} from './store.js'

const DAY_MS = 86_400_000

/**
 * Refuses a point in time the store cannot answer for: in the future, or older than its revision retention (7 days on
 * Free and Developer, 30 on Standard and Premium; learn.microsoft.com/azure/azure-app-configuration/concept-point-time-snapshot).
 * Runs before any request.
 * @param retentionDays the store's revision retention in days.
 * @throws ConfigurationError naming the point in time, the window and what to do.
 */
export function checkPointInTime(
  pointInTime: Date,
  retentionDays: number,
  now: Date = new Date()
): void {
  if (pointInTime.getTime() > now.getTime())
    throw new ConfigurationError(
      `point in time ${pointInTime.toISOString()} is in the future (now ${now.toISOString()}); give a past UTC time`
    )
  const earliest = new Date(now.getTime() - retentionDays * DAY_MS)
  if (pointInTime.getTime() < earliest.getTime())
    throw new ConfigurationError(
      `point in time ${pointInTime.toISOString()} is outside the store's revision retention of ${retentionDays} days (earliest ${earliest.toISOString()}); the store no longer holds that history — pick a later time or restore from an exported snapshot`
    )
}

/** One line of the restore plan. */
export interface PlannedKey {
  key: string
  label: string | null
  /** `set`: the value comes back; `delete`: the key-value did not exist then; `none`: already as it was. */
  action: 'set' | 'delete' | 'none'
  currentValue: string | null
  restoredValue: string | null
  /** Revisions written after the point in time (from the revisions API). */
  revisionsSince: number
  /** When the current value was written (UTC ISO-8601), empty when absent. */
  lastModified: string
}

/** The restore plan: what will change and the writes that do it. */
export interface RestorePlan {
  keys: PlannedKey[]
  changes: KeyValueChange[]
}

/**
 * Plans putting every key-value matching the filters back to its state at `pointInTime`: reads the store now and as
 * it was then (`Accept-Datetime`, rest-api-key-value "Point-in-time"), and counts the revisions since through the
 * revisions API (rest-api-revisions). Key-values created later are deleted; deleted ones come back. Feature flags
 * are left out unless `keyFilter` starts with `.appconfig.featureflag/`. Nothing is written.
 * @param keyFilter App Configuration key filter (exact, CSV of up to 5, or trailing `*`).
 * @param labelFilter label filter (`\0` = without label, `*` = any).
 * @throws ConfigurationError when a key-value to change is locked, or the store cannot be read.
 */
export async function planRestore(
  client: AppConfigurationClient,
  keyFilter: string,
  labelFilter: string,
  pointInTime: Date
): Promise<RestorePlan> {
  // Feature flags have their own stage (disable-feature-flags, first in the procedure); a configuration restore
  // leaves them alone unless the key filter names them.
  const flags = keyFilter.startsWith(FEATURE_FLAG_PREFIX)
  const [now, then] = await Promise.all([
    listKeyValues(client, keyFilter, labelFilter),
    listKeyValues(client, keyFilter, labelFilter, pointInTime)
  ])
  const revisionsSince = new Map<string, number>()
  const id = (key: string, label: string | null) => `${key}\0${label ?? '\0'}`
  try {
    for await (const r of client.listRevisions({
      keyFilter,
      labelFilter,
      fields: ['key', 'label', 'lastModified']
    })) {
      if (r.lastModified && r.lastModified.getTime() <= pointInTime.getTime())
        continue
      const k = id(r.key, r.label ?? null)
      revisionsSince.set(k, (revisionsSince.get(k) ?? 0) + 1)
    }
  } catch (error) {
    throw storeError(`listing revisions of "${keyFilter}"`, error)
  }
  const nowMap = new Map(now.map((s) => [id(s.key, s.label ?? null), s]))
  const thenMap = new Map(then.map((s) => [id(s.key, s.label ?? null), s]))
  const ids = [...new Set([...nowMap.keys(), ...thenMap.keys()])].sort()
  const keys: PlannedKey[] = []
  const changes: KeyValueChange[] = []
  const locked: string[] = []
  for (const k of ids) {
    const current = nowMap.get(k)
    const past = thenMap.get(k)
    const any = (current ?? past)!
    if (!flags && any.key.startsWith(FEATURE_FLAG_PREFIX)) continue
    const key = any.key
    const label = any.label ?? null
    const from: KeyValueState = current ? stateOf(current) : absent(key, label)
    const to: KeyValueState = past ? stateOf(past) : absent(key, label)
    const action = sameState(from, to) ? 'none' : to.existed ? 'set' : 'delete'
    keys.push({
      key,
      label,
      action,
      currentValue: from.value,
      restoredValue: to.value,
      revisionsSince: revisionsSince.get(k) ?? 0,
      lastModified: current?.lastModified?.toISOString() ?? ''
    })
    if (action === 'none') continue
    if (current?.isReadOnly) locked.push(describeKey(key, label))
    changes.push({
      key,
      label,
      action,
      from,
      fromEtag: current?.etag ?? null,
      to
    })
  }
  if (locked.length > 0)
    throw new ConfigurationError(
      `read-only (locked) key-values would have to change: ${locked.join(', ')}; unlock them first — nothing was written`
    )
  return { keys, changes }
}
