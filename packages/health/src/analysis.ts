/**
 * The analysis state machine: how readings of one check turn into a verdict.
 *
 * Semantics follow Argo Rollouts analysis runs (https://argo-rollouts.readthedocs.io/en/stable/features/analysis/):
 * a check fails once its bad readings exceed `failureLimit`, and errors once measurement errors in a row exceed
 * `consecutiveErrorLimit`. It is stricter about missing data: a check is healthy only after `consecutiveSuccesses`
 * good readings in a row, so it is never healthy without data; no data counts as a failure (`noData: 'fail'`) or
 * keeps the check open (`'inconclusive'`); a measurement error or no data breaks the streak.
 */

/** The answer of a check or of a whole validation. */
export type Verdict =
  'healthy' | 'unhealthy' | 'inconclusive' | 'could-not-verify'

/** What one measurement said. */
export type ReadingOutcome =
  /** The value met the condition. */
  | 'success'
  /** The value broke the condition (or a pod restarted, or the endpoint answered wrongly). */
  | 'failure'
  /** Not ready yet (pods starting): not good, not bad; unhealthy if still so when the window ends. */
  | 'pending'
  /** Empty vector, NaN, or too little traffic for the ratio to count. */
  | 'no-data'
  /** The measurement itself failed (Prometheus or endpoint unreachable, API error). */
  | 'error'

/** What to do with a reading that has no data. */
export type NoDataPolicy = 'fail' | 'inconclusive'

/** Settings of one check's analysis. */
export interface AnalysisSettings {
  /** Bad readings allowed; one more makes the check unhealthy (Argo `failureLimit`). */
  failureLimit: number
  /** Measurement errors in a row allowed; one more makes the check could-not-verify (Argo `consecutiveErrorLimit`). */
  consecutiveErrorLimit: number
  /** Good readings in a row needed before the check is healthy (at least 1). */
  consecutiveSuccesses: number
  /** `fail`: no data counts as a bad reading; `inconclusive`: it counts as neither but breaks the streak. */
  noData: NoDataPolicy
}

/** The running tally of one check. */
export interface CheckState {
  measurements: number
  successes: number
  failures: number
  errors: number
  noData: number
  consecutiveErrors: number
  /** Good readings in a row up to now. */
  streak: number
  /** The outcome that last broke the streak (after the no-data policy), if any. */
  lastBreak?: Exclude<ReadingOutcome, 'success'>
  /** What the last measurement error said (its reading's detail), for the verdict's reason. */
  lastError?: string
  /** How many errors in a row said exactly {@link lastError}. */
  lastErrorRepeats?: number
  /** Set once the check has a final verdict before the window ends (failure or error limit passed). */
  terminal?: { verdict: Verdict; reason: string }
}

/** A fresh state. */
export function initialState(): CheckState {
  return {
    measurements: 0,
    successes: 0,
    failures: 0,
    errors: 0,
    noData: 0,
    consecutiveErrors: 0,
    streak: 0
  }
}

/** `: <what the last error said>[ (n times in a row)]`, or '' when no error detail was recorded. */
function errorCause(state: CheckState): string {
  if (state.lastError === undefined) return ''
  const n = state.lastErrorRepeats ?? 1
  return `: ${state.lastError}${n > 1 ? ` (${n} times in a row)` : ''}`
}

/**
 * Records one reading and returns the new state (the input is not changed). A terminal state ignores readings.
 * @param detail what the reading said (its `detail`); for an `error` it becomes the why of a could-not-verify
 *   verdict, such as "Prometheus at … answered HTTP 503 (5 times in a row)".
 */
export function record(
  state: CheckState,
  outcome: ReadingOutcome,
  settings: AnalysisSettings,
  detail?: string
): CheckState {
  if (state.terminal) return state
  const next: CheckState = { ...state, measurements: state.measurements + 1 }
  const effective: ReadingOutcome =
    outcome === 'no-data' && settings.noData === 'fail' ? 'failure' : outcome
  if (outcome === 'no-data') next.noData++
  switch (effective) {
    case 'success':
      next.successes++
      next.streak++
      next.consecutiveErrors = 0
      break
    case 'failure':
      next.failures++
      next.streak = 0
      next.consecutiveErrors = 0
      next.lastBreak = 'failure'
      if (next.failures > settings.failureLimit) {
        next.terminal = {
          verdict: 'unhealthy',
          reason: `${next.failures} bad reading${next.failures === 1 ? '' : 's'}, failure limit ${settings.failureLimit}`
        }
      }
      break
    case 'pending':
    case 'no-data':
      next.streak = 0
      next.consecutiveErrors = 0
      next.lastBreak = effective
      break
    case 'error':
      next.errors++
      next.streak = 0
      next.lastBreak = 'error'
      if (detail !== undefined) {
        next.lastErrorRepeats =
          state.consecutiveErrors > 0 && state.lastError === detail
            ? (state.lastErrorRepeats ?? 1) + 1
            : 1
        next.lastError = detail
      }
      next.consecutiveErrors++
      if (next.consecutiveErrors > settings.consecutiveErrorLimit) {
        next.terminal = {
          verdict: 'could-not-verify',
          reason: `${next.consecutiveErrors} measurement errors in a row, limit ${settings.consecutiveErrorLimit}${errorCause(next)}`
        }
      }
      break
  }
  return next
}

/** True when the check has its streak of good readings (it may still be measured until the window ends). */
export function satisfied(
  state: CheckState,
  settings: AnalysisSettings
): boolean {
  return !state.terminal && state.streak >= settings.consecutiveSuccesses
}

/**
 * The verdict of a check when its window has ended (count or duration reached, or the timeout hit).
 * Never `healthy` without `consecutiveSuccesses` good readings in a row at the end.
 */
export function conclude(
  state: CheckState,
  settings: AnalysisSettings
): { verdict: Verdict; reason: string } {
  if (state.terminal) return state.terminal
  if (state.streak >= settings.consecutiveSuccesses) {
    return {
      verdict: 'healthy',
      reason: `${state.streak} good reading${state.streak === 1 ? '' : 's'} in a row (${settings.consecutiveSuccesses} required), ${state.failures} bad (limit ${settings.failureLimit})`
    }
  }
  if (state.measurements === 0) {
    return { verdict: 'could-not-verify', reason: 'no reading was taken' }
  }
  const short = `${state.streak} of ${settings.consecutiveSuccesses} required good readings in a row when the window ended`
  switch (state.lastBreak) {
    case 'error':
      return {
        verdict: 'could-not-verify',
        reason: `${short}; a measurement error broke the streak${errorCause(state)}`
      }
    case 'no-data':
      return { verdict: 'inconclusive', reason: `${short}; no data` }
    case 'pending':
      return { verdict: 'unhealthy', reason: `${short}; still not ready` }
    case 'failure':
      return { verdict: 'unhealthy', reason: `${short}; after a bad reading` }
    default:
      return {
        verdict: 'inconclusive',
        reason: `${short}; the window is too short for the required streak`
      }
  }
}

const SEVERITY: Record<Verdict, number> = {
  healthy: 0,
  inconclusive: 1,
  'could-not-verify': 2,
  unhealthy: 3
}

/**
 * Combines verdicts: unhealthy > could-not-verify > inconclusive > healthy. No verdicts → could-not-verify
 * (nothing was checked, so nothing is known).
 */
export function combineVerdicts(verdicts: Verdict[]): Verdict {
  if (verdicts.length === 0) return 'could-not-verify'
  return verdicts.reduce((a, b) => (SEVERITY[b] > SEVERITY[a] ? b : a))
}
