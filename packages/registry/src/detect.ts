import type { TokenCredential } from '@azure/core-auth'
import {
  ConfigurationError,
  DEFAULT_RETRY_POLICY,
  retryingFetch,
  type Logger,
  type RetryPolicy
} from '@rollback-actions/action-kit'
import { createAcrRegistryClient } from './acr-client.js'
import { REGISTRY } from './constants.js'
import {
  createOciRegistryClient,
  parseChallenge,
  type FetchLike
} from './oci-client.js'
import type { RegistryClient } from './types.js'

export interface CreateRegistryClientOptions {
  /** `host[:port]`: `myreg.azurecr.io`, `ghcr.io`, `127.0.0.1:5000`. */
  registry: string
  /** Needed for ACR; called only when the registry is an ACR. */
  credential?: () => TokenCredential
  log: Logger
  /** Skip detection. */
  kind?: 'acr' | 'oci'
  /** For in-process tests with a private CA: used by the ACR SDK client. */
  caPem?: string
  /** For in-process tests: the fetch used for detection and the OCI client. */
  fetch?: FetchLike
  /** ACR page size. */
  pageSize?: number
  /** Retries and per-request timeout of every registry call (docs/reliability.md); default the kit's. */
  policy?: RetryPolicy
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])(:\d+)?$/

/** Whether `registry` is an ACR login server by name (`*.azurecr.io`, `.cn`, `.us`). */
export function isAcrHost(registry: string): boolean {
  const host = registry.replace(/:\d+$/, '').toLowerCase()
  return REGISTRY.acrHostSuffixes.some((s) => host.endsWith(s))
}

/**
 * Tells ACR from other registries and finds the scheme: `*.azurecr.*` names are ACR; otherwise
 * `GET https://<registry>/acr/v1/_catalog` is probed (an ACR answers 200 or a Bearer challenge whose realm is
 * its `/oauth2/token`; distribution registries answer 404). Loopback registries fall back to plain http
 * when TLS fails, as Docker allows for local registries.
 * @returns `{ kind, baseUrl }`.
 */
export async function detectRegistry(
  registry: string,
  fetchImpl: FetchLike = (url, init) => fetch(url, init)
): Promise<{ kind: 'acr' | 'oci'; baseUrl: string }> {
  if (isAcrHost(registry))
    return { kind: 'acr', baseUrl: `https://${registry}` }
  const probe = async (baseUrl: string) => {
    const r = await fetchImpl(`${baseUrl}/acr/v1/_catalog`, {
      headers: { accept: 'application/json' }
    })
    const challenge = parseChallenge(r.headers.get('www-authenticate') ?? '')
    await r.body?.cancel()
    const acr =
      r.status === 200 ||
      (r.status === 401 &&
        challenge?.scheme === 'bearer' &&
        (challenge.params.realm ?? '').endsWith('/oauth2/token'))
    return { kind: acr ? ('acr' as const) : ('oci' as const), baseUrl }
  }
  try {
    return await probe(`https://${registry}`)
  } catch (error) {
    if (!LOOPBACK.test(registry)) {
      throw new ConfigurationError(
        `cannot reach registry ${registry} over https (${(error as Error).message}): check the registry input and the runner's network/CA trust (NODE_EXTRA_CA_CERTS)`,
        { cause: error }
      )
    }
    try {
      return await probe(`http://${registry}`)
    } catch (second) {
      throw new ConfigurationError(
        `cannot reach registry ${registry} over https or http: is it running?`,
        { cause: second }
      )
    }
  }
}

/**
 * Creates the {@link RegistryClient} for a registry: ACR through `@azure/container-registry` with the Entra
 * credential, anything else through the generic OCI `/v2` client.
 * @throws ConfigurationError when the registry is unreachable, or is an ACR and no credential was given.
 */
export async function createRegistryClient(
  options: CreateRegistryClientOptions
): Promise<RegistryClient> {
  const policy = options.policy ?? DEFAULT_RETRY_POLICY
  // Every registry call is bounded and retried (transport only; the registry logic sees plain answers).
  const base: FetchLike = options.fetch ?? ((url, init) => fetch(url, init))
  const fetchImpl = retryingFetch(base, {
    policy,
    log: options.log,
    remote: `registry ${options.registry}`
  })
  const detected = options.kind
    ? { kind: options.kind, baseUrl: `https://${options.registry}` }
    : await detectRegistry(options.registry, fetchImpl)
  options.log.debug(
    `registry ${options.registry}: ${detected.kind} at ${detected.baseUrl}`
  )
  if (detected.kind === 'acr') {
    if (!options.credential) {
      throw new ConfigurationError(
        `${options.registry} is an Azure Container Registry: set client-id and tenant-id (OIDC) or run azure/login before this step`
      )
    }
    return createAcrRegistryClient({
      registry: options.registry,
      credential: options.credential(),
      log: options.log,
      ...(options.caPem ? { caPem: options.caPem } : {}),
      ...(options.pageSize ? { pageSize: options.pageSize } : {}),
      policy
    })
  }
  return createOciRegistryClient({
    registry: options.registry,
    baseUrl: detected.baseUrl,
    log: options.log,
    fetch: fetchImpl
  })
}
