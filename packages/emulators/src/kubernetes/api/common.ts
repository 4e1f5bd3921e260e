/**
 * What the API modules share: the parsed route, the request context, body decoding, Table output and
 * list filters — following https://kubernetes.io/docs/reference/using-api/api-concepts/.
 */
import type http from 'node:http'
import { parse as parseYaml } from 'yaml'
import { readBody } from '../../http/server.js'
import { ApiError, badRequest, invalid } from '../errors.js'
import { tableFor } from '../resources.js'
import type { ResourceDef } from '../resources.js'
import {
  matchesFields,
  matchesLabels,
  parseFieldSelector,
  parseLabelSelector
} from '../selectors.js'
import type { ObjectStore } from '../store.js'
import type { KubeObject } from '../types.js'
import type { Kubelet } from '../kubelet.js'

/** What every API module reads: the store, the kubelet (logs), the handler's options and open watches. */
export interface ApiContext {
  store: ObjectStore
  kubelet: Kubelet
  /** `host:port` for /api's serverAddressByClientCIDRs. */
  serverAddress: () => string
  /** Longest gap between watch bookmarks (ms). */
  bookmarkIntervalMs: number
  /** The `end` of every open watch (closed on shutdown). */
  watches: Set<() => void>
}

/** A request path resolved to a resource, namespace, name and subresource. */
export interface Route {
  def: ResourceDef
  namespace?: string
  name?: string
  subresource?: string
}

/** One verb on a resource: the API context, the request and response, the route and its query. */
export type Handler = (
  ctx: ApiContext,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  r: Route,
  query: URLSearchParams
) => void | Promise<void>

/** The PATCH content types the API server accepts. */
export const PATCH_TYPES = [
  'application/json-patch+json',
  'application/merge-patch+json',
  'application/apply-patch+yaml',
  'application/strategic-merge-patch+json'
]

/** 405 MethodNotAllowed, as the API server words it. */
export function methodNotAllowed(): ApiError {
  return new ApiError(
    405,
    'MethodNotAllowed',
    'the server does not allow this method on the requested resource'
  )
}

/** 404 for a path that names no resource (details empty, as the API server sends). */
export function unknownResource(): ApiError {
  return new ApiError(
    404,
    'NotFound',
    'the server could not find the requested resource',
    {}
  )
}

/** 415 for a PATCH body type outside {@link PATCH_TYPES} (or `allowed`). */
export function unsupportedMediaType(allowed = PATCH_TYPES): ApiError {
  return new ApiError(
    415,
    'UnsupportedMediaType',
    `the body of the request was in an unknown format - accepted media types include: ${allowed.join(', ')}`
  )
}

/** The media type of the request body, without parameters. */
export function contentType(req: http.IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';')[0]?.trim() ?? ''
}

/** The meta/v1 Status `Success` a DELETE of one object answers (pods answer the object instead). */
export function statusSuccess(
  def: ResourceDef,
  object: KubeObject
): Record<string, unknown> {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Success',
    details: {
      name: object.metadata.name,
      group: def.group,
      kind: def.plural,
      uid: object.metadata.uid
    }
  }
}

/** Whether the client asked for a meta.k8s.io/v1 Table (`Accept: ...;as=Table;...`, as kubectl get does). */
export function wantsTable(req: http.IncomingMessage): boolean {
  return /as=Table/.test(req.headers.accept ?? '')
}

/** The object without `apiVersion`/`kind`, as items of a typed List carry them. */
export function stripTypeMeta(object: KubeObject): Record<string, unknown> {
  const { apiVersion: _a, kind: _k, ...rest } = object
  return rest
}

/**
 * A meta.k8s.io/v1 Table of `objects` with the resource's printer columns (see resources.ts `tableFor`).
 * @param includeObject `None`, `Object` or `Metadata` (PartialObjectMetadata), as the `includeObject` parameter.
 * @param withColumns false for watch events after the first (the API server sends the columns once).
 */
export function toTable(
  def: ResourceDef,
  objects: KubeObject[],
  includeObject: string,
  resourceVersion: string,
  withColumns = true,
  listMeta: Record<string, unknown> = {}
): Record<string, unknown> {
  const { columns, cells } = tableFor(def)
  const now = Date.now()
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { resourceVersion, ...listMeta },
    columnDefinitions: withColumns ? columns : [],
    rows: objects.map((o) => ({
      cells: cells(o, now),
      object:
        includeObject === 'None'
          ? null
          : includeObject === 'Object'
            ? o
            : {
                kind: 'PartialObjectMetadata',
                apiVersion: 'meta.k8s.io/v1',
                metadata: o.metadata
              }
    }))
  }
}

/**
 * Decodes a JSON request body.
 * @throws ApiError 400 BadRequest naming the decoding error.
 */
export function parseJson(buffer: Buffer): unknown {
  try {
    return JSON.parse(buffer.toString('utf8'))
  } catch (error) {
    throw badRequest(
      `error decoding request body: ${error instanceof Error ? error.message : String(error)}`
    )
  }
}

