// The drill's runner of `actions/github-script` steps, started by the workflow engine as a child process with the
// step's INPUT_* variables and runner files, the way the runner starts that action. Like actions/github-script
// (github.com/actions/github-script, src/main.ts and src/async-function.ts), it runs the `script` input as the body of
// an async function with `github` (an authenticated Octokit from @actions/github's getOctokit, whose base URL is
// GITHUB_API_URL: the sandbox's GitHub REST emulator), `octokit`, `context`, `core`, `exec`, `io` and `require`, and
// sets the output `result` from the returned value (`result-encoding`: json or string).
// Node 24 runs this file directly (type stripping), so it imports packages only. It stands in for a third-party
// action, so it uses the @actions toolkit as that action does (the suite's own packages reach it through action-kit).
/* eslint-disable no-restricted-imports */
import { createRequire } from 'node:module'
import { join } from 'node:path'
import * as core from '@actions/core'
import * as exec from '@actions/exec'
import { context, getOctokit } from '@actions/github'
import * as io from '@actions/io'

type ScriptFunction = (...args: unknown[]) => Promise<unknown>

async function probe(): Promise<void> {
  await Promise.resolve()
}
const AsyncFunction = probe.constructor as new (
  ...args: string[]
) => ScriptFunction

try {
  const token = core.getInput('github-token', { required: true })
  const encoding = core.getInput('result-encoding') || 'json'
  if (encoding !== 'json' && encoding !== 'string')
    throw new Error(`"${encoding}" is not a supported result-encoding`)
  const userAgent = core.getInput('user-agent')
  const github = getOctokit(token, userAgent ? { userAgent } : {})
  const script = core.getInput('script', { required: true })
  const require = createRequire(join(process.cwd(), 'github-script.js'))
  const fn = new AsyncFunction(
    'require',
    'github',
    'octokit',
    'context',
    'core',
    'exec',
    'io',
    script
  )
  const result = await fn(require, github, github, context, core, exec, io)
  if (result !== undefined)
    core.setOutput(
      'result',
      encoding === 'string' && typeof result === 'string'
        ? result
        : JSON.stringify(result)
    )
} catch (error) {
  core.setFailed(
    `Unhandled error: ${error instanceof Error ? error.message : String(error)}`
  )
}
