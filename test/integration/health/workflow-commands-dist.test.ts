import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { runAction } from '@rollback-actions/drill'

let server: Server
let url: string
beforeAll(async () => {
  server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ok')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
})

describe('the bundled validate-health, run as the runner does', () => {
  it('prints an http-check name holding "\\n::error::" and "\\n::add-mask::" without forging commands', async () => {
    const run = await runAction('validate-health', {
      'http-checks': [
        '- name: "ok\\n::error::X\\n::add-mask::Y"',
        `  url: ${url}/healthz`
      ].join('\n'),
      interval: '1s',
      timeout: '30s',
      count: '1',
      'consecutive-successes': '1',
      'failure-limit': '0',
      'consecutive-error-limit': '4',
      'fail-unless-healthy': 'true'
    })
    expect(run.exitCode).toBe(0)
    const lines = run.stdout.split(/\r?\n|\r/)
    // The runner would run these: only the action's own commands may appear (no error, no forged mask of "Y").
    const commands = lines.filter((l) => l.trimStart().startsWith('::'))
    expect(
      commands.filter((l) => /^::(error|add-mask)::/.test(l.trimStart()))
    ).toEqual([])
    expect(
      lines.some((l) => l.includes('ok%0A::error::X%0A::add-mask::Y'))
    ).toBe(true)
  })
})