/**
 * Checks that a decoded body is an object (with a `metadata` object).
 * @throws ApiError 400 BadRequest otherwise.
 */
export function asObject(value: unknown, what: string): KubeObject {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw badRequest(`${what}: the body must be a JSON object`)
  const o = value as KubeObject
  if (o.metadata === null || typeof o.metadata !== 'object')
    o.metadata = { name: '' }
  return o
}

/**
 * The predicate of a LIST, WATCH or DELETE collection: namespace, `labelSelector` and `fieldSelector`.
 * @throws ApiError 400 for a selector the API server would refuse.
 */
export function filters(
  r: Route,
  query: URLSearchParams
): (o: KubeObject) => boolean {
  const labels = parseLabelSelector(query.get('labelSelector') ?? undefined)
  const fields = parseFieldSelector(
    query.get('fieldSelector') ?? undefined,
    r.def.fieldSelectors
  )
  return (o) =>
    (r.namespace === undefined || o.metadata.namespace === r.namespace) &&
    matchesLabels(labels, o.metadata.labels) &&
    matchesFields(fields, o)
}

/** Reads a JSON or `application/yaml` request body as an object (400 when it is not one). */
export async function readObject(
  req: http.IncomingMessage,
  what: string
): Promise<KubeObject> {
  const body = await readBody(req)
  const type = (req.headers['content-type'] ?? 'application/json')
    .split(';')[0]
    ?.trim()
  if (type === 'application/yaml')
    return asObject(parseYaml(body.toString('utf8')), what)
  return asObject(parseJson(body), what)
}

/** Whether the request carries `dryRun=All` (validated, not persisted). */
export function dryRun(query: URLSearchParams): boolean {
  return query.getAll('dryRun').includes('All')
}

/**
 * Validates the list/watch options as the API server does before serving (staging/src/k8s.io/apiserver/pkg/
 * apis/meta/internalversion/validation/validation.go ValidateListOptions): `sendInitialEvents` only on a
 * watch and only with `resourceVersionMatch=NotOlderThan`; `resourceVersionMatch` on a list only with a
 * `resourceVersion`, never with `continue`, `Exact` never for `0`; on a watch only with `sendInitialEvents`.
 * @throws ApiError 422 Invalid (kind ListOptions, group meta.k8s.io) naming each field.
 */
export function validateListOptions(
  query: URLSearchParams,
  watch: boolean
): void {
  const causes: Array<{ field: string; message: string; reason?: string }> = []
  const forbidden = (field: string, message: string) =>
    causes.push({
      field,
      message: `Forbidden: ${message}`,
      reason: 'FieldValueForbidden'
    })
  const notSupported = (field: string, value: string, supported: string[]) =>
    causes.push({
      field,
      message: `Unsupported value: "${value}": supported values: ${supported.map((s) => `"${s}"`).join(', ')}`,
      reason: 'FieldValueNotSupported'
    })
  const match = query.get('resourceVersionMatch') ?? ''
  const rv = query.get('resourceVersion') ?? ''
  const hasContinue = (query.get('continue') ?? '') !== ''
  const sendInitial = query.get('sendInitialEvents')
  if (sendInitial !== null && sendInitial !== 'true' && sendInitial !== 'false')
    throw badRequest(
      `sendInitialEvents: invalid value "${sendInitial}": must be true or false`
    )
  if (watch) {
    if (sendInitial !== null && match !== 'NotOlderThan')
      forbidden(
        'resourceVersionMatch',
        'sendInitialEvents requires setting resourceVersionMatch to NotOlderThan'
      )
    if (match !== '') {
      if (sendInitial === null)
        forbidden(
          'resourceVersionMatch',
          'resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided'
        )
      if (match !== 'NotOlderThan')
        notSupported('resourceVersionMatch', match, ['NotOlderThan'])
      if (hasContinue)
        forbidden(
          'resourceVersionMatch',
          'resourceVersionMatch is forbidden when continue is provided'
        )
    }
  } else {
    if (match !== '') {
      if (rv === '')
        forbidden(
          'resourceVersionMatch',
          'resourceVersionMatch is forbidden unless resourceVersion is provided'
        )
      if (hasContinue)
        forbidden(
          'resourceVersionMatch',
          'resourceVersionMatch is forbidden when continue is provided'
        )
      if (match !== 'Exact' && match !== 'NotOlderThan')
        notSupported('resourceVersionMatch', match, [
          'Exact',
          'NotOlderThan',
          ''
        ])
      if (match === 'Exact' && rv === '0')
        forbidden(
          'resourceVersionMatch',
          'resourceVersionMatch "exact" is forbidden for resourceVersion "0"'
        )
    }
    if (sendInitial !== null)
      forbidden('sendInitialEvents', 'sendInitialEvents is forbidden for list')
  }
  if (causes.length > 0) throw invalid('ListOptions', 'meta.k8s.io', '', causes)
}
