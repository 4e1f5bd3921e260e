import { describe, expect, it } from '@jest/globals'
import { run as evaluateTriggers } from '../../../actions/evaluate-rollback-triggers/src/main.js'
import { run as validateHealth } from '../../../actions/validate-health/src/main.js'
import { fakeContext } from '../../helpers/fake-context.js'

// Nobody listens on port 9: an action that got past its inputs would fail (and print the URL) differently.
const URL_WITH_PASSWORD = 'http://admin:S3cret%40Pass@127.0.0.1:9'

describe('a prometheus-url holding a password', () => {
  it.each([
    [
      'validate-health',
      validateHealth,
      {
        'prometheus-url': URL_WITH_PASSWORD,
        'prometheus-checks': '- name: errors\n  preset: error-ratio',
        interval: '1s',
        count: '1'
      }
    ],
    [
      'evaluate-rollback-triggers',
      evaluateTriggers,
      { 'prometheus-url': URL_WITH_PASSWORD, 'service-labels': 'service: api' }
    ]
  ])(
    '%s refuses it at input time and prints the password nowhere',
    async (id, run, inputs) => {
      const ctx = fakeContext(id, inputs)
      await run(ctx)
      expect(ctx.failure).toMatch(
        new RegExp(
          `^${id}: input "prometheus-url": holds a user name or password`
        )
      )
      const everything = ctx.everything()
      for (const form of ['S3cret%40Pass', 'S3cret@Pass', 'S3cret%2540Pass'])
        expect(everything).not.toContain(form)
      expect(ctx.masked).toContain('S3cret@Pass')
      expect(ctx.audit.steps).toEqual([])
    }
  )
})
