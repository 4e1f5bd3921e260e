/**
 * Discovery and health: /version, /api, /apis, the group and group-version documents, /healthz, /livez and
 * /readyz — following https://kubernetes.io/docs/reference/using-api/api-concepts/#discovery-api (the
 * unaggregated documents kubectl and @kubernetes/client-node read).
 */
import type http from 'node:http'
import { sendJson } from '../../http/server.js'
import {
  VERSION_INFO,
  apiGroup,
  apiGroupList,
  apiResourceList,
  apiVersions
} from '../resources.js'
import type { ApiContext } from './common.js'

/**
 * Answers a GET of a discovery or health path.
 * @param path the URL path without its trailing slash.
 * @returns whether `path` was a discovery or health path (and was answered).
 */
export function discovery(
  ctx: ApiContext,
  path: string,
  res: http.ServerResponse
): boolean {
  switch (path) {
    case '/version':
      sendJson(res, 200, VERSION_INFO)
      return true
    case '/api':
      sendJson(res, 200, apiVersions(ctx.serverAddress()))
      return true
    case '/apis':
      sendJson(res, 200, apiGroupList())
      return true
    case '/apis/apps':
      sendJson(res, 200, apiGroup())
      return true
    case '/api/v1':
      sendJson(res, 200, apiResourceList(''))
      return true
    case '/apis/apps/v1':
      sendJson(res, 200, apiResourceList('apps'))
      return true
    case '/healthz':
    case '/livez':
    case '/readyz':
      res.writeHead(200, { 'content-type': 'text/plain' })
      res.end('ok')
      return true
    default:
      return false
  }
}
