import { readFileSync } from 'node:fs'
import { data, Evaluator, Lexer, Parser } from '@actions/expressions'
import { truthy } from '@actions/expressions/result'
// GitHub's workflow parser reads workflow files, like @actions/expressions evaluates them (no runner toolkit)
import { NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser'
import { parse } from 'yaml'

type ExpressionData = data.ExpressionData

/**
 * Reads a workflow template and evaluates its `${{ }}` expressions with GitHub's own expression engine
 * (`@actions/expressions`), so that the drill runs the workflow's steps with exactly the inputs the workflow gives
 * them: the drill cannot drift from the workflow.
 */

/** A value of the `inputs` context: workflow inputs keep their declared type (string, boolean or number). */
export type InputValue = string | boolean | number

/** One declared input of `on.workflow_dispatch` or `on.workflow_call`. */
export interface WorkflowInput {
  type: string
  required: boolean
  default?: InputValue
  /** `choice` inputs only. */
  options?: string[]
  description?: string
}

export interface WorkflowStep {
  job: string
  id?: string
  name: string
  uses?: string
  run?: string
  if?: string
  /** Raw `with:` values (unevaluated). */
  with: Record<string, string>
  /** Raw `env:` values (unevaluated). */
  env: Record<string, string>
  /** Raw `working-directory:` of a `run:` step. */
  workingDirectory?: string
  shell?: string
  continueOnError: boolean
  /** Raw `timeout-minutes:`. */
  timeoutMinutes?: string
}

export interface WorkflowJob {
  id: string
  name: string
  needs: string[]
  /** Raw job `if:` (unevaluated); absent means `success()` of the jobs it needs. */
  if?: string
  /** Raw `environment:` (unevaluated): the job waits for that environment's protection rules. */
  environment?: string
  /** Raw `outputs:` (unevaluated). */
  outputs: Record<string, string>
  /** Raw job `env:`. */
  env: Record<string, string>
  /** Raw `concurrency:` group (unevaluated). */
  concurrency?: string
  /** Raw `timeout-minutes:` (default 360, as on GitHub). */
  timeoutMinutes?: string
  /** `defaults.run.working-directory` and `defaults.run.shell`. */
  defaultsRun: { workingDirectory?: string; shell?: string }
  /** A job that calls a reusable workflow (`uses: ./.github/workflows/x.yml`), with its raw `with:` and `secrets:`. */
  uses?: string
  with: Record<string, string>
  secrets?: 'inherit' | Record<string, string>
  steps: WorkflowStep[]
}

export interface Workflow {
  name: string
  path: string
  /** Jobs in an order that satisfies `needs`. */
  jobs: WorkflowJob[]
  /** workflow_dispatch inputs (undefined: the workflow cannot be dispatched). */
  dispatch?: Record<string, WorkflowInput>
  /** workflow_call inputs, secrets and outputs (undefined: the workflow cannot be called). */
  call?: {
    inputs: Record<string, WorkflowInput>
    secrets: Record<string, { required: boolean }>
    /** Raw output values (unevaluated, `jobs` context). */
    outputs: Record<string, string>
  }
  /**
   * `on.repository_dispatch`: the event types that start the workflow (`types: [...]`); an empty list = every type.
   * Undefined: repository_dispatch does not start it.
   */
  repositoryDispatch?: { types: string[] }
  /** workflow_dispatch inputs with their defaults as text (kept for callers of the earlier shape). */
  dispatchInputs: Record<
    string,
    { default?: string; required: boolean; type?: string }
  >
  /** Raw workflow `env:`. */
  env: Record<string, string>
  /** Raw workflow `concurrency:` group. */
  concurrency?: string
}

type Scalar = string | number | boolean
interface RawInput {
  default?: Scalar
  required?: boolean
  type?: string
  options?: Scalar[]
  description?: string
}
interface RawStep {
  id?: string
  name?: string
  uses?: string
  run?: string
  if?: Scalar
  with?: Record<string, unknown>
  env?: Record<string, unknown>
  'working-directory'?: string
  shell?: string
  'continue-on-error'?: Scalar
  'timeout-minutes'?: Scalar
}
interface RawJob {
  name?: string
  if?: Scalar
  needs?: string | string[]
  environment?: string | { name: string }
  outputs?: Record<string, string>
  env?: Record<string, unknown>
  concurrency?: string | { group: string }
  'timeout-minutes'?: Scalar
  defaults?: { run?: { 'working-directory'?: string; shell?: string } }
  uses?: string
  with?: Record<string, unknown>
  secrets?: 'inherit' | Record<string, unknown>
  steps?: RawStep[]
}
interface RawWorkflow {
  name?: string
  on?: {
    workflow_dispatch?: { inputs?: Record<string, RawInput> } | null
    repository_dispatch?: { types?: string | string[] } | null
    workflow_call?: {
      inputs?: Record<string, RawInput>
      secrets?: Record<string, { required?: boolean } | null>
      outputs?: Record<string, { value?: string }>
    } | null
  }
  env?: Record<string, unknown>
  concurrency?: string | { group: string }
  jobs?: Record<string, RawJob>
}

/**
 * Validates a workflow file with GitHub's own parser and schema (`@actions/workflow-parser`, the one behind the
 * Actions language service): unknown keys, wrong value types and malformed expressions are refused as GitHub refuses
 * the file ("Invalid workflow file").
 * @throws Error listing every error with its line and column.
 */
export function checkWorkflowSchema(path: string, text: string): void {
  const result = parseWorkflow(
    { name: path, content: text },
    new NoOperationTraceWriter()
  )
  const errors = result.context.errors.getErrors()
  if (errors.length > 0)
    throw new Error(
      `Invalid workflow file: ${errors.map((e) => e.message).join('; ')}`
    )
}

/** YAML scalars as the runner hands them to expressions and actions: text. */
function texts(
  map: Record<string, unknown> | undefined
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(map ?? {}).map(([k, v]) => [
      k,
      typeof v === 'string' ? v : JSON.stringify(v)
    ])
  )
}

