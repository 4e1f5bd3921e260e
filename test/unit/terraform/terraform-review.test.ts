import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { InputError, UserError } from '@rollback-actions/action-kit'
import {
  assertReviewAllowed,
  parsePlanJson,
  renderPlanMarkdown,
  reviewPlan,
  splitAddressList
} from '@rollback-actions/terraform'
import { actionDefaults } from '../../helpers/fake-context.js'

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'terraform')
const summary = parsePlanJson(
  readFileSync(join(FIXTURES, 'azurerm-rollback-plan.json'), 'utf8')
)
const defaults = splitAddressList(
  actionDefaults('terraform-plan-review')['protected-addresses'] ?? ''
)

describe('reviewPlan', () => {
  it('flags deletes, replaces and changes to protected resources with the action.yml defaults', () => {
    const review = reviewPlan(summary, {
      protectedAddresses: defaults,
      allowDestroy: []
    })
    expect(
      review.destructive.map((d) => [d.address, d.action, d.reasons])
    ).toEqual([
      [
        'module.data.azurerm_postgresql_flexible_server.main',
        'update',
        ['protected']
      ],
      [
        'azurerm_key_vault_secret.db_password["primary"]',
        'delete',
        ['delete', 'protected']
      ],
      ['azurerm_kubernetes_cluster_node_pool.spot', 'replace', ['replace']],
      ['azurerm_dns_a_record.legacy', 'delete', ['delete']]
    ])
  })

  it('refuses every flagged change nobody allowed', () => {
    const review = reviewPlan(summary, {
      protectedAddresses: defaults,
      allowDestroy: ['azurerm_dns_a_record.legacy']
    })
    expect(review.refused.map((d) => d.address)).toEqual([
      'module.data.azurerm_postgresql_flexible_server.main',
      'azurerm_key_vault_secret.db_password["primary"]',
      'azurerm_kubernetes_cluster_node_pool.spot'
    ])
    expect(
      review.destructive.find(
        (d) => d.address === 'azurerm_dns_a_record.legacy'
      )?.allowedBy
    ).toBe('azurerm_dns_a_record.legacy')
  })

  it('names the protecting pattern', () => {
    const review = reviewPlan(summary, {
      protectedAddresses: defaults,
      allowDestroy: []
    })
    expect(review.destructive[0]?.protectedBy).toBe(
      '**.azurerm_postgresql_flexible_server.*'
    )
  })

  it('flags a protected resource that is only forgotten', () => {
    const review = reviewPlan(summary, {
      protectedAddresses: ['azurerm_monitor_action_group.*'],
      allowDestroy: []
    })
    expect(review.destructive.map((d) => [d.address, d.action])).toContainEqual(
      ['azurerm_monitor_action_group.oncall', 'forget']
    )
  })

  it('never flags data sources or no-op resources, even when protected', () => {
    const review = reviewPlan(summary, {
      protectedAddresses: ['**'],
      allowDestroy: []
    })
    const addresses = review.destructive.map((d) => d.address)
    expect(addresses).not.toContain('data.azurerm_client_config.current')
    expect(addresses).not.toContain('azurerm_key_vault.main')
  })

  it('passes when each flagged change is allowed (globs accepted)', () => {
    const review = reviewPlan(summary, {
      protectedAddresses: defaults,
      allowDestroy: [
        'module.data.azurerm_postgresql_flexible_server.main',
        'azurerm_key_vault_secret.db_password[*]',
        'azurerm_kubernetes_cluster_node_pool.spot',
        'azurerm_dns_a_record.legacy'
      ]
    })
    expect(review.refused).toEqual([])
    expect(() => assertReviewAllowed(review)).not.toThrow()
  })

  it('rejects an allowance naming a resource that is not in the plan', () => {
    expect(() =>
      reviewPlan(summary, {
        protectedAddresses: defaults,
        allowDestroy: ['azurerm_dns_a_record.legacy', 'azurerm_sql_server.old']
      })
    ).toThrow(
      new InputError(
        'allow-destroy',
        '"azurerm_sql_server.old" names no resource the plan changes; nothing was applied. Remove it, or check the address against the plan summary (addresses look like module.data.azurerm_key_vault.main)'
      )
    )
  })

  it('rejects an allowance naming only non-destructive changes', () => {
    expect(() =>
      reviewPlan(summary, {
        protectedAddresses: defaults,
        allowDestroy: ['module.app.azurerm_linux_web_app.api']
      })
    ).toThrow(
      /input "allow-destroy": "module.app.azurerm_linux_web_app.api" names only changes that are not destructive: module.app.azurerm_linux_web_app.api \(update\)/
    )
  })

  it('names the input of a malformed protected pattern', () => {
    expect(() =>
      reviewPlan(summary, { protectedAddresses: ['a..b'], allowDestroy: [] })
    ).toThrow(/^input "protected-addresses": "a..b" is not an address pattern/)
  })
})

describe('assertReviewAllowed', () => {
  it('lists each refused address with its action and how to allow it', () => {
    const review = reviewPlan(summary, {
      protectedAddresses: defaults,
      allowDestroy: []
    })
    let thrown: unknown
    try {
      assertReviewAllowed(review)
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(UserError)
    const message = (thrown as Error).message
    expect(message).toMatch(
      /^the plan has 4 destructive change\(s\) nobody allowed; nothing was applied:/
    )
    expect(message).toContain(
      '  - azurerm_kubernetes_cluster_node_pool.spot: replace (replace)'
    )
    expect(message).toContain(
      '  - module.data.azurerm_postgresql_flexible_server.main: update (protected; protected by **.azurerm_postgresql_flexible_server.*)'
    )
    expect(message).toContain('run again with input "allow-destroy"')
    expect(message).toContain('\n    azurerm_dns_a_record.legacy')
  })
})

describe('renderPlanMarkdown', () => {
  it('renders counts, a table with destructive changes first, and drift', () => {
    const review = reviewPlan(summary, {
      protectedAddresses: defaults,
      allowDestroy: ['azurerm_dns_a_record.legacy']
    })
    const md = renderPlanMarkdown(summary, review, 'ab'.repeat(32))
    const lines = md.split('\n')
    expect(lines[0]).toBe(
      `Plan \`sha256:${'ab'.repeat(32)}\` (Terraform 1.11.4): 1 to create, 2 to update, 1 to replace, 2 to delete, 1 to forget; 4 destructive, 3 refused.`
    )
    expect(lines[2]).toBe('| Action | Address | Type | Review |')
    expect(lines[4]).toBe(
      '| delete | `azurerm_key_vault_secret.db_password["primary"]` | `azurerm_key_vault_secret` | **refused** (delete, protected) |'
    )
    expect(md).toContain(
      '| delete | `azurerm_dns_a_record.legacy` | `azurerm_dns_a_record` | allowed (delete) by `azurerm_dns_a_record.legacy` |'
    )
    expect(md).toContain('- `azurerm_storage_account.tfstate` (update)')
  })
})
