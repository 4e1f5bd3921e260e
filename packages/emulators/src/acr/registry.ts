/**
 * The registry's storage and the pieces every ACR module shares: repositories with tags and manifests kept
 * sorted for paging, pushing and resolving images, ACR's `{"errors":[...]}` body and common headers, and
 * `n`/`last` paging with `Link` headers (the OCI distribution spec, opencontainers/distribution-spec
 * spec.md, and ACR's data-plane API, Azure/azure-rest-api-specs specification/containerregistry/
 * data-plane/Azure.ContainerRegistry/stable/2021-07-01/containerregistry.json).
 */
import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { FaultQueue } from '../http/faults.js'
import { sendJson } from '../http/server.js'
import type { SigningKey } from '../github-oidc/jwt.js'
import {
  generateImage,
  sha256Digest,
  type GeneratedImage
} from './oci-image.js'
import type { AadTokenVerifier, AcrResolution, AcrTagSeed } from './index.js'

export interface ManifestRecord {
  image: GeneratedImage
  createdTime: Date
  lastUpdateTime: Date
  broken: boolean
  tags: Set<string>
}

export interface TagRecord {
  name: string
  digest: string
  createdTime: Date
  lastUpdateTime: Date
}

/** One repository: tags, manifests and blobs, with sorted views cached until the next change. */
export class Repository {
  readonly tags = new Map<string, TagRecord>()
  readonly manifests = new Map<string, ManifestRecord>()
  readonly blobs = new Map<string, Buffer>()
  private byName: TagRecord[] | undefined
  private byTime: TagRecord[] | undefined
  private timeIndex: Map<string, number> | undefined
  private manifestsByDigest: ManifestRecord[] | undefined
  private manifestsByTime: ManifestRecord[] | undefined
  createdTime: Date
  lastUpdateTime: Date

  constructor(
    readonly name: string,
    at: Date
  ) {
    this.createdTime = at
    this.lastUpdateTime = at
  }

  changed(): void {
    this.byName = undefined
    this.byTime = undefined
    this.timeIndex = undefined
    this.manifestsByDigest = undefined
    this.manifestsByTime = undefined
  }

  /** Tags sorted by name (lexical, as `last` paging requires). */
  tagsByName(): TagRecord[] {
    this.byName ??= [...this.tags.values()].sort((a, b) => cmp(a.name, b.name))
    return this.byName
  }

  /** Tags ascending by lastUpdateTime (ties by name), and each tag's index in that order. */
  tagsByTime(): { list: TagRecord[]; index: Map<string, number> } {
    if (!this.byTime || !this.timeIndex) {
      this.byTime = [...this.tags.values()].sort(
        (a, b) =>
          a.lastUpdateTime.getTime() - b.lastUpdateTime.getTime() ||
          cmp(a.name, b.name)
      )
      this.timeIndex = new Map(this.byTime.map((t, i) => [t.name, i]))
    }
    return { list: this.byTime, index: this.timeIndex }
  }

