import { randomBytes, randomUUID } from 'node:crypto'
import {
  startEntraEmulator,
  type EntraEmulator
} from '@rollback-actions/emulators'
import {
  startGitHubApiEmulator,
  type GitHubApiEmulator,
  type GitHubAppRegistration,
  type GitHubRepositoryDispatch
} from '@rollback-actions/emulators'
import {
  startKeyVaultEmulator,
  type KeyVaultEmulator
} from '@rollback-actions/emulators'
import {
  GITHUB_OIDC_ISSUER,
  startGitHubOidcEmulator,
  type GitHubOidcEmulator
} from '@rollback-actions/emulators'
import { loadScenario, type Scenario } from './scenario.js'
import { RequestLog } from '@rollback-actions/emulators'
import {
  createCertificateAuthority,
  type CertificateAuthority,
  type KeyPairPem
} from '@rollback-actions/emulators'
import {
  startPostgresArmEmulator,
  type ArmFault,
  type PostgresArmEmulator
} from '@rollback-actions/emulators'

/** The database services of a sandbox, started on an existing CA, request log and Entra emulator. */
export interface DatabaseServices {
  arm: PostgresArmEmulator
  keyVault: KeyVaultEmulator
  github: GitHubApiEmulator
  /** Token the GitHub REST emulator accepts (write access to `repository`). */
  githubToken: string
  /**
   * What sandbox.env gains: `AZURE_SUBSCRIPTION_ID`, `ROLLBACK_ARM_ENDPOINT`, `SANDBOX_KEY_VAULT_URL`,
   * `GITHUB_API_URL`, `SANDBOX_GITHUB_TOKEN`.
   */
  env: Record<string, string>
  /** Stops the GitHub, Key Vault and ARM emulators and every PostgreSQL cluster. */
  close(): Promise<void>
}

export interface StartDatabaseServicesOptions {
  tls: KeyPairPem
  /** The sandbox CA: issues each PostgreSQL server's certificate for `<server>.postgres.database.azure.com`. */
  ca: CertificateAuthority
  /**
   * Client ids holding Key Vault Secrets Officer on the vault (RBAC: others get 403 Forbidden). Omitted: every
   * caller Entra issues a token to may read and write secrets.
   */
  secretsOfficers?: string[]
  /** File the servers' `<ip> <host name>` lines are kept in (rewritten as servers come and go); none when omitted. */
  hostsFilePath?: string
  log: RequestLog
  entra: EntraEmulator
  /** The scenario's `database` section. */
  database: NonNullable<Scenario['database']>
  /** Repository and environments the GitHub REST emulator serves (environment secrets). */
  repository: string
  environments?: string[]
  /** Folder for the PostgreSQL clusters; a temporary one when omitted. */
  workDir?: string
  retryAfterSeconds?: number
  /** GitHub Apps the GitHub REST emulator issues installation tokens to (alert-relay). */
  githubApps?: GitHubAppRegistration[]
  /** Told of every repository_dispatch the GitHub REST emulator accepts. */
  onGitHubDispatch?: (dispatch: GitHubRepositoryDispatch) => void
}

/**
 * Starts the ARM emulator (with a real PostgreSQL 15 cluster per scenario server, seeded and base-backed-up), the
 * Key Vault secrets emulator and the GitHub REST emulator for environment secrets, all verifying tokens with
 * `entra` and recording into `log`.
 * @throws Error when PostgreSQL cannot start; whatever was started is stopped first.
 */
export async function startDatabaseServices(
  options: StartDatabaseServicesOptions
): Promise<DatabaseServices> {
  const db = options.database
  const githubToken = `ghs_${randomBytes(18).toString('base64url')}`
  const started: { close(): Promise<void> }[] = []
  try {
    const keyVault = await startKeyVaultEmulator({
      tls: options.tls,
      log: options.log,
      entra: options.entra,
      name: db.keyVault.name,
      ...(options.secretsOfficers
        ? {
            roleAssignments: options.secretsOfficers.map((principalId) => ({
              principalId,
              role: 'Key Vault Secrets Officer' as const
            }))
          }
        : {})
    })
    started.push(keyVault)
    const github = await startGitHubApiEmulator({
      log: options.log,
      tokens: { [githubToken]: 'sandbox-sre' },
      repositories: {
        [options.repository]: options.environments ?? ['production', 'staging']
      },
      ...(options.githubApps ? { apps: options.githubApps } : {}),
      ...(options.onGitHubDispatch
        ? { onDispatch: options.onGitHubDispatch }
        : {})
    })
    started.push(github)
    const arm = await startPostgresArmEmulator({
      tls: options.tls,
      ca: options.ca,
      ...(options.hostsFilePath
        ? { hostsFilePath: options.hostsFilePath }
        : {}),
      log: options.log,
      entra: options.entra,
      subscriptionId: db.subscriptionId,
      resourceGroup: db.resourceGroup,
      location: db.location,
      servers: db.servers.map((s) => ({
        name: s.name,
        database: s.database,
        backupRetentionDays: s.backupRetentionDays,
        ...(s.seed ? { seedSql: s.seed } : {})
      })),
      ...(options.workDir ? { workDir: options.workDir } : {}),
      ...(options.retryAfterSeconds !== undefined
        ? { retryAfterSeconds: options.retryAfterSeconds }
        : {})
    })
    started.push(arm)
    return {
      arm,
      keyVault,
      github,
      githubToken,
      env: {
        AZURE_SUBSCRIPTION_ID: db.subscriptionId,
        ROLLBACK_ARM_ENDPOINT: arm.url,
        SANDBOX_KEY_VAULT_URL: keyVault.url,
        GITHUB_API_URL: github.url,
        SANDBOX_GITHUB_TOKEN: githubToken
      },
      close: async () => {
        for (const s of started.splice(0).reverse()) await s.close()
      }
    }
  } catch (error) {
    for (const s of started.reverse()) await s.close().catch(() => undefined)
    throw error
  }
}

