import type { ServerResponse } from 'node:http'

/**
 * One fault shape for every emulator: the next `times` requests (or operations) that match meet it.
 * HTTP-level kinds are answered the same way by every emulator ({@link FaultQueue.answer}), in the
 * emulator's own error body; emulators add kinds of their own (ARM: `operation-fails`, `never-ready`).
 */
export interface Fault {
  /**
   * `throttle`: 429 with `Retry-After` when `retryAfterSeconds` is set (how Azure and GitHub throttle);
   * `http-error`: `status` (default 500) with a server-error body; anything else: an emulator-specific kind.
   */
  kind: string
  /**
   * The requests it applies to: a lower-case HTTP method (`get`, `put`, `post`, `patch`, `delete`), a request
   * class the emulator names (ARM: `poll` for operation-status GETs), or `any` (the default).
   */
  on?: string
  /** HTTP status of `http-error` (default 500). */
  status?: number
  /** Seconds sent as `Retry-After`; omit to send none. */
  retryAfterSeconds?: number
  /** Error code and message in the answer (each emulator has defaults worded as its service words them). */
  code?: string
  message?: string
  /** How many matching requests or operations meet it (default 1). */
  times?: number
}

/** How an emulator words an HTTP-level fault in its protocol's error body. */
export type FaultSender = (
  res: ServerResponse,
  status: number,
  fault: Fault,
  headers: Record<string, string>
) => void

/** A service's own code and message for an error answer. */
export interface FaultWords {
  code: string
  message: string
}

/**
 * A {@link FaultSender} answering with `send`: the fault's own `code` and `message`, else the service's
 * words for the status (429: `throttle`, any other: `error`).
 */
export function faultSender(
  words: { throttle: FaultWords; error: FaultWords },
  send: (
    res: ServerResponse,
    status: number,
    error: FaultWords,
    headers: Record<string, string>
  ) => void
): FaultSender {
  return (res, status, fault, headers) => {
    const d = status === 429 ? words.throttle : words.error
    send(
      res,
      status,
      { code: fault.code ?? d.code, message: fault.message ?? d.message },
      headers
    )
  }
}

/** The faults injected into one emulator, consumed in injection order. */
export class FaultQueue<F extends Fault = Fault> {
  private readonly faults: F[] = []

  /** Adds a fault (a copy: `times` counts down on the copy). */
  inject(fault: F): void {
    this.faults.push({ ...fault })
  }

  /** Drops every pending fault. */
  clear(): void {
    this.faults.length = 0
  }

  /** Pending faults (copies), in injection order. */
  pending(): F[] {
    return this.faults.map((f) => ({ ...f }))
  }

  /**
   * Takes one use of the first fault of `kind` that applies to request class `on` (a fault without `on`, or
   * with `on: 'any'`, applies to every class; `on` omitted here matches any fault of the kind).
   * @returns the fault, or undefined when none is pending.
   */
  take<K extends F['kind']>(
    kind: K,
    on?: string
  ): Extract<F, { kind: K }> | undefined {
    const index = this.faults.findIndex(
      (f) =>
        f.kind === kind &&
        (on === undefined ||
          f.on === undefined ||
          f.on === 'any' ||
          f.on === on)
    )
    if (index < 0) return undefined
    const fault = this.faults[index] as F
    const times = fault.times ?? 1
    if (times <= 1) this.faults.splice(index, 1)
    else fault.times = times - 1
    return fault as Extract<F, { kind: K }>
  }

  /**
   * Answers the request with a pending HTTP-level fault for class `on`: `throttle` first (429), then
   * `http-error` (its `status`, default 500).
   * @returns whether a fault answered (the handler must then stop).
   */
  answer(res: ServerResponse, on: string, send: FaultSender): boolean {
    const throttle = this.take('throttle', on) as F | undefined
    const fault = throttle ?? this.take('http-error', on)
    if (!fault) return false
    const headers: Record<string, string> =
      fault.retryAfterSeconds === undefined
        ? {}
        : { 'retry-after': String(fault.retryAfterSeconds) }
    send(res, throttle ? 429 : (fault.status ?? 500), fault, headers)
    return true
  }
}
