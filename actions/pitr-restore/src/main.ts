import {
  defineAction,
  retryPolicyFromEnv,
  SuiteError
} from '@rollback-actions/action-kit'
import { credentialFromInputs } from '@rollback-actions/azure'
import {
  applyRestore,
  createFlexibleServerClient,
  PITR,
  planRestore,
  type RestorePlan
} from '@rollback-actions/pitr'
import { PitrRestoreInputs } from './inputs.js'

const window = (plan: Pick<RestorePlan, 'dataLossWindowSeconds'>) =>
  plan.dataLossWindowSeconds === undefined
    ? 'unknown (no failure-time)'
    : `${plan.dataLossWindowSeconds} s (RPO ${PITR.rpoSeconds} s)`

/** pitr-restore: point-in-time restore of a flexible server to a new server. */
export const run = defineAction('pitr-restore', async (ctx) => {
  const inputs = ctx.inputs(PitrRestoreInputs)
  const credential = credentialFromInputs(inputs, ctx)
  const client = createFlexibleServerClient(
    {
      credential,
      subscriptionId: inputs.subscriptionId,
      log: ctx.log,
      policy: retryPolicyFromEnv(ctx.env)
    },
    ctx.env
  )

  const plan = await ctx.log.group('Plan', () =>
    planRestore(
      client,
      {
        subscriptionId: inputs.subscriptionId,
        resourceGroup: inputs.resourceGroup,
        sourceServer: inputs.sourceServer,
        restorePoint: inputs.restorePoint,
        ...(inputs.targetServer ? { targetServer: inputs.targetServer } : {}),
        ...(inputs.failureTime ? { failureTime: inputs.failureTime } : {})
      },
      ctx.log
    )
  )
  const restorePoint = plan.restorePointUtc.toISOString()
  ctx.log.info(
    `plan: restore "${plan.sourceServer}" to ${restorePoint} as "${plan.targetServer}"${plan.adopt ? ` (adopting the existing server, state ${plan.adopt.state})` : ''}; data-loss window ${window(plan)}`
  )
  if (plan.sourceState && plan.sourceState !== 'Ready')
    ctx.log.warning(
      `source server "${plan.sourceServer}" is in state ${plan.sourceState}, not Ready; the restore uses its backups and may still work`,
      'Source not Ready'
    )
  if (plan.exceedsRpo)
    ctx.log.warning(
      `the data-loss window is ${plan.dataLossWindowSeconds} s, more than the ${PITR.rpoSeconds} s (15-minute) RPO: everything committed between ${restorePoint} and failure-time is lost on the restored server; recover it from application logs or exports`,
      'Data-loss window exceeds RPO'
    )
  ctx.summary.heading('PostgreSQL point-in-time restore')
  ctx.summary.table(
    [
      'Source',
      'Target',
      'Restore point (UTC)',
      'Data-loss window',
      'Earliest restore date (UTC)'
    ],
    [
      [
        plan.sourceServer,
        `${plan.targetServer}${plan.adopt ? ' (adopted)' : ''}`,
        restorePoint,
        window(plan),
        plan.earliestRestoreDate?.toISOString() ?? '—'
      ]
    ]
  )
  const setOutputs = (fqdn: string, resourceId: string) => {
    ctx.output.set('server-name', plan.targetServer)
    ctx.output.set('fqdn', fqdn)
    ctx.output.set('resource-id', resourceId)
    ctx.output.set('restore-point', restorePoint)
    ctx.output.set(
      'data-loss-window-seconds',
      plan.dataLossWindowSeconds === undefined
        ? ''
        : String(plan.dataLossWindowSeconds)
    )
  }
  if (inputs.dryRun) {
    setOutputs('', plan.targetResourceId)
    ctx.summary.paragraph('Dry run: nothing was created.')
    ctx.log.notice(
      `dry run: would restore "${plan.sourceServer}" to ${restorePoint} as "${plan.targetServer}"`
    )
    return
  }

  // The resolved target and restore point are outputs before the long wait: with `restore-point: latest` a re-run
  // would otherwise pick a new "now", a new name, and start a second restore instead of adopting this one.
  setOutputs('', plan.targetResourceId)
  const resume = `to resume instead of starting another restore, re-run with restore-point=${restorePoint} and target-server=${plan.targetServer}`
  const result = await ctx.log.group('Apply', () =>
    ctx.audit.step('Point-in-time restore', async (rec) => {
      const r = await applyRestore(
        client,
        plan,
        { wait: inputs.wait, timeoutSeconds: inputs.timeout },
        ctx.log
      ).catch((error: unknown) => {
        // `latest` or a default target name would resolve differently on a re-run: say what to pass instead
        if (
          error instanceof SuiteError &&
          (inputs.restorePoint.latest || !inputs.targetServer)
        )
          error.message += `; ${resume}`
        throw error
      })
      rec.change(
        `flexible server ${plan.targetServer}`,
        plan.adopt ? `existing (${plan.adopt.state})` : null,
        `${r.state}: ${plan.sourceServer} @ ${restorePoint}`
      )
      return r
    })
  )
  setOutputs(result.fqdn, result.resourceId)
  ctx.summary.paragraph(
    result.state === 'Ready'
      ? `Server \`${result.serverName}\` is Ready at \`${result.fqdn}\` after ${result.durationSeconds} s. Point the apps at it (secret-swap) and validate; source \`${plan.sourceServer}\` was not changed.`
      : `Restore of \`${result.serverName}\` accepted (state ${result.state}); not waited for.`
  )
  ctx.log.notice(
    result.state === 'Ready'
      ? `restored "${plan.sourceServer}" to ${restorePoint} as "${result.serverName}" (${result.fqdn}) in ${result.durationSeconds} s`
      : `restore of "${result.serverName}" started (state ${result.state})`
  )
})
