import { readFileSync } from 'node:fs'
import { data, Evaluator, Lexer, Parser } from '@actions/expressions'
import { truthy } from '@actions/expressions/result'
import { parse } from 'yaml'

type ExpressionData = data.ExpressionData

/**
 * Reads a workflow template and evaluates its `${{ }}` expressions with GitHub's own expression engine
 * (`@actions/expressions`), so that the drill runs the workflow's steps with exactly the inputs the workflow gives
 * them: the drill cannot drift from the workflow.
 */

export interface WorkflowStep {
  job: string
  id?: string
  name: string
  uses?: string
  run?: string
  if?: string
  /** Raw `with:` values (unevaluated). */
  with: Record<string, string>
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
  steps: WorkflowStep[]
}

export interface Workflow {
  name: string
  path: string
  /** Jobs in an order that satisfies `needs`. */
  jobs: WorkflowJob[]
  /** workflow_dispatch inputs with their defaults. */
  dispatchInputs: Record<
    string,
    { default?: string; required: boolean; type?: string }
  >
}

interface RawStep {
  id?: string
  name?: string
  uses?: string
  run?: string
  if?: string | boolean
  with?: Record<string, unknown>
}
interface RawJob {
  name?: string
  if?: string | boolean
  needs?: string | string[]
  environment?: string | { name: string }
  outputs?: Record<string, string>
  steps?: RawStep[]
}
interface RawWorkflow {
  name?: string
  on?: {
    workflow_dispatch?: {
      inputs?: Record<
        string,
        {
          default?: string | number | boolean
          required?: boolean
          type?: string
        }
      >
    }
  }
  jobs?: Record<string, RawJob>
}

function scalarText(value: string | number | boolean): string {
  return String(value)
}

/**
 * Loads a workflow file.
 * @throws Error when a job needs an unknown job or the `needs` graph has a cycle.
 */
export function loadWorkflow(path: string): Workflow {
  const raw = parse(readFileSync(path, 'utf8')) as RawWorkflow
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
    steps: (j.steps ?? []).map((s, i) => ({
      job: id,
      ...(s.id === undefined ? {} : { id: s.id }),
      name: s.name ?? s.id ?? s.uses ?? `step ${i + 1}`,
      ...(s.uses === undefined ? {} : { uses: s.uses }),
      ...(s.run === undefined ? {} : { run: s.run }),
      ...(s.if === undefined ? {} : { if: String(s.if) }),
      with: Object.fromEntries(
        Object.entries(s.with ?? {}).map(([k, v]) => [k, String(v)])
      )
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
  const dispatchInputs = Object.fromEntries(
    Object.entries(raw.on?.workflow_dispatch?.inputs ?? {}).map(([k, v]) => [
      k,
      {
        ...(v.default === undefined ? {} : { default: scalarText(v.default) }),
        ...(v.type === undefined ? {} : { type: v.type }),
        required: v.required ?? false
      }
    ])
  )
  return { name: raw.name ?? path, path, jobs: ordered, dispatchInputs }
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
