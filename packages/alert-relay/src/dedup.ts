/**
 * Remembers dispatched alert groups for `ttlSeconds` so Alertmanager's repeats (`repeat_interval`) and retries of
 * a delivered notification dispatch once. In memory: the relay keeps no state across restarts (a restart may
 * dispatch an alert group again; rollback-on-alert.yml's concurrency queues the repeat, and its plan shows the
 * service already on the stable image). Bounded to `maxEntries` (oldest dropped first).
 */
export class DispatchMemory {
  private readonly done = new Map<string, number>()
  private readonly inFlight = new Map<string, Promise<unknown>>()

  constructor(
    private readonly ttlSeconds: number,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now
  ) {}

  /** True when `key` was dispatched within the TTL. */
  has(key: string): boolean {
    const at = this.done.get(key)
    if (at === undefined) return false
    if (this.now() - at > this.ttlSeconds * 1000) {
      this.done.delete(key)
      return false
    }
    return true
  }

  /**
   * Runs `send` once per key at a time: a concurrent call for the same key waits for the first and reports
   * `duplicate`. The key is remembered only when `send` succeeds, so a failed dispatch is tried again by the next
   * delivery.
   */
  async once<T>(
    key: string,
    send: () => Promise<T>
  ): Promise<{ duplicate: true } | { duplicate: false; result: T }> {
    if (this.has(key)) return { duplicate: true }
    const running = this.inFlight.get(key)
    if (running) {
      await running.catch(() => undefined)
      if (this.has(key)) return { duplicate: true }
    }
    const p = send()
    this.inFlight.set(key, p)
    try {
      const result = await p
      this.done.set(key, this.now())
      while (this.done.size > this.maxEntries) {
        const oldest = this.done.keys().next().value
        if (oldest === undefined) break
        this.done.delete(oldest)
      }
      return { duplicate: false, result }
    } finally {
      this.inFlight.delete(key)
    }
  }
}
