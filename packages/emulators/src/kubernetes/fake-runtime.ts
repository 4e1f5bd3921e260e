/**
 * An in-memory {@link ContainerRuntime} for tests: images known from a map, broken images whose containers
 * crash shortly after start (exit code 1, a `panic: …` log line), no processes.
 */
import type {
  ContainerHandle,
  ContainerRuntime,
  ContainerStartSpec
} from './types.js'

/** Options of {@link fakeRuntime}. */
export interface FakeRuntimeOptions {
  /** Known images: reference (`registry/repo:tag`) → digest (`sha256:…`). Others fail to pull with `manifest unknown`. */
  images: Record<string, string>
  /** References whose containers exit with code 1 after `exitAfterMs`, logging `panic: …`. */
  broken?: Iterable<string>
  /** Start → crash of broken containers (ms). Default 200. */
  exitAfterMs?: number
  /** Pull duration (ms). Default 5. */
  pullLatencyMs?: number
  /** Endpoint a started container reports (none by default). */
  endpoint?: (spec: ContainerStartSpec) => string | undefined
}

/** The fake runtime, with what it was asked to do. */
export interface FakeRuntime extends ContainerRuntime {
  /** Every container start, in order (env included: tests assert Secret resolution). */
  readonly started: ContainerStartSpec[]
  /** Containers started and not yet stopped. */
  running(): ContainerStartSpec[]
  /** Every image pull attempt, in order. */
  readonly pulls: string[]
}

function manifestUnknown(image: string): string {
  const at = image.lastIndexOf('@')
  const colon = image.lastIndexOf(':')
  const reference =
    at >= 0
      ? image.slice(at + 1)
      : colon > image.lastIndexOf('/')
        ? image.slice(colon + 1)
        : 'latest'
  return `manifest unknown: manifest tagged by "${reference}" is not found`
}

/** Creates a {@link FakeRuntime}. */
export function fakeRuntime(options: FakeRuntimeOptions): FakeRuntime {
  const broken = new Set(options.broken ?? [])
  const exitAfterMs = options.exitAfterMs ?? 200
  const started: ContainerStartSpec[] = []
  const pulls: string[] = []
  const live = new Set<ContainerStartSpec>()
  const digests = new Set(Object.values(options.images))
  return {
    started,
    pulls,
    running: () => [...live],
    async pull(image) {
      pulls.push(image)
      await new Promise((resolve) =>
        setTimeout(resolve, options.pullLatencyMs ?? 5)
      )
      const known = options.images[image]
      if (known) return { digest: known }
      const at = image.lastIndexOf('@')
      if (at >= 0 && digests.has(image.slice(at + 1)))
        return { digest: image.slice(at + 1) }
      return { error: manifestUnknown(image) }
    },
    start(spec): Promise<ContainerHandle> {
      started.push(spec)
      live.add(spec)
      const startedAt = Date.now()
      const isBroken = broken.has(spec.image)
      const lines = [
        `starting ${spec.container} ${spec.image} (${spec.digest})`
      ]
      let stopped = false
      let crashed = false
      const crashed_ = () => {
        if (!isBroken || stopped) return false
        if (!crashed && Date.now() - startedAt >= exitAfterMs) {
          crashed = true
          lines.push(
            `panic: runtime error: invalid memory address or nil pointer dereference`
          )
          lines.push(
            `[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x4f1c2a]`
          )
        }
        return crashed
      }
      const handle: ContainerHandle = {
        endpoint: options.endpoint?.(spec),
        ready: () => Promise.resolve(!stopped && !crashed_()),
        exited: () => (crashed_() ? { code: 1, reason: 'Error' } : undefined),
        logs: () => {
          crashed_()
          return [...lines]
        },
        stop: () => {
          stopped = true
          live.delete(spec)
          return Promise.resolve()
        }
      }
      lines.push(`listening on :8080`)
      return Promise.resolve(handle)
    }
  }
}
