import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  startPostgresArmEmulator,
  type PostgresArmEmulator
} from '@rollback-actions/emulators'
import { RequestLog } from '@rollback-actions/emulators'
import { createCertificateAuthority } from '@rollback-actions/emulators'
import { httpsRequest } from '../../helpers/https.js'

const SUB = '6b1f3a52-9c0e-4d7a-8f21-3e5c9d4b7a10'
const BASE = `/subscriptions/${SUB}/resourceGroups/rg-prod/providers/Microsoft.DBforPostgreSQL/flexibleServers`
const TOKEN = 'test-bearer'
let arm: PostgresArmEmulator
let caPem: string
const log = new RequestLog()

/** The fields of ARM bodies the tests read. */
interface ArmBody {
  id?: string
  tags?: Record<string, string>
  status?: string
  nameAvailable?: boolean
  reason?: string
  error: { code: string; message: string }
  properties: {
    state?: string
    fullyQualifiedDomainName?: string
    backup: { backupRetentionDays?: number; earliestRestoreDate?: string }
  }
}

interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: ArmBody
}

async function call(
  method: string,
  path: string,
  body?: unknown,
  auth: string | null = `Bearer ${TOKEN}`
): Promise<Answer> {
  const url = path.startsWith('https://')
    ? new URL(path)
    : new URL(
        `${arm.url}${path}${path.includes('?') ? '&' : '?'}api-version=2025-08-01`
      )
  const reply = await httpsRequest(url, {
    method,
    ca: caPem,
    headers: {
      ...(auth ? { authorization: auth } : {}),
      'content-type': 'application/json'
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) })
  })
  return {
    status: reply.status,
    headers: reply.headers,
    body: (reply.text ? JSON.parse(reply.text) : {}) as ArmBody
  }
}

const pitrBody = (pointInTimeUTC: string, source = 'prod-db') => ({
  location: 'eastus',
  tags: { 'rollback-actions-pitr': `${source}@${pointInTimeUTC}` },
  properties: {
    createMode: 'PointInTimeRestore',
    sourceServerResourceId: `${BASE}/${source}`,
    pointInTimeUTC
  }
})

beforeAll(async () => {
  const ca = await createCertificateAuthority()
  caPem = ca.caPem
  arm = await startPostgresArmEmulator({
    tls: await ca.issue(['127.0.0.1']),
    ca,
    log,
    subscriptionId: SUB,
    resourceGroup: 'rg-prod',
    location: 'eastus',
    servers: [
      {
        name: 'prod-db',
        database: 'app',
        backupRetentionDays: 7,
        seedSql: 'CREATE TABLE t (id int)',
        tags: { env: 'prod' }
      }
    ]
  })
  const wait =
    arm.servers.get('prod-db')!.cluster!.baseBackupAt.getTime() +
    1200 -
    Date.now()
  if (wait > 0) await new Promise((r) => setTimeout(r, wait))
})
afterAll(async () => {
  await arm?.close()
})

