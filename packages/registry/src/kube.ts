import {
  ConfigurationError,
  OperationError,
  parseImageReference,
  type Logger,
  type RetryPolicy
} from '@rollback-actions/action-kit'
import {
  createKubeClients,
  kubeRetry,
  type KubeClients
} from '@rollback-actions/kube'

export interface ReadRunningImageOptions {
  namespace: string
  deployment: string
  /** Picks the container whose image is from this repository when the pod has several. */
  repository?: string
  /** Clients built by `createKubeClients` of `@rollback-actions/kube`; default: built from `kubeconfig`. */
  clients?: KubeClients
  /**
   * What `createKubeClients` loads when `clients` is absent: kubeconfig YAML, a path, or a `KUBECONFIG`-style list
   * (the action passes its `KUBECONFIG`); empty: the default locations (`~/.kube/config`, in-cluster).
   */
  kubeconfig?: string
  log: Logger
  /** Retries and per-request timeout of the two reads (docs/reliability.md) when `clients` is absent; default the kit's. */
  policy?: RetryPolicy
}

export interface RunningImage {
  /** The image as the Deployment's pod template names it. */
  image: string
  container: string
  /**
   * `sha256:<hex>` the pods actually run: from the image reference when pinned by digest, else from the
   * `imageID` of the pods' container statuses when they all agree; absent when unknown.
   */
  digest?: string
}

function statusCode(error: unknown): number | undefined {
  const code = (error as { code?: unknown }).code
  return typeof code === 'number' ? code : undefined
}

/**
 * Reads the image a Deployment runs (`GET /apis/apps/v1/namespaces/{ns}/deployments/{name}`), and the digest
 * its pods pulled (`GET /api/v1/namespaces/{ns}/pods?labelSelector=…`, container status `imageID`).
 * The cluster is reached through `@rollback-actions/kube` (one kubeconfig loader for the suite).
 * @throws ConfigurationError when the kubeconfig cannot be loaded, the Deployment does not exist, access is denied,
 *   or the container cannot be told apart; OperationError for other API failures.
 */
export async function readRunningImage(
  options: ReadRunningImageOptions
): Promise<RunningImage> {
  const clients =
    options.clients ?? createKubeClients(options.kubeconfig, options.policy)
  const where = `${options.namespace}/${options.deployment}`
  let deployment
  try {
    deployment = await kubeRetry(
      clients,
      options.log,
      `reading deployment "${where}"`,
      () =>
        clients.apps.readNamespacedDeployment({
          name: options.deployment,
          namespace: options.namespace
        })
    )
  } catch (error) {
    const code = statusCode(error)
    if (code === 404) {
      throw new ConfigurationError(
        `Deployment ${where} does not exist: check the namespace and deployment inputs`,
        { cause: error }
      )
    }
    if (code === 401 || code === 403) {
      throw new ConfigurationError(
        `reading Deployment ${where} was denied (HTTP ${code}): grant "get" on deployments in ${options.namespace}`,
        { cause: error }
      )
    }
    throw new OperationError(
      `reading Deployment ${where} failed${code ? ` (HTTP ${code})` : ''}: check the cluster connection (KUBECONFIG)`,
      { cause: error }
    )
  }
  const containers = deployment.spec?.template.spec?.containers ?? []
  const repoOf = (image: string) => {
    try {
      return parseImageReference(image).repository
    } catch {
      return undefined
    }
  }
  const container =
    (options.repository
      ? containers.find(
          (c) => c.image && repoOf(c.image) === options.repository
        )
      : undefined) ?? (containers.length === 1 ? containers[0] : undefined)
  if (!container?.image) {
    throw new ConfigurationError(
      `Deployment ${where} has ${containers.length} containers (${containers.map((c) => `${c.name}=${c.image ?? ''}`).join(', ')}) and none runs an image from repository ${options.repository ?? '(not given)'}: check the repository input`
    )
  }
  const image = container.image
  const pinned = /@(sha256:[a-f0-9]{64})$/.exec(image)?.[1]
  if (pinned) return { image, container: container.name, digest: pinned }

  const labels = deployment.spec?.selector.matchLabels ?? {}
  const selector = Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(',')
  try {
    const pods = await kubeRetry(
      clients,
      options.log,
      `listing pods of "${where}"`,
      () =>
        clients.core.listNamespacedPod({
          namespace: options.namespace,
          labelSelector: selector
        })
    )
    const digests = new Set<string>()
    for (const pod of pods.items) {
      const spec = pod.spec?.containers.find((c) => c.name === container.name)
      if (spec?.image !== image) continue
      const status = pod.status?.containerStatuses?.find(
        (s) => s.name === container.name
      )
      const digest = /@(sha256:[a-f0-9]{64})$/.exec(status?.imageID ?? '')?.[1]
      if (digest) digests.add(digest)
    }
    if (digests.size === 1) {
      const [digest] = digests
      options.log.debug(`pods of ${where} run ${image} as ${digest}`)
      return { image, container: container.name, ...(digest ? { digest } : {}) }
    }
    options.log.debug(
      `pods of ${where} report ${digests.size} digests for ${image}; identifying the running image by tag`
    )
  } catch (error) {
    options.log.debug(
      `could not list pods of ${where} (${statusCode(error) ?? 'error'}); identifying the running image by tag`
    )
  }
  return { image, container: container.name }
}
