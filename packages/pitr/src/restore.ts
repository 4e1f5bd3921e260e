import type {
  PostgreSQLManagementFlexibleServerClient,
  Server
} from '@azure/arm-postgresql-flexible'
import {
  ConfigurationError,
  Deadline,
  InputError,
  OperationError,
  networkFailure,
  type Logger
} from '@rollback-actions/action-kit'
import { PITR } from './constants.js'
import {
  checkServerName,
  defaultTargetName,
  rollbackTagValue
} from './names.js'
import {
  checkRestorePoint,
  clip,
  dataLossWindowSeconds,
  type RestorePointRequest
} from './restore-point.js'

/** What the caller asks for (already parsed inputs). */
export interface RestoreRequest {
  subscriptionId: string
  resourceGroup: string
  sourceServer: string
  restorePoint: RestorePointRequest
  /** Explicit target name; default {@link defaultTargetName}. */
  targetServer?: string
  /** When the bad change happened (UTC instant); gives the data-loss window. */
  failureTime?: Date
}

/** The validated plan: nothing has been changed yet. */
export interface RestorePlan {
  resourceGroup: string
  sourceServer: string
  sourceResourceId: string
  location: string
  /** Resolved restore point (UTC). For `latest`, the time the plan was made. */
  restorePointUtc: Date
  targetServer: string
  targetResourceId: string
  /** Tags the new server gets (includes {@link PITR.tag}). */
  tags: Record<string, string>
  /** A server with this rollback's tag already exists: adopt it instead of starting a second restore. */
  adopt?: { state: string }
  /** Seconds between the restore point and `failureTime`; undefined without failure time. */
  dataLossWindowSeconds?: number
  /** `dataLossWindowSeconds > PITR.rpoSeconds`. */
  exceedsRpo: boolean
  earliestRestoreDate?: Date
  backupRetentionDays?: number
  sourceState?: string
}

export interface RestoreResult {
  serverName: string
  /** Host the clients connect to; empty when not waited for. */
  fqdn: string
  resourceId: string
  restorePointUtc: Date
  dataLossWindowSeconds?: number
  /** `Ready` when waited for; the last known state otherwise. */
  state: string
  /** The target already existed with this rollback's tag and was adopted. */
  adopted: boolean
  /** Seconds from the start of `applyRestore` to the end (0.1 s precision). */
  durationSeconds: number
}

interface RestErrorLike {
  statusCode?: number
  code?: string
  message?: string
  name?: string
}

function asRest(error: unknown): RestErrorLike {
  return typeof error === 'object' && error !== null ? error : {}
}

/** Wraps an SDK error with context; never includes the raw response body. */
function armFailure(
  what: string,
  error: unknown
): OperationError | ConfigurationError {
  const e = asRest(error)
  const status = e.statusCode ? `HTTP ${e.statusCode}` : (e.name ?? 'error')
  const code = e.code ? ` ${e.code}` : ''
  if (e.statusCode === 401 || e.statusCode === 403)
    return new ConfigurationError(
      `${what}: Azure refused the credentials (${status}${code}). Check client-id/tenant-id and that the identity has Contributor on the resource group.`,
      { cause: error }
    )
  if (e.statusCode === 429)
    return new OperationError(
      `${what}: Azure Resource Manager kept throttling the requests (HTTP 429${code}) after the retries; nothing more was sent. Wait a few minutes and re-run: a restore already started is adopted, not repeated.`,
      { cause: error }
    )
  return new OperationError(
    `${what} failed on Azure Resource Manager (${status}${code}) after the retries; re-run the step: a restore already started is adopted, not repeated.`,
    { cause: error }
  )
}

/** Whether an SDK error came from reading the operation status (Azure-AsyncOperation / Location poll). */
function isStatusRead(error: unknown): boolean {
  const url = (error as { request?: { url?: string } }).request?.url ?? ''
  return /\/(azureAsyncOperation|operationResults)\//i.test(url)
}

function statusReadError(target: string, error: unknown): OperationError {
  const e = asRest(error)
  const why = e.statusCode
    ? `HTTP ${e.statusCode}${e.code ? ` ${e.code}` : ''}`
    : (networkFailure(error) ?? e.code ?? 'no answer')
  return new OperationError(
    `Azure accepted the restore of "${target}", but its status could not be read (${why}) after the retries. The restore may still be running in Azure: re-run with the same inputs to adopt it (no second restore is started).`,
    { cause: error }
  )
}

