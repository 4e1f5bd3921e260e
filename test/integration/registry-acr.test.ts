import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  ConfigurationError,
  recordingLogger,
  silentLogger
} from '@rollback-actions/action-kit'
import {
  createAcrRegistryClient,
  TagDiscoveryError,
  type RegistryClient
} from '@rollback-actions/registry'
import {
  startGitHubOidcEmulator,
  type AcrEmulator
} from '@rollback-actions/emulators'
import {
  AUDIENCE,
  FEATURE_RUN,
  federatedCredential,
  startAcr,
  startFederation,
  type Federation
} from '../helpers/federation.js'
import { discover, PRODUCT_REPOSITORY as REPO } from '../helpers/registry.js'

const BIG = 'warranty-hub/big'
const T0 = Date.UTC(2026, 0, 1)
const hour = 3_600_000

describe('tag discovery against the ACR emulator through the real Azure SDKs', () => {
  let world: Federation
  let acr: AcrEmulator

  beforeAll(async () => {
    world = await startFederation({ wrongClaims: FEATURE_RUN })
    // 10,000 release tags one hour apart, then the running v10.0.0 on top.
    const big = Array.from({ length: 10_000 }, (_, i) => ({
      name: `v1.${Math.floor(i / 100)}.${i % 100}`,
      pushed: new Date(T0 + i * hour)
    }))
    big.push({ name: 'v10.0.0', pushed: new Date(T0 + 10_000 * hour) })
    acr = await startAcr(world, [
      {
        name: REPO,
        tags: [
          { name: 'v1.0.0', pushed: new Date(T0) },
          { name: 'v1.1.0', pushed: new Date(T0 + hour) },
          { name: 'nightly-41', pushed: new Date(T0 + 2 * hour) },
          { name: 'v1.2.0-stable', pushed: new Date(T0 + 3 * hour) },
          { name: 'v1.3.0', pushed: new Date(T0 + 5 * hour), broken: true },
          {
            name: 'latest',
            pushed: new Date(T0 + 5 * hour + 1000),
            digest: 'x'
          },
          {
            name: 'v1.3.1',
            pushed: new Date(T0 + 5 * hour + 2000),
            digest: 'x'
          }
        ]
      },
      { name: BIG, tags: big }
    ])
  })

  afterAll(async () => {
    await Promise.all([world?.close(), acr?.close()])
  })

  const client = (
    pageSize?: number,
    mint = () => world.oidc.mint(AUDIENCE)
  ): RegistryClient =>
    createAcrRegistryClient({
      registry: acr.loginServer,
      credential: federatedCredential(world, () => Promise.resolve(mint())),
      log: silentLogger,
      caPem: world.caPem,
      ...(pageSize ? { pageSize } : {})
    })

  it('picks the newest older release tag and reports every tag weighed', async () => {
    const result = await discover(client(), REPO, { tag: 'v1.3.0' })
    expect(result.tag).toBe('v1.2.0-stable')
    expect(result.candidates.map((c) => `${c.tag}: ${c.verdict}`)).toEqual([
      'v1.3.1: skipped: newer than the running image',
      'latest: skipped: does not match the tag pattern',
      'v1.3.0: skipped: the running image',
      'v1.2.0-stable: chosen'
    ])
    expect(result.digest).toBe(
      (
        acr.resolve(`${acr.loginServer}/${REPO}:v1.2.0-stable`) as {
          digest: string
        }
      ).digest
    )
  })

  it('skips tags pointing at the running digest when the running image is known by digest', async () => {
    const running = acr.resolve(`${acr.loginServer}/${REPO}:latest`) as {
      digest: string
    }
    const result = await discover(
      client(),
      REPO,
      { digest: running.digest },
      { excludeTags: ['v1.3.0'] }
    )
    expect(result.tag).toBe('v1.2.0-stable')
    expect(result.candidates.find((c) => c.tag === 'v1.3.0')?.verdict).toBe(
      'skipped: listed in the excluded tags'
    )
    expect(result.candidates[0]?.verdict).toBe('skipped: the running image')
  })

  it('follows Link pages of n tags, lazily, when the answer is on a later page', async () => {
    const since = world.log.mark()
    const result = await discover(
      client(2),
      REPO,
      { tag: 'v1.3.0' },
      { tagPattern: /^v1\.0\.0$/ }
    )
    expect(result.tag).toBe('v1.0.0')
    const pages = world.log
      .of('acr', since)
      .filter((e) => e.status === 200 && e.path.includes('/_tags'))
    expect(
      pages.map((e) => new URL(e.path, 'https://x').searchParams.get('n'))
    ).toEqual(['2', '2', '2', '2'])
    expect(
      pages.slice(1).every((e) => e.path.includes('orderby=timedesc'))
    ).toBe(true)
  })

  it('answers on a 10,000-tag repository with one page of tags (≤ 3 tag requests including the auth challenge)', async () => {
    const since = world.log.mark()
    const started = Date.now()
    const result = await discover(client(), BIG, { tag: 'v10.0.0' })
    expect(result.tag).toBe('v1.99.99')
    const acrRequests = world.log.of('acr', since)
    const tagRequests = acrRequests.filter((e) => e.path.includes('/_tags'))
    expect(tagRequests.length).toBeLessThanOrEqual(3)
    // 401 challenge, /oauth2/exchange, /oauth2/token, one page: the SDK's minimum.
    expect(acrRequests.map((e) => e.status)).toEqual([401, 200, 200, 200])
    expect(result.requests).toBe(1)
    expect(Date.now() - started).toBeLessThan(5_000)
  })

  it('verifies an explicit tag exists instead of searching', async () => {
    const result = await discover(
      client(),
      REPO,
      { tag: 'v1.3.0' },
      { explicitTag: 'v1.1.0' }
    )
    expect(result).toMatchObject({
      tag: 'v1.1.0',
      candidates: [{ tag: 'v1.1.0', verdict: 'chosen' }]
    })
  })

  it('fails with a ConfigurationError naming an explicit tag that does not exist', async () => {
    await expect(
      discover(client(), REPO, { tag: 'v1.3.0' }, { explicitTag: 'v9.9.9' })
    ).rejects.toThrow(
      /tag "v9\.9\.9" does not exist in 127\.0\.0\.1:\d+\/warranty-hub\/product-service/
    )
  })

  it('fails naming the pattern and what it saw when no tag qualifies', async () => {
    const error = await discover(
      client(),
      REPO,
      { tag: 'v1.3.0' },
      { tagPattern: /^release-/ }
    ).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TagDiscoveryError)
    expect(error).toBeInstanceOf(ConfigurationError)
    expect((error as Error).message).toMatch(
      /matches \/\^release-\/: saw 7 tags/
    )
    expect((error as Error).message).toMatch(
      /not matching \(e\.g\. v1\.3\.1, latest/
    )
    expect((error as TagDiscoveryError).candidates).toHaveLength(7)
  })

  it('fails with the AADSTS error when the GitHub subject has no federated credential', async () => {
    const error = await discover(
      client(undefined, () => world.wrong!.mint(AUDIENCE)),
      REPO,
      { tag: 'v1.3.0' }
    ).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ConfigurationError)
    expect((error as Error).message).toMatch(
      /AADSTS700213: No matching federated identity record found for presented assertion subject 'repo:warranty-hub\/platform:ref:refs\/heads\/feature'/
    )
  })

  it('refuses a GitHub token signed by a key the issuer never published (AADSTS700027)', async () => {
    const forger = await startGitHubOidcEmulator({
      log: world.log,
      claims: {
        repository: 'warranty-hub/platform',
        ref: 'refs/heads/main',
        environment: 'production',
        actor: 'mallory',
        run_id: 9
      }
    })
    try {
      const logger = recordingLogger()
      const error = await discover(
        client(undefined, () => forger.mint(AUDIENCE)),
        REPO,
        { tag: 'v1.3.0' },
        { log: logger }
      ).catch((e: unknown) => e)
      expect((error as Error).message).toMatch(
        /AADSTS700027: Client assertion contains an invalid signature/
      )
      expect(logger.text()).not.toContain(
        forger.mint(AUDIENCE).split('.')[0] + '.'
      )
    } finally {
      await forger.close()
    }
  })

  it('fails naming the repository when it does not exist', async () => {
    await expect(
      discover(client(), 'warranty-hub/nope', { tag: 'v1.3.0' })
    ).rejects.toThrow(/warranty-hub\/nope.*not found \(HTTP 404\)/)
  })
})
