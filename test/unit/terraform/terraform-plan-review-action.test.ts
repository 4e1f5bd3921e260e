import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import { run } from '../../../actions/terraform-plan-review/src/main.js'
import {
  fakeContext as baseFakeContext,
  runFake
} from '../../helpers/fake-context.js'
import {
  fakeTerraform,
  ROLLBACK_PLAN_JSON,
  SAVED_PLAN,
  SAVED_PLAN_SHA256,
  TERRAFORM_FIXTURES
} from '../../helpers/fake-terraform.js'

// `terraform show -json` of SAVED_PLAN prints the rollback plan fixture.
const terraform = fakeTerraform()
const fakeContext = (id: string, values: Record<string, string>) =>
  baseFakeContext(id, values, terraform.env)
const inputs = (extra: Record<string, string> = {}) => ({
  'plan-file': SAVED_PLAN,
  'plan-json': ROLLBACK_PLAN_JSON,
  ...extra
})
/** Runs terraform-plan-review with {@link inputs} plus `extra`. */
const review = (extra: Record<string, string> = {}) =>
  runFake(run, 'terraform-plan-review', inputs(extra), terraform.env)
const ALL_ALLOWED = [
  'module.data.azurerm_postgresql_flexible_server.main',
  'azurerm_key_vault_secret.db_password["primary"]',
  'azurerm_kubernetes_cluster_node_pool.spot',
  'azurerm_dns_a_record.legacy'
].join('\n')

describe('terraform-plan-review', () => {
  afterAll(() => terraform.remove())

  it('fails without allowance, listing each destructive change', async () => {
    const ctx = await review()
    expect(ctx.failure).toMatch(
      /^terraform-plan-review: the plan has 4 destructive change\(s\) nobody allowed; nothing was applied:/
    )
    expect(ctx.failure).toContain(
      'azurerm_key_vault_secret.db_password["primary"]: delete (delete, protected'
    )
  })

  it('still sets the counts, the checksum and the summary when it refuses', async () => {
    const ctx = await review()
    expect(ctx.outputs).toMatchObject({
      'create-count': '1',
      'update-count': '2',
      'replace-count': '1',
      'delete-count': '2',
      'destructive-count': '4',
      'refused-count': '4',
      'plan-sha256': SAVED_PLAN_SHA256
    })
    expect(ctx.summaryText).toContain('### Terraform plan review')
    expect(ctx.summaryText).toContain('**refused** (replace)')
    expect(ctx.summaryText).toContain('### terraform-plan-review: failed')
  })

  it('passes when a person allowed each destructive change', async () => {
    const ctx = await review({ 'allow-destroy': ALL_ALLOWED })
    expect(ctx.failure).toBeUndefined()
    expect(ctx.outputs['refused-count']).toBe('0')
    const flagged = JSON.parse(ctx.outputs['destructive-changes'] ?? '') as {
      address: string
      allowedBy?: string
    }[]
    expect(flagged.every((d) => d.allowedBy === d.address)).toBe(true)
    expect(ctx.outputs['summary-markdown']).toMatch(
      /^Plan `sha256:299758c8.*4 destructive, 0 refused\./
    )
  })

  it('warns about drift', async () => {
    const ctx = await review({ 'allow-destroy': ALL_ALLOWED })
    expect(ctx.logs).toContainEqual({
      level: 'warning',
      message:
        'azurerm_storage_account.tfstate changed outside Terraform since the last apply; the plan reverts that change too'
    })
  })

  it('adds additional-protected-addresses to the defaults', async () => {
    const ctx = await review({
      'allow-destroy': ALL_ALLOWED,
      'additional-protected-addresses': '**.azurerm_linux_web_app.*'
    })
    expect(ctx.failure).toContain(
      '  - module.app.azurerm_linux_web_app.api: update (protected; protected by **.azurerm_linux_web_app.*)'
    )
    expect(ctx.outputs['destructive-count']).toBe('5')
  })

  it('protects nothing beyond delete and replace when protected-addresses is emptied', async () => {
    const ctx = await review({ 'protected-addresses': '' })
    expect(ctx.outputs['destructive-count']).toBe('3')
  })

  it('records the review in the audit trail', async () => {
    const ctx = await review()
    expect(ctx.audit.steps).toHaveLength(1)
    expect(ctx.audit.steps[0]).toMatchObject({
      step: 'Review plan',
      outcome: 'failed',
      details: { plan_sha256: SAVED_PLAN_SHA256 }
    })
  })

  it('rejects an allowance naming a resource that is not in the plan', async () => {
    const ctx = await review({
      'allow-destroy': `${ALL_ALLOWED}\nazurerm_mssql_database.gone`
    })
    expect(ctx.failure).toMatch(
      /^terraform-plan-review: input "allow-destroy": "azurerm_mssql_database.gone" names no resource the plan changes/
    )
    expect(ctx.outputs['plan-sha256']).toBeUndefined()
  })

  it('rejects plan-json that is not Terraform plan JSON', async () => {
    const ctx = await review({
      'plan-json': join(TERRAFORM_FIXTURES, 'state.json')
    })
    expect(ctx.failure).toMatch(
      /^terraform-plan-review: input "plan-json": is Terraform state JSON, not plan JSON/
    )
  })

  it('rejects a plan-file that is not a saved plan', async () => {
    const ctx = await review({
      'plan-file': ROLLBACK_PLAN_JSON
    })
    expect(ctx.failure).toMatch(
      /^terraform-plan-review: input "plan-file": .*azurerm-rollback-plan.json is not a Terraform saved plan \(not a zip archive\)/
    )
  })

  it('refuses plan-json that lists other changes than the hashed plan file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-json-'))
    try {
      // The rendering of the plan file (fake terraform) holds 4 destructive changes; plan-json is edited to hold none.
      const json = JSON.parse(readFileSync(ROLLBACK_PLAN_JSON, 'utf8')) as {
        resource_changes: unknown[]
      }
      json.resource_changes = []
      writeFileSync(join(dir, 'harmless.json'), JSON.stringify(json))
      const ctx = fakeContext(
        'terraform-plan-review',
        inputs({ 'plan-json': join(dir, 'harmless.json') })
      )
      await run(ctx)
      expect(ctx.failure).toMatch(
        /^terraform-plan-review: input "plan-json": was not rendered from plan-file: the plan file has .* which the JSON does not list \(\d+ difference\(s\)\); nothing was reviewed/
      )
      expect(ctx.outputs['plan-sha256']).toBeUndefined()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('requires plan-file', async () => {
    const ctx = await runFake(run, 'terraform-plan-review', { 'plan-file': '' })
    expect(ctx.failure).toBe(
      'terraform-plan-review: input "plan-file": is required but was empty'
    )
  })
})
