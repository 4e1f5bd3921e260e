/**
 * ACR's metadata API under `/acr/v1`: `_catalog`, repository attributes, `_tags`, `_tags/{tag}`, `_manifests`
 * and `_manifests/{digest}`, with `n`/`last`/`orderby` paging — following Azure/azure-rest-api-specs
 * specification/containerregistry/data-plane/Azure.ContainerRegistry/stable/2021-07-01/containerregistry.json.
 */
import type { ServerResponse } from 'node:http'
import { sendJson } from '../http/server.js'
import { authorize } from './auth.js'
import {
  CHANGEABLE,
  acrTime,
  common,
  errors,
  findRepository,
  page,
  pageAfterLast,
  pageSize,
  upperBound,
  type AcrApi,
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

/** What {@link listRepository} needs to page one of a repository's listings. */
interface Listing<T> {
  /** The path segment after the repository: `_tags` or `_manifests`. */
  kind: '_tags' | '_manifests'
  /** The items ascending by name (digest for manifests) or by time. */
  items: (order: 'name' | 'time') => readonly T[]
  /** What `last` names: the tag's name or the manifest's digest. */
  key: (item: T) => string
  /** More query for the next page's link (`&digest=…`); empty for none. */
  extraQuery: string
  /** The answer's own fields besides `registry` and `imageName`. */
  body: (page: T[]) => Record<string, unknown>
}

/**
 * A repository's `_tags` or `_manifests`: by name, or `orderby=timedesc|timeasc`, where an unknown `last`
 * answers 400 PAGINATION_INVALID (a restarted list would make a client loop).
 */
const listRepository = <T>(
  state: AcrState,
  repo: Repository,
  url: URL,
  res: ServerResponse,
  listing: Listing<T>
) => {
  const n = pageSize(url, res)
  if (n === undefined) return
  const orderby = url.searchParams.get('orderby') ?? ''
  const last = url.searchParams.get('last')
  let items: readonly T[]
  let start = 0
  if (orderby === 'timedesc' || orderby === 'timeasc') {
    const asc = listing.items('time')
    items = orderby === 'timeasc' ? asc : [...asc].reverse()
    if (last) {
      const i = items.findIndex((x) => listing.key(x) === last)
      if (i < 0) {
        const what = listing.kind === '_tags' ? 'tag' : 'digest'
        errors(
          res,
          400,
          'PAGINATION_INVALID',
          `continuation ${what} ${last} is not in ${repo.name}`
        )
        return
      }
      start = i + 1
    }
  } else {
    items = listing.items('name')
    if (last) start = upperBound(items, last, listing.key)
  }
  const encoded = encodeURIComponent(repo.name)
  const rows = page(
    res,
    items,
    start,
    n,
    (x) =>
      `/acr/v1/${encoded}/${listing.kind}?last=${encodeURIComponent(listing.key(x))}&n=${n}&orderby=${encodeURIComponent(orderby)}${listing.extraQuery}`
  )
  sendJson(res, 200, { ...names(state, repo), ...listing.body(rows) }, common())
}

/** The `registry` and `imageName` every repository answer starts with. */
const names = (state: AcrState, repo: Repository) => ({
  registry: state.loginServer,
  imageName: repo.name
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
  // `digest` (containerregistry.json GetTags): only the tags pointing at that manifest.
  const digest = url.searchParams.get('digest') ?? ''
  listRepository(state, repo, url, res, {
    kind: '_tags',
    items: (order) => {
      const list = order === 'time' ? repo.tagsByTime().list : repo.tagsByName()
      return digest ? list.filter((x) => x.digest === digest) : list
    },
    key: (t) => t.name,
    extraQuery: digest ? `&digest=${encodeURIComponent(digest)}` : '',
    body: (tags) => ({ tags: tags.map((t) => tagJson(repo, t)) })
  })
}

/** `GET /acr/v1/{name}/_manifests`: by digest or by time, like the tag listing. */
export const listManifests = (
  state: AcrState,
  repo: Repository,
  url: URL,
  res: ServerResponse
) =>
  listRepository(state, repo, url, res, {
    kind: '_manifests',
    items: (order) => repo.manifestList(order),
    key: (m) => m.image.manifestDigest,
    extraQuery: '',
    body: (manifests) => ({ manifests: manifests.map(manifestJson) })
  })

/** Serves `/acr/v1/{path}` (`path` without the prefix). */
export const acrV1: AcrApi = (state, req, res, path, url) => {
  if (path === '_catalog') {
    if (!authorize(state, req, res, 'registry:catalog:*')) return
    const repositories = pageAfterLast(
      url,
      res,
      [...state.repos.keys()].sort(),
      (s) => s,
      (l, n) => `/acr/v1/_catalog?last=${encodeURIComponent(l)}&n=${n}&orderby=`
    )
    if (!repositories) return
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
        ...names(state, repo),
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
        ...names(state, repo),
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
        ...names(state, repo),
        manifest: manifestJson(manifest)
      },
      common()
    )
  }
}
