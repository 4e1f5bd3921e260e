/**
 * The HTTP surface of the Kubernetes emulator: authentication, routing of a request path to a resource,
 * and dispatch to the modules cut along the protocol — api/discovery.ts, api/read.ts (GET, LIST, Table,
 * pods/log), api/watch.ts and api/write.ts (create, update, PATCH, DELETE, scale, status) — following
 * https://kubernetes.io/docs/reference/using-api/api-concepts/ and docs/kubernetes-emulator.md.
 */
import type http from 'node:http'
import { bearerToken, sendJson, tokensEqual } from '../http/server.js'
import { ApiError, unauthorized } from './errors.js'
import { RESOURCES, resourceFor } from './resources.js'
import type { ResourceDef } from './resources.js'
import type { ObjectStore } from './store.js'
import type { Kubelet } from './kubelet.js'
import {
  methodNotAllowed,
  unknownResource,
  type ApiContext,
  type Route
} from './api/common.js'
import { discovery } from './api/discovery.js'
import { get, list, podLog } from './api/read.js'
import { watch } from './api/watch.js'
import {
  create,
  deleteCollection,
  patch,
  remove,
  scale,
  update
} from './api/write.js'

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

/**
 * Resolves `/api/v1/...` and `/apis/apps/v1/...` to a {@link Route}.
 * @throws ApiError 404 NotFound for a path that names no served resource or subresource.
 */
export function resolveRoute(segments: string[]): Route {
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
  } else throw unknownResource()
  let r: Route
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
      } else throw unknownResource()
    } else {
      r = { def, namespace: rest[1], name: rest[3], subresource: rest[4] }
      if (rest.length > 5) throw unknownResource()
    }
  } else {
    const def = resourceFor(group, rest[0] ?? '')
    if (!def) throw unknownResource()
    r = {
      def,
      name: def.namespaced ? undefined : rest[1],
      subresource: def.namespaced ? undefined : rest[2]
    }
    if (def.namespaced && rest.length > 1) throw unknownResource()
    if (rest.length > 3) throw unknownResource()
  }
  if (r.subresource && !r.def.subresources.includes(r.subresource))
    throw unknownResource()
  return r
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
  const ctx: ApiContext = {
    store: options.store,
    kubelet: options.kubelet,
    serverAddress: options.serverAddress,
    bookmarkIntervalMs: options.bookmarkIntervalMs ?? 5000,
    watches: new Set<() => void>()
  }

  const handler = async (
    req: http.IncomingMessage,
    res: http.ServerResponse
  ): Promise<void> => {
    try {
      const token = bearerToken(req)
      if (token === undefined || !tokensEqual(token, options.token))
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
    if (method === 'GET' && discovery(ctx, path, res)) return
    const r = resolveRoute(segments)

    if (r.name === undefined) {
      if (method === 'GET') {
        const w = query.get('watch')
        if (w === 'true' || w === '1') return watch(ctx, req, res, r, query)
        return list(ctx, req, res, r, query)
      }
      if (method === 'POST') return create(ctx, req, res, r, query)
      if (method === 'DELETE') return deleteCollection(ctx, req, res, r, query)
      throw methodNotAllowed()
    }
    if (r.subresource === 'log') {
      if (method !== 'GET') throw methodNotAllowed()
      return podLog(ctx, res, r, query)
    }
    if (r.subresource === 'scale') return scale(ctx, req, res, r, query, method)
    switch (method) {
      case 'GET':
        return get(ctx, req, res, r, query)
      case 'PUT':
        return update(ctx, req, res, r, query)
      case 'PATCH':
        return patch(ctx, req, res, r, query)
      case 'DELETE':
        return remove(ctx, req, res, r, query)
      default:
        throw methodNotAllowed()
    }
  }

  return {
    handler,
    closeWatches: () => {
      for (const end of [...ctx.watches]) end()
    }
  }
}
