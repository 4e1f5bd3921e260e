import { InputError } from '@rollback-actions/action-kit'

/** Key Vault secret names: 1–127 letters, digits and hyphens. */
export const KEY_VAULT_SECRET_NAME = /^[0-9a-zA-Z-]{1,127}$/
/** Kubernetes Secret data keys: `[-._a-zA-Z0-9]+`, at most 253. */
export const KUBERNETES_SECRET_KEY = /^[-._a-zA-Z0-9]{1,253}$/
/** GitHub Actions secret names: letters, digits, underscores, not starting with a digit or `GITHUB_`. */
export const GITHUB_SECRET_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

/** @throws InputError naming `input` unless `name` is a valid Key Vault secret name. */
export function checkKeyVaultSecretName(name: string, input: string): void {
  if (!KEY_VAULT_SECRET_NAME.test(name))
    throw new InputError(
      input,
      `"${name}" is not a valid Key Vault secret name: use 1-127 letters, digits and hyphens`
    )
}

/**
 * Checks a Key Vault URL: `https://<vault>.vault.azure.net` (or another cloud's vault DNS suffix, or a loopback
 * emulator), no path.
 * @returns the URL without trailing slash. @throws InputError naming `input`.
 */
export function checkKeyVaultUrl(value: string, input: string): string {
  let url: URL
  try {
    url = new URL(value.trim())
  } catch {
    throw new InputError(
      input,
      `"${value}" is not a URL; use https://<vault-name>.vault.azure.net`
    )
  }
  if (
    url.protocol !== 'https:' ||
    (url.pathname !== '/' && url.pathname !== '') ||
    url.search
  )
    throw new InputError(
      input,
      `"${value}" must be https://<vault-name>.vault.azure.net without a path`
    )
  const vault = url.hostname.split('.')[0] ?? ''
  if (
    !isLoopback(url.hostname) &&
    !/^[a-zA-Z][a-zA-Z0-9-]{1,22}[a-zA-Z0-9]$/.test(vault)
  )
    throw new InputError(
      input,
      `"${vault}" is not a valid vault name (3-24 letters, digits and hyphens, starting with a letter)`
    )
  return `${url.protocol}//${url.host}`
}

/** A Key Vault secret reference: `https://<vault>/secrets/<name>[/<version>]` or `@Microsoft.KeyVault(SecretUri=…)`. */
export interface KeyVaultReference {
  vaultUrl: string
  name: string
  version?: string
}

/** Parses a Key Vault secret reference. @throws InputError naming `input`. */
export function parseKeyVaultReference(
  value: string,
  input: string
): KeyVaultReference {
  const v = value.trim()
  const inner = /^@Microsoft\.KeyVault\(SecretUri=(.+)\)$/i.exec(v)?.[1] ?? v
  let url: URL
  try {
    url = new URL(inner)
  } catch {
    throw new InputError(
      input,
      'is not a Key Vault secret URI; use https://<vault>.vault.azure.net/secrets/<name>[/<version>]'
    )
  }
  const parts = url.pathname.split('/').filter(Boolean)
  if (parts[0] !== 'secrets' || parts.length < 2 || parts.length > 3)
    throw new InputError(
      input,
      'is not a Key Vault secret URI; use https://<vault>.vault.azure.net/secrets/<name>[/<version>]'
    )
  const vaultUrl = checkKeyVaultUrl(`${url.protocol}//${url.host}`, input)
  const name = parts[1] ?? ''
  checkKeyVaultSecretName(name, input)
  return { vaultUrl, name, ...(parts[2] ? { version: parts[2] } : {}) }
}

/** Longest key secret-swap accepts: the key plus its longest suffix (`.swapped-out`) must fit Kubernetes' 253. */
export const KUBERNETES_SECRET_KEY_MAX = 253 - '.swapped-out'.length

/**
 * Checks a Kubernetes Secret data key as the API server does (`IsConfigMapKey`: `[-._a-zA-Z0-9]+`, not `.` or
 * `..`, at most 253), with room for the `.previous` and `.swapped-out` keys secret-swap writes beside it.
 * @throws InputError naming `input` and the rule broken.
 */
export function checkKubernetesSecretKey(key: string, input: string): void {
  if (key === '.' || key === '..')
    throw new InputError(
      input,
      `"${key}" is not a valid Secret key: Kubernetes forbids "." and ".."`
    )
  if (!KUBERNETES_SECRET_KEY.test(key))
    throw new InputError(
      input,
      `"${key.slice(0, 64)}" is not a valid Secret key: use letters, digits, "-", "_" and "."`
    )
  if (key.length > KUBERNETES_SECRET_KEY_MAX)
    throw new InputError(
      input,
      `is ${key.length} characters long: at most ${KUBERNETES_SECRET_KEY_MAX}, so that "<key>.swapped-out" fits Kubernetes' 253`
    )
}

/** @throws InputError naming `input` unless `name` is a valid GitHub Actions secret name. */
export function checkGitHubSecretName(name: string, input: string): void {
  if (!GITHUB_SECRET_NAME.test(name) || /^GITHUB_/i.test(name))
    throw new InputError(
      input,
      `"${name}" is not a valid GitHub secret name: letters, digits and underscores, not starting with a digit or GITHUB_`
    )
}

/** Whether a host name is loopback (an emulator). */
export function isLoopback(hostname: string): boolean {
  return (
    hostname === 'localhost' ||
    hostname === '[::1]' ||
    /^127\.\d+\.\d+\.\d+$/.test(hostname)
  )
}
