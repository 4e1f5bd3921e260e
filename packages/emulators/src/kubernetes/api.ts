/**
 * The HTTP surface of the emulator: discovery, CRUD, PATCH in the three content types, Table output, watch
 * (NDJSON, resourceVersion replay, bookmarks, timeoutSeconds, 410 Expired), pods/log, the scale and status
 * subresources — following https://kubernetes.io/docs/reference/using-api/api-concepts/ and
 * docs/kubernetes-emulator.md.
 */
import type http from 'node:http'
import { timingSafeEqual } from 'node:crypto'
import { parse as parseYaml } from 'yaml'
import { readBody, sendJson } from '../http/server.js'
import {
  ApiError,
  badRequest,
  conflict,
  expired,
  invalid,
  notFound,
  unauthorized
} from './errors.js'
import { applyJsonPatch, jsonMergePatch, strategicMergePatch } from './patch.js'
import {
  RESOURCES,
  VERSION_INFO,
  apiGroup,
  apiGroupList,
  apiResourceList,
  apiVersionOf,
  apiVersions,
  resourceFor,
  tableFor
} from './resources.js'
import type { ResourceDef } from './resources.js'
import {
  matchesFields,
  matchesLabels,
  parseFieldSelector,
  parseLabelSelector,
  selectorObjectToString
} from './selectors.js'
import type { ObjectStore, StoreChange } from './store.js'
import type { KubeObject } from './types.js'
import type { Kubelet } from './kubelet.js'

/** Options of {@link createApiHandler}. */
export interface ApiHandlerOptions {
  store: ObjectStore
  kubelet: Kubelet
  token: string
  /** `host:port` for /api's serverAddressByClientCIDRs. */
  serverAddress: () => string
  /** Longest gap between watch bookmarks (ms). Default 5000. */
  bookmarkIntervalMs?: number
}

interface Route {
  def: ResourceDef
  namespace?: string
  name?: string
  subresource?: string
}

const PATCH_TYPES = [
  'application/json-patch+json',
  'application/merge-patch+json',
  'application/apply-patch+yaml',
  'application/strategic-merge-patch+json'
]

