import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createKubeClients } from '@rollback-actions/kube'
import { validateHealth, type ValidationPlan } from '@rollback-actions/health'
import { run } from '../../../actions/validate-health/src/main.js'
import { runFake } from '../../helpers/fake-context.js'
import {
  type KubernetesEmulator,
  type RunningServer
} from '@rollback-actions/emulators'
import { loopbackTls, startKube, writeKubeconfig } from '../../helpers/kube.js'
import {
  createProductServiceRuntime,
  startServiceProxy,
  type ProductServiceRuntime
} from '@rollback-actions/sandbox'

const REGISTRY = 'sandbox.azurecr.io'
const repo = `${REGISTRY}/warranty-hub/product-service`
const TAGS = ['v1.1.0', 'v1.2.0-stable', 'v1.3.0']

/** What beforeAll starts: the emulator, the product-service runtime, its Service proxy, and their CA and kubeconfig. */
const world = {} as {
  dir: string
  caPem: string
  kube: KubernetesEmulator
  runtime: ProductServiceRuntime
  service: RunningServer
  kubeconfigPath: string
}

beforeAll(async () => {
  world.dir = mkdtempSync(join(tmpdir(), 'validate-health-'))
  const certs = await loopbackTls()
  world.caPem = certs.caPem
  const runtime = createProductServiceRuntime({
    resolve: (image) => {
      const tag = image.split(':').at(-1) ?? ''
      return TAGS.includes(tag)
        ? {
            digest: `sha256:${createHash('sha256').update(image).digest('hex')}`
          }
        : { error: `manifest unknown: ${image}` }
    },
    isBroken: (image) => image.endsWith(':v1.3.0')
  })
  const started = await startKube({
    certs,
    token: 'test-token',
    runtime,
    podStartLatencyMs: 100,
    crashBackoffBaseMs: 200
  })
  const kube = started.emulator
  const { tls, log } = started
  Object.assign(world, { kube, runtime })
  await kube.seedDeployment({
    namespace: 'prod',
    name: 'product-service',
    replicas: 2,
    container: 'product-service',
    images: [`${repo}:v1.1.0`, `${repo}:v1.2.0-stable`]
  })
  world.service = await startServiceProxy({
    tls,
    log,
    endpoints: () => kube.readyEndpoints('prod', 'product-service')
  })
  world.kubeconfigPath = writeKubeconfig(world.dir, kube, {
    namespace: 'prod'
  })
})

afterAll(async () => {
  await world.service?.close()
  await world.kube?.close()
  await world.runtime?.stopAll()
  rmSync(world.dir, { recursive: true, force: true })
})

const plan = (overrides: Partial<ValidationPlan> = {}): ValidationPlan => ({
  namespace: 'prod',
  deployments: ['product-service'],
  httpChecks: [
    {
      url: `${world.service.url}/version`,
      'expect-status': 200,
      'json-field': 'version',
      'json-value': 'v1.2.0-stable'
    }
  ],
  prometheusChecks: [],
  smokeTests: [],
  window: { intervalSeconds: 0.2, timeoutSeconds: 10 },
  consecutiveSuccesses: 3,
  failureLimit: 0,
  consecutiveErrorLimit: 2,
  ...overrides
})

/** validate-health with only HTTP checks (no deployments, no smoke tests). */
const httpChecksOnly = (
  httpChecks: ValidationPlan['httpChecks'],
  http: NonNullable<Parameters<typeof validateHealth>[1]['http']>
) => validateHealth(plan({ deployments: [], httpChecks }), { http })

