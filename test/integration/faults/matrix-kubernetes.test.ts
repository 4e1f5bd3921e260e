// Fault matrix (issue #10), Kubernetes API: every remote operation of redeploy and secret-swap (kubernetes-secret)
// × {429, 503 burst, reset, hang past timeout, 409 where it applies, terminal failure}. Each cell runs the action
// through its fake context against the emulator behind the fault proxy and checks: it finishes, or fails naming
// the remote, the operation and the next step; nothing is left half-written; a re-run without faults converges.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { run as redeploy } from '../../../actions/redeploy/src/main.js'
import { run as secretSwap } from '../../../actions/secret-swap/src/main.js'
import { fakeContext, type FakeContext } from '../../helpers/fake-context.js'
import {
  COMMON_FAULTS,
  faultRules,
  type FaultName
} from '../../helpers/fault-matrix.js'
import {
  FAST_RETRY_ENV,
  LIVE,
  OLD,
  startKubeFaultWorld,
  type KubeFaultWorld
} from '../../helpers/kube-faults.js'

let world: KubeFaultWorld
beforeAll(async () => {
  world = await startKubeFaultWorld()
})
afterAll(() => world.close())

const deploymentPath = (name: string) =>
  new RegExp(`/namespaces/prod/deployments/${name}(\\?|$)`)

interface Operation {
  op: string
  method?: string
  path: (name: string) => RegExp
  faults: FaultName[]
  /** What a terminal failure's message must say (besides the remote). */
  terminal: RegExp | 'finishes'
}

// redeploy: read, PATCH, the rollout wait's list and watch, and the new ReplicaSet's and pods' lookups.
const REDEPLOY: Operation[] = [
  {
    op: 'read the Deployment',
    method: 'GET',
    path: deploymentPath,
    faults: COMMON_FAULTS,
    terminal:
      /reading deployment "prod\/[\w-]+": the Kubernetes API answered 503.*re-run the step.*Nothing was changed/
  },
  {
    op: 'PATCH the image',
    method: 'PATCH',
    path: deploymentPath,
    faults: [...COMMON_FAULTS, '409'],
    terminal:
      /patching the image of deployment "prod\/[\w-]+": the Kubernetes API answered 503.*re-run the step/
  },
  {
    op: 'list the Deployment (rollout wait)',
    method: 'GET',
    path: () => /\/deployments\?(?!.*watch=true).*fieldSelector=metadata.name/,
    faults: COMMON_FAULTS,
    terminal: /did not finish rolling out within 2s.*Raise rollout-timeout/
  },
  {
    op: 'watch the Deployment',
    method: 'GET',
    path: () => /\/deployments\?.*watch=true/,
    faults: [...COMMON_FAULTS, 'stream dropped', 'stream stalled'],
    terminal: 'finishes'
  },
  {
    op: 'list ReplicaSets',
    method: 'GET',
    path: () => /\/replicasets\?/,
    faults: COMMON_FAULTS,
    terminal: 'finishes'
  },
  {
    op: 'list and watch pods',
    method: 'GET',
    path: () => /\/pods\?/,
    faults: COMMON_FAULTS,
    terminal: 'finishes'
  }
]

const redeployRun = (name: string, timeout = '20s') => {
  const ctx = fakeContext(
    'redeploy',
    {
      namespace: 'prod',
      deployments: name,
      image: OLD,
      'rollout-timeout': timeout
    },
    { KUBECONFIG: world.kubeconfig, ...FAST_RETRY_ENV }
  )
  return redeploy(ctx).then(() => ctx)
}

const redeployCells = REDEPLOY.flatMap((o) =>
  o.faults.map((fault) => [o.op, fault, o] as const)
)

describe('fault matrix: redeploy × Kubernetes API', () => {
  it.each(redeployCells)('%s × %s', async (_op, fault, o) => {
    const name = await world.seed('rd')
    const mark = world.log.mark()
    const hits = world.proxy.hits.length
    for (const rule of faultRules(fault, o.method, o.path(name)))
      world.proxy.inject(rule)
    let ctx: FakeContext
    try {
      ctx = await redeployRun(name, fault === 'terminal' ? '2s' : '20s')
    } finally {
      world.proxy.clear()
    }
    // The fault met the operation.
    expect(world.proxy.since(hits).some((h) => h.action !== 'forward')).toBe(
      true
    )
    const patches = world.log
      .writes('kubernetes', mark)
      .filter((w) => w.method === 'PATCH' && w.status < 300)
    const fails = fault === 'terminal' && o.terminal !== 'finishes'
    const retried = ctx.logs.some(
      (l) => l.level === 'info' && /retry 1\//.test(l.message)
    )
    const mustRetry =
      ['429', '503 burst', 'reset', 'hang past timeout'].includes(fault) &&
      /^(read|PATCH)/.test(o.op)
    expect(ctx.failure ?? '').toMatch(
      fails
        ? new RegExp(`^redeploy: [\\s\\S]*${(o.terminal as RegExp).source}`)
        : /^$/
    )
    // A failure before the PATCH writes nothing; after it, the step failed on the wait and said so (a re-run waits).
    const unwritten = fails && /^(read|PATCH)/.test(o.op)
    expect(world.imageOf(name)).toBe(unwritten ? LIVE : OLD)
    expect(patches).toHaveLength(unwritten ? 0 : 1)
    // One info line per wait on the calls retried by the kit's policy.
    expect(retried || !mustRetry).toBe(true)
    // A re-run without faults converges on the target image.
    const again = await redeployRun(name)
    expect(again.failure).toBeUndefined()
    expect(world.imageOf(name)).toBe(OLD)
    world.remove(name)
  })
})

