import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { PrometheusClient, httpRequest } from '@rollback-actions/health'
import { RequestLog, type RunningServer } from '@rollback-actions/emulators'
import { createCertificateAuthority } from '@rollback-actions/emulators'
import type { ContainerHandle } from '@rollback-actions/emulators'
import {
  createProductServiceRuntime,
  startLoadGenerator,
  startServiceProxy,
  type LoadGenerator,
  type ProductServiceRuntime,
  type ServiceEndpoint
} from '@rollback-actions/sandbox'
import {
  startPrometheus,
  type RunningPrometheus
} from '@rollback-actions/sandbox'

const image = (tag: string) =>
  `sandbox.azurecr.io/warranty-hub/product-service:${tag}`

let dir: string
let caPem: string
let runtime: ProductServiceRuntime
let service: RunningServer
let prom: RunningPrometheus | undefined
let load: LoadGenerator | undefined
const endpoints: ServiceEndpoint[] = []
const handles: ContainerHandle[] = []

const start = async (pod: string, tag: string) => {
  const h = await runtime.start({
    namespace: 'prod',
    pod,
    container: 'product-service',
    image: image(tag),
    digest: `sha256:${createHash('sha256').update(tag).digest('hex')}`,
    env: {}
  })
  handles.push(h)
  return h
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'service-prometheus-'))
  const ca = await createCertificateAuthority()
  caPem = ca.caPem
  runtime = createProductServiceRuntime({
    resolve: (img) => ({
      digest: `sha256:${createHash('sha256').update(img).digest('hex')}`
    }),
    isBroken: (img) => img.endsWith(':v1.3.0'),
    profile: (img) =>
      img.endsWith(':v1.4.0-degraded')
        ? { errorRate: 0.3, p95LatencyMs: 300 }
        : { errorRate: 0, p95LatencyMs: 20 }
  })
  service = await startServiceProxy({
    tls: await ca.issue(['127.0.0.1']),
    log: new RequestLog(),
    endpoints: () => endpoints
  })
})

afterAll(async () => {
  await load?.stop()
  await prom?.close()
  await service?.close()
  await runtime?.stopAll()
  rmSync(dir, { recursive: true, force: true })
})

const get = (path: string) =>
  httpRequest({ method: 'GET', url: `${service.url}${path}` }, { ca: caPem })

describe('product-service behind the Service endpoint', () => {
  it('answers 503 "no endpoints available" while no pod is Ready', async () => {
    const r = await get('/version')
    expect(r.status).toBe(503)
    expect(JSON.parse(r.body)).toEqual({
      error: 'no endpoints available for service "service"'
    })
  })

  it('lets a broken version log a panic and exit without ever being Ready', async () => {
    const h = await start('product-service-broken-1', 'v1.3.0')
    expect(h.endpoint).toBeUndefined()
    expect(await h.ready()).toBe(false)
    await new Promise((r) => setTimeout(r, 400))
    expect(h.exited()).toEqual({ code: 1, reason: 'Error' })
    expect(h.logs().join('\n')).toMatch(
      /FATAL unhandled exception during startup\nTypeError: Cannot read properties/
    )
  })

  it('round-robins over Ready pods, so a half-finished rollout answers with both versions', async () => {
    const a = await start('product-service-a', 'v1.2.0-stable')
    const b = await start('product-service-b', 'v1.4.0-degraded')
    expect(await a.ready()).toBe(true)
    endpoints.push(
      {
        pod: 'product-service-a',
        image: image('v1.2.0-stable'),
        endpoint: a.endpoint!
      },
      {
        pod: 'product-service-b',
        image: image('v1.4.0-degraded'),
        endpoint: b.endpoint!
      },
      {
        pod: 'product-service-c',
        image: image('v1.2.0-stable'),
        endpoint: 'http://127.0.0.1:1',
        ready: false
      }
    )
    const versions = new Set<string>()
    for (let i = 0; i < 4; i++) {
      versions.add(
        (JSON.parse((await get('/version')).body) as { version: string })
          .version
      )
    }
    expect([...versions].sort()).toEqual(['v1.2.0-stable', 'v1.4.0-degraded'])
  })

  it('answers /data with 503 and a clear error when the pod has no DATABASE_URL', async () => {
    const r = await get('/data')
    expect(r.status).toBe(503)
    expect(r.body).toMatch(
      /no database configured: the pod has no DATABASE_URL/
    )
  })

  it('creates users and service requests (201 JSON)', async () => {
    const r = await httpRequest(
      {
        method: 'POST',
        url: `${service.url}/api/service-requests`,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ product: 1 })
      },
      { ca: caPem }
    )
    expect(r.status).toBe(201)
    expect(JSON.parse(r.body)).toMatchObject({
      kind: 'service-request',
      status: 'open',
      product: 1
    })
  })

  it('is scraped by the real Prometheus, whose 5xx ratio per version follows the load profile', async () => {
    prom = await startPrometheus({
      workDir: dir,
      scrapeTargets: () => runtime.targets()
    })
    load = startLoadGenerator({
      url: service.url,
      ca: caPem,
      ratePerSecond: 40
    })
    const client = new PrometheusClient({ url: prom.url })
    const query =
      '1 - sum by (version) (increase(http_requests_total{route="/api/products",code!~"5.."}[1m])) / sum by (version) (increase(http_requests_total{route="/api/products"}[1m]))'
    // The ratio is a sample statistic: wait until Prometheus has seen enough requests of each version for the
    // 30 % profile to land in (0.15, 0.45) with overwhelming probability (binomial, n >= 150).
    const totals =
      'sum by (version) (increase(http_requests_total{route="/api/products"}[1m]))'
    let ratios: Record<string, number> = {}
    const deadline = Date.now() + 45_000
    while (Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 1000))
      const r = await client.query(query)
      ratios = Object.fromEntries(
        r.samples.map((s) => [s.labels.version ?? '', s.value])
      )
      const seen = (await client.query(totals)).samples.map((s) => s.value)
      if (
        Object.keys(ratios).length === 2 &&
        seen.length === 2 &&
        seen.every((n) => n >= 150)
      )
        break
    }
    expect(Date.now()).toBeLessThan(deadline)
    expect(ratios['v1.2.0-stable']).toBeCloseTo(0, 10)
    expect(ratios['v1.4.0-degraded']).toBeGreaterThan(0.15)
    expect(ratios['v1.4.0-degraded']).toBeLessThan(0.45)
    const up = await client.query(
      'up{job="product-service",namespace="prod",service="product-service"}'
    )
    expect(up.samples.map((s) => s.labels.pod).sort()).toEqual([
      'product-service-a',
      'product-service-b'
    ])
    expect(load.stats().failed).toBe(0)
  })
})
