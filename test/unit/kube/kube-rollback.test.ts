import { describe, expect, it } from '@jest/globals'
import {
  ConfigurationError,
  OperationError,
  silentLogger
} from '@rollback-actions/action-kit'
import {
  normalizeRegistry,
  planRollBack,
  rollBack,
  rollBackFailure,
  type RollBackResult
} from '@rollback-actions/kube'
import { deployment, fakeClients } from './fake-clients.js'
import type { FakeCall } from './fake-clients.js'

const base = {
  namespace: 'prod',
  image: 'reg.azurecr.io/web:v1',
  timeoutSeconds: 30,
  dryRun: false,
  changeCause: 'why',
  log: silentLogger
}

function threeDeployments() {
  const fake = fakeClients()
  for (const name of ['web', 'api', 'worker']) {
    fake.state.deployments.set(
      `prod/${name}`,
      deployment({ name, images: { app: `reg.azurecr.io/${name}:v2` } })
    )
  }
  return fake
}

/** {@link threeDeployments} with prod/api paused. */
function apiPaused() {
  const fake = threeDeployments()
  fake.state.deployments.set(
    'prod/api',
    deployment({
      name: 'api',
      paused: true,
      images: { app: 'reg.azurecr.io/api:v2' }
    })
  )
  return fake
}

/** rollBack with {@link base} and the given deployments (and overrides). */
const rollBackOf = (
  clients: ReturnType<typeof fakeClients>['clients'],
  deployments: string[],
  options: Partial<Parameters<typeof rollBack>[0]> = {}
) => rollBack({ ...base, clients, deployments, ...options })

/** The error a promise rejects with. */
const rejection = (promise: Promise<unknown>) =>
  promise.catch((e: unknown) => e)

const writes = (calls: FakeCall[]) =>
  calls.filter((c) => c.method.startsWith('patch'))

describe('rollBack validation happens before any write', () => {
  it('patches nothing when one of three deployments is paused', async () => {
    const { clients, state } = apiPaused()
    const error = await rejection(rollBackOf(clients, ['web', 'api', 'worker']))
    expect(error).toBeInstanceOf(ConfigurationError)
    expect((error as Error).message).toMatch(
      /deployment "prod\/api" is paused.*Nothing was changed/
    )
    expect(writes(state.calls)).toHaveLength(0)
    expect(
      state.calls.filter((c) => c.method === 'readNamespacedDeployment')
    ).toHaveLength(3)
  })

  it('lists every problem at once', async () => {
    const { clients, state } = apiPaused()
    const error = await rejection(
      rollBackOf(clients, ['web', 'api', 'worker', 'ghost'])
    )
    expect((error as Error).message).toMatch(
      /^2 of 4 deployments cannot be rolled back; nothing was changed:\n- deployment "prod\/api" is paused.*\n- deployment "prod\/ghost" not found/s
    )
    expect(writes(state.calls)).toHaveLength(0)
  })

  it('refuses an image from another registry than the one running now', async () => {
    const { clients, state } = threeDeployments()
    const error = await rejection(
      rollBackOf(clients, ['web'], { image: 'evil.example.com/web:v1' })
    )
    expect(error).toBeInstanceOf(ConfigurationError)
    expect((error as Error).message).toMatch(
      /comes from registry evil.example.com, which is not allowed \(allowed: reg.azurecr.io\)/
    )
    expect(writes(state.calls)).toHaveLength(0)
  })

  it('treats an unqualified image as Docker Hub', async () => {
    const { clients, state } = threeDeployments()
    await expect(
      rollBack({ ...base, clients, deployments: ['web'], image: 'web:v1' })
    ).rejects.toThrow(/registry docker.io, which is not allowed/)
    expect(writes(state.calls)).toHaveLength(0)
  })

  it('accepts an image from an explicitly allowed registry', async () => {
    const { clients } = threeDeployments()
    const plans = await planRollBack({
      clients,
      namespace: 'prod',
      deployments: ['web'],
      image: 'other.azurecr.io/web:v1',
      allowedRegistries: ['https://Other.azurecr.io/']
    })
    expect(plans[0]).toMatchObject({
      name: 'web',
      container: 'app',
      previousImage: 'reg.azurecr.io/web:v2',
      image: 'other.azurecr.io/web:v1',
      registry: 'other.azurecr.io',
      changed: true
    })
  })

  it('rejects the current registry when an explicit list leaves it out', async () => {
    const { clients } = threeDeployments()
    await expect(
      planRollBack({
        clients,
        namespace: 'prod',
        deployments: ['web'],
        image: 'reg.azurecr.io/web:v1',
        allowedRegistries: ['other.azurecr.io']
      })
    ).rejects.toThrow(/not allowed \(allowed: other.azurecr.io\)/)
  })
})