describe('validate-health against the Kubernetes emulator and the product-service', () => {
  it('finds the live version healthy: pods Ready, /version as expected, smoke journeys pass', async () => {
    const result = await validateHealth(
      plan({
        smokeTests: [
          {
            name: 'user registration',
            method: 'POST',
            url: `${world.service.url}/api/users`,
            headers: {},
            body: { email: 'sre@example.com' },
            'expect-status': 201,
            'expect-json': { status: 'registered', id: '*' }
          },
          {
            name: 'service request creation',
            method: 'POST',
            url: `${world.service.url}/api/service-requests`,
            headers: {},
            body: { product: 1, issue: 'screen cracked' },
            'expect-status': 201,
            'expect-json': { status: 'open' }
          }
        ]
      }),
      {
        kube: createKubeClients(world.kubeconfigPath),
        http: { ca: world.caPem }
      }
    )
    expect(result.reason).toMatch(/^healthy/)
    expect(result.verdict).toBe('healthy')
    expect(result.analysis.rounds).toBe(3)
    expect(result.smoke?.readings.map((r) => r.outcome)).toEqual([
      'success',
      'success'
    ])
    expect(result.readings.find((r) => r.kind === 'pods')?.value).toBe(
      '2/2 ready'
    )
  })

  it('finds a wrong version unhealthy from its JSON field', async () => {
    const result = await httpChecksOnly(
      [
        {
          url: `${world.service.url}/version`,
          'expect-status': 200,
          'json-field': 'version',
          'json-value': 'v9.9.9'
        }
      ],
      { ca: world.caPem }
    )
    expect(result.verdict).toBe('unhealthy')
    expect(result.readings[0]!.detail).toBe(
      'version is "v1.2.0-stable", expected "v9.9.9"'
    )
  })

  it('never calls an unreachable endpoint healthy', async () => {
    const result = await httpChecksOnly(
      [{ url: 'https://127.0.0.1:1/healthz', 'expect-status': 200 }],
      { ca: world.caPem, timeoutSeconds: 1 }
    )
    expect(result.verdict).toBe('could-not-verify')
    expect(result.readings).toHaveLength(3)
    expect(result.readings[0]!.detail).toMatch(/^unreachable: ECONNREFUSED/)
  })

  it('runs the action: healthy verdict, every reading in the summary and the audit', async () => {
    const ctx = await runFake(
      run,
      'validate-health',
      {
        namespace: 'prod',
        deployments: 'product-service',
        'http-checks': `- url: ${world.service.url}/healthz\n`,
        interval: '0.2s',
        'consecutive-successes': '2',
        timeout: '10s',
        'ca-certificate': world.caPem
      },
      { KUBECONFIG: world.kubeconfigPath }
    )
    expect(ctx.failure).toBeUndefined()
    expect(ctx.outputs.verdict).toBe('healthy')
    const step = ctx.audit.steps.find((s) => s.step === 'Validate health')!
    const readings = step.details.readings as Array<{ at: string }>
    expect(readings).toHaveLength(4)
    expect(ctx.summaryText).toContain(`\`GET ${world.service.url}/healthz\``)
    for (const r of readings) {
      expect(r.at).toMatch(/Z$/)
      expect(ctx.summaryText).toContain(r.at)
    }
  })

  it('names the input and touches nothing when http-checks is not a list', async () => {
    const ctx = await runFake(run, 'validate-health', {
      'http-checks': 'url: x'
    })
    expect(ctx.failure).toMatch(
      /^validate-health: input "http-checks": .*must be a YAML list/
    )
    expect(ctx.outputs.verdict).toBeUndefined()
  })

  it('finds a crashing version unhealthy while the rollout is stuck', async () => {
    const dep = world.kube.store.mustGet(
      'deployments',
      'prod',
      'product-service'
    ) as {
      spec: { template: { spec: { containers: Array<{ image: string }> } } }
    }
    dep.spec.template.spec.containers[0]!.image = `${repo}:v1.3.0`
    world.kube.store.update('deployments', dep as never)
    const started = Date.now()
    const result = await validateHealth(
      plan({
        httpChecks: [],
        window: { intervalSeconds: 0.25, timeoutSeconds: 15 }
      }),
      { kube: createKubeClients(world.kubeconfigPath) }
    )
    expect(result.verdict).toBe('unhealthy')
    expect(result.reason).toMatch(/pods prod\/product-service: 1 bad reading/)
    const bad = result.readings.find((r) => r.outcome === 'failure')!
    expect(bad.detail).toMatch(/restarted during the window|CrashLoopBackOff/)
    expect(Date.now() - started).toBeLessThan(10_000)
  })
})
