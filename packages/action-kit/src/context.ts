import type { z } from 'zod'
import { AuditTrail, fileSink } from './audit.js'
import { parseInputs } from './inputs.js'
import { escapeLogLine, type Logger } from './logger.js'
import { Summary, cell } from './summary.js'
import { OperationError } from './errors.js'
import { retryPolicyFromEnv } from './retry.js'

/** Facts about the workflow run, from the runner's `GITHUB_*` variables. */
export interface GitHubRunInfo {
  /** `github.actor`: who started the initial run. */
  actor?: string
  /** `github.triggering_actor`: who started this attempt (differs on re-runs). */
  triggeringActor?: string
  repository?: string
  runId?: string
  runAttempt?: string
  /** `<server>/<repo>/actions/runs/<id>[/attempts/<n>]`, or undefined outside a runner. */
  runUrl?: string
  eventName?: string
  ref?: string
  sha?: string
  workflow?: string
}

/** Reads {@link GitHubRunInfo} from an environment (documented runner variables). */
export function githubRunInfo(env: NodeJS.ProcessEnv): GitHubRunInfo {
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com'
  const runUrl =
    env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
      ? `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}${
          env.GITHUB_RUN_ATTEMPT && env.GITHUB_RUN_ATTEMPT !== '1'
            ? `/attempts/${env.GITHUB_RUN_ATTEMPT}`
            : ''
        }`
      : undefined
  return {
    actor: env.GITHUB_ACTOR,
    triggeringActor: env.GITHUB_TRIGGERING_ACTOR ?? env.GITHUB_ACTOR,
    repository: env.GITHUB_REPOSITORY,
    runId: env.GITHUB_RUN_ID,
    runAttempt: env.GITHUB_RUN_ATTEMPT,
    runUrl,
    eventName: env.GITHUB_EVENT_NAME,
    ref: env.GITHUB_REF,
    sha: env.GITHUB_SHA,
    workflow: env.GITHUB_WORKFLOW
  }
}

/** The low-level I/O an action context sits on: `@actions/core` on a runner, recorders in tests. */
export interface ContextIO {
  getInput(name: string): string
  setOutput(name: string, value: string): void
  setFailed(message: string): void
  /** Registers a secret with the runner's masker (`::add-mask::`). */
  setSecret(value: string): void
  /**
   * `info` writes its message as a plain stdout line (the kit escapes it first, see {@link escapeLogLine}); the other
   * levels and group names are written as workflow commands whose data the toolkit encodes (`escapeData`).
   */
  log: Omit<Logger, 'secret' | 'group'> & {
    startGroup(name: string): void
    endGroup(): void
  }
  /** Writes the job summary (Markdown); throws when it cannot. */
  writeSummary(markdown: string): Promise<void>
  getIDToken(audience: string): Promise<string>
  env: NodeJS.ProcessEnv
}

/** What an action body receives. */
export interface ActionContext {
  readonly id: string
  /** Reads, masks and validates the inputs the schema declares; throws InputError. */
  inputs<S extends z.ZodObject>(schema: S): z.infer<S>
  readonly log: Logger
  readonly output: { set(name: string, value: string): void }
  readonly summary: Summary
  readonly audit: AuditTrail
  readonly github: GitHubRunInfo
  readonly env: NodeJS.ProcessEnv
  /** A GitHub OIDC ID token for `audience` (needs `permissions: id-token: write`); registered as a secret. */
  oidcToken(audience: string): Promise<string>
  /** Masks every registered secret (and its base64, URL-encoded and JSON-escaped forms) in `text`. */
  redact(text: string): string
  /** Used by `defineAction` only: marks the run failed. */
  fail(message: string): void
  /** Used by `defineAction` only: writes the closing summary. */
  finish(outcome: 'succeeded' | 'failed', failure?: string): Promise<void>
}

/** Every form a secret may take once it has passed through an encoder. */
function secretForms(value: string): string[] {
  const forms = new Set<string>([value])
  forms.add(Buffer.from(value).toString('base64'))
  forms.add(Buffer.from(value).toString('base64url'))
  forms.add(encodeURIComponent(value))
  forms.add(JSON.stringify(value).slice(1, -1))
  return [...forms].filter((f) => f.length >= 3)
}

