import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { InputError } from '@rollback-actions/action-kit'
import { classifyActions, parsePlanJson } from '@rollback-actions/terraform'

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'terraform')
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8')

describe('classifyActions', () => {
  it.each([
    [['create'], 'create'],
    [['update'], 'update'],
    [['delete'], 'delete'],
    [['delete', 'create'], 'replace'],
    [['create', 'delete'], 'replace'],
    [['forget'], 'forget'],
    [['read'], 'read'],
    [['no-op'], 'no-op']
  ])('maps %j to %s', (actions, expected) => {
    expect(classifyActions(actions)).toBe(expected)
  })

  it('rejects a combination the JSON format does not define', () => {
    expect(() => classifyActions(['update', 'delete'])).toThrow(
      /unknown change.actions combination \[update,delete\]/
    )
  })
})

describe('parsePlanJson', () => {
  const summary = parsePlanJson(fixture('azurerm-rollback-plan.json'))

  it('counts every action of the plan', () => {
    expect(summary.counts).toEqual({
      create: 1,
      update: 2,
      replace: 1,
      delete: 2,
      forget: 1,
      read: 1,
      'no-op': 2
    })
  })

  it('lists the changes by address and type, leaving out no-op and read', () => {
    expect(summary.changes.map((c) => [c.action, c.address, c.type])).toEqual([
      [
        'update',
        'module.data.azurerm_postgresql_flexible_server.main',
        'azurerm_postgresql_flexible_server'
      ],
      [
        'delete',
        'azurerm_key_vault_secret.db_password["primary"]',
        'azurerm_key_vault_secret'
      ],
      [
        'replace',
        'azurerm_kubernetes_cluster_node_pool.spot',
        'azurerm_kubernetes_cluster_node_pool'
      ],
      ['create', 'azurerm_role_assignment.ci', 'azurerm_role_assignment'],
      [
        'update',
        'module.app.azurerm_linux_web_app.api',
        'azurerm_linux_web_app'
      ],
      ['delete', 'azurerm_dns_a_record.legacy', 'azurerm_dns_a_record'],
      [
        'forget',
        'azurerm_monitor_action_group.oncall',
        'azurerm_monitor_action_group'
      ]
    ])
  })

  it('keeps Terraform action_reason and the raw actions', () => {
    const pool = summary.changes.find((c) => c.action === 'replace')
    expect(pool?.actionReason).toBe('replace_because_cannot_update')
    expect(pool?.actions).toEqual(['create', 'delete'])
  })

  it('reports resources that drifted outside Terraform', () => {
    expect(summary.drift.map((d) => d.address)).toEqual([
      'azurerm_storage_account.tfstate'
    ])
  })

  it('reads the versions', () => {
    expect([summary.terraformVersion, summary.formatVersion]).toEqual([
      '1.11.4',
      '1.2'
    ])
  })

  it('accepts an empty plan without resource_changes', () => {
    const empty = parsePlanJson(
      '{"format_version":"1.2","terraform_version":"1.11.4","planned_values":{"root_module":{}},"applyable":false,"complete":true,"errored":false}'
    )
    expect([empty.changes, empty.applyable]).toEqual([[], false])
  })

  it.each([
    ['text that is not JSON', 'not json', /is not JSON/],
    [
      'state JSON',
      fixture('state.json'),
      /is Terraform state JSON, not plan JSON/
    ],
    [
      'other JSON',
      fixture('github-deployment.json'),
      /is not Terraform plan JSON: format_version: .*terraform show -json <planfile>/
    ],
    [
      'a plan of an unsupported format version',
      '{"format_version":"2.0","terraform_version":"9.0.0","planned_values":{}}',
      /format_version: must be a 1.x plan format version/
    ],
    [
      'a change without actions',
      '{"format_version":"1.2","terraform_version":"1.11.4","planned_values":{},"resource_changes":[{"address":"a.b","mode":"managed","type":"a","change":{}}]}',
      /resource_changes\.0\.change\.actions/
    ],
    [
      'an errored plan',
      '{"format_version":"1.2","terraform_version":"1.11.4","planned_values":{},"errored":true}',
      /errored plan/
    ]
  ])(
    'rejects %s with an InputError naming the input',
    (_what, text, message) => {
      let thrown: unknown
      try {
        parsePlanJson(text, 'plan-json')
      } catch (error) {
        thrown = error
      }
      expect(thrown).toBeInstanceOf(InputError)
      expect((thrown as Error).message).toMatch(/^input "plan-json": /)
      expect((thrown as Error).message).toMatch(message)
    }
  )
})
