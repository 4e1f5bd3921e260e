import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { createServer } from 'node:net'
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
import type { CertificateAuthority } from '../http/tls.js'

const run = promisify(execFile)

/** Where Debian puts the PostgreSQL 15 server binaries. */
export const POSTGRES_BIN_DIR =
  process.env.ROLLBACK_POSTGRES_BIN ?? '/usr/lib/postgresql/15/bin'

/** The administrator login of every emulated server (Azure's `administratorLogin`). */
export const ADMIN_LOGIN = 'pgadmin'

/** The port every Azure Database for PostgreSQL server listens on (clients connect to `<fqdn>:5432`). */
export const POSTGRES_PORT = 5432

/** The DNS zone of public-access flexible servers: `<server>.postgres.database.azure.com`. */
export const FLEXIBLE_SERVER_DNS_ZONE = 'postgres.database.azure.com'

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

/** Whether `port` can be bound on `host` right now (bound and released). */
async function bindable(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer()
    server.once('error', () => resolve(false))
    server.listen(port, host, () => server.close(() => resolve(true)))
  })
}

/**
 * A loopback address of its own for one server (`127.a.b.c`, outside 127.0.0.0/24), on which
 * {@link POSTGRES_PORT} is free: every server then listens on 5432, as on Azure, and its host name
 * maps to that address (the whole 127.0.0.0/8 is loopback on Linux, RFC 1122 §3.2.1.3).
 * @throws Error when no free address was found in 32 tries.
 */
