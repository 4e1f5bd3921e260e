import { describe, expect, it } from '@jest/globals'
import {
  combineVerdicts,
  conclude,
  initialState,
  record,
  satisfied,
  type AnalysisSettings,
  type ReadingOutcome,
  type Verdict
} from '@rollback-actions/health'

const S = 'success'
const F = 'failure'
const P = 'pending'
const N = 'no-data'
const E = 'error'

const base: AnalysisSettings = {
  failureLimit: 0,
  consecutiveErrorLimit: 2,
  consecutiveSuccesses: 3,
  noData: 'inconclusive'
}

function play(outcomes: ReadingOutcome[], settings: AnalysisSettings) {
  let state = initialState()
  for (const o of outcomes) state = record(state, o, settings)
  return { state, ...conclude(state, settings) }
}

describe('analysis state machine', () => {
  it.each<
    [string, ReadingOutcome[], Partial<AnalysisSettings>, Verdict, RegExp]
  >([
    [
      'three good readings in a row',
      [S, S, S],
      {},
      'healthy',
      /3 good readings in a row/
    ],
    [
      'a bad reading over the limit',
      [S, F],
      {},
      'unhealthy',
      /1 bad reading, failure limit 0/
    ],
    [
      'bad readings within the limit, then a streak',
      [F, S, F, S, S, S],
      { failureLimit: 2 },
      'healthy',
      /2 bad/
    ],
    [
      'one bad reading more than the limit',
      [F, F, F],
      { failureLimit: 2 },
      'unhealthy',
      /3 bad readings/
    ],
    [
      'errors up to the limit, then a streak',
      [E, E, S, S, S],
      {},
      'healthy',
      /in a row/
    ],
    [
      'one error more than the limit',
      [E, E, E],
      {},
      'could-not-verify',
      /3 measurement errors in a row, limit 2/
    ],
    [
      'errors that are not in a row',
      [E, E, S, E, E, S],
      {},
      'could-not-verify',
      /a measurement error broke the streak/
    ],
    [
      'no data only (inconclusive policy)',
      [N, N, N],
      {},
      'inconclusive',
      /no data/
    ],
    [
      'no data with the fail policy',
      [N],
      { noData: 'fail' },
      'unhealthy',
      /1 bad reading/
    ],
    [
      'no data breaks the streak',
      [S, S, N, S, S],
      {},
      'inconclusive',
      /2 of 3/
    ],
    [
      'still pending when the window ends',
      [P, P, P],
      {},
      'unhealthy',
      /still not ready/
    ],
    ['pending, then a streak', [P, P, S, S, S], {}, 'healthy', /3 good/],
    [
      'a short window after a failure within the limit',
      [F, S],
      { failureLimit: 1 },
      'unhealthy',
      /after a bad reading/
    ],
    [
      'a window too short for the streak',
      [S, S],
      {},
      'inconclusive',
      /too short/
    ],
    ['no reading at all', [], {}, 'could-not-verify', /no reading/]
  ])('%s', (_name, outcomes, overrides, verdict, reason) => {
    const result = play(outcomes, { ...base, ...overrides })
    expect(result.verdict).toBe(verdict)
    expect(result.reason).toMatch(reason)
  })

  it('never calls a check healthy without a good reading, whatever the streak setting', () => {
    for (const outcomes of [[N], [E], [P], [N, E, P]] as ReadingOutcome[][]) {
      expect(
        play(outcomes, { ...base, consecutiveSuccesses: 1 }).verdict
      ).not.toBe('healthy')
    }
  })

  it('ignores readings once the check failed', () => {
    let state = initialState()
    state = record(state, F, base)
    const after = record(state, S, base)
    expect(after).toBe(state)
    expect(after.terminal?.verdict).toBe('unhealthy')
  })

  it('is satisfied only with the full streak', () => {
    const two = play([S, S], base).state
    expect(satisfied(two, base)).toBe(false)
    expect(satisfied(record(two, S, base), base)).toBe(true)
  })

  it('does not change the state it is given', () => {
    const state = initialState()
    record(state, S, base)
    expect(state.measurements).toBe(0)
  })
})

describe('combineVerdicts', () => {
  it.each<[Verdict[], Verdict]>([
    [['healthy', 'healthy'], 'healthy'],
    [['healthy', 'inconclusive'], 'inconclusive'],
    [['inconclusive', 'could-not-verify'], 'could-not-verify'],
    [['could-not-verify', 'unhealthy', 'healthy'], 'unhealthy'],
    [[], 'could-not-verify']
  ])('%j → %s', (verdicts, expected) => {
    expect(combineVerdicts(verdicts)).toBe(expected)
  })
})
