import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { bundleActions } from '../../scripts/bundle.mjs'
import { actionDefaults } from '../helpers/fake-context.js'
import { RequestLog, type AcrEmulator } from '@rollback-actions/emulators'
import {
  CLIENT,
  FEATURE_RUN,
  PRODUCTION_RUN,
  TENANT,
  startAcr,
  startFederation,
  type Federation
} from '../helpers/federation.js'

const REPO = 'warranty-hub/product-service'
const day = 86_400_000

interface RunResult {
  code: number | null
  stdout: string
  outputs: Record<string, string>
  summary: string
}

/** Parses GITHUB_OUTPUT's `name<<delimiter` blocks. */
function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const re = /^([^<\n]+)<<(\S+)\n([\s\S]*?)\n\2$/gm
  for (const m of text.matchAll(re)) out[m[1] ?? ''] = m[3] ?? ''
  return out
}

describe('discover-tag bundle, run as the runner runs it, against OIDC → Entra → ACR emulators', () => {
  const log = new RequestLog()
  let dir: string
  let bundle: string
  let caFile: string
  let world: Federation
  let acr: AcrEmulator

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'discover-tag-'))
    // The repository's esbuild options (scripts/bundle.mjs), written to a temp dir.
    const { entries } = await bundleActions({
      outdir: dir,
      actions: ['discover-tag'],
      write: true
    })
    bundle = entries[0]!.outfile
    world = await startFederation({
      log,
      claims: { ...PRODUCTION_RUN, run_id: 4242 },
      wrongClaims: { ...FEATURE_RUN, actor: 'mallory', run_id: 1 }
    })
    caFile = join(dir, 'ca.pem')
    await writeFile(caFile, world.caPem)
    const now = Date.now()
    acr = await startAcr(world, [
      {
        name: REPO,
        tags: [
          { name: 'v1.0.0', pushed: new Date(now - 30 * day) },
          { name: 'v1.1.0', pushed: new Date(now - 20 * day) },
          { name: 'v1.2.0-stable', pushed: new Date(now - 10 * day) },
          { name: 'v1.3.0', pushed: new Date(now - 3_600_000), broken: true }
        ]
      }
    ])
  }, 60_000)

  afterAll(async () => {
    await Promise.all([world?.close(), acr?.close()])
    if (dir) await rm(dir, { recursive: true, force: true })
  })

  async function runAction(
    inputs: Record<string, string>,
    extraEnv: Record<string, string> = {}
  ): Promise<RunResult> {
    const outputFile = join(
      dir,
      `output-${Math.random().toString(36).slice(2)}`
    )
    const summaryFile = `${outputFile}-summary`
    await writeFile(outputFile, '')
    await writeFile(summaryFile, '')
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: dir,
      NODE_EXTRA_CA_CERTS: caFile,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_ACTOR: 'octo-sre',
      GITHUB_REPOSITORY: 'warranty-hub/platform',
      GITHUB_RUN_ID: '4242',
      GITHUB_SERVER_URL: 'https://github.com',
      ROLLBACK_AUDIT_FILE: join(dir, 'audit.jsonl'),
      ACTIONS_ID_TOKEN_REQUEST_URL: world.oidc.requestUrl,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: world.oidc.requestToken,
      AZURE_AUTHORITY_HOST: world.entra.url,
      ...extraEnv
    }
    for (const [name, value] of Object.entries({
      ...actionDefaults('discover-tag'),
      ...inputs
    })) {
      env[`INPUT_${name.toUpperCase()}`] = value
    }
    const child = spawn(process.execPath, [bundle], {
      env,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')))
    child.stderr.on('data', (c: Buffer) => (stdout += c.toString('utf8')))
    const code = await new Promise<number | null>((resolve) =>
      child.on('close', resolve)
    )
    return {
      code,
      stdout,
      outputs: parseOutputs(await readFile(outputFile, 'utf8')),
      summary: await readFile(summaryFile, 'utf8')
    }
  }

  const inputs = () => ({
    registry: acr.loginServer,
    repository: REPO,
    'current-image': `${acr.loginServer}/${REPO}:v1.3.0`,
    'client-id': CLIENT,
    'tenant-id': TENANT
  })

  it('outputs the previous stable tag pinned by digest, with no secret in the log', async () => {
    const result = await runAction(inputs())
    expect(result.stdout).not.toMatch(/::error::/)
    expect(result.code).toBe(0)
    const expected = acr.resolve(
      `${acr.loginServer}/${REPO}:v1.2.0-stable`
    ) as { digest: string }
    expect(result.outputs).toEqual({
      tag: 'v1.2.0-stable',
      digest: expected.digest,
      image: `${acr.loginServer}/${REPO}@${expected.digest}`
    })
    expect(result.summary).toContain('| v1.3.0 |')
    expect(result.summary).toMatch(
      /\| v1\.2\.0-stable \| sha256:[a-f0-9]{64} \| [0-9T:.-]+Z \| chosen \|/
    )
    expect(result.stdout).toMatch(
      /::notice::Previous tag of .*: v1\.2\.0-stable/
    )
    // The GitHub ID token was masked (add-mask) and never printed in clear.
    const masked = [...result.stdout.matchAll(/::add-mask::(\S+)/g)].map(
      (m) => m[1] ?? ''
    )
    expect(masked.some((m) => m.split('.').length === 3)).toBe(true)
    const unmasked = result.stdout.replace(/^::add-mask::.*$/gm, '')
    for (const token of masked) expect(unmasked).not.toContain(token)
  })

  it('fails with exit 1 and the AADSTS message when the federated subject does not match, touching no tag', async () => {
    const since = log.mark()
    const result = await runAction(inputs(), {
      ACTIONS_ID_TOKEN_REQUEST_URL: world.wrong!.requestUrl,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: world.wrong!.requestToken
    })
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(
      /::error::discover-tag: Azure login for 127\.0\.0\.1:\d+ failed \(AADSTS700213: No matching federated identity record found for presented assertion subject 'repo:warranty-hub\/platform:ref:refs\/heads\/feature'/
    )
    expect(result.outputs).toEqual({})
    expect(
      log
        .of('acr', since)
        .filter((e) => e.status === 200 && e.path.includes('/_tags'))
    ).toHaveLength(0)
  })

  it('fails with exit 1 naming the input when the explicit tag breaks the OCI grammar, contacting nothing', async () => {
    const since = log.mark()
    const result = await runAction({
      ...inputs(),
      'image-tag': 'v1.2.0@latest'
    })
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(
      /::error::discover-tag: input "image-tag": "v1\.2\.0@latest" is not a valid tag/
    )
    expect(log.of(undefined, since)).toHaveLength(0)
  })

  it('fails with exit 1 when the explicit tag does not exist', async () => {
    const result = await runAction({ ...inputs(), 'image-tag': 'v1.2.1' })
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(
      /::error::discover-tag: tag "v1\.2\.1" does not exist in 127\.0\.0\.1:\d+\/warranty-hub\/product-service/
    )
    expect(result.outputs).toEqual({})
  })
})
