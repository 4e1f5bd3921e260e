/**
 * The OCI distribution read API under `/v2`: the base endpoint, `_catalog`, `tags/list`, `manifests/{ref}`
 * (GET and HEAD, `Docker-Content-Digest`) and `blobs/{digest}` — following opencontainers/distribution-spec
 * spec.md (pull and content discovery).
 */
import { sendJson } from '../http/server.js'
import { authorize } from './auth.js'
import {
  DIGEST,
  common,
  errors,
  findRepository,
  pageAfterLast,
  type AcrApi
} from './registry.js'

/** Serves `/v2/{path}` (`path` without the prefix; empty for the base endpoint). */
export const v2: AcrApi = (state, req, res, path, url) => {
  if (path === '') {
    if (!authorize(state, req, res, undefined)) return
    sendJson(res, 200, {}, common())
    return
  }
  if (path === '_catalog') {
    if (!authorize(state, req, res, 'registry:catalog:*')) return
    sendJson(
      res,
      200,
      { repositories: [...state.repos.keys()].sort() },
      common()
    )
    return
  }
  const m = /^(.+?)\/(tags\/list|manifests\/([^/]+)|blobs\/([^/]+))$/.exec(path)
  if (!m) {
    errors(res, 404, 'NAME_INVALID', 'invalid repository name or path')
    return
  }
  const name = m[1] ?? ''
  if (!authorize(state, req, res, `repository:${name}:pull`)) return
  const repo = findRepository(state, res, name)
  if (!repo) return
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    errors(
      res,
      405,
      'UNSUPPORTED',
      'this emulator serves pulls only; use pushTag(state, )'
    )
    return
  }
  if (m[2] === 'tags/list') {
    const tags = pageAfterLast(
      url,
      res,
      repo.tagsByName(),
      (t) => t.name,
      (t, n) =>
        `/v2/${name}/tags/list?last=${encodeURIComponent(t.name)}&n=${n}`
    )
    if (!tags) return
    sendJson(res, 200, { name, tags: tags.map((t) => t.name) }, common())
    return
  }
  let body: Buffer | undefined
  let contentType = 'application/octet-stream'
  let digest: string
  if (m[3] !== undefined) {
    const ref = m[3]
    digest = DIGEST.test(ref) ? ref : (repo.tags.get(ref)?.digest ?? '')
    const manifest = repo.manifests.get(digest)
    if (!manifest) {
      errors(
        res,
        404,
        'MANIFEST_UNKNOWN',
        'manifest tagged by the reference is not known to registry',
        { Tag: ref }
      )
      return
    }
    body = manifest.image.manifest
    contentType = manifest.image.mediaType
  } else {
    digest = m[4] ?? ''
    body = repo.blobs.get(digest)
    if (!body) {
      errors(res, 404, 'BLOB_UNKNOWN', 'blob unknown to registry', { digest })
      return
    }
  }
  res.writeHead(200, {
    ...common(),
    'content-type': contentType,
    'content-length': body.length,
    'docker-content-digest': digest,
    etag: `"${digest}"`
  })
  res.end(req.method === 'HEAD' ? undefined : body)
}
