import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { Octokit } from '@octokit/rest'
import sodium from 'libsodium-wrappers'
import {
  startGitHubApiEmulator,
  type GitHubApiEmulator
} from '@rollback-actions/emulators'
import { RequestLog } from '@rollback-actions/emulators'

let gh: GitHubApiEmulator
let octokit: Octokit
const quiet = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined
}

beforeAll(async () => {
  await sodium.ready
  gh = await startGitHubApiEmulator({
    log: new RequestLog(),
    tokens: { ghs_ok: 'octo' },
    repositories: { 'acme/app': ['production', 'prod/eu'] }
  })
  octokit = new Octokit({ auth: 'ghs_ok', baseUrl: gh.url, log: quiet })
})
afterAll(async () => {
  await gh?.close()
})

async function seal(env: string, value: string) {
  const { data } = await octokit.rest.actions.getEnvironmentPublicKey({
    owner: 'acme',
    repo: 'app',
    environment_name: env
  })
  const sealed = sodium.crypto_box_seal(
    sodium.from_string(value),
    sodium.from_base64(data.key, sodium.base64_variants.ORIGINAL)
  )
  return {
    key_id: data.key_id,
    encrypted_value: sodium.to_base64(sealed, sodium.base64_variants.ORIGINAL)
  }
}

describe('GitHub REST emulator for environment secrets', () => {
  it('serves a 32-byte Curve25519 public key with a string key_id', async () => {
    const { data } = await octokit.rest.actions.getEnvironmentPublicKey({
      owner: 'acme',
      repo: 'app',
      environment_name: 'production'
    })
    expect(typeof data.key_id).toBe('string')
    expect(Buffer.from(data.key, 'base64')).toHaveLength(32)
  })

  it('opens the sealed box: 201 when created, 204 when updated', async () => {
    const first = await octokit.rest.actions.createOrUpdateEnvironmentSecret({
      owner: 'acme',
      repo: 'app',
      environment_name: 'production',
      secret_name: 'DATABASE_URL',
      ...(await seal('production', 'one'))
    })
    expect(first.status).toBe(201)
    const second = await octokit.rest.actions.createOrUpdateEnvironmentSecret({
      owner: 'acme',
      repo: 'app',
      environment_name: 'production',
      secret_name: 'DATABASE_URL',
      ...(await seal('production', 'two'))
    })
    expect(second.status).toBe(204)
    expect(gh.secret('acme/app', 'production', 'DATABASE_URL')?.value).toBe(
      'two'
    )
  })

  it('decodes URL-encoded environment names', async () => {
    await octokit.rest.actions.createOrUpdateEnvironmentSecret({
      owner: 'acme',
      repo: 'app',
      environment_name: 'prod/eu',
      secret_name: 'X',
      ...(await seal('prod/eu', 'eu'))
    })
    expect(gh.secret('acme/app', 'prod/eu', 'X')?.value).toBe('eu')
  })

  it.each([
    ['an unknown key_id', { key_id: '1', encrypted_value: 'AAAA' }],
    ['a value that is not base64', { encrypted_value: 'not base64!' }],
    [
      'a value sealed for another key',
      { encrypted_value: Buffer.alloc(60, 1).toString('base64') }
    ]
  ])('answers 422 for %s', async (_label, override) => {
    const good = await seal('production', 'x')
    await expect(
      octokit.rest.actions.createOrUpdateEnvironmentSecret({
        owner: 'acme',
        repo: 'app',
        environment_name: 'production',
        secret_name: 'BAD',
        ...good,
        ...override
      })
    ).rejects.toMatchObject({ status: 422 })
    expect(gh.secret('acme/app', 'production', 'BAD')).toBeUndefined()
  })

  it('answers 422 for an invalid secret name', async () => {
    await expect(
      octokit.rest.actions.createOrUpdateEnvironmentSecret({
        owner: 'acme',
        repo: 'app',
        environment_name: 'production',
        secret_name: 'GITHUB_X',
        ...(await seal('production', 'x'))
      })
    ).rejects.toMatchObject({ status: 422 })
  })

  it('answers 401 for a bad token and 404 for an unknown environment', async () => {
    const bad = new Octokit({ auth: 'ghs_bad', baseUrl: gh.url, log: quiet })
    await expect(
      bad.rest.actions.getEnvironmentPublicKey({
        owner: 'acme',
        repo: 'app',
        environment_name: 'production'
      })
    ).rejects.toMatchObject({ status: 401 })
    await expect(
      octokit.rest.actions.getEnvironmentPublicKey({
        owner: 'acme',
        repo: 'app',
        environment_name: 'staging'
      })
    ).rejects.toMatchObject({ status: 404 })
  })

  it('lists secret names, never values', async () => {
    const { data } = await octokit.rest.actions.listEnvironmentSecrets({
      owner: 'acme',
      repo: 'app',
      environment_name: 'production'
    })
    expect(data.secrets.map((s) => s.name)).toContain('DATABASE_URL')
    expect(JSON.stringify(data)).not.toContain('two')
  })

  it('pages the secrets listing by per_page with a Link header', async () => {
    for (const name of ['PAGE_A', 'PAGE_B', 'PAGE_C'])
      await octokit.rest.actions.createOrUpdateEnvironmentSecret({
        owner: 'acme',
        repo: 'app',
        environment_name: 'production',
        secret_name: name,
        ...(await seal('production', 'v'))
      })
    const first = await octokit.rest.actions.listEnvironmentSecrets({
      owner: 'acme',
      repo: 'app',
      environment_name: 'production',
      per_page: 2
    })
    expect(first.data.secrets).toHaveLength(2)
    expect(first.data.total_count).toBeGreaterThanOrEqual(3)
    expect(first.headers.link).toMatch(/[?&]page=2[^>]*>; rel="next"/)
    const all = await octokit.paginate(
      octokit.rest.actions.listEnvironmentSecrets,
      {
        owner: 'acme',
        repo: 'app',
        environment_name: 'production',
        per_page: 2
      }
    )
    expect(all.map((s) => s.name)).toEqual(
      expect.arrayContaining(['PAGE_A', 'PAGE_B', 'PAGE_C'])
    )
    expect(all).toHaveLength(first.data.total_count)
  })
})