/** The database part of a sandbox: Entra, GitHub OIDC, ARM (+ PostgreSQL), Key Vault and GitHub REST emulators. */
export interface DatabaseSandbox {
  caPem: string
  log: RequestLog
  entra: EntraEmulator
  oidc: GitHubOidcEmulator
  arm: PostgresArmEmulator
  keyVault: KeyVaultEmulator
  github: GitHubApiEmulator
  /** App registration with a federated credential for `repository`'s `environment`. */
  clientId: string
  tenantId: string
  /** Repository / environment the GitHub emulators know, and a token with write access. */
  repository: string
  environment: string
  githubToken: string
  /**
   * Environment for a process running an action against these emulators: `AZURE_AUTHORITY_HOST`,
   * `ROLLBACK_ARM_ENDPOINT`, `ACTIONS_ID_TOKEN_REQUEST_*`, `GITHUB_API_URL`, `SANDBOX_KEY_VAULT_URL`,
   * `AZURE_SUBSCRIPTION_ID`. Child processes also need `NODE_EXTRA_CA_CERTS` pointing at a file with `caPem`.
   */
  env: Record<string, string>
  injectFault(fault: ArmFault): void
  close(): Promise<void>
}

export interface StartDatabaseSandboxOptions {
  scenario?: Scenario
  /** `Retry-After` of the ARM emulator (default 1 s). */
  retryAfterSeconds?: number
}

/**
 * Starts the emulators the database rollback needs, from the scenario's `database` section (default scenario
 * when omitted). Used by the tests and the database drill; the full sandbox composes the same start functions.
 * @throws Error when the scenario has no `database` section or PostgreSQL cannot start.
 */
export async function startDatabaseSandbox(
  options: StartDatabaseSandboxOptions = {}
): Promise<DatabaseSandbox> {
  const scenario = options.scenario ?? loadScenario()
  const db = scenario.database
  if (!db) throw new Error('the scenario has no database section')
  const ca = await createCertificateAuthority()
  const tls = await ca.issue(['127.0.0.1', 'localhost'])
  const log = new RequestLog()
  const repository = 'warranty-hub/platform'
  const environment = 'production'
  const clientId = randomUUID()
  const tenantId = randomUUID()
  const started: { close(): Promise<void> }[] = []
  try {
    const oidc = await startGitHubOidcEmulator({
      log,
      claims: {
        repository,
        ref: 'refs/heads/main',
        environment,
        actor: 'octo-sre',
        run_id: 4242
      }
    })
    started.push(oidc)
    const entra = await startEntraEmulator({
      tls,
      log,
      tenantId,
      federatedCredentials: [
        {
          clientId,
          issuer: GITHUB_OIDC_ISSUER,
          subject: `repo:${repository}:environment:${environment}`,
          audience: 'api://AzureADTokenExchange'
        }
      ],
      issuerKeys: { [oidc.issuer]: oidc.jwks.keys }
    })
    started.push(entra)
    const services = await startDatabaseServices({
      tls,
      ca,
      secretsOfficers: [clientId],
      log,
      entra,
      database: db,
      repository,
      environments: [environment, 'staging'],
      ...(options.retryAfterSeconds !== undefined
        ? { retryAfterSeconds: options.retryAfterSeconds }
        : {})
    })
    started.push(services)
    const { arm, keyVault, github, githubToken } = services
    return {
      caPem: ca.caPem,
      log,
      entra,
      oidc,
      arm,
      keyVault,
      github,
      clientId,
      tenantId,
      repository,
      environment,
      githubToken,
      env: {
        ...services.env,
        AZURE_AUTHORITY_HOST: entra.url,
        ACTIONS_ID_TOKEN_REQUEST_URL: oidc.requestUrl,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: oidc.requestToken
      },
      injectFault: (fault) => arm.injectFault(fault),
      close: async () => {
        for (const s of started.reverse()) await s.close()
      }
    }
  } catch (error) {
    for (const s of started.reverse()) await s.close().catch(() => undefined)
    throw error
  }
}
