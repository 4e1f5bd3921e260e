import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import { z } from 'zod'

/** `-30d`, `-1h`, `-90s`, `-5m` relative to sandbox start, or an absolute ISO-8601 UTC time. */
const relativeTime = z.string().regex(/^(-\d+[smhd]|\d{4}-\d{2}-\d{2}T.*Z)$/)

const tag = z.object({
  name: z.string(),
  pushed: relativeTime,
  /** Pods running this tag crash (CrashLoopBackOff); its service answers 5xx. */
  broken: z.boolean().default(false),
  /** Share of `/api/products` answers that are 500 (default 0.001 = 0.1 %); a "degraded" version sets more. */
  errorRate: z.number().min(0).max(1).optional(),
  /**
   * For a broken tag: seconds it serves (Ready, answering by its errorRate / p95LatencyMs) before it panics and exits,
   * like a release that passes readiness and then fails under load. Absent: it crashes during startup, never Ready.
   */
  crashAfterSeconds: z.number().positive().optional(),
  /** 95th percentile latency of `/api/products` in ms (default 80). */
  p95LatencyMs: z.number().positive().optional()
})

const deployment = z.object({
  namespace: z.string(),
  name: z.string(),
  replicas: z.number().int().min(0).default(1),
  container: z.string(),
  repository: z.string(),
  history: z.array(z.string()).min(1),
  progressDeadlineSeconds: z.number().int().positive().default(600),
  revisionHistoryLimit: z.number().int().min(0).default(10),
  env: z
    .array(
      z.object({
        name: z.string(),
        value: z.string().optional(),
        secretKeyRef: z
          .object({ name: z.string(), key: z.string() })
          .optional(),
        optional: z.boolean().default(false)
      })
    )
    .default([])
})

export const Scenario = z.object({
  registry: z.object({
    repositories: z.array(z.object({ name: z.string(), tags: z.array(tag) }))
  }),
  kubernetes: z.object({
    podStartLatencyMs: z.number().int().min(0).default(400),
    deployments: z.array(deployment)
  }),
  service: z.object({ namespace: z.string(), deployment: z.string() }),
  /** Optional sections owned by later features (database, prometheus) extend this object. */
  /** Azure Database for PostgreSQL (ARM emulator + real PostgreSQL 15 clusters) and the Key Vault apps read from. */
  database: z
    .object({
      subscriptionId: z
        .string()
        .regex(
          /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
        ),
      resourceGroup: z.string().min(1),
      location: z.string().min(1),
      servers: z
        .array(
          z.object({
            name: z.string().regex(/^[a-z0-9](?:[a-z0-9-]{1,61}[a-z0-9])$/),
            database: z.string().min(1),
            backupRetentionDays: z.number().int().min(7).max(35).default(7),
            /** SQL run in `database` when the sandbox starts, before the base backup. */
            seed: z.string().default('')
          })
        )
        .min(1),
      keyVault: z.object({
        name: z.string().regex(/^[a-zA-Z][a-zA-Z0-9-]{1,22}[a-zA-Z0-9]$/)
      })
    })
    .optional(),
  /**
   * Azure App Configuration (data-plane emulator): key-values and feature flags, each with the scenario time it was
   * written (`-2h`), oldest first — so a point-in-time restore has history to go back to.
   */
  appConfiguration: z
    .object({
      name: z.string().regex(/^[a-zA-Z0-9-]{5,50}$/),
      sku: z
        .enum(['free', 'developer', 'standard', 'premium'])
        .default('standard'),
      keyValues: z
        .array(
          z.object({
            key: z.string().min(1),
            label: z.string().nullable().default(null),
            value: z.string(),
            contentType: z.string().optional(),
            modified: z.string().default('-1d')
          })
        )
        .default([]),
      featureFlags: z
        .array(
          z.object({
            name: z.string().min(1),
            label: z.string().nullable().default(null),
            enabled: z.boolean(),
            /** `Microsoft.Percentage` filter value; none when omitted. */
            percentage: z.number().min(0).max(100).optional(),
            modified: z.string().default('-1d')
          })
        )
        .default([])
    })
    .optional(),
  /** A real Prometheus scraping the product-service pods, and a load generator against the Service. */
  prometheus: z
    .object({
      enabled: z.boolean().default(true),
      scrapeIntervalSeconds: z.number().positive().default(1),
      load: z
        .object({
          ratePerSecond: z.number().positive().max(200).default(20),
          path: z.string().startsWith('/').default('/api/products')
        })
        .prefault({})
    })
    .optional()
})
export type Scenario = z.infer<typeof Scenario>
export type ScenarioTag = z.infer<typeof tag>
export type ScenarioDeployment = z.infer<typeof deployment>

/** Path of the bundled default scenario. */
export const DEFAULT_SCENARIO_PATH = fileURLToPath(
  new URL('../scenarios/default.yaml', import.meta.url)
)

/**
 * Loads and validates a scenario YAML file.
 * @throws Error naming the file and the first invalid field.
 */
export function loadScenario(path = DEFAULT_SCENARIO_PATH): Scenario {
  const parsed = Scenario.safeParse(parse(readFileSync(path, 'utf8')))
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new Error(
      `scenario ${path}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`
    )
  }
  return parsed.data
}

/**
 * Resolves a scenario time (`-10d`, `-1h`, or absolute ISO) against `now` (UTC).
 * @returns a Date.
 */
export function resolveScenarioTime(value: string, now: Date): Date {
  const m = /^-(\d+)([smhd])$/.exec(value)
  if (!m) return new Date(value)
  const unit = { s: 1e3, m: 60e3, h: 3600e3, d: 86400e3 }[
    m[2] as 's' | 'm' | 'h' | 'd'
  ]
  return new Date(now.getTime() - Number(m[1]) * unit)
}
