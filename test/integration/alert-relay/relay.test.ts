import { generateKeyPairSync } from 'node:crypto'
import {
  afterAll,
  afterEach,
  beforeAll,
  describe,
  expect,
  it
} from '@jest/globals'
import {
  githubAppDispatcher,
  memoryLog,
  startAlertRelay,
  type RunningAlertRelay
} from '@rollback-actions/alert-relay'
import {
  RequestLog,
  startGitHubApiEmulator,
  type GitHubApiEmulator
} from '@rollback-actions/emulators'

// The relay against the GitHub REST emulator: real Octokit, real @octokit/auth-app (app JWT → installation
// token), real HTTP on loopback.
const TOKEN = 'am-relay-token-0123456789'
const REPO = 'acme/app'
const appKey = generateKeyPairSync('rsa', { modulusLength: 2048 })
const otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 })
const pem = (k: typeof appKey) =>
  k.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()

let github: GitHubApiEmulator
let requests: RequestLog
let relay: RunningAlertRelay
let log: ReturnType<typeof memoryLog>

beforeAll(async () => {
  requests = new RequestLog()
  github = await startGitHubApiEmulator({
    log: requests,
    tokens: { ghs_reader: 'octo' },
    repositories: { [REPO]: ['production'], 'acme/other': [] },
    apps: [
      {
        id: 4242,
        slug: 'rollback-relay',
        publicKeyPem: appKey.publicKey
          .export({ type: 'spki', format: 'pem' })
          .toString(),
        installations: { 77: [REPO] }
      }
    ]
  })
})

afterAll(async () => {
  await github?.close()
})

const start = async (privateKey = pem(appKey)) => {
  log = memoryLog()
  relay = await startAlertRelay({
    token: TOKEN,
    defaultEnvironment: '',
    send: githubAppDispatcher(github.url, REPO, {
      appId: 4242,
      privateKey,
      installationId: 77
    }),
    retry: { attempts: 3, baseDelayMs: 20, maxDelayMs: 50 },
    dedupTtlSeconds: 3600,
    log
  })
}

afterEach(async () => {
  await relay?.close()
})

let episode = 0
const webhook = (over: Record<string, unknown> = {}, labels = {}) => {
  episode++
  return {
    version: '4',
    groupKey:
      '{}/{rollback_class="roll-back-now"}:{alertname="RollbackErrorRate", service="product-service"}',
    truncatedAlerts: 0,
    status: 'firing',
    receiver: 'alert-relay',
    groupLabels: { alertname: 'RollbackErrorRate', service: 'product-service' },
    commonLabels: {},
    commonAnnotations: {},
    externalURL: 'http://127.0.0.1:9093',
    alerts: [
      {
        status: 'firing',
        labels: {
          alertname: 'RollbackErrorRate',
          environment: 'production',
          namespace: 'prod',
          service: 'product-service',
          trigger_id: 'error-rate',
          rollback_class: 'roll-back-now',
          severity: 'critical',
          ...labels
        },
        annotations: {
          summary: '5xx ratio of product-service is 20%',
          threshold: '> 5% for 5m',
          value: '0.2'
        },
        startsAt: new Date(Date.UTC(2026, 10, 30, 10, episode)).toISOString(),
        endsAt: '0001-01-01T00:00:00Z',
        generatorURL: 'http://127.0.0.1:9090/graph?g0.expr=x',
        fingerprint: 'c0ffee0123456789'
      }
    ],
    ...over
  }
}

const post = async (
  body: unknown,
  headers: Record<string, string> = {
    authorization: `Bearer ${TOKEN}`,
    'content-type': 'application/json'
  }
) => {
  const res = await fetch(`${relay.url}/hooks/alertmanager`, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body)
  })
  return {
    status: res.status,
    body: (await res.json()) as Record<string, unknown>
  }
}

