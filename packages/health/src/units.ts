/**
 * Thresholds with units for health checks.
 *
 * A Prometheus query answers a plain number in base units (seconds for latencies, a fraction for ratios, a count,
 * requests per second). A threshold always names its unit, so `500ms` and `0.5s` compare the same, and `0.1%` is
 * `0.001` as a ratio. A bare number is refused: "0.5" could be seconds or a ratio, and guessing wrong at 3 a.m.
 * turns an outage into a healthy verdict.
 */

/** How a reading is compared with its threshold. */
export type Comparison = '<' | '<=' | '>' | '>=' | '==' | '!='

export const COMPARISONS: readonly Comparison[] = [
  '<',
  '<=',
  '>',
  '>=',
  '==',
  '!='
]

/** The dimension of a threshold (and of the query result it is compared with). */
export type UnitKind = 'duration' | 'ratio' | 'count' | 'rate'

/** A threshold converted to base units, with the unit the user wrote (for display). */
export interface Threshold {
  /** Value in base units: seconds, a fraction (0.001 = 0.1 %), a count, or per second. */
  value: number
  kind: UnitKind
  /** The unit as written (`ms`, `s`, `m`, `%`, `ratio`, `count`, `req/s`). */
  unit: string
  /** The threshold as written, trimmed. */
  text: string
}

/** Units accepted in thresholds: factor to base units and kind. */
const UNITS: Record<string, { factor: number; kind: UnitKind }> = {
  ms: { factor: 0.001, kind: 'duration' },
  s: { factor: 1, kind: 'duration' },
  m: { factor: 60, kind: 'duration' },
  '%': { factor: 0.01, kind: 'ratio' },
  ratio: { factor: 1, kind: 'ratio' },
  count: { factor: 1, kind: 'count' },
  requests: { factor: 1, kind: 'count' },
  'req/s': { factor: 1, kind: 'rate' },
  '/s': { factor: 1, kind: 'rate' }
}

/** The units a threshold may carry, for error messages and docs. */
export const THRESHOLD_UNITS = Object.keys(UNITS)

/**
 * Parses a threshold such as `500ms`, `0.5s`, `0.1%`, `0.001 ratio`, `100 requests`, `20 req/s`.
 * @returns the threshold in base units.
 * @throws Error with a message saying what is wrong and an example (callers wrap it in an InputError).
 */
export function parseThreshold(text: string): Threshold {
  const trimmed = String(text).trim()
  const m = /^([-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?)\s*(.*)$/i.exec(
    trimmed
  )
  if (!m) {
    throw new Error(
      `threshold "${trimmed}" is not a number with a unit (e.g. 500ms, 0.1%, 0.001 ratio, 100 requests)`
    )
  }
  const unit = (m[2] ?? '').trim()
  if (unit === '') {
    throw new Error(
      `threshold "${trimmed}" has no unit; write one of ${THRESHOLD_UNITS.join(', ')} (e.g. "0.1%" or "0.001 ratio" for a ratio, "500ms" for a latency)`
    )
  }
  const spec = UNITS[unit]
  if (!spec) {
    throw new Error(
      `threshold "${trimmed}" has an unknown unit "${unit}"; use one of ${THRESHOLD_UNITS.join(', ')}`
    )
  }
  return {
    value: Number(m[1]) * spec.factor,
    kind: spec.kind,
    unit,
    text: trimmed
  }
}

/** True when `value` satisfies `value <comparison> threshold`. */
export function compare(
  value: number,
  comparison: Comparison,
  threshold: number
): boolean {
  switch (comparison) {
    case '<':
      return value < threshold
    case '<=':
      return value <= threshold
    case '>':
      return value > threshold
    case '>=':
      return value >= threshold
    case '==':
      return value === threshold
    case '!=':
      return value !== threshold
  }
}

function trimNumber(n: number, digits = 4): string {
  if (!Number.isFinite(n)) return String(n)
  return String(Number(n.toPrecision(digits)))
}

/**
 * Formats a base-unit value in the unit of its threshold (`0.4821` seconds with a `ms` threshold → `482.1ms`).
 */
export function formatValue(value: number, threshold: Threshold): string {
  const spec = UNITS[threshold.unit]
  if (!spec) return trimNumber(value)
  const scaled = value / spec.factor
  const sep =
    /^[a-z]/i.test(threshold.unit) && threshold.unit.length > 2 ? ' ' : ''
  return `${trimNumber(scaled)}${sep}${threshold.unit}`
}

/**
 * Parses a duration used in analysis settings and PromQL ranges: `30s`, `5m`, `1h30m`, `500ms`.
 * A bare number is refused (seconds or minutes?).
 * @returns seconds.
 * @throws Error naming the text and giving an example.
 */
export function parseDuration(text: string): number {
  const trimmed = String(text).trim()
  const re = /(\d+(?:\.\d+)?)(ms|h|m|s|d)/gy
  let total = 0
  let matched = 0
  let part: RegExpExecArray | null
  while ((part = re.exec(trimmed)) !== null) {
    matched = re.lastIndex
    const n = Number(part[1])
    const unit = part[2] as 'ms' | 's' | 'm' | 'h' | 'd'
    total += n * { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400 }[unit]
  }
  if (trimmed === '' || matched !== trimmed.length) {
    throw new Error(
      /^\d+(\.\d+)?$/.test(trimmed)
        ? `duration "${trimmed}" has no unit; write e.g. "30s", "5m" or "1h30m"`
        : `duration "${trimmed}" does not parse; write e.g. "30s", "5m" or "1h30m"`
    )
  }
  if (total <= 0)
    throw new Error(`duration "${trimmed}" must be greater than 0`)
  return total
}

/** Formats seconds as a PromQL duration (`300` → `5m`, `90` → `90s`, `0.5` → `500ms`). */
export function promDuration(seconds: number): string {
  if (seconds < 1) return `${Math.round(seconds * 1000)}ms`
  if (Number.isInteger(seconds / 3600)) return `${seconds / 3600}h`
  if (Number.isInteger(seconds / 60)) return `${seconds / 60}m`
  return `${Math.round(seconds)}s`
}
