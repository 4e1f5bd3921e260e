import { describe, expect, it } from '@jest/globals'
import { run } from '../../../actions/secret-swap/src/main.js'
import { runFake } from '../../helpers/fake-context.js'

const PASSWORD = 'never-shown-p@ss'
const base = {
  'server-fqdn': 'prod-db-pitr.postgres.database.azure.com',
  database: 'app',
  username: 'pgadmin',
  password: PASSWORD
}

/**
 * Every case fails in input validation, before any client exists: the environment points every service at
 * a closed port, so any request would surface as a network error rather than the expected message.
 */
const env = {
  GITHUB_API_URL: 'http://127.0.0.1:9',
  AZURE_AUTHORITY_HOST: 'https://127.0.0.1:9',
  KUBECONFIG: '/nonexistent/kubeconfig'
}

describe('secret-swap refuses bad input before writing anything', () => {
  it.each([
    [
      'an unknown target',
      { target: 'vault', 'secret-name': 'x' },
      /^secret-swap: input "target": "vault" is not a known target; use one of key-vault, kubernetes-secret, github-environment-secret/
    ],
    [
      'an unknown mode',
      {
        mode: 'flip',
        target: 'key-vault',
        'secret-name': 'x',
        'key-vault-url': 'https://kv-prod.vault.azure.net'
      },
      /input "mode": "flip" must be "swap" or "swap-back"/
    ],
    [
      'an invalid Key Vault secret name',
      {
        target: 'key-vault',
        'secret-name': 'db_connection',
        'key-vault-url': 'https://kv-prod.vault.azure.net'
      },
      /input "secret-name": "db_connection" is not a valid Key Vault secret name/
    ],
    [
      'a Key Vault URL with a path',
      {
        target: 'key-vault',
        'secret-name': 'db',
        'key-vault-url': 'https://kv-prod.vault.azure.net/secrets'
      },
      /input "key-vault-url": .*without a path/
    ],
    [
      'a Key Vault URL over http',
      {
        target: 'key-vault',
        'secret-name': 'db',
        'key-vault-url': 'http://kv-prod.vault.azure.net'
      },
      /input "key-vault-url": .*must be https/
    ],
    [
      'an invalid vault name',
      {
        target: 'key-vault',
        'secret-name': 'db',
        'key-vault-url': 'https://k.vault.azure.net'
      },
      /input "key-vault-url": .*"k" is not a valid vault name/
    ],
    [
      'no vault for target key-vault',
      { target: 'key-vault', 'secret-name': 'db' },
      /input "key-vault-url": is required when target is key-vault/
    ],
    [
      'an invalid Kubernetes Secret name',
      { target: 'kubernetes-secret', 'secret-name': 'Product_DB' },
      /input "secret-name": "Product_DB" is not a valid Kubernetes Secret name/
    ],
    [
      'an invalid Secret key',
      {
        target: 'kubernetes-secret',
        'secret-name': 'db',
        'secret-key': 'conn string'
      },
      /input "secret-key": "conn string" is not a valid Secret key/
    ],
    [
      'an invalid GitHub secret name',
      {
        target: 'github-environment-secret',
        'secret-name': 'GITHUB_DB',
        environment: 'production',
        'github-token': 'ghs_x'
      },
      /input "secret-name": "GITHUB_DB" is not a valid GitHub secret name/
    ],
    [
      'no environment for a GitHub secret',
      {
        target: 'github-environment-secret',
        'secret-name': 'DATABASE_URL',
        'github-token': 'ghs_x'
      },
      /input "environment": is required when target is github-environment-secret/
    ],
    [
      'an invalid Key Vault password reference',
      {
        target: 'kubernetes-secret',
        'secret-name': 'db',
        password: '',
        'password-key-vault-ref': 'https://kv-prod.vault.azure.net/keys/pw'
      },
      /input "password-key-vault-ref": .* is not a Key Vault secret URI/
    ],
    [
      'a Key Vault password reference with a bad secret name',
      {
        target: 'kubernetes-secret',
        'secret-name': 'db',
        password: '',
        'password-key-vault-ref': 'https://kv-prod.vault.azure.net/secrets/pw_1'
      },
      /input "password-key-vault-ref": .*"pw_1" is not a valid Key Vault secret name/
    ],
    [
      'no password at all',
      { target: 'kubernetes-secret', 'secret-name': 'db', password: '' },
      /input "password": is required with server-fqdn/
    ],
    [
      'both password and a reference',
      {
        target: 'kubernetes-secret',
        'secret-name': 'db',
        'password-key-vault-ref': 'https://kv-prod.vault.azure.net/secrets/pw'
      },
      /input "password-key-vault-ref": .*give either password or password-key-vault-ref/
    ],
    [
      'no server for swap',
      { target: 'kubernetes-secret', 'secret-name': 'db', 'server-fqdn': '' },
      /input "server-fqdn": is required for mode swap/
    ],
    [
      'an invalid ssl-mode',
      { target: 'kubernetes-secret', 'secret-name': 'db', 'ssl-mode': 'yes' },
      /input "ssl-mode": "yes" must be one of disable/
    ],
    [
      'a bad deployment list',
      {
        target: 'kubernetes-secret',
        'secret-name': 'db',
        deployments: 'product-service'
      },
      /input "deployments": /
    ]
  ])('%s', async (_label, inputs, message) => {
    const ctx = await runFake(run, 'secret-swap', { ...base, ...inputs }, env)
    expect(ctx.failure).toMatch(message)
    expect(ctx.audit.steps).toHaveLength(0)
    expect(ctx.everything()).not.toContain(PASSWORD)
    expect(ctx.everything()).not.toContain(encodeURIComponent(PASSWORD))
  })
})