function inputsOf(raw: Record<string, RawInput> | undefined) {
  return Object.fromEntries(
    Object.entries(raw ?? {}).map(([k, v]): [string, WorkflowInput] => [
      k,
      {
        type: v.type ?? 'string',
        required: v.required ?? false,
        ...(v.default === undefined ? {} : { default: v.default }),
        ...(v.options ? { options: v.options.map(String) } : {}),
        ...(v.description ? { description: v.description } : {})
      }
    ])
  )
}

const groupOf = (c: string | { group: string } | undefined) =>
  c === undefined ? undefined : typeof c === 'string' ? c : c.group

/**
 * Loads a workflow file: triggers (`workflow_dispatch`, `workflow_call` with inputs, secrets and outputs), `env`,
 * `concurrency`, and jobs with `needs`, `if`, `environment`, `outputs`, `env`, `timeout-minutes`, `defaults.run`,
 * reusable-workflow calls (`uses`, `with`, `secrets`) and steps, following GitHub's workflow syntax
 * (docs.github.com/actions/reference/workflows-and-actions/workflow-syntax). Expressions stay unevaluated.
 * @throws Error when GitHub's workflow schema refuses the file (see checkWorkflowSchema), a job needs an unknown job
 *   or the `needs` graph has a cycle.
 */
