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
  broken: z.boolean().default(false)
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
        secretKeyRef: z.object({ name: z.string(), key: z.string() }).optional(),
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
  database: z.unknown().optional(),
  prometheus: z.unknown().optional()
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
  const unit = { s: 1e3, m: 60e3, h: 3600e3, d: 86400e3 }[m[2] as 's' | 'm' | 'h' | 'd']
  return new Date(now.getTime() - Number(m[1]) * unit)
}
