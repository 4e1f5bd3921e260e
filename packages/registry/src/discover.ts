import {
  compileLinearPattern,
  ConfigurationError,
  type Logger
} from '@rollback-actions/action-kit'
import type {
  CurrentImage,
  DescribedImage,
  RegistryClient,
  TagListing
} from './types.js'

/** Why a tag was or was not chosen; `skipped: <why>` in plain words. */
export type Verdict = 'chosen' | `skipped: ${string}`

/** One tag weighed by {@link discoverPreviousTag}, in the order it was weighed (newest first). */
export interface Candidate {
  tag: string
  /** Absent when the tag was ruled out by name alone (a generic OCI registry is then not asked for it). */
  digest?: string
  lastUpdatedOn?: Date
  verdict: Verdict
}

export interface DiscoverOptions {
  client: RegistryClient
  repository: string
  /** The image running now (tag, digest or both; the digest identifies it when given). */
  current: CurrentImage
  /**
   * Tags eligible for rollback: a RegExp or a `LinearPattern` (its `source` and `flags` are compiled with RE2, so
   * matching is linear in the tag; `i`, `m`, `s` are kept). Anchor it (`^…$`).
   */
  tagPattern: { readonly source: string; readonly flags: string }
  /** Exact tag names never chosen (e.g. a release known to be bad). */
  excludeTags: readonly string[]
  /** When set, no search: this tag is only checked to exist. */
  explicitTag?: string
  log: Logger
}

export interface DiscoveryResult {
  tag: string
  /** `sha256:<hex>` the chosen tag points at: deploy by digest, tags can move. */
  digest: string
  /** The registry's time for the tag (UTC); absent only for an explicit tag without a creation time. */
  lastUpdatedOn: Date | undefined
  candidates: Candidate[]
  /** Registry API calls made (pages and lookups), not counting the auth handshake. */
  requests: number
}

/** A ConfigurationError raised after tags were weighed; `candidates` lets the caller still report them. */
export class TagDiscoveryError extends ConfigurationError {
  constructor(
    message: string,
    readonly candidates: Candidate[]
  ) {
    super(message)
  }
}

function describeCurrent(current: CurrentImage): string {
  return `${current.tag ? `:${current.tag}` : ''}${current.digest ? `@${current.digest}` : ''}`
}

/**
 * Finds the tag to roll back to: the newest tag, by the registry's last-updated time, that matches
 * `tagPattern`, is not in `excludeTags`, is strictly older than the running image, and does not point at the
 * running digest. Tags are read newest first and lazily (ACR sorts server-side with `orderby=timedesc`; the
 * search stops at the first fit, so a 10,000-tag repository normally costs one page). The running image's
 * time and digest come from the listing when it appears there before the first eligible tag, otherwise from
 * one lookup.
 *
 * With `explicitTag`, nothing is searched: the tag must exist (a warning is logged when it is the running
 * digest, since rolling back to it changes nothing).
 *
 * @throws ConfigurationError when `current` names neither tag nor digest, the running image is not in the
 *   repository, or the explicit tag does not exist; {@link TagDiscoveryError} (a ConfigurationError) when no
 *   tag qualifies; errors of the client (ConfigurationError for access/repository problems, OperationError).
 */
