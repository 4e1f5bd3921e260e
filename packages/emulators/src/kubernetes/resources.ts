/**
 * The resources the emulator serves: discovery metadata, defaulting (as the API server's defaulters for
 * apps/v1 and core/v1), light validation, and the server-side Table columns kubectl prints
 * (k8s.io/kubernetes/pkg/printers/internalversion/printers.go).
 */
import { invalid } from './errors.js'
import type { KubeObject } from './types.js'
import {
  matchesLabels,
  selectorObjectRequirements,
  selectorObjectToString
} from './selectors.js'

/** One served resource. */
export interface ResourceDef {
  /** '' for core. */
  group: string
  version: 'v1'
  plural: string
  singular: string
  kind: string
  namespaced: boolean
  shortNames: string[]
  verbs: string[]
  categories: string[]
  /** Field selector paths besides metadata.name / metadata.namespace. */
  fieldSelectors: string[]
  /** Subresources listed in discovery (`status`, `log`, `scale`). */
  subresources: string[]
}

const ALL_VERBS = [
  'create',
  'delete',
  'deletecollection',
  'get',
  'list',
  'patch',
  'update',
  'watch'
]

/** The served resources by plural name. */
export const RESOURCES: Readonly<Record<string, ResourceDef>> = {
  deployments: {
    group: 'apps',
    version: 'v1',
    plural: 'deployments',
    singular: 'deployment',
    kind: 'Deployment',
    namespaced: true,
    shortNames: ['deploy'],
    verbs: ALL_VERBS,
    categories: ['all'],
    fieldSelectors: [],
    subresources: ['status', 'scale']
  },
  replicasets: {
    group: 'apps',
    version: 'v1',
    plural: 'replicasets',
    singular: 'replicaset',
    kind: 'ReplicaSet',
    namespaced: true,
    shortNames: ['rs'],
    verbs: ALL_VERBS,
    categories: ['all'],
    fieldSelectors: [],
    subresources: ['status', 'scale']
  },
  pods: {
    group: '',
    version: 'v1',
    plural: 'pods',
    singular: 'pod',
    kind: 'Pod',
    namespaced: true,
    shortNames: ['po'],
    verbs: ALL_VERBS,
    categories: ['all'],
    fieldSelectors: [
      'spec.nodeName',
      'status.phase',
      'status.podIP',
      'spec.restartPolicy'
    ],
    subresources: ['status', 'log']
  },
  events: {
    group: '',
    version: 'v1',
    plural: 'events',
    singular: 'event',
    kind: 'Event',
    namespaced: true,
    shortNames: ['ev'],
    verbs: ALL_VERBS,
    categories: [],
    fieldSelectors: [
      'involvedObject.kind',
      'involvedObject.namespace',
      'involvedObject.name',
      'involvedObject.uid',
      'involvedObject.apiVersion',
      'involvedObject.resourceVersion',
      'involvedObject.fieldPath',
      'reason',
      'reportingComponent',
      'source',
      'type'
    ],
    subresources: []
  },
  secrets: {
    group: '',
    version: 'v1',
    plural: 'secrets',
    singular: 'secret',
    kind: 'Secret',
    namespaced: true,
    shortNames: [],
    verbs: ALL_VERBS,
    categories: [],
    fieldSelectors: ['type'],
    subresources: []
  },
  namespaces: {
    group: '',
    version: 'v1',
    plural: 'namespaces',
    singular: 'namespace',
    kind: 'Namespace',
    namespaced: false,
    shortNames: ['ns'],
    verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
    categories: [],
    fieldSelectors: ['status.phase'],
    subresources: ['status']
  }
}

/** `apps/v1` or `v1`. */
export function apiVersionOf(def: ResourceDef): string {
  return def.group ? `${def.group}/${def.version}` : def.version
}

/** Resolves a resource by plural within a group ('' = core). */
export function resourceFor(
  group: string,
  plural: string
): ResourceDef | undefined {
  const def = RESOURCES[plural]
  return def && def.group === group ? def : undefined
}

// ---------------------------------------------------------------- discovery

