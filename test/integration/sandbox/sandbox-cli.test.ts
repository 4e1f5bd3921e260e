import { spawn, execFile } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from '@jest/globals'
import { parseEnv } from 'node:util'

const exec = promisify(execFile)
const ROOT = join(import.meta.dirname, '..', '..', '..')

/** PIDs of processes running as the postgres user (PostgreSQL clusters detach into their own session). */
async function postgresPids(): Promise<number[]> {
  const { stdout } = await exec('ps', ['-o', 'pid=', '-u', 'postgres']).catch(
    () => ({ stdout: '' })
  )
  return stdout
    .split('\n')
    .map((l) => Number(l.trim()))
    .filter((n) => n > 0)
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0)
    return true
  } catch {
    return false
  }
}

describe('npm run sandbox', () => {
  let dir = ''
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true })
  })

  it('prints "sandbox ready", writes kubeconfig and sandbox.env that kubectl and an action use, and stops on SIGTERM leaving nothing behind', async () => {
    dir = await mkdtemp(join(tmpdir(), 'sandbox-cli-'))
    const postgresBefore = await postgresPids()
    let sandboxPostgres: number[] = []
    const out = join(dir, 'out')
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'packages/sandbox/src/cli/sandbox.ts', '--out', out],
      {
        cwd: ROOT,
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, NODE_OPTIONS: '' }
      }
    )
    const pgid = child.pid ?? 0
    try {
      let text = ''
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no "sandbox ready" in 60 s:\n${text}`)),
          60_000
        )
        child.stdout.setEncoding('utf8').on('data', (d: string) => {
          text += d
          if (/^sandbox ready$/m.test(text)) {
            clearTimeout(timer)
            resolve()
          }
        })
        child.stderr.setEncoding('utf8').on('data', (d: string) => (text += d))
        child.on('exit', (code) =>
          reject(new Error(`sandbox exited ${String(code)}:\n${text}`))
        )
      })
      sandboxPostgres = (await postgresPids()).filter(
        (p) => !postgresBefore.includes(p)
      )
      expect(sandboxPostgres.length).toBeGreaterThan(0) // the scenario's prod-db is a real PostgreSQL
      const env = parseEnv(await readFile(join(out, 'sandbox.env'), 'utf8'))
      for (const key of [
        'KUBECONFIG',
        'NODE_EXTRA_CA_CERTS',
        'ACTIONS_ID_TOKEN_REQUEST_URL',
        'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
        'AZURE_CLIENT_ID',
        'AZURE_TENANT_ID',
        'AZURE_AUTHORITY_HOST',
        'SANDBOX_REGISTRY',
        'SANDBOX_SERVICE_URL'
      ])
        expect([key, env[key] ?? '']).toEqual([
          key,
          expect.stringMatching(/.+/)
        ])
      expect(env.SANDBOX_REGISTRY).toMatch(/^127\.0\.0\.1:\d+$/)

      const kube = await exec(
        'kubectl',
        [
          '--kubeconfig',
          join(out, 'kubeconfig'),
          '--cache-dir',
          join(dir, 'kcache'),
          'get',
          'deploy',
          '-n',
          'prod',
          '-o',
          'jsonpath={.items[0].spec.template.spec.containers[0].image}'
        ],
        { env: { ...process.env, HOME: dir } }
      )
      expect(kube.stdout).toBe(
        `${env.SANDBOX_REGISTRY}/warranty-hub/product-service:v1.2.0-stable`
      )

      // an action run exactly as the README says: set -a; . sandbox.env; env INPUT_...=... node dist/index.js
      const action = await exec(
        'bash',
        [
          '-c',
          `set -a; . '${join(out, 'sandbox.env')}'; set +a; env 'INPUT_NAMESPACE=prod' 'INPUT_DEPLOYMENTS=product-service' 'INPUT_DRY-RUN=true' "INPUT_IMAGE=$SANDBOX_REGISTRY/warranty-hub/product-service:v1.1.0" 'INPUT_ROLLOUT-TIMEOUT=1m' "INPUT_CLIENT-ID=$AZURE_CLIENT_ID" "INPUT_TENANT-ID=$AZURE_TENANT_ID" node actions/redeploy/dist/index.js`
        ],
        { cwd: ROOT, env: { PATH: process.env.PATH ?? '', HOME: dir } }
      )
      expect(action.stdout).toContain('product-service')
      expect(action.stdout).not.toContain('::error::')
    } finally {
      child.kill('SIGTERM')
    }
    const code = await new Promise<number | null>((resolve) => {
      if (child.exitCode !== null) resolve(child.exitCode)
      else child.once('exit', (c) => resolve(c))
    })
    expect(code).toBe(0)
    // every process the sandbox started (Prometheus, PostgreSQL, …) must be gone; allow them a moment to exit
    const deadline = Date.now() + 10_000
    while (groupAlive(pgid) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 200))
    const survivors = groupAlive(pgid)
      ? (
          await exec('ps', [
            '-o',
            'pid,stat,cmd',
            '--no-headers',
            '-g',
            String(pgid)
          ]).catch(() => ({ stdout: '(ps failed)' }))
        ).stdout
      : ''
    expect(survivors).toBe('')
    const postgres = await exec('ps', [
      '-o',
      'pid,cmd',
      '--no-headers',
      '-u',
      'postgres'
    ]).catch(() => ({ stdout: '' }))
    expect(postgres.stdout.includes(out)).toBe(false)
  }, 120_000)
})