export async function discoverPreviousTag(
  options: DiscoverOptions
): Promise<DiscoveryResult> {
  const { client, repository, current, log } = options
  const where = `${client.registry}/${repository}`
  if (options.explicitTag !== undefined) {
    const found = await client.describe(repository, {
      tag: options.explicitTag
    })
    if (!found) {
      throw new ConfigurationError(
        `tag "${options.explicitTag}" does not exist in ${where}: check the tag name (tags are case-sensitive), or leave it empty to pick the previous tag automatically`
      )
    }
    if (current.digest !== undefined && found.digest === current.digest) {
      log.warning(
        `${options.explicitTag} points at the running digest ${current.digest}: rolling back to it changes nothing`,
        'Same image as running'
      )
    }
    log.info(`Using the requested tag ${options.explicitTag} (${found.digest})`)
    return {
      tag: options.explicitTag,
      digest: found.digest,
      lastUpdatedOn: found.lastUpdatedOn,
      candidates: [
        {
          tag: options.explicitTag,
          digest: found.digest,
          ...(found.lastUpdatedOn
            ? { lastUpdatedOn: found.lastUpdatedOn }
            : {}),
          verdict: 'chosen'
        }
      ],
      requests: client.requests
    }
  }

  if (!current.tag && !current.digest) {
    throw new ConfigurationError(
      'the running image has neither tag nor digest: cannot tell which tags are older; give the running image as repository:tag or repository@sha256:…, or set an explicit tag'
    )
  }
  // RE2: linear-time matching whatever the pattern (a RegExp given by a caller is recompiled, never run by V8).
  const pattern = compileLinearPattern(
    options.tagPattern.source,
    options.tagPattern.flags
  )
  const excluded = new Set(options.excludeTags)
  const eligibleByName = (tag: string) =>
    pattern.test(tag) && !excluded.has(tag)
  const isRunning = (t: TagListing) =>
    current.digest !== undefined
      ? t.digest === current.digest
      : t.tag === current.tag
  let running: { digest: string; time: Date } | undefined
  const ensureRunning = async () => {
    if (running) return running
    const ref =
      current.digest !== undefined
        ? { digest: current.digest }
        : { tag: current.tag ?? '' }
    const found: DescribedImage | undefined = await client.describe(
      repository,
      ref
    )
    if (!found) {
      throw new ConfigurationError(
        `the running image ${where}${describeCurrent(current)} is not in the registry: cannot tell which tags are older; check the registry and repository inputs, or set an explicit tag`
      )
    }
    if (!found.lastUpdatedOn) {
      throw new ConfigurationError(
        `the running image ${where}${describeCurrent(current)} has no creation time in its config: cannot order tags against it; set an explicit tag`
      )
    }
    running = { digest: found.digest, time: found.lastUpdatedOn }
    return running
  }

  log.info(
    `Looking for the tag before ${where}${describeCurrent(current)} matching /${pattern.source}/${pattern.flags}`
  )
  const candidates: Candidate[] = []
  const weigh = (t: TagListing, verdict: Verdict) => {
    candidates.push({
      tag: t.tag,
      ...(t.digest ? { digest: t.digest } : {}),
      ...(t.lastUpdatedOn ? { lastUpdatedOn: t.lastUpdatedOn } : {}),
      verdict
    })
    log.debug(
      `${t.tag} ${t.digest ?? ''} ${t.lastUpdatedOn?.toISOString() ?? ''}: ${verdict}`
    )
  }

  let chosen: (TagListing & { digest: string; lastUpdatedOn: Date }) | undefined
  for await (const t of client.listTagsNewestFirst(
    repository,
    (tag) => tag === current.tag || eligibleByName(tag)
  )) {
    if (isRunning(t)) {
      if (!running && t.digest && t.lastUpdatedOn) {
        running = { digest: t.digest, time: t.lastUpdatedOn }
      }
      weigh(t, 'skipped: the running image')
      continue
    }
    if (!pattern.test(t.tag)) {
      weigh(t, 'skipped: does not match the tag pattern')
      continue
    }
    if (excluded.has(t.tag)) {
      weigh(t, 'skipped: listed in the excluded tags')
      continue
    }
    if (!t.digest || !t.lastUpdatedOn) {
      weigh(t, 'skipped: no creation time in the image config')
      continue
    }
    const r = await ensureRunning()
    if (t.digest === r.digest) {
      weigh(t, 'skipped: points at the running digest')
    } else if (t.lastUpdatedOn > r.time) {
      weigh(t, 'skipped: newer than the running image')
    } else if (t.lastUpdatedOn.getTime() === r.time.getTime()) {
      weigh(t, 'skipped: same time as the running image')
    } else {
      weigh(t, 'chosen')
      chosen = { ...t, digest: t.digest, lastUpdatedOn: t.lastUpdatedOn }
      break
    }
  }

  if (!chosen) {
    if (!running) await ensureRunning()
    const count = (prefix: string) =>
      candidates.filter((c) => c.verdict.startsWith(prefix)).length
    const unmatched = candidates
      .filter((c) => c.verdict === 'skipped: does not match the tag pattern')
      .map((c) => c.tag)
    const parts = [
      `${count('skipped: newer')} newer`,
      `${count('skipped: points at the running digest') + count('skipped: the running image')} the running image`,
      `${count('skipped: listed in the excluded')} excluded`,
      `${unmatched.length} not matching${unmatched.length ? ` (e.g. ${unmatched.slice(0, 5).join(', ')})` : ''}`
    ]
    throw new TagDiscoveryError(
      `no tag of ${where} before the running image${describeCurrent(current)} matches /${pattern.source}/${pattern.flags}: saw ${candidates.length} tags (${parts.join(', ')}); push a release tag that matches, widen tag-pattern, or set an explicit tag`,
      candidates
    )
  }
  log.info(
    `Previous tag: ${chosen.tag} (${chosen.digest}, ${chosen.lastUpdatedOn.toISOString()}), after weighing ${candidates.length} tags`
  )
  return {
    tag: chosen.tag,
    digest: chosen.digest,
    lastUpdatedOn: chosen.lastUpdatedOn,
    candidates,
    requests: client.requests
  }
}
