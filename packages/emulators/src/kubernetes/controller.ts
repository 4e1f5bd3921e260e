/**
 * The deployment and ReplicaSet controllers of kube-controller-manager, reduced to what rollouts need and
 * cut along kubernetes/kubernetes pkg/controller/deployment: deployment/sync.ts (sync.go), rolling.ts
 * (rolling.go), recreate.ts (recreate.go), progress.ts (progress.go), history.ts (revision annotations and
 * clean-up), util.ts (util/deployment_util.go) and replicaset.ts (pkg/controller/replicaset).
 */
import {
  isRolling,
  replicaSetsOf,
  type ControllerContext
} from './deployment/util.js'
import {
  checkPausedConditions,
  isScalingEvent,
  sync
} from './deployment/sync.js'
import { rolloutRolling } from './deployment/rolling.js'
import { rolloutRecreate } from './deployment/recreate.js'
import { podsOf, syncReplicaSet } from './deployment/replicaset.js'
import type { ObjectStore } from './store.js'
import type { KubeObject } from './types.js'

export {
  ANNOTATIONS,
  controllerRef,
  equalIgnoreHash,
  maxSurgeOf,
  maxUnavailableOf,
  podTemplateHash,
  resolveFenceposts,
  scaledValue
} from './deployment/util.js'
export { isPodReady } from './deployment/replicaset.js'

/** Options of {@link Controllers}. */
export interface ControllerOptions {
  store: ObjectStore
  /** Node name pods are bound to. */
  nodeName?: string
}

/**
 * The deployment controller and the ReplicaSet controller. {@link syncAll} is idempotent and writes only
 * when something changes; the emulator calls it on every store change and on a timer.
 */
export class Controllers {
  private readonly ctx: ControllerContext

  constructor(options: ControllerOptions) {
    this.ctx = {
      store: options.store,
      nodeName: options.nodeName ?? 'sandbox-node'
    }
  }

  /** One reconcile pass over every Deployment, then every ReplicaSet. */
  syncAll(): void {
    const { store } = this.ctx
    for (const d of store.list('deployments')) {
      const fresh = store.get(
        'deployments',
        d.metadata.namespace,
        d.metadata.name
      )
      if (fresh && !fresh.metadata.deletionTimestamp) this.syncDeployment(fresh)
    }
    for (const rs of store.list('replicasets')) {
      const fresh = store.get(
        'replicasets',
        rs.metadata.namespace,
        rs.metadata.name
      )
      if (fresh) syncReplicaSet(this.ctx, fresh)
    }
  }

  /** `syncDeployment` (deployment_controller.go): paused or scaling → sync; else the strategy's rollout. */
  private syncDeployment(d: KubeObject): void {
    const ctx = this.ctx
    const rsList = replicaSetsOf(ctx, d)
    d = checkPausedConditions(ctx, d)
    if (d.spec?.paused || isScalingEvent(ctx, d, rsList)) {
      sync(ctx, d, rsList)
      return
    }
    if (isRolling(d)) rolloutRolling(ctx, d, rsList)
    else rolloutRecreate(ctx, d, rsList)
  }

  /** Pods controlled by an RS (terminating ones included). */
  podsOf(rs: KubeObject): KubeObject[] {
    return podsOf(this.ctx, rs)
  }
}