/** `code` and `message` of a long-running operation that ended Failed (core-lro: "…has failed. <code>. <message>"). */
function operationFailure(
  target: string,
  source: string,
  error: unknown
): OperationError | undefined {
  const message = asRest(error).message ?? ''
  const m =
    /^The long-running operation has failed(?:\. (.*?)\. ([\s\S]*))?$/.exec(
      message
    )
  if (!m) return undefined
  const detail = m[1]
    ? `${m[1]}: ${clip(m[2] ?? '', 500)}`
    : 'no error code given'
  return new OperationError(
    `the restore of "${target}" failed in Azure (${detail}). Source "${source}" is unchanged. Check the restore point and re-run; if server "${target}" still exists, delete it first or choose another input "target-server".`,
    { cause: error }
  )
}

/**
 * Server states from which a server does not become `Ready` by waiting (postgresql-flexible-pitr.md §4): a wait
 * that meets one fails at once.
 */
const TERMINAL_STATES = new Set(['Dropping', 'Disabled', 'Stopped', 'Stopping'])

function serverResourceId(sub: string, rg: string, name: string): string {
  return `/subscriptions/${sub}/resourceGroups/${rg}/providers/${PITR.serverType}/${name}`
}

async function getServer(
  client: PostgreSQLManagementFlexibleServerClient,
  rg: string,
  name: string
): Promise<Server | undefined> {
  try {
    return await client.servers.get(rg, name)
  } catch (error) {
    const e = asRest(error)
    if (e.statusCode === 404 && e.code !== 'ResourceGroupNotFound')
      return undefined
    throw error
  }
}

/**
 * Validates a point-in-time restore and decides what to do, sending only reads (GET source, GET target,
 * checkNameAvailability). Checks: restore point not in the future, inside the retention window, not before the
 * source's earliest restore date; failure time not before the restore point; target name valid, not the source,
 * free or carrying this rollback's tag (then it is adopted).
 * @see postgresql-flexible-pitr.md §2, §6, §7.
 * @throws InputError (bad restore point, failure time, target name), ConfigurationError (source or resource group
 *   missing, target taken, credentials refused), OperationError (ARM failure).
 */
export async function planRestore(
  client: PostgreSQLManagementFlexibleServerClient,
  request: RestoreRequest,
  log: Logger,
  now: () => Date = () => new Date()
): Promise<RestorePlan> {
  const { resourceGroup: rg, sourceServer, subscriptionId: sub } = request
  checkServerName(sourceServer, 'source-server')
  if (request.targetServer !== undefined)
    checkServerName(request.targetServer, 'target-server')
  log.debug(`GET flexible server "${rg}/${sourceServer}"`)
  let source: Server | undefined
  try {
    source = await getServer(client, rg, sourceServer)
  } catch (error) {
    if (asRest(error).code === 'ResourceGroupNotFound')
      throw new ConfigurationError(
        `resource group "${rg}" was not found in subscription ${sub}: check input "resource-group" and "subscription-id"`,
        { cause: error }
      )
    throw armFailure(`reading source server "${sourceServer}"`, error)
  }
  if (!source)
    throw new ConfigurationError(
      `source server "${sourceServer}" was not found in resource group "${rg}" (subscription ${sub}): check input "source-server"; a dropped server needs ReviveDropped, not this action`
    )
  const location = source.location
  const restorePointUtc = request.restorePoint.latest
    ? now()
    : request.restorePoint.at
  const backup = {
    ...(source.backup?.earliestRestoreDate
      ? { earliestRestoreDate: new Date(source.backup.earliestRestoreDate) }
      : {}),
    ...(source.backup?.backupRetentionDays !== undefined
      ? { backupRetentionDays: source.backup.backupRetentionDays }
      : {})
  }
  checkRestorePoint(restorePointUtc, backup, now(), sourceServer)
  let window: number | undefined
  if (request.failureTime) {
    if (request.failureTime < restorePointUtc)
      throw new InputError(
        'failure-time',
        `${request.failureTime.toISOString()} is before input "restore-point" (${restorePointUtc.toISOString()}): the restored server would still contain the bad change; pick a restore point before the failure`
      )
    window = dataLossWindowSeconds(restorePointUtc, request.failureTime)
  }
  const targetServer =
    request.targetServer ?? defaultTargetName(sourceServer, restorePointUtc)
  checkServerName(targetServer, 'target-server')
  if (targetServer === sourceServer)
    throw new InputError(
      'target-server',
      `"${targetServer}" is the source server: a restore always creates a new server`
    )
  const tagValue = rollbackTagValue(sourceServer, restorePointUtc)
  let adopt: RestorePlan['adopt']
  let existing: Server | undefined
  try {
    existing = await getServer(client, rg, targetServer)
  } catch (error) {
    throw armFailure(`reading target server "${targetServer}"`, error)
  }
  if (existing) {
    const tag = existing.tags?.[PITR.tag]
    if (tag !== tagValue)
      throw new ConfigurationError(
        `target server "${targetServer}" already exists in "${rg}" and is not this rollback's restore (tag ${PITR.tag} is ${tag === undefined ? 'absent' : `"${tag}"`}, expected "${tagValue}"); choose another input "target-server"`
      )
    adopt = { state: existing.state ?? 'Unknown' }
    if (TERMINAL_STATES.has(adopt.state))
      throw new ConfigurationError(
        `target server "${targetServer}" carries this rollback's tag but is in state ${adopt.state}, from which it will not become Ready: ${adopt.state === 'Dropping' ? 'wait until it is gone, then re-run' : `start it (az postgres flexible-server start -g ${rg} -n ${targetServer}) and re-run`}, or choose another input "target-server"`
      )
    log.info(
      `target server "${targetServer}" already carries this rollback's tag (state ${adopt.state}): adopting it instead of starting a second restore`
    )
  } else {
    try {
      const availability = await client.nameAvailability.checkWithLocation(
        location,
        {
          name: targetServer,
          type: PITR.serverType
        }
      )
      if (availability.nameAvailable === false)
        throw new ConfigurationError(
          `target server name "${targetServer}" is not available (${availability.reason ?? 'taken'}; server names are global across Azure): choose another input "target-server"`
        )
    } catch (error) {
      if (error instanceof ConfigurationError) throw error
      // 403 on the regional check: the CLI falls back to the global one (postgresql-flexible-pitr.md §6).
      if (asRest(error).statusCode !== 403)
        throw armFailure(`checking the name "${targetServer}"`, error)
      log.debug(
        'regional checkNameAvailability refused (403); the PUT will report a taken name'
      )
    }
  }
  return {
    resourceGroup: rg,
    sourceServer,
    sourceResourceId: source.id ?? serverResourceId(sub, rg, sourceServer),
    location,
    restorePointUtc,
    targetServer,
    targetResourceId: serverResourceId(sub, rg, targetServer),
    tags: { [PITR.tag]: tagValue },
    ...(adopt ? { adopt } : {}),
    ...(window !== undefined ? { dataLossWindowSeconds: window } : {}),
    exceedsRpo: window !== undefined && window > PITR.rpoSeconds,
    ...backup,
    ...(source.state ? { sourceState: source.state } : {})
  }
}

