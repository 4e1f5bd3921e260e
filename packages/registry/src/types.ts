import type { Logger } from '@rollback-actions/action-kit'

/** One tag as a registry reports it. */
export interface RegistryTag {
  tag: string
  /** `sha256:<hex>` of the manifest (or index) the tag points at. */
  digest: string
  /**
   * When the registry last updated the tag (ACR: `lastUpdateTime`, i.e. push time), or, for generic OCI
   * registries, the image's build time (config `created`). UTC.
   */
  lastUpdatedOn: Date
}

/** A tag from a listing; digest and time are absent when the client was told it need not fetch them. */
export interface TagListing {
  tag: string
  digest?: string
  lastUpdatedOn?: Date
}

/** One image looked up by tag or digest (`tag` is '' when looked up by an untagged digest). */
export interface DescribedImage {
  tag: string
  digest: string
  lastUpdatedOn?: Date
}

/** The image that runs now: a tag, a digest, or both (the digest wins when both are known). */
export interface CurrentImage {
  tag?: string
  digest?: string
}

/** Reads tags of one registry. Implementations: ACR (`/acr/v1`, time-ordered) and generic OCI (`/v2`). */
export interface RegistryClient {
  readonly kind: 'acr' | 'oci'
  /** `host[:port]` as written in image references. */
  readonly registry: string
  /**
   * Tags of `repository`, newest first by {@link RegistryTag.lastUpdatedOn}, fetched lazily: stop iterating
   * and no further page is requested. `needsDetails(tag)` says which tags must carry digest and time (OCI
   * registries must fetch manifest and config per tag for them; ACR always has both). Tags without details
   * come after the others.
   * @throws ConfigurationError when the repository does not exist or access is denied.
   */
  listTagsNewestFirst(
    repository: string,
    needsDetails: (tag: string) => boolean
  ): AsyncIterable<TagListing>
  /**
   * Digest and time of one image, by tag or digest.
   * @returns undefined when the registry does not know it; `lastUpdatedOn` is absent when an OCI image has no
   *   creation time.
   */
  describe(
    repository: string,
    ref: { tag: string } | { digest: string }
  ): Promise<DescribedImage | undefined>
  /** Registry API calls made so far (pages, tags, manifests, blobs), not counting the auth handshake. */
  readonly requests: number
}

/** Options every client factory takes. */
export interface ClientCommonOptions {
  log: Logger
}
