import { describe, expect, it } from '@jest/globals'
import {
  ConfigurationError,
  recordingLogger
} from '@rollback-actions/action-kit'
import {
  TagDiscoveryError,
  type RegistryClient,
  type RegistryTag,
  type TagListing
} from '@rollback-actions/registry'
import { discover } from '../../helpers/registry.js'

const H = 3_600_000
const d = (n: number) => `sha256:${String(n).padStart(64, '0')}`

/** An in-memory registry that pages newest-first, like ACR with orderby=timedesc. */
function fakeRegistry(tags: Array<[string, number, number]>, pageSize = 2) {
  const list: RegistryTag[] = tags
    .map(([tag, digest, hours]) => ({
      tag,
      digest: d(digest),
      lastUpdatedOn: new Date(hours * H)
    }))
    .sort((a, b) => b.lastUpdatedOn.getTime() - a.lastUpdatedOn.getTime())
  const calls = { pages: 0, describes: 0 }
  const client: RegistryClient = {
    kind: 'acr',
    registry: 'fake.azurecr.io',
    get requests() {
      return calls.pages + calls.describes
    },
    async *listTagsNewestFirst(): AsyncIterable<TagListing> {
      for (let i = 0; i < list.length; i += pageSize) {
        calls.pages += 1
        await Promise.resolve()
        yield* list.slice(i, i + pageSize)
      }
    },
    describe(_repository, ref) {
      calls.describes += 1
      const found = list.find((t) =>
        'tag' in ref ? t.tag === ref.tag : t.digest === ref.digest
      )
      return Promise.resolve(found)
    }
  }
  return { client, calls }
}

describe('discoverPreviousTag', () => {
  it('chooses the newest matching tag older than the running one and stops reading pages', async () => {
    const { client, calls } = fakeRegistry([
      ['v1.0.0', 1, 1],
      ['v1.1.0', 2, 2],
      ['v1.2.0', 3, 3],
      ['v1.3.0', 4, 4],
      ['v0.9.0', 5, 0]
    ])
    const result = await discover(client, 'app', { tag: 'v1.3.0' })
    expect(result).toMatchObject({ tag: 'v1.2.0', digest: d(3), requests: 1 })
    expect(calls).toEqual({ pages: 1, describes: 0 })
  })

  it('skips a newer tag and tags sharing the running digest', async () => {
    const { client } = fakeRegistry([
      ['v1.0.0', 1, 1],
      ['v1.1.0', 2, 2],
      ['v1.1.0-stable', 2, 2.5],
      ['v1.2.0', 3, 3],
      ['v1.4.0', 9, 5]
    ])
    const result = await discover(client, 'app', { digest: d(2) })
    expect(result.candidates.map((c) => `${c.tag} ${c.verdict}`)).toEqual([
      'v1.4.0 skipped: newer than the running image',
      'v1.2.0 skipped: newer than the running image',
      'v1.1.0-stable skipped: the running image',
      'v1.1.0 skipped: the running image',
      'v1.0.0 chosen'
    ])
  })

  it('looks the running image up once when a candidate comes before it in the listing', async () => {
    const { client, calls } = fakeRegistry([
      ['v1.0.0', 1, 1],
      ['v1.1.0', 2, 2],
      ['sha-abc', 3, 3]
    ])
    const logger = recordingLogger()
    const result = await discover(
      client,
      'app',
      { tag: 'sha-abc' },
      { log: logger }
    )
    expect(result.tag).toBe('v1.1.0')
    expect(calls.describes).toBe(0)
    const second = fakeRegistry([
      ['v1.0.0', 1, 1],
      ['v1.1.0', 2, 5],
      ['v1.2.0', 3, 3]
    ])
    const again = await discover(second.client, 'app', { tag: 'v1.2.0' })
    expect(again.tag).toBe('v1.0.0')
    expect(second.calls.describes).toBe(1)
  })

  it('treats a tag with the same time as the running image as not older', async () => {
    const { client } = fakeRegistry([
      ['v1.0.0', 1, 1],
      ['v1.1.0', 2, 2],
      ['v1.2.0', 3, 2]
    ])
    const result = await discover(client, 'app', { tag: 'v1.2.0' })
    expect(result.candidates.find((c) => c.tag === 'v1.1.0')?.verdict).toBe(
      'skipped: same time as the running image'
    )
    expect(result.tag).toBe('v1.0.0')
  })

  it('ignores the global flag of a pattern (no lastIndex carry-over between tags)', async () => {
    const { client } = fakeRegistry([
      ['v1.0.0', 1, 1],
      ['v1.1.0', 2, 2],
      ['v1.2.0', 3, 3]
    ])
    const result = await discover(
      client,
      'app',
      { tag: 'v1.2.0' },
      { tagPattern: /^v1\.\d\.0$/g }
    )
    expect(result.tag).toBe('v1.1.0')
  })

  it('fails with a ConfigurationError when the running image is not in the repository', async () => {
    const { client } = fakeRegistry([['v1.0.0', 1, 1]])
    await expect(discover(client, 'app', { tag: 'v9.0.0' })).rejects.toThrow(
      /the running image fake\.azurecr\.io\/app:v9\.0\.0 is not in the registry/
    )
  })

  it('fails when the running image has neither tag nor digest', async () => {
    const { client } = fakeRegistry([['v1.0.0', 1, 1]])
    await expect(discover(client, 'app', {})).rejects.toThrow(
      ConfigurationError
    )
  })

  it('fails with TagDiscoveryError listing what it saw when every tag is newer or excluded', async () => {
    const { client } = fakeRegistry([
      ['v1.0.0', 1, 1],
      ['v1.1.0', 2, 2],
      ['nightly', 3, 3]
    ])
    const error = await discover(
      client,
      'app',
      { tag: 'v1.1.0' },
      { excludeTags: ['v1.0.0'] }
    ).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TagDiscoveryError)
    expect((error as Error).message).toBe(
      'no tag of fake.azurecr.io/app before the running image:v1.1.0 matches /^v?\\d+\\.\\d+\\.\\d+(-stable)?$/: saw 3 tags (0 newer, 1 the running image, 1 excluded, 1 not matching (e.g. nightly)); push a release tag that matches, widen tag-pattern, or set an explicit tag'
    )
  })

  it('checks only that an explicit tag exists, and warns when it is the running digest', async () => {
    const { client, calls } = fakeRegistry([
      ['v1.0.0', 1, 1],
      ['v1.1.0', 2, 2]
    ])
    const logger = recordingLogger()
    const result = await discover(
      client,
      'app',
      { digest: d(2) },
      { explicitTag: 'v1.1.0', log: logger }
    )
    expect(result.tag).toBe('v1.1.0')
    expect(calls.pages).toBe(0)
    expect(
      logger.lines.some(
        (l) => l.level === 'warning' && /changes nothing/.test(l.message)
      )
    ).toBe(true)
  })
})
