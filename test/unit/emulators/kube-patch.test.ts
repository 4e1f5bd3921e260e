import { describe, expect, it } from '@jest/globals'
import {
  ApiError,
  applyJsonPatch,
  jsonMergePatch,
  strategicMergePatch
} from '@rollback-actions/emulators'

const deployment = () => ({
  metadata: {
    name: 'web',
    annotations: { team: 'a', 'kubernetes.io/change-cause': 'v1' }
  },
  spec: {
    replicas: 2,
    template: {
      metadata: { labels: { app: 'web' } },
      spec: {
        containers: [
          {
            name: 'app',
            image: 'reg/web:v1',
            env: [
              { name: 'A', value: '1' },
              { name: 'B', value: '2' }
            ],
            ports: [{ containerPort: 8080, protocol: 'TCP' }],
            volumeMounts: [{ name: 'data', mountPath: '/data' }]
          },
          { name: 'sidecar', image: 'reg/proxy:v1', args: ['--a', '--b'] }
        ],
        volumes: [{ name: 'data', emptyDir: {} }]
      }
    }
  }
})

type Deployment = ReturnType<typeof deployment>
const containers = (d: unknown) =>
  (d as Deployment).spec.template.spec.containers

/** A strategic merge patch of the Deployment's pod spec (`spec.template.spec`). */
const patchPodSpec = (podSpec: Record<string, unknown>) =>
  strategicMergePatch(deployment(), { spec: { template: { spec: podSpec } } })

function apiError(fn: () => unknown): ApiError {
  try {
    fn()
  } catch (error) {
    if (error instanceof ApiError) return error
    throw error
  }
  throw new Error('expected an ApiError')
}

describe('strategic merge patch', () => {
  it('merges containers by name, keeping the other container (kubectl set image)', () => {
    const out = patchPodSpec({
      '$setElementOrder/containers': [{ name: 'app' }, { name: 'sidecar' }],
      containers: [{ image: 'reg/web:v2', name: 'app' }]
    })
    expect(containers(out).map((c) => [c.name, c.image])).toEqual([
      ['app', 'reg/web:v2'],
      ['sidecar', 'reg/proxy:v1']
    ])
    expect(containers(out)[0]?.env).toHaveLength(2)
  })

  it('reorders a keyed list with $setElementOrder', () => {
    const out = patchPodSpec({
      '$setElementOrder/containers': [{ name: 'sidecar' }, { name: 'app' }]
    })
    expect(containers(out).map((c) => c.name)).toEqual(['sidecar', 'app'])
  })

  it('merges env by name and deletes an item with $patch: delete', () => {
    const out = patchPodSpec({
      containers: [
        {
          name: 'app',
          env: [
            { name: 'B', value: '20' },
            { name: 'C', value: '3' },
            { name: 'A', $patch: 'delete' }
          ]
        }
      ]
    })
    expect(containers(out)[0]?.env).toEqual([
      { name: 'B', value: '20' },
      { name: 'C', value: '3' }
    ])
  })

  it('merges ports by containerPort and volumeMounts by mountPath', () => {
    const out = patchPodSpec({
      containers: [
        {
          name: 'app',
          ports: [{ containerPort: 9090 }],
          volumeMounts: [{ mountPath: '/data', readOnly: true }]
        }
      ]
    }) as Deployment
    const app = containers(out)[0]
    expect(app?.ports?.map((p) => p.containerPort)).toEqual([8080, 9090])
    expect(app?.volumeMounts).toEqual([
      { name: 'data', mountPath: '/data', readOnly: true }
    ])
  })

  it('replaces primitive lists such as args', () => {
    const out = patchPodSpec({
      containers: [{ name: 'sidecar', args: ['--c'] }]
    })
    expect(containers(out)[1]?.args).toEqual(['--c'])
  })

  it('adds a template annotation without touching the rest (kubectl rollout restart)', () => {
    const out = strategicMergePatch(deployment(), {
      spec: {
        template: {
          metadata: {
            annotations: {
              'kubectl.kubernetes.io/restartedAt': '2026-11-22T06:14:44Z'
            }
          }
        }
      }
    }) as Deployment & {
      spec: { template: { metadata: { annotations: Record<string, string> } } }
    }
    expect(out.spec.template.metadata).toEqual({
      labels: { app: 'web' },
      annotations: {
        'kubectl.kubernetes.io/restartedAt': '2026-11-22T06:14:44Z'
      }
    })
  })

  it('deletes map keys with null and replaces a map with $patch: replace', () => {
    const out = strategicMergePatch(deployment(), {
      metadata: { annotations: { team: null } },
      spec: {
        template: { metadata: { $patch: 'replace', labels: { app: 'other' } } }
      }
    }) as Deployment
    expect(out.metadata.annotations).toEqual({
      'kubernetes.io/change-cause': 'v1'
    })
    expect(out.spec.template.metadata).toEqual({ labels: { app: 'other' } })
  })

  it('replaces a whole keyed list with a $patch: replace item', () => {
    const out = patchPodSpec({
      containers: [{ $patch: 'replace' }, { name: 'only', image: 'x' }]
    })
    expect(containers(out)).toEqual([{ name: 'only', image: 'x' }])
  })

  it('rejects a keyed list item without its merge key', () => {
    const error = apiError(() => patchPodSpec({ containers: [{ image: 'x' }] }))
    expect(error.code).toBe(422)
    expect(error.message).toContain('does not contain declared merge key: name')
  })

  it('leaves the original untouched', () => {
    const original = deployment()
    strategicMergePatch(original, { spec: { replicas: 5 } })
    expect(original).toEqual(deployment())
  })
})

