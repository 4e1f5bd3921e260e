import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  afterAll,
  afterEach,
  beforeEach,
  describe,
  expect,
  it
} from '@jest/globals'
import { run } from '../../../actions/terraform-apply/src/main.js'
import {
  actionDefaults,
  fakeContext,
  runFake
} from '../../helpers/fake-context.js'
import {
  fakeTerraform,
  SAVED_PLAN,
  SAVED_PLAN_SHA256,
  TERRAFORM_FIXTURES
} from '../../helpers/fake-terraform.js'

describe('terraform-apply input checks (before terraform runs)', () => {
  let workDir: string
  beforeEach(() => {
    workDir = mkdtempSync(join(tmpdir(), 'tf-apply-unit-'))
  })
  afterEach(() => {
    rmSync(workDir, { recursive: true, force: true })
  })
  // No PATH: had the action reached terraform, it would fail with "terraform was not found" instead.
  const env = { PATH: '' }

  it('refuses a plan whose checksum differs from the reviewed one', async () => {
    const ctx = await runFake(
      run,
      'terraform-apply',
      {
        'plan-file': SAVED_PLAN,
        'plan-sha256': 'e'.repeat(64),
        'working-directory': workDir
      },
      env
    )
    expect(ctx.failure).toMatch(
      /^terraform-apply: input "plan-sha256": .* has SHA-256 299758c8.*, but the reviewed plan had e{64}; this is not the plan a person reviewed, so nothing was applied/
    )
    expect(ctx.outputs).toEqual({})
    expect(readdirSync(workDir)).toEqual([])
  })

  it('rejects a plan-sha256 that is not a digest', async () => {
    const ctx = await runFake(run, 'terraform-apply', {
      'plan-file': SAVED_PLAN,
      'plan-sha256': 'latest'
    })
    expect(ctx.failure).toBe(
      'terraform-apply: input "plan-sha256": "latest" must be a SHA-256 digest (64 hex digits)'
    )
  })

  it('rejects a plan file that is not a saved plan', async () => {
    const ctx = await runFake(
      run,
      'terraform-apply',
      {
        'plan-file': join(TERRAFORM_FIXTURES, 'state.json'),
        'plan-sha256': 'e'.repeat(64)
      },
      env
    )
    expect(ctx.failure).toMatch(
      /^terraform-apply: input "plan-file": .*state.json is not a Terraform saved plan/
    )
  })

  it('records the refused apply as a failed audit step with no change', async () => {
    const ctx = await runFake(
      run,
      'terraform-apply',
      { 'plan-file': SAVED_PLAN, 'plan-sha256': 'e'.repeat(64) },
      env
    )
    expect(ctx.audit.steps[0]).toMatchObject({
      step: 'Apply reviewed plan',
      outcome: 'failed',
      changes: []
    })
  })
})

describe('terraform-apply re-checks the plan it is about to run', () => {
  // `terraform show -json` prints the rollback plan fixture; `terraform apply` would exit 9.
  const terraform = fakeTerraform()
  afterAll(() => terraform.remove())

  it('refuses a destructive change nobody allowed, before terraform apply runs', async () => {
    const ctx = fakeContext(
      'terraform-apply',
      { 'plan-file': SAVED_PLAN, 'plan-sha256': SAVED_PLAN_SHA256 },
      terraform.env
    )
    await run(ctx)
    expect(ctx.failure).toMatch(
      /^terraform-apply: the plan has 4 destructive change\(s\) nobody allowed; nothing was applied:/
    )
    expect(ctx.outputs).toEqual({})
  })
})

describe('terraform-apply protection inputs', () => {
  it('default to exactly what terraform-plan-review defaults to, so the re-check matches the review', () => {
    const apply = actionDefaults('terraform-apply')
    const review = actionDefaults('terraform-plan-review')
    for (const input of [
      'protected-addresses',
      'additional-protected-addresses',
      'allow-destroy'
    ])
      expect([input, apply[input]]).toEqual([input, review[input]])
  })
})
