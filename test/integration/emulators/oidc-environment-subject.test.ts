import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createAzureCredential } from '@rollback-actions/azure'
import {
  createCertificateAuthority,
  RequestLog,
  startEntraEmulator,
  GITHUB_OIDC_ISSUER,
  githubSubject,
  startGitHubOidcEmulator
} from '@rollback-actions/emulators'

const AUDIENCE = 'api://AzureADTokenExchange'
const CLIENT = '11111111-2222-3333-4444-555555555555'
const TENANT = '66666666-7777-8888-9999-000000000000'
const claims = {
  repository: 'warranty-hub/platform',
  ref: 'refs/heads/main',
  actor: 'sre',
  run_id: '1'
}

// A job bound to a GitHub environment presents `repo:<owner>/<repo>:environment:<name>`; Entra accepts it only with a
// federated credential for exactly that subject (azure-identity-oidc.md §1–§2).
describe('GitHub OIDC subject of a job bound to an environment', () => {
  const log = new RequestLog()
  let oidc: Awaited<ReturnType<typeof startGitHubOidcEmulator>>
  let entra: Awaited<ReturnType<typeof startEntraEmulator>>
  let caPem = ''

  beforeAll(async () => {
    const ca = await createCertificateAuthority()
    caPem = ca.caPem
    oidc = await startGitHubOidcEmulator({ log, claims })
    entra = await startEntraEmulator({
      tls: await ca.issue(['localhost', '127.0.0.1']),
      log,
      tenantId: TENANT,
      federatedCredentials: [
        {
          clientId: CLIENT,
          issuer: GITHUB_OIDC_ISSUER,
          subject: githubSubject({ ...claims, environment: 'production' }),
          audience: AUDIENCE
        }
      ],
      issuerKeys: { [oidc.issuer]: oidc.jwks.keys }
    })
  })
  afterAll(async () => {
    await oidc?.close()
    await entra?.close()
  })

  /** What `core.getIDToken` does with the job's request token. */
  const fetchIdToken = async (requestToken: string) => {
    const res = await fetch(
      `${oidc.requestUrl}&audience=${encodeURIComponent(AUDIENCE)}`,
      { headers: { authorization: `Bearer ${requestToken}` } }
    )
    expect(res.status).toBe(200)
    return ((await res.json()) as { value: string }).value
  }
  const credentialFor = (requestToken: string) =>
    createAzureCredential({
      clientId: CLIENT,
      tenantId: TENANT,
      authorityHost: entra.url,
      getAssertion: () => fetchIdToken(requestToken),
      caPem
    })

  it('issues the environment subject to that job and Entra accepts it', async () => {
    const token = oidc.jobRequestToken({ environment: 'production' })
    const payload = JSON.parse(
      Buffer.from(
        (await fetchIdToken(token)).split('.')[1]!,
        'base64url'
      ).toString()
    ) as { sub: string }
    expect(payload.sub).toBe(
      'repo:warranty-hub/platform:environment:production'
    )
    const access = await credentialFor(token).getToken(
      'https://management.azure.com/.default'
    )
    expect(access?.token).toEqual(expect.any(String))
  })

  it('refuses a job whose environment has no federated credential, with the Entra error', async () => {
    const token = oidc.jobRequestToken({ environment: 'qa' })
    await expect(
      credentialFor(token).getToken('https://management.azure.com/.default')
    ).rejects.toThrow(/AADSTS7002(13|1)/)
  })

  it('refuses the branch subject when only the environment is trusted', async () => {
    await expect(
      credentialFor(oidc.requestToken).getToken(
        'https://management.azure.com/.default'
      )
    ).rejects.toThrow(/AADSTS7002(13|1)/)
  })

  it('refuses an unknown request token like the runner endpoint does', async () => {
    const res = await fetch(`${oidc.requestUrl}&audience=x`, {
      headers: { authorization: 'Bearer nope' }
    })
    expect(res.status).toBe(401)
  })
})
