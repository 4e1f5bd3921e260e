import { describe, expect, it } from '@jest/globals'
import {
  buildConnectionString,
  checkGitHubSecretName,
  checkKeyVaultSecretName,
  checkKeyVaultUrl,
  describeConnectionString,
  parseKeyVaultReference,
  sealForGitHub,
  splitHostPort
} from '@rollback-actions/secrets'
import sodium from 'libsodium-wrappers'

describe('buildConnectionString', () => {
  it('percent-encodes user, password and database', () => {
    expect(
      buildConnectionString({
        host: 'db.postgres.database.azure.com',
        database: 'app db',
        username: 'admin@x',
        password: 'p@ss:/w?#',
        sslMode: 'require'
      })
    ).toBe(
      'postgresql://admin%40x:p%40ss%3A%2Fw%3F%23@db.postgres.database.azure.com:5432/app%20db?sslmode=require'
    )
  })
  it('takes the port from host:port before the port input', () => {
    expect(
      buildConnectionString({
        host: '127.0.0.1:6543',
        port: 5432,
        database: 'app',
        username: 'u',
        password: 'p',
        sslMode: 'disable'
      })
    ).toBe('postgresql://u:p@127.0.0.1:6543/app?sslmode=disable')
  })
  it('hides the password when described', () => {
    expect(
      describeConnectionString(
        'postgresql://u:secret@h:5432/app?sslmode=require'
      )
    ).toBe('postgresql://u@h:5432/app')
  })
  it.each(['db.example:99999', 'http://db', 'db/x', ''])(
    'refuses host %j',
    (host) => {
      expect(() => splitHostPort(host, 'server-fqdn')).toThrow(
        /^input "server-fqdn": /
      )
    }
  )
})

describe('names', () => {
  it.each(['db-conn', 'A1', 'x'.repeat(127)])(
    'accepts Key Vault secret %s',
    (n) => expect(() => checkKeyVaultSecretName(n, 'secret-name')).not.toThrow()
  )
  it.each(['db_conn', 'db.conn', '', 'x'.repeat(128)])(
    'refuses Key Vault secret %j',
    (n) =>
      expect(() => checkKeyVaultSecretName(n, 'secret-name')).toThrow(
        /^input "secret-name"/
      )
  )
  it.each(['DATABASE_URL', '_x', 'a1'])('accepts GitHub secret %s', (n) =>
    expect(() => checkGitHubSecretName(n, 'secret-name')).not.toThrow()
  )
  it.each(['1DB', 'GITHUB_TOKEN', 'github_x', 'DB-URL'])(
    'refuses GitHub secret %s',
    (n) =>
      expect(() => checkGitHubSecretName(n, 'secret-name')).toThrow(
        /^input "secret-name"/
      )
  )
  it('normalizes a vault URL', () =>
    expect(
      checkKeyVaultUrl('https://kv-prod.vault.azure.net/', 'key-vault-url')
    ).toBe('https://kv-prod.vault.azure.net'))
  it('parses an App Service style reference', () => {
    expect(
      parseKeyVaultReference(
        '@Microsoft.KeyVault(SecretUri=https://kv-prod.vault.azure.net/secrets/db-password/0123abcd)',
        'x'
      )
    ).toEqual({
      vaultUrl: 'https://kv-prod.vault.azure.net',
      name: 'db-password',
      version: '0123abcd'
    })
  })
})

describe('sealForGitHub', () => {
  it('produces a sealed box the private key opens', async () => {
    await sodium.ready
    const kp = sodium.crypto_box_keypair()
    const sealed = await sealForGitHub(
      'hello-secret',
      sodium.to_base64(kp.publicKey, sodium.base64_variants.ORIGINAL)
    )
    const bytes = sodium.from_base64(sealed, sodium.base64_variants.ORIGINAL)
    expect(bytes).toHaveLength(48 + 12)
    expect(
      sodium.to_string(
        sodium.crypto_box_seal_open(bytes, kp.publicKey, kp.privateKey)
      )
    ).toBe('hello-secret')
  })
})
