import { ConfigurationError, type Logger } from '@rollback-actions/action-kit'
import {
  readDeployment,
  restartRollout,
  waitForRollout,
  type KubeClients
} from '@rollback-actions/kube'

export interface ConsumerDeployment {
  namespace: string
  name: string
}

/** The list without repeats (first occurrence kept), so that no Deployment is restarted twice. */
export function uniqueConsumers(
  deployments: readonly ConsumerDeployment[]
): ConsumerDeployment[] {
  const seen = new Set<string>()
  return deployments.filter((d) => {
    const key = `${d.namespace}/${d.name}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

export interface RestartedConsumer extends ConsumerDeployment {
  restartedAt: string
  revision: number
  durationSeconds: number
}

/**
 * Checks every consumer Deployment before anything is written: it exists and is not paused (a paused Deployment
 * cannot be restarted, and the swap would be left half done).
 * @throws ConfigurationError naming the Deployment and what to do.
 */
export async function checkConsumers(
  clients: KubeClients,
  deployments: ConsumerDeployment[]
): Promise<void> {
  for (const d of uniqueConsumers(deployments)) {
    const deployment = await readDeployment(clients, d.namespace, d.name)
    if (deployment.spec?.paused)
      throw new ConfigurationError(
        `deployment "${d.namespace}/${d.name}" is paused, so it cannot be restarted onto the new connection string; resume it first (kubectl rollout resume deployment/${d.name} -n ${d.namespace}) or leave it out of "deployments"`
      )
  }
}

/**
 * Restarts the deployments that read the secret (`kubectl rollout restart` semantics, via `restartRollout`),
 * then waits for each rollout with redeploy's logic (`waitForRollout`, from the generation the restart produced):
 * pods start again and read the new value. A Deployment listed twice is restarted once.
 * @param timeoutSeconds longest wait per deployment.
 * @throws whatever `restartRollout` / `waitForRollout` throw (ConfigurationError, OperationError with pod reasons).
 */
export async function restartConsumers(
  clients: KubeClients,
  deployments: ConsumerDeployment[],
  timeoutSeconds: number,
  log: Logger
): Promise<RestartedConsumer[]> {
  const restarted: {
    d: ConsumerDeployment
    restartedAt: string
    generation: number
  }[] = []
  for (const d of uniqueConsumers(deployments)) {
    const { restartedAt, generation } = await restartRollout({
      clients,
      namespace: d.namespace,
      name: d.name,
      log
    })
    restarted.push({ d, restartedAt, generation: generation ?? 0 })
  }
  return Promise.all(
    restarted.map(async ({ d, restartedAt, generation }) => {
      const r = await waitForRollout({
        clients,
        namespace: d.namespace,
        name: d.name,
        timeoutSeconds,
        log,
        minGeneration: generation
      })
      log.info(
        `${d.namespace}/${d.name}: rolled out (revision ${r.revision}, ${r.durationSeconds} s)`
      )
      return {
        ...d,
        restartedAt,
        revision: r.revision,
        durationSeconds: r.durationSeconds
      }
    })
  )
}
