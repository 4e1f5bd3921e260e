import { appendFileSync, mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { errorMessage } from './errors.js'

/** One change a step made (or, on a dry run, would make). `from`/`to` are display values, never secrets. */
export interface AuditChange {
  resource: string
  from: string | null
  to: string | null
}

export type StepOutcome = 'succeeded' | 'failed' | 'skipped'

/**
 * One audit record per step: who, what, when (UTC ISO-8601), outcome. Written as a JSON line to the audit file as soon
 * as the step ends, failed steps included.
 */
export interface AuditStepRecord {
  action: string
  step: string
  started_at: string
  finished_at: string
  /** Wall-clock duration in seconds. */
  duration_seconds: number
  outcome: StepOutcome
  changes: AuditChange[]
  details: Record<string, unknown>
  error?: string
  actor?: string
  run_url?: string
}

/** What a step body uses to record its effects. */
export interface StepRecorder {
  change(resource: string, from: string | null, to: string | null): void
  detail(key: string, value: unknown): void
  /** Marks the step skipped (nothing to do) with a reason. */
  skip(reason: string): void
}

/**
 * The audit trail of one action run.
 * @param sink where records go (a JSON-lines file, see {@link fileSink}); `redact` masks registered secrets.
 */
export class AuditTrail {
  readonly steps: AuditStepRecord[] = []

  constructor(
    private readonly action: string,
    private readonly who: { actor?: string; runUrl?: string },
    private readonly redact: (text: string) => string,
    private readonly sink?: (record: AuditStepRecord) => void
  ) {}

  /**
   * Runs `fn` as a named step and records it. The record is written even when `fn` throws; the error is re-thrown.
   */
  async step<T>(
    name: string,
    fn: (rec: StepRecorder) => Promise<T>
  ): Promise<T> {
    const started = new Date()
    const changes: AuditChange[] = []
    const details: Record<string, unknown> = {}
    let outcome: StepOutcome = 'succeeded'
    let error: string | undefined
    const rec: StepRecorder = {
      change: (resource, from, to) => changes.push({ resource, from, to }),
      detail: (key, value) => {
        details[key] = value
      },
      skip: (reason) => {
        outcome = 'skipped'
        details.skipped = reason
      }
    }
    try {
      return await fn(rec)
    } catch (e) {
      outcome = 'failed'
      error = errorMessage(e)
      throw e
    } finally {
      const finished = new Date()
      const record: AuditStepRecord = JSON.parse(
        this.redact(
          JSON.stringify({
            action: this.action,
            step: name,
            started_at: started.toISOString(),
            finished_at: finished.toISOString(),
            duration_seconds: (finished.getTime() - started.getTime()) / 1000,
            outcome,
            changes,
            details,
            ...(error === undefined ? {} : { error }),
            ...(this.who.actor ? { actor: this.who.actor } : {}),
            ...(this.who.runUrl ? { run_url: this.who.runUrl } : {})
          })
        )
      ) as AuditStepRecord
      this.steps.push(record)
      this.sink?.(record)
    }
  }
}

/** A sink appending each record as one JSON line to `path` (directories created). */
export function fileSink(path: string): (record: AuditStepRecord) => void {
  return (record) => {
    mkdirSync(dirname(path), { recursive: true })
    appendFileSync(path, `${JSON.stringify(record)}\n`)
  }
}
