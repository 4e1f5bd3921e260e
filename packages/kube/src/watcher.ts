import type { Logger, SuiteError } from '@rollback-actions/action-kit'
import type { KubeClients } from './clients.js'
import { kubeError, statusCodeOf } from './errors.js'

/** The metadata every listed or watched object carries. */
export interface KubeObject {
  metadata?: { name?: string; resourceVersion?: string; uid?: string }
}

/** A change delivered by the watch (BOOKMARK and ERROR are handled inside). */
export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED'

export interface ListWatchOptions<T extends KubeObject> {
  clients: KubeClients
  log: Logger
  /** What is watched, for messages, e.g. `deployment "prod/web"`. */
  what: string
  /** Collection path, e.g. `/apis/apps/v1/namespaces/prod/deployments`. */
  path: string
  /** `fieldSelector` / `labelSelector` sent with the list and every watch. */
  selector: { fieldSelector?: string; labelSelector?: string }
  /** Lists the collection with the same selector; returns the items and the list's `resourceVersion`. */
  list(): Promise<{ items: T[]; resourceVersion: string }>
  /** Called after every (re-)list with the full current set. */
  onSync(items: T[]): void
  /** Called for every ADDED/MODIFIED/DELETED event of the watch. */
  onEvent(type: WatchEventType, object: T): void
  /** Called once when watching cannot go on (401/403/404, or a callback threw); the watch is stopped. */
  onFatal(error: unknown): void
  /** Server-side `timeoutSeconds` of each watch request; the stream is re-opened from the last resourceVersion. */
  watchTimeoutSeconds: number
}

/** A running list-then-watch loop. */
export interface ListWatchHandle {
  /** Stops the loop and aborts the open watch request. Idempotent. */
  stop(): void
}

type WatchOutcome =
  | { kind: 'ended'; events: number }
  | { kind: 'gone' }
  | { kind: 'failed'; error: unknown }
  | { kind: 'stopped' }

const FATAL_CODES = new Set([401, 403, 404])
const MAX_BACKOFF_MS = 5_000

/**
 * Lists a collection, then watches it from the list's resourceVersion, like client-go's reflector
 * (kubernetes-rollout.md §2.2, §7): a stream that ends (server `timeoutSeconds`, dropped connection, client
 * inactivity timeout) is re-opened from the last resourceVersion seen (events and BOOKMARKs advance it); `410 Gone`
 * (HTTP status or an ERROR event with code 410) re-lists. Transient failures are retried with a capped backoff;
 * 401/403/404 are fatal.
 */
