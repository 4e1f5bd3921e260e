import { createHash } from 'node:crypto'
import {
  ConfigurationError,
  OperationError,
  type Logger
} from '@rollback-actions/action-kit'
import { REGISTRY } from './constants.js'
import type { DescribedImage, RegistryClient, TagListing } from './types.js'

/** The subset of `fetch` the OCI client uses (injectable for tests with a private CA). */
export type FetchLike = (
  url: string,
  init?: { method?: string; headers?: Record<string, string> }
) => Promise<Response>

export interface OciClientOptions {
  /** `host[:port]` as written in image references. */
  registry: string
  /** `https://host[:port]` or, for a loopback test registry, `http://…`. No trailing slash. */
  baseUrl: string
  log: Logger
  fetch?: FetchLike
}

interface Challenge {
  scheme: string
  params: Record<string, string>
}

/** Parses `Bearer realm="…",service="…",scope="…"` (RFC 7235 auth-params, quoted or token values). */
export function parseChallenge(header: string): Challenge | undefined {
  const m = /^(\w+)\s*(.*)$/s.exec(header.trim())
  if (!m) return undefined
  const params: Record<string, string> = {}
  for (const p of (m[2] ?? '').matchAll(
    /(\w+)=(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g
  )) {
    params[(p[1] ?? '').toLowerCase()] =
      p[2] !== undefined ? p[2].replace(/\\(.)/g, '$1') : (p[3] ?? '')
  }
  return { scheme: (m[1] ?? '').toLowerCase(), params }
}

/** Next page URL from an RFC 5988 `Link: <…>; rel="next"` header, resolved against `base`. */
export function nextLink(
  header: string | null,
  base: string
): string | undefined {
  if (!header) return undefined
  for (const part of header.split(',')) {
    const m = /<([^>]*)>\s*;\s*rel="?next"?/i.exec(part)
    if (m?.[1] !== undefined) return new URL(m[1], base).toString()
  }
  return undefined
}

interface ImageFacts {
  digest: string
  created?: Date
}

interface ManifestDoc {
  mediaType?: string
  config?: { digest?: string }
  manifests?: Array<{
    digest?: string
    platform?: { os?: string; architecture?: string }
  }>
  annotations?: Record<string, string>
}

/** Runs `fn` over `items` with at most `limit` in flight; results keep the input order. */
async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (t: T) => Promise<R>
): Promise<R[]> {
  const out = new Array<R>(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const i = next++
      out[i] = await fn(items[i] as T)
    }
  }
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, worker)
  )
  return out
}

/**
 * A {@link RegistryClient} for any OCI distribution registry (`/v2`): `GET /v2/<name>/tags/list` (following `Link`
 * pages when the registry sends them; docker-registry ignores `n`/`last`), then per tag the manifest (an index
 * resolves to its linux/amd64 entry) and the config blob, whose `created` (or the manifest annotation
 * `org.opencontainers.image.created`) is the tag's time: the generic API has no push time and no ordering.
 * Authentication follows the token flow of distribution's `spec/auth/token.md` anonymously: a `401` with a
 * Bearer challenge sends `GET <realm>?service=…&scope=…` and retries with the token.
 * @see acr.md §7
 */
