import { describe, expect, it } from '@jest/globals'
import type { V1Deployment } from '@kubernetes/client-node'
import { OperationError } from '@rollback-actions/action-kit'
import { revisionOf, rolloutStatus } from '@rollback-actions/kube'

interface Case {
  name: string
  generation?: number
  observedGeneration?: number
  specReplicas?: number
  replicas?: number
  updated?: number
  available?: number
  ready?: number
  progressingReason?: string
  expected: { done: boolean; deadlineExceeded: boolean; message: string }
}

function make(c: Case): V1Deployment {
  return {
    metadata: {
      name: 'web',
      ...(c.generation !== undefined ? { generation: c.generation } : {}),
      annotations: { 'deployment.kubernetes.io/revision': '4' }
    },
    spec: {
      ...(c.specReplicas !== undefined ? { replicas: c.specReplicas } : {}),
      selector: {},
      template: {}
    },
    status: {
      ...(c.observedGeneration !== undefined
        ? { observedGeneration: c.observedGeneration }
        : {}),
      ...(c.replicas !== undefined ? { replicas: c.replicas } : {}),
      ...(c.updated !== undefined ? { updatedReplicas: c.updated } : {}),
      ...(c.available !== undefined ? { availableReplicas: c.available } : {}),
      ...(c.ready !== undefined ? { readyReplicas: c.ready } : {}),
      ...(c.progressingReason
        ? {
            conditions: [
              {
                type: 'Available',
                status: 'True',
                reason: 'MinimumReplicasAvailable'
              },
              {
                type: 'Progressing',
                status:
                  c.progressingReason === 'ProgressDeadlineExceeded'
                    ? 'False'
                    : 'True',
                reason: c.progressingReason
              }
            ]
          }
        : {})
    }
  }
}

const waiting = (message: string) => ({
  done: false,
  deadlineExceeded: false,
  message
})

const cases: Case[] = [
  {
    name: 'spec update not observed yet (generation > observedGeneration)',
    generation: 3,
    observedGeneration: 2,
    specReplicas: 2,
    replicas: 2,
    updated: 2,
    available: 2,
    expected: waiting('Waiting for deployment spec update to be observed...')
  },
  {
    name: 'deadline condition ignored while the generation is not observed',
    generation: 5,
    observedGeneration: 4,
    progressingReason: 'ProgressDeadlineExceeded',
    expected: waiting('Waiting for deployment spec update to be observed...')
  },
  {
    name: 'progress deadline exceeded (checked first, even with all replicas up)',
    generation: 3,
    observedGeneration: 3,
    specReplicas: 2,
    replicas: 2,
    updated: 2,
    available: 2,
    progressingReason: 'ProgressDeadlineExceeded',
    expected: {
      done: false,
      deadlineExceeded: true,
      message: 'deployment "web" exceeded its progress deadline'
    }
  },
  {
    name: 'fewer updated replicas than desired',
    generation: 3,
    observedGeneration: 3,
    specReplicas: 3,
    replicas: 4,
    updated: 1,
    available: 3,
    progressingReason: 'ReplicaSetUpdated',
    expected: waiting(
      'Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...'
    )
  },
  {
    name: 'old replicas pending termination',
    generation: 3,
    observedGeneration: 3,
    specReplicas: 3,
    replicas: 5,
    updated: 3,
    available: 3,
    expected: waiting(
      'Waiting for deployment "web" rollout to finish: 2 old replicas are pending termination...'
    )
  },
  {
    name: 'updated replicas not yet available',
    generation: 3,
    observedGeneration: 3,
    specReplicas: 3,
    replicas: 3,
    updated: 3,
    available: 1,
    ready: 3,
    expected: waiting(
      'Waiting for deployment "web" rollout to finish: 1 of 3 updated replicas are available...'
    )
  },
  {
    name: 'done (observedGeneration ahead of generation counts as observed)',
    generation: 3,
    observedGeneration: 4,
    specReplicas: 3,
    replicas: 3,
    updated: 3,
    available: 3,
    progressingReason: 'NewReplicaSetAvailable',
    expected: {
      done: true,
      deadlineExceeded: false,
      message: 'deployment "web" successfully rolled out'
    }
  },
  {
    name: 'done although readyReplicas is lower (kubectl ignores it)',
    generation: 1,
    observedGeneration: 1,
    specReplicas: 2,
    replicas: 2,
    updated: 2,
    available: 2,
    ready: 0,
    expected: {
      done: true,
      deadlineExceeded: false,
      message: 'deployment "web" successfully rolled out'
    }
  },
  {
    name: 'spec.replicas unset skips the updated-replicas check',
    generation: 1,
    observedGeneration: 1,
    replicas: 0,
    updated: 0,
    available: 0,
    expected: {
      done: true,
      deadlineExceeded: false,
      message: 'deployment "web" successfully rolled out'
    }
  },
  {
    name: 'missing generation and status count as 0 (observed) and spec.replicas 1 waits',
    specReplicas: 1,
    expected: waiting(
      'Waiting for deployment "web" rollout to finish: 0 out of 1 new replicas have been updated...'
    )
  },
  {
    name: 'scaled to zero is done',
    generation: 2,
    observedGeneration: 2,
    specReplicas: 0,
    expected: {
      done: true,
      deadlineExceeded: false,
      message: 'deployment "web" successfully rolled out'
    }
  }
]

describe('rolloutStatus (kubectl DeploymentStatusViewer)', () => {
  it.each(cases)('$name', (c) => {
    expect(rolloutStatus(make(c))).toEqual(c.expected)
  })

  it('accepts the running revision when --revision matches', () => {
    const d = make({ ...cases[6]!, name: 'x' })
    expect(rolloutStatus(d, 4).done).toBe(true)
  })

  it('fails when the desired revision differs from the running one', () => {
    const d = make({ ...cases[6]!, name: 'x' })
    expect(() => rolloutStatus(d, 3)).toThrow(
      new OperationError(
        'desired revision (3) is different from the running revision (4)'
      )
    )
  })

  it('treats a missing revision annotation as revision 0', () => {
    const d = make({ ...cases[6]!, name: 'x' })
    d.metadata!.annotations = {}
    expect(() => rolloutStatus(d, 2)).toThrow(
      'desired revision (2) is different from the running revision (0)'
    )
  })
})

describe('revisionOf', () => {
  it.each([
    ['7', 7],
    ['12', 12],
    ['x', undefined],
    ['', undefined]
  ])('reads annotation %p as %p', (value, expected) => {
    expect(
      revisionOf({
        metadata: {
          annotations: { 'deployment.kubernetes.io/revision': value }
        }
      })
    ).toBe(expected)
  })

  it('is undefined without the annotation', () => {
    expect(revisionOf({ metadata: {} })).toBeUndefined()
  })
})
