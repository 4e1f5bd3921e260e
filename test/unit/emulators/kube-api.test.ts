// The emulator's HTTP surface: discovery, Status errors, PATCH content types, Table, chunked lists, watch.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import https from 'node:https'
import { httpsRequest } from '../../helpers/https.js'
import {
  fakeRuntime,
  type KubeObject,
  type KubernetesEmulator
} from '@rollback-actions/emulators'
import { seedWeb, startKube } from '../../helpers/kube.js'

const TOKEN = 'api-test-token'
let caPem: string
let emulator: KubernetesEmulator

beforeAll(async () => {
  ;({ emulator, caPem } = await startKube({
    token: TOKEN,
    runtime: fakeRuntime({
      images: {
        'reg/web:v1': 'sha256:01',
        'reg/web:v2': 'sha256:02',
        'reg/web:bad': 'sha256:0b'
      },
      broken: ['reg/web:bad'],
      exitAfterMs: 50
    }),
    podStartLatencyMs: 50,
    crashBackoffBaseMs: 100,
    controllerTickMs: 50,
    bookmarkIntervalMs: 150
  }))
  await seedWeb(emulator)
})

afterAll(() => emulator.close())

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  text: string
  json: () => Record<string, unknown>
}

async function request(
  method: string,
  path: string,
  options: {
    body?: unknown
    contentType?: string
    accept?: string
    token?: string | null
  } = {}
): Promise<Reply> {
  const headers: Record<string, string> = {}
  if (options.token !== null)
    headers.authorization = `Bearer ${options.token ?? TOKEN}`
  if (options.accept) headers.accept = options.accept
  const payload =
    options.body === undefined
      ? undefined
      : typeof options.body === 'string'
        ? options.body
        : JSON.stringify(options.body)
  if (payload !== undefined)
    headers['content-type'] = options.contentType ?? 'application/json'
  const reply = await httpsRequest(`${emulator.url}${path}`, {
    method,
    ca: caPem,
    headers,
    ...(payload === undefined ? {} : { body: payload })
  })
  return {
    ...reply,
    json: () => JSON.parse(reply.text) as Record<string, unknown>
  }
}

interface Stream {
  events: Array<{ type: string; object: KubeObject & Record<string, unknown> }>
  status: number
  ended: Promise<void>
  headersAt: number
  close: () => void
}

/** Opens a watch and collects its NDJSON events. */
function watch(path: string): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      `${emulator.url}${path}`,
      { ca: caPem, headers: { authorization: `Bearer ${TOKEN}` } },
      (res) => {
        let buffer = ''
        let endResolve: () => void = () => undefined
        const stream: Stream = {
          events: [],
          status: res.statusCode ?? 0,
          headersAt: Date.now(),
          ended: new Promise<void>((r) => (endResolve = r)),
          close: () => req.destroy()
        }
        res.on('data', (chunk: Buffer) => {
          buffer += chunk.toString()
          let nl: number
          while ((nl = buffer.indexOf('\n')) >= 0) {
            const line = buffer.slice(0, nl)
            buffer = buffer.slice(nl + 1)
            if (line.trim())
              stream.events.push(JSON.parse(line) as Stream['events'][number])
          }
        })
        res.on('end', () => endResolve())
        res.on('close', () => endResolve())
        resolve(stream)
      }
    )
    req.on('error', reject)
    req.end()
  })
}

async function waitFor<T>(
  probe: () => T | undefined | false,
  timeoutMs = 5000
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const v = probe()
    if (v) return v
    if (Date.now() > deadline) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 20))
  }
}

const DEPLOY = '/apis/apps/v1/namespaces/prod/deployments/web'

