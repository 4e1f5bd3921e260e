import { fromParser } from '@rollback-actions/action-kit'
import { z } from 'zod'
import { compileAddressPattern, splitAddressList } from './address-pattern.js'

/**
 * Input field: resource addresses or address globs, one per line or comma-separated (see `splitAddressList` and
 * `compileAddressPattern`) → string[]. An input left empty is absent (`ctx.inputs` passes undefined).
 */
export const addressPatternList = z.string().transform(
  fromParser((v) => {
    const items = splitAddressList(v)
    for (const item of items) compileAddressPattern(item)
    return items
  })
)

/** Input field: a SHA-256 digest, 64 hex digits → lowercase. */
export const sha256Hex = z
  .string()
  .trim()
  .regex(/^[0-9a-fA-F]{64}$/, 'must be a SHA-256 digest (64 hex digits)')
  .transform((v) => v.toLowerCase())
