import type { IncomingHttpHeaders } from 'node:http'
import https from 'node:https'

/** A whole HTTPS answer: status, headers and the body as UTF-8 text. */
export interface HttpsReply {
  status: number
  headers: IncomingHttpHeaders
  text: string
}

/** What {@link httpsRequest} sends: method (default GET), trusted CA, headers, body. */
export interface HttpsRequestOptions {
  method?: string
  /** PEM of the CA to trust; omitted: Node's store (NODE_EXTRA_CA_CERTS included). */
  ca?: string
  headers?: Record<string, string>
  body?: string
}

/**
 * Sends one request with Node's `https.request` (the raw wire, as a client that is not an SDK sees it)
 * and reads the whole answer.
 * @throws the request's error (connection refused, TLS) as `https.request` emits it.
 */
export function httpsRequest(
  url: string | URL,
  options: HttpsRequestOptions = {}
): Promise<HttpsReply> {
  const { body, ...rest } = options
  return new Promise((resolve, reject) => {
    const req = https.request(url, rest, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (c: string) => (text += c))
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text })
      )
    })
    req.on('error', reject)
    req.end(body)
  })
}
