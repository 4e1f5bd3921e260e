/** Structured log of the relay: one JSON object per line (what `kubectl logs` and log collectors read). */
export interface RelayLog {
  info(message: string, fields?: Record<string, unknown>): void
  warn(message: string, fields?: Record<string, unknown>): void
  error(message: string, fields?: Record<string, unknown>): void
}

/** A {@link RelayLog} writing JSON lines (`time` UTC ISO-8601, `level`, `msg`, fields) to `write`. */
export function jsonLog(write: (line: string) => void): RelayLog {
  const line =
    (level: string) =>
    (msg: string, fields: Record<string, unknown> = {}) =>
      write(
        `${JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields })}\n`
      )
  return { info: line('info'), warn: line('warn'), error: line('error') }
}

/** A {@link RelayLog} keeping entries in memory (tests). */
export function memoryLog(): RelayLog & {
  entries: { level: string; msg: string; fields: Record<string, unknown> }[]
} {
  const entries: {
    level: string
    msg: string
    fields: Record<string, unknown>
  }[] = []
  const push =
    (level: string) =>
    (msg: string, fields: Record<string, unknown> = {}) =>
      entries.push({ level, msg, fields })
  return {
    entries,
    info: push('info'),
    warn: push('warn'),
    error: push('error')
  }
}
