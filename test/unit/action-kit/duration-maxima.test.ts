import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { parse } from 'yaml'
import { run as evaluateTriggers } from '../../../actions/evaluate-rollback-triggers/src/main.js'
import { run as pitrRestore } from '../../../actions/pitr-restore/src/main.js'
import { run as redeploy } from '../../../actions/redeploy/src/main.js'
import { run as secretSwap } from '../../../actions/secret-swap/src/main.js'
import { run as validateHealth } from '../../../actions/validate-health/src/main.js'
import type { ActionContext } from '@rollback-actions/action-kit'
import { fakeContext } from '../../helpers/fake-context.js'

const validateHealthCase = {
  id: 'validate-health',
  run: validateHealth,
  required: {
    'http-checks': '- name: api\n  url: http://127.0.0.1:9/healthz'
  }
}

// Valid required inputs of each action, so that the only fault is the duration; nothing is reachable (no
// KUBECONFIG, no Azure, a Prometheus URL nobody listens on), so an action that got past its inputs fails differently.
const cases: {
  id: string
  run: (ctx?: ActionContext) => Promise<void>
  required: Record<string, string>
  input: string
  value: string
  maximum: string
}[] = [
  {
    id: 'redeploy',
    run: redeploy,
    required: {
      namespace: 'prod',
      deployments: 'api',
      image: 'myreg.azurecr.io/api:v1'
    },
    input: 'rollout-timeout',
    value: '600h',
    maximum: '6h'
  },
  {
    id: 'pitr-restore',
    run: pitrRestore,
    required: {
      'subscription-id': '00000000-0000-0000-0000-000000000001',
      'resource-group': 'rg-prod',
      'source-server': 'prod-db',
      'restore-point': 'latest'
    },
    input: 'timeout',
    value: '1000h',
    maximum: '24h'
  },
  {
    id: 'secret-swap',
    run: secretSwap,
    required: {
      target: 'kubernetes-secret',
      'secret-name': 'product-service-db',
      namespace: 'prod',
      'server-fqdn': '127.0.0.1:6543',
      database: 'app',
      username: 'pgadmin',
      password: 'not-a-real-password',
      deployments: 'prod/product-service'
    },
    input: 'rollout-timeout',
    value: '600h',
    maximum: '6h'
  },
  { ...validateHealthCase, input: 'timeout', value: '600h', maximum: '6h' },
  { ...validateHealthCase, input: 'interval', value: '2h', maximum: '1h' },
  {
    id: 'evaluate-rollback-triggers',
    run: evaluateTriggers,
    required: {
      'prometheus-url': 'http://127.0.0.1:9',
      'service-labels': 'service: api'
    },
    input: 'baseline-offset',
    value: '400d',
    maximum: '30d'
  }
]

describe('every duration input has a maximum, refused before anything is touched', () => {
  it.each(cases)(
    '$id refuses $input=$value (maximum $maximum)',
    async ({ id, run, required, input, value, maximum }) => {
      const ctx = fakeContext(id, { ...required, [input]: value })
      await run(ctx)
      expect(ctx.failure).toMatch(
        new RegExp(
          `^${id}: input "${input}": "${value}" must be at most ${maximum}\\b`
        )
      )
      expect(ctx.audit.steps).toEqual([])
    }
  )
})

describe('action.yml documents each duration maximum', () => {
  const actionsDir = join(import.meta.dirname, '..', '..', '..', 'actions')
  // actions/dist holds the shared bundle chunks, not an action: only folders with an action.yml count.
  const ids = readdirSync(actionsDir).filter((id) =>
    existsSync(join(actionsDir, id, 'action.yml'))
  )
  const durationInputs = ids.flatMap((id) => {
    const doc = parse(
      readFileSync(join(actionsDir, id, 'action.yml'), 'utf8')
    ) as { inputs?: Record<string, { description?: string }> }
    return Object.entries(doc.inputs ?? {})
      .filter(([name]) => /(^|-)(timeout|interval|duration|offset)$/.test(name))
      .map(([name, spec]) => [id, name, spec.description ?? ''] as const)
  })

  it('finds the duration inputs', () => {
    expect(durationInputs.length).toBeGreaterThanOrEqual(7)
  })

  it.each(durationInputs)(
    '%s input "%s" says its maximum',
    (_id, _name, description) => {
      expect(description).toMatch(/at most \d+[smhd]\b/)
    }
  )
})