describe('alert-relay against the GitHub REST emulator', () => {
  it('dispatches a firing roll-back-now alert as the GitHub App with the evidence', async () => {
    await start()
    const before = github.dispatches.length
    const mark = requests.mark()
    const hook = webhook()
    const r = await post(hook)
    expect(r.status).toBe(200)
    expect(r.body.dispatched).toEqual([
      {
        service: 'product-service',
        environment: 'production',
        trigger_id: 'error-rate'
      }
    ])
    expect(github.dispatches).toHaveLength(before + 1)
    const d = github.dispatches.at(-1)!
    expect(d).toMatchObject({
      repository: REPO,
      event_type: 'rollback-alert',
      sender: 'rollback-relay[bot]',
      client_payload: {
        service: 'product-service',
        environment: 'production',
        namespace: 'prod',
        trigger_id: 'error-rate',
        rule: 'RollbackErrorRate',
        fired_at: hook.alerts[0]!.startsAt,
        evidence: {
          summary: '5xx ratio of product-service is 20%',
          value: '0.2'
        }
      }
    })
    expect(
      requests
        .of('github', mark)
        .map((e) => `${e.method} ${e.path} ${e.status}`)
    ).toEqual([
      'POST /app/installations/77/access_tokens 201',
      'POST /repos/acme/app/dispatches 204'
    ])
  })

  it('dispatches a repeat of the same alert group once', async () => {
    await start()
    const before = github.dispatches.length
    const hook = webhook()
    expect((await post(hook)).status).toBe(200)
    const again = await post(hook)
    expect(again.status).toBe(200)
    expect(again.body.duplicates).toEqual([
      'production/product-service (error-rate)'
    ])
    expect(github.dispatches).toHaveLength(before + 1)
  })

  it.each([
    ['no Authorization header', { 'content-type': 'application/json' }],
    [
      'a wrong bearer token',
      {
        authorization: 'Bearer wrong-token-0123456789',
        'content-type': 'application/json'
      }
    ],
    [
      'the token without the Bearer scheme',
      { authorization: TOKEN, 'content-type': 'application/json' }
    ]
  ])(
    'refuses %s with 401, logs it and dispatches nothing',
    async (_what, headers) => {
      await start()
      const before = github.dispatches.length
      const r = await post(webhook(), headers)
      expect(r.status).toBe(401)
      expect(github.dispatches).toHaveLength(before)
      expect(log.entries).toContainEqual(
        expect.objectContaining({
          level: 'warn',
          msg: 'webhook refused: missing or wrong bearer token'
        })
      )
      expect(JSON.stringify(log.entries)).not.toContain(TOKEN)
    }
  )

  it.each([
    ['a body that is not JSON', 400, '{"version":', /body is not JSON/],
    [
      'an unknown webhook version',
      400,
      webhook({ version: '3' }),
      /^version: /
    ],
    ['a webhook without alerts', 400, webhook({ alerts: [] }), /^alerts: /],
    [
      'a roll-back-now alert without service',
      422,
      webhook({}, { service: '' }),
      /no service label/
    ]
  ])(
    'refuses %s with %s, logs it and dispatches nothing',
    async (_what, status, body, problem) => {
      await start()
      const before = github.dispatches.length
      const r = await post(body)
      expect(r.status).toBe(status)
      expect((r.body.problems as string[])[0]).toMatch(problem)
      expect(github.dispatches).toHaveLength(before)
      expect(log.entries.at(-1)!.fields.status).toBe(status)
    }
  )

  it('refuses a body that is not declared JSON with 415', async () => {
    await start()
    const r = await post(webhook(), {
      authorization: `Bearer ${TOKEN}`,
      'content-type': 'text/plain'
    })
    expect(r.status).toBe(415)
  })

  it('ignores resolved alerts and the evaluate class', async () => {
    await start()
    const before = github.dispatches.length
    const resolved = webhook({ status: 'resolved' })
    resolved.alerts[0]!.status = 'resolved'
    expect((await post(resolved)).status).toBe(200)
    const r = await post(
      webhook(
        {},
        { rollback_class: 'evaluate', trigger_id: 'error-rate-early' }
      )
    )
    expect(r.status).toBe(200)
    expect(r.body.ignored).toEqual([
      'RollbackErrorRate: rollback_class is "evaluate", not roll-back-now'
    ])
    expect(github.dispatches).toHaveLength(before)
  })

  it('retries GitHub 5xx with backoff and dispatches once', async () => {
    await start()
    const before = github.dispatches.length
    github.failNextDispatches(502, 503)
    const r = await post(webhook())
    expect(r.status).toBe(200)
    expect(github.dispatches).toHaveLength(before + 1)
    const retries = log.entries.filter(
      (e) => e.msg === 'GitHub dispatch failed; retrying'
    )
    expect(retries.map((e) => e.fields.status)).toEqual([502, 503])
  })

  it('answers 503 when GitHub keeps failing, so Alertmanager retries, and dispatches on the next delivery', async () => {
    await start()
    const before = github.dispatches.length
    github.failNextDispatches(500, 500, 500)
    const hook = webhook()
    const r = await post(hook)
    expect(r.status).toBe(503)
    expect(r.body.failed).toEqual([
      'production/product-service (error-rate): GitHub answered 500'
    ])
    expect(github.dispatches).toHaveLength(before)
    expect(log.entries).toContainEqual(
      expect.objectContaining({
        level: 'error',
        msg: 'rollback NOT dispatched after retries; answering 503 so Alertmanager retries'
      })
    )
    const retry = await post(hook)
    expect(retry.status).toBe(200)
    expect(github.dispatches).toHaveLength(before + 1)
  })

  it('does not retry a GitHub 422 and answers 503 with the status', async () => {
    await start()
    github.failNextDispatches(422)
    const mark = requests.mark()
    const r = await post(webhook())
    expect(r.status).toBe(503)
    expect(
      requests.of('github', mark).filter((e) => e.path.endsWith('/dispatches'))
    ).toHaveLength(1)
  })

  it('answers 503 when the app key is not the registered one (no installation token)', async () => {
    await start(pem(otherKey))
    const before = github.dispatches.length
    const r = await post(webhook())
    expect(r.status).toBe(503)
    expect(r.body.failed).toEqual([
      'production/product-service (error-rate): GitHub answered 401'
    ])
    expect(github.dispatches).toHaveLength(before)
  })
})
