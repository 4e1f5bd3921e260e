import { describe, expect, it } from '@jest/globals'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import { run } from '../../../actions/redeploy/src/main.js'
import { RedeployInputs } from '../../../actions/redeploy/src/inputs.js'
import { fakeContext, runFake } from '../../helpers/fake-context.js'

// A kubeconfig that does not exist: a run that got past input validation would fail on it instead.
const env = { KUBECONFIG: join(tmpdir(), 'redeploy-unit-no-such-kubeconfig') }
const valid = {
  namespace: 'prod',
  deployments: 'web',
  image: 'reg.azurecr.io/shop/web:1.4.2'
}

describe('redeploy inputs', () => {
  it.each([
    [
      { namespace: 'Prod' },
      /^redeploy: input "namespace": "Prod" must be a lowercase RFC 1123 label/
    ],
    [
      { deployments: '' },
      /^redeploy: input "deployments": is required but was empty/
    ],
    [{ deployments: 'web, Api' }, /^redeploy: input "deployments": .*RFC 1123/],
    [
      { image: 'reg.azurecr.io/Shop/web:1' },
      /^redeploy: input "image": .*is not a valid image reference/
    ],
    [{ container: 'App_1' }, /^redeploy: input "container": /],
    [
      { 'allowed-registries': 'https://reg.azurecr.io' },
      /^redeploy: input "allowed-registries": .*without https:\/\/ or a path/
    ],
    [
      { 'rollout-timeout': 'soon' },
      /^redeploy: input "rollout-timeout": "soon" must be a positive duration/
    ],
    [
      { 'dry-run': 'yes' },
      /^redeploy: input "dry-run": "yes" must be "true" or "false"/
    ]
  ])('rejects %p before touching the cluster', async (inputs, message) => {
    const ctx = await runFake(run, 'redeploy', { ...valid, ...inputs }, env)
    expect(ctx.failure).toMatch(message)
    expect(ctx.failure).not.toMatch(/kubeconfig/)
    expect(ctx.audit.steps).toHaveLength(0)
  })

  it('parses lists, the duration and the defaults from action.yml', () => {
    const ctx = fakeContext(
      'redeploy',
      {
        ...valid,
        deployments: 'web,\napi\n\n worker ',
        'allowed-registries': 'reg.azurecr.io\nlocalhost:5000'
      },
      env
    )
    expect(ctx.inputs(RedeployInputs)).toEqual({
      namespace: 'prod',
      deployments: ['web', 'api', 'worker'],
      container: undefined,
      image: {
        registry: 'reg.azurecr.io',
        repository: 'shop/web',
        tag: '1.4.2',
        digest: undefined,
        reference: 'reg.azurecr.io/shop/web:1.4.2'
      },
      allowedRegistries: ['reg.azurecr.io', 'localhost:5000'],
      rolloutTimeout: 600,
      dryRun: false
    })
  })

  it('explains a missing kubeconfig with the next step', async () => {
    const ctx = await runFake(run, 'redeploy', valid, env)
    expect(ctx.failure).toMatch(
      /^redeploy: cannot load the kubeconfig from ".*redeploy-unit-no-such-kubeconfig".*Run azure\/aks-set-context/
    )
    expect(ctx.outputs).toEqual({})
    expect(ctx.summaryText).toMatch(/### redeploy: failed/)
  })
})
