import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { runAction } from '@rollback-actions/drill'
import {
  backfill,
  startPrometheus,
  syntheticHistory,
  type RunningPrometheus
} from '@rollback-actions/sandbox'

let dir: string
let prom: RunningPrometheus

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'validate-health-dist-'))
  const endAt = new Date()
  const base = { ratePerSecond: 20, errorRate: 0.001, p95LatencyMs: 80 }
  await backfill(
    dir,
    syntheticHistory({
      endAt,
      labels: {
        job: 'product-service',
        namespace: 'prod',
        service: 'product-service',
        pod: 'p-0'
      },
      phases: [
        { ...base, seconds: 3600 },
        { ...base, seconds: 600, errorRate: 0.25 }
      ]
    })
  )
  prom = await startPrometheus({ workDir: dir, scrapeTargets: () => [] })
})

afterAll(async () => {
  await prom?.close()
  rmSync(dir, { recursive: true, force: true })
})

const checks = [
  '- name: 5xx ratio',
  '  preset: error-ratio',
  '  labels: { namespace: prod, service: product-service }'
].join('\n')

describe('the bundled actions, run as the runner does', () => {
  it('validate-health exits 1 with an unhealthy verdict and every reading in summary and audit', async () => {
    const run = await runAction('validate-health', {
      'prometheus-url': prom.url,
      'prometheus-checks': checks,
      interval: '1s',
      'failure-limit': '1'
    })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.verdict).toBe('unhealthy')
    expect(run.failure).toMatch(
      /^validate-health: unhealthy: 5xx ratio: 2 bad readings, failure limit 1/
    )
    const record = run.audit.find((a) => a.step === 'Validate health') as {
      details: { readings: Array<{ value: string; query: string; at: string }> }
    }
    expect(record.details.readings.map((r) => r.value)).toEqual(['25%', '25%'])
    expect(run.summary).toContain('| 25% | < 1% |')
  })

  it('validate-health exits 1 naming the input when count and duration are both set, before any query', async () => {
    const run = await runAction('validate-health', {
      'prometheus-url': prom.url,
      'prometheus-checks': checks,
      count: '3',
      duration: '1m'
    })
    expect(run.exitCode).toBe(1)
    expect(run.failure).toMatch(/^validate-health: input "count": .*keep one/)
    expect(run.audit).toHaveLength(0)
  })

  it('evaluate-rollback-triggers recommends rolling back now', async () => {
    const run = await runAction('evaluate-rollback-triggers', {
      'prometheus-url': prom.url,
      'service-labels': 'namespace: prod\nservice: product-service',
      'baseline-offset': '30m'
    })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.recommendation).toBe('roll-back-now')
    expect(run.outputs.reason).toMatch(/^roll back now: 5xx ratio > 5% for 5m/)
  })
})
