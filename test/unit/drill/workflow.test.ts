import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  RequestLog,
  startGitHubApiEmulator,
  type GitHubApiEmulator
} from '@rollback-actions/emulators'
import type { ActionRun, ExecuteOptions } from '@rollback-actions/drill'
import { executeWorkflow } from '@rollback-actions/drill'
import {
  evaluateCondition,
  evaluateTemplate,
  loadWorkflow,
  suiteActionId
} from '@rollback-actions/drill'

const TEMPLATE = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'workflows-templates',
  'rollback-application.yml'
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

describe('workflow expressions (GitHub expression engine)', () => {
  const contexts = {
    inputs: { service: 'product-service', namespace: '' },
    vars: { ROLLBACK_NAMESPACE: 'prod', PREFIX: 'warranty-hub' },
    needs: { plan: { outputs: { tag: 'v1.2.0-stable' } } }
  }

  it.each([
    ['${{ inputs.namespace || vars.ROLLBACK_NAMESPACE }}', 'prod'],
    [
      "${{ format('{0}/{1}', vars.PREFIX, inputs.service) }}",
      'warranty-hub/product-service'
    ],
    ['tag ${{ needs.plan.outputs.tag }}!', 'tag v1.2.0-stable!'],
    ['${{ needs.plan.outputs.missing }}', '']
  ])('evaluates %s', (template, expected) => {
    expect(evaluateTemplate(template, contexts)).toBe(expected)
  })

  it('applies status functions the way the runner does', () => {
    expect(evaluateCondition(undefined, {}, 'failure')).toBe(false)
    expect(evaluateCondition('${{ !cancelled() }}', {}, 'failure')).toBe(true)
    expect(
      evaluateCondition("inputs.service == 'x'", contexts, 'success')
    ).toBe(false)
  })

  it('recognises suite actions only', () => {
    expect(
      suiteActionId('rollback-actions/rollback-actions/actions/redeploy@v1')
    ).toBe('redeploy')
    expect(suiteActionId('azure/login@abc')).toBeUndefined()
  })
})

