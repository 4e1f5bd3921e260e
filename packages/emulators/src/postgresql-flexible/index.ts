import { randomUUID } from 'node:crypto'
import { rm } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { EntraEmulator } from '../entra/index.js'
import { PostgresCluster, makeClusterRoot } from './cluster.js'
import {
  readBody,
  sendJson,
  startServer,
  type RequestLog
} from '../http/server.js'
import type { KeyPairPem } from '../http/tls.js'

/** The ARM audience the emulator accepts tokens for. */
export const ARM_SCOPE = 'https://management.azure.com/.default'

const PROVIDER = 'Microsoft.DBforPostgreSQL'
const SERVER_TYPE = `${PROVIDER}/flexibleServers`

/** Flexible-server name rule (docs / CLI): 3–63 characters, lowercase letters, digits, inner hyphens. */
const SERVER_NAME = /^[a-z0-9](?:[a-z0-9-]{1,61}[a-z0-9])$/

/** A server the emulator creates at start. */
export interface FlexibleServerSeed {
  name: string
  /** Database created in the cluster (besides `postgres`). */
  database: string
  /** Backup retention, 7–35 days. */
  backupRetentionDays: number
  /** SQL run in `database` before the base backup. */
  seedSql?: string
  tags?: Record<string, string>
}

/** A fault the next matching requests or operations meet. */
export type ArmFault =
  | {
      /** 429 TooManyRequests on the next `times` matching requests. */
      kind: 'throttle'
      on: 'put' | 'get' | 'poll' | 'any'
      /** Seconds sent as `Retry-After`; omit to send no `Retry-After`. */
      retryAfterSeconds?: number
      times?: number
    }
  | {
      /** An HTTP error (default 500) on the next `times` operation-status polls. */
      kind: 'poll-error'
      status?: number
      times?: number
    }
  | {
      /** The next restore operation ends `Failed` (the new server is removed). */
      kind: 'operation-fails'
      code?: string
      message?: string
    }
  | {
      /** The next restore operation succeeds but the server stays `Starting` (never `Ready`). */
      kind: 'never-ready'
    }

/** One emulated flexible server. */
export interface EmulatedServer {
  name: string
  resourceGroup: string
  location: string
  /** ARM `properties.state`. */
  state: string
  tags: Record<string, string>
  backupRetentionDays: number
  createdAt: Date
  databases: string[]
  /** The real PostgreSQL cluster behind the server (absent while provisioning). */
  cluster?: PostgresCluster
  /** For restored servers: source resource id and the restore point. */
  restoredFrom?: { sourceServerResourceId: string; pointInTimeUtc: Date }
  /** Show `backup.earliestRestoreDate` in GET (real service omits it on freshly restored servers). */
  showEarliestRestoreDate: boolean
}

/** An Azure-AsyncOperation the emulator tracks. */
export interface EmulatedOperation {
  id: string
  serverName: string
  status: 'InProgress' | 'Succeeded' | 'Failed'
  startTime: Date
  endTime?: Date
  error?: { code: string; message: string }
  /** Resolves when the operation reached a terminal status. */
  done: Promise<void>
}

export interface PostgresArmEmulatorOptions {
  tls: KeyPairPem
  log: RequestLog
  /** Bearer tokens are checked with `entra.verify(token, ARM_SCOPE)`; omit only in unit tests (any bearer accepted). */
  entra?: Pick<EntraEmulator, 'verify'>
  subscriptionId: string
  resourceGroup: string
  /** Region of every server, e.g. `eastus`. */
  location: string
  servers: FlexibleServerSeed[]
  /** Folder for the clusters; a temporary one (removed on close) when omitted. */
  workDir?: string
  /** `Retry-After` seconds on 202 answers and InProgress polls (default 1; 0 sends none). */
  retryAfterSeconds?: number
  /** Status of an accepted PUT: 202 (real service) or 201. */
  acceptStatus?: 201 | 202
}

