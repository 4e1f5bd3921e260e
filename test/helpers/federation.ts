import { createAzureCredential } from '@rollback-actions/azure'
import {
  createCertificateAuthority,
  RequestLog,
  startAcrEmulator,
  startEntraEmulator,
  startGitHubOidcEmulator,
  type AcrEmulator,
  type AcrEmulatorOptions,
  type EntraEmulator,
  type GitHubOidcClaims,
  type GitHubOidcEmulator,
  type KeyPairPem
} from '@rollback-actions/emulators'

/** The Entra tenant of the tests' federated identity. */
export const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47'
/** The Application (client) ID holding the federated credential. */
export const CLIENT = '0b6f1b3c-5f7a-4c8e-9d2a-1a2b3c4d5e6f'
/** Audience GitHub ID tokens carry for Entra (`api://AzureADTokenExchange`). */
export const AUDIENCE = 'api://AzureADTokenExchange'

/** Claims of a workflow run in `warranty-hub/platform` on main, deploying to environment production. */
export const PRODUCTION_RUN: GitHubOidcClaims = {
  repository: 'warranty-hub/platform',
  ref: 'refs/heads/main',
  environment: 'production',
  actor: 'octo-sre',
  run_id: 7
}
/** The subject the federated credential of {@link CLIENT} trusts for {@link PRODUCTION_RUN}. */
export const PRODUCTION_SUBJECT =
  'repo:warranty-hub/platform:environment:production'
/** Claims of a run on a feature branch: a subject no federated credential names. */
export const FEATURE_RUN: GitHubOidcClaims = {
  repository: 'warranty-hub/platform',
  ref: 'refs/heads/feature',
  actor: 'octo',
  run_id: 8
}

/**
 * The Azure credential of {@link CLIENT} in the federation's tenant, trusting its CA, that presents the ID
 * tokens `getAssertion` returns (default: the issuer's for {@link PRODUCTION_RUN}, audience {@link AUDIENCE}).
 */
export function federatedCredential(
  world: Federation,
  getAssertion: () => Promise<string> = () =>
    Promise.resolve(world.oidc.mint(AUDIENCE))
): ReturnType<typeof createAzureCredential> {
  return createAzureCredential({
    clientId: CLIENT,
    tenantId: TENANT,
    authorityHost: world.entra.url,
    getAssertion,
    caPem: world.caPem
  })
}

/**
 * Starts the ACR emulator behind the federation's Entra (same CA and request log) with `repositories`.
 */
export function startAcr(
  world: Federation,
  repositories: AcrEmulatorOptions['repositories']
): Promise<AcrEmulator> {
  const { tls, log, entra } = world
  return startAcrEmulator({ tls, log, entra, repositories })
}

/** A CA, a GitHub OIDC issuer and an Entra tenant trusting it, on loopback (see {@link startFederation}). */
export interface Federation {
  log: RequestLog
  /** PEM of the CA that signed `tls` (what NODE_EXTRA_CA_CERTS or `caPem` take). */
  caPem: string
  /** A 127.0.0.1 server certificate from the CA, for further emulators. */
  tls: KeyPairPem
  /** Mints the ID tokens Entra accepts for {@link CLIENT}. */
  oidc: GitHubOidcEmulator
  /** A second issuer key set under the same issuer URL trust, minting `wrongClaims` (only with that option). */
  wrong?: GitHubOidcEmulator
  entra: EntraEmulator
  /** Stops the emulators. */
  close(): Promise<void>
}

/**
 * Starts a CA, a GitHub OIDC issuer minting `claims`, and an Entra tenant {@link TENANT} whose federated credential
 * for {@link CLIENT} trusts `subject` from that issuer (audience {@link AUDIENCE}). With `wrongClaims`, a second
 * issuer whose keys Entra also trusts mints tokens for a subject it has no credential for.
 */
export async function startFederation(options: {
  log?: RequestLog
  claims?: GitHubOidcClaims
  subject?: string
  wrongClaims?: GitHubOidcClaims
  algorithm?: 'RS256' | 'ES256'
}): Promise<Federation> {
  const log = options.log ?? new RequestLog()
  const authority = await createCertificateAuthority()
  const tls = await authority.issue(['127.0.0.1'])
  const oidc = await startGitHubOidcEmulator({
    log,
    claims: options.claims ?? PRODUCTION_RUN,
    ...(options.algorithm ? { algorithm: options.algorithm } : {})
  })
  const wrong = options.wrongClaims
    ? await startGitHubOidcEmulator({ log, claims: options.wrongClaims })
    : undefined
  const { issuer } = oidc
  const subject = options.subject ?? PRODUCTION_SUBJECT
  const keys = [...oidc.jwks.keys, ...(wrong?.jwks.keys ?? [])]
  const entra = await startEntraEmulator({
    tls,
    log,
    tenantId: TENANT,
    federatedCredentials: [
      { clientId: CLIENT, issuer, subject, audience: AUDIENCE }
    ],
    issuerKeys: { [issuer]: keys }
  })
  return {
    log,
    caPem: authority.caPem,
    tls,
    oidc,
    ...(wrong ? { wrong } : {}),
    entra,
    close: async () => {
      await Promise.all([oidc.close(), wrong?.close(), entra.close()])
    }
  }
}