describe('rollback-application.yml as the drill runs it', () => {
  const workflow = loadWorkflow(TEMPLATE)
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
  /** What every run needs: the azure/login ids and the cluster the drill checks, a token the GitHub emulator takes. */
  const world = (): Pick<
    ExecuteOptions,
    'vars' | 'github' | 'env' | 'cluster'
  > => ({
    vars: {
      AZURE_CLIENT_ID: '8f1b6c2e-3d4a-4f5b-9c6d-7e8f9a0b1c2d',
      AZURE_TENANT_ID: '2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d',
      AZURE_SUBSCRIPTION_ID: '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e',
      AKS_RESOURCE_GROUP: 'rg-prod',
      AKS_CLUSTER_NAME: 'aks-prod'
    },
    github: {
      actor: 'sre',
      repository: 'warranty-hub/platform',
      run_id: '42',
      server_url: 'https://github.com',
      token
    },
    env: { GITHUB_API_URL: github.url },
    cluster: { resourceGroup: 'rg-prod', name: 'aks-prod' }
  })

  it('orders the jobs by needs: plan, the approved rollback, the post-mortem', () => {
    expect(workflow.jobs.map((j) => j.id)).toEqual([
      'plan',
      'rollback',
      'post-mortem'
    ])
    expect(workflow.jobs[1]?.environment).toBe('${{ inputs.environment }}')
  })

  it('runs every suite action of the workflow, in order, with the inputs the workflow gives', async () => {
    const calls: Array<[string, Record<string, string>]> = []
    const approvals: string[] = []
    const execution = await executeWorkflow(workflow, {
      inputs: { environment: 'production', service: 'product-service' },
      ...world(),
      vars: {
        ...world().vars,
        ROLLBACK_REGISTRY: 'reg.example.io',
        ROLLBACK_REPOSITORY_PREFIX: 'warranty-hub',
        ROLLBACK_NAMESPACE: 'prod',
        ROLLBACK_SERVICE_URL: 'https://svc.example.io'
      },
      approve: (job, environment) => {
        approvals.push(`${job}:${environment}`)
        return Promise.resolve({ approvedBy: 'lead' })
      },
      runAction: (id, inputs) => {
        calls.push([id, inputs])
        const outputs: Record<string, Record<string, string>> = {
          'discover-tag': {
            image:
              'reg.example.io/warranty-hub/product-service@sha256:' +
              'a'.repeat(64),
            tag: 'v1.2.0-stable',
            digest: 'sha256:' + 'a'.repeat(64)
          },
          redeploy: { revision: '{"product-service":5}' },
          'validate-health': { verdict: 'healthy' }
        }
        return Promise.resolve(fakeRun(id, outputs[id] ?? {}))
      }
    })
    expect(calls.map(([id]) => id)).toEqual([
      'discover-tag',
      'redeploy',
      'validate-health'
    ])
    expect(approvals).toEqual(['rollback:production'])
    expect(calls[0]?.[1]).toMatchObject({
      registry: 'reg.example.io',
      repository: 'warranty-hub/product-service',
      namespace: 'prod',
      deployment: 'product-service',
      'image-tag': ''
    })
    expect(calls[1]?.[1]).toMatchObject({
      namespace: 'prod',
      deployments: 'product-service',
      image:
        'reg.example.io/warranty-hub/product-service@sha256:' + 'a'.repeat(64)
    })
    expect(calls[2]?.[1]['http-checks']).toContain('json-value: v1.2.0-stable')
    expect(execution.jobs.rollback?.outputs.verdict).toBe('healthy')
    expect(execution.status).toBe('success')
  })

  it('still validates after a failed redeploy, and skips nothing it must run', async () => {
    const calls: string[] = []
    const execution = await executeWorkflow(workflow, {
      inputs: { environment: 'staging', service: 'api' },
      ...world(),
      approve: () => Promise.resolve({ approvedBy: 'lead' }),
      runAction: (id) => {
        calls.push(id)
        return Promise.resolve(
          fakeRun(
            id,
            id === 'validate-health' ? { verdict: 'unhealthy' } : {},
            id === 'redeploy' ? 1 : 0
          )
        )
      }
    })
    expect(calls).toEqual(['discover-tag', 'redeploy', 'validate-health'])
    expect(execution.status).toBe('failure')
  })

  it('does not start the rollback job when the plan failed', async () => {
    const calls: string[] = []
    const execution = await executeWorkflow(workflow, {
      inputs: { environment: 'staging', service: 'api' },
      ...world(),
      approve: () => Promise.reject(new Error('must not ask for approval')),
      runAction: (id) => {
        calls.push(id)
        return Promise.resolve(fakeRun(id, {}, 1))
      }
    })
    expect(calls).toEqual(['discover-tag'])
    expect(execution.jobs.rollback?.status).toBe('skipped')
    expect(execution.status).toBe('failure')
    // the post-mortem is opened all the same (if: !cancelled())
    expect(execution.jobs['post-mortem']?.status).toBe('success')
    expect(execution.reports[0]?.jobs.map((j) => [j.id, j.result])).toEqual([
      ['plan', 'failure'],
      ['rollback', 'skipped'],
      ['post-mortem', 'success']
    ])
  })

  it('opens the post-mortem issue in the GitHub emulator with the actions/github-script step (real Octokit)', async () => {
    const before = github.issues.length
    const execution = await executeWorkflow(workflow, {
      inputs: { environment: 'staging', service: 'api' },
      ...world(),
      approve: () => Promise.resolve({ approvedBy: 'lead' }),
      runAction: (id) => Promise.resolve(fakeRun(id, {}, 1))
    })
    expect(execution.jobs['post-mortem']?.status).toBe('success')
    expect(github.issues).toHaveLength(before + 1)
    const issue = github.issues.at(-1)
    expect(issue).toMatchObject({
      title: 'Post-mortem: rollback of api in staging (not restored)',
      labels: ['rollback', 'post-mortem'],
      user: 'sre'
    })
    expect(issue?.body).toContain(
      'https://github.com/warranty-hub/platform/actions/runs/42'
    )
    const step = execution.reports[0]?.jobs.find((j) => j.id === 'post-mortem')
      ?.steps[0]
    expect(step).toMatchObject({
      name: 'Open the post-mortem issue',
      uses: expect.stringMatching(/^actions\/github-script@/),
      outcome: 'success'
    })
  })

  it('opens no post-mortem when the caller turns it off (boolean input typed as the runner types it)', async () => {
    const execution = await executeWorkflow(workflow, {
      inputs: {
        environment: 'staging',
        service: 'api',
        'post-mortem': 'false'
      },
      ...world(),
      approve: () => Promise.resolve({ approvedBy: 'lead' }),
      runAction: (id) =>
        Promise.resolve(
          fakeRun(id, id === 'validate-health' ? { verdict: 'healthy' } : {})
        )
    })
    expect(execution.jobs['post-mortem']?.status).toBe('skipped')
    expect(execution.status).toBe('success')
  })

  it('shows the action log as the runner does: masked values as ***, no mask or debug commands', async () => {
    const lines: string[] = []
    await executeWorkflow(workflow, {
      inputs: { environment: 'staging', service: 'api' },
      ...world(),
      approve: () => Promise.resolve({ approvedBy: 'lead' }),
      onLine: (l) => lines.push(l),
      runAction: (id, _inputs, opts) => {
        opts?.onLine?.('::add-mask::s3cr3t-value')
        opts?.onLine?.('::debug::resolved s3cr3t-value')
        opts?.onLine?.(`${id} connected with s3cr3t-value`)
        return Promise.resolve(
          fakeRun(id, id === 'validate-health' ? { verdict: 'healthy' } : {})
        )
      }
    })
    const text = lines.join('\n')
    expect(text).toContain('discover-tag connected with ***')
    expect(text).not.toContain('s3cr3t-value')
    expect(text).not.toContain('::add-mask::')
    expect(text).not.toContain('::debug::')
  })

  describe('rollback-drill.yml overdue check (dead-man) on a fake clock', () => {
    const drill = loadWorkflow(join(TEMPLATE, '..', 'rollback-drill.yml'))
    const repo = 'warranty-hub/platform'
    const path = '.github/workflows/rollback-drill.yml'
    beforeAll(() => {
      const job = (
        name: string,
        at: string,
        conclusion: 'success' | 'failure' = 'success'
      ) => ({ name, conclusion, started_at: at, completed_at: at })
      // a successful drill on 6 January (its report job succeeded)
      github.recordWorkflowRun(repo, {
        id: 900,
        attempt: 1,
        name: 'Rollback drill (staging)',
        run_started_at: '2026-01-06T09:17:05Z',
        path
      })
      github.recordWorkflowJob(
        repo,
        900,
        1,
        job('Report the drill', '2026-01-06T10:02:00Z')
      )
      github.completeWorkflowRun(
        repo,
        900,
        1,
        'success',
        '2026-01-06T10:02:10Z'
      )
      // later successful runs that were no drill: a weekly overdue check (no report job)…
      github.recordWorkflowRun(repo, {
        id: 901,
        attempt: 1,
        name: 'Rollback drill (staging)',
        run_started_at: '2026-03-02T06:41:00Z',
        path
      })
      github.recordWorkflowJob(
        repo,
        901,
        1,
        job(
          'Has a drill succeeded in the last 100 days?',
          '2026-03-02T06:41:30Z'
        )
      )
      github.completeWorkflowRun(
        repo,
        901,
        1,
        'success',
        '2026-03-02T06:41:40Z'
      )
      // …and a drill that failed its checks
      github.recordWorkflowRun(repo, {
        id: 902,
        attempt: 1,
        name: 'Rollback drill (staging)',
        run_started_at: '2026-04-07T09:17:05Z',
        path
      })
      github.recordWorkflowJob(
        repo,
        902,
        1,
        job('Report the drill', '2026-04-07T10:00:00Z', 'failure')
      )
      github.completeWorkflowRun(
        repo,
        902,
        1,
        'failure',
        '2026-04-07T10:00:10Z'
      )
    })

    const check = async (now: string) => {
      const w = world()
      const execution = await executeWorkflow(drill, {
        inputs: { 'deadman-check': 'true' },
        ...w,
        env: { ...w.env, ROLLBACK_DRILL_NOW: now },
        approve: () => Promise.resolve({ approvedBy: 'lead' }),
        runAction: (id) => Promise.resolve(fakeRun(id, {}))
      })
      const overdueIssues = github.issues.filter((i) =>
        i.labels.includes('rollback-drill-overdue')
      )
      return { execution, overdueIssues }
    }

    it('runs only the gate and the overdue job when asked for the check', async () => {
      const { execution } = await check('2026-04-10T06:41:00Z')
      expect(
        execution.reports[0]?.jobs
          .filter((j) => j.result !== 'skipped')
          .map((j) => j.id)
      ).toEqual(['gate', 'overdue'])
    })

    it('opens no issue 94 days after the last successful drill', async () => {
      const { execution, overdueIssues } = await check('2026-04-10T06:41:00Z')
      expect(execution.jobs.overdue?.outputs.overdue).toBe('false')
      expect(overdueIssues).toHaveLength(0)
    })

    it('opens the overdue issue 104 days after it, not counting the check run and the failed drill', async () => {
      const { execution, overdueIssues } = await check('2026-04-20T06:41:00Z')
      expect(execution.status).toBe('success')
      expect(execution.jobs.overdue?.outputs.overdue).toBe('true')
      expect(overdueIssues).toHaveLength(1)
      expect(overdueIssues[0]?.title).toBe(
        'Rollback drill overdue: no successful drill in the last 100 days'
      )
      expect(overdueIssues[0]?.body).toContain('2026-01-10T06:41:00.000Z')
    })

    it('updates the open overdue issue a week later instead of opening another', async () => {
      const { overdueIssues } = await check('2026-04-27T06:41:00Z')
      expect(overdueIssues).toHaveLength(1)
      expect(overdueIssues[0]?.body).toContain(
        'checked 2026-04-27T06:41:00.000Z'
      )
    })
  })
})
