import { createHash, randomBytes, randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import {
  bearerToken,
  sendJson,
  serveEmulator,
  tokensEqual,
  type RequestLog
} from '../http/server.js'
import {
  generateSigningKey,
  signJwt,
  type JwtAlgorithm,
  type SigningKey
} from './jwt.js'

/** The issuer GitHub Actions puts in every OIDC token (no trailing slash). */
export const GITHUB_OIDC_ISSUER = 'https://token.actions.githubusercontent.com'

/**
 * Claims of the workflow run the emulator pretends to serve (GitHub docs, "OpenID Connect reference").
 * `sub` is derived from them unless given.
 */
export interface GitHubOidcClaims {
  /** `owner/repo`. */
  repository: string
  /** `refs/heads/main`, `refs/tags/v1`, ... */
  ref: string
  /** Environment of the job; when set, `sub` takes the `environment:` form. */
  environment?: string
  actor: string
  run_id: string | number
  /** Overrides the derived subject (repositories with a custom subject template). */
  sub?: string
  /** Further custom claims (`sha`, `workflow`, `event_name`, `job_workflow_ref`, ...). */
  [claim: string]: unknown
}

export interface GitHubOidcEmulatorOptions {
  log: RequestLog
  /** Defaults to {@link GITHUB_OIDC_ISSUER}. */
  issuer?: string
  claims: GitHubOidcClaims
  /** Signature algorithm; GitHub uses RS256 (the default). */
  algorithm?: JwtAlgorithm
  /** Token lifetime in seconds (GitHub: about 5 minutes with `nbf` slack). Default 300. */
  lifetimeSeconds?: number
}

/** A running GitHub Actions OIDC token endpoint (plain http, like the runner's). */
export interface GitHubOidcEmulator {
  /** `http://127.0.0.1:<port>`. */
  url: string
  /** What the runner puts in `ACTIONS_ID_TOKEN_REQUEST_URL`: already carries `?api-version=2.0`. */
  requestUrl: string
  /** What the runner puts in `ACTIONS_ID_TOKEN_REQUEST_TOKEN`. */
  requestToken: string
  issuer: string
  /** Public keys of the issuer (what `<issuer>/.well-known/jwks` serves). */
  jwks: { keys: SigningKey['publicJwk'][] }
  /**
   * Mints a token in-process, for tests that skip HTTP: the endpoint's claims, with `overrides` applied
   * (e.g. another `environment` or `sub`), signed with the same key.
   */
  mint(audience: string, overrides?: Partial<GitHubOidcClaims>): string
  /**
   * A request token for one job, as the runner gives each job its own `ACTIONS_ID_TOKEN_REQUEST_TOKEN`: ID tokens
   * fetched with it carry these claims over the endpoint's (e.g. `{ environment: 'production' }` for a job bound to an
   * environment, whose `sub` then takes the environment form).
   */
  jobRequestToken(overrides: Partial<GitHubOidcClaims>): string
  /** Tokens issued so far (endpoint and {@link mint}). */
  tokensIssued(): number
  close(): Promise<void>
}

/**
 * The subject GitHub derives for a job: `repo:<owner>/<repo>:environment:<env>` when the job names an
 * environment, otherwise `repo:<owner>/<repo>:ref:<ref>` (pull requests: `repo:<owner>/<repo>:pull_request`).
 */
export function githubSubject(claims: GitHubOidcClaims): string {
  if (claims.sub !== undefined) return claims.sub
  if (claims.environment) {
    return `repo:${claims.repository}:environment:${claims.environment}`
  }
  if (claims.event_name === 'pull_request') {
    return `repo:${claims.repository}:pull_request`
  }
  return `repo:${claims.repository}:ref:${claims.ref}`
}

function bearerMatches(req: IncomingMessage, expected: string): boolean {
  const token = bearerToken(req)
  return token !== undefined && tokensEqual(token, expected)
}

/** A stable decimal id for `text` (GitHub's numeric ids, sent as strings). */
function stableId(text: string): string {
  return String(
    createHash('sha256').update(text).digest().readUInt32BE(0) % 1e9
  )
}

/**
 * The claims every GitHub Actions ID token carries besides `iss`/`sub`/`aud`/times (GitHub docs, "OpenID Connect
 * reference", example token): repository and owner with their ids and visibility, `sha`, `workflow`,
 * `workflow_ref`/`workflow_sha`, `job_workflow_ref`/`job_workflow_sha`, `event_name`, `ref_type`,
 * `ref_protected`, `head_ref`/`base_ref`, `actor_id`, `run_number`, `run_attempt` and `runner_environment`.
 * Values are derived from `claims` (stable for a repository) and overridden by any given claim.
 */
function runClaims(claims: GitHubOidcClaims): Record<string, string> {
  const owner = claims.repository.split('/')[0] ?? ''
  const sha = createHash('sha1')
    .update(`${claims.repository}@${claims.ref}`)
    .digest('hex')
  const workflowFile = '.github/workflows/rollback.yml'
  const workflowRef = `${claims.repository}/${workflowFile}@${claims.ref}`
  return {
    repository_owner: owner,
    repository_owner_id: stableId(`owner:${owner}`),
    repository_id: stableId(`repo:${claims.repository}`),
    repository_visibility: 'private',
    actor_id: stableId(`actor:${String(claims.actor)}`),
    sha,
    ref_type: claims.ref.startsWith('refs/tags/') ? 'tag' : 'branch',
    ref_protected: 'true',
    head_ref: '',
    base_ref: '',
    event_name: 'workflow_dispatch',
    workflow: 'Rollback',
    workflow_ref: workflowRef,
    workflow_sha: sha,
    job_workflow_ref: workflowRef,
    job_workflow_sha: sha,
    run_number: '1',
    run_attempt: '1',
    runner_environment: 'github-hosted'
  }
}

/**
 * Starts the GitHub Actions OIDC token endpoint on a random loopback port (plain http).
 *
 * `GET <requestUrl>&audience=<aud>` with `Authorization: Bearer <requestToken>` answers `{"value": <JWT>}`, the
 * JWT signed RS256 (or ES256) with `iss`, `sub`, `aud` (the requested audience; default
 * `https://github.com/<owner>`), `exp`, `iat`, `nbf`, `jti` and the configured claims. A wrong or missing bearer
 * gets 401, a missing `api-version=2.0` 400. `<url>/.well-known/openid-configuration` and `/.well-known/jwks`
 * describe the keys. Behaviour follows `@actions/core` `getIDToken` and GitHub's OIDC reference.
 */
export async function startGitHubOidcEmulator(
  options: GitHubOidcEmulatorOptions
): Promise<GitHubOidcEmulator> {
  const issuer = options.issuer ?? GITHUB_OIDC_ISSUER
  const key = generateSigningKey(options.algorithm ?? 'RS256')
  const requestToken = randomBytes(24).toString('base64url')
  /** Request tokens and the claims their ID tokens carry over the endpoint's (the default token: none). */
  const jobTokens: Array<[string, Partial<GitHubOidcClaims>]> = [
    [requestToken, {}]
  ]
  const lifetime = options.lifetimeSeconds ?? 300
  const tokenPath = `/_apis/distributedtask/hubs/Actions/plans/${randomUUID()}/jobs/${randomUUID()}/idtoken`
  let issued = 0

  const mint = (
    audience: string,
    overrides: Partial<GitHubOidcClaims> = {}
  ): string => {
    issued += 1
    const now = Math.floor(Date.now() / 1000)
    const all: GitHubOidcClaims = { ...options.claims, ...overrides }
    const { sub: _sub, ...claims } = all
    const owner = all.repository.split('/')[0] ?? ''
    return signJwt(
      {
        jti: randomUUID(),
        sub: githubSubject(all),
        aud: audience || `https://github.com/${owner}`,
        ...runClaims(all),
        ...claims,
        run_id: String(all.run_id),
        iss: issuer,
        nbf: now - 5,
        iat: now,
        exp: now + lifetime
      },
      key
    )
  }

  const jwks = { keys: [key.publicJwk] }
  let base = ''
  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    if (
      req.method === 'GET' &&
      url.pathname === '/.well-known/openid-configuration'
    ) {
      sendJson(res, 200, {
        issuer,
        jwks_uri: `${base}/.well-known/jwks`,
        subject_types_supported: ['public', 'pairwise'],
        response_types_supported: ['id_token'],
        claims_supported: [
          'sub',
          'aud',
          'exp',
          'iat',
          'iss',
          'jti',
          'nbf',
          'ref',
          'repository',
          'environment',
          'actor',
          'run_id',
          'sha',
          'workflow',
          'workflow_ref',
          'job_workflow_ref',
          'repository_id',
          'repository_owner',
          'repository_owner_id',
          'run_attempt',
          'run_number',
          'event_name',
          'ref_type',
          'actor_id'
        ],
        id_token_signing_alg_values_supported: [key.alg],
        scopes_supported: ['openid']
      })
      return
    }
    if (req.method === 'GET' && url.pathname === '/.well-known/jwks') {
      sendJson(res, 200, jwks)
      return
    }
    if (url.pathname !== tokenPath) {
      sendJson(res, 404, { message: 'Not Found' })
      return
    }
    if (req.method !== 'GET') {
      sendJson(res, 405, { message: 'Method Not Allowed' })
      return
    }
    const job = jobTokens.find(([token]) => bearerMatches(req, token))
    if (!job) {
      sendJson(res, 401, { message: 'Bad credentials' })
      return
    }
    if (url.searchParams.get('api-version') !== '2.0') {
      sendJson(res, 400, { message: 'api-version 2.0 is required' })
      return
    }
    sendJson(res, 200, {
      value: mint(url.searchParams.get('audience') ?? '', job[1])
    })
  }

  const server = await serveEmulator('github-oidc', options, handler)
  base = server.url
  return {
    url: server.url,
    requestUrl: `${server.url}${tokenPath}?api-version=2.0`,
    requestToken,
    issuer,
    jwks,
    mint,
    jobRequestToken(overrides) {
      const token = randomBytes(24).toString('base64url')
      jobTokens.push([token, overrides])
      return token
    },
    tokensIssued: () => issued,
    close: () => server.close()
  }
}
