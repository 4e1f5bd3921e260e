import { rm, writeFile } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { EntraEmulator } from '../entra/index.js'
import { FaultQueue } from '../http/faults.js'
import { serveEmulator, type RequestLog } from '../http/server.js'
import type { CertificateAuthority, KeyPairPem } from '../http/tls.js'
import {
  PROVIDER,
  answerArmFault,
  armError,
  authorizeArm,
  refuseUnknownApiVersion,
  resourceId,
  type ArmFault,
  type ArmState,
  type EmulatedOperation,
  type EmulatedServer,
  type FlexibleServerSeed
} from './arm.js'
import {
  FLEXIBLE_SERVER_DNS_ZONE,
  PostgresCluster,
  makeClusterRoot
} from './cluster.js'
import { pollOperation } from './operations.js'
import {
  checkNameAvailability,
  deleteServer,
  getServer,
  listServers,
  putServer
} from './servers.js'

export {
  ARM_SCOPE,
  SUPPORTED_API_VERSIONS,
  type ArmFault,
  type EmulatedOperation,
  type EmulatedServer,
  type FlexibleServerSeed
} from './arm.js'

export interface PostgresArmEmulatorOptions {
  /** The ARM endpoint's certificate. */
  tls: KeyPairPem
  /** Issues each PostgreSQL server's certificate for `<server>.postgres.database.azure.com` (TLS-only servers). */
  ca: CertificateAuthority
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
  /**
   * A file kept as /etc/hosts lines (`<ip> <server>.postgres.database.azure.com`) for the running servers,
   * rewritten when a restore adds one: what a client outside the process reads (e.g. for libpq's `hostaddr`).
   */
  hostsFilePath?: string
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
  /**
   * The sandbox's DNS for `*.postgres.database.azure.com`: the loopback address a server's host name
   * resolves to, or undefined for a name no running server has (as NXDOMAIN).
   */
  resolveHost(hostName: string): string | undefined
  /** The running servers' host names as /etc/hosts lines (`<ip> <fqdn>`), one per server. */
  hostsFile(): string
  /** The faults pending (the shared {@link FaultQueue}); {@link injectFault} and {@link clearFaults} use it. */
  faults: FaultQueue<ArmFault>
  injectFault(fault: ArmFault): void
  clearFaults(): void
  /** Stops every PostgreSQL cluster, the listener, and removes the temporary folder. */
  close(): Promise<void>
}