/** GET /version: a gitVersion the kubectl dispatcher maps onto an installed build (1.27–1.33). */
export const VERSION_INFO = {
  major: '1',
  minor: '31',
  gitVersion: 'v1.31.4',
  gitCommit: 'a78aa47129b8539636eb86a9d00e31b2720fe06b',
  gitTreeState: 'clean',
  buildDate: '2024-12-10T11:36:41Z',
  goVersion: 'go1.22.9',
  compiler: 'gc',
  platform: 'linux/amd64'
}

/** GET /api/v1 or /apis/apps/v1 (meta/v1 APIResourceList). */
export function apiResourceList(group: string): Record<string, unknown> {
  const resources: unknown[] = []
  for (const def of Object.values(RESOURCES)) {
    if (def.group !== group) continue
    resources.push({
      name: def.plural,
      singularName: def.singular,
      namespaced: def.namespaced,
      kind: def.kind,
      verbs: def.verbs,
      ...(def.shortNames.length ? { shortNames: def.shortNames } : {}),
      ...(def.categories.length ? { categories: def.categories } : {}),
      storageVersionHash: Buffer.from(def.plural)
        .toString('base64')
        .slice(0, 11)
    })
    for (const sub of def.subresources) {
      if (sub === 'scale')
        resources.push({
          name: `${def.plural}/scale`,
          singularName: '',
          namespaced: true,
          group: 'autoscaling',
          version: 'v1',
          kind: 'Scale',
          verbs: ['get', 'patch', 'update']
        })
      else if (sub === 'log')
        resources.push({
          name: `${def.plural}/log`,
          singularName: '',
          namespaced: true,
          kind: 'Pod',
          verbs: ['get']
        })
      else
        resources.push({
          name: `${def.plural}/status`,
          singularName: '',
          namespaced: def.namespaced,
          kind: def.kind,
          verbs: ['get', 'patch', 'update']
        })
    }
  }
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: group ? `${group}/v1` : 'v1',
    resources
  }
}

/** GET /api (meta/v1 APIVersions). */
export function apiVersions(serverAddress: string): Record<string, unknown> {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }]
  }
}

const APPS_GROUP = {
  name: 'apps',
  versions: [{ groupVersion: 'apps/v1', version: 'v1' }],
  preferredVersion: { groupVersion: 'apps/v1', version: 'v1' }
}

/** GET /apis (meta/v1 APIGroupList). */
export function apiGroupList(): Record<string, unknown> {
  return { kind: 'APIGroupList', apiVersion: 'v1', groups: [APPS_GROUP] }
}

/** GET /apis/apps (meta/v1 APIGroup). */
export function apiGroup(): Record<string, unknown> {
  return { kind: 'APIGroup', apiVersion: 'v1', ...APPS_GROUP }
}

// ---------------------------------------------------------------- defaulting

function defaultContainer(c: Record<string, unknown>): void {
  const image = typeof c.image === 'string' ? c.image : ''
  const lastSegment = image.split('/').pop() ?? ''
  const hasDigest = image.includes('@')
  const tag = lastSegment.includes(':')
    ? lastSegment.split(':').pop()
    : undefined
  c.imagePullPolicy ??=
    !hasDigest && (tag === undefined || tag === 'latest')
      ? 'Always'
      : 'IfNotPresent'
  c.terminationMessagePath ??= '/dev/termination-log'
  c.terminationMessagePolicy ??= 'File'
  c.resources ??= {}
  if (Array.isArray(c.ports))
    for (const p of c.ports as Array<Record<string, unknown>>)
      p.protocol ??= 'TCP'
  if (Array.isArray(c.env))
    for (const e of c.env as Array<Record<string, unknown>>) {
      const from = e.valueFrom as
        Record<string, Record<string, unknown>> | undefined
      if (from?.fieldRef) from.fieldRef.apiVersion ??= 'v1'
    }
}

/** Defaults a core/v1 PodSpec in place (SetDefaults_PodSpec / SetDefaults_Container). */
export function defaultPodSpec(spec: Record<string, unknown>): void {
  spec.restartPolicy ??= 'Always'
  spec.terminationGracePeriodSeconds ??= 30
  spec.dnsPolicy ??= 'ClusterFirst'
  spec.securityContext ??= {}
  spec.schedulerName ??= 'default-scheduler'
  for (const list of ['containers', 'initContainers']) {
    const containers = spec[list]
    if (Array.isArray(containers))
      for (const c of containers as Array<Record<string, unknown>>)
        defaultContainer(c)
  }
}

