import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { PITR } from '@rollback-actions/pitr'
import type { DrillStep, WorkflowReport } from './engine/execute.js'
import type { FullReport, FullStage } from './scenarios/full.js'

/** Targets the runbook holds rollbacks to (seconds). */
export const TARGETS = {
  /** From the failed deployment to its detection: the runbook trigger's 5-minute window. */
  detectionSeconds: 5 * 60,
  /** Application-only rollback. */
  applicationRtoSeconds: 30 * 60,
  /** Database recovery point objective: the one the pitr package holds restores to. */
  rpoSeconds: PITR.rpoSeconds,
  /** Whole-system recovery time objective. */
  systemRtoSeconds: 4 * 3600
} as const

/** A check of one path against its target, as rollback-drill.yml's report job measured it. */
export interface DrillCheck {
  name: string
  /** Seconds, or true/false for checks that are not timed; null when not measured. */
  value: number | boolean | null
  target: number | boolean
  met: boolean
}

/** One drilled path (`paths[]` of drill-report.json; field names are fixed by the drill issue). */
export interface DrillPath {
  name: 'application' | 'database' | 'infrastructure'
  verdict: 'restored' | 'failed'
  /** Seconds from the failure injection to its detection (application); null where not measured. */
  detection_seconds: number | null
  /** Seconds to recover the path (application: detection to validated rollback; database: destructive change to
   * the validated restore; infrastructure: first to last job of the rollback workflow). */
  rto_seconds: number | null
  rto_target_seconds: number
  /** Database: the data-loss window (restore point to the destructive change); null for the other paths. */
  rpo_seconds: number | null
  rpo_target_seconds: number | null
  /** Every check of the path met its target. */
  met: boolean
  /** Application: back on the release that was live; infrastructure: back on the live commit after an apply. */
  rolled_forward?: boolean | null
  /** Database: the drill consumer swapped back and the restored server deleted. */
  cleaned_up?: boolean
  checks: DrillCheck[]
  [field: string]: unknown
}

/** An issue in the sandbox's GitHub REST emulator. */
export interface PostMortem {
  url: string
  number: number
}

/** What `drill-report.json` of rollback-drill.yml's report job holds (artifact `rollback-drill-report`). */
export interface WorkflowDrillReport {
  verdict: 'restored' | 'failed'
  run_url: string
  started_at: string
  finished_at: string
  system_rto_seconds: number | null
  system_rto_target_seconds: number
  system_rto_met: boolean
  detection_target_seconds: number
  paths: DrillPath[]
  issue?: PostMortem
  follow_ups?: Array<PostMortem & { path: string; check: string }>
}

/** Staging after the drill, as the drill reads it back from the sandbox. */
export interface StagingAfter {
  /** Image of the drilled Deployment before and after the drill. */
  image_before: string | null
  image_after: string | null
  /** The drill consumer's connection string points at the original server again. */
  database_on_source: boolean | null
  /** The servers of the ARM emulator are those before the drill (the restored one deleted). */
  servers_before: string[]
  servers_after: string[]
  /** The Terraform state equals the live commit's again (after an apply and the roll forward). */
  infrastructure_on_live_commit: boolean | null
  /** Everything above holds. */
  restored: boolean
}

/** The alert that started an alert-driven rollback (`drill-report.json` `alert`; names fixed by issue #17). */
export interface AlertFields {
  /** Alerting rule (`alertname`), e.g. `RollbackErrorRate`. */
  rule: string
  /** The runbook trigger (`trigger_id` label). */
  trigger_id: string
  /** UTC ISO-8601: the alert started firing (Alertmanager `startsAt` = Prometheus `FiredAt`). */
  fired_at: string
  /** UTC ISO-8601: the GitHub REST emulator accepted the relay's repository_dispatch. */
  dispatched_at: string
}

