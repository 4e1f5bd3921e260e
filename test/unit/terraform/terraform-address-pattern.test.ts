import { describe, expect, it } from '@jest/globals'
import {
  compileAddressPattern,
  splitAddress,
  splitAddressList
} from '@rollback-actions/terraform'

describe('splitAddress', () => {
  it.each([
    ['azurerm_key_vault.main', ['azurerm_key_vault', 'main']],
    [
      'module.data.azurerm_storage_account.state["prod.eu"]',
      ['module', 'data', 'azurerm_storage_account', 'state["prod.eu"]']
    ],
    [
      'module.regions["west.eu"].azurerm_key_vault.main[0]',
      ['module', 'regions["west.eu"]', 'azurerm_key_vault', 'main[0]']
    ],
    ['a.b["x\\"].y"]', ['a', 'b["x\\"].y"]']]
  ])('splits %s at dots outside indexes', (address, segments) => {
    expect(splitAddress(address)).toEqual(segments)
  })
})

describe('compileAddressPattern', () => {
  it.each([
    ['azurerm_key_vault.*', 'azurerm_key_vault.main', true],
    ['azurerm_key_vault.*', 'azurerm_key_vault.main["eu"]', true],
    ['azurerm_key_vault.*', 'module.x.azurerm_key_vault.main', false],
    ['**.azurerm_key_vault.*', 'azurerm_key_vault.main', true],
    ['**.azurerm_key_vault.*', 'module.x.azurerm_key_vault.main', true],
    [
      '**.azurerm_key_vault.*',
      'module.a.module.b["k.v"].azurerm_key_vault.main',
      true
    ],
    ['**.azurerm_key_vault*.*', 'azurerm_key_vault_secret.db', true],
    ['**.azurerm_key_vault.*', 'azurerm_key_vault_secret.db', false],
    ['module.data.**', 'module.data.terraform_data.database', true],
    ['module.data.**', 'module.database.terraform_data.x', false],
    ['azurerm_storage_account.state', 'azurerm_storage_account.state', true],
    ['azurerm_storage_account.state', 'azurerm_storage_account.state2', false],
    ['azurerm_storage_account.st?te', 'azurerm_storage_account.state', false],
    ['**.azurerm_cosmosdb_*.*', 'module.x.azurerm_cosmosdb_account.db', true],
    ['**.azurerm_cosmosdb_*.*', 'module.azurerm_cosmosdb_x.y.z', false]
  ])('%s matches %s: %s', (pattern, address, expected) => {
    expect(compileAddressPattern(pattern).test(address)).toBe(expected)
  })

  it.each(['', 'a..b', '.a', 'a.'])(
    'rejects the pattern %j (empty segment)',
    (pattern) => {
      expect(() => compileAddressPattern(pattern)).toThrow(/empty segment/)
    }
  )
})

describe('splitAddressList', () => {
  it('splits on newlines and commas, keeping commas inside indexes', () => {
    expect(
      splitAddressList(
        'a.b, c.d\n# a comment\n\n  e.f["x,y"]  \nmodule.m["k"].g.h'
      )
    ).toEqual(['a.b', 'c.d', 'e.f["x,y"]', 'module.m["k"].g.h'])
  })
})

describe('address patterns from inputs cannot hang the review', () => {
  it('matches a segment glob with many "*" in linear time', () => {
    const pattern = compileAddressPattern(`${'*a'.repeat(8)}*b`)
    const started = performance.now()
    expect(pattern.test(`${'a'.repeat(32)}[0]`)).toBe(false)
    expect(performance.now() - started).toBeLessThan(250)
  })

  it('matches many "**" segments without exponential search', () => {
    const pattern = compileAddressPattern(`${'**.'.repeat(8)}x`)
    const address = Array.from({ length: 22 }, (_, i) => `m${i}`).join('.')
    const started = performance.now()
    expect(pattern.test(address)).toBe(false)
    expect(pattern.test(`${address}.x`)).toBe(true)
    expect(performance.now() - started).toBeLessThan(250)
  })
})