async function seedServers(
  state: ArmState,
  seeds: FlexibleServerSeed[]
): Promise<void> {
  // In parallel; each initdb takes ~2 s.
  const created = await Promise.allSettled(
    seeds.map(async (seed) => {
      const cluster = await PostgresCluster.create({
        ca: state.ca,
        hostName: `${seed.name}.${FLEXIBLE_SERVER_DNS_ZONE}`,
        rootDir: state.workDir,
        name: seed.name,
        database: seed.database,
        ...(seed.seedSql ? { seedSql: seed.seedSql } : {})
      })
      state.servers.set(seed.name, {
        name: seed.name,
        resourceGroup: state.resourceGroup,
        location: state.location,
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
    await stopClusters(state)
    throw failed.reason
  }
}

async function stopClusters(state: ArmState): Promise<void> {
  await Promise.all(
    [...state.servers.values()].flatMap((s) =>
      s.cluster ? [s.cluster.stop()] : []
    )
  )
}

/**
 * Routes one authenticated request with an api-version: `providers/Microsoft.DBforPostgreSQL/...`
 * (checkNameAvailability, operation polls) and `resourceGroups/{rg}/providers/.../flexibleServers[/{name}]`.
 */
async function route(
  state: ArmState,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL
): Promise<void> {
  const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent)
  const notServed = () =>
    armError(res, 404, {
      code: 'EmulatorRouteNotFound',
      message: `The emulator does not serve ${url.pathname}.`
    })
  // /subscriptions/{sub}/...
  if (parts[0]?.toLowerCase() !== 'subscriptions' || parts.length < 2) {
    armError(res, 404, {
      code: 'EmulatorRouteNotFound',
      message: `No route for ${url.pathname}.`
    })
    return
  }
  if (parts[1] !== state.subscriptionId) {
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
    )
      return checkNameAvailability(state, req, res)
    if (
      method === 'GET' &&
      lower[2] === 'locations' &&
      (lower[4] === 'azureasyncoperation' || lower[4] === 'operationresults')
    ) {
      if (answerArmFault(state, res, 'poll')) return
      return pollOperation(state, res, lower[4], rest[5] ?? '')
    }
  }

  // resourceGroups/{rg}/providers/Microsoft.DBforPostgreSQL/flexibleServers[/{name}]
  if (
    lower[0] === 'resourcegroups' &&
    lower[2] === 'providers' &&
    lower[3] === PROVIDER.toLowerCase() &&
    lower[4] === 'flexibleservers'
  ) {
    if (rest[1]?.toLowerCase() !== state.resourceGroup.toLowerCase()) {
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
      if (answerArmFault(state, res, 'get')) return
      return listServers(state, res)
    }
    if (rest.length > 6) return notServed()
    if (method === 'GET') {
      if (answerArmFault(state, res, 'get')) return
      return getServer(state, res, name)
    }
    if (method === 'PUT') {
      if (answerArmFault(state, res, 'put')) return
      return putServer(state, req, res, name)
    }
    if (method === 'DELETE') return deleteServer(state, res, name)
    armError(res, 405, {
      code: 'EmulatorMethodNotAllowed',
      message: `The emulator does not support ${method} on flexible servers.`
    })
    return
  }
  notServed()
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
 * The modules: arm.ts (auth, errors, faults), servers.ts (the resource), operations.ts (restore LRO).
 * @see postgresql-flexible-pitr.md §2–§6, §9 (wire shapes as `@azure/arm-postgresql-flexible` 9.x speaks them).
 */
export async function startPostgresArmEmulator(
  options: PostgresArmEmulatorOptions
): Promise<PostgresArmEmulator> {
  const ownsWorkDir = options.workDir === undefined
  const state: ArmState = {
    subscriptionId: options.subscriptionId,
    resourceGroup: options.resourceGroup,
    location: options.location,
    servers: new Map(),
    operations: [],
    faults: new FaultQueue<ArmFault>(),
    workDir: options.workDir ?? (await makeClusterRoot('rollback-arm-pg-')),
    retryAfterSeconds: options.retryAfterSeconds ?? 1,
    acceptStatus: options.acceptStatus ?? 202,
    ca: options.ca,
    baseUrl: '',
    serversChanged: () => Promise.resolve()
  }
  const hostsFile = () =>
    [...state.servers.values()]
      .flatMap((s) =>
        s.cluster ? [`${s.cluster.ip} ${s.cluster.hostName}\n`] : []
      )
      .join('')
  if (options.hostsFilePath) {
    const path = options.hostsFilePath
    // a complete hosts file (localhost first), so a resolver that reads only this file (nss_wrapper) still works
    state.serversChanged = () =>
      writeFile(path, `127.0.0.1 localhost\n::1 localhost\n${hostsFile()}`)
  }
  try {
    await seedServers(state, options.servers)
    await state.serversChanged()
  } catch (error) {
    if (ownsWorkDir) await rm(state.workDir, { recursive: true, force: true })
    throw error
  }

  /** api-version of every request, in order (what the SDK sent). */
  const apiVersions: string[] = []
  const handler = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'https://arm.local')
    if (!authorizeArm(req, res, options.entra)) return
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
    if (!refuseUnknownApiVersion(state, res, url, apiVersion))
      await route(state, req, res, url)
  }

  const server = await serveEmulator('arm', options, handler)
  state.baseUrl = server.url

  return {
    url: server.url,
    apiVersions: () => [...apiVersions],
    subscriptionId: state.subscriptionId,
    resourceGroup: state.resourceGroup,
    location: state.location,
    servers: state.servers,
    operations: state.operations,
    resourceId: (name) => resourceId(state, name),
    connectionString(name, database) {
      const s = state.servers.get(name)
      if (!s?.cluster) throw new Error(`server ${name} has no running cluster`)
      return s.cluster.connectionString(database)
    },
    adminPassword(name) {
      const s = state.servers.get(name)
      if (!s?.cluster) throw new Error(`server ${name} has no running cluster`)
      return s.cluster.password
    },
    resolveHost(hostName) {
      const name = hostName.toLowerCase().replace(/\.$/, '')
      for (const s of state.servers.values())
        if (s.cluster && s.cluster.hostName === name) return s.cluster.ip
      return undefined
    },
    hostsFile,
    faults: state.faults,
    injectFault: (fault) => state.faults.inject(fault),
    clearFaults: () => state.faults.clear(),
    async close() {
      await server.close()
      await Promise.allSettled(state.operations.map((o) => o.done))
      await stopClusters(state)
      if (ownsWorkDir) await rm(state.workDir, { recursive: true, force: true })
    }
  }
}
