import type { V1Secret } from '@kubernetes/client-node'
import {
  ConfigurationError,
  OperationError,
  type Logger
} from '@rollback-actions/action-kit'
import { kubeError, kubeRetry, type KubeClients } from '@rollback-actions/kube'
import { SWAP } from './constants.js'

export interface KubernetesSecretTarget {
  clients: KubeClients
  namespace: string
  /** Secret name. */
  name: string
  /** Data key the apps read, e.g. `connection-string`. */
  key: string
}

/** What a Kubernetes Secret write did (keys, never values). */
export interface KubernetesSwapResult {
  /** The Secret did not exist and was created. */
  created: boolean
  /** Key holding the replaced value (`<key>.previous`), when there was one. */
  previousKey?: string
  changed: boolean
}

function statusOf(error: unknown): number | undefined {
  const e = error as { code?: number; statusCode?: number }
  return e.code ?? e.statusCode
}

async function read(
  t: KubernetesSecretTarget,
  log: Logger
): Promise<V1Secret | undefined> {
  try {
    return await kubeRetry(
      t.clients,
      log,
      `reading Secret "${t.namespace}/${t.name}"`,
      () =>
        t.clients.core.readNamespacedSecret({
          name: t.name,
          namespace: t.namespace
        })
    )
  } catch (error) {
    if (statusOf(error) === 404) return undefined
    throw kubeError(`reading Secret "${t.namespace}/${t.name}"`, error)
  }
}

const decode = (b64: string | undefined) =>
  b64 === undefined ? undefined : Buffer.from(b64, 'base64').toString('utf8')
const encode = (text: string) => Buffer.from(text, 'utf8').toString('base64')

async function write(
  t: KubernetesSecretTarget,
  existing: V1Secret | undefined,
  data: Record<string, string>,
  log: Logger,
  swapInEffect: boolean
): Promise<void> {
  const metadata = {
    ...(existing?.metadata ?? {}),
    name: t.name,
    namespace: t.namespace,
    annotations: {
      ...(existing?.metadata?.annotations ?? {}),
      [SWAP.swappedAtAnnotation]: new Date().toISOString(),
      [SWAP.swapInEffectAnnotation]: String(swapInEffect)
    }
  }
  const body: V1Secret = {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata,
    type: existing?.type ?? 'Opaque',
    data
  }
  try {
    if (existing) {
      log.debug(
        `PUT Secret "${t.namespace}/${t.name}" (resourceVersion ${existing.metadata?.resourceVersion ?? '?'})`
      )
      await t.clients.core.replaceNamespacedSecret({
        name: t.name,
        namespace: t.namespace,
        body
      })
    } else {
      log.debug(`POST Secret "${t.namespace}/${t.name}"`)
      await t.clients.core.createNamespacedSecret({
        namespace: t.namespace,
        body
      })
    }
  } catch (error) {
    throw new WriteFailure(error)
  }
}

/**
 * Sets `key` of a Secret to `value`, keeping the value it replaces under `<key>.previous` (retrievable with
 * `kubectl get secret … -o jsonpath='{.data.<key>\.previous}'`). Creates the Secret when absent. Optimistic
 * concurrency: the replace carries the read resourceVersion.
 *
 * The pre-incident value is never lost: while a swap is in effect (annotation {@link SWAP.swapInEffectAnnotation},
 * or, on Secrets written before it existed, a `<key>.previous` that differs from `key`), a second swap keeps
 * `<key>.previous` and puts the intermediate value it replaces under `<key>.swapped-out`.
 * @throws ConfigurationError/OperationError from the API (via kubeError), OperationError on a write conflict.
 */
export function swapKubernetesSecret(
  target: KubernetesSecretTarget,
  value: string,
  log: Logger
): Promise<KubernetesSwapResult> {
  return rereadAndWrite(target, log, () => swapOnce(target, value, log))
}

/**
 * Runs one read-decide-write of a Secret; a transient failure or a 409 Conflict of the write runs it all again
 * (read first: a write that landed before its answer was lost is then found done, and nothing is written twice).
 */
