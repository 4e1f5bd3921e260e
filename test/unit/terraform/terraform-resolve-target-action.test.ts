import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  it
} from '@jest/globals'
import { run } from '../../../actions/terraform-resolve-target/src/main.js'
import {
  RequestLog,
  sendJson,
  startServer,
  type RunningServer
} from '@rollback-actions/emulators'
import { runFake } from '../../helpers/fake-context.js'

const ID = 'terraform-resolve-target'
const TOKEN = 'ghs_resolveTargetTestToken0123456789'

/** A repository with commits A, B, C (HEAD), each tagged infra-deployed-<n> a day apart (annotated). */
function createRepo(dir: string): { a: string; b: string; c: string } {
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: 'ci',
    GIT_AUTHOR_EMAIL: 'ci@example.invalid',
    GIT_COMMITTER_NAME: 'ci',
    GIT_COMMITTER_EMAIL: 'ci@example.invalid',
    GIT_CONFIG_NOSYSTEM: '1',
    HOME: dir
  }
  const git = (args: string[], date?: string) =>
    execFileSync('git', args, {
      cwd: dir,
      encoding: 'utf8',
      env: date
        ? { ...env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date }
        : env
    }).trim()
  git(['init', '-q', '-b', 'main'])
  const shas: string[] = []
  for (const [i, name] of ['a', 'b', 'c'].entries()) {
    const date = `2025-0${i + 1}-10T12:00:00Z`
    writeFileSync(join(dir, 'main.tf'), `# commit ${name}\n`)
    git(['add', 'main.tf'])
    git(['commit', '-q', '-m', `commit ${name}`], date)
    git(['tag', '-a', '-m', 'deployed', `infra-deployed-${i + 1}`], date)
    shas.push(git(['rev-parse', 'HEAD']))
  }
  const [a = '', b = '', c = ''] = shas
  return { a, b, c }
}

let repoDir: string
let repo: { a: string; b: string; c: string }

beforeAll(() => {
  repoDir = mkdtempSync(join(tmpdir(), 'resolve-target-'))
  repo = createRepo(repoDir)
})
afterAll(() => {
  rmSync(repoDir, { recursive: true, force: true })
})

describe('terraform-resolve-target: target is a commit SHA', () => {
  it('outputs the full commit and source input', async () => {
    const ctx = await runFake(run, ID, {
      target: repo.b,
      'working-directory': repoDir
    })
    expect(ctx.failure).toBeUndefined()
    expect(ctx.outputs).toEqual({
      commit: repo.b,
      source: 'input',
      'source-detail': ''
    })
    expect(ctx.summaryText).toContain(repo.b)
  })

  it('expands an abbreviated SHA to the full commit', async () => {
    const ctx = await runFake(run, ID, {
      target: repo.a.slice(0, 10).toUpperCase(),
      'working-directory': repoDir
    })
    expect(ctx.outputs.commit).toBe(repo.a)
  })

  it('fails clearly when the commit is not in the repository', async () => {
    const missing = '0123456789abcdef0123456789abcdef01234567'
    const ctx = await runFake(run, ID, {
      target: missing,
      'working-directory': repoDir
    })
    expect(ctx.failure).toBe(
      `terraform-resolve-target: input "target": commit "${missing}" does not exist in ${repoDir}; check the SHA (fetch the full history with fetch-depth: 0) or use "previous-stable"`
    )
    expect(ctx.outputs).toEqual({})
  })

  it.each(['main', 'infra-deployed-1', '--upload-pack=x', 'abc12'])(
    'rejects %s, which is not a commit SHA',
    async (target) => {
      const ctx = await runFake(run, ID, {
        target,
        'working-directory': repoDir
      })
      expect(ctx.failure).toMatch(
        /^terraform-resolve-target: input "target": .* must be a commit SHA \(7 to 40 hex digits\) or "previous-stable"/
      )
      expect(ctx.outputs).toEqual({})
    }
  )

  it('names working-directory when it does not exist', async () => {
    const ctx = await runFake(run, ID, {
      target: repo.a,
      'working-directory': join(repoDir, 'no-such-dir')
    })
    expect(ctx.failure).toMatch(
      /^terraform-resolve-target: input "working-directory": ".*no-such-dir" is not a directory; check out the repository first/
    )
  })
})

describe('terraform-resolve-target: previous-stable from tags', () => {
  it('takes the newest deployment tag whose commit is not HEAD', async () => {
    const ctx = await runFake(run, ID, { 'working-directory': repoDir })
    expect(ctx.failure).toBeUndefined()
    expect(ctx.outputs).toEqual({
      commit: repo.b,
      source: 'tag',
      'source-detail': 'infra-deployed-2'
    })
  })

  it('fails with the next step when no tag matches the pattern', async () => {
    const ctx = await runFake(run, ID, {
      'working-directory': repoDir,
      'tag-pattern': 'nothing-deployed-*'
    })
    expect(ctx.failure).toMatch(
      /^terraform-resolve-target: no tag matches "nothing-deployed-\*", so there is no previous stable deployment to return to; pass the target commit explicitly/
    )
    expect(ctx.outputs).toEqual({})
  })

  it('rejects a tag pattern that git would read as an option', async () => {
    const ctx = await runFake(run, ID, {
      'working-directory': repoDir,
      'tag-pattern': '--points-at=HEAD'
    })
    expect(ctx.failure).toMatch(
      /^terraform-resolve-target: input "tag-pattern": .*not starting with "-"/
    )
  })
})

interface FakeDeployment {
  id: number
  sha: string
  states: string[]
}

