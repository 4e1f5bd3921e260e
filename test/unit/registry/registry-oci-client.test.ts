import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { IncomingMessage, ServerResponse } from 'node:http'
import {
  ConfigurationError,
  OperationError,
  silentLogger
} from '@rollback-actions/action-kit'
import {
  createOciRegistryClient,
  nextLink,
  parseChallenge,
  type TagListing
} from '@rollback-actions/registry'
import { generateImage, type GeneratedImage } from '@rollback-actions/emulators'
import {
  RequestLog,
  sendJson,
  startServer,
  type RunningServer
} from '@rollback-actions/emulators'

describe('parseChallenge and nextLink', () => {
  it.each([
    [
      'Bearer realm="https://a/token",service="reg",scope="repository:x:pull"',
      {
        scheme: 'bearer',
        params: {
          realm: 'https://a/token',
          service: 'reg',
          scope: 'repository:x:pull'
        }
      }
    ],
    [
      'Bearer realm="https://a/t",scope="repository:x:pull repository:y:pull"',
      {
        scheme: 'bearer',
        params: {
          realm: 'https://a/t',
          scope: 'repository:x:pull repository:y:pull'
        }
      }
    ],
    [
      'Basic realm="Registry Realm"',
      { scheme: 'basic', params: { realm: 'Registry Realm' } }
    ],
    [
      'Bearer realm=https://a/t,service=reg',
      { scheme: 'bearer', params: { realm: 'https://a/t', service: 'reg' } }
    ]
  ])('parses %s', (header, expected) => {
    expect(parseChallenge(header)).toEqual(expected)
  })

  it.each([
    [
      '</v2/app/tags/list?last=b&n=2>; rel="next"',
      'http://r/v2/app/tags/list?last=b&n=2'
    ],
    ['<http://other/x>; rel="prev", </v2/y>; rel=next', 'http://r/v2/y'],
    [null, undefined],
    ['</v2/z>; rel="prev"', undefined]
  ])('reads the next link of %s', (header, expected) => {
    expect(nextLink(header, 'http://r/v2/app/tags/list')).toBe(expected)
  })
})

describe('generic OCI client against a token-auth registry', () => {
  const log = new RequestLog()
  let server: RunningServer
  let corrupt = false
  const images: Record<string, GeneratedImage> = {
    a: generateImage({
      seed: 'a',
      created: new Date('2026-01-01T00:00:00Z'),
      annotateCreated: false
    }),
    b: generateImage({ seed: 'b', created: new Date('2026-01-02T00:00:00Z') }),
    c: generateImage({
      seed: 'c',
      created: new Date('2026-01-03T00:00:00Z'),
      annotateCreated: false
    })
  }
  const tags = ['a', 'b', 'c', 'zz-not-release']

  beforeAll(async () => {
    const handler = (req: IncomingMessage, res: ServerResponse) => {
      const url = new URL(req.url ?? '/', 'http://x')
      if (url.pathname === '/token') {
        const scope = url.searchParams.get('scope')
        sendJson(res, 200, { token: `tok:${scope ?? ''}`, expires_in: 300 })
        return
      }
      if (req.headers.authorization !== 'Bearer tok:repository:team/app:pull') {
        sendJson(
          res,
          401,
          { errors: [{ code: 'UNAUTHORIZED', message: 'auth' }] },
          {
            'www-authenticate': `Bearer realm="${server.url}/token",service="test",scope="repository:team/app:pull"`
          }
        )
        return
      }
      if (url.pathname === '/v2/team/app/tags/list') {
        const last = url.searchParams.get('last')
        const start = last ? tags.indexOf(last) + 1 : 0
        const page = tags.slice(start, start + 2)
        const headers: Record<string, string> = {}
        if (start + 2 < tags.length)
          headers.link = `</v2/team/app/tags/list?last=${page[page.length - 1]}&n=2>; rel="next"`
        sendJson(res, 200, { name: 'team/app', tags: page }, headers)
        return
      }
      const m = /^\/v2\/team\/app\/(manifests|blobs)\/(.+)$/.exec(url.pathname)
      const all = Object.values(images)
      if (m?.[1] === 'manifests') {
        const image =
          images[m[2] ?? ''] ?? all.find((i) => i.manifestDigest === m[2])
        if (!image)
          return sendJson(res, 404, { errors: [{ code: 'MANIFEST_UNKNOWN' }] })
        res.writeHead(200, {
          'content-type': image.mediaType,
          'docker-content-digest': corrupt
            ? images.a!.manifestDigest.replace(/.$/, '0')
            : image.manifestDigest
        })
        res.end(image.manifest)
        return
      }
      const blob = all.find((i) => i.configDigest === m?.[2])
      if (!blob)
        return sendJson(res, 404, { errors: [{ code: 'BLOB_UNKNOWN' }] })
      res.writeHead(200, { 'content-type': 'application/octet-stream' })
      res.end(blob.config)
    }
    server = await startServer({ name: 'oci', log, handler })
  })

  afterAll(async () => {
    await server?.close()
  })

  const client = () =>
    createOciRegistryClient({
      registry: new URL(server.url).host,
      baseUrl: server.url,
      log: silentLogger
    })

  it('gets an anonymous token from the realm, follows Link pages, and orders by image creation time', async () => {
    const since = log.mark()
    const c = client()
    const seen: TagListing[] = []
    for await (const t of c.listTagsNewestFirst(
      'team/app',
      (tag) => tag.length === 1
    ))
      seen.push(t)
    expect(seen.map((t) => [t.tag, t.lastUpdatedOn?.toISOString()])).toEqual([
      ['c', '2026-01-03T00:00:00.000Z'],
      ['b', '2026-01-02T00:00:00.000Z'],
      ['a', '2026-01-01T00:00:00.000Z'],
      ['zz-not-release', undefined]
    ])
    const paths = log.of('oci', since).map((e) => `${e.status} ${e.path}`)
    expect(paths[0]).toBe('401 /v2/team/app/tags/list')
    expect(paths[1]).toBe(
      '200 /token?service=test&scope=repository%3Ateam%2Fapp%3Apull'
    )
    expect(paths.filter((p) => p.includes('/token'))).toHaveLength(1)
    expect(paths).toContain('200 /v2/team/app/tags/list?last=b&n=2')
    expect(paths.some((p) => p.includes('zz-not-release'))).toBe(false)
  })

  it('refuses manifest bytes that do not hash to the announced digest', async () => {
    corrupt = true
    try {
      await expect(client().describe('team/app', { tag: 'b' })).rejects.toThrow(
        OperationError
      )
    } finally {
      corrupt = false
    }
  })

  it('reports an unknown tag as absent', async () => {
    await expect(
      client().describe('team/app', { tag: 'nope' })
    ).resolves.toBeUndefined()
  })

  it('refuses registries that want Basic credentials with a ConfigurationError', async () => {
    const basic = await startServer({
      name: 'oci-basic',
      log,
      handler: (_req, res) =>
        sendJson(
          res,
          401,
          {},
          { 'www-authenticate': 'Basic realm="Registry Realm"' }
        )
    })
    try {
      const c = createOciRegistryClient({
        registry: 'x',
        baseUrl: basic.url,
        log: silentLogger
      })
      await expect(c.describe('team/app', { tag: 'a' })).rejects.toThrow(
        ConfigurationError
      )
    } finally {
      await basic.close()
    }
  })
})
