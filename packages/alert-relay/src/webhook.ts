import { z } from 'zod'

/**
 * The Alertmanager webhook body, version 4 (prometheus/alertmanager v0.25.0 `notify/webhook/webhook.go` and
 * `template/template.go` `Data`). Unknown fields are kept out, missing
 * required ones refused.
 */
const labelSet = z.record(z.string(), z.string())
const isoTime = z.iso.datetime({ offset: true })

export const AlertmanagerAlert = z.object({
  status: z.enum(['firing', 'resolved']),
  labels: labelSet,
  annotations: labelSet.default({}),
  startsAt: isoTime,
  /** `0001-01-01T00:00:00Z` for firing alerts (Alertmanager blanks future end times). */
  endsAt: isoTime,
  generatorURL: z.string().default(''),
  fingerprint: z.string().min(1)
})
export type AlertmanagerAlert = z.infer<typeof AlertmanagerAlert>

export const AlertmanagerWebhook = z.object({
  version: z.literal('4'),
  groupKey: z.string().min(1),
  truncatedAlerts: z.number().int().nonnegative().default(0),
  status: z.enum(['firing', 'resolved']),
  receiver: z.string(),
  groupLabels: labelSet,
  commonLabels: labelSet,
  commonAnnotations: labelSet.default({}),
  externalURL: z.string().default(''),
  alerts: z.array(AlertmanagerAlert).min(1)
})
export type AlertmanagerWebhook = z.infer<typeof AlertmanagerWebhook>

/**
 * Parses a webhook body.
 * @returns the typed webhook, or the list of problems (`path: message`) when the body is not one.
 */
export function parseWebhook(
  body: string
): { webhook: AlertmanagerWebhook } | { problems: string[] } {
  let json: unknown
  try {
    json = JSON.parse(body)
  } catch (error) {
    return { problems: [`body is not JSON: ${(error as Error).message}`] }
  }
  const r = AlertmanagerWebhook.safeParse(json)
  if (r.success) return { webhook: r.data }
  return {
    problems: r.error.issues.map(
      (i) => `${i.path.length > 0 ? i.path.join('.') : 'body'}: ${i.message}`
    )
  }
}
