/**
 * Examples cannot drift: every `gh workflow run` command in README.md, docs/ and the workflow templates' header
 * comments is checked against the workflow it names, the way GitHub checks a workflow_dispatch request
 * (docs.github.com/rest/actions/workflows#create-a-workflow-dispatch-event answers 422): every required input given,
 * no unknown `-f`/`-F` key, choice and boolean values valid.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { loadWorkflow, typedInputs } from '@rollback-actions/drill'

const ROOT = join(import.meta.dirname, '..', '..')
const TEMPLATE_DIR = join(ROOT, 'workflows-templates')

/** One `gh workflow run` command as written in a file (continuation lines joined). */
interface Example {
  where: string
  command: string
}

/**
 * Finds the `gh workflow run` commands of a text: Markdown lines and `#` comment lines, with `\` continuations; a
 * leading `$ ` prompt or `#` comment marker is dropped.
 */
function findExamples(where: string, text: string): Example[] {
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
function words(command: string): string[] {
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
function checkExample(example: Example): string[] {
  const argv = words(example.command).slice(3)
  const file = argv.shift() ?? ''
  const path = join(TEMPLATE_DIR, file)
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

const sources = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((n) => n.endsWith('.md'))
    .map((n) => `docs/${n}`),
  ...readdirSync(TEMPLATE_DIR)
    .filter((n) => /\.ya?ml$/.test(n))
    .map((n) => `workflows-templates/${n}`)
]
const examples = sources.flatMap((s) =>
  findExamples(s, readFileSync(join(ROOT, s), 'utf8'))
)

describe('gh workflow run examples', () => {
  it('finds an example in the header of every dispatchable template', () => {
    const headers = new Set(
      examples
        .filter((e) => e.where.startsWith('workflows-templates/'))
        .map((e) => e.where.split(':')[0])
    )
    expect([...headers].sort()).toEqual(
      sources.filter((s) => s.startsWith('workflows-templates/')).sort()
    )
  })

  it.each(examples.map((e) => [e.where, e] as const))(
    '%s is accepted by the workflow it names',
    (_where, example) => {
      expect(checkExample(example)).toEqual([])
    }
  )

  it.each([
    [
      'a required input missing',
      'gh workflow run rollback-database.yml -f environment=production -f source-server=prod-db -f restore-point=latest',
      "Required input 'database' not provided"
    ],
    [
      'an unknown key',
      'gh workflow run rollback-application.yml -f environment=staging -f service=api -f servce=api',
      'Unexpected inputs provided: ["servce"]'
    ],
    [
      'a choice outside its options',
      'gh workflow run rollback-application.yml -f environment=prod -f service=api',
      "Provided value 'prod' for input 'environment' not in the list of allowed values"
    ],
    [
      'a boolean that is not true or false',
      "gh workflow run rollback-application.yml -f environment=staging -f service=api -f post-mortem='yes please'",
      "Provided value 'yes please' for input 'post-mortem' is not a boolean"
    ],
    [
      'a workflow that does not exist',
      'gh workflow run rollback-everything.yml',
      'rollback-everything.yml is not a workflow in workflows-templates/'
    ]
  ])('refuses %s', (_what, command, message) => {
    expect(checkExample({ where: 'x.md:1', command }).join('\n')).toContain(
      message
    )
  })

  it('refuses the header example of rollback-database.yml as it was before issue #9 (three required inputs missing)', () => {
    const [example] = findExamples(
      'rollback-database.before-issue-9.yml',
      readFileSync(
        join(
          ROOT,
          'test/fixtures/workflows/rollback-database.before-issue-9.yml'
        ),
        'utf8'
      )
    )
    expect(example && checkExample(example)).toEqual([
      "rollback-database.before-issue-9.yml:14: rollback-database.yml: Required input 'database' not provided"
    ])
  })

  it('joins continuation lines of a comment block', () => {
    const found = findExamples(
      'w.yml',
      '# Start it:\n#   gh workflow run a.yml -f x=1 \\\n#     -f y=2\n# or call it.\n'
    )
    expect(found).toEqual([
      { where: 'w.yml:2', command: 'gh workflow run a.yml -f x=1 -f y=2' }
    ])
  })
})
