import {
  PatchStrategy,
  setHeaderOptions,
  type V1Container,
  type V1Deployment
} from '@kubernetes/client-node'
import {
  ConfigurationError,
  parseImageReference,
  silentLogger,
  type Logger
} from '@rollback-actions/action-kit'
import type { KubeClients } from './clients.js'
import { ANNOTATIONS, FIELD_MANAGER } from './constants.js'
import { isNotFound, kubeError, kubeRetry } from './errors.js'

/** The facts `setImage` and `rollBack` validate before writing anything. */
export interface ImagePlan {
  namespace: string
  /** Deployment name. */
  name: string
  /** The container whose image changes. */
  container: string
  /** The container's image now, as written in the pod template. */
  previousImage: string
  /** The target image reference. */
  image: string
  /** false when the container already runs `image` (nothing to write). */
  changed: boolean
}

/** Who and why, for the `kubernetes.io/change-cause` annotation. */
export interface ChangeCauseFacts {
  /** GitHub run URL, if any. */
  runUrl?: string | undefined
  /** GitHub actor, if any. */
  actor?: string | undefined
  from: string
  to: string
}

/**
 * The `kubernetes.io/change-cause` text `kubectl rollout history` shows:
 * `rollback-actions: <from> -> <to> by <actor> (<run URL>)`.
 */
export function formatChangeCause(facts: ChangeCauseFacts): string {
  const by = facts.actor ? ` by ${facts.actor}` : ''
  const run = facts.runUrl ? ` (${facts.runUrl})` : ''
  return `rollback-actions: ${facts.from} -> ${facts.to}${by}${run}`
}

/**
 * The strategic-merge-patch body (kubernetes-rollout.md §5) that sets one container's image and the change-cause
 * annotation. `containers` is merged by `name` server-side, so the other containers are kept.
 */
export function imagePatchBody(
  container: string,
  image: string,
  changeCause: string
): object {
  return {
    metadata: { annotations: { [ANNOTATIONS.changeCause]: changeCause } },
    spec: { template: { spec: { containers: [{ name: container, image }] } } }
  }
}

/**
 * Reads a Deployment, retrying transient failures under the clients' policy ({@link kubeRetry}).
 * @throws ConfigurationError when it does not exist (404) or access is refused; OperationError otherwise.
 */
export async function readDeployment(
  clients: KubeClients,
  namespace: string,
  name: string,
  log: Logger = silentLogger
): Promise<V1Deployment> {
  try {
    return await kubeRetry(
      clients,
      log,
      `reading deployment "${namespace}/${name}"`,
      () => clients.apps.readNamespacedDeployment({ name, namespace })
    )
  } catch (error) {
    if (isNotFound(error)) {
      throw new ConfigurationError(
        `deployment "${namespace}/${name}" not found. Check the namespace and deployment names (kubectl get deployments -n ${namespace}).`,
        { cause: error }
      )
    }
    throw kubeError(`reading deployment "${namespace}/${name}"`, error)
  }
}

/**
 * Checks a Deployment read from the API against the change (no network): the container exists (or is the only
 * one when `container` is empty), the Deployment is not paused.
 *
 * @throws ConfigurationError naming the deployment and the next step.
 */
export function planImage(
  deployment: V1Deployment,
  image: string,
  container?: string
): ImagePlan {
  const namespace = deployment.metadata?.namespace ?? ''
  const name = deployment.metadata?.name ?? ''
  const target = `deployment "${namespace}/${name}"`
  const containers: V1Container[] =
    deployment.spec?.template?.spec?.containers ?? []
  const names = containers.map((c) => c.name)
  let chosen: V1Container | undefined
  if (container) {
    chosen = containers.find((c) => c.name === container)
    if (!chosen) {
      throw new ConfigurationError(
        `${target} has no container "${container}"; its containers are: ${names.join(', ') || '(none)'}. Set the container input to one of them.`
      )
    }
  } else {
    if (containers.length !== 1) {
      throw new ConfigurationError(
        `${target} has ${containers.length} containers (${names.join(', ') || 'none'}); set the container input to the one to roll back.`
      )
    }
    chosen = containers[0]
  }
  if (!chosen) throw new ConfigurationError(`${target} has no containers`)
  if (deployment.spec?.paused) {
    throw new ConfigurationError(
      `${target} is paused: a paused Deployment does not roll out. Resume it first with kubectl rollout resume deployment/${name} -n ${namespace}, then run again.`
    )
  }
  const previousImage = chosen.image ?? ''
  return {
    namespace,
    name,
    container: chosen.name,
    previousImage,
    image,
    changed: previousImage !== image
  }
}

