/**
 * Writes: POST (create), PUT (update), PATCH in the four content types, DELETE of one object or a
 * collection, and the scale and status subresources — following
 * https://kubernetes.io/docs/reference/using-api/api-concepts/ and
 * https://kubernetes.io/docs/tasks/manage-kubernetes-objects/update-api-object-kubectl-patch/.
 */
import type http from 'node:http'
import { parse as parseYaml } from 'yaml'
import { readBody, sendJson } from '../../http/server.js'
import { badRequest, conflict, invalid, notFound } from '../errors.js'
import {
  applyJsonPatch,
  jsonMergePatch,
  strategicMergePatch
} from '../patch.js'
import { apiVersionOf } from '../resources.js'
import type { KubeObject } from '../types.js'
import { scaleOf } from './read.js'
import {
  PATCH_TYPES,
  asObject,
  contentType,
  dryRun,
  filters,
  methodNotAllowed,
  parseJson,
  readObject,
  statusSuccess,
  stripTypeMeta,
  unsupportedMediaType,
  type ApiContext,
  type Handler,
  type Route
} from './common.js'

/** POST: creates an object (server-set fields dropped; 409 AlreadyExists; `dryRun=All` honoured). */
export const create: Handler = async (ctx, req, res, r, query) => {
  const object = await readObject(req, 'create')
  if (r.def.namespaced) {
    if (
      object.metadata.namespace &&
      r.namespace &&
      object.metadata.namespace !== r.namespace
    )
      throw badRequest(
        'the namespace of the provided object does not match the namespace sent on the request'
      )
    object.metadata.namespace = r.namespace ?? object.metadata.namespace
    if (r.namespace === undefined) throw methodNotAllowed()
  }
  delete object.metadata.resourceVersion
  delete object.metadata.uid
  delete object.metadata.creationTimestamp
  if (r.def.plural === 'deployments' || r.def.plural === 'replicasets')
    object.status = {}
  const created = ctx.store.create(r.def.plural, object, {
    dryRun: dryRun(query)
  })
  sendJson(res, 201, created)
}

function merge(r: Route, current: KubeObject, next: KubeObject): KubeObject {
  if (r.subresource === 'status') {
    const out = structuredClone(current)
    out.status = next.status
    if (next.metadata.resourceVersion)
      out.metadata.resourceVersion = next.metadata.resourceVersion
    return out
  }
  if (current.status !== undefined && r.def.plural !== 'secrets')
    next.status = current.status
  next.metadata.uid = current.metadata.uid
  return next
}

/**
 * PUT: replaces an object (status kept on the main resource; only status on /status); without
 * `metadata.resourceVersion` the update is unconditional, as for every resource the emulator serves.
 * @throws ApiError 409 Conflict on a stale resourceVersion, 422 Invalid for a bad object.
 */
export const update: Handler = async (ctx, req, res, r, query) => {
  const object = await readObject(req, 'update')
  const name = r.name ?? ''
  if (object.metadata.name && object.metadata.name !== name)
    throw badRequest(
      `the name of the object (${object.metadata.name}) does not match the name on the URL (${name})`
    )
  object.metadata.name = name
  const current = ctx.store.mustGet(r.def.plural, r.namespace, name)
  // Every served resource allows an unconditional update (its strategy's AllowUnconditionalUpdate is true):
  // without a resourceVersion the PUT replaces whatever is stored; with one it must match (409 otherwise).
  const rv = object.metadata.resourceVersion || undefined
  object.metadata.namespace = current.metadata.namespace
  const next = merge(r, current, object)
  const updated = ctx.store.update(r.def.plural, next, {
    dryRun: dryRun(query),
    ...(rv ? { expectResourceVersion: rv } : {}),
    ...(r.subresource === 'status' ? { subresource: 'status' as const } : {})
  })
  sendJson(res, 200, updated)
}

/**
 * PATCH as JSON patch (RFC 6902), merge patch (RFC 7386), strategic merge patch or server-side apply
 * (`fieldManager` required; creates a missing object).
 * @throws ApiError 415 for another content type, 404 for a missing object (except apply).
 */
