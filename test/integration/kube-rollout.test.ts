// The rollout library (@rollback-actions/kube) over client-node 2.x against the Kubernetes emulator (TLS, token).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  ConfigurationError,
  OperationError,
  recordingLogger
} from '@rollback-actions/action-kit'
import {
  createKubeClients,
  restartRollout,
  rollBack,
  setImage,
  waitForRollout,
  type KubeClients
} from '@rollback-actions/kube'
import {
  type KubernetesEmulator,
  type RequestLog
} from '@rollback-actions/emulators'
import {
  loopbackTls,
  pauseDeployment,
  SHOP_WEB,
  shopWebRuntime,
  startKube,
  type LoopbackTls
} from '../helpers/kube.js'

const { v1: GOOD_OLD, v2: LIVE, v3: BROKEN } = SHOP_WEB
const MISSING = `${SHOP_WEB.repository}:v9`
const PROGRESS_DEADLINE_SECONDS = 120

let emulator: KubernetesEmulator
let log: RequestLog
let clients: KubeClients
let seq = 0
let certs: LoopbackTls

async function startEmulator(podStartLatencyMs: number) {
  ;({ emulator, log } = await startKube({
    certs,
    token: 'kube-rollout-test-token',
    runtime: shopWebRuntime(),
    podStartLatencyMs,
    bookmarkIntervalMs: 60_000
  }))
  clients = createKubeClients(emulator.kubeconfig())
}

beforeAll(async () => {
  certs = await loopbackTls()
})

/** Seeds a fresh deployment (own name per test) running LIVE with GOOD_OLD as an earlier revision. */
async function seed(replicas = 2): Promise<string> {
  const name = `web-${++seq}`
  await emulator.seedDeployment({
    namespace: 'prod',
    name,
    replicas,
    container: 'app',
    images: [GOOD_OLD, LIVE],
    progressDeadlineSeconds: PROGRESS_DEADLINE_SECONDS
  })
  return name
}

const imageOf = (name: string) =>
  (
    emulator.store.get('deployments', 'prod', name)?.spec as {
      template: { spec: { containers: { image: string }[] } }
    }
  ).template.spec.containers[0]?.image

const options = (deployments: string[], image: string) => ({
  clients,
  namespace: 'prod',
  deployments,
  image,
  timeoutSeconds: 60,
  dryRun: false,
  changeCause: 'rollback-actions: test',
  log: recordingLogger()
})