// secret-swap (kubernetes-secret): read the Secret, write it (PUT), restart the consumer (PATCH).
const SECRET: Operation[] = [
  {
    op: 'read the Secret',
    method: 'GET',
    path: (s) => new RegExp(`/secrets/${s}(\\?|$)`),
    faults: COMMON_FAULTS,
    terminal:
      /reading Secret "prod\/[\w-]+": the Kubernetes API answered 503.*re-run the step/
  },
  {
    op: 'write the Secret',
    method: 'PUT',
    path: (s) => new RegExp(`/secrets/${s}(\\?|$)`),
    faults: [...COMMON_FAULTS, '409'],
    terminal:
      /writing Secret "prod\/[\w-]+": the Kubernetes API answered 503.*re-run the step/
  },
  {
    op: 'restart the consumer',
    method: 'PATCH',
    path: () => /\/deployments\/consumer-\d+(\?|$)/,
    faults: [...COMMON_FAULTS, '409'],
    terminal:
      /restarting deployment "prod\/consumer-\d+": the Kubernetes API answered 503.*re-run the step/
  }
]

let secretSeq = 0
const secretCells = SECRET.flatMap((o) =>
  o.faults.map((fault) => [o.op, fault, o] as const)
)

describe('fault matrix: secret-swap (kubernetes-secret) × Kubernetes API', () => {
  it.each(secretCells)('%s × %s', async (_op, fault, o) => {
    const secret = `db-${++secretSeq}`
    world.emulator.store.createSecret({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: secret, namespace: 'prod' },
      data: { url: Buffer.from('postgresql://prod-db/app').toString('base64') }
    })
    const consumer = await world.seed('consumer')
    const swapRun = () => {
      const ctx = fakeContext(
        'secret-swap',
        {
          mode: 'swap',
          target: 'kubernetes-secret',
          namespace: 'prod',
          'secret-name': secret,
          'secret-key': 'url',
          'server-fqdn': 'restored-db',
          database: 'app',
          username: 'app',
          password: 'pw',
          'ssl-mode': 'require',
          deployments: `prod/${consumer}`,
          'rollout-timeout': '20s',
          kubeconfig: world.kubeconfig
        },
        FAST_RETRY_ENV
      )
      return secretSwap(ctx).then(() => ctx)
    }
    const value = () => {
      const s = world.emulator.store.get(
        'secrets',
        'prod',
        secret
      ) as unknown as {
        data: Record<string, string>
      }
      const decode = (k: string) =>
        s.data[k] === undefined
          ? undefined
          : Buffer.from(s.data[k], 'base64').toString()
      return { url: decode('url'), previous: decode('url.previous') }
    }
    const hits = world.proxy.hits.length
    for (const rule of faultRules(fault, o.method, o.path(secret)))
      world.proxy.inject(rule)
    let ctx: FakeContext
    try {
      ctx = await swapRun()
    } finally {
      world.proxy.clear()
    }
    expect(world.proxy.since(hits).some((h) => h.action !== 'forward')).toBe(
      true
    )
    const v = value()
    expect(ctx.failure ?? '').toMatch(
      fault === 'terminal'
        ? new RegExp(`^secret-swap: [\\s\\S]*${(o.terminal as RegExp).source}`)
        : /^$/
    )
    // Never half-written: the old value alone, or the new one with the old kept in url.previous.
    expect(
      v.url === 'postgresql://prod-db/app'
        ? v.previous === undefined
        : v.previous === 'postgresql://prod-db/app'
    ).toBe(true)
    const again = await swapRun()
    expect(again.failure).toBeUndefined()
    expect(value().url).toMatch(/@restored-db:5432\/app/)
    expect(value().previous).toBe('postgresql://prod-db/app')
    world.remove(consumer)
  })
})
