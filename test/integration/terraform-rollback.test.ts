import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { InputError, silentLogger } from '@rollback-actions/action-kit'
import {
  PREVIOUS_STABLE,
  resolveTargetCommit,
  terraformPlan,
  terraformShowPlanJson,
  terraformStateResources,
  terraformVersion
} from '@rollback-actions/terraform'
import type { TerraformRunOptions } from '@rollback-actions/terraform'
import {
  assertSupportedTerraform,
  checkoutAndInit,
  createInfrastructureRepo,
  defaultProtectedAddresses,
  INFRA_DEPLOYMENT_TAG_PATTERN,
  INFRA_PROTECTED_DATABASE,
  INFRA_STABLE_STATE
} from '@rollback-actions/drill'
import type { InfrastructureRepo } from '@rollback-actions/drill'
import { runAction } from '@rollback-actions/drill'

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'terraform')
const log = silentLogger

/** Fails (never skips) when terraform 1.11+ is not on PATH. */
async function requireTerraform(): Promise<void> {
  let version: string
  try {
    version = await terraformVersion({ cwd: tmpdir(), log })
  } catch (error) {
    throw new Error(
      `these tests need the real terraform >= 1.11 on PATH (install it, e.g. from releases.hashicorp.com); ${(error as Error).message}`
    )
  }
  assertSupportedTerraform(version)
}

const stateOf = async (tf: TerraformRunOptions) =>
  Object.fromEntries(
    (await terraformStateResources(tf)).map((r) => [r.address, r.values.input])
  )
const digest = (path: string) =>
  createHash('sha256').update(readFileSync(path)).digest('hex')

