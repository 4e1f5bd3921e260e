// The redeploy action against the Kubernetes emulator: the esbuild bundle run as the runner runs it (child process,
// INPUT_* variables, GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files), plus in-process runs with a fake context.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { run } from '../../actions/redeploy/src/main.js'
import { runFake } from '../helpers/fake-context.js'
import { buildActionBundle, runBundle } from '../helpers/bundle.js'
import {
  type KubernetesEmulator,
  type RequestLog
} from '@rollback-actions/emulators'
import {
  pauseDeployment,
  SHOP_WEB,
  shopWebRuntime,
  startKube,
  writeKubeconfig
} from '../helpers/kube.js'

const { v1: OLD, v2: LIVE, v3: BROKEN } = SHOP_WEB

let emulator: KubernetesEmulator
let log: RequestLog
let dir: string
let bundle: string
let kubeconfig: string
let seq = 0

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'redeploy-test-'))
  bundle = join(dir, 'index.js')
  ;({ emulator, log } = await startKube({
    token: 'redeploy-test-token',
    runtime: shopWebRuntime(),
    podStartLatencyMs: 300
  }))
  kubeconfig = writeKubeconfig(dir, emulator)
  await buildActionBundle('redeploy', bundle)
})

afterAll(async () => {
  await emulator?.close()
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

const runRedeploy = (inputs: Record<string, string>) =>
  runBundle('redeploy', bundle, inputs, { env: env(), timeoutMs: 60_000 })

/** Runs the bundle to set `deployments` of namespace prod to `image`. */
const redeployTo = (deployments: string, image: string) =>
  runRedeploy({ namespace: 'prod', deployments, image })

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
    const result = await redeployTo(`${a}\n${b}`, OLD)
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
    const result = await redeployTo(name, BROKEN)
    expect(result.exitCode).toBe(1)
    expect(result.failure).toMatch(
      new RegExp(
        `^redeploy: deployment "prod/${name}" cannot roll out: .*CrashLoopBackOff`
      )
    )
    expect(result.failure).toMatch(/\| panic: runtime error/)
    expect(result.durationMs).toBeLessThan(15_000)
    expect(result.summary).toMatch(
      new RegExp(`\\| ${name} \\| app \\| ${LIVE} \\| ${BROKEN} \\| failed \\|`)
    )
    expect(result.audit[0]).toMatchObject({ outcome: 'failed' })
  })

  it('refuses a paused deployment: exit code 1, nothing written', async () => {
    const name = await seed()
    pauseDeployment(emulator, name)
    const mark = log.mark()
    const result = await redeployTo(name, OLD)
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
    const result = await redeployTo('web-1', 'Not An Image')
    expect(result.exitCode).toBe(1)
    expect(result.failure).toMatch(/^redeploy: input "image": /)
    expect(log.of('kubernetes', mark)).toEqual([])
  })
})

describe('redeploy in process', () => {
  /** Seeds a deployment and runs redeploy on it in process (fake context); returns the log mark before the run. */
  const inProcess = async (inputs: Record<string, string>) => {
    const name = await seed()
    const mark = log.mark()
    const ctx = await runFake(
      run,
      'redeploy',
      { namespace: 'prod', deployments: name, ...inputs },
      { KUBECONFIG: kubeconfig }
    )
    return { name, mark, ctx }
  }

  it('plans only on a dry run', async () => {
    const { name, mark, ctx } = await inProcess({
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
    const { mark, ctx } = await inProcess({
      image: `other.azurecr.io/shop/web:v1`,
      'allowed-registries': 'sandboxacr.azurecr.io'
    })
    expect(ctx.failure).toMatch(
      /registry other.azurecr.io, which is not allowed \(allowed: sandboxacr.azurecr.io\)/
    )
    expect(log.writes('kubernetes', mark)).toEqual([])
  })
})
