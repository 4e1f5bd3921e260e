import { defineAction, type ActionContext } from '@rollback-actions/action-kit'
import {
  applyChanges,
  createAppConfigurationClient,
  describeKey,
  planRestore,
  restoreSnapshots,
  verifyStates,
  type PlannedKey
} from '@rollback-actions/app-configuration'
import {
  AZURE_FEDERATION_AUDIENCE,
  createAzureCredential
} from '@rollback-actions/azure'
import { RestoreAppConfigurationInputs } from './inputs.js'

/** A value as plans show it: quoted, cut at 60 characters, `(absent)` for a missing key-value. */
function shown(value: string | null, existed = true): string {
  if (!existed || value === null) return '(absent)'
  const v = JSON.stringify(value)
  return v.length > 62 ? `${v.slice(0, 59)}…"` : v
}

/** restore-app-configuration: key-values back to a point in time (or an earlier restore undone). */
export const run = defineAction(
  'restore-app-configuration',
  async (ctx: ActionContext) => {
    const inputs = ctx.inputs(RestoreAppConfigurationInputs)
    const credential =
      inputs.clientId && inputs.tenantId
        ? createAzureCredential(
            {
              clientId: inputs.clientId,
              tenantId: inputs.tenantId,
              getAssertion: () => ctx.oidcToken(AZURE_FEDERATION_AUDIENCE)
            },
            ctx.env
          )
        : createAzureCredential({ useAzureCli: true }, ctx.env)
    const client = createAppConfigurationClient(inputs.endpoint, credential)

    if (inputs.mode === 'undo') {
      const snapshots = inputs.previousValues ?? []
      const planned = await ctx.log.group('Plan', async () => {
        const changes = await restoreSnapshots(client, snapshots, ctx.log, {
          dryRun: true
        })
        for (const c of changes)
          ctx.log.info(
            `${describeKey(c.key, c.label)}: ${shown(c.from.value, c.from.existed)} -> ${shown(c.to.value, c.to.existed)}`
          )
        return changes
      })
      const plan = planned.map((c) => ({
        key: c.key,
        label: c.label,
        action: c.action,
        currentValue: c.from.existed ? c.from.value : null,
        restoredValue: c.to.existed ? c.to.value : null
      }))
      ctx.output.set('plan', JSON.stringify(plan))
      ctx.output.set('previous-values', '[]')
      if (inputs.dryRun) {
        ctx.output.set('changed', '0')
        ctx.summary.heading('Configuration undo planned (dry run)')
        ctx.summary.table(
          ['Key', 'Now', 'Put back'],
          planned.map((c) => [
            describeKey(c.key, c.label),
            shown(c.from.value, c.from.existed),
            shown(c.to.value, c.to.existed)
          ])
        )
        ctx.log.notice(
          `dry run: ${planned.length} key-value(s) would be put back; nothing was written`
        )
        return
      }
      const written = await ctx.log.group('Apply', () =>
        ctx.audit.step('Undo configuration restore', async (rec) => {
          const changes = await restoreSnapshots(client, snapshots, ctx.log)
          for (const c of changes)
            rec.change(
              describeKey(c.key, c.label),
              shown(c.from.value, c.from.existed),
              shown(c.to.value, c.to.existed)
            )
          return changes
        })
      )
      await ctx.log.group('Verify', () => verifyStates(client, snapshots))
      ctx.output.set('changed', String(written.length))
      ctx.summary.heading('Configuration restore undone')
      ctx.summary.table(
        ['Key', 'From', 'To'],
        written.map((c) => [
          describeKey(c.key, c.label),
          shown(c.from.value, c.from.existed),
          shown(c.to.value, c.to.existed)
        ])
      )
      ctx.log.notice(`put back ${written.length} key-value(s)`)
      return
    }

    const keyFilter = inputs.keyFilter ?? ''
    const labelFilter = inputs.label ?? '\0'
    const pointInTime = inputs.pointInTime ?? new Date()
    ctx.log.debug(
      `store ${inputs.endpoint}, keys ${keyFilter}, label ${inputs.label ?? '(none)'}, at ${pointInTime.toISOString()}`
    )
    const plan = await ctx.log.group('Plan', async () => {
      const p = await planRestore(client, keyFilter, labelFilter, pointInTime)
      for (const k of p.keys.filter((x) => x.action !== 'none'))
        ctx.log.info(
          `${describeKey(k.key, k.label)}: ${k.action} ${shown(k.currentValue, k.currentValue !== null)} -> ${shown(k.restoredValue, k.action !== 'delete')} (${k.revisionsSince} revision(s) since)`
        )
      ctx.log.info(
        `${p.changes.length} of ${p.keys.length} key-value(s) differ from ${pointInTime.toISOString()}`
      )
      return p
    })
    const changing = plan.keys.filter((k) => k.action !== 'none')
    ctx.output.set('plan', JSON.stringify(changing))
    const rows = (keys: PlannedKey[]) =>
      keys.map((k) => [
        describeKey(k.key, k.label),
        k.action,
        shown(k.currentValue, k.currentValue !== null),
        shown(k.restoredValue, k.action !== 'delete'),
        String(k.revisionsSince)
      ])
    const header = ['Key', 'Action', 'Now', 'Restored', 'Revisions since']
    if (inputs.dryRun) {
      ctx.output.set('previous-values', '[]')
      ctx.output.set('changed', '0')
      ctx.summary.heading(
        `Configuration restore to ${pointInTime.toISOString()} planned (dry run)`
      )
      ctx.summary.table(header, rows(changing))
      ctx.log.notice(
        `dry run: ${changing.length} key-value(s) would go back to ${pointInTime.toISOString()}; nothing was written`
      )
      return
    }
    const snapshots = await ctx.log.group('Apply', () =>
      ctx.audit.step('Restore configuration', async (rec) => {
        if (plan.changes.length === 0)
          rec.skip(`every key-value already as at ${pointInTime.toISOString()}`)
        const written = await applyChanges(client, plan.changes, ctx.log)
        for (const c of plan.changes)
          rec.change(
            describeKey(c.key, c.label),
            shown(c.from.value, c.from.existed),
            shown(c.to.value, c.to.existed)
          )
        return written
      })
    )
    ctx.output.set('previous-values', JSON.stringify(snapshots))
    await ctx.log.group('Verify', () =>
      verifyStates(
        client,
        plan.changes.map((c) => c.to)
      )
    )
    ctx.output.set('changed', String(snapshots.length))
    ctx.summary.heading(
      `Configuration restored to ${pointInTime.toISOString()}`
    )
    ctx.summary.table(header, rows(changing))
    ctx.log.notice(
      `${snapshots.length} key-value(s) back to ${pointInTime.toISOString()} and verified`
    )
  }
)
