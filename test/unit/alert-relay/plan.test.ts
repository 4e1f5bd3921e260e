import { describe, expect, it } from '@jest/globals'
import {
  DispatchMemory,
  isTransient,
  parseWebhook,
  planDispatches,
  withRetry,
  type AlertmanagerWebhook
} from '@rollback-actions/alert-relay'

const alert = (
  labels: Record<string, string>,
  over: Partial<AlertmanagerWebhook['alerts'][number]> = {}
) => ({
  status: 'firing' as const,
  labels: {
    alertname: 'RollbackErrorRate',
    namespace: 'prod',
    service: 'product-service',
    environment: 'production',
    trigger_id: 'error-rate',
    rollback_class: 'roll-back-now',
    severity: 'critical',
    ...labels
  },
  annotations: {
    summary: '5xx ratio of product-service is 20%',
    threshold: '> 5% for 5m',
    value: '0.2'
  },
  startsAt: '2026-11-30T10:00:00Z',
  endsAt: '0001-01-01T00:00:00Z',
  generatorURL: 'http://prometheus/graph?g0.expr=x',
  fingerprint: '7a4f1c2b9e0d3f51',
  ...over
})

const webhook = (alerts: ReturnType<typeof alert>[]): AlertmanagerWebhook => ({
  version: '4',
  groupKey: '{}:{alertname="RollbackErrorRate", service="product-service"}',
  truncatedAlerts: 0,
  status: 'firing',
  receiver: 'alert-relay',
  groupLabels: { alertname: 'RollbackErrorRate' },
  commonLabels: {},
  commonAnnotations: {},
  externalURL: 'http://alertmanager:9093',
  alerts
})

describe('parseWebhook', () => {
  it('reads an Alertmanager version 4 body', () => {
    const r = parseWebhook(JSON.stringify(webhook([alert({})])))
    expect('webhook' in r && r.webhook.alerts[0]!.labels.trigger_id).toBe(
      'error-rate'
    )
  })

  it.each([
    ['not JSON', '{', /^body is not JSON/],
    [
      'another version',
      JSON.stringify({ ...webhook([alert({})]), version: '3' }),
      /^version: /
    ],
    ['no alerts', JSON.stringify(webhook([])), /^alerts: /],
    [
      'an alert without fingerprint',
      JSON.stringify(webhook([alert({}, { fingerprint: '' })])),
      /^alerts\.0\.fingerprint: /
    ],
    [
      'a start time that is not ISO-8601',
      JSON.stringify(webhook([alert({}, { startsAt: 'yesterday' })])),
      /^alerts\.0\.startsAt: /
    ],
    ['an array', '[]', /^body: /]
  ])('refuses %s, naming the field', (_what, body, problem) => {
    const r = parseWebhook(body)
    expect('problems' in r && r.problems[0]).toMatch(problem)
  })
})

describe('planDispatches', () => {
  it('dispatches a firing roll-back-now alert with its service, environment, trigger and evidence', () => {
    const plan = planDispatches(webhook([alert({})]), '')
    expect(plan.problems).toEqual([])
    expect(plan.dispatches).toHaveLength(1)
    expect(plan.dispatches[0]).toMatchObject({
      service: 'product-service',
      environment: 'production',
      namespace: 'prod',
      trigger_id: 'error-rate',
      rule: 'RollbackErrorRate',
      fired_at: '2026-11-30T10:00:00Z',
      evidence: {
        summary: '5xx ratio of product-service is 20%',
        value: '0.2',
        threshold: '> 5% for 5m',
        severity: 'critical',
        fingerprint: '7a4f1c2b9e0d3f51'
      }
    })
    expect(Object.keys(plan.dispatches[0]!).length).toBeLessThanOrEqual(10)
  })

  it('ignores resolved alerts and the evaluate class', () => {
    const plan = planDispatches(
      webhook([
        alert({}, { status: 'resolved' }),
        alert({ rollback_class: 'evaluate', trigger_id: 'error-rate-early' })
      ]),
      ''
    )
    expect(plan.dispatches).toEqual([])
    expect(plan.ignored).toEqual([
      'RollbackErrorRate: resolved',
      'RollbackErrorRate: rollback_class is "evaluate", not roll-back-now'
    ])
  })

  it('sends one dispatch per service, named by its earliest firing trigger', () => {
    const plan = planDispatches(
      webhook([
        alert(
          { trigger_id: 'br-001-availability' },
          { fingerprint: 'b', startsAt: '2026-11-30T10:01:00Z' }
        ),
        alert({}, { fingerprint: 'a' })
      ]),
      ''
    )
    expect(plan.dispatches).toHaveLength(1)
    expect(plan.dispatches[0]!.trigger_id).toBe('error-rate')
    expect(plan.dispatches[0]!.evidence.alerts).toEqual([
      'error-rate since 2026-11-30T10:00:00Z',
      'br-001-availability since 2026-11-30T10:01:00Z'
    ])
  })

  it('takes the default environment when the alert has none', () => {
    const { environment: _env, ...labels } = alert({}).labels
    const a = { ...alert({}), labels }
    expect(
      planDispatches(webhook([a]), 'staging').dispatches[0]!.environment
    ).toBe('staging')
  })

  it('refuses a roll-back-now alert without service or environment', () => {
    const { environment: _env, ...labels } = alert({ service: '' }).labels
    const a = { ...alert({}), labels }
    expect(planDispatches(webhook([a]), '').problems).toEqual([
      'alerts.0 (RollbackErrorRate): no service, environment labels'
    ])
  })

  it('keys repeats of the same alert episode alike and a new episode differently', () => {
    const key = (startsAt: string) =>
      planDispatches(webhook([alert({}, { startsAt })]), '').dispatches[0]!
        .dedup_key
    expect(key('2026-11-30T10:00:00Z')).toBe(key('2026-11-30T10:00:00Z'))
    expect(key('2026-11-30T11:00:00Z')).not.toBe(key('2026-11-30T10:00:00Z'))
  })
})

