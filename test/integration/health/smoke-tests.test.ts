import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { runSmokeTests, smokeTestsField } from '@rollback-actions/health'

let server: http.Server
let base: string
const received: Array<{
  method: string
  url: string
  body: string
  type: string
}> = []

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = ''
    req.on('data', (c: Buffer) => (body += c.toString()))
    req.on('end', () => {
      received.push({
        method: req.method ?? '',
        url: req.url ?? '',
        body,
        type: req.headers['content-type'] ?? ''
      })
      if (req.url === '/api/users') {
        res.writeHead(201, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ id: 7, status: 'registered' }))
      } else {
        res.writeHead(500)
        res.end('boom')
      }
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()))
})

describe('smoke tests', () => {
  it('runs the journeys in order, timed, and reports each one', async () => {
    const tests = smokeTestsField.parse(
      [
        '- name: user registration',
        '  method: POST',
        `  url: ${base}/api/users`,
        '  body: { email: sre@example.com }',
        '  expect-status: 201',
        '  expect-json: { status: registered, id: "*" }',
        '- name: service request creation',
        '  method: POST',
        `  url: ${base}/api/service-requests`,
        '  body: { product: 1 }',
        '  expect-status: 201',
        '- name: wrong field',
        `  url: ${base}/api/users`,
        '  method: POST',
        '  expect-status: 201',
        '  expect-json: { status: active }',
        '- name: unreachable',
        '  url: http://127.0.0.1:1/'
      ].join('\n')
    )
    const readings = await runSmokeTests(tests)
    expect(readings.map((r) => [r.check, r.outcome])).toEqual([
      ['user registration', 'success'],
      ['service request creation', 'failure'],
      ['wrong field', 'failure'],
      ['unreachable', 'error']
    ])
    expect(readings[0]!.durationMs).toBeGreaterThanOrEqual(0)
    expect(readings[1]!.detail).toBe('HTTP 500, expected 201')
    expect(readings[2]!.detail).toBe(
      'status is "registered", expected "active"'
    )
    expect(readings[3]!.detail).toMatch(/^unreachable: ECONNREFUSED/)
    expect(received[0]).toEqual({
      method: 'POST',
      url: '/api/users',
      body: '{"email":"sre@example.com"}',
      type: 'application/json'
    })
  })
})
