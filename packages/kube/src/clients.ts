import {
  AppsV1Api,
  CoreV1Api,
  KubeConfig,
  ServerConfiguration,
  Watch,
  createConfiguration,
  type Middleware,
  type RequestContext
} from '@kubernetes/client-node'
import { delimiter } from 'node:path'
import {
  ConfigurationError,
  DEFAULT_RETRY_POLICY,
  type RetryPolicy
} from '@rollback-actions/action-kit'

/** The typed clients every function of this package takes. */
export interface KubeClients {
  /** The loaded configuration (current context). */
  config: KubeConfig
  /** `apps/v1`: Deployments, ReplicaSets. */
  apps: AppsV1Api
  /** `v1`: Pods and `pods/log`. */
  core: CoreV1Api
  /** Streaming watches (`?watch=true`), newline-delimited JSON events. */
  watch: Watch
  /** Retries and timeouts of every call made with these clients (docs/reliability.md); default the kit's. */
  policy?: RetryPolicy
}

/**
 * A client-node middleware that bounds each request (answer and body) by `timeoutMs`: the request's signal aborts
 * with a `TimeoutError`, which {@link kubeRetry}'s classifier treats as transient.
 */
function requestTimeout(timeoutMs: number): Middleware {
  return {
    pre: (context: RequestContext) => {
      context.setSignal(AbortSignal.timeout(timeoutMs))
      return Promise.resolve(context)
    },
    post: (context) => Promise.resolve(context)
  }
}

/**
 * Builds the clients from a kubeconfig, without any network call.
 *
 * Every request of the API clients is bounded by `policy.requestTimeoutMs`, and so is a watch's silence.
 *
 * @param kubeconfig the kubeconfig YAML text itself; or a path, or a `KUBECONFIG`-style list of paths joined by
 *   `path.delimiter` (merged like kubectl: the first file wins); omitted or empty: client-node's
 *   `loadFromDefault()` (`KUBECONFIG`, then `~/.kube/config`, then the in-cluster service account).
 * @param policy retries and timeouts (default {@link DEFAULT_RETRY_POLICY}; actions pass `retryPolicyFromEnv`).
 * @throws ConfigurationError when the kubeconfig cannot be read or has no current cluster.
 */
export function createKubeClients(
  kubeconfig?: string,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY
): KubeClients {
  const config = new KubeConfig()
  const text = kubeconfig?.trim() ?? ''
  const isYaml = text.includes('\n')
  const files = isYaml ? [] : text.split(delimiter).filter((f) => f !== '')
  try {
    if (isYaml) config.loadFromString(text)
    else if (files.length === 0) config.loadFromDefault()
    else {
      config.loadFromFile(files[0] ?? '')
      for (const file of files.slice(1)) {
        const more = new KubeConfig()
        more.loadFromFile(file)
        config.mergeConfig(more, config.getCurrentContext() !== '')
      }
    }
  } catch (error) {
    throw new ConfigurationError(
      `cannot load the kubeconfig${files.length > 0 ? ` from ${files.map((f) => `"${f}"`).join(', ')}` : ''}: ${error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)}. Run azure/aks-set-context (or az aks get-credentials) before this step.`,
      { cause: error }
    )
  }
  if (!config.getCurrentCluster()) {
    throw new ConfigurationError(
      'the kubeconfig has no current cluster (current-context is missing or names no cluster). Run azure/aks-set-context (or az aks get-credentials) before this step.'
    )
  }
  const watch = new Watch(config)
  // A watch with no byte (event or bookmark) for this long is re-opened from the last resourceVersion.
  // (client-node keeps it private; its default is 30 s.)
  Object.assign(watch, { requestTimeoutMs: policy.requestTimeoutMs })
  return { config, ...kubeApiClients(config, policy), watch }
}

/**
 * The typed API clients for a loaded kubeconfig (its current cluster and credentials), each request bounded by
 * `policy.requestTimeoutMs`; pass the result's `policy` on to {@link kubeRetry} calls.
 */
export function kubeApiClients(
  config: KubeConfig,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY
): Pick<KubeClients, 'apps' | 'core'> & { policy: RetryPolicy } {
  const apiConfig = createConfiguration({
    baseServer: new ServerConfiguration(
      config.getCurrentCluster()?.server ?? '',
      {}
    ),
    authMethods: { default: config },
    promiseMiddleware: [requestTimeout(policy.requestTimeoutMs)]
  })
  return {
    apps: new AppsV1Api(apiConfig),
    core: new CoreV1Api(apiConfig),
    policy
  }
}
