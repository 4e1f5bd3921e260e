import { PatchStrategy, setHeaderOptions } from '@kubernetes/client-node'
import { ConfigurationError, type Logger } from '@rollback-actions/action-kit'
import type { KubeClients } from './clients.js'
import { ANNOTATIONS, FIELD_MANAGER } from './constants.js'
import { kubeError, kubeRetry } from './errors.js'
import { readDeployment } from './set-image.js'

export interface RestartRolloutOptions {
  clients: KubeClients
  namespace: string
  /** Deployment name. */
  name: string
  log: Logger
  /** Time to record; defaults to now. */
  now?: Date
}

/** What `restartRollout` wrote. */
export interface RestartResult {
  /**
   * The `kubectl.kubernetes.io/restartedAt` value set (UTC, RFC 3339): second precision as kubectl writes it, or
   * millisecond precision when the template already holds this second's value (a second restart within a second).
   */
  restartedAt: string
  /** `metadata.generation` the PATCH produced (pass it to `waitForRollout` as `generation`). */
  generation?: number
}

/** RFC 3339 UTC with second precision (Go `time.RFC3339` with TZ=UTC), e.g. `2026-11-22T06:14:44Z`. */
export function rfc3339Seconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/** The strategic-merge-patch body `kubectl rollout restart` sends (kubernetes-rollout.md §4). */
export function restartPatchBody(restartedAt: string): object {
  return {
    spec: {
      template: {
        metadata: { annotations: { [ANNOTATIONS.restartedAt]: restartedAt } }
      }
    }
  }
}

/**
 * `kubectl rollout restart deployment/<name>` (kubernetes-rollout.md §4): GET, then one strategic-merge PATCH
 * setting the pod-template annotation `kubectl.kubernetes.io/restartedAt` (`fieldManager=rollback-actions`), which
 * makes the controller roll every pod. Does not wait: see `waitForRollout`.
 *
 * @throws ConfigurationError when the Deployment is missing or paused (kubectl: "can't restart paused deployment
 *   (run rollout resume first)"); OperationError/ConfigurationError for API failures.
 */
export async function restartRollout(
  options: RestartRolloutOptions
): Promise<RestartResult> {
  const { clients, namespace, name, log } = options
  const deployment = await readDeployment(clients, namespace, name, log)
  if (deployment.spec?.paused) {
    throw new ConfigurationError(
      `can't restart paused deployment "${namespace}/${name}" (run kubectl rollout resume deployment/${name} -n ${namespace} first)`
    )
  }
  const now = options.now ?? new Date()
  // kubectl's second precision makes a second restart within the same second PATCH the value already there: no
  // new rollout, and the pods keep the environment they read at start (such as a Secret swapped a moment ago).
  // Then the instant is written with milliseconds (still RFC 3339), so every restart is a change.
  const current =
    deployment.spec?.template.metadata?.annotations?.[ANNOTATIONS.restartedAt]
  const restartedAt =
    current === rfc3339Seconds(now) ? now.toISOString() : rfc3339Seconds(now)
  log.debug(
    `PATCH deployment "${namespace}/${name}" restartedAt=${restartedAt}`
  )
  let generation: number | undefined
  try {
    // The annotation value is absolute (same instant on every try): a retried PATCH restarts once.
    const patched = await kubeRetry(
      clients,
      log,
      `restarting deployment "${namespace}/${name}"`,
      () =>
        clients.apps.patchNamespacedDeployment(
          {
            name,
            namespace,
            body: restartPatchBody(restartedAt),
            fieldManager: FIELD_MANAGER
          },
          setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch)
        ),
      () => Promise.resolve()
    )
    generation = patched.metadata?.generation
  } catch (error) {
    throw kubeError(`restarting deployment "${namespace}/${name}"`, error)
  }
  log.info(`${namespace}/${name}: restart requested at ${restartedAt}`)
  return { restartedAt, ...(generation !== undefined ? { generation } : {}) }
}