describe('terraform-resolve-target: previous-stable from GitHub deployments', () => {
  let server: RunningServer
  let log: RequestLog
  let deployments: FakeDeployment[]
  let refuse: number | undefined
  const auths: string[] = []

  beforeEach(async () => {
    log = new RequestLog()
    refuse = undefined
    auths.length = 0
    server = await startServer({
      name: 'github',
      log,
      handler: (req, res) => {
        auths.push(req.headers.authorization ?? '')
        if (refuse)
          return sendJson(res, refuse, {
            message: 'Resource not accessible by integration',
            status: String(refuse)
          })
        const url = new URL(req.url ?? '/', 'http://x')
        const base = '/repos/warranty-hub/platform/deployments'
        if (url.pathname === base) {
          const env = url.searchParams.get('environment')
          return sendJson(
            res,
            200,
            (env === 'production' ? deployments : []).map((d, i) => ({
              id: d.id,
              sha: d.sha,
              ref: d.sha,
              environment: env,
              task: 'deploy',
              created_at: new Date(Date.UTC(2025, 5, 30 - i, 12)).toISOString()
            }))
          )
        }
        const m = new RegExp(`^${base}/(\\d+)/statuses$`).exec(url.pathname)
        const d = deployments.find((x) => String(x.id) === m?.[1])
        if (!d) return sendJson(res, 404, { message: 'Not Found' })
        return sendJson(
          res,
          200,
          [...d.states].reverse().map((state, i) => ({ id: i + 1, state }))
        )
      }
    })
  })
  afterEach(async () => {
    await server.close()
  })

  const inputs = (extra: Record<string, string> = {}) => ({
    'stable-source': 'deployments',
    environment: 'production',
    'working-directory': repoDir,
    'github-token': TOKEN,
    ...extra
  })
  const env = () => ({ GITHUB_API_URL: server.url })

  it('takes the newest successful deployment of another commit, skipping failed ones', async () => {
    deployments = [
      { id: 30, sha: repo.c, states: ['in_progress', 'success'] },
      { id: 29, sha: repo.c, states: ['success'] },
      { id: 28, sha: repo.b, states: ['in_progress', 'failure'] },
      { id: 27, sha: repo.a, states: ['in_progress', 'success', 'inactive'] }
    ]
    const ctx = await runFake(run, ID, inputs(), env())
    expect(ctx.failure).toBeUndefined()
    expect(ctx.outputs).toEqual({
      commit: repo.a,
      source: 'deployment',
      'source-detail': 'deployment 27 created 2025-06-27T12:00:00.000Z'
    })
    expect(log.of('github').map((r) => r.path)).toEqual([
      '/repos/warranty-hub/platform/deployments?environment=production&per_page=100',
      '/repos/warranty-hub/platform/deployments/28/statuses?per_page=100',
      '/repos/warranty-hub/platform/deployments/27/statuses?per_page=100'
    ])
    expect(log.writes()).toEqual([])
    expect(auths.every((a) => a === `token ${TOKEN}`)).toBe(true)
    expect(ctx.everything()).not.toContain(TOKEN)
  })

  it('fails clearly when the stable deployment commit is not checked out', async () => {
    deployments = [
      { id: 5, sha: repo.c, states: ['success'] },
      { id: 4, sha: 'f'.repeat(40), states: ['success'] }
    ]
    const ctx = await runFake(run, ID, inputs(), env())
    expect(ctx.failure).toBe(
      `terraform-resolve-target: deployment 4 marks commit ${'f'.repeat(40)} stable, but that commit is not in the checked-out history of ${repoDir}; check out with fetch-depth: 0 (and the branch that was deployed), or pass the target commit explicitly`
    )
    expect(ctx.outputs).toEqual({})
  })

  it('fails when no other commit was ever deployed successfully', async () => {
    deployments = [
      { id: 9, sha: repo.c, states: ['success'] },
      { id: 8, sha: repo.b, states: ['error'] }
    ]
    const ctx = await runFake(run, ID, inputs(), env())
    expect(ctx.failure).toBe(
      `terraform-resolve-target: none of the 2 newest deployments of warranty-hub/platform in environment "production" other than the current commit ${repo.c} has a success status; pass the target commit explicitly`
    )
  })

  it('fails when the environment has no deployments', async () => {
    deployments = []
    const ctx = await runFake(
      run,
      ID,
      inputs({ environment: 'staging' }),
      env()
    )
    expect(ctx.failure).toMatch(
      /^terraform-resolve-target: there are no deployments of warranty-hub\/platform in environment "staging"/
    )
  })

  it('names the missing permission when GitHub refuses the token', async () => {
    deployments = []
    refuse = 403
    const ctx = await runFake(run, ID, inputs(), env())
    expect(ctx.failure).toMatch(
      /^terraform-resolve-target: listing the deployments of .*: GitHub refused the token \(HTTP 403\); give the job "permissions: deployments: read"/
    )
    expect(ctx.everything()).not.toContain(TOKEN)
  })

  it('requires environment before calling GitHub', async () => {
    deployments = []
    const ctx = await runFake(run, ID, inputs({ environment: '' }), env())
    expect(ctx.failure).toMatch(
      /^terraform-resolve-target: input "environment": is required when target is previous-stable and stable-source is deployments/
    )
    expect(log.of('github')).toEqual([])
  })

  it('does not call GitHub when the target is a commit SHA', async () => {
    deployments = []
    const ctx = await runFake(run, ID, inputs({ target: repo.a }), env())
    expect(ctx.outputs.commit).toBe(repo.a)
    expect(log.of('github')).toEqual([])
  })
})