async function rereadAndWrite(
  target: KubernetesSecretTarget,
  log: Logger,
  once: () => Promise<KubernetesSwapResult>
): Promise<KubernetesSwapResult> {
  try {
    return await kubeRetry(
      target.clients,
      log,
      `writing Secret "${target.namespace}/${target.name}"`,
      once,
      () => Promise.resolve()
    )
  } catch (error) {
    if (error instanceof WriteFailure) throw error.wrapped(target)
    throw error
  }
}

/** A failed write, kept raw so that {@link rereadAndWrite} can retry it, and wrapped once retries are over. */
class WriteFailure extends Error {
  constructor(readonly original: unknown) {
    super('write failed', { cause: original })
  }
  get code(): number | undefined {
    return statusOf(this.original)
  }
  get headers(): unknown {
    return (this.original as { headers?: unknown }).headers
  }
  wrapped(t: KubernetesSecretTarget): Error {
    if (statusOf(this.original) === 409)
      return new OperationError(
        `Secret "${t.namespace}/${t.name}" kept changing while it was being written (HTTP 409 conflict after the retries); re-run the step`,
        { cause: this.original }
      )
    return kubeError(`writing Secret "${t.namespace}/${t.name}"`, this.original)
  }
}

async function swapOnce(
  target: KubernetesSecretTarget,
  value: string,
  log: Logger
): Promise<KubernetesSwapResult> {
  const existing = await read(target, log)
  const data = { ...(existing?.data ?? {}) }
  const current = decode(data[target.key])
  if (current === value)
    return {
      created: false,
      changed: false,
      ...(data[target.key + SWAP.previousKeySuffix]
        ? { previousKey: target.key + SWAP.previousKeySuffix }
        : {})
    }
  const previousKey = target.key + SWAP.previousKeySuffix
  if (current !== undefined) {
    log.secret(current)
    const kept = decode(data[previousKey])
    if (kept !== undefined) log.secret(kept)
    const marker =
      existing?.metadata?.annotations?.[SWAP.swapInEffectAnnotation]
    const inEffect =
      kept !== undefined &&
      kept !== current &&
      (marker === 'true' || marker === undefined)
    if (inEffect) {
      data[target.key + SWAP.swappedOutKeySuffix] = encode(current)
      log.info(
        `Secret "${target.namespace}/${target.name}": a swap is already in effect; ${previousKey} keeps the pre-incident value, the value replaced now is kept in ${target.key}${SWAP.swappedOutKeySuffix}`
      )
    } else {
      data[previousKey] = encode(current)
    }
  }
  data[target.key] = encode(value)
  await write(target, existing, data, log, true)
  return {
    created: existing === undefined,
    changed: true,
    ...(current !== undefined ? { previousKey } : {})
  }
}

/**
 * Swap-back: makes `<key>.previous` live again and keeps the value it replaces under `<key>.swapped-out`. Idempotent:
 * when `key` already holds the previous value (a re-run after the restart failed), nothing is written, so a re-run
 * never points the apps back at the restored server.
 * @throws ConfigurationError when the Secret or its `<key>.previous` is missing.
 */
export function swapBackKubernetesSecret(
  target: KubernetesSecretTarget,
  log: Logger
): Promise<KubernetesSwapResult> {
  return rereadAndWrite(target, log, () => swapBackOnce(target, log))
}

async function swapBackOnce(
  target: KubernetesSecretTarget,
  log: Logger
): Promise<KubernetesSwapResult> {
  const existing = await read(target, log)
  const previousKey = target.key + SWAP.previousKeySuffix
  const previous = decode(existing?.data?.[previousKey])
  if (!existing || previous === undefined)
    throw new ConfigurationError(
      `Secret "${target.namespace}/${target.name}" has no key "${previousKey}": nothing to swap back (was it written by secret-swap?)`
    )
  log.secret(previous)
  const current = decode(existing.data?.[target.key])
  if (current !== undefined) log.secret(current)
  if (current === previous)
    return { created: false, changed: false, previousKey }
  const data = { ...(existing.data ?? {}), [target.key]: encode(previous) }
  if (current !== undefined)
    data[target.key + SWAP.swappedOutKeySuffix] = encode(current)
  await write(target, existing, data, log, false)
  return { created: false, changed: true, previousKey }
}
