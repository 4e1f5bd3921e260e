import type {
  AccessToken,
  GetTokenOptions,
  TokenCredential
} from '@azure/core-auth'
import {
  ConfigurationError,
  GUID_PATTERN,
  TENANT_DOMAIN_PATTERN,
  retryPolicyFromEnv,
  silentLogger,
  type Logger,
  type RetryPolicy
} from '@rollback-actions/action-kit'
import { azurePipelineOptions } from './pipeline.js'

export type { TokenCredential } from '@azure/core-auth'
export { azurePipelineOptions, type AzurePipelineOptions } from './pipeline.js'

/**
 * Authority hosts of `@azure/identity`'s `AzureAuthorityHosts` (public, China and US Government clouds). Written out
 * here so that validating a credential does not load the identity library (see {@link LazyCredential}).
 */
const AzureAuthorityHosts = {
  AzurePublicCloud: 'https://login.microsoftonline.com',
  AzureChina: 'https://login.chinacloudapi.cn',
  AzureGovernment: 'https://login.microsoftonline.us'
} as const

/**
 * A TokenCredential that builds the real `@azure/identity` credential on its first `getToken` call. The identity
 * library (MSAL included) is the largest module of an action that only sometimes needs Azure; loading it on first use
 * keeps an action's start fast (the bench's "start to first request") without changing what is sent.
 */
export class LazyCredential implements TokenCredential {
  private credential: Promise<TokenCredential> | undefined

  constructor(private readonly create: () => Promise<TokenCredential>) {}

  async getToken(
    scopes: string | string[],
    options?: GetTokenOptions
  ): Promise<AccessToken | null> {
    this.credential ??= this.create()
    return (await this.credential).getToken(scopes, options)
  }
}

/** Audience GitHub OIDC tokens must carry for Entra workload identity federation. */
export const AZURE_FEDERATION_AUDIENCE = 'api://AzureADTokenExchange'

/** Authority hosts MSAL knows (instance discovery works there); any other host is a private/emulated authority. */
const KNOWN_AUTHORITY_HOSTS = new Set<string>([
  AzureAuthorityHosts.AzurePublicCloud,
  AzureAuthorityHosts.AzureChina,
  AzureAuthorityHosts.AzureGovernment
])

/** Federated (OIDC) login: a GitHub ID token is exchanged at Entra; no client secret exists. */
export interface FederatedCredentialOptions {
  /** Application (client) id of the app registration or user-assigned identity holding the federated credential. */
  clientId: string
  /** Directory (tenant) id, or a verified domain such as `contoso.onmicrosoft.com`. */
  tenantId: string
  /**
   * Entra authority host, e.g. `https://login.microsoftonline.com` (default: env `AZURE_AUTHORITY_HOST`, then the
   * public cloud). Must be https.
   */
  authorityHost?: string
  /**
   * Returns a fresh GitHub OIDC ID token for audience `api://AzureADTokenExchange`; called whenever MSAL needs
   * the network (first token, expiry, new scope), so the token is always short-lived and current.
   */
  getAssertion: () => Promise<string>
  /**
   * Extra trusted CA certificates (PEM) for an emulated authority when the process cannot be started with
   * `NODE_EXTRA_CA_CERTS` (in-process tests). Replaces Node's default CA list for this credential's requests;
   * never disables verification.
   */
  caPem?: string
  /** Retries and per-try timeout of the token requests to Entra (docs/reliability.md); default the SDK's. */
  transport?: { policy: RetryPolicy; log: Logger }
}

/** Use the Azure CLI session an earlier `azure/login` step left (`az account get-access-token`). */
export interface AzureCliOptions {
  useAzureCli: true
  /** Tenant to ask the CLI for (`--tenant`); default: the CLI's current account. */
  tenantId?: string
}

/** Whether `host` (an https URL) is one of the Azure clouds MSAL can discover; trailing slashes ignored. */
export function isKnownAuthorityHost(host: string): boolean {
  return KNOWN_AUTHORITY_HOSTS.has(host.replace(/\/+$/, '').toLowerCase())
}

/**
 * Creates the Azure credential the actions use; it never reads or needs a client secret.
 *
 * - Federated: `ClientAssertionCredential(tenantId, clientId, getAssertion)` from `@azure/identity`, with
 *   `authorityHost` (option, else env `AZURE_AUTHORITY_HOST`, else the public cloud) and
 *   `disableInstanceDiscovery: true` whenever the host is not a known Azure cloud (emulators, private clouds:
 *   MSAL's discovery call would go to the public cloud). TLS trust comes from the system store plus
 *   `NODE_EXTRA_CA_CERTS`.
 * - Azure CLI: `AzureCliCredential`, for jobs where `azure/login` already ran.
 *
 * @param env process environment (read for `AZURE_AUTHORITY_HOST`).
 * @throws ConfigurationError when the client id is not a GUID, the tenant is neither a GUID nor a domain, or
 *   the authority host is not an https URL.
 * @see https://learn.microsoft.com/entra/workload-id/workload-identity-federation
 */
