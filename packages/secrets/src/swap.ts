import type { SecretClient } from '@azure/keyvault-secrets'
import type { Logger } from '@rollback-actions/action-kit'
import {
  putGitHubEnvironmentSecret,
  type GitHubSecretTarget
} from './github-secret.js'
import { swapBackKeyVaultSecret, swapKeyVaultSecret } from './key-vault.js'
import {
  swapBackKubernetesSecret,
  swapKubernetesSecret,
  type KubernetesSecretTarget
} from './kubernetes-secret.js'

/** Where the connection string lives: the three targets secret-swap writes. */
export type SwapTarget =
  | { kind: 'key-vault'; client: SecretClient; name: string }
  | { kind: 'kubernetes-secret'; secret: KubernetesSecretTarget }
  | {
      kind: 'github-environment-secret'
      secret: GitHubSecretTarget
    }

/** What a swap wrote, in words fit for the summary and the audit record (versions and keys, never values). */
export interface SwapOutcome {
  /** The secret, e.g. `Secret prod/db key url`. */
  where: string
  /** Where the replaced value is kept (Key Vault version, Secret key); '' when nowhere or not readable. */
  previous: string
  /** What is current now (Key Vault version, Secret key); '' for GitHub. */
  current: string
  /** Whether anything was written. */
  changed: boolean
  /** The audit record's `from` (null when the secret did not exist) and `to`. */
  from: string | null
  to: string
}

/**
 * Swaps (`swap`) or swaps back (`swap-back`) one connection secret, dispatching on the target kind: Key Vault
 * ({@link swapKeyVaultSecret}/{@link swapBackKeyVaultSecret}), Kubernetes Secret ({@link swapKubernetesSecret}/
 * {@link swapBackKubernetesSecret}), GitHub environment secret ({@link putGitHubEnvironmentSecret}; GitHub never
 * returns values, so swap-back writes `value`, the original connection string).
 *
 * @param value the connection string to write (already masked); unused for Key Vault and Kubernetes swap-back.
 * @throws what the target's functions throw (ConfigurationError, OperationError).
 */
export async function applySwap(
  target: SwapTarget,
  mode: 'swap' | 'swap-back',
  value: string,
  log: Logger
): Promise<SwapOutcome> {
  if (target.kind === 'key-vault') {
    const where = `Key Vault secret ${target.name}`
    let r: Awaited<ReturnType<typeof swapKeyVaultSecret>>
    if (mode === 'swap') {
      r = await swapKeyVaultSecret(target.client, target.name, value, log)
    } else {
      const back = await swapBackKeyVaultSecret(target.client, target.name, log)
      log.info(
        `${where}: value of version ${back.restoredVersion} is current again (as version ${back.currentVersion})`
      )
      r = back
    }
    return {
      where,
      previous: r.previousVersion ?? '',
      current: r.currentVersion,
      changed: r.changed,
      from: r.previousVersion ? `version ${r.previousVersion}` : null,
      to: `version ${r.currentVersion}`
    }
  }
  if (target.kind === 'kubernetes-secret') {
    const s = target.secret
    const where = `Secret ${s.namespace}/${s.name} key ${s.key}`
    const r =
      mode === 'swap'
        ? await swapKubernetesSecret(s, value, log)
        : await swapBackKubernetesSecret(s, log)
    return {
      where,
      previous: r.previousKey ?? '',
      current: s.key,
      changed: r.changed,
      from: r.created
        ? null
        : `previous value (kept in ${r.previousKey ?? '—'})`,
      to:
        mode === 'swap' ? 'new connection string' : 'previous connection string'
    }
  }
  const s = target.secret
  const where = `GitHub secret ${s.name} (${s.repository}, environment ${s.environment})`
  const r = await putGitHubEnvironmentSecret(s, value, log)
  return {
    where,
    previous: '',
    current: '',
    changed: true,
    from: r.created ? null : 'previous value (not readable)',
    to: 'sealed connection string'
  }
}
