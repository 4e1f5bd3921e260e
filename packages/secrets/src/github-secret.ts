import type { Octokit } from '@octokit/rest'
import sodium from 'libsodium-wrappers'
import {
  ConfigurationError,
  OperationError,
  type Logger
} from '@rollback-actions/action-kit'

export interface GitHubSecretTarget {
  octokit: Octokit
  /** `owner/name`. */
  repository: string
  environment: string
  /** Secret name, e.g. `DATABASE_URL`. */
  name: string
}

/**
 * Encrypts `value` for a GitHub public key with a libsodium sealed box (`crypto_box_seal`), base64 (original
 * alphabet, padded) in and out, as https://docs.github.com/rest/guides/encrypting-secrets-for-the-rest-api says.
 */
export async function sealForGitHub(
  value: string,
  publicKeyBase64: string
): Promise<string> {
  await sodium.ready
  const key = sodium.from_base64(
    publicKeyBase64,
    sodium.base64_variants.ORIGINAL
  )
  const sealed = sodium.crypto_box_seal(sodium.from_string(value), key)
  return sodium.to_base64(sealed, sodium.base64_variants.ORIGINAL)
}

function failure(what: string, error: unknown): Error {
  const status = (error as { status?: number }).status
  if (status === 401 || status === 403)
    return new ConfigurationError(
      `${what}: GitHub refused the token (HTTP ${status}); input "github-token" needs "secrets: write" on the repository (a fine-grained PAT or GitHub App token; GITHUB_TOKEN cannot write secrets)`,
      { cause: error }
    )
  if (status === 404)
    return new ConfigurationError(
      `${what}: repository or environment not found (HTTP 404); check inputs "repository" and "environment"`,
      { cause: error }
    )
  return new OperationError(
    `${what} failed on the GitHub API (${status ? `HTTP ${status}` : 'no response'}) after the retries; re-run the step: writing the secret again is harmless`,
    { cause: error }
  )
}

/**
 * Writes an environment secret: GET the environment's public key, seal the value, PUT
 * `{encrypted_value, key_id}` (github-api.md §2). GitHub never returns secret values, so nothing can be read back.
 * @returns whether the secret was created (201) rather than updated (204).
 */
export async function putGitHubEnvironmentSecret(
  target: GitHubSecretTarget,
  value: string,
  log: Logger
): Promise<{ created: boolean }> {
  const [owner = '', repo = ''] = target.repository.split('/')
  const where = `environment secret ${target.name} of ${target.repository} (${target.environment})`
  let key: { key_id: string; key: string }
  try {
    const res = await target.octokit.rest.actions.getEnvironmentPublicKey({
      owner,
      repo,
      environment_name: target.environment
    })
    key = res.data
  } catch (error) {
    throw failure(`reading the public key for ${where}`, error)
  }
  const encrypted = await sealForGitHub(value, key.key)
  log.debug(`PUT ${where} (sealed with key ${key.key_id})`)
  try {
    const res =
      await target.octokit.rest.actions.createOrUpdateEnvironmentSecret({
        owner,
        repo,
        environment_name: target.environment,
        secret_name: target.name,
        encrypted_value: encrypted,
        key_id: key.key_id
      })
    return { created: res.status === 201 }
  } catch (error) {
    throw failure(`writing ${where}`, error)
  }
}
