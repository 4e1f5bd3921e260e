import http from 'node:http'
import net, { type AddressInfo, type Socket } from 'node:net'
import tls from 'node:tls'
import pg from 'pg'
import { Counter, Histogram, Registry } from 'prom-client'
import type {
  ContainerHandle,
  ContainerRuntime,
  ContainerStartSpec
} from '@rollback-actions/emulators'

/** How a version of the service behaves under load (from the scenario's tag). */
export interface LoadProfile {
  /** Share of `/api/products` requests answered 500 (0.001 = 0.1 %). */
  errorRate: number
  /** Target 95th percentile latency of `/api/products`, milliseconds. */
  p95LatencyMs: number
}

/** A healthy version: ~0.1 % 5xx and ~80 ms p95. */
export const HEALTHY_PROFILE: LoadProfile = {
  errorRate: 0.001,
  p95LatencyMs: 80
}

/** Histogram buckets (seconds): fine around the runbook's 500 ms threshold. */
export const LATENCY_BUCKETS = [
  0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.75, 1, 1.5,
  2, 3, 5, 10
]

/** A scrape target for Prometheus' file_sd: `host:port` and the labels Prometheus attaches. */
export interface ScrapeTarget {
  target: string
  labels: Record<string, string>
}

export interface ProductServiceRuntimeOptions {
  /** Resolves an image reference to its digest (the ACR emulator); `{error}` → ErrImagePull. */
  resolve: (
    image: string
  ) =>
    | { digest: string }
    | { error: string }
    | Promise<{ digest: string } | { error: string }>
  /** True for a version that crashes at start (scenario `broken: true`). */
  isBroken: (image: string) => boolean
  /**
   * The version the program in an image reports (a real image carries it, e.g. as its
   * `org.opencontainers.image.version` label); default: the image reference's tag.
   */
  versionOf?: (image: string, digest: string) => string | undefined
  /** Load behaviour of a version; default {@link HEALTHY_PROFILE}. */
  profile?: (image: string) => LoadProfile | undefined
  /**
   * For a broken version that first serves (a failed release that passes readiness, answers with its load profile's
   * errors, then panics): ms after start before it exits. Undefined → it crashes during startup, never Ready.
   */
  crashAfterServingMs?: (image: string) => number | undefined
  /** Delay before a broken container exits, ms (default 300). */
  crashAfterMs?: number
  /** Random source in [0,1) (tests make it deterministic). */
  random?: () => number
  /** The network the pods run in: how they resolve host names and which CA they trust. */
  network?: PodNetwork
}

/**
 * What a pod's network gives an unchanged client: DNS (as CoreDNS forwarding `*.postgres.database.azure.com` to
 * Azure DNS) and the node's trust store (a real pod trusts the public CA that signs Azure's certificates).
 */
export interface PodNetwork {
  /** The address of a host name (e.g. a flexible server's FQDN), or undefined to use the system resolver. */
  resolveHost(hostName: string): string | undefined
  /** A CA the pods trust besides Node's defaults (added to the process's default CA list). */
  caPem?: string
}

/** A socket for node-postgres that resolves the host through the pod's DNS (TLS still checks the host name). */
function podSocket(network: PodNetwork | undefined): Socket {
  const socket = new net.Socket()
  if (!network) return socket
  const connect = socket.connect.bind(socket) as (
    options: net.TcpSocketConnectOpts
  ) => Socket
  // node-postgres calls connect(port, host) and later upgrades to TLS with `servername` = its own host setting.
  Object.assign(socket, {
    connect: (port: number, host: string) =>
      connect({ port, host: network.resolveHost(host) ?? host })
  })
  return socket
}

/** The runtime plus what the sandbox needs to find the running containers. */
export interface ProductServiceRuntime extends ContainerRuntime {
  /** Running containers with an endpoint, as Prometheus scrape targets. */
  targets(): ScrapeTarget[]
  /** Stops every container still running. */
  stopAll(): Promise<void>
}

function tagOf(image: string): string {
  const at = image.indexOf('@')
  const ref = at >= 0 ? image.slice(0, at) : image
  const slash = ref.lastIndexOf('/')
  const colon = ref.lastIndexOf(':')
  return colon > slash
    ? ref.slice(colon + 1)
    : at >= 0
      ? image.slice(at + 1)
      : 'latest'
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$/

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text)
  })
  res.end(text)
}

async function readJson(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const c of req) {
    size += (c as Buffer).length
    if (size > 1024 * 1024) throw new Error('body over 1 MiB')
    chunks.push(c as Buffer)
  }
  const text = Buffer.concat(chunks).toString('utf8')
  return text === '' ? {} : (JSON.parse(text) as unknown)
}

/** Latency sample (seconds) from an exponential distribution whose 95th percentile is `p95Ms`. */
function sampleLatency(p95Ms: number, random: () => number): number {
  const mean = p95Ms / Math.log(20)
  return (-Math.log(1 - random()) * mean) / 1000
}

