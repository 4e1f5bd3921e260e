import type { Logger } from '@rollback-actions/action-kit'
import type { Scenario } from '../scenario.js'
import {
  HEALTHY_PROFILE,
  type LoadProfile,
  type ProductServiceRuntime
} from '../service/runtime.js'
import { startLoadGenerator, type LoadGenerator } from '../service/proxy.js'
import {
  startPrometheus,
  type PrometheusAlerting,
  type RunningPrometheus
} from './server.js'

/**
 * The load profile of each image from the scenario's tags (`errorRate`, `p95LatencyMs`), defaulting to
 * {@link HEALTHY_PROFILE}. Images are matched by repository suffix and tag (`<registry>/<repo>:<tag>`); a
 * digest-only reference gets the healthy profile unless `tagOfDigest` names its tag.
 */
export function scenarioProfiles(
  scenario: Scenario,
  tagOfDigest?: (image: string) => string | undefined
): (image: string) => LoadProfile {
  return (image) => {
    const at = image.indexOf('@')
    const ref = at >= 0 ? image.slice(0, at) : image
    const slash = ref.lastIndexOf('/')
    const colon = ref.lastIndexOf(':')
    const tag = colon > slash ? ref.slice(colon + 1) : tagOfDigest?.(image)
    const path = colon > slash ? ref.slice(0, colon) : ref
    for (const repo of scenario.registry.repositories) {
      if (!path.endsWith(`/${repo.name}`) && path !== repo.name) continue
      const t = repo.tags.find((x) => x.name === tag)
      if (t) {
        return {
          errorRate: t.errorRate ?? HEALTHY_PROFILE.errorRate,
          p95LatencyMs: t.p95LatencyMs ?? HEALTHY_PROFILE.p95LatencyMs
        }
      }
    }
    return HEALTHY_PROFILE
  }
}

export interface Monitoring {
  prometheus: RunningPrometheus
  load: LoadGenerator
  /** `SANDBOX_PROMETHEUS_URL`. */
  url: string
  close(): Promise<void>
}

/**
 * Starts the sandbox's monitoring: the real Prometheus scraping every product-service container the runtime runs
 * (file_sd, job `product-service`, target labels namespace/pod/container/service/version) and the load generator
 * against the Service endpoint (the scenario's `prometheus.load`).
 */
export async function startMonitoring(options: {
  scenario: Scenario
  runtime: ProductServiceRuntime
  serviceUrl: string
  caPem: string
  workDir: string
  log?: Logger
  /** Rule files and the Alertmanager Prometheus notifies (see startAlerting). */
  alerting?: PrometheusAlerting
}): Promise<Monitoring> {
  const settings = options.scenario.prometheus ?? {
    enabled: true,
    scrapeIntervalSeconds: 1,
    load: { ratePerSecond: 20, path: '/api/products' }
  }
  const prometheus = await startPrometheus({
    workDir: options.workDir,
    scrapeTargets: () => options.runtime.targets(),
    scrapeIntervalSeconds: settings.scrapeIntervalSeconds,
    ...(options.log ? { log: options.log } : {}),
    ...(options.alerting ? { alerting: options.alerting } : {})
  })
  const load = startLoadGenerator({
    url: options.serviceUrl,
    ca: options.caPem,
    ratePerSecond: settings.load.ratePerSecond,
    path: settings.load.path
  })
  return {
    prometheus,
    load,
    url: prometheus.url,
    close: async () => {
      await load.stop()
      await prometheus.close()
    }
  }
}
