import { randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { EntraEmulator } from '../entra/index.js'
import { FaultQueue, type Fault } from '../http/faults.js'
import {
  bearerToken,
  readBody,
  readJson,
  sendJson,
  startServer,
  type RequestLog
} from '../http/server.js'
import type { KeyPairPem } from '../http/tls.js'

/** The data-plane audience Key Vault tokens are issued for. */
export const KEY_VAULT_SCOPE = 'https://vault.azure.net/.default'

/** Key Vault object names: 1–127 characters, letters, digits and hyphens. */
export const KEY_VAULT_SECRET_NAME = /^[0-9a-zA-Z-]{1,127}$/

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
   * omit only in unit tests (any bearer accepted, challenge names `tenantId`).
   */
  entra?: Pick<EntraEmulator, 'verify' | 'url' | 'tenantId'>
  /** Vault name (cosmetic: the emulator serves one vault at its root URL). */
  name: string
  /** Tenant named in the challenge when `entra` is omitted. */
  tenantId?: string
  /** Secrets to create at start. */
  secrets?: Record<string, string>
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
  /** Faults the next matching requests meet (`on`: a lower-case HTTP method or `any`), in Key Vault's error body. */
  faults: FaultQueue
  close(): Promise<void>
}

function kvError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {}
): void {
  sendJson(res, status, { error: { code, message } }, headers)
}

/**
 * Starts a Key Vault secrets emulator (REST API 7.x as `@azure/keyvault-secrets` 4.x calls it): the
 * challenge-based bearer flow (401 + `WWW-Authenticate: Bearer authorization=…, resource=…`), `PUT
 * /secrets/{name}` (a new version each time), `GET /secrets/{name}[/{version}]`, `GET /secrets/{name}/versions`
 * and `GET /secrets`. Errors use Key Vault's `{"error":{"code","message"}}` (`SecretNotFound`, `BadParameter`,
 * `Unauthorized`).
 * @see https://learn.microsoft.com/rest/api/keyvault/secrets
 */
export async function startKeyVaultEmulator(
  options: KeyVaultEmulatorOptions
): Promise<KeyVaultEmulator> {
  const store = new Map<string, StoredSecretVersion[]>()
  const faults = new FaultQueue()
  let base = ''
  const sendFault = (
    res: ServerResponse,
    status: number,
    fault: Fault,
    headers: Record<string, string>
  ) =>
    kvError(
      res,
      status,
      fault.code ?? (status === 429 ? 'Throttled' : 'InternalServerError'),
      fault.message ??
        (status === 429
          ? 'Request was not processed because too many requests were received. Reason: VaultRequestTypeLimitReached'
          : 'An unexpected error occurred.'),
      headers
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
    tags: v.tags,
    ...(v.contentType !== undefined ? { contentType: v.contentType } : {})
  })
  const bundle = (name: string, v: StoredSecretVersion) => ({
    value: v.value,
    ...item(name, v)
  })

  const challenge = () => {
    const authority = options.entra
      ? `${options.entra.url}/${options.entra.tenantId}`
      : `https://login.microsoftonline.com/${options.tenantId ?? 'common'}`
    return {
      'www-authenticate': `Bearer authorization="${authority}", resource="https://vault.azure.net"`
    }
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
    if (options.entra && !options.entra.verify(token, KEY_VAULT_SCOPE)) {
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
      sendJson(res, 200, {
        value: [...store.entries()].flatMap(([name, list]) => {
          const latest = list[list.length - 1]
          return latest
            ? [{ ...item(name, latest), id: `${base}/secrets/${name}` }]
            : []
        }),
        nextLink: null
      })
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
    if (method === 'PUT' && parts.length === 2) {
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
      const tags =
        body.tags && typeof body.tags === 'object'
          ? Object.fromEntries(
              Object.entries(body.tags as Record<string, unknown>).map(
                ([k, v]) => [k, String(v)]
              )
            )
          : {}
      const v = set(
        name,
        body.value,
        tags,
        typeof body.contentType === 'string' ? body.contentType : undefined
      )
      sendJson(res, 200, bundle(name, v))
      return
    }
    if (method !== 'GET') {
      kvError(
        res,
        405,
        'MethodNotAllowed',
        `${method} is not supported by the emulator.`
      )
      return
    }
    if (parts[2] === 'versions' && parts.length === 3) {
      sendJson(res, 200, {
        value: versions.map((v) => item(name, v)),
        nextLink: null
      })
      return
    }
    const wanted = parts[2]
    const found =
      wanted === undefined || wanted === ''
        ? versions[versions.length - 1]
        : versions.find((v) => v.version === wanted)
    if (!found) {
      kvError(
        res,
        404,
        'SecretNotFound',
        `A secret with (name/id) ${name}${wanted ? `/${wanted}` : ''} was not found in this key vault. If you recently deleted this secret you may be able to recover it using the correct recovery command.`
      )
      return
    }
    sendJson(res, 200, bundle(name, found))
  }

  const server = await startServer({
    name: 'keyvault',
    tls: options.tls,
    log: options.log,
    handler
  })
  base = server.url
  return {
    url: server.url,
    name: options.name,
    versions: (name) => [...(store.get(name.toLowerCase()) ?? [])],
    value: (name) => store.get(name.toLowerCase())?.at(-1)?.value,
    set: (name, value, tags) => set(name, value, tags),
    faults,
    close: () => server.close()
  }
}
