import { InputError } from '@rollback-actions/action-kit'
import { clip } from './restore-point.js'

/** Flexible-server name: 3–63 characters, lowercase letters, digits and hyphens, no leading/trailing hyphen. */
export const SERVER_NAME_PATTERN = /^[a-z0-9](?:[a-z0-9-]{1,61}[a-z0-9])$/

/**
 * Checks a flexible-server name (docs: 3–63 characters, lowercase letters, digits and hyphens, not starting or
 * ending with a hyphen; it becomes `<name>.postgres.database.azure.com`).
 * @throws InputError naming `input`.
 */
export function checkServerName(name: string, input: string): void {
  if (name.length < 3 || name.length > 63)
    throw new InputError(
      input,
      `"${clip(name, 64)}" must be 3 to 63 characters long (it has ${name.length})`
    )
  if (!SERVER_NAME_PATTERN.test(name))
    throw new InputError(
      input,
      `"${name}" is not a valid server name: use lowercase letters, digits and hyphens, not starting or ending with a hyphen`
    )
}

function compactUtc(d: Date): string {
  return d
    .toISOString()
    .replace(/\.\d{3}Z$/, '')
    .replace(/[-:T]/g, '')
}

/**
 * The default target name: `<source>-pitr-<YYYYMMDDhhmmss>` of the restore point (UTC), the source part cut so
 * the whole stays within 63 characters. The same source and restore point always give the same name, so a
 * re-run finds (and adopts) the server an earlier attempt created.
 */
export function defaultTargetName(
  sourceServer: string,
  restorePoint: Date
): string {
  const suffix = `-pitr-${compactUtc(restorePoint)}`
  const head = sourceServer
    .toLowerCase()
    .slice(0, 63 - suffix.length)
    .replace(/-+$/, '')
  return `${head}${suffix}`
}

/** The tag value marking a server as this rollback's restore: `<source>@<restore point ISO UTC>`. */
export function rollbackTagValue(
  sourceServer: string,
  restorePoint: Date
): string {
  return `${sourceServer}@${restorePoint.toISOString()}`
}
