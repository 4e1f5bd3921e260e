/**
 * Long-running operations: the point-in-time restore behind an accepted PUT, and the two polling URLs ARM
 * hands out for it (`Azure-AsyncOperation` status and `Location` operation results) — following
 * Azure/azure-resource-manager-rpc v1.0/async-api-reference.md.
 */
import { randomUUID } from 'node:crypto'
import type { ServerResponse } from 'node:http'
import { sendJson } from '../http/server.js'
import { FLEXIBLE_SERVER_DNS_ZONE } from './cluster.js'
import {
  PROVIDER,
  armError,
  resourceId,
  type ArmState,
  type EmulatedOperation,
  type EmulatedServer
} from './arm.js'
import { serverBody } from './servers.js'

/** The `Azure-AsyncOperation` and `Location` URLs of an operation (api-version and opaque signature included). */
export function operationUrls(
  state: ArmState,
  op: EmulatedOperation
): { asyncOperation: string; location: string } {
  const prefix = `${state.baseUrl}/subscriptions/${state.subscriptionId}/providers/${PROVIDER}/locations/${state.location}`
  const query = `api-version=2025-08-01&t=${Date.now()}&c=emulator&s=signed&h=opaque`
  return {
    asyncOperation: `${prefix}/azureAsyncOperation/${op.id}?${query}`,
    location: `${prefix}/operationResults/${op.id}?${query}`
  }
}

/**
 * Starts a point-in-time restore of `source` into a new server `target`: the server shows `Provisioning`
 * until the real cluster is restored (WAL replay to `pointInTime`), then `Ready`; the operation ends
 * `Succeeded`, or `Failed` with the new server removed. Consumes `operation-fails` and `never-ready` faults.
 */
export function startRestore(
  state: ArmState,
  target: string,
  source: EmulatedServer,
  pointInTime: Date,
  tags: Record<string, string>
): EmulatedOperation {
  const { servers } = state
  const server: EmulatedServer = {
    name: target,
    resourceGroup: state.resourceGroup,
    location: source.location,
    state: 'Provisioning',
    tags,
    backupRetentionDays: source.backupRetentionDays,
    createdAt: new Date(),
    databases: [...source.databases],
    restoredFrom: {
      sourceServerResourceId: resourceId(state, source.name),
      pointInTimeUtc: pointInTime
    },
    showEarliestRestoreDate: false
  }
  servers.set(target, server)
  const failFault = state.faults.take('operation-fails')
  const neverReady = state.faults.take('never-ready')
  const op: EmulatedOperation = {
    id: randomUUID(),
    serverName: target,
    status: 'InProgress',
    startTime: new Date(),
    done: Promise.resolve()
  }
  const sourceCluster = source.cluster
  op.done = (async () => {
    try {
      if (!sourceCluster) throw new Error('source has no cluster')
      if (failFault) {
        // The service gives up part-way: no cluster survives.
        await new Promise((resolve) => setTimeout(resolve, 1000))
        throw Object.assign(
          new Error(failFault.message ?? 'The restore failed.'),
          { code: failFault.code ?? 'EmulatorRestoreFailed' }
        )
      }
      const cluster = await sourceCluster.restoreTo({
        hostName: `${target}.${FLEXIBLE_SERVER_DNS_ZONE}`,
        rootDir: state.workDir,
        name: target,
        targetTime: pointInTime
      })
      if (servers.get(target) !== server) {
        await cluster.destroy()
        return
      }
      server.cluster = cluster
      server.state = neverReady ? 'Starting' : 'Ready'
      // Like the real service, the restored server shows its earliest restore date only later.
      void cluster.backupReady.then(() => {
        if (cluster.baseBackupAt.getTime() > 0)
          server.showEarliestRestoreDate = true
      })
      op.status = 'Succeeded'
      await state.serversChanged().catch(() => undefined)
    } catch (error) {
      if (servers.get(target) === server) servers.delete(target)
      op.status = 'Failed'
      const e = error as { code?: string; message?: string }
      op.error = {
        code: e.code ?? 'EmulatorRestoreFailed',
        message: `Point-in-time restore of '${target}' failed: ${e.message ?? String(error)}`
      }
    } finally {
      op.endTime = new Date()
    }
  })()
  state.operations.push(op)
  return op
}

/**
 * GET of an operation URL. `azureAsyncOperation`: 200 `{name,status,startTime[,endTime][,error]}` with
 * `Retry-After` while InProgress. `operationResults`: 202 while InProgress, the server (200) once Succeeded,
 * the error (400) once Failed. Unknown operation ids answer 404 `OperationNotFound`.
 */
export function pollOperation(
  state: ArmState,
  res: ServerResponse,
  kind: 'azureasyncoperation' | 'operationresults',
  id: string
): void {
  const op = state.operations.find((o) => o.id === id)
  if (!op) {
    armError(res, 404, {
      code: 'OperationNotFound',
      message: `Operation '${id}' was not found.`
    })
    return
  }
  const running: Record<string, string> =
    state.retryAfterSeconds > 0
      ? { 'retry-after': String(state.retryAfterSeconds) }
      : {}
  if (kind === 'operationresults') {
    if (op.status === 'InProgress') {
      res.writeHead(202, { 'content-length': 0, ...running })
      res.end()
    } else if (op.status === 'Failed') {
      armError(
        res,
        400,
        op.error ?? { code: 'EmulatorRestoreFailed', message: 'failed' }
      )
    } else {
      const server = state.servers.get(op.serverName)
      if (server) sendJson(res, 200, serverBody(state, server))
      else
        armError(res, 404, {
          code: 'ResourceNotFound',
          message: `Server '${op.serverName}' was not found.`
        })
    }
    return
  }
  sendJson(
    res,
    200,
    {
      name: op.id,
      status: op.status,
      startTime: op.startTime.toISOString(),
      ...(op.endTime ? { endTime: op.endTime.toISOString() } : {}),
      ...(op.error ? { error: op.error } : {})
    },
    op.status === 'InProgress' ? running : {}
  )
}
