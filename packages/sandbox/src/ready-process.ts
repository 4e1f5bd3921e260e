import { spawn, type ChildProcess } from 'node:child_process'
import { freePort } from '@rollback-actions/emulators'

/** A server process {@link startReadyProcess} saw ready. */
export interface ReadyProcess {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string
  /** SIGTERM, SIGKILL after 5 s; resolves once it exited. A second call does nothing. */
  stop: () => Promise<void>
}

/** Polls `<url>/-/ready` (Prometheus' and Alertmanager's readiness endpoint) until 200, the child exits or `ms` pass. */
async function waitReady(
  url: string,
  child: ChildProcess,
  ms: number
): Promise<boolean> {
  const deadline = Date.now() + ms
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) return false
    try {
      const r = await fetch(`${url}/-/ready`, {
        signal: AbortSignal.timeout(1000)
      })
      await r.arrayBuffer()
      if (r.ok) return true
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50))
  }
  return false
}

/**
 * Starts `bin` on a free loopback port and waits (15 s) for its `/-/ready`; a port taken between choosing and
 * binding ("address already in use") is retried, 3 attempts in all.
 * @param name what the error calls the server.
 * @param bin the executable.
 * @param args its arguments for the chosen port and URL.
 * @returns the ready process.
 * @throws Error `<name> did not become ready: <its last stderr lines>`.
 */
export async function startReadyProcess(
  name: string,
  bin: string,
  args: (port: number, url: string) => string[]
): Promise<ReadyProcess> {
  let lastError = ''
  for (let attempt = 1; attempt <= 3; attempt++) {
    const port = await freePort()
    const url = `http://127.0.0.1:${port}`
    const child = spawn(bin, args(port, url), {
      stdio: ['ignore', 'ignore', 'pipe']
    })
    const stderr: string[] = []
    child.stderr?.on('data', (b: Buffer) => {
      stderr.push(b.toString('utf8'))
      if (stderr.length > 200) stderr.shift()
    })
    const exited = new Promise<void>((resolve) =>
      child.once('exit', () => resolve())
    )
    child.once('error', (e) => stderr.push(String(e)))
    if (await waitReady(url, child, 15_000)) {
      let stopped = false
      return {
        url,
        stop: async () => {
          if (stopped) return
          stopped = true
          if (child.exitCode === null && child.signalCode === null) {
            child.kill('SIGTERM')
            const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
            await exited
            clearTimeout(timer)
          }
        }
      }
    }
    if (child.exitCode === null && child.signalCode === null)
      child.kill('SIGKILL')
    await exited
    lastError = stderr.join('').trim().split('\n').slice(-5).join('\n')
    if (!/address already in use/.test(lastError)) break
  }
  throw new Error(`${name} did not become ready: ${lastError || 'no output'}`)
}
