import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ConfigurationError } from '@rollback-actions/action-kit'
import {
  createAzureCredential,
  isKnownAuthorityHost
} from '@rollback-actions/azure'
import {
  CLIENT,
  startFederation,
  TENANT,
  type Federation
} from '../../helpers/federation.js'

const never = () => Promise.reject(new Error('not called'))

describe('createAzureCredential validation', () => {
  it.each([
    [{ clientId: 'app', tenantId: TENANT }, /client id "app" is not a GUID/],
    [
      { clientId: CLIENT, tenantId: 'not a tenant' },
      /tenant id "not a tenant" is neither a GUID nor a domain/
    ],
    [
      {
        clientId: CLIENT,
        tenantId: TENANT,
        authorityHost: 'http://127.0.0.1:1'
      },
      /must use https/
    ]
  ])('refuses %j', (options, message) => {
    expect(() =>
      createAzureCredential({ ...options, getAssertion: never }, {})
    ).toThrow(ConfigurationError)
    expect(() =>
      createAzureCredential({ ...options, getAssertion: never }, {})
    ).toThrow(message)
  })

  it.each([
    ['https://login.microsoftonline.com', true],
    ['https://login.microsoftonline.com/', true],
    ['https://login.chinacloudapi.cn', true],
    ['https://127.0.0.1:8443', false]
  ])('knows whether %s is a public Azure authority', (host, known) => {
    expect(isKnownAuthorityHost(host)).toBe(known)
  })
})

describe('createAzureCredential against the Entra emulator', () => {
  let world: Federation
  let ca: string
  let entra: Federation['entra']
  let oidc: Federation['oidc']

  beforeAll(async () => {
    world = await startFederation({
      algorithm: 'ES256',
      claims: {
        repository: 'warranty-hub/platform',
        ref: 'refs/tags/v2.0.0',
        actor: 'octo',
        run_id: 1
      },
      subject: 'repo:warranty-hub/platform:ref:refs/tags/v2.0.0'
    })
    ;({ caPem: ca, entra, oidc } = world)
  })

  afterAll(async () => {
    await world?.close()
  })

  it('honours AZURE_AUTHORITY_HOST, skips instance discovery and caches the token per scope', async () => {
    const credential = createAzureCredential(
      {
        clientId: CLIENT,
        tenantId: TENANT,
        getAssertion: () =>
          Promise.resolve(oidc.mint('api://AzureADTokenExchange')),
        caPem: ca
      },
      { AZURE_AUTHORITY_HOST: entra.url }
    )
    const first = await credential.getToken(
      'https://management.azure.com/.default'
    )
    const second = await credential.getToken(
      'https://management.azure.com/.default'
    )
    expect(first?.token).toBe(second?.token)
    expect(
      entra.verify(first?.token ?? '', 'https://management.azure.com/.default')
    ).toMatchObject({ clientId: CLIENT })
    expect(
      entra.verify(first?.token ?? '', 'https://vault.azure.net/.default')
    ).toBeUndefined()
    expect(entra.tokensIssued()).toBe(1)
  })

  /** The federated credential against the emulator, with assertions from `mint`. */
  const federated = (mint: () => string) =>
    createAzureCredential({
      clientId: CLIENT,
      tenantId: TENANT,
      authorityHost: entra.url,
      getAssertion: () => Promise.resolve(mint()),
      caPem: ca
    })

  it('surfaces a case-only subject mismatch as AADSTS7002138', async () => {
    const credential = federated(() =>
      oidc.mint('api://AzureADTokenExchange', {
        repository: 'Warranty-Hub/Platform'
      })
    )
    await expect(
      credential.getToken('https://management.azure.com/.default')
    ).rejects.toThrow(/AADSTS7002138/)
  })

  it('refuses an assertion minted for another audience (AADSTS70021)', async () => {
    const credential = federated(() =>
      oidc.mint('https://github.com/warranty-hub')
    )
    await expect(
      credential.getToken('https://management.azure.com/.default')
    ).rejects.toThrow(/AADSTS70021:/)
  })
})

describe('createAzureCredential with the Azure CLI session', () => {
  let dir: string
  const savedPath = process.env.PATH

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fake-az-'))
    const expires = Math.floor(Date.now() / 1000) + 3600
    await writeFile(
      join(dir, 'az'),
      `#!/bin/sh\necho "$@" > ${join(dir, 'args')}\necho '{"accessToken":"cli-access-token","expires_on":${expires},"tokenType":"Bearer"}'\n`
    )
    await chmod(join(dir, 'az'), 0o755)
  })

  afterAll(async () => {
    process.env.PATH = savedPath
    await rm(dir, { recursive: true, force: true })
  })

  it('asks az for a token of the resource', async () => {
    process.env.PATH = `${dir}:${savedPath ?? ''}`
    const token = await createAzureCredential({
      useAzureCli: true,
      tenantId: TENANT
    }).getToken('https://containerregistry.azure.net/.default')
    expect(token?.token).toBe('cli-access-token')
    const args = await readFile(join(dir, 'args'), 'utf8')
    expect(args).toContain(
      'account get-access-token --output json --resource https://containerregistry.azure.net'
    )
    expect(args).toContain(`--tenant ${TENANT}`)
  })
})
