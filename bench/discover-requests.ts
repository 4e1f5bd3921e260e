import { ContainerRegistryClient } from '@azure/container-registry'
import { createAzureCredential } from '@rollback-actions/azure'
import { runAction } from '@rollback-actions/drill'
import { AZURE_OIDC_AUDIENCE } from '@rollback-actions/sandbox'
import { benchSandbox, type BenchResult } from './lib.js'

const TAGS = 10_000
const REPOSITORY = 'warranty-hub/catalog'

/**
 * discover-tag on a repository of 10,000 tags: registry requests it makes (it asks ACR for time order and stops as
 * soon as it has its answer) against listing every tag with the same SDK (100 per page).
 */
export async function benchDiscover(): Promise<BenchResult> {
  const start = Date.now() - TAGS * 60_000
  const tags = Array.from({ length: TAGS }, (_, i) => ({
    name: `v${Math.floor(i / 100) + 1}.${i % 100}.0`,
    pushed: `${new Date(start + i * 60_000).toISOString().slice(0, 19)}Z`
  }))
  const { sandbox, dispose } = await benchSandbox((s) => {
    s.registry.repositories.push({
      name: REPOSITORY,
      tags: tags.map((t) => ({ ...t, broken: false }))
    })
  })
  try {
    const registry = sandbox.env.SANDBOX_REGISTRY ?? ''
    const current = tags.at(-1)?.name ?? ''
    const mark = sandbox.requests.mark()
    const run = await runAction(
      'discover-tag',
      {
        registry,
        repository: REPOSITORY,
        'current-image': `${registry}/${REPOSITORY}:${current}`,
        'client-id': sandbox.env.AZURE_CLIENT_ID ?? '',
        'tenant-id': sandbox.env.AZURE_TENANT_ID ?? ''
      },
      { env: sandbox.env }
    )
    if (run.exitCode !== 0)
      throw new Error(`discover-tag failed: ${run.failure ?? run.stderr}`)
    const ours = sandbox.requests.of('acr', mark)
    const oursData = ours.filter(
      (r) => r.path.startsWith('/acr/v1/') || r.path.startsWith('/v2/')
    )

    const credential = createAzureCredential({
      clientId: sandbox.env.AZURE_CLIENT_ID ?? '',
      tenantId: sandbox.env.AZURE_TENANT_ID ?? '',
      authorityHost: sandbox.env.AZURE_AUTHORITY_HOST ?? '',
      getAssertion: () =>
        Promise.resolve(sandbox.oidc.mint(AZURE_OIDC_AUDIENCE)),
      caPem: sandbox.caPem
    })
    const client = new ContainerRegistryClient(sandbox.acr.url, credential, {
      tlsOptions: { ca: sandbox.caPem }
    })
    const mark2 = sandbox.requests.mark()
    let listed = 0
    for await (const page of client
      .getArtifact(REPOSITORY, current)
      .listTagProperties()
      .byPage({ maxPageSize: 100 }))
      listed += page.length
    const all = sandbox.requests.of('acr', mark2)
    const allData = all.filter((r) => r.path.startsWith('/acr/v1/'))
    return {
      name: `discover-tag on ${TAGS.toLocaleString('en')} tags`,
      ours: 'discover-tag',
      baseline: `list all ${listed} tags (SDK, 100/page)`,
      oursValue: oursData.length,
      baselineValue: allData.length,
      unit: 'requests',
      ratio: oursData.length / allData.length,
      goal: '≤ 3 requests',
      met: oursData.length <= 3 && run.outputs.tag === tags.at(-2)?.name,
      notes: `registry data requests; with the token exchange: ours ${ours.length}, listing ${all.length}; chose ${run.outputs.tag ?? '—'}`
    }
  } finally {
    await dispose()
  }
}