describe('rolling infrastructure back with the real terraform', () => {
  let workDir: string
  let repo: InfrastructureRepo
  let rollback: TerraformRunOptions
  let deployB: TerraformRunOptions
  let planFile: string
  let reviewInputs: Record<string, string>
  let env: NodeJS.ProcessEnv
  const changedState = {
    'module.data.terraform_data.database': 'GP_Standard_D4s_v3',
    'terraform_data.app_server': 'app-server',
    'terraform_data.app_settings': 'release=42',
    'terraform_data.cache': 'redis-6gb',
    'terraform_data.network': '10.20.0.0/16'
  }

  /** terraform-apply of the rollback plan with its own checksum, `inputs` on top. */
  const applyRollbackPlan = (inputs: Record<string, string> = {}) =>
    runAction(
      'terraform-apply',
      {
        'plan-file': planFile,
        'plan-sha256': digest(planFile),
        'working-directory': join(workDir, 'rollback'),
        ...inputs
      },
      { env }
    )

  beforeAll(async () => {
    await requireTerraform()
    workDir = mkdtempSync(join(tmpdir(), 'tf-rollback-'))
    repo = await createInfrastructureRepo(workDir)
    env = repo.env
    const deploy = (deployB = await checkoutAndInit(
      repo,
      repo.changedCommit,
      join(workDir, 'deploy-b'),
      log
    ))
    await terraformPlan('b.tfplan', deploy)
    const applied = await runAction(
      'terraform-apply',
      {
        'plan-file': join(workDir, 'deploy-b', 'b.tfplan'),
        'plan-sha256': digest(join(workDir, 'deploy-b', 'b.tfplan')),
        'working-directory': join(workDir, 'deploy-b')
      },
      { env }
    )
    if (applied.exitCode !== 0) throw new Error(applied.stdout)
    rollback = await checkoutAndInit(
      repo,
      repo.stableCommit,
      join(workDir, 'rollback'),
      log
    )
    planFile = join(workDir, 'rollback', 'rollback.tfplan')
    await terraformPlan(planFile, rollback)
    reviewInputs = {
      'plan-file': planFile,
      'working-directory': join(workDir, 'rollback'),
      'protected-addresses': (await defaultProtectedAddresses()).join('\n'),
      'additional-protected-addresses': INFRA_PROTECTED_DATABASE,
      'allow-destroy': ''
    }
  })

  afterAll(() => {
    if (workDir) rmSync(workDir, { recursive: true, force: true })
  })

  it('starts from commit B applied', async () => {
    expect(await stateOf(rollback)).toEqual(changedState)
  })

  it('resolves "previous stable" to commit A from the deployment tags', async () => {
    await expect(
      resolveTargetCommit({
        repoDir: repo.repoDir,
        target: PREVIOUS_STABLE,
        tagPattern: INFRA_DEPLOYMENT_TAG_PATTERN,
        log
      })
    ).resolves.toEqual({
      commit: repo.stableCommit,
      source: 'tag',
      tag: 'infra-deployed-1'
    })
  })

  it('rejects a target commit that does not exist', async () => {
    const missing = '0123456789abcdef0123456789abcdef01234567'
    const result = resolveTargetCommit({
      repoDir: repo.repoDir,
      target: missing,
      tagPattern: INFRA_DEPLOYMENT_TAG_PATTERN,
      log
    })
    await expect(result).rejects.toBeInstanceOf(InputError)
    await expect(result).rejects.toThrow(
      `input "target": commit "${missing}" does not exist in ${repo.repoDir}`
    )
  })

  it('refuses the rollback plan without allowance, listing each destructive change', async () => {
    const r = await runAction('terraform-plan-review', reviewInputs, { env })
    expect(r.exitCode).toBe(1)
    expect(r.failure).toMatch(
      /^terraform-plan-review: the plan has 3 destructive change\(s\) nobody allowed; nothing was applied:/
    )
    for (const line of [
      '  - terraform_data.app_server: replace (replace)',
      '  - terraform_data.cache: delete (delete)',
      '  - module.data.terraform_data.database: update (protected; protected by **.terraform_data.database)'
    ])
      expect(r.failure).toContain(line)
  })

  it('summarises the rollback plan by action, address and type', async () => {
    const r = await runAction('terraform-plan-review', reviewInputs, { env })
    expect(r.outputs).toMatchObject({
      'create-count': '1',
      'update-count': '2',
      'replace-count': '1',
      'delete-count': '1',
      'destructive-count': '3',
      'refused-count': '3',
      'plan-sha256': digest(planFile)
    })
    expect(r.summary).toContain(
      '| create | `terraform_data.legacy_queue` | `terraform_data` |  |'
    )
    expect(r.summary).toContain(
      '| update | `module.data.terraform_data.database` | `terraform_data` | **refused** (protected) |'
    )
  })

  it('rejects an allowance naming a resource that is not in the plan', async () => {
    const r = await runAction(
      'terraform-plan-review',
      {
        ...reviewInputs,
        'allow-destroy': 'terraform_data.cache\nterraform_data.queue_v2'
      },
      { env }
    )
    expect(r.exitCode).toBe(1)
    expect(r.failure).toMatch(
      /^terraform-plan-review: input "allow-destroy": "terraform_data.queue_v2" names no resource the plan changes/
    )
  })

  it('rejects plan JSON that is not Terraform plan JSON', async () => {
    const r = await runAction(
      'terraform-plan-review',
      {
        ...reviewInputs,
        'plan-json': join(FIXTURES, 'github-deployment.json')
      },
      { env }
    )
    expect(r.exitCode).toBe(1)
    expect(r.failure).toMatch(
      /^terraform-plan-review: input "plan-json": is not Terraform plan JSON: format_version/
    )
  })

  it('reviews the plan it hashes, refusing plan-json rendered from another, harmless plan', async () => {
    // Commit B planned against state B changes nothing: its JSON flags nothing.
    const harmless = join(workDir, 'deploy-b', 'noop.tfplan')
    await terraformPlan(harmless, deployB)
    const json = join(workDir, 'noop-plan.json')
    writeFileSync(json, await terraformShowPlanJson(harmless, deployB))
    const r = await runAction(
      'terraform-plan-review',
      { ...reviewInputs, 'plan-json': json },
      { env }
    )
    expect(r.exitCode).toBe(1)
    expect(r.failure).toMatch(
      /^terraform-plan-review: input "plan-json": was not rendered from plan-file: the plan file has \S+ \S+, which the JSON does not list/
    )
    expect(r.outputs['plan-sha256']).toBeUndefined()
  })

  it('applies nothing when the plan it is about to run holds a destructive change nobody allowed', async () => {
    const before = digest(repo.statePath)
    const r = await applyRollbackPlan({
      'protected-addresses': reviewInputs['protected-addresses'] ?? '',
      'additional-protected-addresses': INFRA_PROTECTED_DATABASE
    })
    expect(r.exitCode).toBe(1)
    expect(r.failure).toMatch(
      /^terraform-apply: the plan has 3 destructive change\(s\) nobody allowed; nothing was applied:/
    )
    expect(digest(repo.statePath)).toBe(before)
    expect(await stateOf(rollback)).toEqual(changedState)
  })

  it('refuses to apply a plan whose checksum differs, applying nothing', async () => {
    const before = digest(repo.statePath)
    const r = await applyRollbackPlan({
      'plan-sha256': '0'.repeat(64)
    })
    expect(r.exitCode).toBe(1)
    expect(r.failure).toContain(
      `but the reviewed plan had ${'0'.repeat(64)}; this is not the plan a person reviewed, so nothing was applied`
    )
    expect(digest(repo.statePath)).toBe(before)
    expect(await stateOf(rollback)).toEqual(changedState)
  })

  it('passes the review once each flagged change is allowed, then applies exactly that plan', async () => {
    const allowances = {
      'protected-addresses': reviewInputs['protected-addresses'] ?? '',
      'additional-protected-addresses': INFRA_PROTECTED_DATABASE,
      'allow-destroy':
        'terraform_data.app_server, terraform_data.cache\nmodule.data.terraform_data.database'
    }
    const reviewed = await runAction(
      'terraform-plan-review',
      { ...reviewInputs, ...allowances },
      { env }
    )
    expect([reviewed.exitCode, reviewed.outputs['refused-count']]).toEqual([
      0,
      '0'
    ])
    const applied = await applyRollbackPlan({
      'plan-sha256': reviewed.outputs['plan-sha256'] ?? '',
      ...allowances
    })
    expect(applied.exitCode).toBe(0)
    expect(applied.outputs['applied-sha256']).toBe(digest(planFile))
    expect(JSON.parse(applied.outputs.changes ?? '')).toEqual(
      expect.arrayContaining([
        {
          address: 'terraform_data.cache',
          type: 'terraform_data',
          action: 'delete'
        },
        {
          address: 'terraform_data.app_server',
          type: 'terraform_data',
          action: 'replace'
        }
      ])
    )
    expect(applied.audit[0]).toMatchObject({
      step: 'Apply reviewed plan',
      outcome: 'succeeded'
    })
    expect(await stateOf(rollback)).toEqual(INFRA_STABLE_STATE)
  })

  it('refuses to apply the same plan again once the state has moved on (stale plan)', async () => {
    const before = digest(repo.statePath)
    const r = await applyRollbackPlan({
      'protected-addresses': reviewInputs['protected-addresses'] ?? '',
      'additional-protected-addresses': INFRA_PROTECTED_DATABASE,
      'allow-destroy':
        'terraform_data.app_server, terraform_data.cache\nmodule.data.terraform_data.database'
    })
    expect(r.exitCode).toBe(1)
    expect(r.failure).toMatch(
      /^terraform-apply: the reviewed plan is stale: the state changed after it was made, so Terraform applied nothing/
    )
    expect(digest(repo.statePath)).toBe(before)
  })
})

// The drill scenario (rollback-infrastructure.yml run job by job against the sandbox) is covered by
// test/integration/drill/drill.test.ts, which runs every scenario once.
