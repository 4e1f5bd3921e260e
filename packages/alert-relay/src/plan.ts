import { RELAY } from './constants.js'
import type { AlertmanagerAlert, AlertmanagerWebhook } from './webhook.js'

/** The `client_payload` of a rollback dispatch (GitHub allows at most 10 top-level properties). */
export interface RollbackDispatchPayload {
  service: string
  environment: string
  /** Kubernetes namespace from the alert's labels; empty when the series had none. */
  namespace: string
  /** The runbook trigger (`trigger_id` label), e.g. `error-rate`. */
  trigger_id: string
  /** The alerting rule's name, e.g. `RollbackErrorRate`. */
  rule: string
  /** UTC ISO-8601 time the alert started firing (Alertmanager `startsAt`). */
  fired_at: string
  /** What the alert saw: its annotations and where it came from. */
  evidence: {
    summary: string
    value: string
    threshold: string
    severity: string
    generator_url: string
    fingerprint: string
    /** Every firing rollback alert of this service in the group (`<trigger_id> since <startsAt>`). */
    alerts: string[]
  }
  /** Alertmanager's group key and the dedup key the relay used. */
  group_key: string
  dedup_key: string
}

/** One dispatch to send, or a reason an alert group was not turned into one. */
export interface DispatchPlan {
  dispatches: RollbackDispatchPayload[]
  /** Alerts skipped and why (resolved, other class). */
  ignored: string[]
  /** Rollback-class firing alerts that cannot be dispatched (missing labels): the payload is refused. */
  problems: string[]
}

/**
 * Turns a webhook into rollback dispatches: one per (environment, service) with firing alerts of the rollback class
 * (`rollback_class="roll-back-now"`). The earliest firing alert names the trigger; the dedup key is
 * `groupKey`, environment, service and that alert's fingerprint and `startsAt`, so Alertmanager's repeats and
 * retries of the same group map to the same key while a new episode (the alert resolved and fired again) does not.
 * @param defaultEnvironment used when an alert has no `environment` label (Prometheus `external_labels`); empty = required.
 */
export function planDispatches(
  webhook: AlertmanagerWebhook,
  defaultEnvironment: string
): DispatchPlan {
  const ignored: string[] = []
  const problems: string[] = []
  const byTarget = new Map<string, AlertmanagerAlert[]>()
  webhook.alerts.forEach((a, i) => {
    const name = a.labels.alertname ?? `alerts.${i}`
    if (a.status !== 'firing') {
      ignored.push(`${name}: resolved`)
      return
    }
    if (a.labels[RELAY.classLabel] !== RELAY.rollbackClass) {
      ignored.push(
        `${name}: ${RELAY.classLabel} is "${a.labels[RELAY.classLabel] ?? ''}", not ${RELAY.rollbackClass}`
      )
      return
    }
    const service = a.labels[RELAY.serviceLabel] ?? ''
    const environment =
      a.labels[RELAY.environmentLabel] ?? defaultEnvironment ?? ''
    const trigger = a.labels[RELAY.triggerLabel] ?? ''
    const missing = [
      service ? '' : RELAY.serviceLabel,
      environment ? '' : RELAY.environmentLabel,
      trigger ? '' : RELAY.triggerLabel
    ].filter(Boolean)
    if (missing.length > 0) {
      problems.push(
        `alerts.${i} (${name}): no ${missing.join(', ')} label${missing.length > 1 ? 's' : ''}`
      )
      return
    }
    const key = `${environment}/${service}`
    byTarget.set(key, [...(byTarget.get(key) ?? []), a])
  })
  const dispatches = [...byTarget.values()].map((alerts) => {
    const sorted = [...alerts].sort((x, y) =>
      x.startsAt.localeCompare(y.startsAt)
    )
    const first = sorted[0]!
    const l = first.labels
    const service = l[RELAY.serviceLabel]!
    const environment = l[RELAY.environmentLabel] ?? defaultEnvironment
    return {
      service,
      environment,
      namespace: l[RELAY.namespaceLabel] ?? '',
      trigger_id: l[RELAY.triggerLabel]!,
      rule: l.alertname ?? '',
      fired_at: first.startsAt,
      evidence: {
        summary: first.annotations.summary ?? '',
        value: first.annotations.value ?? '',
        threshold: first.annotations.threshold ?? '',
        severity: l.severity ?? '',
        generator_url: first.generatorURL,
        fingerprint: first.fingerprint,
        alerts: sorted.map(
          (a) => `${a.labels[RELAY.triggerLabel]} since ${a.startsAt}`
        )
      },
      group_key: webhook.groupKey,
      dedup_key: [
        webhook.groupKey,
        environment,
        service,
        first.fingerprint,
        first.startsAt
      ].join('|')
    }
  })
  return { dispatches, ignored, problems }
}
