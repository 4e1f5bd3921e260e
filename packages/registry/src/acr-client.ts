import type {
  ArtifactTagProperties,
  ContainerRegistryClient
} from '@azure/container-registry'
import type { TokenCredential } from '@azure/core-auth'
import {
  ConfigurationError,
  DEFAULT_RETRY_POLICY,
  OperationError,
  type Logger,
  type RetryPolicy
} from '@rollback-actions/action-kit'
import { azurePipelineOptions } from '@rollback-actions/azure'
import { REGISTRY } from './constants.js'
import type { RegistryClient, RegistryTag, TagListing } from './types.js'

export interface AcrClientOptions {
  /** Login server, `myreg.azurecr.io` (or the sandbox's `127.0.0.1:<port>`). */
  registry: string
  credential: TokenCredential
  log: Logger
  /** AAD audience for the ACR token exchange; default `https://containerregistry.azure.net`. */
  audience?: string
  /** Tags per page (`n`); default 100. */
  pageSize?: number
  /** Extra trusted CA (PEM) for in-process tests; production trusts NODE_EXTRA_CA_CERTS. */
  caPem?: string
  /** Retries and per-request timeout (the SDK's own retry policy; docs/reliability.md); default the kit's. */
  policy?: RetryPolicy
}

function statusOf(error: unknown): number | undefined {
  const s = (error as { statusCode?: unknown }).statusCode
  return typeof s === 'number' ? s : undefined
}

/** The `AADSTS<code>: <first sentence>` of an Entra failure, when there is one (it never holds secrets). */
export function aadstsSummary(error: unknown): string | undefined {
  const text = error instanceof Error ? error.message : String(error)
  return /AADSTS\d+: [^.]*\./.exec(text)?.[0]
}

/**
 * Turns an SDK failure into a suite error naming the registry, the repository and the next step.
 * @internal exported for tests
 */
export function wrapAcrError(
  error: unknown,
  registry: string,
  what: string
): Error {
  const status = statusOf(error)
  const aad = aadstsSummary(error)
  if (
    aad ||
    (error as Error).name === 'CredentialUnavailableError' ||
    (error as Error).name === 'AuthenticationError' ||
    (error as Error).name === 'AuthenticationRequiredError'
  ) {
    return new ConfigurationError(
      `Azure login for ${registry} failed${aad ? ` (${aad})` : ''}: check client-id, tenant-id and the federated credential's issuer, subject and audience (or run azure/login first)`,
      { cause: error }
    )
  }
  if (status === 401 || status === 403) {
    return new ConfigurationError(
      `${what} on ${registry} was denied (HTTP ${status}): grant the identity the AcrPull role (or Container Registry Repository Reader) on the registry`,
      { cause: error }
    )
  }
  if (status === 404) {
    return new ConfigurationError(
      `${what} on ${registry}: not found (HTTP 404); check the registry and repository names`,
      { cause: error }
    )
  }
  return new OperationError(
    `${what} on ${registry} failed${status ? ` (HTTP ${status})` : ''}: ${error instanceof Error ? error.name : 'error'}; retry, or check the registry's health`,
    { cause: error }
  )
}

/**
 * A {@link RegistryClient} for Azure Container Registry through `@azure/container-registry`
 * (`ContainerRegistryClient` with an Entra credential: the SDK runs the 401 challenge → `/oauth2/exchange` →
 * `/oauth2/token` flow itself). Tags are listed with `listTagProperties({ order: 'LastUpdatedOnDescending' })`
 * (`orderby=timedesc`) page by page, so the registry does the sorting and iteration stops early.
 * @see acr.md §2–§4
 */
export function createAcrRegistryClient(
  options: AcrClientOptions
): RegistryClient {
  const endpoint = `https://${options.registry}`
  // The SDK is loaded on first use: an action that never reaches ACR (or has not yet) does not pay its start-up.
  let loaded: Promise<ContainerRegistryClient> | undefined
  const sdk = () =>
    (loaded ??= import('@azure/container-registry').then(
      ({ ContainerRegistryClient: Client }) =>
        new Client(endpoint, options.credential, {
          ...azurePipelineOptions(
            options.policy ?? DEFAULT_RETRY_POLICY,
            options.log,
            `registry ${options.registry}`
          ),
          audience: options.audience ?? REGISTRY.acrAudience,
          ...(options.caPem ? { tlsOptions: { ca: options.caPem } } : {})
        })
    ))
  const pageSize = options.pageSize ?? REGISTRY.acrPageSize
  let requests = 0
  const toTag = (t: ArtifactTagProperties): RegistryTag => ({
    tag: t.name,
    digest: t.digest,
    lastUpdatedOn: t.lastUpdatedOn
  })

  return {
    kind: 'acr',
    registry: options.registry,
    get requests() {
      return requests
    },
    async *listTagsNewestFirst(repository): AsyncIterable<TagListing> {
      const pages = (await sdk())
        .getArtifact(repository, 'latest')
        .listTagProperties({ order: 'LastUpdatedOnDescending' })
        .byPage({ maxPageSize: pageSize })
      let page = 0
      while (true) {
        requests += 1
        let result: IteratorResult<ArtifactTagProperties[]>
        try {
          result = await pages.next()
        } catch (error) {
          throw wrapAcrError(
            error,
            options.registry,
            `listing tags of ${repository}`
          )
        }
        if (result.done) return
        page += 1
        options.log.debug(
          `ACR ${options.registry}/${repository}: page ${page} of tags (newest first), ${result.value.length} tags`
        )
        for (const t of result.value) yield toTag(t)
      }
    },
    async describe(repository, ref) {
      requests += 1
      try {
        if ('tag' in ref) {
          const t = await (
            await sdk()
          )
            .getArtifact(repository, ref.tag)
            .getTagProperties(ref.tag)
          return toTag(t)
        }
        const m = await (
          await sdk()
        )
          .getArtifact(repository, ref.digest)
          .getManifestProperties()
        return {
          tag: m.tags[0] ?? '',
          digest: m.digest,
          lastUpdatedOn: m.lastUpdatedOn
        }
      } catch (error) {
        if (
          statusOf(error) === 404 &&
          !/NAME_UNKNOWN/.test(String((error as Error).message))
        ) {
          return undefined
        }
        throw wrapAcrError(
          error,
          options.registry,
          `reading ${repository}${'tag' in ref ? `:${ref.tag}` : `@${ref.digest}`}`
        )
      }
    }
  }
}
