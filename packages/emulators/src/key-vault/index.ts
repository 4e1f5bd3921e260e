import { randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { EntraEmulator, VerifiedEntraToken } from '../entra/index.js'
import { FaultQueue, faultSender } from '../http/faults.js'
import {
  bearerToken,
  readBody,
  readJson,
  sendJson,
  serveEmulator,
  type RequestLog
} from '../http/server.js'
import type { KeyPairPem } from '../http/tls.js'

/** The data-plane audience Key Vault tokens are issued for. */
export const KEY_VAULT_SCOPE = 'https://vault.azure.net/.default'

/** Key Vault object names: 1–127 characters, letters, digits and hyphens. */
export const KEY_VAULT_SECRET_NAME = /^[0-9a-zA-Z-]{1,127}$/

/**
 * The data-plane api-versions Key Vault serves for secrets: the stable and preview folders of
 * Azure/azure-rest-api-specs specification/keyvault/data-plane/Microsoft.KeyVault and the `KnownVersions`
 * of `@azure/keyvault-secrets` 4.12 (which sends 2026-04-01).
 */
export const KEY_VAULT_API_VERSIONS = [
  '2015-06-01',
  '2016-10-01',
  '7.0',
  '7.1',
  '7.2',
  '7.3-preview',
  '7.3',
  '7.4-preview.1',
  '7.4',
  '7.5-preview.1',
  '7.5',
  '7.6-preview.2',
  '7.6',
  '2025-07-01',
  '2026-04-01'
] as const

/** The newest stable version (named in the "not recognized" error, as the service does). */
const LATEST_API_VERSION = '2026-04-01'

/** Azure built-in roles for Key Vault data (the RBAC permission model). */
export type KeyVaultRole =
  | 'Key Vault Administrator'
  | 'Key Vault Secrets Officer'
  | 'Key Vault Secrets User'
  | 'Key Vault Reader'

/** Secret data actions (`Microsoft.KeyVault/vaults/secrets/...`) the emulator checks. */
type SecretAction =
  | 'getSecret/action'
  | 'setSecret/action'
  | 'update/action'
  | 'readMetadata/action'

/** What each built-in role allows on secrets (Azure built-in roles, "Security" section). */
const ROLE_ACTIONS: Record<KeyVaultRole, readonly SecretAction[]> = {
  'Key Vault Administrator': [
    'getSecret/action',
    'setSecret/action',
    'update/action',
    'readMetadata/action'
  ],
  'Key Vault Secrets Officer': [
    'getSecret/action',
    'setSecret/action',
    'update/action',
    'readMetadata/action'
  ],
  'Key Vault Secrets User': ['getSecret/action', 'readMetadata/action'],
  'Key Vault Reader': ['readMetadata/action']
}

/** One role assignment at vault scope: a principal (service principal object id or client id) and a role. */
export interface KeyVaultRoleAssignment {
  /** The principal's object id (`oid`) or application (client) id (`appid`). */
  principalId: string
  role: KeyVaultRole
}

/** One stored secret version. */
export interface StoredSecretVersion {
  version: string
  value: string
  contentType?: string
  tags: Record<string, string>
  enabled: boolean
  /** Epoch seconds. */
  created: number
  updated: number
}

export interface KeyVaultEmulatorOptions {
  tls: KeyPairPem
  log: RequestLog
  /**
   * Checks bearer tokens (`verify(token, KEY_VAULT_SCOPE)`) and gives the authority in the 401 challenge;
   * omit only in unit tests (any bearer accepted, challenge names `tenantId`, RBAC not checked).
   */
  entra?: Pick<EntraEmulator, 'verify' | 'url' | 'tenantId'>
  /** Vault name (the emulator serves one vault at its root URL). */
  name: string
  /** Tenant named in the challenge when `entra` is omitted. */
  tenantId?: string
  /** Secrets to create at start. */
  secrets?: Record<string, string>
  /**
   * Role assignments of the vault (RBAC permission model). Omitted: every authenticated caller holds
   * Key Vault Secrets Officer (a vault whose owner granted it to everyone the sandbox issues tokens to).
   */
  roleAssignments?: KeyVaultRoleAssignment[]
  /** ARM id of the vault, named in 403 answers; default under an all-zero subscription. */
  resourceId?: string
}

export interface KeyVaultEmulator {
  /** `https://127.0.0.1:<port>`: the `vaultUrl` for `SecretClient`. */
  url: string
  name: string
  /** All versions of a secret, oldest first (empty when absent). */
  versions(name: string): StoredSecretVersion[]
  /** The latest version's value, or undefined. */
  value(name: string): string | undefined
  /** Creates a new version (as `setSecret` would). */
  set(
    name: string,
    value: string,
    tags?: Record<string, string>
  ): StoredSecretVersion
  /** Enables or disables a version (as UpdateSecret with `attributes.enabled` would). */
  setEnabled(name: string, version: string, enabled: boolean): void
  /** The vault's role assignments (add or remove to change what callers may do). */
  roleAssignments: KeyVaultRoleAssignment[] | undefined
  /** Faults the next matching requests meet (`on`: a lower-case HTTP method or `any`), in Key Vault's error body. */
  faults: FaultQueue
  close(): Promise<void>
}

function kvError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
  innerCode?: string
): void {
  sendJson(
    res,
    status,
    {
      error: {
        code,
        message,
        ...(innerCode ? { innererror: { code: innerCode } } : {})
      }
    },
    headers
  )
}