export function listWatch<T extends KubeObject>(
  options: ListWatchOptions<T>
): ListWatchHandle {
  let stopped = false
  let abortCurrent: (() => void) | undefined
  let wakeSleep: (() => void) | undefined

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms)
      function done() {
        clearTimeout(timer)
        wakeSleep = undefined
        resolve()
      }
      wakeSleep = done
    })

  const fatal = (error: unknown) => {
    if (stopped) return
    stopped = true
    options.onFatal(error)
  }

  const watchOnce = (resourceVersion: string, onRv: (rv: string) => void) =>
    new Promise<WatchOutcome>((resolve) => {
      let settled = false
      let controller: AbortController | undefined
      let events = 0
      const finish = (outcome: WatchOutcome) => {
        if (settled) return
        settled = true
        abortCurrent = undefined
        controller?.abort()
        resolve(outcome)
      }
      abortCurrent = () => finish({ kind: 'stopped' })
      options.clients.watch
        .watch(
          options.path,
          {
            ...options.selector,
            resourceVersion,
            allowWatchBookmarks: true,
            timeoutSeconds: options.watchTimeoutSeconds
          },
          (type: string, object: unknown) => {
            if (settled) return
            if (type === 'ERROR') {
              const status = object as { code?: number; reason?: string }
              if (status.code === 410 || status.reason === 'Expired') {
                finish({ kind: 'gone' })
              } else {
                finish({
                  kind: 'failed',
                  error: Object.assign(
                    new Error(`watch ERROR event ${status.reason ?? ''}`),
                    { code: status.code, body: object }
                  )
                })
              }
              return
            }
            const rv = (object as KubeObject | undefined)?.metadata
              ?.resourceVersion
            if (rv) onRv(rv)
            if (type === 'BOOKMARK') return
            if (type === 'ADDED' || type === 'MODIFIED' || type === 'DELETED') {
              events++
              try {
                options.onEvent(type, object as T)
              } catch (error) {
                finish({ kind: 'stopped' })
                fatal(error)
              }
            }
          },
          (error: unknown) => {
            if (settled) return
            if (error === null || error === undefined || isTimeout(error)) {
              finish({ kind: 'ended', events })
            } else if (statusCodeOf(error) === 410) {
              finish({ kind: 'gone' })
            } else if (controller !== undefined) {
              // The stream was open (200) and broke off: re-watch like a server-side close.
              options.log.debug(
                `watch of ${options.what} interrupted: ${error instanceof Error ? error.message : 'stream error'}`
              )
              finish({ kind: 'ended', events })
            } else {
              finish({ kind: 'failed', error })
            }
          }
        )
        .then(
          (c) => {
            controller = c
            if (settled) c.abort()
          },
          (error: unknown) => finish({ kind: 'failed', error })
        )
    })

  const loop = async () => {
    let resourceVersion: string | undefined
    let failures = 0
    let quickEnds = 0
    const backoff = async (count: number) => {
      const ms = Math.min(MAX_BACKOFF_MS, 250 * 2 ** Math.min(count, 5))
      await sleep(ms * (0.75 + Math.random() / 2))
    }
    const transient = async (error: unknown, phase: string) => {
      const wrapped: SuiteError = kubeError(`${phase} ${options.what}`, error)
      const code = statusCodeOf(error)
      if (code !== undefined && FATAL_CODES.has(code)) {
        fatal(wrapped)
        return
      }
      failures++
      if (failures === 1) {
        options.log.warning(
          `${wrapped.message}; retrying`,
          'Kubernetes watch interrupted'
        )
      } else {
        options.log.debug(`${wrapped.message}; retry ${failures}`)
      }
      await backoff(failures)
    }

    while (!stopped) {
      if (resourceVersion === undefined) {
        try {
          options.log.debug(`listing ${options.what}`)
          const listed = await options.list()
          if (stopped) return
          resourceVersion = listed.resourceVersion
          failures = 0
          options.onSync(listed.items)
        } catch (error) {
          if (stopped) return
          await transient(error, 'listing')
          continue
        }
        continue
      }
      const startedAt = Date.now()
      options.log.debug(
        `watching ${options.what} from resourceVersion ${resourceVersion}`
      )
      const outcome = await watchOnce(resourceVersion, (rv) => {
        resourceVersion = rv
      })
      if (stopped || outcome.kind === 'stopped') return
      if (outcome.kind === 'gone') {
        options.log.debug(
          `resourceVersion of ${options.what} expired (410); listing again`
        )
        resourceVersion = undefined
        continue
      }
      if (outcome.kind === 'failed') {
        await transient(outcome.error, 'watching')
        continue
      }
      failures = 0
      // A stream that ends at once without events must not turn into a busy loop.
      if (outcome.events === 0 && Date.now() - startedAt < 1_000) {
        quickEnds++
        await backoff(quickEnds)
      } else {
        quickEnds = 0
      }
      options.log.debug(`watch of ${options.what} ended; watching again`)
    }
  }

  loop().catch(fatal)

  return {
    stop() {
      if (stopped) return
      stopped = true
      abortCurrent?.()
      wakeSleep?.()
    }
  }
}

function isTimeout(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { name?: unknown }).name === 'TimeoutError'
  )
}
