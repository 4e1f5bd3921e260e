/**
 * Examples cannot drift: every `gh workflow run` command in README.md, docs/ and the workflow templates' header
 * comments is checked against the workflow it names, the way GitHub checks a workflow_dispatch request
 * (docs.github.com/rest/actions/workflows#create-a-workflow-dispatch-event answers 422): every required input given,
 * no unknown `-f`/`-F` key, choice and boolean values valid.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import {
  checkExample,
  findExamples,
  ROOT,
  TEMPLATE_DIR
} from '../helpers/workflow-examples.js'

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