function defaultTemplate(template: Record<string, unknown> | undefined): void {
  if (!template) return
  const meta = (template.metadata ??= {}) as Record<string, unknown>
  meta.creationTimestamp = null
  defaultPodSpec((template.spec ??= {}) as Record<string, unknown>)
}

function defaultPercent(value: unknown): unknown {
  return value === undefined || value === null ? '25%' : value
}

/** Applies the API server's defaults for `plural` to `object` in place. */
export function applyDefaults(plural: string, object: KubeObject): void {
  switch (plural) {
    case 'deployments': {
      const spec = (object.spec ??= {}) as Record<string, unknown>
      spec.replicas ??= 1
      const strategy = (spec.strategy ??= {}) as Record<string, unknown>
      strategy.type ??= 'RollingUpdate'
      if (strategy.type === 'RollingUpdate') {
        const ru = (strategy.rollingUpdate ??= {}) as Record<string, unknown>
        ru.maxUnavailable = defaultPercent(ru.maxUnavailable)
        ru.maxSurge = defaultPercent(ru.maxSurge)
      }
      spec.revisionHistoryLimit ??= 10
      spec.progressDeadlineSeconds ??= 600
      // Go's omitempty: zero values are not serialised, so they never count as a spec change.
      if (spec.minReadySeconds === 0) delete spec.minReadySeconds
      if (spec.paused === false) delete spec.paused
      defaultTemplate(spec.template as Record<string, unknown> | undefined)
      object.status ??= {}
      break
    }
    case 'replicasets': {
      const spec = (object.spec ??= {}) as Record<string, unknown>
      spec.replicas ??= 1
      if (spec.minReadySeconds === 0) delete spec.minReadySeconds
      defaultTemplate(spec.template as Record<string, unknown> | undefined)
      object.status ??= { replicas: 0 }
      break
    }
    case 'pods': {
      defaultPodSpec((object.spec ??= {}))
      object.status ??= { phase: 'Pending', qosClass: 'BestEffort' }
      break
    }
    case 'secrets': {
      object.type ??= 'Opaque'
      const stringData = object.stringData as Record<string, string> | undefined
      if (stringData) {
        const data = (object.data ??= {}) as Record<string, string>
        for (const [k, v] of Object.entries(stringData))
          data[k] = Buffer.from(v, 'utf8').toString('base64')
        delete object.stringData
      }
      break
    }
    case 'namespaces': {
      object.spec ??= { finalizers: ['kubernetes'] }
      object.status ??= { phase: 'Active' }
      const labels = (object.metadata.labels ??= {})
      labels['kubernetes.io/metadata.name'] = object.metadata.name
      break
    }
  }
}

// ---------------------------------------------------------------- validation

const NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/

/**
 * Validates what the emulator relies on (names, selector ↔ template labels, containers with name and image).
 * @throws ApiError 422 Invalid with `details.causes`.
 */
export function validate(def: ResourceDef, object: KubeObject): void {
  const name = object.metadata.name
  const causes: Array<{ field: string; message: string; reason?: string }> = []
  if (!name || !NAME.test(name) || name.length > 253)
    causes.push({
      field: 'metadata.name',
      message: `Invalid value: "${name ?? ''}": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character`
    })
  if (def.plural === 'deployments' || def.plural === 'replicasets') {
    const spec = object.spec
    const selector = spec?.selector
    const template = spec?.template as
      | {
          metadata?: { labels?: Record<string, string> }
          spec?: { containers?: unknown[] }
        }
      | undefined
    const requirements = selectorObjectRequirements(selector)
    if (requirements.length === 0)
      causes.push({
        field: 'spec.selector',
        message: 'Required value',
        reason: 'FieldValueRequired'
      })
    else if (!matchesLabels(requirements, template?.metadata?.labels))
      causes.push({
        field: 'spec.template.metadata.labels',
        message: `Invalid value: ${JSON.stringify(template?.metadata?.labels ?? {})}: \`selector\` does not match template \`labels\``
      })
    const replicas = spec?.replicas
    if (
      typeof replicas !== 'number' ||
      !Number.isInteger(replicas) ||
      replicas < 0
    )
      causes.push({
        field: 'spec.replicas',
        message: `Invalid value: ${JSON.stringify(replicas)}: must be greater than or equal to 0`
      })
    validateContainers(
      template?.spec?.containers,
      'spec.template.spec.containers',
      causes
    )
  }
  if (def.plural === 'pods')
    validateContainers(
      (object.spec as { containers?: unknown[] } | undefined)?.containers,
      'spec.containers',
      causes
    )
  if (def.plural === 'secrets')
    for (const key of Object.keys(object.data ?? {}))
      for (const message of configMapKeyProblems(key))
        causes.push({
          field: `data[${key}]`,
          message: `Invalid value: ${JSON.stringify(key)}: ${message}`
        })
  if (causes.length) throw invalid(def.kind, def.group, name ?? '', causes)
}