/** Answers `GET /data`: the rows of one table of the database the pod is configured for. */
async function serveData(
  env: Record<string, string>,
  res: http.ServerResponse,
  network: PodNetwork | undefined
): Promise<void> {
  const table = env.DATA_TABLE ?? 'orders'
  if (!env.DATABASE_URL) {
    send(res, 503, {
      error:
        'no database configured: the pod has no DATABASE_URL (Secret product-service-db key connection-string is missing)'
    })
    return
  }
  if (!IDENT.test(table)) {
    send(res, 500, { error: `DATA_TABLE "${table}" is not a table name` })
    return
  }
  const quoted = table
    .split('.')
    .map((p) => `"${p}"`)
    .join('.')
  const client = new pg.Client({
    connectionString: env.DATABASE_URL,
    connectionTimeoutMillis: 3000,
    stream: () => podSocket(network)
  })
  try {
    await client.connect()
    const result = await client.query(`SELECT * FROM ${quoted} ORDER BY 1`)
    send(res, 200, {
      table,
      columns: result.fields.map((f) => f.name),
      rows: result.rows as unknown[]
    })
  } catch (error) {
    // pg messages name the table/column, never the connection string.
    send(res, 503, {
      error: `database query failed: ${(error as Error).message}`
    })
  } finally {
    await client.end().catch(() => undefined)
  }
}

interface Running {
  spec: ContainerStartSpec
  endpoint?: string
  stop(): Promise<void>
}

/**
 * The sample product-service as a container runtime for the Kubernetes emulator: each container is an in-process
 * HTTP server on its own 127.0.0.1 port (its pod IP) serving `/healthz`, `/version`, `/data`, `/metrics`
 * (prom-client), `GET /api/products` (behaves by the version's {@link LoadProfile}), `POST /api/users` and
 * `POST /api/service-requests` (201 JSON). A broken version logs a panic and exits after ~300 ms, never Ready.
 */
