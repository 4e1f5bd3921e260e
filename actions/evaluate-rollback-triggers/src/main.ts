import {
  defineAction,
  OperationError,
  retryPolicyFromEnv
} from '@rollback-actions/action-kit'
import { AZURE_FEDERATION_AUDIENCE } from '@rollback-actions/azure'
import {
  PrometheusClient,
  evaluateRollbackTriggers,
  prometheusAuthFromInputs
} from '@rollback-actions/health'
import { EvaluateTriggersInputs } from './inputs.js'

/** The triggers could not be evaluated: nobody may read "fix forward" into an unanswered question. */
class TriggersNotEvaluated extends OperationError {}

export const run = defineAction('evaluate-rollback-triggers', async (ctx) => {
  const inputs = ctx.inputs(EvaluateTriggersInputs)
  const client = await ctx.log.group('Resolve', () => {
    const auth = prometheusAuthFromInputs(inputs, {
      getAssertion: () => ctx.oidcToken(AZURE_FEDERATION_AUDIENCE),
      env: ctx.env
    })
    ctx.log.info(
      `evaluating the runbook's rollback triggers for {${Object.entries(
        inputs.serviceLabels
      )
        .map(([k, v]) => `${k}="${v}"`)
        .join(',')}} at ${inputs.prometheusUrl}`
    )
    return Promise.resolve(
      new PrometheusClient({
        url: inputs.prometheusUrl,
        auth,
        policy: retryPolicyFromEnv(ctx.env),
        log: ctx.log
      })
    )
  })
  const evaluation = await ctx.log.group('Verify', () =>
    ctx.audit.step('Evaluate rollback triggers', async (rec) => {
      const e = await evaluateRollbackTriggers(client, {
        labels: inputs.serviceLabels,
        baselineOffset: inputs.baselineOffset,
        requestsMetric: inputs.requestsMetric,
        durationMetric: inputs.durationMetric,
        statusLabel: inputs.statusLabel,
        thresholds: {
          errorRatio: inputs.errorRatio,
          errorSeconds: inputs.errorFor,
          earlyErrorSeconds: inputs.earlyWarningFor,
          outageSeconds: inputs.outageFor,
          availability: inputs.availabilityObjective,
          latencySeconds: inputs.latencyObjective,
          sloSeconds: inputs.sloFor,
          baselineFactor: inputs.baselineFactor
        },
        ...(inputs.baselineP95 !== undefined
          ? { baselineP95Seconds: inputs.baselineP95 }
          : {})
      })
      for (const x of e.evidence) {
        ctx.log.info(
          `${x.at} ${x.id} (${x.rule}): ${x.met === null ? 'not evaluated' : x.met ? 'MET' : 'not met'} (${x.value}) — ${x.detail}`
        )
      }
      rec.detail('recommendation', e.recommendation)
      rec.detail('reason', e.reason)
      rec.detail('evidence', e.evidence)
      return e
    })
  )
  ctx.summary.heading(`Rollback triggers: ${evaluation.recommendation}`, 2)
  ctx.summary.paragraph(evaluation.reason)
  ctx.summary.table(
    [
      'Time (UTC)',
      'Trigger',
      'Id',
      'Leads to',
      'Met',
      'Value',
      'Threshold',
      'Detail',
      'Queries as sent'
    ],
    evaluation.evidence.map((x) => [
      x.at,
      x.rule,
      x.id,
      x.level,
      x.met === null ? 'not evaluated' : x.met ? 'MET' : 'no',
      x.value,
      x.threshold,
      x.detail,
      x.queries.map((q) => `\`${q}\``).join('<br>')
    ])
  )
  ctx.output.set('recommendation', evaluation.recommendation)
  ctx.output.set('reason', evaluation.reason)
  ctx.output.set('evidence', JSON.stringify(evaluation.evidence))
  if (evaluation.recommendation === 'could-not-verify') {
    throw new TriggersNotEvaluated(
      `${evaluation.reason}. Check prometheus-url, the credentials and service-labels, then run again; until then decide by hand.`
    )
  }
  ctx.log.notice(`evaluate-rollback-triggers: ${evaluation.reason}`)
})
