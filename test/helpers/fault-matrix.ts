import type { Fault, FaultRule } from './fault-proxy.js'

/**
 * The fault columns of the matrix (issue #10: 429, 503 burst, reset, hang past timeout, 409, terminal failure;
 * for watches also a dropped and a stalled stream).
 */
export type FaultName =
  | '429'
  | '503 burst'
  | 'reset'
  | 'hang past timeout'
  | '409'
  | 'terminal'
  | 'stream dropped'
  | 'stream stalled'

/** The proxy rules of one fault on one operation (`method` + `path`). */
export function faultRules(
  name: FaultName,
  method: string | undefined,
  path: RegExp
): FaultRule[] {
  const rule = (fault: Fault, times = 1): FaultRule => ({
    ...(method ? { method } : {}),
    path,
    fault,
    times
  })
  switch (name) {
    case '429':
      return [rule({ kind: 'status', status: 429, retryAfter: '1' })]
    case '503 burst':
      return [rule({ kind: 'status', status: 503 }, 2)]
    case 'reset':
      return [rule({ kind: 'reset' })]
    case 'hang past timeout':
      return [rule({ kind: 'hang' })]
    case '409':
      return [rule({ kind: 'status', status: 409 })]
    case 'terminal':
      return [rule({ kind: 'status', status: 503 }, Infinity)]
    case 'stream dropped':
      return [rule({ kind: 'drop-stream', afterMs: 30 }, 3)]
    case 'stream stalled':
      return [rule({ kind: 'stall-stream' })]
  }
}

/** The transient faults every operation meets, and the terminal one. */
export const COMMON_FAULTS: FaultName[] = [
  '429',
  '503 burst',
  'reset',
  'hang past timeout',
  'terminal'
]
