/**
 * The `gh workflow run` checks shared by test/contract/workflow-examples.test.ts and test/contract/runbook.test.ts:
 * each command is checked against the workflow it names, the way GitHub checks a workflow_dispatch request
 * (docs.github.com/rest/actions/workflows#create-a-workflow-dispatch-event answers 422).
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { loadWorkflow, typedInputs } from '@rollback-actions/drill'

export const ROOT = join(import.meta.dirname, '..', '..')
export const TEMPLATE_DIR = join(ROOT, 'workflows-templates')

/** One `gh workflow run` command as written in a file (continuation lines joined). */
export interface Example {
  where: string
  command: string
}

/**
 * Finds the `gh workflow run` commands of a text: Markdown lines and `#` comment lines, with `\` continuations; a
 * leading `$ ` prompt or `#` comment marker is dropped.
 */
export function findExamples(where: string, text: string): Example[] {
  const lines = text
    .split('\n')
    .map((l) => l.replace(/^\s*#\s?/, '').replace(/^\s*\$\s+/, ''))
  const found: Example[] = []
  lines.forEach((line, i) => {
    const at = line.indexOf('gh workflow run')
    if (at < 0) return
    let command = line.slice(at)
    let j = i
    while (command.trimEnd().endsWith('\\') && j + 1 < lines.length) {
      j++
      command = `${command.trimEnd().slice(0, -1).trimEnd()} ${(lines[j] ?? '').trim()}`
    }
    found.push({ where: `${where}:${i + 1}`, command: command.trim() })
  })
  return found
}

/** Splits a shell command into words: whitespace separates, single and double quotes group (no expansion). */
export function words(command: string): string[] {
  const out: string[] = []
  let current: string | undefined
  for (let i = 0; i < command.length; i++) {
    const c = command[i] ?? ''
    if (c === "'" || c === '"') {
      const end = command.indexOf(c, i + 1)
      const stop = end < 0 ? command.length : end
      current = (current ?? '') + command.slice(i + 1, stop)
      i = stop
    } else if (/\s/.test(c)) {
      if (current !== undefined) out.push(current)
      current = undefined
    } else current = (current ?? '') + c
  }
  if (current !== undefined) out.push(current)
  return out
}

/**
 * Checks one example: the workflow exists in workflows-templates/, its fields are `-f`/`-F`/`--field`/
 * `--raw-field` key=value pairs, and the inputs pass GitHub's dispatch checks.
 * @returns findings, empty when GitHub would accept the dispatch.
 */
export function checkExample(
  example: Example,
  templateDir: string = TEMPLATE_DIR
): string[] {
  const argv = words(example.command).slice(3)
  const file = argv.shift() ?? ''
  const path = join(templateDir, file)
  if (!existsSync(path))
    return [
      `${example.where}: ${file || '(none)'} is not a workflow in workflows-templates/`
    ]
  const findings: string[] = []
  const inputs: Record<string, string> = {}
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] ?? ''
    if (['-f', '-F', '--field', '--raw-field'].includes(flag)) {
      const pair = argv[++i] ?? ''
      const eq = pair.indexOf('=')
      if (eq < 1)
        findings.push(`${example.where}: "${flag} ${pair}" is not key=value`)
      else inputs[pair.slice(0, eq)] = pair.slice(eq + 1)
    } else if (['--ref', '-r', '--repo', '-R'].includes(flag)) i++
    else findings.push(`${example.where}: unexpected argument "${flag}"`)
  }
  try {
    typedInputs(loadWorkflow(path), 'workflow_dispatch', inputs)
  } catch (error) {
    findings.push(`${example.where}: ${(error as Error).message}`)
  }
  return findings
}
