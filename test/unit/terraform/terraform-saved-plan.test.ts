import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import {
  readSavedPlan,
  verifySavedPlan,
  zipEntryNames
} from '@rollback-actions/terraform'
import {
  SAVED_PLAN,
  SAVED_PLAN_SHA256,
  TERRAFORM_FIXTURES
} from '../../helpers/fake-terraform.js'

describe('zipEntryNames', () => {
  it('lists the entries of a zip archive', () => {
    expect(zipEntryNames(readFileSync(SAVED_PLAN))).toEqual([
      'tfplan',
      'tfstate',
      'tfconfig/m-/main.tf'
    ])
  })

  it('returns undefined for bytes that are not a zip archive', () => {
    expect(zipEntryNames(Buffer.from('{"format_version":"1.2"}'))).toBe(
      undefined
    )
  })
})

describe('readSavedPlan', () => {
  it('returns the bytes and their SHA-256', async () => {
    const plan = await readSavedPlan(SAVED_PLAN)
    expect(plan.sha256).toBe(SAVED_PLAN_SHA256)
    expect(plan.bytes.length).toBe(readFileSync(SAVED_PLAN).length)
  })

  it.each([
    ['plan JSON', 'azurerm-rollback-plan.json', /not a zip archive/],
    [
      'a zip without a tfplan entry',
      'zip-without-tfplan-entry.zip',
      /zip without a "tfplan" entry/
    ]
  ])('rejects %s', async (_what, file, reason) => {
    const error = readSavedPlan(join(TERRAFORM_FIXTURES, file), 'plan-file')
    await expect(error).rejects.toThrow(
      /^input "plan-file": .* is not a Terraform saved plan/
    )
    await expect(readSavedPlan(join(TERRAFORM_FIXTURES, file))).rejects.toThrow(
      reason
    )
  })

  it('says when the file does not exist', async () => {
    await expect(
      readSavedPlan(join(TERRAFORM_FIXTURES, 'missing.tfplan'))
    ).rejects.toThrow(
      /^input "plan-file": file .*missing.tfplan does not exist; .*download the plan artifact first/
    )
  })
})

describe('verifySavedPlan', () => {
  it('accepts the reviewed digest in any case', async () => {
    await expect(
      verifySavedPlan(SAVED_PLAN, SAVED_PLAN_SHA256.toUpperCase())
    ).resolves.toMatchObject({ sha256: SAVED_PLAN_SHA256 })
  })

  it('refuses a plan whose digest differs, naming both digests', async () => {
    const other = 'f'.repeat(64)
    await expect(verifySavedPlan(SAVED_PLAN, other)).rejects.toThrow(
      `input "plan-sha256": ${SAVED_PLAN} has SHA-256 ${SAVED_PLAN_SHA256}, but the reviewed plan had ${other}; this is not the plan a person reviewed, so nothing was applied.`
    )
  })

  it('refuses a digest that is not 64 hex digits', async () => {
    await expect(verifySavedPlan(SAVED_PLAN, 'abc')).rejects.toThrow(
      /^input "plan-sha256": "abc" is not a SHA-256/
    )
  })
})
