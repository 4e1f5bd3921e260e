import type { KeyPairKeyObjectResult } from 'node:crypto'
import {
  githubAppDispatcher,
  startAlertRelay,
  type AlertmanagerWebhook,
  type RunningAlertRelay
} from '@rollback-actions/alert-relay'

type MemoryLog = Parameters<typeof startAlertRelay>[0]['log']

/**
 * One firing Alertmanager alert of the error-rate trigger of product-service in prod (the rule in
 * packages/health/rules/rollback-triggers.yml), as Alertmanager's webhook carries it; `labels` and `over` replace
 * or add fields.
 * @param labels labels added to or replacing the trigger's own.
 * @param over alert fields replacing the defaults.
 * @returns the alert.
 */
export const errorRateAlert = (
  labels: Record<string, string> = {},
  over: Partial<AlertmanagerWebhook['alerts'][number]> = {}
) => ({
  status: 'firing' as const,
  labels: {
    alertname: 'RollbackErrorRate',
    namespace: 'prod',
    service: 'product-service',
    environment: 'production',
    trigger_id: 'error-rate',
    rollback_class: 'roll-back-now',
    severity: 'critical',
    ...labels
  },
  annotations: {
    summary: '5xx ratio of product-service is 20%',
    threshold: '> 5% for 5m',
    value: '0.2'
  },
  startsAt: '2026-11-30T10:00:00Z',
  endsAt: '0001-01-01T00:00:00Z',
  generatorURL: 'http://prometheus/graph?g0.expr=x',
  fingerprint: '7a4f1c2b9e0d3f51',
  ...over
})

/** How the relay of {@link startRelayAsApp} dispatches: to `repo` on the GitHub API at `githubUrl`, as a GitHub App. */
export interface RelayAsApp {
  token: string
  githubUrl: string
  repo: string
  appId: number
  installationId: number
  privateKey: string
  retry: { attempts: number; baseDelayMs: number; maxDelayMs: number }
  log: MemoryLog
}

/**
 * The GitHub App `rollback-relay` as the GitHub REST emulator's `apps` option lists it, installed on `repo`.
 * @param id the app id.
 * @param installationId the installation on `repo`.
 * @param repo `owner/name`.
 * @param key the app's key pair (its public half is registered).
 * @returns the app entry.
 */
export const relayApp = (
  id: number,
  installationId: number,
  repo: string,
  key: KeyPairKeyObjectResult
) => ({
  id,
  slug: 'rollback-relay',
  publicKeyPem: key.publicKey
    .export({ type: 'spki', format: 'pem' })
    .toString(),
  installations: { [installationId]: [repo] }
})

/**
 * Starts the alert relay with no default environment and a one-hour dedup window, sending repository_dispatch as
 * the GitHub App of {@link relayApp}.
 * @param o the token Alertmanager presents, the GitHub API, the app, the retry policy and the log.
 * @returns the running relay.
 */
export const startRelayAsApp = (o: RelayAsApp): Promise<RunningAlertRelay> =>
  startAlertRelay({
    token: o.token,
    defaultEnvironment: '',
    send: githubAppDispatcher(o.githubUrl, o.repo, {
      appId: o.appId,
      privateKey: o.privateKey,
      installationId: o.installationId
    }),
    retry: o.retry,
    dedupTtlSeconds: 3600,
    log: o.log
  })
