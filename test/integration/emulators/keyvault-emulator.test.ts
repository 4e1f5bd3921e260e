import https from 'node:https'
import tls from 'node:tls'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createAzureCredential } from '@rollback-actions/azure'
import { createKeyVaultClient } from '@rollback-actions/secrets'
import type { SecretClient } from '@azure/keyvault-secrets'
import {
  startDatabaseSandbox,
  type DatabaseSandbox
} from '@rollback-actions/sandbox'

let sb: DatabaseSandbox
let client: SecretClient

beforeAll(async () => {
  sb = await startDatabaseSandbox()
  tls.setDefaultCACertificates([...tls.getCACertificates('default'), sb.caPem])
  const credential = createAzureCredential(
    {
      clientId: sb.clientId,
      tenantId: sb.tenantId,
      getAssertion: () =>
        Promise.resolve(sb.oidc.mint('api://AzureADTokenExchange'))
    },
    sb.env
  )
  client = createKeyVaultClient(sb.keyVault.url, credential)
})
afterAll(async () => {
  await sb?.close()
})

describe('Key Vault secrets emulator as @azure/keyvault-secrets calls it', () => {
  it('challenges unauthenticated requests with the Entra authority', async () => {
    await client.setSecret('challenge-check', 'v1')
    const first = sb.log.of('keyvault')[0]!
    expect(first.status).toBe(401)
    expect(
      sb.log.of('entra').some((e) => e.path.includes('/oauth2/v2.0/token'))
    ).toBe(true)
  })

  it('sets new versions and keeps the old ones', async () => {
    const a = await client.setSecret('db-conn', 'first')
    const b = await client.setSecret('db-conn', 'second', { tags: { k: 'v' } })
    expect(a.properties.version).not.toBe(b.properties.version)
    expect((await client.getSecret('db-conn')).value).toBe('second')
    expect(
      (await client.getSecret('db-conn', { version: a.properties.version! }))
        .value
    ).toBe('first')
    const versions: string[] = []
    for await (const p of client.listPropertiesOfSecretVersions('db-conn'))
      versions.push(p.version!)
    expect(versions.sort()).toEqual(
      [a.properties.version!, b.properties.version!].sort()
    )
    expect(b.properties.tags).toEqual({ k: 'v' })
  })

  it('answers SecretNotFound for a missing secret', async () => {
    await expect(client.getSecret('missing-secret')).rejects.toMatchObject({
      statusCode: 404,
      code: 'SecretNotFound'
    })
  })

  it('answers BadParameter for an invalid name', async () => {
    await expect(client.getSecret('bad_name')).rejects.toMatchObject({
      statusCode: 400,
      code: 'BadParameter'
    })
  })

  it('refuses a token issued for another audience', async () => {
    const armToken = await createAzureCredential(
      {
        clientId: sb.clientId,
        tenantId: sb.tenantId,
        getAssertion: () =>
          Promise.resolve(sb.oidc.mint('api://AzureADTokenExchange'))
      },
      sb.env
    ).getToken('https://management.azure.com/.default')
    const status = await new Promise<number>((resolve, reject) => {
      const req = https.request(
        `${sb.keyVault.url}/secrets/db-conn?api-version=7.6`,
        { headers: { authorization: `Bearer ${armToken!.token}` } },
        (res) => {
          res.resume()
          resolve(res.statusCode ?? 0)
        }
      )
      req.on('error', reject)
      req.end()
    })
    expect(status).toBe(401)
  })
})
