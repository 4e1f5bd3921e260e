// The sandbox's PostgreSQL servers are TLS-only, as Azure's are by default: the pods reach them with the
// connection string secret-swap writes at its default ssl-mode, and a plaintext one is refused.
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import https from 'node:https'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { runAction } from '@rollback-actions/drill'
import {
  loadScenario,
  startSandbox,
  type Sandbox
} from '@rollback-actions/sandbox'

let dir: string
let sandbox: Sandbox | undefined

/** GET /data of product-service through the sandbox's Service endpoint. */
function data(): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    https
      .get(
        `${sandbox!.env.SANDBOX_SERVICE_URL ?? ''}/data`,
        { ca: sandbox!.caPem, timeout: 10_000 },
        (res) => {
          let body = ''
          res.on('data', (c: Buffer) => (body += c.toString('utf8')))
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
        }
      )
      .on('error', reject)
  })
}

/** Polls /data until `accept` holds (a restart takes the pods a moment). */
async function dataUntil(
  accept: (r: { status: number; body: string }) => boolean
): Promise<{ status: number; body: string }> {
  const deadline = Date.now() + 30_000
  for (;;) {
    const r = await data().catch((error: Error) => ({
      status: 0,
      body: error.message
    }))
    if (accept(r) || Date.now() > deadline) return r
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

/** secret-swap of Secret product-service-db to the source server, restarting product-service. */
function swap(extra: Record<string, string> = {}) {
  const db = sandbox!.database!
  const server = db.arm.servers.get('prod-db')!
  return runAction(
    'secret-swap',
    {
      mode: 'swap',
      target: 'kubernetes-secret',
      'secret-name': 'product-service-db',
      namespace: sandbox!.scenario.service.namespace,
      'secret-key': 'connection-string',
      'server-fqdn': server.cluster!.address,
      database: server.databases[0] ?? 'app',
      username: 'pgadmin',
      password: db.arm.adminPassword('prod-db'),
      deployments: `${sandbox!.scenario.service.namespace}/${sandbox!.scenario.service.deployment}`,
      'rollout-timeout': '2m',
      ...extra
    },
    { env: sandbox!.env }
  )
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pg-tls-sandbox-'))
  sandbox = await startSandbox({
    outDir: join(dir, 'sandbox'),
    scenario: loadScenario(),
    podStartLatencyMs: 100
  })
}, 120_000)

afterAll(async () => {
  await sandbox?.stop()
  await rm(dir, { recursive: true, force: true })
})

describe('TLS-only PostgreSQL in the sandbox', () => {
  it('names each server by its FQDN in sandbox.env hosts file, with the CA for libpq', async () => {
    const cluster = sandbox!.database!.arm.servers.get('prod-db')!.cluster!
    expect(cluster.address).toBe('prod-db.postgres.database.azure.com')
    expect(sandbox!.env.PGSSLROOTCERT).toBe(sandbox!.env.NODE_EXTRA_CA_CERTS)
    const hosts = await readFile(
      sandbox!.env.SANDBOX_POSTGRES_HOSTS ?? '',
      'utf8'
    )
    expect(hosts).toContain(
      `${cluster.ip} prod-db.postgres.database.azure.com\n`
    )
  })

  it('serves /data from pods that connect with sslmode=require to the FQDN', async () => {
    const r = await dataUntil((x) => x.status === 200)
    expect(r.status).toBe(200)
    expect(JSON.parse(r.body)).toMatchObject({ table: 'orders' })
  })

  it('keeps serving after secret-swap at its default ssl-mode (require)', async () => {
    const run = await swap()
    expect(run.exitCode).toBe(0)
    const r = await dataUntil((x) => x.status === 200)
    expect(r.status).toBe(200)
  })

  it('serves with ssl-mode verify-full (the pods trust the sandbox CA, the name matches)', async () => {
    const run = await swap({ 'ssl-mode': 'verify-full' })
    expect(run.exitCode).toBe(0)
    const r = await dataUntil((x) => x.status === 200)
    expect(r.status).toBe(200)
  })

  it('is refused in plaintext: with ssl-mode disable the pods cannot read', async () => {
    const run = await swap({ 'ssl-mode': 'disable' })
    expect(run.exitCode).toBe(0)
    const r = await dataUntil((x) => x.status === 503)
    expect(r.status).toBe(503)
    expect(r.body).toMatch(/no pg_hba\.conf entry .*no encryption/)
  })
})