/** `maxresults` of the list operations: 1–25, default 25 (KeyVault 7.x `maxresults` minimum 1, maximum 25). */
function maxResults(url: URL): number | string {
  const raw = url.searchParams.get('maxresults')
  if (raw === null || raw === '') return 25
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 1 || n > 25)
    return `The value '${raw}' of parameter maxresults is not in the range 1 to 25.`
  return n
}

/**
 * Starts a Key Vault secrets emulator (data plane 7.x as `@azure/keyvault-secrets` 4.x calls it), following
 * Azure/azure-rest-api-specs specification/keyvault/data-plane/Microsoft.KeyVault/stable/7.5/secrets.json:
 * the challenge-based bearer flow (401 + `WWW-Authenticate: Bearer authorization=…, resource=…`); a required
 * `api-version` among {@link KEY_VAULT_API_VERSIONS} (400 `BadParameter` otherwise); role-based access (403
 * `Forbidden` with inner `ForbiddenByRbac` naming caller, action and resource); `PUT /secrets/{name}` (a new
 * version each time), `PATCH /secrets/{name}/{version}` (UpdateSecret: enabled, contentType, tags; no value in
 * the answer), `GET /secrets/{name}[/{version}]` (403 `Forbidden` / `SecretDisabled` for a disabled version),
 * `GET /secrets/{name}/versions` and `GET /secrets` paged by `maxresults` (1–25) with `nextLink`. Errors use
 * Key Vault's `{"error":{"code","message"}}`; `tags` appear only when a version has some.
 * @see https://learn.microsoft.com/rest/api/keyvault/secrets
 */
