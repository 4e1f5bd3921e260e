import { describe, expect, it } from '@jest/globals'
import type { V1Pod, V1ReplicaSet } from '@kubernetes/client-node'
import {
  ConfigurationError,
  OperationError,
  recordingLogger,
  silentLogger
} from '@rollback-actions/action-kit'
import {
  describePodFailure,
  findPodFailure,
  labelSelectorString,
  waitForRollout
} from '@rollback-actions/kube'
import {
  apiError,
  deployment,
  fakeClients,
  type FakeWatch
} from './fake-clients.js'

const until = async (condition: () => boolean, ms = 2_000) => {
  const end = Date.now() + ms
  while (!condition()) {
    if (Date.now() > end) throw new Error('condition not met in time')
    await new Promise((r) => setTimeout(r, 5))
  }
}

function replicaSet(
  name: string,
  revision: string,
  image: string
): V1ReplicaSet {
  return {
    metadata: {
      name,
      namespace: 'prod',
      uid: `uid-${name}`,
      annotations: { 'deployment.kubernetes.io/revision': revision },
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          name: 'web',
          uid: 'uid-web',
          controller: true
        }
      ]
    },
    spec: {
      selector: {
        matchLabels: { app: 'web', 'pod-template-hash': name.slice(4) }
      },
      template: { spec: { containers: [{ name: 'app', image }] } }
    }
  }
}

function pod(
  name: string,
  rs: string,
  waiting?: { reason: string; message?: string },
  image = 'reg.azurecr.io/web:v1'
): V1Pod {
  return {
    metadata: {
      name,
      namespace: 'prod',
      labels: { app: 'web', 'pod-template-hash': rs.slice(4) },
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          name: rs,
          uid: `uid-${rs}`,
          controller: true
        }
      ]
    },
    spec: { containers: [{ name: 'app', image }] },
    status: {
      phase: 'Pending',
      containerStatuses: [
        {
          name: 'app',
          image,
          imageID: '',
          ready: false,
          restartCount: waiting?.reason === 'CrashLoopBackOff' ? 1 : 0,
          ...(waiting?.reason === 'CrashLoopBackOff'
            ? { lastState: { terminated: { exitCode: 3 } } }
            : {}),
          state: waiting ? { waiting } : { running: {} }
        }
      ]
    }
  }
}

/** A deployment mid-rollout to v1 (revision 3): observed, 0 of 2 available. */
function rollingDeployment() {
  return deployment({
    images: { app: 'reg.azurecr.io/web:v1' },
    generation: 3,
    observedGeneration: 3,
    revision: '3',
    statusReplicas: 3,
    updatedReplicas: 1,
    availableReplicas: 2
  })
}

/** waitForRollout of deployment prod/web (5 s, silent unless `options` say otherwise). */
const waitForWeb = (
  clients: ReturnType<typeof fakeClients>['clients'],
  options: Partial<Parameters<typeof waitForRollout>[0]> = {}
) =>
  waitForRollout({
    clients,
    namespace: 'prod',
    name: 'web',
    timeoutSeconds: 5,
    log: silentLogger,
    ...options
  })

/** Fake clients holding deployment prod/web mid-rollout ({@link rollingDeployment}). */
function rolling() {
  const fake = fakeClients()
  fake.state.deployments.set('prod/web', rollingDeployment())
  return fake
}

const deploymentWatch = (watches: FakeWatch[]) =>
  watches.filter((w) => w.path.endsWith('/deployments'))
const podWatch = (watches: FakeWatch[]) =>
  watches.filter((w) => w.path.endsWith('/pods'))

