// Fault matrix (issue #10), Azure Resource Manager: pitr-restore's planning calls (GET source, GET target,
// checkNameAvailability) × {429, 503 burst, reset, hang past timeout, terminal failure}, through the SDK's own retry
// policy with the kit's numbers and a per-try timeout. Dry runs: the plan is what these calls decide.
import { describe, expect, it } from '@jest/globals'
import { COMMON_FAULTS, faultRules } from '../../helpers/fault-matrix.js'
import { pitrBehindProxyForFile } from '../../helpers/pitr.js'

const { sb, proxy, sourceWrites, restoreViaProxy } = pitrBehindProxyForFile()

const OPERATIONS = [
  {
    op: 'read the source server',
    method: 'GET',
    path: /\/flexibleServers\/prod-db\?/,
    terminal:
      /reading source server "prod-db" failed on Azure Resource Manager \(HTTP 503.*re-run the step/
  },
  {
    op: 'read the target server',
    method: 'GET',
    path: /\/flexibleServers\/plan-\d+\?/,
    terminal:
      /reading target server "plan-\d+" failed on Azure Resource Manager \(HTTP 503.*re-run the step/
  },
  {
    op: 'check the target name',
    method: 'POST',
    path: /checkNameAvailability/,
    terminal:
      /checking the name "plan-\d+" failed on Azure Resource Manager \(HTTP 503.*re-run the step/
  }
]
const cells = OPERATIONS.flatMap((o) =>
  COMMON_FAULTS.map((fault) => [o.op, fault, o] as const)
)

let seq = 0

describe('fault matrix: pitr-restore × Azure Resource Manager', () => {
  it.each(cells)('%s × %s', async (_op, fault, o) => {
    const target = `plan-${++seq}`
    const plan = () =>
      restoreViaProxy({
        'restore-point': new Date(Date.now() - 500).toISOString(),
        'target-server': target,
        'dry-run': 'true'
      })
    const hits = proxy().hits.length
    for (const rule of faultRules(fault, o.method, o.path)) proxy().inject(rule)
    let first
    try {
      first = await plan()
    } finally {
      proxy().clear()
    }
    expect(
      proxy()
        .since(hits)
        .some((h) => h.action !== 'forward')
    ).toBe(true)
    expect(first.ctx.failure ?? '').toMatch(
      fault === 'terminal'
        ? new RegExp(`^pitr-restore: ${o.terminal.source}`)
        : /^$/
    )
    // Planning never writes: no PUT for the target, nothing for the source.
    expect(
      sb()
        .log.writes('arm', first.mark)
        .filter((e) => e.method !== 'POST')
    ).toEqual([])
    expect(sourceWrites(first.mark)).toHaveLength(0)
    const again = await plan()
    expect(again.ctx.failure).toBeUndefined()
    expect(again.ctx.outputs['server-name']).toBe(target)
  })
})
