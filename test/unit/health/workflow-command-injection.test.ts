import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { LogLine } from '@rollback-actions/action-kit'
import { run as evaluateTriggers } from '../../../actions/evaluate-rollback-triggers/src/main.js'
import { run as validateHealth } from '../../../actions/validate-health/src/main.js'
import { fakeContext } from '../../helpers/fake-context.js'

/**
 * Lines the runner would execute as workflow commands: `info` is written raw to stdout (every other level is encoded
 * by the toolkit), so split it as the runner does and look for `::` at a line start or the legacy `##[`.
 */
function forgedCommands(logs: LogLine[]): string[] {
  return logs
    .filter((l) => l.level === 'info')
    .flatMap((l) => l.message.split(/\r?\n|\r/))
    .filter((line) => line.trimStart().startsWith('::') || line.includes('##['))
}

let server: Server
let url: string
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url?.startsWith('/api/v1/')) {
      res.writeHead(503, { 'content-type': 'text/plain' }).end('unavailable')
      return
    }
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ok')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
})

describe('values parsed from YAML inputs are logged without forging workflow commands', () => {
  it('validate-health logs an http-check name holding "\\n::error::" on one escaped line', async () => {
    const ctx = fakeContext('validate-health', {
      'http-checks': [
        '- name: "ok\\n::error::X\\n::add-mask::Y"',
        `  url: ${url}/healthz`
      ].join('\n'),
      interval: '1s',
      count: '1',
      'consecutive-successes': '1'
    })
    await validateHealth(ctx)
    expect(forgedCommands(ctx.logs)).toEqual([])
    expect(ctx.logs.some((l) => l.message.includes('ok%0A'))).toBe(true)
  })

  it('evaluate-rollback-triggers logs service-labels values holding "\\n::add-mask::" on one escaped line', async () => {
    const ctx = fakeContext('evaluate-rollback-triggers', {
      'prometheus-url': url,
      'service-labels': 'service: "api\\n::add-mask::Y"\nnamespace: prod'
    })
    await evaluateTriggers(ctx)
    expect(forgedCommands(ctx.logs)).toEqual([])
    expect(ctx.logs.some((l) => l.message.includes('api%0A'))).toBe(true)
  })
})