export function loadWorkflow(path: string): Workflow {
  const text = readFileSync(path, 'utf8')
  checkWorkflowSchema(path, text)
  const raw = parse(text) as RawWorkflow
  const rawJobs = raw.jobs ?? {}
  const jobs: WorkflowJob[] = Object.entries(rawJobs).map(([id, j]) => ({
    id,
    name: j.name ?? id,
    needs: j.needs === undefined ? [] : [j.needs].flat(),
    ...(j.if === undefined ? {} : { if: String(j.if) }),
    ...(j.environment === undefined
      ? {}
      : {
          environment:
            typeof j.environment === 'string'
              ? j.environment
              : j.environment.name
        }),
    outputs: j.outputs ?? {},
    env: texts(j.env),
    ...(groupOf(j.concurrency) === undefined
      ? {}
      : { concurrency: groupOf(j.concurrency) }),
    ...(j['timeout-minutes'] === undefined
      ? {}
      : { timeoutMinutes: String(j['timeout-minutes']) }),
    defaultsRun: {
      ...(j.defaults?.run?.['working-directory'] === undefined
        ? {}
        : { workingDirectory: j.defaults.run['working-directory'] }),
      ...(j.defaults?.run?.shell === undefined
        ? {}
        : { shell: j.defaults.run.shell })
    },
    ...(j.uses === undefined ? {} : { uses: j.uses }),
    with: texts(j.with),
    ...(j.secrets === undefined
      ? {}
      : {
          secrets:
            j.secrets === 'inherit' ? ('inherit' as const) : texts(j.secrets)
        }),
    steps: (j.steps ?? []).map((s, i) => ({
      job: id,
      ...(s.id === undefined ? {} : { id: s.id }),
      name: s.name ?? s.uses ?? s.run?.split('\n')[0] ?? `step ${i + 1}`,
      ...(s.uses === undefined ? {} : { uses: s.uses }),
      ...(s.run === undefined ? {} : { run: s.run }),
      ...(s.if === undefined ? {} : { if: String(s.if) }),
      with: texts(s.with),
      env: texts(s.env),
      ...(s['working-directory'] === undefined
        ? {}
        : { workingDirectory: s['working-directory'] }),
      ...(s.shell === undefined ? {} : { shell: s.shell }),
      continueOnError: String(s['continue-on-error'] ?? false) === 'true',
      ...(s['timeout-minutes'] === undefined
        ? {}
        : { timeoutMinutes: String(s['timeout-minutes']) })
    }))
  }))
  const ordered: WorkflowJob[] = []
  const visiting = new Set<string>()
  const visit = (job: WorkflowJob) => {
    if (ordered.includes(job)) return
    if (visiting.has(job.id))
      throw new Error(`${path}: jobs form a cycle at "${job.id}"`)
    visiting.add(job.id)
    for (const n of job.needs) {
      const dep = jobs.find((j) => j.id === n)
      if (!dep)
        throw new Error(`${path}: job "${job.id}" needs unknown job "${n}"`)
      visit(dep)
    }
    ordered.push(job)
  }
  jobs.forEach(visit)
  // `on:` may be an event name, a list of names or a map (workflow syntax, `on`)
  const rawOn = raw.on as RawWorkflow['on'] | string | string[] | undefined
  const on: NonNullable<RawWorkflow['on']> =
    typeof rawOn === 'string' || Array.isArray(rawOn)
      ? Object.fromEntries([rawOn].flat().map((e) => [e, null]))
      : (rawOn ?? {})
  const dispatch =
    'workflow_dispatch' in on
      ? inputsOf(on.workflow_dispatch?.inputs)
      : undefined
  const call =
    'workflow_call' in on
      ? {
          inputs: inputsOf(on.workflow_call?.inputs),
          secrets: Object.fromEntries(
            Object.entries(on.workflow_call?.secrets ?? {}).map(([k, v]) => [
              k,
              { required: v?.required ?? false }
            ])
          ),
          outputs: Object.fromEntries(
            Object.entries(on.workflow_call?.outputs ?? {}).map(([k, v]) => [
              k,
              v.value ?? ''
            ])
          )
        }
      : undefined
  const dispatchInputs = Object.fromEntries(
    Object.entries(dispatch ?? {}).map(([k, v]) => [
      k,
      {
        ...(v.default === undefined ? {} : { default: String(v.default) }),
        type: v.type,
        required: v.required
      }
    ])
  )
  const concurrency = groupOf(raw.concurrency)
  const repositoryDispatch =
    'repository_dispatch' in on
      ? {
          types: [on.repository_dispatch?.types ?? []].flat().map(String)
        }
      : undefined
  return {
    name: raw.name ?? path,
    path,
    jobs: ordered,
    ...(dispatch ? { dispatch } : {}),
    ...(repositoryDispatch ? { repositoryDispatch } : {}),
    ...(call ? { call } : {}),
    dispatchInputs,
    env: texts(raw.env),
    ...(concurrency === undefined ? {} : { concurrency })
  }
}

