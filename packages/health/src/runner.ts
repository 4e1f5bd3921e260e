import type { Logger } from '@rollback-actions/action-kit'
import {
  combineVerdicts,
  conclude,
  initialState,
  record,
  satisfied,
  type AnalysisSettings,
  type CheckState,
  type Verdict
} from './analysis.js'
import type { Reading } from './prometheus-checks.js'

/** Something measured once per round. */
export interface Probe {
  name: string
  kind: Reading['kind']
  settings: AnalysisSettings
  measure(): Promise<Reading>
}

/** Time source; tests pass a fake one. `now()` in epoch milliseconds. */
export interface Clock {
  now(): number
  sleep(ms: number): Promise<void>
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms))
}

/** When an analysis takes readings and when it stops. */
export interface AnalysisWindow {
  /** Seconds between the starts of two rounds. */
  intervalSeconds: number
  /** Take exactly this many rounds (Argo `count`), unless a check fails first. */
  count?: number
  /** Take rounds until this many seconds have passed (Argo `duration`), unless a check fails first. */
  durationSeconds?: number
  /**
   * Hard limit in seconds. Without `count`/`duration` the analysis stops as soon as every check has its streak of
   * good readings, or at this limit.
   */
  timeoutSeconds: number
}

export interface CheckResult {
  name: string
  kind: Reading['kind']
  verdict: Verdict
  reason: string
  state: CheckState
}

export interface AnalysisResult {
  verdict: Verdict
  checks: CheckResult[]
  /** Every reading in the order taken. */
  readings: Reading[]
  rounds: number
  /** UTC ISO-8601. */
  startedAt: string
  finishedAt: string
  /** Why the rounds stopped. */
  stoppedBecause: string
}

/**
 * Runs rounds of readings over `probes` (all probes of a round in parallel) and turns them into verdicts with the
 * state machine of `analysis.ts`. Stops early when a check is unhealthy (no point in waiting for the rest).
 * The overall verdict is the worst check verdict: unhealthy > could-not-verify > inconclusive > healthy.
 * @param onReading called for every reading as it arrives (logging).
 */
export async function runAnalysis(
  probes: Probe[],
  window: AnalysisWindow,
  options: {
    clock?: Clock
    log?: Logger
    onReading?: (r: Reading) => void
  } = {}
): Promise<AnalysisResult> {
  const clock = options.clock ?? realClock
  const start = clock.now()
  const startedAt = new Date(start).toISOString()
  const states = probes.map(() => initialState())
  const readings: Reading[] = []
  const fixed =
    window.count !== undefined || window.durationSeconds !== undefined
  let rounds = 0
  let stoppedBecause = ''
  for (;;) {
    const active = probes
      .map((p, i) => ({ p, i }))
      .filter(({ i }) => !states[i]!.terminal)
    const taken = await Promise.all(active.map(({ p }) => p.measure()))
    taken.forEach((reading, k) => {
      const { p, i } = active[k]!
      states[i] = record(
        states[i]!,
        reading.outcome,
        p.settings,
        reading.detail
      )
      readings.push(reading)
      options.onReading?.(reading)
    })
    rounds++
    const failed = probes.find(
      (_, i) => states[i]!.terminal?.verdict === 'unhealthy'
    )
    if (failed) {
      stoppedBecause = `check "${failed.name}" is unhealthy`
      break
    }
    if (states.every((s) => s.terminal)) {
      stoppedBecause = 'no check can be measured any more'
      break
    }
    if (window.count !== undefined && rounds >= window.count) {
      stoppedBecause = `${rounds} rounds taken (count ${window.count})`
      break
    }
    const next = start + rounds * window.intervalSeconds * 1000
    if (
      window.durationSeconds !== undefined &&
      next - start > window.durationSeconds * 1000
    ) {
      stoppedBecause = `duration ${window.durationSeconds}s covered`
      break
    }
    if (
      !fixed &&
      probes.every(
        (p, i) => states[i]!.terminal || satisfied(states[i]!, p.settings)
      )
    ) {
      stoppedBecause = 'every check has its good readings in a row'
      break
    }
    if (next - start > window.timeoutSeconds * 1000) {
      stoppedBecause = `timeout ${window.timeoutSeconds}s reached`
      break
    }
    await clock.sleep(Math.max(0, next - clock.now()))
  }
  const checks = probes.map((p, i) => ({
    name: p.name,
    kind: p.kind,
    ...conclude(states[i]!, p.settings),
    state: states[i]!
  }))
  return {
    verdict: combineVerdicts(checks.map((c) => c.verdict)),
    checks,
    readings,
    rounds,
    startedAt,
    finishedAt: new Date(clock.now()).toISOString(),
    stoppedBecause
  }
}