describe('authentication and discovery', () => {
  it('answers 401 with a Status object without the bearer token', async () => {
    const reply = await request('GET', DEPLOY, { token: null })
    expect(reply.status).toBe(401)
    expect(reply.json()).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'Unauthorized',
      reason: 'Unauthorized',
      code: 401
    })
    expect((await request('GET', '/version', { token: 'other' })).status).toBe(
      401
    )
  })

  it('reports a v1.31 server version', async () => {
    expect((await request('GET', '/version')).json().gitVersion).toMatch(
      /^v1\.31\.\d+$/
    )
  })

  it('lists resources with verbs, kinds and short names', async () => {
    const apps = (await request('GET', '/apis/apps/v1')).json() as {
      resources: Array<Record<string, unknown>>
    }
    expect(apps.resources.find((r) => r.name === 'deployments')).toMatchObject({
      kind: 'Deployment',
      namespaced: true,
      shortNames: ['deploy']
    })
    expect(apps.resources.find((r) => r.name === 'replicasets')).toMatchObject({
      shortNames: ['rs']
    })
    expect(apps.resources.find((r) => r.name === 'deployments')?.verbs).toEqual(
      expect.arrayContaining(['get', 'list', 'watch', 'patch', 'update'])
    )
    const core = (await request('GET', '/api/v1')).json() as {
      resources: Array<Record<string, unknown>>
    }
    expect(core.resources.find((r) => r.name === 'pods')).toMatchObject({
      kind: 'Pod',
      shortNames: ['po']
    })
    expect(core.resources.map((r) => r.name)).toEqual(
      expect.arrayContaining(['events', 'secrets', 'namespaces', 'pods/log'])
    )
    expect((await request('GET', '/apis')).json()).toMatchObject({
      kind: 'APIGroupList',
      groups: [{ name: 'apps' }]
    })
    expect((await request('GET', '/api')).json()).toMatchObject({
      kind: 'APIVersions',
      versions: ['v1']
    })
  })
})

describe('reads and errors', () => {
  it('answers a missing object with the NotFound Status', async () => {
    const reply = await request(
      'GET',
      '/apis/apps/v1/namespaces/prod/deployments/nope'
    )
    expect(reply.status).toBe(404)
    expect(reply.json()).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'deployments.apps "nope" not found',
      reason: 'NotFound',
      details: { name: 'nope', group: 'apps', kind: 'deployments' },
      code: 404
    })
  })

  it('renders a meta.k8s.io/v1 Table with the deployment columns kubectl prints', async () => {
    const table = (
      await request('GET', '/apis/apps/v1/namespaces/prod/deployments', {
        accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json'
      })
    ).json() as {
      kind: string
      columnDefinitions: Array<{ name: string; priority: number }>
      rows: Array<{ cells: unknown[]; object: { kind: string } }>
    }
    expect(table.kind).toBe('Table')
    expect(
      table.columnDefinitions.filter((c) => c.priority === 0).map((c) => c.name)
    ).toEqual(['Name', 'Ready', 'Up-to-date', 'Available', 'Age'])
    expect(table.rows[0]?.cells.slice(0, 4)).toEqual(['web', '2/2', 2, 2])
    expect(table.rows[0]?.object.kind).toBe('PartialObjectMetadata')
  })

  it('filters by label selector and pages with limit and continue', async () => {
    for (const name of ['a', 'b', 'c'])
      expect(
        (
          await request('POST', '/api/v1/namespaces/prod/secrets', {
            body: {
              metadata: { name: `page-${name}`, labels: { page: 'yes' } },
              stringData: { k: name }
            }
          })
        ).status
      ).toBe(201)
    const first = (
      await request(
        'GET',
        '/api/v1/namespaces/prod/secrets?labelSelector=page%3Dyes&limit=2'
      )
    ).json() as {
      items: KubeObject[]
      metadata: { continue?: string; remainingItemCount?: number }
    }
    expect(first.items.map((s) => s.metadata.name)).toEqual([
      'page-a',
      'page-b'
    ])
    expect(first.metadata.remainingItemCount).toBe(1)
    const second = (
      await request(
        'GET',
        `/api/v1/namespaces/prod/secrets?labelSelector=page%3Dyes&limit=2&continue=${first.metadata.continue ?? ''}`
      )
    ).json() as {
      items: KubeObject[]
      metadata: { continue?: string }
    }
    expect(second.items.map((s) => s.metadata.name)).toEqual(['page-c'])
    expect(second.metadata.continue).toBeUndefined()
    expect(
      (
        await request(
          'GET',
          '/api/v1/namespaces/prod/secrets?labelSelector=page%20notin%20(yes)'
        )
      ).json().items
    ).toEqual([])
    expect(
      (
        await request(
          'GET',
          '/api/v1/namespaces/prod/secrets?fieldSelector=spec.x%3D1'
        )
      ).status
    ).toBe(400)
  })

  it('answers AlreadyExists, Conflict and Invalid like the API server', async () => {
    const dup = await request('POST', '/api/v1/namespaces/prod/secrets', {
      body: { metadata: { name: 'page-a' } }
    })
    expect(dup.status).toBe(409)
    expect(dup.json()).toMatchObject({
      reason: 'AlreadyExists',
      message: 'secrets "page-a" already exists'
    })
    const current = (await request('GET', DEPLOY)).json() as KubeObject
    const stale = structuredClone(current)
    stale.metadata.resourceVersion = '1'
    const conflict = await request('PUT', DEPLOY, { body: stale })
    expect(conflict.status).toBe(409)
    expect(conflict.json()).toMatchObject({
      reason: 'Conflict',
      message: expect.stringContaining('the object has been modified')
    })
    const bad = structuredClone(current)
    bad.spec!.template!.metadata!.labels = { app: 'other' }
    const invalid = await request('PUT', DEPLOY, { body: bad })
    expect(invalid.status).toBe(422)
    expect(invalid.json()).toMatchObject({
      reason: 'Invalid',
      details: { causes: [{ field: 'spec.template.metadata.labels' }] }
    })
    expect(
      (
        await request('POST', '/api/v1/namespaces/ghost/secrets', {
          body: { metadata: { name: 'x' } }
        })
      ).status
    ).toBe(404)
  })
})

