import { describe, expect, it } from '@jest/globals'
import {
  compare,
  formatValue,
  parseDuration,
  parseThreshold,
  promDuration
} from '@rollback-actions/health'

describe('parseThreshold', () => {
  it.each([
    ['500ms', 0.5, 'duration'],
    ['0.5s', 0.5, 'duration'],
    ['2m', 120, 'duration'],
    ['0.1%', 0.001, 'ratio'],
    ['99.9 %', 0.999, 'ratio'],
    ['0.001 ratio', 0.001, 'ratio'],
    ['100 requests', 100, 'count'],
    ['3 count', 3, 'count'],
    ['20 req/s', 20, 'rate'],
    ['1e-3 ratio', 0.001, 'ratio']
  ])('reads %s as %d (%s)', (text, value, kind) => {
    const t = parseThreshold(text)
    expect(t.value).toBeCloseTo(value, 10)
    expect(t.kind).toBe(kind)
  })

  it('refuses a number without a unit and shows how to write one', () => {
    expect(() => parseThreshold('0.001')).toThrow(
      /"0.001" has no unit.*"0.1%" or "0.001 ratio"/
    )
  })

  it.each(['fast', '5 parsecs', '', 'ms500', '1.2.3ms'])(
    'refuses %j',
    (text) => {
      expect(() => parseThreshold(text)).toThrow(/threshold/)
    }
  )
})

describe('formatValue', () => {
  it('shows seconds in the threshold unit', () => {
    expect(formatValue(0.48213, parseThreshold('500ms'))).toBe('482.1ms')
  })

  it('shows a ratio in percent', () => {
    expect(formatValue(0.0012, parseThreshold('1%'))).toBe('0.12%')
  })
})

describe('compare', () => {
  it.each([
    [1, '<', 2, true],
    [2, '<', 2, false],
    [2, '<=', 2, true],
    [3, '>', 2, true],
    [2, '>=', 2, true],
    [2, '==', 2, true],
    [2, '!=', 2, false]
  ] as const)('%d %s %d is %s', (a, op, b, expected) => {
    expect(compare(a, op, b)).toBe(expected)
  })
})

describe('parseDuration', () => {
  it.each([
    ['30s', 30],
    ['5m', 300],
    ['1h30m', 5400],
    ['500ms', 0.5],
    ['1d', 86400]
  ])('reads %s as %d seconds', (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds)
  })

  it('refuses a bare number', () => {
    expect(() => parseDuration('30')).toThrow(/"30" has no unit/)
  })

  it.each(['5 minutes', 'soon', '', '5m extra', '0s'])('refuses %j', (text) => {
    expect(() => parseDuration(text)).toThrow(/duration/)
  })

  it.each([
    [300, '5m'],
    [90, '90s'],
    [3600, '1h'],
    [0.5, '500ms']
  ])('writes %d seconds as %s for PromQL', (seconds, text) => {
    expect(promDuration(seconds)).toBe(text)
  })
})
