/**
 * OCI / Docker image references, following the grammar of distribution/reference (`reference.go`):
 *   reference := name [ ":" tag ] [ "@" digest ]
 *   name      := [ domain "/" ] path-component ( "/" path-component )*
 *   tag       := [\w][\w.-]{0,127}
 *   digest    := algorithm ":" hex   (sha256: exactly 64 lowercase hex)
 * The first component is a registry (domain) when it contains "." or ":" or is "localhost", as Docker decides.
 */
export interface ImageReference {
  /** Registry host[:port], e.g. `myreg.azurecr.io`; undefined when the reference names none. */
  registry?: string
  /** Repository path, e.g. `warranty-hub/product-service`. */
  repository: string
  tag?: string
  /** `sha256:<64 hex>`. */
  digest?: string
  /** The normalised reference: `[registry/]repository[:tag][@digest]`. */
  reference: string
}

const domainComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])'
const domainName = `${domainComponent}(?:\\.${domainComponent})*`
const ipv6 = '\\[(?:[a-fA-F0-9:]+)\\]'
/** A registry `host[:port]` (the domain part of an image reference): no scheme, no path. */
export const REGISTRY_HOST_PATTERN = new RegExp(
  `^(?:${domainName}|${ipv6})(?::[0-9]{1,5})?$`
)
const domainRe = REGISTRY_HOST_PATTERN
const pathComponentRe = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/
/** OCI tag grammar. */
export const TAG_PATTERN = /^[\w][\w.-]{0,127}$/
const digestRe =
  /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/

/**
 * Parses an image reference.
 * @throws Error with a one-line explanation of the first rule broken (callers wrap it in an InputError).
 */
export function parseImageReference(text: string): ImageReference {
  const value = text.trim()
  if (value === '') throw new Error('is empty')
  if (/\s/.test(value)) throw new Error('contains white space')
  let rest = value
  let digest: string | undefined
  const at = rest.indexOf('@')
  if (at >= 0) {
    digest = rest.slice(at + 1)
    rest = rest.slice(0, at)
    if (!digestRe.test(digest))
      throw new Error(`digest "${digest}" is not algorithm:hex`)
    if (digest.startsWith('sha256:') && !/^sha256:[a-f0-9]{64}$/.test(digest))
      throw new Error(`sha256 digest must be 64 lowercase hex characters`)
  }
  let tag: string | undefined
  const lastSlash = rest.lastIndexOf('/')
  const colon = rest.lastIndexOf(':')
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1)
    rest = rest.slice(0, colon)
    if (!TAG_PATTERN.test(tag))
      throw new Error(
        `tag "${tag}" is not a valid tag (letters, digits, _ . -; at most 128; not starting with . or -)`
      )
  }
  const parts = rest.split('/')
  let registry: string | undefined
  const first = parts[0] ?? ''
  if (
    parts.length > 1 &&
    (first.includes('.') || first.includes(':') || first === 'localhost')
  ) {
    if (!domainRe.test(first))
      throw new Error(`registry "${first}" is not a valid host[:port]`)
    registry = first
    parts.shift()
  }
  if (parts.length === 0 || parts.some((p) => !pathComponentRe.test(p)))
    throw new Error(
      `repository "${parts.join('/')}" must be lowercase path components (a-z 0-9 and . _ - separators)`
    )
  const repository = parts.join('/')
  if ((registry ? registry.length + 1 : 0) + repository.length > 255)
    throw new Error('name is longer than 255 characters')
  return {
    registry,
    repository,
    tag,
    digest,
    reference: formatImageReference({ registry, repository, tag, digest })
  }
}

/** Formats `[registry/]repository[:tag][@digest]`. */
export function formatImageReference(ref: {
  registry?: string | undefined
  repository: string
  tag?: string | undefined
  digest?: string | undefined
}): string {
  return `${ref.registry ? `${ref.registry}/` : ''}${ref.repository}${ref.tag ? `:${ref.tag}` : ''}${ref.digest ? `@${ref.digest}` : ''}`
}
