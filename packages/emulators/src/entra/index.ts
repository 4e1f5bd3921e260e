import { randomBytes, randomUUID, type JsonWebKey } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import {
  decodeJwt,
  generateSigningKey,
  signJwt,
  verifyJwtSignature
} from '../github-oidc/jwt.js'
import {
  readForm,
  sendJson,
  serveEmulator,
  type RequestLog
} from '../http/server.js'
import type { KeyPairPem } from '../http/tls.js'

/** Client-assertion type of the OAuth 2.0 JWT bearer profile (RFC 7523). */
export const JWT_BEARER_ASSERTION_TYPE =
  'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'

/** A federated identity credential on an app registration (Entra: issuer, subject, audiences). */
export interface FederatedCredential {
  /** Application (client) id the credential belongs to. */
  clientId: string
  /** e.g. `https://token.actions.githubusercontent.com` (no trailing slash). */
  issuer: string
  /** e.g. `repo:owner/repo:environment:production`; compared case-sensitively, like Entra. */
  subject: string
  /** Usually `api://AzureADTokenExchange`. */
  audience: string
}

export interface EntraEmulatorOptions {
  tls: KeyPairPem
  log: RequestLog
  /** Directory (tenant) id served at `/{tenantId}/...`. */
  tenantId: string
  federatedCredentials: FederatedCredential[]
  /**
   * Public keys per issuer; when an issuer is listed, assertions from it must carry a valid signature
   * (Entra fetches the issuer's JWKS). Issuers not listed are trusted on their claims alone.
   */
  issuerKeys?: Record<string, readonly JsonWebKey[]>
  /** Access-token lifetime in seconds (default 3599, like Entra). */
  tokenLifetimeSeconds?: number
  /**
   * App roles granted to a client on a resource (`roles` claim of app-only tokens), by client id and resource
   * (e.g. `{ [clientId]: { 'https://vault.azure.net': ['Secrets.Read'] } }`). Azure RBAC roles are not claims.
   */
  appRoles?: Record<string, Record<string, string[]>>
}

/** What {@link EntraEmulator.verify} learns from a valid access token. */
export interface VerifiedEntraToken {
  tenantId: string
  clientId: string
  /** Object id of the client's service principal (`oid`): what Azure RBAC role assignments name. */
  objectId: string
  /** The `roles` claim (app roles on the resource); empty when none. */
  roles: string[]
  /** Every claim of the token. */
  claims: Record<string, unknown>
  /** The token's `sub`: for app-only tokens, the service principal's object id. */
  subject: string
  /** The resource scope it was issued for, e.g. `https://management.azure.com/.default`. */
  scope: string
  /** Expiry, epoch milliseconds. */
  expiresOnMs: number
}

/** A running Microsoft Entra ID (v2.0 endpoints) emulator. */
export interface EntraEmulator {
  /** Authority host (`https://127.0.0.1:<port>`): what `AZURE_AUTHORITY_HOST` / `authorityHost` take. */
  url: string
  tenantId: string
  /** Access tokens issued so far. */
  tokensIssued(): number
  /** Object id (`oid`) of a client's service principal in this tenant (stable for the emulator's life). */
  objectIdOf(clientId: string): string
  /** The public keys access tokens are signed with (what `jwks_uri` serves). */
  jwks: { keys: JsonWebKey[] }
  /**
   * Checks a bearer token an Azure data-plane emulator received: issued here, not expired, and issued for
   * one of `scope` (compared without `/.default` and trailing slashes).
   * @returns the token's facts, or `undefined` when it is not valid for that scope.
   */
  verify(
    token: string,
    scope: string | readonly string[]
  ): VerifiedEntraToken | undefined
  close(): Promise<void>
}

/** Strips `/.default` and trailing slashes; lower-cases: `https://vault.azure.net/.default` → `https://vault.azure.net`. */
export function resourceOfScope(scope: string): string {
  return scope
    .replace(/\/\.default$/, '')
    .replace(/\/+$/, '')
    .toLowerCase()
}

