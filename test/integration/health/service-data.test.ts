import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { ContainerHandle } from '@rollback-actions/emulators'
import {
  PostgresCluster,
  createCertificateAuthority,
  makeClusterRoot
} from '@rollback-actions/emulators'
import {
  createProductServiceRuntime,
  type ProductServiceRuntime
} from '@rollback-actions/sandbox'

let cluster: PostgresCluster | undefined
const handles: ContainerHandle[] = []
let runtime: ProductServiceRuntime

const start = async (env: Record<string, string>) => {
  const h = await runtime.start({
    namespace: 'prod',
    pod: `product-service-${handles.length}`,
    container: 'product-service',
    image: 'sandbox.azurecr.io/warranty-hub/product-service:v1.2.0-stable',
    digest: 'sha256:0',
    env
  })
  handles.push(h)
  return h
}

beforeAll(async () => {
  const ca = await createCertificateAuthority()
  cluster = await PostgresCluster.create({
    ca,
    hostName: 'orders.postgres.database.azure.com',
    rootDir: await makeClusterRoot('service-data-'),
    name: 'orders',
    database: 'shop',
    seedSql:
      "CREATE TABLE orders (id int PRIMARY KEY, customer text, total numeric); INSERT INTO orders VALUES (2, 'bob', 12.5), (1, 'ann', 3)"
  })
  // The pods resolve the server's host name and trust the CA, as a sandbox's pods do.
  runtime = createProductServiceRuntime({
    resolve: () => ({ digest: 'sha256:0' }),
    isBroken: () => false,
    network: {
      resolveHost: (host) =>
        host === cluster?.hostName ? cluster.ip : undefined,
      caPem: ca.caPem
    }
  })
})

afterAll(async () => {
  await runtime?.stopAll()
  await cluster?.destroy()
})

describe('product-service /data against a real PostgreSQL', () => {
  it('returns the table, its columns and its rows ordered by the first column', async () => {
    const h = await start({ DATABASE_URL: cluster!.connectionString('shop') })
    const r = await fetch(`${h.endpoint!}/data`)
    expect(r.status).toBe(200)
    expect(await r.json()).toEqual({
      table: 'orders',
      columns: ['id', 'customer', 'total'],
      rows: [
        { id: 1, customer: 'ann', total: '3' },
        { id: 2, customer: 'bob', total: '12.5' }
      ]
    })
  })

  it('answers 503 naming the missing table, never the connection string', async () => {
    const url = cluster!.connectionString('shop')
    const h = await start({ DATABASE_URL: url, DATA_TABLE: 'customers' })
    const r = await fetch(`${h.endpoint!}/data`)
    const text = await r.text()
    expect(r.status).toBe(503)
    expect(text).toMatch(
      /database query failed: relation \\"customers\\" does not exist/
    )
    expect(text).not.toContain(cluster!.password)
  })
})
