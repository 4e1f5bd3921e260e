import https from 'node:https'
import http from 'node:http'
import { timingSafeEqual } from 'node:crypto'
import type { AddressInfo, Socket } from 'node:net'
import type { KeyPairPem } from './tls.js'

/** One request an emulator answered: what tests read to prove that nothing was written. */
export interface RecordedRequest {
  /** Emulator name, e.g. `kubernetes`, `acr`, `entra`. */
  server: string
  method: string
  /** Path with query string, as received. */
  path: string
  /** HTTP status sent (for watch streams: the status of the stream, known at its start). */
  status: number
  /** UTC ISO-8601 time the request arrived. */
  at: string
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** The request log shared by every emulator of a sandbox. */
export class RequestLog {
  readonly entries: RecordedRequest[] = []

  record(entry: RecordedRequest): void {
    this.entries.push(entry)
  }

  /** Entries of one server (or all), optionally only since index `since` (see {@link mark}). */
  of(server?: string, since = 0): RecordedRequest[] {
    return this.entries
      .slice(since)
      .filter((e) => server === undefined || e.server === server)
  }

  /** Mutating requests (POST, PUT, PATCH, DELETE) of one server (or all) since `since`. */
  writes(server?: string, since = 0): RecordedRequest[] {
    return this.of(server, since).filter((e) => WRITE_METHODS.has(e.method))
  }

  /** The current length: pass it as `since` to look only at later requests. */
  mark(): number {
    return this.entries.length
  }
}

export type Handler = (
  req: http.IncomingMessage,
  res: http.ServerResponse
) => void | Promise<void>

/** A listening emulator. */
export interface RunningServer {
  name: string
  /** `https://127.0.0.1:<port>` (or `http://` for plain servers), no trailing slash. */
  url: string
  port: number
  /** Stops listening and destroys open connections (watch streams included). */
  close(): Promise<void>
}

export interface StartServerOptions {
  name: string
  /** Certificate and key; omit for plain HTTP (only for clients that accept it, such as the GitHub OIDC endpoint). */
  tls?: KeyPairPem
  log: RequestLog
  handler: Handler
  /** Defaults to 127.0.0.1; the port is always chosen by the OS (port 0). */
  host?: string
}

/**
 * Starts an HTTP(S) server on a random loopback port, recording every request in `log`.
 * A handler that throws answers 500 with a JSON body naming the emulator.
 */
export async function startServer(
  options: StartServerOptions
): Promise<RunningServer> {
  const sockets = new Set<Socket>()
  const wrapped = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const at = new Date().toISOString()
    let recorded = false
    const record = () => {
      if (recorded) return
      recorded = true
      options.log.record({
        server: options.name,
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        status: res.statusCode,
        at
      })
    }
    res.once('finish', record)
    res.once('close', record)
    Promise.resolve()
      .then(() => options.handler(req, res))
      .catch((error: unknown) => {
        if (!res.headersSent) {
          sendJson(res, 500, {
            error: `${options.name} emulator failed: ${error instanceof Error ? error.message : String(error)}`
          })
        } else {
          res.destroy()
        }
      })
  }
  const server = options.tls
    ? https.createServer(
        { cert: options.tls.certPem, key: options.tls.keyPem },
        wrapped
      )
    : http.createServer(wrapped)
  server.keepAliveTimeout = 5_000
  const track = (socket: Socket) => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
  }
  server.on(options.tls ? 'secureConnection' : 'connection', track)
  if (options.tls) server.on('connection', track)
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, options.host ?? '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  const host = options.host ?? '127.0.0.1'
  return {
    name: options.name,
    port,
    url: `${options.tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      })
  }
}

/**
 * {@link startServer} for one emulator: its name and handler, with the `tls` (plain HTTP when absent) and
 * request `log` of its options.
 */
export function serveEmulator(
  name: string,
  options: { tls?: KeyPairPem | undefined; log: RequestLog },
  handler: Handler
): Promise<RunningServer> {
  return startServer({
    name,
    log: options.log,
    handler,
    ...(options.tls ? { tls: options.tls } : {})
  })
}

/** Reads a whole request body (bounded to 16 MiB). */
export async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    const b = chunk as Buffer
    size += b.length
    if (size > 16 * 1024 * 1024) throw new Error('request body over 16 MiB')
    chunks.push(b)
  }
  return Buffer.concat(chunks)
}

/** Sends a JSON body with `content-type: application/json`. */
export function sendJson(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {}
): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers
  })
  res.end(text)
}

/** The token of an `Authorization: Bearer <token>` header (RFC 6750 §2.1), or undefined. */
export function bearerToken(req: http.IncomingMessage): string | undefined {
  const m = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')
  const token = m?.[1]?.trim()
  return token === '' ? undefined : token
}

/** Compares two secrets in constant time (for a given length). */
export function tokensEqual(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

/**
 * Reads a JSON request body; an empty body reads as `empty`.
 * @throws SyntaxError when the body is not JSON (each emulator answers it in its protocol's words).
 */
export async function readJson(
  req: http.IncomingMessage,
  empty: unknown = undefined
): Promise<unknown> {
  const text = (await readBody(req)).toString('utf8')
  return text === '' ? empty : (JSON.parse(text) as unknown)
}

/** Reads an `application/x-www-form-urlencoded` request body (OAuth 2.0 token requests). */
export async function readForm(
  req: http.IncomingMessage
): Promise<URLSearchParams> {
  return new URLSearchParams((await readBody(req)).toString('utf8'))
}
