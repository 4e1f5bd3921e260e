import http from 'node:http'
import https from 'node:https'
import type { AddressInfo, Socket } from 'node:net'
import type { KeyPairPem } from '@rollback-actions/emulators'

/** What the proxy does to a request a rule matches. */
export type Fault =
  /** Answers `status` itself (never forwards), with `Retry-After` when given and a JSON body. */
  | { kind: 'status'; status: number; retryAfter?: string; body?: unknown }
  /** Reads the request, then closes the connection without an answer (ECONNRESET / socket hang up). */
  | { kind: 'reset' }
  /** Forwards, sends the upstream's status line, headers and part of the body, then cuts the connection. */
  | { kind: 'reset-mid-response' }
  /** Never answers (the connection stays open until the client gives up or the proxy closes). */
  | { kind: 'hang' }
  /** Forwards after `delayMs`. */
  | { kind: 'slow'; delayMs: number }
  /** Forwards a (watch) stream and cuts it after `afterMs`. */
  | { kind: 'drop-stream'; afterMs: number }
  /** Forwards the upstream's status and headers, then passes no byte of the body (a stalled watch). */
  | { kind: 'stall-stream' }

/** A fault for the next `times` requests whose method and path (with query) match. */
export interface FaultRule {
  /** HTTP method; any when omitted. */
  method?: string
  /** Tested against the path with its query string. */
  path: RegExp
  fault: Fault
  /** How many matching requests meet it (default 1; `Infinity` for all). */
  times?: number
}

/** One request the proxy saw and what it did with it. */
export interface ProxyHit {
  method: string
  path: string
  /** The fault applied, or `forward`. */
  action: Fault['kind'] | 'forward'
}

export interface FaultProxy {
  /** `https://127.0.0.1:<port>`. */
  url: string
  /** `127.0.0.1:<port>`. */
  host: string
  /** Adds a rule; rules are tried in the order added. */
  inject(rule: FaultRule): void
  /** Removes every rule not yet used up. */
  clear(): void
  /** Every request seen, in order. */
  readonly hits: ProxyHit[]
  /** Hits since `mark` (an earlier `hits.length`). */
  since(mark: number): ProxyHit[]
  /** Stops listening and destroys every open connection (hung requests included). */
  close(): Promise<void>
}

export interface FaultProxyOptions {
  /** The emulator behind the proxy, `https://127.0.0.1:<port>`. */
  upstream: string
  /** The proxy's own certificate (issued by the CA the clients trust, for `127.0.0.1`). */
  tls: KeyPairPem
  /** CA that issued the upstream's certificate. */
  caPem: string
}

/**
 * A TLS proxy in front of one emulator that injects faults by rule: status codes with `Retry-After`, connection
 * resets before or in the middle of an answer, hangs, slow answers, and dropped or stalled watch streams. Requests
 * no rule matches are forwarded unchanged (the `Host` header is rewritten to the upstream, and the upstream's
 * origin in response headers such as `Azure-AsyncOperation` and `Location` to the proxy's).
 */
export async function startFaultProxy(
  options: FaultProxyOptions
): Promise<FaultProxy> {
  const upstream = new URL(options.upstream)
  let origin = ''
  const rules: (FaultRule & { left: number })[] = []
  const hits: ProxyHit[] = []
  const sockets = new Set<Socket>()
  const timers = new Set<NodeJS.Timeout>()
  const later = (ms: number, fn: () => void) => {
    const t = setTimeout(() => {
      timers.delete(t)
      fn()
    }, ms)
    timers.add(t)
  }

  const take = (method: string, path: string): Fault | undefined => {
    const rule = rules.find(
      (r) =>
        r.left > 0 &&
        (r.method === undefined || r.method === method) &&
        r.path.test(path)
    )
    if (!rule) return undefined
    rule.left--
    return rule.fault
  }

  const forward = (
    req: http.IncomingMessage,
    body: Buffer,
    res: http.ServerResponse,
    fault?: Fault
  ) => {
    const headers = { ...req.headers, host: upstream.host }
    const up = https.request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers,
        ca: options.caPem
      },
      (upRes) => {
        // Absolute URLs the upstream hands out (Azure-AsyncOperation, Location) must lead back through the proxy.
        const out: http.OutgoingHttpHeaders = {}
        for (const [name, value] of Object.entries(upRes.headers))
          out[name] =
            typeof value === 'string'
              ? value.split(upstream.origin).join(origin)
              : value
        res.writeHead(upRes.statusCode ?? 502, out)
        res.flushHeaders()
        if (fault?.kind === 'stall-stream') {
          upRes.resume()
          upRes.on('data', () => undefined)
          return
        }
        if (fault?.kind === 'reset-mid-response') {
          upRes.once('data', (chunk: Buffer) => {
            res.write(chunk.subarray(0, Math.max(1, chunk.length >> 1)))
            later(20, () => res.socket?.destroy())
            upRes.destroy()
          })
          upRes.once('end', () => res.socket?.destroy())
          return
        }
        if (fault?.kind === 'drop-stream') {
          later(fault.afterMs, () => {
            upRes.destroy()
            res.socket?.destroy()
          })
        }
        upRes.pipe(res)
      }
    )
    up.on('error', () => res.socket?.destroy())
    res.on('close', () => up.destroy())
    up.end(body)
  }

  const handler = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const body = Buffer.concat(chunks)
      const method = req.method ?? 'GET'
      const path = req.url ?? '/'
      const fault = take(method, path)
      hits.push({ method, path, action: fault?.kind ?? 'forward' })
      switch (fault?.kind) {
        case 'status': {
          const text = JSON.stringify(
            fault.body ?? {
              kind: 'Status',
              apiVersion: 'v1',
              status: 'Failure',
              message: `injected HTTP ${fault.status}`,
              code: fault.status,
              error: {
                code: `Injected${fault.status}`,
                message: `injected HTTP ${fault.status}`
              }
            }
          )
          res.writeHead(fault.status, {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(text),
            ...(fault.retryAfter ? { 'retry-after': fault.retryAfter } : {})
          })
          res.end(text)
          return
        }
        case 'reset':
          req.socket.destroy()
          return
        case 'hang':
          return
        case 'slow':
          later(fault.delayMs, () => forward(req, body, res))
          return
        default:
          forward(req, body, res, fault)
      }
    })
  }

  const server = https.createServer(
    { cert: options.tls.certPem, key: options.tls.keyPem },
    handler
  )
  server.keepAliveTimeout = 5_000
  server.on('connection', (socket: Socket) => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  origin = `https://127.0.0.1:${port}`
  return {
    url: `https://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    inject: (rule) => rules.push({ ...rule, left: rule.times ?? 1 }),
    clear: () => {
      rules.length = 0
    },
    hits,
    since: (mark) => hits.slice(mark),
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t)
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      })
  }
}
