import type { KeyValueSnapshot } from './store.js'

/**
 * Parses the JSON list of replaced key-values that `disable-feature-flags` (`previous-state`) and
 * `restore-app-configuration` (`previous-values`) output, for the undo run.
 * @returns the snapshots, in the order they were written.
 * @throws Error (message without the input name) when the text is not such a list.
 */
export function parseSnapshots(text: string): KeyValueSnapshot[] {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    throw new Error(
      'is not JSON; pass the previous-state / previous-values output of the earlier run unchanged'
    )
  }
  if (!Array.isArray(data) || data.length === 0)
    throw new Error('must be a non-empty JSON list of recorded key-values')
  return data.map((item: unknown, i) => {
    const o = (item ?? {}) as Record<string, unknown>
    const str = (v: unknown) => typeof v === 'string'
    const strOrNull = (v: unknown) => v === null || typeof v === 'string'
    const tags = o.tags
    if (
      !str(o.key) ||
      o.key === '' ||
      !strOrNull(o.label) ||
      typeof o.existed !== 'boolean' ||
      !strOrNull(o.value) ||
      !strOrNull(o.contentType) ||
      !strOrNull(o.writtenEtag) ||
      !tags ||
      typeof tags !== 'object' ||
      Object.values(tags).some((v) => typeof v !== 'string')
    )
      throw new Error(
        `item ${i + 1} is not a recorded key-value (key, label, existed, value, contentType, tags, writtenEtag)`
      )
    return {
      key: o.key,
      label: o.label,
      existed: o.existed,
      value: o.value,
      contentType: o.contentType,
      tags: tags as Record<string, string>,
      writtenEtag: o.writtenEtag
    }
  })
}
