/**
 * Label and field selectors with the grammar of k8s.io/apimachinery `labels.Parse` and `fields.ParseSelector`
 * (https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors).
 */
import { badRequest } from './errors.js'

/** One parsed label requirement. */
export interface Requirement {
  key: string
  operator: '=' | '!=' | 'in' | 'notin' | 'exists' | '!' | 'gt' | 'lt'
  values: string[]
}

const KEY =
  /^([a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?\/)?[a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?$/
const VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/

function splitTopLevel(text: string): string[] {
  const parts: string[] = []
  let depth = 0
  let current = ''
  for (const ch of text) {
    if (ch === '(') depth++
    if (ch === ')') depth--
    if (ch === ',' && depth === 0) {
      parts.push(current)
      current = ''
    } else current += ch
  }
  parts.push(current)
  return parts.map((p) => p.trim()).filter((p) => p !== '')
}

function checkKey(key: string, selector: string): string {
  if (!KEY.test(key))
    throw badRequest(
      `unable to parse requirement: invalid label key "${key}" in selector "${selector}"`
    )
  return key
}

function checkValue(value: string, selector: string): string {
  if (!VALUE.test(value) || value.length > 63)
    throw badRequest(
      `unable to parse requirement: invalid label value "${value}" in selector "${selector}"`
    )
  return value
}

/**
 * Parses a label selector string: `a=b`, `a==b`, `a!=b`, `a in (x,y)`, `a notin (x)`, `a`, `!a`, `a>1`, `a<1`,
 * comma-separated (AND).
 * @throws ApiError 400 on a syntax error, like the API server.
 */
export function parseLabelSelector(
  selector: string | undefined
): Requirement[] {
  if (selector === undefined || selector.trim() === '') return []
  return splitTopLevel(selector).map((part): Requirement => {
    let m = /^(\S+?)\s+(in|notin)\s*\(([^)]*)\)$/.exec(part)
    if (m) {
      const values = (m[3] ?? '')
        .split(',')
        .map((v) => v.trim())
        .filter((v) => v !== '')
        .map((v) => checkValue(v, selector))
      if (values.length === 0)
        throw badRequest(
          `unable to parse requirement: for 'in', 'notin' operators, values set can't be empty`
        )
      return {
        key: checkKey(m[1] ?? '', selector),
        operator: m[2] as 'in' | 'notin',
        values
      }
    }
    m = /^([^=!<>\s]+)\s*(==|=|!=|>|<)\s*(.*)$/.exec(part)
    if (m) {
      const op = m[2]
      const value = (m[3] ?? '').trim()
      if (op === '>' || op === '<') {
        if (!/^-?\d+$/.test(value))
          throw badRequest(
            `unable to parse requirement: for 'Gt', 'Lt' operators, the value must be an integer`
          )
        return {
          key: checkKey(m[1] ?? '', selector),
          operator: op === '>' ? 'gt' : 'lt',
          values: [value]
        }
      }
      return {
        key: checkKey(m[1] ?? '', selector),
        operator: op === '!=' ? '!=' : '=',
        values: [checkValue(value, selector)]
      }
    }
    m = /^!\s*(\S+)$/.exec(part)
    if (m)
      return { key: checkKey(m[1] ?? '', selector), operator: '!', values: [] }
    if (/^\S+$/.test(part))
      return { key: checkKey(part, selector), operator: 'exists', values: [] }
    throw badRequest(
      `unable to parse requirement: found '${part}', expected: '=', '!=', '==', 'in', notin'`
    )
  })
}

/** Whether `labels` satisfy every requirement. */
export function matchesLabels(
  requirements: Requirement[],
  labels: Record<string, string> | undefined
): boolean {
  const l = labels ?? {}
  return requirements.every((r) => {
    const has = Object.prototype.hasOwnProperty.call(l, r.key)
    const v = l[r.key]
    switch (r.operator) {
      case '=':
        return has && v === r.values[0]
      case '!=':
        return !has || v !== r.values[0]
      case 'in':
        return has && r.values.includes(v ?? '')
      case 'notin':
        return !has || !r.values.includes(v ?? '')
      case 'exists':
        return has
      case '!':
        return !has
      case 'gt':
      case 'lt': {
        if (!has || !/^-?\d+$/.test(v ?? '')) return false
        const n = Number(v)
        const bound = Number(r.values[0])
        return r.operator === 'gt' ? n > bound : n < bound
      }
    }
  })
}

/** meta/v1 LabelSelector (`matchLabels` + `matchExpressions`). */
export interface LabelSelectorObject {
  matchLabels?: Record<string, string>
  matchExpressions?: Array<{
    key: string
    operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'
    values?: string[]
  }>
}

/** Converts a meta/v1 LabelSelector into requirements (as `metav1.LabelSelectorAsSelector`). */
export function selectorObjectRequirements(
  selector: LabelSelectorObject | undefined
): Requirement[] {
  const out: Requirement[] = []
  for (const [key, value] of Object.entries(selector?.matchLabels ?? {}))
    out.push({ key, operator: '=', values: [value] })
  for (const e of selector?.matchExpressions ?? []) {
    const operator = (
      { In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: '!' } as const
    )[e.operator]
    out.push({ key: e.key, operator, values: e.values ?? [] })
  }
  return out
}

/** The selector string kubectl builds from a LabelSelector (`app=web,tier in (a,b)`). */
export function selectorObjectToString(
  selector: LabelSelectorObject | undefined
): string {
  return selectorObjectRequirements(selector)
    .map((r) => {
      switch (r.operator) {
        case '=':
          return `${r.key}=${r.values[0] ?? ''}`
        case '!=':
          return `${r.key}!=${r.values[0] ?? ''}`
        case 'in':
        case 'notin':
          return `${r.key} ${r.operator} (${r.values.join(',')})`
        case 'exists':
          return r.key
        case '!':
          return `!${r.key}`
        default:
          return `${r.key}${r.operator === 'gt' ? '>' : '<'}${r.values[0] ?? ''}`
      }
    })
    .join(',')
}

/** One field selector term: `metadata.name=web` or `status.phase!=Running`. */
export interface FieldRequirement {
  field: string
  operator: '=' | '!='
  value: string
}

/**
 * Parses a field selector (`metadata.name=web,metadata.namespace!=kube-system`).
 * @param supported field paths the resource allows besides `metadata.name` and `metadata.namespace`.
 * @throws ApiError 400 `field label not supported: <field>` like the API server.
 */
export function parseFieldSelector(
  selector: string | undefined,
  supported: readonly string[] = []
): FieldRequirement[] {
  if (selector === undefined || selector.trim() === '') return []
  return splitTopLevel(selector).map((part) => {
    const m = /^([^=!]+?)\s*(==|=|!=)\s*(.*)$/.exec(part)
    if (!m)
      throw badRequest(
        `invalid selector: '${selector}'; can't understand '${part}'`
      )
    const field = (m[1] ?? '').trim()
    if (
      field !== 'metadata.name' &&
      field !== 'metadata.namespace' &&
      !supported.includes(field)
    )
      throw badRequest(`field label not supported: ${field}`)
    return {
      field,
      operator: m[2] === '!=' ? '!=' : '=',
      value: (m[3] ?? '').trim()
    }
  })
}

function fieldValue(object: unknown, path: string): string {
  let current: unknown = object
  for (const segment of path.split('.')) {
    if (current === null || typeof current !== 'object') return ''
    current = (current as Record<string, unknown>)[segment]
  }
  if (current === undefined || current === null) return ''
  return typeof current === 'string' ? current : JSON.stringify(current)
}

/** Whether an object satisfies every field requirement (missing fields compare as ''). */
export function matchesFields(
  requirements: FieldRequirement[],
  object: unknown
): boolean {
  return requirements.every((r) => {
    const v = fieldValue(object, r.field)
    return r.operator === '=' ? v === r.value : v !== r.value
  })
}
