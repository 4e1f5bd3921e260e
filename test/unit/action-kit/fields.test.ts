import { describe, expect, it } from '@jest/globals'
import { z } from 'zod'
import {
  azureClientId,
  azureTenantId,
  clientAndTenantTogether,
  durationSeconds,
  durationSecondsAtMost,
  MAX_TIMER_SECONDS,
  flag,
  httpUrl,
  imageRef,
  nameList,
  parseImageReference,
  qualifiedName,
  regexSource,
  urlCredentials,
  yamlList
} from '@rollback-actions/action-kit'

describe('durationSeconds', () => {
  it.each([
    ['90s', 90],
    ['10m', 600],
    ['1h30m', 5400],
    ['45', 45],
    ['1.5s', 1.5]
  ])('parses %s as %d seconds', (text, seconds) => {
    expect(durationSeconds.parse(text)).toBe(seconds)
  })

  it.each(['-5s', '0', 'ten minutes', '10x', '', '5m3h'])(
    'rejects %j',
    (text) => {
      expect(durationSeconds.safeParse(text).success).toBe(false)
    }
  )
})

describe('flag', () => {
  it('accepts only "true" and "false"', () => {
    expect(flag.parse('true')).toBe(true)
    expect(flag.parse('false')).toBe(false)
    expect(flag.safeParse('yes').success).toBe(false)
    expect(flag.safeParse('True').success).toBe(false)
  })
})

describe('parseImageReference', () => {
  it.each([
    [
      'myreg.azurecr.io/warranty-hub/product-service:v1.2.0-stable',
      {
        registry: 'myreg.azurecr.io',
        repository: 'warranty-hub/product-service',
        tag: 'v1.2.0-stable'
      }
    ],
    [
      '127.0.0.1:5000/app@sha256:' + 'a'.repeat(64),
      {
        registry: '127.0.0.1:5000',
        repository: 'app',
        digest: 'sha256:' + 'a'.repeat(64)
      }
    ],
    ['localhost/app:1', { registry: 'localhost', repository: 'app', tag: '1' }],
    ['library/nginx', { repository: 'library/nginx' }]
  ])('parses %s', (text, expected) => {
    expect(parseImageReference(text)).toMatchObject(expected)
  })

  it.each([
    ['reg.io/App:v1', /lowercase/],
    ['reg.io/app:-bad', /tag "-bad"/],
    ['reg.io/app:v1@sha256:abc', /digest/],
    ['reg.io/app:' + 'x'.repeat(129), /tag/],
    ['reg.io/a pp:v1', /white space/],
    ['', /empty/]
  ])('rejects %j', (text, message) => {
    expect(() => parseImageReference(text)).toThrow(message)
  })

  it('round-trips through the imageRef field', () => {
    const ref = imageRef.parse('reg.io/team/app:v2')
    expect(ref.reference).toBe('reg.io/team/app:v2')
  })
})

describe('other fields', () => {
  it('splits a name list on commas and newlines', () => {
    expect(nameList().parse('api, web\nworker\n')).toEqual([
      'api',
      'web',
      'worker'
    ])
    expect(nameList().safeParse('Api').success).toBe(false)
  })

  it('parses namespace/name', () => {
    expect(qualifiedName.parse('prod/api')).toEqual({
      namespace: 'prod',
      name: 'api'
    })
    expect(qualifiedName.safeParse('api').success).toBe(false)
  })

  it('parses a YAML list and checks each item', () => {
    const schema = yamlList(z.object({ url: z.string() }))
    expect(schema.parse('- url: https://a\n- url: https://b')).toHaveLength(2)
    expect(schema.safeParse('url: x').success).toBe(false)
    expect(schema.safeParse('- [unclosed').success).toBe(false)
  })
})

describe('Azure identity fields', () => {
  it('accepts a GUID client id and a GUID or domain tenant', () => {
    expect(
      azureClientId.safeParse('0b6f1b3c-5f7a-4c8e-9d2a-1a2b3c4d5e6f').success
    ).toBe(true)
    expect(azureClientId.safeParse('my-app').success).toBe(false)
    expect(azureTenantId.safeParse('contoso.onmicrosoft.com').success).toBe(
      true
    )
    expect(azureTenantId.safeParse('not a tenant').success).toBe(false)
  })

  it('wants client-id and tenant-id together or not at all', () => {
    const schema = z
      .object({
        clientId: z.string().optional(),
        tenantId: z.string().optional()
      })
      .refine(...clientAndTenantTogether)
    expect(schema.safeParse({}).success).toBe(true)
    expect(schema.safeParse({ clientId: 'a', tenantId: 'b' }).success).toBe(
      true
    )
    const r = schema.safeParse({ clientId: 'a' })
    expect(r.error?.issues[0]?.path).toEqual(['tenantId'])
  })
})

describe('durationSecondsAtMost', () => {
  const field = durationSecondsAtMost('6h')

  it('accepts the maximum itself', () => {
    expect(field.parse('6h')).toBe(21600)
  })

  it('refuses a longer duration, naming the maximum', () => {
    const r = field.safeParse('600h')
    expect(r.error?.issues[0]?.message).toBe(
      'must be at most 6h (21600 seconds)'
    )
  })

  it('refuses to define a maximum a Node timer cannot wait', () => {
    expect(MAX_TIMER_SECONDS).toBe(2147483)
    expect(() => durationSecondsAtMost('1000h')).toThrow(
      /must be a positive duration of at most 2147483 seconds/
    )
  })
})

describe('regexSource (user-supplied patterns)', () => {
  it('matches a pattern with nested quantifiers in linear time', () => {
    const pattern = regexSource.parse('^(a+)+$')
    const started = performance.now()
    expect(pattern.test(`${'a'.repeat(28)}-`)).toBe(false)
    expect(pattern.test('aaaa')).toBe(true)
    expect(performance.now() - started).toBeLessThan(600)
  })

  it('refuses what RE2 cannot match in linear time, saying why', () => {
    const r = regexSource.safeParse('^(?!latest)\\w+$')
    expect(r.error?.issues[0]?.message).toMatch(
      /^is not a valid regular expression: .*\(RE2 syntax: no lookaround or backreferences\)$/
    )
  })
})

describe('URLs with credentials', () => {
  it.each(['https://prometheus.example.com', 'http://127.0.0.1:9090/prom'])(
    'httpUrl accepts %s',
    (v) => {
      expect(httpUrl.parse(v)).toBe(v)
    }
  )

  it.each(['https://u:p@prometheus.example.com', 'https://token@prom.example'])(
    'httpUrl refuses %s',
    (v) => {
      expect(httpUrl.safeParse(v).error?.issues[0]?.message).toMatch(
        /^holds a user name or password/
      )
    }
  )

  it('finds the credentials of a URL as written and decoded, to mask them', () => {
    expect(urlCredentials('see https://admin:p%40ss@h.example/x')).toEqual([
      'admin:p%40ss',
      'admin:p@ss',
      'p%40ss',
      'p@ss'
    ])
  })
})
