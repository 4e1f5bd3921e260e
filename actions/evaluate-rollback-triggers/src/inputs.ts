import {
  httpUrl,
  secret,
  azureClientId,
  azureTenantId,
  fromParser,
  refuse
} from '@rollback-actions/action-kit'
import {
  parseDuration,
  parseThreshold,
  prometheusAuthMode,
  serviceLabelsField
} from '@rollback-actions/health'
import { z } from 'zod'

const metricName = z
  .string()
  .regex(/^[a-zA-Z_:][a-zA-Z0-9_:]*$/, 'must be a Prometheus metric name')

/** `baseline-p95`: a latency with a unit (`120ms`, `0.2s`) → seconds. */
const latencySeconds = z.string().transform(
  fromParser((v) => {
    const t = parseThreshold(v)
    return t.kind === 'duration'
      ? t.value
      : refuse(`"${v}" is not a latency; write e.g. 120ms or 0.2s`)
  })
)

/** Longest `baseline-offset`: 30 days (further back than most Prometheus retention periods). */
const MAX_BASELINE_OFFSET_SECONDS = 30 * 86400

/** `baseline-offset`: a PromQL offset such as `1d` or `7d`, at most 30d (checked, passed on as written). */
const promOffset = z
  .string()
  .refine(
    (v) => {
      try {
        parseDuration(v)
        return /^(\d+(ms|s|m|h|d|w|y))+$/.test(v.trim())
      } catch {
        return false
      }
    },
    { message: 'must be a PromQL duration such as 1d, 7d or 1h30m' }
  )
  .refine(
    (v) => {
      try {
        return parseDuration(v) <= MAX_BASELINE_OFFSET_SECONDS
      } catch {
        return true // reported by the rule above
      }
    },
    { message: 'must be at most 30d' }
  )

/** Inputs of evaluate-rollback-triggers (defaults live in action.yml). */
export const EvaluateTriggersInputs = z
  .object({
    prometheusUrl: httpUrl, // input `prometheus-url`: no user:password@
    serviceLabels: serviceLabelsField, // input `service-labels`: YAML mapping
    baselineP95: latencySeconds.optional(), // input `baseline-p95`
    baselineOffset: promOffset, // input `baseline-offset`
    requestsMetric: metricName, // input `requests-metric`
    durationMetric: metricName, // input `duration-metric`
    statusLabel: z
      .string()
      .regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, 'must be a label name'), // input `status-label`
    prometheusAuth: prometheusAuthMode, // input `prometheus-auth`
    prometheusToken: secret.optional(), // input `prometheus-token`
    clientId: azureClientId.optional(), // input `client-id`
    tenantId: azureTenantId.optional() // input `tenant-id`
  })
  .refine((i) => i.prometheusAuth !== 'bearer' || i.prometheusToken, {
    path: ['prometheusToken'],
    message: 'is required when prometheus-auth is bearer'
  })
  .refine((i) => i.prometheusAuth !== 'azure' || (i.clientId && i.tenantId), {
    path: ['clientId'],
    message: 'and input "tenant-id" are required when prometheus-auth is azure'
  })
export type EvaluateTriggersInputs = z.infer<typeof EvaluateTriggersInputs>
