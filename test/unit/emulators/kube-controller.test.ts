import { afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import {
  applyJsonPatch,
  fakeRuntime,
  podTemplateHash,
  resolveFenceposts,
  type FakeRuntime,
  type KubeObject,
  type KubernetesEmulator,
  type SeedDeploymentSpec
} from '@rollback-actions/emulators'
import {
  loopbackTls,
  seedWeb,
  startKube,
  type LoopbackTls
} from '../../helpers/kube.js'

const IMAGES: Record<string, string> = {
  'reg/web:v1': 'sha256:01',
  'reg/web:v2': 'sha256:02',
  'reg/web:v3': 'sha256:03',
  'reg/web:v4': 'sha256:04',
  'reg/web:bad': 'sha256:0b'
}

let certs: LoopbackTls
let emulator: KubernetesEmulator | undefined
let runtime: FakeRuntime

beforeAll(async () => {
  certs = await loopbackTls()
})

afterEach(async () => {
  await emulator?.close()
  emulator = undefined
})

async function seeded(
  spec: Partial<SeedDeploymentSpec> = {},
  before?: (e: KubernetesEmulator) => void
): Promise<KubernetesEmulator> {
  runtime = fakeRuntime({
    images: IMAGES,
    broken: ['reg/web:bad'],
    exitAfterMs: 100
  })
  ;({ emulator } = await startKube({
    certs,
    token: 't',
    runtime,
    podStartLatencyMs: 100,
    crashBackoffBaseMs: 200,
    pullBackoffMs: 300,
    controllerTickMs: 50
  }))
  before?.(emulator)
  await seedWeb(emulator, spec)
  return emulator
}

async function waitUntil<T>(
  what: string,
  probe: () => T | undefined | false,
  timeoutMs = 8000
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = probe()
    if (value) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

const deployment = (e: KubernetesEmulator) =>
  e.store.mustGet('deployments', 'prod', 'web')

function mutate(e: KubernetesEmulator, change: (d: KubeObject) => void): void {
  const d = deployment(e)
  change(d)
  e.store.update('deployments', d)
}

function setImage(e: KubernetesEmulator, image: string): void {
  mutate(e, (d) => {
    d.spec!.template!.spec.containers[0]!.image = image
  })
}

function complete(e: KubernetesEmulator): boolean {
  const d = deployment(e)
  const s = d.status as Record<string, number>
  return (
    s.observedGeneration === d.metadata.generation &&
    s.updatedReplicas === d.spec!.replicas &&
    s.replicas === d.spec!.replicas &&
    s.availableReplicas === d.spec!.replicas
  )
}

const revisions = (e: KubernetesEmulator) =>
  e.store
    .list('replicasets', 'prod')
    .map((rs) => rs.metadata.annotations?.['deployment.kubernetes.io/revision'])
    .sort()

const progressing = (e: KubernetesEmulator) =>
  (
    deployment(e).status!.conditions as
      Array<{ type: string; status: string; reason: string }> | undefined
  )?.find((c) => c.type === 'Progressing')

describe('rollout math', () => {
  it.each([
    ['25%', '25%', 2, [1, 0]],
    ['25%', '25%', 4, [1, 1]],
    ['25%', '25%', 10, [3, 2]],
    ['25%', '25%', 1, [1, 0]],
    [0, 0, 3, [0, 1]],
    [1, '50%', 3, [1, 1]],
    ['100%', 0, 1, [1, 0]],
    ['0%', '10%', 5, [0, 1]]
  ])(
    'maxSurge %j / maxUnavailable %j of %i replicas → %j (surge rounds up, unavailable down)',
    (surge, unavailable, replicas, expected) => {
      expect(resolveFenceposts(surge, unavailable, replicas)).toEqual(expected)
    }
  )

  it('hashes a pod template stably, ignoring key order and the pod-template-hash label', () => {
    const a = {
      metadata: { labels: { app: 'web' } },
      spec: { containers: [{ name: 'app', image: 'x:1' }] }
    }
    const b = {
      spec: { containers: [{ image: 'x:1', name: 'app' }] },
      metadata: { labels: { app: 'web', 'pod-template-hash': 'zzz' } }
    }
    expect(podTemplateHash(a)).toBe(podTemplateHash(b))
    expect(podTemplateHash(a)).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{1,10}$/)
    expect(
      podTemplateHash({
        ...a,
        spec: { containers: [{ name: 'app', image: 'x:2' }] }
      })
    ).not.toBe(podTemplateHash(a))
    expect(podTemplateHash(a, 1)).not.toBe(podTemplateHash(a))
  })
})

describe('deployment controller', () => {
  it('keeps a rolling update within maxSurge and maxUnavailable (4 replicas, 25%/25%)', async () => {
    const e = await seeded({ replicas: 4 })
    let maxPods = 0
    let minReady = Infinity
    const unsubscribe = e.store.onChange(() => {
      const pods = e.store
        .list('pods', 'prod')
        .filter((p) => !p.metadata.deletionTimestamp)
      const ready = pods.filter((p) =>
        (p.status!.conditions as Array<{ type: string; status: string }>).some(
          (c) => c.type === 'Ready' && c.status === 'True'
        )
      )
      maxPods = Math.max(maxPods, pods.length)
      minReady = Math.min(minReady, ready.length)
    })
    setImage(e, 'reg/web:v3')
    await waitUntil('rollout', () => complete(e))
    unsubscribe()
    expect(maxPods).toBe(5)
    expect(minReady).toBe(3)
    const d = deployment(e)
    expect(d.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe(
      '3'
    )
    const newRS = e.store
      .list('replicasets', 'prod')
      .find(
        (rs) =>
          rs.metadata.annotations?.['deployment.kubernetes.io/revision'] === '3'
      )
    expect(newRS?.metadata.annotations).toMatchObject({
      'deployment.kubernetes.io/desired-replicas': '4',
      'deployment.kubernetes.io/max-replicas': '5'
    })
    expect(newRS?.metadata.ownerReferences).toEqual([
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        name: 'web',
        uid: d.metadata.uid,
        controller: true,
        blockOwnerDeletion: true
      }
    ])
    expect(progressing(e)).toMatchObject({
      status: 'True',
      reason: 'NewReplicaSetAvailable'
    })
    const reasons = e.store
      .list('events', 'prod')
      .filter((ev) => ev.reason === 'ScalingReplicaSet')
      .map((ev) => ev.message)
    expect(reasons).toContain(
      `Scaled up replica set ${newRS?.metadata.name} from 0 to 1`
    )
  })

  it('labels pods with pod-template-hash and an owner reference to their ReplicaSet', async () => {
    const e = await seeded()
    const rs = e.store
      .list('replicasets', 'prod')
      .find((r) => r.spec!.replicas === 2)!
    const pods = e.store.list('pods', 'prod')
    expect(pods).toHaveLength(2)
    for (const pod of pods) {
      expect(pod.metadata.labels?.['pod-template-hash']).toBe(
        rs.metadata.labels?.['pod-template-hash']
      )
      expect(pod.metadata.ownerReferences?.[0]).toMatchObject({
        kind: 'ReplicaSet',
        name: rs.metadata.name,
        uid: rs.metadata.uid
      })
      expect(pod.status!.containerStatuses![0]!).toMatchObject({
        ready: true,
        started: true,
        restartCount: 0
      })
    }
  })

  it('stops every old pod before starting new ones with Recreate', async () => {
    const e = await seeded({ replicas: 3 })
    mutate(e, (d) => {
      d.spec!.strategy = { type: 'Recreate' }
    })
    await waitUntil('strategy observed', () => complete(e))
    let mixed = false
    const unsubscribe = e.store.onChange(() => {
      const images = new Set(
        e.store.list('pods', 'prod').map((p) => p.spec!.containers![0]!.image)
      )
      if (images.size > 1) mixed = true
    })
    setImage(e, 'reg/web:v3')
    await waitUntil('rollout', () => complete(e))
    unsubscribe()
    expect(mixed).toBe(false)
    expect(
      e.store.list('pods', 'prod').map((p) => p.spec!.containers![0]!.image)
    ).toEqual(['reg/web:v3', 'reg/web:v3', 'reg/web:v3'])
  })

  it('re-adopts an old ReplicaSet on undo, raising its revision and recording revision-history', async () => {
    const e = await seeded({
      images: ['reg/web:v1', 'reg/web:v2', 'reg/web:v3']
    })
    const d = deployment(e)
    const rs2 = e.store
      .list('replicasets', 'prod')
      .find(
        (rs) =>
          rs.metadata.annotations?.['deployment.kubernetes.io/revision'] === '2'
      )!
    const template = structuredClone(rs2.spec!.template!)
    delete template.metadata!.labels!['pod-template-hash']
    const patched = applyJsonPatch(d, [
      { op: 'replace', path: '/spec/template', value: template },
      {
        op: 'replace',
        path: '/metadata/annotations',
        value: {
          'deployment.kubernetes.io/revision': '3',
          'kubernetes.io/change-cause':
            rs2.metadata.annotations?.['kubernetes.io/change-cause']
        }
      }
    ]) as KubeObject
    e.store.update('deployments', patched)
    await waitUntil('rollback', () => complete(e))
    const readopted = e.store.get('replicasets', 'prod', rs2.metadata.name)!
    expect(
      readopted.metadata.annotations?.['deployment.kubernetes.io/revision']
    ).toBe('4')
    expect(
      readopted.metadata.annotations?.[
        'deployment.kubernetes.io/revision-history'
      ]
    ).toBe('2')
    expect(
      deployment(e).metadata.annotations?.['deployment.kubernetes.io/revision']
    ).toBe('4')
    expect(revisions(e)).toEqual(['1', '3', '4'])
    expect(
      e.store.list('pods', 'prod').map((p) => p.spec!.containers![0]!.image)
    ).toEqual(['reg/web:v2', 'reg/web:v2'])
  })

  it('garbage-collects old ReplicaSets beyond revisionHistoryLimit', async () => {
    const e = await seeded({
      images: ['reg/web:v1', 'reg/web:v2', 'reg/web:v3'],
      revisionHistoryLimit: 1
    })
    await waitUntil('clean-up', () => revisions(e).length === 2)
    expect(revisions(e)).toEqual(['2', '3'])
    setImage(e, 'reg/web:v4')
    await waitUntil(
      'rollout and clean-up',
      () => complete(e) && revisions(e).length === 2
    )
    expect(revisions(e)).toEqual(['3', '4'])
  })

  it('does not roll a paused deployment until it is resumed', async () => {
    const e = await seeded()
    mutate(e, (d) => {
      d.spec!.paused = true
    })
    await waitUntil(
      'paused condition',
      () => progressing(e)?.reason === 'DeploymentPaused'
    )
    setImage(e, 'reg/web:v3')
    await new Promise((r) => setTimeout(r, 400))
    expect(e.store.list('replicasets', 'prod')).toHaveLength(2)
    expect(deployment(e).status!.observedGeneration).toBe(
      deployment(e).metadata.generation
    )
    mutate(e, (d) => {
      d.spec!.paused = false
    })
    await waitUntil('rollout after resume', () => complete(e))
    expect(
      e.store.list('pods', 'prod').map((p) => p.spec!.containers![0]!.image)
    ).toEqual(['reg/web:v3', 'reg/web:v3'])
  })

  it('scales the live ReplicaSet without a new revision', async () => {
    const e = await seeded()
    mutate(e, (d) => {
      d.spec!.replicas = 4
    })
    await waitUntil('scale-up', () => complete(e))
    expect(revisions(e)).toEqual(['1', '2'])
    expect(e.store.list('pods', 'prod')).toHaveLength(4)
  })

  it('sets ProgressDeadlineExceeded when a crashing image makes no progress', async () => {
    const e = await seeded({ progressDeadlineSeconds: 1 })
    setImage(e, 'reg/web:bad')
    const cond = await waitUntil(
      'deadline',
      () =>
        progressing(e)?.reason === 'ProgressDeadlineExceeded'
          ? progressing(e)
          : undefined,
      5000
    )
    expect(cond).toMatchObject({ status: 'False' })
    expect((cond as unknown as { message: string }).message).toMatch(
      /^ReplicaSet "web-\w+" has timed out progressing\.$/
    )
    expect(deployment(e).status).toMatchObject({
      replicas: 3,
      updatedReplicas: 1,
      availableReplicas: 2,
      unavailableReplicas: 1
    })
  })
})

describe('kubelet simulation', () => {
  it('restarts a crashing container with a growing restartCount and CrashLoopBackOff', async () => {
    const e = await seeded()
    setImage(e, 'reg/web:bad')
    const crashing = () =>
      e.store
        .list('pods', 'prod')
        .find(
          (p) =>
            p.spec!.containers![0]!.image === 'reg/web:bad' &&
            (p.status!.containerStatuses?.[0]?.restartCount ?? 0) >= 2
        )
    const pod = await waitUntil('two restarts', crashing)
    const status = pod.status!.containerStatuses![0]!
    expect(status.lastState.terminated).toMatchObject({
      exitCode: 1,
      reason: 'Error'
    })
    expect(status.ready).toBe(false)
    const waiting = await waitUntil('CrashLoopBackOff', () => {
      const s = e.store.get('pods', 'prod', pod.metadata.name)?.status
        ?.containerStatuses?.[0]
      return s?.state.waiting?.reason === 'CrashLoopBackOff'
        ? s.state.waiting
        : undefined
    })
    expect(waiting.message).toContain('restarting failed container=app')
    const backOff = e.store
      .list('events', 'prod')
      .find(
        (ev) =>
          ev.reason === 'BackOff' &&
          (ev.involvedObject as { name: string }).name === pod.metadata.name
      )
    expect(backOff?.type).toBe('Warning')
  })

  it('reports ErrImagePull then ImagePullBackOff for an unknown image, with Failed events', async () => {
    const e = await seeded()
    setImage(e, 'reg/web:nope')
    const states = new Set<string>()
    await waitUntil('ImagePullBackOff', () => {
      for (const p of e.store.list('pods', 'prod')) {
        const reason = p.status!.containerStatuses?.[0]?.state.waiting?.reason
        if (reason) states.add(reason)
      }
      return states.has('ErrImagePull') && states.has('ImagePullBackOff')
    })
    const failed = e.store
      .list('events', 'prod')
      .filter((ev) => ev.reason === 'Failed')
      .map((ev) => ev.message)
    expect(failed).toContain(
      'Failed to pull image "reg/web:nope": manifest unknown: manifest tagged by "nope" is not found'
    )
    expect(failed).toContain('Error: ImagePullBackOff')
    expect(e.readyEndpoints('prod', 'web').map((x) => x.image)).toEqual([
      'reg/web:v2',
      'reg/web:v2'
    ])
  })

  it('resolves env from Secrets at container start (base64-decoded, optional ones skipped)', async () => {
    await seeded(
      {
        env: [
          { name: 'PLAIN', value: 'x' },
          { name: 'DATABASE_URL', secretKeyRef: { name: 'db', key: 'url' } },
          {
            name: 'OPTIONAL',
            secretKeyRef: { name: 'absent', key: 'k' },
            optional: true
          }
        ]
      },
      (e) =>
        e.store.createSecret({
          apiVersion: 'v1',
          kind: 'Secret',
          metadata: { name: 'db', namespace: 'prod' },
          data: { url: Buffer.from('postgres://u@h/db').toString('base64') }
        })
    )
    expect(runtime.started.map((s) => s.env)).toEqual([
      { PLAIN: 'x', DATABASE_URL: 'postgres://u@h/db' },
      { PLAIN: 'x', DATABASE_URL: 'postgres://u@h/db' }
    ])
  })

  it('reports a missing Secret as CreateContainerConfigError until it exists', async () => {
    const e = await seeded()
    mutate(e, (d) => {
      d.spec!.template!.spec.containers[0]!.env = [
        {
          name: 'TOKEN',
          valueFrom: { secretKeyRef: { name: 'late', key: 'token' } }
        }
      ]
    })
    const waiting = await waitUntil('config error', () =>
      e.store
        .list('pods', 'prod')
        .map((p) => p.status!.containerStatuses?.[0]?.state.waiting)
        .find((w) => w?.reason === 'CreateContainerConfigError')
    )
    expect(waiting).toEqual({
      reason: 'CreateContainerConfigError',
      message: 'secret "late" not found'
    })
    e.store.createSecret({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'late', namespace: 'prod' },
      stringData: { token: 's3cr3t' }
    })
    await waitUntil('rollout', () => complete(e))
    expect(
      runtime.started
        .filter((s) => s.env.TOKEN !== undefined)
        .map((s) => s.env.TOKEN)
    ).toEqual(['s3cr3t', 's3cr3t'])
  })

  it('stops the container of a deleted pod and replaces the pod', async () => {
    const e = await seeded()
    const [victim] = e.store.list('pods', 'prod')
    const deleted = {
      ...victim!,
      metadata: {
        ...victim!.metadata,
        deletionTimestamp: new Date().toISOString()
      }
    }
    e.store.update('pods', deleted)
    await waitUntil('replacement', () => {
      const pods = e.store.list('pods', 'prod')
      return (
        pods.length === 2 &&
        !pods.some((p) => p.metadata.uid === victim!.metadata.uid) &&
        complete(e)
      )
    })
    expect(
      runtime.running().filter((c) => c.pod === victim!.metadata.name)
    ).toEqual([])
    expect(runtime.running()).toHaveLength(2)
  })
})
