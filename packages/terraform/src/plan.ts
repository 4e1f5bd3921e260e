import { InputError } from '@rollback-actions/action-kit'
import { z } from 'zod'
import { PLAN_ACTION } from './constants.js'
import type { PlanAction } from './constants.js'

/**
 * The fields of Terraform's machine-readable plan (`terraform show -json <planfile>`, "JSON Output Format",
 * https://developer.hashicorp.com/terraform/internals/json-format) that the review uses. Unknown fields pass
 * through untouched; `format_version` must have major version 1 (Terraform promises compatible additions only
 * within a major version).
 */
const ChangeAction = z.enum([
  'no-op',
  'create',
  'read',
  'update',
  'delete',
  'forget'
])

const ResourceChange = z.object({
  address: z.string().min(1),
  module_address: z.string().optional(),
  mode: z.enum(['managed', 'data']),
  type: z.string().min(1),
  name: z.string().optional(),
  deposed: z.string().optional(),
  action_reason: z.string().optional(),
  change: z.object({
    actions: z.array(ChangeAction).min(1),
    before: z.unknown().optional(),
    after: z.unknown().optional()
  })
})

/** The subset of the plan JSON representation this package reads. */
export const TerraformPlanJson = z.object({
  format_version: z
    .string()
    .regex(/^1\.\d+$/, 'must be a 1.x plan format version'),
  terraform_version: z.string().min(1),
  planned_values: z.looseObject({}),
  resource_changes: z.array(ResourceChange).default([]),
  resource_drift: z.array(ResourceChange).default([]),
  applyable: z.boolean().optional(),
  errored: z.boolean().optional()
})
export type TerraformPlanJson = z.infer<typeof TerraformPlanJson>

/** One resource instance the plan touches, in review terms. */
export interface PlannedChange {
  /** Absolute resource instance address, e.g. `module.data.azurerm_key_vault.main["eu"]`. */
  address: string
  /** Resource type, e.g. `azurerm_key_vault`. */
  type: string
  mode: 'managed' | 'data'
  /** What Terraform will do; `replace` covers both ["delete","create"] and ["create","delete"]. */
  action: PlanAction
  /** The raw `change.actions` array, kept for the audit trail. */
  actions: string[]
  /** Terraform's `action_reason`, e.g. `replace_because_cannot_update`; absent when Terraform gives none. */
  actionReason?: string
  /** Set when the change is to a deposed object (a leftover of an interrupted create_before_destroy). */
  deposed?: string
}

/** Counts of planned changes by action (managed and data resources alike). */
export type PlanCounts = Record<PlanAction, number>

/** A plan reduced to what a reviewer needs. */
export interface PlanSummary {
  terraformVersion: string
  formatVersion: string
  /** Every resource change except no-op and read, in plan order. */
  changes: PlannedChange[]
  counts: PlanCounts
  /** Resources Terraform found changed outside Terraform since the last apply (`resource_drift`). */
  drift: PlannedChange[]
  /** False when Terraform says there is nothing to apply (Terraform 1.8+ writes `applyable`). */
  applyable: boolean
}

/**
 * Maps a `change.actions` array to one action: ["create"], ["update"], ["delete"], ["forget"], ["read"], ["no-op"],
 * and replace as ["delete","create"] (destroy first) or ["create","delete"] (create_before_destroy).
 * @throws Error for a combination the JSON format does not define (the schema already rejects unknown verbs).
 */
export function classifyActions(actions: readonly string[]): PlanAction {
  const key = actions.join(',')
  switch (key) {
    case 'delete,create':
    case 'create,delete':
      return PLAN_ACTION.replace
    case 'create':
    case 'update':
    case 'delete':
    case 'forget':
    case 'read':
    case 'no-op':
      return key
    default:
      throw new Error(`unknown change.actions combination [${key}]`)
  }
}

function toPlannedChange(
  rc: z.infer<typeof ResourceChange>,
  input: string
): PlannedChange {
  let action: PlanAction
  try {
    action = classifyActions(rc.change.actions)
  } catch (error) {
    throw new InputError(
      input,
      `resource ${rc.address}: ${(error as Error).message}; is this JSON from a newer Terraform than this action knows?`
    )
  }
  return {
    address: rc.address,
    type: rc.type,
    mode: rc.mode,
    action,
    actions: [...rc.change.actions],
    ...(rc.action_reason !== undefined && { actionReason: rc.action_reason }),
    ...(rc.deposed !== undefined && { deposed: rc.deposed })
  }
}

/**
 * Parses the text of `terraform show -json <planfile>` and summarises it.
 * @param text the JSON text.
 * @param input the kebab-case input the text came from, named in errors.
 * @throws InputError when the text is not JSON, is state JSON (`terraform show -json` of a state file), or lacks a
 *   required plan field; or when Terraform reports the plan as errored.
 */
export function parsePlanJson(text: string, input = 'plan-json'): PlanSummary {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (error) {
    throw new InputError(
      input,
      `is not JSON (${(error as Error).message}); pass the output of "terraform show -json <planfile>"`
    )
  }
  if (
    typeof raw === 'object' &&
    raw !== null &&
    'values' in raw &&
    !('planned_values' in raw)
  ) {
    throw new InputError(
      input,
      'is Terraform state JSON, not plan JSON; pass the output of "terraform show -json <planfile>" for a plan saved with "terraform plan -out"'
    )
  }
  const parsed = TerraformPlanJson.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue?.path.length ? issue.path.join('.') : '(root)'
    throw new InputError(
      input,
      `is not Terraform plan JSON: ${where}: ${issue?.message ?? 'invalid'}; pass the output of "terraform show -json <planfile>"`
    )
  }
  const plan = parsed.data
  if (plan.errored === true) {
    throw new InputError(
      input,
      'is the JSON of an errored plan (Terraform stopped while planning); fix the plan errors and plan again'
    )
  }
  return summarisePlan(plan, input)
}

/** Summarises an already validated plan (see {@link parsePlanJson}). */
export function summarisePlan(
  plan: TerraformPlanJson,
  input = 'plan-json'
): PlanSummary {
  const counts: PlanCounts = {
    create: 0,
    update: 0,
    replace: 0,
    delete: 0,
    forget: 0,
    read: 0,
    'no-op': 0
  }
  const changes: PlannedChange[] = []
  for (const rc of plan.resource_changes) {
    const change = toPlannedChange(rc, input)
    counts[change.action] += 1
    if (change.action !== 'no-op' && change.action !== 'read')
      changes.push(change)
  }
  const drift = plan.resource_drift.map((rc) => toPlannedChange(rc, input))
  return {
    terraformVersion: plan.terraform_version,
    formatVersion: plan.format_version,
    changes,
    counts,
    drift,
    applyable: plan.applyable ?? changes.length > 0
  }
}
