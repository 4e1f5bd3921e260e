import {
  ConfigurationError,
  OperationError,
  UserError,
  parseImageReference,
  type ImageReference,
  type Logger
} from '@rollback-actions/action-kit'
import type { KubeClients } from './clients.js'
import {
  applyImagePlan,
  planImage,
  readDeployment,
  type ImagePlan
} from './set-image.js'
import { waitForRollout, type RolloutResult } from './wait.js'

/** Registry plan of one deployment: the image plan plus the registries checked. */
export interface RollBackPlan extends ImagePlan {
  /** Registry of the target image (`docker.io` when the reference names none). */
  registry: string
  /** Registries the target had to be in. */
  allowedRegistries: string[]
}

export interface RollBackOptions {
  clients: KubeClients
  namespace: string
  /** Deployment names (duplicates are ignored); all are validated before any is patched. */
  deployments: string[]
  /** Container to change in every deployment; omitted or empty: each deployment's only container. */
  container?: string | undefined
  /** Target image (reference text or parsed). */
  image: string | ImageReference
  /**
   * Registries (`host[:port]`) the target image may come from; empty or omitted: only the registry each
   * deployment runs its container from now.
   */
  allowedRegistries?: string[] | undefined
  /** Longest wait per deployment for its rollout, in seconds. */
  timeoutSeconds: number
  /** Validate and plan only: no PATCH, no wait. */
  dryRun: boolean
  /** `kubernetes.io/change-cause` text, fixed or built per deployment from the plan (from → to). */
  changeCause: string | ((plan: RollBackPlan) => string)
  log: Logger
  signal?: AbortSignal
  /** Server-side timeout of each watch request in seconds (default 300); see `waitForRollout`. */
  watchTimeoutSeconds?: number
  /**
   * Wraps the patch-and-wait of each deployment (e.g. in an audit step). `run` throws when that deployment
   * fails; the wrapper must return (or rethrow) what it returns.
   */
  step?: (
    plan: RollBackPlan,
    run: () => Promise<RolloutResult>
  ) => Promise<RolloutResult>
}

/** Outcome of one deployment. */
export type RollBackOutcome = 'succeeded' | 'unchanged' | 'failed' | 'dry-run'

export interface RollBackResult {
  namespace: string
  deployment: string
  container: string
  /** Container image before the step. */
  previousImage: string
  /** Target image. */
  image: string
  /** `succeeded` (patched and rolled out), `unchanged` (already on the image, rolled out), `failed`, `dry-run`. */
  outcome: RollBackOutcome
  /** Deployment revision after the rollout; undefined on dry runs and failures. */
  revision?: number
  /** Seconds from the PATCH to the end of the wait (0.1 s precision); undefined on dry runs. */
  durationSeconds?: number
  /** UTC start/end of this deployment's patch-and-wait. */
  startedAt: Date
  finishedAt: Date
  /** The failure (OperationError/ConfigurationError) when `outcome` is `failed`. */
  error?: Error
}

const DOCKER_HUB = 'docker.io'

/** Lower-cased `host[:port]`; scheme and trailing slash dropped; Docker Hub aliases folded to `docker.io`. */
export function normalizeRegistry(registry: string): string {
  const host = registry
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/\/+$/, '')
  return host === 'index.docker.io' || host === 'registry-1.docker.io'
    ? DOCKER_HUB
    : host
}

function registryOf(ref: ImageReference): string {
  return normalizeRegistry(ref.registry ?? DOCKER_HUB)
}

/**
 * Reads and validates every deployment (exists, container, not paused, target registry allowed) without writing.
 * All problems are collected and reported together.
 *
 * @throws ConfigurationError listing every deployment that cannot be rolled back and why (nothing was written);
 *   OperationError when the API cannot be read.
 */
