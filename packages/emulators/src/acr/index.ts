import { randomBytes, randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import {
  generateImage,
  sha256Digest,
  type GeneratedImage
} from './oci-image.js'
import {
  decodeJwt,
  generateSigningKey,
  signJwt,
  verifyJwtSignature
} from '../github-oidc/jwt.js'
import {
  readBody,
  sendJson,
  startServer,
  type RequestLog
} from '../http/server.js'
import type { KeyPairPem } from '../http/tls.js'

/** AAD scopes ACR accepts in `/oauth2/exchange` (its own audience and ARM's). */
export const ACR_AAD_SCOPES = [
  'https://containerregistry.azure.net/.default',
  'https://management.azure.com/.default'
] as const

/** The part of the Entra emulator ACR needs: checking AAD access tokens. */
export interface AadTokenVerifier {
  verify(token: string, scope: string | readonly string[]): unknown
}

export interface AcrTagSeed {
  name: string
  /** When the tag was pushed (its `createdTime`/`lastUpdateTime`), UTC. */
  pushed: Date
  /**
   * Image identity. Tags with the same value point at the same manifest. A value shaped like
   * `sha256:<64 hex>` must be the digest of an image generated earlier in the list; any other value is a label.
   * Omitted: the tag gets its own image.
   */
  digest?: string
  /** Pods running this image crash (read by the Kubernetes emulator through {@link AcrEmulator.resolve}). */
  broken?: boolean
}

export interface AcrEmulatorOptions {
  tls: KeyPairPem
  log: RequestLog
  /** Verifies the AAD tokens presented to `/oauth2/exchange` (the Entra emulator). */
  entra: AadTokenVerifier
  repositories: Array<{ name: string; tags: AcrTagSeed[] }>
  /** Lifetime of ACR refresh tokens in seconds (default 3 hours, like ACR). */
  refreshTokenLifetimeSeconds?: number
}

/** What {@link AcrEmulator.resolve} answers for an image reference. */
export type AcrResolution =
  | {
      digest: string
      repository: string
      tag?: string
      broken: boolean
      /** The image's own `org.opencontainers.image.version` config label (what the program reports as its version). */
      version?: string
    }
  | { error: string }

/** A running Azure Container Registry emulator. */
export interface AcrEmulator {
  /** `https://127.0.0.1:<port>`: the `endpoint` of `ContainerRegistryClient`. */
  url: string
  /** `127.0.0.1:<port>`: what image references start with. */
  loginServer: string
  /** Adds or moves a tag (like `docker push`); returns the manifest digest it points at. */
  pushTag(repository: string, tag: AcrTagSeed): { digest: string }
  /** Resolves `<loginServer>/<repo>:<tag>` or `<loginServer>/<repo>@sha256:<hex>` like a kubelet pull would. */
  resolve(image: string): AcrResolution
  close(): Promise<void>
}

interface ManifestRecord {
  image: GeneratedImage
  createdTime: Date
  lastUpdateTime: Date
  broken: boolean
  tags: Set<string>
}

interface TagRecord {
  name: string
  digest: string
  createdTime: Date
  lastUpdateTime: Date
}

class Repository {
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
function acrTime(d: Date): string {
  return d.toISOString().replace(/\.(\d{3})Z$/, '.$10000Z')
}

const CHANGEABLE = {
  deleteEnabled: true,
  writeEnabled: true,
  readEnabled: true,
  listEnabled: true
}

/** First index in `sorted` whose key is > `value` (binary search). */
function upperBound<T>(
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

interface Grant {
  type: string
  name: string
  actions: Set<string>
}

/** Parses `repository:team/app:pull,push` (the name may itself hold colons only in a registry-level scope). */
function parseScope(scope: string): Grant | undefined {
  const first = scope.indexOf(':')
  const last = scope.lastIndexOf(':')
  if (first < 0 || last === first) return undefined
  return {
    type: scope.slice(0, first),
    name: scope.slice(first + 1, last),
    actions: new Set(scope.slice(last + 1).split(','))
  }
}

const REPO_NAME =
  /^[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*(\/[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*)*$/
const TAG_NAME = /^[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}$/
const DIGEST = /^sha256:[a-f0-9]{64}$/

/**
 * Starts an Azure Container Registry data-plane emulator on a random loopback TLS port.
 *
 * Follows acr.md §8: every `/acr/v1/*` and `/v2/*` request without a valid ACR access token is answered `401`
 * with a quoted `WWW-Authenticate: Bearer realm,service,scope` challenge; `POST /oauth2/exchange` trades an
 * Entra access token (checked with `entra.verify`) for a JWT refresh token; `POST /oauth2/token` trades that
 * for an access token bound to the requested scopes (the anonymous `password` grant is refused). Serves the
 * ACR metadata API (`_catalog`, repository, `_tags`, `_tags/{tag}`, `_manifests`, `_manifests/{digest}`) with
 * `n`/`last`/`orderby=timedesc|timeasc` paging through `Link` headers, and the OCI distribution read API
 * (`/v2/`, `tags/list`, `manifests/{ref}`, `blobs/{digest}`) with real OCI manifests whose bytes hash to
 * their digests. Tags live in sorted in-memory arrays, so repositories of 10,000 tags stay cheap.
 */
export async function startAcrEmulator(
  options: AcrEmulatorOptions
): Promise<AcrEmulator> {
  const repos = new Map<string, Repository>()
  /** The repository, or undefined after answering 404 NAME_UNKNOWN (the OCI and ACR error for an unknown name). */
  const findRepository = (
    res: ServerResponse,
    name: string
  ): Repository | undefined => {
    const repo = repos.get(name)
    if (!repo)
      errors(
        res,
        404,
        'NAME_UNKNOWN',
        'repository name not known to registry',
        {
          name
        }
      )
    return repo
  }
  const labels = new Map<string, string>() // label → digest, per repository: `${repo}\n${label}`
  const signingKey = generateSigningKey('RS256')
  const accessTokens = new Map<
    string,
    { grants: Grant[]; expiresOnMs: number }
  >()
  const refreshLifetime = options.refreshTokenLifetimeSeconds ?? 3 * 3600
  let loginServer = ''
  let base = ''

  const pushTag = (
    repository: string,
    seed: AcrTagSeed
  ): { digest: string } => {
    if (!REPO_NAME.test(repository))
      throw new Error(`invalid repository name ${repository}`)
    if (!TAG_NAME.test(seed.name)) throw new Error(`invalid tag ${seed.name}`)
    let repo = repos.get(repository)
    if (!repo) {
      repo = new Repository(repository, seed.pushed)
      repos.set(repository, repo)
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
      digest = labels.get(`${repository}\n${seed.digest}`)
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
        labels.set(`${repository}\n${seed.digest}`, digest)
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

  for (const r of options.repositories) {
    for (const t of r.tags) pushTag(r.name, t)
  }

  const common = (): Record<string, string> => ({
    'docker-distribution-api-version': 'registry/2.0',
    'x-ms-correlation-request-id': randomUUID(),
    server: 'openresty'
  })

  const errors = (
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

  const challenge = (
    res: ServerResponse,
    scope: string | undefined,
    invalid: boolean
  ) => {
    const params = [`realm="${base}/oauth2/token"`, `service="${loginServer}"`]
    if (scope) params.push(`scope="${scope}"`)
    if (invalid) params.push('error="invalid_token"')
    const grant = scope ? parseScope(scope) : undefined
    errors(
      res,
      401,
      'UNAUTHORIZED',
      'authentication required, visit https://aka.ms/acr/authorization for more information.',
      grant
        ? [
            {
              Type: grant.type,
              Name: grant.name,
              Action: [...grant.actions].join(',')
            }
          ]
        : undefined,
      { 'www-authenticate': `Bearer ${params.join(',')}` }
    )
  }

  /** True when the bearer grants `scope`; otherwise answers the challenge. */
  const authorize = (
    req: IncomingMessage,
    res: ServerResponse,
    scope: string | undefined
  ): boolean => {
    const m = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')
    const token = m?.[1] ? accessTokens.get(m[1]) : undefined
    const valid = token !== undefined && token.expiresOnMs > Date.now()
    if (valid && scope === undefined) return true
    const wanted = scope ? parseScope(scope) : undefined
    if (
      valid &&
      wanted &&
      token.grants.some(
        (g) =>
          g.type === wanted.type &&
          g.name === wanted.name &&
          [...wanted.actions].every(
            (a) => g.actions.has(a) || g.actions.has('*')
          )
      )
    ) {
      return true
    }
    challenge(res, scope, m !== null)
    return false
  }

  const exchange = async (req: IncomingMessage, res: ServerResponse) => {
    const form = new URLSearchParams((await readBody(req)).toString('utf8'))
    if (form.get('grant_type') !== 'access_token') {
      errors(
        res,
        400,
        'UNSUPPORTED_GRANT_TYPE',
        `grant_type ${form.get('grant_type') ?? ''} is not supported; use access_token`
      )
      return
    }
    if (form.get('service') !== loginServer) {
      errors(res, 400, 'INVALID_SERVICE', `service must be ${loginServer}`)
      return
    }
    const aad = form.get('access_token') ?? ''
    const verified = aad ? options.entra.verify(aad, ACR_AAD_SCOPES) : undefined
    if (!verified) {
      errors(
        res,
        401,
        'UNAUTHORIZED',
        'The AAD access token is invalid, expired or not issued for this registry.'
      )
      return
    }
    const v = verified as {
      subject?: string
      clientId?: string
      tenantId?: string
    }
    const now = Math.floor(Date.now() / 1000)
    const refreshToken = signJwt(
      {
        jti: randomUUID(),
        sub: v.clientId ?? v.subject ?? 'unknown',
        nbf: now - 5,
        exp: now + refreshLifetime,
        iat: now,
        iss: 'Azure Container Registry',
        aud: loginServer,
        version: '1.0',
        grant_type: 'refresh_token',
        tenant: v.tenantId ?? '',
        permissions: { actions: ['read', 'write', 'delete'], notActions: [] },
        roles: []
      },
      signingKey
    )
    sendJson(res, 200, { refresh_token: refreshToken }, common())
  }

  const token = async (req: IncomingMessage, res: ServerResponse) => {
    const body =
      req.method === 'POST' ? (await readBody(req)).toString('utf8') : ''
    const form = new URLSearchParams(body)
    const grantType = form.get('grant_type')
    if (req.method === 'GET' || grantType === 'password') {
      errors(
        res,
        401,
        'UNAUTHORIZED',
        'anonymous and admin-user access are disabled on this registry; use an Entra identity with AcrPull'
      )
      return
    }
    if (grantType !== 'refresh_token') {
      errors(
        res,
        400,
        'UNSUPPORTED_GRANT_TYPE',
        `grant_type ${grantType ?? ''} is not supported`
      )
      return
    }
    if (form.get('service') !== loginServer) {
      errors(res, 400, 'INVALID_SERVICE', `service must be ${loginServer}`)
      return
    }
    const jwt = decodeJwt(form.get('refresh_token') ?? '')
    const exp = jwt?.payload.exp
    if (
      !jwt ||
      !verifyJwtSignature(jwt, [signingKey.publicJwk]) ||
      typeof exp !== 'number' ||
      exp * 1000 <= Date.now() ||
      jwt.payload.aud !== loginServer
    ) {
      errors(
        res,
        401,
        'UNAUTHORIZED',
        'The refresh token is invalid or expired.'
      )
      return
    }
    const grants = form
      .getAll('scope')
      .flatMap((s) => s.split(' '))
      .map(parseScope)
      .filter((g): g is Grant => g !== undefined)
    const accessToken = randomBytes(32).toString('base64url')
    accessTokens.set(accessToken, {
      grants,
      expiresOnMs: Date.now() + 3600_000
    })
    sendJson(res, 200, { access_token: accessToken }, common())
  }

  const page = <T>(
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

  const pageSize = (url: URL, res: ServerResponse): number | undefined => {
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

  const tagJson = (repo: Repository, t: TagRecord) => ({
    name: t.name,
    digest: t.digest,
    createdTime: acrTime(t.createdTime),
    lastUpdateTime: acrTime(t.lastUpdateTime),
    signed: false,
    changeableAttributes: CHANGEABLE
  })

  const manifestJson = (m: ManifestRecord) => ({
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

  const listTags = (repo: Repository, url: URL, res: ServerResponse) => {
    const n = pageSize(url, res)
    if (n === undefined) return
    const orderby = url.searchParams.get('orderby') ?? ''
    const last = url.searchParams.get('last')
    const encoded = encodeURIComponent(repo.name)
    const linkFor = (t: TagRecord) =>
      `/acr/v1/${encoded}/_tags?last=${encodeURIComponent(t.name)}&n=${n}&orderby=${encodeURIComponent(orderby)}`
    let items: readonly TagRecord[]
    let start = 0
    if (orderby === 'timedesc' || orderby === 'timeasc') {
      const { list, index } = repo.tagsByTime()
      items = orderby === 'timeasc' ? list : [...list].reverse()
      if (last) {
        const i = index.get(last)
        if (i === undefined) {
          errors(
            res,
            400,
            'PAGINATION_INVALID',
            `continuation tag ${last} is not in ${repo.name}`
          )
          return
        }
        start = (orderby === 'timeasc' ? i : list.length - 1 - i) + 1
      }
    } else {
      items = repo.tagsByName()
      if (last) start = upperBound(items, last, (t) => t.name)
    }
    const tags = page(res, items, start, n, linkFor)
    sendJson(
      res,
      200,
      {
        registry: loginServer,
        imageName: repo.name,
        tags: tags.map((t) => tagJson(repo, t))
      },
      common()
    )
  }

  const listManifests = (repo: Repository, url: URL, res: ServerResponse) => {
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
        registry: loginServer,
        imageName: repo.name,
        manifests: manifests.map(manifestJson)
      },
      common()
    )
  }

  const acrV1 = (
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    url: URL
  ) => {
    if (path === '_catalog') {
      if (!authorize(req, res, 'registry:catalog:*')) return
      const n = pageSize(url, res)
      if (n === undefined) return
      const names = [...repos.keys()].sort()
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
    if (!authorize(req, res, `repository:${name}:metadata_read`)) return
    const repo = findRepository(res, name)
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
          registry: loginServer,
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
      listTags(repo, url, res)
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
        { registry: loginServer, imageName: repo.name, tag: tagJson(repo, t) },
        common()
      )
    } else if (kind === '_manifests' && item === undefined) {
      listManifests(repo, url, res)
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
          registry: loginServer,
          imageName: repo.name,
          manifest: manifestJson(manifest)
        },
        common()
      )
    }
  }

  const v2 = (
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    url: URL
  ) => {
    if (path === '') {
      if (!authorize(req, res, undefined)) return
      sendJson(res, 200, {}, common())
      return
    }
    if (path === '_catalog') {
      if (!authorize(req, res, 'registry:catalog:*')) return
      sendJson(res, 200, { repositories: [...repos.keys()].sort() }, common())
      return
    }
    const m = /^(.+?)\/(tags\/list|manifests\/([^/]+)|blobs\/([^/]+))$/.exec(
      path
    )
    if (!m) {
      errors(res, 404, 'NAME_INVALID', 'invalid repository name or path')
      return
    }
    const name = m[1] ?? ''
    if (!authorize(req, res, `repository:${name}:pull`)) return
    const repo = findRepository(res, name)
    if (!repo) return
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      errors(
        res,
        405,
        'UNSUPPORTED',
        'this emulator serves pulls only; use pushTag()'
      )
      return
    }
    if (m[2] === 'tags/list') {
      const n = pageSize(url, res)
      if (n === undefined) return
      const last = url.searchParams.get('last')
      const names = repo.tagsByName()
      const start = last ? upperBound(names, last, (t) => t.name) : 0
      const tags = page(
        res,
        names,
        start,
        n,
        (t) => `/v2/${name}/tags/list?last=${encodeURIComponent(t.name)}&n=${n}`
      )
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

  const handler = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'https://localhost')
    let path: string
    try {
      path = decodeURIComponent(url.pathname)
    } catch {
      errors(res, 400, 'NAME_INVALID', 'malformed percent-encoding in path')
      return
    }
    if (path === '/oauth2/exchange' && req.method === 'POST')
      return exchange(req, res)
    if (path === '/oauth2/token') return token(req, res)
    if (path.startsWith('/acr/v1/'))
      return acrV1(req, res, path.slice('/acr/v1/'.length), url)
    if (path === '/v2' || path.startsWith('/v2/'))
      return v2(req, res, path.slice(4).replace(/^\//, ''), url)
    errors(res, 404, 'NOT_FOUND', `no route ${path}`)
  }

  const server = await startServer({
    name: 'acr',
    tls: options.tls,
    log: options.log,
    handler
  })
  base = server.url
  loginServer = new URL(server.url).host

  return {
    url: server.url,
    loginServer,
    pushTag,
    resolve(image: string): AcrResolution {
      const prefix = `${loginServer}/`
      if (!image.startsWith(prefix)) {
        return { error: `${image}: registry is not ${loginServer}` }
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
      const repo = repos.get(name)
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
    },
    close: () => server.close()
  }
}
