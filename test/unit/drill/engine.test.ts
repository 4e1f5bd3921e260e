import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import {
  executeWorkflow,
  loadWorkflow,
  WorkflowInputError,
  type ExecuteOptions,
  type WorkflowExecution
} from '@rollback-actions/drill'

// The workflow engine on small workflow files written here: what the runner does with run: steps, runner files,
// conditions, inputs, reusable workflows, timeouts and the third-party actions the rollback workflows use.
const dir = mkdtempSync(join(tmpdir(), 'engine-test-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

let count = 0
function workflowFile(text: string, name = `wf-${++count}.yml`): string {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}

const GUID = '8f1b6c2e-3d4a-4f5b-9c6d-7e8f9a0b1c2d'

async function run(
  text: string,
  options: Partial<ExecuteOptions> = {}
): Promise<WorkflowExecution> {
  return executeWorkflow(loadWorkflow(workflowFile(text)), {
    inputs: {},
    vars: {},
    github: { repository: 'warranty-hub/platform', run_id: '7', actor: 'sre' },
    env: { PATH: process.env.PATH },
    approve: () => Promise.resolve({ approvedBy: 'lead' }),
    workflowsDir: dir,
    ...options
  })
}

const stepsOf = (e: WorkflowExecution, job: string) =>
  e.reports[0]?.jobs.find((j) => j.id === job)?.steps ?? []

describe('run: steps and the runner files', () => {
  it('passes GITHUB_OUTPUT, GITHUB_ENV, GITHUB_PATH and RUNNER_TEMP on to later steps and job outputs', async () => {
    const e = await run(`
on: workflow_dispatch
env:
  LEVEL: workflow
jobs:
  a:
    runs-on: ubuntu-latest
    env:
      LEVEL: job
    outputs:
      greeting: \${{ steps.one.outputs.greeting }}
      level: \${{ steps.two.outputs.level }}
    steps:
      - id: one
        run: |
          echo "greeting=hello" >> "$GITHUB_OUTPUT"
          echo "EXPORTED=from-one" >> "$GITHUB_ENV"
          mkdir -p "$RUNNER_TEMP/bin" && printf '#!/bin/sh\\necho tool-ran\\n' > "$RUNNER_TEMP/bin/drilltool" && chmod +x "$RUNNER_TEMP/bin/drilltool"
          echo "$RUNNER_TEMP/bin" >> "$GITHUB_PATH"
          echo "## summary" >> "$GITHUB_STEP_SUMMARY"
      - id: two
        env:
          LEVEL: step
        run: |
          test "$EXPORTED" = from-one
          test "$(drilltool)" = tool-ran
          echo "level=$LEVEL" >> "$GITHUB_OUTPUT"
`)
    expect(e.status).toBe('success')
    expect(e.jobs.a?.outputs).toEqual({ greeting: 'hello', level: 'step' })
    expect(e.runs[0]?.summary).toBe('## summary\n')
    expect(stepsOf(e, 'a').map((s) => s.outcome)).toEqual([
      'success',
      'success'
    ])
  })

  it('fails the step on a failing command (bash -e), then runs only failure() and always() steps', async () => {
    const e = await run(`
on: workflow_dispatch
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: |
          false
          echo not reached
      - run: echo skipped
      - if: failure()
        run: echo on failure
      - if: \${{ always() }}
        run: echo always
`)
    expect(e.status).toBe('failure')
    expect(stepsOf(e, 'a').map((s) => s.outcome)).toEqual([
      'failure',
      'skipped',
      'success',
      'success'
    ])
    expect(e.runs[0]?.stdout).not.toContain('not reached')
  })

  it('shows secret values as *** in the log', async () => {
    const lines: string[] = []
    const e = await run(
      `
on: workflow_dispatch
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - env:
          T: \${{ secrets.DB_PASSWORD }}
        run: echo "password is $T"
`,
      {
        secrets: { DB_PASSWORD: 'hunter2-secret' },
        onLine: (l) => lines.push(l)
      }
    )
    expect(e.status).toBe('success')
    expect(lines).toContain('  password is ***')
    expect(lines.join('\n')).not.toContain('hunter2-secret')
  })

  it('cancels a step past its timeout-minutes', async () => {
    const e = await run(`
on: workflow_dispatch
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - timeout-minutes: 0.02
        run: sleep 30
`)
    expect(e.status).toBe('failure')
    expect(stepsOf(e, 'a')[0]?.note).toMatch(/cancelled after \d+ s/)
    // the whole process group is killed, not only the shell
    expect(e.runs[0]?.durationMs).toBeLessThan(10_000)
  })
})

describe('jobs: needs and if', () => {
  const text = `
on: workflow_dispatch
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: exit 3
  deploy:
    needs: build
    runs-on: ubuntu-latest
    steps:
      - run: echo deploy
  cleanup:
    needs: deploy
    if: \${{ !cancelled() }}
    runs-on: ubuntu-latest
    steps:
      - run: echo cleanup
  notify:
    needs: deploy
    if: failure()
    runs-on: ubuntu-latest
    steps:
      - run: echo notify
`
  it('skips the jobs that need a failed job unless their if: asks for failure() or !cancelled()', async () => {
    const e = await run(text)
    expect(e.reports[0]?.jobs.map((j) => [j.id, j.result])).toEqual([
      ['build', 'failure'],
      ['deploy', 'skipped'],
      ['cleanup', 'success'],
      ['notify', 'success']
    ])
    expect(e.reports[0]?.conclusion).toBe('failure')
  })
})

describe('inputs (workflow_dispatch is refused as GitHub refuses it, HTTP 422)', () => {
  const text = `
on:
  workflow_dispatch:
    inputs:
      environment:
        type: choice
        options: [staging, production]
        required: true
      dry:
        type: boolean
        default: true
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - env:
          DRY: \${{ inputs.dry && 'yes' || 'no' }}
        run: test "$DRY" = no
`
  it.each([
    [{}, "Required input 'environment' not provided"],
    [{ environment: 'prod' }, "Provided value 'prod' for input 'environment'"],
    [{ environment: 'staging', envronment: 'x' }, 'Unexpected inputs provided']
  ])('refuses %j before any job runs', async (inputs, message) => {
    const approve = () => Promise.reject(new Error('no job may start'))
    await expect(run(text, { inputs, approve })).rejects.toThrow(message)
    await expect(run(text, { inputs, approve })).rejects.toBeInstanceOf(
      WorkflowInputError
    )
  })

  it('types a boolean input (false is false in expressions)', async () => {
    const e = await run(text, {
      inputs: { environment: 'staging', dry: 'false' }
    })
    expect(e.status).toBe('success')
    expect(e.reports[0]?.inputs).toEqual({ environment: 'staging', dry: false })
  })
})

describe('reusable workflows (uses: ./.github/workflows/…)', () => {
  it('runs the called workflow as workflow_call with typed inputs, secrets and its outputs', async () => {
    workflowFile(
      `
on:
  workflow_call:
    inputs:
      who:
        type: string
        required: true
      loud:
        type: boolean
        default: false
    secrets:
      TOKEN:
        required: true
    outputs:
      said:
        value: \${{ jobs.speak.outputs.said }}
jobs:
  speak:
    runs-on: ubuntu-latest
    environment: staging
    outputs:
      said: \${{ steps.s.outputs.said }}
    steps:
      - id: s
        env:
          WHO: \${{ inputs.who }}
          LOUD: \${{ inputs.loud }}
          TOKEN: \${{ secrets.TOKEN }}
        run: |
          test "$LOUD" = true && test -n "$TOKEN"
          echo "said=hello $WHO" >> "$GITHUB_OUTPUT"
`,
      'called.yml'
    )
    const approvals: string[] = []
    const e = await run(
      `
on: workflow_dispatch
jobs:
  call:
    uses: ./.github/workflows/called.yml
    with:
      who: drill
      loud: \${{ true }}
    secrets:
      TOKEN: \${{ secrets.MY_TOKEN }}
  after:
    needs: call
    runs-on: ubuntu-latest
    steps:
      - env:
          SAID: \${{ needs.call.outputs.said }}
        run: test "$SAID" = "hello drill"
`,
      {
        secrets: { MY_TOKEN: 's3cr3t-token' },
        approve: (job, environment) => {
          approvals.push(`${job}:${environment}`)
          return Promise.resolve({ approvedBy: 'lead' })
        }
      }
    )
    expect(e.status).toBe('success')
    expect(approvals).toEqual(['speak:staging'])
    expect(e.reports.map((r) => [r.file.split('/').at(-1), r.trigger])).toEqual(
      [
        [expect.stringMatching(/^wf-\d+\.yml$/), 'workflow_dispatch'],
        ['called.yml', 'workflow_call']
      ]
    )
    expect(e.reports[0]?.jobs[0]).toMatchObject({
      id: 'call',
      result: 'success',
      calls: expect.stringContaining('called.yml')
    })
    expect(e.reports[1]?.jobs[0]?.approved_by).toBe('lead')
    expect(e.reports[1]?.outputs).toEqual({ said: 'hello drill' })
  })
})

describe('concurrency and called-workflow secrets', () => {
  it('queues a second run of the same concurrency group until the first ends', async () => {
    const text = `
on: workflow_dispatch
concurrency:
  group: rollback-\${{ github.repository }}
  cancel-in-progress: false
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: sleep 1
`
    const [first, second] = await Promise.all([run(text), run(text)])
    const span = (e?: WorkflowExecution) => e?.reports[0]?.jobs[0]?.steps[0]
    expect(first?.reports[0]?.concurrency).toBe(
      'rollback-warranty-hub/platform'
    )
    const [a, b] = [span(first), span(second)].sort((x, y) =>
      (x?.started_at ?? '').localeCompare(y?.started_at ?? '')
    )
    expect(Date.parse(b?.started_at ?? '')).toBeGreaterThanOrEqual(
      Date.parse(a?.finished_at ?? '')
    )
  })

  it('refuses a call that does not pass a required secret', async () => {
    workflowFile(
      `
on:
  workflow_call:
    secrets:
      TOKEN:
        required: true
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: echo
`,
      'needs-secret.yml'
    )
    await expect(
      run(`
on: workflow_dispatch
jobs:
  call:
    uses: ./.github/workflows/needs-secret.yml
`)
    ).rejects.toThrow(
      'needs-secret.yml: Secret TOKEN is required, but not provided while calling.'
    )
  })
})

describe('third-party actions', () => {
  const azure = {
    vars: {
      CLIENT: GUID,
      TENANT: GUID,
      SUB: GUID
    },
    cluster: { resourceGroup: 'rg-prod', name: 'aks-prod' }
  }
  const login = (client: string, cluster: string) => `
on: workflow_dispatch
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - uses: azure/login@a457da9ea143d694b1b9c7c869ebb04ebe844ef5 # v2.3.0
        with:
          client-id: ${client}
          tenant-id: \${{ vars.TENANT }}
          subscription-id: \${{ vars.SUB }}
      - uses: azure/aks-set-context@c7eb093e5a5d47caa333f64974d5fd1cd4bf069d # v4.0.3
        with:
          resource-group: rg-prod
          cluster-name: ${cluster}
`
  it('provides azure/login and azure/aks-set-context after checking their inputs', async () => {
    const e = await run(login('${{ vars.CLIENT }}', 'aks-prod'), azure)
    expect(stepsOf(e, 'a').map((s) => s.outcome)).toEqual([
      'provided-by-sandbox',
      'provided-by-sandbox'
    ])
  })

  it('fails azure/login without a client id and aks-set-context on another cluster', async () => {
    const e = await run(login("''", 'aks-other'), azure)
    const [l, k] = stepsOf(e, 'a')
    expect(l?.outcome).toBe('failure')
    expect(l?.note).toContain('azure/login: input "client-id"')
    expect(k?.outcome).toBe('skipped')
    const e2 = await run(login('${{ vars.CLIENT }}', 'aks-other'), azure)
    expect(stepsOf(e2, 'a')[1]?.note).toContain(
      'rg-prod/aks-other is not the sandbox cluster rg-prod/aks-prod'
    )
  })

  it('refuses a third-party action it cannot reproduce', async () => {
    await expect(
      run(`
on: workflow_dispatch
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - uses: docker/login-action@74a5d142397b4f367a81961eba4e8cd7edddf772 # v3.4.0
`)
    ).rejects.toThrow('docker/login-action@')
  })

  it('uploads artifacts in one job and downloads them in another (hidden files only when asked, names unique)', async () => {
    const artifactsDir = join(dir, 'artifacts-1')
    const e = await run(
      `
on: workflow_dispatch
jobs:
  up:
    runs-on: ubuntu-latest
    steps:
      - run: mkdir -p out && echo plan > out/plan.bin && echo lock > out/.lock.hcl
      - uses: actions/upload-artifact@ea165f8d65b6e75b540449e92b4886f43607fa02 # v4.6.2
        with:
          name: plan
          path: |
            out/plan.bin
            out/.lock.hcl
          include-hidden-files: true
      - uses: actions/upload-artifact@ea165f8d65b6e75b540449e92b4886f43607fa02 # v4.6.2
        with:
          name: visible-only
          path: out
      - id: again
        continue-on-error: true
        uses: actions/upload-artifact@ea165f8d65b6e75b540449e92b4886f43607fa02 # v4.6.2
        with:
          name: plan
          path: out
  down:
    needs: up
    runs-on: ubuntu-latest
    steps:
      - uses: actions/download-artifact@d3f86a106a0bac45b974a628896c90dbdf5c8093 # v4.3.0
        with:
          name: plan
          path: \${{ runner.temp }}/got
      - run: test "$(cat "$RUNNER_TEMP/got/plan.bin")" = plan && test -f "$RUNNER_TEMP/got/.lock.hcl"
`,
      { artifactsDir }
    )
    expect(e.status).toBe('success')
    expect(readdirSync(join(artifactsDir, 'plan')).sort()).toEqual([
      '.lock.hcl',
      'plan.bin'
    ])
    expect(readdirSync(join(artifactsDir, 'visible-only'))).toEqual([
      'plan.bin'
    ])
    expect(stepsOf(e, 'up')[3]?.note).toContain('already exists')
    expect(e.reports[0]?.artifacts).toEqual(['plan', 'visible-only'])
  })

  it('checks out the repository: one commit by default, all history and tags with fetch-depth 0', async () => {
    const repo = join(dir, 'repo')
    const git = (...args: string[]) =>
      execFileSync(
        'git',
        ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args],
        {
          cwd: repo,
          encoding: 'utf8'
        }
      ).trim()
    execFileSync('git', ['init', '--quiet', repo])
    git('config', 'uploadpack.allowAnySHA1InWant', 'true')
    writeFileSync(join(repo, 'a.txt'), 'one')
    git('add', '.')
    git('commit', '--quiet', '-m', 'one')
    git('tag', 'v1')
    const first = git('rev-parse', 'HEAD')
    writeFileSync(join(repo, 'a.txt'), 'two')
    git('commit', '--quiet', '-am', 'two')
    const second = git('rev-parse', 'HEAD')
    const e = await run(
      `
on: workflow_dispatch
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2
      - id: shallow
        run: echo "count=$(git rev-list --count HEAD) tags=$(git tag | wc -l) text=$(cat a.txt)" >> "$GITHUB_OUTPUT"
      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2
        with:
          fetch-depth: 0
          ref: ${first}
      - id: full
        run: echo "count=$(git rev-list --count --all) tags=$(git tag) text=$(cat a.txt)" >> "$GITHUB_OUTPUT"
`,
      {
        gitRepository: repo,
        github: {
          repository: 'warranty-hub/platform',
          sha: second,
          run_id: '8'
        }
      }
    )
    expect(e.status).toBe('success')
    const [shallow, full] = e.runs.filter((r) => r.action === 'run')
    expect(shallow?.outputs.count).toBe('1 tags=0 text=two')
    expect(full?.outputs.count).toBe('2 tags=v1 text=one')
  })
})

describe('workflow files are read with GitHub’s parser and schema', () => {
  it('refuses a misspelt key and a wrong value type, with line and column', () => {
    const path = workflowFile(`
on: workflow_dispatch
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2
        wiht:
          fetch-depth: 0
      - run: echo
        timeout-minutes: soon
`)
    expect(() => loadWorkflow(path)).toThrow(
      /^Invalid workflow file: .*\(Line: 8, Col: 9\): Unexpected value 'wiht'; .*\(Line: 11, Col: 26\): Unexpected value 'soon'$/
    )
  })
})
