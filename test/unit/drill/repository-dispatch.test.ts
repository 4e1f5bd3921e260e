import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  RequestLog,
  startGitHubApiEmulator,
  type GitHubApiEmulator
} from '@rollback-actions/emulators'
import {
  executeWorkflow,
  loadWorkflow,
  WorkflowInputError,
  type ActionRun,
  type ExecuteOptions,
  type RunEvent
} from '@rollback-actions/drill'

// The engine's repository_dispatch trigger (github.event = action + client_payload, as GitHub delivers it), on a small
// workflow and on workflows-templates/rollback-on-alert.yml with recorded suite actions.
const dir = mkdtempSync(join(tmpdir(), 'dispatch-test-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const TEMPLATES = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'workflows-templates'
)

function fakeRun(
  id: string,
  outputs: Record<string, string>,
  exitCode = 0
): ActionRun {
  const now = new Date().toISOString()
  return {
    action: id,
    exitCode,
    outputs,
    summary: '',
    stdout: '',
    stderr: '',
    audit: [],
    startedAt: now,
    finishedAt: now,
    durationMs: 0,
    ...(exitCode === 0 ? {} : { failure: `${id}: failed` })
  }
}

const dispatch = (
  payload: Record<string, unknown>,
  eventType = 'rollback-alert'
) => ({
  event_type: eventType,
  client_payload: payload,
  sender: 'rollback-relay[bot]'
})

const payload = {
  service: 'product-service',
  environment: 'production',
  namespace: 'prod',
  trigger_id: 'error-rate',
  rule: 'RollbackErrorRate',
  fired_at: '2026-11-30T10:00:00Z',
  evidence: {
    summary: '5xx ratio of product-service is 30%',
    value: '0.3',
    threshold: '> 5% for 5m',
    alerts: ['error-rate since 2026-11-30T10:00:00Z']
  }
}

describe('repository_dispatch in the engine', () => {
  const path = join(dir, 'listen.yml')
  writeFileSync(
    path,
    `
on:
  repository_dispatch:
    types: [rollback-alert]
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - env:
          SERVICE: \${{ github.event.client_payload.service }}
          ACTION: \${{ github.event.action }}
          EVENT: \${{ github.event_name }}
        run: |
          echo "$EVENT $ACTION $SERVICE"
          grep -q '"client_payload"' "$GITHUB_EVENT_PATH"
`
  )
  const base: ExecuteOptions = {
    trigger: 'repository_dispatch',
    inputs: {},
    vars: {},
    github: {
      repository: 'warranty-hub/platform',
      run_id: '9',
      actor: 'rollback-relay[bot]'
    },
    env: { PATH: process.env.PATH },
    approve: () => Promise.resolve({ approvedBy: 'lead' })
  }

  it('starts the run with github.event.action, client_payload and the event file', async () => {
    const lines: string[] = []
    const events: RunEvent[] = []
    const e = await executeWorkflow(loadWorkflow(path), {
      ...base,
      dispatch: dispatch(payload),
      onLine: (l) => lines.push(l),
      onRunEvent: (ev) => events.push(ev)
    })
    expect(e.status).toBe('success')
    expect(lines).toContain(
      '  repository_dispatch rollback-alert product-service'
    )
    expect(e.reports[0]?.trigger).toBe('repository_dispatch')
    expect(events[0]?.kind).toBe('run-started')
  })

  it.each([
    [
      'another event type',
      { dispatch: dispatch(payload, 'deploy') },
      /is not triggered by repository_dispatch type "deploy"/
    ],
    [
      'inputs',
      { dispatch: dispatch(payload), inputs: { service: 'x' } },
      /has no inputs/
    ],
    ['no event', {}, /needs its event/]
  ])('refuses a run with %s', async (_what, over, message) => {
    await expect(
      executeWorkflow(loadWorkflow(path), { ...base, ...over })
    ).rejects.toThrow(message)
  })

  it('refuses a workflow that does not listen to repository_dispatch', async () => {
    await expect(
      executeWorkflow(
        loadWorkflow(join(TEMPLATES, 'rollback-application.yml')),
        {
          ...base,
          dispatch: dispatch(payload)
        }
      )
    ).rejects.toThrow(WorkflowInputError)
  })
})

describe('rollback-on-alert.yml as the drill runs it', () => {
  const workflow = loadWorkflow(join(TEMPLATES, 'rollback-on-alert.yml'))
  const token = 'ghs_unitTestToken'
  let github: GitHubApiEmulator
  beforeAll(async () => {
    github = await startGitHubApiEmulator({
      log: new RequestLog(),
      tokens: { [token]: 'sre' },
      repositories: { 'warranty-hub/platform': ['staging', 'production'] }
    })
  })
  afterAll(() => github.close())

  const options = (
    recommendation: string,
    calls: Array<[string, Record<string, string>]>,
    approvals: string[]
  ): ExecuteOptions => ({
    trigger: 'repository_dispatch',
    inputs: {},
    vars: {
      AZURE_CLIENT_ID: '8f1b6c2e-3d4a-4f5b-9c6d-7e8f9a0b1c2d',
      AZURE_TENANT_ID: '2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d',
      AZURE_SUBSCRIPTION_ID: '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e',
      AKS_RESOURCE_GROUP: 'rg-prod',
      AKS_CLUSTER_NAME: 'aks-prod',
      ROLLBACK_REGISTRY: 'reg.example.io',
      ROLLBACK_REPOSITORY_PREFIX: 'warranty-hub',
      ROLLBACK_NAMESPACE: 'prod',
      ROLLBACK_SERVICE_URL: 'https://svc.example.io',
      ROLLBACK_PROMETHEUS_URL: 'http://prometheus.example.io',
      ROLLBACK_TRIGGER_ERROR_FOR: '30s'
    },
    github: {
      actor: 'rollback-relay[bot]',
      repository: 'warranty-hub/platform',
      run_id: '43',
      server_url: 'https://github.com',
      token
    },
    env: { GITHUB_API_URL: github.url },
    cluster: { resourceGroup: 'rg-prod', name: 'aks-prod' },
    dispatch: dispatch(payload),
    approve: (job, environment) => {
      approvals.push(`${job}:${environment}`)
      return Promise.resolve({ approvedBy: 'lead' })
    },
    runAction: (id, inputs) => {
      calls.push([id, inputs])
      const outputs: Record<string, Record<string, string>> = {
        'evaluate-rollback-triggers': { recommendation },
        'discover-tag': {
          image:
            'reg.example.io/warranty-hub/product-service@sha256:' +
            'a'.repeat(64),
          tag: 'v1.2.0-stable',
          digest: 'sha256:' + 'a'.repeat(64)
        },
        'validate-health': { verdict: 'healthy' }
      }
      return Promise.resolve(fakeRun(id, outputs[id] ?? {}))
    }
  })

  it('validates the alert, evaluates the triggers with its labels and calls the approved rollback', async () => {
    const calls: Array<[string, Record<string, string>]> = []
    const approvals: string[] = []
    const e = await executeWorkflow(
      workflow,
      options('roll-back-now', calls, approvals)
    )
    expect(e.status).toBe('success')
    expect(calls.map(([id]) => id)).toEqual([
      'evaluate-rollback-triggers',
      'discover-tag',
      'redeploy',
      'validate-health'
    ])
    expect(calls[0]?.[1]).toMatchObject({
      'prometheus-url': 'http://prometheus.example.io',
      'service-labels': 'namespace: "prod"\nservice: "product-service"\n',
      'error-for': '30s',
      'slo-for': '5m'
    })
    expect(approvals).toEqual(['rollback:production'])
    const alertSummary = e.runs.find((r) =>
      r.summary.includes('<h2>Alert</h2>')
    )?.summary
    expect(alertSummary).toContain('| Trigger | error-rate |')
    expect(alertSummary).toContain(
      '| Alert summary | 5xx ratio of product-service is 30% |'
    )
    expect(e.reports.map((r) => r.file.split('/').at(-1))).toEqual([
      'rollback-on-alert.yml',
      'rollback-application.yml'
    ])
  })

  it('plans nothing when the triggers say fix forward', async () => {
    const calls: Array<[string, Record<string, string>]> = []
    const approvals: string[] = []
    const e = await executeWorkflow(
      workflow,
      options('fix-forward', calls, approvals)
    )
    expect(calls.map(([id]) => id)).toEqual(['evaluate-rollback-triggers'])
    expect(approvals).toEqual([])
    expect(e.jobs.rollback?.status).toBe('skipped')
  })

  it('refuses an alert for an unknown environment before evaluating anything', async () => {
    const calls: Array<[string, Record<string, string>]> = []
    const e = await executeWorkflow(workflow, {
      ...options('roll-back-now', calls, []),
      dispatch: dispatch({ ...payload, environment: 'prod; rm -rf /' })
    })
    expect(e.status).toBe('failure')
    expect(calls).toEqual([])
    expect(e.runs[0]?.failure ?? e.runs[0]?.stdout).toMatch(
      /environment "prod; rm -rf \/" is not staging or production/
    )
  })
})
