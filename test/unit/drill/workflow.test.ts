import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import type { ActionRun } from '@rollback-actions/drill'
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

  /** Runs the workflow for service api in staging, approvals granted, no vars, github context or env. */
  const onStaging = (
    options: Partial<Parameters<typeof executeWorkflow>[1]> &
      Pick<Parameters<typeof executeWorkflow>[1], 'runAction'>
  ) =>
    executeWorkflow(workflow, {
      inputs: { environment: 'staging', service: 'api' },
      vars: {},
      github: {},
      env: {},
      approve: () => Promise.resolve({ approvedBy: 'lead' }),
      ...options
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
      vars: {
        ROLLBACK_REGISTRY: 'reg.example.io',
        ROLLBACK_REPOSITORY_PREFIX: 'warranty-hub',
        ROLLBACK_NAMESPACE: 'prod',
        ROLLBACK_SERVICE_URL: 'https://svc.example.io'
      },
      github: { actor: 'sre' },
      env: {},
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
    const execution = await onStaging({
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
    const execution = await onStaging({
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
  })

  it('opens no post-mortem when the caller turns it off (boolean input typed as the runner types it)', async () => {
    const execution = await onStaging({
      inputs: {
        environment: 'staging',
        service: 'api',
        'post-mortem': 'false'
      },
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
    await onStaging({
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
})
