import { runAction } from '@rollback-actions/drill'
import type { ScenarioDeployment } from '@rollback-actions/sandbox'
import {
  benchSandbox,
  kubectlTimed,
  median,
  sandboxIdentity,
  type BenchResult
} from './lib.js'

const N = 10
const NAMESPACE = 'bench'
const TAGS = ['v1.0.0', 'v1.1.0', 'v1.2.0-stable'] as const

/**
 * Rolling back N = 10 Deployments with `redeploy` (parallel rollouts, one process) against the runbook's manual way:
 * the real kubectl doing `set image` + `rollout status` for each Deployment in turn. Also compares the 10-deployment
 * rollback with a single-deployment rollback (the slowest single rollout), run in the same iterations.
 */
export async function benchParallel(options: {
  iterations: number
  cacheDir: string
}): Promise<BenchResult[]> {
  const names = Array.from(
    { length: N },
    (_, i) => `svc-${String(i + 1).padStart(2, '0')}`
  )
  const { sandbox, dispose } = await benchSandbox((s) => {
    const base = s.kubernetes.deployments[0] as ScenarioDeployment
    for (const name of names)
      s.kubernetes.deployments.push({
        ...base,
        namespace: NAMESPACE,
        name,
        container: 'app',
        history: ['v1.1.0', 'v1.2.0-stable'],
        env: []
      })
  })
  const image = (tag: string) =>
    `${sandbox.env.SANDBOX_REGISTRY}/warranty-hub/product-service:${tag}`
  const ours: number[] = []
  const baseline: number[] = []
  const single: number[] = []
  try {
    for (let i = 0; i < options.iterations; i++) {
      const [t1, t2, t3] = [TAGS[0], TAGS[1], TAGS[2]]
      // ours: all 10 at once (process start included)
      const run = await runAction(
        'redeploy',
        {
          namespace: NAMESPACE,
          deployments: names.join(','),
          image: image(t1),
          'rollout-timeout': '5m',
          ...sandboxIdentity(sandbox)
        },
        { env: sandbox.env }
      )
      if (run.exitCode !== 0)
        throw new Error(`redeploy failed: ${run.failure ?? run.stderr}`)
      ours.push(run.durationMs / 1000)
      // baseline: kubectl, one deployment after the other
      const began = performance.now()
      for (const name of names) {
        const set = await kubectlTimed(
          sandbox,
          [
            '-n',
            NAMESPACE,
            'set',
            'image',
            `deployment/${name}`,
            `app=${image(t2)}`
          ],
          options.cacheDir
        )
        const status = await kubectlTimed(
          sandbox,
          [
            '-n',
            NAMESPACE,
            'rollout',
            'status',
            `deployment/${name}`,
            '--timeout=5m'
          ],
          options.cacheDir
        )
        if (set.code !== 0 || status.code !== 0)
          throw new Error(
            `kubectl failed on ${name}: ${set.output}${status.output}`
          )
      }
      baseline.push((performance.now() - began) / 1000)
      // the slowest single rollout: one deployment, same action
      const one = await runAction(
        'redeploy',
        {
          namespace: NAMESPACE,
          deployments: names[0] ?? '',
          image: image(t3),
          'rollout-timeout': '5m',
          ...sandboxIdentity(sandbox)
        },
        { env: sandbox.env }
      )
      if (one.exitCode !== 0)
        throw new Error(
          `redeploy (single) failed: ${one.failure ?? one.stderr}`
        )
      single.push(one.durationMs / 1000)
    }
  } finally {
    await dispose()
  }
  const o = median(ours)
  const b = median(baseline)
  const s = median(single)
  return [
    {
      name: `roll back ${N} deployments`,
      ours: 'redeploy (parallel)',
      baseline: 'kubectl set image + rollout status, in turn',
      oursValue: o,
      baselineValue: b,
      unit: 's',
      ratio: o / b,
      goal: '≤ 0.15×',
      met: o / b <= 0.15,
      notes: `per-iteration ours ${ours.map((x) => x.toFixed(2)).join(', ')} s; kubectl ${baseline.map((x) => x.toFixed(2)).join(', ')} s`
    },
    {
      name: `${N} deployments vs the slowest single rollout`,
      ours: `redeploy, ${N} deployments`,
      baseline: 'redeploy, 1 deployment',
      oursValue: o,
      baselineValue: s,
      unit: 's',
      ratio: o / s,
      goal: '≤ 0.5 s over',
      met: o - s <= 0.5,
      notes: `difference ${(o - s).toFixed(2)} s`
    }
  ]
}
