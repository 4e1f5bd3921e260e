import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { runAction } from '@rollback-actions/drill'
import {
  loadScenario,
  startSandbox,
  type Sandbox
} from '@rollback-actions/sandbox'

// Issue 2's bad-input list, each run through the bundled action as the runner runs it: a clear error naming the
// input (exit code 1) and no mutating request to any emulator.
describe('bad input: a clear error and nothing written', () => {
  let sandbox: Sandbox
  let dir = ''
  let registry = ''
  let image = (_tag: string) => ''

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bad-input-'))
    const scenario = loadScenario()
    delete scenario.prometheus
    scenario.kubernetes.deployments.push({
      ...scenario.kubernetes.deployments[0]!,
      name: 'paused-service',
      history: ['v1.1.0', 'v1.2.0-stable'],
      env: []
    })
    sandbox = await startSandbox({
      outDir: dir,
      scenario,
      podStartLatencyMs: 100
    })
    registry = sandbox.env.SANDBOX_REGISTRY ?? ''
    image = (tag) => `${registry}/warranty-hub/product-service:${tag}`
    const paused = sandbox.kube.store.mustGet(
      'deployments',
      'prod',
      'paused-service'
    )
    const spec = paused.spec as Record<string, unknown>
    spec.paused = true
    sandbox.kube.store.update('deployments', paused)
  }, 60_000)

  afterAll(async () => {
    await sandbox?.stop()
    if (dir) await rm(dir, { recursive: true, force: true })
  })

  /** discover-tag inputs for the sandbox's product-service running v1.3.0, with an explicit `image-tag`. */
  const discoverWithTag = (tag: string) => ({
    registry,
    repository: 'warranty-hub/product-service',
    'current-image': image('v1.3.0'),
    'image-tag': tag,
    'client-id': sandbox.env.AZURE_CLIENT_ID ?? '',
    'tenant-id': sandbox.env.AZURE_TENANT_ID ?? ''
  })

  const cases: Array<[string, string, () => Record<string, string>, RegExp]> = [
    [
      'malformed image reference',
      'redeploy',
      () => ({
        namespace: 'prod',
        deployments: 'product-service',
        image: `${registry}/Warranty Hub/app:v1`
      }),
      /input "image": .*(white space|lowercase)/
    ],
    [
      'malformed tag (OCI grammar)',
      'redeploy',
      () => ({
        namespace: 'prod',
        deployments: 'product-service',
        image: `${registry}/warranty-hub/product-service:-v1`
      }),
      /input "image": .*tag "-v1"/
    ],
    [
      'malformed explicit tag',
      'discover-tag',
      () => ({
        ...discoverWithTag('v1..2/x')
      }),
      /input "image-tag"/
    ],
    [
      'tag that does not exist',
      'discover-tag',
      () => ({
        ...discoverWithTag('v9.9.9')
      }),
      /v9\.9\.9/
    ],
    [
      'image from a registry not allowed',
      'redeploy',
      () => ({
        namespace: 'prod',
        deployments: 'product-service',
        image: 'evil.example.io/warranty-hub/product-service:v1.1.0'
      }),
      /evil\.example\.io/
    ],
    [
      'deployment that does not exist',
      'redeploy',
      () => ({
        namespace: 'prod',
        deployments: 'product-service,ghost',
        image: image('v1.1.0')
      }),
      /ghost/
    ],
    [
      'container that does not exist',
      'redeploy',
      () => ({
        namespace: 'prod',
        deployments: 'product-service',
        container: 'sidecar',
        image: image('v1.1.0')
      }),
      /sidecar/
    ],
    [
      'paused deployment',
      'redeploy',
      () => ({
        namespace: 'prod',
        deployments: 'paused-service',
        image: image('v1.1.0')
      }),
      /paused.*rollout resume/
    ],
    [
      'negative timeout',
      'redeploy',
      () => ({
        namespace: 'prod',
        deployments: 'product-service',
        image: image('v1.1.0'),
        'rollout-timeout': '-5m'
      }),
      /input "rollout-timeout": "-5m"/
    ],
    [
      'unparseable timeout',
      'validate-health',
      () => ({
        namespace: 'prod',
        deployments: 'product-service',
        timeout: 'soon'
      }),
      /input "timeout": "soon"/
    ],
    [
      'workflow-command injection',
      'redeploy',
      () => ({
        namespace: 'prod',
        deployments: 'product-service\n::add-mask::x',
        image: image('v1.1.0')
      }),
      /input "deployments": contains a line starting with "::"/
    ],
    [
      'newline in a single-line input',
      'redeploy',
      () => ({
        namespace: 'prod\nkube-system',
        deployments: 'product-service',
        image: image('v1.1.0')
      }),
      /input "namespace"/
    ]
  ]

  it.each(cases)('%s (%s)', async (_name, action, inputs, message) => {
    const mark = sandbox.requests.mark()
    const run = await runAction(action, inputs(), { env: sandbox.env })
    expect(run.exitCode).toBe(1)
    expect(run.failure).toMatch(new RegExp(`^${action}: `))
    expect(run.failure).toMatch(message)
    // token requests (POST /oauth2/...) exchange credentials; they change nothing
    const writes = sandbox.requests
      .writes(undefined, mark)
      .filter((r) => !/\/oauth2\//.test(r.path))
    expect(writes).toEqual([])
    const deployment = sandbox.kube.store.mustGet(
      'deployments',
      'prod',
      'product-service'
    )
    const containers = (
      deployment.spec as {
        template: { spec: { containers: Array<{ image: string }> } }
      }
    ).template.spec.containers
    expect(containers[0]?.image).toBe(image('v1.2.0-stable'))
  })
})