export function createAzureCredential(
  options: FederatedCredentialOptions | AzureCliOptions,
  env: NodeJS.ProcessEnv = process.env
): TokenCredential {
  if ('useAzureCli' in options) {
    if (options.tenantId !== undefined) checkTenant(options.tenantId)
    const tenantId = options.tenantId
    return new LazyCredential(async () => {
      const { AzureCliCredential } = await import('@azure/identity')
      return new AzureCliCredential(tenantId === undefined ? {} : { tenantId })
    })
  }
  if (!GUID_PATTERN.test(options.clientId)) {
    throw new ConfigurationError(
      `client id "${options.clientId}" is not a GUID: use the Application (client) ID of the app registration or managed identity that holds the federated credential`
    )
  }
  checkTenant(options.tenantId)
  const authorityHost = (
    options.authorityHost ||
    env.AZURE_AUTHORITY_HOST ||
    AzureAuthorityHosts.AzurePublicCloud
  ).replace(/\/+$/, '')
  let parsed: URL
  try {
    parsed = new URL(authorityHost)
  } catch {
    throw new ConfigurationError(
      `Azure authority host "${authorityHost}" is not a URL: set AZURE_AUTHORITY_HOST to e.g. https://login.microsoftonline.com`
    )
  }
  if (parsed.protocol !== 'https:') {
    throw new ConfigurationError(
      `Azure authority host "${authorityHost}" must use https (Entra refuses anything else)`
    )
  }
  const { tenantId, clientId, getAssertion, caPem, transport } = options
  return new LazyCredential(async () => {
    const { ClientAssertionCredential } = await import('@azure/identity')
    return new ClientAssertionCredential(tenantId, clientId, getAssertion, {
      ...(transport
        ? azurePipelineOptions(transport.policy, transport.log, 'Entra ID')
        : {}),
      authorityHost,
      disableInstanceDiscovery: !isKnownAuthorityHost(authorityHost),
      ...(caPem ? { tlsOptions: { ca: caPem } } : {})
    })
  })
}

function checkTenant(tenantId: string): void {
  if (!GUID_PATTERN.test(tenantId) && !TENANT_DOMAIN_PATTERN.test(tenantId)) {
    throw new ConfigurationError(
      `tenant id "${tenantId}" is neither a GUID nor a domain: use the Directory (tenant) ID from Entra ID`
    )
  }
}

/** The identity inputs every Azure action shares (`client-id`, `tenant-id`), parsed; both or neither. */
export interface AzureIdentityInputs {
  clientId?: string | undefined
  tenantId?: string | undefined
}

/**
 * The one credential factory for the Azure identity inputs: with `client-id` and `tenant-id`, GitHub OIDC
 * federation (`getAssertion` asks the runner for a token with audience {@link AZURE_FEDERATION_AUDIENCE});
 * without them, the Azure CLI session an earlier `azure/login` step left. Nothing is sent until the first token.
 *
 * Token requests follow the kit's retry policy (`retryPolicyFromEnv(ctx.env)`), retry lines going to `ctx.log`.
 *
 * @param ctx the action context: its `oidcToken(audience)`, `env` (read for `AZURE_AUTHORITY_HOST` and the
 *   `ROLLBACK_*` retry variables) and `log`.
 * @throws ConfigurationError from {@link createAzureCredential} for malformed ids or authority host.
 */
export function credentialFromInputs(
  inputs: AzureIdentityInputs,
  ctx: {
    oidcToken(audience: string): Promise<string>
    env: NodeJS.ProcessEnv
    log?: Logger
  }
): TokenCredential {
  return inputs.clientId && inputs.tenantId
    ? createAzureCredential(
        {
          clientId: inputs.clientId,
          tenantId: inputs.tenantId,
          getAssertion: () => ctx.oidcToken(AZURE_FEDERATION_AUDIENCE),
          transport: {
            policy: retryPolicyFromEnv(ctx.env),
            log: ctx.log ?? silentLogger
          }
        },
        ctx.env
      )
    : createAzureCredential({ useAzureCli: true }, ctx.env)
}
