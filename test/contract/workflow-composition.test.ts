/**
 * Composition contract: for every step `uses: …/actions/<name>` in every workflow template, each `with:` key is a
 * declared input of that action, and the values the step gives — evaluated with GitHub's expression engine from
 * representative dispatch inputs, variables, secrets and step/job outputs (test/fixtures/workflows/
 * representative.json) — pass that action's own input schema (its `src/inputs.ts`, parsed as the action parses its
 * inputs). A finding names the workflow, the job, the step and the input.
 */
import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import { parse } from 'yaml'
import type { z } from 'zod'
import {
  InputError,
  parseInputs,
  silentLogger
} from '@rollback-actions/action-kit'
import {
  evaluateTemplate,
  loadWorkflow,
  suiteActionId,
  typedInputs,
  WorkflowInputError
} from '@rollback-actions/drill'

const ROOT = join(import.meta.dirname, '..', '..')
const TEMPLATE_DIR = join(ROOT, 'workflows-templates')
const FIXTURES = join(ROOT, 'test', 'fixtures', 'workflows')

interface Representative {
  dispatch: Record<string, Record<string, string>>
  vars: Record<string, string>
  secrets: Record<string, string>
  github: Record<string, string>
  runner: Record<string, string>
  /** `<action>.<output>` for suite actions, `<owner/repo>#<step id>.<output>` for third-party steps, `run#<step id>.<output>` for run: steps. */
  stepOutputs: Record<string, string>
}
const representative = JSON.parse(
  readFileSync(join(FIXTURES, 'representative.json'), 'utf8')
) as Representative

interface ActionYaml {
  inputs?: Record<string, { default?: string | number | boolean }>
}
const actionYaml = (name: string) =>
  parse(
    readFileSync(join(ROOT, 'actions', name, 'action.yml'), 'utf8')
  ) as ActionYaml

/** The zod schema an action parses its inputs with (the `…Inputs` export of its src/inputs.ts). */
async function inputSchema(name: string): Promise<z.ZodObject> {
  const mod = (await import(
    join(ROOT, 'actions', name, 'src', 'inputs.ts')
  )) as Record<string, unknown>
  const schema = Object.entries(mod).find(
    ([key, value]) =>
      key.endsWith('Inputs') &&
      typeof (value as { safeParse?: unknown } | null)?.safeParse === 'function'
  )?.[1]
  if (!schema)
    throw new Error(`actions/${name}/src/inputs.ts exports no …Inputs schema`)
  return schema as z.ZodObject
}

/**
 * Evaluates every suite-action step of a workflow from representative values and parses its inputs with the action's
 * schema, job by job (job outputs are evaluated from the representative step outputs, for `needs.*` later on).
 * @returns findings, empty when every step composes.
 */
async function compositionFindings(
  path: string,
  dispatch: Record<string, string>
): Promise<string[]> {
  const file = basename(path)
  const findings: string[] = []
  const workflow = loadWorkflow(path)
  let inputs: Record<string, string | number | boolean>
  try {
    inputs = typedInputs(workflow, 'workflow_dispatch', dispatch)
  } catch (error) {
    if (error instanceof WorkflowInputError) return [error.message]
    throw error
  }
  const base = {
    github: representative.github,
    inputs,
    vars: representative.vars,
    secrets: {
      ...representative.secrets,
      GITHUB_TOKEN: representative.github.token
    },
    runner: representative.runner
  }
  const env = Object.fromEntries(
    Object.entries(workflow.env).map(([k, v]) => [k, evaluateTemplate(v, base)])
  )
  const jobOutputs: Record<string, Record<string, string>> = {}
  for (const job of workflow.jobs) {
    const needs = Object.fromEntries(
      job.needs.map((n) => [
        n,
        { result: 'success', outputs: jobOutputs[n] ?? {} }
      ])
    )
    const steps: Record<string, { outputs: Record<string, string> }> = {}
    const texts = [
      ...Object.values(job.outputs),
      ...job.steps.flatMap((s) => [
        ...Object.values(s.with),
        ...Object.values(s.env)
      ])
    ].join('\n')
    for (const [, stepId = '', output = ''] of texts.matchAll(
      /\bsteps\.([\w-]+)\.outputs\.([\w-]+)/g
    )) {
      const step = job.steps.find((s) => s.id === stepId)
      const action = suiteActionId(step?.uses)
      const key = action
        ? `${action}.${output}`
        : `${step?.uses?.split('@')[0] ?? 'run'}#${stepId}.${output}`
      const value = representative.stepOutputs[key]
      if (value === undefined) {
        findings.push(
          `${file}: job "${job.id}" reads steps.${stepId}.outputs.${output}: add "${key}" to test/fixtures/workflows/representative.json`
        )
        continue
      }
      steps[stepId] = {
        outputs: { ...steps[stepId]?.outputs, [output]: value }
      }
    }
    const contexts = {
      ...base,
      needs,
      steps,
      env: {
        ...env,
        ...Object.fromEntries(
          Object.entries(job.env).map(([k, v]) => [
            k,
            evaluateTemplate(v, { ...base, needs })
          ])
        )
      }
    }
    for (const step of job.steps) {
      const action = suiteActionId(step.uses)
      if (!action) continue
      const where = `${file}: job "${job.id}" step "${step.name}": ${action}`
      const declared = actionYaml(action).inputs ?? {}
      for (const key of Object.keys(step.with))
        if (!(key in declared)) findings.push(`${where} has no input "${key}"`)
      const values: Record<string, string> = {}
      for (const [name, spec] of Object.entries(declared))
        if (spec.default !== undefined)
          values[name] = evaluateTemplate(String(spec.default), contexts)
      for (const [name, raw] of Object.entries(step.with))
        values[name] = evaluateTemplate(raw, contexts)
      try {
        parseInputs(
          await inputSchema(action),
          (name) => values[name] ?? '',
          silentLogger
        )
      } catch (error) {
        if (!(error instanceof InputError)) throw error
        findings.push(`${where} ${error.message}`)
      }
    }
    jobOutputs[job.id] = Object.fromEntries(
      Object.entries(job.outputs).map(([k, v]) => [
        k,
        evaluateTemplate(v, contexts)
      ])
    )
  }
  return findings
}

