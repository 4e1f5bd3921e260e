import { PostgreSQLManagementFlexibleServerClient } from '@azure/arm-postgresql-flexible'
import type { TokenCredential } from '@azure/core-auth'
import type {
  PipelinePolicy,
  PipelineRequest,
  PipelineResponse,
  SendRequest
} from '@azure/core-rest-pipeline'
import {
  ConfigurationError,
  DEFAULT_RETRY_POLICY,
  type Logger,
  type RetryPolicy
} from '@rollback-actions/action-kit'
import { azurePipelineOptions } from '@rollback-actions/azure'
import { PITR } from './constants.js'

export interface FlexibleServerClientOptions {
  credential: TokenCredential
  subscriptionId: string
  /** ARM endpoint (https); default `ROLLBACK_ARM_ENDPOINT`, else `https://management.azure.com`. */
  endpoint?: string
  /** Extra CA (PEM) for an emulated endpoint when `NODE_EXTRA_CA_CERTS` cannot be set (in-process tests). */
  caPem?: string
  log: Logger
  /** Retries, backoff and per-request timeout (docs/reliability.md); default the kit's. */
  policy?: RetryPolicy
  /** Retries of a 429 that carries no `Retry-After` (the SDK does not retry those); default `policy.attempts - 1`. */
  throttleRetries?: number
  /** First wait of those retries in ms, doubled each time, ±20 % jitter; default 2000. */
  throttleBaseDelayMs?: number
  /** The SDK's own retries (5xx, 408, 429 with Retry-After, resets, timeouts); default `policy.attempts - 1`. */
  maxRetries?: number
}

function hasRetryAfter(response: PipelineResponse): boolean {
  return ['retry-after', 'retry-after-ms', 'x-ms-retry-after-ms'].some((h) =>
    response.headers.has(h)
  )
}

/**
 * A pipeline policy that retries `429 Too Many Requests` answers without `Retry-After` (the SDK's throttling
 * policy retries only when the header is present). Bounded, exponential with jitter, one info line per wait.
 * ARM throttling guidance: https://learn.microsoft.com/azure/azure-resource-manager/management/request-limits-and-throttling
 */
export function throttleWithoutRetryAfterPolicy(
  log: Logger,
  retries: number,
  baseDelayMs: number
): PipelinePolicy {
  return {
    name: 'rollbackThrottleWithoutRetryAfter',
    async sendRequest(request: PipelineRequest, next: SendRequest) {
      for (let attempt = 0; ; attempt++) {
        const response = await next(request)
        if (
          response.status !== 429 ||
          hasRetryAfter(response) ||
          attempt >= retries
        )
          return response
        const delay = Math.round(
          baseDelayMs * 2 ** attempt * (0.8 + Math.random() * 0.4)
        )
        log.info(
          `Azure Resource Manager throttled ${request.method} (429, no Retry-After); retry ${attempt + 1}/${retries} in ${(delay / 1000).toFixed(1)} s`
        )
        await new Promise((resolve) => setTimeout(resolve, delay))
      }
    }
  }
}

/**
 * Builds the `@azure/arm-postgresql-flexible` 9.x client for one subscription, pointed at `endpoint` with the ARM
 * token scope (postgresql-flexible-pitr.md §1: without `credentialScopes` the scope would follow the endpoint).
 * @throws ConfigurationError when the endpoint is not an https URL.
 */
export function createFlexibleServerClient(
  options: FlexibleServerClientOptions,
  env: NodeJS.ProcessEnv = process.env
): PostgreSQLManagementFlexibleServerClient {
  const endpoint = (
    options.endpoint ||
    env[PITR.armEndpointEnv] ||
    PITR.armEndpoint
  ).replace(/\/+$/, '')
  let url: URL
  try {
    url = new URL(endpoint)
  } catch {
    throw new ConfigurationError(
      `the Azure Resource Manager endpoint "${endpoint}" is not a URL: unset ${PITR.armEndpointEnv} or set it to https://management.azure.com`
    )
  }
  if (url.protocol !== 'https:')
    throw new ConfigurationError(
      `the Azure Resource Manager endpoint "${endpoint}" must use https (bearer tokens are never sent over http)`
    )
  const policy = options.policy ?? DEFAULT_RETRY_POLICY
  const pipeline = azurePipelineOptions(
    policy,
    options.log,
    'Azure Resource Manager'
  )
  return new PostgreSQLManagementFlexibleServerClient(
    options.credential,
    options.subscriptionId,
    {
      endpoint,
      credentialScopes: [PITR.armScope],
      retryOptions: {
        ...pipeline.retryOptions,
        ...(options.maxRetries !== undefined
          ? { maxRetries: options.maxRetries }
          : {})
      },
      ...(options.caPem ? { tlsOptions: { ca: options.caPem } } : {}),
      additionalPolicies: [
        ...pipeline.additionalPolicies,
        {
          policy: throttleWithoutRetryAfterPolicy(
            options.log,
            options.throttleRetries ?? policy.attempts - 1,
            options.throttleBaseDelayMs ?? Math.max(policy.baseDelayMs, 1)
          ),
          position: 'perRetry'
        }
      ]
    }
  )
}
