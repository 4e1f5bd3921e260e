/**
 * Reads: GET of one object (JSON or meta.k8s.io/v1 Table), LIST with label/field selectors and
 * `limit`/`continue` paging, pods/log and GET of the scale subresource — following
 * https://kubernetes.io/docs/reference/using-api/api-concepts/ (Efficient detection of changes,
 * Retrieving large results sets in chunks, Receiving resources as Tables).
 */
import type http from 'node:http'
import { sendJson } from '../../http/server.js'
import { badRequest } from '../errors.js'
import { apiVersionOf } from '../resources.js'
import { selectorObjectToString } from '../selectors.js'
import type { KubeObject } from '../types.js'
import {
  filters,
  stripTypeMeta,
  toTable,
  validateListOptions,
  wantsTable,
  type ApiContext,
  type Handler,
  type Route
} from './common.js'

/** GET of one object: the object, or a one-row Table when the client asks for `as=Table`. */
export const get: Handler = (ctx, req, res, r, query) => {
  const object = ctx.store.mustGet(r.def.plural, r.namespace, r.name ?? '')
  sendJson(
    res,
    200,
    tableOr(req, r, query, [object], object, {
      resourceVersion: ctx.store.resourceVersion
    })
  )
}

/**
 * LIST: a typed List (or Table) of the matching objects, paged by `limit` and an opaque `continue` token
 * bound to the list's resourceVersion (410 Expired once that version is compacted).
 */
export const list: Handler = (ctx, req, res, r, query) => {
  validateListOptions(query, false)
  const match = filters(r, query)
  let items = ctx.store.list(r.def.plural, r.namespace).filter(match)
  const resourceVersion = ctx.store.resourceVersion
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
    ctx.store.checkContinue(decoded.rv)
    items = items.filter(
      (o) => `${o.metadata.namespace ?? ''}/${o.metadata.name}` > decoded.start
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
  sendJson(
    res,
    200,
    tableOr(
      req,
      r,
      query,
      items,
      {
        kind: `${r.def.kind}List`,
        apiVersion: apiVersionOf(r.def),
        metadata: listMeta,
        items: items.map(stripTypeMeta)
      },
      listMeta
    )
  )
}

/**
 * A meta.k8s.io/v1 Table of `objects` when the client asks for one (`as=Table`), with the `includeObject`
 * query parameter and `listMeta` (its `resourceVersion` included); else `body`.
 */
function tableOr(
  req: http.IncomingMessage,
  r: Route,
  query: URLSearchParams,
  objects: KubeObject[],
  body: unknown,
  listMeta: Record<string, unknown>
): unknown {
  return wantsTable(req)
    ? toTable(
        r.def,
        objects,
        query.get('includeObject') ?? 'Metadata',
        String(listMeta.resourceVersion),
        true,
        listMeta
      )
    : body
}

/** The autoscaling/v1 Scale of a Deployment or ReplicaSet. */
export function scaleOf(o: KubeObject): Record<string, unknown> {
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

/**
 * GET pods/{name}/log: the container's lines from the kubelet as text/plain, with `container`, `previous`
 * and `tailLines`.
 * @throws ApiError 400 with the API server's wording for a missing or waiting container.
 */
export function podLog(
  ctx: ApiContext,
  res: http.ServerResponse,
  r: Route,
  query: URLSearchParams
): void {
  const pod = ctx.store.mustGet('pods', r.namespace, r.name ?? '')
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
  const { lines, state } = ctx.kubelet.logs(
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