describe('DispatchMemory', () => {
  it('runs a key once, remembers it until the TTL ends', async () => {
    let now = 0
    const m = new DispatchMemory(60, 10, () => now)
    let sent = 0
    const send = () => Promise.resolve(++sent)
    expect(await m.once('k', send)).toEqual({ duplicate: false, result: 1 })
    expect(await m.once('k', send)).toEqual({ duplicate: true })
    now = 61_000
    expect(await m.once('k', send)).toEqual({ duplicate: false, result: 2 })
  })

  it('does not remember a failed send', async () => {
    const m = new DispatchMemory(60)
    await expect(
      m.once('k', () => Promise.reject(new Error('503')))
    ).rejects.toThrow('503')
    expect(m.has('k')).toBe(false)
  })

  it('makes a concurrent delivery of the same key wait and report a duplicate', async () => {
    const m = new DispatchMemory(60)
    let release = () => undefined as void
    const gate = new Promise<void>((r) => (release = r))
    let sent = 0
    const first = m.once('k', async () => {
      await gate
      return ++sent
    })
    const second = m.once('k', () => Promise.resolve(++sent))
    release()
    expect(await first).toEqual({ duplicate: false, result: 1 })
    expect(await second).toEqual({ duplicate: true })
    expect(sent).toBe(1)
  })
})

describe('withRetry', () => {
  const failing = (statuses: (number | undefined)[]) => {
    let i = 0
    return () => {
      const s = statuses[i++]
      if (i > statuses.length) return Promise.resolve('ok')
      return Promise.reject(
        Object.assign(new Error(`HTTP ${s}`), { status: s })
      )
    }
  }
  const policy = { attempts: 4, baseDelayMs: 100, maxDelayMs: 250 }

  it('retries 5xx with exponential, capped, jittered waits', async () => {
    const waits: number[] = []
    const r = await withRetry(
      failing([502, 503, 500]),
      policy,
      (_a, ms) => waits.push(ms),
      () => Promise.resolve(),
      () => 1
    )
    expect(r).toBe('ok')
    expect(waits).toEqual([100, 200, 250])
  })

  it('gives up after the attempts with the last error', async () => {
    await expect(
      withRetry(
        failing([500, 500, 500, 503]),
        policy,
        () => undefined,
        () => Promise.resolve()
      )
    ).rejects.toThrow('HTTP 503')
  })

  it.each([
    [400, false],
    [401, false],
    [404, false],
    [422, false],
    [408, true],
    [429, true],
    [500, true],
    [undefined, true]
  ])('treats HTTP %s as transient: %s', (status, transient) => {
    expect(isTransient({ status })).toBe(transient)
  })

  it('does not retry a 422', async () => {
    let calls = 0
    await expect(
      withRetry(
        () => {
          calls++
          return Promise.reject(
            Object.assign(new Error('422'), { status: 422 })
          )
        },
        policy,
        () => undefined,
        () => Promise.resolve()
      )
    ).rejects.toThrow('422')
    expect(calls).toBe(1)
  })
})
