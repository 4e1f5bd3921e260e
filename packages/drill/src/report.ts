import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { DrillStep, WorkflowReport } from './engine/execute.js'

/** Targets the runbook holds rollbacks to (seconds). */
export const TARGETS = {
  /** Application-only rollback. */
  applicationRtoSeconds: 30 * 60,
  /** Database recovery point objective. */
  rpoSeconds: 15 * 60,
  /** Whole-system recovery time objective. */
  systemRtoSeconds: 4 * 3600
} as const

/** One SLO reading (validate-health's Prometheus checks). */
export interface SloRow {
  check: string
  at: string
  value?: string
  threshold?: string
  outcome: string
  query?: string
}

/** The application section of the drill report (field names are part of the product: keep them). */
export interface ApplicationReport {
  verdict: 'restored' | 'failed'
  service: string
  from_image: string | null
  to_image: string | null
  /** Seconds from the failed deployment to validate-health's `unhealthy` verdict. */
  detection_seconds: number | null
  /** Seconds from detection to the validated `healthy` verdict on the previous stable image. */
  rto_seconds: number | null
  rto_target_seconds: number
  rto_met: boolean
  health_before: string | null
  health_after: string | null
  /** Last Prometheus SLO reading of each check when the failure was detected, and after the rollback. */
  slo_before: SloRow[]
  slo_after: SloRow[]
  /** Every audit record the actions wrote (who, what, when, outcome, from → to), in run order: the audit trail. */
  audit: Array<Record<string, unknown>>
  steps: DrillStep[]
  /** The post-mortem issue the workflow opened in the GitHub emulator. */
  post_mortem?: PostMortem
  error?: string
}

/** A post-mortem issue in the sandbox's GitHub REST emulator. */
export interface PostMortem {
  url: string
  number: number
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
  verdict: 'restored' | 'failed'
  scenario: string
  started_at: string
  finished_at: string
  /** Application scenario fields at the top level, as the issue names them. */
  from_image: string | null
  to_image: string | null
  detection_seconds: number | null
  rto_seconds: number | null
  steps: DrillStep[]
  /** Every workflow file run, job by job (reusable workflows a job called follow their caller). */
  workflows: WorkflowReport[]
  /** The post-mortem issue the application workflow opened in the GitHub emulator. */
  post_mortem?: PostMortem
  application?: ApplicationReport
  /** The alert scenario: the alert that fired and was dispatched. */
  alert?: AlertFields | null
  /** Alert scenario: seconds from the alert firing to the dispatched workflow run starting. */
  dispatch_seconds?: number | null
  /** The alert scenario's section (measurements, steps). */
  alert_scenario?: Record<string, unknown> & {
    verdict?: string
    steps?: DrillStep[]
  }
  database?: Record<string, unknown> & { verdict?: string; steps?: DrillStep[] }
  infrastructure?: Record<string, unknown> & {
    verdict?: string
    steps?: DrillStep[]
    refused_run?: WorkflowReport
  }
  error?: string
}

const fmt = (n: number | null | undefined) =>
  n === null || n === undefined ? '—' : `${n.toFixed(1)} s`

function stepsTable(steps: DrillStep[]): string {
  const rows = steps.map(
    (s) =>
      `| ${s.job ?? ''} | ${s.name} | ${s.outcome} | ${s.started_at} | ${s.finished_at} | ${(s.note ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ')} |`
  )
  return [
    '| Job | Step | Outcome | Started (UTC) | Finished (UTC) | Note |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows
  ].join('\n')
}

function section(
  title: string,
  body: Record<string, unknown> & { steps?: DrillStep[] }
): string {
  const { steps, ...fields } = body
  const lines = Object.entries(fields).map(
    ([k, v]) =>
      `| ${k} | ${typeof v === 'object' ? `\`${JSON.stringify(v)}\`` : String(v as string | number | boolean)} |`
  )
  return [
    `## ${title}`,
    '',
    '| Field | Value |',
    '| --- | --- |',
    ...lines,
    '',
    ...(steps && steps.length > 0 ? [stepsTable(steps), ''] : [])
  ].join('\n')
}

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
    `Scenario \`${report.scenario}\`, ${report.started_at} → ${report.finished_at} (UTC).`,
    ''
  ]
  if (report.error) parts.push(`> Drill error: ${report.error}`, '')
  if (report.post_mortem)
    parts.push(
      `Post-mortem issue #${report.post_mortem.number}: ${report.post_mortem.url}`,
      ''
    )
  if (report.workflows.length > 0)
    parts.push('## Workflow runs', '', ...workflowsSection(report.workflows))
  if (report.application) {
    const a = report.application
    parts.push(
      '## Application rollback',
      '',
      `| Field | Value |`,
      `| --- | --- |`,
      `| verdict | **${a.verdict}** |`,
      `| service | ${a.service} |`,
      `| from_image | \`${a.from_image ?? '—'}\` |`,
      `| to_image | \`${a.to_image ?? '—'}\` |`,
      `| detection_seconds | ${fmt(a.detection_seconds)} |`,
      `| rto_seconds | ${fmt(a.rto_seconds)} (target ${a.rto_target_seconds} s: ${a.rto_met ? 'met' : 'NOT met'}) |`,
      `| health before → after | ${a.health_before ?? '—'} → ${a.health_after ?? '—'} |`,
      '',
      ...(a.slo_before.length + a.slo_after.length > 0
        ? [
            '### SLO readings (Prometheus)',
            '',
            '| When | Check | Value | Threshold | Outcome | Read at (UTC) |',
            '| --- | --- | --- | --- | --- | --- |',
            ...a.slo_before.map(
              (r) =>
                `| before rollback | ${r.check} | ${r.value ?? '—'} | ${r.threshold ?? ''} | ${r.outcome} | ${r.at} |`
            ),
            ...a.slo_after.map(
              (r) =>
                `| after rollback | ${r.check} | ${r.value ?? '—'} | ${r.threshold ?? ''} | ${r.outcome} | ${r.at} |`
            ),
            ''
          ]
        : []),
      stepsTable(a.steps),
      ''
    )
    if (a.error) parts.push(`> ${a.error}`, '')
  }
  if (report.alert_scenario)
    parts.push(
      section(
        'Alert-driven rollback (rule → Alertmanager → relay → workflow)',
        {
          ...(report.alert ? { alert: report.alert } : {}),
          ...report.alert_scenario
        }
      )
    )
  if (report.database)
    parts.push(section('Database rollback (PITR)', report.database))
  if (report.infrastructure) {
    const { refused_run, ...infrastructure } = report.infrastructure
    parts.push(section('Infrastructure rollback (Terraform)', infrastructure))
    if (refused_run)
      parts.push(
        '### The refused run (no allow-destroy: the review must fail it)',
        '',
        ...workflowsSection([refused_run])
      )
  }
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
