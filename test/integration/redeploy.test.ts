// The redeploy action against the Kubernetes emulator: the esbuild bundle run as the runner runs it (child process,
// INPUT_* variables, GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files), plus in-process runs with a fake context.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { bundleActions } from '../../scripts/bundle.mjs'
import { run } from '../../actions/redeploy/src/main.js'
import { fakeContext } from '../helpers/fake-context.js'
import { actionInputDefaults, runAction } from '@rollback-actions/drill'
import {
  generateImage,
  pushImage,
  RequestLog,
  startDockerRegistry,
  type DockerRegistry
} from '@rollback-actions/emulators'
import { createCertificateAuthority } from '@rollback-actions/emulators'
import {
  fakeRuntime,
  startKubernetesEmulator,
  type KubernetesEmulator
} from '@rollback-actions/emulators'

// The images live in a real docker-registry (redeploy resolves the image there before any write).
let registry: DockerRegistry
let REPO: string
let OLD: string
let LIVE: string
let BROKEN: string
const digestOf: Record<string, string> = {}

let emulator: KubernetesEmulator
let log: RequestLog
let dir: string
let bundle: string
let kubeconfig: string
let seq = 0

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'redeploy-test-'))
  registry = await startDockerRegistry()
  REPO = `${registry.host}/shop/web`
  OLD = `${REPO}:v1`
  LIVE = `${REPO}:v2`
  BROKEN = `${REPO}:v3`
  for (const [n, ref] of [OLD, LIVE, BROKEN].entries()) {
    const image = generateImage({
      seed: `web-${n}`,
      created: new Date(Date.UTC(2026, 0, 1 + n))
    })
    await pushImage(registry.url, 'shop/web', `v${n + 1}`, image)
    digestOf[ref] = image.manifestDigest
  }
  const ca = await createCertificateAuthority()
  const tls = await ca.issue(['localhost', '127.0.0.1'])
  log = new RequestLog()
  emulator = await startKubernetesEmulator({
    tls,
    caPem: ca.caPem,
    log,
    token: 'redeploy-test-token',
    runtime: fakeRuntime({
      images: {
        [OLD]: `sha256:${'1'.repeat(64)}`,
        [LIVE]: `sha256:${'2'.repeat(64)}`,
        [BROKEN]: `sha256:${'3'.repeat(64)}`
      },
      broken: [BROKEN]
    }),
    podStartLatencyMs: 300
  })
  kubeconfig = join(dir, 'kubeconfig')
  writeFileSync(kubeconfig, emulator.kubeconfig())
  // The repository's esbuild options (scripts/bundle.mjs), into a temporary folder.
  const { entries } = await bundleActions({
    outdir: dir,
    actions: ['redeploy'],
    write: true
  })
  bundle = entries[0]!.outfile
})

afterAll(async () => {
  await emulator?.close()
  await registry?.stop()
  rmSync(dir, { recursive: true, force: true })
})

async function seed(): Promise<string> {
  const name = `web-${++seq}`
  await emulator.seedDeployment({
    namespace: 'prod',
    name,
    replicas: 2,
    container: 'app',
    images: [OLD, LIVE],
    progressDeadlineSeconds: 300
  })
  return name
}

const env = () => ({
  KUBECONFIG: kubeconfig,
  GITHUB_ACTOR: 'octo-sre',
  GITHUB_REPOSITORY: 'warranty-hub/platform',
  GITHUB_RUN_ID: '77',
  GITHUB_SERVER_URL: 'https://github.com'
})

const runBundle = (inputs: Record<string, string>) =>
  runAction(
    'redeploy',
    { ...actionInputDefaults('redeploy'), ...inputs },
    { entry: bundle, env: env(), timeoutMs: 60_000 }
  )

/** Runs the bundle on Deployment `prod/<name>` with `image`, the other inputs at their defaults. */
const redeployBundle = (name: string, image: string) =>
  runBundle({ namespace: 'prod', deployments: name, image })

const imageOf = (name: string) =>
  (
    emulator.store.get('deployments', 'prod', name)?.spec as {
      template: { spec: { containers: { image: string }[] } }
    }
  ).template.spec.containers[0]?.image

