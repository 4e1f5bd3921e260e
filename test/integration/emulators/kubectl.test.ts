// The real kubectl (version-dispatching wrapper → 1.31 build) against the Kubernetes emulator.
import {
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  it
} from '@jest/globals'
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { httpsRequest } from '../../helpers/https.js'
import {
  fakeRuntime,
  type KeyPairPem,
  type KubeObject,
  type KubernetesEmulator,
  type RequestLog
} from '@rollback-actions/emulators'
import { loopbackTls, startKube } from '../../helpers/kube.js'

const REPO = 'sandboxacr.azurecr.io/warranty-hub/product-service'
const IMAGES = {
  [`${REPO}:v1.0.0`]: `sha256:${'a'.repeat(64)}`,
  [`${REPO}:v1.1.0`]: `sha256:${'b'.repeat(64)}`,
  [`${REPO}:v1.2.0-stable`]: `sha256:${'c'.repeat(64)}`,
  [`${REPO}:v1.3.0`]: `sha256:${'d'.repeat(64)}`
}
const TOKEN = 'kubectl-test-token'
const DEPLOY = 'deployment/product-service'

let caPem: string
let tls: KeyPairPem
let emulator: KubernetesEmulator
let log: RequestLog
let home: string

beforeAll(async () => {
  ;({ caPem, tls } = await loopbackTls())
})

async function start(progressDeadlineSeconds?: number): Promise<void> {
  ;({ emulator, log } = await startKube({
    certs: { caPem, tls },
    token: TOKEN,
    runtime: fakeRuntime({ images: IMAGES, broken: [`${REPO}:v1.3.0`] }),
    podStartLatencyMs: 300
  }))
  home = mkdtempSync(join(tmpdir(), 'kubectl-test-'))
  writeFileSync(
    join(home, 'kubeconfig'),
    emulator.kubeconfig({ namespace: 'prod' })
  )
  await emulator.seedDeployment({
    namespace: 'prod',
    name: 'product-service',
    replicas: 2,
    container: 'product-service',
    images: [`${REPO}:v1.0.0`, `${REPO}:v1.1.0`, `${REPO}:v1.2.0-stable`],
    ...(progressDeadlineSeconds ? { progressDeadlineSeconds } : {})
  })
}

beforeEach(() => start())

afterEach(async () => {
  await emulator.close()
  rmSync(home, { recursive: true, force: true })
})

interface Run {
  code: number
  stdout: string
  stderr: string
}

function kubectl(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      'kubectl',
      [
        '--kubeconfig',
        join(home, 'kubeconfig'),
        '--cache-dir',
        join(home, 'cache'),
        ...args
      ],
      { env: { PATH: process.env.PATH ?? '', HOME: home }, timeout: 25_000 },
      (error, stdout, stderr) => {
        const code = error
          ? typeof error.code === 'number'
            ? error.code
            : 1
          : 0
        resolve({ code, stdout: stdout.toString(), stderr: stderr.toString() })
      }
    )
  })
}

/** GET through the emulator's HTTPS API (what any client sees). */
async function api<T = KubeObject>(path: string): Promise<T> {
  const { status, text } = await httpsRequest(`${emulator.url}${path}`, {
    ca: caPem,
    headers: { authorization: `Bearer ${TOKEN}` }
  })
  if (status !== 200) throw new Error(`GET ${path}: ${status} ${text}`)
  return JSON.parse(text) as T
}

const deployment = () =>
  api('/apis/apps/v1/namespaces/prod/deployments/product-service')
const replicaSets = async () =>
  (
    await api<{ items: KubeObject[] }>(
      '/apis/apps/v1/namespaces/prod/replicasets?labelSelector=app%3Dproduct-service'
    )
  ).items
const revisionOf = (o: KubeObject) =>
  o.metadata.annotations?.['deployment.kubernetes.io/revision']
const imageOf = (o: KubeObject) =>
  (o.spec!.template!.spec.containers as Array<{ image: string }>)[0]?.image

async function livePodImages(): Promise<string[]> {
  const pods = (
    await api<{ items: KubeObject[] }>(
      '/api/v1/namespaces/prod/pods?labelSelector=app%3Dproduct-service'
    )
  ).items
  return pods
    .filter((p) => !p.metadata.deletionTimestamp)
    .map(
      (p) => (p.spec!.containers! as Array<{ image: string }>)[0]?.image ?? ''
    )
    .sort()
}

