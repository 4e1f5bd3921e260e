/**
 * Watch: a chunked stream of newline-delimited watch events (ADDED, MODIFIED, DELETED, BOOKMARK, ERROR),
 * replayed from `resourceVersion`, with `sendInitialEvents`, bookmarks and `timeoutSeconds` — following
 * https://kubernetes.io/docs/reference/using-api/api-concepts/#efficient-detection-of-changes.
 */
import { badRequest, expired } from '../errors.js'
import { apiVersionOf } from '../resources.js'
import type { StoreChange } from '../store.js'
import type { KubeObject } from '../types.js'
import {
  filters,
  toTable,
  validateListOptions,
  wantsTable,
  type Handler
} from './common.js'

/**
 * A watch stream: headers flushed at once; events newer than `resourceVersion` replayed (or the current
 * objects as ADDED for `resourceVersion` empty or 0, or with `sendInitialEvents=true` followed by the
 * `k8s.io/initial-events-end` bookmark); `allowWatchBookmarks` bookmarks every `bookmarkIntervalMs`;
 * ends after `timeoutSeconds`. A compacted `resourceVersion` answers per the store's `expiredWatchStyle`
 * (default `event`: 200 and one ERROR event with the 410 Expired Status, as the watch cache answers).
 * @throws ApiError 400 for a malformed resourceVersion, 422 for options {@link validateListOptions} refuses.
 */
export const watch: Handler = (ctx, req, res, r, query) => {
  validateListOptions(query, true)
  const match = filters(r, query)
  const table = wantsTable(req)
  const includeObject = query.get('includeObject') ?? 'Metadata'
  const rvParam = query.get('resourceVersion') ?? ''
  const sendInitial = query.get('sendInitialEvents') === 'true'
  // sendInitialEvents=false: no synthetic ADDED events; an empty or "0" resourceVersion starts "now".
  const noInitial = query.get('sendInitialEvents') === 'false'
  let replay: StoreChange[] = []
  if (rvParam !== '' && rvParam !== '0' && !sendInitial) {
    const n = Number(rvParam)
    if (!Number.isInteger(n) || n < 0)
      throw badRequest(`invalid resource version: ${rvParam}`)
    const changes = ctx.store.changesSince(r.def.plural, n)
    if (changes === 'expired') {
      const error = expired(
        `too old resource version: ${rvParam} (${ctx.store.oldestWatchableResourceVersion})`
      )
      if (ctx.store.expiredWatchStyle === 'status') throw error
      res.writeHead(200, {
        'content-type': 'application/json',
        'cache-control': 'no-cache, private'
      })
      res.end(
        `${JSON.stringify({ type: 'ERROR', object: error.toStatus() })}\n`
      )
      return
    }
    replay = changes
  }
  res.writeHead(200, {
    'content-type': 'application/json',
    'cache-control': 'no-cache, private',
    'transfer-encoding': 'chunked'
  })
  res.flushHeaders()
  let first = true
  const write = (
    type: string,
    object: KubeObject | Record<string, unknown>
  ) => {
    if (res.writableEnded || res.destroyed) return
    let payload: unknown = object
    if (table && type !== 'BOOKMARK' && type !== 'ERROR') {
      payload = toTable(
        r.def,
        [object as KubeObject],
        includeObject,
        (object as KubeObject).metadata.resourceVersion ?? '',
        first
      )
      first = false
    }
    res.write(`${JSON.stringify({ type, object: payload })}\n`)
  }
  const deliver = (change: StoreChange) => {
    if (change.plural !== r.def.plural) return
    const now = match(change.object)
    const before = change.previous !== undefined && match(change.previous)
    if (change.type === 'ADDED') {
      if (now) write('ADDED', change.object)
    } else if (change.type === 'DELETED') {
      if (now || before) write('DELETED', change.object)
    } else if (now && before) write('MODIFIED', change.object)
    else if (now) write('ADDED', change.object)
    else if (before) write('DELETED', change.object)
  }
  const bookmark = (annotations?: Record<string, string>) =>
    write('BOOKMARK', {
      kind: r.def.kind,
      apiVersion: apiVersionOf(r.def),
      metadata: {
        resourceVersion: ctx.store.resourceVersion,
        ...(annotations ? { annotations } : {})
      }
    })
  const unsubscribe = ctx.store.subscribe(deliver)
  if (sendInitial || ((rvParam === '' || rvParam === '0') && !noInitial)) {
    for (const object of ctx.store.list(r.def.plural, r.namespace))
      if (match(object)) write('ADDED', object)
    if (sendInitial) bookmark({ 'k8s.io/initial-events-end': 'true' })
  } else for (const change of replay) deliver(change)
  const allowBookmarks = query.get('allowWatchBookmarks') === 'true'
  const timers: NodeJS.Timeout[] = []
  if (allowBookmarks)
    timers.push(setInterval(() => bookmark(), ctx.bookmarkIntervalMs))
  const timeoutSeconds = Number(query.get('timeoutSeconds') ?? '0')
  const end = () => {
    unsubscribe()
    for (const t of timers) clearInterval(t)
    ctx.watches.delete(end)
    if (!res.writableEnded) res.end()
  }
  if (Number.isFinite(timeoutSeconds) && timeoutSeconds > 0)
    timers.push(setTimeout(end, timeoutSeconds * 1000))
  ctx.watches.add(end)
  res.on('close', end)
}
