/**
 * ACR's metadata API under `/acr/v1`: `_catalog`, repository attributes, `_tags`, `_tags/{tag}`, `_manifests`
 * and `_manifests/{digest}`, with `n`/`last`/`orderby` paging — following Azure/azure-rest-api-specs
 * specification/containerregistry/data-plane/Azure.ContainerRegistry/stable/2021-07-01/containerregistry.json.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { sendJson } from '../http/server.js'
import { authorize } from './auth.js'
import {
  CHANGEABLE,
  acrTime,
  common,
  errors,
  findRepository,
  page,
  pageSize,
  upperBound,
  type AcrState,
  type ManifestRecord,
  type Repository,
  type TagRecord
} from './registry.js'

/** A `TagAttributesBase` as ACR answers it. */
export const tagJson = (repo: Repository, t: TagRecord) => ({
  name: t.name,
  digest: t.digest,
  createdTime: acrTime(t.createdTime),
  lastUpdateTime: acrTime(t.lastUpdateTime),
  signed: false,
  changeableAttributes: CHANGEABLE
})

/** A `ManifestAttributesBase` as ACR answers it. */
export const manifestJson = (m: ManifestRecord) => ({
  digest: m.image.manifestDigest,
  imageSize:
    m.image.manifest.length + m.image.config.length + m.image.layer.length,
  createdTime: acrTime(m.createdTime),
  lastUpdateTime: acrTime(m.lastUpdateTime),
  architecture: 'amd64',
  os: 'linux',
  mediaType: m.image.mediaType,
  configMediaType: 'application/vnd.oci.image.config.v1+json',
  ...(m.tags.size > 0 ? { tags: [...m.tags].sort() } : {}),
  changeableAttributes: { ...CHANGEABLE, quarantineState: 'Passed' }
})

/**
 * `GET /acr/v1/{name}/_tags`: by name, or `orderby=timedesc|timeasc` (an unknown `last` answers 400), only
 * the tags of one manifest with `digest`.
 */
export const listTags = (
  state: AcrState,
  repo: Repository,
  url: URL,
  res: ServerResponse
) => {
  const n = pageSize(url, res)
  if (n === undefined) return
  const orderby = url.searchParams.get('orderby') ?? ''
  const last = url.searchParams.get('last')
  // `digest` (containerregistry.json GetTags): only the tags pointing at that manifest.
  const digest = url.searchParams.get('digest') ?? ''
  const encoded = encodeURIComponent(repo.name)
  const linkFor = (t: TagRecord) =>
    `/acr/v1/${encoded}/_tags?last=${encodeURIComponent(t.name)}&n=${n}&orderby=${encodeURIComponent(orderby)}${digest ? `&digest=${encodeURIComponent(digest)}` : ''}`
  const keep = (list: readonly TagRecord[]) =>
    digest ? list.filter((x) => x.digest === digest) : list
  let items: readonly TagRecord[]
  let start = 0
  if (orderby === 'timedesc' || orderby === 'timeasc') {
    const { list } = repo.tagsByTime()
    items = keep(orderby === 'timeasc' ? list : [...list].reverse())
    if (last) {
      const i = items.findIndex((x) => x.name === last)
      if (i < 0) {
        errors(
          res,
          400,
          'PAGINATION_INVALID',
          `continuation tag ${last} is not in ${repo.name}`
        )
        return
      }
      start = i + 1
    }
  } else {
    items = keep(repo.tagsByName())
    if (last) start = upperBound(items, last, (x) => x.name)
  }
  const tags = page(res, items, start, n, linkFor)
  sendJson(
    res,
    200,
    {
      registry: state.loginServer,
      imageName: repo.name,
      tags: tags.map((t) => tagJson(repo, t))
    },
    common()
  )
}

