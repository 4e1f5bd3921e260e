import type { V1Deployment, V1Pod, V1ReplicaSet } from '@kubernetes/client-node'
import {
  ConfigurationError,
  Deadline,
  OperationError,
  type Logger
} from '@rollback-actions/action-kit'
import type { KubeClients } from './clients.js'
import { kubeError, kubeRetry } from './errors.js'
import {
  describePodFailure,
  findPodFailure,
  formatLogTail,
  labelSelectorString
} from './pods.js'
import { CRASH_LOG_LINES } from './constants.js'
import { revisionOf, rolloutStatus } from './status.js'
import { listWatch, type ListWatchHandle } from './watcher.js'

export interface WaitForRolloutOptions {
  clients: KubeClients
  namespace: string
  /** Deployment name. */
  name: string
  /** Longest wait, in seconds, before giving up with an OperationError (> 0). */
  timeoutSeconds: number
  log: Logger
  /** Aborts the wait (rejects with an OperationError naming the abort reason). */
  signal?: AbortSignal
  /**
   * Server-side `timeoutSeconds` of each watch request (default 300). The stream is re-opened from the last
   * resourceVersion when it ends, so this only bounds one connection.
   */
  watchTimeoutSeconds?: number
  /**
   * The change this wait is for (what the caller's PATCH produced). The rollout counts only once a generation at
   * or after `generation` is observed with `container` still on `image`; when the template moves to another image
   * first, the wait fails at once with "superseded by another change", naming the image now live.
   */
  /**
   * The `metadata.generation` the caller's PATCH produced (e.g. a restart): reads of an older generation are
   * ignored. Implied by `expect`.
   */
  minGeneration?: number
  expect?: {
    /** `metadata.generation` returned by the PATCH (0 when nothing was patched). */
    generation: number
    container: string
    image: string
  }
}

/** A finished rollout. */
export interface RolloutResult {
  /** The Deployment's revision (`deployment.kubernetes.io/revision`) once rolled out; 0 when absent. */
  revision: number
  /** Seconds from the call to the rollout's completion (0.1 s precision). */
  durationSeconds: number
}

interface NewReplicaSet {
  uid: string
  name: string
  revision: number
  selector: string
}

/**
 * Waits until a Deployment has rolled out, with `kubectl rollout status` semantics (kubernetes-rollout.md §2),
 * and fails fast when the new ReplicaSet's pods cannot come up.
 *
 * Traffic: LIST `deployments?fieldSelector=metadata.name=<name>`, then WATCH from the list's resourceVersion
 * (re-watched from the last resourceVersion whenever the stream ends, re-listed on 410). {@link rolloutStatus}
 * is evaluated on every event. Once the controller has observed the current generation, the new ReplicaSet (the
 * one owned by the Deployment whose revision equals the Deployment's) is looked up and its pods are listed and
 * watched too: the first container waiting with `ErrImagePull`, `ImagePullBackOff`, `InvalidImageName`,
 * `CrashLoopBackOff`, `CreateContainerConfigError`, ... ends the wait at once. For crash loops the last
 * {@link CRASH_LOG_LINES} lines of the previous instance are read (`pods/log?previous=true&tailLines=`).
 * Old ReplicaSets' pods are never inspected (a rollback usually starts from crashing pods).
 *
 * Nothing sleeps: the wait ends on an event, on `timeoutSeconds`, or on `signal`. The timeout is a deadline
 * re-armed at most an hour at a time (any length works: no single timer of the whole duration). When it passes,
 * the Deployment is listed once more before giving up, so a rollout that finished while every watch hung still
 * counts. With `expect`, another writer's change of the image ends the wait ("superseded by another change").
 *
 * @returns the revision and duration once `rolloutStatus` reports done.
 * @throws ConfigurationError the Deployment does not exist, or the credentials are refused (401/403).
 * @throws OperationError when superseded by another change (with the image now live); with the pod-level reason (image pull, crash loop + log lines), progress deadline
 *   exceeded (`ProgressDeadlineExceeded`, with the controller's message), the Deployment was deleted, the timeout
 *   elapsed (with the last status line), or the signal aborted.
 */
