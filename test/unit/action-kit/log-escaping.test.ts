import { describe, expect, it } from '@jest/globals'
import {
  createContext,
  escapeLogLine,
  type ContextIO
} from '@rollback-actions/action-kit'

/** The stdout lines an info call writes, as the runner splits them. */
function infoLines(message: string): string[] {
  const written: string[] = []
  const io: ContextIO = {
    getInput: () => '',
    setOutput: () => undefined,
    setFailed: () => undefined,
    setSecret: () => undefined,
    log: {
      debug: () => undefined,
      info: (m) => written.push(m),
      notice: () => undefined,
      warning: () => undefined,
      error: () => undefined,
      startGroup: () => undefined,
      endGroup: () => undefined
    },
    writeSummary: () => Promise.resolve(),
    getIDToken: () => Promise.reject(new Error('no OIDC here')),
    env: {}
  }
  createContext('test', io).log.info(message)
  return written.join('\n').split(/\r?\n|\r/)
}

/** True when the runner would execute `line` as a workflow command (actions/runner ActionCommand.cs). */
const isCommand = (line: string) =>
  line.trimStart().startsWith('::') || line.includes('##[')

describe('info lines carrying untrusted values', () => {
  it.each([
    ['a YAML "\\n" before ::error::', 'check ok\n::error::X\n::add-mask::Y'],
    ['a carriage return before ::warning::', 'label a\r::warning::forged'],
    ['a value that is the whole message', '  ::add-mask::Y'],
    ['the legacy ##[ prefix mid-line', 'tag v1 ##[add-mask]Y']
  ])('cannot start a workflow command: %s', (_what, message) => {
    const lines = infoLines(message)
    expect(lines).toHaveLength(1)
    expect(lines.filter(isCommand)).toEqual([])
  })

  it('escapes line breaks as the toolkit escapes command data', () => {
    expect(escapeLogLine('name "ok\r\n::error::X"')).toBe(
      'name "ok%0D%0A::error::X"'
    )
  })

  it('keeps ordinary percentages readable and literal escapes distinguishable', () => {
    expect(escapeLogLine('5xx ratio (25%) and 100%0A')).toBe(
      '5xx ratio (25%) and 100%250A'
    )
  })
})