export async function freeLoopbackAddress(
  port = POSTGRES_PORT
): Promise<string> {
  for (let i = 0; i < 32; i++) {
    const [a, b, c] = randomBytes(3)
    const ip = `127.${1 + ((a ?? 0) % 254)}.${b ?? 0}.${1 + ((c ?? 0) % 254)}`
    if (await bindable(ip, port)) return ip
  }
  throw new Error(`no loopback address with port ${port} free`)
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

/** How a cluster serves TLS: a certificate for its host name from `ca`. */
export interface ClusterTlsOptions {
  /** Issues the server certificate; clients verify it with `ca.caPem` (sslmode verify-full). */
  ca: CertificateAuthority
  /** The host name clients connect to, e.g. `prod-db.postgres.database.azure.com` (the certificate's DNS SAN). */
  hostName: string
}

export interface CreateClusterOptions extends ClusterTlsOptions {
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
  /** Host name of the new server (its certificate is issued by the source's CA). */
  hostName: string
  /** UTC instant to recover to (`recovery_target_time`). */
  targetTime: Date
}

/**
 * One real PostgreSQL 15 cluster: initdb'd in a temporary folder, WAL archived to a local folder, with a
 * base backup taken at creation (the earliest restore point). Like Azure Database for PostgreSQL (which
 * requires TLS unless `require_secure_transport` is turned off), it accepts TLS connections only: pg_hba.conf
 * has `hostssl` lines and no `host` line, so a plaintext connection is refused ("no pg_hba.conf entry ...
 * no encryption"). It listens on port 5432 of a loopback address of its own, with a certificate for its
 * host name from the sandbox CA (PostgreSQL docs, 19.9 Secure TCP/IP Connections with SSL; 21.1 pg_hba.conf).
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
    /** The loopback address the server listens on (what its host name resolves to). */
    readonly ip: string,
    readonly port: number,
    readonly password: string,
    /** The host name in its certificate, e.g. `prod-db.postgres.database.azure.com`. */
    readonly hostName: string,
    private readonly ca: CertificateAuthority
  ) {}

  /** The CA that issued the server certificate (PEM): clients' `sslrootcert`. */
  get caPem(): string {
    return this.ca.caPem
  }

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
  private get tlsDir(): string {
    return join(this.dir, 'tls')
  }

  /** What clients connect to: the host name (the port only when it is not 5432), as Azure's FQDN. */
  get address(): string {
    return this.port === POSTGRES_PORT
      ? this.hostName
      : `${this.hostName}:${this.port}`
  }

  /**
   * A libpq URL for `database` as the administrator with `sslmode=require` (holds the password: never
   * log it). The host is {@link hostName}: a client resolves it to {@link ip} (see the sandbox's hosts file).
   */
  connectionString(database: string): string {
    return `postgresql://${ADMIN_LOGIN}:${encodeURIComponent(this.password)}@${this.hostName}:${this.port}/${encodeURIComponent(database)}?sslmode=require`
  }

  /**
   * Opens a TLS client to `database` (connecting to {@link ip}, verifying the certificate against
   * {@link hostName} and the CA, as libpq's `hostaddr` + `sslmode=verify-full` do); the caller ends it.
   */
  async connect(database = 'postgres'): Promise<pg.Client> {
    const client = new pg.Client({
      host: this.ip,
      port: this.port,
      user: ADMIN_LOGIN,
      password: this.password,
      database,
      ssl: { ca: this.ca.caPem, servername: this.hostName }
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
      `listen_addresses = ${sqlLiteral(this.ip)}`,
      `ssl = on`,
      `ssl_cert_file = ${sqlLiteral(join(this.tlsDir, 'server.crt'))}`,
      `ssl_key_file = ${sqlLiteral(join(this.tlsDir, 'server.key'))}`,
      `ssl_min_protocol_version = 'TLSv1.2'`,
      `hba_file = ${sqlLiteral(join(this.tlsDir, 'pg_hba.conf'))}`,
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
    for (const d of [this.dir, this.archiveDir, this.socketDir, this.tlsDir]) {
      await mkdir(d, { recursive: true, mode: 0o700 })
      await own(d)
    }
  }

  /**
   * Writes the server certificate and key (0600, owned by `postgres`: the server refuses a key others can
   * read), the CA (libpq's `sslrootcert` for pg_basebackup) and a pg_hba.conf that admits TLS only.
   */
  private async writeTls(): Promise<void> {
    const pair = await this.ca.issue([this.hostName, this.ip])
    const files: Array<[string, string, number]> = [
      ['server.crt', pair.certPem, 0o600],
      ['server.key', pair.keyPem, 0o600],
      ['root.crt', this.ca.caPem, 0o600],
      [
        'pg_hba.conf',
        [
          '# TLS only: no host lines, so plaintext TCP connections are refused.',
          'local     all          all                 scram-sha-256',
          'hostssl   all          all   127.0.0.0/8   scram-sha-256',
          'hostssl   replication  all   127.0.0.0/8   scram-sha-256',
          ''
        ].join('\n'),
        0o600
      ]
    ]
    for (const [file, text, mode] of files) {
      const path = join(this.tlsDir, file)
      await writeFile(path, text, { mode })
      await own(path)
    }
  }

  /** libpq parameters for PostgreSQL's own tools: host name checked, address given (no DNS needed). */
  private libpqTarget(): string[] {
    return [
      '-d',
      `host=${this.hostName} hostaddr=${this.ip} port=${this.port} user=${ADMIN_LOGIN} sslmode=verify-full sslrootcert=${join(this.tlsDir, 'root.crt')}`
    ]
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
        ...this.libpqTarget(),
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
    const ip = await freeLoopbackAddress()
    const cluster = new PostgresCluster(
      options.name,
      dir,
      ip,
      POSTGRES_PORT,
      options.password ?? randomBytes(18).toString('base64url'),
      options.hostName,
      options.ca
    )
    await cluster.makeDirs()
    await cluster.writeTls()
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
   * promote`), starts it on a loopback address of its own with a certificate for `hostName` and waits until promoted; the new cluster's own base backup
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
      await freeLoopbackAddress(),
      POSTGRES_PORT,
      this.password,
      options.hostName,
      this.ca
    )
    await restored.makeDirs()
    await restored.writeTls()
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