export interface PostgresArmEmulator {
  /** The api-version of every request served, in order (a request without one is refused with 400). */
  apiVersions(): string[]
  /** `https://127.0.0.1:<port>`: the ARM `endpoint` for `@azure/arm-postgresql-flexible`. */
  url: string
  subscriptionId: string
  resourceGroup: string
  location: string
  servers: Map<string, EmulatedServer>
  operations: EmulatedOperation[]
  /** ARM resource id of a server name in the emulator's resource group. */
  resourceId(name: string): string
  /**
   * A libpq URL of a server's database as the administrator (holds the password: never log it).
   * @throws Error when the server has no running cluster.
   */
  connectionString(server: string, database: string): string
  /** The administrator password (shared by restored servers, as PITR copies roles). */
  adminPassword(server: string): string
  injectFault(fault: ArmFault): void
  clearFaults(): void
  /** Stops every PostgreSQL cluster, the listener, and removes the temporary folder. */
  close(): Promise<void>
}

interface ArmErrorBody {
  code: string
  message: string
  target?: string
}

function armError(
  res: ServerResponse,
  status: number,
  error: ArmErrorBody,
  headers: Record<string, string> = {}
): void {
  sendJson(res, status, { error }, headers)
}

/** `2026-04-16T22:04:23.4980671+00:00`: how the real service formats `earliestRestoreDate`. */
function azureDate(d: Date): string {
  return d.toISOString().replace(/\.(\d{3})Z$/, '.$10000+00:00')
}

function normalizeLocation(value: string): string {
  return value.toLowerCase().replace(/\s+/g, '')
}

/**
 * Starts the ARM emulator for `Microsoft.DBforPostgreSQL/flexibleServers`, with a real PostgreSQL 15
 * cluster (initdb, WAL archive, base backup) behind each seeded server.
 *
 * Serves, under `/subscriptions/{sub}`: GET/PUT `resourceGroups/{rg}/providers/Microsoft.DBforPostgreSQL/
 * flexibleServers/{name}` (PUT only with `createMode: PointInTimeRestore`, answered 202 with
 * `Azure-AsyncOperation` and `Location`), GET of those operation URLs (`InProgress` → `Succeeded`/`Failed`),
 * GET of the server list, and POST `checkNameAvailability` (regional and global). Errors use ARM's
 * `{"error":{"code","message"}}`; codes the real service does not document are prefixed `Emulator`.
 * @see postgresql-flexible-pitr.md §2–§6, §9 (wire shapes as `@azure/arm-postgresql-flexible` 9.x speaks them).
 */
