import { describe, expect, it } from '@jest/globals'
import { z } from 'zod'
import {
  ConfigurationError,
  createContext,
  defineAction,
  durationSeconds,
  OperationError,
  secret,
  type ContextIO
} from '@rollback-actions/action-kit'

function io(inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}) {
  const rec = {
    outputs: {} as Record<string, string>,
    failed: undefined as string | undefined,
    lines: [] as string[],
    masked: [] as string[],
    summary: ''
  }
  const value: ContextIO = {
    getInput: (n) => inputs[n] ?? '',
    setOutput: (n, v) => {
      rec.outputs[n] = v
    },
    setFailed: (m) => {
      rec.failed = m
    },
    setSecret: (v) => rec.masked.push(v),
    log: {
      debug: (m) => rec.lines.push(`debug ${m}`),
      info: (m) => rec.lines.push(`info ${m}`),
      notice: (m) => rec.lines.push(`notice ${m}`),
      warning: (m) => rec.lines.push(`warning ${m}`),
      error: (m) => rec.lines.push(`error ${m}`),
      startGroup: (m) => rec.lines.push(`group ${m}`),
      endGroup: () => undefined
    },
    writeSummary: (md) => {
      rec.summary += md
      return Promise.resolve()
    },
    getIDToken: () => Promise.resolve('id-token'),
    env
  }
  return { rec, value }
}

const Inputs = z.object({
  rolloutTimeout: durationSeconds,
  password: secret.optional()
})

describe('defineAction', () => {
  it('names the kebab-case input and the value when validation fails', async () => {
    const { rec, value } = io({ 'rollout-timeout': '-3m' })
    const run = defineAction('redeploy', (ctx) => {
      ctx.inputs(Inputs)
      return Promise.resolve()
    })
    await run(createContext('redeploy', value))
    expect(rec.failed).toBe(
      'redeploy: input "rollout-timeout": "-3m" must be a positive duration such as 90s, 10m or 1h30m'
    )
  })

  it('says a required input is empty', async () => {
    const { rec, value } = io({})
    await defineAction('redeploy', (ctx) => {
      ctx.inputs(Inputs)
      return Promise.resolve()
    })(createContext('redeploy', value))
    expect(rec.failed).toMatch(
      /input "rollout-timeout": is required but was empty/
    )
  })

  it('refuses a workflow-command injection before parsing', async () => {
    const { rec, value } = io({
      'rollout-timeout': '10m\n::set-output name=x::y'
    })
    await defineAction('redeploy', (ctx) => {
      ctx.inputs(Inputs)
      return Promise.resolve()
    })(createContext('redeploy', value))
    expect(rec.failed).toMatch(
      /input "rollout-timeout": contains a line starting with "::"/
    )
  })

  it('masks secrets in every form and never shows them in errors', async () => {
    const pw = 'p@ss word/+=1'
    const { rec, value } = io({ 'rollout-timeout': '1m', password: pw })
    await defineAction('secret-swap', async (ctx) => {
      const inputs = ctx.inputs(Inputs)
      ctx.log.info(`connecting with ${inputs.password}`)
      ctx.output.set('leak', encodeURIComponent(pw))
      await ctx.audit.step('Swap', (r) => {
        r.change('secret', 'old', Buffer.from(pw).toString('base64'))
        return Promise.resolve()
      })
      throw new OperationError(`failed with ${JSON.stringify(pw)}`)
    })(createContext('secret-swap', value))
    const all = [
      rec.lines.join('\n'),
      rec.summary,
      rec.failed,
      JSON.stringify(rec.outputs)
    ].join('\n')
    for (const form of [
      pw,
      Buffer.from(pw).toString('base64'),
      encodeURIComponent(pw),
      JSON.stringify(pw).slice(1, -1)
    ])
      expect(all).not.toContain(form)
    expect(rec.masked).toContain(pw)
  })

  it('writes the summary and audit even when the body fails', async () => {
    const { rec, value } = io(
      { 'rollout-timeout': '1m' },
      {
        GITHUB_REPOSITORY: 'o/r',
        GITHUB_RUN_ID: '7',
        GITHUB_ACTOR: 'sre'
      }
    )
    const ctx = createContext('redeploy', value)
    await defineAction('redeploy', async (c) => {
      await c.audit.step('Roll out', (r) => {
        r.change('prod/api', 'v2', 'v1')
        throw new ConfigurationError('deployment "prod/api" is paused')
      })
    })(ctx)
    expect(rec.failed).toBe('redeploy: deployment "prod/api" is paused')
    expect(ctx.audit.steps[0]).toMatchObject({
      step: 'Roll out',
      outcome: 'failed',
      actor: 'sre',
      run_url: 'https://github.com/o/r/actions/runs/7',
      changes: [{ resource: 'prod/api', from: 'v2', to: 'v1' }]
    })
    expect(rec.summary).toContain('redeploy: failed')
    expect(rec.summary).toContain('prod/api: v2 → v1')
    // a UserError is printed without a stack
    expect(rec.lines.some((l) => l.includes('    at '))).toBe(false)
  })

  it('prints the stack at debug level for unexpected errors', async () => {
    const { rec, value } = io({})
    await defineAction('x', () => Promise.reject(new TypeError('boom')))(
      createContext('x', value)
    )
    expect(rec.failed).toBe('x: unexpected error: boom')
    expect(rec.lines.some((l) => l.startsWith('debug TypeError: boom'))).toBe(
      true
    )
  })
})
