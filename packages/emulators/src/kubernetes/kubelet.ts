/**
 * A single-node kubelet simulation: pulls images and starts containers through a {@link ContainerRuntime},
 * reports container states the way the real kubelet does (ErrImagePull → ImagePullBackOff,
 * CreateContainerConfigError, running → Ready after the start latency, terminated → CrashLoopBackOff with a
 * doubling back-off and growing restartCount), records the matching core/v1 Events (Pulling, Pulled, Failed,
 * BackOff, Created, Started, Killing) and removes terminating pods after stopping their containers.
 */
import { randomBytes } from 'node:crypto'
import type { ObjectStore } from './store.js'
import type {
  ContainerHandle,
  ContainerRuntime,
  KubeObject,
  TerminatedState
} from './types.js'
import { deepEqual } from './patch.js'

interface ContainerRun {
  name: string
  image: string
  phase:
    | 'pull'
    | 'pulling'
    | 'pullFailed'
    | 'start'
    | 'starting'
    | 'running'
    | 'crashed'
    | 'configError'
  digest?: string
  handle?: ContainerHandle
  containerID?: string
  startedAt?: string
  readyAfter?: number
  ready: boolean
  probing: boolean
  lastProbeAt: number
  restartCount: number
  crashes: number
  waiting?: { reason: string; message?: string }
  terminated?: TerminatedState
  lastTerminated?: TerminatedState
  previousLogs?: string[]
  nextAttemptAt: number
  failedAt: number
  everStarted: boolean
}

interface PodRun {
  uid: string
  namespace: string
  name: string
  podIP: string
  startTime: string
  containers: ContainerRun[]
  terminating: boolean
}

/** Options of {@link Kubelet}. */
export interface KubeletOptions {
  store: ObjectStore
  runtime: ContainerRuntime
  /** Container start → Ready (ms). */
  podStartLatencyMs: number
  /** CrashLoopBackOff base (ms), doubling per crash, capped at `crashBackoffCapMs`. */
  crashBackoffBaseMs: number
  crashBackoffCapMs: number
  /** ErrImagePull → next pull attempt (ms). */
  pullBackoffMs: number
  /** Called when asynchronous runtime work finished and state should be re-synced. */
  requestSync: () => void
  nodeName?: string
}

