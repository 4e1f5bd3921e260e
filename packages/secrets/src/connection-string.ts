import { InputError } from '@rollback-actions/action-kit'

/** libpq `sslmode` values. */
export const SSL_MODES = [
  'disable',
  'allow',
  'prefer',
  'require',
  'verify-ca',
  'verify-full'
] as const
export type SslMode = (typeof SSL_MODES)[number]

export interface ConnectionParts {
  /** Host name, or `host:port` (the sandbox's FQDNs carry their port). */
  host: string
  /** Port when `host` has none; default 5432. */
  port?: number
  database: string
  username: string
  /** Never logged: the caller registers it with the masker first. */
  password: string
  sslMode: SslMode
}

/** Splits `host[:port]` (IPv6 in brackets). @throws InputError naming `input`. */
export function splitHostPort(
  value: string,
  input: string,
  fallbackPort = 5432
): { host: string; port: number } {
  const m = /^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+)(?::(\d{1,5}))?$/.exec(
    value.trim()
  )
  const port = m?.[2] !== undefined ? Number(m[2]) : fallbackPort
  if (!m || port < 1 || port > 65535)
    throw new InputError(
      input,
      `"${value}" is not a host name or host:port (e.g. myserver.postgres.database.azure.com)`
    )
  return { host: m[1] ?? '', port }
}

/**
 * A libpq connection URI (`postgresql://user:password@host:port/database?sslmode=…`), user, password and
 * database percent-encoded (RFC 3986), as PostgreSQL's "Connection URIs" section describes.
 * The result holds the password: mask it before anything prints it.
 */
export function buildConnectionString(parts: ConnectionParts): string {
  const { host, port } = splitHostPort(
    parts.host,
    'server-fqdn',
    parts.port ?? 5432
  )
  return `postgresql://${encodeURIComponent(parts.username)}:${encodeURIComponent(parts.password)}@${host}:${port}/${encodeURIComponent(parts.database)}?sslmode=${parts.sslMode}`
}

/** The connection string without its password (`postgresql://user@host:port/db`), for logs and summaries. */
export function describeConnectionString(connectionString: string): string {
  try {
    const url = new URL(connectionString)
    return `${url.protocol}//${url.username ? `${url.username}@` : ''}${url.host}${url.pathname}`
  } catch {
    return '(unparseable connection string)'
  }
}