export function createOciRegistryClient(
  options: OciClientOptions
): RegistryClient {
  const fetchImpl: FetchLike =
    options.fetch ?? ((url, init) => fetch(url, init))
  const tokens = new Map<string, string>()
  const facts = new Map<string, Promise<ImageFacts | undefined>>()
  const created = new Map<string, Promise<Date | undefined>>()
  let requests = 0

  const authenticate = async (
    challenge: Challenge,
    repository: string
  ): Promise<string> => {
    const realm = challenge.params.realm
    if (challenge.scheme !== 'bearer' || !realm) {
      throw new ConfigurationError(
        `${options.registry} asks for ${challenge.scheme} authentication; only anonymous token access is supported for generic OCI registries: allow anonymous pull or use ACR`
      )
    }
    const url = new URL(realm)
    if (challenge.params.service)
      url.searchParams.set('service', challenge.params.service)
    url.searchParams.set(
      'scope',
      challenge.params.scope ?? `repository:${repository}:pull`
    )
    const r = await fetchImpl(url.toString(), {
      headers: { accept: 'application/json' }
    })
    if (!r.ok) {
      throw new ConfigurationError(
        `${options.registry} refused an anonymous pull token for ${repository} (HTTP ${r.status}): the repository needs credentials this action does not support`
      )
    }
    const body = (await r.json()) as { token?: string; access_token?: string }
    const token = body.token ?? body.access_token
    if (!token)
      throw new OperationError(
        `${options.registry} token endpoint answered without a token`
      )
    options.log.secret(token)
    return token
  }

  /** GET with the cached token of `repository`; one 401 → token → retry round. */
  const get = async (
    path: string,
    repository: string,
    accept?: string
  ): Promise<Response> => {
    const url = path.startsWith('http') ? path : `${options.baseUrl}${path}`
    const send = () => {
      const headers: Record<string, string> = {}
      if (accept) headers.accept = accept
      const token = tokens.get(repository)
      if (token) headers.authorization = `Bearer ${token}`
      requests += 1
      options.log.debug(`GET ${url}`)
      return fetchImpl(url, { headers })
    }
    let response: Response
    try {
      response = await send()
      if (response.status === 401) {
        const challenge = parseChallenge(
          response.headers.get('www-authenticate') ?? ''
        )
        await response.body?.cancel()
        if (!challenge)
          throw new ConfigurationError(
            `${options.registry} answered 401 without a challenge for ${url}`
          )
        tokens.set(repository, await authenticate(challenge, repository))
        response = await send()
      }
    } catch (error) {
      if (
        error instanceof ConfigurationError ||
        error instanceof OperationError
      )
        throw error
      throw new OperationError(
        `cannot reach ${options.registry} (${url}): ${(error as Error).message}; check the registry address and the runner's network`,
        { cause: error }
      )
    }
    if (response.status === 401 || response.status === 403) {
      throw new ConfigurationError(
        `${options.registry} denied ${url} (HTTP ${response.status}): allow pull for this identity`
      )
    }
    return response
  }

  const fail = (response: Response, what: string): never => {
    throw new OperationError(
      `${what} on ${options.registry} failed with HTTP ${response.status}; retry, or check the registry`
    )
  }

  const configCreated = (
    repository: string,
    digest: string
  ): Promise<Date | undefined> => {
    let p = created.get(digest)
    if (!p) {
      p = (async () => {
        const r = await get(`/v2/${repository}/blobs/${digest}`, repository)
        if (!r.ok) return fail(r, `config blob ${digest} of ${repository}`)
        const config = (await r.json()) as { created?: unknown }
        return typeof config.created === 'string' &&
          !Number.isNaN(Date.parse(config.created))
          ? new Date(config.created)
          : undefined
      })()
      created.set(digest, p)
    }
    return p
  }

  const readManifest = async (repository: string, ref: string) => {
    const r = await get(
      `/v2/${repository}/manifests/${ref}`,
      repository,
      REGISTRY.manifestAccept
    )
    if (r.status === 404) {
      await r.body?.cancel()
      return undefined
    }
    if (!r.ok) return fail(r, `manifest ${repository}:${ref}`)
    const bytes = Buffer.from(await r.arrayBuffer())
    const digest = `sha256:${createHash('sha256').update(bytes).digest('hex')}`
    const header = r.headers.get('docker-content-digest')
    if (
      (header && header !== digest) ||
      (ref.startsWith('sha256:') && ref !== digest)
    ) {
      throw new OperationError(
        `${options.registry} sent manifest bytes for ${repository}:${ref} that do not hash to ${header ?? ref}; refusing to trust it`
      )
    }
    return { digest, doc: JSON.parse(bytes.toString('utf8')) as ManifestDoc }
  }

  const imageFacts = (
    repository: string,
    ref: string
  ): Promise<ImageFacts | undefined> => {
    const key = `${repository}\n${ref}`
    let p = facts.get(key)
    if (!p) {
      p = (async () => {
        const top = await readManifest(repository, ref)
        if (!top) return undefined
        let doc = top.doc
        if (doc.manifests) {
          const entry =
            doc.manifests.find(
              (m) =>
                m.platform?.os === 'linux' &&
                m.platform.architecture === 'amd64'
            ) ?? doc.manifests[0]
          const child = entry?.digest
            ? await readManifest(repository, entry.digest)
            : undefined
          if (!child) return { digest: top.digest }
          doc = child.doc
        }
        const annotation = doc.annotations?.['org.opencontainers.image.created']
        if (annotation && !Number.isNaN(Date.parse(annotation))) {
          return { digest: top.digest, created: new Date(annotation) }
        }
        const configDigest = doc.config?.digest
        const time = configDigest
          ? await configCreated(repository, configDigest)
          : undefined
        return time
          ? { digest: top.digest, created: time }
          : { digest: top.digest }
      })()
      facts.set(key, p)
    }
    return p
  }

  const tagNames = async (repository: string): Promise<string[]> => {
    const names: string[] = []
    let url: string | undefined =
      `${options.baseUrl}/v2/${repository}/tags/list`
    const seen = new Set<string>()
    while (url && !seen.has(url) && seen.size < REGISTRY.maxPages) {
      seen.add(url)
      const r = await get(url, repository, 'application/json')
      if (r.status === 404) {
        await r.body?.cancel()
        throw new ConfigurationError(
          `repository ${repository} does not exist on ${options.registry}: check the repository input`
        )
      }
      if (!r.ok) return fail(r, `listing tags of ${repository}`)
      const body = (await r.json()) as { tags?: string[] | null }
      names.push(...(body.tags ?? []))
      url = nextLink(r.headers.get('link'), url)
    }
    return names
  }

  return {
    kind: 'oci',
    registry: options.registry,
    get requests() {
      return requests
    },
    async *listTagsNewestFirst(
      repository,
      needsDetails
    ): AsyncIterable<TagListing> {
      const names = await tagNames(repository)
      const wanted = names.filter(needsDetails)
      options.log.debug(
        `${options.registry}/${repository}: ${names.length} tags, reading manifest and config of ${wanted.length}`
      )
      const detailed = await mapLimit(
        wanted,
        REGISTRY.ociConcurrency,
        async (tag) => ({
          tag,
          facts: await imageFacts(repository, tag)
        })
      )
      const timed = detailed
        .filter((d) => d.facts?.created)
        .sort(
          (a, b) =>
            (b.facts?.created?.getTime() ?? 0) -
              (a.facts?.created?.getTime() ?? 0) ||
            (a.tag < b.tag ? 1 : a.tag > b.tag ? -1 : 0)
        )
      for (const d of timed) {
        yield {
          tag: d.tag,
          digest: d.facts?.digest,
          lastUpdatedOn: d.facts?.created
        }
      }
      for (const d of detailed) {
        if (!d.facts?.created)
          yield { tag: d.tag, ...(d.facts ? { digest: d.facts.digest } : {}) }
      }
      const wantedSet = new Set(wanted)
      for (const tag of names) if (!wantedSet.has(tag)) yield { tag }
    },
    async describe(repository, ref): Promise<DescribedImage | undefined> {
      const f = await imageFacts(
        repository,
        'tag' in ref ? ref.tag : ref.digest
      )
      if (!f) return undefined
      return {
        tag: 'tag' in ref ? ref.tag : '',
        digest: f.digest,
        ...(f.created ? { lastUpdatedOn: f.created } : {})
      }
    }
  }
}
