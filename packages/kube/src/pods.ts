import type {
  V1ContainerStatus,
  V1LabelSelector,
  V1Pod
} from '@kubernetes/client-node'
import {
  CRASH_LOG_LINES,
  IMAGE_PULL_FAILURES,
  START_FAILURES
} from './constants.js'

/** Why a pod of the new ReplicaSet cannot become ready (a container's waiting reason). */
export interface PodFailure {
  pod: string
  container: string
  /** Kubelet's waiting reason: `ErrImagePull`, `ImagePullBackOff`, `CrashLoopBackOff`, ... */
  reason: string
  /** Kubelet's waiting message (e.g. the registry's answer), may be empty. */
  message: string
  image: string
  /** `image-pull` (the image cannot be fetched) or `start` (it is fetched but does not run). */
  kind: 'image-pull' | 'start'
  /** Exit code of the previous instance, when it terminated. */
  lastExitCode?: number
  restartCount: number
}

const pullReasons = new Set<string>(IMAGE_PULL_FAILURES)
const startReasons = new Set<string>(START_FAILURES)

/**
 * The first container of `pods` (init containers first) waiting for a reason that will not heal by itself
 * (image pull failures, crash loops, config errors), or `undefined`. Pods being deleted are ignored.
 */
export function findPodFailure(pods: readonly V1Pod[]): PodFailure | undefined {
  for (const pod of pods) {
    if (pod.metadata?.deletionTimestamp) continue
    const statuses: V1ContainerStatus[] = [
      ...(pod.status?.initContainerStatuses ?? []),
      ...(pod.status?.containerStatuses ?? [])
    ]
    for (const status of statuses) {
      const reason = status.state?.waiting?.reason
      if (!reason) continue
      const kind = pullReasons.has(reason)
        ? 'image-pull'
        : startReasons.has(reason)
          ? 'start'
          : undefined
      if (!kind) continue
      const lastExitCode = status.lastState?.terminated?.exitCode
      return {
        pod: pod.metadata?.name ?? '',
        container: status.name,
        reason,
        message: status.state?.waiting?.message ?? '',
        image: status.image,
        kind,
        ...(lastExitCode !== undefined ? { lastExitCode } : {}),
        restartCount: status.restartCount
      }
    }
  }
  return undefined
}

/**
 * The message for a pod failure: what failed, kubelet's words, the last log lines (crash loops) and the next step.
 *
 * @param target e.g. `deployment "prod/web"`.
 * @param logTail the previous instance's last lines (already fetched), or a note why they are missing.
 */
export function describePodFailure(
  target: string,
  failure: PodFailure,
  logTail?: string
): string {
  const where = `pod "${failure.pod}" container "${failure.container}"`
  const said = failure.message ? `: ${oneLine(failure.message)}` : ''
  if (failure.kind === 'image-pull') {
    return `${target} cannot roll out: ${where} cannot pull image "${failure.image}" (${failure.reason}${said}). Check that the tag exists in the registry and that the cluster can pull from it (AKS: the kubelet identity needs AcrPull), then run again with an image that exists.`
  }
  if (failure.reason !== 'CrashLoopBackOff') {
    return `${target} cannot roll out: ${where} cannot start (${failure.reason}${said}). Check the secrets, config maps and command the pod template references (kubectl describe pod ${failure.pod}), then run again.`
  }
  const exit =
    failure.lastExitCode !== undefined
      ? `, last exit code ${failure.lastExitCode}`
      : ''
  const logs =
    logTail === undefined
      ? ''
      : `\nLast ${CRASH_LOG_LINES} log lines of the previous instance:\n${logTail}`
  return `${target} cannot roll out: ${where} is in ${failure.reason}${said}${exit}${failure.restartCount > 0 ? ` (restarts: ${failure.restartCount})` : ''}. The image was pulled but does not stay up; the Deployment now runs the new template. Read the log below, then run again with a working image.${logs}`
}

/** Indents the last `CRASH_LOG_LINES` lines of a log, each cut to 500 characters. */
export function formatLogTail(log: string): string {
  const lines = log.replace(/\n+$/, '').split('\n').slice(-CRASH_LOG_LINES)
  if (lines.length === 1 && lines[0] === '') return '  (the log is empty)'
  return lines.map((l) => `  | ${l.slice(0, 500)}`).join('\n')
}

/**
 * A label selector string (`a=b,c in (d,e),!f`) for a `V1LabelSelector` (matchLabels and matchExpressions), as
 * `metav1.LabelSelectorAsSelector` renders it.
 */
export function labelSelectorString(selector: V1LabelSelector): string {
  const parts: string[] = []
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    parts.push(`${key}=${value}`)
  }
  for (const expr of selector.matchExpressions ?? []) {
    const values = [...(expr.values ?? [])].sort().join(',')
    switch (expr.operator) {
      case 'In':
        parts.push(`${expr.key} in (${values})`)
        break
      case 'NotIn':
        parts.push(`${expr.key} notin (${values})`)
        break
      case 'Exists':
        parts.push(expr.key)
        break
      case 'DoesNotExist':
        parts.push(`!${expr.key}`)
        break
      default:
        throw new Error(`unknown label selector operator "${expr.operator}"`)
    }
  }
  return parts.sort().join(',')
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').slice(0, 500)
}
