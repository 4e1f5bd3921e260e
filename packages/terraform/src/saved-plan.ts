import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { InputError } from '@rollback-actions/action-kit'
import { SAVED_PLAN_ENTRY } from './constants.js'

const EOCD_SIGNATURE = 0x06054b50
const CENTRAL_SIGNATURE = 0x02014b50

/**
 * Lists the entry names of a zip archive from its central directory (PKWARE APPNOTE 4.3.12/4.3.16).
 * @returns the names, or undefined when the bytes are not a zip archive.
 */
export function zipEntryNames(bytes: Buffer): string[] | undefined {
  // The end-of-central-directory record is 22 bytes plus a comment of at most 65535 bytes.
  const start = Math.max(0, bytes.length - 22 - 0xffff)
  let eocd = -1
  for (let i = bytes.length - 22; i >= start; i--) {
    if (bytes.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i
      break
    }
  }
  if (eocd < 0) return undefined
  const count = bytes.readUInt16LE(eocd + 10)
  let offset = bytes.readUInt32LE(eocd + 16)
  const names: string[] = []
  for (let n = 0; n < count; n++) {
    if (offset + 46 > bytes.length) return undefined
    if (bytes.readUInt32LE(offset) !== CENTRAL_SIGNATURE) return undefined
    const nameLength = bytes.readUInt16LE(offset + 28)
    const extraLength = bytes.readUInt16LE(offset + 30)
    const commentLength = bytes.readUInt16LE(offset + 32)
    names.push(bytes.toString('utf8', offset + 46, offset + 46 + nameLength))
    offset += 46 + nameLength + extraLength + commentLength
  }
  return names
}

async function readPlanBytes(path: string, input: string): Promise<Buffer> {
  try {
    return await readFile(path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new InputError(
      input,
      code === 'ENOENT'
        ? `file ${path} does not exist; pass the path of the plan written by "terraform plan -out" (download the plan artifact first)`
        : `cannot read ${path} (${String(code)})`
    )
  }
}

/** A saved plan read into memory, with the digest of exactly these bytes. */
export interface SavedPlanBytes {
  bytes: Buffer
  /** SHA-256 of `bytes`, 64 lowercase hex digits. */
  sha256: string
}

/**
 * Reads `path` and checks that it is a local saved plan (`terraform plan -out`): a zip archive holding a `tfplan`
 * entry. Callers hash, show and apply these same bytes (see `applyReviewedPlan`), so a file swapped after the check
 * is never what runs.
 * @throws InputError naming `input` when the file is missing or is not a saved plan (a JSON rendering, a state file,
 *   a truncated download).
 */
export async function readSavedPlan(
  path: string,
  input = 'plan-file'
): Promise<SavedPlanBytes> {
  const bytes = await readPlanBytes(path, input)
  const names = zipEntryNames(bytes)
  if (!names?.includes(SAVED_PLAN_ENTRY)) {
    throw new InputError(
      input,
      `${path} is not a Terraform saved plan (${names ? `zip without a "${SAVED_PLAN_ENTRY}" entry` : 'not a zip archive'}); pass the binary file written by "terraform plan -out=<file>", not its JSON or a state file`
    )
  }
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex') }
}

/**
 * Verifies a saved plan against the SHA-256 recorded when it was reviewed.
 * @param expected 64 hex digits (case-insensitive), as output by the review.
 * @throws InputError (`plan-sha256`) on a mismatch, naming both digests; InputError (`plan-file`) when the file is
 *   not a saved plan.
 */
export async function verifySavedPlan(
  path: string,
  expected: string,
  inputs: { planFile?: string; planSha256?: string } = {}
): Promise<SavedPlanBytes> {
  const shaInput = inputs.planSha256 ?? 'plan-sha256'
  if (!/^[0-9a-fA-F]{64}$/.test(expected)) {
    throw new InputError(
      shaInput,
      `"${expected}" is not a SHA-256 (64 hex digits); pass the plan-sha256 output of the review step`
    )
  }
  const found = await readSavedPlan(path, inputs.planFile ?? 'plan-file')
  if (found.sha256 !== expected.toLowerCase()) {
    throw new InputError(
      shaInput,
      `${path} has SHA-256 ${found.sha256}, but the reviewed plan had ${expected.toLowerCase()}; this is not the plan a person reviewed, so nothing was applied. Run the plan job again and review the new plan`
    )
  }
  return found
}
