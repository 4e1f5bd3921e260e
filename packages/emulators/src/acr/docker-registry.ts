import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort } from '../http/ports.js'

/** A running Debian `docker-registry` (distribution v2) on loopback, plain http. */
export interface DockerRegistry {
  /** `http://127.0.0.1:<port>`. */
  url: string
  /** `127.0.0.1:<port>`: what image references start with. */
  host: string
  /** Stops the process (SIGTERM, then SIGKILL after 3 s) and deletes its storage. */
  stop(): Promise<void>
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve()
    else child.once('exit', () => resolve())
  })
}

/**
 * Starts `/usr/bin/docker-registry serve <config>` with filesystem storage in a fresh temp dir on a random
 * loopback port, and waits until `GET /v2/` answers 200 (usually ~0.1 s).
 * @param binary path of the registry binary (Debian package `docker-registry`).
 * @throws Error when the binary is missing or the registry is not ready within 10 s (its stderr included).
 */
export async function startDockerRegistry(
  binary = '/usr/bin/docker-registry'
): Promise<DockerRegistry> {
  const dir = await mkdtemp(join(tmpdir(), 'docker-registry-'))
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort()
    const config = join(dir, 'config.yml')
    await writeFile(
      config,
      [
        'version: 0.1',
        'log:',
        '  level: warn',
        '  accesslog:',
        '    disabled: true',
        'storage:',
        '  filesystem:',
        `    rootdirectory: ${join(dir, 'data')}`,
        '  delete:',
        '    enabled: true',
        'http:',
        `  addr: 127.0.0.1:${port}`,
        ''
      ].join('\n')
    )
    const child = spawn(binary, ['serve', config], {
      stdio: ['ignore', 'ignore', 'pipe']
    })
    let stderr = ''
    child.stderr?.on('data', (c: Buffer) => {
      stderr = (stderr + c.toString('utf8')).slice(-4000)
    })
    const spawnError = new Promise<Error>((resolve) =>
      child.once('error', resolve)
    )
    const url = `http://127.0.0.1:${port}`
    const stop = async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM')
        const timer = setTimeout(() => child.kill('SIGKILL'), 3000)
        await exited(child)
        clearTimeout(timer)
      }
      await rm(dir, { recursive: true, force: true })
    }
    const deadline = Date.now() + 10_000
    while (Date.now() < deadline) {
      const failed = await Promise.race([
        spawnError,
        new Promise<undefined>((r) => setTimeout(() => r(undefined), 50))
      ])
      if (failed) {
        await rm(dir, { recursive: true, force: true })
        throw new Error(`cannot start ${binary}: ${failed.message}`)
      }
      if (child.exitCode !== null) break
      const ok = await fetch(`${url}/v2/`).then(
        (r) => r.status === 200,
        () => false
      )
      if (ok) return { url, host: `127.0.0.1:${port}`, stop }
    }
    if (child.exitCode === null) {
      await stop()
      throw new Error(`docker-registry not ready within 10 s: ${stderr}`)
    }
    if (!/address already in use/.test(stderr)) {
      await rm(dir, { recursive: true, force: true })
      throw new Error(
        `docker-registry exited with ${child.exitCode}: ${stderr}`
      )
    }
  }
  await rm(dir, { recursive: true, force: true })
  throw new Error('docker-registry: no free port after 3 attempts')
}
