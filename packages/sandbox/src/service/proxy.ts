import http from 'node:http'
import https from 'node:https'
import {
  startServer,
  sendJson,
  type RequestLog,
  type RunningServer
} from '@rollback-actions/emulators'
import type { KeyPairPem } from '@rollback-actions/emulators'

/** One pod behind the Service. */
export interface ServiceEndpoint {
  pod: string
  image: string
  /** `http://127.0.0.1:<port>` of the pod; absent while it has none. */
  endpoint?: string
  /** false when the pod is not Ready (the endpoint is skipped); absent means Ready. */
  ready?: boolean
}

export interface ServiceProxyOptions {
  tls: KeyPairPem
  log: RequestLog
  /** The pods of the service right now (asked on every request). */
  endpoints: () => ServiceEndpoint[]
  /** Server name in the request log (default `service`). */
  name?: string
}

/**
 * The HTTPS endpoint of the product-service, behaving like a Kubernetes Service behind an ingress: requests are
 * round-robined over Ready pods only and forwarded as they are (method, path, headers, body); the answer carries
 * `x-served-by: <pod>`. With no Ready pod it answers `503 no endpoints available for service "<name>"` — the answer
 * an ingress controller (ingress-nginx) gives; a bare ClusterIP Service would refuse the connection (kube-proxy's
 * REJECT rule), which an HTTP check reports the same way: never healthy. A pod that drops the connection mid-request
 * gives 502. During a half-finished rollout both versions answer.
 */
export async function startServiceProxy(
  options: ServiceProxyOptions
): Promise<RunningServer> {
  const name = options.name ?? 'service'
  let next = 0
  return startServer({
    name,
    tls: options.tls,
    log: options.log,
    handler: (req, res) => {
      const ready = options
        .endpoints()
        .filter((e) => e.endpoint !== undefined && e.ready !== false)
      if (ready.length === 0) {
        req.resume()
        sendJson(res, 503, {
          error: `no endpoints available for service "${name}"`
        })
        return
      }
      const target = ready[next++ % ready.length]!
      const url = new URL(req.url ?? '/', target.endpoint)
      const headers = { ...req.headers }
      delete headers.host
      delete headers.connection
      return new Promise<void>((resolve) => {
        const upstream = http.request(
          url,
          { method: req.method, headers, agent: false },
          (answer) => {
            res.writeHead(answer.statusCode ?? 502, {
              ...answer.headers,
              'x-served-by': target.pod
            })
            answer.pipe(res)
            answer.on('end', resolve)
            answer.on('error', () => {
              res.destroy()
              resolve()
            })
          }
        )
        upstream.on('error', (error) => {
          if (!res.headersSent) {
            sendJson(res, 502, {
              error: `pod ${target.pod} did not answer: ${(error as NodeJS.ErrnoException).code ?? error.message}`
            })
          } else res.destroy()
          resolve()
        })
        req.pipe(upstream)
      })
    }
  })
}

/** A running load generator. */
export interface LoadGenerator {
  /** Requests sent, and answers by status class. */
  stats(): { sent: number; ok: number; serverErrors: number; failed: number }
  /** Stops sending and waits for requests in flight. Idempotent. */
  stop(): Promise<void>
}

export interface LoadGeneratorOptions {
  /** The Service URL (`https://127.0.0.1:<port>`). */
  url: string
  /** CA certificate (PEM) of the Service's certificate. */
  ca: string
  /** Requests per second (default 20). */
  ratePerSecond?: number
  /** Path requested (default `/api/products`). */
  path?: string
  /** Most requests in flight at once; ticks beyond it are skipped (default 50). */
  maxInFlight?: number
}

/**
 * A bounded request loop against the Service so Prometheus has traffic to measure: `ratePerSecond` GETs of `path`,
 * never more than `maxInFlight` open, until {@link LoadGenerator.stop}.
 */
export function startLoadGenerator(
  options: LoadGeneratorOptions
): LoadGenerator {
  const rate = options.ratePerSecond ?? 20
  const max = options.maxInFlight ?? 50
  const target = new URL(options.path ?? '/api/products', options.url)
  const agent = new https.Agent({
    keepAlive: true,
    maxSockets: max,
    ca: options.ca
  })
  const inFlight = new Set<Promise<void>>()
  const stats = { sent: 0, ok: 0, serverErrors: 0, failed: 0 }
  let stopped = false
  const fire = () => {
    if (stopped || inFlight.size >= max) return
    stats.sent++
    const p = new Promise<void>((resolve) => {
      const req = https.request(target, { agent, timeout: 10_000 }, (res) => {
        const code = res.statusCode ?? 0
        if (code >= 500) stats.serverErrors++
        else if (code < 400) stats.ok++
        res.resume()
        res.on('end', resolve)
        res.on('error', () => resolve())
      })
      req.on('timeout', () => req.destroy())
      req.on('error', () => {
        stats.failed++
        resolve()
      })
      req.end()
    })
    inFlight.add(p)
    void p.finally(() => inFlight.delete(p))
  }
  const timer = setInterval(fire, 1000 / rate)
  return {
    stats: () => ({ ...stats }),
    stop: async () => {
      if (stopped) return
      stopped = true
      clearInterval(timer)
      await Promise.all([...inFlight])
      agent.destroy()
    }
  }
}