export function waitForRollout(
  options: WaitForRolloutOptions
): Promise<RolloutResult> {
  const { clients, namespace, name, log } = options
  const target = `deployment "${namespace}/${name}"`
  const startedAt = performance.now()
  const watchTimeoutSeconds = options.watchTimeoutSeconds ?? 300

  return new Promise<RolloutResult>((resolve, reject) => {
    let finished = false
    let lastMessage = ''
    let latest: V1Deployment | undefined
    let newRs: NewReplicaSet | undefined
    let podWatch: ListWatchHandle | undefined
    let lookupInFlight = false
    let lookupRetry: NodeJS.Timeout | undefined
    let lookupMisses = 0
    let podInspectionOff = false
    let inspectingFailure = false
    const handles: { deployment?: ListWatchHandle } = {}

    const cleanup = () => {
      cancelDeadline()
      clearTimeout(lookupRetry)
      handles.deployment?.stop()
      podWatch?.stop()
      options.signal?.removeEventListener('abort', onAbort)
    }
    const fail = (error: unknown) => {
      if (finished) return
      finished = true
      cleanup()
      reject(
        error instanceof Error
          ? error
          : new OperationError(`${target}: ${String(error)}`)
      )
    }
    const succeed = (deployment: V1Deployment) => {
      if (finished) return
      finished = true
      cleanup()
      const durationSeconds =
        Math.round((performance.now() - startedAt) / 100) / 10
      resolve({ revision: revisionOf(deployment) ?? 0, durationSeconds })
    }

    const timedOut = () =>
      fail(
        new OperationError(
          `${target} did not finish rolling out within ${options.timeoutSeconds}s (last status: ${lastMessage || 'none'}). Raise rollout-timeout if the rollout is slow, or inspect it with kubectl rollout status deployment/${name} -n ${namespace}.`
        )
      )
    // When the deadline passes, one more list (the watches may all have hung) decides.
    const onDeadline = () => {
      if (finished) return
      handles.deployment?.stop()
      kubeRetry(clients, log, `listing ${target}`, () =>
        clients.apps.listNamespacedDeployment({
          namespace,
          fieldSelector: `metadata.name=${name}`
        })
      ).then(
        (list) => {
          const deployment = list.items.find((d) => d.metadata?.name === name)
          if (deployment) onDeployment(deployment)
          timedOut()
        },
        () => timedOut()
      )
    }
    const cancelDeadline = new Deadline(options.timeoutSeconds).onExpired(
      onDeadline
    )
    const onAbort = () => {
      const reason: unknown = options.signal?.reason
      fail(
        new OperationError(
          `stopped waiting for ${target}: ${reason instanceof Error ? reason.message : 'aborted'}`,
          { cause: reason }
        )
      )
    }
    if (options.signal?.aborted) {
      cancelDeadline()
      onAbort()
      return
    }
    options.signal?.addEventListener('abort', onAbort, { once: true })

    const onDeployment = (deployment: V1Deployment) => {
      if (finished) return
      latest = deployment
      const expect = options.expect
      if (expect) {
        const live = imageOf(deployment, expect.container)
        if (live !== expect.image) {
          fail(
            new OperationError(
              `${target} was superseded by another change: container "${expect.container}" now runs ${live ?? '(no such container)'}, not ${expect.image} (generation ${deployment.metadata?.generation ?? '?'}, this step's was ${expect.generation}). This step's rollout is not live; see kubectl rollout history deployment/${name} -n ${namespace} and re-run once the other change is settled if ${expect.image} is still wanted.`
            )
          )
          return
        }
      }
      // A read older than our PATCH says nothing about our rollout.
      if (
        (deployment.metadata?.generation ?? 0) <
        (expect?.generation ?? options.minGeneration ?? 0)
      )
        return
      const status = rolloutStatus(deployment)
      if (status.message !== lastMessage) {
        lastMessage = status.message
        log.info(`${namespace}/${name}: ${status.message}`)
      }
      if (status.done) {
        succeed(deployment)
        return
      }
      if (status.deadlineExceeded) {
        const condition = deployment.status?.conditions?.find(
          (c) => c.type === 'Progressing'
        )
        fail(
          new OperationError(
            `${target} exceeded its progress deadline (ProgressDeadlineExceeded${condition?.message ? `: ${condition.message}` : ''}) after ${deployment.spec?.progressDeadlineSeconds ?? 600}s without progress. Inspect the new pods (kubectl describe pods -n ${namespace}) and run again with a working image.`
          )
        )
        return
      }
      trackNewReplicaSet()
    }

    /** Finds the ReplicaSet of the current revision and (re)starts the pod watch on it. */
    const trackNewReplicaSet = () => {
      const deployment = latest
      if (!deployment || lookupInFlight || finished || podInspectionOff) return
      const generation = deployment.metadata?.generation ?? 0
      const observed = deployment.status?.observedGeneration ?? 0
      const revision = revisionOf(deployment)
      if (generation > observed || revision === undefined) return
      if (newRs?.revision === revision) return
      const selector = deployment.spec?.selector
      const uid = deployment.metadata?.uid
      if (!selector || !uid) return
      lookupInFlight = true
      clients.apps
        .listNamespacedReplicaSet({
          namespace,
          labelSelector: labelSelectorString(selector)
        })
        .then((list) => {
          lookupInFlight = false
          if (finished) return
          const found = list.items.find(
            (rs) =>
              rs.metadata?.ownerReferences?.some(
                (o) => o.controller && o.uid === uid
              ) &&
              revisionOf(rs) === revision &&
              sameImages(rs, deployment)
          )
          if (!found) {
            if (lookupMisses++ === 0)
              log.debug(
                `no ReplicaSet of ${target} at revision ${revision} yet; looking again every second`
              )
            retryLookup()
            return
          }
          watchPodsOf(found, revision)
        })
        .catch((error: unknown) => {
          lookupInFlight = false
          const wrapped = kubeError(`listing ReplicaSets of ${target}`, error)
          if (wrapped instanceof ConfigurationError) {
            degrade(wrapped)
            return
          }
          if (lookupMisses++ === 0) log.debug(wrapped.message)
          retryLookup()
        })
    }

    const retryLookup = () => {
      if (finished) return
      clearTimeout(lookupRetry)
      lookupRetry = setTimeout(trackNewReplicaSet, 1_000)
    }

    /** Pod inspection is impossible (RBAC): go on with the rollout status alone. */
    const degrade = (error: Error) => {
      if (podInspectionOff || finished) return
      podInspectionOff = true
      podWatch?.stop()
      log.warning(
        `${error.message} Pod failures of ${target} will only show as its progress deadline.`,
        'Pods not inspected'
      )
    }

    const watchPodsOf = (rs: V1ReplicaSet, revision: number) => {
      const rsUid = rs.metadata?.uid ?? ''
      const rsName = rs.metadata?.name ?? ''
      const selector = rs.spec?.selector
      if (!selector) return
      podWatch?.stop()
      newRs = {
        uid: rsUid,
        name: rsName,
        revision,
        selector: labelSelectorString(selector)
      }
      log.debug(
        `watching pods of ReplicaSet ${rsName} (revision ${revision}) of ${target}`
      )
      const pods = new Map<string, V1Pod>()
      const ownedByRs = (pod: V1Pod) =>
        (pod.metadata?.ownerReferences ?? []).length === 0 ||
        (pod.metadata?.ownerReferences ?? []).some((o) => o.uid === rsUid)
      const inspect = () => {
        if (finished || inspectingFailure) return
        const failure = findPodFailure([...pods.values()])
        if (!failure) return
        inspectingFailure = true
        void explain(failure).then(fail, fail)
      }
      podWatch = listWatch<V1Pod>({
        clients,
        log,
        what: `pods of ReplicaSet "${namespace}/${rsName}"`,
        path: `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods`,
        selector: { labelSelector: newRs.selector },
        watchTimeoutSeconds,
        list: async () => {
          const list = await clients.core.listNamespacedPod({
            namespace,
            labelSelector: newRs?.selector ?? ''
          })
          return {
            items: list.items,
            resourceVersion: list.metadata?.resourceVersion ?? ''
          }
        },
        onSync: (items) => {
          pods.clear()
          for (const pod of items) {
            if (pod.metadata?.name && ownedByRs(pod))
              pods.set(pod.metadata.name, pod)
          }
          inspect()
        },
        onEvent: (type, pod) => {
          const podName = pod.metadata?.name
          if (!podName || !ownedByRs(pod)) return
          if (type === 'DELETED') pods.delete(podName)
          else pods.set(podName, pod)
          inspect()
        },
        onFatal: (error) =>
          degrade(
            error instanceof Error
              ? error
              : new OperationError(`watching pods of ${target} failed`)
          )
      })
    }

    const explain = async (
      failure: ReturnType<typeof findPodFailure> & object
    ): Promise<OperationError> => {
      let tail: string | undefined
      if (failure.reason === 'CrashLoopBackOff') {
        try {
          const text = await clients.core.readNamespacedPodLog({
            namespace,
            name: failure.pod,
            container: failure.container,
            previous: true,
            tailLines: CRASH_LOG_LINES
          })
          tail = formatLogTail(text)
        } catch (error) {
          tail = `  (logs unavailable: ${kubeError('reading the log', error).message})`
        }
      }
      return new OperationError(describePodFailure(target, failure, tail))
    }

    handles.deployment = listWatch<V1Deployment>({
      clients,
      log,
      what: target,
      path: `/apis/apps/v1/namespaces/${encodeURIComponent(namespace)}/deployments`,
      selector: { fieldSelector: `metadata.name=${name}` },
      watchTimeoutSeconds,
      list: async () => {
        const list = await clients.apps.listNamespacedDeployment({
          namespace,
          fieldSelector: `metadata.name=${name}`
        })
        return {
          items: list.items,
          resourceVersion: list.metadata?.resourceVersion ?? ''
        }
      },
      onSync: (items) => {
        const deployment = items.find((d) => d.metadata?.name === name)
        if (!deployment) {
          fail(
            new ConfigurationError(
              `${target} not found. Check the namespace and deployment names.`
            )
          )
          return
        }
        onDeployment(deployment)
      },
      onEvent: (type, deployment) => {
        if (deployment.metadata?.name !== name) return
        if (type === 'DELETED') {
          fail(
            new OperationError(
              `${target} was deleted while waiting for its rollout`
            )
          )
          return
        }
        onDeployment(deployment)
      },
      onFatal: (error) =>
        fail(
          error instanceof Error
            ? error
            : kubeError(`watching ${target}`, error)
        )
    })
  })
}

/** The image of one container of a Deployment's pod template, or undefined when it has no such container. */
function imageOf(deployment: V1Deployment, container: string) {
  return deployment.spec?.template?.spec?.containers.find(
    (c) => c.name === container
  )?.image
}

/** Whether the ReplicaSet's pod template runs the same images (by container name) as the Deployment's. */
function sameImages(rs: V1ReplicaSet, deployment: V1Deployment): boolean {
  const images = (containers?: { name: string; image?: string }[]) =>
    JSON.stringify(
      (containers ?? []).map((c) => [c.name, c.image ?? '']).sort()
    )
  return (
    images(rs.spec?.template?.spec?.containers) ===
    images(deployment.spec?.template?.spec?.containers)
  )
}
