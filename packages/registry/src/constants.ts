/** Shared names of the registry package. */
export const REGISTRY = {
  /** ACR page size asked for with `n` (ACR answers at most 100 tags per page by default). */
  acrPageSize: 100,
  /** AAD audience of the ACR data plane (`KnownContainerRegistryAudience.AzureResourceManagerPublicCloud` is ARM). */
  acrAudience: 'https://containerregistry.azure.net',
  /** Host suffixes of Azure Container Registry login servers (public, China, US Government clouds). */
  acrHostSuffixes: ['.azurecr.io', '.azurecr.cn', '.azurecr.us'],
  /** Manifest media types a generic OCI client accepts. */
  manifestAccept: [
    'application/vnd.oci.image.manifest.v1+json',
    'application/vnd.oci.image.index.v1+json',
    'application/vnd.docker.distribution.manifest.v2+json',
    'application/vnd.docker.distribution.manifest.list.v2+json'
  ].join(', '),
  /** Parallel manifest/config fetches against a generic OCI registry. */
  ociConcurrency: 4,
  /** Guard against registries whose `Link` headers loop. */
  maxPages: 10_000
} as const
