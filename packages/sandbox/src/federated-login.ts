import { randomUUID } from 'node:crypto'
import {
  GITHUB_OIDC_ISSUER,
  RequestLog,
  createCertificateAuthority,
  startEntraEmulator,
  startGitHubOidcEmulator,
  type CertificateAuthority,
  type EntraEmulator,
  type GitHubOidcEmulator,
  type KeyPairPem
} from '@rollback-actions/emulators'

/** What a sandbox exposes of its azure/login: the CA, the request log, the emulators and the federated identity. */
export interface FederatedIdentity {
  caPem: string
  log: RequestLog
  entra: EntraEmulator
  oidc: GitHubOidcEmulator
  tenantId: string
  /** The repository and environment the GitHub emulators know and Entra federates. */
  repository: string
  environment: string
}

/** The azure/login part of a sandbox, as {@link startFederatedLogin} started it. */
export interface FederatedLogin {
  ca: CertificateAuthority
  /** Certificate for `127.0.0.1` and `localhost`, signed by `ca`. */
  tls: KeyPairPem
  identity: FederatedIdentity
  /** `AZURE_AUTHORITY_HOST` and `ACTIONS_ID_TOKEN_REQUEST_*` for a process running an action. */
  env: Record<string, string>
}

/**
 * Starts the GitHub OIDC provider (a production run of main in warranty-hub/platform by octo-sre, run 4242) and Entra
 * (a new tenant), federating each of `clientIds` for `repo:warranty-hub/platform:environment:production`. Each
 * server is pushed onto `started` as soon as it runs, so the caller can stop them when a later start fails.
 * @param clientIds the app registrations to federate.
 * @param started where the started servers go.
 * @returns the CA, the TLS pair the other emulators serve, the identity and the environment of a step.
 */
export async function startFederatedLogin(
  clientIds: string[],
  started: { close(): Promise<void> }[]
): Promise<FederatedLogin> {
  const ca = await createCertificateAuthority()
  const tls = await ca.issue(['127.0.0.1', 'localhost'])
  const log = new RequestLog()
  const repository = 'warranty-hub/platform'
  const environment = 'production'
  const tenantId = randomUUID()
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
    federatedCredentials: clientIds.map((clientId) => ({
      clientId,
      issuer: GITHUB_OIDC_ISSUER,
      subject: `repo:${repository}:environment:${environment}`,
      audience: 'api://AzureADTokenExchange'
    })),
    issuerKeys: { [oidc.issuer]: oidc.jwks.keys }
  })
  started.push(entra)
  return {
    ca,
    tls,
    identity: {
      caPem: ca.caPem,
      log,
      entra,
      oidc,
      tenantId,
      repository,
      environment
    },
    env: {
      AZURE_AUTHORITY_HOST: entra.url,
      ACTIONS_ID_TOKEN_REQUEST_URL: oidc.requestUrl,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: oidc.requestToken
    }
  }
}