describe('PATCH', () => {
  it('answers 415 for application/json and 400 for an object body with json-patch', async () => {
    const plain = await request('PATCH', DEPLOY, {
      body: { spec: { replicas: 3 } },
      contentType: 'application/json'
    })
    expect(plain.status).toBe(415)
    expect(plain.json()).toMatchObject({
      reason: 'UnsupportedMediaType',
      code: 415
    })
    const objectBody = await request('PATCH', DEPLOY, {
      body: { spec: { replicas: 3 } },
      contentType: 'application/json-patch+json'
    })
    expect(objectBody.status).toBe(400)
    expect(objectBody.json().message).toBe(
      'json: cannot unmarshal object into Go value of type jsonpatch.Patch'
    )
  })

  it('bumps generation on a spec change and ignores status written to the main resource', async () => {
    const before = (await request('GET', DEPLOY)).json() as KubeObject
    const reply = await request('PATCH', `${DEPLOY}?fieldManager=test`, {
      body: {
        metadata: { labels: { extra: 'yes' } },
        spec: { minReadySeconds: 0 },
        status: { replicas: 99 }
      },
      contentType: 'application/merge-patch+json'
    })
    expect(reply.status).toBe(200)
    const after = reply.json() as KubeObject
    expect(after.metadata.labels).toMatchObject({ app: 'web', extra: 'yes' })
    expect(after.metadata.generation).toBe(before.metadata.generation)
    expect(after.status!.replicas).not.toBe(99)
    const failedTest = await request('PATCH', DEPLOY, {
      body: [{ op: 'test', path: '/spec/replicas', value: 7 }],
      contentType: 'application/json-patch+json'
    })
    expect(failedTest.status).toBe(422)
    const dry = await request('PATCH', `${DEPLOY}?dryRun=All`, {
      body: { spec: { replicas: 5 } },
      contentType: 'application/strategic-merge-patch+json'
    })
    expect((dry.json() as KubeObject).metadata.generation).toBe(
      (before.metadata.generation ?? 0) + 1
    )
    expect(
      ((await request('GET', DEPLOY)).json() as KubeObject).spec!.replicas
    ).toBe(2)
  })
})

