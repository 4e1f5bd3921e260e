import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { run } from '../../../actions/discover-tag/src/main.js'
import { fakeContext, runFake } from '../../helpers/fake-context.js'
import {
  createCertificateAuthority,
  generateImage,
  pushImage,
  RequestLog,
  sendJson,
  startDockerRegistry,
  startServer,
  type DockerRegistry
} from '@rollback-actions/emulators'
import { PRODUCT_REPOSITORY as REPO } from '../../helpers/registry.js'

const T0 = Date.UTC(2026, 2, 1)
const hour = 3_600_000

describe('discover-tag input validation (nothing is contacted)', () => {
  const base = {
    registry: '127.0.0.1:9',
    repository: REPO,
    'current-image': `127.0.0.1:9/${REPO}:v1.3.0`
  }
  it.each([
    ['image-tag', { 'image-tag': '-bad' }, /is not a valid tag/],
    ['image-tag', { 'image-tag': 'v1:2' }, /is not a valid tag/],
    [
      'current-image',
      { 'current-image': `127.0.0.1:9/${REPO}:.v1` },
      /is not a valid image reference/
    ],
    [
      'current-image',
      { 'current-image': '', namespace: '', deployment: '' },
      /set either current-image, or namespace and deployment/
    ],
    [
      'current-image',
      { namespace: 'prod', deployment: 'api' },
      /not both and not neither/
    ],
    [
      'deployment',
      { 'current-image': '', namespace: 'prod' },
      /namespace and deployment must be set together/
    ],
    [
      'current-image',
      { 'current-image': '127.0.0.1:9/other/app:v1' },
      /different repository/
    ],
    [
      'current-image',
      { 'current-image': `127.0.0.1:9/${REPO}` },
      /neither tag nor digest/
    ],
    [
      'tenant-id',
      { 'client-id': '0b6f1b3c-5f7a-4c8e-9d2a-1a2b3c4d5e6f' },
      /and input "client-id" go together/
    ],
    [
      'client-id',
      { 'client-id': 'my-app', 'tenant-id': 'contoso.onmicrosoft.com' },
      /must be the Application \(client\) ID, a GUID/
    ],
    [
      'tag-pattern',
      { 'tag-pattern': '(' },
      /is not a valid regular expression/
    ],
    [
      'registry',
      { registry: 'https://myreg.azurecr.io' },
      /without https:\/\//
    ],
    ['repository', { repository: 'Warranty/App' }, /must be a repository path/],
    [
      'exclude-tags',
      { 'exclude-tags': 'v1.0.0, bad tag' },
      /is not a valid tag/
    ]
  ])(
    'names input "%s" when it is invalid (%j)',
    async (input, override, detail) => {
      const ctx = await runFake(run, 'discover-tag', { ...base, ...override })
      expect(ctx.failure).toMatch(new RegExp(`^discover-tag: input "${input}"`))
      expect(ctx.failure).toMatch(detail)
      expect(ctx.outputs).toEqual({})
    }
  )
})