describe('ARM emulator for Microsoft.DBforPostgreSQL/flexibleServers', () => {
  it('refuses a request without api-version, like ARM', async () => {
    const r = await call('GET', `${arm.url}${BASE}/prod-db`)
    expect(r.status).toBe(400)
    expect(r.body.error.code).toBe('MissingApiVersionParameter')
  })

  it.each(['2099-01-01', '2025-08-01-preview', 'latest'])(
    'refuses api-version %s with NoRegisteredProviderFound, like ARM',
    async (version) => {
      const r = await call(
        'GET',
        `${arm.url}${BASE}/prod-db?api-version=${version}`
      )
      expect(r.status).toBe(400)
      expect(r.body.error.code).toBe('NoRegisteredProviderFound')
      expect(r.body.error.message).toContain(`API version '${version}'`)
      expect(r.body.error.message).toContain('2025-08-01')
    }
  )

  it('resolves each server host name to the loopback address its cluster listens on', () => {
    const cluster = arm.servers.get('prod-db')!.cluster!
    expect(arm.resolveHost('prod-db.postgres.database.azure.com')).toBe(
      cluster.ip
    )
    expect(arm.resolveHost('nope.postgres.database.azure.com')).toBeUndefined()
    expect(arm.hostsFile()).toBe(
      `${cluster.ip} prod-db.postgres.database.azure.com\n`
    )
  })

  it('requires a bearer token and answers with an ARM error', async () => {
    const r = await call('GET', `${BASE}/prod-db`, undefined, null)
    expect(r.status).toBe(401)
    expect(r.body.error.code).toBe('AuthenticationFailed')
  })

  it('serves the source server with state, FQDN, backup facts and tags', async () => {
    const r = await call('GET', `${BASE}/prod-db`)
    expect(r.status).toBe(200)
    expect(r.body.id).toBe(`${BASE}/prod-db`)
    expect(r.body.tags).toEqual({ env: 'prod' })
    expect(r.body.properties.state).toBe('Ready')
    expect(r.body.properties.fullyQualifiedDomainName).toBe(
      'prod-db.postgres.database.azure.com'
    )
    expect(r.body.properties.backup.backupRetentionDays).toBe(7)
    expect(r.body.properties.backup.earliestRestoreDate).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}\+00:00$/
    )
  })

  it.each([
    [`${BASE}/nope`, 404, 'ResourceNotFound'],
    [
      `/subscriptions/${SUB}/resourceGroups/rg-other/providers/Microsoft.DBforPostgreSQL/flexibleServers/prod-db`,
      404,
      'ResourceGroupNotFound'
    ],
    [
      `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-prod/providers/Microsoft.DBforPostgreSQL/flexibleServers/prod-db`,
      404,
      'SubscriptionNotFound'
    ]
  ])('GET %s → %i %s', async (path, status, code) => {
    const r = await call('GET', path)
    expect(r.status).toBe(status)
    expect(r.body.error.code).toBe(code)
  })

  it('answers name availability (available, taken, invalid)', async () => {
    const path = `/subscriptions/${SUB}/providers/Microsoft.DBforPostgreSQL/locations/eastus/checkNameAvailability`
    const type = 'Microsoft.DBforPostgreSQL/flexibleServers'
    expect(
      (await call('POST', path, { name: 'fresh-name', type })).body
    ).toMatchObject({ nameAvailable: true })
    expect(
      (await call('POST', path, { name: 'prod-db', type })).body
    ).toMatchObject({ nameAvailable: false, reason: 'AlreadyExists' })
    expect(
      (
        await call(
          'POST',
          `/subscriptions/${SUB}/providers/Microsoft.DBforPostgreSQL/checkNameAvailability`,
          { name: 'Bad_Name', type }
        )
      ).body
    ).toMatchObject({ nameAvailable: false, reason: 'Invalid' })
  })

  it.each([
    [
      'createMode other than PointInTimeRestore',
      'copy-1',
      { location: 'eastus', properties: { createMode: 'Create' } },
      400
    ],
    ['a point in the future', 'copy-2', 'future', 400],
    ['a point before the earliest restore date', 'copy-3', 'past', 400],
    ['a missing source', 'copy-4', 'missing-source', 404],
    ['another region', 'copy-5', 'west', 400],
    ['an invalid name', 'Copy_6', 'ok', 400],
    ['a taken name', 'prod-db', 'ok', 409]
  ])('refuses a PUT with %s', async (_label, name, kind, status) => {
    const recent = new Date(Date.now() - 200).toISOString()
    const body =
      typeof kind === 'object'
        ? kind
        : kind === 'future'
          ? pitrBody(new Date(Date.now() + 3_600_000).toISOString())
          : kind === 'past'
            ? pitrBody(new Date(Date.now() - 86_400_000).toISOString())
            : kind === 'missing-source'
              ? pitrBody(recent, 'gone-db')
              : kind === 'west'
                ? { ...pitrBody(recent), location: 'westus' }
                : pitrBody(recent)
    const r = await call('PUT', `${BASE}/${name}`, body)
    expect(r.status).toBe(status)
    expect(typeof r.body.error.code).toBe('string')
    expect(typeof r.body.error.message).toBe('string')
    expect(arm.operations).toHaveLength(0)
  })

  it('throttles on demand, with and without Retry-After', async () => {
    arm.injectFault({ kind: 'throttle', on: 'get', retryAfterSeconds: 7 })
    const a = await call('GET', `${BASE}/prod-db`)
    expect(a.status).toBe(429)
    expect(a.headers['retry-after']).toBe('7')
    arm.injectFault({ kind: 'throttle', on: 'get' })
    const b = await call('GET', `${BASE}/prod-db`)
    expect(b.status).toBe(429)
    expect(b.headers['retry-after']).toBeUndefined()
    expect((await call('GET', `${BASE}/prod-db`)).status).toBe(200)
  })

  it('runs a real restore as a long-running operation: 202, InProgress, Succeeded, Ready', async () => {
    const source = arm.servers.get('prod-db')!.cluster!
    const sourceBefore = await source.query(
      'app',
      'SELECT count(*) AS n FROM t'
    )
    const point = new Date(Date.now() - 100).toISOString()
    const put = await call('PUT', `${BASE}/prod-db-copy`, pitrBody(point))
    expect(put.status).toBe(202)
    const asyncOp = String(put.headers['azure-asyncoperation'])
    const location = String(put.headers.location)
    expect(asyncOp).toMatch(
      /^https:\/\/127\.0\.0\.1:\d+\/subscriptions\/.+\/azureAsyncOperation\/[0-9a-f-]+\?api-version=/
    )
    expect(location).toMatch(/\/operationResults\//)
    const during = await call('GET', `${BASE}/prod-db-copy`)
    expect(during.body.properties.state).toBe('Provisioning')
    expect(during.body.tags?.['rollback-actions-pitr']).toBe(`prod-db@${point}`)
    const first = await call('GET', asyncOp)
    expect(first.body).toMatchObject({ status: 'InProgress' })
    expect((await call('GET', location)).status).toBe(202)
    await arm.operations.at(-1)!.done
    const done = await call('GET', asyncOp)
    expect(done.body).toMatchObject({ status: 'Succeeded' })
    expect((await call('GET', location)).status).toBe(200)
    const server = await call('GET', `${BASE}/prod-db-copy`)
    expect(server.body.properties.state).toBe('Ready')
    expect(server.body.properties.fullyQualifiedDomainName).toBe(
      'prod-db-copy.postgres.database.azure.com'
    )
    // Create-only properties (x-ms-mutability: ["create"]) are not read back.
    expect(server.body.properties).not.toHaveProperty('pointInTimeUTC')
    expect(server.body.properties).not.toHaveProperty('sourceServerResourceId')
    expect(server.body.properties).not.toHaveProperty('createMode')
    expect(server.body.properties.backup.earliestRestoreDate).toBeUndefined()
    const rows = await arm.servers
      .get('prod-db-copy')!
      .cluster!.query('app', 'SELECT count(*) AS n FROM t')
    expect(rows).toEqual([{ n: '0' }])
    // The restore reads the source's backups; the source itself is unchanged and still serving.
    expect(await source.query('app', 'SELECT count(*) AS n FROM t')).toEqual(
      sourceBefore
    )
    expect((await call('GET', `${BASE}/prod-db`)).body.properties.state).toBe(
      'Ready'
    )
  })

  it('deletes a server and stops its PostgreSQL: 200, then 404 and 204 for a server that is gone', async () => {
    const cluster = arm.servers.get('prod-db-copy')!.cluster!
    expect((await call('DELETE', `${BASE}/prod-db-copy`)).status).toBe(200)
    expect((await call('GET', `${BASE}/prod-db-copy`)).status).toBe(404)
    await expect(cluster.query('app', 'SELECT 1')).rejects.toThrow()
    expect((await call('DELETE', `${BASE}/prod-db-copy`)).status).toBe(204)
    expect((await call('GET', `${BASE}/prod-db`)).body.properties.state).toBe(
      'Ready'
    )
  })

  it('reports a failed operation with an error and removes the new server', async () => {
    arm.injectFault({
      kind: 'operation-fails',
      code: 'EmulatorRestoreFailed',
      message: 'boom'
    })
    const put = await call(
      'PUT',
      `${BASE}/prod-db-fail`,
      pitrBody(new Date(Date.now() - 100).toISOString())
    )
    await arm.operations.at(-1)!.done
    const op = await call('GET', String(put.headers['azure-asyncoperation']))
    expect(op.body.status).toBe('Failed')
    expect(op.body.error.code).toBe('EmulatorRestoreFailed')
    expect((await call('GET', `${BASE}/prod-db-fail`)).status).toBe(404)
  })
})
