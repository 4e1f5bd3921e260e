import type { Logger } from '@rollback-actions/action-kit'
import {
  restartRollout,
  waitForRollout,
  type KubeClients
} from '@rollback-actions/kube'

export interface ConsumerDeployment {
  namespace: string
  name: string
}

export interface RestartedConsumer extends ConsumerDeployment {
  restartedAt: string
  revision: number
  durationSeconds: number
}

/**
 * Restarts the deployments that read the secret (`kubectl rollout restart` semantics, via `restartRollout`),
 * then waits for each rollout with redeploy's logic (`waitForRollout`): pods start again and read the new value.
 * @param timeoutSeconds longest wait per deployment.
 * @throws whatever `restartRollout` / `waitForRollout` throw (ConfigurationError, OperationError with pod reasons).
 */
export async function restartConsumers(
  clients: KubeClients,
  deployments: ConsumerDeployment[],
  timeoutSeconds: number,
  log: Logger
): Promise<RestartedConsumer[]> {
  const restarted: { d: ConsumerDeployment; restartedAt: string }[] = []
  for (const d of deployments) {
    const { restartedAt } = await restartRollout({
      clients,
      namespace: d.namespace,
      name: d.name,
      log
    })
    restarted.push({ d, restartedAt })
  }
  return Promise.all(
    restarted.map(async ({ d, restartedAt }) => {
      const r = await waitForRollout({
        clients,
        namespace: d.namespace,
        name: d.name,
        timeoutSeconds,
        log
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