/** The whole drill report: `drill-report.json` (this object) and `drill-report.md`. */
export interface DrillReport {
  /** `restored` only when every selected path met its checks and staging is back as it was. */
  verdict: 'restored' | 'failed'
  scenario: string
  started_at: string
  finished_at: string
  paths: DrillPath[]
  system_rto_seconds: number | null
  system_rto_target_seconds: number | null
  system_rto_met: boolean
  /** The application path's fields at the top level. */
  from_image: string | null
  to_image: string | null
  detection_seconds: number | null
  rto_seconds: number | null
  /** Every workflow step, flat, in run order (called workflows' steps under `<caller job> / <job>`). */
  steps: DrillStep[]
  /** Every workflow file run, job by job: rollback-drill.yml, then the rollback workflows it called. */
  workflows: WorkflowReport[]
  /** The drill issue rollback-drill.yml opened in the GitHub emulator. */
  post_mortem?: PostMortem
  follow_ups: Array<PostMortem & { path: string; check: string }>
  staging?: StagingAfter
  /** rollback-full.yml (scenarios `full`, `full-db-failure`): the stages in the procedure's order and the outcome. */
  stages?: FullStage[]
  outcome?: 'restored' | 'partial' | 'failed'
  full?: Omit<FullReport, 'stages' | 'outcome'> & {
    stages: FullStage[]
    outcome: FullReport['outcome']
  }
  /** The alert scenario: the alert that fired and was dispatched. */
  alert?: AlertFields | null
  /** Alert scenario: seconds from the alert firing to the dispatched workflow run starting. */
  dispatch_seconds?: number | null
  /** The alert scenario's section (measurements, steps). */
  alert_scenario?: Record<string, unknown> & {
    verdict?: string
    steps?: DrillStep[]
  }
  error?: string
}

const fmt = (n: number | null | undefined) =>
  n === null || n === undefined ? '—' : `${n.toFixed(1)} s`

const cell = (v: string) => v.replace(/\|/g, '\\|').replace(/\n/g, ' ')

