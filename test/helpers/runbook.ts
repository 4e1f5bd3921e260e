/**
 * The runbook cannot drift: checks docs/runbook.md against the files it describes. What is checked and the form the
 * runbook writes it in:
 * - every `gh workflow run` line: the shared dispatch check of workflow-examples.ts (required inputs, no unknown key);
 * - "Inputs of `x.yml`…" paragraphs: every input named outside parentheses is a workflow_dispatch input of x.yml, every
 *   value named inside parentheses is in that workflow's input descriptions or options, and together the paragraphs
 *   name every dispatch input of each workflow they list;
 * - "the `x.yml` input `y`", "action `x` … input `y`": that input of that workflow or action.yml;
 * - "action `x`": an action folder with action.yml; "job `x`": a job id of a workflow; `x.yml`: a workflow template;
 *   backticked paths: files of the repository; `vars.X`, `secrets.X` and `<X>`: used by a workflow template;
 * - the trigger tables: exactly the trigger ids of packages/health/rules/rollback-triggers.yml, each with its `for:`;
 * - Markdown links: the file exists, the #anchor is a heading (GitHub's slugs).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { loadWorkflow, type Workflow } from '@rollback-actions/drill'
import { checkExample, findExamples } from './workflow-examples.js'

interface ActionYaml {
  inputs?: Record<string, unknown>
}

interface RulesYaml {
  groups: { rules: { for?: string; labels: { trigger_id: string } }[] }[]
}

/** The files the runbook is checked against, read from `root` (the repository, or a scratch copy in tests). */
interface Facts {
  workflows: Map<string, Workflow>
  workflowTexts: string
  actions: Map<string, Set<string>>
}

function readFacts(root: string): Facts {
  const dir = join(root, 'workflows-templates')
  const workflows = new Map<string, Workflow>()
  let workflowTexts = ''
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.yml'))) {
    workflows.set(name, loadWorkflow(join(dir, name)))
    workflowTexts += readFileSync(join(dir, name), 'utf8')
  }
  const actions = new Map<string, Set<string>>()
  for (const name of readdirSync(join(root, 'actions'))) {
    const file = join(root, 'actions', name, 'action.yml')
    if (!existsSync(file)) continue
    const yaml = parse(readFileSync(file, 'utf8')) as ActionYaml
    actions.set(name, new Set(Object.keys(yaml.inputs ?? {})))
  }
  return { workflows, workflowTexts, actions }
}

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens. */
export function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-')
}

const backticked = (text: string): string[] =>
  [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? '')

