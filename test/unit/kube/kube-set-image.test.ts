import { describe, expect, it } from '@jest/globals'
import {
  ConfigurationError,
  recordingLogger,
  silentLogger
} from '@rollback-actions/action-kit'
import {
  formatChangeCause,
  imagePatchBody,
  restartPatchBody,
  restartRollout,
  rfc3339Seconds,
  setImage
} from '@rollback-actions/kube'
import { apiError, deployment, fakeClients } from './fake-clients.js'
import type { FakeCall } from './fake-clients.js'

const base = {
  namespace: 'prod',
  name: 'web',
  image: 'reg.azurecr.io/web:v1',
  changeCause: 'rollback-actions: v2 -> v1',
  log: silentLogger,
  dryRun: false
}

/** Runs the client-node middleware the options carry and returns the headers it sets. */
function headersSetBy(options: unknown): Record<string, string> {
  const headers: Record<string, string> = {}
  const request = {
    setHeaderParam: (k: string, v: string) => {
      headers[k] = v
    }
  }
  const middleware = (
    options as { middleware?: { pre(r: unknown): unknown }[] }
  ).middleware
  for (const m of middleware ?? []) m.pre(request)
  return headers
}

const patches = (calls: FakeCall[]) =>
  calls.filter((c) => c.method === 'patchNamespacedDeployment')

describe('imagePatchBody', () => {
  it('is a strategic merge patch of one container (merged by name) and the change-cause', () => {
    expect(imagePatchBody('app', 'reg.azurecr.io/web:v1', 'why')).toEqual({
      metadata: { annotations: { 'kubernetes.io/change-cause': 'why' } },
      spec: {
        template: {
          spec: {
            containers: [{ name: 'app', image: 'reg.azurecr.io/web:v1' }]
          }
        }
      }
    })
  })
})

describe('formatChangeCause', () => {
  it('names the images, the actor and the run', () => {
    expect(
      formatChangeCause({
        from: 'r/web:v2',
        to: 'r/web:v1',
        actor: 'octocat',
        runUrl: 'https://github.com/o/r/actions/runs/1'
      })
    ).toBe(
      'rollback-actions: r/web:v2 -> r/web:v1 by octocat (https://github.com/o/r/actions/runs/1)'
    )
  })

  it('leaves out what it does not know', () => {
    expect(formatChangeCause({ from: 'a:1', to: 'a:2' })).toBe(
      'rollback-actions: a:1 -> a:2'
    )
  })
})

