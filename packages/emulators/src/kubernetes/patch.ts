/**
 * The three PATCH flavours of kube-apiserver:
 * - JSON Patch (RFC 6902, `application/json-patch+json`), `test` included;
 * - JSON Merge Patch (RFC 7386, `application/merge-patch+json`);
 * - Strategic Merge Patch (`application/strategic-merge-patch+json`) for the built-in types the emulator serves,
 *   following https://github.com/kubernetes/community/blob/master/contributors/devel/sig-api-machinery/strategic-merge-patch.md:
 *   lists merged by key (`containers`, `env`, `ports`, `volumes`, `volumeMounts`, …), `$patch: replace|delete|merge`,
 *   `$setElementOrder/<list>`, `$retainKeys`, `$deleteFromPrimitiveList/<list>`.
 */
import { ApiError } from './errors.js'

type Obj = Record<string, unknown>

function isObject(value: unknown): value is Obj {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

function clone<T>(value: T): T {
  return value === undefined ? value : structuredClone(value)
}

/** Structural equality of JSON values (key order ignored). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (Array.isArray(a)) {
    return (
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, i) => deepEqual(item, b[i]))
    )
  }
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined)
    const kb = Object.keys(b).filter((k) => b[k] !== undefined)
    return ka.length === kb.length && ka.every((k) => deepEqual(a[k], b[k]))
  }
  return false
}

function invalidPatch(message: string): ApiError {
  return new ApiError(422, 'Invalid', message)
}

// ---------------------------------------------------------------- JSON Merge Patch (RFC 7386)

/** Applies an RFC 7386 JSON merge patch: objects merge recursively, `null` deletes, anything else replaces. */
export function jsonMergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return clone(patch)
  const result: Obj = isObject(target) ? clone(target) : {}
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key]
    else result[key] = jsonMergePatch(result[key], value)
  }
  return result
}

// ---------------------------------------------------------------- JSON Patch (RFC 6902)

/** One RFC 6902 operation. */
export interface JsonPatchOperation {
  op: 'add' | 'remove' | 'replace' | 'move' | 'copy' | 'test'
  path: string
  from?: string
  value?: unknown
}

function parsePointer(pointer: string): string[] {
  if (pointer === '') return []
  if (!pointer.startsWith('/'))
    throw invalidPatch(`JSON pointer must start with '/': "${pointer}"`)
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
}

function arrayIndex(token: string, length: number, allowEnd: boolean): number {
  if (token === '-' && allowEnd) return length
  if (!/^(0|[1-9]\d*)$/.test(token))
    throw invalidPatch(`invalid array index "${token}"`)
  const index = Number(token)
  if (index > length || (!allowEnd && index === length))
    throw invalidPatch(`array index ${index} out of bounds (length ${length})`)
  return index
}

function getAt(doc: unknown, tokens: string[], path: string): unknown {
  let current = doc
  for (const token of tokens) {
    if (Array.isArray(current))
      current = current[arrayIndex(token, current.length, false)]
    else if (
      isObject(current) &&
      Object.prototype.hasOwnProperty.call(current, token)
    )
      current = current[token]
    else throw invalidPatch(`doc is missing path: "${path}": missing value`)
  }
  return current
}

function parentOf(
  doc: unknown,
  tokens: string[],
  path: string
): { parent: unknown; last: string } {
  if (tokens.length === 0)
    throw invalidPatch(`path "${path}" addresses the whole document`)
  const parent = getAt(doc, tokens.slice(0, -1), path)
  if (!Array.isArray(parent) && !isObject(parent))
    throw invalidPatch(`doc is missing path: "${path}": missing value`)
  return { parent, last: tokens[tokens.length - 1] ?? '' }
}

function addAt(doc: unknown, path: string, value: unknown): unknown {
  const tokens = parsePointer(path)
  if (tokens.length === 0) return value
  const { parent, last } = parentOf(doc, tokens, path)
  if (Array.isArray(parent))
    parent.splice(arrayIndex(last, parent.length, true), 0, value)
  else (parent as Obj)[last] = value
  return doc
}

