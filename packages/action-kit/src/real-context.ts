import * as core from '@actions/core'
import { createContext, type ActionContext } from './context.js'

/** The context on a GitHub runner: `@actions/core` for inputs, outputs, logs, masking, summary and OIDC. */
export function realContext(id: string): ActionContext {
  return createContext(id, {
    getInput: (name) => core.getInput(name),
    setOutput: (name, value) => core.setOutput(name, value),
    setFailed: (message) => core.setFailed(message),
    setSecret: (value) => core.setSecret(value),
    log: {
      debug: (m) => core.debug(m),
      info: (m) => core.info(m),
      notice: (m) => core.notice(m),
      warning: (m, title) => core.warning(m, title ? { title } : {}),
      error: (m) => core.error(m),
      startGroup: (name) => core.startGroup(name),
      endGroup: () => core.endGroup()
    },
    writeSummary: async (markdown) => {
      if (!process.env.GITHUB_STEP_SUMMARY) return
      await core.summary.addRaw(markdown, true).write()
    },
    getIDToken: (audience) => core.getIDToken(audience),
    env: process.env
  })
}
