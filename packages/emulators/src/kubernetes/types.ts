/**
 * Shapes shared by the Kubernetes emulator: objects as JSON (loosely typed, the way the API server stores
 * them) and the container runtime interface the kubelet simulation drives.
 */

/** Any JSON value. */
export type Json =
  string | number | boolean | null | Json[] | { [key: string]: Json }

/** A JSON object. */
export type JsonObject = { [key: string]: Json }

/** `metadata.ownerReferences[]` (meta/v1 OwnerReference). */
export interface OwnerReference {
  apiVersion: string
  kind: string
  name: string
  uid: string
  controller?: boolean
  blockOwnerDeletion?: boolean
}

/** The part of meta/v1 ObjectMeta the emulator reads (objects keep every other field as sent). */
export interface ObjectMeta {
  name: string
  namespace?: string
  uid?: string
  resourceVersion?: string
  generation?: number
  creationTimestamp?: string
  deletionTimestamp?: string
  labels?: Record<string, string>
  annotations?: Record<string, string>
  ownerReferences?: OwnerReference[]
  generateName?: string
  [key: string]: unknown
}

/** meta/v1 LabelSelector. */
export interface LabelSelector {
  matchLabels?: Record<string, string>
  matchExpressions?: Array<{
    key: string
    operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'
    values?: string[]
  }>
}

/** core/v1 Container (the fields the emulator reads; others are kept as sent). */
export interface Container {
  name: string
  image: string
  env?: EnvVar[]
  envFrom?: Array<{
    prefix?: string
    secretRef?: { name: string; optional?: boolean }
  }>
  ports?: Array<{ containerPort: number; name?: string; protocol?: string }>
  [key: string]: unknown
}

/** core/v1 PodTemplateSpec. */
export interface PodTemplate {
  metadata?: {
    labels?: Record<string, string>
    annotations?: Record<string, string>
    creationTimestamp?: null
    [key: string]: unknown
  }
  spec: PodSpec
}

/** core/v1 PodSpec. */
export interface PodSpec {
  containers: Container[]
  initContainers?: Container[]
  nodeName?: string
  terminationGracePeriodSeconds?: number
  [key: string]: unknown
}

/** The union of the spec fields of the served kinds (Deployment, ReplicaSet, Pod, Namespace). */
export interface ObjectSpec extends Partial<PodSpec> {
  replicas?: number
  selector?: LabelSelector
  template?: PodTemplate
  strategy?: {
    type?: 'RollingUpdate' | 'Recreate'
    rollingUpdate?: {
      maxSurge?: number | string
      maxUnavailable?: number | string
    }
  }
  minReadySeconds?: number
  revisionHistoryLimit?: number
  progressDeadlineSeconds?: number
  paused?: boolean
  [key: string]: unknown
}

/** A Deployment/Pod condition. */
export interface Condition {
  type: string
  status: string
  reason?: string
  message?: string
  lastUpdateTime?: string
  lastTransitionTime?: string
  lastProbeTime?: string | null
}

/** core/v1 ContainerState terminated. */
export interface TerminatedState {
  exitCode: number
  reason: string
  message?: string
  startedAt: string
  finishedAt: string
  containerID: string
}

/** core/v1 ContainerStatus. */
export interface ContainerStatus {
  name: string
  state: {
    running?: { startedAt?: string }
    waiting?: { reason: string; message?: string }
    terminated?: TerminatedState
  }
  lastState: { terminated?: TerminatedState }
  ready: boolean
  started: boolean
  restartCount: number
  image: string
  imageID: string
  containerID?: string
}

/** The union of the status fields of the served kinds. */
export interface ObjectStatus {
  replicas?: number
  updatedReplicas?: number
  readyReplicas?: number
  availableReplicas?: number
  unavailableReplicas?: number
  fullyLabeledReplicas?: number
  observedGeneration?: number
  collisionCount?: number
  conditions?: Condition[]
  phase?: string
  reason?: string
  podIP?: string
  containerStatuses?: ContainerStatus[]
  [key: string]: unknown
}

/** A stored API object (apps/v1 Deployment, core/v1 Pod, …) as JSON with typed metadata, spec and status. */
export interface KubeObject {
  apiVersion: string
  kind: string
  metadata: ObjectMeta
  spec?: ObjectSpec
  status?: ObjectStatus
  [key: string]: unknown
}

/**
 * core/v1 EnvVar (`value`, or `valueFrom.secretKeyRef` / `valueFrom.fieldRef`). For seeding, the scenario's
 * flat form `{ name, secretKeyRef: { name, key }, optional }` is accepted too.
 */
export interface EnvVar {
  name: string
  value?: string
  valueFrom?: {
    secretKeyRef?: { name: string; key: string; optional?: boolean }
    fieldRef?: { fieldPath: string; apiVersion?: string }
  }
  secretKeyRef?: { name: string; key: string }
  optional?: boolean
}

/** What the kubelet asks a runtime to start: one container of one pod. */
export interface ContainerStartSpec {
  namespace: string
  pod: string
  container: string
  /** The image reference from the pod spec. */
  image: string
  /** The digest `pull` resolved (`sha256:…`). */
  digest: string
  /** Environment, already resolved (literal values and base64-decoded Secret keys). */
  env: Record<string, string>
}

/** A running container, as the runtime reports it. */
export interface ContainerHandle {
  /** Where this container serves, e.g. `http://127.0.0.1:41234`; absent when it serves nothing. */
  endpoint?: string
  /** Readiness probe; asked once the pod start latency has passed, then on every kubelet tick. */
  ready(): Promise<boolean>
  /** Set once the process ended (→ restartCount++, CrashLoopBackOff with back-off). */
  exited(): { code: number; reason: string } | undefined
  /** Container log lines so far (served by `GET pods/{name}/log`). */
  logs(): string[]
  /** Stops the container (pod deleted or restarted). Must be idempotent. */
  stop(): Promise<void>
}

/** The container runtime the kubelet simulation uses (the sandbox runs real processes; tests use {@link fakeRuntime}). */
export interface ContainerRuntime {
  /** Image pull: resolve the image reference; unknown image → `{ error: 'manifest unknown …' }` (→ ErrImagePull/ImagePullBackOff). */
  pull(image: string): Promise<{ digest: string } | { error: string }>
  /** Start a container; env already resolved (value / secretKeyRef from core/v1 Secrets, base64-decoded). */
  start(spec: ContainerStartSpec): Promise<ContainerHandle>
}

/** A watch event as sent on the wire. */
export interface WatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR'
  object: unknown
}
