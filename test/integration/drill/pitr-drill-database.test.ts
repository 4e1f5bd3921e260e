import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { recordingLogger } from '@rollback-actions/action-kit'
import {
  startPostgresArmEmulator,
  type PostgresArmEmulator
} from '@rollback-actions/emulators'
import {
  runDatabaseScenario,
  type DatabaseReport
} from '@rollback-actions/drill'
import { runAction } from '@rollback-actions/drill'
import { startSandbox, type Sandbox } from '@rollback-actions/sandbox'
import { loadScenario } from '@rollback-actions/sandbox'
import { createCertificateAuthority } from '@rollback-actions/emulators'

let dir: string
let sandbox: Sandbox | undefined
let arm: PostgresArmEmulator | undefined
let report: DatabaseReport
const log = recordingLogger()

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pitr-drill-'))
  const scenario = loadScenario()
  const db = scenario.database!
  sandbox = await startSandbox({
    outDir: join(dir, 'sandbox'),
    scenario,
    podStartLatencyMs: 100
  })
  const ca = await createCertificateAuthority()
  arm = await startPostgresArmEmulator({
    tls: await ca.issue(['127.0.0.1', 'localhost']),
    ca,
    log: sandbox.requests,
    entra: sandbox.entra,
    subscriptionId: db.subscriptionId,
    resourceGroup: db.resourceGroup,
    location: db.location,
    servers: db.servers.map((s) => ({
      name: s.name,
      database: s.database,
      backupRetentionDays: s.backupRetentionDays,
      seedSql: s.seed
    }))
  })
  const caFile = join(dir, 'cas.pem')
  await writeFile(caFile, `${sandbox.caPem}\n${ca.caPem}`)
  const env = {
    ...sandbox.env,
    NODE_EXTRA_CA_CERTS: caFile,
    ROLLBACK_ARM_ENDPOINT: arm.url,
    AZURE_SUBSCRIPTION_ID: db.subscriptionId
  }
  report = await runDatabaseScenario({
    arm,
    requests: sandbox.requests,
    serviceUrl: sandbox.env.SANDBOX_SERVICE_URL ?? '',
    caPem: sandbox.caPem,
    env,
    runAction: (id, inputs) => runAction(id, inputs, { env }),
    log
  })
}, 120_000)

afterAll(async () => {
  await arm?.close()
  await sandbox?.stop()
  await rm(dir, { recursive: true, force: true })
})

describe('drill database scenario (bundled actions, real PostgreSQL, product-service)', () => {
  it('ends restored with every proof', () => {
    expect(report.error).toBeUndefined()
    expect(report.verdict).toBe('restored')
  })
  it('serves the rows written before T and none written after it', () => {
    expect(report.rows_before_present).toBe(true)
    expect(report.rows_after_absent).toBe(true)
  })
  it('brings the dropped column back', () => {
    expect(report.dropped_column_restored).toBe(true)
  })
  it('reports the restore time and a data-loss window inside the RPO', () => {
    expect(report.restore_seconds).toBeGreaterThan(0)
    expect(report.data_loss_window_seconds).toBeGreaterThan(0)
    expect(report.data_loss_window_seconds).toBeLessThanOrEqual(
      report.rpo_seconds
    )
    expect(report.rpo_seconds).toBe(900)
  })
  it('sends no mutating request for the source server', () => {
    expect(report.source_server_writes).toBe(0)
    expect(
      sandbox!.requests
        .writes('arm')
        .filter((e) => /flexibleServers\/prod-db(\?|$)/.test(e.path))
    ).toHaveLength(0)
  })
  it('records every step with UTC times', () => {
    expect(report.steps.length).toBeGreaterThanOrEqual(7)
    for (const s of report.steps) {
      expect(s.outcome).toBe('succeeded')
      expect(s.started_at).toMatch(/Z$/)
    }
  })
})