function historyRevisions(stdout: string): Array<[string, string]> {
  return stdout
    .split('\n')
    .filter((l) => /^\d+\s/.test(l))
    .map((l) => {
      const [rev, ...rest] = l.trim().split(/\s+/)
      return [rev ?? '', rest.join(' ')]
    })
}

describe('kubectl against the Kubernetes emulator', () => {
  it('lists the seeded deployment with READY 2/2 from the server-side Table', async () => {
    const run = await kubectl('get', 'deploy', '-n', 'prod')
    expect(run.code).toBe(0)
    const [header, row] = run.stdout.trim().split('\n')
    expect(header?.split(/\s+/)).toEqual([
      'NAME',
      'READY',
      'UP-TO-DATE',
      'AVAILABLE',
      'AGE'
    ])
    expect(row?.split(/\s+/).slice(0, 4)).toEqual([
      'product-service',
      '2/2',
      '2',
      '2'
    ])
  })

  it('shows one revision per seeded image with its change-cause', async () => {
    const run = await kubectl('rollout', 'history', DEPLOY)
    expect(run.code).toBe(0)
    expect(historyRevisions(run.stdout)).toEqual([
      ['1', `deploy ${REPO}:v1.0.0`],
      ['2', `deploy ${REPO}:v1.1.0`],
      ['3', `deploy ${REPO}:v1.2.0-stable`]
    ])
  })

  it('rolls out a new image with set image and rollout status', async () => {
    const since = log.mark()
    const set = await kubectl(
      'set',
      'image',
      DEPLOY,
      `product-service=${REPO}:v1.0.0`
    )
    expect(set.code).toBe(0)
    const patch = log.writes('kubernetes', since)
    expect(patch.map((w) => `${w.method} ${w.path}`)).toEqual([
      'PATCH /apis/apps/v1/namespaces/prod/deployments/product-service?fieldManager=kubectl-set'
    ])
    const started = Date.now()
    const status = await kubectl('rollout', 'status', DEPLOY, '--timeout=20s')
    expect(status.code).toBe(0)
    expect(status.stdout).toContain(
      'deployment "product-service" successfully rolled out'
    )
    expect(Date.now() - started).toBeLessThan(6000)
    const d = await deployment()
    expect(imageOf(d)).toBe(`${REPO}:v1.0.0`)
    expect(revisionOf(d)).toBe('4')
    expect(d.status!.observedGeneration).toBe(d.metadata.generation)
    const readopted = (await replicaSets()).find(
      (rs) => imageOf(rs) === `${REPO}:v1.0.0`
    )
    expect(
      readopted?.metadata.annotations?.[
        'deployment.kubernetes.io/revision-history'
      ]
    ).toBe('1')
    expect(await livePodImages()).toEqual([`${REPO}:v1.0.0`, `${REPO}:v1.0.0`])
  })

  it('fails rollout status with an exceeded progress deadline for a crashing image', async () => {
    await emulator.close()
    await start(2)
    expect(
      (await kubectl('set', 'image', DEPLOY, `product-service=${REPO}:v1.3.0`))
        .code
    ).toBe(0)
    const status = await kubectl('rollout', 'status', DEPLOY, '--timeout=20s')
    expect(status.code).toBe(1)
    expect(status.stderr).toContain(
      'deployment "product-service" exceeded its progress deadline'
    )
    const d = await deployment()
    const progressing = (
      d.status!.conditions as Array<{
        type: string
        status: string
        reason: string
      }>
    ).find((c) => c.type === 'Progressing')
    expect(progressing).toMatchObject({
      status: 'False',
      reason: 'ProgressDeadlineExceeded'
    })
    // maxUnavailable 25% of 2 rounds down to 0: both stable pods keep serving.
    expect(
      emulator.readyEndpoints('prod', 'product-service').map((e) => e.image)
    ).toEqual([`${REPO}:v1.2.0-stable`, `${REPO}:v1.2.0-stable`])
    // The deadline is measured from a second-precision timestamp, so it may expire before the first restart.
    const crashLoop = /0\/1\s+(CrashLoopBackOff|Error)\s+[1-9]/
    let pods = ''
    for (let i = 0; i < 20 && !crashLoop.test(pods); i++) {
      if (i) await new Promise((r) => setTimeout(r, 150))
      pods = (await kubectl('get', 'pods', '--no-headers')).stdout
    }
    expect(pods).toMatch(crashLoop)
  })

  it('rolls back to the previous revision with rollout undo', async () => {
    const undo = await kubectl('rollout', 'undo', DEPLOY)
    expect(undo.code).toBe(0)
    expect(undo.stdout).toContain('rolled back')
    expect(
      (await kubectl('rollout', 'status', DEPLOY, '--timeout=20s')).code
    ).toBe(0)
    const d = await deployment()
    expect(imageOf(d)).toBe(`${REPO}:v1.1.0`)
    expect(revisionOf(d)).toBe('4')
    const history = await kubectl('rollout', 'history', DEPLOY)
    expect(historyRevisions(history.stdout).map(([rev]) => rev)).toEqual([
      '1',
      '3',
      '4'
    ])
    expect(historyRevisions(history.stdout)[2]?.[1]).toBe(
      `deploy ${REPO}:v1.1.0`
    )
    const rs4 = (await replicaSets()).find((rs) => revisionOf(rs) === '4')
    expect(
      rs4?.metadata.annotations?.['deployment.kubernetes.io/revision-history']
    ).toBe('2')
    expect(await livePodImages()).toEqual([`${REPO}:v1.1.0`, `${REPO}:v1.1.0`])
  })

  it('rolls back to a chosen revision with rollout undo --to-revision', async () => {
    expect(
      (await kubectl('rollout', 'undo', DEPLOY, '--to-revision=1')).code
    ).toBe(0)
    expect(
      (await kubectl('rollout', 'status', DEPLOY, '--timeout=20s')).code
    ).toBe(0)
    const d = await deployment()
    expect(imageOf(d)).toBe(`${REPO}:v1.0.0`)
    const history = await kubectl('rollout', 'history', DEPLOY)
    expect(historyRevisions(history.stdout).map(([rev]) => rev)).toEqual([
      '2',
      '3',
      '4'
    ])
    const missing = await kubectl('rollout', 'undo', DEPLOY, '--to-revision=9')
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain(
      'unable to find specified revision 9 in history'
    )
  })

  it('replaces every pod with rollout restart', async () => {
    const before = (
      await api<{ items: KubeObject[] }>('/api/v1/namespaces/prod/pods')
    ).items.map((p) => p.metadata.name)
    const since = log.mark()
    expect((await kubectl('rollout', 'restart', DEPLOY)).code).toBe(0)
    expect(log.writes('kubernetes', since).map((w) => w.path)).toEqual([
      '/apis/apps/v1/namespaces/prod/deployments/product-service?fieldManager=kubectl-rollout'
    ])
    expect(
      (await kubectl('rollout', 'status', DEPLOY, '--timeout=20s')).code
    ).toBe(0)
    const d = await deployment()
    expect(
      d.spec!.template!.metadata!.annotations![
        'kubectl.kubernetes.io/restartedAt'
      ]
    ).toMatch(/^\d{4}-\d\d-\d\dT/)
    expect(revisionOf(d)).toBe('4')
    expect(imageOf(d)).toBe(`${REPO}:v1.2.0-stable`)
    const after = (
      await api<{ items: KubeObject[] }>('/api/v1/namespaces/prod/pods')
    ).items
      .filter((p) => !p.metadata.deletionTimestamp)
      .map((p) => p.metadata.name)
    expect(after).toHaveLength(2)
    expect(after.filter((n) => before.includes(n))).toEqual([])
  })

  it('shows ImagePullBackOff for an image the registry does not know', async () => {
    expect(
      (await kubectl('set', 'image', DEPLOY, `product-service=${REPO}:v9.9.9`))
        .code
    ).toBe(0)
    let status = ''
    for (
      let i = 0;
      i < 40 && !/ImagePullBackOff|ErrImagePull/.test(status);
      i++
    ) {
      await new Promise((r) => setTimeout(r, 100))
      status = (await kubectl('get', 'pods', '--no-headers')).stdout
    }
    expect(status).toMatch(/0\/1\s+(ImagePullBackOff|ErrImagePull)/)
  })

  it('refuses a kubeconfig with the wrong token', async () => {
    writeFileSync(
      join(home, 'kubeconfig'),
      emulator.kubeconfig().replace(TOKEN, 'wrong-token')
    )
    const run = await kubectl('get', 'deploy', '-n', 'prod')
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/Unauthorized|must be logged in/)
  })
})
