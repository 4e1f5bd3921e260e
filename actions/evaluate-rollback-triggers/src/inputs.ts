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

/** A threshold of one unit kind (`5%`, `500ms`) → base units (ratio, seconds). */
const thresholdOf = (kind: 'ratio' | 'duration', example: string) =>
  z.string().transform(
    fromParser((v) => {
      const t = parseThreshold(v)
      if (t.kind !== kind)
        return refuse(`"${v}" is not a ${kind}; write e.g. ${example}`)
      if (t.value <= 0 || (kind === 'ratio' && t.value > 1))
        return refuse(`"${v}" is out of range; write e.g. ${example}`)
      return t.value
    })
  )

/** `error-for`, `slo-for`, ...: a duration such as `5m` → seconds (at least 15 s, one subquery step). */
const windowSeconds = z.string().transform(
  fromParser((v) => {
    const s = parseDuration(v)
    return s < 15 ? refuse(`"${v}" is shorter than 15s`) : s
  })
)

/** `baseline-factor`: a plain multiple above 1. */
const factor = z
  .string()
  .regex(/^\d+(\.\d+)?$/, 'must be a number such as 2 or 1.5')
  .transform(Number)
  .refine((n) => n > 1, 'must be above 1')

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
    errorRatio: thresholdOf('ratio', '5% or 0.05 ratio'), // input `error-ratio`
    errorFor: windowSeconds, // input `error-for`
    earlyWarningFor: windowSeconds, // input `early-warning-for`
    outageFor: windowSeconds, // input `outage-for`
    availabilityObjective: thresholdOf('ratio', '99.9%'), // input `availability-objective`
    latencyObjective: thresholdOf('duration', '500ms'), // input `latency-objective`
    sloFor: windowSeconds, // input `slo-for`
    baselineFactor: factor, // input `baseline-factor`
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
