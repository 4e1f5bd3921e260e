import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** test/fixtures/terraform: recorded plans and plan JSON. */
export const TERRAFORM_FIXTURES = join(
  import.meta.dirname,
  '..',
  'fixtures',
  'terraform'
)
/** `terraform show -json` of a rollback plan with destructive changes (what the fake prints by default). */
export const ROLLBACK_PLAN_JSON = join(
  TERRAFORM_FIXTURES,
  'azurerm-rollback-plan.json'
)
/** A saved plan file (a zip with a `tfplan` entry) and its SHA-256, hex. */
export const SAVED_PLAN = join(
  TERRAFORM_FIXTURES,
  'zip-with-tfplan-entry.tfplan'
)
export const SAVED_PLAN_SHA256 =
  '299758c874e5420d246a722795a2e3e95b136ae0c4f8039f2b2d912fc67776c6'

/** A stand-in `terraform` on PATH whose `show -json` prints a fixed plan JSON file (for unit tests of the shells). */
export interface FakeTerraform {
  /** Environment to run the action with: PATH starts with the fake's directory. */
  env: NodeJS.ProcessEnv
  /** Removes the fake's directory. */
  remove(): void
}

/**
 * Writes a `terraform` shell script that answers `show -json ...` with the contents of `planJsonFile` and fails on
 * every other command (so a unit test notices when the action goes further than rendering).
 */
export function fakeTerraform(
  planJsonFile: string = ROLLBACK_PLAN_JSON
): FakeTerraform {
  const dir = mkdtempSync(join(tmpdir(), 'fake-terraform-'))
  const script = join(dir, 'terraform')
  writeFileSync(
    script,
    [
      '#!/bin/sh',
      'if [ "$1" = "show" ] && [ "$2" = "-json" ]; then',
      `  exec cat '${planJsonFile.replace(/'/g, `'\\''`)}'`,
      'fi',
      'echo "fake terraform: unexpected command: $*" >&2',
      'exit 9',
      ''
    ].join('\n')
  )
  chmodSync(script, 0o755)
  return {
    env: { PATH: `${dir}:${process.env.PATH ?? ''}` },
    remove: () => rmSync(dir, { recursive: true, force: true })
  }
}
