import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { InputError, OperationError } from '@rollback-actions/action-kit'
import type { Logger } from '@rollback-actions/action-kit'
import { terraformApplyPlan, terraformShowPlanJson } from './cli.js'
import type { TerraformRunOptions } from './cli.js'
import { renderPlanMarkdown } from './markdown.js'
import { parsePlanJson } from './plan.js'
import type { PlanSummary } from './plan.js'
import { assertReviewAllowed, reviewPlan } from './review.js'
import type { PlanReview } from './review.js'
import { readSavedPlan, verifySavedPlan } from './saved-plan.js'
import type { SavedPlanBytes } from './saved-plan.js'

/** Where and how terraform runs. */
export interface TerraformContext {
  /** The root module directory, already initialised (`terraform init`). */
  workingDirectory: string
  log: Logger
  /** terraform executable; default `terraform` from PATH. */
  bin?: string
  env?: NodeJS.ProcessEnv
}

/** The review of one saved plan. */
export interface SavedPlanReview {
  /** SHA-256 of the saved plan file, 64 lowercase hex digits. */
  planSha256: string
  summary: PlanSummary
  review: PlanReview
  /** Job-summary markdown: counts line and the change table. */
  markdown: string
}

function runOptions(ctx: TerraformContext): TerraformRunOptions {
  return {
    cwd: ctx.workingDirectory,
    log: ctx.log,
    ...(ctx.bin !== undefined && { bin: ctx.bin }),
    ...(ctx.env !== undefined && { env: ctx.env })
  }
}

/**
 * Runs `fn` on a private copy of already verified plan bytes (mode 0600, in a fresh temp directory removed afterwards),
 * so that what Terraform reads is byte for byte what was hashed.
 */
