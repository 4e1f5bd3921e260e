import { runAction } from '@rollback-actions/drill'
import type { ScenarioDeployment } from '@rollback-actions/sandbox'
import {
  benchSandbox,
  kubectlTimed,
  sandboxIdentity,
  type BenchResult
} from './lib.js'

/**
 * A broken image: how soon `redeploy` reports the rollout failed (pod-level reason) against `kubectl rollout status`,
 * which waits for the Deployment's progress deadline. Both start from the same healthy state.
 */
export async function benchFailFast(options: {
  progressDeadlineSeconds: number
  cacheDir: string
}): Promise<BenchResult> {
  const { sandbox, dispose } = await benchSandbox((s) => {
    // a release that crashes during startup (the kind of failure whose first pod failure comes seconds after the patch)
    s.registry.repositories[0]?.tags.push({
      name: 'v1.3.1-crash',
      pushed: '-30m',
      broken: true
    })
    const base = s.kubernetes.deployments[0] as ScenarioDeployment
    s.kubernetes.deployments.push({
      ...base,
      namespace: 'bench',
      name: 'fragile',
      container: 'app',
      history: ['v1.1.0', 'v1.2.0-stable'],
      progressDeadlineSeconds: options.progressDeadlineSeconds,
      env: []
    })
  })
  const image = (tag: string) =>
    `${sandbox.env.SANDBOX_REGISTRY}/warranty-hub/product-service:${tag}`
  const restore = async () => {
    const r = await runAction(
      'redeploy',
      {
        namespace: 'bench',
        deployments: 'fragile',
        image: image('v1.2.0-stable'),
        'rollout-timeout': '5m',
        ...sandboxIdentity(sandbox)
      },
      { env: sandbox.env }
    )
    if (r.exitCode !== 0) throw new Error(`restore failed: ${r.failure ?? ''}`)
  }
  try {
    const ours = await runAction(
      'redeploy',
      {
        namespace: 'bench',
        deployments: 'fragile',
        image: image('v1.3.1-crash'),
        'rollout-timeout': '15m',
        ...sandboxIdentity(sandbox)
      },
      { env: sandbox.env }
    )
    if (ours.exitCode === 0)
      throw new Error('redeploy did not fail on the broken image')
    const reason =
      /CrashLoopBackOff|ErrImagePull|ImagePullBackOff/.exec(
        ours.failure ?? ''
      )?.[0] ?? 'no pod reason'
    await restore()
    const set = await kubectlTimed(
      sandbox,
      [
        '-n',
        'bench',
        'set',
        'image',
        'deployment/fragile',
        `app=${image('v1.3.1-crash')}`
      ],
      options.cacheDir
    )
    const status = await kubectlTimed(
      sandbox,
      ['-n', 'bench', 'rollout', 'status', 'deployment/fragile'],
      options.cacheDir
    )
    if (status.code === 0)
      throw new Error('kubectl rollout status succeeded on the broken image')
    await restore()
    const o = ours.durationMs / 1000
    const b = set.seconds + status.seconds
    return {
      name: 'broken image reported failed',
      ours: 'redeploy',
      baseline: `kubectl rollout status (progressDeadlineSeconds ${options.progressDeadlineSeconds})`,
      oursValue: o,
      baselineValue: b,
      unit: 's',
      ratio: o / b,
      goal: '≤ 0.05×',
      met: o / b <= 0.05,
      notes: `redeploy's reason: ${reason}; kubectl: ${status.output.trim().split('\n').at(-1) ?? ''}`
    }
  } finally {
    await dispose()
  }
}
