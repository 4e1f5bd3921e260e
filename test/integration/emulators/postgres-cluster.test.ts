import { rm } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import pg from 'pg'
import {
  createCertificateAuthority,
  makeClusterRoot,
  PostgresCluster,
  type CertificateAuthority
} from '@rollback-actions/emulators'

let root: string
let ca: CertificateAuthority
let source: PostgresCluster
const restored: PostgresCluster[] = []
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

beforeAll(async () => {
  root = await makeClusterRoot('pg-cluster-test-')
  ca = await createCertificateAuthority()
  source = await PostgresCluster.create({
    ca,
    hostName: 'src.postgres.database.azure.com',
    rootDir: root,
    name: 'src',
    database: 'app',
    seedSql:
      "CREATE TABLE orders (id serial PRIMARY KEY, marker text, note text); INSERT INTO orders (marker, note) VALUES ('seed', 's')"
  })
})
afterAll(async () => {
  await Promise.all(restored.map((c) => c.destroy()))
  await source?.destroy()
  await rm(root, { recursive: true, force: true })
})

describe('PostgresCluster (real PostgreSQL 15)', () => {
  it('records its base backup as the earliest restore point', () => {
    expect(source.baseBackupAt.getTime()).toBeGreaterThan(Date.now() - 120_000)
    expect(source.address).toBe('src.postgres.database.azure.com')
  })

  /** A client that connects to the cluster's address with the given TLS settings. */
  const connectWith = async (ssl: pg.ClientConfig['ssl']) => {
    const client = new pg.Client({
      host: source.ip,
      port: source.port,
      user: 'pgadmin',
      password: source.password,
      database: 'app',
      ssl,
      connectionTimeoutMillis: 5000
    })
    try {
      await client.connect()
      const r = await client.query<{ ssl: boolean }>(
        'SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()'
      )
      return r.rows[0]?.ssl
    } finally {
      await client.end().catch(() => undefined)
    }
  }

  it('refuses a plaintext connection (TLS only, as Azure requires by default)', async () => {
    await expect(connectWith(false)).rejects.toThrow(
      /no pg_hba\.conf entry .*no encryption/
    )
  })

  it('serves TLS on port 5432 with a certificate for its host name from the CA (verify-full)', async () => {
    expect(source.port).toBe(5432)
    await expect(
      connectWith({ ca: ca.caPem, servername: source.hostName })
    ).resolves.toBe(true)
  })

  it('fails verify-full for another host name or without the CA', async () => {
    await expect(
      connectWith({
        ca: ca.caPem,
        servername: 'other.postgres.database.azure.com'
      })
    ).rejects.toThrow(/altnames|does not match/i)
    await expect(connectWith({ servername: source.hostName })).rejects.toThrow(
      /self.signed|unable to (verify|get local issuer)/i
    )
  })

  it('restores to a point in time on a new server: rows before it, none after, dropped column back', async () => {
    await sleep(300)
    await source.query(
      'app',
      "INSERT INTO orders (marker, note) VALUES ('before', 'b')"
    )
    await sleep(300)
    const t = new Date()
    await sleep(300)
    await source.query('app', 'ALTER TABLE orders DROP COLUMN note')
    await source.query('app', "INSERT INTO orders (marker) VALUES ('after')")
    const copy = await source.restoreTo({
      hostName: 'copy.postgres.database.azure.com',
      rootDir: root,
      name: 'copy',
      targetTime: t
    })
    restored.push(copy)
    expect(copy.ip).not.toBe(source.ip)
    expect(copy.address).toBe('copy.postgres.database.azure.com')
    const rows = await copy.query<{ marker: string; note: string }>(
      'app',
      'SELECT marker, note FROM orders ORDER BY id'
    )
    expect(rows).toEqual([
      { marker: 'seed', note: 's' },
      { marker: 'before', note: 'b' }
    ])
    // The source keeps its own state: the restore changed nothing there.
    const sourceCols = await source.query<{ column_name: string }>(
      'app',
      "SELECT column_name FROM information_schema.columns WHERE table_name = 'orders'"
    )
    expect(sourceCols.map((c) => c.column_name)).not.toContain('note')
    // The copy is promoted (writable).
    await copy.query(
      'app',
      "INSERT INTO orders (marker, note) VALUES ('written-on-copy', 'w')"
    )
  })

  it('can itself be restored once its own base backup exists', async () => {
    const copy = restored[0]!
    await copy.backupReady
    expect(copy.baseBackupAt.getTime()).toBeGreaterThan(0)
    await sleep(200)
    const second = await copy.restoreTo({
      hostName: 'copy2.postgres.database.azure.com',
      rootDir: root,
      name: 'copy2',
      targetTime: new Date()
    })
    restored.push(second)
    const rows = await second.query<{ marker: string }>(
      'app',
      'SELECT marker FROM orders ORDER BY id'
    )
    expect(rows.map((r) => r.marker)).toEqual([
      'seed',
      'before',
      'written-on-copy'
    ])
  })
})