function statusSuccess(
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

function wantsTable(req: http.IncomingMessage): boolean {
  return /as=Table/.test(req.headers.accept ?? '')
}

function stripTypeMeta(object: KubeObject): Record<string, unknown> {
  const { apiVersion: _a, kind: _k, ...rest } = object
  return rest
}

function toTable(
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

function parseJson(buffer: Buffer): unknown {
  try {
    return JSON.parse(buffer.toString('utf8'))
  } catch (error) {
    throw badRequest(
      `error decoding request body: ${error instanceof Error ? error.message : String(error)}`
    )
  }
}

function asObject(value: unknown, what: string): KubeObject {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw badRequest(`${what}: the body must be a JSON object`)
  const o = value as KubeObject
  if (o.metadata === null || typeof o.metadata !== 'object')
    o.metadata = { name: '' }
  return o
}

function tokensEqual(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

/**
 * Creates the request handler for {@link startServer}.
 * Every request needs `Authorization: Bearer <token>` (else 401 Status). Failures are meta/v1 Status objects.
 */
export function createApiHandler(options: ApiHandlerOptions): {
  handler: (
    req: http.IncomingMessage,
    res: http.ServerResponse
  ) => Promise<void>
  closeWatches: () => void
} {
  const { store, kubelet } = options
  const watches = new Set<() => void>()

  const handler = async (
    req: http.IncomingMessage,
    res: http.ServerResponse
  ): Promise<void> => {
    try {
      const auth = req.headers.authorization ?? ''
      const m = /^Bearer\s+(.+)$/i.exec(auth)
      if (!m || !tokensEqual(m[1]?.trim() ?? '', options.token))
        throw unauthorized()
      await route(req, res)
    } catch (error) {
      if (res.headersSent) {
        res.destroy()
        return
      }
      if (error instanceof ApiError) sendJson(res, error.code, error.toStatus())
      else
        sendJson(
          res,
          500,
          new ApiError(
            500,
            'InternalError',
            `Internal error occurred: ${error instanceof Error ? error.message : String(error)}`
          ).toStatus()
        )
    }
  }

  async function route(
    req: http.IncomingMessage,
    res: http.ServerResponse
  ): Promise<void> {
    const url = new URL(req.url ?? '/', 'https://emulator')
    const query = url.searchParams
    const segments = url.pathname
      .split('/')
      .filter((s) => s !== '')
      .map(decodeURIComponent)
    const method = req.method ?? 'GET'
    const path = url.pathname.replace(/\/+$/, '') || '/'

    if (method === 'GET') {
      switch (path) {
        case '/version':
          return sendJson(res, 200, VERSION_INFO)
        case '/api':
          return sendJson(res, 200, apiVersions(options.serverAddress()))
        case '/apis':
          return sendJson(res, 200, apiGroupList())
        case '/apis/apps':
          return sendJson(res, 200, apiGroup())
        case '/api/v1':
          return sendJson(res, 200, apiResourceList(''))
        case '/apis/apps/v1':
          return sendJson(res, 200, apiResourceList('apps'))
        case '/healthz':
        case '/livez':
        case '/readyz':
          res.writeHead(200, { 'content-type': 'text/plain' })
          res.end('ok')
          return
      }
    }

    let group: string
    let rest: string[]
    if (segments[0] === 'api' && segments[1] === 'v1') {
      group = ''
      rest = segments.slice(2)
    } else if (
      segments[0] === 'apis' &&
      segments[1] === 'apps' &&
      segments[2] === 'v1'
    ) {
      group = 'apps'
      rest = segments.slice(3)
    } else {
      throw new ApiError(
        404,
        'NotFound',
        'the server could not find the requested resource',
        {}
      )
    }

    let r: Route
    const unknown = () =>
      new ApiError(
        404,
        'NotFound',
        'the server could not find the requested resource',
        {}
      )
    if (rest[0] === 'namespaces' && rest.length >= 3) {
      const def = resourceFor(group, rest[2] ?? '')
      if (!def || !def.namespaced) {
        if (
          group === '' &&
          rest.length === 3 &&
          (rest[2] === 'status' || rest[2] === 'finalize')
        ) {
          r = {
            def: RESOURCES.namespaces as ResourceDef,
            name: rest[1],
            subresource: rest[2]
          }
        } else throw unknown()
      } else {
        r = { def, namespace: rest[1], name: rest[3], subresource: rest[4] }
        if (rest.length > 5) throw unknown()
      }
    } else {
      const def = resourceFor(group, rest[0] ?? '')
      if (!def) throw unknown()
      r = {
        def,
        name: def.namespaced ? undefined : rest[1],
        subresource: def.namespaced ? undefined : rest[2]
      }
      if (def.namespaced && rest.length > 1) throw unknown()
      if (rest.length > 3) throw unknown()
    }

    if (r.subresource && !r.def.subresources.includes(r.subresource))
      throw unknown()

    if (r.name === undefined) {
      if (method === 'GET') {
        const w = query.get('watch')
        if (w === 'true' || w === '1') return watch(req, res, r, query)
        return list(req, res, r, query)
      }
      if (method === 'POST') return create(req, res, r, query)
      if (method === 'DELETE') return deleteCollection(req, res, r, query)
      throw new ApiError(
        405,
        'MethodNotAllowed',
        `the server does not allow this method on the requested resource`
      )
    }

    if (r.subresource === 'log') {
      if (method !== 'GET')
        throw new ApiError(
          405,
          'MethodNotAllowed',
          'the server does not allow this method on the requested resource'
        )
      return podLog(res, r, query)
    }
    if (r.subresource === 'scale') return scale(req, res, r, query, method)

    switch (method) {
      case 'GET': {
        const object = store.mustGet(r.def.plural, r.namespace, r.name)
        if (wantsTable(req))
          return sendJson(
            res,
            200,
            toTable(
              r.def,
              [object],
              query.get('includeObject') ?? 'Metadata',
              store.resourceVersion
            )
          )
        return sendJson(res, 200, object)
      }
      case 'PUT':
        return update(req, res, r, query)
      case 'PATCH':
        return patch(req, res, r, query)
      case 'DELETE':
        return remove(req, res, r, query)
      default:
        throw new ApiError(
          405,
          'MethodNotAllowed',
          'the server does not allow this method on the requested resource'
        )
    }
  }

  function filters(
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

  function list(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    r: Route,
    query: URLSearchParams
  ): void {
    const match = filters(r, query)
    let items = store.list(r.def.plural, r.namespace).filter(match)
    const resourceVersion = store.resourceVersion
    const listMeta: Record<string, unknown> = { resourceVersion }
    const token = query.get('continue')
    if (token) {
      let decoded: { rv: number; start: string }
      try {
        decoded = JSON.parse(
          Buffer.from(token, 'base64url').toString('utf8')
        ) as { rv: number; start: string }
      } catch {
        throw badRequest('continue key is not valid: illegal base64 data')
      }
      store.checkContinue(decoded.rv)
      items = items.filter(
        (o) =>
          `${o.metadata.namespace ?? ''}/${o.metadata.name}` > decoded.start
      )
      listMeta.resourceVersion = String(decoded.rv)
    }
    const limit = Number(query.get('limit') ?? '0')
    if (Number.isInteger(limit) && limit > 0 && items.length > limit) {
      const page = items.slice(0, limit)
      const last = page[page.length - 1]
      listMeta.continue = Buffer.from(
        JSON.stringify({
          rv: Number(listMeta.resourceVersion),
          start: `${last?.metadata.namespace ?? ''}/${last?.metadata.name ?? ''}`
        })
      ).toString('base64url')
      listMeta.remainingItemCount = items.length - limit
      items = page
    }
    if (wantsTable(req))
      return sendJson(
        res,
        200,
        toTable(
          r.def,
          items,
          query.get('includeObject') ?? 'Metadata',
          String(listMeta.resourceVersion),
          true,
          listMeta
        )
      )
    sendJson(res, 200, {
      kind: `${r.def.kind}List`,
      apiVersion: apiVersionOf(r.def),
      metadata: listMeta,
      items: items.map(stripTypeMeta)
    })
  }

  function watch(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    r: Route,
    query: URLSearchParams
  ): void {
    const match = filters(r, query)
    const table = wantsTable(req)
    const includeObject = query.get('includeObject') ?? 'Metadata'
    const rvParam = query.get('resourceVersion') ?? ''
    const sendInitial = query.get('sendInitialEvents') === 'true'
    let replay: StoreChange[] = []
    if (rvParam !== '' && rvParam !== '0' && !sendInitial) {
      const n = Number(rvParam)
      if (!Number.isInteger(n) || n < 0)
        throw badRequest(`invalid resource version: ${rvParam}`)
      const changes = store.changesSince(r.def.plural, n)
      if (changes === 'expired') {
        const error = expired(
          `too old resource version: ${rvParam} (${store.oldestWatchableResourceVersion})`
        )
        if (store.expiredWatchStyle === 'status') throw error
        res.writeHead(200, {
          'content-type': 'application/json',
          'cache-control': 'no-cache, private'
        })
        res.end(
          `${JSON.stringify({ type: 'ERROR', object: error.toStatus() })}\n`
        )
        return
      }
      replay = changes
    }
    res.writeHead(200, {
      'content-type': 'application/json',
      'cache-control': 'no-cache, private',
      'transfer-encoding': 'chunked'
    })
    res.flushHeaders()
    let first = true
    const write = (
      type: string,
      object: KubeObject | Record<string, unknown>
    ) => {
      if (res.writableEnded || res.destroyed) return
      let payload: unknown = object
      if (table && type !== 'BOOKMARK' && type !== 'ERROR') {
        payload = toTable(
          r.def,
          [object as KubeObject],
          includeObject,
          (object as KubeObject).metadata.resourceVersion ?? '',
          first
        )
        first = false
      }
      res.write(`${JSON.stringify({ type, object: payload })}\n`)
    }
    const deliver = (change: StoreChange) => {
      if (change.plural !== r.def.plural) return
      const now = match(change.object)
      const before = change.previous !== undefined && match(change.previous)
      if (change.type === 'ADDED') {
        if (now) write('ADDED', change.object)
      } else if (change.type === 'DELETED') {
        if (now || before) write('DELETED', change.object)
      } else if (now && before) write('MODIFIED', change.object)
      else if (now) write('ADDED', change.object)
      else if (before) write('DELETED', change.object)
    }
    const bookmark = (annotations?: Record<string, string>) =>
      write('BOOKMARK', {
        kind: r.def.kind,
        apiVersion: apiVersionOf(r.def),
        metadata: {
          resourceVersion: store.resourceVersion,
          ...(annotations ? { annotations } : {})
        }
      })
    const unsubscribe = store.subscribe(deliver)
    if (rvParam === '' || rvParam === '0' || sendInitial) {
      for (const object of store.list(r.def.plural, r.namespace))
        if (match(object)) write('ADDED', object)
      if (sendInitial) bookmark({ 'k8s.io/initial-events-end': 'true' })
    } else for (const change of replay) deliver(change)
    const allowBookmarks = query.get('allowWatchBookmarks') === 'true'
    const timers: NodeJS.Timeout[] = []
    if (allowBookmarks)
      timers.push(
        setInterval(() => bookmark(), options.bookmarkIntervalMs ?? 5000)
      )
    const timeoutSeconds = Number(query.get('timeoutSeconds') ?? '0')
    const end = () => {
      unsubscribe()
      for (const t of timers) clearInterval(t)
      watches.delete(end)
      if (!res.writableEnded) res.end()
    }
    if (Number.isFinite(timeoutSeconds) && timeoutSeconds > 0)
      timers.push(setTimeout(end, timeoutSeconds * 1000))
    watches.add(end)
    res.on('close', end)
  }

  async function readObject(
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

  function dryRun(query: URLSearchParams): boolean {
    return query.getAll('dryRun').includes('All')
  }

  async function create(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    r: Route,
    query: URLSearchParams
  ): Promise<void> {
    const object = await readObject(req, 'create')
    if (r.def.namespaced) {
      if (
        object.metadata.namespace &&
        r.namespace &&
        object.metadata.namespace !== r.namespace
      )
        throw badRequest(
          'the namespace of the provided object does not match the namespace sent on the request'
        )
      object.metadata.namespace = r.namespace ?? object.metadata.namespace
      if (r.namespace === undefined)
        throw new ApiError(
          405,
          'MethodNotAllowed',
          'the server does not allow this method on the requested resource'
        )
    }
    delete object.metadata.resourceVersion
    delete object.metadata.uid
    delete object.metadata.creationTimestamp
    if (r.def.plural === 'deployments' || r.def.plural === 'replicasets')
      object.status = {}
    const created = store.create(r.def.plural, object, {
      dryRun: dryRun(query)
    })
    sendJson(res, 201, created)
  }

  /** Applies the subresource rules: main resource writes keep status; /status writes keep everything else. */
  function merge(r: Route, current: KubeObject, next: KubeObject): KubeObject {
    if (r.subresource === 'status') {
      const out = structuredClone(current)
      out.status = next.status
      if (next.metadata.resourceVersion)
        out.metadata.resourceVersion = next.metadata.resourceVersion
      return out
    }
    if (current.status !== undefined && r.def.plural !== 'secrets')
      next.status = current.status
    next.metadata.uid = current.metadata.uid
    return next
  }

  async function update(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    r: Route,
    query: URLSearchParams
  ): Promise<void> {
    const object = await readObject(req, 'update')
    const name = r.name ?? ''
    if (object.metadata.name && object.metadata.name !== name)
      throw badRequest(
        `the name of the object (${object.metadata.name}) does not match the name on the URL (${name})`
      )
    object.metadata.name = name
    const current = store.mustGet(r.def.plural, r.namespace, name)
    const rv = object.metadata.resourceVersion
    if (!rv)
      throw invalid(r.def.kind, r.def.group, name, [
        {
          field: 'metadata.resourceVersion',
          message: 'Invalid value: 0x0: must be specified for an update'
        }
      ])
    object.metadata.namespace = current.metadata.namespace
    const next = merge(r, current, object)
    const updated = store.update(r.def.plural, next, {
      dryRun: dryRun(query),
      expectResourceVersion: rv
    })
    sendJson(res, 200, updated)
  }

  async function patch(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    r: Route,
    query: URLSearchParams
  ): Promise<void> {
    const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim() ?? ''
    if (!PATCH_TYPES.includes(type)) {
      await readBody(req)
      throw new ApiError(
        415,
        'UnsupportedMediaType',
        `the body of the request was in an unknown format - accepted media types include: ${PATCH_TYPES.join(', ')}`
      )
    }
    const body = await readBody(req)
    const name = r.name ?? ''
    let current = store.get(r.def.plural, r.namespace, name)
    if (type === 'application/apply-patch+yaml') {
      if (!query.get('fieldManager'))
        throw invalid('PatchOptions', 'meta.k8s.io', '', [
          {
            field: 'fieldManager',
            message: 'Required value: is required for apply patch',
            reason: 'FieldValueRequired'
          }
        ])
      let intent: unknown
      try {
        intent = parseYaml(body.toString('utf8'))
      } catch (error) {
        throw badRequest(
          `error decoding YAML: ${error instanceof Error ? error.message : String(error)}`
        )
      }
      const object = asObject(intent, 'apply')
      if (!current) {
        object.metadata.name = name
        if (r.def.namespaced) object.metadata.namespace = r.namespace
        return sendJson(
          res,
          201,
          store.create(r.def.plural, object, { dryRun: dryRun(query) })
        )
      }
      return finishPatch(
        res,
        r,
        query,
        current,
        strategicMergePatch(current, object)
      )
    }
    if (!current) throw notFound(r.def.plural, r.def.group, name)
    const parsed = parseJson(body)
    let patched: unknown
    if (type === 'application/json-patch+json')
      patched = applyJsonPatch(current, parsed)
    else if (type === 'application/merge-patch+json') {
      if (
        parsed === null ||
        typeof parsed !== 'object' ||
        Array.isArray(parsed)
      )
        throw badRequest(
          'json: cannot unmarshal array into Go value of type map[string]interface {}'
        )
      patched = jsonMergePatch(current, parsed)
    } else {
      if (Array.isArray(parsed))
        throw badRequest(
          'json: cannot unmarshal array into Go value of type map[string]interface {}'
        )
      patched = strategicMergePatch(current, parsed)
    }
    current = structuredClone(current)
    return finishPatch(res, r, query, current, patched)
  }

  function finishPatch(
    res: http.ServerResponse,
    r: Route,
    query: URLSearchParams,
    current: KubeObject,
    patched: unknown
  ): void {
    const next = asObject(patched, 'patch')
    const name = current.metadata.name
    if (next.metadata.name !== name)
      throw badRequest(
        `the name of the object (${String(next.metadata.name)}) does not match the name on the URL (${name})`
      )
    const rv = next.metadata.resourceVersion
    if (rv !== undefined && rv !== current.metadata.resourceVersion)
      throw conflict(r.def.plural, r.def.group, name)
    next.metadata.namespace = current.metadata.namespace
    const merged = merge(r, current, next)
    const updated = store.update(r.def.plural, merged, {
      dryRun: dryRun(query)
    })
    sendJson(res, 200, updated)
  }

  async function deleteOptions(req: http.IncomingMessage): Promise<{
    preconditions?: { resourceVersion?: string; uid?: string }
    gracePeriodSeconds?: number
  }> {
    const body = await readBody(req)
    if (body.length === 0) return {}
    const parsed = parseJson(body)
    return parsed !== null && typeof parsed === 'object' ? parsed : {}
  }

  async function remove(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    r: Route,
    query: URLSearchParams
  ): Promise<void> {
    const opts = await deleteOptions(req)
    const name = r.name ?? ''
    const current = store.mustGet(r.def.plural, r.namespace, name)
    if (
      opts.preconditions?.uid &&
      opts.preconditions.uid !== current.metadata.uid
    )
      throw conflict(r.def.plural, r.def.group, name)
    const expectResourceVersion = opts.preconditions?.resourceVersion
    const grace = Number(
      query.get('gracePeriodSeconds') ?? opts.gracePeriodSeconds ?? NaN
    )
    if (r.def.plural === 'pods' && grace !== 0 && !dryRun(query)) {
      if (
        expectResourceVersion &&
        expectResourceVersion !== current.metadata.resourceVersion
      )
        throw conflict(r.def.plural, r.def.group, name)
      if (!current.metadata.deletionTimestamp) {
        current.metadata.deletionTimestamp = new Date()
          .toISOString()
          .replace(/\.\d+Z$/, 'Z')
        current.metadata.deletionGracePeriodSeconds = Number.isFinite(grace)
          ? grace
          : 30
        return sendJson(res, 200, store.update('pods', current))
      }
      return sendJson(res, 200, current)
    }
    const gone = store.delete(r.def.plural, r.namespace, name, {
      dryRun: dryRun(query),
      expectResourceVersion
    })
    if (r.def.plural === 'pods') return sendJson(res, 200, gone)
    sendJson(res, 200, statusSuccess(r.def, gone))
  }

  async function deleteCollection(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    r: Route,
    query: URLSearchParams
  ): Promise<void> {
    await deleteOptions(req)
    const match = filters(r, query)
    const items = store.list(r.def.plural, r.namespace).filter(match)
    if (!dryRun(query))
      for (const o of items)
        if (store.get(r.def.plural, o.metadata.namespace, o.metadata.name)) {
          if (r.def.plural === 'pods') {
            o.metadata.deletionTimestamp = new Date()
              .toISOString()
              .replace(/\.\d+Z$/, 'Z')
            store.update('pods', o)
          } else
            store.delete(r.def.plural, o.metadata.namespace, o.metadata.name)
        }
    sendJson(res, 200, {
      kind: `${r.def.kind}List`,
      apiVersion: apiVersionOf(r.def),
      metadata: { resourceVersion: store.resourceVersion },
      items: items.map(stripTypeMeta)
    })
  }

  function scaleOf(o: KubeObject): Record<string, unknown> {
    return {
      kind: 'Scale',
      apiVersion: 'autoscaling/v1',
      metadata: {
        name: o.metadata.name,
        namespace: o.metadata.namespace,
        uid: o.metadata.uid,
        resourceVersion: o.metadata.resourceVersion,
        creationTimestamp: o.metadata.creationTimestamp
      },
      spec: { replicas: o.spec?.replicas ?? 0 },
      status: {
        replicas: o.status?.replicas ?? 0,
        selector: selectorObjectToString(o.spec?.selector)
      }
    }
  }

  async function scale(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    r: Route,
    query: URLSearchParams,
    method: string
  ): Promise<void> {
    const current = store.mustGet(r.def.plural, r.namespace, r.name ?? '')
    if (method === 'GET') return sendJson(res, 200, scaleOf(current))
    let next: Record<string, unknown>
    if (method === 'PUT') next = await readObject(req, 'scale')
    else if (method === 'PATCH') {
      const type =
        (req.headers['content-type'] ?? '').split(';')[0]?.trim() ?? ''
      if (
        !PATCH_TYPES.includes(type) ||
        type === 'application/apply-patch+yaml'
      ) {
        await readBody(req)
        throw new ApiError(
          415,
          'UnsupportedMediaType',
          `the body of the request was in an unknown format - accepted media types include: ${PATCH_TYPES.join(', ')}`
        )
      }
      const parsed = parseJson(await readBody(req))
      const base = scaleOf(current)
      next = (
        type === 'application/json-patch+json'
          ? applyJsonPatch(base, parsed)
          : type === 'application/merge-patch+json'
            ? jsonMergePatch(base, parsed)
            : strategicMergePatch(base, parsed)
      ) as Record<string, unknown>
    } else
      throw new ApiError(
        405,
        'MethodNotAllowed',
        'the server does not allow this method on the requested resource'
      )
    const replicas = (next.spec as { replicas?: unknown } | undefined)?.replicas
    if (
      typeof replicas !== 'number' ||
      !Number.isInteger(replicas) ||
      replicas < 0
    )
      throw invalid('Scale', 'autoscaling', current.metadata.name, [
        {
          field: 'spec.replicas',
          message: `Invalid value: ${JSON.stringify(replicas)}: must be greater than or equal to 0`
        }
      ])
    const rv = (next.metadata as { resourceVersion?: string } | undefined)
      ?.resourceVersion
    if (method === 'PUT' && rv && rv !== current.metadata.resourceVersion)
      throw conflict(r.def.plural, r.def.group, current.metadata.name)
    current.spec = { ...current.spec, replicas }
    const updated = store.update(r.def.plural, current, {
      dryRun: dryRun(query)
    })
    sendJson(res, 200, scaleOf(updated))
  }

  function podLog(
    res: http.ServerResponse,
    r: Route,
    query: URLSearchParams
  ): void {
    const pod = store.mustGet('pods', r.namespace, r.name ?? '')
    const containers = (
      (pod.spec?.containers ?? []) as Array<{ name: string }>
    ).map((c) => c.name)
    let container = query.get('container') ?? undefined
    if (!container) {
      if (containers.length !== 1)
        throw badRequest(
          `a container name must be specified for pod ${pod.metadata.name}, choose one of: [${containers.join(' ')}]`
        )
      container = containers[0] ?? ''
    }
    if (!containers.includes(container))
      throw badRequest(
        `container ${container} is not valid for pod ${pod.metadata.name}`
      )
    const previous = query.get('previous') === 'true'
    const { lines, state } = kubelet.logs(
      pod.metadata.uid ?? '',
      container,
      previous
    )
    if (!lines) {
      if (previous)
        throw badRequest(
          `previous terminated container "${container}" in pod "${pod.metadata.name}" not found`
        )
      const reason =
        state === 'ImagePullBackOff' || state === 'ErrImagePull'
          ? 'trying and failing to pull image'
          : 'ContainerCreating'
      throw badRequest(
        `container "${container}" in pod "${pod.metadata.name}" is waiting to start: ${reason}`
      )
    }
    let out = lines
    const tail = query.get('tailLines')
    if (tail !== null && /^\d+$/.test(tail))
      out = Number(tail) === 0 ? [] : out.slice(-Number(tail))
    res.writeHead(200, { 'content-type': 'text/plain' })
    res.end(out.map((l) => `${l}\n`).join(''))
  }

  return {
    handler,
    closeWatches: () => {
      for (const end of [...watches]) end()
    }
  }
}
