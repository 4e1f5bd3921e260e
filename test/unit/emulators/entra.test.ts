import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { JsonWebKey } from 'node:crypto'
import {
  startEntraEmulator,
  type EntraEmulator
} from '@rollback-actions/emulators'
import {
  decodeJwt,
  signJwt,
  generateSigningKey,
  verifyJwtSignature
} from '@rollback-actions/emulators'
import { RequestLog } from '@rollback-actions/emulators'
import { createCertificateAuthority } from '@rollback-actions/emulators'
import { httpsRequest } from '../../helpers/https.js'

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47'
const CLIENT = '0b6f1b3c-5f7a-4c8e-9d2a-1a2b3c4d5e6f'
const ISSUER = 'https://token.actions.githubusercontent.com'
const SUBJECT = 'repo:o/r:environment:production'
const key = generateSigningKey('RS256')

async function request(
  url: string,
  ca: string,
  body?: string
): Promise<{ status: number; json: Record<string, unknown> }> {
  const reply = await httpsRequest(url, {
    method: body === undefined ? 'GET' : 'POST',
    ca,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    ...(body === undefined ? {} : { body })
  })
  return {
    status: reply.status,
    json: JSON.parse(reply.text) as Record<string, unknown>
  }
}

function assertion(claims: Record<string, unknown> = {}): string {
  const now = Math.floor(Date.now() / 1000)
  return signJwt(
    {
      iss: ISSUER,
      sub: SUBJECT,
      aud: 'api://AzureADTokenExchange',
      iat: now,
      nbf: now,
      exp: now + 300,
      ...claims
    },
    key
  )
}

function form(fields: Record<string, string>): string {
  return new URLSearchParams({
    client_id: CLIENT,
    grant_type: 'client_credentials',
    scope: 'https://vault.azure.net/.default',
    client_assertion_type:
      'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
    client_assertion: assertion(),
    ...fields
  }).toString()
}

