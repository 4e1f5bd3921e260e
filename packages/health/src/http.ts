import http from 'node:http'
import https from 'node:https'
import { z } from 'zod'
import type { Reading } from './prometheus-checks.js'

/** Options for requests to service endpoints. */
export interface HttpOptions {
  /** Extra CA certificates (PEM) to trust besides the system's and `NODE_EXTRA_CA_CERTS`. */
  ca?: string
  /** Per-request timeout in seconds (default 10). */
  timeoutSeconds?: number
}

/** An HTTP answer. */
export interface HttpAnswer {
  status: number
  body: string
  durationMs: number
}

/** Sends one request (redirects are not followed: a check sees what the endpoint answers). */
export function httpRequest(
  request: {
    method: string
    url: string
    headers?: Record<string, string>
    body?: string
  },
  options: HttpOptions = {}
): Promise<HttpAnswer> {
  const started = performance.now()
  const url = new URL(request.url)
  const lib = url.protocol === 'https:' ? https : http
  return new Promise((resolve, reject) => {
    const req = lib.request(
      url,
      {
        method: request.method,
        headers: {
          ...(request.body !== undefined
            ? { 'content-length': String(Buffer.byteLength(request.body)) }
            : {}),
          ...request.headers
        },
        ...(options.ca && url.protocol === 'https:' ? { ca: options.ca } : {}),
        agent: false,
        timeout: (options.timeoutSeconds ?? 10) * 1000
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            durationMs: Math.round(performance.now() - started)
          })
        )
        res.on('error', reject)
      }
    )
    req.on('timeout', () =>
      req.destroy(
        Object.assign(
          new Error(`no answer within ${options.timeoutSeconds ?? 10}s`),
          { code: 'ETIMEDOUT' }
        )
      )
    )
    req.on('error', reject)
    req.end(request.body)
  })
}

/** The value at a dot path (`version`, `items.0.id`) of a parsed JSON document, or undefined. */
export function jsonPath(doc: unknown, path: string): unknown {
  let cur: unknown = doc
  for (const key of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined
    cur = (cur as Record<string, unknown>)[key]
  }
  return cur
}

function networkError(error: unknown): string {
  const e = error as { code?: string; message?: string }
  return e.code
    ? `${e.code}${e.message && !e.message.includes(e.code) ? ` ${e.message}` : ''}`
    : (e.message ?? String(error))
}

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()])

/** One item of the `http-checks` YAML list. */
export const HttpCheckSpec = z
  .object({
    url: z.url({ protocol: /^https?$/, error: 'url must be an http(s) URL' }),
    name: z.string().min(1).optional(),
    'expect-status': z.number().int().min(100).max(599).default(200),
    'json-field': z.string().min(1).optional(),
    'json-value': scalar.optional()
  })
  .strict()
  .refine(
    (c) => (c['json-field'] === undefined) === (c['json-value'] === undefined),
    {
      message: 'json-field and json-value go together'
    }
  )
export type HttpCheckSpec = z.infer<typeof HttpCheckSpec>

/** Compares a JSON value with an expected scalar (numbers and booleans also match their string form). */
function sameValue(actual: unknown, expected: unknown): boolean {
  if (actual === expected) return true
  if (
    (typeof actual !== 'string' &&
      typeof actual !== 'number' &&
      typeof actual !== 'boolean') ||
    (typeof expected !== 'string' &&
      typeof expected !== 'number' &&
      typeof expected !== 'boolean')
  )
    return false
  return String(actual) === String(expected)
}

/**
 * Takes one reading of an HTTP check: `GET url`, expecting the status and (when set) a JSON field value.
 * Unreachable endpoints (refused, timed out, TLS errors) give an `error` reading — never a good one.
 */
