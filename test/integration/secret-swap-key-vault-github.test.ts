import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { DatabaseSandbox } from '@rollback-actions/sandbox'
import { run } from '../../actions/secret-swap/src/main.js'
import { runInSandbox, startTrustedDatabaseSandbox } from '../helpers/pitr.js'

const PASSWORD = 'kv p@ss/wörd "x" +&='
const OLD_URL =
  'postgresql://pgadmin:old-value@old-db.postgres.database.azure.com:5432/app?sslmode=require'
let sb: DatabaseSandbox

function expectNoLeak(text: string, value: string) {
  for (const form of [
    value,
    Buffer.from(value).toString('base64'),
    Buffer.from(value).toString('base64url'),
    encodeURIComponent(value),
    JSON.stringify(value).slice(1, -1)
  ])
    expect(text).not.toContain(form)
}

const common = () => ({
  'server-fqdn': 'prod-db-pitr-20261122031500.postgres.database.azure.com',
  database: 'app',
  username: 'pgadmin',
  'client-id': sb.clientId,
  'tenant-id': sb.tenantId
})
/** Inputs of a swap into the Key Vault of the sandbox, secret `secretName`. */
const toKeyVault = (secretName: string) => ({
  target: 'key-vault',
  'key-vault-url': sb.keyVault.url,
  'secret-name': secretName
})
/** Inputs of a swap into GitHub environment secret DATABASE_URL of `environment`. */
const toGitHub = (environment = 'production', token = sb.githubToken) => ({
  target: 'github-environment-secret',
  'secret-name': 'DATABASE_URL',
  environment,
  'github-token': token,
  password: PASSWORD
})
const NEW_URL = `postgresql://pgadmin:${encodeURIComponent(PASSWORD)}@prod-db-pitr-20261122031500.postgres.database.azure.com:5432/app?sslmode=require`

const swap = (inputs: Record<string, string>) =>
  runInSandbox(sb, 'secret-swap', run, inputs)

beforeAll(async () => {
  sb = await startTrustedDatabaseSandbox()
  sb.keyVault.set('app-db-connection', OLD_URL)
  sb.keyVault.set('app-db-password', PASSWORD)
})
afterAll(async () => {
  await sb?.close()
})

describe('secret-swap to Key Vault', () => {
  it('writes a new version and keeps the previous one', async () => {
    const previous = sb.keyVault.versions('app-db-connection').at(-1)!.version
    const ctx = await swap({
      ...common(),
      ...toKeyVault('app-db-connection'),
      password: PASSWORD
    })
    expect(ctx.failure).toBeUndefined()
    const versions = sb.keyVault.versions('app-db-connection')
    expect(versions).toHaveLength(2)
    expect(versions[0]!.value).toBe(OLD_URL)
    expect(versions[1]!.value).toBe(NEW_URL)
    expect(versions[1]!.tags['rollback-actions-previous-version']).toBe(
      previous
    )
    expect(ctx.outputs['previous-version']).toBe(previous)
    expect(ctx.outputs['current-version']).toBe(versions[1]!.version)
    expectNoLeak(ctx.everything(), PASSWORD)
    expectNoLeak(ctx.everything(), NEW_URL)
  })

  it('swap-back writes the previous value as a new version; every version stays', async () => {
    const swapBack = () =>
      swap({
        ...toKeyVault('app-db-connection'),
        mode: 'swap-back',
        'client-id': sb.clientId,
        'tenant-id': sb.tenantId
      })
    const ctx = await swapBack()
    expect(ctx.failure).toBeUndefined()
    const versions = sb.keyVault.versions('app-db-connection')
    expect(versions.map((v) => v.value)).toEqual([OLD_URL, NEW_URL, OLD_URL])
    expectNoLeak(ctx.everything(), OLD_URL)
    expectNoLeak(ctx.everything(), NEW_URL)

    // a re-run of the same swap-back (after a failed restart) writes no version and keeps the old server live
    const again = await swapBack()
    expect(again.failure).toBeUndefined()
    expect(
      sb.keyVault.versions('app-db-connection').map((v) => v.value)
    ).toEqual([OLD_URL, NEW_URL, OLD_URL])
  })

  it('reads the password from a Key Vault reference without showing it', async () => {
    const ctx = await swap({
      ...common(),
      ...toKeyVault('app-db-connection-2'),
      'password-key-vault-ref': `@Microsoft.KeyVault(SecretUri=${sb.keyVault.url}/secrets/app-db-password)`
    })
    expect(ctx.failure).toBeUndefined()
    expect(sb.keyVault.value('app-db-connection-2')).toBe(NEW_URL)
    expectNoLeak(ctx.everything(), PASSWORD)
  })

  it('names a missing Key Vault password secret without leaking anything', async () => {
    const mark = sb.log.mark()
    const ctx = await swap({
      ...common(),
      ...toKeyVault('app-db-connection-3'),
      'password-key-vault-ref': `${sb.keyVault.url}/secrets/no-such-password`
    })
    expect(ctx.failure).toMatch(
      /^secret-swap: reading Key Vault secret "no-such-password": not found in the vault \(HTTP 404 SecretNotFound\)/
    )
    expect(sb.log.writes('keyvault', mark)).toHaveLength(0)
  })
})

describe('secret-swap to a GitHub environment secret', () => {
  it('PUTs a libsodium sealed box the environment key opens to the connection string', async () => {
    const ctx = await swap({
      ...common(),
      ...toGitHub()
    })
    expect(ctx.failure).toBeUndefined()
    const stored = sb.github.secret(
      sb.repository,
      'production',
      'DATABASE_URL'
    )!
    expect(stored.value).toBe(NEW_URL)
    // Sealed box: 32-byte ephemeral key + 16-byte MAC + message.
    expect(Buffer.from(stored.encryptedValue, 'base64')).toHaveLength(
      48 + Buffer.byteLength(NEW_URL)
    )
    expectNoLeak(ctx.everything(), PASSWORD)
    expectNoLeak(ctx.everything(), NEW_URL)
    expectNoLeak(ctx.everything(), sb.githubToken)
  })

  it('swap-back writes the original server given as input the same way', async () => {
    const ctx = await swap({
      ...common(),
      mode: 'swap-back',
      'server-fqdn': 'prod-db.postgres.database.azure.com',
      ...toGitHub()
    })
    expect(ctx.failure).toBeUndefined()
    expect(
      sb.github.secret(sb.repository, 'production', 'DATABASE_URL')!.value
    ).toMatch(/@prod-db\.postgres\.database\.azure\.com:5432\/app/)
    expectNoLeak(ctx.everything(), PASSWORD)
  })

  it('turns a refused token into a clear error that shows neither token nor password', async () => {
    const ctx = await swap({
      ...common(),
      ...toGitHub('production', 'ghs_wrong-token-value')
    })
    expect(ctx.failure).toMatch(
      /^secret-swap: reading the public key for environment secret DATABASE_URL .*GitHub refused the token \(HTTP 401\)/
    )
    expectNoLeak(ctx.everything(), PASSWORD)
    expectNoLeak(ctx.everything(), 'ghs_wrong-token-value')
  })

  it('names an unknown environment', async () => {
    const ctx = await swap({
      ...common(),
      ...toGitHub('nowhere')
    })
    expect(ctx.failure).toMatch(
      /repository or environment not found \(HTTP 404\); check inputs "repository" and "environment"/
    )
  })
})
