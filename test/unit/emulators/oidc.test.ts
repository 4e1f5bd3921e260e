import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { getIDToken } from '@actions/core'
import {
  decodeJwt,
  githubSubject,
  startGitHubOidcEmulator,
  verifyJwtSignature,
  type GitHubOidcEmulator
} from '@rollback-actions/emulators'
import { RequestLog } from '@rollback-actions/emulators'

describe('GitHub OIDC emulator', () => {
  const log = new RequestLog()
  let oidc: GitHubOidcEmulator
  const saved = {
    url: process.env.ACTIONS_ID_TOKEN_REQUEST_URL,
    token: process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN
  }

  beforeAll(async () => {
    oidc = await startGitHubOidcEmulator({
      log,
      claims: {
        repository: 'warranty-hub/platform',
        ref: 'refs/heads/main',
        environment: 'production',
        actor: 'octo-sre',
        run_id: 99,
        sha: 'abc'
      }
    })
  })

  afterAll(async () => {
    process.env.ACTIONS_ID_TOKEN_REQUEST_URL = saved.url
    process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN = saved.token
    if (saved.url === undefined) delete process.env.ACTIONS_ID_TOKEN_REQUEST_URL
    if (saved.token === undefined)
      delete process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN
    await oidc?.close()
  })

  it('serves @actions/core getIDToken a signed token with the requested audience and the environment subject', async () => {
    process.env.ACTIONS_ID_TOKEN_REQUEST_URL = oidc.requestUrl
    process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN = oidc.requestToken
    const token = await getIDToken('api://AzureADTokenExchange')
    const jwt = decodeJwt(token)!
    expect(jwt.header).toMatchObject({ alg: 'RS256', typ: 'JWT' })
    expect(jwt.payload).toMatchObject({
      iss: 'https://token.actions.githubusercontent.com',
      aud: 'api://AzureADTokenExchange',
      sub: 'repo:warranty-hub/platform:environment:production',
      repository: 'warranty-hub/platform',
      actor: 'octo-sre',
      run_id: '99',
      sha: 'abc'
    })
    const { exp, iat, nbf } = jwt.payload as {
      exp: number
      iat: number
      nbf: number
    }
    expect(exp - iat).toBe(300)
    expect(nbf).toBeLessThanOrEqual(iat)
    expect(verifyJwtSignature(jwt, oidc.jwks.keys)).toBe(true)
    const tampered = {
      ...jwt,
      signingInput: jwt.signingInput.replace(/\.[^.]+$/, '.e30')
    }
    expect(verifyJwtSignature(tampered, oidc.jwks.keys)).toBe(false)
  })

  it('refuses a request without the runner bearer token', async () => {
    const r = await fetch(`${oidc.requestUrl}&audience=x`, {
      headers: { authorization: 'Bearer wrong' }
    })
    expect(r.status).toBe(401)
  })

  it('requires api-version=2.0', async () => {
    const r = await fetch(
      oidc.requestUrl.replace('api-version=2.0', 'api-version=1.0'),
      {
        headers: { authorization: `Bearer ${oidc.requestToken}` }
      }
    )
    expect(r.status).toBe(400)
  })

  it('publishes its keys at the issuer discovery endpoints', async () => {
    const config = (await (
      await fetch(`${oidc.url}/.well-known/openid-configuration`)
    ).json()) as { jwks_uri: string; issuer: string }
    expect(config.issuer).toBe(oidc.issuer)
    const jwks = (await (await fetch(config.jwks_uri)).json()) as {
      keys: Array<{ kid: string }>
    }
    expect(jwks.keys.map((k) => k.kid)).toEqual(
      oidc.jwks.keys.map((k) => k.kid)
    )
  })

  it.each([
    [{ environment: 'prod' }, 'repo:o/r:environment:prod'],
    [{}, 'repo:o/r:ref:refs/heads/main'],
    [{ ref: 'refs/tags/v1' }, 'repo:o/r:ref:refs/tags/v1'],
    [{ event_name: 'pull_request' }, 'repo:o/r:pull_request'],
    [{ sub: 'repo:o/r:custom' }, 'repo:o/r:custom']
  ])('derives the subject from %j', (extra, subject) => {
    expect(
      githubSubject({
        repository: 'o/r',
        ref: 'refs/heads/main',
        actor: 'a',
        run_id: 1,
        ...extra
      })
    ).toBe(subject)
  })

  it('signs ES256 tokens that verify against its JWKS', async () => {
    const es = await startGitHubOidcEmulator({
      log,
      algorithm: 'ES256',
      claims: {
        repository: 'o/r',
        ref: 'refs/heads/main',
        actor: 'a',
        run_id: 1
      }
    })
    try {
      const jwt = decodeJwt(es.mint('aud'))!
      expect(jwt.header.alg).toBe('ES256')
      expect(verifyJwtSignature(jwt, es.jwks.keys)).toBe(true)
      expect(verifyJwtSignature(jwt, oidc.jwks.keys)).toBe(false)
    } finally {
      await es.close()
    }
  })

  it('carries the run claims GitHub issues (sha, workflow, job_workflow_ref, ids, run_attempt) as strings', () => {
    const jwt = decodeJwt(oidc.mint('api://AzureADTokenExchange'))!
    const p = jwt.payload
    expect(p).toMatchObject({
      sha: 'abc',
      workflow: expect.any(String),
      workflow_ref: expect.stringMatching(
        /^warranty-hub\/platform\/\.github\/workflows\/.+\.yml@refs\/heads\/main$/
      ),
      job_workflow_ref: expect.stringMatching(/@refs\/heads\/main$/),
      repository_id: expect.stringMatching(/^\d+$/),
      repository_owner: 'warranty-hub',
      repository_owner_id: expect.stringMatching(/^\d+$/),
      run_attempt: '1',
      run_number: expect.stringMatching(/^\d+$/),
      event_name: 'workflow_dispatch',
      ref_type: 'branch',
      actor_id: expect.stringMatching(/^\d+$/),
      runner_environment: 'github-hosted'
    })
    expect(p.repository_id).toBe(
      decodeJwt(oidc.mint('x'))!.payload.repository_id
    )
  })
})