/** Text outside fenced code blocks, with the line number of each line kept by blanking the fences' content. */
function prose(text: string): string {
  let inFence = false
  return text
    .split('\n')
    .map((line) => {
      if (/^\s*```/.test(line)) {
        inFence = !inFence
        return ''
      }
      return inFence ? '' : line
    })
    .join('\n')
}

/** Paragraphs of prose: a blank line, a list item, a table row or a heading starts a new one; lines are joined. */
function paragraphs(text: string): string[] {
  const out: string[][] = [[]]
  for (const line of prose(text).split('\n')) {
    if (!line.trim() || /^\s*(\d+\.|-|\||#+)\s/.test(line)) out.push([])
    if (line.trim()) out.at(-1)?.push(line.trim().replace(/^(\d+\.|-)\s+/, ''))
  }
  return out.map((p) => p.join(' ')).filter(Boolean)
}

/** The `description` and `options` text of a workflow's dispatch inputs: where values may be named. */
function inputValuesText(workflow: Workflow): string {
  return Object.values(workflow.dispatch ?? {})
    .map((i) => JSON.stringify(i))
    .join('\n')
}

function checkInputsParagraphs(text: string, facts: Facts): string[] {
  const findings: string[] = []
  const named = new Map<string, Set<string>>()
  for (const p of paragraphs(text)) {
    const m = /^Inputs of `([^`]+\.yml)`/.exec(p)
    if (!m?.[1]) continue
    const file = m[1]
    const workflow = facts.workflows.get(file)
    if (!workflow?.dispatch) {
      findings.push(`"Inputs of ${file}": no dispatchable workflow`)
      continue
    }
    const seen = named.get(file) ?? new Set<string>()
    named.set(file, seen)
    const rest = p.slice(m[0].length)
    const outside = rest.replace(/\([^)]*\)/g, '')
    const inside = [...rest.matchAll(/\(([^)]*)\)/g)]
      .map((x) => x[1] ?? '')
      .join(' ')
    for (const token of backticked(outside)) {
      if (token.startsWith('vars.')) continue
      if (token in workflow.dispatch) seen.add(token)
      else
        findings.push(
          `${file}: the runbook names input "${token}", which it does not have`
        )
    }
    const values = inputValuesText(workflow)
    for (const token of backticked(inside)) {
      if (token.startsWith('vars.')) continue
      if (!values.includes(token))
        findings.push(
          `${file}: the runbook names the value "${token}", which no input of it describes`
        )
    }
  }
  for (const [file, seen] of named) {
    const missing = Object.keys(
      facts.workflows.get(file)?.dispatch ?? {}
    ).filter((i) => !seen.has(i))
    if (missing.length)
      findings.push(
        `${file}: inputs missing from the runbook: ${missing.join(', ')}`
      )
  }
  return findings
}

function checkReferences(text: string, facts: Facts, root: string): string[] {
  const findings: string[] = []
  const body = prose(text)
  const jobs = new Set(
    [...facts.workflows.values()].flatMap((w) => w.jobs.map((j) => j.id))
  )
  for (const m of body.matchAll(/`([\w.-]+\.yml)`\s+input\s+`([^`]+)`/g)) {
    const [, file = '', input = ''] = m
    if (!(input in (facts.workflows.get(file)?.dispatch ?? {})))
      findings.push(
        `${file}: the runbook names input "${input}", which it does not have`
      )
  }
  for (const m of body.matchAll(
    /\baction `([a-z-]+)`([^.]*?)\binputs? `([^`]+)`/g
  )) {
    const [, action = '', , input = ''] = m
    if (!facts.actions.get(action)?.has(input))
      findings.push(
        `action ${action}: the runbook names input "${input}", which its action.yml does not have`
      )
  }
  for (const m of body.matchAll(/\b(?:the )?actions? `([a-z-]+)`/g)) {
    const action = m[1] ?? ''
    if (!facts.actions.has(action))
      findings.push(
        `the runbook names action "${action}", which has no actions/${action}/action.yml`
      )
  }
  for (const m of body.matchAll(/\bjob `([a-z-]+)`/g)) {
    if (!jobs.has(m[1] ?? ''))
      findings.push(`the runbook names job "${m[1]}", which no workflow has`)
  }
  for (const token of backticked(body)) {
    if (
      /^[\w.-]+\.yml$/.test(token) &&
      token !== 'action.yml' &&
      !facts.workflows.has(token)
    )
      findings.push(
        `the runbook names workflow "${token}", which is not in workflows-templates/`
      )
    else if (
      /^[\w.-]+(\/[\w.-]+)+\.(md|ts|yml|yaml|mjs|json)$/.test(token) &&
      !existsSync(join(root, token))
    )
      findings.push(
        `the runbook names the file "${token}", which does not exist`
      )
  }
  for (const m of text.matchAll(/\b(vars|secrets)\.([A-Z][A-Z0-9_]*)/g)) {
    if (!facts.workflowTexts.includes(`${m[1]}.${m[2]}`))
      findings.push(`the runbook names ${m[1]}.${m[2]}, which no workflow uses`)
  }
  for (const m of text.matchAll(/<([A-Z][A-Z0-9_]+)>/g)) {
    if (!facts.workflowTexts.includes(`vars.${m[1]}`))
      findings.push(
        `the runbook names the variable ${m[1]}, which no workflow uses`
      )
  }
  return findings
}

/** `5m` → `5 minutes`, `1m` → `1 minute`. */
function minutes(duration: string): string {
  const n = Number(/^(\d+)m$/.exec(duration)?.[1])
  return `${n} minute${n === 1 ? '' : 's'}`
}

function checkTriggers(text: string, root: string): string[] {
  const rules = parse(
    readFileSync(
      join(root, 'packages/health/rules/rollback-triggers.yml'),
      'utf8'
    )
  ) as RulesYaml
  const expected = new Map<string, string>()
  for (const rule of rules.groups.flatMap((g) => g.rules))
    expected.set(rule.labels.trigger_id, minutes(rule.for ?? '0m'))
  const rows = new Map<string, string>()
  for (const m of text.matchAll(/^\| `([a-z0-9-]+)` \|(.*)\|\s*$/gm)) {
    const cells = (m[2] ?? '').split('|').map((c) => c.trim())
    rows.set(m[1] ?? '', cells.at(-1) ?? '')
  }
  const findings: string[] = []
  for (const [id, decision] of expected) {
    const row = rows.get(id)
    if (row === undefined)
      findings.push(`trigger ${id} is missing from the runbook`)
    else if (!row.startsWith(decision))
      findings.push(
        `trigger ${id}: the runbook says "${row}", the rule says ${decision}`
      )
  }
  for (const id of rows.keys())
    if (/^(error|total|db|br|latency)-/.test(id) && !expected.has(id))
      findings.push(
        `trigger ${id} is in the runbook but not in rollback-triggers.yml`
      )
  return findings
}

function checkLinks(text: string, root: string, where: string): string[] {
  const headings = new Set(
    [...text.matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1] ?? ''))
  )
  const findings: string[] = []
  for (const m of prose(text).matchAll(/\]\(([^)\s]+)\)/g)) {
    const target = m[1] ?? ''
    if (/^https?:/.test(target)) continue
    if (target.startsWith('#')) {
      if (!headings.has(target.slice(1)))
        findings.push(`link ${target}: no such heading`)
    } else if (!existsSync(join(root, where, target.split('#')[0] ?? '')))
      findings.push(`link ${target}: no such file`)
  }
  return findings
}

/**
 * Every finding of the runbook against the repository at `root`.
 * @param text the runbook's Markdown.
 * @returns one line per mismatch; empty when the runbook matches the files.
 */
export function checkRunbook(root: string, text: string): string[] {
  const facts = readFacts(root)
  const templateDir = join(root, 'workflows-templates')
  return [
    ...findExamples('docs/runbook.md', text).flatMap((e) =>
      checkExample(e, templateDir)
    ),
    ...checkInputsParagraphs(text, facts),
    ...checkReferences(text, facts, root),
    ...checkTriggers(text, root),
    ...checkLinks(text, root, 'docs')
  ]
}
