import { execFile } from 'node:child_process'
import { generateKeyPairSync, randomBytes } from 'node:crypto'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { parse } from 'yaml'
import {
  githubAppDispatcher,
  memoryLog,
  startAlertRelay,
  type RunningAlertRelay
} from '@rollback-actions/alert-relay'
import {
  RequestLog,
  startGitHubApiEmulator,
  type GitHubApiEmulator,
  type GitHubRepositoryDispatch
} from '@rollback-actions/emulators'
import {
  shortenedRules,
  startAlertmanager,
  type RunningAlertmanager
} from '@rollback-actions/sandbox'

// The real Alertmanager (Debian prometheus-alertmanager 0.25) posting to the relay, which dispatches to the GitHub
// REST emulator as a GitHub App: alerts are injected through Alertmanager's API v2 (as Prometheus sends them).
const run = promisify(execFile)
const REPO = 'acme/app'
const key = generateKeyPairSync('rsa', { modulusLength: 2048 })
const token = randomBytes(24).toString('base64url')
let dir = ''
let github: GitHubApiEmulator
let relay: RunningAlertRelay
let am: RunningAlertmanager
const log = memoryLog()
const dispatched: GitHubRepositoryDispatch[] = []

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'am-relay-'))
  github = await startGitHubApiEmulator({
    log: new RequestLog(),
    tokens: {},
    repositories: { [REPO]: ['production'] },
    apps: [
      {
        id: 12,
        slug: 'rollback-relay',
        publicKeyPem: key.publicKey
          .export({ type: 'spki', format: 'pem' })
          .toString(),
        installations: { 34: [REPO] }
      }
    ],
    onDispatch: (d) => dispatched.push(d)
  })
  relay = await startAlertRelay({
    token,
    defaultEnvironment: '',
    send: githubAppDispatcher(github.url, REPO, {
      appId: 12,
      privateKey: key.privateKey
        .export({ type: 'pkcs8', format: 'pem' })
        .toString(),
      installationId: 34
    }),
    retry: { attempts: 3, baseDelayMs: 50, maxDelayMs: 200 },
    dedupTtlSeconds: 3600,
    log
  })
  am = await startAlertmanager({
    workDir: join(dir, 'am'),
    webhookUrl: `${relay.url}/hooks/alertmanager`,
    webhookToken: token
  })
}, 30_000)

afterAll(async () => {
  await am?.close()
  await relay?.close()
  await github?.close()
  if (dir) await rm(dir, { recursive: true, force: true })
})

const postAlerts = async (alerts: unknown[]) => {
  const r = await fetch(`${am.url}/api/v2/alerts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(alerts)
  })
  expect(r.status).toBe(200)
}

const until = async (test: () => boolean, ms: number) => {
  const deadline = Date.now() + ms
  while (!test() && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 100))
  return test()
}

describe('Alertmanager 0.25 → alert-relay → repository_dispatch', () => {
  it('writes a configuration amtool accepts', async () => {
    const file = join(dir, 'check.yml')
    await writeFile(file, am.configYaml)
    const r = await run('/usr/bin/amtool', ['check-config', file])
    expect(r.stdout).toContain('SUCCESS')
  })

  it('dispatches a firing roll-back-now alert once, and ignores an evaluate alert', async () => {
    const labels = {
      alertname: 'RollbackErrorRate',
      environment: 'production',
      namespace: 'prod',
      service: 'product-service',
      trigger_id: 'error-rate',
      rollback_class: 'roll-back-now',
      severity: 'critical'
    }
    const startsAt = new Date().toISOString()
    await postAlerts([
      {
        labels,
        annotations: { summary: '5xx ratio is 30%', value: '0.3' },
        startsAt,
        generatorURL: 'http://prometheus/graph'
      },
      {
        labels: {
          ...labels,
          alertname: 'RollbackEvaluateErrorRate',
          trigger_id: 'error-rate-early',
          rollback_class: 'evaluate',
          severity: 'warning'
        },
        startsAt
      }
    ])
    expect(await until(() => dispatched.length > 0, 15_000)).toBe(true)
    expect(dispatched[0]).toMatchObject({
      event_type: 'rollback-alert',
      sender: 'rollback-relay[bot]',
      client_payload: {
        service: 'product-service',
        environment: 'production',
        trigger_id: 'error-rate',
        rule: 'RollbackErrorRate',
        evidence: { summary: '5xx ratio is 30%', value: '0.3' }
      }
    })
    expect(
      Date.parse(
        (dispatched[0]!.client_payload as { fired_at: string }).fired_at
      )
    ).toBe(Date.parse(startsAt))
    // Prometheus re-sends firing alerts; Alertmanager does not notify again for the same firing set
    await postAlerts([{ labels, startsAt }])
    await new Promise((r) => setTimeout(r, 2500))
    expect(dispatched).toHaveLength(1)
  })
})

describe('shortenedRules', () => {
  it('caps every for: and sets the group interval, keeping the expressions', async () => {
    const text = await shortenedRules(
      'packages/health/rules/rollback-triggers.yml',
      { forSeconds: 10, intervalSeconds: 1 }
    )
    const doc = parse(text) as {
      groups: { interval: string; rules: { for?: string; expr: string }[] }[]
    }
    const original = parse(
      await readFile('packages/health/rules/rollback-triggers.yml', 'utf8')
    ) as typeof doc
    expect(doc.groups[0]!.interval).toBe('1s')
    expect(doc.groups[0]!.rules.map((r) => r.for)).toEqual(
      original.groups[0]!.rules.map(() => '10s')
    )
    expect(doc.groups[0]!.rules.map((r) => r.expr)).toEqual(
      original.groups[0]!.rules.map((r) => r.expr)
    )
    const file = join(dir, 'short.yml')
    await writeFile(file, text)
    const r = await run('/usr/bin/promtool', ['check', 'rules', file])
    expect(r.stdout).toContain('SUCCESS: 8 rules found')
  })
})