describe('rollBack against the emulator', () => {
  beforeAll(() => startEmulator(300))
  afterAll(() => emulator.close())

  it('rolls one deployment back and returns the new revision', async () => {
    const name = await seed()
    const mark = log.mark()
    const [result] = await rollBack(options([name], GOOD_OLD))
    expect(result).toMatchObject({
      deployment: name,
      outcome: 'succeeded',
      previousImage: LIVE,
      image: GOOD_OLD,
      revision: 3
    })
    expect(imageOf(name)).toBe(GOOD_OLD)
    const writes = log.writes('kubernetes', mark)
    expect(writes.map((w) => `${w.method} ${w.path}`)).toEqual([
      `PATCH /apis/apps/v1/namespaces/prod/deployments/${name}?fieldManager=rollback-actions`
    ])
    const d = emulator.store.get('deployments', 'prod', name)
    expect(d?.metadata.annotations?.['kubernetes.io/change-cause']).toBe(
      'rollback-actions: test'
    )
    expect(d?.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe(
      '3'
    )
  })

  it('rolls three deployments back in parallel', async () => {
    const names = [await seed(), await seed(), await seed()]
    const mark = log.mark()
    const results = await rollBack(options(names, GOOD_OLD))
    expect(results.map((r) => [r.deployment, r.outcome, r.revision])).toEqual(
      names.map((n) => [n, 'succeeded', 3])
    )
    for (const n of names) expect(imageOf(n)).toBe(GOOD_OLD)
    expect(log.writes('kubernetes', mark)).toHaveLength(3)
    // Every rollout started before the first one finished.
    const firstFinish = Math.min(...results.map((r) => r.finishedAt.getTime()))
    for (const r of results)
      expect(r.startedAt.getTime()).toBeLessThan(firstFinish)
  })

  it('fails within seconds on a crash-looping image, quoting the log', async () => {
    const name = await seed()
    const started = Date.now()
    const [result] = await rollBack(options([name], BROKEN))
    const elapsedMs = Date.now() - started
    expect(result?.outcome).toBe('failed')
    expect(result?.error).toBeInstanceOf(OperationError)
    expect(result?.error?.message).toMatch(
      new RegExp(
        `deployment "prod/${name}" cannot roll out: pod "${name}-[a-z0-9]+-[a-z0-9]+" container "app" is in CrashLoopBackOff`
      )
    )
    expect(result?.error?.message).toMatch(
      /Last 20 log lines of the previous instance:\n[\s\S]*\| panic: runtime error: invalid memory address/
    )
    expect(elapsedMs).toBeLessThan(10_000)
    expect(elapsedMs).toBeLessThan(PROGRESS_DEADLINE_SECONDS * 1000 * 0.1)
    const logCalls = log
      .of('kubernetes')
      .filter((e) => e.path.includes('/log?'))
      .map((e) => e.path)
    expect(
      logCalls.some((p) => /previous=true/.test(p) && /tailLines=20/.test(p))
    ).toBe(true)
  })

  it('fails fast with ErrImagePull for an image that does not exist', async () => {
    const name = await seed()
    const started = Date.now()
    const [result] = await rollBack(options([name], MISSING))
    expect(result?.outcome).toBe('failed')
    expect(result?.error?.message).toMatch(
      new RegExp(
        `container "app" cannot pull image "${MISSING}" \\((ErrImagePull|ImagePullBackOff): .*manifest unknown`
      )
    )
    expect(Date.now() - started).toBeLessThan(10_000)
  })

  it('refuses a paused deployment without writing', async () => {
    const name = await seed()
    pauseDeployment(emulator, name)
    const mark = log.mark()
    const error = await rollBack(options([name], GOOD_OLD)).catch(
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(ConfigurationError)
    expect((error as Error).message).toMatch(
      new RegExp(`deployment "prod/${name}" is paused.*kubectl rollout resume`)
    )
    expect(log.writes('kubernetes', mark)).toEqual([])
    expect(imageOf(name)).toBe(LIVE)
  })

  it('does not write to a deployment already on the image', async () => {
    const name = await seed()
    const mark = log.mark()
    const [result] = await rollBack(options([name], LIVE))
    expect(result).toMatchObject({ outcome: 'unchanged', revision: 2 })
    expect(log.writes('kubernetes', mark)).toEqual([])
  })

  it('refuses an image from a registry that is not allowed without writing', async () => {
    const names = [await seed(), await seed()]
    const mark = log.mark()
    await expect(
      rollBack(options(names, 'ghcr.io/someone/web:v1'))
    ).rejects.toThrow(
      /2 of 2 deployments cannot be rolled back; nothing was changed:\n- .*registry ghcr.io, which is not allowed \(allowed: sandboxacr.azurecr.io\)/
    )
    expect(log.writes('kubernetes', mark)).toEqual([])
  })

  it('validates every deployment before patching any', async () => {
    const good = await seed()
    const mark = log.mark()
    await expect(
      rollBack(options([good, 'does-not-exist'], GOOD_OLD))
    ).rejects.toThrow(/deployment "prod\/does-not-exist" not found/)
    expect(log.writes('kubernetes', mark)).toEqual([])
    expect(imageOf(good)).toBe(LIVE)
  })
})

describe('restartRollout against the emulator', () => {
  beforeAll(() => startEmulator(300))
  afterAll(() => emulator.close())

  it('replaces every pod through a new revision, image unchanged', async () => {
    const name = await seed()
    const podsBefore = emulator.store
      .list('pods', 'prod')
      .filter((p) => p.metadata.name.startsWith(`${name}-`))
      .map((p) => p.metadata.name)
    const mark = log.mark()
    const { restartedAt } = await restartRollout({
      clients,
      namespace: 'prod',
      name,
      log: recordingLogger()
    })
    expect(restartedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
    const result = await waitForRollout({
      clients,
      namespace: 'prod',
      name,
      timeoutSeconds: 30,
      log: recordingLogger()
    })
    expect(result.revision).toBe(3)
    expect(imageOf(name)).toBe(LIVE)
    const d = emulator.store.get('deployments', 'prod', name)
    expect(
      (
        d?.spec as {
          template: { metadata: { annotations: Record<string, string> } }
        }
      ).template.metadata.annotations['kubectl.kubernetes.io/restartedAt']
    ).toBe(restartedAt)
    const podsAfter = emulator.store
      .list('pods', 'prod')
      .filter(
        (p) =>
          p.metadata.name.startsWith(`${name}-`) &&
          !p.metadata.deletionTimestamp
      )
      .map((p) => p.metadata.name)
    expect(podsAfter.filter((p) => podsBefore.includes(p))).toEqual([])
    expect(log.writes('kubernetes', mark).map((w) => w.path)).toEqual([
      `/apis/apps/v1/namespaces/prod/deployments/${name}?fieldManager=rollback-actions`
    ])
  })

  it('refuses a paused deployment without writing', async () => {
    const name = await seed()
    pauseDeployment(emulator, name)
    const mark = log.mark()
    await expect(
      restartRollout({
        clients,
        namespace: 'prod',
        name,
        log: recordingLogger()
      })
    ).rejects.toThrow(/can't restart paused deployment/)
    expect(log.writes('kubernetes', mark)).toEqual([])
  })
})

describe('waitForRollout against the emulator', () => {
  // Slow pod starts: each rollout below outlasts several 1 s watch requests.
  beforeAll(() => startEmulator(1_200))
  afterAll(() => emulator.close())

  const watchRequests = (since: number, name: string) =>
    log
      .of('kubernetes', since)
      .filter(
        (e) =>
          e.path.includes('watch=true') &&
          e.path.includes(`metadata.name%3D${name}`)
      )

  const listRequests = (since: number, name: string) =>
    log
      .of('kubernetes', since)
      .filter(
        (e) =>
          e.method === 'GET' &&
          !e.path.includes('watch=true') &&
          e.path.includes(`deployments?fieldSelector=metadata.name%3D${name}`)
      )

  /** Seeds a deployment and sets its image to GOOD_OLD (a 3-pod rollout follows); returns the log mark before. */
  const setImageOfFreshDeployment = async () => {
    const name = await seed(2)
    const mark = log.mark()
    const logger = recordingLogger()
    await setImage({
      clients,
      namespace: 'prod',
      name,
      image: GOOD_OLD,
      changeCause: 'test',
      log: logger,
      dryRun: false
    })
    return { name, mark, logger }
  }

  /** Waits for the rollout of `name` with watch requests the server ends after 1 s. */
  const waitWithShortWatches = (
    name: string,
    logger: ReturnType<typeof recordingLogger>
  ) =>
    waitForRollout({
      clients,
      namespace: 'prod',
      name,
      timeoutSeconds: 30,
      log: logger,
      watchTimeoutSeconds: 1
    })

  it('re-watches from the last resourceVersion when the server ends the stream', async () => {
    const { name, mark, logger } = await setImageOfFreshDeployment()
    // Each watch request ends server-side after 1 s; the rollout of 3 pods takes longer.
    const result = await waitWithShortWatches(name, logger)
    expect(result.revision).toBe(3)
    // A watch request is logged when its stream closes; the last one closes as the wait returns.
    const end = Date.now() + 2_000
    while (watchRequests(mark, name).length < 2 && Date.now() < end)
      await new Promise((r) => setTimeout(r, 50))
    const watches = watchRequests(mark, name)
    expect(watches.length).toBeGreaterThanOrEqual(2)
    for (const w of watches) {
      expect(w.path).toMatch(/resourceVersion=\d+/)
      expect(w.path).toMatch(/timeoutSeconds=1(&|$)/)
    }
    expect(logger.lines.filter((l) => l.level === 'warning')).toEqual([])
    // No re-list: every new watch continued from a resourceVersion seen before.
    expect(listRequests(mark, name)).toHaveLength(1)
    const rvs = watches.map((w) =>
      Number(/resourceVersion=(\d+)/.exec(w.path)?.[1])
    )
    expect([...rvs].sort((a, b) => a - b)).toEqual(rvs)
  })

  it.each([
    ['an HTTP 410 answer', 'status' as const],
    ['an ERROR event with code 410', 'event' as const]
  ])(
    'lists again when its resourceVersion has expired (%s)',
    async (_how, style) => {
      emulator.store.expiredWatchStyle = style
      const { name, mark, logger } = await setImageOfFreshDeployment()
      // Compact the watch history continuously, as etcd does, so re-watches from old resourceVersions get 410.
      let n = 0
      const churn = setInterval(() => {
        emulator.store.createSecret({
          metadata: { name: `churn-${seq}-${n++}`, namespace: 'prod' },
          data: {}
        } as never)
        emulator.store.compact(0)
      }, 100)
      try {
        const result = await waitWithShortWatches(name, logger)
        expect(result.revision).toBe(3)
      } finally {
        clearInterval(churn)
      }
      expect(listRequests(mark, name).length).toBeGreaterThanOrEqual(2)
      expect(log.of('kubernetes', mark).some((e) => e.status === 410)).toBe(
        style === 'status'
      )
      emulator.store.expiredWatchStyle = 'status'
    }
  )
})
