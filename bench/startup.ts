import { spawn } from 'node:child_process'
import { readFileSync, statSync } from 'node:fs'
import { writeFile, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { build } from 'esbuild'
import {
  actionEntry,
  actionInputDefaults,
  inputVariable,
  REPO_ROOT
} from '@rollback-actions/drill'
import type { Sandbox } from '@rollback-actions/sandbox'
import {
  actionEntries,
  esbuildOptions,
  generatedFiles
} from '../scripts/bundle.mjs'
import { benchSandbox, median, type BenchResult } from './lib.js'

/** Goals of issue #8: all committed bundles together, and an action's start against a bare Node request. */
const GOALS = { committedMegabytes: 15, startRatio: 3 }

/** Static `import … from "./x.js"` / `import "./x.js"` of an esbuild ESM output file. */
const STATIC_IMPORT =
  /^(?:import|export)\s[^;]*?from\s+"(\.[^"]+)"|^import\s+"(\.[^"]+)"/gm

/**
 * Bytes Node reads and compiles before an action's first line runs: the loader, the action's chunk and every chunk
 * reachable from it by static imports (chunks behind the action's own `import()` load on first use: not counted).
 */
function startBytes(entry: string): number {
  const seen = new Set<string>()
  // the entry is the loader: it imports the action's chunk with import() once the compile cache is on
  const todo = [
    entry,
    ...[...readFileSync(entry, 'utf8').matchAll(/import\("(\.[^"]+)"\)/g)].map(
      (m) => resolve(dirname(entry), m[1] ?? '')
    )
  ]
  for (let file = todo.pop(); file !== undefined; file = todo.pop()) {
    if (seen.has(file)) continue
    seen.add(file)
    for (const m of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT))
      todo.push(resolve(dirname(file), m[1] ?? m[2] ?? ''))
  }
  return [...seen].reduce((n, f) => n + statSync(f).size, 0)
}

/**
 * Committed bundle bytes (actions/<id>/dist and the shared actions/dist, licence notices included) against the same
 * actions bundled one file per action with the same esbuild options but no splitting (the layout before the shared
 * build), built in memory side by side.
 */
async function benchBytes(): Promise<BenchResult> {
  const committed = generatedFiles(join(REPO_ROOT, 'actions')).reduce(
    (n, f) => n + statSync(f).size,
    0
  )
  let separate = 0
  for (const e of actionEntries(REPO_ROOT)) {
    // the former build: the action's own source as the entry (no loader), everything in one file
    const result = await build({
      ...esbuildOptions({
        entryPoints: { [e.out]: e.source },
        outdir: join(tmpdir(), 'rollback-bench-bytes')
      }),
      entryPoints: { [e.out]: e.source },
      plugins: [],
      splitting: false,
      metafile: false
    })
    separate += result.outputFiles.reduce((n, f) => n + f.contents.length, 0)
  }
  const mb = (n: number) => n / 1e6
  return {
    name: 'committed bundle bytes',
    ours: 'one shared build (entries + chunks + notices)',
    baseline: 'one bundle per action',
    oursValue: mb(committed),
    baselineValue: mb(separate),
    unit: 'MB',
    ratio: committed / separate,
    goal: `≤ ${GOALS.committedMegabytes} MB`,
    met: mb(committed) <= GOALS.committedMegabytes
  }
}

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
 * that makes one HTTPS request to the same sandbox, side by side: as the first action of a job (empty RUNNER_TEMP,
 * so an empty compile cache) and as a later action of the same job (RUNNER_TEMP kept, compile cache filled).
 */
export async function benchStartup(options: {
  iterations: number
}): Promise<BenchResult[]> {
  const bytes = await benchBytes()
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
    const runEnv = (id: string, runnerTemp: string) => ({
      ...Object.fromEntries(
        Object.entries({ ...actionInputDefaults(id), ...actions[id] }).map(
          ([k, v]) => [inputVariable(k), v]
        )
      ),
      GITHUB_OUTPUT: join(dir, 'out'),
      GITHUB_STEP_SUMMARY: join(dir, 'summary'),
      RUNNER_TEMP: runnerTemp
    })
    // One job's RUNNER_TEMP: a first run of each action fills its compile cache (and the OS file cache).
    const job = await mkdtemp(join(dir, 'job-'))
    for (const id of Object.keys(actions))
      await timeToFirstRequest(sandbox, actionEntry(id), runEnv(id, job))
    // Each action run is paired with a bare Node run just before it, and the ratio is taken per pair: the load of
    // this shared machine drifts between iterations, much less between two runs a second apart.
    type Pair = { ours: number; bare: number }
    const pairs: Record<string, Pair[]> = {}
    const measure = async (key: string, run: () => Promise<number>) => {
      const bareMs = await timeToFirstRequest(sandbox, bare, {})
      ;(pairs[key] ??= []).push({ ours: await run(), bare: bareMs })
    }
    for (let i = 0; i < options.iterations; i++)
      for (const id of Object.keys(actions)) {
        // first action of a job: an empty RUNNER_TEMP, nothing compiled yet
        const fresh = await mkdtemp(join(dir, 'fresh-'))
        await measure(`${id} first`, () =>
          timeToFirstRequest(sandbox, actionEntry(id), runEnv(id, fresh))
        )
        // a later action of the same job: the shared chunks' compiled code is in RUNNER_TEMP
        await measure(`${id} later`, () =>
          timeToFirstRequest(sandbox, actionEntry(id), runEnv(id, job))
        )
      }
    const row = (id: string, when: string, xs: Pair[]): BenchResult => {
      const ratio = median(xs.map((p) => p.ours / p.bare))
      return {
        name: `${id} start to first request, ${when}`,
        ours: id,
        baseline: 'bare node + one https request',
        oursValue: median(xs.map((p) => p.ours)),
        baselineValue: median(xs.map((p) => p.bare)),
        unit: 'ms',
        ratio,
        goal: `≤ ${GOALS.startRatio}× bare node`,
        met: ratio <= GOALS.startRatio,
        notes: `ratio = median of per-pair ratios; pairs (ours/bare ms) ${xs.map((p) => `${p.ours.toFixed(0)}/${p.bare.toFixed(0)}`).join(', ')}`
      }
    }
    const results: BenchResult[] = [bytes]
    for (const id of Object.keys(actions)) {
      const first = row(id, 'first action of a job', pairs[`${id} first`] ?? [])
      first.notes = `${(startBytes(actionEntry(id)) / 1e6).toFixed(1)} MB of JavaScript loaded before the action's first line; ${first.notes ?? ''}`
      results.push(
        first,
        row(id, 'later action of the job', pairs[`${id} later`] ?? [])
      )
    }
    return results
  } finally {
    await rm(dir, { recursive: true, force: true })
    await dispose()
  }
}