/** `GET /acr/v1/{name}/_manifests`: by digest or by time, like the tag listing. */
export const listManifests = (
  state: AcrState,
  repo: Repository,
  url: URL,
  res: ServerResponse
) => {
  const n = pageSize(url, res)
  if (n === undefined) return
  const orderby = url.searchParams.get('orderby') ?? ''
  const last = url.searchParams.get('last')
  const encoded = encodeURIComponent(repo.name)
  let items: readonly ManifestRecord[]
  let start = 0
  if (orderby === 'timedesc' || orderby === 'timeasc') {
    const asc = repo.manifestList('time')
    items = orderby === 'timeasc' ? asc : [...asc].reverse()
    if (last) {
      const i = items.findIndex((m) => m.image.manifestDigest === last)
      if (i < 0) {
        // like the tag listing: an unknown continuation never restarts the list (a client would loop)
        errors(
          res,
          400,
          'PAGINATION_INVALID',
          `continuation digest ${last} is not in ${repo.name}`
        )
        return
      }
      start = i + 1
    }
  } else {
    items = repo.manifestList('name')
    if (last) start = upperBound(items, last, (m) => m.image.manifestDigest)
  }
  const manifests = page(
    res,
    items,
    start,
    n,
    (m) =>
      `/acr/v1/${encoded}/_manifests?last=${encodeURIComponent(m.image.manifestDigest)}&n=${n}&orderby=${encodeURIComponent(orderby)}`
  )
  sendJson(
    res,
    200,
    {
      registry: state.loginServer,
      imageName: repo.name,
      manifests: manifests.map(manifestJson)
    },
    common()
  )
}

/** Serves `/acr/v1/{path}` (`path` without the prefix). */
export const acrV1 = (
  state: AcrState,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  url: URL
) => {
  if (path === '_catalog') {
    if (!authorize(state, req, res, 'registry:catalog:*')) return
    const n = pageSize(url, res)
    if (n === undefined) return
    const names = [...state.repos.keys()].sort()
    const last = url.searchParams.get('last')
    const start = last ? upperBound(names, last, (s) => s) : 0
    const repositories = page(
      res,
      names,
      start,
      n,
      (l) => `/acr/v1/_catalog?last=${encodeURIComponent(l)}&n=${n}&orderby=`
    )
    sendJson(res, 200, { repositories }, common())
    return
  }
  const m = /^(.+?)(?:\/(_tags|_manifests)(?:\/([^/]+))?)?$/.exec(path)
  const name = m?.[1] ?? ''
  if (!authorize(state, req, res, `repository:${name}:metadata_read`)) return
  const repo = findRepository(state, res, name)
  if (!repo) return
  if (req.method !== 'GET') {
    errors(
      res,
      405,
      'UNSUPPORTED',
      `${req.method ?? ''} is not supported by this emulator`
    )
    return
  }
  const kind = m?.[2]
  const item = m?.[3]
  if (kind === undefined) {
    sendJson(
      res,
      200,
      {
        registry: state.loginServer,
        imageName: repo.name,
        createdTime: acrTime(repo.createdTime),
        lastUpdateTime: acrTime(repo.lastUpdateTime),
        manifestCount: repo.manifests.size,
        tagCount: repo.tags.size,
        changeableAttributes: { ...CHANGEABLE, teleportEnabled: false }
      },
      common()
    )
  } else if (kind === '_tags' && item === undefined) {
    listTags(state, repo, url, res)
  } else if (kind === '_tags' && item !== undefined) {
    const t = repo.tags.get(item)
    if (!t) {
      errors(
        res,
        404,
        'TAG_UNKNOWN',
        `the specified tag does not exist: ${item}`,
        { name, tag: item }
      )
      return
    }
    sendJson(
      res,
      200,
      {
        registry: state.loginServer,
        imageName: repo.name,
        tag: tagJson(repo, t)
      },
      common()
    )
  } else if (kind === '_manifests' && item === undefined) {
    listManifests(state, repo, url, res)
  } else {
    const manifest = repo.manifests.get(item ?? '')
    if (!manifest) {
      errors(res, 404, 'MANIFEST_UNKNOWN', 'manifest unknown', {
        name,
        digest: item
      })
      return
    }
    sendJson(
      res,
      200,
      {
        registry: state.loginServer,
        imageName: repo.name,
        manifest: manifestJson(manifest)
      },
      common()
    )
  }
}
