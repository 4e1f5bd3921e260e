/**
 * The flexibleServers resource: its GET body, the server list, PUT (point-in-time restore only) and
 * checkNameAvailability — following Microsoft.DBforPostgreSQL 2025-08-01 (FlexibleServers.json,
 * CheckNameAvailability.json in Azure/azure-rest-api-specs specification/postgresql/resource-manager/
 * Microsoft.DBforPostgreSQL/stable/2025-08-01/).
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { readJson, sendJson } from '../http/server.js'
import {
  PROVIDER,
  SERVER_TYPE,
  armError,
  azureDate,
  resourceId,
  type ArmState,
  type EmulatedServer
} from './arm.js'
import { operationUrls, startRestore } from './operations.js'

/** Flexible-server name rule (docs / CLI): 3–63 characters, lowercase letters, digits, inner hyphens. */
const SERVER_NAME = /^[a-z0-9](?:[a-z0-9-]{1,61}[a-z0-9])$/

function normalizeLocation(value: string): string {
  return value.toLowerCase().replace(/\s+/g, '')
}

/** Why `name` is not a valid server name, or undefined when it is. */
export function nameProblem(name: string): string | undefined {
  if (!SERVER_NAME.test(name))
    return `Server name '${name}' is invalid: use 3-63 lowercase letters, digits and hyphens, not starting or ending with a hyphen.`
  return undefined
}

/** The `Server` resource as GET answers it (read and update properties only, per the spec's x-ms-mutability). */
export function serverBody(
  state: ArmState,
  s: EmulatedServer
): Record<string, unknown> {
  return {
    id: resourceId(state, s.name),
    name: s.name,
    type: SERVER_TYPE,
    location: s.location,
    tags: s.tags,
    sku: { name: 'Standard_D2ds_v5', tier: 'GeneralPurpose' },
    systemData: { createdAt: azureDate(s.createdAt) },
    properties: {
      administratorLogin: 'pgadmin',
      version: '15',
      minorVersion: '0',
      state: s.state,
      // The host name only (clients add the port, 5432), as the service answers.
      ...(s.cluster && s.state !== 'Provisioning'
        ? { fullyQualifiedDomainName: s.cluster.hostName }
        : {}),
      storage: {
        type: '',
        autoGrow: 'Disabled',
        iops: 500,
        storageSizeGB: 32,
        tier: 'P4'
      },
      authConfig: { activeDirectoryAuth: 'Disabled', passwordAuth: 'Enabled' },
      backup: {
        backupRetentionDays: s.backupRetentionDays,
        geoRedundantBackup: 'Disabled',
        ...(s.cluster && s.showEarliestRestoreDate
          ? { earliestRestoreDate: azureDate(s.cluster.baseBackupAt) }
          : {})
      },
      network: { publicNetworkAccess: 'Enabled' },
      highAvailability: { mode: 'Disabled', state: 'NotEnabled' },
      replicationRole: 'Primary'
      // createMode, sourceServerResourceId and pointInTimeUTC are `x-ms-mutability: ["create"]` in the
      // 2025-08-01 spec: accepted on PUT, never returned by GET.
    }
  }
}

/** GET of one server: 200 with {@link serverBody}, or 404 `ResourceNotFound`. */
export function getServer(
  state: ArmState,
  res: ServerResponse,
  name: string
): void {
  const server = state.servers.get(name)
  if (!server) {
    armError(res, 404, {
      code: 'ResourceNotFound',
      message: `The Resource '${SERVER_TYPE}/${name}' under resource group '${state.resourceGroup}' was not found.`
    })
    return
  }
  sendJson(res, 200, serverBody(state, server))
}

/**
 * Servers - Delete (learn.microsoft.com/rest/api/postgresql/flexibleserver/servers/delete): 200 once the server and
 * its cluster are gone, 204 when there is no such server, 409 `ServerBusy` while it is being provisioned. Answered
 * synchronously (the emulator runs no long-running operation for a delete).
 */
export async function deleteServer(
  state: ArmState,
  res: ServerResponse,
  name: string
): Promise<void> {
  const server = state.servers.get(name)
  if (!server) {
    res.writeHead(204, { 'content-length': 0 })
    res.end()
    return
  }
  if (server.state === 'Provisioning') {
    armError(res, 409, {
      code: 'ServerBusy',
      message: `Server '${name}' is being provisioned; delete it when the operation has finished.`
    })
    return
  }
  state.servers.delete(name)
  await server.cluster?.stop()
  await state.serversChanged()
  res.writeHead(200, { 'content-length': 0 })
  res.end()
}

/** GET of the resource group's server list (`{"value":[...]}`, one page). */
export function listServers(state: ArmState, res: ServerResponse): void {
  sendJson(res, 200, {
    value: [...state.servers.values()].map((s) => serverBody(state, s))
  })
}

interface PutBody {
  location?: unknown
  tags?: unknown
  properties?: {
    createMode?: unknown
    sourceServerResourceId?: unknown
    pointInTimeUTC?: unknown
  }
}