describe('setImage', () => {
  it('sends one strategic merge PATCH with field manager rollback-actions', async () => {
    const { clients, state } = fakeClients()
    state.deployments.set('prod/web', deployment())
    const result = await setImage({ ...base, clients })
    expect(result).toEqual({
      previousImage: 'reg.azurecr.io/web:v2',
      changed: true,
      container: 'app'
    })
    const sent = patches(state.calls)
    expect(sent).toHaveLength(1)
    expect(sent[0]!.params).toEqual({
      name: 'web',
      namespace: 'prod',
      fieldManager: 'rollback-actions',
      body: imagePatchBody('app', 'reg.azurecr.io/web:v1', base.changeCause)
    })
    expect(headersSetBy(sent[0]!.options)).toEqual({
      'Content-Type': 'application/strategic-merge-patch+json'
    })
  })

  it('changes only the named container of a multi-container pod', async () => {
    const { clients, state } = fakeClients()
    state.deployments.set(
      'prod/web',
      deployment({
        images: {
          app: 'reg.azurecr.io/web:v2',
          proxy: 'reg.azurecr.io/envoy:1'
        }
      })
    )
    await setImage({ ...base, clients, container: 'app' })
    expect(patches(state.calls)[0]!.params.body).toEqual(
      imagePatchBody('app', 'reg.azurecr.io/web:v1', base.changeCause)
    )
  })

  it('lists the containers when several exist and none is named', async () => {
    const { clients, state } = fakeClients()
    state.deployments.set(
      'prod/web',
      deployment({ images: { app: 'r.io/a:1', proxy: 'r.io/b:1' } })
    )
    await expect(setImage({ ...base, clients })).rejects.toThrow(
      /has 2 containers \(app, proxy\); set the container input/
    )
    expect(patches(state.calls)).toHaveLength(0)
  })

  it('names the existing containers when the container is missing', async () => {
    const { clients, state } = fakeClients()
    state.deployments.set('prod/web', deployment())
    const error = await setImage({ ...base, clients, container: 'api' }).catch(
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(ConfigurationError)
    expect((error as Error).message).toMatch(
      /has no container "api"; its containers are: app/
    )
    expect(patches(state.calls)).toHaveLength(0)
  })

  it('refuses a paused deployment with the resume hint and writes nothing', async () => {
    const { clients, state } = fakeClients()
    state.deployments.set('prod/web', deployment({ paused: true }))
    const error = await setImage({ ...base, clients }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ConfigurationError)
    expect((error as Error).message).toMatch(
      /is paused.*kubectl rollout resume deployment\/web -n prod/
    )
    expect(patches(state.calls)).toHaveLength(0)
  })

  it('reports a missing deployment as a configuration error', async () => {
    const { clients } = fakeClients()
    const error = await setImage({ ...base, clients }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ConfigurationError)
    expect((error as Error).message).toMatch(
      /^deployment "prod\/web" not found/
    )
  })

  it('turns 403 into a configuration error naming the permissions', async () => {
    const { clients, state } = fakeClients()
    state.readError = apiError(403, 'Forbidden')
    const error = await setImage({ ...base, clients }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ConfigurationError)
    expect((error as Error).message).toMatch(
      /forbidden \(403\).*patch on deployments/
    )
  })

  it('leaves a deployment already on the image alone', async () => {
    const { clients, state } = fakeClients()
    state.deployments.set(
      'prod/web',
      deployment({ images: { app: 'reg.azurecr.io/web:v1' } })
    )
    const log = recordingLogger()
    const result = await setImage({ ...base, clients, log })
    expect(result.changed).toBe(false)
    expect(patches(state.calls)).toHaveLength(0)
    expect(log.text()).toMatch(/already runs reg.azurecr.io\/web:v1/)
  })

  it('writes nothing on a dry run', async () => {
    const { clients, state } = fakeClients()
    state.deployments.set('prod/web', deployment())
    const result = await setImage({ ...base, clients, dryRun: true })
    expect(result).toEqual({
      previousImage: 'reg.azurecr.io/web:v2',
      changed: false,
      container: 'app'
    })
    expect(patches(state.calls)).toHaveLength(0)
  })

  it('rejects an invalid image before reading anything', async () => {
    const { clients, state } = fakeClients()
    await expect(
      setImage({ ...base, clients, image: 'Reg/Web:v1' })
    ).rejects.toThrow(/not a valid image reference/)
    expect(state.calls).toHaveLength(0)
  })
})

describe('restartRollout', () => {
  it('restarts again within the same second (the annotation changes, so the controller rolls the pods)', async () => {
    const { clients, state } = fakeClients()
    const d = deployment()
    d.spec!.template.metadata = {
      ...d.spec!.template.metadata,
      annotations: {
        'kubectl.kubernetes.io/restartedAt': '2026-11-22T06:14:44Z'
      }
    }
    state.deployments.set('prod/web', d)
    const result = await restartRollout({
      clients,
      namespace: 'prod',
      name: 'web',
      log: silentLogger,
      now: new Date('2026-11-22T06:14:44.123Z')
    })
    expect(result.restartedAt).toBe('2026-11-22T06:14:44.123Z')
    expect(patches(state.calls)[0]!.params.body).toEqual(
      restartPatchBody('2026-11-22T06:14:44.123Z')
    )
  })

  it('patches the restartedAt pod-template annotation like kubectl', async () => {
    const { clients, state } = fakeClients()
    state.deployments.set('prod/web', deployment())
    const now = new Date('2026-11-22T06:14:44.123Z')
    const result = await restartRollout({
      clients,
      namespace: 'prod',
      name: 'web',
      log: silentLogger,
      now
    })
    expect(result).toMatchObject({ restartedAt: '2026-11-22T06:14:44Z' })
    const sent = patches(state.calls)
    expect(sent).toHaveLength(1)
    expect(sent[0]!.params.body).toEqual({
      spec: {
        template: {
          metadata: {
            annotations: {
              'kubectl.kubernetes.io/restartedAt': '2026-11-22T06:14:44Z'
            }
          }
        }
      }
    })
    expect(sent[0]!.params.body).toEqual(restartPatchBody(result.restartedAt))
    expect(headersSetBy(sent[0]!.options)).toEqual({
      'Content-Type': 'application/strategic-merge-patch+json'
    })
  })

  it('refuses a paused deployment', async () => {
    const { clients, state } = fakeClients()
    state.deployments.set('prod/web', deployment({ paused: true }))
    await expect(
      restartRollout({
        clients,
        namespace: 'prod',
        name: 'web',
        log: silentLogger
      })
    ).rejects.toThrow(
      /can't restart paused deployment "prod\/web" \(run kubectl rollout resume/
    )
    expect(patches(state.calls)).toHaveLength(0)
  })

  it('formats RFC 3339 with second precision', () => {
    expect(rfc3339Seconds(new Date('2026-01-02T03:04:05.999Z'))).toBe(
      '2026-01-02T03:04:05Z'
    )
  })
})