export async function readHttpCheck(
  check: HttpCheckSpec,
  options: HttpOptions = {}
): Promise<Reading> {
  const expectation = `HTTP ${check['expect-status']}${check['json-field'] ? `, ${check['json-field']} = ${JSON.stringify(check['json-value'])}` : ''}`
  const base = {
    check: check.name ?? check.url,
    kind: 'http' as const,
    at: new Date().toISOString(),
    query: `GET ${check.url}`,
    threshold: expectation
  }
  let answer: HttpAnswer
  try {
    answer = await httpRequest(
      {
        method: 'GET',
        url: check.url,
        headers: { accept: 'application/json' }
      },
      options
    )
  } catch (error) {
    return {
      ...base,
      outcome: 'error',
      detail: `unreachable: ${networkError(error)}`
    }
  }
  const durationMs = answer.durationMs
  if (answer.status !== check['expect-status']) {
    return {
      ...base,
      durationMs,
      outcome: 'failure',
      value: `HTTP ${answer.status}`,
      detail: `answered HTTP ${answer.status}, expected ${check['expect-status']}: ${answer.body.slice(0, 120).replace(/\s+/g, ' ')}`
    }
  }
  if (check['json-field'] !== undefined) {
    let doc: unknown
    try {
      doc = JSON.parse(answer.body)
    } catch {
      return {
        ...base,
        durationMs,
        outcome: 'failure',
        value: `HTTP ${answer.status}`,
        detail: 'the body is not JSON'
      }
    }
    const actual = jsonPath(doc, check['json-field'])
    if (!sameValue(actual, check['json-value'])) {
      return {
        ...base,
        durationMs,
        outcome: 'failure',
        value: `${check['json-field']} = ${JSON.stringify(actual)}`,
        detail: `${check['json-field']} is ${JSON.stringify(actual)}, expected ${JSON.stringify(check['json-value'])}`
      }
    }
    return {
      ...base,
      durationMs,
      outcome: 'success',
      value: `HTTP ${answer.status}, ${check['json-field']} = ${JSON.stringify(actual)}`,
      detail: `answered as expected in ${durationMs} ms`
    }
  }
  return {
    ...base,
    durationMs,
    outcome: 'success',
    value: `HTTP ${answer.status}`,
    detail: `answered as expected in ${durationMs} ms`
  }
}

/** One step of a smoke-test journey list (the `smoke-tests` YAML list), run in order. */
export const SmokeTestSpec = z
  .object({
    name: z.string().min(1, 'each smoke test needs a name'),
    method: z
      .enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'], {
        error: 'method must be GET, POST, PUT, PATCH, DELETE or HEAD'
      })
      .default('GET'),
    url: z.url({ protocol: /^https?$/, error: 'url must be an http(s) URL' }),
    headers: z.record(z.string(), z.string()).default({}),
    /** A string is sent as is; anything else as JSON (content-type application/json unless set). */
    body: z.unknown().optional(),
    'expect-status': z.number().int().min(100).max(599).default(200),
    /** JSON fields (dot paths) and the values they must have; `"*"` only requires the field to exist. */
    'expect-json': z.record(z.string(), scalar).default({})
  })
  .strict()
export type SmokeTestSpec = z.infer<typeof SmokeTestSpec>

/**
 * Runs the smoke-test journeys in order, each timed. A step that cannot reach its endpoint is an `error` reading;
 * a wrong status or field a `failure`. Later steps still run (each answer is evidence).
 */
export async function runSmokeTests(
  tests: SmokeTestSpec[],
  options: HttpOptions = {}
): Promise<Reading[]> {
  const readings: Reading[] = []
  for (const t of tests) {
    const headers: Record<string, string> = {
      accept: 'application/json',
      ...t.headers
    }
    let body: string | undefined
    if (t.body !== undefined) {
      if (typeof t.body === 'string') body = t.body
      else {
        body = JSON.stringify(t.body)
        if (
          !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')
        ) {
          headers['content-type'] = 'application/json'
        }
      }
    }
    const expectJson = Object.entries(t['expect-json'])
    const base = {
      check: t.name,
      kind: 'smoke' as const,
      at: new Date().toISOString(),
      query: `${t.method} ${t.url}`,
      threshold: `HTTP ${t['expect-status']}${expectJson.map(([k, v]) => `, ${k} = ${JSON.stringify(v)}`).join('')}`
    }
    let answer: HttpAnswer
    try {
      answer = await httpRequest(
        {
          method: t.method,
          url: t.url,
          headers,
          ...(body !== undefined ? { body } : {})
        },
        options
      )
    } catch (error) {
      readings.push({
        ...base,
        outcome: 'error',
        detail: `unreachable: ${networkError(error)}`
      })
      continue
    }
    const problems: string[] = []
    if (answer.status !== t['expect-status']) {
      problems.push(`HTTP ${answer.status}, expected ${t['expect-status']}`)
    }
    if (expectJson.length > 0 && problems.length === 0) {
      let doc: unknown
      try {
        doc = JSON.parse(answer.body)
      } catch {
        problems.push('the body is not JSON')
      }
      if (problems.length === 0) {
        for (const [path, expected] of expectJson) {
          const actual = jsonPath(doc, path)
          if (
            expected === '*'
              ? actual === undefined
              : !sameValue(actual, expected)
          ) {
            problems.push(
              `${path} is ${JSON.stringify(actual)}, expected ${expected === '*' ? 'a value' : JSON.stringify(expected)}`
            )
          }
        }
      }
    }
    readings.push({
      ...base,
      durationMs: answer.durationMs,
      outcome: problems.length === 0 ? 'success' : 'failure',
      value: `HTTP ${answer.status} in ${answer.durationMs} ms`,
      detail:
        problems.length === 0
          ? `passed in ${answer.durationMs} ms`
          : problems.join('; ')
    })
  }
  return readings
}
