import {
  ConfigurationError,
  InputError,
  type ImageReference
} from '@rollback-actions/action-kit'
import type { RegistryClient } from './types.js'

/** An image reference checked against its registry: the manifest it names exists, and this is its digest. */
export interface ResolvedImage {
  /** The reference as given (`registry/repository[:tag][@digest]`). */
  reference: string
  repository: string
  tag?: string
  /** `sha256:<hex>` of the manifest (or index) the reference names in the registry. */
  digest: string
}

/**
 * Resolves an image reference in its registry before anything is written: the tag must exist, the digest must exist,
 * and when the reference names both (`repo:v1.1.0@sha256:…`) the tag must point at that digest — otherwise the
 * runtime would pull the digest (another image) while every notice named the tag.
 * @param client a client for the reference's registry (see `createRegistryClient`).
 * @param input the input that named the image, for errors (`image`).
 * @throws InputError (`input`) when tag and digest disagree (naming both digests); ConfigurationError when the
 *   registry has no such tag or digest (nothing was changed), or access is denied.
 */
export async function resolveImage(
  client: RegistryClient,
  ref: ImageReference,
  input = 'image'
): Promise<ResolvedImage> {
  const where = `${client.registry}/${ref.repository}`
  if (!ref.tag && !ref.digest) {
    throw new InputError(
      input,
      `"${ref.reference}" names neither a tag nor a digest; write repository:tag or repository@sha256:digest`
    )
  }
  let digest = ref.digest
  if (ref.digest) {
    const found = await client.describe(ref.repository, { digest: ref.digest })
    if (!found) {
      throw new ConfigurationError(
        `${where} has no manifest ${ref.digest} (input "${input}" ${ref.reference}): the pods could not pull it, so nothing was changed. Check the digest (discover-tag outputs it) or push the image`
      )
    }
  }
  if (ref.tag) {
    const tagged = await client.describe(ref.repository, { tag: ref.tag })
    if (!tagged) {
      throw new ConfigurationError(
        `${where} has no tag ${ref.tag} (input "${input}" ${ref.reference}): the pods could not pull it, so nothing was changed. Check the tag or push the image`
      )
    }
    if (ref.digest && tagged.digest !== ref.digest) {
      throw new InputError(
        input,
        `"${ref.reference}" names tag ${ref.tag} and digest ${ref.digest}, but ${where}:${ref.tag} is ${tagged.digest}: the runtime would run the digest, not the tag it names. Give the tag alone, or the tag with its own digest`
      )
    }
    digest = tagged.digest
  }
  return {
    reference: ref.reference,
    repository: ref.repository,
    ...(ref.tag ? { tag: ref.tag } : {}),
    digest: digest ?? ''
  }
}

/**
 * Checks that a reference naming both a tag and a digest is consistent: when the registry has the tag, it must point at
 * that digest. A tag the registry no longer has is left to the caller (the digest alone identifies the image).
 * @param input the input that named the reference (`current-image`), for the error.
 * @throws InputError (`input`) naming both digests when they disagree; ConfigurationError when access is denied.
 */
export async function assertTagMatchesDigest(
  client: RegistryClient,
  ref: { repository: string; tag: string; digest: string; reference: string },
  input: string
): Promise<void> {
  const tagged = await client.describe(ref.repository, { tag: ref.tag })
  if (tagged && tagged.digest !== ref.digest) {
    throw new InputError(
      input,
      `"${ref.reference}" names tag ${ref.tag} and digest ${ref.digest}, but ${client.registry}/${ref.repository}:${ref.tag} is ${tagged.digest}: they are different images. Give the tag alone, the digest alone, or the tag with its own digest`
    )
  }
}
