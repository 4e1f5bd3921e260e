import {
  AppConfigurationClient,
  type ConfigurationSetting
} from '@azure/app-configuration'
import type { TokenCredential } from '@azure/core-auth'
import {
  ConfigurationError,
  OperationError,
  type Logger
} from '@rollback-actions/action-kit'

/**
 * One key-value as it was (or should be) in the store. `existed: false` means the key-value is absent, so restoring
 * it deletes the key-value. Values are configuration, not secrets (App Configuration keeps secrets as Key Vault
 * references), so they may appear in plans and outputs.
 */
export interface KeyValueState {
  key: string
  /** `null`: the key-value without label. */
  label: string | null
  existed: boolean
  value: string | null
  contentType: string | null
  tags: Record<string, string>
}

/** A key-value state plus the ETag the store gave the write that replaced it (what an undo must find unchanged). */
export interface KeyValueSnapshot extends KeyValueState {
  /** ETag after this run's write; `null` when the write deleted the key-value. */
  writtenEtag: string | null
}

/** One planned write: from the current state (with its ETag) to the wanted state. */
export interface KeyValueChange {
  key: string
  label: string | null
  /** `set` writes `to`; `delete` removes the key-value. */
  action: 'set' | 'delete'
  from: KeyValueState
  /** ETag of the current key-value (sent as `If-Match`); `null` when it is absent (sent as `If-None-Match: *`). */
  fromEtag: string | null
  to: KeyValueState
}

/** Shows a key-value as `key` or `key (label)` for logs, plans and errors. */
export function describeKey(key: string, label: string | null): string {
  return label === null ? key : `${key} (label ${label})`
}

/** The state of a setting the SDK returned. */
export function stateOf(setting: ConfigurationSetting): KeyValueState {
  return {
    key: setting.key,
    label: setting.label ?? null,
    existed: true,
    value: setting.value ?? null,
    contentType: setting.contentType ?? null,
    tags: { ...(setting.tags ?? {}) }
  }
}

/** The state of an absent key-value. */
export function absent(key: string, label: string | null): KeyValueState {
  return {
    key,
    label,
    existed: false,
    value: null,
    contentType: null,
    tags: {}
  }
}

/** Whether two states hold the same data (value, content type, tags, presence). */
export function sameState(a: KeyValueState, b: KeyValueState): boolean {
  if (a.existed !== b.existed) return false
  if (!a.existed) return true
  const tags = (t: Record<string, string>) =>
    JSON.stringify(Object.entries(t).sort(([x], [y]) => (x < y ? -1 : 1)))
  return (
    a.value === b.value &&
    (a.contentType ?? null) === (b.contentType ?? null) &&
    tags(a.tags) === tags(b.tags)
  )
}

/**
 * Creates the SDK client for a store with an Entra credential (never a connection string). The SDK derives the token
 * scope from the host (`https://azconfig.io/.default` for `*.azconfig.io`) and retries 429/503 honouring
 * `retry-after-ms` (Azure/azure-sdk-for-js sdk/appconfiguration/app-configuration).
 * @param endpoint `https://<store>.azconfig.io`
 */
export function createAppConfigurationClient(
  endpoint: string,
  credential: TokenCredential
): AppConfigurationClient {
  return new AppConfigurationClient(endpoint, credential, {
    retryOptions: {
      maxRetries: 4,
      retryDelayInMs: 500,
      maxRetryDelayInMs: 8000
    }
  })
}

interface RestErrorLike {
  statusCode?: number
  code?: string
  message?: string
}

/**
 * Wraps an SDK or network error with what was being done, naming the cause and the next step; never the raw body.
 * @returns ConfigurationError for access problems (401, 403, unreachable store, locked key-value), OperationError
 *   otherwise (412 conflicts, 429/503 after the SDK's retries, 5xx).
 */
