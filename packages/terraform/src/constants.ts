/** Terraform's plan actions as this package reports them (`replace` = delete+create in either order). */
export const PLAN_ACTION = {
  create: 'create',
  update: 'update',
  replace: 'replace',
  delete: 'delete',
  forget: 'forget',
  read: 'read',
  noOp: 'no-op'
} as const
export type PlanAction = (typeof PLAN_ACTION)[keyof typeof PLAN_ACTION]

/** Why a change is flagged destructive. */
export const DESTRUCTIVE_REASON = {
  delete: 'delete',
  replace: 'replace',
  protected: 'protected'
} as const
export type DestructiveReason =
  (typeof DESTRUCTIVE_REASON)[keyof typeof DESTRUCTIVE_REASON]

/** Environment every terraform command runs with (non-interactive, no prompts, no colour codes). */
export const TERRAFORM_AUTOMATION_ENV = {
  TF_IN_AUTOMATION: '1',
  TF_INPUT: '0'
} as const

/** The Terraform minor version the suite is tested with. */
export const TESTED_TERRAFORM_VERSION = '1.11'

/** Name of the plan inside a saved plan file (a zip archive written by `terraform plan -out`). */
export const SAVED_PLAN_ENTRY = 'tfplan'
