/**
 * The emulator's object store (the etcd + watch cache of kube-apiserver in one map): a single, monotonically
 * increasing resourceVersion, a bounded history of changes that watches replay from (older resourceVersions
 * get 410 Expired), and direct typed access for the controllers and for seeding.
 */
import { randomUUID, randomBytes } from 'node:crypto'
import { alreadyExists, conflict, expired, notFound } from './errors.js'
import { deepEqual } from './patch.js'
import {
  RESOURCES,
  apiVersionOf,
  applyDefaults,
  validate
} from './resources.js'
import type { ResourceDef } from './resources.js'
import type { KubeObject } from './types.js'

/** One change in the store, as kept in the watch history. */
export interface StoreChange {
  /** Store resourceVersion the change produced. */
  rv: number
  plural: string
  type: 'ADDED' | 'MODIFIED' | 'DELETED'
  /** The object after the change (for DELETED: the last state, with the deletion's resourceVersion). */
  object: KubeObject
  /** The object before the change (absent for ADDED). */
  previous?: KubeObject
}

/** Options of {@link ObjectStore}. */
export interface ObjectStoreOptions {
  /** Changes kept for watch replay (count). Default 10 000. */
  historyLimit?: number
  /** Changes kept for watch replay (age, ms). Default 5 minutes, like etcd's compaction window. */
  historyWindowMs?: number
}

/** How a watch from an expired resourceVersion is answered: HTTP 410, or 200 with one ERROR event (watch cache). */
export type ExpiredWatchStyle = 'status' | 'event'

function key(
  plural: string,
  namespace: string | undefined,
  name: string
): string {
  return `${plural}/${namespace ?? ''}/${name}`
}

/** Letters Kubernetes uses for generated names (k8s.io/apimachinery/pkg/util/rand). */
const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789'

/** A random suffix as `generateName` produces (5 characters). */
export function randomSuffix(length = 5): string {
  const bytes = randomBytes(length)
  let out = ''
  for (const b of bytes) out += ALPHANUMS[b % ALPHANUMS.length]
  return out
}

/** Options of a store write. */
export interface WriteOptions {
  /** Compute and validate, but do not store (`dryRun=All`). */
  dryRun?: boolean
  /** Fail with 409 Conflict unless the stored resourceVersion equals this. */
  expectResourceVersion?: string
  /** Create the namespace when it does not exist (seeding, controllers); the API answers 404 instead. */
  ensureNamespace?: boolean
  /**
   * `status`: a write through the status subresource (what controllers use: UpdateStatus): the stored spec is
   * kept and `generation` never moves.
   */
  subresource?: 'status'
}

/** The store. All reads and writes return copies. */
export class ObjectStore {
  private rv = 1
  private readonly objects = new Map<string, KubeObject>()
  private readonly history: StoreChange[] = []
  private compactedRv = 0
  private readonly historyLimit: number
  private readonly historyWindowMs: number
  private readonly historyTimes: number[] = []
  private readonly subscribers = new Set<(change: StoreChange) => void>()
  private readonly listeners = new Set<() => void>()
  /** How watches from expired resourceVersions are answered (switchable at run time for tests). */
  expiredWatchStyle: ExpiredWatchStyle = 'event'