/**
 * Why `key` is not a valid Secret or ConfigMap data key (apimachinery validation IsConfigMapKey: at most 253
 * characters of `[-._a-zA-Z0-9]`, and not `.`, `..` or starting with `..`, since keys become file names).
 */
export function configMapKeyProblems(key: string): string[] {
  const problems: string[] = []
  if (key.length > 253) problems.push('must be no more than 253 characters')
  if (!/^[-._a-zA-Z0-9]+$/.test(key))
    problems.push(
      "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')"
    )
  if (key === '.') problems.push("must not be '.'")
  else if (key === '..') problems.push("must not be '..'")
  else if (key.startsWith('..')) problems.push("must not start with '..'")
  return problems
}

function validateContainers(
  containers: unknown[] | undefined,
  field: string,
  causes: Array<{ field: string; message: string; reason?: string }>
): void {
  if (!Array.isArray(containers) || containers.length === 0) {
    causes.push({
      field,
      message: 'Required value',
      reason: 'FieldValueRequired'
    })
    return
  }
  containers.forEach((c, i) => {
    const container = c as Record<string, unknown>
    if (typeof container.name !== 'string' || container.name === '')
      causes.push({
        field: `${field}[${i}].name`,
        message: 'Required value',
        reason: 'FieldValueRequired'
      })
    if (typeof container.image !== 'string' || container.image.trim() === '')
      causes.push({
        field: `${field}[${i}].image`,
        message: 'Required value',
        reason: 'FieldValueRequired'
      })
  })
}

// ---------------------------------------------------------------- tables

/**
 * Go's `duration.HumanDuration` (k8s.io/apimachinery/pkg/util/duration), as kubectl prints AGE.
 * @param ms elapsed milliseconds.
 */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000)
  if (seconds < -1) return '<invalid>'
  if (seconds < 0) return '0s'
  if (seconds < 120) return `${seconds}s`
  const minutes = Math.floor(seconds / 60)
  if (minutes < 10) {
    const s = seconds % 60
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`
  }
  if (minutes < 180) return `${minutes}m`
  const hours = Math.floor(minutes / 60)
  if (hours < 8) {
    const m = minutes % 60
    return m === 0 ? `${hours}h` : `${hours}h${m}m`
  }
  if (hours < 48) return `${hours}h`
  if (hours < 24 * 8) {
    const h = hours % 24
    return h === 0
      ? `${Math.floor(hours / 24)}d`
      : `${Math.floor(hours / 24)}d${h}h`
  }
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24)}d`
  if (hours < 24 * 365 * 8) {
    const days = Math.floor(hours / 24) % 365
    return days === 0
      ? `${Math.floor(hours / 24 / 365)}y`
      : `${Math.floor(hours / 24 / 365)}y${days}d`
  }
  return `${Math.floor(hours / 24 / 365)}y`
}

function age(timestamp: unknown, now: number): string {
  return typeof timestamp === 'string'
    ? humanDuration(now - Date.parse(timestamp))
    : '<unknown>'
}

interface Column {
  name: string
  type: 'string' | 'integer' | 'date'
  format?: string
  description: string
  priority: number
}

const col = (
  name: string,
  type: Column['type'],
  description: string,
  priority = 0,
  format = ''
): Column => ({
  name,
  type,
  format,
  description,
  priority
})

interface ContainerLike {
  name?: string
  image?: string
}