describe('discover-tag against a real docker-registry', () => {
  let registry: DockerRegistry
  const digests: Record<string, string> = {}
  /** Runs discover-tag for REPO on the registry, running v1.3.0, plus `inputs`. */
  const discoverOnRegistry = (inputs: Record<string, string> = {}) =>
    runFake(run, 'discover-tag', {
      registry: registry.host,
      repository: REPO,
      'current-image': `${registry.host}/${REPO}:v1.3.0`,
      ...inputs
    })

  beforeAll(async () => {
    registry = await startDockerRegistry()
    const tags: Array<[string, number]> = [
      ['v1.0.0', 0],
      ['v1.1.0', 1],
      ['v1.2.0-stable', 2],
      ['v1.3.0', 3],
      ['latest', 3]
    ]
    for (const [tag, h] of tags) {
      const image = generateImage({
        seed: `s${h}`,
        created: new Date(T0 + h * hour)
      })
      await pushImage(registry.url, REPO, tag, image)
      digests[tag] = image.manifestDigest
    }
  })

  afterAll(async () => {
    await registry?.stop()
  })

  it('outputs the previous tag, its digest and the pinned image, and lists the tags weighed', async () => {
    const ctx = await discoverOnRegistry()
    expect(ctx.failure).toBeUndefined()
    expect(ctx.outputs).toEqual({
      tag: 'v1.2.0-stable',
      digest: digests['v1.2.0-stable'],
      image: `${registry.host}/${REPO}@${digests['v1.2.0-stable']}`
    })
    expect(ctx.summaryText).toContain('| v1.3.0 |')
    expect(ctx.summaryText).toContain('| v1.2.0-stable |')
    expect(ctx.summaryText).toMatch(/skipped: the running image/)
    expect(ctx.summaryText).toMatch(/\| chosen \|/)
  })

  it('honours exclude-tags', async () => {
    const ctx = await runFake(run, 'discover-tag', {
      registry: registry.host,
      repository: REPO,
      'current-image': `${registry.host}/${REPO}@${digests['v1.3.0']}`,
      'exclude-tags': 'v1.2.0-stable'
    })
    expect(ctx.outputs.tag).toBe('v1.1.0')
  })

  it('fails naming the missing explicit tag', async () => {
    const ctx = await discoverOnRegistry({
      'image-tag': 'v1.2.1'
    })
    expect(ctx.failure).toMatch(
      /^discover-tag: tag "v1\.2\.1" does not exist in 127\.0\.0\.1:\d+\/warranty-hub\/product-service/
    )
    expect(ctx.outputs).toEqual({})
  })

  it('fails naming the pattern when no tag qualifies, and still lists the tags weighed', async () => {
    const ctx = await discoverOnRegistry({
      'tag-pattern': '^release-\\d+$'
    })
    expect(ctx.failure).toMatch(/matches \/\^release-\\d\+\$\/: saw 5 tags/)
    expect(ctx.summaryText).toContain('skipped: does not match the tag pattern')
    expect(ctx.outputs).toEqual({})
  })

  it('reads the running image and its pulled digest from the Deployment named by namespace and deployment', async () => {
    const ca = await createCertificateAuthority()
    const running = `${registry.host}/${REPO}:v1.3.0`
    const kube = await startServer({
      name: 'kubernetes',
      tls: await ca.issue(['127.0.0.1']),
      log: new RequestLog(),
      handler: (req, res) => {
        const path = new URL(req.url ?? '/', 'https://x').pathname
        if (
          path === '/apis/apps/v1/namespaces/prod/deployments/product-service'
        ) {
          return sendJson(res, 200, {
            metadata: { name: 'product-service', namespace: 'prod' },
            spec: {
              selector: { matchLabels: { app: 'product-service' } },
              template: {
                spec: { containers: [{ name: 'app', image: running }] }
              }
            }
          })
        }
        if (path === '/api/v1/namespaces/prod/pods') {
          return sendJson(res, 200, {
            items: [
              {
                metadata: { name: 'p1' },
                spec: { containers: [{ name: 'app', image: running }] },
                status: {
                  containerStatuses: [
                    {
                      name: 'app',
                      image: running,
                      imageID: `${registry.host}/${REPO}@${digests['v1.3.0']}`,
                      ready: true,
                      restartCount: 0
                    }
                  ]
                }
              }
            ]
          })
        }
        return sendJson(res, 404, { kind: 'Status', code: 404 })
      }
    })
    const dir = await mkdtemp(join(tmpdir(), 'kubeconfig-'))
    try {
      const kubeconfig = join(dir, 'config')
      await writeFile(
        kubeconfig,
        JSON.stringify({
          apiVersion: 'v1',
          kind: 'Config',
          clusters: [
            {
              name: 'c',
              cluster: {
                server: kube.url,
                'certificate-authority-data': Buffer.from(ca.caPem).toString(
                  'base64'
                )
              }
            }
          ],
          users: [{ name: 'u', user: { token: 'test' } }],
          contexts: [{ name: 'x', context: { cluster: 'c', user: 'u' } }],
          'current-context': 'x'
        })
      )
      const ctx = await runFake(
        run,
        'discover-tag',
        {
          registry: registry.host,
          repository: REPO,
          namespace: 'prod',
          deployment: 'product-service'
        },
        { KUBECONFIG: kubeconfig }
      )
      expect(ctx.failure).toBeUndefined()
      expect(ctx.outputs.tag).toBe('v1.2.0-stable')
      expect(ctx.summaryText).toMatch(
        /\| v1\.3\.0 \| sha256:[a-f0-9]{64} \| [^|]+ \| skipped: the running image \|/
      )
      // The digest the pods pulled was read from their container statuses.
      expect(ctx.logs.map((l) => l.message)).toContain(
        `pods of prod/product-service run ${running} as ${digests['v1.3.0']}`
      )
    } finally {
      await kube.close()
      await rm(dir, { recursive: true, force: true })
    }
  })
})

describe('discover-tag with a crafted tag-pattern', () => {
  let registry: DockerRegistry

  beforeAll(async () => {
    registry = await startDockerRegistry()
    // A tag on which a backtracking engine takes exponential time with ^(a+)+$ (it fails at the final "-").
    for (const [tag, h] of [
      ['v1.0.0', 0],
      [`${'a'.repeat(27)}-`, 1],
      ['v1.1.0', 2]
    ] as const) {
      const image = generateImage({
        seed: `evil${h}`,
        created: new Date(T0 + h * hour)
      })
      await pushImage(registry.url, REPO, tag, image)
    }
  })

  afterAll(async () => {
    await registry?.stop()
  })

  it('matches tags in linear time (RE2), so nested quantifiers cannot hang it', async () => {
    const ctx = fakeContext('discover-tag', {
      registry: registry.host,
      repository: REPO,
      'current-image': `${registry.host}/${REPO}:v1.1.0`,
      'tag-pattern': '^(a+)+$'
    })
    const started = performance.now()
    await run(ctx)
    expect(performance.now() - started).toBeLessThan(400)
    expect(ctx.failure).toMatch(/matches \/\^\(a\+\)\+\$\/: saw 3 tags/)
  }, 120_000)
})

describe('discover-tag with a current-image whose tag and digest disagree', () => {
  let registry: DockerRegistry
  const digests: Record<string, string> = {}

  beforeAll(async () => {
    registry = await startDockerRegistry()
    for (const [tag, h] of [
      ['v1.0.0', 0],
      ['v1.1.0', 1]
    ] as const) {
      const image = generateImage({
        seed: `pair${h}`,
        created: new Date(T0 + h * hour)
      })
      await pushImage(registry.url, REPO, tag, image)
      digests[tag] = image.manifestDigest
    }
  })

  afterAll(async () => {
    await registry?.stop()
  })

  it('refuses it, naming both digests, and outputs nothing', async () => {
    const ctx = fakeContext('discover-tag', {
      registry: registry.host,
      repository: REPO,
      'current-image': `${registry.host}/${REPO}:v1.1.0@${digests['v1.0.0'] ?? ''}`
    })
    await run(ctx)
    expect(ctx.failure).toMatch(
      new RegExp(
        `^discover-tag: input "current-image": ".*" names tag v1\\.1\\.0 and digest ${digests['v1.0.0'] ?? ''}, but .*:v1\\.1\\.0 is ${digests['v1.1.0'] ?? ''}`
      )
    )
    expect(ctx.outputs).toEqual({})
  })
})
