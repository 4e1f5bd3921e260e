// Fault matrix (issue #10), GitHub REST API: secret-swap's two calls for a GitHub environment secret (public-key
// read, secret PUT) × {429, 503 burst, reset, hang past timeout, terminal failure}, through the one Octokit factory
// (plugin-retry, plugin-throttling, request timeout).
import tls from 'node:tls'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  createCertificateAuthority,
  RequestLog,
  startGitHubApiEmulator,
  type GitHubApiEmulator
} from '@rollback-actions/emulators'
import { run } from '../../../actions/secret-swap/src/main.js'
import { fakeContext } from '../../helpers/fake-context.js'
import { COMMON_FAULTS, faultRules } from '../../helpers/fault-matrix.js'
import { startFaultProxy, type FaultProxy } from '../../helpers/fault-proxy.js'
import { FAST_RETRY_ENV } from '../../helpers/kube-faults.js'

const REPO = 'warranty-hub/platform'
const TOKEN = 'ghs_fault-matrix-token'
let github: GitHubApiEmulator
let proxy: FaultProxy
const log = new RequestLog()

beforeAll(async () => {
  const ca = await createCertificateAuthority()
  tls.setDefaultCACertificates([...tls.getCACertificates('default'), ca.caPem])
  const cert = await ca.issue(['127.0.0.1'])
  github = await startGitHubApiEmulator({
    log,
    tls: cert,
    tokens: { [TOKEN]: 'octo-sre' },
    repositories: { [REPO]: ['production'] }
  })
  proxy = await startFaultProxy({
    upstream: github.url,
    tls: cert,
    caPem: ca.caPem
  })
})
afterAll(async () => {
  await proxy?.close()
  await github?.close()
})

const OPERATIONS = [
  {
    op: 'read the public key',
    method: 'GET',
    path: /\/secrets\/public-key/,
    terminal:
      /reading the public key for environment secret \w+ .* failed on the GitHub API \(HTTP 503\) after the retries; re-run the step/
  },
  {
    op: 'write the secret',
    method: 'PUT',
    path: /\/secrets\/\w+$/,
    terminal:
      /writing environment secret \w+ .* failed on the GitHub API \(HTTP 503\) after the retries; re-run the step/
  }
]
const cells = OPERATIONS.flatMap((o) =>
  COMMON_FAULTS.map((fault) => [o.op, fault, o] as const)
)

let seq = 0

describe('fault matrix: secret-swap (github-environment-secret) × GitHub REST API', () => {
  it.each(cells)('%s × %s', async (_op, fault, o) => {
    const name = `DB_URL_${++seq}`
    const swap = async () => {
      const ctx = fakeContext(
        'secret-swap',
        {
          mode: 'swap',
          target: 'github-environment-secret',
          'secret-name': name,
          environment: 'production',
          repository: REPO,
          'github-token': TOKEN,
          'server-fqdn': 'restored-db',
          database: 'app',
          username: 'app',
          password: 'pw',
          'ssl-mode': 'require'
        },
        { ...FAST_RETRY_ENV, GITHUB_API_URL: proxy.url }
      )
      await run(ctx)
      return ctx
    }
    const hits = proxy.hits.length
    for (const rule of faultRules(fault, o.method, o.path)) proxy.inject(rule)
    let ctx
    try {
      ctx = await swap()
    } finally {
      proxy.clear()
    }
    expect(proxy.since(hits).some((h) => h.action !== 'forward')).toBe(true)
    expect(ctx.failure ?? '').toMatch(
      fault === 'terminal'
        ? new RegExp(`^secret-swap: ${o.terminal.source}`)
        : /^$/
    )
    // GitHub stores a sealed value whole or not at all: absent after a terminal failure, the new value otherwise.
    expect(github.secret(REPO, 'production', name)?.value).toBe(
      fault === 'terminal'
        ? undefined
        : 'postgresql://app:pw@restored-db:5432/app?sslmode=require'
    )
    expect(ctx.everything()).not.toContain(TOKEN)
    const again = await swap()
    expect(again.failure).toBeUndefined()
    expect(github.secret(REPO, 'production', name)?.value).toMatch(
      /@restored-db:5432\/app/
    )
  })
})