function nowIso(): string {
  return new Date().toISOString().replace(/\.\d+Z$/, 'Z')
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** The kubelet simulation. Call {@link sync} on every change and on a timer. */
export class Kubelet {
  private readonly pods = new Map<string, PodRun>()
  private ipCounter = 10
  private stopped = false

  constructor(private readonly options: KubeletOptions) {}

  /** Reconciles every pod of the store with the runtime and writes pod statuses. */
  sync(): void {
    if (this.stopped) return
    const { store } = this.options
    const seen = new Set<string>()
    for (const pod of store.list('pods')) {
      const uid = pod.metadata.uid ?? ''
      seen.add(uid)
      let run = this.pods.get(uid)
      if (!run) {
        run = this.admit(pod)
        this.pods.set(uid, run)
      }
      if (pod.metadata.deletionTimestamp) {
        this.terminate(run, pod)
        continue
      }
      for (const c of run.containers) this.step(run, c, pod)
      this.writeStatus(run, pod)
    }
    // Pods deleted without grace: stop what still runs.
    for (const [uid, run] of this.pods)
      if (!seen.has(uid)) {
        this.pods.delete(uid)
        for (const c of run.containers) void this.stopHandle(c)
      }
  }

  /** Stops every container (emulator shutdown). */
  async close(): Promise<void> {
    this.stopped = true
    const all = [...this.pods.values()].flatMap((run) => run.containers)
    this.pods.clear()
    await Promise.all(all.map((c) => this.stopHandle(c)))
  }

  /** Ready containers' endpoints of a pod (for the Service proxy). */
  endpointOf(uid: string): string | undefined {
    const run = this.pods.get(uid)
    if (!run) return undefined
    for (const c of run.containers)
      if (c.phase === 'running' && c.ready && c.handle?.endpoint)
        return c.handle.endpoint
    return undefined
  }

  /**
   * Log lines of a container.
   * @param previous the previous (terminated) instance, as `kubectl logs --previous`.
   * @returns undefined when there is no such instance.
   */
  logs(
    uid: string,
    container: string,
    previous: boolean
  ): { lines?: string[]; state: string } {
    const c = this.pods.get(uid)?.containers.find((x) => x.name === container)
    if (!c) return { state: 'unknown' }
    if (previous) return { lines: c.previousLogs, state: c.phase }
    if (c.handle) return { lines: c.handle.logs(), state: c.phase }
    if (c.previousLogs) return { lines: c.previousLogs, state: c.phase }
    return { state: c.waiting?.reason ?? c.phase }
  }

  private admit(pod: KubeObject): PodRun {
    this.ipCounter = this.ipCounter >= 250 ? 10 : this.ipCounter + 1
    const containers = (
      (pod.spec?.containers ?? []) as Array<{ name: string; image: string }>
    ).map((c): ContainerRun => ({
      name: c.name,
      image: c.image,
      phase: 'pull',
      ready: false,
      probing: false,
      lastProbeAt: 0,
      restartCount: 0,
      crashes: 0,
      nextAttemptAt: 0,
      failedAt: 0,
      everStarted: false,
      waiting: { reason: 'ContainerCreating' }
    }))
    return {
      uid: pod.metadata.uid ?? '',
      namespace: pod.metadata.namespace ?? 'default',
      name: pod.metadata.name,
      podIP: `10.244.0.${this.ipCounter}`,
      startTime: nowIso(),
      containers,
      terminating: false
    }
  }

  private event(
    pod: KubeObject,
    type: 'Normal' | 'Warning',
    reason: string,
    text: string,
    container: string
  ): void {
    if (
      !this.options.store.get('pods', pod.metadata.namespace, pod.metadata.name)
    )
      return
    this.options.store.recordEvent(
      pod,
      type,
      reason,
      text,
      'kubelet',
      `spec.containers{${container}}`
    )
  }

  /** Re-reads the pod; undefined when it is gone or being deleted (async results are then dropped). */
  private live(run: PodRun): KubeObject | undefined {
    const pod = this.options.store.get('pods', run.namespace, run.name)
    if (
      !pod ||
      pod.metadata.uid !== run.uid ||
      pod.metadata.deletionTimestamp ||
      run.terminating ||
      this.stopped
    )
      return undefined
    return pod
  }

  private step(run: PodRun, c: ContainerRun, pod: KubeObject): void {
    const now = Date.now()
    const o = this.options
    switch (c.phase) {
      case 'pull': {
        c.phase = 'pulling'
        this.event(
          pod,
          'Normal',
          'Pulling',
          `Pulling image "${c.image}"`,
          c.name
        )
        const started = Date.now()
        o.runtime
          .pull(c.image)
          .catch((error: unknown) => ({ error: message(error) }))
          .then((result) => {
            const p = this.live(run)
            if (!p) return
            if ('digest' in result) {
              c.digest = result.digest
              c.phase = 'start'
              const ms = Date.now() - started
              this.event(
                p,
                'Normal',
                'Pulled',
                `Successfully pulled image "${c.image}" in ${ms}ms (${ms}ms including waiting)`,
                c.name
              )
            } else {
              c.phase = 'pullFailed'
              c.failedAt = Date.now()
              c.nextAttemptAt = c.failedAt + o.pullBackoffMs
              c.waiting = {
                reason: 'ErrImagePull',
                message: `Failed to pull image "${c.image}": ${result.error}`
              }
              this.event(
                p,
                'Warning',
                'Failed',
                `Failed to pull image "${c.image}": ${result.error}`,
                c.name
              )
              this.event(p, 'Warning', 'Failed', 'Error: ErrImagePull', c.name)
            }
            o.requestSync()
          })
          .catch(() => undefined)
        break
      }
      case 'pullFailed': {
        if (now >= c.nextAttemptAt) {
          c.phase = 'pull'
          this.step(run, c, pod)
        } else if (
          c.waiting?.reason === 'ErrImagePull' &&
          now - c.failedAt >= Math.min(300, o.pullBackoffMs / 2)
        ) {
          c.waiting = {
            reason: 'ImagePullBackOff',
            message: `Back-off pulling image "${c.image}"`
          }
          this.event(
            pod,
            'Normal',
            'BackOff',
            `Back-off pulling image "${c.image}"`,
            c.name
          )
          this.event(
            pod,
            'Warning',
            'Failed',
            'Error: ImagePullBackOff',
            c.name
          )
        }
        break
      }
      case 'configError':
        if (now >= c.nextAttemptAt) {
          c.phase = 'start'
          this.step(run, c, pod)
        }
        break
      case 'start': {
        let env: Record<string, string>
        try {
          env = this.resolveEnv(pod, run, c.name)
        } catch (error) {
          c.phase = 'configError'
          c.nextAttemptAt = now + 1000
          c.waiting = {
            reason: 'CreateContainerConfigError',
            message: message(error)
          }
          this.event(
            pod,
            'Warning',
            'Failed',
            `Error: ${message(error)}`,
            c.name
          )
          break
        }
        c.phase = 'starting'
        const containerID = `containerd://${randomBytes(32).toString('hex')}`
        o.runtime
          .start({
            namespace: run.namespace,
            pod: run.name,
            container: c.name,
            image: c.image,
            digest: c.digest ?? '',
            env
          })
          .then(
            (handle) => {
              if (!this.live(run)) {
                void handle.stop().catch(() => undefined)
                return
              }
              c.handle = handle
              c.containerID = containerID
              c.phase = 'running'
              c.startedAt = nowIso()
              c.readyAfter = Date.now() + o.podStartLatencyMs
              c.ready = false
              c.waiting = undefined
              c.terminated = undefined
              c.everStarted = true
              const p = this.live(run)
              if (p) {
                this.event(
                  p,
                  'Normal',
                  'Created',
                  `Created container ${c.name}`,
                  c.name
                )
                this.event(
                  p,
                  'Normal',
                  'Started',
                  `Started container ${c.name}`,
                  c.name
                )
              }
              o.requestSync()
            },
            (error: unknown) => {
              const p = this.live(run)
              if (!p) return
              this.crash(
                c,
                p,
                {
                  exitCode: 128,
                  reason: 'StartError',
                  message: message(error)
                },
                'RunContainerError'
              )
              o.requestSync()
            }
          )
          // A pod deleted meanwhile makes the status write fail: the next sync handles it.
          .catch(() => o.requestSync())
        break
      }
      case 'running': {
        const exit = c.handle?.exited()
        if (exit) {
          this.crash(
            c,
            pod,
            {
              exitCode: exit.code,
              reason: exit.code === 0 ? 'Completed' : 'Error',
              message: exit.reason
            },
            undefined
          )
          break
        }
        if (
          c.readyAfter !== undefined &&
          now >= c.readyAfter &&
          !c.probing &&
          now - c.lastProbeAt >= 80
        ) {
          c.probing = true
          c.lastProbeAt = now
          const handle = c.handle
          handle
            ?.ready()
            .catch(() => false)
            .then((ready) => {
              c.probing = false
              if (c.handle !== handle || c.phase !== 'running') return
              if (ready !== c.ready) {
                c.ready = ready
                o.requestSync()
              }
            })
            .catch(() => undefined)
        }
        break
      }
      case 'crashed': {
        if (now >= c.nextAttemptAt) {
          c.restartCount += 1
          c.terminated = undefined
          c.phase = 'start'
          this.step(run, c, pod)
        } else if (
          c.terminated &&
          now - c.failedAt >= 150 &&
          c.waiting === undefined
        ) {
          c.terminated = undefined
          const backoffSeconds = Math.max(
            1,
            Math.round(
              (c.nextAttemptAt -
                Date.parse(c.lastTerminated?.finishedAt ?? nowIso())) /
                1000
            )
          )
          c.waiting = {
            reason: 'CrashLoopBackOff',
            message: `back-off ${backoffSeconds}s restarting failed container=${c.name} pod=${run.name}_${run.namespace}(${run.uid})`
          }
          this.event(
            pod,
            'Warning',
            'BackOff',
            `Back-off restarting failed container ${c.name} in pod ${run.name}_${run.namespace}(${run.uid})`,
            c.name
          )
        }
        break
      }
      default:
        break
    }
  }

  private crash(
    c: ContainerRun,
    pod: KubeObject,
    exit: { exitCode: number; reason: string; message?: string },
    waitingReason: string | undefined
  ): void {
    const handle = c.handle
    c.previousLogs = handle ? [...handle.logs()] : c.previousLogs
    c.handle = undefined
    c.ready = false
    void handle?.stop().catch(() => undefined)
    const finishedAt = nowIso()
    const terminated: TerminatedState = {
      exitCode: exit.exitCode,
      reason: exit.reason,
      ...(exit.message && exit.reason !== 'Error'
        ? { message: exit.message }
        : {}),
      startedAt: c.startedAt ?? finishedAt,
      finishedAt,
      containerID: c.containerID ?? ''
    }
    const o = this.options
    // Like the kubelet: the first exit is restarted at once; back-off (and the CrashLoopBackOff reason) starts from
    // the second, so a container in CrashLoopBackOff has restartCount >= 1.
    const backoff =
      c.crashes === 0
        ? 0
        : Math.min(
            o.crashBackoffCapMs,
            o.crashBackoffBaseMs * 2 ** (c.crashes - 1)
          )
    c.crashes += 1
    c.lastTerminated = terminated
    c.phase = 'crashed'
    c.nextAttemptAt = Date.now() + backoff
    c.failedAt = Date.now()
    if (waitingReason) {
      c.terminated = undefined
      c.waiting = { reason: waitingReason, message: exit.message ?? '' }
      this.event(
        pod,
        'Warning',
        'Failed',
        `Error: ${exit.message ?? waitingReason}`,
        c.name
      )
    } else {
      c.terminated = terminated
      c.waiting = undefined
    }
  }

  private resolveEnv(
    pod: KubeObject,
    run: PodRun,
    container: string
  ): Record<string, string> {
    const spec = (
      (pod.spec?.containers ?? []) as Array<{
        name: string
        env?: Array<{
          name: string
          value?: string
          valueFrom?: {
            secretKeyRef?: { name: string; key: string; optional?: boolean }
            fieldRef?: { fieldPath: string }
          }
        }>
        envFrom?: Array<{
          prefix?: string
          secretRef?: { name: string; optional?: boolean }
        }>
      }>
    ).find((c) => c.name === container)
    const env: Record<string, string> = {}
    const secret = (name: string) =>
      this.options.store.get('secrets', run.namespace, name)
    for (const from of spec?.envFrom ?? []) {
      if (!from.secretRef) continue
      const s = secret(from.secretRef.name)
      if (!s) {
        if (from.secretRef.optional) continue
        throw new Error(`secret "${from.secretRef.name}" not found`)
      }
      for (const [k, v] of Object.entries(
        (s.data ?? {}) as Record<string, string>
      ))
        env[`${from.prefix ?? ''}${k}`] = Buffer.from(v, 'base64').toString(
          'utf8'
        )
    }
    for (const e of spec?.env ?? []) {
      if (e.value !== undefined) {
        env[e.name] = e.value.replace(
          /\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g,
          (m, v: string) => env[v] ?? m
        )
        continue
      }
      const ref = e.valueFrom?.secretKeyRef
      if (ref) {
        const s = secret(ref.name)
        if (!s) {
          if (ref.optional) continue
          throw new Error(`secret "${ref.name}" not found`)
        }
        const v = ((s.data ?? {}) as Record<string, string>)[ref.key]
        if (v === undefined) {
          if (ref.optional) continue
          throw new Error(
            `couldn't find key ${ref.key} in Secret ${run.namespace}/${ref.name}`
          )
        }
        env[e.name] = Buffer.from(v, 'base64').toString('utf8')
        continue
      }
      const field = e.valueFrom?.fieldRef?.fieldPath
      if (field) {
        const labels = /^metadata\.labels\['(.+)'\]$/.exec(field)
        env[e.name] =
          field === 'metadata.name'
            ? run.name
            : field === 'metadata.namespace'
              ? run.namespace
              : field === 'metadata.uid'
                ? run.uid
                : field === 'status.podIP'
                  ? run.podIP
                  : field === 'spec.nodeName'
                    ? (pod.spec?.nodeName ?? '')
                    : labels
                      ? (pod.metadata.labels?.[labels[1] ?? ''] ?? '')
                      : ''
        continue
      }
      env[e.name] = ''
    }
    return env
  }

  private async stopHandle(c: ContainerRun): Promise<void> {
    const handle = c.handle
    c.handle = undefined
    c.ready = false
    if (handle) await handle.stop().catch(() => undefined)
  }

  private terminate(run: PodRun, pod: KubeObject): void {
    if (run.terminating) return
    run.terminating = true
    for (const c of run.containers)
      if (c.handle)
        this.event(
          pod,
          'Normal',
          'Killing',
          `Stopping container ${c.name}`,
          c.name
        )
    // A terminating pod stops being Ready at once (endpoints drop it before its containers stop).
    for (const c of run.containers) c.ready = false
    this.writeStatus(run, pod, true)
    void Promise.all(run.containers.map((c) => this.stopHandle(c)))
      .then(() => {
        this.pods.delete(run.uid)
        const { store } = this.options
        const current = store.get('pods', run.namespace, run.name)
        if (current && current.metadata.uid === run.uid)
          store.delete('pods', run.namespace, run.name)
        this.options.requestSync()
      })
      .catch(() => this.options.requestSync())
  }

  private writeStatus(run: PodRun, pod: KubeObject, terminating = false): void {
    const previous = (pod.status ?? {}) as {
      conditions?: Array<{
        type: string
        status: string
        lastTransitionTime?: string
      }>
    }
    const now = nowIso()
    const allStarted = run.containers.every((c) => c.everStarted)
    const allReady = run.containers.every(
      (c) => c.phase === 'running' && c.ready
    )
    const unready = run.containers
      .filter((c) => !(c.phase === 'running' && c.ready))
      .map((c) => c.name)
    const condition = (
      type: string,
      ok: boolean,
      reason?: string,
      text?: string
    ) => {
      const status = ok ? 'True' : 'False'
      const prev = previous.conditions?.find((c) => c.type === type)
      return {
        type,
        status,
        lastProbeTime: null,
        lastTransitionTime:
          prev && prev.status === status && prev.lastTransitionTime
            ? prev.lastTransitionTime
            : now,
        ...(!ok && reason ? { reason, message: text } : {})
      }
    }
    const notReadyText = `containers with unready status: [${unready.join(' ')}]`
    const status = {
      phase: allStarted ? 'Running' : 'Pending',
      conditions: [
        condition('PodReadyToStartContainers', true),
        condition('Initialized', true),
        condition('Ready', allReady, 'ContainersNotReady', notReadyText),
        condition(
          'ContainersReady',
          allReady,
          'ContainersNotReady',
          notReadyText
        ),
        condition('PodScheduled', true)
      ],
      hostIP: '10.224.0.4',
      hostIPs: [{ ip: '10.224.0.4' }],
      podIP: run.podIP,
      podIPs: [{ ip: run.podIP }],
      startTime: run.startTime,
      containerStatuses: run.containers.map((c) => {
        const state =
          c.phase === 'running'
            ? { running: { startedAt: c.startedAt } }
            : c.terminated
              ? { terminated: c.terminated }
              : { waiting: c.waiting ?? { reason: 'ContainerCreating' } }
        return {
          name: c.name,
          state,
          lastState: c.lastTerminated ? { terminated: c.lastTerminated } : {},
          ready: c.phase === 'running' && c.ready,
          restartCount: c.restartCount,
          image: c.image,
          imageID: c.digest
            ? `${c.image.split('@')[0]?.replace(/:[^:/]+$/, '') ?? c.image}@${c.digest}`
            : '',
          ...(c.containerID && (c.phase === 'running' || c.terminated)
            ? { containerID: c.containerID }
            : {}),
          started: c.phase === 'running'
        }
      }),
      qosClass: 'BestEffort'
    }
    if (deepEqual(pod.status, status)) return
    const fresh = this.options.store.get('pods', run.namespace, run.name)
    if (
      !fresh ||
      fresh.metadata.uid !== run.uid ||
      (fresh.metadata.deletionTimestamp && !terminating)
    )
      return
    fresh.status = status
    this.options.store.update('pods', fresh)
  }
}
