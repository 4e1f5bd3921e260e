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
import { reviewPlan } from './review.js'
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

/**
 * Reviews a saved plan: checks that `planFile` is a saved plan, hashes it, renders it with `terraform show -json`
 * (or reads `planJsonFile`, the JSON a previous step rendered from the same plan), summarises it and flags
 * destructive changes against the allowances. It does not throw for refused changes: call `assertReviewAllowed`
 * after reporting.
 * @throws InputError for a missing or non-plan `plan-file`, non-plan JSON (`plan-json`), a malformed pattern, or an
 *   allowance that names no destructive change in the plan; ConfigurationError/OperationError when terraform fails.
 */
export async function reviewSavedPlan(
  options: TerraformContext & {
    planFile: string
    planJsonFile?: string
    protectedAddresses: readonly string[]
    allowDestroy: readonly string[]
  }
): Promise<SavedPlanReview> {
  const plan = await readSavedPlan(options.planFile, 'plan-file')
  options.log.info(
    `Saved plan ${options.planFile}: ${plan.bytes.length} bytes, sha256 ${plan.sha256}`
  )
  let text: string
  let input: string
  if (options.planJsonFile !== undefined) {
    input = 'plan-json'
    try {
      text = await readFile(options.planJsonFile, 'utf8')
    } catch (error) {
      throw new InputError(
        input,
        `cannot read ${options.planJsonFile} (${String((error as NodeJS.ErrnoException).code)}); write it with "terraform show -json <planfile> > <file>", or leave plan-json empty so the action renders it`
      )
    }
  } else {
    input = 'plan-file'
    text = await withPrivateCopy(plan, (path) =>
      terraformShowPlanJson(path, runOptions(options))
    )
  }
  const summary = parsePlanJson(text, input)
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
  /** Terraform's apply output (no colour codes). */
  output: string
}

/**
 * Applies exactly the reviewed plan: verifies the SHA-256 of `planFile` against `expectedSha256`, checks that it is a
 * saved plan Terraform can read, then runs `terraform apply <planfile>` on those verified bytes. It never plans again;
 * Terraform itself refuses a plan made against a state that has since changed ("Saved plan is stale").
 * @throws InputError (`plan-sha256`, `plan-file`) before anything runs when the digest differs or the file is not a
 *   saved plan; OperationError when the apply fails (with a next step for a stale plan).
 */
export async function applyReviewedPlan(
  options: TerraformContext & { planFile: string; expectedSha256: string }
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
    return { planSha256: plan.sha256, summary, output }
  })
}
