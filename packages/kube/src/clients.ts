import {
  AppsV1Api,
  CoreV1Api,
  KubeConfig,
  Watch
} from '@kubernetes/client-node'
import { delimiter } from 'node:path'
import { ConfigurationError } from '@rollback-actions/action-kit'

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
}

/**
 * Builds the clients from a kubeconfig, without any network call.
 *
 * @param kubeconfig the kubeconfig YAML text itself; or a path, or a `KUBECONFIG`-style list of paths joined by
 *   `path.delimiter` (merged like kubectl: the first file wins); omitted or empty: client-node's
 *   `loadFromDefault()` (`KUBECONFIG`, then `~/.kube/config`, then the in-cluster service account).
 * @throws ConfigurationError when the kubeconfig cannot be read or has no current cluster.
 */
export function createKubeClients(kubeconfig?: string): KubeClients {
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
  return {
    config,
    apps: config.makeApiClient(AppsV1Api),
    core: config.makeApiClient(CoreV1Api),
    watch: new Watch(config)
  }
}
