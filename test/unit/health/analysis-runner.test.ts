import { describe, expect, it } from '@jest/globals'
import {
  runAnalysis,
  type Clock,
  type Probe,
  type ReadingOutcome
} from '@rollback-actions/health'

function fakeClock(): Clock & { slept: number[] } {
  let now = Date.parse('2026-11-22T03:00:00Z')
  const slept: number[] = []
  return {
    slept,
    now: () => now,
    sleep: (ms) => {
      slept.push(ms)
      now += ms
      return Promise.resolve()
    }
  }
}

function probe(name: string, outcomes: ReadingOutcome[], limits = {}): Probe {
  let i = 0
  return {
    name,
    kind: 'http',
    settings: {
      failureLimit: 0,
      consecutiveErrorLimit: 1,
      consecutiveSuccesses: 2,
      noData: 'inconclusive',
      ...limits
    },
    measure: () => {
      const outcome = outcomes[Math.min(i++, outcomes.length - 1)]!
      return Promise.resolve({
        check: name,
        kind: 'http',
        at: new Date().toISOString(),
        outcome,
        detail: outcome
      })
    }
  }
}

describe('runAnalysis', () => {
  it('stops as soon as every check has its streak (no count or duration)', async () => {
    const clock = fakeClock()
    const r = await runAnalysis(
      [probe('a', ['success']), probe('b', ['pending', 'success'])],
      { intervalSeconds: 10, timeoutSeconds: 300 },
      { clock }
    )
    expect(r.verdict).toBe('healthy')
    expect(r.rounds).toBe(3)
    expect(clock.slept).toEqual([10_000, 10_000])
    expect(r.stoppedBecause).toBe('every check has its good readings in a row')
  })

  it('takes exactly count rounds even when healthy early', async () => {
    const r = await runAnalysis(
      [probe('a', ['success'])],
      { intervalSeconds: 5, count: 4, timeoutSeconds: 300 },
      { clock: fakeClock() }
    )
    expect(r.rounds).toBe(4)
    expect(r.verdict).toBe('healthy')
  })

  it('covers the duration: rounds at 0, 10, 20 and 30 s for 30s', async () => {
    const r = await runAnalysis(
      [probe('a', ['success'])],
      { intervalSeconds: 10, durationSeconds: 30, timeoutSeconds: 300 },
      { clock: fakeClock() }
    )
    expect(r.rounds).toBe(4)
  })

  it('stops at the first unhealthy check without waiting for the others', async () => {
    const r = await runAnalysis(
      [probe('ok', ['success']), probe('bad', ['success', 'failure'])],
      { intervalSeconds: 10, count: 10, timeoutSeconds: 300 },
      { clock: fakeClock() }
    )
    expect(r.rounds).toBe(2)
    expect(r.verdict).toBe('unhealthy')
    expect(r.stoppedBecause).toBe('check "bad" is unhealthy')
  })

  it('gives each check its verdict at the timeout', async () => {
    const r = await runAnalysis(
      [probe('starting', ['pending']), probe('quiet', ['no-data'])],
      { intervalSeconds: 10, timeoutSeconds: 30 },
      { clock: fakeClock() }
    )
    expect(r.rounds).toBe(4)
    expect(r.stoppedBecause).toBe('timeout 30s reached')
    expect(r.checks.map((c) => c.verdict)).toEqual([
      'unhealthy',
      'inconclusive'
    ])
    expect(r.verdict).toBe('unhealthy')
  })

  it('stops measuring a check that can no longer be verified, and keeps measuring the rest', async () => {
    const flaky = probe('down', ['error'])
    const r = await runAnalysis(
      [flaky, probe('up', ['success'])],
      { intervalSeconds: 1, count: 5, timeoutSeconds: 60 },
      { clock: fakeClock() }
    )
    expect(r.readings.filter((x) => x.check === 'down')).toHaveLength(2)
    expect(r.readings.filter((x) => x.check === 'up')).toHaveLength(5)
    expect(r.verdict).toBe('could-not-verify')
  })
})