export async function startKeyVaultEmulator(
  options: KeyVaultEmulatorOptions
): Promise<KeyVaultEmulator> {
  const store = new Map<string, StoredSecretVersion[]>()
  const faults = new FaultQueue()
  const vaultResource =
    options.resourceId ??
    `/subscriptions/00000000-0000-0000-0000-000000000000/resourcegroups/sandbox/providers/microsoft.keyvault/vaults/${options.name}`
  let base = ''
  const sendFault = faultSender(
    {
      throttle: {
        code: 'Throttled',
        message:
          'Request was not processed because too many requests were received. Reason: VaultRequestTypeLimitReached'
      },
      error: {
        code: 'InternalServerError',
        message: 'An unexpected error occurred.'
      }
    },
    (res, status, { code, message }, headers) =>
      kvError(res, status, code, message, headers)
  )

  const set = (
    name: string,
    value: string,
    tags: Record<string, string> = {},
    contentType?: string
  ): StoredSecretVersion => {
    const now = Math.floor(Date.now() / 1000)
    const version: StoredSecretVersion = {
      version: randomBytes(16).toString('hex'),
      value,
      tags,
      enabled: true,
      created: now,
      updated: now,
      ...(contentType !== undefined ? { contentType } : {})
    }
    const list = store.get(name.toLowerCase()) ?? []
    list.push(version)
    store.set(name.toLowerCase(), list)
    return version
  }
  for (const [name, value] of Object.entries(options.secrets ?? {}))
    set(name, value)

  const attributes = (v: StoredSecretVersion) => ({
    enabled: v.enabled,
    created: v.created,
    updated: v.updated,
    recoveryLevel: 'Recoverable+Purgeable',
    recoverableDays: 90
  })
  const item = (name: string, v: StoredSecretVersion) => ({
    id: `${base}/secrets/${name}/${v.version}`,
    attributes: attributes(v),
    ...(Object.keys(v.tags).length > 0 ? { tags: v.tags } : {}),
    ...(v.contentType !== undefined ? { contentType: v.contentType } : {})
  })
  const bundle = (name: string, v: StoredSecretVersion) => ({
    value: v.value,
    ...item(name, v)
  })

  /** One page of `items` from `$skiptoken` (an index), with `nextLink` when more follow. */
  const page = <T>(
    res: ServerResponse,
    url: URL,
    path: string,
    items: T[],
    apiVersion: string
  ) => {
    const n = maxResults(url)
    if (typeof n === 'string') {
      kvError(res, 400, 'BadParameter', n)
      return
    }
    const skip = Number(url.searchParams.get('$skiptoken') ?? '0')
    const start = Number.isInteger(skip) && skip >= 0 ? skip : 0
    const value = items.slice(start, start + n)
    const more = start + n < items.length
    sendJson(res, 200, {
      value,
      nextLink: more
        ? `${base}${path}?api-version=${apiVersion}&$skiptoken=${start + n}&maxresults=${n}`
        : null
    })
  }

  const challenge = () => {
    const authority = options.entra
      ? `${options.entra.url}/${options.entra.tenantId}`
      : `https://login.microsoftonline.com/${options.tenantId ?? 'common'}`
    return {
      'www-authenticate': `Bearer authorization="${authority}", resource="https://vault.azure.net"`
    }
  }

  /** Whether the caller may do `action` on `secret`; otherwise answers 403 ForbiddenByRbac. */
  const allowed = (
    res: ServerResponse,
    caller: VerifiedEntraToken | undefined,
    action: SecretAction,
    secret: string
  ): boolean => {
    if (!caller || !options.roleAssignments) return true
    const roles = options.roleAssignments
      .filter(
        (a) =>
          a.principalId === caller.objectId || a.principalId === caller.clientId
      )
      .map((a) => a.role)
    if (roles.some((r) => ROLE_ACTIONS[r].includes(action))) return true
    kvError(
      res,
      403,
      'Forbidden',
      [
        'Caller is not authorized to perform action on resource.',
        'If role assignments, deny assignments or role definitions were changed recently, please observe propagation time.',
        `Caller: appid=${caller.clientId};oid=${caller.objectId};iss=https://sts.windows.net/${caller.tenantId}/`,
        `Action: 'Microsoft.KeyVault/vaults/secrets/${action}'`,
        `Resource: '${vaultResource}/secrets/${secret.toLowerCase()}'`,
        'Assignment: (not found)',
        'DenyAssignmentId: null',
        'DecisionReason: null ',
        `Vault: ${options.name};location=sandbox`,
        ''
      ].join('\r\n'),
      {},
      'ForbiddenByRbac'
    )
    return false
  }

  const handler = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'https://vault.local')
    const token = bearerToken(req)
    if (!token) {
      await readBody(req)
      kvError(
        res,
        401,
        'Unauthorized',
        'AKV10000: Request is missing a Bearer or PoP token.',
        challenge()
      )
      return
    }
    const caller = options.entra?.verify(token, KEY_VAULT_SCOPE)
    if (options.entra && !caller) {
      await readBody(req)
      kvError(
        res,
        401,
        'Unauthorized',
        'AKV10022: Invalid audience or expired token.',
        challenge()
      )
      return
    }
    const method = req.method ?? 'GET'
    const apiVersion = url.searchParams.get('api-version')
    if (!apiVersion) {
      await readBody(req)
      kvError(
        res,
        400,
        'BadParameter',
        `The api-version query parameter is missing; specify one, e.g. api-version=${LATEST_API_VERSION}.`
      )
      return
    }
    if (!(KEY_VAULT_API_VERSIONS as readonly string[]).includes(apiVersion)) {
      await readBody(req)
      kvError(
        res,
        400,
        'BadParameter',
        `The specified version (${apiVersion}) is not recognized. Consider using the latest supported version (${LATEST_API_VERSION}).`
      )
      return
    }
    if (faults.answer(res, method.toLowerCase(), sendFault)) return
    const parts = url.pathname
      .split('/')
      .filter(Boolean)
      .map(decodeURIComponent)
    if (parts[0] !== 'secrets') {
      kvError(
        res,
        404,
        'NotFound',
        `The emulator does not serve ${url.pathname}.`
      )
      return
    }
    if (parts.length === 1) {
      if (method !== 'GET') {
        kvError(
          res,
          405,
          'MethodNotAllowed',
          `${method} /secrets is not supported.`
        )
        return
      }
      if (!allowed(res, caller, 'readMetadata/action', '')) return
      page(
        res,
        url,
        '/secrets',
        [...store.entries()].flatMap(([name, list]) => {
          const latest = list[list.length - 1]
          return latest
            ? [{ ...item(name, latest), id: `${base}/secrets/${name}` }]
            : []
        }),
        apiVersion
      )
      return
    }
    const name = parts[1] ?? ''
    if (!KEY_VAULT_SECRET_NAME.test(name)) {
      kvError(
        res,
        400,
        'BadParameter',
        `The request URI contains an invalid name: ${name}. Secret names are 1-127 characters: letters, digits and dashes.`
      )
      return
    }
    const versions = store.get(name.toLowerCase()) ?? []
    const notFound = (wanted: string | undefined) =>
      kvError(
        res,
        404,
        'SecretNotFound',
        `A secret with (name/id) ${name}${wanted ? `/${wanted}` : ''} was not found in this key vault. If you recently deleted this secret you may be able to recover it using the correct recovery command.`
      )
    if (method === 'PUT' && parts.length === 2) {
      if (!allowed(res, caller, 'setSecret/action', name)) return
      let body: { value?: unknown; tags?: unknown; contentType?: unknown }
      try {
        body = (await readJson(req)) ?? {}
      } catch {
        kvError(res, 400, 'BadParameter', 'The request body is not valid JSON.')
        return
      }
      if (typeof body.value !== 'string') {
        kvError(res, 400, 'BadParameter', 'Property value is required.')
        return
      }
      const v = set(
        name,
        body.value,
        stringTags(body.tags),
        typeof body.contentType === 'string' ? body.contentType : undefined
      )
      sendJson(res, 200, bundle(name, v))
      return
    }
    if (method === 'PATCH' && parts.length <= 3 && parts[2] !== 'versions') {
      if (!allowed(res, caller, 'update/action', name)) return
      let body: {
        attributes?: { enabled?: unknown }
        tags?: unknown
        contentType?: unknown
      }
      try {
        body = (await readJson(req)) ?? {}
      } catch {
        kvError(res, 400, 'BadParameter', 'The request body is not valid JSON.')
        return
      }
      const wanted = parts[2]
      const found = wanted
        ? versions.find((v) => v.version === wanted)
        : versions.at(-1)
      if (!found) return notFound(wanted)
      if (typeof body.attributes?.enabled === 'boolean')
        found.enabled = body.attributes.enabled
      if (body.tags !== undefined) found.tags = stringTags(body.tags)
      if (typeof body.contentType === 'string')
        found.contentType = body.contentType
      found.updated = Math.floor(Date.now() / 1000)
      // UpdateSecret answers the SecretBundle without its value.
      sendJson(res, 200, item(name, found))
      return
    }
    if (method !== 'GET') {
      await readBody(req)
      kvError(
        res,
        405,
        'MethodNotAllowed',
        `${method} is not supported by the emulator.`
      )
      return
    }
    if (parts[2] === 'versions' && parts.length === 3) {
      if (!allowed(res, caller, 'readMetadata/action', name)) return
      page(
        res,
        url,
        `/secrets/${name}/versions`,
        versions.map((v) => item(name, v)),
        apiVersion
      )
      return
    }
    if (!allowed(res, caller, 'getSecret/action', name)) return
    const wanted = parts[2]
    const found =
      wanted === undefined || wanted === ''
        ? versions[versions.length - 1]
        : versions.find((v) => v.version === wanted)
    if (!found) return notFound(wanted)
    if (!found.enabled) {
      kvError(
        res,
        403,
        'Forbidden',
        'Operation get is not allowed on a disabled secret.',
        {},
        'SecretDisabled'
      )
      return
    }
    sendJson(res, 200, bundle(name, found))
  }

  const server = await serveEmulator('keyvault', options, handler)
  base = server.url
  return {
    url: server.url,
    name: options.name,
    versions: (name) => [...(store.get(name.toLowerCase()) ?? [])],
    value: (name) => store.get(name.toLowerCase())?.at(-1)?.value,
    set: (name, value, tags) => set(name, value, tags),
    setEnabled(name, version, enabled) {
      const v = store
        .get(name.toLowerCase())
        ?.find((x) => x.version === version)
      if (!v) throw new Error(`secret ${name}/${version} does not exist`)
      v.enabled = enabled
    },
    roleAssignments: options.roleAssignments,
    faults,
    close: () => server.close()
  }
}

/** Tags as Key Vault keeps them: string values only. */
function stringTags(tags: unknown): Record<string, string> {
  return tags && typeof tags === 'object'
    ? Object.fromEntries(
        Object.entries(tags as Record<string, unknown>).map(([k, v]) => [
          k,
          String(v)
        ])
      )
    : {}
}
