import { describe, expect, it } from '@jest/globals'
import { InputError } from '@rollback-actions/action-kit'
import {
  checkRestorePoint,
  checkServerName,
  dataLossWindowSeconds,
  defaultTargetName,
  parseIsoWithOffset,
  parseRestorePoint,
  rollbackTagValue
} from '@rollback-actions/pitr'

const now = new Date('2026-11-22T12:00:00.000Z')

describe('parseIsoWithOffset', () => {
  it.each([
    ['2026-11-22T03:15:00Z', '2026-11-22T03:15:00.000Z'],
    ['2026-11-22T04:15:00+01:00', '2026-11-22T03:15:00.000Z'],
    ['2026-11-21T22:15:00-0500', '2026-11-22T03:15:00.000Z'],
    ['2026-11-22T03:15Z', '2026-11-22T03:15:00.000Z'],
    ['2026-04-16T22:04:23.4980671+00:00', '2026-04-16T22:04:23.498Z'],
    ['2026-11-22t03:15:00z', '2026-11-22T03:15:00.000Z']
  ])('%s → %s', (text, iso) => {
    expect(parseIsoWithOffset(text, 'restore-point').toISOString()).toBe(iso)
  })

  it.each([
    ['2026-11-22T03:15:00', /no UTC offset/],
    ['2026-11-22 03:15:00', /no UTC offset/],
    ['last tuesday', /not an ISO 8601 date-time with offset/],
    ['2026-02-30T03:15:00Z', /not a valid date-time/],
    ['2026-11-22T25:00:00Z', /not a valid date-time/],
    ['', /not an ISO 8601/]
  ])('refuses %j', (text, message) => {
    expect(() => parseIsoWithOffset(text, 'restore-point')).toThrow(InputError)
    expect(() => parseIsoWithOffset(text, 'restore-point')).toThrow(message)
  })
})

describe('parseRestorePoint', () => {
  it('accepts latest in any case', () => {
    expect(parseRestorePoint('Latest')).toEqual({ latest: true })
  })
  it('names the restore-point input', () => {
    expect(() => parseRestorePoint('soon')).toThrow(/^input "restore-point": /)
  })
})

describe('checkRestorePoint', () => {
  const backup = {
    earliestRestoreDate: new Date('2026-11-20T00:00:00Z'),
    backupRetentionDays: 7
  }
  it('accepts a point inside the window', () => {
    expect(() =>
      checkRestorePoint(
        new Date('2026-11-21T00:00:00Z'),
        backup,
        now,
        'prod-db'
      )
    ).not.toThrow()
  })
  it('accepts now itself', () => {
    expect(() => checkRestorePoint(now, backup, now, 'prod-db')).not.toThrow()
  })
  it('refuses the future', () => {
    expect(() =>
      checkRestorePoint(new Date(now.getTime() + 1), backup, now, 'prod-db')
    ).toThrow(/is in the future/)
  })
  it('refuses a point before the earliest restore date', () => {
    expect(() =>
      checkRestorePoint(
        new Date('2026-11-19T23:59:59Z'),
        backup,
        now,
        'prod-db'
      )
    ).toThrow(
      /before the earliest restore date of "prod-db" \(2026-11-20T00:00:00.000Z\)/
    )
  })
  it('refuses a point outside retention even without an earliest restore date', () => {
    expect(() =>
      checkRestorePoint(
        new Date('2026-11-15T11:59:59Z'),
        { backupRetentionDays: 7 },
        now,
        'prod-db'
      )
    ).toThrow(
      /outside the 7 day backup retention of "prod-db" \(oldest allowed: 2026-11-15T12:00:00.000Z\)/
    )
  })
  it('tolerates a source without backup facts (freshly restored)', () => {
    expect(() =>
      checkRestorePoint(new Date('2020-01-01T00:00:00Z'), {}, now, 'prod-db')
    ).not.toThrow()
  })
})

describe('dataLossWindowSeconds', () => {
  it('is the time from the restore point to the failure, in seconds', () => {
    expect(
      dataLossWindowSeconds(
        new Date('2026-11-22T03:00:00Z'),
        new Date('2026-11-22T03:20:00.500Z')
      )
    ).toBe(1200.5)
  })
})

describe('server names', () => {
  it.each(['abc', 'prod-db', 'a1-b2-c3', 'x'.repeat(63)])(
    'accepts %s',
    (name) => {
      expect(() => checkServerName(name, 'target-server')).not.toThrow()
    }
  )
  it.each([
    'ab',
    'x'.repeat(64),
    'Prod-db',
    'prod_db',
    '-prod',
    'prod-',
    'prod.db',
    'pröd'
  ])('refuses %s', (name) => {
    expect(() => checkServerName(name, 'target-server')).toThrow(
      /^input "target-server": /
    )
  })
  it('derives a deterministic, valid default target name', () => {
    const rp = new Date('2026-11-22T03:15:07.250Z')
    expect(defaultTargetName('prod-db', rp)).toBe('prod-db-pitr-20261122031507')
    expect(defaultTargetName('prod-db', rp)).toBe(
      defaultTargetName('prod-db', new Date(rp))
    )
  })
  it('cuts a long source name so the target stays within 63 characters', () => {
    const name = defaultTargetName(`${'a'.repeat(42)}-${'b'.repeat(20)}`, now)
    expect(name.length).toBeLessThanOrEqual(63)
    expect(() => checkServerName(name, 'target-server')).not.toThrow()
  })
  it('tags with source and restore point', () => {
    expect(rollbackTagValue('prod-db', now)).toBe(
      'prod-db@2026-11-22T12:00:00.000Z'
    )
  })
})
