import { spawn, type ChildProcess } from 'node:child_process'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { createServer, type AddressInfo } from 'node:net'
import { join } from 'node:path'
import { parse, stringify } from 'yaml'

/** Binary from Debian's `prometheus-alertmanager` package (0.25). */
export const ALERTMANAGER_BIN =
  process.env.ROLLBACK_ALERTMANAGER_BIN ?? '/usr/bin/prometheus-alertmanager'

export interface AlertmanagerOptions {
  /** Where the config, the token file and the notification log live (created). */
  workDir: string
  /** The webhook receiver for `rollback_class="roll-back-now"` alerts (alert-relay's `/hooks/alertmanager`). */
  webhookUrl: string
  /** Bearer token sent to the webhook (written to a 0600 file, `credentials_file`). */
  webhookToken: string
  /** `group_wait` in seconds for the rollback route (default 1: the sandbox does not wait to batch). */
  groupWaitSeconds?: number
  /** `group_interval` in seconds (default 10: Alertmanager's retry window for a failing webhook). */
  groupIntervalSeconds?: number
}

export interface RunningAlertmanager {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string
  /** The configuration as written (Alertmanager 0.25 YAML). */
  configYaml: string
  close(): Promise<void>
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo
      s.close(() => resolve(port))
    })
  })
}

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
 * The sandbox's Alertmanager configuration (0.25 format, docs/configuration.md at v0.25.0): roll-back-now alerts,
 * grouped per environment and service, go to the webhook with a bearer token from a file; everything else to a
 * receiver without integrations. `send_resolved: false`: the relay acts on firing alerts only.
 */
export function alertmanagerConfig(
  options: AlertmanagerOptions & { tokenFile: string }
): string {
  return stringify({
    route: {
      receiver: 'none',
      group_by: ['alertname'],
      routes: [
        {
          receiver: 'rollback-relay',
          matchers: ['rollback_class="roll-back-now"'],
          group_by: ['environment', 'service'],
          group_wait: `${options.groupWaitSeconds ?? 1}s`,
          group_interval: `${options.groupIntervalSeconds ?? 10}s`,
          repeat_interval: '4h'
        }
      ]
    },
    receivers: [
      { name: 'none' },
      {
        name: 'rollback-relay',
        webhook_configs: [
          {
            url: options.webhookUrl,
            send_resolved: false,
            http_config: {
              authorization: {
                type: 'Bearer',
                credentials_file: options.tokenFile
              }
            }
          }
        ]
      }
    ]
  })
}

/**
 * Starts the real Alertmanager (`/usr/bin/prometheus-alertmanager`, Debian 0.25) on a free loopback port, clustering
 * off (`--cluster.listen-address=`), with {@link alertmanagerConfig}; waits for `/-/ready`. A port taken between
 * choosing and binding is retried (3 attempts).
 * @throws Error with Alertmanager's last log lines when it does not become ready within 15 s.
 */
export async function startAlertmanager(
  options: AlertmanagerOptions
): Promise<RunningAlertmanager> {
  await mkdir(join(options.workDir, 'data'), { recursive: true })
  const tokenFile = join(options.workDir, 'webhook-token')
  await writeFile(tokenFile, options.webhookToken, { mode: 0o600 })
  const configYaml = alertmanagerConfig({ ...options, tokenFile })
  const configFile = join(options.workDir, 'alertmanager.yml')
  await writeFile(configFile, configYaml)
  let lastError = ''
  for (let attempt = 1; attempt <= 3; attempt++) {
    const port = await freePort()
    const url = `http://127.0.0.1:${port}`
    const child = spawn(
      ALERTMANAGER_BIN,
      [
        `--config.file=${configFile}`,
        `--storage.path=${join(options.workDir, 'data')}`,
        `--web.listen-address=127.0.0.1:${port}`,
        '--cluster.listen-address=',
        `--web.external-url=${url}`,
        '--log.level=warn'
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] }
    )
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
      let closed = false
      return {
        url,
        configYaml,
        close: async () => {
          if (closed) return
          closed = true
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
  throw new Error(
    `Alertmanager did not become ready: ${lastError || 'no output'}`
  )
}

/** Parses a Prometheus duration (`5m`, `90s`, `1h30m`) into seconds. */
function durationSeconds(text: string): number {
  let total = 0
  for (const m of text.matchAll(/(\d+)(ms|s|m|h|d|w|y)/g)) {
    const unit = {
      ms: 0.001,
      s: 1,
      m: 60,
      h: 3600,
      d: 86400,
      w: 604800,
      y: 31536000
    }[m[2] as 'ms' | 's' | 'm' | 'h' | 'd' | 'w' | 'y']
    total += Number(m[1]) * unit
  }
  return total
}

/**
 * Reads a rules file and shortens it for the sandbox: every rule's `for:` becomes at most `forSeconds`, every group's
 * `interval:` becomes `intervalSeconds`. Thresholds and expressions stay as written, so the sandbox evaluates the
 * production rules, only sooner.
 * @returns the rewritten YAML.
 */
export async function shortenedRules(
  rulesFile: string,
  options: { forSeconds: number; intervalSeconds: number }
): Promise<string> {
  const doc = parse(await readFile(rulesFile, 'utf8')) as {
    groups: { interval?: string; rules: { for?: string }[] }[]
  }
  for (const group of doc.groups) {
    group.interval = `${options.intervalSeconds}s`
    for (const rule of group.rules) {
      if (rule.for === undefined) continue
      const seconds = Math.min(durationSeconds(rule.for), options.forSeconds)
      rule.for = `${seconds}s`
    }
  }
  return stringify(doc)
}
