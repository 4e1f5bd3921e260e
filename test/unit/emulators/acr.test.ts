import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  ContainerRegistryClient,
  ContainerRegistryContentClient
} from '@azure/container-registry'
import { httpsRequest } from '../../helpers/https.js'
import {
  sha256Digest,
  RequestLog,
  type AcrEmulator,
  type GitHubOidcEmulator
} from '@rollback-actions/emulators'
import {
  federatedCredential,
  PRODUCTION_RUN,
  startAcr,
  startFederation,
  type Federation
} from '../../helpers/federation.js'

const day = 86_400_000
const T0 = Date.UTC(2026, 10, 1)

async function post(
  url: string,
  body: string,
  ca: string
): Promise<{ status: number; body: string }> {
  const reply = await httpsRequest(url, {
    method: 'POST',
    ca,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body
  })
  return { status: reply.status, body: reply.text }
}

async function getOidc(oidc: GitHubOidcEmulator): Promise<string> {
  const r = await fetch(
    `${oidc.requestUrl}&audience=${encodeURIComponent('api://AzureADTokenExchange')}`,
    {
      headers: { authorization: `Bearer ${oidc.requestToken}` }
    }
  )
  return ((await r.json()) as { value: string }).value
}

describe('ACR emulator with the real @azure/container-registry and @azure/identity', () => {
  const log = new RequestLog()
  let ca: string
  let world: Federation
  let acr: AcrEmulator

  beforeAll(async () => {
    world = await startFederation({
      log,
      wrongClaims: { ...PRODUCTION_RUN, environment: 'staging' }
    })
    ca = world.caPem
    acr = await startAcr(world, [
      {
        name: 'warranty-hub/product-service',
        tags: [
          { name: 'v1.0.0', pushed: new Date(T0) },
          { name: 'v1.1.0', pushed: new Date(T0 + day) },
          {
            name: 'v1.2.0-stable',
            pushed: new Date(T0 + 2 * day),
            digest: 'release-12'
          },
          {
            name: 'v1.2.0',
            pushed: new Date(T0 + 2 * day + 1000),
            digest: 'release-12'
          },
          { name: 'v1.3.0', pushed: new Date(T0 + 3 * day), broken: true }
        ]
      }
    ])
  })

  afterAll(async () => {
    await Promise.all([world?.close(), acr?.close()])
  })

  const client = (getAssertion: () => Promise<string>) =>
    new ContainerRegistryClient(
      acr.url,
      federatedCredential(world, getAssertion),
      { audience: 'https://containerregistry.azure.net', tlsOptions: { ca } }
    )

  it('runs GitHub OIDC → Entra → ACR exchange → bearer and lists tags newest first', async () => {
    const since = log.mark()
    const registry = client(() => getOidc(world.oidc))
    const names: string[] = []
    for await (const page of registry
      .getArtifact('warranty-hub/product-service', 'v1.3.0')
      .listTagProperties({ order: 'LastUpdatedOnDescending' })
      .byPage({ maxPageSize: 2 })) {
      names.push(...page.map((t) => t.name))
    }
    expect(names).toEqual([
      'v1.3.0',
      'v1.2.0',
      'v1.2.0-stable',
      'v1.1.0',
      'v1.0.0'
    ])
    const acrPaths = log
      .of('acr', since)
      .map((e) => `${e.method} ${e.status} ${e.path.split('?')[0]}`)
    expect(acrPaths.slice(0, 4)).toEqual([
      'GET 401 /acr/v1/warranty-hub%2Fproduct-service/_tags',
      'POST 200 /oauth2/exchange',
      'POST 200 /oauth2/token',
      'GET 200 /acr/v1/warranty-hub%2Fproduct-service/_tags'
    ])
    // Later pages follow the Link header verbatim: n and orderby echoed, no api-version.
    const next = log.of('acr', since)[4]?.path ?? ''
    expect(next).toMatch(/[?&]n=2/)
    expect(next).toMatch(/[?&]orderby=timedesc/)
    expect(next).not.toMatch(/api-version/)
    expect(
      log.of('entra', since).map((e) => `${e.method} ${e.status}`)
    ).toEqual(['GET 200', 'POST 200'])
  })

  it('refuses a GitHub token whose subject has no federated credential, with the AADSTS error', async () => {
    const registry = client(() => getOidc(world.wrong!))
    const tags = registry
      .getArtifact('warranty-hub/product-service', 'v1.3.0')
      .listTagProperties()
    await expect(tags.next()).rejects.toThrow(/AADSTS700213/)
  })

  it('serves tag properties and manifest properties with the singular wrappers', async () => {
    const artifact = client(() => getOidc(world.oidc)).getArtifact(
      'warranty-hub/product-service',
      'v1.2.0'
    )
    const tag = await artifact.getTagProperties('v1.2.0-stable')
    const manifest = await artifact.getManifestProperties()
    expect(tag.digest).toBe(manifest.digest)
    expect(manifest.tags).toEqual(['v1.2.0', 'v1.2.0-stable'])
    expect(tag.lastUpdatedOn.toISOString()).toBe(
      new Date(T0 + 2 * day).toISOString()
    )
  })

  it('serves the catalog, repository properties and the manifest list in time order', async () => {
    const registry = client(() => getOidc(world.oidc))
    const names: string[] = []
    for await (const name of registry.listRepositoryNames()) names.push(name)
    expect(names).toEqual(['warranty-hub/product-service'])
    const repo = registry.getRepository('warranty-hub/product-service')
    const props = await repo.getProperties()
    expect(props).toMatchObject({ tagCount: 5, manifestCount: 4 })
    const manifests: Array<{ tags: string[]; lastUpdatedOn: Date }> = []
    for await (const page of repo
      .listManifestProperties({ order: 'LastUpdatedOnAscending' })
      .byPage({ maxPageSize: 3 })) {
      manifests.push(...page)
    }
    expect(manifests.map((m) => m.tags)).toEqual([
      ['v1.0.0'],
      ['v1.1.0'],
      ['v1.2.0', 'v1.2.0-stable'],
      ['v1.3.0']
    ])
  })

  it('refuses an unknown manifest continuation instead of restarting the list (a client would loop)', async () => {
    const repo = client(() => getOidc(world.oidc)).getRepository(
      'warranty-hub/product-service'
    )
    const pages = repo
      .listManifestProperties({ order: 'LastUpdatedOnAscending' })
      .byPage({
        maxPageSize: 3,
        continuationToken: `/acr/v1/warranty-hub%2Fproduct-service/_manifests?last=sha256%3A${'0'.repeat(64)}&n=3&orderby=timeasc`
      })
    await expect(pages.next()).rejects.toMatchObject({ statusCode: 400 })
  })

  it('answers 404 for a tag that does not exist', async () => {
    const artifact = client(() => getOidc(world.oidc)).getArtifact(
      'warranty-hub/product-service',
      'v9.9.9'
    )
    await expect(artifact.getTagProperties('v9.9.9')).rejects.toMatchObject({
      statusCode: 404
    })
  })

  it('serves OCI manifests whose bytes hash to the Docker-Content-Digest, with a config carrying created', async () => {
    const content = new ContainerRegistryContentClient(
      acr.url,
      'warranty-hub/product-service',
      federatedCredential(world, () => getOidc(world.oidc)),
      { audience: 'https://containerregistry.azure.net', tlsOptions: { ca } }
    )
    const result = await content.getManifest('v1.1.0')
    expect(result.digest).toBe(sha256Digest(result.content))
    const manifest = result.manifest as { config: { digest: string } }
    const blob = await content.downloadBlob(manifest.config.digest)
    const chunks: Buffer[] = []
    for await (const chunk of blob.content) chunks.push(chunk as Buffer)
    const config = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
      created: string
    }
    expect(config.created).toBe(new Date(T0 + day).toISOString())
  })

  it('refuses the anonymous password grant', async () => {
    const r = await post(
      `${acr.url}/oauth2/token`,
      `service=${acr.loginServer}&scope=repository:x:pull&refresh_token=&grant_type=password`,
      ca
    )
    expect(r.status).toBe(401)
    expect(JSON.parse(r.body)).toMatchObject({
      errors: [{ code: 'UNAUTHORIZED' }]
    })
  })

  it('resolves image references for the Kubernetes emulator', () => {
    const byTag = acr.resolve(
      `${acr.loginServer}/warranty-hub/product-service:v1.3.0`
    )
    expect(byTag).toMatchObject({
      broken: true,
      repository: 'warranty-hub/product-service',
      tag: 'v1.3.0'
    })
    const digest = (byTag as { digest: string }).digest
    expect(
      acr.resolve(`${acr.loginServer}/warranty-hub/product-service@${digest}`)
    ).toMatchObject({ digest, broken: true })
    expect(
      acr.resolve(`${acr.loginServer}/warranty-hub/product-service:v0.0.1`)
    ).toHaveProperty('error')
    expect(acr.resolve(`${acr.loginServer}/nope:v1`)).toHaveProperty('error')
  })

  it("filters the tag listing by digest (the spec's digest parameter)", async () => {
    const aad = await federatedCredential(world, () =>
      getOidc(world.oidc)
    ).getToken('https://containerregistry.azure.net/.default')
    const refresh = await post(
      `${acr.url}/oauth2/exchange`,
      new URLSearchParams({
        grant_type: 'access_token',
        service: acr.loginServer,
        access_token: aad!.token
      }).toString(),
      ca
    )
    const access = await post(
      `${acr.url}/oauth2/token`,
      new URLSearchParams({
        grant_type: 'refresh_token',
        service: acr.loginServer,
        scope: 'repository:warranty-hub/product-service:metadata_read',
        refresh_token: (JSON.parse(refresh.body) as { refresh_token: string })
          .refresh_token
      }).toString(),
      ca
    )
    const token = (JSON.parse(access.body) as { access_token: string })
      .access_token
    const r = acr.resolve(
      `${acr.loginServer}/warranty-hub/product-service:v1.2.0`
    )
    const digest = 'digest' in r ? r.digest : ''
    const listed = await httpsRequest(
      `${acr.url}/acr/v1/warranty-hub%2Fproduct-service/_tags?digest=${encodeURIComponent(digest)}&n=1`,
      { ca, headers: { authorization: `Bearer ${token}` } }
    )
    const link = String(listed.headers.link ?? '')
    const body = listed.text
    const tags = (
      JSON.parse(body) as { tags: Array<{ name: string; digest: string }> }
    ).tags
    expect(tags).toEqual([expect.objectContaining({ name: 'v1.2.0', digest })])
    expect(link).toContain(`digest=${encodeURIComponent(digest)}`)
  })
})
