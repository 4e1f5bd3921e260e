import { InputError, UserError } from '@rollback-actions/action-kit'
import { compileAddressPattern, firstMatch } from './address-pattern.js'
import type { AddressPattern } from './address-pattern.js'
import { DESTRUCTIVE_REASON } from './constants.js'
import type { DestructiveReason, PlanAction } from './constants.js'
import type { PlanSummary } from './plan.js'

/** A change the review flags: a delete, a replace, or any change to a protected resource. */
export interface DestructiveChange {
  address: string
  type: string
  action: PlanAction
  /** Why it is flagged (one or more of delete, replace, protected). */
  reasons: DestructiveReason[]
  /** The protected-address pattern that matched, when `reasons` includes `protected`. */
  protectedBy?: string
  /** The allow-destroy entry that allows it; absent when the change is refused. */
  allowedBy?: string
}

/** The review's verdict on one plan. */
export interface PlanReview {
  destructive: DestructiveChange[]
  /** The destructive changes no allow-destroy entry allows; the plan must not be applied while any remain. */
  refused: DestructiveChange[]
}

/** Review options; patterns use the grammar of {@link compileAddressPattern}. */
export interface ReviewOptions {
  /** Address patterns of resources whose every change (not only delete/replace) needs an explicit allowance. */
  protectedAddresses: readonly string[]
  /** Addresses (or address patterns) of destructive changes the reviewer allows. */
  allowDestroy: readonly string[]
  /** Input names used in errors; default `protected-addresses` and `allow-destroy`. */
  inputNames?: { protectedAddresses?: string; allowDestroy?: string }
}

function compileAll(patterns: readonly string[], input: string) {
  return patterns.map((p) => {
    try {
      return compileAddressPattern(p)
    } catch (error) {
      throw new InputError(input, (error as Error).message)
    }
  })
}

/**
 * Flags every destructive change of a plan and checks each against the allowances.
 *
 * A managed resource change is destructive when its action is `delete` or `replace`, or when its address matches a
 * protected pattern and the action is anything but no-op or read (create, update, forget included). Data sources are
 * never flagged (reading changes nothing).
 * @throws InputError (`allow-destroy`) when an allowance matches no resource change in the plan, or only changes that
 *   are not destructive (a stale or mistyped allowance must not silently widen the next review); InputError when a
 *   pattern is malformed.
 */
export function reviewPlan(
  summary: PlanSummary,
  options: ReviewOptions
): PlanReview {
  const protectedInput =
    options.inputNames?.protectedAddresses ?? 'protected-addresses'
  const allowInput = options.inputNames?.allowDestroy ?? 'allow-destroy'
  const protectedPatterns = compileAll(
    options.protectedAddresses,
    protectedInput
  )
  const allowances = compileAll(options.allowDestroy, allowInput)

  const destructive: DestructiveChange[] = []
  for (const change of summary.changes) {
    if (change.mode !== 'managed') continue
    const reasons: DestructiveReason[] = []
    if (change.action === 'delete') reasons.push(DESTRUCTIVE_REASON.delete)
    if (change.action === 'replace') reasons.push(DESTRUCTIVE_REASON.replace)
    const guard = firstMatch(protectedPatterns, change.address)
    if (guard) reasons.push(DESTRUCTIVE_REASON.protected)
    if (reasons.length === 0) continue
    const allow = firstMatch(allowances, change.address)
    destructive.push({
      address: change.address,
      type: change.type,
      action: change.action,
      reasons,
      ...(guard && { protectedBy: guard.pattern }),
      ...(allow && { allowedBy: allow.pattern })
    })
  }

  checkAllowancesAreUsed(summary, allowances, destructive, allowInput)
  return {
    destructive,
    refused: destructive.filter((d) => d.allowedBy === undefined)
  }
}

function checkAllowancesAreUsed(
  summary: PlanSummary,
  allowances: AddressPattern[],
  destructive: DestructiveChange[],
  input: string
): void {
  for (const allowance of allowances) {
    if (destructive.some((d) => allowance.test(d.address))) continue
    const inPlan = summary.changes.filter((c) => allowance.test(c.address))
    if (inPlan.length === 0) {
      throw new InputError(
        input,
        `"${allowance.pattern}" names no resource the plan changes; nothing was applied. Remove it, or check the address against the plan summary (addresses look like module.data.azurerm_key_vault.main)`
      )
    }
    const listed = inPlan.map((c) => `${c.address} (${c.action})`).join(', ')
    throw new InputError(
      input,
      `"${allowance.pattern}" names only changes that are not destructive: ${listed}; remove it so the allowance covers exactly what the reviewer accepted`
    )
  }
}

/**
 * Throws when the review refused any destructive change.
 * @throws UserError listing each refused address with its action and reasons, and how to allow them.
 */
export function assertReviewAllowed(
  review: PlanReview,
  allowInput = 'allow-destroy'
): void {
  if (review.refused.length === 0) return
  const lines = review.refused.map(
    (d) =>
      `  - ${d.address}: ${d.action} (${d.reasons.join(', ')}${d.protectedBy ? `; protected by ${d.protectedBy}` : ''})`
  )
  throw new UserError(
    [
      `the plan has ${review.refused.length} destructive change(s) nobody allowed; nothing was applied:`,
      ...lines,
      `Review each one (state drift can turn a revert into a delete). If a person accepts them, run again with input "${allowInput}" listing each address, one per line:`,
      ...review.refused.map((d) => `    ${d.address}`)
    ].join('\n')
  )
}