/**
 * Starts the Entra ID emulator on a random loopback TLS port.
 *
 * Serves `GET /{tenant}/v2.0/.well-known/openid-configuration` (MSAL's metadata document) and
 * `POST /{tenant}/oauth2/v2.0/token` for the client-credentials grant with a JWT-bearer client assertion
 * (workload identity federation). The assertion's `iss`, `aud` and `sub` must match one federated credential
 * of the client exactly (case-sensitive), its `exp`/`nbf` must hold, and the scope must end in `/.default`;
 * otherwise the answer is Entra's error JSON (`AADSTS70021`, `AADSTS700213`, `AADSTS7002138`, ...).
 * Client secrets are always refused: none exist. Access tokens are v1.0 JWTs (the version ARM, Key Vault and
 * ACR accept) signed RS256 with a key published at `jwks_uri`, carrying `aud` (the resource), `iss`
 * (`https://sts.windows.net/{tid}/`), `idp`, `appid`, `appidacr` (`2`: client assertion), `oid` and `sub`
 * (the service principal), `tid`, `ver`, `iat`/`nbf`/`exp`, `uti`, and `roles` when app roles are granted
 * (Microsoft identity platform, "Access token claims reference"). {@link EntraEmulator.verify} checks them as a
 * resource server does: signature, issuer, audience, lifetime.
 * @see azure-identity-oidc.md §4 and §6 (wire format captured from `@azure/identity` 4.13).
 */