export async function planRollBack(
  options: Pick<
    RollBackOptions,
    | 'clients'
    | 'namespace'
    | 'deployments'
    | 'container'
    | 'image'
    | 'allowedRegistries'
  > & { log?: Logger }
): Promise<RollBackPlan[]> {
  const { clients, namespace } = options
  let target: ImageReference
  try {
    target =
      typeof options.image === 'string'
        ? parseImageReference(options.image)
        : options.image
  } catch (error) {
    throw new ConfigurationError(
      `image "${typeof options.image === 'string' ? options.image : options.image.reference}" is not a valid image reference: ${(error as Error).message}`
    )
  }
  const names = [...new Set(options.deployments)]
  if (names.length === 0) {
    throw new ConfigurationError('no deployment to roll back was given')
  }
  const explicit = (options.allowedRegistries ?? [])
    .map(normalizeRegistry)
    .filter((r) => r !== '')
  const registry = registryOf(target)

  const settled = await Promise.allSettled(
    names.map(async (name): Promise<RollBackPlan> => {
      const deployment = await readDeployment(
        clients,
        namespace,
        name,
        options.log
      )
      const plan = planImage(deployment, target.reference, options.container)
      let allowed = explicit
      if (allowed.length === 0) {
        let current: ImageReference
        try {
          current = parseImageReference(plan.previousImage)
        } catch (error) {
          throw new ConfigurationError(
            `deployment "${namespace}/${name}" container "${plan.container}" runs "${plan.previousImage}", whose registry cannot be read (${(error as Error).message}); set allowed-registries explicitly.`
          )
        }
        allowed = [registryOf(current)]
      }
      if (!allowed.includes(registry)) {
        throw new ConfigurationError(
          `deployment "${namespace}/${name}": image ${target.reference} comes from registry ${registry}, which is not allowed (allowed: ${allowed.join(', ')}). Use an image from an allowed registry or add ${registry} to allowed-registries.`
        )
      }
      return {
        ...plan,
        namespace,
        name,
        registry,
        allowedRegistries: allowed
      }
    })
  )
  const problems = settled.flatMap((s) =>
    s.status === 'rejected' ? [s.reason as unknown] : []
  )
  if (problems.length > 0) {
    const messages = problems.map((p) =>
      p instanceof Error ? p.message : String(p)
    )
    const text =
      problems.length === 1
        ? `${messages[0]} Nothing was changed.`
        : `${problems.length} of ${names.length} deployments cannot be rolled back; nothing was changed:\n${messages.map((m) => `- ${m}`).join('\n')}`
    const allUser = problems.every((p) => p instanceof UserError)
    throw allUser
      ? new ConfigurationError(text, { cause: problems[0] })
      : new OperationError(text, { cause: problems[0] })
  }
  return settled.map((s) => (s as PromiseFulfilledResult<RollBackPlan>).value)
}

/**
 * Rolls one or more Deployments of a namespace to `image` — `kubectl set image` + `kubectl rollout status` for
 * each, in parallel:
 *
 * 1. {@link planRollBack}: every deployment is read and validated first; any problem throws before any write.
 * 2. {@link executeRollBack} unless `dryRun`: for each deployment in parallel (`Promise.allSettled`: one failure
 *    hides none of the others), one strategic-merge PATCH (skipped when it already runs `image`), then
 *    `waitForRollout` for the generation that PATCH produced, still on `image` (another writer's image change
 *    fails it as "superseded by another change").
 *
 * @returns one result per deployment, in input order; failures are results with `outcome: 'failed'` (see
 *   {@link rollBackFailure}), not thrown.
 * @throws ConfigurationError/OperationError from validation only (nothing written).
 */
export async function rollBack(
  options: RollBackOptions
): Promise<RollBackResult[]> {
  const plans = await planRollBack(options)
  return executeRollBack(plans, options)
}

/**
 * Step 2 of {@link rollBack} for plans from {@link planRollBack}: on a dry run only logs and returns
 * `dry-run` results; otherwise patches and waits for every deployment in parallel.
 *
 * @returns one result per plan, in order; never throws for a deployment's failure.
 */
