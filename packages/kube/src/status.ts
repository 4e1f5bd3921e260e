import type { V1Deployment } from '@kubernetes/client-node'
import { OperationError } from '@rollback-actions/action-kit'
import { ANNOTATIONS, PROGRESS_DEADLINE_EXCEEDED } from './constants.js'

/** One evaluation of a Deployment's rollout, as `kubectl rollout status` prints it. */
export interface RolloutStatus {
  /** The rollout finished: every replica runs the current template and is available. */
  done: boolean
  /** kubectl's line for this state (without the trailing newline). */
  message: string
  /** The controller set `Progressing=False/ProgressDeadlineExceeded`: the rollout will not finish by itself. */
  deadlineExceeded: boolean
}

/**
 * The Deployment's revision (`deployment.kubernetes.io/revision` annotation), or `undefined` when absent or not a
 * decimal integer.
 */
export function revisionOf(object: {
  metadata?: { annotations?: Record<string, string> }
}): number | undefined {
  const raw = object.metadata?.annotations?.[ANNOTATIONS.revision]
  if (raw === undefined || !/^\d+$/.test(raw)) return undefined
  return Number(raw)
}

/**
 * kubectl's rollout decision function, `DeploymentStatusViewer.Status` (kubernetes/kubectl
 * `pkg/polymorphichelpers/rollout_status.go`), evaluated on one Deployment object:
 *
 * 1. `desiredRevision` > 0 and the revision annotation differs → throws.
 * 2. When `metadata.generation <= status.observedGeneration` (missing counts as 0):
 *    deadline exceeded (Progressing reason `ProgressDeadlineExceeded`) → `deadlineExceeded`;
 *    `updatedReplicas < spec.replicas` (when set), `status.replicas > updatedReplicas`,
 *    `availableReplicas < updatedReplicas` → waiting; else done.
 * 3. Otherwise waiting for the spec update to be observed.
 *
 * `readyReplicas` is not consulted, exactly like kubectl.
 *
 * @param deployment an `apps/v1` Deployment as read from the API.
 * @param desiredRevision like `kubectl rollout status --revision`; 0 or undefined skips the check.
 * @throws OperationError `desired revision (N) is different from the running revision (M)`.
 */
export function rolloutStatus(
  deployment: V1Deployment,
  desiredRevision?: number
): RolloutStatus {
  const name = deployment.metadata?.name ?? ''
  if (desiredRevision !== undefined && desiredRevision > 0) {
    const raw = deployment.metadata?.annotations?.[ANNOTATIONS.revision]
    const running = raw === undefined ? 0 : Number.parseInt(raw, 10)
    if (Number.isNaN(running)) {
      throw new OperationError(
        `cannot get the revision of deployment "${name}": annotation ${ANNOTATIONS.revision} is "${raw}"`
      )
    }
    if (running !== desiredRevision) {
      throw new OperationError(
        `desired revision (${desiredRevision}) is different from the running revision (${running})`
      )
    }
  }
  const generation = deployment.metadata?.generation ?? 0
  const status = deployment.status ?? {}
  const observedGeneration = status.observedGeneration ?? 0
  if (generation <= observedGeneration) {
    const progressing = status.conditions?.find((c) => c.type === 'Progressing')
    if (progressing?.reason === PROGRESS_DEADLINE_EXCEEDED) {
      return {
        done: false,
        deadlineExceeded: true,
        message: `deployment "${name}" exceeded its progress deadline`
      }
    }
    const specReplicas = deployment.spec?.replicas
    const updated = status.updatedReplicas ?? 0
    const replicas = status.replicas ?? 0
    const available = status.availableReplicas ?? 0
    if (specReplicas !== undefined && updated < specReplicas) {
      return waiting(
        `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${specReplicas} new replicas have been updated...`
      )
    }
    if (replicas > updated) {
      return waiting(
        `Waiting for deployment "${name}" rollout to finish: ${replicas - updated} old replicas are pending termination...`
      )
    }
    if (available < updated) {
      return waiting(
        `Waiting for deployment "${name}" rollout to finish: ${available} of ${updated} updated replicas are available...`
      )
    }
    return {
      done: true,
      deadlineExceeded: false,
      message: `deployment "${name}" successfully rolled out`
    }
  }
  return waiting('Waiting for deployment spec update to be observed...')
}

function waiting(message: string): RolloutStatus {
  return { done: false, deadlineExceeded: false, message }
}
