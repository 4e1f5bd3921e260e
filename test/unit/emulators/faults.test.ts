import https from 'node:https'
import type { ServerResponse } from 'node:http'
import { describe, expect, it } from '@jest/globals'
import {
  FaultQueue,
  RequestLog,
  createCertificateAuthority,
  startKeyVaultEmulator,
  type Fault
} from '@rollback-actions/emulators'

describe('FaultQueue (the fault shape every emulator shares)', () => {
  it('gives a fault to as many matching requests as its times, then none', () => {
    const q = new FaultQueue()
    q.inject({ kind: 'throttle', on: 'put', times: 2 })
    expect(q.take('throttle', 'get')).toBeUndefined()
    expect(q.take('throttle', 'put')).toBeDefined()
    expect(q.take('throttle', 'put')).toBeDefined()
    expect(q.take('throttle', 'put')).toBeUndefined()
  })

  it('applies a fault without on (or on any) to every request class', () => {
    const q = new FaultQueue()
    q.inject({ kind: 'http-error' })
    q.inject({ kind: 'http-error', on: 'any' })
    expect(q.take('http-error', 'delete')).toBeDefined()
    expect(q.take('http-error', 'poll')).toBeDefined()
    expect(q.pending()).toHaveLength(0)
  })

  it('answers throttle before http-error, with Retry-After only when set', () => {
    const q = new FaultQueue()
    q.inject({ kind: 'http-error', status: 503 })
    q.inject({ kind: 'throttle', retryAfterSeconds: 4 })
    const sent: Array<{ status: number; headers: Record<string, string> }> = []
    const send = (
      _res: ServerResponse,
      status: number,
      _fault: Fault,
      headers: Record<string, string>
    ) => {
      sent.push({ status, headers })
    }
    const res = {} as ServerResponse
    expect(q.answer(res, 'get', send)).toBe(true)
    expect(q.answer(res, 'get', send)).toBe(true)
    expect(q.answer(res, 'get', send)).toBe(false)
    expect(sent).toEqual([
      { status: 429, headers: { 'retry-after': '4' } },
      { status: 503, headers: {} }
    ])
  })

  it('is answered by the Key Vault emulator in its own error body', async () => {
    const ca = await createCertificateAuthority()
    const kv = await startKeyVaultEmulator({
      tls: await ca.issue(['127.0.0.1']),
      log: new RequestLog(),
      name: 'vault',
      secrets: { db: 'x' }
    })
    try {
      kv.faults.inject({ kind: 'throttle', on: 'get', retryAfterSeconds: 2 })
      const r = await new Promise<{
        status: number
        retryAfter: string | undefined
        body: string
      }>((resolve, reject) => {
        https
          .get(
            `${kv.url}/secrets/db?api-version=7.5`,
            { ca: ca.caPem, headers: { authorization: 'Bearer t' } },
            (res) => {
              let body = ''
              res.on('data', (c: Buffer) => (body += c.toString('utf8')))
              res.on('end', () =>
                resolve({
                  status: res.statusCode ?? 0,
                  retryAfter: res.headers['retry-after'],
                  body
                })
              )
            }
          )
          .on('error', reject)
      })
      expect(r.status).toBe(429)
      expect(r.retryAfter).toBe('2')
      expect(
        (JSON.parse(r.body) as { error: { code: string } }).error.code
      ).toBe('Throttled')
    } finally {
      await kv.close()
    }
  })
})
