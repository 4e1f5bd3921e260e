import { readFileSync } from 'node:fs'
import { z } from 'zod'
import { githubAppDispatcher, type RetryPolicy } from './dispatch.js'
import type { AlertRelayOptions } from './server.js'
import type { RelayLog } from './log.js'

/** A value from `NAME` or from the file named by `NAME_FILE` (Kubernetes Secret volumes), trimmed. */
function fromEnvOrFile(env: NodeJS.ProcessEnv, name: string): string {
  const file = env[`${name}_FILE`]
  if (file) return readFileSync(file, 'utf8').trim()
  return (env[name] ?? '').trim()
}

const positiveInt = (what: string) =>
  z.string().regex(/^\d+$/, `${what} must be a whole number`).transform(Number)

/** The relay's environment (deploy/kubernetes.yaml sets it). */
const RelayEnv = z.object({
  ROLLBACK_RELAY_TOKEN: z
    .string()
    .min(16, 'ROLLBACK_RELAY_TOKEN(_FILE) must hold at least 16 characters'),
  GITHUB_APP_ID: positiveInt('GITHUB_APP_ID'),
  GITHUB_APP_PRIVATE_KEY: z
    .string()
    .regex(
      /-----BEGIN (RSA )?PRIVATE KEY-----/,
      'GITHUB_APP_PRIVATE_KEY(_FILE) must be the app’s PEM private key'
    ),
  GITHUB_APP_INSTALLATION_ID: positiveInt('GITHUB_APP_INSTALLATION_ID'),
  GITHUB_API_URL: z.url().default('https://api.github.com'),
  ROLLBACK_REPOSITORY: z
    .string()
    .regex(
      /^[\w.-]+\/[\w.-]+$/,
      'ROLLBACK_REPOSITORY must be owner/name of the repository with rollback-on-alert.yml'
    ),
  ROLLBACK_DEFAULT_ENVIRONMENT: z.string().default(''),
  ROLLBACK_RELAY_PORT: positiveInt('ROLLBACK_RELAY_PORT').default(8080),
  ROLLBACK_RELAY_HOST: z.string().default('0.0.0.0'),
  ROLLBACK_DEDUP_TTL_SECONDS: positiveInt('ROLLBACK_DEDUP_TTL_SECONDS').default(
    86400
  )
})

/** GitHub retries: up to 5 attempts, 0.5 s doubling, at most 8 s per wait (about 15 s in the worst case). */
export const DEFAULT_RETRY: RetryPolicy = {
  attempts: 5,
  baseDelayMs: 500,
  maxDelayMs: 8000
}

/**
 * Reads the relay's options from the environment: `ROLLBACK_RELAY_TOKEN`, `GITHUB_APP_PRIVATE_KEY` (each also as
 * `<NAME>_FILE`), `GITHUB_APP_ID`, `GITHUB_APP_INSTALLATION_ID`, `GITHUB_API_URL`, `ROLLBACK_REPOSITORY`,
 * `ROLLBACK_DEFAULT_ENVIRONMENT`, `ROLLBACK_RELAY_HOST`/`PORT`, `ROLLBACK_DEDUP_TTL_SECONDS`.
 * @throws Error listing every missing or invalid variable (never their values).
 */
export function relayOptionsFromEnv(
  env: NodeJS.ProcessEnv,
  log: RelayLog
): AlertRelayOptions {
  const raw = {
    ...Object.fromEntries(
      Object.entries(env).filter(([, v]) => v !== undefined && v !== '')
    ),
    ROLLBACK_RELAY_TOKEN: fromEnvOrFile(env, 'ROLLBACK_RELAY_TOKEN'),
    GITHUB_APP_PRIVATE_KEY: fromEnvOrFile(env, 'GITHUB_APP_PRIVATE_KEY')
  }
  const r = RelayEnv.safeParse(raw)
  if (!r.success) {
    throw new Error(
      `alert-relay configuration: ${r.error.issues
        .map((i) => `${i.path.join('.')}: ${i.message}`)
        .join('; ')}`
    )
  }
  const c = r.data
  return {
    token: c.ROLLBACK_RELAY_TOKEN,
    defaultEnvironment: c.ROLLBACK_DEFAULT_ENVIRONMENT,
    send: githubAppDispatcher(c.GITHUB_API_URL, c.ROLLBACK_REPOSITORY, {
      appId: c.GITHUB_APP_ID,
      privateKey: c.GITHUB_APP_PRIVATE_KEY,
      installationId: c.GITHUB_APP_INSTALLATION_ID
    }),
    retry: DEFAULT_RETRY,
    dedupTtlSeconds: c.ROLLBACK_DEDUP_TTL_SECONDS,
    log,
    host: c.ROLLBACK_RELAY_HOST,
    port: c.ROLLBACK_RELAY_PORT
  }
}
