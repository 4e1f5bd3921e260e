import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { ConfigurationError, silentLogger } from '@rollback-actions/action-kit'
import { createKubeClients, type KubeClients } from '@rollback-actions/kube'
import { readRunningImage } from '@rollback-actions/registry'
import {
  RequestLog,
  sendJson,
  startServer,
  type RunningServer
} from '@rollback-actions/emulators'
import { createCertificateAuthority } from '@rollback-actions/emulators'

const DIGEST = `sha256:${'ab'.repeat(32)}`
const OLD = `sha256:${'cd'.repeat(32)}`

function deployment(
  name: string,
  containers: Array<{ name: string; image: string }>
) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'prod' },
    spec: {
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers } }
    }
  }
}

describe('readRunningImage', () => {
  const log = new RequestLog()
  let server: RunningServer
  let kubeconfig: string
  let clients: KubeClients

  beforeAll(async () => {
    const ca = await createCertificateAuthority()
    const tls = await ca.issue(['127.0.0.1'])
    const deployments: Record<string, unknown> = {
      api: deployment('api', [
        { name: 'api', image: 'reg.example/team/api:v1.3.0' }
      ]),
      pinned: deployment('pinned', [
        { name: 'app', image: `reg.example/team/api@${DIGEST}` }
      ]),
      sidecar: deployment('sidecar', [
        { name: 'proxy', image: 'envoyproxy/envoy:v1.30' },
        { name: 'app', image: 'reg.example/team/api:v1.2.0' }
      ])
    }
    const handler = (req: IncomingMessage, res: ServerResponse) => {
      const url = new URL(req.url ?? '/', 'https://x')
      const d =
        /^\/apis\/apps\/v1\/namespaces\/prod\/deployments\/([^/]+)$/.exec(
          url.pathname
        )
      if (d) {
        const found = deployments[d[1] ?? '']
        if (!found)
          return sendJson(res, 404, {
            kind: 'Status',
            apiVersion: 'v1',
            status: 'Failure',
            reason: 'NotFound',
            code: 404,
            message: 'not found'
          })
        return sendJson(res, 200, found)
      }
      if (url.pathname === '/api/v1/namespaces/prod/pods') {
        expect(url.searchParams.get('labelSelector')).toBe('app=api')
        const pod = (image: string, imageID: string) => ({
          metadata: { name: `api-${imageID.slice(-4)}`, namespace: 'prod' },
          spec: { containers: [{ name: 'api', image }] },
          status: {
            containerStatuses: [
              { name: 'api', image, imageID, ready: true, restartCount: 0 }
            ]
          }
        })
        return sendJson(res, 200, {
          kind: 'PodList',
          apiVersion: 'v1',
          metadata: {},
          items: [
            pod(
              'reg.example/team/api:v1.3.0',
              `reg.example/team/api@${DIGEST}`
            ),
            pod(
              'reg.example/team/api:v1.3.0',
              `reg.example/team/api@${DIGEST}`
            ),
            pod('reg.example/team/api:v1.2.0', `reg.example/team/api@${OLD}`)
          ]
        })
      }
      return sendJson(res, 404, { kind: 'Status', code: 404 })
    }
    server = await startServer({ name: 'kubernetes', tls, log, handler })
    kubeconfig = [
      'apiVersion: v1',
      'kind: Config',
      'clusters:',
      '- name: c',
      '  cluster:',
      `    server: ${server.url}`,
      `    certificate-authority-data: ${Buffer.from(ca.caPem).toString('base64')}`,
      'users:',
      '- name: u',
      '  user:',
      '    token: test-token',
      'contexts:',
      '- name: x',
      '  context: { cluster: c, user: u, namespace: prod }',
      'current-context: x',
      ''
    ].join('\n')
    clients = createKubeClients(kubeconfig)
  })

  afterAll(async () => {
    await server?.close()
  })

  /** readRunningImage of Deployment `prod/<deployment>` through the test's clients, quietly. */
  const readProd = (
    deployment: string,
    options: { repository?: string } = {}
  ) =>
    readRunningImage({
      namespace: 'prod',
      deployment,
      clients,
      log: silentLogger,
      ...options
    })

  it('reads the image and the digest the current pods pulled', async () => {
    await expect(readProd('api')).resolves.toEqual({
      image: 'reg.example/team/api:v1.3.0',
      container: 'api',
      digest: DIGEST
    })
  })

  it('loads the kubeconfig it is given through packages/kube (KUBECONFIG text, path or list)', async () => {
    const r = await readRunningImage({
      namespace: 'prod',
      deployment: 'api',
      kubeconfig,
      log: silentLogger
    })
    expect(r.digest).toBe(DIGEST)
  })

  it('takes the digest from an image pinned by digest without listing pods', async () => {
    const since = log.mark()
    const r = await readProd('pinned')
    expect(r.digest).toBe(DIGEST)
    expect(log.of('kubernetes', since).map((e) => e.path)).toEqual([
      '/apis/apps/v1/namespaces/prod/deployments/pinned'
    ])
  })

  it('picks the container whose image is from the repository', async () => {
    const r = await readProd('sidecar', { repository: 'team/api' })
    expect(r).toMatchObject({
      container: 'app',
      image: 'reg.example/team/api:v1.2.0'
    })
  })

  it('fails naming the containers when none is from the repository', async () => {
    await expect(
      readProd('sidecar', { repository: 'team/other' })
    ).rejects.toThrow(
      /has 2 containers \(proxy=envoyproxy\/envoy:v1\.30, app=reg\.example\/team\/api:v1\.2\.0\)/
    )
  })

  it('fails with a ConfigurationError when the Deployment does not exist', async () => {
    const error = await readProd('gone').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ConfigurationError)
    expect((error as Error).message).toBe(
      'Deployment prod/gone does not exist: check the namespace and deployment inputs'
    )
  })
})
