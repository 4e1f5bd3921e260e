import { describe, expect, it } from '@jest/globals'
import {
  ApiError,
  matchesFields,
  matchesLabels,
  parseFieldSelector,
  parseLabelSelector
} from '@rollback-actions/emulators'

const labels = {
  app: 'web',
  tier: 'frontend',
  'pod-template-hash': '5d8f7c9b4',
  version: '3'
}

describe('label selectors', () => {
  it.each([
    ['app=web', true],
    ['app==web', true],
    ['app=api', false],
    ['app!=api', true],
    ['app!=web', false],
    ['missing!=x', true],
    ['tier in (frontend,backend)', true],
    ['tier in (backend)', false],
    ['tier notin (backend, batch)', true],
    ['tier notin (frontend)', false],
    ['missing notin (x)', true],
    ['missing in (x)', false],
    ['pod-template-hash', true],
    ['missing', false],
    ['!missing', true],
    ['!app', false],
    ['version>2', true],
    ['version<3', false],
    ['app=web,tier in (frontend),!missing', true],
    ['app=web,tier=backend', false],
    ['', true]
  ])('%s matches: %s', (selector, expected) => {
    expect(matchesLabels(parseLabelSelector(selector), labels)).toBe(expected)
  })

  it('accepts an empty value', () => {
    expect(parseLabelSelector('app=')).toEqual([
      { key: 'app', operator: '=', values: [''] }
    ])
  })

  it.each(['app in ()', 'a b c', 'in (x)', 'bad key!=x'])(
    'answers %j with 400 like the API server',
    (selector) => {
      let error: unknown
      try {
        parseLabelSelector(selector)
      } catch (e) {
        error = e
      }
      expect(error).toBeInstanceOf(ApiError)
      expect((error as ApiError).code).toBe(400)
    }
  )
})

describe('field selectors', () => {
  const pod = {
    metadata: { name: 'web-1', namespace: 'prod' },
    status: { phase: 'Running' }
  }

  it.each([
    ['metadata.name=web-1', true],
    ['metadata.name==web-1', true],
    ['metadata.name!=web-1', false],
    ['metadata.namespace=prod,metadata.name=web-1', true],
    ['metadata.namespace=dev', false],
    ['status.phase=Running', true],
    ['status.phase!=Pending', true]
  ])('%s matches: %s', (selector, expected) => {
    expect(
      matchesFields(parseFieldSelector(selector, ['status.phase']), pod)
    ).toBe(expected)
  })

  it('rejects an unsupported field like the API server', () => {
    let error: unknown
    try {
      parseFieldSelector('spec.replicas=2')
    } catch (e) {
      error = e
    }
    expect((error as ApiError).code).toBe(400)
    expect((error as ApiError).message).toBe(
      'field label not supported: spec.replicas'
    )
  })
})
