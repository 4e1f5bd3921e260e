import { spawn } from 'node:child_process'
import { writeFile, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  actionInputDefaults,
  inputVariable,
  runAction
} from '@rollback-actions/drill'
import type { Sandbox } from '@rollback-actions/sandbox'
import { benchSandbox, median, type BenchResult } from './lib.js'

/** Spawns a node script and returns ms from spawn to the first request any sandbox server saw after it. */
async function timeToFirstRequest(
  sandbox: Sandbox,
  script: string,
  env: NodeJS.ProcessEnv
): Promise<number> {
  const mark = sandbox.requests.mark()
  const spawnedAt = Date.now()
  const child = spawn(process.execPath, [script], {
    // no NODE_OPTIONS: the bench itself runs under tsx, whose loader must not reach the measured processes
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      ...sandbox.env,
      ...env
    },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let out = ''
  child.stdout.on('data', (d: Buffer) => (out += d.toString()))
  child.stderr.on('data', (d: Buffer) => (out += d.toString()))
  await new Promise<void>((resolve) => child.on('close', () => resolve()))
  const first = sandbox.requests.entries[mark]
  if (!first) throw new Error(`${script} made no request: ${out.slice(-800)}`)
  return Date.parse(first.at) - spawnedAt
}

/**
 * Start time of each bundled action (process start → its first request to the sandbox) against a bare Node script
 * that makes one HTTPS request to the same sandbox.
 */
export async function benchStartup(options: {
  iterations: number
}): Promise<BenchResult[]> {
  const { sandbox, dispose } = await benchSandbox(() => undefined)
  const dir = await mkdtemp(join(tmpdir(), 'rollback-bench-startup-'))
  try {
    await writeFile(join(dir, 'out'), '')
    await writeFile(join(dir, 'summary'), '')
    const bare = join(dir, 'bare.mjs')
    await writeFile(
      bare,
      `import https from 'node:https'\nhttps.get(process.env.SANDBOX_SERVICE_URL + '/healthz', (r) => r.resume())\n`
    )
    const registry = sandbox.env.SANDBOX_REGISTRY ?? ''
    const image = `${registry}/warranty-hub/product-service:v1.2.0-stable`
    const actions: Record<string, Record<string, string>> = {
      'discover-tag': {
        registry,
        repository: 'warranty-hub/product-service',
        'current-image': image,
        'client-id': sandbox.env.AZURE_CLIENT_ID ?? '',
        'tenant-id': sandbox.env.AZURE_TENANT_ID ?? ''
      },
      redeploy: {
        namespace: 'prod',
        deployments: 'product-service',
        image,
        'dry-run': 'true'
      },
      'validate-health': {
        namespace: 'prod',
        deployments: 'product-service',
        'http-checks': `- url: ${sandbox.env.SANDBOX_SERVICE_URL}/healthz`,
        'consecutive-successes': '1',
        interval: '1s',
        timeout: '30s'
      }
    }
    // warm the file cache once
    for (const [id, inputs] of Object.entries(actions))
      await runAction(id, inputs, { env: sandbox.env })
    const results: BenchResult[] = []
    const baseTimes: number[] = []
    const times: Record<string, number[]> = Object.fromEntries(
      Object.keys(actions).map((k) => [k, []])
    )
    for (let i = 0; i < options.iterations; i++) {
      baseTimes.push(await timeToFirstRequest(sandbox, bare, {}))
      for (const [id, inputs] of Object.entries(actions)) {
        const env = Object.fromEntries(
          Object.entries({ ...actionInputDefaults(id), ...inputs }).map(
            ([k, v]) => [inputVariable(k), v]
          )
        )
        times[id]?.push(
          await timeToFirstRequest(
            sandbox,
            join(process.cwd(), 'actions', id, 'dist', 'index.js'),
            {
              ...env,
              GITHUB_OUTPUT: join(dir, 'out'),
              GITHUB_STEP_SUMMARY: join(dir, 'summary')
            }
          )
        )
      }
    }
    const b = median(baseTimes)
    for (const [id, xs] of Object.entries(times)) {
      const o = median(xs)
      results.push({
        name: `${id} start to first request`,
        ours: id,
        baseline: 'bare node + one https request',
        oursValue: o,
        baselineValue: b,
        unit: 'ms',
        ratio: o / b,
        goal: '≤ 250 ms',
        met: o <= 250
      })
    }
    return results
  } finally {
    await rm(dir, { recursive: true, force: true })
    await dispose()
  }
}
