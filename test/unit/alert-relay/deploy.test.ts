import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { promisify } from 'node:util'
import { describe, expect, it } from '@jest/globals'
import { parseAllDocuments } from 'yaml'

// The relay's deployment files: the Alertmanager receiver example checked by the real amtool (Debian
// prometheus-alertmanager 0.25, installed by scripts/toolchain.sh), the Kubernetes manifest read as YAML.
const run = promisify(execFile)
const AMTOOL = process.env.ROLLBACK_AMTOOL_BIN ?? '/usr/bin/amtool'
const DIR = 'packages/alert-relay/deploy'

describe('alert-relay deployment files', () => {
  it('the Alertmanager receiver example passes amtool check-config', async () => {
    const r = await run(AMTOOL, ['check-config', `${DIR}/alertmanager.yml`])
    expect(r.stdout).toContain('SUCCESS')
  })

  it.each([
    ['rollback_class=roll-back-now', 'rollback-relay'],
    ['rollback_class=evaluate', 'on-call']
  ])('routes %s to %s', async (label, receiver) => {
    const r = await run(AMTOOL, [
      'config',
      'routes',
      'test',
      `--config.file=${DIR}/alertmanager.yml`,
      label,
      'service=api',
      'environment=production'
    ])
    expect(r.stdout.trim()).toBe(receiver)
  })

  it('the manifest runs the relay on its port with its secrets from files', async () => {
    const docs = parseAllDocuments(
      await readFile(`${DIR}/kubernetes.yaml`, 'utf8')
    ).map((d) => d.toJS() as Record<string, unknown>)
    expect(docs.map((d) => d.kind)).toEqual([
      'Deployment',
      'Service',
      'NetworkPolicy'
    ])
    const text = JSON.stringify(docs[0])
    for (const name of [
      'ROLLBACK_REPOSITORY',
      'GITHUB_APP_ID',
      'GITHUB_APP_INSTALLATION_ID',
      'ROLLBACK_RELAY_TOKEN_FILE',
      'GITHUB_APP_PRIVATE_KEY_FILE'
    ]) {
      expect(text).toContain(`"name":"${name}"`)
    }
    expect(text).toContain('"containerPort":8080')
    expect(text).toContain('"path":"/healthz"')
  })
})
