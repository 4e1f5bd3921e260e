import { createHash, timingSafeEqual } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { RELAY } from './constants.js'
import { DispatchMemory } from './dedup.js'
import { withRetry, type RetryPolicy, type SendDispatch } from './dispatch.js'
import type { RelayLog } from './log.js'
import { planDispatches } from './plan.js'
import { parseWebhook } from './webhook.js'

export interface AlertRelayOptions {
  /** Bearer token Alertmanager sends (`http_config.authorization.credentials`). */
  token: string
  /** Environment for alerts without an `environment` label; empty = the label is required. */
  defaultEnvironment: string
  send: SendDispatch
  retry: RetryPolicy
  /** How long a dispatched alert group is remembered (seconds). */
  dedupTtlSeconds: number
  log: RelayLog
  /** Listen address; default 127.0.0.1 and a free port. */
  host?: string
  port?: number
}

export interface RunningAlertRelay {
  /** `http://host:port`, no trailing slash; the webhook is `${url}/hooks/alertmanager`. */
  url: string
  close(): Promise<void>
}

/** What the relay answers Alertmanager (JSON). */
export interface RelayAnswer {
  dispatched: { service: string; environment: string; trigger_id: string }[]
  duplicates: string[]
  ignored: string[]
  failed: string[]
}

const digest = (s: string) => createHash('sha256').update(s).digest()

/**
 * Starts the alert relay: `POST /hooks/alertmanager` takes Alertmanager 0.25 webhooks (version 4), authenticated
 * with `Authorization: Bearer <token>`, and sends one `repository_dispatch` per firing roll-back-now alert group
 * and service; `GET /healthz` answers 200.
 * Answers: 200 (dispatched, duplicates, ignored); 401 no or wrong token; 405 other methods; 413 body over 1 MiB;
 * 415 not JSON; 400 not an Alertmanager webhook; 422 a roll-back-now alert without service/environment/trigger_id
 * labels (nothing dispatched); 503 a dispatch failed after the retries: Alertmanager retries 5xx
 * (notify/util.go `Retrier.Check`), and the group is not remembered, so the alert is never dropped silently.
 * Every refusal and failure is logged.
 */
export async function startAlertRelay(
  options: AlertRelayOptions
): Promise<RunningAlertRelay> {
  const memory = new DispatchMemory(options.dedupTtlSeconds)
  const expected = digest(`Bearer ${options.token}`)
  const { log } = options

  const answer = (
    res: http.ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {}
  ) => {
    const text = JSON.stringify(body)
    res.writeHead(status, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(text),
      ...headers
    })
    res.end(text)
  }

  const readBody = async (req: http.IncomingMessage) => {
    const chunks: Buffer[] = []
    let size = 0
    for await (const chunk of req) {
      size += (chunk as Buffer).length
      if (size > RELAY.maxBodyBytes) return undefined
      chunks.push(chunk as Buffer)
    }
    return Buffer.concat(chunks).toString('utf8')
  }

  const hook = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const from = req.socket.remoteAddress ?? ''
    const given = req.headers.authorization ?? ''
    if (!given || !timingSafeEqual(digest(given), expected)) {
      log.warn('webhook refused: missing or wrong bearer token', {
        status: 401,
        from,
        authorization: given ? 'present' : 'absent'
      })
      answer(
        res,
        401,
        { error: 'a valid Authorization: Bearer token is required' },
        { 'www-authenticate': 'Bearer realm="alert-relay"' }
      )
      return
    }
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
      log.warn('webhook refused: not JSON', {
        status: 415,
        from,
        contentType: req.headers['content-type'] ?? ''
      })
      answer(res, 415, { error: 'Content-Type must be application/json' })
      return
    }
    const body = await readBody(req)
    if (body === undefined) {
      log.warn('webhook refused: body too large', { status: 413, from })
      answer(res, 413, {
        error: `body over ${RELAY.maxBodyBytes} bytes`
      })
      return
    }
    const parsed = parseWebhook(body)
    if ('problems' in parsed) {
      log.warn('webhook refused: not an Alertmanager v4 webhook', {
        status: 400,
        from,
        problems: parsed.problems
      })
      answer(res, 400, {
        error: 'not an Alertmanager webhook (version 4)',
        problems: parsed.problems
      })
      return
    }
    const { webhook } = parsed
    if (webhook.truncatedAlerts > 0) {
      log.warn('Alertmanager truncated the group (max_alerts)', {
        groupKey: webhook.groupKey,
        truncatedAlerts: webhook.truncatedAlerts
      })
    }
    const plan = planDispatches(webhook, options.defaultEnvironment)
    if (plan.problems.length > 0) {
      log.error('webhook refused: roll-back-now alerts cannot be dispatched', {
        status: 422,
        groupKey: webhook.groupKey,
        problems: plan.problems
      })
      answer(res, 422, {
        error:
          'roll-back-now alerts need service, environment and trigger_id labels',
        problems: plan.problems
      })
      return
    }
    const result: RelayAnswer = {
      dispatched: [],
      duplicates: [],
      ignored: plan.ignored,
      failed: []
    }
    for (const d of plan.dispatches) {
      const target = `${d.environment}/${d.service} (${d.trigger_id})`
      try {
        const r = await memory.once(d.dedup_key, () =>
          withRetry(
            () => options.send(d),
            options.retry,
            (attempt, waitMs, error) =>
              log.warn('GitHub dispatch failed; retrying', {
                target,
                attempt,
                waitMs,
                status: (error as { status?: unknown }).status ?? 'network',
                error: (error as Error).message
              })
          )
        )
        if (r.duplicate) {
          result.duplicates.push(target)
          log.info('duplicate of a dispatched alert group; not sent again', {
            target,
            dedupKey: d.dedup_key
          })
        } else {
          result.dispatched.push({
            service: d.service,
            environment: d.environment,
            trigger_id: d.trigger_id
          })
          log.info('rollback dispatched', {
            target,
            firedAt: d.fired_at,
            groupKey: d.group_key
          })
        }
      } catch (error) {
        const code = (error as { status?: unknown }).status
        const status = typeof code === 'number' ? code : 'network'
        result.failed.push(`${target}: GitHub answered ${status}`)
        log.error(
          'rollback NOT dispatched after retries; answering 503 so Alertmanager retries',
          { target, status, error: (error as Error).message }
        )
      }
    }
    if (plan.dispatches.length === 0) {
      log.info('nothing to dispatch', {
        groupKey: webhook.groupKey,
        ignored: plan.ignored
      })
    }
    answer(res, result.failed.length > 0 ? 503 : 200, result)
  }

  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://relay').pathname
    const run = async () => {
      if (path === '/healthz' && req.method === 'GET') {
        answer(res, 200, { status: 'ok' })
      } else if (path !== RELAY.hookPath) {
        answer(res, 404, { error: `no route ${path}` })
      } else if (req.method !== 'POST') {
        answer(res, 405, { error: 'use POST' }, { allow: 'POST' })
      } else {
        await hook(req, res)
      }
    }
    run().catch((error: unknown) => {
      log.error('relay failed on a request', {
        path,
        error: (error as Error).message
      })
      if (!res.headersSent) answer(res, 500, { error: 'relay failed' })
      else res.destroy()
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () =>
      resolve()
    )
  })
  const { port, address } = server.address() as AddressInfo
  const host = address.includes(':') ? `[${address}]` : address
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