describe('GitHub REST emulator for workflow runs and issues', () => {
  const repo = { owner: 'acme', repo: 'app' }
  beforeAll(() => {
    const record = (
      id: number,
      path: string,
      started: string,
      conclusion?: 'success' | 'failure'
    ) => {
      gh.recordWorkflowRun('acme/app', {
        id,
        attempt: 1,
        name: 'Drill',
        run_started_at: started,
        path
      })
      if (conclusion)
        gh.completeWorkflowRun('acme/app', id, 1, conclusion, started)
    }
    record(1, '.github/workflows/drill.yml', '2026-01-06T09:00:00Z', 'success')
    record(2, '.github/workflows/drill.yml', '2026-02-03T09:00:00Z', 'failure')
    record(3, '.github/workflows/other.yml', '2026-02-04T09:00:00Z', 'success')
    record(4, '.github/workflows/drill.yml', '2026-03-03T09:00:00Z')
  })

  it('lists the runs of one workflow file, newest first, filtered by status and created date', async () => {
    const ids = async (params: { status?: 'success'; created?: string }) =>
      (
        await octokit.rest.actions.listWorkflowRuns({
          ...repo,
          workflow_id: 'drill.yml',
          ...params
        })
      ).data.workflow_runs.map((r) => [r.id, r.status, r.conclusion])
    expect(await ids({})).toEqual([
      [4, 'in_progress', null],
      [2, 'completed', 'failure'],
      [1, 'completed', 'success']
    ])
    expect(await ids({ status: 'success' })).toEqual([
      [1, 'completed', 'success']
    ])
    expect(await ids({ created: '>=2026-02-01' })).toEqual([
      [4, 'in_progress', null],
      [2, 'completed', 'failure']
    ])
    expect(await ids({ created: '2026-01-01..2026-01-31' })).toEqual([
      [1, 'completed', 'success']
    ])
  })

  it('filters issues by state and labels and updates one with PATCH', async () => {
    const a = await octokit.rest.issues.create({
      ...repo,
      title: 'overdue',
      labels: ['drill', 'overdue']
    })
    await octokit.rest.issues.create({
      ...repo,
      title: 'other',
      labels: ['drill']
    })
    const titles = async (labels: string, state?: 'open' | 'closed' | 'all') =>
      (
        await octokit.rest.issues.listForRepo({
          ...repo,
          labels,
          ...(state ? { state } : {})
        })
      ).data.map((i) => i.title)
    expect(await titles('drill,overdue')).toEqual(['overdue'])
    expect(await titles('drill')).toEqual(['other', 'overdue'])
    const updated = await octokit.rest.issues.update({
      ...repo,
      issue_number: a.data.number,
      body: 'still overdue',
      state: 'closed'
    })
    expect(updated.data).toMatchObject({
      body: 'still overdue',
      state: 'closed'
    })
    expect(await titles('drill,overdue')).toEqual([])
    expect(await titles('drill,overdue', 'all')).toEqual(['overdue'])
  })
})
