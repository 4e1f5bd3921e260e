/**
 * Glob patterns over Terraform resource instance addresses
 * (https://developer.hashicorp.com/terraform/cli/state/resource-addressing).
 *
 * An address is split into segments at every `.` outside an index (`[...]`), so
 * `module.data.azurerm_storage_account.state["prod.eu"]` has the segments `module`, `data`,
 * `azurerm_storage_account` and `state["prod.eu"]`. In a pattern:
 * - `*` matches any characters inside one segment (index included: `azurerm_key_vault.*` matches `azurerm_key_vault.main[0]`);
 * - a segment that is exactly `**` matches zero or more whole segments (`**.azurerm_key_vault.*` matches the vault at the
 *   root and in any module);
 * - every other character matches itself.
 */

import {
  compileLinearPattern,
  type LinearPattern
} from '@rollback-actions/action-kit'

/**
 * Splits `text` at each `separator` that stands outside `[...]` and outside a quoted key (where `\` escapes the
 * next character), as Terraform's address syntax nests them.
 */
function splitOutsideKeys(text: string, separator: string): string[] {
  const parts: string[] = []
  let current = ''
  let depth = 0
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string
    if (quoted) {
      current += c
      if (c === '\\' && i + 1 < text.length) current += text[++i] ?? ''
      else if (c === '"') quoted = false
      continue
    }
    if (c === '"' && depth > 0) quoted = true
    else if (c === '[') depth++
    else if (c === ']') depth = Math.max(0, depth - 1)
    if (c === separator && depth === 0) {
      parts.push(current)
      current = ''
    } else current += c
  }
  parts.push(current)
  return parts
}

/** Splits a resource address (or a pattern) into segments at `.` outside `[...]` and outside quoted keys. */
export function splitAddress(address: string): string[] {
  return splitOutsideKeys(address, '.')
}

/** One segment glob as an RE2 pattern: linear-time matching however many `*` it holds. */
function segmentRegex(segment: string): LinearPattern {
  const source = segment
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*')
  return compileLinearPattern(`^${source}$`, 's')
}

/** A compiled address pattern; `test(address)` says whether it matches. */
export interface AddressPattern {
  readonly pattern: string
  test(address: string): boolean
}

/**
 * Compiles an address glob (see the module comment for the grammar).
 * @throws Error when the pattern is empty or has an empty segment (`a..b`, a leading or trailing dot).
 */
export function compileAddressPattern(pattern: string): AddressPattern {
  const trimmed = pattern.trim()
  const parts = splitAddress(trimmed)
  if (trimmed === '' || parts.some((p) => p === '')) {
    throw new Error(
      `"${pattern}" is not an address pattern (empty segment); write e.g. azurerm_key_vault.* or **.azurerm_key_vault.*`
    )
  }
  const compiled = parts.map((p) => (p === '**' ? null : segmentRegex(p)))
  // Each (pattern position, segment position) is decided once, so `**` segments cost at most
  // patterns × segments² steps instead of growing exponentially with their number.
  const test = (address: string): boolean => {
    const segs = splitAddress(address)
    const failed = new Set<number>()
    const match = (pi: number, si: number): boolean => {
      if (pi === compiled.length) return si === segs.length
      const key = pi * (segs.length + 1) + si
      if (failed.has(key)) return false
      const re = compiled[pi]
      let ok = false
      if (re === null) {
        for (let k = si; k <= segs.length && !ok; k++) ok = match(pi + 1, k)
      } else if (re !== undefined && si < segs.length) {
        ok = re.test(segs[si] as string) && match(pi + 1, si + 1)
      }
      if (!ok) failed.add(key)
      return ok
    }
    return match(0, 0)
  }
  return { pattern: trimmed, test }
}

/**
 * Returns the first pattern that matches `address`, or undefined.
 * @param patterns compiled patterns (see {@link compileAddressPattern}).
 */
export function firstMatch(
  patterns: readonly AddressPattern[],
  address: string
): AddressPattern | undefined {
  return patterns.find((p) => p.test(address))
}

/**
 * Splits a list of addresses or patterns written one per line or separated by commas. Commas inside an index
 * (`["a,b"]`) do not split; blank entries and lines starting with `#` are dropped.
 */
export function splitAddressList(text: string): string[] {
  const items: string[] = []
  for (const line of text.split(/\r?\n/)) {
    if (line.trim().startsWith('#')) continue
    items.push(...splitOutsideKeys(line, ','))
  }
  return items.map((s) => s.trim()).filter((s) => s !== '')
}