describe('waitForRollout', () => {
  it('returns at once when the first list shows the rollout done', async () => {
    const { clients, state } = fakeClients()
    state.deployments.set('prod/web', deployment({ revision: '5' }))
    const result = await waitForWeb(clients)
    expect(result.revision).toBe(5)
    expect(result.durationSeconds).toBeLessThan(1)
    expect(state.calls[0]).toEqual({
      method: 'listNamespacedDeployment',
      params: { namespace: 'prod', fieldSelector: 'metadata.name=web' },
      options: undefined
    })
  })

  it('follows watch events until done, watching from the list resourceVersion', async () => {
    const { clients, state } = rolling()
    const log = recordingLogger()
    const waiting = waitForWeb(clients, { log })
    await until(() => deploymentWatch(state.watches).length === 1)
    const w = deploymentWatch(state.watches)[0]!
    expect(w.path).toBe('/apis/apps/v1/namespaces/prod/deployments')
    expect(w.query).toMatchObject({
      fieldSelector: 'metadata.name=web',
      resourceVersion: '100',
      allowWatchBookmarks: true
    })
    const done = deployment({
      images: { app: 'reg.azurecr.io/web:v1' },
      generation: 3,
      observedGeneration: 3,
      revision: '3'
    })
    w.emit('MODIFIED', done)
    await expect(waiting).resolves.toMatchObject({ revision: 3 })
    expect(log.text()).toMatch(
      /1 out of 2 new replicas have been updated[\s\S]*successfully rolled out/
    )
    expect(w.aborted).toBe(true)
  })

  it('re-watches from the last resourceVersion when the stream ends', async () => {
    const { clients, state } = rolling()
    const waiting = waitForWeb(clients, { watchTimeoutSeconds: 7 })
    await until(() => deploymentWatch(state.watches).length === 1)
    const first = deploymentWatch(state.watches)[0]!
    expect(first.query.timeoutSeconds).toBe(7)
    const still = rollingDeployment()
    still.metadata!.resourceVersion = '120'
    first.emit('MODIFIED', still)
    first.emit('BOOKMARK', { metadata: { resourceVersion: '130' } })
    first.end()
    await until(() => deploymentWatch(state.watches).length === 2)
    const second = deploymentWatch(state.watches)[1]!
    expect(second.query.resourceVersion).toBe('130')
    expect(
      state.calls.filter((c) => c.method === 'listNamespacedDeployment')
    ).toHaveLength(1)
    second.emit('MODIFIED', deployment({ revision: '3' }))
    await expect(waiting).resolves.toMatchObject({ revision: 3 })
  })

  it.each([
    [
      'an ERROR event with code 410',
      (w: FakeWatch) =>
        w.emit('ERROR', { kind: 'Status', code: 410, reason: 'Expired' })
    ],
    [
      'an HTTP 410 answer',
      (w: FakeWatch) =>
        w.end(Object.assign(new Error('Gone'), { statusCode: 410 }))
    ]
  ])('lists again after %s', async (_name, expire) => {
    const { clients, state } = rolling()
    const waiting = waitForWeb(clients)
    await until(() => deploymentWatch(state.watches).length === 1)
    state.listResourceVersion = '900'
    state.deployments.set('prod/web', deployment({ revision: '3' }))
    expire(deploymentWatch(state.watches)[0]!)
    await expect(waiting).resolves.toMatchObject({ revision: 3 })
    expect(
      state.calls.filter((c) => c.method === 'listNamespacedDeployment')
    ).toHaveLength(2)
  })

  it('fails on 403 from the watch with a configuration error', async () => {
    const { clients, state } = rolling()
    state.onWatch = (w) =>
      w.end(Object.assign(new Error('Forbidden'), { statusCode: 403 }))
    const error = await waitForWeb(clients).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ConfigurationError)
    expect((error as Error).message).toMatch(/forbidden \(403\)/)
  })

  it('fails on the progress deadline with the controller message', async () => {
    const { clients, state } = fakeClients()
    const d = rollingDeployment()
    d.status!.conditions = [
      {
        type: 'Progressing',
        status: 'False',
        reason: 'ProgressDeadlineExceeded',
        message: 'ReplicaSet "web-abc" has timed out progressing.'
      }
    ]
    state.deployments.set('prod/web', d)
    await expect(waitForWeb(clients)).rejects.toThrow(
      /exceeded its progress deadline \(ProgressDeadlineExceeded: ReplicaSet "web-abc" has timed out progressing.\)/
    )
  })

  it('fails when the deployment does not exist', async () => {
    const { clients } = fakeClients()
    await expect(waitForWeb(clients)).rejects.toThrow(ConfigurationError)
  })

  it('fails when the deployment is deleted', async () => {
    const { clients, state } = rolling()
    const waiting = waitForWeb(clients)
    await until(() => deploymentWatch(state.watches).length === 1)
    deploymentWatch(state.watches)[0]!.emit('DELETED', rollingDeployment())
    await expect(waiting).rejects.toThrow(/was deleted while waiting/)
  })

  it('times out with the last status instead of hanging', async () => {
    const { clients, state } = rolling()
    const started = Date.now()
    const error = await waitForWeb(clients, { timeoutSeconds: 0.3 }).catch(
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(OperationError)
    expect((error as Error).message).toMatch(
      /did not finish rolling out within 0.3s \(last status: Waiting for deployment "web" rollout to finish: 1 out of 2/
    )
    expect(Date.now() - started).toBeLessThan(2_000)
    expect(state.watches.every((w) => w.aborted)).toBe(true)
  })

  it('stops when the signal aborts', async () => {
    const { clients, state } = rolling()
    const controller = new AbortController()
    const waiting = waitForWeb(clients, { signal: controller.signal })
    await until(() => deploymentWatch(state.watches).length === 1)
    controller.abort(new Error('job cancelled'))
    await expect(waiting).rejects.toThrow(
      /stopped waiting for deployment "prod\/web": job cancelled/
    )
  })

  it('fails fast on a crash-looping pod of the new ReplicaSet, quoting its previous log', async () => {
    const { clients, state } = rolling()
    state.replicaSets = [
      replicaSet('web-old', '2', 'reg.azurecr.io/web:v2'),
      replicaSet('web-new', '3', 'reg.azurecr.io/web:v1')
    ]
    state.pods = [pod('web-new-1', 'web-new')]
    state.logs.set(
      'web-new-1',
      Array.from({ length: 30 }, (_, i) => `line ${i + 1}`).join('\n') + '\n'
    )
    const started = Date.now()
    const waiting = waitForWeb(clients, { timeoutSeconds: 10 })
    await until(() => podWatch(state.watches).length === 1)
    expect(podWatch(state.watches)[0]!.query.labelSelector).toBe(
      'app=web,pod-template-hash=new'
    )
    podWatch(state.watches)[0]!.emit(
      'MODIFIED',
      pod('web-new-1', 'web-new', {
        reason: 'CrashLoopBackOff',
        message: 'back-off 10s restarting failed container=app'
      })
    )
    const error = (await waiting.catch((e: unknown) => e)) as Error
    expect(error).toBeInstanceOf(OperationError)
    expect(error.message).toMatch(
      /pod "web-new-1" container "app" is in CrashLoopBackOff: back-off 10s restarting failed container=app, last exit code 3/
    )
    expect(error.message).toMatch(/\| line 11\n[\s\S]*\| line 30$/)
    expect(error.message).not.toMatch(/\| line 10\n/)
    expect(
      state.calls.find((c) => c.method === 'readNamespacedPodLog')?.params
    ).toEqual({
      namespace: 'prod',
      name: 'web-new-1',
      container: 'app',
      previous: true,
      tailLines: 20
    })
    expect(Date.now() - started).toBeLessThan(2_000)
  })

  it('fails fast on an image pull error found by the pod list', async () => {
    const { clients, state } = rolling()
    state.replicaSets = [replicaSet('web-new', '3', 'reg.azurecr.io/web:v1')]
    state.pods = [
      pod('web-new-1', 'web-new', {
        reason: 'ErrImagePull',
        message: 'manifest unknown'
      })
    ]
    await expect(waitForWeb(clients, { timeoutSeconds: 10 })).rejects.toThrow(
      /cannot pull image "reg.azurecr.io\/web:v1" \(ErrImagePull: manifest unknown\)/
    )
  })

  it('ignores crashing pods of the old ReplicaSet', async () => {
    const { clients, state } = rolling()
    state.replicaSets = [
      replicaSet('web-old', '2', 'reg.azurecr.io/web:v2'),
      replicaSet('web-new', '3', 'reg.azurecr.io/web:v1')
    ]
    state.pods = [
      pod(
        'web-old-1',
        'web-old',
        { reason: 'CrashLoopBackOff' },
        'reg.azurecr.io/web:v2'
      ),
      pod('web-new-1', 'web-new')
    ]
    const waiting = waitForWeb(clients, { timeoutSeconds: 10 })
    await until(() => podWatch(state.watches).length === 1)
    deploymentWatch(state.watches)[0]!.emit(
      'MODIFIED',
      deployment({ revision: '3' })
    )
    await expect(waiting).resolves.toMatchObject({ revision: 3 })
  })

  it('goes on without pod inspection when ReplicaSets may not be listed', async () => {
    const { clients, state } = rolling()
    state.replicaSetError = apiError(403, 'Forbidden')
    const log = recordingLogger()
    const waiting = waitForWeb(clients, { timeoutSeconds: 10, log })
    await until(() => log.lines.some((l) => l.level === 'warning'))
    deploymentWatch(state.watches)[0]!.emit(
      'MODIFIED',
      deployment({ revision: '3' })
    )
    await expect(waiting).resolves.toMatchObject({ revision: 3 })
    expect(log.text()).toMatch(
      /warning: listing ReplicaSets of deployment "prod\/web": forbidden \(403\).*Pod failures of deployment "prod\/web" will only show as its progress deadline/
    )
    expect(
      state.calls.filter((c) => c.method === 'listNamespacedReplicaSet')
    ).toHaveLength(1)
  })

  it('does not inspect pods before the controller observed the new generation', async () => {
    const { clients, state } = fakeClients()
    // Revision 2 is still the old (crashing) ReplicaSet until generation 3 is observed.
    state.deployments.set(
      'prod/web',
      deployment({ generation: 3, observedGeneration: 2, revision: '2' })
    )
    state.replicaSets = [replicaSet('web-old', '2', 'reg.azurecr.io/web:v2')]
    state.pods = [pod('web-old-1', 'web-old', { reason: 'CrashLoopBackOff' })]
    const waiting = waitForWeb(clients, { timeoutSeconds: 10 })
    await until(() => deploymentWatch(state.watches).length === 1)
    await new Promise((r) => setTimeout(r, 50))
    expect(
      state.calls.some((c) => c.method === 'listNamespacedReplicaSet')
    ).toBe(false)
    deploymentWatch(state.watches)[0]!.emit(
      'MODIFIED',
      deployment({ revision: '3' })
    )
    await expect(waiting).resolves.toMatchObject({ revision: 3 })
  })
})

describe('findPodFailure', () => {
  it.each([
    ['ErrImagePull', 'image-pull'],
    ['ImagePullBackOff', 'image-pull'],
    ['InvalidImageName', 'image-pull'],
    ['CrashLoopBackOff', 'start'],
    ['CreateContainerConfigError', 'start']
  ])('classifies %s as %s', (reason, kind) => {
    expect(findPodFailure([pod('p', 'web-new', { reason })])).toMatchObject({
      pod: 'p',
      container: 'app',
      reason,
      kind
    })
  })

  it.each(['ContainerCreating', 'PodInitializing'])(
    'ignores the transient waiting reason %s',
    (reason) => {
      expect(findPodFailure([pod('p', 'web-new', { reason })])).toBeUndefined()
    }
  )

  it('ignores pods being deleted', () => {
    const p = pod('p', 'web-new', { reason: 'CrashLoopBackOff' })
    p.metadata!.deletionTimestamp = new Date()
    expect(findPodFailure([p])).toBeUndefined()
  })

  it('explains a missing secret as a start failure, not a crash', () => {
    const failure = findPodFailure([
      pod('p', 'web-new', {
        reason: 'CreateContainerConfigError',
        message: 'secret "db" not found'
      })
    ])!
    expect(describePodFailure('deployment "prod/web"', failure)).toMatch(
      /container "app" cannot start \(CreateContainerConfigError: secret "db" not found\)/
    )
  })
})

describe('labelSelectorString', () => {
  it('renders matchLabels and matchExpressions like LabelSelectorAsSelector', () => {
    expect(
      labelSelectorString({
        matchLabels: { tier: 'web', app: 'shop' },
        matchExpressions: [
          { key: 'env', operator: 'In', values: ['prod', 'canary'] },
          { key: 'track', operator: 'NotIn', values: ['beta'] },
          { key: 'owner', operator: 'Exists' },
          { key: 'legacy', operator: 'DoesNotExist' }
        ]
      })
    ).toBe(
      '!legacy,app=shop,env in (canary,prod),owner,tier=web,track notin (beta)'
    )
  })
})
