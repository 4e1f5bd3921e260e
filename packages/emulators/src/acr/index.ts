import type { IncomingMessage, ServerResponse } from 'node:http'
import { generateSigningKey } from '../github-oidc/jwt.js'
import { FaultQueue, faultSender } from '../http/faults.js'
import { serveEmulator, type RequestLog } from '../http/server.js'
import type { KeyPairPem } from '../http/tls.js'
import { exchange, token } from './auth.js'

export { ACR_AAD_SCOPES } from './auth.js'
import { v2 } from './distribution.js'
import { acrV1 } from './metadata.js'
import {
  errors,
  pushTag,
  resolveImage,
  type AcrState,
  type Repository
} from './registry.js'

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
  /** Faults the next matching requests meet (`on`: a lower-case HTTP method or `any`), in ACR's error body. */
  faults: FaultQueue
  close(): Promise<void>
}

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
 * The modules: auth.ts (challenge and token exchange), metadata.ts (`/acr/v1`), distribution.ts (`/v2`),
 * registry.ts (storage, errors, paging).
 */ export async function startAcrEmulator(
  options: AcrEmulatorOptions
): Promise<AcrEmulator> {
  const state: AcrState = {
    repos: new Map<string, Repository>(),
    labels: new Map<string, string>(),
    signingKey: generateSigningKey('RS256'),
    accessTokens: new Map(),
    refreshLifetime: options.refreshTokenLifetimeSeconds ?? 3 * 3600,
    loginServer: '',
    baseUrl: '',
    entra: options.entra,
    faults: new FaultQueue()
  }
  for (const r of options.repositories) {
    for (const t of r.tags) pushTag(state, r.name, t)
  }

  const sendFault = faultSender(
    {
      throttle: { code: 'TOOMANYREQUESTS', message: 'too many requests' },
      error: { code: 'UNKNOWN', message: 'unknown error' }
    },
    (res, status, { code, message }, headers) =>
      errors(res, status, code, message, undefined, headers)
  )

  const handler = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'https://localhost')
    let path: string
    try {
      path = decodeURIComponent(url.pathname)
    } catch {
      errors(res, 400, 'NAME_INVALID', 'malformed percent-encoding in path')
      return
    }
    if (
      state.faults.answer(res, (req.method ?? 'GET').toLowerCase(), sendFault)
    )
      return
    if (path === '/oauth2/exchange' && req.method === 'POST')
      return exchange(state, req, res)
    if (path === '/oauth2/token') return token(state, req, res)
    if (path.startsWith('/acr/v1/'))
      return acrV1(state, req, res, path.slice('/acr/v1/'.length), url)
    if (path === '/v2' || path.startsWith('/v2/'))
      return v2(state, req, res, path.slice(4).replace(/^\//, ''), url)
    errors(res, 404, 'NOT_FOUND', `no route ${path}`)
  }

  const server = await serveEmulator('acr', options, handler)
  state.baseUrl = server.url
  state.loginServer = new URL(server.url).host

  return {
    url: server.url,
    loginServer: state.loginServer,
    pushTag: (repository, tag) => pushTag(state, repository, tag),
    resolve: (image) => resolveImage(state, image),
    faults: state.faults,
    close: () => server.close()
  }
}