function workflowsSection(workflows: WorkflowReport[]): string[] {
  return workflows.flatMap((w) => [
    `### \`${w.file}\` (${w.trigger}): ${w.conclusion}`,
    '',
    '| Job | Result | Approved by | Step | Uses / run | Outcome | Started (UTC) | Finished (UTC) |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...w.jobs.flatMap((j) =>
      j.steps.length === 0
        ? [
            `| ${j.id} | ${j.result} | ${j.approved_by ?? ''} | ${j.calls ? `calls \`${j.calls}\`` : cell(j.note ?? '')} | | | ${j.started_at} | ${j.finished_at} |`
          ]
        : j.steps.map(
            (s, i) =>
              `| ${i === 0 ? j.id : ''} | ${i === 0 ? j.result : ''} | ${i === 0 ? (j.approved_by ?? '') : ''} | ${cell(s.name)} | ${cell(s.uses ?? `run: ${(s.run ?? '').split('\n')[0] ?? ''}`)} | ${s.outcome} | ${s.started_at} | ${s.finished_at} |`
          )
    ),
    ...(w.artifacts.length > 0
      ? ['', `Artifacts: ${w.artifacts.map((a) => `\`${a}\``).join(', ')}`]
      : []),
    ''
  ])
}

/** Renders the Markdown report. */
export function renderMarkdown(report: DrillReport): string {
  const parts = [
    `# Rollback drill report: ${report.verdict.toUpperCase()}`,
    '',
    `Scenario \`${report.scenario}\` through \`workflows-templates/${report.full ? 'rollback-full.yml' : 'rollback-drill.yml'}\`, ${report.started_at} → ${report.finished_at} (UTC).`,
    ''
  ]
  if (report.error) parts.push(`> Drill error: ${report.error}`, '')
  if (report.post_mortem)
    parts.push(
      `Drill issue #${report.post_mortem.number}: ${report.post_mortem.url}`,
      ''
    )
  const value = (v: number | boolean | null) =>
    typeof v === 'number' ? fmt(v) : v === null ? '—' : v ? 'yes' : 'no'
  if (report.full) {
    const f = report.full
    parts.push(
      `## Full rollback (rollback-full.yml): ${f.outcome}`,
      '',
      '| Stage | Outcome | Started (UTC) | Finished (UTC) |',
      '| --- | --- | --- | --- |',
      ...f.stages.map(
        (st) =>
          `| ${st.name} | ${st.outcome} | ${st.started_at ?? '—'} | ${st.finished_at ?? '—'} |`
      ),
      '',
      `Rolled back: ${f.done.join(', ') || 'nothing'}. Not rolled back: ${f.not_done.join(', ') || 'nothing'}.`,
      `Rollback time: ${fmt(f.rollback_seconds)} (${f.within_target ? 'within' : '**not within**'} the 15-minute target).`,
      ''
    )
  }
  if (report.alert_scenario) {
    const fields: Record<string, unknown> = {
      ...(report.alert ? { alert: report.alert } : {}),
      ...report.alert_scenario
    }
    delete fields.steps
    parts.push(
      '## Alert-driven rollback (rule → Alertmanager → relay → workflow)',
      '',
      '| Field | Value |',
      '| --- | --- |',
      ...Object.entries(fields).map(
        ([k, v]) =>
          `| ${k} | ${cell(typeof v === 'object' ? JSON.stringify(v) : String(v as string | number | boolean))} |`
      ),
      ''
    )
  }
  if (report.paths.length > 0)
    parts.push(
      '## Paths against the targets',
      '',
      '| Path | Verdict | Check | Measured | Target | Met |',
      '| --- | --- | --- | --- | --- | --- |',
      ...report.paths.flatMap((p) =>
        p.checks.map(
          (c, i) =>
            `| ${i === 0 ? p.name : ''} | ${i === 0 ? p.verdict : ''} | ${cell(c.name)} | ${value(c.value)} | ${typeof c.target === 'number' ? fmt(c.target) : 'yes'} | ${c.met ? 'met' : '**NOT met**'} |`
        )
      ),
      `| system | | total system RTO | ${fmt(report.system_rto_seconds)} | ${fmt(report.system_rto_target_seconds)} | ${report.system_rto_met ? 'met' : '**NOT met**'} |`,
      ''
    )
  if (report.follow_ups.length > 0)
    parts.push(
      'Follow-up issues: ' +
        report.follow_ups
          .map((f) => `#${f.number} (${f.path}: ${f.check})`)
          .join(', '),
      ''
    )
  if (report.staging) {
    const s = report.staging
    parts.push(
      '## Staging after the drill',
      '',
      '| Field | Value |',
      '| --- | --- |',
      `| image before → after | \`${s.image_before ?? '—'}\` → \`${s.image_after ?? '—'}\` |`,
      `| database_on_source | ${String(s.database_on_source ?? '—')} |`,
      `| servers before → after | ${s.servers_before.join(', ')} → ${s.servers_after.join(', ')} |`,
      `| infrastructure_on_live_commit | ${String(s.infrastructure_on_live_commit ?? '—')} |`,
      `| restored | **${String(s.restored)}** |`,
      ''
    )
  }
  if (report.workflows.length > 0)
    parts.push('## Workflow runs', '', ...workflowsSection(report.workflows))
  return parts.join('\n')
}

/** Writes `drill-report.json` and `drill-report.md` into `outDir`; returns their paths. */
export async function writeReport(
  outDir: string,
  report: DrillReport
): Promise<{ json: string; markdown: string }> {
  await mkdir(outDir, { recursive: true })
  const json = join(outDir, 'drill-report.json')
  const markdown = join(outDir, 'drill-report.md')
  await writeFile(json, `${JSON.stringify(report, null, 2)}\n`)
  await writeFile(markdown, `${renderMarkdown(report)}\n`)
  return { json, markdown }
}
