// Regression tests of issue #10 items 6 and 7 for the read-only remotes: the ACR tag listing survives a reset and a
// hang (bounded by the request timeout), Prometheus survives one 503 — through the same fault proxy.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  recordingLogger,
  retryPolicyFromEnv
} from '@rollback-actions/action-kit'
import type { AcrEmulator } from '@rollback-actions/emulators'
import { PrometheusClient } from '@rollback-actions/health'
import { createRegistryClient } from '@rollback-actions/registry'
import { startFaultProxy, type FaultProxy } from '../../helpers/fault-proxy.js'
import {
  federatedCredential,
  startAcr,
  startFederation,
  type Federation
} from '../../helpers/federation.js'
import { FAST_RETRY_ENV } from '../../helpers/kube-faults.js'

const REPO = 'warranty-hub/product-service'
const T0 = Date.UTC(2026, 0, 1)
const policy = retryPolicyFromEnv(FAST_RETRY_ENV)

let world: Federation
let acr: AcrEmulator
let proxy: FaultProxy

beforeAll(async () => {
  world = await startFederation({})
  acr = await startAcr(world, [
    {
      name: REPO,
      tags: [
        { name: 'v1.0.0', pushed: new Date(T0) },
        { name: 'v1.1.0', pushed: new Date(T0 + 3_600_000) }
      ]
    }
  ])
  proxy = await startFaultProxy({
    upstream: acr.url,
    tls: world.tls,
    caPem: world.caPem
  })
})
afterAll(async () => {
  await Promise.all([proxy?.close(), acr?.close(), world?.close()])
})

const listTags = async () => {
  const log = recordingLogger()
  const client = await createRegistryClient({
    registry: proxy.host,
    kind: 'acr',
    credential: () => federatedCredential(world),
    caPem: world.caPem,
    log,
    policy
  })
  const tags: string[] = []
  for await (const t of client.listTagsNewestFirst(REPO, () => true))
    tags.push(t.tag)
  return { tags, log }
}

describe('ACR tag listing under faults', () => {
  it.each([
    ['a reset before the answer', { kind: 'reset' } as const],
    [
      'a reset in the middle of the answer',
      { kind: 'reset-mid-response' } as const
    ],
    ['a hang past the request timeout', { kind: 'hang' } as const]
  ])('lists the tags after %s', async (_name, fault) => {
    proxy.inject({ method: 'GET', path: /\/_tags\?/, fault })
    const { tags } = await listTags()
    proxy.clear()
    expect(tags).toEqual(['v1.1.0', 'v1.0.0'])
  })
})

describe('Prometheus under faults', () => {
  let server: http.Server
  let url: string
  let calls = 0
  beforeAll(async () => {
    server = http.createServer((_req, res) => {
      calls++
      const busy = calls === 1
      res.writeHead(busy ? 503 : 200, { 'content-type': 'application/json' })
      res.end(
        JSON.stringify(
          busy
            ? { status: 'error', errorType: 'unavailable', error: 'busy' }
            : {
                status: 'success',
                data: { resultType: 'vector', result: [] }
              }
        )
      )
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise<void>((r) => server.close(() => r())))

  it('answers the query after one 503, with one info line for the wait', async () => {
    const log = recordingLogger()
    const client = new PrometheusClient({ url, policy, log })
    const result = await client.query('up')
    expect(result).toBeDefined()
    expect(calls).toBe(2)
    expect(log.text()).toMatch(
      /info: Prometheus at .*: GET \/api\/v1\/query: HTTP 503; retry 1\/2/
    )
  })
})
