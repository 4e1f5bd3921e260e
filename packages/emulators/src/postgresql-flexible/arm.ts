/**
 * What the ARM emulator's modules share: the resource types, the emulator state, ARM's error body and its
 * authentication and api-version checks — following the Azure Resource Manager RPC
 * (Azure/azure-resource-manager-rpc: v1.0/common-api-details.md, async-api-reference.md) and the
 * Microsoft.DBforPostgreSQL 2025-08-01 specification (Azure/azure-rest-api-specs:
 * specification/postgresql/resource-manager/Microsoft.DBforPostgreSQL/stable/2025-08-01/).
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { EntraEmulator } from '../entra/index.js'
import { faultSender, type Fault, type FaultQueue } from '../http/faults.js'
import { bearerToken, sendJson } from '../http/server.js'
import type { CertificateAuthority } from '../http/tls.js'
import type { PostgresCluster } from './cluster.js'

/** The ARM audience the emulator accepts tokens for. */
export const ARM_SCOPE = 'https://management.azure.com/.default'

/** The resource provider and the server resource type. */
export const PROVIDER = 'Microsoft.DBforPostgreSQL'
export const SERVER_TYPE = `${PROVIDER}/flexibleServers`

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

/**
 * A fault the next matching requests or operations meet: the emulators' shared {@link Fault} shape with
 * ARM's request classes (`put`, `get`, `poll` for operation-status GETs, `any`) and operation kinds.
 */
export type ArmFault =
  | (Fault & {
      /** 429 TooManyRequests on the next `times` matching requests. */
      kind: 'throttle'
      on: 'put' | 'get' | 'poll' | 'any'
    })
  | (Fault & {
      /** An HTTP error (default 500) on the next `times` matching requests. */
      kind: 'http-error'
      on: 'put' | 'get' | 'poll' | 'any'
    })
  | (Fault & {
      /** An HTTP error (default 500) on the next `times` operation-status polls (`http-error` on `poll`). */
      kind: 'poll-error'
    })
  | (Fault & {
      /** The next restore operation ends `Failed` (the new server is removed). */
      kind: 'operation-fails'
    })
  | (Fault & {
      /** The next restore operation succeeds but the server stays `Starting` (never `Ready`). */
      kind: 'never-ready'
    })

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

/** The state every ARM module reads and changes. */
export interface ArmState {
  subscriptionId: string
  resourceGroup: string
  location: string
  servers: Map<string, EmulatedServer>
  operations: EmulatedOperation[]
  faults: FaultQueue<ArmFault>
  /** Folder the clusters live in. */
  workDir: string
  /** `Retry-After` seconds on 202 answers and InProgress polls (0: none). */
  retryAfterSeconds: number
  /** Status of an accepted PUT. */
  acceptStatus: 201 | 202
  /** Issues the PostgreSQL servers' certificates. */
  ca: CertificateAuthority
  /** The emulator's own URL (operation URLs point at it); set once listening. */
  baseUrl: string
  /** Called when a server's cluster starts or goes (keeps the hosts file current). */
  serversChanged: () => Promise<void>
}

/** ARM's error detail (`ErrorResponse.error`). */
export interface ArmErrorBody {
  code: string
  message: string
  target?: string
}

/** Sends ARM's `{"error":{"code","message","target"}}` body. */
export function armError(
  res: ServerResponse,
  status: number,
  error: ArmErrorBody,
  headers: Record<string, string> = {}
): void {
  sendJson(res, status, { error }, headers)
}

/** How an HTTP-level fault reads in ARM's words (429 as ARM throttling words it). */
export const sendArmFault = faultSender(
  {
    throttle: {
      code: 'TooManyRequests',
      message:
        'The request is being throttled as the limit has been reached for operation type - Write_ObservationWindow_00:01:00.'
    },
    error: {
      code: 'InternalServerError',
      message: 'An unexpected error occurred while processing the request.'
    }
  },
  armError
)

/**
 * Answers a pending HTTP-level fault of request class `on` (ARM's `poll-error` counts as `http-error` on
 * `poll`). @returns whether a fault answered.
 */
export function answerArmFault(
  state: ArmState,
  res: ServerResponse,
  on: 'put' | 'get' | 'poll'
): boolean {
  if (state.faults.answer(res, on, sendArmFault)) return true
  if (on !== 'poll') return false
  const legacy = state.faults.take('poll-error')
  if (!legacy) return false
  sendArmFault(res, legacy.status ?? 500, legacy, {})
  return true
}

/**
 * Checks the bearer token ARM requires: 401 `AuthenticationFailed` without one, `InvalidAuthenticationToken`
 * when Entra did not issue it for ARM (with ARM's `WWW-Authenticate` challenge).
 * @returns whether the request may go on.
 */
export function authorizeArm(
  req: IncomingMessage,
  res: ServerResponse,
  entra: Pick<EntraEmulator, 'verify'> | undefined
): boolean {
  const token = bearerToken(req)
  if (token && (!entra || entra.verify(token, ARM_SCOPE))) return true
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
  return false
}

/** ARM resource id of a server name in the emulator's resource group. */
export function resourceId(state: ArmState, name: string): string {
  return `/subscriptions/${state.subscriptionId}/resourceGroups/${state.resourceGroup}/providers/${SERVER_TYPE}/${name}`
}

/** `2026-04-16T22:04:23.4980671+00:00`: how the real service formats `earliestRestoreDate`. */
export function azureDate(d: Date): string {
  return d.toISOString().replace(/\.(\d{3})Z$/, '.$10000+00:00')
}

/**
 * The api-versions Microsoft.DBforPostgreSQL serves for flexibleServers and its location operations, from
 * the folders of Azure/azure-rest-api-specs specification/postgresql/resource-manager/
 * Microsoft.DBforPostgreSQL (stable/ and preview/; the CLI's recorded 2026-01-01-preview included).
 */
export const SUPPORTED_API_VERSIONS = [
  '2020-02-14-preview',
  '2021-06-01',
  '2021-06-01-preview',
  '2022-01-20-preview',
  '2022-03-08-preview',
  '2022-12-01',
  '2023-03-01-preview',
  '2023-06-01-preview',
  '2023-12-01-preview',
  '2024-03-01-preview',
  '2024-08-01',
  '2024-11-01-preview',
  '2025-01-01-preview',
  '2025-06-01-preview',
  '2025-08-01',
  '2026-01-01-preview'
] as const

/**
 * Refuses an api-version the resource provider does not serve, as ARM does: 400 `NoRegisteredProviderFound`
 * naming the version, the type, and the supported versions (Azure/azure-resource-manager-rpc
 * v1.0/common-api-details.md, "api-version").
 * @returns whether the request was refused (answered).
 */
export function refuseUnknownApiVersion(
  state: ArmState,
  res: ServerResponse,
  url: URL,
  apiVersion: string
): boolean {
  if ((SUPPORTED_API_VERSIONS as readonly string[]).includes(apiVersion))
    return false
  const type =
    /\/locations\/[^/]+\/(azureasyncoperation|operationresults)\//i.test(
      url.pathname
    )
      ? 'locations/azureAsyncOperation'
      : 'flexibleServers'
  armError(res, 400, {
    code: 'NoRegisteredProviderFound',
    message: `No registered resource provider found for location '${state.location}' and API version '${apiVersion}' for type '${type}'. The supported api-versions are '${SUPPORTED_API_VERSIONS.join(', ')}'. The supported locations are '${state.location}'.`
  })
  return true
}