/** The status of the job so far, for `success()`, `failure()`, `cancelled()`, `always()`. */
export type JobStatus = 'success' | 'failure' | 'cancelled'

const CONTEXTS = [
  'github',
  'inputs',
  'vars',
  'env',
  'steps',
  'needs',
  'jobs',
  'runner',
  'secrets',
  'matrix',
  'strategy',
  'job'
]

function statusFunctions(status: JobStatus) {
  const fn = (name: string, value: () => boolean) => ({
    name,
    minArgs: 0,
    maxArgs: 0,
    call: (): ExpressionData => new data.BooleanData(value())
  })
  return [
    fn('success', () => status === 'success'),
    fn('failure', () => status === 'failure'),
    fn('cancelled', () => status === 'cancelled'),
    fn('always', () => true)
  ]
}

/**
 * Evaluates one expression (the text inside `${{ }}`) against plain-JSON contexts.
 * @throws Error naming the expression when it does not parse or evaluate.
 */
export function evaluateExpression(
  expression: string,
  contexts: Record<string, unknown>,
  status: JobStatus = 'success'
): ExpressionData {
  const funcs = statusFunctions(status)
  const lexed = new Lexer(expression).lex()
  const ast = new Parser(lexed.tokens, CONTEXTS, funcs).parse()
  const context = JSON.parse(
    JSON.stringify(
      Object.fromEntries(CONTEXTS.map((c) => [c, contexts[c] ?? {}]))
    ),
    data.reviver
  ) as data.Dictionary
  return new Evaluator(
    ast,
    context,
    new Map(funcs.map((f) => [f.name.toLowerCase(), f]))
  ).evaluate()
}

/** Replaces every `${{ expr }}` in `text` by its string value (GitHub's coercion: null → ''). */
export function evaluateTemplate(
  text: string,
  contexts: Record<string, unknown>
): string {
  return text.replace(/\$\{\{([\s\S]*?)\}\}/g, (_m, expr: string) =>
    evaluateExpression(expr.trim(), contexts).coerceString()
  )
}

/** Evaluates a step or job `if:` (bare or wrapped in `${{ }}`); no `if` means `success()`. */
export function evaluateCondition(
  condition: string | undefined,
  contexts: Record<string, unknown>,
  status: JobStatus
): boolean {
  if (condition === undefined) return status === 'success'
  const bare = /^\s*\$\{\{([\s\S]*)\}\}\s*$/.exec(condition)?.[1] ?? condition
  const usesStatus = /\b(success|failure|cancelled|always)\s*\(/.test(bare)
  const value = truthy(evaluateExpression(bare, contexts, status))
  return usesStatus ? value : status === 'success' && value
}

/** `rollback-actions/rollback-actions/actions/<id>@<ref>` → `<id>`; anything else → undefined. */
export function suiteActionId(uses: string | undefined): string | undefined {
  return uses
    ? /^rollback-actions\/rollback-actions\/actions\/([a-z0-9-]+)@/.exec(
        uses
      )?.[1]
    : undefined
}

/**
 * Evaluates a value the way the runner types `with:` values of a reusable-workflow call: a value that is exactly one
 * `${{ }}` keeps the expression's type (boolean, number); anything else is a string template.
 */
export function evaluateValue(
  text: string,
  contexts: Record<string, unknown>
): InputValue {
  const whole = /^\s*\$\{\{([\s\S]*)\}\}\s*$/.exec(text)?.[1]
  if (whole === undefined || whole.includes('${{'))
    return evaluateTemplate(text, contexts)
  const value = evaluateExpression(whole.trim(), contexts)
  if (value instanceof data.BooleanData) return value.value
  if (value instanceof data.NumberData) return value.value
  return value.coerceString()
}