export const patch: Handler = async (ctx, req, res, r, query) => {
  const type = contentType(req)
  if (!PATCH_TYPES.includes(type)) {
    await readBody(req)
    throw unsupportedMediaType()
  }
  const body = await readBody(req)
  const name = r.name ?? ''
  let current = ctx.store.get(r.def.plural, r.namespace, name)
  if (type === 'application/apply-patch+yaml') {
    if (!query.get('fieldManager'))
      throw invalid('PatchOptions', 'meta.k8s.io', '', [
        {
          field: 'fieldManager',
          message: 'Required value: is required for apply patch',
          reason: 'FieldValueRequired'
        }
      ])
    let intent: unknown
    try {
      intent = parseYaml(body.toString('utf8'))
    } catch (error) {
      throw badRequest(
        `error decoding YAML: ${error instanceof Error ? error.message : String(error)}`
      )
    }
    const object = asObject(intent, 'apply')
    if (!current) {
      object.metadata.name = name
      if (r.def.namespaced) object.metadata.namespace = r.namespace
      return sendJson(
        res,
        201,
        ctx.store.create(r.def.plural, object, { dryRun: dryRun(query) })
      )
    }
    return finishPatch(
      ctx,
      res,
      r,
      query,
      current,
      strategicMergePatch(current, object)
    )
  }
  if (!current) throw notFound(r.def.plural, r.def.group, name)
  const parsed = parseJson(body)
  let patched: unknown
  if (type === 'application/json-patch+json')
    patched = applyJsonPatch(current, parsed)
  else if (type === 'application/merge-patch+json') {
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
      throw badRequest(
        'json: cannot unmarshal array into Go value of type map[string]interface {}'
      )
    patched = jsonMergePatch(current, parsed)
  } else {
    if (Array.isArray(parsed))
      throw badRequest(
        'json: cannot unmarshal array into Go value of type map[string]interface {}'
      )
    patched = strategicMergePatch(current, parsed)
  }
  current = structuredClone(current)
  return finishPatch(ctx, res, r, query, current, patched)
}

function finishPatch(
  ctx: ApiContext,
  res: http.ServerResponse,
  r: Route,
  query: URLSearchParams,
  current: KubeObject,
  patched: unknown
): void {
  const next = asObject(patched, 'patch')
  const name = current.metadata.name
  if (next.metadata.name !== name)
    throw badRequest(
      `the name of the object (${String(next.metadata.name)}) does not match the name on the URL (${name})`
    )
  const rv = next.metadata.resourceVersion
  if (rv !== undefined && rv !== current.metadata.resourceVersion)
    throw conflict(r.def.plural, r.def.group, name)
  next.metadata.namespace = current.metadata.namespace
  const merged = merge(r, current, next)
  const updated = ctx.store.update(r.def.plural, merged, {
    dryRun: dryRun(query),
    ...(r.subresource === 'status' ? { subresource: 'status' as const } : {})
  })
  sendJson(res, 200, updated)
}

async function deleteOptions(req: http.IncomingMessage): Promise<{
  preconditions?: { resourceVersion?: string; uid?: string }
  gracePeriodSeconds?: number
}> {
  const body = await readBody(req)
  if (body.length === 0) return {}
  const parsed = parseJson(body)
  return parsed !== null && typeof parsed === 'object' ? parsed : {}
}

/**
 * DELETE of one object with `preconditions` and `gracePeriodSeconds`: pods get a `deletionTimestamp`
 * (the kubelet finishes them); other objects go at once (owned objects by the garbage collector).
 */