describe('Entra emulator', () => {
  const log = new RequestLog()
  let ca: string
  let entra: EntraEmulator
  let tokenUrl: string

  beforeAll(async () => {
    const authority = await createCertificateAuthority()
    ca = authority.caPem
    entra = await startEntraEmulator({
      tls: await authority.issue(['127.0.0.1']),
      log,
      tenantId: TENANT,
      federatedCredentials: [
        {
          clientId: CLIENT,
          issuer: ISSUER,
          subject: SUBJECT,
          audience: 'api://AzureADTokenExchange'
        }
      ],
      issuerKeys: { [ISSUER]: [key.publicJwk] },
      appRoles: { [CLIENT]: { 'https://vault.azure.net': ['Secrets.Read'] } }
    })
    tokenUrl = `${entra.url}/${TENANT}/oauth2/v2.0/token`
  })

  afterAll(async () => {
    await entra?.close()
  })

  it('serves the metadata document MSAL needs, pointing back at itself', async () => {
    const r = await request(
      `${entra.url}/${TENANT}/v2.0/.well-known/openid-configuration`,
      ca
    )
    expect(r.status).toBe(200)
    expect(r.json).toMatchObject({
      token_endpoint: tokenUrl,
      authorization_endpoint: `${entra.url}/${TENANT}/oauth2/v2.0/authorize`,
      issuer: `${entra.url}/${TENANT}/v2.0`,
      jwks_uri: `${entra.url}/${TENANT}/discovery/v2.0/keys`
    })
  })

  it('issues a v1.0 JWT access token with the claims Azure issues, signed with a published key', async () => {
    const r = await request(tokenUrl, ca, form({}))
    expect(r.status).toBe(200)
    expect(r.json).toMatchObject({ token_type: 'Bearer', expires_in: 3599 })
    const jwt = decodeJwt(String(r.json.access_token))
    expect(jwt).toBeDefined()
    const oid = entra.objectIdOf(CLIENT)
    expect(jwt!.payload).toMatchObject({
      aud: 'https://vault.azure.net',
      iss: `https://sts.windows.net/${TENANT}/`,
      idp: `https://sts.windows.net/${TENANT}/`,
      appid: CLIENT,
      appidacr: '2',
      oid,
      sub: oid,
      tid: TENANT,
      ver: '1.0',
      roles: ['Secrets.Read']
    })
    const exp = Number(jwt!.payload.exp)
    expect(exp - Number(jwt!.payload.iat)).toBe(3599)
    const keys = await request(`${entra.url}/${TENANT}/discovery/v2.0/keys`, ca)
    expect(
      verifyJwtSignature(jwt!, (keys.json as { keys: JsonWebKey[] }).keys)
    ).toBe(true)
  })

  it('leaves out roles when the client has no app role on the resource', async () => {
    const r = await request(
      tokenUrl,
      ca,
      form({ scope: 'https://management.azure.com/.default' })
    )
    const jwt = decodeJwt(String(r.json.access_token))
    expect(jwt!.payload.aud).toBe('https://management.azure.com')
    expect(jwt!.payload).not.toHaveProperty('roles')
  })

  it('verifies a token as a resource server does: signature, audience, issuer', async () => {
    const r = await request(tokenUrl, ca, form({}))
    const token = String(r.json.access_token)
    expect(
      entra.verify(token, 'https://vault.azure.net/.default')
    ).toMatchObject({
      clientId: CLIENT,
      tenantId: TENANT,
      objectId: entra.objectIdOf(CLIENT),
      roles: ['Secrets.Read']
    })
    expect(entra.verify(token, ['https://vault.azure.net/'])).toBeDefined()
    expect(
      entra.verify(token, 'https://management.azure.com/.default')
    ).toBeUndefined()
    const [h, p] = token.split('.')
    const forged = signJwt(
      JSON.parse(Buffer.from(p!, 'base64url').toString('utf8')) as object,
      generateSigningKey('RS256')
    )
    expect(h).toBeDefined()
    expect(
      entra.verify(forged, 'https://vault.azure.net/.default')
    ).toBeUndefined()
    expect(
      entra.verify('made-up', 'https://vault.azure.net/.default')
    ).toBeUndefined()
  })

  it.each([
    ['a client secret', { client_secret: 's3cret' }, 401, 7000215],
    [
      'an unknown client',
      { client_id: '11111111-2222-3333-4444-555555555555' },
      400,
      700016
    ],
    [
      'a scope without /.default',
      { scope: 'https://vault.azure.net/secrets.read' },
      400,
      1002012
    ],
    ['another grant type', { grant_type: 'password' }, 400, 70003],
    ['no assertion', { client_assertion: '' }, 400, 900144],
    [
      'an expired assertion',
      {
        client_assertion: assertion({
          exp: Math.floor(Date.now() / 1000) - 3600
        })
      },
      400,
      700024
    ],
    [
      'a wrong subject',
      { client_assertion: assertion({ sub: 'repo:o/r:ref:refs/heads/main' }) },
      400,
      700213
    ],
    [
      'a subject differing in case',
      { client_assertion: assertion({ sub: SUBJECT.toUpperCase() }) },
      400,
      7002138
    ],
    [
      'a wrong issuer',
      { client_assertion: assertion({ iss: `${ISSUER}/` }) },
      400,
      70021
    ],
    [
      'a forged signature',
      {
        client_assertion: signJwt(
          {
            iss: ISSUER,
            sub: SUBJECT,
            aud: 'api://AzureADTokenExchange',
            exp: Math.floor(Date.now() / 1000) + 60
          },
          generateSigningKey('RS256')
        )
      },
      401,
      700027
    ]
  ])(
    'refuses %s with the AADSTS error body',
    async (_what, fields, status, code) => {
      const before = entra.tokensIssued()
      const r = await request(tokenUrl, ca, form(fields))
      expect(r.status).toBe(status)
      expect(r.json.error_codes).toEqual([code])
      expect(String(r.json.error_description)).toMatch(
        new RegExp(`^AADSTS${code}: `)
      )
      expect(r.json).toHaveProperty('correlation_id')
      expect(entra.tokensIssued()).toBe(before)
    }
  )

  it('answers AADSTS90002 for another tenant', async () => {
    const r = await request(
      `${entra.url}/common/oauth2/v2.0/token`,
      ca,
      form({})
    )
    expect(r.json.error_codes).toEqual([90002])
  })
})