/**
 * Sends the image patch of a validated plan (one PATCH; nothing when `plan.changed` is false). The patch sets
 * absolute values, so it is retried on transient failures like a read; on 409 Conflict the Deployment is read
 * again and re-checked ({@link planImage}: still there, not paused, container present) before the retry.
 *
 * @returns the `metadata.generation` the PATCH produced (what the rollout wait must see observed), or undefined
 *   when nothing was sent.
 * @throws ConfigurationError/OperationError from the API ({@link kubeError}) or the re-check.
 */
export async function applyImagePlan(
  clients: KubeClients,
  plan: ImagePlan,
  changeCause: string,
  log: Logger
): Promise<number | undefined> {
  if (!plan.changed) return undefined
  const target = `deployment "${plan.namespace}/${plan.name}"`
  log.debug(
    `PATCH ${target} (strategic merge): container ${plan.container} image ${plan.image}`
  )
  try {
    const patched = await kubeRetry(
      clients,
      log,
      `patching the image of ${target}`,
      () =>
        clients.apps.patchNamespacedDeployment(
          {
            name: plan.name,
            namespace: plan.namespace,
            body: imagePatchBody(plan.container, plan.image, changeCause),
            fieldManager: FIELD_MANAGER
          },
          setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch)
        ),
      async () => {
        const fresh = await readDeployment(
          clients,
          plan.namespace,
          plan.name,
          log
        )
        planImage(fresh, plan.image, plan.container)
      }
    )
    return patched.metadata?.generation
  } catch (error) {
    if (error instanceof ConfigurationError) throw error
    throw kubeError(`patching the image of ${target}`, error)
  }
}

export interface SetImageOptions {
  clients: KubeClients
  namespace: string
  /** Deployment name. */
  name: string
  /** Container to change; omitted or empty: the Deployment's only container. */
  container?: string | undefined
  /** Target image reference (validated with the OCI grammar). */
  image: string
  /** Value of the `kubernetes.io/change-cause` annotation (see {@link formatChangeCause}). */
  changeCause: string
  log: Logger
  /** Validate and report only; no PATCH is sent. */
  dryRun: boolean
}

/** What `setImage` did. */
export interface SetImageResult {
  /** The container's image before the call. */
  previousImage: string
  /** Whether a PATCH was sent (false: already on `image`, or dry run). */
  changed: boolean
  container: string
}

/**
 * `kubectl set image deployment/<name> <container>=<image>` (kubernetes-rollout.md §5): GET the Deployment, then
 * one strategic-merge PATCH (`Content-Type: application/strategic-merge-patch+json`, `fieldManager=rollback-actions`)
 * setting the container's image and the `kubernetes.io/change-cause` annotation. A Deployment already on `image`
 * is left alone (no write). Does not wait: see `waitForRollout`.
 *
 * @throws ConfigurationError when the Deployment is missing, paused, the container is missing or
 *   ambiguous, or the image is not a valid reference; OperationError/ConfigurationError for API failures.
 */
export async function setImage(
  options: SetImageOptions
): Promise<SetImageResult> {
  const { clients, namespace, name, log } = options
  let image: string
  try {
    image = parseImageReference(options.image).reference
  } catch (error) {
    throw new ConfigurationError(
      `image "${options.image}" is not a valid image reference: ${(error as Error).message}`
    )
  }
  const deployment = await readDeployment(clients, namespace, name, log)
  const plan = planImage(deployment, image, options.container)
  if (!plan.changed) {
    log.info(
      `${namespace}/${name}: container ${plan.container} already runs ${image}; nothing to change`
    )
    return {
      previousImage: plan.previousImage,
      changed: false,
      container: plan.container
    }
  }
  if (options.dryRun) {
    log.info(
      `${namespace}/${name}: dry run, would set container ${plan.container} from ${plan.previousImage} to ${image}`
    )
    return {
      previousImage: plan.previousImage,
      changed: false,
      container: plan.container
    }
  }
  await applyImagePlan(clients, plan, options.changeCause, log)
  log.info(
    `${namespace}/${name}: container ${plan.container} set from ${plan.previousImage} to ${image}`
  )
  return {
    previousImage: plan.previousImage,
    changed: true,
    container: plan.container
  }
}