async function withPrivateCopy<T>(
  plan: SavedPlanBytes,
  fn: (path: string) => Promise<T>
): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'rollback-tfplan-'))
  try {
    const path = join(dir, 'reviewed.tfplan')
    await writeFile(path, plan.bytes, { mode: 0o600 })
    return await fn(path)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** The protection settings a review applies (and the apply re-applies); patterns use the address-pattern grammar. */
export interface ReviewSettings {
  /** Address patterns of resources whose every change needs an explicit allowance. */
  protectedAddresses: readonly string[]
  /** Addresses (or address patterns) of the destructive changes a person allowed. */
  allowDestroy: readonly string[]
}

/** One line per resource change: `address [deposed] actions`, sorted; what two renderings of one plan share. */
function changeSet(plan: PlanSummary): string[] {
  return plan.changes
    .map(
      (c) =>
        `${c.address}${c.deposed ? ` (deposed ${c.deposed})` : ''} ${c.actions.join(',')}`
    )
    .sort()
}

/**
 * Checks that JSON a previous step rendered (`plan-json`) describes the same changes as the JSON rendered here from the
 * hashed plan bytes.
 * @throws InputError (`plan-json`) naming the first change found in one and not the other.
 */
function assertSameChanges(given: PlanSummary, rendered: PlanSummary): void {
  const a = changeSet(given)
  const b = changeSet(rendered)
  const onlyGiven = a.filter((x) => !b.includes(x))
  const onlyRendered = b.filter((x) => !a.includes(x))
  if (onlyGiven.length === 0 && onlyRendered.length === 0) return
  const first =
    onlyRendered[0] !== undefined
      ? `the plan file has ${onlyRendered[0]}, which the JSON does not list`
      : `the JSON lists ${String(onlyGiven[0])}, which the plan file does not have`
  throw new InputError(
    'plan-json',
    `was not rendered from plan-file: ${first} (${onlyRendered.length + onlyGiven.length} difference(s)); nothing was reviewed. Leave plan-json empty (the action renders the plan itself), or write it with "terraform show -json" of that same plan file`
  )
}

/**
 * Reviews a saved plan: checks that `planFile` is a saved plan, hashes it, renders those very bytes with
 * `terraform show -json`, summarises the rendering and flags destructive changes against the allowances. The JSON
 * reviewed is always the one rendered from the hashed bytes; `planJsonFile` (JSON a previous step rendered) is only
 * compared with it and refused when it describes other changes. It does not throw for refused changes: call
 * `assertReviewAllowed` after reporting.
 * @throws InputError for a missing or non-plan `plan-file`, non-plan JSON or JSON of another plan (`plan-json`), a
 *   malformed pattern, or an allowance that names no destructive change in the plan; ConfigurationError/
 *   OperationError when terraform fails.
 */
export async function reviewSavedPlan(
  options: TerraformContext &
    ReviewSettings & {
      planFile: string
      planJsonFile?: string
    }
): Promise<SavedPlanReview> {
  const plan = await readSavedPlan(options.planFile, 'plan-file')
  options.log.info(
    `Saved plan ${options.planFile}: ${plan.bytes.length} bytes, sha256 ${plan.sha256}`
  )
  let given: PlanSummary | undefined
  if (options.planJsonFile !== undefined) {
    let text: string
    try {
      text = await readFile(options.planJsonFile, 'utf8')
    } catch (error) {
      throw new InputError(
        'plan-json',
        `cannot read ${options.planJsonFile} (${String((error as NodeJS.ErrnoException).code)}); write it with "terraform show -json <planfile> > <file>", or leave plan-json empty so the action renders it`
      )
    }
    given = parsePlanJson(text, 'plan-json')
  }
  const summary = parsePlanJson(
    await withPrivateCopy(plan, (path) =>
      terraformShowPlanJson(path, runOptions(options))
    ),
    'plan-file'
  )
  if (given) assertSameChanges(given, summary)
  const review = reviewPlan(summary, {
    protectedAddresses: options.protectedAddresses,
    allowDestroy: options.allowDestroy
  })
  return {
    planSha256: plan.sha256,
    summary,
    review,
    markdown: renderPlanMarkdown(summary, review, plan.sha256)
  }
}

/** What an apply of a reviewed plan did. */
export interface AppliedPlan {
  planSha256: string
  /** Summary of the plan that was applied (as rendered by `terraform show -json` of the verified bytes). */
  summary: PlanSummary
  /** The re-check of that rendering against the protection settings (every destructive change allowed). */
  review: PlanReview
  /** Terraform's apply output (no colour codes). */
  output: string
}

/**
 * Applies exactly the reviewed plan: verifies the SHA-256 of `planFile` against `expectedSha256`, checks that it is a
 * saved plan Terraform can read, renders those verified bytes with `terraform show -json` and reviews them again
 * with the same protection settings (so a destructive change nobody allowed is never applied, whatever an earlier
 * step reported), then runs `terraform apply <planfile>` on those bytes. It never plans again; Terraform itself
 * refuses a plan made against a state that has since changed ("Saved plan is stale").
 * @throws InputError (`plan-sha256`, `plan-file`, `allow-destroy`) before anything runs when the digest differs, the
 *   file is not a saved plan or an allowance names no destructive change; UserError when the plan holds a destructive
 *   change nobody allowed; OperationError when the apply fails (with a next step for a stale plan).
 */
export async function applyReviewedPlan(
  options: TerraformContext &
    ReviewSettings & { planFile: string; expectedSha256: string }
): Promise<AppliedPlan> {
  const plan = await verifySavedPlan(options.planFile, options.expectedSha256)
  options.log.info(
    `Plan ${options.planFile} matches the reviewed sha256 ${plan.sha256}`
  )
  return withPrivateCopy(plan, async (path) => {
    const run = runOptions(options)
    const summary = parsePlanJson(
      await terraformShowPlanJson(path, run),
      'plan-file'
    )
    const review = reviewPlan(summary, {
      protectedAddresses: options.protectedAddresses,
      allowDestroy: options.allowDestroy
    })
    assertReviewAllowed(review)
    options.log.info(
      `Re-checked the plan about to run: ${review.destructive.length} destructive change(s), each allowed`
    )
    let output: string
    try {
      output = await terraformApplyPlan(path, run)
    } catch (error) {
      if (
        error instanceof OperationError &&
        /saved plan is stale/i.test(error.message)
      ) {
        throw new OperationError(
          `the reviewed plan is stale: the state changed after it was made, so Terraform applied nothing. Run the plan job again and review the new plan\n${error.message}`,
          { cause: error }
        )
      }
      throw error
    }
    return { planSha256: plan.sha256, summary, review, output }
  })
}
