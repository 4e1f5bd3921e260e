/**
 * Terraform rollback: review a saved plan (summary, destructive changes, allowances), apply exactly that plan, and
 * resolve the rollback target commit. Terraform runs through execFile (no shell).
 */
export * from './constants.js'
export * from './plan.js'
export * from './address-pattern.js'
export * from './review.js'
export * from './markdown.js'
export * from './saved-plan.js'
export * from './cli.js'
export * from './git.js'
export * from './rollback.js'
export * from './fields.js'
export * from './deployments.js'