export function createProductServiceRuntime(
  options: ProductServiceRuntimeOptions
): ProductServiceRuntime {
  const running = new Set<Running>()
  const random = options.random ?? Math.random
  const extraCa = options.network?.caPem
  if (extraCa && !tls.getCACertificates('default').includes(extraCa))
    tls.setDefaultCACertificates([...tls.getCACertificates('default'), extraCa])
  return {
    async pull(image) {
      return options.resolve(image)
    },
    targets() {
      return [...running]
        .filter((r) => r.endpoint)
        .map((r) => ({
          target: new URL(r.endpoint!).host,
          labels: {
            namespace: r.spec.namespace,
            pod: r.spec.pod,
            container: r.spec.container,
            service: r.spec.container,
            version:
              options.versionOf?.(r.spec.image, r.spec.digest) ??
              tagOf(r.spec.image)
          }
        }))
    },
    async stopAll() {
      await Promise.all([...running].map((r) => r.stop()))
    },
    async start(spec): Promise<ContainerHandle> {
      const logs: string[] = []
      const stamp = () => new Date().toISOString()
      const version =
        options.versionOf?.(spec.image, spec.digest) ?? tagOf(spec.image)
      logs.push(
        `${stamp()} INFO product-service ${version} starting (pod ${spec.pod}, image ${spec.image}@${spec.digest})`
      )
      let exited: { code: number; reason: string } | undefined
      const broken = options.isBroken(spec.image)
      const servesFor = broken
        ? options.crashAfterServingMs?.(spec.image)
        : undefined
      if (broken && servesFor === undefined) {
        const timer = setTimeout(() => {
          logs.push(
            `${stamp()} INFO loading configuration from /etc/product-service/config.yaml`,
            `${stamp()} FATAL unhandled exception during startup`,
            `TypeError: Cannot read properties of undefined (reading 'connectionPool')`,
            `    at createRepository (/app/dist/db/repository.js:41:37)`,
            `    at bootstrap (/app/dist/main.js:18:22)`,
            `    at process.processTicksAndRejections (node:internal/process/task_queues:105:5)`,
            `Node.js v24.11.0`
          )
          exited = { code: 1, reason: 'Error' }
        }, options.crashAfterMs ?? 300)
        const entry: Running = {
          spec,
          stop: () => {
            clearTimeout(timer)
            running.delete(entry)
            return Promise.resolve()
          }
        }
        running.add(entry)
        return {
          ready: () => Promise.resolve(false),
          exited: () => exited,
          logs: () => [...logs],
          stop: () => entry.stop()
        }
      }
      const profile = options.profile?.(spec.image) ?? HEALTHY_PROFILE
      const registry = new Registry()
      const requests = new Counter({
        name: 'http_requests_total',
        help: 'HTTP requests answered, by status code, method and route.',
        labelNames: ['code', 'method', 'route'],
        registers: [registry]
      })
      const duration = new Histogram({
        name: 'http_request_duration_seconds',
        help: 'HTTP request latency in seconds, by status code, method and route.',
        labelNames: ['code', 'method', 'route'],
        buckets: LATENCY_BUCKETS,
        registers: [registry]
      })
      let nextId = 1
      const handler = async (
        req: http.IncomingMessage,
        res: http.ServerResponse
      ) => {
        const started = performance.now()
        const path = (req.url ?? '/').split('?')[0] ?? '/'
        const method = req.method ?? 'GET'
        const known = [
          '/healthz',
          '/version',
          '/data',
          '/metrics',
          '/api/products',
          '/api/users',
          '/api/service-requests'
        ]
        const route = known.includes(path) ? path : 'other'
        res.once('finish', () => {
          if (route === '/metrics') return
          const labels = { code: String(res.statusCode), method, route }
          requests.inc(labels)
          duration.observe(labels, (performance.now() - started) / 1000)
        })
        if (path === '/healthz') return send(res, 200, { status: 'ok' })
        if (path === '/version') {
          return send(res, 200, { version, image: spec.image, pod: spec.pod })
        }
        if (path === '/metrics') {
          const text = await registry.metrics()
          res.writeHead(200, { 'content-type': registry.contentType })
          res.end(text)
          return
        }
        if (path === '/data' && method === 'GET')
          return serveData(spec.env, res, options.network)
        if (path === '/api/products' && method === 'GET') {
          await new Promise((r) =>
            setTimeout(r, sampleLatency(profile.p95LatencyMs, random) * 1000)
          )
          if (random() < profile.errorRate) {
            logs.push(
              `${stamp()} ERROR GET /api/products failed: upstream timeout`
            )
            return send(res, 500, { error: 'internal error' })
          }
          return send(res, 200, {
            products: [
              { id: 1, name: 'Extended warranty', version },
              { id: 2, name: 'Accidental damage cover', version }
            ]
          })
        }
        if (
          (path === '/api/users' || path === '/api/service-requests') &&
          method === 'POST'
        ) {
          let body: unknown
          try {
            body = await readJson(req)
          } catch {
            return send(res, 400, { error: 'body must be JSON' })
          }
          if (
            body === null ||
            typeof body !== 'object' ||
            Array.isArray(body)
          ) {
            return send(res, 400, { error: 'body must be a JSON object' })
          }
          const id = nextId++
          return send(res, 201, {
            id,
            ...(path === '/api/users'
              ? { kind: 'user', status: 'registered' }
              : { kind: 'service-request', status: 'open' }),
            ...(body as Record<string, unknown>),
            version
          })
        }
        send(res, 404, { error: `no route ${method} ${path}` })
      }
      const sockets = new Set<Socket>()
      const server = http.createServer((req, res) => {
        handler(req, res).catch((error: unknown) => {
          if (!res.headersSent)
            send(res, 500, { error: (error as Error).message })
          else res.destroy()
        })
      })
      server.on('connection', (s) => {
        sockets.add(s)
        s.once('close', () => sockets.delete(s))
      })
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject)
        server.listen(0, '127.0.0.1', () => resolve())
      })
      const { port } = server.address() as AddressInfo
      const endpoint = `http://127.0.0.1:${port}`
      logs.push(`${stamp()} INFO listening on :${port}`)
      let stopped = false
      let crashTimer: NodeJS.Timeout | undefined
      const entry: Running = {
        spec,
        endpoint,
        stop: async () => {
          if (stopped) return
          stopped = true
          clearTimeout(crashTimer)
          running.delete(entry)
          for (const s of sockets) s.destroy()
          await new Promise<void>((r) => server.close(() => r()))
          logs.push(`${stamp()} INFO stopped`)
        }
      }
      running.add(entry)
      if (servesFor !== undefined) {
        crashTimer = setTimeout(() => {
          logs.push(
            `${stamp()} ERROR connection pool exhausted: 50 of 50 connections busy`,
            `${stamp()} FATAL unhandled promise rejection`,
            `Error: pool is draining and cannot accept work`,
            `    at Pool.acquire (/app/dist/db/pool.js:88:15)`,
            `    at ProductRepository.list (/app/dist/db/repository.js:63:28)`,
            `Node.js v24.11.0`
          )
          exited = { code: 1, reason: 'Error' }
          void entry.stop()
        }, servesFor)
        crashTimer.unref()
      }
      return {
        endpoint,
        // Readiness = the server is listening (the kubelet asks on every tick; an HTTP probe each time would
        // flood http_requests_total with /healthz hits and skew the error ratio).
        ready: () => Promise.resolve(!stopped && server.listening),
        exited: () => exited,
        logs: () => [...logs],
        stop: () => entry.stop()
      }
    }
  }
}