export interface ApplyOptions {
  /** Wait for the operation and for state `Ready`; false returns once Azure accepted the request. */
  wait: boolean
  /** Longest wait, seconds, for the operation plus `Ready`. */
  timeoutSeconds: number
  /** Poll interval when Azure sends no `Retry-After`, ms (default 15000; the SDK's default is 2000). */
  pollIntervalMs?: number
}

const elapsed = (start: number) =>
  Math.round((performance.now() - start) / 100) / 10

/**
 * Starts (or resumes) the restore of a {@link RestorePlan}: PUT `createMode: PointInTimeRestore` to the new server
 * name only — never a mutating request for the source — then follows the long-running operation
 * (`Azure-AsyncOperation`, honouring `Retry-After`, one info line per poll) and waits until the server's state is
 * `Ready`. An adopted target is not PUT again: its state is polled until `Ready`.
 * @see postgresql-flexible-pitr.md §2–§4 (request body, LRO protocol, server states).
 * @throws OperationError when the operation ends Failed/Canceled, a poll fails after the SDK's retries, or the
 *   timeout passes (the restore continues in Azure; re-running adopts it).
 */
export async function applyRestore(
  client: PostgreSQLManagementFlexibleServerClient,
  plan: RestorePlan,
  options: ApplyOptions,
  log: Logger
): Promise<RestoreResult> {
  const started = performance.now()
  // A deadline, not one timer of the whole duration (Node fires timers above 2^31-1 ms at once).
  const deadline = new Deadline(options.timeoutSeconds)
  const signal = deadline.signal()
  const target = plan.targetServer
  const interval = options.pollIntervalMs ?? 15_000
  const timeoutError = (what: string) =>
    new OperationError(
      `restore of "${target}" ${what} within input "timeout" (${options.timeoutSeconds} s). The restore may still finish in Azure; re-run with the same inputs to adopt it, or delete server "${target}" before choosing another restore point.`
    )
  const result = (
    server: Server | undefined,
    state: string
  ): RestoreResult => ({
    serverName: target,
    fqdn: server?.fullyQualifiedDomainName ?? '',
    resourceId: server?.id ?? plan.targetResourceId,
    restorePointUtc: plan.restorePointUtc,
    ...(plan.dataLossWindowSeconds !== undefined
      ? { dataLossWindowSeconds: plan.dataLossWindowSeconds }
      : {}),
    state,
    adopted: plan.adopt !== undefined,
    durationSeconds: elapsed(started)
  })

  if (!plan.adopt) {
    const body: Server = {
      location: plan.location,
      createMode: 'PointInTimeRestore',
      sourceServerResourceId: plan.sourceResourceId,
      pointInTimeUTC: plan.restorePointUtc,
      tags: plan.tags
    }
    log.info(
      `PUT ${target}: PointInTimeRestore of "${plan.sourceServer}" to ${plan.restorePointUtc.toISOString()} in ${plan.location}`
    )
    let poller
    // Whether Azure answered the PUT with 2xx: from then on a failure is the operation's or a status read's.
    let accepted = false
    try {
      poller = await client.servers.beginCreateOrUpdate(
        plan.resourceGroup,
        target,
        body,
        {
          updateIntervalInMs: interval,
          abortSignal: signal,
          onResponse: (raw) => {
            if (raw.request.method === 'PUT' && raw.status < 300)
              accepted = true
          }
        }
      )
    } catch (error) {
      // beginCreateOrUpdate already polls once: the operation's end or a failed status read surfaces here too.
      if (accepted || isStatusRead(error)) {
        if (signal.aborted) throw timeoutError('did not finish')
        throw (
          operationFailure(target, plan.sourceServer, error) ??
          statusReadError(target, error)
        )
      }
      if (signal.aborted) throw timeoutError('was not accepted')
      const e = asRest(error)
      if (e.statusCode === 400)
        throw new ConfigurationError(
          `Azure refused the restore of "${target}" (HTTP 400${e.code ? ` ${e.code}` : ''}): check inputs "restore-point" and "target-server" against the source's backups.`,
          { cause: error }
        )
      if (e.statusCode === 409)
        throw new ConfigurationError(
          `Azure refused the restore: server name "${target}" is already in use (HTTP 409); choose another input "target-server".`,
          { cause: error }
        )
      throw armFailure(`starting the restore of "${target}"`, error)
    }
    if (!options.wait) {
      log.info(
        `restore of "${target}" accepted; not waiting (input "wait" is false)`
      )
      return result(undefined, 'Provisioning')
    }
    let polls = 0
    poller.onProgress((state) => {
      polls++
      log.info(
        `restore of "${target}": ${String(state.status)} (poll ${polls}, ${elapsed(started)} s)`
      )
    })
    try {
      await poller.pollUntilDone({ abortSignal: signal })
    } catch (error) {
      if (signal.aborted) throw timeoutError('did not finish')
      throw (
        operationFailure(target, plan.sourceServer, error) ??
        statusReadError(target, error)
      )
    }
  } else if (!options.wait) {
    const server = await getServer(client, plan.resourceGroup, target)
    return result(server, server?.state ?? plan.adopt.state)
  }

  // Wait for Ready (also for an adopted server still provisioning).
  const rg = plan.resourceGroup
  // GET polls back off from 1 s to the poll interval (a restored server is usually Ready right after the operation).
  let pause = Math.min(1000, interval)
  for (;;) {
    let server: Server | undefined
    try {
      server = await getServer(client, rg, target)
    } catch (error) {
      if (signal.aborted) throw timeoutError('did not become Ready')
      const e = armFailure(`reading restored server "${target}"`, error)
      throw new OperationError(
        `${e.message} The restore is in Azure: re-run with the same inputs to adopt it (no second restore is started).`,
        { cause: error }
      )
    }
    if (!server)
      throw new OperationError(
        `restored server "${target}" disappeared (HTTP 404) before becoming Ready; the restore failed in Azure. Source "${plan.sourceServer}" is unchanged.`
      )
    const state = server.state ?? 'Unknown'
    if (state === 'Ready') {
      log.info(`restored server "${target}" is Ready (${elapsed(started)} s)`)
      return result(server, state)
    }
    if (TERMINAL_STATES.has(state))
      throw new OperationError(
        `restored server "${target}" is in state ${state}, from which it will not become Ready by waiting; source "${plan.sourceServer}" is unchanged. ${state === 'Dropping' ? 'Wait until it is gone and re-run' : `Start it (az postgres flexible-server start -g ${rg} -n ${target}) and re-run to adopt it`}, or choose another input "target-server".`
      )
    if (deadline.remainingMs() < pause)
      throw timeoutError(`stayed "${state}" and did not become Ready`)
    log.info(
      `restored server "${target}": state ${state}, waiting for Ready (${elapsed(started)} s)`
    )
    await deadline.sleep(pause)
    pause = Math.min(pause * 2, interval)
  }
}
