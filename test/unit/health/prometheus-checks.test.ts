import { describe, expect, it } from '@jest/globals'
import {
  httpChecksField,
  presetQueries,
  prometheusChecksField,
  resolvePromCheck,
  serviceLabelsField,
  smokeTestsField
} from '@rollback-actions/health'

const labels = { namespace: 'prod', service: 'product-service' }

describe('presets', () => {
  it('builds the 5xx ratio with "or vector(0)" so no 5xx series means 0, not no data', () => {
    expect(
      presetQueries('error-ratio', { labels, windowSeconds: 300 })
    ).toEqual({
      query:
        '(sum(rate(http_requests_total{namespace="prod",service="product-service",code=~"5.."}[5m])) or vector(0)) / sum(rate(http_requests_total{namespace="prod",service="product-service"}[5m]))',
      trafficQuery:
        'sum(increase(http_requests_total{namespace="prod",service="product-service"}[5m]))'
    })
  })

  it('builds the p95 latency from the histogram buckets', () => {
    expect(
      presetQueries('p95-latency', {
        labels,
        windowSeconds: 120,
        durationMetric: 'api_latency_seconds'
      }).query
    ).toBe(
      'histogram_quantile(0.95, sum by (le) (rate(api_latency_seconds_bucket{namespace="prod",service="product-service"}[2m])))'
    )
  })

  it('escapes quotes in label values', () => {
    expect(
      presetQueries('availability', {
        labels: { app: 'a"b' },
        windowSeconds: 60
      }).query
    ).toContain('app="a\\"b"')
  })

  it('defaults each preset to the runbook SLO and a 100-request traffic guard', () => {
    const c = resolvePromCheck({ name: 'a', preset: 'availability', labels })
    expect(c).toMatchObject({
      comparison: '>=',
      threshold: { value: 0.99, text: '99%' },
      minRequests: 100,
      noData: 'inconclusive'
    })
  })

  it('turns the traffic guard off with min-requests 0', () => {
    expect(
      resolvePromCheck({ name: 'a', preset: 'error-ratio', 'min-requests': 0 })
        .trafficQuery
    ).toBeUndefined()
  })
})

describe('resolvePromCheck errors', () => {
  it.each([
    [{ name: 'a' }, /check "a" needs either a query or a preset/],
    [
      { name: 'a', query: 'up', preset: 'error-ratio' },
      /has both a query and a preset/
    ],
    [{ name: 'a', query: 'up', threshold: '1 count' }, /needs a comparison/],
    [
      { name: 'a', query: 'up', comparison: '>' },
      /needs a threshold with a unit/
    ],
    [
      { name: 'a', query: 'up', comparison: '>', threshold: 1 },
      /threshold "1" has no unit/
    ],
    [
      { name: 'a', preset: 'p95-latency', threshold: '1%' },
      /preset p95-latency compares a duration, but threshold "1%" is a ratio/
    ],
    [
      { name: 'a', preset: 'error-ratio', window: '5' },
      /window: duration "5" has no unit/
    ],
    [
      {
        name: 'a',
        query: 'up',
        comparison: '>',
        threshold: '1 count',
        'min-requests': 5
      },
      /traffic-query and min-requests go together/
    ]
  ] as const)('%j', (spec, message) => {
    expect(() => resolvePromCheck(spec)).toThrow(message)
  })
})

describe('YAML input fields', () => {
  it('reads prometheus-checks and names the item at fault', () => {
    const bad = prometheusChecksField.safeParse(
      '- name: a\n  preset: error-ratio\n- name: b\n  query: up\n  comparison: "=>"\n  threshold: 1 count'
    )
    expect(bad.success).toBe(false)
    expect(bad.error?.issues[0]?.message).toMatch(
      /^item 2 field comparison: comparison must be one of < <= > >= == !=/
    )
  })

  it('refuses two checks with the same name', () => {
    const r = prometheusChecksField.safeParse(
      '- { name: a, preset: error-ratio }\n- { name: a, preset: availability }'
    )
    expect(r.error?.issues[0]?.message).toMatch(
      /item 2: the name "a" is used twice/
    )
  })

  it('refuses unknown fields (a typo must not silently drop a condition)', () => {
    const r = prometheusChecksField.safeParse(
      '- { name: a, preset: error-ratio, treshold: 2% }'
    )
    expect(r.error?.issues[0]?.message).toMatch(/item 1.*treshold/)
  })

  it('reads http-checks with a JSON field', () => {
    const r = httpChecksField.parse(
      '- url: https://svc/version\n  json-field: version\n  json-value: v1.2.0'
    )
    expect(r).toEqual([
      {
        url: 'https://svc/version',
        'expect-status': 200,
        'json-field': 'version',
        'json-value': 'v1.2.0'
      }
    ])
  })

  it('wants json-field and json-value together', () => {
    expect(
      httpChecksField.safeParse(
        '- url: https://svc/version\n  json-field: version'
      ).error?.issues[0]?.message
    ).toMatch(/json-field and json-value go together/)
  })

  it('refuses a smoke test without a name', () => {
    expect(
      smokeTestsField.safeParse('- url: https://svc/api/users\n  method: POST')
        .error?.issues[0]?.message
    ).toMatch(/^item 1 field name/)
  })

  it('reads service labels as a mapping', () => {
    expect(
      serviceLabelsField.parse('namespace: prod\nservice: product-service')
    ).toEqual(labels)
    expect(serviceLabelsField.safeParse('prod').success).toBe(false)
  })
})
