import { randomBytes, randomUUID } from 'node:crypto'
import {
  GITHUB_OIDC_ISSUER,
  RequestLog,
  createCertificateAuthority,
  startAppConfigurationEmulator,
  startEntraEmulator,
  startGitHubOidcEmulator,
  type AppConfigurationEmulator,
  type AppConfigurationEmulatorOptions,
  type EntraEmulator,
  type GitHubOidcEmulator
} from '@rollback-actions/emulators'

/** The App Configuration part of a sandbox: GitHub OIDC, Entra and one App Configuration store. */
export interface AppConfigurationSandbox {
  caPem: string
  log: RequestLog
  entra: EntraEmulator
  oidc: GitHubOidcEmulator
  store: AppConfigurationEmulator
  /** App registration with a federated credential for `repository`'s `environment` (App Configuration Data Owner). */
  clientId: string
  /** App registration federated for the same environment holding only App Configuration Data Reader. */
  readerClientId: string
  tenantId: string
  repository: string
  environment: string
  /**
   * Environment for a process running an action against these emulators: `AZURE_AUTHORITY_HOST`,
   * `ACTIONS_ID_TOKEN_REQUEST_*`, `SANDBOX_APP_CONFIGURATION_ENDPOINT`. Child processes also need
   * `NODE_EXTRA_CA_CERTS` pointing at a file with `caPem`.
   */
  env: Record<string, string>
  close(): Promise<void>
}

export interface StartAppConfigurationSandboxOptions {
  /** Key-values of the store, oldest first. */
  seed?: AppConfigurationEmulatorOptions['seed']
  sku?: AppConfigurationEmulatorOptions['sku']
  now?: () => number
}

/**
 * Starts the emulators the configuration and feature-flag rollback needs: the GitHub OIDC provider, Entra (federating
 * `repo:warranty-hub/platform:environment:production`) and an App Configuration store that verifies Entra tokens and
 * has one access key (HMAC) besides.
 * @throws Error when a server cannot start; whatever was started is stopped first.
 */
export async function startAppConfigurationSandbox(
  options: StartAppConfigurationSandboxOptions = {}
): Promise<AppConfigurationSandbox> {
  const ca = await createCertificateAuthority()
  const tls = await ca.issue(['127.0.0.1', 'localhost'])
  const log = new RequestLog()
  const repository = 'warranty-hub/platform'
  const environment = 'production'
  const clientId = randomUUID()
  const readerClientId = randomUUID()
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
    const federated = (id: string) => ({
      clientId: id,
      issuer: GITHUB_OIDC_ISSUER,
      subject: `repo:${repository}:environment:${environment}`,
      audience: 'api://AzureADTokenExchange'
    })
    const entra = await startEntraEmulator({
      tls,
      log,
      tenantId,
      federatedCredentials: [federated(clientId), federated(readerClientId)],
      issuerKeys: { [oidc.issuer]: oidc.jwks.keys }
    })
    started.push(entra)
    const store = await startAppConfigurationEmulator({
      tls,
      log,
      entra,
      name: 'warranty-hub-config',
      accessKeys: [
        { id: 'sandbox-rw', secret: randomBytes(32).toString('base64') }
      ],
      roleAssignments: [
        { principalId: clientId, role: 'App Configuration Data Owner' },
        { principalId: readerClientId, role: 'App Configuration Data Reader' }
      ],
      ...(options.seed ? { seed: options.seed } : {}),
      ...(options.sku ? { sku: options.sku } : {}),
      ...(options.now ? { now: options.now } : {})
    })
    started.push(store)
    return {
      caPem: ca.caPem,
      log,
      entra,
      oidc,
      store,
      clientId,
      readerClientId,
      tenantId,
      repository,
      environment,
      env: {
        AZURE_AUTHORITY_HOST: entra.url,
        ACTIONS_ID_TOKEN_REQUEST_URL: oidc.requestUrl,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: oidc.requestToken,
        SANDBOX_APP_CONFIGURATION_ENDPOINT: store.url
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
