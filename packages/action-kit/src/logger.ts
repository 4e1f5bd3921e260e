/**
 * The logging surface every package receives (packages never import `@actions/*`).
 * debug: resolved values and API calls; info: one line per step; notice: the outcome, once;
 * warning: degraded but going on (with a title); error: what failed.
 */
export interface Logger {
  debug(message: string): void
  info(message: string): void
  notice(message: string): void
  warning(message: string, title?: string): void
  error(message: string): void
  /** Runs `fn` inside a collapsible log group (one per phase: Resolve, Plan, Apply, Verify). */
  group<T>(name: string, fn: () => Promise<T>): Promise<T>
  /** Registers a value to be masked in every later log line, summary, output and audit record. */
  secret(value: string): void
}

/** One recorded log line (see {@link recordingLogger}). */
export interface LogLine {
  level: 'debug' | 'info' | 'notice' | 'warning' | 'error' | 'group'
  message: string
}

/** A Logger that drops everything (for library callers that do not care). */
export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  notice: () => undefined,
  warning: () => undefined,
  error: () => undefined,
  group: (_name, fn) => fn(),
  secret: () => undefined
}

/** A Logger that records lines in `lines` (for tests); secrets are masked as `***` like the runner does. */
export function recordingLogger(): Logger & {
  lines: LogLine[]
  text(): string
} {
  const lines: LogLine[] = []
  const secrets: string[] = []
  const mask = (m: string) =>
    secrets.reduce((t, s) => t.split(s).join('***'), m)
  const push = (level: LogLine['level'], message: string) =>
    lines.push({ level, message: mask(message) })
  return {
    lines,
    text: () => lines.map((l) => `${l.level}: ${l.message}`).join('\n'),
    debug: (m) => push('debug', m),
    info: (m) => push('info', m),
    notice: (m) => push('notice', m),
    warning: (m) => push('warning', m),
    error: (m) => push('error', m),
    group: async (name, fn) => {
      push('group', name)
      return fn()
    },
    secret: (s) => {
      if (s) secrets.push(s)
    }
  }
}

/**
 * Makes one plain log line of `message` that the runner cannot read as a workflow command, whatever untrusted values
 * (YAML inputs, registry tags, cluster objects, Prometheus labels) were interpolated into it.
 *
 * The runner executes a stdout line as a command when, after leading white space, it starts with `::`
 * (`::error::`, `::add-mask::`), or when it holds the legacy prefix `##[` anywhere (actions/runner
 * `src/Runner.Common/ActionCommand.cs`, `TryParseV2` and `TryParse`). `@actions/core` encodes the data of the lines it
 * writes as commands (debug, notice, warning, error, group) as `escapeData` does, but writes `info` raw. This escapes
 * the same way, in percent-encoding that decodes back to the message: `\r` → `%0D`, `\n` → `%0A`, and `%` → `%25`
 * where it is followed by two hex digits (so a literal `%0A` stays distinguishable; `25%` stays readable); then a
 * leading `::` becomes `%3A:` and every `##[` becomes `#%23[`.
 * @returns a single line (no CR or LF).
 */
export function escapeLogLine(message: string): string {
  return message
    .replace(/%(?=[0-9A-Fa-f]{2})/g, '%25')
    .replace(/\r/g, '%0D')
    .replace(/\n/g, '%0A')
    .replace(/^(\s*):(?=:)/, '$1%3A')
    .replace(/##\[/g, '#%23[')
}