function removeAt(doc: unknown, path: string): unknown {
  const tokens = parsePointer(path)
  const { parent, last } = parentOf(doc, tokens, path)
  if (Array.isArray(parent)) {
    const index = arrayIndex(last, parent.length, false)
    return parent.splice(index, 1)[0]
  }
  const obj = parent as Obj
  if (!Object.prototype.hasOwnProperty.call(obj, last))
    throw invalidPatch(
      `Unable to remove nonexistent key: ${last}: missing value`
    )
  const old = obj[last]
  delete obj[last]
  return old
}

/**
 * Applies RFC 6902 operations to a copy of `document`.
 * @throws ApiError 400 when `operations` is not an array of operations (the API server's
 *   `json: cannot unmarshal object into Go value of type jsonpatch.Patch`), 422 when an operation fails
 *   (missing path, failed `test`).
 */
export function applyJsonPatch(
  document: unknown,
  operations: unknown
): unknown {
  if (!Array.isArray(operations)) {
    throw new ApiError(
      400,
      'BadRequest',
      `json: cannot unmarshal ${isObject(operations) ? 'object' : typeof operations} into Go value of type jsonpatch.Patch`
    )
  }
  let doc = clone(document)
  for (const raw of operations) {
    if (
      !isObject(raw) ||
      typeof raw.op !== 'string' ||
      typeof raw.path !== 'string'
    )
      throw new ApiError(
        400,
        'BadRequest',
        'invalid JSON patch operation: missing op or path'
      )
    const op = raw as unknown as JsonPatchOperation
    switch (op.op) {
      case 'add':
        if (!('value' in raw))
          throw invalidPatch(`add operation on "${op.path}" has no value`)
        doc = addAt(doc, op.path, clone(op.value))
        break
      case 'remove':
        removeAt(doc, op.path)
        break
      case 'replace': {
        if (!('value' in raw))
          throw invalidPatch(`replace operation on "${op.path}" has no value`)
        const tokens = parsePointer(op.path)
        if (tokens.length === 0) {
          doc = clone(op.value)
          break
        }
        getAt(doc, tokens, op.path) // must exist
        const { parent, last } = parentOf(doc, tokens, op.path)
        if (Array.isArray(parent))
          parent[arrayIndex(last, parent.length, false)] = clone(op.value)
        else (parent as Obj)[last] = clone(op.value)
        break
      }
      case 'move': {
        if (typeof op.from !== 'string')
          throw invalidPatch('move operation has no "from"')
        const value = removeAt(doc, op.from)
        doc = addAt(doc, op.path, value)
        break
      }
      case 'copy': {
        if (typeof op.from !== 'string')
          throw invalidPatch('copy operation has no "from"')
        const value = clone(getAt(doc, parsePointer(op.from), op.from))
        doc = addAt(doc, op.path, value)
        break
      }
      case 'test': {
        let actual: unknown
        try {
          actual = getAt(doc, parsePointer(op.path), op.path)
        } catch {
          actual = undefined
        }
        if (!deepEqual(actual, op.value))
          throw invalidPatch(`testing value ${op.path} failed: test failed`)
        break
      }
      default:
        throw new ApiError(
          400,
          'BadRequest',
          `Unexpected kind: ${String(raw.op)}`
        )
    }
  }
  return doc
}

// ---------------------------------------------------------------- Strategic Merge Patch

/** Merge keys of lists merged by key (field name → key), for the core/v1 and apps/v1 types served. */
export const MERGE_KEYS: Readonly<Record<string, string>> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  env: 'name',
  ports: 'containerPort',
  volumes: 'name',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  imagePullSecrets: 'name',
  hostAliases: 'ip',
  conditions: 'type',
  ownerReferences: 'uid',
  topologySpreadConstraints: 'topologyKey',
  resourceClaims: 'name',
  containerStatuses: 'name',
  initContainerStatuses: 'name'
}

/** Primitive lists whose strategy is `merge` (set union); every other primitive list is replaced. */
const MERGED_PRIMITIVE_LISTS = new Set(['finalizers'])

const DELETE = Symbol('delete')

function withoutDirectives(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutDirectives)
  if (!isObject(value)) return value
  const out: Obj = {}
  for (const [k, v] of Object.entries(value)) {
    if (k.startsWith('$')) continue
    if (v === null) continue
    out[k] = withoutDirectives(v)
  }
  return out
}

