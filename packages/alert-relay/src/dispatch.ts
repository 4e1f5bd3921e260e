import { createAppAuth } from '@octokit/auth-app'
import { Octokit } from '@octokit/rest'
import { RELAY } from './constants.js'
import type { RollbackDispatchPayload } from './plan.js'

/** Sends one `repository_dispatch`; throws with `.status` (HTTP) when GitHub refuses. */
export type SendDispatch = (payload: RollbackDispatchPayload) => Promise<void>

/** GitHub App credentials (docs.github.com/apps/creating-github-apps/authenticating-with-a-github-app). */
export interface GitHubAppCredentials {
  appId: number
  /** PEM private key of the app (PKCS#1 or PKCS#8). */
  privateKey: string
  installationId: number
}

/**
 * A dispatcher that authenticates as a GitHub App installation (`@octokit/auth-app`: app JWT → installation access
 * token, cached and renewed by the library) and calls `POST /repos/{owner}/{repo}/dispatches`
 * (docs.github.com/rest/repos/repos#create-a-repository-dispatch-event) with event type `rollback-alert`.
 * The app needs the repository permission "Contents: write".
 * @param apiUrl GitHub REST root, e.g. https://api.github.com or https://<host>/api/v3.
 * @param repository `owner/name` of the repository holding rollback-on-alert.yml.
 */
export function githubAppDispatcher(
  apiUrl: string,
  repository: string,
  app: GitHubAppCredentials
): SendDispatch {
  const [owner, repo] = repository.split('/') as [string, string]
  const octokit = new Octokit({
    baseUrl: apiUrl.replace(/\/+$/, ''),
    authStrategy: createAppAuth,
    auth: {
      appId: app.appId,
      privateKey: app.privateKey,
      installationId: app.installationId
    },
    userAgent: 'rollback-actions-alert-relay',
    log: {
      debug: () => undefined,
      info: () => undefined,
      warn: () => undefined,
      error: () => undefined
    }
  })
  return async (payload) => {
    await octokit.rest.repos.createDispatchEvent({
      owner,
      repo,
      event_type: RELAY.eventType,
      client_payload: { ...payload }
    })
  }
}

/** Retry policy for GitHub calls: bounded, exponential with full jitter. */
export interface RetryPolicy {
  /** Attempts in total (first call included). */
  attempts: number
  /** First wait in milliseconds; doubles per attempt. */
  baseDelayMs: number
  /** Longest single wait in milliseconds. */
  maxDelayMs: number
}

/** Transient: network errors (no status), 408, 429 and 5xx. Other 4xx will not change by retrying. */
export function isTransient(error: unknown): boolean {
  const status = (error as { status?: unknown }).status
  return (
    typeof status !== 'number' ||
    status === 408 ||
    status === 429 ||
    status >= 500
  )
}

/**
 * Calls `fn` until it succeeds, a non-transient error occurs, or the attempts are used up; waits
 * `random(0, min(maxDelayMs, baseDelayMs × 2^n))` between attempts (full jitter, as AWS' "Exponential Backoff And
 * Jitter" describes) and reports each wait through `onRetry`.
 * @throws the last error.
 */
export async function withRetry<T>(
  fn: () => Promise<T>,
  policy: RetryPolicy,
  onRetry: (attempt: number, waitMs: number, error: unknown) => void,
  sleep: (ms: number) => Promise<void> = (ms) =>
    new Promise((resolve) => setTimeout(resolve, ms)),
  random: () => number = Math.random
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn()
    } catch (error) {
      if (attempt >= policy.attempts || !isTransient(error)) throw error
      const cap = Math.min(
        policy.maxDelayMs,
        policy.baseDelayMs * 2 ** (attempt - 1)
      )
      const waitMs = Math.round(random() * cap)
      onRetry(attempt, waitMs, error)
      await sleep(waitMs)
    }
  }
}
