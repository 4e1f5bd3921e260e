import { describe, expect, it } from '@jest/globals'
import {
  PromQueryRejected,
  PromUnavailable,
  PrometheusClient,
  prometheusAuth,
  AZURE_PROMETHEUS_SCOPE
} from '@rollback-actions/health'

function fakeFetch(
  status: number,
  body: unknown,
  seen: Array<{ url: string; headers: Record<string, string> }> = []
): typeof fetch {
  return (input, init) => {
    seen.push({
      url: input instanceof Request ? input.url : input.toString(),
      headers: (init?.headers ?? {}) as Record<string, string>
    })
    return Promise.resolve(
      new Response(typeof body === 'string' ? body : JSON.stringify(body), {
        status
      })
    )
  }
}

const vector = (value: string) => ({
  status: 'success',
  data: {
    resultType: 'vector',
    result: [{ metric: { pod: 'a' }, value: [1, value] }]
  }
})

describe('PrometheusClient', () => {
  it('sends the query and the evaluation time, and parses a vector', async () => {
    const seen: Array<{ url: string; headers: Record<string, string> }> = []
    const client = new PrometheusClient({
      url: 'https://prom.example.com/',
      fetch: fakeFetch(200, vector('0.25'), seen)
    })
    const r = await client.query('up', new Date('2026-11-22T03:00:00Z'))
    expect(seen[0]!.url).toBe(
      'https://prom.example.com/api/v1/query?query=up&time=1795316400.000'
    )
    expect(r.samples).toEqual([{ labels: { pod: 'a' }, value: 0.25 }])
  })

  it.each([
    ['NaN', NaN],
    ['+Inf', Infinity],
    ['-Inf', -Infinity]
  ])('reads %s', async (text, value) => {
    const client = new PrometheusClient({
      url: 'http://p',
      fetch: fakeFetch(200, vector(text))
    })
    expect((await client.query('x')).samples[0]!.value).toBe(value)
  })

  it('reads a scalar as one sample', async () => {
    const client = new PrometheusClient({
      url: 'http://p',
      fetch: fakeFetch(200, {
        status: 'success',
        data: { resultType: 'scalar', result: [1, '3'] }
      })
    })
    expect((await client.query('scalar(x)')).samples).toEqual([
      { labels: {}, value: 3 }
    ])
  })

  it('surfaces Prometheus’ own error with the query for bad_data', async () => {
    const client = new PrometheusClient({
      url: 'http://p',
      fetch: fakeFetch(400, {
        status: 'error',
        errorType: 'bad_data',
        error: '1:5: parse error: unclosed left parenthesis'
      })
    })
    const err = await client.query('sum(x').catch((e: unknown) => e)
    expect(err).toBeInstanceOf(PromQueryRejected)
    expect((err as Error).message).toBe(
      'Prometheus rejected the query (bad_data): 1:5: parse error: unclosed left parenthesis — query: sum(x'
    )
  })

  it('refuses a range vector with advice', async () => {
    const client = new PrometheusClient({
      url: 'http://p',
      fetch: fakeFetch(200, {
        status: 'success',
        data: { resultType: 'matrix', result: [] }
      })
    })
    await expect(client.query('x[5m]')).rejects.toThrow(
      /range vector.*rate\(\)/
    )
  })

  it.each([401, 403])(
    'reports refused credentials (HTTP %d) without the body',
    async (status) => {
      const client = new PrometheusClient({
        url: 'http://p',
        fetch: fakeFetch(status, 'token abc is invalid')
      })
      const err = await client.query('up').catch((e: unknown) => e)
      expect(err).toBeInstanceOf(PromUnavailable)
      expect((err as Error).message).toMatch(
        /refused the credentials \(HTTP \d+\)/
      )
      expect((err as Error).message).not.toContain('abc')
    }
  )

  it('says when the URL is not the Prometheus API', async () => {
    const client = new PrometheusClient({
      url: 'http://p',
      fetch: fakeFetch(200, '<html>Grafana</html>')
    })
    await expect(client.query('up')).rejects.toThrow(
      /without a query result; is this the Prometheus HTTP API base URL/
    )
  })

  it('sends a bearer token', async () => {
    const seen: Array<{ url: string; headers: Record<string, string> }> = []
    const client = new PrometheusClient({
      url: 'http://p',
      auth: prometheusAuth('bearer', { token: 's3cret' }),
      fetch: fakeFetch(200, vector('1'), seen)
    })
    await client.query('up')
    expect(seen[0]!.headers.authorization).toBe('Bearer s3cret')
  })

  it('asks an Azure credential for the managed Prometheus scope before each query', async () => {
    const scopes: string[] = []
    const seen: Array<{ url: string; headers: Record<string, string> }> = []
    const client = new PrometheusClient({
      url: 'https://ws.westeurope.prometheus.monitor.azure.com',
      auth: prometheusAuth('azure', {
        credential: {
          getToken: (scope) => {
            scopes.push(scope)
            return Promise.resolve({ token: 'entra-token' })
          }
        }
      }),
      fetch: fakeFetch(200, vector('1'), seen)
    })
    await client.query('up')
    expect(scopes).toEqual([AZURE_PROMETHEUS_SCOPE])
    expect(seen[0]!.headers.authorization).toBe('Bearer entra-token')
  })

  it('reports a credential that cannot get a token as unavailable', async () => {
    const client = new PrometheusClient({
      url: 'http://p',
      auth: prometheusAuth('azure', {
        credential: {
          getToken: () => Promise.reject(new Error('AADSTS70021: no match'))
        }
      }),
      fetch: fakeFetch(200, vector('1'))
    })
    await expect(client.query('up')).rejects.toThrow(
      /could not get a token for Prometheus at http:\/\/p: AADSTS70021/
    )
  })
})