export async function startEntraEmulator(
  options: EntraEmulatorOptions
): Promise<EntraEmulator> {
  const signingKey = generateSigningKey('RS256')
  const objectIds = new Map<string, string>()
  const objectIdOf = (clientId: string) => {
    let oid = objectIds.get(clientId)
    if (!oid) {
      oid = randomUUID()
      objectIds.set(clientId, oid)
    }
    return oid
  }
  const stsIssuer = `https://sts.windows.net/${options.tenantId}/`
  const lifetime = options.tokenLifetimeSeconds ?? 3599
  let issued = 0
  let base = ''

  const fail = (
    res: ServerResponse,
    status: number,
    error: string,
    code: number,
    text: string
  ) => {
    const traceId = randomUUID()
    const correlationId = randomUUID()
    const timestamp = new Date()
      .toISOString()
      .replace('T', ' ')
      .replace(/\.\d+Z$/, 'Z')
    sendJson(res, status, {
      error,
      error_description: `AADSTS${code}: ${text} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
      error_codes: [code],
      timestamp,
      trace_id: traceId,
      correlation_id: correlationId,
      error_uri: `${base}/error?code=${code}`
    })
  }

  const token = async (req: IncomingMessage, res: ServerResponse) => {
    const form = await readForm(req)
    const clientId = form.get('client_id') ?? ''
    if (form.get('grant_type') !== 'client_credentials') {
      fail(
        res,
        400,
        'unsupported_grant_type',
        70003,
        `The app requested an unsupported grant type '${form.get('grant_type') ?? ''}'.`
      )
      return
    }
    if (form.has('client_secret')) {
      fail(
        res,
        401,
        'invalid_client',
        7000215,
        `Invalid client secret provided. This tenant accepts only federated credentials for app '${clientId}'.`
      )
      return
    }
    const assertion = form.get('client_assertion')
    if (
      !assertion ||
      form.get('client_assertion_type') !== JWT_BEARER_ASSERTION_TYPE
    ) {
      fail(
        res,
        400,
        'invalid_request',
        900144,
        "The request body must contain the following parameter: 'client_assertion' or 'client_secret'."
      )
      return
    }
    const credentials = options.federatedCredentials.filter(
      (c) => c.clientId === clientId
    )
    if (credentials.length === 0) {
      fail(
        res,
        400,
        'unauthorized_client',
        700016,
        `Application with identifier '${clientId}' was not found in the directory '${options.tenantId}'.`
      )
      return
    }
    const jwt = decodeJwt(assertion)
    if (!jwt) {
      fail(
        res,
        400,
        'invalid_client',
        50027,
        'JWT token is invalid or malformed.'
      )
      return
    }
    const { iss, sub, aud, exp, nbf } = jwt.payload
    const audiences = (Array.isArray(aud) ? aud : [aud]).filter(
      (a): a is string => typeof a === 'string'
    )
    const now = Date.now() / 1000
    if (
      typeof exp !== 'number' ||
      exp < now - 300 ||
      (typeof nbf === 'number' && nbf > now + 300)
    ) {
      fail(
        res,
        400,
        'invalid_client',
        700024,
        'Client assertion is not within its valid time range.'
      )
      return
    }
    const keys = typeof iss === 'string' ? options.issuerKeys?.[iss] : undefined
    if (keys && !verifyJwtSignature(jwt, keys)) {
      fail(
        res,
        401,
        'invalid_client',
        700027,
        'Client assertion contains an invalid signature.'
      )
      return
    }
    const described = `Assertion Issuer: '${String(iss)}'. Assertion Subject: '${String(sub)}'. Assertion Audience: '${audiences.join(',')}'.`
    const issuerAndAudience = credentials.filter(
      (c) => c.issuer === iss && audiences.includes(c.audience)
    )
    if (issuerAndAudience.length === 0) {
      fail(
        res,
        400,
        'invalid_client',
        70021,
        `No matching federated identity record found for presented assertion. ${described} Please check your federated identity credential Subject, Audience and Issuer against the presented assertion. https://learn.microsoft.com/entra/workload-id/workload-identity-federation`
      )
      return
    }
    const match = issuerAndAudience.find((c) => c.subject === sub)
    if (!match) {
      const caseOnly = issuerAndAudience.some(
        (c) =>
          typeof sub === 'string' &&
          c.subject.toLowerCase() === sub.toLowerCase()
      )
      if (caseOnly) {
        fail(
          res,
          400,
          'invalid_client',
          7002138,
          `No matching federated identity record found for presented assertion subject '${String(sub)}'; a record matches only when case is ignored. Subject matching is case-sensitive: correct the federated credential's subject.`
        )
      } else {
        fail(
          res,
          400,
          'invalid_client',
          700213,
          `No matching federated identity record found for presented assertion subject '${String(sub)}'. Please check your federated identity credential Subject, Audience and Issuer against the presented assertion.`
        )
      }
      return
    }
    const scopes = (form.get('scope') ?? '')
      .split(' ')
      .filter((s) => s && !['openid', 'profile', 'offline_access'].includes(s))
    const scope = scopes[0]
    if (scopes.length !== 1 || !scope?.endsWith('/.default')) {
      fail(
        res,
        400,
        'invalid_scope',
        1002012,
        `The provided value for scope ${form.get('scope') ?? ''} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`
      )
      return
    }
    const resource = resourceOfScope(scope)
    // v1.0 `aud`: the resource as requested (the scope without `/.default`).
    const audience = scope.replace(/\/\.default$/, '')
    const iat = Math.floor(Date.now() / 1000)
    const oid = objectIdOf(clientId)
    const roles = options.appRoles?.[clientId]?.[resource] ?? []
    const accessToken = signJwt(
      {
        aud: audience,
        iss: stsIssuer,
        iat,
        nbf: iat - 300,
        exp: iat + lifetime,
        aio: randomBytes(24).toString('base64url'),
        appid: clientId,
        appidacr: '2',
        idp: stsIssuer,
        idtyp: 'app',
        oid,
        rh: randomBytes(24).toString('base64url'),
        ...(roles.length > 0 ? { roles } : {}),
        sub: oid,
        tid: options.tenantId,
        uti: randomBytes(16).toString('base64url'),
        ver: '1.0',
        xms_ftd: randomBytes(16).toString('base64url')
      },
      signingKey
    )
    issued += 1
    sendJson(res, 200, {
      token_type: 'Bearer',
      expires_in: lifetime,
      ext_expires_in: lifetime,
      access_token: accessToken
    })
  }

  const handler = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'https://localhost')
    const m =
      /^\/([^/]+)\/(v2\.0\/\.well-known\/openid-configuration|oauth2\/v2\.0\/token|discovery\/v2\.0\/keys)$/.exec(
        url.pathname
      )
    if (!m) {
      sendJson(res, 404, {
        error: 'not_found',
        error_description: `no route ${url.pathname}`
      })
      return
    }
    const tenant = decodeURIComponent(m[1] ?? '')
    if (tenant !== options.tenantId) {
      fail(
        res,
        400,
        'invalid_tenant',
        90002,
        `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`
      )
      return
    }
    const authority = `${base}/${options.tenantId}`
    if (
      m[2] === 'v2.0/.well-known/openid-configuration' &&
      req.method === 'GET'
    ) {
      sendJson(res, 200, {
        token_endpoint: `${authority}/oauth2/v2.0/token`,
        token_endpoint_auth_methods_supported: [
          'client_secret_post',
          'private_key_jwt',
          'client_secret_basic'
        ],
        jwks_uri: `${authority}/discovery/v2.0/keys`,
        response_modes_supported: ['query', 'fragment', 'form_post'],
        subject_types_supported: ['pairwise'],
        id_token_signing_alg_values_supported: ['RS256'],
        response_types_supported: [
          'code',
          'id_token',
          'code id_token',
          'id_token token'
        ],
        scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
        issuer: `${authority}/v2.0`,
        request_uri_parameter_supported: false,
        authorization_endpoint: `${authority}/oauth2/v2.0/authorize`,
        device_authorization_endpoint: `${authority}/oauth2/v2.0/devicecode`,
        end_session_endpoint: `${authority}/oauth2/v2.0/logout`,
        tenant_region_scope: 'EU',
        cloud_instance_name: 'sandbox'
      })
      return
    }
    if (m[2] === 'discovery/v2.0/keys' && req.method === 'GET') {
      // The keys access tokens are signed with (Entra adds x5t/x5c; resource servers match by kid).
      sendJson(res, 200, { keys: [{ ...signingKey.publicJwk, kty: 'RSA' }] })
      return
    }
    if (m[2] === 'oauth2/v2.0/token' && req.method === 'POST') {
      await token(req, res)
      return
    }
    sendJson(res, 405, {
      error: 'invalid_request',
      error_description: `${req.method ?? ''} not allowed`
    })
  }

  const server = await serveEmulator('entra', options, handler)
  base = server.url
  return {
    url: server.url,
    tenantId: options.tenantId,
    tokensIssued: () => issued,
    objectIdOf,
    jwks: { keys: [signingKey.publicJwk] },
    verify(accessToken, scope) {
      const jwt = decodeJwt(accessToken)
      if (!jwt || !verifyJwtSignature(jwt, [signingKey.publicJwk]))
        return undefined
      const c = jwt.payload
      const now = Date.now() / 1000
      if (
        c.iss !== stsIssuer ||
        typeof c.exp !== 'number' ||
        c.exp <= now ||
        (typeof c.nbf === 'number' && c.nbf > now) ||
        typeof c.aud !== 'string' ||
        typeof c.appid !== 'string' ||
        typeof c.oid !== 'string'
      )
        return undefined
      const wanted = (typeof scope === 'string' ? [scope] : scope).map(
        resourceOfScope
      )
      const resource = resourceOfScope(c.aud)
      if (!wanted.includes(resource)) return undefined
      return {
        tenantId: options.tenantId,
        clientId: c.appid,
        objectId: c.oid,
        roles: Array.isArray(c.roles) ? c.roles.map(String) : [],
        claims: c,
        subject: c.oid,
        scope: `${resource}/.default`,
        expiresOnMs: c.exp * 1000
      }
    },
    close: () => server.close()
  }
}