interface Table {
  columns: Column[]
  cells: (object: KubeObject, now: number) => unknown[]
}

/**
 * The table of a workload with a pod template (Deployment, ReplicaSet): Name,
 * the given count columns, Age, then the wide (-o wide) columns kubectl shows:
 * Containers, Images, Selector.
 */
function workloadTable(
  nameCol: Column,
  ageCol: Column,
  countCols: Column[],
  counts: (object: KubeObject) => unknown[]
): Table {
  return {
    columns: [
      nameCol,
      ...countCols,
      ageCol,
      col(
        'Containers',
        'string',
        'Names of each container in the template.',
        1
      ),
      col(
        'Images',
        'string',
        'Images referenced by each container in the template.',
        1
      ),
      col('Selector', 'string', 'Label selector for pods.', 1)
    ],
    cells: (o, now) => {
      const template = o.spec?.template as
        { spec?: { containers?: ContainerLike[] } } | undefined
      const containers = template?.spec?.containers ?? []
      return [
        o.metadata.name,
        ...counts(o),
        age(o.metadata.creationTimestamp, now),
        containers.map((c) => c.name ?? '').join(','),
        containers.map((c) => c.image ?? '').join(','),
        selectorObjectToString(o.spec?.selector)
      ]
    }
  }
}

/** Pod STATUS as kubectl prints it (printPod: reason, waiting/terminated reasons, Terminating). */
export function podStatusText(pod: KubeObject): string {
  const status = (pod.status ?? {}) as {
    phase?: string
    reason?: string
    containerStatuses?: Array<{
      ready?: boolean
      state?: {
        waiting?: { reason?: string }
        terminated?: { reason?: string; exitCode?: number; signal?: number }
        running?: unknown
      }
    }>
    conditions?: Array<{ type: string; status: string }>
  }
  let reason = status.reason ?? status.phase ?? 'Unknown'
  let hasRunning = false
  for (const cs of [...(status.containerStatuses ?? [])].reverse()) {
    if (cs.state?.waiting?.reason) reason = cs.state.waiting.reason
    else if (cs.state?.terminated?.reason) reason = cs.state.terminated.reason
    else if (cs.state?.terminated)
      reason = cs.state.terminated.signal
        ? `Signal:${cs.state.terminated.signal}`
        : `ExitCode:${cs.state.terminated.exitCode ?? 0}`
    else if (cs.ready && cs.state?.running) hasRunning = true
  }
  if (reason === 'Completed' && hasRunning) reason = 'Running'
  if (pod.metadata.deletionTimestamp) reason = 'Terminating'
  return reason
}

function podRestarts(pod: KubeObject, now: number): string {
  const statuses = (pod.status?.containerStatuses ?? []) as Array<{
    restartCount?: number
    lastState?: { terminated?: { finishedAt?: string } }
  }>
  let restarts = 0
  let last: number | undefined
  for (const cs of statuses) {
    restarts += cs.restartCount ?? 0
    const finished = cs.lastState?.terminated?.finishedAt
    if (finished) {
      const t = Date.parse(finished)
      if (last === undefined || t > last) last = t
    }
  }
  return last !== undefined && restarts > 0
    ? `${restarts} (${humanDuration(now - last)} ago)`
    : String(restarts)
}