function mergeListByKey(
  original: unknown,
  patch: unknown[],
  key: string,
  field: string
): unknown[] {
  if (patch.some((p) => isObject(p) && p.$patch === 'replace'))
    return patch
      .filter((p) => !(isObject(p) && p.$patch === 'replace'))
      .map(withoutDirectives)
  const result: unknown[] = Array.isArray(original) ? clone(original) : []
  for (const item of patch) {
    if (!isObject(item)) {
      throw invalidPatch(
        `unable to find api field in struct for the list "${field}": items must be objects`
      )
    }
    if (!(key in item))
      throw invalidPatch(
        `map: ${JSON.stringify(item)} does not contain declared merge key: ${key}`
      )
    const index = result.findIndex(
      (r) => isObject(r) && deepEqual(r[key], item[key])
    )
    if (item.$patch === 'delete') {
      if (index >= 0) result.splice(index, 1)
      continue
    }
    if (index >= 0) result[index] = strategicMerge(result[index], item)
    else result.push(strategicMerge({}, item))
  }
  return result
}

function reorder(
  list: unknown,
  order: unknown,
  key: string | undefined
): unknown {
  if (!Array.isArray(list) || !Array.isArray(order)) return list
  const identity = (item: unknown) =>
    key !== undefined && isObject(item)
      ? JSON.stringify(item[key])
      : JSON.stringify(item)
  const wanted = order.map(identity)
  const ordered: unknown[] = []
  for (const id of wanted) {
    const found: unknown = (list as unknown[]).find(
      (item) => identity(item) === id
    )
    if (found !== undefined && !ordered.includes(found)) ordered.push(found)
  }
  // Items only the server knows keep their relative order, after the ordered ones.
  for (const item of list) if (!ordered.includes(item)) ordered.push(item)
  return ordered
}

/**
 * Applies a strategic merge patch to a copy of `original`.
 * @returns the patched value (a `$patch: delete` at the top level yields `{}`).
 * @throws ApiError 422 when a keyed list item lacks its merge key.
 */
export function strategicMergePatch(
  original: unknown,
  patch: unknown
): unknown {
  if (!isObject(patch))
    throw new ApiError(
      400,
      'BadRequest',
      'strategic merge patch body must be a JSON object'
    )
  const result = strategicMerge(original, patch)
  return result === DELETE ? {} : result
}

function strategicMerge(original: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return clone(patch)
  if (patch.$patch === 'delete') return DELETE
  if (patch.$patch === 'replace') return withoutDirectives(patch)
  const result: Obj = isObject(original) ? clone(original) : {}
  const orders: Array<[string, unknown]> = []
  for (const [key, value] of Object.entries(patch)) {
    if (key === '$patch' || key === '$retainKeys') continue
    if (key.startsWith('$setElementOrder/')) {
      orders.push([key.slice('$setElementOrder/'.length), value])
      continue
    }
    if (key.startsWith('$deleteFromPrimitiveList/')) {
      const field = key.slice('$deleteFromPrimitiveList/'.length)
      const current = result[field]
      if (Array.isArray(current) && Array.isArray(value))
        result[field] = current.filter(
          (v) => !value.some((d) => deepEqual(d, v))
        )
      continue
    }
    if (value === null) {
      delete result[key]
      continue
    }
    const mergeKey = MERGE_KEYS[key]
    if (Array.isArray(value)) {
      if (mergeKey !== undefined && value.every((v) => isObject(v)))
        result[key] = mergeListByKey(result[key], value, mergeKey, key)
      else if (MERGED_PRIMITIVE_LISTS.has(key)) {
        const current = Array.isArray(result[key])
          ? (result[key] as unknown[])
          : []
        result[key] = [
          ...current,
          ...(value as unknown[]).filter(
            (v) => !current.some((c) => deepEqual(c, v))
          )
        ]
      } else result[key] = withoutDirectives(value)
      continue
    }
    if (isObject(value)) {
      const merged = strategicMerge(result[key], value)
      if (merged === DELETE) delete result[key]
      else result[key] = merged
      continue
    }
    result[key] = value
  }
  for (const [field, order] of orders)
    if (result[field] !== undefined)
      result[field] = reorder(result[field], order, MERGE_KEYS[field])
  if (Array.isArray(patch.$retainKeys)) {
    const keep = new Set(patch.$retainKeys.map(String))
    for (const key of Object.keys(result))
      if (!keep.has(key)) delete result[key]
  }
  return result
}
