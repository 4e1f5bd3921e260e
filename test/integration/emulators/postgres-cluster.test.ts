import { rm } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { makeClusterRoot, PostgresCluster } from '@rollback-actions/emulators'

let root: string
let source: PostgresCluster
const restored: PostgresCluster[] = []
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

beforeAll(async () => {
  root = await makeClusterRoot('pg-cluster-test-')
  source = await PostgresCluster.create({
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
    expect(source.address).toMatch(/^127\.0\.0\.1:\d+$/)
  })

  it('restores to a point in time on a new port: rows before it, none after, dropped column back', async () => {
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
      rootDir: root,
      name: 'copy',
      targetTime: t
    })
    restored.push(copy)
    expect(copy.port).not.toBe(source.port)
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