describe('rollBack', () => {
  it('patches every deployment and reports each result', async () => {
    const { clients, state } = threeDeployments()
    // The fake's deployments are already rolled out, so each wait ends at the first list.
    const results = await rollBackOf(clients, ['web', 'api', 'worker', 'web'], {
      image: 'reg.azurecr.io/app:v1',
      changeCause: (plan) => `${plan.previousImage} -> ${plan.image}`
    })
    expect(
      results.map((r) => [r.deployment, r.outcome, r.previousImage])
    ).toEqual([
      ['web', 'succeeded', 'reg.azurecr.io/web:v2'],
      ['api', 'succeeded', 'reg.azurecr.io/api:v2'],
      ['worker', 'succeeded', 'reg.azurecr.io/worker:v2']
    ])
    expect(results.every((r) => r.revision === 2)).toBe(true)
    const sent = writes(state.calls)
    expect(sent).toHaveLength(3)
    expect(sent[1]!.params.body).toMatchObject({
      metadata: {
        annotations: {
          'kubernetes.io/change-cause':
            'reg.azurecr.io/api:v2 -> reg.azurecr.io/app:v1'
        }
      }
    })
    expect(rollBackFailure(results)).toBeUndefined()
  })

  it('wraps each deployment in the step callback', async () => {
    const { clients } = threeDeployments()
    const seen: string[] = []
    await rollBackOf(clients, ['web', 'api'], {
      image: 'reg.azurecr.io/app:v1',
      step: async (plan, run) => {
        seen.push(`${plan.name}:${plan.previousImage}`)
        return run()
      }
    })
    expect(seen.sort()).toEqual([
      'api:reg.azurecr.io/api:v2',
      'web:reg.azurecr.io/web:v2'
    ])
  })

  it('plans only on a dry run', async () => {
    const { clients, state } = threeDeployments()
    const results = await rollBackOf(clients, ['web'], { dryRun: true })
    expect(results[0]).toMatchObject({
      outcome: 'dry-run',
      previousImage: 'reg.azurecr.io/web:v2'
    })
    expect(writes(state.calls)).toHaveLength(0)
    expect(state.calls.some((c) => c.method === 'watch')).toBe(false)
  })

  it('does not write to a deployment already on the image', async () => {
    const { clients, state } = threeDeployments()
    const results = await rollBackOf(clients, ['web'], {
      image: 'reg.azurecr.io/web:v2'
    })
    expect(results[0]?.outcome).toBe('unchanged')
    expect(writes(state.calls)).toHaveLength(0)
  })
})

describe('rollBackFailure', () => {
  const result = (deploymentName: string, error?: Error): RollBackResult => ({
    namespace: 'prod',
    deployment: deploymentName,
    container: 'app',
    previousImage: 'a',
    image: 'b',
    outcome: error ? 'failed' : 'succeeded',
    startedAt: new Date(),
    finishedAt: new Date(),
    ...(error ? { error } : {})
  })

  it('returns a single failure as is', () => {
    const e = new OperationError('web broke')
    expect(rollBackFailure([result('web', e), result('api')])).toBe(e)
  })

  it('lists several failures', () => {
    const failure = rollBackFailure([
      result('web', new OperationError('web broke')),
      result('api', new OperationError('api broke')),
      result('worker')
    ])
    expect(failure).toBeInstanceOf(OperationError)
    expect(failure?.message).toBe(
      '2 of 3 deployments did not roll out:\n- web broke\n- api broke'
    )
  })
})

describe('normalizeRegistry', () => {
  it.each([
    ['REG.azurecr.io', 'reg.azurecr.io'],
    ['https://reg.azurecr.io/', 'reg.azurecr.io'],
    ['localhost:5000', 'localhost:5000'],
    ['index.docker.io', 'docker.io'],
    ['registry-1.docker.io', 'docker.io']
  ])('%p -> %p', (input, expected) => {
    expect(normalizeRegistry(input)).toBe(expected)
  })
})
