import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { ConfigurationError, silentLogger } from '@rollback-actions/action-kit'
import {
  createRegistryClient,
  detectRegistry,
  TagDiscoveryError
} from '@rollback-actions/registry'
import {
  generateImage,
  OCI_MEDIA_TYPES,
  pushImage,
  sha256Digest
} from '@rollback-actions/emulators'
import {
  startDockerRegistry,
  type DockerRegistry
} from '@rollback-actions/emulators'
import { defaultTagPattern } from '../helpers/fake-context.js'
import { discover, PRODUCT_REPOSITORY as REPO } from '../helpers/registry.js'

/** discover-tag's default tag pattern, read from its action.yml (defaults live there only). */
const DEFAULT_TAG_PATTERN = defaultTagPattern()

const T0 = Date.UTC(2026, 5, 1)
const hour = 3_600_000

describe('tag discovery against a real docker-registry (OCI distribution, no time ordering)', () => {
  let registry: DockerRegistry
  const digests: Record<string, string> = {}

  beforeAll(async () => {
    registry = await startDockerRegistry()
    const images = {
      'v1.0.0': generateImage({ seed: 'a', created: new Date(T0) }),
      // No annotation: the time must come from the config blob.
      'v1.1.0': generateImage({
        seed: 'b',
        created: new Date(T0 + hour),
        annotateCreated: false
      }),
      'v1.3.0': generateImage({ seed: 'd', created: new Date(T0 + 3 * hour) })
    }
    for (const [tag, image] of Object.entries(images)) {
      await pushImage(registry.url, REPO, tag, image)
      digests[tag] = image.manifestDigest
    }
    await pushImage(registry.url, REPO, 'latest', images['v1.3.0'])
    await pushImage(
      registry.url,
      REPO,
      'nightly',
      generateImage({ seed: 'n', created: new Date(T0 + 4 * hour) })
    )
    // v1.2.0-stable is an OCI index over a linux/amd64 image, as multi-platform builds push it.
    const inner = generateImage({
      seed: 'c',
      created: new Date(T0 + 2 * hour),
      annotateCreated: false
    })
    await pushImage(registry.url, REPO, 'v1.2.0-stable-amd64', inner)
    const index = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: OCI_MEDIA_TYPES.index,
        manifests: [
          {
            mediaType: OCI_MEDIA_TYPES.manifest,
            digest: inner.manifestDigest,
            size: inner.manifest.length,
            platform: { architecture: 'amd64', os: 'linux' }
          }
        ]
      })
    )
    const put = await fetch(
      `${registry.url}/v2/${REPO}/manifests/v1.2.0-stable`,
      {
        method: 'PUT',
        headers: { 'content-type': OCI_MEDIA_TYPES.index },
        body: new Uint8Array(index)
      }
    )
    if (put.status !== 201) throw new Error(`index push answered ${put.status}`)
    digests['v1.2.0-stable'] = sha256Digest(index)
  })

  afterAll(async () => {
    await registry?.stop()
  })

  const client = () =>
    createRegistryClient({ registry: registry.host, log: silentLogger })

  it('detects a distribution registry as generic OCI over plain http on loopback', async () => {
    await expect(detectRegistry(registry.host)).resolves.toEqual({
      kind: 'oci',
      baseUrl: registry.url
    })
  })

  it('picks the newest release tag built before the running one, resolving an index to its config', async () => {
    const result = await discover(await client(), REPO, { tag: 'v1.3.0' })
    expect(result.tag).toBe('v1.2.0-stable')
    expect(result.digest).toBe(digests['v1.2.0-stable'])
    expect(result.lastUpdatedOn?.toISOString()).toBe(
      new Date(T0 + 2 * hour).toISOString()
    )
    expect(
      result.candidates
        .filter((c) => c.verdict !== 'skipped: does not match the tag pattern')
        .map((c) => `${c.tag}: ${c.verdict}`)
    ).toEqual(['v1.3.0: skipped: the running image', 'v1.2.0-stable: chosen'])
    // Tags ruled out by name (latest, nightly, v1.2.0-stable-amd64) are never fetched: tags/list, then
    // v1.3.0 (manifest), v1.2.0-stable (index, manifest, config), v1.1.0 (manifest, config), v1.0.0 (manifest).
    expect(result.requests).toBe(8)
  })

  it('reads the time of an image without annotation from its config blob', async () => {
    const result = await discover(
      await client(),
      REPO,
      { digest: digests['v1.3.0']! },
      { excludeTags: ['v1.2.0-stable'] }
    )
    expect(result.tag).toBe('v1.1.0')
    expect(result.digest).toBe(digests['v1.1.0'])
    expect(result.lastUpdatedOn?.toISOString()).toBe(
      new Date(T0 + hour).toISOString()
    )
  })

  it('fails with a ConfigurationError when an explicit tag does not exist', async () => {
    await expect(
      discover(
        await client(),
        REPO,
        { tag: 'v1.3.0' },
        { explicitTag: 'v1.2.9' }
      )
    ).rejects.toThrow(ConfigurationError)
  })

  it('fails naming the pattern when nothing older matches', async () => {
    const error = await discover(await client(), REPO, { tag: 'v1.0.0' }).catch(
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(TagDiscoveryError)
    expect((error as Error).message).toContain(String(DEFAULT_TAG_PATTERN))
    expect((error as Error).message).toMatch(/3 newer/)
  })

  it('fails naming the repository when it does not exist', async () => {
    await expect(
      discover(await client(), 'warranty-hub/missing', { tag: 'v1.0.0' })
    ).rejects.toThrow(/repository warranty-hub\/missing does not exist/)
  })
})