describe('JSON merge patch (RFC 7386)', () => {
  it('replaces lists wholesale and deletes with null', () => {
    const out = jsonMergePatch(deployment(), {
      metadata: { annotations: { team: null } },
      spec: {
        template: {
          spec: { containers: [{ name: 'app', image: 'reg/web:v3' }] }
        }
      }
    }) as Deployment
    expect(containers(out)).toEqual([{ name: 'app', image: 'reg/web:v3' }])
    expect(out.metadata.annotations).toEqual({
      'kubernetes.io/change-cause': 'v1'
    })
  })

  it.each([
    [{ a: 1 }, { a: null }, {}],
    [{ a: [1, 2] }, { a: [3] }, { a: [3] }],
    [{ a: { b: 1 } }, { a: { c: 2 } }, { a: { b: 1, c: 2 } }],
    ['text', { a: 1 }, { a: 1 }]
  ])('%j + %j = %j', (target, patch, expected) => {
    expect(jsonMergePatch(target, patch)).toEqual(expected)
  })
})

describe('JSON patch (RFC 6902)', () => {
  it('replaces the template and annotations as kubectl rollout undo does', () => {
    const out = applyJsonPatch(deployment(), [
      {
        op: 'replace',
        path: '/spec/template',
        value: {
          metadata: { labels: { app: 'web' } },
          spec: { containers: [] }
        }
      },
      {
        op: 'replace',
        path: '/metadata/annotations',
        value: { 'deployment.kubernetes.io/revision': '3' }
      }
    ]) as Deployment
    expect(out.spec.template.spec.containers).toEqual([])
    expect(out.metadata.annotations).toEqual({
      'deployment.kubernetes.io/revision': '3'
    })
  })

  it('supports add at the end of an array, move, copy, remove and escaped pointers', () => {
    const out = applyJsonPatch({ a: [1], 'x/y': { '~k': 1 } }, [
      { op: 'add', path: '/a/-', value: 2 },
      { op: 'add', path: '/a/0', value: 0 },
      { op: 'copy', from: '/a', path: '/b' },
      { op: 'move', from: '/x~1y/~0k', path: '/moved' },
      { op: 'remove', path: '/b/0' }
    ])
    expect(out).toEqual({ a: [0, 1, 2], b: [1, 2], 'x/y': {}, moved: 1 })
  })

  it('passes a matching test operation', () => {
    const out = applyJsonPatch(deployment(), [
      { op: 'test', path: '/spec/replicas', value: 2 },
      { op: 'replace', path: '/spec/replicas', value: 3 }
    ]) as Deployment
    expect(out.spec.replicas).toBe(3)
  })

  it('fails a test operation that does not match with 422', () => {
    const error = apiError(() =>
      applyJsonPatch(deployment(), [
        { op: 'test', path: '/spec/replicas', value: 5 },
        { op: 'replace', path: '/spec/replicas', value: 3 }
      ])
    )
    expect(error.code).toBe(422)
    expect(error.message).toBe(
      'testing value /spec/replicas failed: test failed'
    )
  })

  it('fails replace and remove of a missing path with 422', () => {
    expect(
      apiError(() =>
        applyJsonPatch({}, [{ op: 'replace', path: '/spec/x', value: 1 }])
      ).code
    ).toBe(422)
    expect(
      apiError(() =>
        applyJsonPatch({ a: {} }, [{ op: 'remove', path: '/a/b' }])
      ).code
    ).toBe(422)
  })

  it('answers an object body with the API server 400 message', () => {
    const error = apiError(() =>
      applyJsonPatch(deployment(), { spec: { replicas: 3 } })
    )
    expect(error.code).toBe(400)
    expect(error.toStatus()).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message:
        'json: cannot unmarshal object into Go value of type jsonpatch.Patch',
      reason: 'BadRequest',
      code: 400
    })
  })
})