describe('watch', () => {
  it('replays changes newer than the given resourceVersion, then streams live ones', async () => {
    const list = (
      await request('GET', '/api/v1/namespaces/prod/secrets')
    ).json() as { metadata: { resourceVersion: string } }
    await request('POST', '/api/v1/namespaces/prod/secrets', {
      body: { metadata: { name: 'w1', labels: { w: 'x' } } }
    })
    const stream = await watch(
      `/api/v1/namespaces/prod/secrets?watch=1&labelSelector=w%3Dx&resourceVersion=${list.metadata.resourceVersion}`
    )
    expect(stream.status).toBe(200)
    await waitFor(() => stream.events.length === 1)
    expect(stream.events[0]).toMatchObject({
      type: 'ADDED',
      object: { kind: 'Secret', metadata: { name: 'w1' } }
    })
    await request('PATCH', '/api/v1/namespaces/prod/secrets/w1', {
      body: { data: { k: 'dg==' } },
      contentType: 'application/merge-patch+json'
    })
    // Leaving the selector is a DELETED event for this watch.
    await request('PATCH', '/api/v1/namespaces/prod/secrets/w1', {
      body: { metadata: { labels: { w: null } } },
      contentType: 'application/merge-patch+json'
    })
    await waitFor(() => stream.events.length === 3)
    expect(stream.events.map((e) => e.type)).toEqual([
      'ADDED',
      'MODIFIED',
      'DELETED'
    ])
    const rvs = stream.events.map((e) =>
      Number(e.object.metadata.resourceVersion)
    )
    expect([...rvs].sort((a, b) => a - b)).toEqual(rvs)
    stream.close()
  })

  it('sends bookmarks carrying only the resourceVersion', async () => {
    const stream = await watch(
      '/apis/apps/v1/namespaces/prod/deployments?watch=true&allowWatchBookmarks=true&fieldSelector=metadata.name%3Dweb'
    )
    const bookmark = await waitFor(() =>
      stream.events.find((e) => e.type === 'BOOKMARK')
    )
    expect(bookmark.object).toEqual({
      kind: 'Deployment',
      apiVersion: 'apps/v1',
      metadata: { resourceVersion: expect.stringMatching(/^\d+$/) }
    })
    expect(stream.events[0]).toMatchObject({
      type: 'ADDED',
      object: { metadata: { name: 'web' } }
    })
    stream.close()
  })

  it('ends the stream after timeoutSeconds', async () => {
    const started = Date.now()
    const stream = await watch(
      '/api/v1/namespaces/prod/secrets?watch=true&timeoutSeconds=1'
    )
    await stream.ended
    expect(Date.now() - started).toBeGreaterThanOrEqual(900)
    expect(Date.now() - started).toBeLessThan(3000)
  })

  it('answers a compacted resourceVersion as the watch cache does: 200 and one ERROR event (410 Expired); 410 status when asked', async () => {
    const list = (
      await request('GET', '/api/v1/namespaces/prod/secrets')
    ).json() as { metadata: { resourceVersion: string } }
    const old = list.metadata.resourceVersion
    await request('POST', '/api/v1/namespaces/prod/secrets', {
      body: { metadata: { name: 'after-compaction' } }
    })
    emulator.store.compact()
    const stream = await watch(
      `/api/v1/namespaces/prod/secrets?watch=true&resourceVersion=${old}`
    )
    await stream.ended
    expect(stream.status).toBe(200)
    expect(stream.events).toEqual([
      {
        type: 'ERROR',
        object: expect.objectContaining({
          kind: 'Status',
          code: 410,
          reason: 'Expired',
          message: expect.stringMatching(
            /^too old resource version: \d+ \(\d+\)$/
          )
        })
      }
    ])
    emulator.store.expiredWatchStyle = 'status'
    try {
      const gone = await request(
        'GET',
        `/api/v1/namespaces/prod/secrets?watch=true&resourceVersion=${old}`
      )
      expect(gone.status).toBe(410)
      expect(gone.json()).toMatchObject({ kind: 'Status', reason: 'Expired' })
    } finally {
      emulator.store.expiredWatchStyle = 'event'
    }
    const fresh = await watch(
      `/api/v1/namespaces/prod/secrets?watch=true&resourceVersion=${emulator.store.resourceVersion}`
    )
    expect(fresh.status).toBe(200)
    fresh.close()
  })

  it('flushes the response headers before any event', async () => {
    const started = Date.now()
    const stream = await watch(
      `/api/v1/namespaces/prod/secrets?watch=true&fieldSelector=metadata.name%3Dnone&resourceVersion=${emulator.store.resourceVersion}`
    )
    expect(stream.headersAt - started).toBeLessThan(1000)
    expect(stream.events).toEqual([])
    stream.close()
  })
})

describe('pod logs', () => {
  it('serves current logs with tailLines and the previous instance of a crashed container', async () => {
    const pods = (
      await request(
        'GET',
        '/api/v1/namespaces/prod/pods?labelSelector=app%3Dweb'
      )
    ).json().items as KubeObject[]
    const name = pods[0]?.metadata.name ?? ''
    const logs = await request(
      'GET',
      `/api/v1/namespaces/prod/pods/${name}/log?tailLines=1`
    )
    expect(logs.status).toBe(200)
    expect(logs.text).toBe('listening on :8080\n')
    const noPrevious = await request(
      'GET',
      `/api/v1/namespaces/prod/pods/${name}/log?previous=true`
    )
    expect(noPrevious.status).toBe(400)
    await request('PATCH', DEPLOY, {
      body: {
        spec: {
          template: {
            spec: { containers: [{ name: 'app', image: 'reg/web:bad' }] }
          }
        }
      },
      contentType: 'application/strategic-merge-patch+json'
    })
    const crashed = await waitFor(() =>
      emulator.store
        .list('pods', 'prod')
        .find(
          (p) =>
            p.spec!.containers![0]!.image === 'reg/web:bad' &&
            (p.status!.containerStatuses?.[0]?.restartCount ?? 0) >= 1
        )
    )
    const previous = await request(
      'GET',
      `/api/v1/namespaces/prod/pods/${crashed.metadata.name}/log?previous=true`
    )
    expect(previous.status).toBe(200)
    expect(previous.text).toContain('panic: runtime error')
  })
})

