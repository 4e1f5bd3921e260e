import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import {
  chown,
  mkdir,
  mkdtemp,
  rm,
  writeFile,
  appendFile
} from 'node:fs/promises'
import { execFileSync } from 'node:child_process'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import pg from 'pg'
import { freePort } from '../http/ports.js'

const run = promisify(execFile)

/** Where Debian puts the PostgreSQL 15 server binaries. */
export const POSTGRES_BIN_DIR =
  process.env.ROLLBACK_POSTGRES_BIN ?? '/usr/lib/postgresql/15/bin'

/** The administrator login of every emulated server (Azure's `administratorLogin`). */
export const ADMIN_LOGIN = 'pgadmin'

const isRoot = process.getuid?.() === 0

/** Phase timings on stderr when `ROLLBACK_PG_TRACE` is set (diagnosing slow restores). */
function trace(started: number, what: string): void {
  if (process.env.ROLLBACK_PG_TRACE)
    process.stderr.write(`[pg] ${what} at ${Date.now() - started} ms\n`)
}

/** Runs a PostgreSQL binary, as the `postgres` OS user when we are root (initdb refuses root). */
async function pgExec(
  binary: string,
  args: string[],
  timeoutMs = 60_000,
  extraEnv: Record<string, string> = {}
): Promise<string> {
  const file = join(POSTGRES_BIN_DIR, binary)
  const [cmd, argv] = isRoot
    ? ['runuser', ['-u', 'postgres', '--', file, ...args]]
    : [file, args]
  try {
    const { stdout } = await run(cmd, argv, {
      timeout: timeoutMs,
      env: { ...process.env, LC_ALL: 'C.UTF-8', PGTZ: 'UTC', ...extraEnv },
      maxBuffer: 16 * 1024 * 1024
    })
    return stdout
  } catch (error) {
    const e = error as { stderr?: string; message: string }
    throw new Error(
      `${binary} failed: ${(e.stderr ?? e.message).trim().slice(0, 2000)}`,
      { cause: error }
    )
  }
}

/** Gives a directory to the `postgres` OS user (when we are root). */
let postgresIds: Promise<{ uid: number; gid: number }> | undefined
async function own(path: string): Promise<void> {
  if (!isRoot) return
  postgresIds ??= (async () => {
    const { stdout: uid } = await run('id', ['-u', 'postgres'])
    const { stdout: gid } = await run('id', ['-g', 'postgres'])
    return { uid: Number(uid.trim()), gid: Number(gid.trim()) }
  })()
  const { uid, gid } = await postgresIds
  await chown(path, uid, gid)
}

function sqlLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`
}

/** Live clusters, stopped at process exit if a caller forgot. */
const live = new Set<PostgresCluster>()
let exitHookInstalled = false
function installExitHook(): void {
  if (exitHookInstalled) return
  exitHookInstalled = true
  process.once('exit', () => {
    for (const cluster of live) cluster.stopSync()
  })
}

export interface CreateClusterOptions {
  /** Folder (created if absent) that holds this cluster's data, archive and base backup folders. */
  rootDir: string
  /** Short name used for folder names, e.g. the server name. */
  name: string
  /** Password of {@link ADMIN_LOGIN}; generated when omitted. Never logged. */
  password?: string
  /** Database to create after initdb (besides `postgres`). */
  database?: string
  /** SQL run in `database` before the base backup (the scenario's seed). */
  seedSql?: string
}

export interface RestoreClusterOptions {
  rootDir: string
  name: string
  /** UTC instant to recover to (`recovery_target_time`). */
  targetTime: Date
}

/**
 * One real PostgreSQL 15 cluster on a loopback port: initdb'd in a temporary folder, WAL archived
 * to a local folder, with a base backup taken at creation (the earliest restore point).
 */
export class PostgresCluster {
  /** When the base backup finished (UTC): the earliest instant a point-in-time restore may target. */
  baseBackupAt = new Date(0)
  /** Settles when the base backup exists (restored clusters take theirs after promotion, in the background). */
  backupReady: Promise<void> = Promise.resolve()
  private stopped = false

  private constructor(
    readonly name: string,
    readonly dir: string,
    readonly port: number,
    readonly password: string
  ) {}

  get dataDir(): string {
    return join(this.dir, 'data')
  }
  get archiveDir(): string {
    return join(this.dir, 'archive')
  }
  get backupDir(): string {
    return join(this.dir, 'base-backup')
  }
  private get socketDir(): string {
    return join(this.dir, 'socket')
  }

  /** `host:port` of the server (`127.0.0.1:<port>`). */
  get address(): string {
    return `127.0.0.1:${this.port}`
  }

  /** A libpq URL for `database` as the administrator (holds the password: never log it). */
  connectionString(database: string): string {
    return `postgresql://${ADMIN_LOGIN}:${encodeURIComponent(this.password)}@127.0.0.1:${this.port}/${encodeURIComponent(database)}?sslmode=disable`
  }

  /** Opens a client to `database`; the caller ends it. */
  async connect(database = 'postgres'): Promise<pg.Client> {
    const client = new pg.Client({
      host: '127.0.0.1',
      port: this.port,
      user: ADMIN_LOGIN,
      password: this.password,
      database
    })
    await client.connect()
    return client
  }

  /** Runs SQL in `database` and returns the rows. */
  async query<T extends Record<string, unknown> = Record<string, unknown>>(
    database: string,
    sql: string,
    params: unknown[] = []
  ): Promise<T[]> {
    const client = await this.connect(database)
    try {
      const result = await client.query<T>(sql, params)
      return result.rows
    } finally {
      await client.end()
    }
  }

  private async writeSettings(extra: string[] = []): Promise<void> {
    const lines = [
      `port = ${this.port}`,
      `listen_addresses = '127.0.0.1'`,
      `unix_socket_directories = ${sqlLiteral(this.socketDir)}`,
      `wal_level = replica`,
      `archive_mode = on`,
      `archive_command = ${sqlLiteral(`test ! -f ${this.archiveDir}/%f && cp %p ${this.archiveDir}/%f`)}`,
      `max_wal_senders = 4`,
      `fsync = off`,
      `synchronous_commit = on`,
      `full_page_writes = on`,
      `timezone = 'UTC'`,
      `log_timezone = 'UTC'`,
      `shared_buffers = 16MB`,
      `max_connections = 40`,
      ...extra
    ]
    await writeFile(join(this.dataDir, 'sandbox.conf'), lines.join('\n') + '\n')
  }

  private async makeDirs(): Promise<void> {
    for (const d of [this.dir, this.archiveDir, this.socketDir]) {
      await mkdir(d, { recursive: true, mode: 0o700 })
      await own(d)
    }
  }

  private async start(): Promise<void> {
    await pgExec(
      'pg_ctl',
      [
        'start',
        '-w',
        '-t',
        '60',
        '-D',
        this.dataDir,
        '-l',
        join(this.dir, 'server.log')
      ],
      90_000
    )
    live.add(this)
    installExitHook()
  }

  private async takeBaseBackup(): Promise<void> {
    await rm(this.backupDir, { recursive: true, force: true })
    await pgExec(
      'pg_basebackup',
      [
        '-h',
        '127.0.0.1',
        '-p',
        String(this.port),
        '-U',
        ADMIN_LOGIN,
        '-D',
        this.backupDir,
        '-X',
        'none',
        '-c',
        'fast',
        '--no-sync',
        '-w'
      ],
      60_000,
      { PGPASSWORD: this.password }
    )
    // The WAL that makes the backup consistent must be in the archive before a restore needs it.
    await this.flushArchive()
    this.baseBackupAt = new Date()
  }

  /**
   * Writes a commit record (`txid_current()`, no data change), switches the WAL segment and waits
   * until it is archived: after this, every commit up to now is recoverable from the archive.
   */
  async flushArchive(timeoutMs = 30_000): Promise<void> {
    const client = await this.connect()
    try {
      await client.query('SELECT txid_current()')
      const { rows } = await client.query<{ wal: string | null }>(
        'SELECT pg_walfile_name(pg_switch_wal()) AS wal'
      )
      const wal = rows[0]?.wal
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const r = await client.query<{ last: string | null }>(
          'SELECT last_archived_wal AS last FROM pg_stat_archiver'
        )
        const last = r.rows[0]?.last
        if (last && wal && last >= wal) return
        if (Date.now() > deadline)
          throw new Error(
            `WAL ${wal ?? '?'} not archived within ${timeoutMs} ms`
          )
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
    } finally {
      await client.end()
    }
  }

  /**
   * initdb + start + create database + seed + base backup.
   * @throws Error when a PostgreSQL tool fails (its stderr, never the password).
   */
  static async create(options: CreateClusterOptions): Promise<PostgresCluster> {
    await mkdir(options.rootDir, { recursive: true })
    await own(options.rootDir)
    const dir = await mkdtemp(join(options.rootDir, `${options.name}-`))
    const cluster = new PostgresCluster(
      options.name,
      dir,
      await freePort(),
      options.password ?? randomBytes(18).toString('base64url')
    )
    await cluster.makeDirs()
    const pwfile = join(dir, 'pwfile')
    await writeFile(pwfile, cluster.password + '\n', { mode: 0o600 })
    await own(pwfile)
    await pgExec('initdb', [
      '-D',
      cluster.dataDir,
      '-U',
      ADMIN_LOGIN,
      '--pwfile',
      pwfile,
      '--auth-local=scram-sha-256',
      '--auth-host=scram-sha-256',
      '-E',
      'UTF8',
      '--no-sync',
      '--no-instructions'
    ])
    await rm(pwfile, { force: true })
    await appendFile(
      join(cluster.dataDir, 'postgresql.conf'),
      "\ninclude 'sandbox.conf'\n"
    )
    await cluster.writeSettings()
    await cluster.start()
    try {
      if (options.database) {
        await cluster.query(
          'postgres',
          `CREATE DATABASE "${options.database.replace(/"/g, '""')}"`
        )
        if (options.seedSql)
          await cluster.query(options.database, options.seedSql)
      }
      await cluster.takeBaseBackup()
    } catch (error) {
      await cluster.stop()
      throw error
    }
    return cluster
  }

  /**
   * A real point-in-time restore: copies this cluster's base backup into a new data folder,
   * replays archived WAL up to `targetTime` (`recovery_target_time`, `recovery_target_action =
   * promote`), starts it on a new port and waits until promoted; the new cluster's own base backup
   * follows in the background ({@link backupReady}). The source cluster is only asked to archive its current WAL (no data change).
   * @throws Error when recovery fails (the new cluster is stopped and its log tail included).
   */
  async restoreTo(options: RestoreClusterOptions): Promise<PostgresCluster> {
    const t0 = Date.now()
    await this.backupReady
    if (this.baseBackupAt.getTime() === 0)
      throw new Error(`server ${this.name} has no base backup to restore from`)
    await this.flushArchive()
    trace(t0, 'source WAL archived')
    await mkdir(options.rootDir, { recursive: true })
    const dir = await mkdtemp(join(options.rootDir, `${options.name}-`))
    const restored = new PostgresCluster(
      options.name,
      dir,
      await freePort(),
      this.password
    )
    await restored.makeDirs()
    await run('cp', ['-a', this.backupDir, restored.dataDir])
    await own(restored.dataDir)
    await restored.writeSettings([
      `restore_command = ${sqlLiteral(`cp ${this.archiveDir}/%f %p`)}`,
      `recovery_target_time = ${sqlLiteral(options.targetTime.toISOString().replace('T', ' ').replace('Z', '+00'))}`,
      `recovery_target_action = 'promote'`,
      `recovery_target_inclusive = true`
    ])
    await writeFile(join(restored.dataDir, 'recovery.signal'), '')
    await own(join(restored.dataDir, 'recovery.signal'))
    await own(join(restored.dataDir, 'sandbox.conf'))
    trace(t0, 'base backup copied')
    try {
      await restored.start()
      trace(t0, 'restored server started')
      const deadline = Date.now() + 60_000
      for (;;) {
        const rows = await restored
          .query<{ r: boolean }>('postgres', 'SELECT pg_is_in_recovery() AS r')
          .catch(() => [{ r: true }])
        if (rows[0]?.r === false) break
        if (Date.now() > deadline)
          throw new Error('restored server was not promoted within 60 s')
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
      trace(t0, 'promoted')
      // Drop the recovery settings so a restart does not try to recover again.
      await restored.writeSettings()
      await restored.query('postgres', 'SELECT pg_reload_conf()')
      // The restored server's own base backup (its earliest restore point) is taken in the background.
      restored.backupReady = restored.takeBaseBackup().then(
        () => trace(t0, 'base backup of the restored server taken'),
        (error: unknown) => {
          trace(
            t0,
            `base backup of the restored server failed: ${String(error)}`
          )
        }
      )
    } catch (error) {
      await restored.stop()
      throw error
    }
    return restored
  }

  /** Stops the server (`pg_ctl stop -m fast`); idempotent. */
  async stop(): Promise<void> {
    if (this.stopped) return
    await this.backupReady
    this.stopped = true
    live.delete(this)
    await pgExec('pg_ctl', [
      'stop',
      '-m',
      'fast',
      '-w',
      '-D',
      this.dataDir
    ]).catch(() => undefined)
  }

  /** Synchronous stop for the process `exit` hook. */
  stopSync(): void {
    if (this.stopped) return
    this.stopped = true
    const file = join(POSTGRES_BIN_DIR, 'pg_ctl')
    const args = ['stop', '-m', 'immediate', '-D', this.dataDir]
    try {
      if (isRoot)
        execFileSync('runuser', ['-u', 'postgres', '--', file, ...args], {
          stdio: 'ignore'
        })
      else execFileSync(file, args, { stdio: 'ignore' })
    } catch {
      // already stopped
    }
  }

  /** Stops the server and deletes its folder. */
  async destroy(): Promise<void> {
    await this.stop()
    await rm(this.dir, { recursive: true, force: true })
  }
}

/** Creates a temporary root folder for clusters (owned by `postgres` when we are root). */
export async function makeClusterRoot(
  prefix = 'rollback-pg-'
): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix))
  await own(dir)
  return dir
}
