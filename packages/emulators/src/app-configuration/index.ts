import {
  createHash,
  createHmac,
  randomBytes,
  timingSafeEqual
} from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { EntraEmulator, VerifiedEntraToken } from '../entra/index.js'
import { FaultQueue, type Fault } from '../http/faults.js'
import {
  bearerToken,
  readBody,
  startServer,
  type RequestLog
} from '../http/server.js'
import type { KeyPairPem } from '../http/tls.js'

/**
 * Audiences App Configuration data-plane tokens are issued for: `@azure/app-configuration` derives the scope from the
 * endpoint host (`*.azconfig.io` → `https://azconfig.io/.default`, `*.appconfig.io` → `https://appconfig.io/.default`,
 * any other host → `https://appconfig.azure.com/.default`; Azure/azure-sdk-for-js
 * sdk/appconfiguration/app-configuration/src/internal/helpers.ts `getScope`).
 */
export const APP_CONFIGURATION_SCOPES = [
  'https://azconfig.io/.default',
  'https://appconfig.io/.default',
  'https://appconfig.azure.com/.default'
] as const

/**
 * Data-plane api-versions the emulator serves: `1.0` and the dated versions of Azure/azure-rest-api-specs
 * specification/appconfiguration/data-plane (`@azure/app-configuration` 1.13 sends 2026-04-01).
 */
export const APP_CONFIGURATION_API_VERSIONS = [
  '1.0',
  '2022-11-01-preview',
  '2023-05-01-preview',
  '2023-10-01',
  '2023-11-01',
  '2024-09-01',
  '2026-04-01'
] as const

/** Key prefix and content type of feature flags (Azure/AppConfiguration docs/FeatureManagement). */
export const FEATURE_FLAG_PREFIX = '.appconfig.featureflag/'
export const FEATURE_FLAG_CONTENT_TYPE =
  'application/vnd.microsoft.appconfig.ff+json;charset=utf-8'

/**
 * Revision history by pricing tier: 7 days on Free and Developer, 30 days on Standard and Premium
 * (learn.microsoft.com/azure/azure-app-configuration/concept-point-time-snapshot).
 */
export const APP_CONFIGURATION_RETENTION_DAYS = {
  free: 7,
  developer: 7,
  standard: 30,
  premium: 30
} as const
export type AppConfigurationSku = keyof typeof APP_CONFIGURATION_RETENTION_DAYS

/** Largest page of `/kv` and `/revisions` (the service pages at 100 items). */
const PAGE_SIZE = 100

/** One revision of a key-value, as the data plane returns it (snake_case fields of the REST API). */
export interface KeyValueRevision {
  etag: string
  key: string
  /** `null`: the key-value has no label. */
  label: string | null
  content_type: string | null
  value: string | null
  tags: Record<string, string>
  locked: boolean
  /** UTC ISO-8601. */
  last_modified: string
  /** True for the revision a DELETE left (the key-value is absent from then on). */
  deleted?: boolean
}

/** What a seeded key-value holds. */
export interface KeyValueSeed {
  key: string
  label?: string | null
  value: string
  contentType?: string | null
  tags?: Record<string, string>
  /** When the value was written (default: now); lets a scenario keep history. */
  lastModified?: Date
}

/**
 * An access key of the store (the `Id` and `Secret` of a connection string): HMAC-SHA256 requests are signed with the
 * base64-decoded secret.
 */
export interface AppConfigurationAccessKey {
  id: string
  /** Base64. */
  secret: string
  readOnly?: boolean
}

/** Azure built-in data-plane roles for App Configuration. */
export type AppConfigurationRole =
  'App Configuration Data Owner' | 'App Configuration Data Reader'

/**
 * Fault kinds beyond the shared `throttle` / `http-error`: `concurrent-write` lets another client change the addressed
 * key-value (a new value, hence a new ETag) just before the matching PUT or DELETE is processed, as a concurrent
 * operator would; its `on` is `put`, `delete`, or one key-value as `put:<key>` / `delete:<key>`.
 */