export const remove: Handler = async (ctx, req, res, r, query) => {
  const opts = await deleteOptions(req)
  const name = r.name ?? ''
  const current = ctx.store.mustGet(r.def.plural, r.namespace, name)
  if (
    opts.preconditions?.uid &&
    opts.preconditions.uid !== current.metadata.uid
  )
    throw conflict(r.def.plural, r.def.group, name)
  const expectResourceVersion = opts.preconditions?.resourceVersion
  const grace = Number(
    query.get('gracePeriodSeconds') ?? opts.gracePeriodSeconds ?? NaN
  )
  if (r.def.plural === 'pods' && grace !== 0 && !dryRun(query)) {
    if (
      expectResourceVersion &&
      expectResourceVersion !== current.metadata.resourceVersion
    )
      throw conflict(r.def.plural, r.def.group, name)
    if (!current.metadata.deletionTimestamp) {
      current.metadata.deletionTimestamp = new Date()
        .toISOString()
        .replace(/\.\d+Z$/, 'Z')
      current.metadata.deletionGracePeriodSeconds = Number.isFinite(grace)
        ? grace
        : 30
      return sendJson(res, 200, ctx.store.update('pods', current))
    }
    return sendJson(res, 200, current)
  }
  const gone = ctx.store.delete(r.def.plural, r.namespace, name, {
    dryRun: dryRun(query),
    expectResourceVersion
  })
  if (r.def.plural === 'pods') return sendJson(res, 200, gone)
  sendJson(res, 200, statusSuccess(r.def, gone))
}

/** DELETE of a collection: every object matching the selectors (pods are marked terminating). */
export const deleteCollection: Handler = async (ctx, req, res, r, query) => {
  await deleteOptions(req)
  const match = filters(r, query)
  const items = ctx.store.list(r.def.plural, r.namespace).filter(match)
  if (!dryRun(query))
    for (const o of items)
      if (ctx.store.get(r.def.plural, o.metadata.namespace, o.metadata.name)) {
        if (r.def.plural === 'pods') {
          o.metadata.deletionTimestamp = new Date()
            .toISOString()
            .replace(/\.\d+Z$/, 'Z')
          ctx.store.update('pods', o)
        } else
          ctx.store.delete(r.def.plural, o.metadata.namespace, o.metadata.name)
      }
  sendJson(res, 200, {
    kind: `${r.def.kind}List`,
    apiVersion: apiVersionOf(r.def),
    metadata: { resourceVersion: ctx.store.resourceVersion },
    items: items.map(stripTypeMeta)
  })
}

/**
 * GET, PUT or PATCH of the scale subresource (autoscaling/v1 Scale); writes set `spec.replicas`.
 * @throws ApiError 422 for a negative or non-integer replica count, 409 for a stale PUT.
 */
export async function scale(
  ctx: ApiContext,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  r: Route,
  query: URLSearchParams,
  method: string
): Promise<void> {
  const current = ctx.store.mustGet(r.def.plural, r.namespace, r.name ?? '')
  if (method === 'GET') return sendJson(res, 200, scaleOf(current))
  let next: Record<string, unknown>
  if (method === 'PUT') next = await readObject(req, 'scale')
  else if (method === 'PATCH') {
    const type = contentType(req)
    if (
      !PATCH_TYPES.includes(type) ||
      type === 'application/apply-patch+yaml'
    ) {
      await readBody(req)
      throw unsupportedMediaType()
    }
    const parsed = parseJson(await readBody(req))
    const base = scaleOf(current)
    next = (
      type === 'application/json-patch+json'
        ? applyJsonPatch(base, parsed)
        : type === 'application/merge-patch+json'
          ? jsonMergePatch(base, parsed)
          : strategicMergePatch(base, parsed)
    ) as Record<string, unknown>
  } else throw methodNotAllowed()
  const replicas = (next.spec as { replicas?: unknown } | undefined)?.replicas
  if (
    typeof replicas !== 'number' ||
    !Number.isInteger(replicas) ||
    replicas < 0
  )
    throw invalid('Scale', 'autoscaling', current.metadata.name, [
      {
        field: 'spec.replicas',
        message: `Invalid value: ${JSON.stringify(replicas)}: must be greater than or equal to 0`
      }
    ])
  const rv = (next.metadata as { resourceVersion?: string } | undefined)
    ?.resourceVersion
  if (method === 'PUT' && rv && rv !== current.metadata.resourceVersion)
    throw conflict(r.def.plural, r.def.group, current.metadata.name)
  current.spec = { ...current.spec, replicas }
  const updated = ctx.store.update(r.def.plural, current, {
    dryRun: dryRun(query)
  })
  sendJson(res, 200, scaleOf(updated))
}
