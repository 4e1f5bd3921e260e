import { describe, expect, it } from '@jest/globals'
import { Scenario } from '@rollback-actions/sandbox'
import { scenarioProfiles } from '@rollback-actions/sandbox'
import { HEALTHY_PROFILE } from '@rollback-actions/sandbox'

const scenario = Scenario.parse({
  registry: {
    repositories: [
      {
        name: 'warranty-hub/product-service',
        tags: [
          { name: 'v1.2.0-stable', pushed: '-10d' },
          { name: 'v1.4.0', pushed: '-1h', errorRate: 0.2, p95LatencyMs: 900 }
        ]
      }
    ]
  },
  kubernetes: { deployments: [] },
  service: { namespace: 'prod', deployment: 'product-service' },
  prometheus: {}
})

describe('scenario load profiles', () => {
  const profile = scenarioProfiles(scenario, (image) =>
    image.endsWith('@sha256:abc') ? 'v1.4.0' : undefined
  )

  it('gives a degraded tag its error rate and latency', () => {
    expect(
      profile('sandbox.azurecr.io/warranty-hub/product-service:v1.4.0')
    ).toEqual({
      errorRate: 0.2,
      p95LatencyMs: 900
    })
  })

  it('gives a tag without a profile the healthy one', () => {
    expect(
      profile('sandbox.azurecr.io/warranty-hub/product-service:v1.2.0-stable')
    ).toEqual(HEALTHY_PROFILE)
  })

  it('finds the tag of a digest reference through the registry', () => {
    expect(
      profile('sandbox.azurecr.io/warranty-hub/product-service@sha256:abc')
        .errorRate
    ).toBe(0.2)
  })

  it('does not match another repository with the same tag', () => {
    expect(profile('sandbox.azurecr.io/other/product-service:v1.4.0')).toEqual(
      HEALTHY_PROFILE
    )
  })

  it('fills the prometheus section defaults', () => {
    expect(scenario.prometheus).toEqual({
      enabled: true,
      scrapeIntervalSeconds: 1,
      load: { ratePerSecond: 20, path: '/api/products' }
    })
  })

  it('refuses an error rate above 1', () => {
    const bad = Scenario.safeParse({
      ...scenario,
      registry: {
        repositories: [
          { name: 'r', tags: [{ name: 't', pushed: '-1d', errorRate: 5 }] }
        ]
      }
    })
    expect(bad.success).toBe(false)
  })
})