export async function startPostgresArmEmulator(
  options: PostgresArmEmulatorOptions
): Promise<PostgresArmEmulator> {
  const ownsWorkDir = options.workDir === undefined
  const workDir = options.workDir ?? (await makeClusterRoot('rollback-arm-pg-'))
  const servers = new Map<string, EmulatedServer>()
  const operations: EmulatedOperation[] = []
  const faults: ArmFault[] = []
  const retryAfter = options.retryAfterSeconds ?? 1
  const sub = options.subscriptionId
  const rgName = options.resourceGroup
  let base = ''

  const resourceId = (name: string) =>
    `/subscriptions/${sub}/resourceGroups/${rgName}/providers/${SERVER_TYPE}/${name}`

  // Seed servers (in parallel; each initdb takes ~2 s).
  const created = await Promise.allSettled(
    options.servers.map(async (seed) => {
      const cluster = await PostgresCluster.create({
        rootDir: workDir,
        name: seed.name,
        database: seed.database,
        ...(seed.seedSql ? { seedSql: seed.seedSql } : {})
      })
      servers.set(seed.name, {
        name: seed.name,
        resourceGroup: rgName,
        location: options.location,
        state: 'Ready',
        tags: seed.tags ?? {},
        backupRetentionDays: seed.backupRetentionDays,
        createdAt: new Date(),
        databases: [seed.database],
        cluster,
        showEarliestRestoreDate: true
      })
    })
  )
  const failed = created.find((r) => r.status === 'rejected')
  if (failed) {
    await Promise.all(
      [...servers.values()].flatMap((s) =>
        s.cluster ? [s.cluster.stop()] : []
      )
    )
    if (ownsWorkDir) await rm(workDir, { recursive: true, force: true })
    throw failed.reason
  }

  const takeFault = <K extends ArmFault['kind']>(
    kind: K,
    match: (f: Extract<ArmFault, { kind: K }>) => boolean = () => true
  ): Extract<ArmFault, { kind: K }> | undefined => {
    const index = faults.findIndex(
      (f) => f.kind === kind && match(f as Extract<ArmFault, { kind: K }>)
    )
    if (index < 0) return undefined
    const fault = faults[index] as Extract<ArmFault, { kind: K }> & {
      times?: number
    }
    const times = fault.times ?? 1
    if (times <= 1) faults.splice(index, 1)
    else fault.times = times - 1
    return fault
  }

  const throttled = (
    res: ServerResponse,
    on: 'put' | 'get' | 'poll'
  ): boolean => {
    const fault = takeFault('throttle', (f) => f.on === on || f.on === 'any')
    if (!fault) return false
    armError(
      res,
      429,
      {
        code: 'TooManyRequests',
        message:
          'The request is being throttled as the limit has been reached for operation type - Write_ObservationWindow_00:01:00.'
      },
      fault.retryAfterSeconds === undefined
        ? {}
        : { 'retry-after': String(fault.retryAfterSeconds) }
    )
    return true
  }

  const serverBody = (s: EmulatedServer) => ({
    id: resourceId(s.name),
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
      ...(s.cluster && s.state !== 'Provisioning'
        ? { fullyQualifiedDomainName: s.cluster.address }
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
      replicationRole: 'Primary',
      ...(s.restoredFrom
        ? {
            sourceServerResourceId: s.restoredFrom.sourceServerResourceId,
            pointInTimeUTC: s.restoredFrom.pointInTimeUtc.toISOString()
          }
        : {})
    }
  })

  const operationUrls = (op: EmulatedOperation) => ({
    asyncOperation: `${base}/subscriptions/${sub}/providers/${PROVIDER}/locations/${options.location}/azureAsyncOperation/${op.id}?api-version=2025-08-01&t=${Date.now()}&c=emulator&s=signed&h=opaque`,
    location: `${base}/subscriptions/${sub}/providers/${PROVIDER}/locations/${options.location}/operationResults/${op.id}?api-version=2025-08-01&t=${Date.now()}&c=emulator&s=signed&h=opaque`
  })

  const nameProblem = (name: string): string | undefined => {
    if (!SERVER_NAME.test(name))
      return `Server name '${name}' is invalid: use 3-63 lowercase letters, digits and hyphens, not starting or ending with a hyphen.`
    return undefined
  }

  const startRestore = (
    target: string,
    source: EmulatedServer,
    pointInTime: Date,
    tags: Record<string, string>
  ): EmulatedOperation => {
    const server: EmulatedServer = {
      name: target,
      resourceGroup: rgName,
      location: source.location,
      state: 'Provisioning',
      tags,
      backupRetentionDays: source.backupRetentionDays,
      createdAt: new Date(),
      databases: [...source.databases],
      restoredFrom: {
        sourceServerResourceId: resourceId(source.name),
        pointInTimeUtc: pointInTime
      },
      showEarliestRestoreDate: false
    }
    servers.set(target, server)
    const failFault = takeFault('operation-fails')
    const neverReady = takeFault('never-ready')
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
          rootDir: workDir,
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
    operations.push(op)
    return op
  }

  const putServer = async (
    req: IncomingMessage,
    res: ServerResponse,
    name: string
  ) => {
    if (throttled(res, 'put')) return
    let body: {
      location?: unknown
      tags?: unknown
      properties?: {
        createMode?: unknown
        sourceServerResourceId?: unknown
        pointInTimeUTC?: unknown
      }
    }
    try {
      body = JSON.parse((await readBody(req)).toString('utf8')) as typeof body
    } catch {
      armError(res, 400, {
        code: 'InvalidRequestContent',
        message:
          'The request content was invalid and could not be deserialized.'
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
    if (servers.has(name)) {
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
      m && m[1] === sub && m[2]?.toLowerCase() === rgName.toLowerCase()
        ? servers.get(m[3] ?? '')
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
            Object.entries(body.tags as Record<string, unknown>).map(
              ([k, v]) => [k, String(v)]
            )
          )
        : {}
    const op = startRestore(name, source, pit, tags)
    const urls = operationUrls(op)
    sendJson(
      res,
      options.acceptStatus ?? 202,
      {
        operation: 'RestoreSnapshotManagementOperation',
        startTime: op.startTime.toISOString()
      },
      {
        'azure-asyncoperation': urls.asyncOperation,
        location: urls.location,
        ...(retryAfter > 0 ? { 'retry-after': String(retryAfter) } : {})
      }
    )
  }

  /** api-version of every request, in order (what the SDK sent). */
  const apiVersions: string[] = []
  const handler = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'https://arm.local')
    const auth = req.headers.authorization ?? ''
    const token = /^Bearer\s+(.+)$/i.exec(auth)?.[1]
    if (!token || (options.entra && !options.entra.verify(token, ARM_SCOPE))) {
      armError(
        res,
        401,
        {
          code: token ? 'InvalidAuthenticationToken' : 'AuthenticationFailed',
          message: token
            ? 'The access token is invalid or was not issued for https://management.azure.com/.'
            : "Authentication failed. The 'Authorization' header is missing."
        },
        {
          'www-authenticate':
            'Bearer authorization_uri="https://login.microsoftonline.com/common", error="invalid_token"'
        }
      )
      return
    }
    // Every ARM request carries an api-version (the SDK adds it; poll URLs carry it): real ARM refuses one without.
    const apiVersion = url.searchParams.get('api-version')
    if (!apiVersion) {
      armError(res, 400, {
        code: 'MissingApiVersionParameter',
        message:
          'The api-version query parameter (?api-version=) is required for all requests.'
      })
      return
    }
    apiVersions.push(apiVersion)
    const parts = url.pathname
      .split('/')
      .filter(Boolean)
      .map(decodeURIComponent)
    // /subscriptions/{sub}/...
    if (parts[0]?.toLowerCase() !== 'subscriptions' || parts.length < 2) {
      armError(res, 404, {
        code: 'EmulatorRouteNotFound',
        message: `No route for ${url.pathname}.`
      })
      return
    }
    if (parts[1] !== sub) {
      armError(res, 404, {
        code: 'SubscriptionNotFound',
        message: `The subscription '${parts[1] ?? ''}' could not be found.`
      })
      return
    }
    const rest = parts.slice(2)
    const lower = rest.map((p) => p.toLowerCase())
    const method = req.method ?? 'GET'

    // providers/Microsoft.DBforPostgreSQL/[locations/{loc}/]...
    if (lower[0] === 'providers' && lower[1] === PROVIDER.toLowerCase()) {
      if (
        method === 'POST' &&
        (lower[2] === 'checknameavailability' ||
          (lower[2] === 'locations' && lower[4] === 'checknameavailability'))
      ) {
        const body = JSON.parse(
          (await readBody(req)).toString('utf8') || '{}'
        ) as { name?: unknown; type?: unknown }
        const name = typeof body.name === 'string' ? body.name : ''
        const problem = nameProblem(name)
        const taken = servers.has(name)
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
        return
      }
      if (
        method === 'GET' &&
        lower[2] === 'locations' &&
        (lower[4] === 'azureasyncoperation' || lower[4] === 'operationresults')
      ) {
        if (throttled(res, 'poll')) return
        const pollFault = takeFault('poll-error')
        if (pollFault) {
          armError(res, pollFault.status ?? 500, {
            code: 'InternalServerError',
            message:
              'An unexpected error occurred while processing the request.'
          })
          return
        }
        const op = operations.find((o) => o.id === rest[5])
        if (!op) {
          armError(res, 404, {
            code: 'OperationNotFound',
            message: `Operation '${rest[5] ?? ''}' was not found.`
          })
          return
        }
        const running: Record<string, string> =
          retryAfter > 0 ? { 'retry-after': String(retryAfter) } : {}
        if (lower[4] === 'operationresults') {
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
            const server = servers.get(op.serverName)
            if (server) sendJson(res, 200, serverBody(server))
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
        return
      }
    }

    // resourceGroups/{rg}/providers/Microsoft.DBforPostgreSQL/flexibleServers[/{name}]
    if (
      lower[0] === 'resourcegroups' &&
      lower[2] === 'providers' &&
      lower[3] === PROVIDER.toLowerCase() &&
      lower[4] === 'flexibleservers'
    ) {
      if (rest[1]?.toLowerCase() !== rgName.toLowerCase()) {
        armError(res, 404, {
          code: 'ResourceGroupNotFound',
          message: `Resource group '${rest[1] ?? ''}' could not be found.`
        })
        return
      }
      const name = rest[5]
      if (name === undefined) {
        if (method !== 'GET') {
          armError(res, 405, {
            code: 'MethodNotAllowed',
            message: `${method} is not supported on the server list.`
          })
          return
        }
        if (throttled(res, 'get')) return
        sendJson(res, 200, { value: [...servers.values()].map(serverBody) })
        return
      }
      if (rest.length > 6) {
        armError(res, 404, {
          code: 'EmulatorRouteNotFound',
          message: `The emulator does not serve ${url.pathname}.`
        })
        return
      }
      if (method === 'GET') {
        if (throttled(res, 'get')) return
        const server = servers.get(name)
        if (!server) {
          armError(res, 404, {
            code: 'ResourceNotFound',
            message: `The Resource '${SERVER_TYPE}/${name}' under resource group '${rgName}' was not found.`
          })
          return
        }
        sendJson(res, 200, serverBody(server))
        return
      }
      if (method === 'PUT') {
        await putServer(req, res, name)
        return
      }
      // Servers - Delete (learn.microsoft.com/rest/api/postgresql/flexibleserver/servers/delete): 200 when deleted,
      // 204 when there is no such server; answered once the server is gone (no long-running operation).
      if (method === 'DELETE') {
        const server = servers.get(name)
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
        servers.delete(name)
        await server.cluster?.stop()
        res.writeHead(200, { 'content-length': 0 })
        res.end()
        return
      }
      armError(res, 405, {
        code: 'EmulatorMethodNotAllowed',
        message: `The emulator does not support ${method} on flexible servers.`
      })
      return
    }
    armError(res, 404, {
      code: 'EmulatorRouteNotFound',
      message: `The emulator does not serve ${url.pathname}.`
    })
  }

  const server = await startServer({
    name: 'arm',
    tls: options.tls,
    log: options.log,
    handler
  })
  base = server.url

  return {
    url: server.url,
    apiVersions: () => [...apiVersions],
    subscriptionId: sub,
    resourceGroup: rgName,
    location: options.location,
    servers,
    operations,
    resourceId,
    connectionString(name, database) {
      const s = servers.get(name)
      if (!s?.cluster) throw new Error(`server ${name} has no running cluster`)
      return s.cluster.connectionString(database)
    },
    adminPassword(name) {
      const s = servers.get(name)
      if (!s?.cluster) throw new Error(`server ${name} has no running cluster`)
      return s.cluster.password
    },
    injectFault(fault) {
      faults.push({ ...fault })
    },
    clearFaults() {
      faults.length = 0
    },
    async close() {
      await server.close()
      await Promise.allSettled(operations.map((o) => o.done))
      await Promise.all(
        [...servers.values()].flatMap((s) =>
          s.cluster ? [s.cluster.stop()] : []
        )
      )
      if (ownsWorkDir) await rm(workDir, { recursive: true, force: true })
    }
  }
}
