import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  createContext,
  readActionDefaults,
  type ActionContext,
  type LogLine
} from '@rollback-actions/action-kit'

const ROOT = join(import.meta.dirname, '..', '..')

/** Defaults of an action's inputs, read from `actions/<id>/action.yml` (the only place defaults live). */
export function actionDefaults(actionId: string): Record<string, string> {
  return readActionDefaults(
    readFileSync(join(ROOT, 'actions', actionId, 'action.yml'), 'utf8')
  )
}

/** discover-tag's default `tag-pattern`, read from its action.yml (defaults live there only). */
export function defaultTagPattern(): RegExp {
  return new RegExp(actionDefaults('discover-tag')['tag-pattern'] ?? '')
}

/** An ActionContext that records what the action did, for unit tests. */
export interface FakeContext extends ActionContext {
  outputs: Record<string, string>
  failure?: string
  logs: LogLine[]
  /** The job summary as written at the end of the run. */
  summaryText: string
  /** Values registered with the masker. */
  masked: string[]
  /** All text the run produced (logs, outputs, summary, failure, audit): search it for leaked secrets. */
  everything(): string
}

/**
 * @param actionId folder name under actions/
 * @param inputs kebab-case input values; unset inputs take action.yml defaults, the rest ''
 * @param env extra environment (GITHUB_*, KUBECONFIG, ...); defaults to a plausible workflow run
 */
export function fakeContext(
  actionId: string,
  inputs: Record<string, string>,
  env: NodeJS.ProcessEnv = {},
  options: { idToken?: string } = {}
): FakeContext {
  const values = { ...actionDefaults(actionId), ...inputs }
  const logs: LogLine[] = []
  const outputs: Record<string, string> = {}
  const masked: string[] = []
  let summaryText = ''
  let failure: string | undefined
  const fullEnv: NodeJS.ProcessEnv = {
    GITHUB_ACTOR: 'octo-sre',
    GITHUB_REPOSITORY: 'warranty-hub/platform',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_EVENT_NAME: 'workflow_dispatch',
    ...env
  }
  const ctx = createContext(actionId, {
    getInput: (name) => values[name] ?? '',
    setOutput: (name, value) => {
      outputs[name] = value
    },
    setFailed: (message) => {
      failure = message
    },
    setSecret: (value) => masked.push(value),
    log: {
      debug: (message) => logs.push({ level: 'debug', message }),
      info: (message) => logs.push({ level: 'info', message }),
      notice: (message) => logs.push({ level: 'notice', message }),
      warning: (message) => logs.push({ level: 'warning', message }),
      error: (message) => logs.push({ level: 'error', message }),
      startGroup: (message) => logs.push({ level: 'group', message }),
      endGroup: () => undefined
    },
    writeSummary: (markdown) => {
      summaryText += markdown
      return Promise.resolve()
    },
    getIDToken: (audience) =>
      options.idToken
        ? Promise.resolve(options.idToken)
        : Promise.reject(
            new Error(`no OIDC token in this test (audience ${audience})`)
          ),
    env: fullEnv
  })
  const fake = ctx as FakeContext
  Object.defineProperties(fake, {
    outputs: { get: () => outputs },
    failure: { get: () => failure },
    logs: { get: () => logs },
    summaryText: { get: () => summaryText },
    masked: { get: () => masked }
  })
  fake.everything = () =>
    [
      ...logs.map((l) => l.message),
      ...Object.values(outputs),
      summaryText,
      failure ?? '',
      JSON.stringify(ctx.audit.steps)
    ].join('\n')
  return fake
}

/**
 * Runs an action's `run` with a {@link fakeContext} of `actionId` (same arguments) and returns the context to assert
 * on: outputs, failure, logs, summary, audit.
 */
export async function runFake(
  run: (ctx: FakeContext) => Promise<void>,
  ...args: Parameters<typeof fakeContext>
): Promise<FakeContext> {
  const ctx = fakeContext(...args)
  await run(ctx)
  return ctx
}