export async function executeRollBack(
  plans: readonly RollBackPlan[],
  options: Omit<
    RollBackOptions,
    'deployments' | 'container' | 'image' | 'allowedRegistries' | 'namespace'
  >
): Promise<RollBackResult[]> {
  const { clients, log } = options
  if (options.dryRun) {
    const now = new Date()
    for (const plan of plans) {
      log.info(
        `dry run: ${plan.namespace}/${plan.name} container ${plan.container}: ${plan.previousImage} -> ${plan.image}${plan.changed ? '' : ' (already on it)'}`
      )
    }
    return plans.map((plan) => ({
      namespace: plan.namespace,
      deployment: plan.name,
      container: plan.container,
      previousImage: plan.previousImage,
      image: plan.image,
      outcome: 'dry-run',
      startedAt: now,
      finishedAt: now
    }))
  }

  const run = async (plan: RollBackPlan): Promise<RollBackResult> => {
    const startedAt = new Date()
    const base = {
      namespace: plan.namespace,
      deployment: plan.name,
      container: plan.container,
      previousImage: plan.previousImage,
      image: plan.image,
      startedAt
    }
    const execute = async () => {
      const changeCause =
        typeof options.changeCause === 'function'
          ? options.changeCause(plan)
          : options.changeCause
      let generation = 0
      if (plan.changed) {
        generation =
          (await applyImagePlan(clients, plan, changeCause, log)) ?? 0
        log.info(
          `${plan.namespace}/${plan.name}: container ${plan.container} set from ${plan.previousImage} to ${plan.image}; waiting for the rollout`
        )
      } else {
        log.info(
          `${plan.namespace}/${plan.name}: container ${plan.container} already runs ${plan.image}; no change, checking the rollout`
        )
      }
      return waitForRollout({
        clients,
        namespace: plan.namespace,
        name: plan.name,
        timeoutSeconds: options.timeoutSeconds,
        log,
        expect: { generation, container: plan.container, image: plan.image },
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.watchTimeoutSeconds
          ? { watchTimeoutSeconds: options.watchTimeoutSeconds }
          : {})
      })
    }
    try {
      const result = await (options.step
        ? options.step(plan, execute)
        : execute())
      const finishedAt = new Date()
      return {
        ...base,
        outcome: plan.changed ? 'succeeded' : 'unchanged',
        revision: result.revision,
        durationSeconds:
          Math.round((finishedAt.getTime() - startedAt.getTime()) / 100) / 10,
        finishedAt
      }
    } catch (error) {
      const finishedAt = new Date()
      return {
        ...base,
        outcome: 'failed',
        durationSeconds:
          Math.round((finishedAt.getTime() - startedAt.getTime()) / 100) / 10,
        finishedAt,
        error:
          error instanceof Error
            ? error
            : new OperationError(`${plan.name}: ${String(error)}`)
      }
    }
  }

  const settled = await Promise.allSettled(plans.map(run))
  return settled.map((s, i) => {
    if (s.status === 'fulfilled') return s.value
    const plan = plans[i] as RollBackPlan
    const now = new Date()
    return {
      namespace: plan.namespace,
      deployment: plan.name,
      container: plan.container,
      previousImage: plan.previousImage,
      image: plan.image,
      outcome: 'failed',
      startedAt: now,
      finishedAt: now,
      error:
        s.reason instanceof Error
          ? s.reason
          : new OperationError(String(s.reason))
    }
  })
}

/**
 * One error for the failed results of {@link rollBack}, or `undefined` when none failed. A single failure is
 * returned as is; several become an OperationError listing each (ConfigurationError when all are).
 */
export function rollBackFailure(
  results: readonly RollBackResult[]
): Error | undefined {
  const failed = results.filter((r) => r.outcome === 'failed')
  if (failed.length === 0) return undefined
  if (failed.length === 1) return failed[0]?.error
  const text = `${failed.length} of ${results.length} deployments did not roll out:\n${failed
    .map((r) => `- ${r.error?.message ?? r.deployment}`)
    .join('\n')}`
  return failed.every((r) => r.error instanceof UserError)
    ? new ConfigurationError(text)
    : new OperationError(text)
}
