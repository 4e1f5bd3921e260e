import type { TokenCredential } from '@azure/core-auth'
import { SecretClient } from '@azure/keyvault-secrets'
import {
  ConfigurationError,
  DEFAULT_RETRY_POLICY,
  OperationError,
  silentLogger,
  type Logger,
  type RetryPolicy
} from '@rollback-actions/action-kit'
import { azurePipelineOptions } from '@rollback-actions/azure'
import { SWAP } from './constants.js'
import { isLoopback, type KeyVaultReference } from './names.js'

/**
 * A `SecretClient` for one vault. Challenge-resource verification stays on, except for loopback vault URLs
 * (emulators), whose host can never match the `vault.azure.net` challenge resource. `transport` sets the retry
 * numbers and per-try timeout (default the kit's policy, retries not logged).
 */
export function createKeyVaultClient(
  vaultUrl: string,
  credential: TokenCredential,
  caPem?: string,
  transport?: { policy: RetryPolicy; log: Logger }
): SecretClient {
  const host = new URL(vaultUrl).hostname
  return new SecretClient(vaultUrl, credential, {
    // The SDK's own retries with the kit's numbers, and a timeout on every try (docs/reliability.md).
    ...azurePipelineOptions(
      transport?.policy ?? DEFAULT_RETRY_POLICY,
      transport?.log ?? silentLogger,
      'Key Vault'
    ),
    ...(isLoopback(host) ? { disableChallengeResourceVerification: true } : {}),
    ...(caPem ? { tlsOptions: { ca: caPem } } : {})
  })
}

interface RestErrorLike {
  statusCode?: number
  code?: string
  message?: string
  details?: unknown
}

/** Key Vault's inner error code (`SecretDisabled`, `ForbiddenByRbac`, ...) from a RestError's parsed body. */
function innerCode(e: RestErrorLike): string | undefined {
  const error = (e.details as { error?: Record<string, unknown> } | undefined)
    ?.error
  const inner = (error?.innerError ?? error?.innererror) as
    { code?: unknown } | undefined
  return typeof inner?.code === 'string' ? inner.code : undefined
}

function failure(what: string, error: unknown): Error {
  const e = (error ?? {}) as RestErrorLike
  if (
    e.statusCode === 403 &&
    (innerCode(e) === 'SecretDisabled' ||
      /not allowed on a disabled secret/i.test(e.message ?? ''))
  )
    return new ConfigurationError(
      `${what}: the secret version is disabled (HTTP 403 SecretDisabled); enable it (az keyvault secret set-attributes --enabled true) or reference an enabled version`,
      { cause: error }
    )
  if (e.statusCode === 403)
    return new ConfigurationError(
      `${what}: the identity lacks a Key Vault role for this (HTTP 403${e.code ? ` ${e.code}` : ''}${innerCode(e) ? `/${innerCode(e)}` : ''}); assign it "Key Vault Secrets Officer" (or "Key Vault Secrets User" to read) on the vault, or grant get/set/list secret permissions under an access policy`,
      { cause: error }
    )
  if (e.statusCode === 401)
    return new ConfigurationError(
      `${what}: Key Vault did not accept the token (HTTP 401${e.code ? ` ${e.code}` : ''}); check client-id and tenant-id, and that the vault belongs to that tenant`,
      { cause: error }
    )
  if (e.statusCode === 404)
    return new ConfigurationError(
      `${what}: not found in the vault (HTTP 404${e.code ? ` ${e.code}` : ''}); check the vault URL and secret name`,
      { cause: error }
    )
  return new OperationError(
    `${what} failed (${e.statusCode ? `HTTP ${e.statusCode}` : 'no response'}${e.code ? ` ${e.code}` : ''})`,
    { cause: error }
  )
}

/**
 * Reads a secret value (e.g. the database password from a Key Vault reference). Registers it with the
 * masker before returning it.
 * @throws ConfigurationError (missing secret, refused credentials), OperationError.
 */
export async function readKeyVaultSecret(
  client: SecretClient,
  ref: Pick<KeyVaultReference, 'name' | 'version'>,
  log: Logger
): Promise<string> {
  try {
    const secret = await client.getSecret(
      ref.name,
      ref.version ? { version: ref.version } : {}
    )
    if (secret.value === undefined)
      throw new ConfigurationError(
        `Key Vault secret "${ref.name}" has no value`
      )
    log.secret(secret.value)
    return secret.value
  } catch (error) {
    if (error instanceof ConfigurationError) throw error
    throw failure(`reading Key Vault secret "${ref.name}"`, error)
  }
}