describe('update semantics as the API server has them', () => {
  it.each([
    ['a Deployment', DEPLOY],
    ['a Secret', '/api/v1/namespaces/prod/secrets/page-a']
  ])(
    'accepts a PUT of %s without resourceVersion (unconditional update)',
    async (_what, path) => {
      const current = (await request('GET', path)).json() as KubeObject
      const next = structuredClone(current)
      delete next.metadata.resourceVersion
      next.metadata.labels = { ...next.metadata.labels, unconditional: 'yes' }
      const reply = await request('PUT', path, { body: next })
      expect(reply.status).toBe(200)
      expect((reply.json() as KubeObject).metadata.labels).toMatchObject({
        unconditional: 'yes'
      })
    }
  )

  it('accepts a PUT of a Pod without resourceVersion', async () => {
    const pods = (
      await request(
        'GET',
        '/api/v1/namespaces/prod/pods?labelSelector=app%3Dweb'
      )
    ).json() as { items: KubeObject[] }
    const pod = pods.items[0]!
    const path = `/api/v1/namespaces/prod/pods/${pod.metadata.name}`
    const current = (await request('GET', path)).json() as KubeObject
    delete current.metadata.resourceVersion
    current.metadata.annotations = {
      ...current.metadata.annotations,
      touched: 'yes'
    }
    expect((await request('PUT', path, { body: current })).status).toBe(200)
  })

  it("bumps a Deployment's generation on an annotation-only change", async () => {
    const before = (await request('GET', DEPLOY)).json() as KubeObject
    const reply = await request('PATCH', DEPLOY, {
      body: { metadata: { annotations: { 'example.com/note': 'x' } } },
      contentType: 'application/merge-patch+json'
    })
    expect(reply.status).toBe(200)
    expect((reply.json() as KubeObject).metadata.generation).toBe(
      (before.metadata.generation ?? 0) + 1
    )
  })

  it('refuses a Secret data key the API server refuses', async () => {
    for (const key of ['..', '.', '..hidden', 'a/b']) {
      const reply = await request('POST', '/api/v1/namespaces/prod/secrets', {
        body: {
          metadata: {
            name: `bad-key-${key.length}-${key.charCodeAt(key.length - 1)}`
          },
          data: { [key]: 'eA==' }
        }
      })
      expect(reply.status).toBe(422)
      expect(reply.json()).toMatchObject({
        reason: 'Invalid',
        details: { causes: [{ field: `data[${key}]` }] }
      })
    }
  })
})

describe('list and watch options as ValidateListOptions checks them', () => {
  const SECRETS = '/api/v1/namespaces/prod/secrets'
  it.each([
    [
      'sendInitialEvents on a list',
      `${SECRETS}?sendInitialEvents=true`,
      'sendInitialEvents'
    ],
    [
      'sendInitialEvents without resourceVersionMatch',
      `${SECRETS}?watch=true&sendInitialEvents=true&allowWatchBookmarks=true`,
      'resourceVersionMatch'
    ],
    [
      'resourceVersionMatch on a watch without sendInitialEvents',
      `${SECRETS}?watch=true&resourceVersionMatch=NotOlderThan&resourceVersion=1`,
      'resourceVersionMatch'
    ],
    [
      'resourceVersionMatch on a list without resourceVersion',
      `${SECRETS}?resourceVersionMatch=NotOlderThan`,
      'resourceVersionMatch'
    ],
    [
      'resourceVersionMatch=Exact for resourceVersion 0',
      `${SECRETS}?resourceVersionMatch=Exact&resourceVersion=0`,
      'resourceVersionMatch'
    ]
  ])('refuses %s with 422 Invalid', async (_what, path, field) => {
    const reply = await request('GET', path)
    expect(reply.status).toBe(422)
    expect(reply.json()).toMatchObject({
      reason: 'Invalid',
      details: {
        kind: 'ListOptions',
        causes: [expect.objectContaining({ field })]
      }
    })
  })

  it('serves a watch list: initial events, then the initial-events-end bookmark', async () => {
    const stream = await watch(
      `${SECRETS}?watch=true&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true&timeoutSeconds=1`
    )
    await stream.ended
    expect(stream.status).toBe(200)
    expect(stream.events.some((e) => e.type === 'ADDED')).toBe(true)
    expect(
      stream.events.find(
        (e) =>
          e.type === 'BOOKMARK' &&
          e.object.metadata.annotations?.['k8s.io/initial-events-end'] ===
            'true'
      )
    ).toBeDefined()
  })
})
