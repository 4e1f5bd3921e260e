import { defineAction, retryPolicyFromEnv } from '@rollback-actions/action-kit'
import {
  createKubeClients,
  executeRollBack,
  formatChangeCause,
  planRollBack,
  rollBackFailure,
  type RollBackResult
} from '@rollback-actions/kube'
import { RedeployInputs } from './inputs.js'

const utc = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z')

/**
 * redeploy: validates every Deployment, then sets the image on each (strategic merge patch with a change-cause)
 * and waits for all rollouts in parallel. Cluster access comes from `KUBECONFIG` (azure/aks-set-context).
 */
export const run = defineAction('redeploy', async (ctx) => {
  const inputs = ctx.inputs(RedeployInputs)
  const clients = createKubeClients(
    ctx.env.KUBECONFIG,
    retryPolicyFromEnv(ctx.env)
  )
  const { namespace } = inputs

  const plans = await ctx.log.group('Plan', async () => {
    const planned = await planRollBack({
      clients,
      namespace,
      deployments: inputs.deployments,
      container: inputs.container,
      image: inputs.image,
      allowedRegistries: inputs.allowedRegistries,
      log: ctx.log
    })
    for (const plan of planned) {
      ctx.log.info(
        `${namespace}/${plan.name} container ${plan.container}: ${plan.previousImage} -> ${plan.image}${plan.changed ? '' : ' (already on it, no change)'}`
      )
    }
    return planned
  })
  ctx.output.set(
    'previous-images',
    JSON.stringify(
      Object.fromEntries(plans.map((p) => [p.name, p.previousImage]))
    )
  )

  const resource = (name: string, container: string) =>
    `deployment/${namespace}/${name} container ${container}`
  const startedAt = Date.now()
  let results: RollBackResult[]
  if (inputs.dryRun) {
    results = await executeRollBack(plans, {
      clients,
      dryRun: true,
      timeoutSeconds: inputs.rolloutTimeout,
      changeCause: '',
      log: ctx.log
    })
    for (const plan of plans) {
      await ctx.audit.step(`Roll out ${namespace}/${plan.name}`, (rec) => {
        if (plan.changed)
          rec.change(
            resource(plan.name, plan.container),
            plan.previousImage,
            plan.image
          )
        rec.skip('dry run: nothing was changed')
        return Promise.resolve()
      })
    }
  } else {
    results = await ctx.log.group('Roll out', () =>
      executeRollBack(plans, {
        clients,
        dryRun: false,
        timeoutSeconds: inputs.rolloutTimeout,
        log: ctx.log,
        changeCause: (plan) =>
          formatChangeCause({
            runUrl: ctx.github.runUrl,
            actor: ctx.github.actor,
            from: plan.previousImage,
            to: plan.image
          }),
        step: (plan, body) =>
          ctx.audit.step(`Roll out ${namespace}/${plan.name}`, async (rec) => {
            if (plan.changed) {
              rec.change(
                resource(plan.name, plan.container),
                plan.previousImage,
                plan.image
              )
            } else {
              rec.skip(`already on ${plan.image}`)
            }
            const result = await body()
            rec.detail('revision', result.revision)
            rec.detail('rollout_seconds', result.durationSeconds)
            return result
          })
      })
    )
    const revisions = Object.fromEntries(
      results
        .filter((r) => r.revision !== undefined)
        .map((r) => [r.deployment, r.revision])
    )
    ctx.output.set('revision', JSON.stringify(revisions))
    ctx.output.set(
      'duration-seconds',
      String(Math.round((Date.now() - startedAt) / 100) / 10)
    )
  }

  ctx.summary.heading(
    `Redeploy ${namespace}${inputs.dryRun ? ' (dry run: nothing was changed)' : ''}`
  )
  ctx.summary.table(
    [
      'Deployment',
      'Container',
      'From',
      'To',
      'Outcome',
      'Revision',
      'Started (UTC)',
      'Finished (UTC)'
    ],
    results.map((r) => [
      r.deployment,
      r.container,
      r.previousImage,
      r.image,
      r.outcome,
      r.revision ?? '',
      utc(r.startedAt),
      utc(r.finishedAt)
    ])
  )

  const failure = rollBackFailure(results)
  if (failure) throw failure
  if (inputs.dryRun) {
    ctx.log.notice(
      `Dry run: ${results.length} deployment(s) in ${namespace} would roll to ${inputs.image.reference}; nothing was changed.`
    )
  } else {
    ctx.log.notice(
      `Rolled ${results.length} deployment(s) in ${namespace} to ${inputs.image.reference}: ${results
        .map((r) => `${r.deployment} (revision ${r.revision ?? '?'})`)
        .join(', ')}.`
    )
  }
})