export function storeError(what: string, error: unknown): Error {
  if (error instanceof ConfigurationError || error instanceof OperationError)
    return error
  const e = (error ?? {}) as RestErrorLike
  const status = e.statusCode
  if (status === 401)
    return new ConfigurationError(
      `${what}: the store refused the credential (HTTP 401); check client-id/tenant-id and that the federated credential matches this job`,
      { cause: error }
    )
  if (status === 403)
    return new ConfigurationError(
      `${what}: the identity lacks a data-plane role on the store (HTTP 403); grant it "App Configuration Data Owner" (writes) or "App Configuration Data Reader" (dry runs)`,
      { cause: error }
    )
  if (status === 409)
    return new ConfigurationError(
      `${what}: the key-value is read-only (locked, HTTP 409); unlock it in the store and run again`,
      { cause: error }
    )
  if (status === 412)
    return new OperationError(
      `${what}: the key-value changed since it was read (ETag mismatch, HTTP 412); another client is writing it — look at its current value and run again`,
      { cause: error }
    )
  if (status === 429 || status === 503)
    return new OperationError(
      `${what}: the store kept throttling (HTTP ${status}) after the SDK's retries; run again later`,
      { cause: error }
    )
  if (status !== undefined)
    return new OperationError(`${what}: the store answered HTTP ${status}`, {
      cause: error
    })
  const code = e.code ?? ''
  if (
    /ENOTFOUND|ECONNREFUSED|EAI_AGAIN|ECONNRESET|ETIMEDOUT|CERT|SELF_SIGNED|UNABLE_TO_VERIFY/i.test(
      code + ' ' + (e.message ?? '')
    )
  )
    return new ConfigurationError(
      `${what}: cannot reach the store (${code || 'network error'}); check the endpoint input and the runner's network`,
      { cause: error }
    )
  return new OperationError(
    `${what}: ${e.message ?? String(error)}`.slice(0, 400),
    { cause: error }
  )
}

/**
 * Reads the current key-values matching a key filter and label filter (rest-api-key-value "Filtering": exact, CSV of
 * up to 5, trailing `*`; label `\0` = without label).
 * @param acceptDateTime read the store as it was then (`Accept-Datetime`, rest-api-key-value "Point-in-time").
 * @throws ConfigurationError / OperationError from {@link storeError}.
 */
export async function listKeyValues(
  client: AppConfigurationClient,
  keyFilter: string,
  labelFilter: string,
  acceptDateTime?: Date
): Promise<ConfigurationSetting[]> {
  const out: ConfigurationSetting[] = []
  try {
    for await (const s of client.listConfigurationSettings({
      keyFilter,
      labelFilter,
      ...(acceptDateTime ? { acceptDateTime } : {})
    }))
      out.push(s)
  } catch (error) {
    throw storeError(
      `listing key-values "${keyFilter}"${acceptDateTime ? ` at ${acceptDateTime.toISOString()}` : ''}`,
      error
    )
  }
  return out
}

/**
 * Applies planned changes one by one with ETag preconditions (`If-Match` the ETag read, `If-None-Match: *` for a
 * key-value that was absent; rest-api-key-value "Set key (conditionally)"). When one fails, every change already
 * written is put back (again conditionally) so the store is not left half changed; the error then says whether the
 * undo succeeded.
 * @returns for each change, the state it replaced and the ETag of the write (for a later undo).
 * @throws OperationError / ConfigurationError naming the key-value that failed and the undo's outcome.
 */
export async function applyChanges(
  client: AppConfigurationClient,
  changes: KeyValueChange[],
  log: Logger
): Promise<KeyValueSnapshot[]> {
  const done: KeyValueSnapshot[] = []
  for (const change of changes) {
    const where = describeKey(change.key, change.label)
    try {
      const etag = await writeState(client, change.to, change.fromEtag)
      done.push({ ...change.from, writtenEtag: etag })
      log.info(
        `${where}: ${change.action === 'delete' ? 'deleted' : 'written'}`
      )
    } catch (error) {
      const failed = storeError(`writing ${where}`, error)
      if (done.length === 0) throw failed
      log.warning(
        `${where} failed; putting back the ${done.length} key-value(s) already written`,
        'Undoing a partial write'
      )
      try {
        await restoreSnapshots(client, done, log)
      } catch (undoError) {
        throw new OperationError(
          `${failed.message}. Undoing the ${done.length} earlier write(s) also failed (${(undoError as Error).message}); the store is partly changed: ${done.map((d) => describeKey(d.key, d.label)).join(', ')}`,
          { cause: error }
        )
      }
      throw new OperationError(
        `${failed.message}. The ${done.length} earlier write(s) were put back; the store is as it was`,
        { cause: error }
      )
    }
  }
  return done
}