  constructor(options: ObjectStoreOptions = {}) {
    this.historyLimit = options.historyLimit ?? 10_000
    this.historyWindowMs = options.historyWindowMs ?? 5 * 60_000
    for (const ns of ['default', 'kube-system', 'kube-public'])
      this.create('namespaces', {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: ns }
      })
  }

  /** The current resourceVersion (what a list returns). */
  get resourceVersion(): string {
    return String(this.rv)
  }

  /** The oldest resourceVersion a watch may still start from (older → 410 Expired). */
  get oldestWatchableResourceVersion(): number {
    return this.compactedRv
  }

  /** A copy of one object, or undefined. */
  get(
    plural: string,
    namespace: string | undefined,
    name: string
  ): KubeObject | undefined {
    const found = this.objects.get(key(plural, namespace, name))
    return found ? structuredClone(found) : undefined
  }

  /**
   * A copy of one object.
   * @throws ApiError 404 NotFound.
   */
  mustGet(
    plural: string,
    namespace: string | undefined,
    name: string
  ): KubeObject {
    const found = this.get(plural, namespace, name)
    if (!found) throw notFound(plural, this.def(plural).group, name)
    return found
  }

  /** Copies of all objects of a resource (optionally in one namespace), sorted by namespace and name. */
  list(plural: string, namespace?: string): KubeObject[] {
    const prefix =
      namespace === undefined ? `${plural}/` : `${plural}/${namespace}/`
    const out: KubeObject[] = []
    for (const [k, v] of this.objects)
      if (k.startsWith(prefix)) out.push(structuredClone(v))
    return out.sort((a, b) =>
      `${a.metadata.namespace ?? ''}/${a.metadata.name}`.localeCompare(
        `${b.metadata.namespace ?? ''}/${b.metadata.name}`
      )
    )
  }

  private def(plural: string): ResourceDef {
    const def = RESOURCES[plural]
    if (!def) throw new Error(`kubernetes emulator: unknown resource ${plural}`)
    return def
  }

  private requireNamespace(
    def: ResourceDef,
    object: KubeObject,
    options: WriteOptions
  ): void {
    if (!def.namespaced) {
      delete object.metadata.namespace
      return
    }
    const ns = (object.metadata.namespace ??= 'default')
    if (this.objects.has(key('namespaces', undefined, ns))) return
    if (!options.ensureNamespace) throw notFound('namespaces', '', ns)
    this.create('namespaces', {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: ns }
    })
  }

  /**
   * Creates an object: defaults, validates, sets uid, creationTimestamp (UTC), resourceVersion, generation.
   * `metadata.generateName` is honoured when `name` is empty.
   * @throws ApiError 409 AlreadyExists, 422 Invalid, 404 for a missing namespace (unless `ensureNamespace`).
   */
  create(
    plural: string,
    input: KubeObject,
    options: WriteOptions = {}
  ): KubeObject {
    const def = this.def(plural)
    const object = structuredClone(input)
    object.apiVersion = apiVersionOf(def)
    object.kind = def.kind
    object.metadata ??= { name: '' }
    if (!object.metadata.name && object.metadata.generateName)
      object.metadata.name = `${object.metadata.generateName}${randomSuffix()}`
    this.requireNamespace(def, object, options)
    applyDefaults(plural, object)
    validate(def, object)
    const k = key(plural, object.metadata.namespace, object.metadata.name)
    if (this.objects.has(k))
      throw alreadyExists(plural, def.group, object.metadata.name)
    object.metadata.uid = randomUUID()
    object.metadata.creationTimestamp ??= new Date()
      .toISOString()
      .replace(/\.\d+Z$/, 'Z')
    delete object.metadata.deletionTimestamp
    if (plural === 'deployments' || plural === 'replicasets')
      object.metadata.generation = 1
    if (options.dryRun) return object
    this.objects.set(k, object)
    this.publish(plural, 'ADDED', object)
    return structuredClone(object)
  }

  /**
   * Replaces an object (identity, uid and creationTimestamp kept). Bumps `metadata.generation` of workloads
   * when `spec` (Deployments: or annotations) changed, except through the status subresource; a write that changes nothing keeps the resourceVersion and sends no event.
   * @throws ApiError 404, 409 Conflict on a stale `expectResourceVersion`, 422 Invalid.
   */
  update(
    plural: string,
    input: KubeObject,
    options: WriteOptions = {}
  ): KubeObject {
    const def = this.def(plural)
    const k = key(
      plural,
      def.namespaced ? (input.metadata.namespace ?? 'default') : undefined,
      input.metadata.name
    )
    const current = this.objects.get(k)
    if (!current) throw notFound(plural, def.group, input.metadata.name)
    if (
      options.expectResourceVersion !== undefined &&
      options.expectResourceVersion !== current.metadata.resourceVersion
    )
      throw conflict(plural, def.group, input.metadata.name)
    const object = structuredClone(input)
    object.apiVersion = apiVersionOf(def)
    object.kind = def.kind
    object.metadata.namespace = current.metadata.namespace
    if (!def.namespaced) delete object.metadata.namespace
    object.metadata.uid = current.metadata.uid
    object.metadata.creationTimestamp = current.metadata.creationTimestamp
    object.metadata.resourceVersion = current.metadata.resourceVersion
    if (current.metadata.deletionTimestamp)
      object.metadata.deletionTimestamp = current.metadata.deletionTimestamp
    applyDefaults(plural, object)
    validate(def, object)
    if (options.subresource === 'status') object.spec = current.spec
    if (current.metadata.generation !== undefined) {
      object.metadata.generation = current.metadata.generation
      // pkg/registry/apps/deployment/strategy.go PrepareForUpdate: spec changes bump the generation, and for
      // Deployments so do annotation changes (they are copied to the ReplicaSets). Status writes never do.
      const annotationsCount =
        plural === 'deployments' &&
        !deepEqual(
          current.metadata.annotations ?? {},
          object.metadata.annotations ?? {}
        )
      if (
        options.subresource !== 'status' &&
        (!deepEqual(current.spec, object.spec) || annotationsCount)
      )
        object.metadata.generation += 1
    }
    if (deepEqual(current, object)) return structuredClone(current)
    if (options.dryRun) return object
    this.objects.set(k, object)
    this.publish(plural, 'MODIFIED', object, current)
    return structuredClone(object)
  }

  /**
   * Deletes an object and, in the background, its dependents (objects whose ownerReferences name its uid),
   * as the garbage collector does with the default propagation policy.
   * @returns the deleted object (with the deletion's resourceVersion).
   * @throws ApiError 404, 409 on a stale `expectResourceVersion`.
   */
  delete(
    plural: string,
    namespace: string | undefined,
    name: string,
    options: WriteOptions = {}
  ): KubeObject {
    const def = this.def(plural)
    const k = key(plural, def.namespaced ? namespace : undefined, name)
    const current = this.objects.get(k)
    if (!current) throw notFound(plural, def.group, name)
    if (
      options.expectResourceVersion !== undefined &&
      options.expectResourceVersion !== current.metadata.resourceVersion
    )
      throw conflict(plural, def.group, name)
    if (options.dryRun) return structuredClone(current)
    this.objects.delete(k)
    const gone = structuredClone(current)
    this.publish(plural, 'DELETED', gone, current)
    const uid = current.metadata.uid
    for (const [otherKey, other] of [...this.objects]) {
      if (other.metadata.ownerReferences?.some((o) => o.uid === uid)) {
        const otherPlural = otherKey.split('/')[0] ?? ''
        if (this.objects.has(otherKey))
          this.delete(
            otherPlural,
            other.metadata.namespace,
            other.metadata.name
          )
      }
    }
    if (plural === 'namespaces')
      for (const [otherKey, other] of [...this.objects])
        if (other.metadata.namespace === name && this.objects.has(otherKey))
          this.delete(otherKey.split('/')[0] ?? '', name, other.metadata.name)
    return gone
  }

  /**
   * Changes since `resourceVersion` (exclusive) of one resource, oldest first.
   * @returns `'expired'` when the history no longer reaches back that far.
   */
  changesSince(
    plural: string,
    resourceVersion: number
  ): StoreChange[] | 'expired' {
    if (resourceVersion < this.compactedRv) return 'expired'
    return this.history.filter(
      (c) => c.rv > resourceVersion && c.plural === plural
    )
  }

  /**
   * Drops history so that watches from resourceVersions older than the newest `keep` changes get 410 Expired
   * (what etcd compaction does; tests call it to provoke 410).
   */
  compact(keep = 0): void {
    while (this.history.length > keep) this.dropOldest()
    if (keep === 0) this.compactedRv = this.rv
  }

  private dropOldest(): void {
    const dropped = this.history.shift()
    this.historyTimes.shift()
    if (dropped) this.compactedRv = dropped.rv
  }

  /** Subscribes to every change (watch streams). Returns the unsubscribe function. */
  subscribe(subscriber: (change: StoreChange) => void): () => void {
    this.subscribers.add(subscriber)
    return () => this.subscribers.delete(subscriber)
  }

  /** Calls `listener` (asynchronously batched by the caller) after any change. Returns the unsubscribe function. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /**
   * Gives `object` the next resourceVersion and records the change (with a copy of `object`) for watch
   * replay, then tells subscribers and listeners.
   */
  private publish(
    plural: string,
    type: StoreChange['type'],
    object: KubeObject,
    previous?: KubeObject
  ): void {
    object.metadata.resourceVersion = String(++this.rv)
    const change: StoreChange = {
      rv: this.rv,
      plural,
      type,
      object: structuredClone(object),
      ...(previous ? { previous } : {})
    }
    const now = Date.now()
    this.history.push(change)
    this.historyTimes.push(now)
    while (
      this.history.length > this.historyLimit ||
      (this.historyTimes[0] !== undefined &&
        now - this.historyTimes[0] > this.historyWindowMs)
    )
      this.dropOldest()
    for (const s of [...this.subscribers]) s(change)
    for (const l of [...this.listeners]) l()
  }

  /** Throws 410 Expired for a continue token older than the history window. */
  checkContinue(rv: number): void {
    if (rv < this.compactedRv)
      throw expired(
        'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.'
      )
  }

  /**
   * Records a core/v1 Event about `involved` (events with the same object, type, reason and message are
   * aggregated: `count` + `lastTimestamp`, as client-go's event correlator does).
   */
  recordEvent(
    involved: KubeObject,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
    component: string,
    fieldPath?: string
  ): void {
    const namespace = involved.metadata.namespace ?? 'default'
    const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z')
    for (const existing of this.objects.values()) {
      if (
        existing.kind === 'Event' &&
        existing.metadata.namespace === namespace &&
        (existing.involvedObject as { uid?: string }).uid ===
          involved.metadata.uid &&
        existing.reason === reason &&
        existing.message === message &&
        existing.type === type
      ) {
        const updated = structuredClone(existing)
        updated.count = ((existing.count as number | undefined) ?? 1) + 1
        updated.lastTimestamp = now
        this.update('events', updated)
        return
      }
    }
    this.create(
      'events',
      {
        apiVersion: 'v1',
        kind: 'Event',
        metadata: {
          name: `${involved.metadata.name}.${Date.now().toString(16)}${randomBytes(2).toString('hex')}`,
          namespace
        },
        involvedObject: {
          kind: involved.kind,
          namespace,
          name: involved.metadata.name,
          uid: involved.metadata.uid,
          apiVersion: involved.apiVersion,
          resourceVersion: involved.metadata.resourceVersion,
          ...(fieldPath ? { fieldPath } : {})
        },
        reason,
        message,
        source: { component },
        firstTimestamp: now,
        lastTimestamp: now,
        count: 1,
        type,
        eventTime: null,
        reportingComponent: component,
        reportingInstance: ''
      },
      { ensureNamespace: true }
    )
    const events = [...this.objects.entries()].filter(([k]) =>
      k.startsWith('events/')
    )
    if (events.length > 2000) {
      const oldest = events[0]
      if (oldest)
        this.delete(
          'events',
          oldest[1].metadata.namespace,
          oldest[1].metadata.name
        )
    }
  }
}
