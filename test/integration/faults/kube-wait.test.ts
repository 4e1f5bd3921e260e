// Regression tests of issue #10 items 3 and 5 (kube half): the rollout wait is for this step's own change, and it is
// a deadline loop that re-lists before declaring a timeout.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  OperationError,
  recordingLogger,
  retryPolicyFromEnv
} from '@rollback-actions/action-kit'
import {
  createKubeClients,
  rollBack,
  waitForRollout,
  type KubeClients
} from '@rollback-actions/kube'
import {
  FAST_RETRY_ENV,
  LIVE,
  OLD,
  OTHER,
  startKubeFaultWorld,
  type KubeFaultWorld
} from '../../helpers/kube-faults.js'

let world: KubeFaultWorld
let clients: KubeClients

beforeAll(async () => {
  world = await startKubeFaultWorld()
  clients = createKubeClients(world.kubeconfig, {
    ...retryPolicyFromEnv(FAST_RETRY_ENV),
    requestTimeoutMs: 10_000
  })
})
afterAll(() => world.close())

const options = (name: string, image: string) => ({
  clients,
  namespace: 'prod',
  deployments: [name],
  image,
  timeoutSeconds: 20,
  dryRun: false,
  changeCause: 'test',
  log: recordingLogger()
})

describe('waitForRollout waits for its own change', () => {
  it('fails the loser of two concurrent redeploys as superseded, naming the image now live', async () => {
    const name = await world.seed()
    const [a, b] = await Promise.all([
      rollBack(options(name, OLD)),
      rollBack(options(name, OTHER))
    ])
    const results = [a?.[0], b?.[0]]
    const failed = results.filter((r) => r?.outcome === 'failed')
    expect(failed).toHaveLength(1)
    const live = world.imageOf(name)
    expect(failed[0]?.error?.message).toMatch(
      /was superseded by another change: container "app" now runs/
    )
    expect(failed[0]?.error?.message).toContain(`now runs ${live}`)
    expect(results.find((r) => r?.outcome === 'succeeded')?.image).toBe(live)
  })
})

describe('waitForRollout is a deadline loop', () => {
  it('accepts a timeout above the 2^31-1 ms timer limit (1000 h) and still waits for the rollout', async () => {
    const name = await world.seed()
    const result = await waitForRollout({
      clients,
      namespace: 'prod',
      name,
      timeoutSeconds: 3_600_000,
      log: recordingLogger()
    })
    expect(result.revision).toBe(2)
    expect(world.imageOf(name)).toBe(LIVE)
  })

  it('lists once more before declaring a timeout when every watch hangs', async () => {
    const name = await world.seed()
    world.proxy.inject({
      path: /watch=true/,
      fault: { kind: 'stall-stream' },
      times: Infinity
    })
    try {
      const [result] = await rollBack({
        ...options(name, OLD),
        timeoutSeconds: 2
      })
      expect(result?.outcome).toBe('succeeded')
      expect(world.imageOf(name)).toBe(OLD)
    } finally {
      world.proxy.clear()
    }
  })

  it('still reports a timeout, with the last status, when the rollout is not done', async () => {
    const name = await world.seed()
    const error = await waitForRollout({
      clients,
      namespace: 'prod',
      name,
      timeoutSeconds: 0.3,
      log: recordingLogger(),
      expect: { generation: 99, container: 'app', image: LIVE }
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(OperationError)
    expect((error as Error).message).toMatch(
      /did not finish rolling out within 0.3s/
    )
  })
})
