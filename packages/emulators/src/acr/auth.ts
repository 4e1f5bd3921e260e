/**
 * ACR's token exchange (Azure/acr: docs/AAD-OAuth.md): `POST /oauth2/exchange` trades an Entra access token
 * for an ACR refresh token, `POST /oauth2/token` trades that for an access token bound to scopes, and every
 * registry request without a granting access token meets a `WWW-Authenticate: Bearer realm,service,scope`
 * challenge (the Docker token authentication spec, distribution/distribution docs/spec/auth/token.md).
 */
import { randomBytes, randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { decodeJwt, signJwt, verifyJwtSignature } from '../github-oidc/jwt.js'
import { bearerToken, readBody, readForm, sendJson } from '../http/server.js'
import { common, errors, type AcrState, type Grant } from './registry.js'

/** AAD scopes ACR accepts in `/oauth2/exchange` (its own audience and ARM's). */
export const ACR_AAD_SCOPES = [
  'https://containerregistry.azure.net/.default',
  'https://management.azure.com/.default'
] as const

/** Parses `repository:team/app:pull,push` (the name may itself hold colons only in a registry-level scope). */
export function parseScope(scope: string): Grant | undefined {
  const first = scope.indexOf(':')
  const last = scope.lastIndexOf(':')
  if (first < 0 || last === first) return undefined
  return {
    type: scope.slice(0, first),
    name: scope.slice(first + 1, last),
    actions: new Set(scope.slice(last + 1).split(','))
  }
}

/** Answers 401 UNAUTHORIZED with the Bearer challenge for `scope`. */
export const challenge = (
  state: AcrState,
  res: ServerResponse,
  scope: string | undefined,
  invalid: boolean
) => {
  const params = [
    `realm="${state.baseUrl}/oauth2/token"`,
    `service="${state.loginServer}"`
  ]
  if (scope) params.push(`scope="${scope}"`)
  if (invalid) params.push('error="invalid_token"')
  const grant = scope ? parseScope(scope) : undefined
  errors(
    res,
    401,
    'UNAUTHORIZED',
    'authentication required, visit https://aka.ms/acr/authorization for more information.',
    grant
      ? [
          {
            Type: grant.type,
            Name: grant.name,
            Action: [...grant.actions].join(',')
          }
        ]
      : undefined,
    { 'www-authenticate': `Bearer ${params.join(',')}` }
  )
}

/** True when the bearer grants `scope`; otherwise answers the challenge. */
export const authorize = (
  state: AcrState,
  req: IncomingMessage,
  res: ServerResponse,
  scope: string | undefined
): boolean => {
  const bearer = bearerToken(req)
  const token = bearer ? state.accessTokens.get(bearer) : undefined
  const valid = token !== undefined && token.expiresOnMs > Date.now()
  if (valid && scope === undefined) return true
  const wanted = scope ? parseScope(scope) : undefined
  if (
    valid &&
    wanted &&
    token.grants.some(
      (g) =>
        g.type === wanted.type &&
        g.name === wanted.name &&
        [...wanted.actions].every((a) => g.actions.has(a) || g.actions.has('*'))
    )
  ) {
    return true
  }
  challenge(state, res, scope, bearer !== undefined)
  return false
}

/** `POST /oauth2/exchange` (`grant_type=access_token`): an Entra token for ACR's audience or ARM's → refresh token. */
export const exchange = async (
  state: AcrState,
  req: IncomingMessage,
  res: ServerResponse
) => {
  const form = await readForm(req)
  if (form.get('grant_type') !== 'access_token') {
    errors(
      res,
      400,
      'UNSUPPORTED_GRANT_TYPE',
      `grant_type ${form.get('grant_type') ?? ''} is not supported; use access_token`
    )
    return
  }
  if (form.get('service') !== state.loginServer) {
    errors(res, 400, 'INVALID_SERVICE', `service must be ${state.loginServer}`)
    return
  }
  const aad = form.get('access_token') ?? ''
  const verified = aad ? state.entra.verify(aad, ACR_AAD_SCOPES) : undefined
  if (!verified) {
    errors(
      res,
      401,
      'UNAUTHORIZED',
      'The AAD access token is invalid, expired or not issued for this registry.'
    )
    return
  }
  const v = verified as {
    subject?: string
    clientId?: string
    tenantId?: string
  }
  const now = Math.floor(Date.now() / 1000)
  const refreshToken = signJwt(
    {
      jti: randomUUID(),
      sub: v.clientId ?? v.subject ?? 'unknown',
      nbf: now - 5,
      exp: now + state.refreshLifetime,
      iat: now,
      iss: 'Azure Container Registry',
      aud: state.loginServer,
      version: '1.0',
      grant_type: 'refresh_token',
      tenant: v.tenantId ?? '',
      permissions: { actions: ['read', 'write', 'delete'], notActions: [] },
      roles: []
    },
    state.signingKey
  )
  sendJson(res, 200, { refresh_token: refreshToken }, common())
}

/** `POST /oauth2/token` (`grant_type=refresh_token`): refresh token + scopes → access token; anonymous and password grants refused. */
export const token = async (
  state: AcrState,
  req: IncomingMessage,
  res: ServerResponse
) => {
  const body =
    req.method === 'POST' ? (await readBody(req)).toString('utf8') : ''
  const form = new URLSearchParams(body)
  const grantType = form.get('grant_type')
  if (req.method === 'GET' || grantType === 'password') {
    errors(
      res,
      401,
      'UNAUTHORIZED',
      'anonymous and admin-user access are disabled on this registry; use an Entra identity with AcrPull'
    )
    return
  }
  if (grantType !== 'refresh_token') {
    errors(
      res,
      400,
      'UNSUPPORTED_GRANT_TYPE',
      `grant_type ${grantType ?? ''} is not supported`
    )
    return
  }
  if (form.get('service') !== state.loginServer) {
    errors(res, 400, 'INVALID_SERVICE', `service must be ${state.loginServer}`)
    return
  }
  const jwt = decodeJwt(form.get('refresh_token') ?? '')
  const exp = jwt?.payload.exp
  if (
    !jwt ||
    !verifyJwtSignature(jwt, [state.signingKey.publicJwk]) ||
    typeof exp !== 'number' ||
    exp * 1000 <= Date.now() ||
    jwt.payload.aud !== state.loginServer
  ) {
    errors(res, 401, 'UNAUTHORIZED', 'The refresh token is invalid or expired.')
    return
  }
  const grants = form
    .getAll('scope')
    .flatMap((s) => s.split(' '))
    .map(parseScope)
    .filter((g): g is Grant => g !== undefined)
  const accessToken = randomBytes(32).toString('base64url')
  state.accessTokens.set(accessToken, {
    grants,
    expiresOnMs: Date.now() + 3600_000
  })
  sendJson(res, 200, { access_token: accessToken }, common())
}