export type AppConfigurationFault = Fault

export interface AppConfigurationEmulatorOptions {
  tls: KeyPairPem
  log: RequestLog
  /** Verifies bearer tokens against {@link APP_CONFIGURATION_SCOPES}; omit only in unit tests (any bearer accepted). */
  entra?: Pick<EntraEmulator, 'verify'>
  /** Store name (named in errors and the sandbox's env). */
  name: string
  /** Pricing tier: decides the revision retention (default `standard`, 30 days). */
  sku?: AppConfigurationSku
  /** Access keys for HMAC-SHA256 requests (none: HMAC requests are refused as the service does with unknown ids). */
  accessKeys?: AppConfigurationAccessKey[]
  /**
   * Data-plane role assignments by client id (`appid`) or object id (`oid`). Omitted: every caller Entra issues a
   * token to is App Configuration Data Owner.
   */
  roleAssignments?: { principalId: string; role: AppConfigurationRole }[]
  /** Key-values to create at start, oldest first. */
  seed?: KeyValueSeed[]
  /** Clock (tests move it); default `Date.now`. */
  now?: () => number
}

export interface AppConfigurationEmulator {
  /** `https://127.0.0.1:<port>`: the endpoint for `AppConfigurationClient`. */
  url: string
  name: string
  retentionDays: number
  /** The current key-value (undefined when absent or deleted). */
  get(key: string, label?: string | null): KeyValueRevision | undefined
  /** Writes a key-value as a client would (a new revision and ETag). */
  set(seed: KeyValueSeed): KeyValueRevision
  /** Locks or unlocks a key-value as `PUT`/`DELETE /locks/{key}` would (a new revision). */
  setLocked(key: string, label: string | null, locked: boolean): void
  /** Deletes a key-value as a client would (a delete revision), at `at` (default now). */
  remove(key: string, label?: string | null, at?: Date): void
  /** Every revision of a key-value, oldest first (deletes included). */
  revisions(key: string, label?: string | null): KeyValueRevision[]
  /** A connection string for one of `accessKeys` (for HMAC tests; the actions refuse connection strings). */
  connectionString(id: string): string
  faults: FaultQueue<AppConfigurationFault>
  close(): Promise<void>
}

/** RFC 7807 problem, as App Configuration words its errors (rest-api-key-value, "Errors"). */
function problem(
  res: ServerResponse,
  status: number,
  body: { type: string; title: string; name?: string; detail?: string },
  headers: Record<string, string> = {}
): void {
  const text = JSON.stringify({ ...body, status })
  res.writeHead(status, {
    'content-type': 'application/problem+json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...headers
  })
  res.end(text)
}

const invalidArgument = (res: ServerResponse, name: string, detail: string) =>
  problem(res, 400, {
    type: 'https://azconfig.io/errors/invalid-argument',
    title: 'Invalid request parameter',
    name,
    detail
  })

/** Splits a key or label filter on unescaped commas and unescapes `\x` (rest-api-key-value, "Filtering"). */
function parseFilter(
  raw: string
): { exact: string[] } | { prefix: string } | { any: true } | string {
  if (raw === '' || raw === '*') return { any: true }
  const parts: string[] = []
  const wildcard: boolean[] = []
  let current = ''
  let star = false
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i] as string
    if (c === '\\') {
      const next = raw[i + 1]
      if (next === undefined) return 'Invalid escape character'
      current += next
      i++
    } else if (c === ',') {
      parts.push(current)
      wildcard.push(star)
      current = ''
      star = false
    } else if (c === '*') {
      if (i !== raw.length - 1 && raw[i + 1] !== ',')
        return 'Only a trailing wildcard is supported'
      star = true
    } else current += c
  }
  parts.push(current)
  wildcard.push(star)
  if (parts.length > 5) return 'Up to 5 comma-separated values are supported'
  if (wildcard.some(Boolean)) {
    if (parts.length > 1)
      return 'A wildcard cannot be combined with comma-separated values'
    return { prefix: parts[0] ?? '' }
  }
  return { exact: parts }
}

