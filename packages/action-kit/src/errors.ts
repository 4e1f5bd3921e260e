/**
 * The suite's error classes. Only these are thrown; `defineAction` is the single funnel that turns them
 * into a failed step. SDK errors are wrapped with context via `{ cause }`, never with their raw body.
 */
export class SuiteError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = new.target.name
  }
}

/** The workflow author can fix it (bad input, missing permission, wrong precondition). Printed without a stack. */
export class UserError extends SuiteError {}

/** A fact that needed the network is wrong: permissions, cluster access, no restore point, tag not found. */
export class ConfigurationError extends UserError {}

/** The remote operation failed (rollout did not complete, restore failed, API error). */
export class OperationError extends SuiteError {}

/** An input failed validation; the message names the kebab-case input as written in action.yml. */
export class InputError extends UserError {
  constructor(
    readonly input: string,
    detail: string
  ) {
    super(`input "${input}": ${detail}`)
  }
}

/** Message of any thrown value, for the error funnel. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message
  return String(error)
}
