import { generateKeyPairSync } from 'node:crypto'
import { describe, expect, it } from '@jest/globals'
import { memoryLog, relayOptionsFromEnv } from '@rollback-actions/alert-relay'

const key = generateKeyPairSync('rsa', { modulusLength: 2048 })
  .privateKey.export({ type: 'pkcs8', format: 'pem' })
  .toString()
const env = {
  ROLLBACK_RELAY_TOKEN: 'a-long-enough-webhook-token',
  GITHUB_APP_ID: '4242',
  GITHUB_APP_PRIVATE_KEY: key,
  GITHUB_APP_INSTALLATION_ID: '77',
  ROLLBACK_REPOSITORY: 'acme/app'
}

describe('relayOptionsFromEnv', () => {
  it('reads the relay settings with their defaults', () => {
    const o = relayOptionsFromEnv(env, memoryLog())
    expect(o).toMatchObject({
      token: 'a-long-enough-webhook-token',
      defaultEnvironment: '',
      dedupTtlSeconds: 86400,
      host: '0.0.0.0',
      port: 8080
    })
  })

  it('names every missing or invalid variable without echoing secrets', () => {
    const bad = {
      ...env,
      ROLLBACK_RELAY_TOKEN: 'short',
      GITHUB_APP_ID: 'x1',
      ROLLBACK_REPOSITORY: 'app'
    }
    const error = (() => {
      try {
        relayOptionsFromEnv(bad, memoryLog())
        return ''
      } catch (e) {
        return (e as Error).message
      }
    })()
    expect(error).toMatch(/ROLLBACK_RELAY_TOKEN: .*at least 16/)
    expect(error).toMatch(/GITHUB_APP_ID: GITHUB_APP_ID must be a whole number/)
    expect(error).toMatch(/ROLLBACK_REPOSITORY: /)
    expect(error).not.toContain('short')
  })
})