describe('redeploy bundle', () => {
  it('rolls two deployments back and reports outputs, summary and audit', async () => {
    const a = await seed()
    const b = await seed()
    const result = await redeployBundle(`${a}\n${b}`, OLD)
    expect(result.failure).toBeUndefined()
    expect(result.exitCode).toBe(0)
    expect(JSON.parse(result.outputs['previous-images'] ?? '')).toEqual({
      [a]: LIVE,
      [b]: LIVE
    })
    expect(JSON.parse(result.outputs.revision ?? '')).toEqual({
      [a]: 3,
      [b]: 3
    })
    expect(Number(result.outputs['duration-seconds'])).toBeGreaterThan(0)
    expect(imageOf(a)).toBe(OLD)
    expect(imageOf(b)).toBe(OLD)
    expect(
      emulator.store.get('deployments', 'prod', a)?.metadata.annotations?.[
        'kubernetes.io/change-cause'
      ]
    ).toBe(
      `rollback-actions: ${LIVE} -> ${OLD} by octo-sre (https://github.com/warranty-hub/platform/actions/runs/77)`
    )
    expect(result.summary).toContain(
      '| Deployment | Container | From | To | Outcome | Revision | Started (UTC) | Finished (UTC) |'
    )
    expect(result.summary).toMatch(
      new RegExp(
        `\\| ${a} \\| app \\| ${LIVE} \\| ${OLD} \\| succeeded \\| 3 \\| \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ \\|`
      )
    )
    expect(result.audit.map((r) => [r.step, r.outcome, r.changes])).toEqual(
      expect.arrayContaining([
        [
          `Roll out prod/${a}`,
          'succeeded',
          [
            {
              resource: `deployment/prod/${a} container app`,
              from: LIVE,
              to: OLD
            }
          ]
        ],
        [
          `Roll out prod/${b}`,
          'succeeded',
          [
            {
              resource: `deployment/prod/${b} container app`,
              from: LIVE,
              to: OLD
            }
          ]
        ]
      ])
    )
  })

  it('fails fast on a crashing image with the pod reason and exit code 1', async () => {
    const name = await seed()
    const result = await redeployBundle(name, BROKEN)
    expect(result.exitCode).toBe(1)
    expect(result.failure).toMatch(
      new RegExp(
        `^redeploy: deployment "prod/${name}" cannot roll out: .*CrashLoopBackOff`
      )
    )
    expect(result.failure).toMatch(/\| panic: runtime error/)
    expect(result.failure).toContain(
      `prod/${name} container app is left on ${BROKEN} (revision 3), its rollout not complete; before the step it ran ${LIVE}. To undo: kubectl -n prod set image deployment/${name} app=${LIVE}`
    )
    expect(result.durationMs).toBeLessThan(15_000)
    expect(result.summary).toMatch(
      new RegExp(`\\| ${name} \\| app \\| ${LIVE} \\| ${BROKEN} \\| failed \\|`)
    )
    expect(result.audit[0]).toMatchObject({ outcome: 'failed' })
  })

  it('refuses a paused deployment: exit code 1, nothing written', async () => {
    const name = await seed()
    const d = emulator.store.get('deployments', 'prod', name)!
    ;(d.spec as { paused?: boolean }).paused = true
    emulator.store.update('deployments', d)
    const mark = log.mark()
    const result = await redeployBundle(name, OLD)
    expect(result.exitCode).toBe(1)
    expect(result.failure).toMatch(
      new RegExp(
        `^redeploy: deployment "prod/${name}" is paused.*kubectl rollout resume`
      )
    )
    expect(log.writes('kubernetes', mark)).toEqual([])
    expect(result.outputs['previous-images']).toBeUndefined()
  })

  it('names the input when the image is not a reference, before any request', async () => {
    const mark = log.mark()
    const result = await redeployBundle('web-1', 'Not An Image')
    expect(result.exitCode).toBe(1)
    expect(result.failure).toMatch(/^redeploy: input "image": /)
    expect(log.of('kubernetes', mark)).toEqual([])
  })
})

/**
 * Runs redeploy in process on a freshly seeded Deployment in `prod` with `inputs`; returns the context, the
 * Deployment's name and the request-log mark taken before the run.
 */
async function runInProcess(inputs: Record<string, string>) {
  const name = await seed()
  const mark = log.mark()
  const ctx = fakeContext(
    'redeploy',
    { namespace: 'prod', deployments: name, ...inputs },
    { KUBECONFIG: kubeconfig }
  )
  await run(ctx)
  return { ctx, name, mark }
}

describe('redeploy in process', () => {
  it('refuses a digest the registry does not have, writing nothing', async () => {
    const missing = `sha256:${'9'.repeat(64)}`
    const { ctx, name, mark } = await runInProcess({
      image: `${REPO}@${missing}`
    })
    expect(ctx.failure).toMatch(
      new RegExp(
        `^redeploy: ${registry.host}/shop/web has no manifest ${missing} .*nothing was changed`
      )
    )
    expect(log.writes('kubernetes', mark)).toEqual([])
    expect(imageOf(name)).toBe(LIVE)
  })

  it('refuses a tag whose digest is another image (tag@digest disagree), writing nothing', async () => {
    const { ctx, name, mark } = await runInProcess({
      image: `${REPO}:v2@${digestOf[OLD] ?? ''}`
    })
    expect(ctx.failure).toMatch(
      new RegExp(
        `^redeploy: input "image": ".*" names tag v2 and digest ${digestOf[OLD] ?? ''}, but .*:v2 is ${digestOf[LIVE] ?? ''}`
      )
    )
    expect(log.writes('kubernetes', mark)).toEqual([])
    expect(imageOf(name)).toBe(LIVE)
  })

  it('plans only on a dry run', async () => {
    const { ctx, name, mark } = await runInProcess({
      image: OLD,
      'dry-run': 'true'
    })
    expect(ctx.failure).toBeUndefined()
    expect(log.writes('kubernetes', mark)).toEqual([])
    expect(ctx.outputs['previous-images']).toBe(
      JSON.stringify({ [name]: LIVE })
    )
    expect(ctx.outputs.revision).toBeUndefined()
    expect(ctx.summaryText).toMatch(/dry run: nothing was changed/)
    expect(ctx.audit.steps[0]).toMatchObject({
      outcome: 'skipped',
      changes: [{ from: LIVE, to: OLD }]
    })
    expect(imageOf(name)).toBe(LIVE)
  })

  it('refuses a registry outside allowed-registries without writing', async () => {
    const { ctx, mark } = await runInProcess({
      image: `other.azurecr.io/shop/web:v1`,
      'allowed-registries': 'sandboxacr.azurecr.io'
    })
    expect(ctx.failure).toMatch(
      /registry other.azurecr.io, which is not allowed \(allowed: sandboxacr.azurecr.io\)/
    )
    expect(log.writes('kubernetes', mark)).toEqual([])
  })
})
