import { InputError } from '@rollback-actions/action-kit'

/** `text` cut to `max` characters (ending in an ellipsis), for values echoed in messages. */
export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}

const ISO_WITH_OFFSET =
  /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})$/i
const ISO_WITHOUT_OFFSET = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/

/**
 * Parses an ISO 8601 date-time that carries an explicit offset (`Z`, `+02:00`, `-0500`) into a UTC instant.
 * Fractions beyond milliseconds are truncated (Azure returns 7 digits).
 * @param input the kebab-case input name for the error message.
 * @throws InputError when the text has no offset or is not a date-time.
 */
export function parseIsoWithOffset(text: string, input: string): Date {
  const v = clip(text.trim(), 64)
  const m = ISO_WITH_OFFSET.exec(v)
  if (!m) {
    if (ISO_WITHOUT_OFFSET.test(v))
      throw new InputError(
        input,
        `"${v}" has no UTC offset, so it could mean different instants; add Z or an offset, e.g. ${v.replace(' ', 'T')}Z`
      )
    throw new InputError(
      input,
      `"${v}" is not an ISO 8601 date-time with offset; use e.g. 2026-11-22T03:15:00Z`
    )
  }
  const [, date, hm, sec, frac, zone] = m
  const offset =
    zone?.toUpperCase() === 'Z'
      ? 'Z'
      : `${zone?.slice(0, 3)}:${zone?.slice(-2)}`
  const ms = (frac ?? '').padEnd(3, '0').slice(0, 3)
  const time = Date.parse(`${date}T${hm}:${sec ?? '00'}.${ms}${offset}`)
  const parsed = new Date(time)
  // Date.parse rolls 2026-02-30 over to March: refuse dates that do not exist.
  if (Number.isNaN(time) || !sameCalendarDate(parsed, date ?? '', offset))
    throw new InputError(input, `"${v}" is not a valid date-time`)
  return parsed
}

function sameCalendarDate(d: Date, date: string, offset: string): boolean {
  const shift =
    offset === 'Z'
      ? 0
      : (offset.startsWith('-') ? -1 : 1) *
        (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)))
  const local = new Date(d.getTime() + shift * 60_000)
  return local.toISOString().slice(0, 10) === date
}

/** The restore point as requested: a fixed instant, or `latest` (resolved to "now" when the restore starts). */
export type RestorePointRequest = { latest: true } | { latest: false; at: Date }

/**
 * Parses the `restore-point` input: `latest` or an ISO 8601 date-time with explicit offset.
 * @throws InputError naming `restore-point`.
 */
export function parseRestorePoint(text: string): RestorePointRequest {
  if (text.trim().toLowerCase() === 'latest') return { latest: true }
  return { latest: false, at: parseIsoWithOffset(text, 'restore-point') }
}

/** What a source server says about its backups (from ARM GET). */
export interface BackupFacts {
  /** `backup.earliestRestoreDate`; absent on freshly restored servers. */
  earliestRestoreDate?: Date
  /** `backup.backupRetentionDays` (7–35). */
  backupRetentionDays?: number
}

/**
 * Checks a restore point against the clock and the source server's backups: not in the future, not before
 * `earliestRestoreDate`, not older than the retention window (`now - backupRetentionDays`).
 * Azure Flexible Server PITR semantics: concepts-backup-restore "Point-in-time recovery".
 * @throws InputError naming `restore-point`, with the allowed range.
 */
export function checkRestorePoint(
  restorePoint: Date,
  backup: BackupFacts,
  now: Date,
  sourceServer: string
): void {
  const iso = restorePoint.toISOString()
  if (restorePoint.getTime() > now.getTime())
    throw new InputError(
      'restore-point',
      `${iso} is in the future (now is ${now.toISOString()}); pick a time before the bad change, or "latest"`
    )
  const retentionStart =
    backup.backupRetentionDays !== undefined
      ? new Date(now.getTime() - backup.backupRetentionDays * 86_400_000)
      : undefined
  if (retentionStart && restorePoint < retentionStart)
    throw new InputError(
      'restore-point',
      `${iso} is outside the ${backup.backupRetentionDays} day backup retention of "${sourceServer}" (oldest allowed: ${retentionStart.toISOString()})`
    )
  if (backup.earliestRestoreDate && restorePoint < backup.earliestRestoreDate)
    throw new InputError(
      'restore-point',
      `${iso} is before the earliest restore date of "${sourceServer}" (${backup.earliestRestoreDate.toISOString()}); no backup covers it`
    )
}

/**
 * Seconds of committed data a restore to `restorePoint` gives up, when the bad change happened at `failureTime`:
 * everything written in between is lost (0.001 s precision).
 */
export function dataLossWindowSeconds(
  restorePoint: Date,
  failureTime: Date
): number {
  return Math.round(failureTime.getTime() - restorePoint.getTime()) / 1000
}
