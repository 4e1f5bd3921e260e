import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { initialState, record } from '@rollback-actions/health'
import { run as validateHealth } from '../../../actions/validate-health/src/main.js'
import { fakeContext } from '../../helpers/fake-context.js'

const settings = {
  failureLimit: 0,
  consecutiveErrorLimit: 2,
  consecutiveSuccesses: 1,
  noData: 'fail' as const
}

describe('a could-not-verify verdict says why', () => {
  it('names what the measurement errors said and how often', () => {
    let state = initialState()
    for (let i = 0; i < 3; i++)
      state = record(state, 'error', settings, 'Prometheus answered HTTP 503')
    expect(state.terminal).toEqual({
      verdict: 'could-not-verify',
      reason:
        '3 measurement errors in a row, limit 2: Prometheus answered HTTP 503 (3 times in a row)'
    })
  })

  describe('validate-health against a Prometheus that answers 503', () => {
    let server: Server
    let url: string
    beforeAll(async () => {
      server = createServer((_req, res) => {
        res.writeHead(503, { 'content-type': 'text/plain' }).end('overloaded')
      })
      await new Promise<void>((resolve) =>
        server.listen(0, '127.0.0.1', resolve)
      )
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    })
    afterAll(async () => {
      await new Promise((resolve) => server.close(resolve))
    })

    it('outputs a reason naming the HTTP 503 and how many times it came', async () => {
      const ctx = fakeContext('validate-health', {
        'prometheus-url': url,
        'prometheus-checks':
          '- name: errors\n  query: vector(0)\n  comparison: "<"\n  threshold: 1 count',
        interval: '1s',
        'consecutive-error-limit': '1'
      })
      await validateHealth(ctx)
      expect(ctx.outputs.verdict).toBe('could-not-verify')
      expect(ctx.outputs.reason).toMatch(
        /errors: 2 measurement errors in a row, limit 1: Prometheus at http:\/\/127\.0\.0\.1:\d+ answered HTTP 503 .*\(2 times in a row\)/
      )
    })
  })
})
