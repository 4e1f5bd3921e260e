import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { DatabaseSandbox } from '@rollback-actions/sandbox'
import { run } from '../../actions/pitr-restore/src/main.js'
import { runFake } from '../helpers/fake-context.js'
import {
  runInSandbox,
  sandboxArmToken,
  startTrustedDatabaseSandbox
} from '../helpers/pitr.js'

let sb: DatabaseSandbox
let inputs: Record<string, string>
let env: NodeJS.ProcessEnv

/** The source server must never receive a mutating ARM request. */
function sourceWrites(): unknown[] {
  return sb.log
    .writes('arm')
    .filter((e) => /flexibleServers\/prod-db(\?|$)/.test(e.path))
}

const runRestore = (extra: Record<string, string>) =>
  runInSandbox(sb, 'pitr-restore', run, { ...inputs, ...extra })

beforeAll(async () => {
  sb = await startTrustedDatabaseSandbox()
  env = { ...sb.env }
  inputs = {
    'subscription-id': sb.arm.subscriptionId,
    'resource-group': 'rg-prod',
    'source-server': 'prod-db',
    'client-id': sb.clientId,
    'tenant-id': sb.tenantId
  }
})
afterAll(async () => {
  await sb?.close()
})

describe('pitr-restore against the ARM emulator backed by PostgreSQL', () => {
  it('restores to a new server whose data is the source at the restore point', async () => {
    await sb.arm.servers
      .get('prod-db')!
      .cluster!.query('app', "INSERT INTO orders (marker) VALUES ('it-before')")
    await new Promise((r) => setTimeout(r, 200))
    const t = new Date()
    await new Promise((r) => setTimeout(r, 200))
    await sb.arm.servers
      .get('prod-db')!
      .cluster!.query('app', "INSERT INTO orders (marker) VALUES ('it-after')")
    const failure = new Date(t.getTime() + 60_000)
    const ctx = await runRestore({
      'restore-point': t.toISOString(),
      'failure-time': failure.toISOString()
    })
    expect(ctx.failure).toBeUndefined()
    expect(ctx.outputs['server-name']).toMatch(/^prod-db-pitr-\d{14}$/)
    expect(ctx.outputs['data-loss-window-seconds']).toBe('60')
    expect(ctx.outputs['fqdn']).toMatch(
      /^[a-z0-9-]+\.postgres\.database\.azure\.com$/
    )
    const restored = sb.arm.servers.get(ctx.outputs['server-name']!)!
    const rows = await restored.cluster!.query<{ marker: string }>(
      'app',
      'SELECT marker FROM orders'
    )
    expect(rows.map((r) => r.marker)).toContain('it-before')
    expect(rows.map((r) => r.marker)).not.toContain('it-after')
    expect(ctx.logs.some((l) => /poll \d+/.test(l.message))).toBe(true)
    expect(sourceWrites()).toHaveLength(0)
    // @azure/arm-postgresql-flexible 9.x speaks api-version 2025-08-01 (on the PUT, the GET and the polls)
    expect(new Set(sb.arm.apiVersions())).toEqual(new Set(['2025-08-01']))
  })

  it('with wait false returns once accepted; a re-run with the same inputs adopts the restore and waits for Ready', async () => {
    const rp = new Date(Date.now() - 300).toISOString()
    const first = await runRestore({ 'restore-point': rp, wait: 'false' })
    expect(first.failure).toBeUndefined()
    expect(first.outputs['fqdn']).toBe('')
    const name = first.outputs['server-name']!
    const second = await runRestore({ 'restore-point': rp })
    expect(second.failure).toBeUndefined()
    expect(second.outputs['server-name']).toBe(name)
    expect(second.outputs['fqdn']).toMatch(
      /^[a-z0-9-]+\.postgres\.database\.azure\.com$/
    )
    const puts = sb.log
      .writes('arm')
      .filter(
        (e) =>
          e.method === 'PUT' && e.path.includes(`/flexibleServers/${name}?`)
      )
    expect(puts).toHaveLength(1)
    expect(sourceWrites()).toHaveLength(0)
  })

  it('uses the Azure CLI session azure/login left when client-id and tenant-id are empty', async () => {
    // A fake `az` that answers `az account get-access-token` with a token the Entra emulator issued.
    const token = await sandboxArmToken(sb)
    const bin = await mkdtemp(join(tmpdir(), 'fake-az-'))
    const calls = join(bin, 'calls')
    await writeFile(
      join(bin, 'az'),
      `#!/bin/sh\necho "$@" >> ${calls}\necho '${JSON.stringify({ accessToken: token!.token, expires_on: Math.floor(Date.now() / 1000) + 3600, tokenType: 'Bearer' })}'\n`
    )
    await chmod(join(bin, 'az'), 0o755)
    const path = process.env.PATH
    process.env.PATH = `${bin}:${path ?? ''}`
    try {
      const ctx = await runFake(
        run,
        'pitr-restore',
        {
          ...inputs,
          'client-id': '',
          'tenant-id': '',
          'restore-point': 'latest',
          'dry-run': 'true'
        },
        env
      )
      expect(ctx.failure).toBeUndefined()
      expect(ctx.outputs['server-name']).toMatch(/^prod-db-pitr-\d{14}$/)
      const { readFile } = await import('node:fs/promises')
      expect(await readFile(calls, 'utf8')).toMatch(
        /account get-access-token --output json --resource https:\/\/management\.azure\.com/
      )
    } finally {
      process.env.PATH = path
      await rm(bin, { recursive: true, force: true })
    }
  })
})
