// @kubernetes/client-node 2.x against the emulator: read, strategic merge patch, Watch.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import * as k8s from '@kubernetes/client-node'
import {
  fakeRuntime,
  type KubernetesEmulator,
  type RequestLog
} from '@rollback-actions/emulators'
import { seedWeb, startKube } from '../../helpers/kube.js'

let emulator: KubernetesEmulator
let log: RequestLog
let apps: k8s.AppsV1Api
let kc: k8s.KubeConfig

beforeAll(async () => {
  ;({ emulator, log } = await startKube({
    token: 'client-node-token',
    runtime: fakeRuntime({
      images: {
        'reg/web:v1': 'sha256:01',
        'reg/web:v2': 'sha256:02',
        'reg/web:v3': 'sha256:03'
      }
    }),
    podStartLatencyMs: 100
  }))
  await seedWeb(emulator)
  kc = new k8s.KubeConfig()
  kc.loadFromString(emulator.kubeconfig({ namespace: 'prod' }))
  apps = kc.makeApiClient(k8s.AppsV1Api)
})

afterAll(() => emulator.close())

describe('@kubernetes/client-node against the emulator', () => {
  it('reads a deployment with typed fields and dates', async () => {
    const d = await apps.readNamespacedDeployment({
      name: 'web',
      namespace: 'prod'
    })
    expect(d.metadata?.annotations?.['deployment.kubernetes.io/revision']).toBe(
      '2'
    )
    expect(d.status?.availableReplicas).toBe(2)
    expect(d.metadata?.creationTimestamp).toBeInstanceOf(Date)
    const rs = await apps.listNamespacedReplicaSet({
      namespace: 'prod',
      labelSelector: 'app=web'
    })
    expect(
      rs.items
        .map(
          (r) => r.metadata?.annotations?.['deployment.kubernetes.io/revision']
        )
        .sort()
    ).toEqual(['1', '2'])
  })

  it('gets a 400 for an object patch sent with the default json-patch content type', async () => {
    await expect(
      apps.patchNamespacedDeployment({
        name: 'web',
        namespace: 'prod',
        body: { spec: { replicas: 3 } }
      })
    ).rejects.toMatchObject({
      code: 400
    })
  })

  it('patches with StrategicMergePatch and watches the rollout to completion', async () => {
    const start = await apps.readNamespacedDeployment({
      name: 'web',
      namespace: 'prod'
    })
    const seen: Array<{
      type: string
      generation?: number
      observed?: number
      updated?: number
      available?: number
    }> = []
    let done!: () => void
    const finished = new Promise<void>((resolve) => (done = resolve))
    const watcher = new k8s.Watch(kc)
    const controller = await watcher.watch(
      '/apis/apps/v1/namespaces/prod/deployments',
      {
        fieldSelector: 'metadata.name=web',
        allowWatchBookmarks: true,
        resourceVersion: start.metadata?.resourceVersion
      },
      (type: string, object: k8s.V1Deployment) => {
        seen.push({
          type,
          generation: object.metadata?.generation,
          observed: object.status?.observedGeneration,
          updated: object.status?.updatedReplicas,
          available: object.status?.availableReplicas
        })
        const s = object.status
        if (
          type === 'MODIFIED' &&
          object.metadata?.generation === s?.observedGeneration &&
          s?.updatedReplicas === 2 &&
          s?.replicas === 2 &&
          s?.availableReplicas === 2 &&
          object.spec?.template.spec?.containers[0]?.image === 'reg/web:v3'
        )
          done()
      },
      () => undefined
    )
    try {
      const since = log.mark()
      const patched = await apps.patchNamespacedDeployment(
        {
          name: 'web',
          namespace: 'prod',
          fieldManager: 'rollback-action',
          body: {
            spec: {
              template: {
                spec: { containers: [{ name: 'app', image: 'reg/web:v3' }] }
              }
            }
          }
        },
        k8s.setHeaderOptions(
          'Content-Type',
          k8s.PatchStrategy.StrategicMergePatch
        )
      )
      expect(log.writes('kubernetes', since).map((w) => w.path)).toEqual([
        '/apis/apps/v1/namespaces/prod/deployments/web?fieldManager=rollback-action'
      ])
      expect(patched.metadata?.generation).toBe(
        (start.metadata?.generation ?? 0) + 1
      )
      expect(
        patched.spec?.template.spec?.containers.map((c) => c.image)
      ).toEqual(['reg/web:v3'])
      await finished
    } finally {
      controller.abort()
    }
    expect(seen[0]).toMatchObject({
      type: 'MODIFIED',
      generation: 2,
      observed: 1
    })
    expect(seen.some((e) => e.observed === 2 && (e.updated ?? 0) < 2)).toBe(
      true
    )
    const d = await apps.readNamespacedDeployment({
      name: 'web',
      namespace: 'prod'
    })
    expect(d.metadata?.annotations?.['deployment.kubernetes.io/revision']).toBe(
      '3'
    )
  })
})
