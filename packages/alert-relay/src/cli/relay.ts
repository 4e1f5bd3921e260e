// The alert-relay process (container entrypoint): reads its configuration from the environment, serves until
// SIGTERM/SIGINT, then closes. Logs are JSON lines on stdout.
import { relayOptionsFromEnv } from '../config.js'
import { jsonLog } from '../log.js'
import { startAlertRelay } from '../server.js'

const log = jsonLog((line) => process.stdout.write(line))
try {
  const relay = await startAlertRelay(relayOptionsFromEnv(process.env, log))
  log.info('alert-relay listening', { url: relay.url })
  const stop = (signal: string) => {
    log.info('alert-relay stopping', { signal })
    void relay.close().then(() => process.exit(0))
  }
  process.once('SIGTERM', () => stop('SIGTERM'))
  process.once('SIGINT', () => stop('SIGINT'))
} catch (error) {
  log.error('alert-relay could not start', { error: (error as Error).message })
  process.exit(1)
}