/** Writes one state conditionally; returns the new ETag, or `null` after a delete. */
async function writeState(
  client: AppConfigurationClient,
  to: KeyValueState,
  ifMatch: string | null
): Promise<string | null> {
  const id = { key: to.key, ...(to.label === null ? {} : { label: to.label }) }
  if (!to.existed) {
    if (ifMatch === null) return null
    await client.deleteConfigurationSetting(
      { ...id, etag: ifMatch },
      { onlyIfUnchanged: true }
    )
    return null
  }
  const setting = {
    ...id,
    value: to.value ?? '',
    ...(to.contentType === null ? {} : { contentType: to.contentType }),
    tags: to.tags
  }
  const written =
    ifMatch === null
      ? await client.addConfigurationSetting(setting)
      : await client.setConfigurationSetting(
          { ...setting, etag: ifMatch },
          { onlyIfUnchanged: true }
        )
  return written.etag ?? null
}

/**
 * Puts key-values back to recorded states, only where the store still holds what this suite wrote (the recorded
 * ETag). Every key-value is checked before anything is written; with `dryRun` nothing is written at all.
 * @throws ConfigurationError naming each key-value changed since (nothing is written then); OperationError when a
 *   write fails.
 */
export async function restoreSnapshots(
  client: AppConfigurationClient,
  snapshots: KeyValueSnapshot[],
  log: Logger,
  options: { dryRun?: boolean } = {}
): Promise<KeyValueChange[]> {
  const changes: KeyValueChange[] = []
  const moved: string[] = []
  for (const s of snapshots) {
    const now = await readOne(client, s.key, s.label)
    const nowEtag = now?.etag ?? null
    if (nowEtag !== s.writtenEtag) {
      moved.push(describeKey(s.key, s.label))
      continue
    }
    const from = now ? stateOf(now) : absent(s.key, s.label)
    const to: KeyValueState = {
      key: s.key,
      label: s.label,
      existed: s.existed,
      value: s.value,
      contentType: s.contentType,
      tags: s.tags
    }
    if (sameState(from, to)) continue
    changes.push({
      key: s.key,
      label: s.label,
      action: to.existed ? 'set' : 'delete',
      from,
      fromEtag: nowEtag,
      to
    })
  }
  if (moved.length > 0)
    throw new ConfigurationError(
      `changed since this suite wrote them, so not put back: ${moved.join(', ')}; nothing was written — look at their current values and restore them by hand or run the action again`
    )
  if (options.dryRun) return changes
  for (const c of changes) {
    const where = describeKey(c.key, c.label)
    try {
      await writeState(client, c.to, c.fromEtag)
    } catch (error) {
      throw storeError(`putting back ${where}`, error)
    }
    log.info(`${where}: put back`)
  }
  return changes
}

/**
 * Reads one key-value (absent label = the key-value without label).
 * @returns the setting, or undefined when absent (404).
 */
export async function readOne(
  client: AppConfigurationClient,
  key: string,
  label: string | null
): Promise<ConfigurationSetting | undefined> {
  try {
    return await client.getConfigurationSetting({
      key,
      ...(label === null ? {} : { label })
    })
  } catch (error) {
    if ((error as RestErrorLike).statusCode === 404) return undefined
    throw storeError(`reading ${describeKey(key, label)}`, error)
  }
}

/**
 * Reads every written key-value back and compares it with the wanted state.
 * @throws OperationError naming each key-value that does not hold what was written.
 */
export async function verifyStates(
  client: AppConfigurationClient,
  wanted: KeyValueState[]
): Promise<void> {
  const wrong: string[] = []
  for (const w of wanted) {
    const now = await readOne(client, w.key, w.label)
    if (!sameState(now ? stateOf(now) : absent(w.key, w.label), w))
      wrong.push(describeKey(w.key, w.label))
  }
  if (wrong.length > 0)
    throw new OperationError(
      `read back after writing, these key-values do not hold what was written: ${wrong.join(', ')}; another client may be writing them`
    )
}
