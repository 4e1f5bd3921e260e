/** Names shared by the relay, the rules (packages/health/rules/rollback-triggers.yml) and rollback-on-alert.yml. */
export const RELAY = {
  /** `repository_dispatch` event type that rollback-on-alert.yml listens to. */
  eventType: 'rollback-alert',
  /** Alert label naming the class; only `rollbackClass` alerts are dispatched. */
  classLabel: 'rollback_class',
  rollbackClass: 'roll-back-now',
  /** Alert labels read for the dispatch. */
  triggerLabel: 'trigger_id',
  serviceLabel: 'service',
  environmentLabel: 'environment',
  namespaceLabel: 'namespace',
  /** Webhook path Alertmanager posts to. */
  hookPath: '/hooks/alertmanager',
  /** Largest webhook body accepted (bytes). */
  maxBodyBytes: 1024 * 1024
} as const
