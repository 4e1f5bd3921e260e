// npm run sandbox -- --out DIR [--scenario FILE]
// Starts every emulator in the foreground, writes DIR/kubeconfig and DIR/sandbox.env, prints "sandbox ready".
// SIGINT / SIGTERM stop everything.
import { parseArgs } from 'node:util'
import { startSandbox } from '../sandbox.js'
import { loadScenario } from '../scenario.js'

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: './sandbox-output' },
    scenario: { type: 'string' }
  }
})

const sandbox = await startSandbox({
  outDir: values.out,
  ...(values.scenario ? { scenario: loadScenario(values.scenario) } : {}),
  onLine: (line) => console.log(line)
})
console.log(`kubeconfig ${sandbox.kubeconfigPath}`)
console.log(`env        ${sandbox.envFilePath}`)
console.log(
  `try: set -a; . ${sandbox.envFilePath}; set +a; kubectl get deploy -n prod`
)
console.log('sandbox ready')

let stopping = false
const shutdown = (signal: string) => {
  if (stopping) return
  stopping = true
  console.log(`${signal}: stopping the sandbox`)
  sandbox.stop().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error)
      process.exit(1)
    }
  )
}
process.on('SIGINT', () => shutdown('SIGINT'))
process.on('SIGTERM', () => shutdown('SIGTERM'))