/**
 * PUT of a server with `createMode: PointInTimeRestore`: validates name, source, region and restore point
 * (within the source's retention and after its first base backup), starts the restore and answers
 * 202 (or `acceptStatus`) with `Azure-AsyncOperation`, `Location` and `Retry-After`.
 */
export async function putServer(
  state: ArmState,
  req: IncomingMessage,
  res: ServerResponse,
  name: string
): Promise<void> {
  let body: PutBody
  try {
    const parsed = await readJson(req)
    if (parsed === null || typeof parsed !== 'object') throw new SyntaxError()
    body = parsed
  } catch {
    armError(res, 400, {
      code: 'InvalidRequestContent',
      message: 'The request content was invalid and could not be deserialized.'
    })
    return
  }
  const props = body.properties ?? {}
  if (props.createMode !== 'PointInTimeRestore') {
    armError(res, 400, {
      code: 'EmulatorUnsupportedCreateMode',
      message: `The emulator only supports createMode 'PointInTimeRestore' (got '${String(props.createMode)}').`,
      target: 'properties.createMode'
    })
    return
  }
  const problem = nameProblem(name)
  if (problem) {
    armError(res, 400, {
      code: 'InvalidServerName',
      message: problem,
      target: 'name'
    })
    return
  }
  if (state.servers.has(name)) {
    armError(res, 409, {
      code: 'ServerAlreadyExists',
      message: `Specified server name '${name}' is already used. Please use a different name and try again.`
    })
    return
  }
  const sourceId =
    typeof props.sourceServerResourceId === 'string'
      ? props.sourceServerResourceId
      : ''
  const m = new RegExp(
    `^/subscriptions/([^/]+)/resourceGroups/([^/]+)/providers/${PROVIDER}/flexibleServers/([^/]+)$`,
    'i'
  ).exec(sourceId)
  const source =
    m &&
    m[1] === state.subscriptionId &&
    m[2]?.toLowerCase() === state.resourceGroup.toLowerCase()
      ? state.servers.get(m[3] ?? '')
      : undefined
  if (!source || source.state === 'Provisioning' || !source.cluster) {
    armError(res, 404, {
      code: 'ResourceNotFound',
      message: `The source server '${sourceId}' was not found.`,
      target: 'properties.sourceServerResourceId'
    })
    return
  }
  if (
    typeof body.location !== 'string' ||
    normalizeLocation(body.location) !== normalizeLocation(source.location)
  ) {
    armError(res, 400, {
      code: 'EmulatorLocationMismatch',
      message: `Point-in-time restore must use the source server's region '${source.location}'.`,
      target: 'location'
    })
    return
  }
  const pit =
    typeof props.pointInTimeUTC === 'string'
      ? new Date(props.pointInTimeUTC)
      : new Date(NaN)
  const now = Date.now()
  // No base backup yet (a freshly restored source): nothing is restorable yet.
  const backupAt = source.cluster.baseBackupAt.getTime() || now
  const earliest = Math.max(
    backupAt,
    now - source.backupRetentionDays * 86_400_000
  )
  if (
    Number.isNaN(pit.getTime()) ||
    pit.getTime() > now ||
    pit.getTime() < earliest
  ) {
    armError(res, 400, {
      code: 'EmulatorInvalidPointInTime',
      message: `pointInTimeUTC must be between ${new Date(earliest).toISOString()} and now.`,
      target: 'properties.pointInTimeUTC'
    })
    return
  }
  const tags =
    body.tags && typeof body.tags === 'object'
      ? Object.fromEntries(
          Object.entries(body.tags as Record<string, unknown>).map(([k, v]) => [
            k,
            String(v)
          ])
        )
      : {}
  const op = startRestore(state, name, source, pit, tags)
  const urls = operationUrls(state, op)
  sendJson(
    res,
    state.acceptStatus,
    {
      operation: 'RestoreSnapshotManagementOperation',
      startTime: op.startTime.toISOString()
    },
    {
      'azure-asyncoperation': urls.asyncOperation,
      location: urls.location,
      ...(state.retryAfterSeconds > 0
        ? { 'retry-after': String(state.retryAfterSeconds) }
        : {})
    }
  )
}

/** POST checkNameAvailability (regional or global): `nameAvailable`, with `reason` Invalid or AlreadyExists. */
export async function checkNameAvailability(
  state: ArmState,
  req: IncomingMessage,
  res: ServerResponse
): Promise<void> {
  const body = ((await readJson(req, {})) ?? {}) as {
    name?: unknown
    type?: unknown
  }
  const name = typeof body.name === 'string' ? body.name : ''
  const problem = nameProblem(name)
  const taken = state.servers.has(name)
  sendJson(res, 200, {
    name,
    type: typeof body.type === 'string' ? body.type : SERVER_TYPE,
    nameAvailable: !problem && !taken,
    ...(problem
      ? { reason: 'Invalid', message: problem }
      : taken
        ? {
            reason: 'AlreadyExists',
            message: `Specified server name '${name}' is already used.`
          }
        : { message: '' })
  })
}