/** What a Key Vault write did (versions, never values). */
export interface KeyVaultSwapResult {
  /** Version that was current before (kept: Key Vault never overwrites a version); undefined if the secret was new. */
  previousVersion?: string
  /** Version current after the call. */
  currentVersion: string
  /** False when the current value already was the wanted one (no new version written). */
  changed: boolean
}

async function currentSecret(client: SecretClient, name: string) {
  try {
    return await client.getSecret(name)
  } catch (error) {
    if ((error as RestErrorLike).statusCode === 404) return undefined
    throw failure(`reading Key Vault secret "${name}"`, error)
  }
}

/**
 * Writes `value` as a new version of secret `name` (Key Vault keeps every earlier version), tagged with the
 * version {@link swapBackKeyVaultSecret} must return to: the version it replaces, or, when that version was itself
 * written by a swap still in effect (it carries the tag and is not a swap-back), the pre-incident version that one
 * names, so a second swap never makes swap-back land on an intermediate server. Writes nothing when the current
 * value is already `value`.
 * @see https://learn.microsoft.com/rest/api/keyvault/secrets/set-secret
 */
export async function swapKeyVaultSecret(
  client: SecretClient,
  name: string,
  value: string,
  log: Logger
): Promise<KeyVaultSwapResult> {
  const current = await currentSecret(client, name)
  const previousVersion = current?.properties.version
  if (current?.value === value && previousVersion)
    return {
      previousVersion: current.properties.tags?.[SWAP.previousVersionTag],
      currentVersion: previousVersion,
      changed: false
    }
  const tags = current?.properties.tags ?? {}
  const inEffect =
    tags[SWAP.previousVersionTag] !== undefined &&
    tags[SWAP.swappedBackTag] !== 'true'
  const returnTo = inEffect
    ? (tags[SWAP.previousVersionTag] ?? 'none')
    : (previousVersion ?? 'none')
  if (inEffect)
    log.info(
      `Key Vault secret "${name}": a swap is already in effect; swap-back will still return to version ${returnTo}`
    )
  log.debug(`Key Vault: set secret "${name}" (new version)`)
  try {
    const written = await client.setSecret(name, value, {
      tags: { [SWAP.previousVersionTag]: returnTo },
      contentType: 'application/x-postgresql-connection-string'
    })
    return {
      ...(previousVersion ? { previousVersion } : {}),
      currentVersion: written.properties.version ?? '',
      changed: true
    }
  } catch (error) {
    throw failure(`writing Key Vault secret "${name}"`, error)
  }
}

/**
 * Swap-back: writes the value of the version the current one replaced (its `rollback-actions-previous-version`
 * tag) as a new version, tagged with the version it replaces in turn and `rollback-actions-swapped-back`.
 * Idempotent: when the current version was itself written by swap-back (a re-run after the restart failed), nothing
 * is written.
 * @throws ConfigurationError when the current version was not written by secret-swap (no tag) or the secret is missing.
 */
export async function swapBackKeyVaultSecret(
  client: SecretClient,
  name: string,
  log: Logger
): Promise<KeyVaultSwapResult & { restoredVersion: string }> {
  const current = await currentSecret(client, name)
  if (!current?.properties.version)
    throw new ConfigurationError(
      `Key Vault secret "${name}" does not exist: nothing to swap back`
    )
  const previous = current.properties.tags?.[SWAP.previousVersionTag]
  if (current.properties.tags?.[SWAP.swappedBackTag] === 'true' && previous)
    return {
      previousVersion: previous,
      currentVersion: current.properties.version,
      restoredVersion: current.properties.version,
      changed: false
    }
  if (!previous || previous === 'none')
    throw new ConfigurationError(
      `the current version of Key Vault secret "${name}" was not written by secret-swap over an earlier version (no ${SWAP.previousVersionTag} tag): nothing to swap back; pick the version in the portal`
    )
  let old: string
  try {
    const secret = await client.getSecret(name, { version: previous })
    old = secret.value ?? ''
    log.secret(old)
  } catch (error) {
    throw failure(
      `reading version ${previous} of Key Vault secret "${name}"`,
      error
    )
  }
  try {
    const written = await client.setSecret(name, old, {
      tags: {
        [SWAP.previousVersionTag]: current.properties.version,
        [SWAP.swappedBackTag]: 'true'
      },
      contentType: 'application/x-postgresql-connection-string'
    })
    return {
      previousVersion: current.properties.version,
      currentVersion: written.properties.version ?? '',
      restoredVersion: previous,
      changed: true
    }
  } catch (error) {
    throw failure(`writing Key Vault secret "${name}"`, error)
  }
}
