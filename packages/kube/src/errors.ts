import {
  ConfigurationError,
  OperationError,
  type SuiteError
} from '@rollback-actions/action-kit'

/** HTTP status of a failed client-node call (`ApiException.code`), or of a failed watch (`statusCode`). */
export function statusCodeOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined
  const e = error as { code?: unknown; statusCode?: unknown }
  if (typeof e.code === 'number') return e.code
  if (typeof e.statusCode === 'number') return e.statusCode
  return undefined
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
    return new OperationError(
      `${what}: the Kubernetes API answered ${code}${reason ? ` ${reason}` : ''}${message ? `: ${message}` : ''}`,
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