function matchFilter(
  filter: ReturnType<typeof parseFilter> & object,
  value: string
): boolean {
  if ('any' in filter) return true
  if ('prefix' in filter) return value.startsWith(filter.prefix)
  return filter.exact.includes(value)
}

/** Parses `Accept-Datetime`: RFC 1123 (the docs) or ISO-8601 (what the JS SDK sends). */
function parseDatetime(text: string): number | undefined {
  const ms = Date.parse(text)
  return Number.isNaN(ms) ? undefined : ms
}

/** ETag header value or If-Match token without quotes or the weak prefix. */
function bareEtag(v: string): string {
  return v
    .trim()
    .replace(/^W\//, '')
    .replace(/^"(.*)"$/, '$1')
}

const SELECTABLE = [
  'key',
  'label',
  'content_type',
  'value',
  'last_modified',
  'tags',
  'locked',
  'etag'
] as const

/**
 * Starts an Azure App Configuration data-plane emulator speaking what `@azure/app-configuration` 1.13 sends
 * (Azure/azure-rest-api-specs specification/appconfiguration/data-plane; MicrosoftDocs azure-docs
 * rest-api-key-value.md, rest-api-revisions.md, rest-api-authentication-azure-ad.md / -hmac.md, rest-api-throttling.md):
 * TLS only; Entra bearer tokens (audiences {@link APP_CONFIGURATION_SCOPES}) or HMAC-SHA256 signed requests, 401 with
 * `WWW-Authenticate: HMAC-SHA256, Bearer`; a required, known `api-version`; query names case-insensitive;
 * `GET|HEAD|PUT|DELETE /kv/{key}` (`label` absent = no label), `GET /kv` and `GET /revisions` with key/label filters
 * (exact, CSV of up to 5, trailing `*`, `\0` for no label, backslash escapes), `$select`, `tags`, paging by
 * `@nextLink`; `If-Match` / `If-None-Match` (412, 304); `PUT|DELETE /locks/{key}` and 409 on locked key-values;
 * `Accept-Datetime` reconstructing the store from its revisions (answered with `Memento-Datetime`) and a revision
 * history limited to the tier's retention; faults as problem+json with `retry-after-ms`.
 */
export async function startAppConfigurationEmulator(
  options: AppConfigurationEmulatorOptions
): Promise<AppConfigurationEmulator> {
  const now = options.now ?? Date.now
  const retentionDays =
    APP_CONFIGURATION_RETENTION_DAYS[options.sku ?? 'standard']
  const history: KeyValueRevision[] = []
  const faults = new FaultQueue<AppConfigurationFault>()
  const keys = options.accessKeys ?? []

  const id = (key: string, label: string | null) =>
    `${key}\u0000${label ?? '\u0000'}`
  const retentionStart = () => now() - retentionDays * 86_400_000
  /** Revisions still kept (older ones fall out of the retention window). */
  const kept = () => {
    const start = retentionStart()
    // The newest revision of each key-value is its current state and is kept regardless of age.
    const latest = new Map<string, KeyValueRevision>()
    for (const r of history) latest.set(id(r.key, r.label), r)
    return history.filter(
      (r) =>
        Date.parse(r.last_modified) >= start ||
        (latest.get(id(r.key, r.label)) === r && !r.deleted)
    )
  }
  /**
   * State of every key-value at `at` (epoch ms), or now. Before the retention window the service has no history:
   * nothing is returned.
   */
  const stateAt = (at?: number): KeyValueRevision[] => {
    const map = new Map<string, KeyValueRevision>()
    if (at !== undefined && at < retentionStart()) return []
    for (const r of history)
      if (at === undefined || Date.parse(r.last_modified) <= at)
        map.set(id(r.key, r.label), r)
    return [...map.values()]
      .filter((r) => !r.deleted)
      .sort((a, b) =>
        a.key === b.key
          ? (a.label ?? '').localeCompare(b.label ?? '')
          : a.key < b.key
            ? -1
            : 1
      )
  }
  const current = (key: string, label: string | null) =>
    stateAt().find((r) => r.key === key && r.label === label)

  const write = (
    base: Omit<KeyValueRevision, 'etag' | 'last_modified'>,
    at?: number
  ): KeyValueRevision => {
    const last = history.at(-1)
    // Keep revisions in time order even when two writes land in the same millisecond.
    const t = Math.max(
      at ?? now(),
      last && at === undefined ? Date.parse(last.last_modified) : 0
    )
    const rev: KeyValueRevision = {
      ...base,
      etag: randomBytes(20).toString('base64url'),
      last_modified: new Date(t).toISOString()
    }
    // History stays in time order (seeded past writes may arrive after later ones).
    const after = history.findIndex((r) => Date.parse(r.last_modified) > t)
    if (after < 0) history.push(rev)
    else history.splice(after, 0, rev)
    return rev
  }
  const set = (seed: KeyValueSeed): KeyValueRevision =>
    write(
      {
        key: seed.key,
        label: seed.label ?? null,
        content_type: seed.contentType ?? null,
        value: seed.value,
        tags: seed.tags ?? {},
        locked: false
      },
      seed.lastModified?.getTime()
    )
  for (const s of options.seed ?? []) set(s)

  const projection = (r: KeyValueRevision, select?: string[]) => {
    const full: Record<string, unknown> = {
      etag: r.etag,
      key: r.key,
      label: r.label,
      content_type: r.content_type,
      value: r.value,
      tags: r.tags,
      locked: r.locked,
      last_modified: r.last_modified
    }
    if (!select) return full
    return Object.fromEntries(select.map((f) => [f, full[f]]))
  }

  const kvHeaders = (r: KeyValueRevision) => ({
    etag: `W/"${r.etag}"`,
    'last-modified': new Date(r.last_modified).toUTCString()
  })

  const sendBody = (
    res: ServerResponse,
    status: number,
    contentType: string,
    body: unknown,
    headers: Record<string, string> = {},
    head = false
  ) => {
    const text = JSON.stringify(body)
    res.writeHead(status, {
      'content-type': `${contentType}; charset=utf-8`,
      'content-length': Buffer.byteLength(text),
      ...headers
    })
    res.end(head ? undefined : text)
  }

  const unauthorized = (res: ServerResponse, challenge: string) =>
    problem(
      res,
      401,
      {
        type: 'https://azconfig.io/errors/unauthorized',
        title: 'Unauthorized'
      },
      { 'www-authenticate': challenge }
    )

  /** Verifies an HMAC-SHA256 request (rest-api-authentication-hmac); returns the key, or answers 401. */
  const verifyHmac = (
    req: IncomingMessage,
    res: ServerResponse,
    body: Buffer,
    header: string
  ): AppConfigurationAccessKey | undefined => {
    const fail = (description: string) => {
      unauthorized(
        res,
        `HMAC-SHA256 error="invalid_token" error_description="${description}", Bearer`
      )
      return undefined
    }
    const params = new Map<string, string>()
    for (const part of header.replace(/^HMAC-SHA256\s+/i, '').split(/&|,\s*/)) {
      const eq = part.indexOf('=')
      if (eq > 0) params.set(part.slice(0, eq).trim(), part.slice(eq + 1))
    }
    const credential = params.get('Credential')
    const signedHeaders = params.get('SignedHeaders')
    const signature = params.get('Signature')
    if (!credential) return fail('Credential is required')
    if (!signedHeaders) return fail('SignedHeaders is required')
    if (!signature) return fail('Signature is required')
    const key = keys.find((k) => k.id === credential)
    if (!key) return fail('Invalid Credential')
    const names = signedHeaders.toLowerCase().split(';')
    for (const required of ['host', 'x-ms-content-sha256'])
      if (!names.includes(required))
        return fail(`${required} is required as a signed header`)
    if (!names.includes('x-ms-date') && !names.includes('date'))
      return fail('x-ms-date or date is required as a signed header')
    const values: string[] = []
    for (const name of names) {
      const v = req.headers[name]
      if (typeof v !== 'string')
        return fail(`Signed request header '${name}' is not provided`)
      values.push(v)
    }
    const dateText = req.headers['x-ms-date'] ?? req.headers.date ?? ''
    const date = Date.parse(String(dateText))
    if (Number.isNaN(date)) return fail('Invalid access token date')
    if (Math.abs(now() - date) > 15 * 60_000)
      return fail('The access token has expired')
    const contentHash = createHash('sha256').update(body).digest('base64')
    if (req.headers['x-ms-content-sha256'] !== contentHash)
      return fail('Invalid content hash')
    const toSign = `${req.method ?? 'GET'}\n${req.url ?? '/'}\n${values.join(';')}`
    const expected = createHmac('sha256', Buffer.from(key.secret, 'base64'))
      .update(toSign)
      .digest()
    const given = Buffer.from(signature, 'base64')
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      return fail('Invalid Signature')
    return key
  }

  type Caller =
    | { kind: 'bearer'; token: VerifiedEntraToken | undefined }
    | { kind: 'hmac'; key: AppConfigurationAccessKey }

  const mayWrite = (caller: Caller): boolean => {
    if (caller.kind === 'hmac') return !caller.key.readOnly
    if (!caller.token || !options.roleAssignments) return true
    const t = caller.token
    return options.roleAssignments.some(
      (a) =>
        a.role === 'App Configuration Data Owner' &&
        (a.principalId === t.clientId || a.principalId === t.objectId)
    )
  }
  const mayRead = (caller: Caller): boolean => {
    if (caller.kind === 'hmac' || !caller.token || !options.roleAssignments)
      return true
    const t = caller.token
    return options.roleAssignments.some(
      (a) => a.principalId === t.clientId || a.principalId === t.objectId
    )
  }

  const sendFault = (
    res: ServerResponse,
    status: number,
    fault: Fault,
    headers: Record<string, string>
  ) => {
    const retryMs = String((fault.retryAfterSeconds ?? 0.2) * 1000)
    problem(
      res,
      status,
      status === 429
        ? {
            type: 'https://azconfig.io/errors/too-many-requests',
            title:
              fault.message ??
              'Resource utilization has surpassed the assigned quota'
          }
        : {
            type: fault.code ?? 'https://azconfig.io/errors/internal-error',
            title: fault.message ?? 'Service unavailable'
          },
      status === 429 || status === 503
        ? { ...headers, 'retry-after-ms': retryMs }
        : headers
    )
  }

  let base = ''
  const handler = async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readBody(req)
    const method = (req.method ?? 'GET').toUpperCase()
    const target = req.url ?? '/'
    const q = new Map<string, string[]>()
    const qIndex = target.indexOf('?')
    const pathname = qIndex < 0 ? target : target.slice(0, qIndex)
    for (const [k, v] of new URLSearchParams(
      qIndex < 0 ? '' : target.slice(qIndex + 1)
    )) {
      const name = k.toLowerCase()
      q.set(name, [...(q.get(name) ?? []), v])
    }
    const param = (name: string) => q.get(name)?.[0]

    // Authentication first, as the service does.
    const authorization = req.headers.authorization ?? ''
    let caller: Caller
    if (/^HMAC-SHA256\s/i.test(authorization)) {
      const key = verifyHmac(req, res, body, authorization)
      if (!key) return
      caller = { kind: 'hmac', key }
    } else {
      const token = bearerToken(req)
      if (!token) {
        unauthorized(res, 'HMAC-SHA256, Bearer')
        return
      }
      const verified = options.entra?.verify(token, APP_CONFIGURATION_SCOPES)
      if (options.entra && !verified) {
        unauthorized(
          res,
          'HMAC-SHA256, Bearer error="invalid_token", error_description="Authorization token failed validation"'
        )
        return
      }
      caller = { kind: 'bearer', token: verified }
    }
    const apiVersion = param('api-version')
    if (!apiVersion) {
      invalidArgument(
        res,
        'api-version',
        'The api-version query parameter is required'
      )
      return
    }
    if (
      !(APP_CONFIGURATION_API_VERSIONS as readonly string[]).includes(
        apiVersion
      )
    ) {
      invalidArgument(
        res,
        'api-version',
        `The requested api-version '${apiVersion}' is not supported. Supported versions: ${APP_CONFIGURATION_API_VERSIONS.join(', ')}`
      )
      return
    }
    const isWrite = method === 'PUT' || method === 'DELETE'
    if (!(isWrite ? mayWrite(caller) : mayRead(caller))) {
      problem(res, 403, {
        type: 'https://azconfig.io/errors/forbidden',
        title: 'Forbidden',
        detail: `The caller has no ${isWrite ? 'App Configuration Data Owner' : 'App Configuration Data Reader'} role on store ${options.name}`
      })
      return
    }
    if (faults.answer(res, method.toLowerCase(), sendFault)) return

    const segments = pathname.split('/').filter(Boolean)
    const resource = segments[0] ?? ''
    let key: string
    try {
      key = segments[1] === undefined ? '' : decodeURIComponent(segments[1])
    } catch {
      invalidArgument(res, 'key', 'Invalid key encoding')
      return
    }
    const rawLabel = param('label')
    // Single-item operations: an absent label (or `\0`) addresses the key-value without label.
    const label =
      rawLabel === undefined || rawLabel === '\u0000' ? null : rawLabel
    const select = param('$select')
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean)
    if (select?.some((s) => !(SELECTABLE as readonly string[]).includes(s))) {
      invalidArgument(res, '$select', 'Invalid field name')
      return
    }

    if ((resource === 'kv' || resource === 'locks') && segments.length === 2) {
      if (key === '' || key === '.' || key === '..' || key.includes('%')) {
        invalidArgument(res, 'key', 'Invalid key')
        return
      }
      const concurrent = isWrite
        ? (faults.take('concurrent-write', `${method.toLowerCase()}:${key}`) ??
          faults.take('concurrent-write', method.toLowerCase()))
        : undefined
      if (concurrent) {
        const before = current(key, label)
        if (before)
          write({
            ...before,
            value: `${before.value ?? ''} (changed by another client)`
          })
      }
      const existing = current(key, label)
      const ifMatch = req.headers['if-match']
      const ifNoneMatch = req.headers['if-none-match']
      const preconditionFailed = () =>
        problem(res, 412, {
          type: 'https://azconfig.io/errors/precondition-failed',
          title: 'Precondition failed',
          detail: `The ETag of key-value '${key}' does not match`
        })
      if (ifMatch !== undefined) {
        const wanted = bareEtag(ifMatch)
        if (!existing || (wanted !== '*' && wanted !== existing.etag)) {
          preconditionFailed()
          return
        }
      }
      if (ifNoneMatch !== undefined && existing) {
        const wanted = bareEtag(ifNoneMatch)
        if (wanted === '*' || wanted === existing.etag) {
          if (method === 'GET' || method === 'HEAD') {
            res.writeHead(304, kvHeaders(existing))
            res.end()
          } else preconditionFailed()
          return
        }
      }
      const locked = () =>
        problem(res, 409, {
          type: 'https://azconfig.io/errors/key-locked',
          title: `Modifying key '${key}' is not allowed`,
          name: key,
          detail: 'The key is read-only. To allow modification unlock it first.'
        })
      if (resource === 'locks') {
        if (method !== 'PUT' && method !== 'DELETE') {
          problem(res, 405, {
            type: 'about:blank',
            title: 'Method not allowed'
          })
          return
        }
        if (!existing) {
          problem(res, 404, { type: 'about:blank', title: 'Not Found' })
          return
        }
        const rev = write({ ...existing, locked: method === 'PUT' })
        sendBody(
          res,
          200,
          'application/vnd.microsoft.appconfig.kv+json',
          projection(rev),
          kvHeaders(rev)
        )
        return
      }
      if (method === 'GET' || method === 'HEAD') {
        const acceptDatetime = req.headers['accept-datetime']
        let found = existing
        const extra: Record<string, string> = {}
        if (typeof acceptDatetime === 'string') {
          const at = parseDatetime(acceptDatetime)
          if (at === undefined) {
            invalidArgument(res, 'Accept-Datetime', 'Invalid Accept-Datetime')
            return
          }
          found = stateAt(at).find((r) => r.key === key && r.label === label)
          extra['memento-datetime'] = new Date(at).toUTCString()
        }
        if (!found) {
          problem(res, 404, { type: 'about:blank', title: 'Not Found' }, extra)
          return
        }
        sendBody(
          res,
          200,
          'application/vnd.microsoft.appconfig.kv+json',
          projection(found, select),
          { ...kvHeaders(found), ...extra },
          method === 'HEAD'
        )
        return
      }
      if (method === 'PUT') {
        let parsed: Record<string, unknown>
        try {
          const text = body.toString('utf8')
          parsed = (text === '' ? {} : JSON.parse(text)) as Record<
            string,
            unknown
          >
          if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
            throw new Error('not an object')
        } catch {
          problem(res, 400, {
            type: 'https://azconfig.io/errors/invalid-argument',
            title: 'The request body is not valid JSON'
          })
          return
        }
        if (existing?.locked) {
          locked()
          return
        }
        const tags =
          parsed.tags && typeof parsed.tags === 'object'
            ? Object.fromEntries(
                Object.entries(parsed.tags as Record<string, unknown>).map(
                  ([k, v]) => [k, String(v)]
                )
              )
            : {}
        if (
          parsed.value !== undefined &&
          parsed.value !== null &&
          typeof parsed.value !== 'string'
        ) {
          invalidArgument(res, 'value', 'The value must be a string')
          return
        }
        const rev = write({
          key,
          label,
          content_type:
            typeof parsed.content_type === 'string'
              ? parsed.content_type
              : null,
          value: typeof parsed.value === 'string' ? parsed.value : null,
          tags,
          locked: false
        })
        sendBody(
          res,
          200,
          'application/vnd.microsoft.appconfig.kv+json',
          projection(rev),
          kvHeaders(rev)
        )
        return
      }
      if (method === 'DELETE') {
        if (!existing) {
          res.writeHead(204)
          res.end()
          return
        }
        if (existing.locked) {
          locked()
          return
        }
        write({ ...existing, deleted: true })
        sendBody(
          res,
          200,
          'application/vnd.microsoft.appconfig.kv+json',
          projection(existing),
          kvHeaders(existing)
        )
        return
      }
      problem(res, 405, { type: 'about:blank', title: 'Method not allowed' })
      return
    }

    if (
      (resource === 'kv' || resource === 'revisions') &&
      segments.length === 1
    ) {
      if (method !== 'GET' && method !== 'HEAD') {
        problem(res, 405, { type: 'about:blank', title: 'Method not allowed' })
        return
      }
      if (param('snapshot') !== undefined) {
        invalidArgument(
          res,
          'snapshot',
          'Snapshots are not served by the emulator'
        )
        return
      }
      const keyFilter = parseFilter(param('key') ?? '*')
      if (typeof keyFilter === 'string') {
        invalidArgument(res, 'key', keyFilter)
        return
      }
      const labelRaw = param('label')
      const noLabel = labelRaw === '\u0000'
      const labelFilter = parseFilter(noLabel ? '*' : (labelRaw ?? '*'))
      if (typeof labelFilter === 'string') {
        invalidArgument(res, 'label', labelFilter)
        return
      }
      const tagFilters: [string, string | null][] = []
      for (const t of q.get('tags') ?? []) {
        const eq = t.indexOf('=')
        if (eq <= 0) {
          invalidArgument(res, 'tags', 'Tag filters are name=value')
          return
        }
        const v = t.slice(eq + 1)
        tagFilters.push([t.slice(0, eq), v === '\u0000' ? null : v])
      }
      const acceptDatetime = req.headers['accept-datetime']
      let at: number | undefined
      const extra: Record<string, string> = {}
      if (typeof acceptDatetime === 'string') {
        at = parseDatetime(acceptDatetime)
        if (at === undefined) {
          invalidArgument(res, 'Accept-Datetime', 'Invalid Accept-Datetime')
          return
        }
        extra['memento-datetime'] = new Date(at).toUTCString()
      }
      const matches = (r: KeyValueRevision) =>
        matchFilter(keyFilter, r.key) &&
        (noLabel
          ? r.label === null
          : 'any' in labelFilter ||
            (r.label !== null && matchFilter(labelFilter, r.label))) &&
        tagFilters.every(([n, v]) =>
          v === null ? r.tags[n] === undefined : r.tags[n] === v
        )
      let items: KeyValueRevision[]
      if (resource === 'kv') items = stateAt(at).filter(matches)
      else
        items = kept()
          .filter((r) => at === undefined || Date.parse(r.last_modified) <= at)
          .filter(matches)
          .reverse() // newest first
      const after = Number(param('after') ?? '0')
      const start = Number.isInteger(after) && after > 0 ? after : 0
      const page = items.slice(start, start + PAGE_SIZE)
      const out: Record<string, unknown> = {
        items: page.map((r) => projection(r, select))
      }
      if (start + PAGE_SIZE < items.length) {
        const next = new URLSearchParams()
        next.set('api-version', apiVersion)
        for (const name of ['key', 'label', '$select'])
          if (param(name) !== undefined) next.set(name, param(name) ?? '')
        next.set('after', String(start + PAGE_SIZE))
        const link = `/${resource}?${next.toString()}`
        out['@nextLink'] = link
        extra.link = `<${link}>; rel="next"`
      }
      sendBody(
        res,
        200,
        'application/vnd.microsoft.appconfig.kvset+json',
        out,
        extra,
        method === 'HEAD'
      )
      return
    }
    problem(res, 404, {
      type: 'about:blank',
      title: 'Not Found',
      detail: `The emulator does not serve ${method} ${pathname}`
    })
  }

  const server = await startServer({
    name: 'app-configuration',
    tls: options.tls,
    log: options.log,
    handler
  })
  base = server.url
  return {
    url: server.url,
    name: options.name,
    retentionDays,
    get: (key, label = null) => current(key, label),
    set,
    setLocked(key, label, locked) {
      const existing = current(key, label)
      if (!existing) throw new Error(`key-value ${key} does not exist`)
      write({ ...existing, locked })
    },
    remove(key, label = null, at) {
      const existing = current(key, label)
      if (!existing) throw new Error(`key-value ${key} does not exist`)
      write({ ...existing, deleted: true }, at?.getTime())
    },
    revisions: (key, label = null) =>
      history.filter((r) => r.key === key && r.label === label),
    connectionString(keyId) {
      const k = keys.find((x) => x.id === keyId)
      if (!k) throw new Error(`no access key ${keyId}`)
      return `Endpoint=${base};Id=${k.id};Secret=${k.secret}`
    },
    faults,
    close: () => server.close()
  }
}
