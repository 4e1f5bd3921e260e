import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import {
  loadScenario,
  startSandbox,
  type Sandbox,
  type Scenario
} from '@rollback-actions/sandbox'

const exec = promisify(execFile)

/** One benchmark result: a measured value against its baseline, run side by side in one process. */
export interface BenchResult {
  name: string
  /** What "ours" and "baseline" are. */
  ours: string
  baseline: string
  /** Median of the measured values (unit below). */
  oursValue: number
  baselineValue: number
  unit: 's' | 'ms' | 'requests' | 'MB'
  /** ours / baseline. */
  ratio: number
  goal: string
  met: boolean
  notes?: string
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2
}

/** Starts a sandbox with the default scenario changed by `edit`, in its own temp folder. */
export async function benchSandbox(
  edit: (scenario: Scenario) => void
): Promise<{ sandbox: Sandbox; dispose: () => Promise<void> }> {
  const scenario = loadScenario()
  // no Prometheus and load generator: their traffic would mix with what is measured here
  delete scenario.prometheus
  edit(scenario)
  const dir = await mkdtemp(join(tmpdir(), 'rollback-bench-'))
  const sandbox = await startSandbox({ outDir: dir, scenario })
  return {
    sandbox,
    dispose: async () => {
      await sandbox.stop()
      await rm(dir, { recursive: true, force: true })
    }
  }
}

/** Runs the real kubectl against a sandbox; returns wall seconds and exit code. */
export async function kubectlTimed(
  sandbox: Sandbox,
  args: string[],
  cacheDir: string
): Promise<{ seconds: number; code: number; output: string }> {
  const started = performance.now()
  try {
    const { stdout } = await exec(
      'kubectl',
      [
        '--kubeconfig',
        sandbox.kubeconfigPath,
        '--cache-dir',
        cacheDir,
        ...args
      ],
      { env: { ...process.env, HOME: cacheDir }, timeout: 900_000 }
    )
    return {
      seconds: (performance.now() - started) / 1000,
      code: 0,
      output: stdout
    }
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string }
    return {
      seconds: (performance.now() - started) / 1000,
      code: typeof e.code === 'number' ? e.code : 1,
      output: `${e.stdout ?? ''}${e.stderr ?? ''}`
    }
  }
}

/**
 * The identity inputs of the actions that sign in to Azure (redeploy resolves its image in ACR before any write):
 * the sandbox's federated app registration, as a workflow passes `vars.AZURE_CLIENT_ID` / `vars.AZURE_TENANT_ID`.
 */
export function sandboxIdentity(sandbox: Sandbox): Record<string, string> {
  return {
    'client-id': sandbox.env.AZURE_CLIENT_ID ?? '',
    'tenant-id': sandbox.env.AZURE_TENANT_ID ?? ''
  }
}