/**
 * Builds an ActionContext over an I/O implementation. The audit file is `ROLLBACK_AUDIT_FILE`, else
 * `$RUNNER_TEMP/rollback-audit.jsonl` on a runner.
 */
export function createContext(id: string, io: ContextIO): ActionContext {
  const secrets: string[] = []
  const redact = (text: string): string => {
    let out = text
    for (const s of secrets) out = out.split(s).join('***')
    return out
  }
  const registerSecret = (value: string) => {
    for (const form of secretForms(value)) {
      if (!secrets.includes(form)) {
        secrets.push(form)
        io.setSecret(form)
      }
    }
    secrets.sort((a, b) => b.length - a.length)
  }
  const log: Logger = {
    debug: (m) => io.log.debug(redact(m)),
    // The one raw channel: untrusted values interpolated into the message must not start a workflow command.
    info: (m) => io.log.info(escapeLogLine(redact(m))),
    notice: (m) => io.log.notice(redact(m)),
    warning: (m, title) => io.log.warning(redact(m), title),
    error: (m) => io.log.error(redact(m)),
    group: async (name, fn) => {
      io.log.startGroup(name)
      try {
        return await fn()
      } finally {
        io.log.endGroup()
      }
    },
    secret: (value) => {
      if (value) registerSecret(value)
    }
  }
  const github = githubRunInfo(io.env)
  const auditFile =
    io.env.ROLLBACK_AUDIT_FILE ??
    (io.env.RUNNER_TEMP
      ? `${io.env.RUNNER_TEMP}/rollback-audit.jsonl`
      : undefined)
  const audit = new AuditTrail(
    id,
    { actor: github.actor, runUrl: github.runUrl },
    redact,
    auditFile ? fileSink(auditFile) : undefined
  )
  const summary = new Summary()
  return {
    id,
    inputs: (schema) => parseInputs(schema, (name) => io.getInput(name), log),
    log,
    output: { set: (name, value) => io.setOutput(name, redact(value)) },
    summary,
    audit,
    github,
    env: io.env,
    oidcToken: async (audience) => {
      // @actions/core retries the token request itself but sets no timeout: bound the whole exchange.
      const policy = retryPolicyFromEnv(io.env)
      const limitMs = policy.requestTimeoutMs * policy.attempts
      let timer: NodeJS.Timeout | undefined
      const token = await Promise.race([
        io.getIDToken(audience),
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () =>
              reject(
                new OperationError(
                  `the GitHub OIDC token endpoint did not answer within ${limitMs / 1000} s (audience ${audience}); re-run the job, and check that it has "permissions: id-token: write"`
                )
              ),
            limitMs
          )
        })
      ]).finally(() => clearTimeout(timer))
      registerSecret(token)
      return token
    },
    redact,
    fail: (message) => io.setFailed(redact(message)),
    finish: async (outcome, failure) => {
      const closing = new Summary()
      closing.heading(`${id}: ${outcome}`, 3)
      if (failure) closing.paragraph(`> ${cell(failure)}`)
      if (audit.steps.length > 0) {
        closing.table(
          [
            'Step',
            'Outcome',
            'What changed (from → to)',
            'Started (UTC)',
            'Finished (UTC)'
          ],
          audit.steps.map((s) => [
            s.step,
            s.outcome,
            s.changes
              .map((c) => `${c.resource}: ${c.from ?? '—'} → ${c.to ?? '—'}`)
              .join('<br>') || '—',
            s.started_at,
            s.finished_at
          ])
        )
      }
      if (github.runUrl) closing.paragraph(`Run: ${github.runUrl}`)
      const body = [summary.render(), closing.render()]
        .filter((p) => p !== '')
        .join('\n\n')
      try {
        await io.writeSummary(`${redact(body)}\n`)
      } catch (error) {
        log.warning(
          `could not write the job summary: ${(error as Error).message}`,
          'Job summary'
        )
      }
    }
  }
}
