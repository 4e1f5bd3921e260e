import { defineAction, type ActionContext } from '@rollback-actions/action-kit'
import {
  FEATURE_FLAG_PREFIX,
  applyFlagPlan,
  createAppConfigurationClient,
  describeKey,
  planFlags,
  resolveFlags,
  restoreSnapshots,
  verifyStates,
  type FlagReport,
  type KeyValueSnapshot
} from '@rollback-actions/app-configuration'
import {
  AZURE_FEDERATION_AUDIENCE,
  createAzureCredential
} from '@rollback-actions/azure'
import { DisableFeatureFlagsInputs } from './inputs.js'

const flagName = (key: string) =>
  key.startsWith(FEATURE_FLAG_PREFIX)
    ? key.slice(FEATURE_FLAG_PREFIX.length)
    : key

/** How a flag reads in logs and the summary: `on`, `off`, `on at 50 %`. */
function shown(enabled: boolean, percent: number[]): string {
  if (!enabled) return 'off'
  return percent.length === 0 ? 'on' : `on at ${percent.join('/')} %`
}

/** disable-feature-flags: turn flags off first (or back on as they were). */
export const run = defineAction(
  'disable-feature-flags',
  async (ctx: ActionContext) => {
    const inputs = ctx.inputs(DisableFeatureFlagsInputs)
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
    const label = inputs.label ?? null
    ctx.log.debug(`store ${inputs.endpoint}, label ${label ?? '(none)'}`)

    if (inputs.mode === 'restore') {
      const snapshots = inputs.previousState ?? []
      const names = snapshots.map((s) => describeKey(flagName(s.key), s.label))
      const planned = await ctx.log.group('Plan', async () => {
        const changes = await restoreSnapshots(client, snapshots, ctx.log, {
          dryRun: true
        })
        for (const c of changes)
          ctx.log.info(
            `${describeKey(flagName(c.key), c.label)}: will be put back as it was before the disable run`
          )
        return changes
      })
      ctx.output.set('flags', snapshots.map((s) => flagName(s.key)).join(','))
      if (inputs.dryRun) {
        ctx.output.set('previous-state', '[]')
        ctx.output.set('changed', '')
        ctx.summary.heading('Feature flags restore planned (dry run)')
        ctx.summary.table(
          ['Flag', 'Action'],
          planned.map((c) => [
            describeKey(flagName(c.key), c.label),
            'put back'
          ])
        )
        ctx.log.notice(
          `dry run: ${planned.length} flag(s) would be put back; nothing was written`
        )
        return
      }
      const restored = await ctx.log.group('Apply', () =>
        ctx.audit.step('Restore feature flags', async (rec) => {
          const changes = await restoreSnapshots(client, snapshots, ctx.log)
          for (const c of changes)
            rec.change(
              `flag ${describeKey(flagName(c.key), c.label)}`,
              'as the disable run left it',
              'as it was before'
            )
          return changes
        })
      )
      await ctx.log.group('Verify', () => verifyStates(client, snapshots))
      ctx.output.set('previous-state', '[]')
      ctx.output.set('changed', restored.map((c) => flagName(c.key)).join(','))
      ctx.summary.heading('Feature flags restored')
      ctx.summary.table(
        ['Flag', 'Outcome'],
        snapshots.map((s) => [
          describeKey(flagName(s.key), s.label),
          restored.some((c) => c.key === s.key && c.label === s.label)
            ? 'put back'
            : 'already as before'
        ])
      )
      ctx.log.notice(
        `put back ${restored.length} of ${names.length} flag(s): ${names.join(', ')}`
      )
      return
    }

    const flags = await ctx.log.group('Resolve', async () => {
      const found = await resolveFlags(
        client,
        inputs.flags
          ? { names: inputs.flags, label }
          : { nameFilter: inputs.flagFilter ?? '', label }
      )
      ctx.log.info(
        `${found.length} flag(s): ${found.map((f) => flagName(f.key)).join(', ')}`
      )
      return found
    })
    const plan = await ctx.log.group('Plan', () => {
      const p = planFlags(flags, inputs.method)
      for (const r of p.reports)
        ctx.log.info(
          `${describeKey(r.name, r.label)}: ${shown(r.enabledBefore, r.percentBefore)} -> ${shown(r.enabledAfter, r.percentAfter)}${r.changed ? '' : ' (already, nothing to write)'}`
        )
      return Promise.resolve(p)
    })
    ctx.output.set('flags', plan.reports.map((r) => r.name).join(','))
    const table = (reports: FlagReport[], done: boolean) =>
      reports.map((r) => [
        describeKey(r.name, r.label),
        shown(r.enabledBefore, r.percentBefore),
        shown(r.enabledAfter, r.percentAfter),
        r.changed ? (done ? 'written, verified' : 'would write') : 'already off'
      ])
    if (inputs.dryRun) {
      ctx.output.set('previous-state', '[]')
      ctx.output.set('changed', '')
      ctx.summary.heading('Feature flags to turn off (dry run)')
      ctx.summary.table(
        ['Flag', 'Now', 'After', 'Action'],
        table(plan.reports, false)
      )
      ctx.log.notice(
        `dry run: ${plan.changes.length} flag(s) would be turned off; nothing was written`
      )
      return
    }
    const snapshots: KeyValueSnapshot[] = await ctx.log.group('Apply', () =>
      ctx.audit.step('Turn feature flags off', async (rec) => {
        if (plan.changes.length === 0) rec.skip('every flag is already off')
        const written = await applyFlagPlan(client, plan, ctx.log)
        for (const r of plan.reports.filter((x) => x.changed))
          rec.change(
            `flag ${describeKey(r.name, r.label)}`,
            shown(r.enabledBefore, r.percentBefore),
            shown(r.enabledAfter, r.percentAfter)
          )
        return written
      })
    )
    ctx.output.set('previous-state', JSON.stringify(snapshots))
    ctx.output.set(
      'changed',
      plan.reports
        .filter((r) => r.changed)
        .map((r) => r.name)
        .join(',')
    )
    ctx.summary.heading('Feature flags turned off')
    ctx.summary.table(
      ['Flag', 'Before', 'After', 'Action'],
      table(plan.reports, true)
    )
    ctx.log.notice(
      `${plan.changes.length} flag(s) turned off and verified${plan.changes.length < plan.reports.length ? `; ${plan.reports.length - plan.changes.length} already off` : ''}`
    )
  }
)
