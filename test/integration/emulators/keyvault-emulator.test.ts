import tls from 'node:tls'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  createKeyVaultClient,
  readKeyVaultSecret,
  swapKeyVaultSecret
} from '@rollback-actions/secrets'
import type { SecretClient } from '@azure/keyvault-secrets'
import { recordingLogger } from '@rollback-actions/action-kit'
import {
  startDatabaseSandbox,
  type DatabaseSandbox
} from '@rollback-actions/sandbox'
import { httpsRequest } from '../../helpers/https.js'
import { sandboxCredential } from '../../helpers/pitr.js'

let sb: DatabaseSandbox
let client: SecretClient

beforeAll(async () => {
  sb = await startDatabaseSandbox()
  tls.setDefaultCACertificates([...tls.getCACertificates('default'), sb.caPem])
  client = createKeyVaultClient(sb.keyVault.url, credential())
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
    const armToken = await credential().getToken(
      'https://management.azure.com/.default'
    )
    const { status } = await httpsRequest(
      `${sb.keyVault.url}/secrets/db-conn?api-version=7.6`,
      { headers: { authorization: `Bearer ${armToken!.token}` } }
    )
    expect(status).toBe(401)
  })
})

/** A raw request to the vault with a token the SDK's credential would send. */
async function raw(
  method: string,
  path: string,
  body?: unknown
): Promise<{ status: number; json: Record<string, unknown> }> {
  const token = await credential().getToken('https://vault.azure.net/.default')
  const reply = await httpsRequest(`${sb.keyVault.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token!.token}`,
      'content-type': 'application/json'
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) })
  })
  return {
    status: reply.status,
    json: (reply.text ? JSON.parse(reply.text) : {}) as Record<string, unknown>
  }
}

/** The sandbox's federated credential, as the actions build it. */
const credential = () => sandboxCredential(sb)

const errorOf = (json: Record<string, unknown>) =>
  json.error as {
    code: string
    message: string
    innererror?: { code: string }
  }

describe('Key Vault emulator: as strict as the service', () => {
  it('requires an api-version', async () => {
    const r = await raw('GET', '/secrets/db-conn')
    expect(r.status).toBe(400)
    expect(errorOf(r.json).code).toBe('BadParameter')
  })

  it.each(['7.9', '2099-01-01', '7.5-preview.9'])(
    'refuses api-version %s it does not serve, naming the latest',
    async (version) => {
      const r = await raw('GET', `/secrets/db-conn?api-version=${version}`)
      expect(r.status).toBe(400)
      expect(errorOf(r.json)).toMatchObject({
        code: 'BadParameter',
        message: `The specified version (${version}) is not recognized. Consider using the latest supported version (2026-04-01).`
      })
    }
  )

  it('answers 403 Forbidden (ForbiddenByRbac) to a caller whose role does not allow the action', async () => {
    await client.setSecret('rbac-check', 'v1')
    const assignments = sb.keyVault.roleAssignments!
    const saved = assignments.splice(0)
    assignments.push({
      principalId: sb.clientId,
      role: 'Key Vault Secrets User'
    })
    try {
      expect((await client.getSecret('rbac-check')).value).toBe('v1')
      const e = await client
        .setSecret('rbac-check', 'v2')
        .catch((x: unknown) => x)
      expect(e).toMatchObject({ statusCode: 403, code: 'Forbidden' })
      const r = await raw('PUT', '/secrets/rbac-check?api-version=7.6', {
        value: 'v2'
      })
      expect(errorOf(r.json).innererror?.code).toBe('ForbiddenByRbac')
      expect(errorOf(r.json).message).toContain(
        "Action: 'Microsoft.KeyVault/vaults/secrets/setSecret/action'"
      )
      await expect(
        swapKeyVaultSecret(client, 'rbac-check', 'v3', recordingLogger())
      ).rejects.toThrow(/lacks a Key Vault role.*Key Vault Secrets Officer/)
    } finally {
      assignments.splice(0, assignments.length, ...saved)
    }
  })

  it('disables a version with UpdateSecret; reading it answers 403 SecretDisabled', async () => {
    const a = await client.setSecret('disable-check', 'old')
    await client.setSecret('disable-check', 'new')
    const updated = await client.updateSecretProperties(
      'disable-check',
      a.properties.version!,
      { enabled: false }
    )
    expect(updated.enabled).toBe(false)
    const e = await client
      .getSecret('disable-check', { version: a.properties.version! })
      .catch((x: unknown) => x)
    expect(e).toMatchObject({ statusCode: 403, code: 'Forbidden' })
    const r = await raw(
      'GET',
      `/secrets/disable-check/${a.properties.version!}?api-version=7.6`
    )
    expect(errorOf(r.json)).toMatchObject({
      message: 'Operation get is not allowed on a disabled secret.',
      innererror: { code: 'SecretDisabled' }
    })
    await expect(
      readKeyVaultSecret(
        client,
        { name: 'disable-check', version: a.properties.version! },
        recordingLogger()
      )
    ).rejects.toThrow(/version is disabled \(HTTP 403 SecretDisabled\)/)
    expect((await client.getSecret('disable-check')).value).toBe('new')
  })

  it('pages lists by maxresults with a nextLink', async () => {
    for (const n of ['page-a', 'page-b', 'page-c'])
      await client.setSecret(n, 'x')
    const first = await raw('GET', '/secrets?api-version=7.6&maxresults=2')
    expect(first.status).toBe(200)
    expect(first.json.value).toHaveLength(2)
    expect(String(first.json.nextLink)).toMatch(/maxresults=2/)
    const pages: number[] = []
    for await (const page of client
      .listPropertiesOfSecrets()
      .byPage({ maxPageSize: 2 }))
      pages.push(page.length)
    expect(pages.every((n) => n <= 2)).toBe(true)
    expect(pages.length).toBeGreaterThan(1)
    expect(
      (await raw('GET', '/secrets?api-version=7.6&maxresults=26')).status
    ).toBe(400)
  })

  it('sends tags only when a version has some', async () => {
    await client.setSecret('untagged', 'x')
    const r = await raw('GET', '/secrets/untagged?api-version=7.6')
    expect(r.json).not.toHaveProperty('tags')
  })
})