const templates = readdirSync(TEMPLATE_DIR)
  .filter((n) => /\.ya?ml$/.test(n))
  .sort()

describe('workflow composition (with: values against each action input schema)', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'composition-'))
  afterAll(() => rmSync(scratch, { recursive: true, force: true }))

  it('has representative dispatch inputs for every template', () => {
    expect(Object.keys(representative.dispatch).sort()).toEqual(templates)
  })

  it.each(templates)(
    '%s: every suite-action step composes with its action',
    async (name) => {
      const findings = await compositionFindings(
        join(TEMPLATE_DIR, name),
        representative.dispatch[name] ?? {}
      )
      expect(findings).toEqual([])
    }
  )

  it('finds the consumers defect of rollback-database.yml as it was before issue #9', async () => {
    const findings = await compositionFindings(
      join(FIXTURES, 'rollback-database.before-issue-9.yml'),
      representative.dispatch['rollback-database.yml'] ?? {}
    )
    expect(findings).toEqual([
      expect.stringMatching(
        /^rollback-database\.before-issue-9\.yml: job "validate" step "Validate health \(mandatory\)": validate-health input "deployments": /
      )
    ])
  })

  it('names the workflow, the step and the input of a wrong with: value', async () => {
    const text = readFileSync(
      join(TEMPLATE_DIR, 'rollback-application.yml'),
      'utf8'
    )
    expect(text).toContain('rollout-timeout: 10m')
    const path = join(scratch, 'rollback-application.yml')
    writeFileSync(
      path,
      text.replace('rollout-timeout: 10m', 'rollout-timeout: ten minutes')
    )
    const findings = await compositionFindings(
      path,
      representative.dispatch['rollback-application.yml'] ?? {}
    )
    expect(findings).toEqual([
      expect.stringMatching(
        /^rollback-application\.yml: job "rollback" step "Redeploy the previous stable image": redeploy input "rollout-timeout": "ten minutes"/
      )
    ])
  })

  it('names an undeclared with: key', async () => {
    const text = readFileSync(
      join(TEMPLATE_DIR, 'rollback-application.yml'),
      'utf8'
    )
    const path = join(scratch, 'undeclared.yml')
    writeFileSync(
      path,
      text.replace(
        '          rollout-timeout: 10m',
        '          rollout-timeout: 10m\n          rollout-timout: 5m'
      )
    )
    const findings = await compositionFindings(
      path,
      representative.dispatch['rollback-application.yml'] ?? {}
    )
    expect(findings).toContain(
      'undeclared.yml: job "rollback" step "Redeploy the previous stable image": redeploy has no input "rollout-timout"'
    )
  })

  it('refuses representative inputs GitHub would refuse (a required input missing)', async () => {
    const findings = await compositionFindings(
      join(TEMPLATE_DIR, 'rollback-database.yml'),
      { environment: 'production' }
    )
    expect(findings).toEqual([
      "rollback-database.yml: Required input 'source-server' not provided"
    ])
  })
})
