import {
  ConfigurationError,
  DEFAULT_RETRY_POLICY,
  OperationError,
  TRANSIENT_STATUSES,
  networkFailure,
  retryAfterMs,
  withRetry,
  type Logger,
  type SuiteError
} from '@rollback-actions/action-kit'
import type { KubeClients } from './clients.js'

/** HTTP status of a failed client-node call (`ApiException.code`), or of a failed watch (`statusCode`). */
export function statusCodeOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined
  const e = error as { code?: unknown; statusCode?: unknown }
  // Only HTTP statuses: a DOMException's `code` (23 for a TimeoutError) is not one.
  const http = (v: unknown) =>
    typeof v === 'number' && v >= 100 && v <= 599 ? v : undefined
  return http(e.code) ?? http(e.statusCode)
}

/**
 * `reason` and `message` of the Kubernetes `Status` object an API error carries (client-node keeps the body as
 * text). Only these two short fields are quoted in our messages, never the body itself.
 */
function statusFields(error: unknown): { reason?: string; message?: string } {
  if (typeof error !== 'object' || error === null) return {}
  const body = (error as { body?: unknown }).body
  let parsed: unknown = body
  if (typeof body === 'string') {
    try {
      parsed = JSON.parse(body)
    } catch {
      return {}
    }
  }
  if (typeof parsed !== 'object' || parsed === null) return {}
  const status = parsed as { reason?: unknown; message?: unknown }
  return {
    ...(typeof status.reason === 'string' ? { reason: status.reason } : {}),
    ...(typeof status.message === 'string'
      ? { message: status.message.slice(0, 300) }
      : {})
  }
}

/** Whether the error is an HTTP 404 from the API server. */
export function isNotFound(error: unknown): boolean {
  return statusCodeOf(error) === 404
}

/**
 * Wraps an error thrown by a client-node call in the suite's error classes, with `what` (e.g.
 * `reading deployment "prod/web"`) as context: 401/403 become {@link ConfigurationError} (credentials, RBAC), anything
 * else {@link OperationError}. The original error is kept as `cause`; its body is never echoed.
 */
export function kubeError(what: string, error: unknown): SuiteError {
  const code = statusCodeOf(error)
  const { reason, message } = statusFields(error)
  if (code === 401) {
    return new ConfigurationError(
      `${what}: the Kubernetes API rejected the credentials (401 Unauthorized). Refresh the kubeconfig (az aks get-credentials, kubelogin) before this step.`,
      { cause: error }
    )
  }
  if (code === 403) {
    return new ConfigurationError(
      `${what}: forbidden (403)${message ? `: ${message}` : ''}. Grant the workflow's identity get, list, watch and patch on deployments and get, list, watch on replicasets, pods and pods/log in that namespace.`,
      { cause: error }
    )
  }
  if (code !== undefined) {
    const next = TRANSIENT_STATUSES.has(code)
      ? '. The API server kept failing through the retries; re-run the step once it answers (a re-run reads the current state first and converges)'
      : ''
    return new OperationError(
      `${what}: the Kubernetes API answered ${code}${reason ? ` ${reason}` : ''}${message ? `: ${message}` : ''}${next}`,
      { cause: error }
    )
  }
  const detail =
    error instanceof Error
      ? ((error.cause instanceof Error ? error.cause.message : undefined) ??
        error.message)
      : String(error)
  return new OperationError(
    `${what}: cannot reach the Kubernetes API (${detail.split('\n')[0]}). Check the kubeconfig's server address and the network path to the cluster.`,
    { cause: error }
  )
}

/**
 * Runs one Kubernetes API call under the clients' retry policy (docs/reliability.md): 408, 429 (its `Retry-After`
 * honoured), 500, 502, 503, 504, connection resets and request timeouts are retried with jittered backoff, one info
 * line per wait. Only for idempotent calls: reads, and PATCHes that set absolute values. A 409 Conflict is retried
 * only when `onConflict` is given; it runs before the retry (re-read the object, re-check the plan).
 *
 * @param what the operation, e.g. `reading deployment "prod/web"`.
 * @throws the call's last error unchanged (wrap it with {@link kubeError}).
 */
export function kubeRetry<T>(
  clients: Pick<KubeClients, 'policy'>,
  log: Logger,
  what: string,
  call: () => Promise<T>,
  onConflict?: () => Promise<void>
): Promise<T> {
  return withRetry(`Kubernetes API: ${what}`, call, {
    policy: clients.policy ?? DEFAULT_RETRY_POLICY,
    log,
    classify: (error) => {
      const code = statusCodeOf(error)
      if (code === 409 && onConflict)
        return { retry: true, reason: 'HTTP 409 Conflict, reading it again' }
      if (code !== undefined) {
        if (!TRANSIENT_STATUSES.has(code)) return undefined
        const headers = (error as { headers?: Record<string, string> }).headers
        const delayMs = retryAfterMs((name) => headers?.[name])
        return {
          retry: true,
          reason: `HTTP ${code}`,
          ...(delayMs !== undefined ? { delayMs } : {})
        }
      }
      const network = networkFailure(error)
      return network ? { retry: true, reason: network } : undefined
    },
    ...(onConflict
      ? {
          beforeRetry: async (error: unknown) => {
            if (statusCodeOf(error) === 409) await onConflict()
          }
        }
      : {})
  })
}