  manifestList(order: 'name' | 'time'): ManifestRecord[] {
    if (order === 'name') {
      this.manifestsByDigest ??= [...this.manifests.values()].sort((a, b) =>
        cmp(a.image.manifestDigest, b.image.manifestDigest)
      )
      return this.manifestsByDigest
    }
    this.manifestsByTime ??= [...this.manifests.values()].sort(
      (a, b) =>
        a.lastUpdateTime.getTime() - b.lastUpdateTime.getTime() ||
        cmp(a.image.manifestDigest, b.image.manifestDigest)
    )
    return this.manifestsByTime
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** RFC 3339 with 7 fractional digits, as ACR writes its times. */
export function acrTime(d: Date): string {
  return d.toISOString().replace(/\.(\d{3})Z$/, '.$10000Z')
}

/** `changeableAttributes` of every tag and manifest (all operations enabled). */
export const CHANGEABLE = {
  deleteEnabled: true,
  writeEnabled: true,
  readEnabled: true,
  listEnabled: true
}

/** First index in `sorted` whose key is > `value` (binary search). */
export function upperBound<T>(
  sorted: readonly T[],
  value: string,
  key: (t: T) => string
): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (key(sorted[mid] as T) <= value) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Repository, tag and digest grammars of the distribution spec. */
const REPO_NAME =
  /^[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*(\/[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*)*$/
const TAG_NAME = /^[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}$/
/** A sha256 digest (`sha256:<64 hex>`). */
export const DIGEST = /^sha256:[a-f0-9]{64}$/

/** A scope grant: `repository:team/app:pull,push` → type, name, actions. */
export interface Grant {
  type: string
  name: string
  actions: Set<string>
}

/** The state every ACR module reads and changes. */
export interface AcrState {
  repos: Map<string, Repository>
  /** label → digest, per repository: `${repo}\n${label}` (seeds that share an image by label). */
  labels: Map<string, string>
  /** Signs the refresh tokens `/oauth2/exchange` issues. */
  signingKey: SigningKey
  /** Access tokens `/oauth2/token` issued, with their grants. */
  accessTokens: Map<string, { grants: Grant[]; expiresOnMs: number }>
  /** Refresh-token lifetime (seconds). */
  refreshLifetime: number
  /** `127.0.0.1:<port>`; set once listening. */
  loginServer: string
  /** `https://127.0.0.1:<port>`; set once listening. */
  baseUrl: string
  entra: AadTokenVerifier
  faults: FaultQueue
}

/** A handler of one API under the registry's root: `path` is what follows its prefix. */
export type AcrApi = (
  state: AcrState,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  url: URL
) => void

/** Headers ACR sends on every answer. */
export const common = (): Record<string, string> => ({
  'docker-distribution-api-version': 'registry/2.0',
  'x-ms-correlation-request-id': randomUUID(),
  server: 'openresty'
})

/** ACR's (and the distribution spec's) error body: `{"errors":[{"code","message","detail"}]}`. */
export const errors = (
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  detail?: unknown,
  headers: Record<string, string> = {}
) => {
  sendJson(
    res,
    status,
    {
      errors: [{ code, message, ...(detail === undefined ? {} : { detail }) }]
    },
    { ...common(), ...headers }
  )
}

/** The repository, or undefined after answering 404 NAME_UNKNOWN (the OCI and ACR error for an unknown name). */
export const findRepository = (
  state: AcrState,
  res: ServerResponse,
  name: string
): Repository | undefined => {
  const repo = state.repos.get(name)
  if (!repo)
    errors(res, 404, 'NAME_UNKNOWN', 'repository name not known to registry', {
      name
    })
  return repo
}

/** One page of `items` from `start`; sets `Link: <...>; rel="next"` when more follow. */
export const page = <T>(
  res: ServerResponse,
  items: readonly T[],
  start: number,
  n: number,
  link: (last: T) => string
): T[] => {
  const slice = items.slice(start, start + n)
  const last = slice[slice.length - 1]
  if (start + n < items.length && last !== undefined) {
    res.setHeader('link', `<${link(last)}>; rel="next"`)
  }
  return slice
}

/** The `n` parameter (default 100, at most 1000); answers 400 PAGINATION_NUMBER_INVALID and returns undefined when malformed. */
export const pageSize = (url: URL, res: ServerResponse): number | undefined => {
  const raw = url.searchParams.get('n')
  if (raw === null || raw === '') return 100
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 0) {
    errors(
      res,
      400,
      'PAGINATION_NUMBER_INVALID',
      `invalid number of results requested: ${raw}`
    )
    return undefined
  }
  return Math.min(n, 1000)
}

/**
 * The page of `sorted` (lexical by `key`) after the `last` query parameter, `n` long (see {@link pageSize});
 * `link` builds the next page's link from the page's last item and `n`. Undefined after answering 400 for
 * a malformed `n`.
 */
export const pageAfterLast = <T>(
  url: URL,
  res: ServerResponse,
  sorted: readonly T[],
  key: (item: T) => string,
  link: (last: T, n: number) => string
): T[] | undefined => {
  const n = pageSize(url, res)
  if (n === undefined) return undefined
  const last = url.searchParams.get('last')
  const start = last ? upperBound(sorted, last, key) : 0
  return page(res, sorted, start, n, (x) => link(x, n))
}

/** Adds or moves a tag (like `docker push`); returns the manifest digest it points at. */
export const pushTag = (
  state: AcrState,
  repository: string,
  seed: AcrTagSeed
): { digest: string } => {
  if (!REPO_NAME.test(repository))
    throw new Error(`invalid repository name ${repository}`)
  if (!TAG_NAME.test(seed.name)) throw new Error(`invalid tag ${seed.name}`)
  let repo = state.repos.get(repository)
  if (!repo) {
    repo = new Repository(repository, seed.pushed)
    state.repos.set(repository, repo)
  }
  let digest: string | undefined
  if (seed.digest !== undefined && DIGEST.test(seed.digest)) {
    if (!repo.manifests.has(seed.digest)) {
      throw new Error(
        `${repository}:${seed.name}: digest ${seed.digest} is not an image of this repository`
      )
    }
    digest = seed.digest
  } else if (seed.digest !== undefined) {
    digest = state.labels.get(`${repository}\n${seed.digest}`)
  }
  if (digest === undefined) {
    const image = generateImage({
      seed: `${repository}\n${seed.digest ?? seed.name}\n${seed.pushed.toISOString()}`,
      created: seed.pushed,
      labels: { 'org.opencontainers.image.version': seed.name }
    })
    digest = image.manifestDigest
    if (!repo.manifests.has(digest)) {
      repo.manifests.set(digest, {
        image,
        createdTime: seed.pushed,
        lastUpdateTime: seed.pushed,
        broken: seed.broken ?? false,
        tags: new Set()
      })
      repo.blobs.set(image.configDigest, image.config)
      repo.blobs.set(image.layerDigest, image.layer)
    }
    if (seed.digest !== undefined)
      state.labels.set(`${repository}\n${seed.digest}`, digest)
  }
  const manifest = repo.manifests.get(digest) as ManifestRecord
  if (seed.broken) manifest.broken = true
  const previous = repo.tags.get(seed.name)
  if (previous) repo.manifests.get(previous.digest)?.tags.delete(seed.name)
  manifest.tags.add(seed.name)
  if (seed.pushed > manifest.lastUpdateTime)
    manifest.lastUpdateTime = seed.pushed
  repo.tags.set(seed.name, {
    name: seed.name,
    digest,
    createdTime: previous?.createdTime ?? seed.pushed,
    lastUpdateTime: seed.pushed
  })
  if (seed.pushed > repo.lastUpdateTime) repo.lastUpdateTime = seed.pushed
  if (seed.pushed < repo.createdTime) repo.createdTime = seed.pushed
  repo.changed()
  return { digest }
}

/** Resolves `<loginServer>/<repo>:<tag>` or `<loginServer>/<repo>@sha256:<hex>` like a kubelet pull would. */
export function resolveImage(state: AcrState, image: string): AcrResolution {
  const prefix = `${state.loginServer}/`
  if (!image.startsWith(prefix)) {
    return { error: `${image}: registry is not ${state.loginServer}` }
  }
  const rest = image.slice(prefix.length)
  const at = rest.indexOf('@')
  let name: string
  let tag: string | undefined
  let digest: string
  if (at >= 0) {
    name = rest.slice(0, at)
    digest = rest.slice(at + 1)
    const colon = name.lastIndexOf(':')
    if (colon >= 0) name = name.slice(0, colon)
  } else {
    const colon = rest.lastIndexOf(':')
    name = colon >= 0 ? rest.slice(0, colon) : rest
    tag = colon >= 0 ? rest.slice(colon + 1) : 'latest'
    digest = ''
  }
  const repo = state.repos.get(name)
  if (!repo)
    return { error: `${image}: repository ${name} not found: name unknown` }
  if (tag !== undefined) {
    const t = repo.tags.get(tag)
    if (!t)
      return {
        error: `${image}: manifest for ${name}:${tag} not found: manifest unknown`
      }
    digest = t.digest
  }
  const manifest = repo.manifests.get(digest)
  if (!manifest)
    return {
      error: `${image}: manifest ${digest} not found: manifest unknown`
    }
  if (sha256Digest(manifest.image.manifest) !== digest) {
    return { error: `${image}: digest mismatch` }
  }
  const labels = (
    JSON.parse(manifest.image.config.toString('utf8')) as {
      config?: { Labels?: Record<string, string> }
    }
  ).config?.Labels
  const version = labels?.['org.opencontainers.image.version']
  return {
    digest,
    repository: name,
    ...(tag === undefined ? {} : { tag }),
    broken: manifest.broken,
    ...(version === undefined ? {} : { version })
  }
}