/** Column definitions and a row builder per resource. */
export function tableFor(def: ResourceDef): Table {
  const nameCol = col(
    'Name',
    'string',
    'Name must be unique within a namespace.',
    0,
    'name'
  )
  const ageCol = col(
    'Age',
    'string',
    'CreationTimestamp is a timestamp representing the server time when this object was created.'
  )
  switch (def.plural) {
    case 'deployments':
      return workloadTable(
        nameCol,
        ageCol,
        [
          col('Ready', 'string', 'Number of the pod with ready state'),
          col(
            'Up-to-date',
            'integer',
            'Total number of non-terminated pods targeted by this deployment that have the desired template spec.'
          ),
          col(
            'Available',
            'integer',
            'Total number of available pods (ready for at least minReadySeconds) targeted by this deployment.'
          )
        ],
        (d) => [
          `${d.status?.readyReplicas ?? 0}/${d.spec?.replicas ?? 0}`,
          d.status?.updatedReplicas ?? 0,
          d.status?.availableReplicas ?? 0
        ]
      )
    case 'replicasets':
      return workloadTable(
        nameCol,
        ageCol,
        [
          col('Desired', 'integer', 'Number of desired pods.'),
          col('Current', 'integer', 'Number of actual replicas.'),
          col(
            'Ready',
            'integer',
            'The number of ready replicas for this replica set.'
          )
        ],
        (rs) => [
          rs.spec?.replicas ?? 0,
          rs.status?.replicas ?? 0,
          rs.status?.readyReplicas ?? 0
        ]
      )
    case 'pods':
      return {
        columns: [
          nameCol,
          col(
            'Ready',
            'string',
            'The aggregate readiness state of this pod for accepting traffic.'
          ),
          col(
            'Status',
            'string',
            'The aggregate status of the containers in this pod.'
          ),
          col(
            'Restarts',
            'string',
            'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.'
          ),
          ageCol,
          col('IP', 'string', 'IP address allocated to the pod.', 1),
          col('Node', 'string', 'Name of the node assigned to the pod.', 1),
          col(
            'Nominated Node',
            'string',
            'Name of the node nominated for the pod.',
            1
          ),
          col('Readiness Gates', 'string', 'Pod readiness gates.', 1)
        ],
        cells: (pod, now) => {
          const statuses = (pod.status?.containerStatuses ?? []) as Array<{
            ready?: boolean
          }>
          const total =
            (pod.spec?.containers as unknown[] | undefined)?.length ?? 0
          return [
            pod.metadata.name,
            `${statuses.filter((s) => s.ready).length}/${total}`,
            podStatusText(pod),
            podRestarts(pod, now),
            age(pod.metadata.creationTimestamp, now),
            pod.status?.podIP ?? '<none>',
            pod.spec?.nodeName ?? '<none>',
            '<none>',
            '<none>'
          ]
        }
      }
    case 'events':
      return {
        columns: [
          col('Last Seen', 'string', 'Time of the last occurrence.'),
          col('Type', 'string', 'Type of this event (Normal, Warning).'),
          col(
            'Reason',
            'string',
            "Short, machine understandable string that gives the reason for the transition into the object's current status."
          ),
          col('Object', 'string', 'The object that this event is about.'),
          col('Subobject', 'string', 'The subobject this event is about.', 1),
          col('Source', 'string', 'The component reporting this event.', 1),
          col(
            'Message',
            'string',
            'A human-readable description of the status of this operation.'
          ),
          col('First Seen', 'string', 'Time of the first occurrence.', 1),
          col(
            'Count',
            'string',
            'The number of times this event has occurred.',
            1
          ),
          col('Name', 'string', 'Name of the event.', 1)
        ],
        cells: (e, now) => {
          const involved = (e.involvedObject ?? {}) as {
            kind?: string
            name?: string
            fieldPath?: string
          }
          const source = (e.source ?? {}) as {
            component?: string
            host?: string
          }
          return [
            age(
              e.lastTimestamp ?? e.eventTime ?? e.metadata.creationTimestamp,
              now
            ),
            e.type ?? '',
            e.reason ?? '',
            `${(involved.kind ?? '').toLowerCase()}/${involved.name ?? ''}`,
            involved.fieldPath ?? '',
            [source.component, source.host].filter(Boolean).join(', '),
            e.message ?? '',
            age(e.firstTimestamp ?? e.metadata.creationTimestamp, now),
            String(typeof e.count === 'number' ? e.count : 1),
            e.metadata.name
          ]
        }
      }
    case 'secrets':
      return {
        columns: [
          nameCol,
          col('Type', 'string', 'The type of the secret'),
          col('Data', 'string', 'The number of entries in the secret'),
          ageCol
        ],
        cells: (s, now) => [
          s.metadata.name,
          s.type ?? 'Opaque',
          String(Object.keys(s.data ?? {}).length),
          age(s.metadata.creationTimestamp, now)
        ]
      }
    default:
      return {
        columns: [
          nameCol,
          col('Status', 'string', 'The status of the namespace'),
          ageCol
        ],
        cells: (ns, now) => [
          ns.metadata.name,
          ns.status?.phase ?? 'Active',
          age(ns.metadata.creationTimestamp, now)
        ]
      }
  }
}
