import { createPublicKey, randomBytes, verify } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import sodium from 'libsodium-wrappers'
import {
  readBody,
  sendJson,
  startServer,
  type RequestLog
} from '../http/server.js'
import type { KeyPairPem } from '../http/tls.js'

/** GitHub secret names: letters, digits, underscores; not starting with a digit or `GITHUB_`. */
export const GITHUB_SECRET_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

/** Base64 as GitHub validates `encrypted_value` (github-api.md §2). */
const BASE64 =
  /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{4})$/

/** One environment secret as the emulator holds it. */
export interface StoredGitHubSecret {
  /** Plaintext recovered with the environment's private key (tests compare it). */
  value: string
  /** The ciphertext exactly as sent (base64). */
  encryptedValue: string
  createdAt: string
  updatedAt: string
}

export interface GitHubApiEmulatorOptions {
  log: RequestLog
  /** Serve over TLS; Octokit also accepts plain http on loopback. */
  tls?: KeyPairPem
  /** Tokens accepted (`token X` or `Bearer X`) and the login each belongs to. */
  tokens: Record<string, string>
  /** `owner/name` → environment names. */
  repositories: Record<string, string[]>
  /**
   * GitHub Apps whose installations may get installation access tokens
   * (`POST /app/installations/{id}/access_tokens` with the app's RS256 JWT).
   */
  apps?: GitHubAppRegistration[]
  /** Called for every accepted `repository_dispatch` (after the 204 is sent). */
  onDispatch?: (dispatch: GitHubRepositoryDispatch) => void
}

/** A GitHub App as the emulator knows it: its id, public key and installations. */
export interface GitHubAppRegistration {
  /** The App ID (the JWT's `iss`). */
  id: number
  /** Lower-case slug; installation tokens act as `<slug>[bot]`. */
  slug: string
  /** PEM public key matching the app's private key (the JWT signature is checked with it). */
  publicKeyPem: string
  /** Installation id → `owner/name` repositories it may act on. */
  installations: Record<number, string[]>
}

/** A `repository_dispatch` as received (docs.github.com/rest/repos/repos#create-a-repository-dispatch-event). */
export interface GitHubRepositoryDispatch {
  repository: string
  event_type: string
  client_payload: Record<string, unknown>
  /** Login of the token that sent it (`<slug>[bot]` for installation tokens). */
  sender: string
  /** UTC ISO-8601 time it was accepted. */
  at: string
}

export interface GitHubApiEmulator {
  /** API root (what `GITHUB_API_URL` holds). */
  url: string
  /** A stored environment secret, or undefined. */
  secret(
    repository: string,
    environment: string,
    name: string
  ): StoredGitHubSecret | undefined
  /** Every PUT of a secret, in order (values recovered). */
  secretWrites: {
    repository: string
    environment: string
    name: string
    value: string
  }[]
  /** Issues created through `POST /repos/{owner}/{repo}/issues`, in order. */
  issues: GitHubIssue[]
  /** Accepted `POST /repos/{owner}/{repo}/dispatches`, in order. */
  dispatches: GitHubRepositoryDispatch[]
  /**
   * Fault injection: the next `statuses.length` dispatch requests answer these HTTP statuses (one each, in order)
   * instead of being accepted, as GitHub does during an incident (`500`, `502`, `503`) or a rate limit (`429`).
   */
  failNextDispatches(...statuses: number[]): void
  /**
   * Records a workflow run attempt (what a workflow engine started), served by
   * `GET /repos/{o}/{r}/actions/runs/{run_id}/attempts/{attempt}`.
   */
  recordWorkflowRun(repository: string, run: GitHubWorkflowRun): void
  /** Marks a recorded run attempt completed (its `conclusion`, `updated_at` = `completedAt`, UTC ISO-8601). */
  completeWorkflowRun(
    repository: string,
    runId: number,
    attempt: number,
    conclusion: 'success' | 'failure' | 'cancelled',
    completedAt: string
  ): void
  /** Records a completed job of a run attempt, served by `GET …/attempts/{attempt}/jobs`. */
  recordWorkflowJob(
    repository: string,
    runId: number,
    attempt: number,
    job: GitHubWorkflowJob
  ): void
  close(): Promise<void>
}

/** A workflow run attempt (the fields of GitHub's workflow-run object the suite reads). */
export interface GitHubWorkflowRun {
  id: number
  attempt: number
  name: string
  /** UTC ISO-8601. */
  run_started_at: string
  /** Workflow file of the run (`.github/workflows/<file>`), matched by `GET …/actions/workflows/{file}/runs`. */
  path?: string
  /** Event that started it (default `workflow_dispatch`). */
  event?: string
  /** Set by completeWorkflowRun (or given for runs recorded after the fact). */
  conclusion?: 'success' | 'failure' | 'cancelled'
  /** When the run completed (UTC ISO-8601); with conclusion. */
  updated_at?: string
}

/** A completed job of a run (GitHub's job object, docs.github.com/rest/actions/workflow-jobs). */
export interface GitHubWorkflowJob {
  name: string
  conclusion: 'success' | 'failure' | 'cancelled' | 'skipped'
  /** UTC ISO-8601. */
  started_at: string
  completed_at: string
}

/** An issue as the emulator stores and returns it (the fields of GitHub's issue object the suite reads). */
export interface GitHubIssue {
  id: number
  number: number
  repository: string
  title: string
  body: string
  labels: string[]
  state: 'open' | 'closed'
  /** Login of the token that created it. */
  user: string
  html_url: string
  created_at: string
  /** Last change (creation or PATCH), UTC ISO-8601. */
  updated_at?: string
}

/** Checks an RS256 JWT against a PEM public key; returns its claims, or a reason it is refused. */
function verifyAppJwt(
  jwt: string,
  publicKeyPem: string,
  nowSeconds: number
): { claims: Record<string, unknown> } | { refused: string } {
  const [h, p, sig] = jwt.split('.')
  if (!h || !p || sig === undefined) return { refused: 'not a JWT' }
  let header: { alg?: unknown }
  let claims: Record<string, unknown>
  try {
    header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8')) as {
      alg?: unknown
    }
    claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as Record<
      string,
      unknown
    >
  } catch {
    return { refused: 'not a JWT' }
  }
  if (header.alg !== 'RS256') return { refused: 'alg must be RS256' }
  const ok = verify(
    'RSA-SHA256',
    Buffer.from(`${h}.${p}`),
    createPublicKey(publicKeyPem),
    Buffer.from(sig, 'base64url')
  )
  if (!ok) return { refused: 'signature does not match the app key' }
  const iat = Number(claims.iat)
  const exp = Number(claims.exp)
  // docs.github.com/apps/creating-github-apps/authenticating-with-a-github-app/generating-a-json-web-token-jwt-for-a-github-app:
  // exp no more than 10 minutes into the future; iat may be backdated by 60 s for clock drift.
  if (!Number.isFinite(iat) || !Number.isFinite(exp) || exp - iat > 600)
    return { refused: "'exp' must be no more than 10 minutes after 'iat'" }
  if (exp <= nowSeconds) return { refused: "'exp' is in the past" }
  if (iat > nowSeconds + 60) return { refused: "'iat' is in the future" }
  return { claims }
}

interface EnvironmentState {
  id: number
  name: string
  keyId: string
  publicKey: Uint8Array
  privateKey: Uint8Array
  secrets: Map<string, StoredGitHubSecret>
  createdAt: string
}

function ghError(
  res: ServerResponse,
  status: number,
  message: string,
  extra: Record<string, unknown> = {}
): void {
  sendJson(res, status, {
    message,
    documentation_url: 'https://docs.github.com/rest/actions/secrets',
    status: String(status),
    ...extra
  })
}

/**
 * Starts a GitHub REST emulator for environments and environment secrets (github-api.md §1, §2):
 * `GET /repos/{o}/{r}/environments/{env}`, `GET …/secrets/public-key` (a Curve25519 key per environment),
 * `PUT …/secrets/{name}` with a libsodium sealed box (opened with the private key, so tests see the real
 * plaintext; 201 created / 204 updated; 422 for an unknown `key_id`, bad base64 or undecryptable value),
 * `GET …/secrets`, `GET …/secrets/{name}` and `DELETE …/secrets/{name}`; and issues (`POST /repos/{o}/{r}/issues`,
 * `GET …/issues`, `GET …/issues/{number}`) for the post-mortem a rollback workflow opens; and the run attempts and jobs a
 * workflow engine records (`GET /repos/{o}/{r}/actions/runs/{id}/attempts/{n}[/jobs]`), which the drill workflow reads;
 * `repository_dispatch` (`POST /repos/{o}/{r}/dispatches`, 204, with injectable 5xx/429 faults) and GitHub App
 * installation tokens (`POST /app/installations/{id}/access_tokens`, RS256 app JWT checked against the app's key).
 */
export async function startGitHubApiEmulator(
  options: GitHubApiEmulatorOptions
): Promise<GitHubApiEmulator> {
  await sodium.ready
  const envs = new Map<string, EnvironmentState>()
  let nextId = 161088000
  for (const [repo, names] of Object.entries(options.repositories)) {
    for (const name of names) {
      const kp = sodium.crypto_box_keypair()
      envs.set(`${repo.toLowerCase()}#${name}`, {
        id: nextId++,
        name,
        keyId: String(3380204578043523000n + BigInt(nextId)),
        publicKey: kp.publicKey,
        privateKey: kp.privateKey,
        secrets: new Map(),
        createdAt: new Date().toISOString()
      })
    }
  }
  const secretWrites: GitHubApiEmulator['secretWrites'] = []
  const issues: GitHubIssue[] = []
  const dispatches: GitHubRepositoryDispatch[] = []
  const dispatchFaults: number[] = []
  /** Tokens issued to app installations: token → bot login and repositories. */
  const installationTokens = new Map<
    string,
    { login: string; repositories: Set<string> }
  >()
  let base = ''
  const known = new Set(
    Object.keys(options.repositories).map((r) => r.toLowerCase())
  )
  const issueJson = (i: GitHubIssue) => ({
    id: i.id,
    node_id: Buffer.from(`Issue${i.id}`).toString('base64'),
    number: i.number,
    title: i.title,
    body: i.body,
    state: i.state,
    labels: i.labels.map((name, n) => ({ id: i.id * 10 + n, name })),
    user: { login: i.user },
    url: `${base}/repos/${i.repository}/issues/${i.number}`,
    html_url: i.html_url,
    created_at: i.created_at,
    updated_at: i.updated_at ?? i.created_at
  })
  const runs = new Map<
    string,
    { run: GitHubWorkflowRun; repository: string; jobs: GitHubWorkflowJob[] }
  >()
  const runKey = (repository: string, id: number, attempt: number) =>
    `${repository.toLowerCase()}#${id}#${attempt}`
  // Workflow runs (docs.github.com/rest/actions/workflow-runs#get-a-workflow-run-attempt) and their jobs
  // (docs.github.com/rest/actions/workflow-jobs#list-jobs-for-a-workflow-run-attempt, one page of per_page).
  const runsRoute = (
    res: ServerResponse,
    parts: string[],
    method: string,
    url: URL
  ) => {
    const repository = `${parts[1] ?? ''}/${parts[2] ?? ''}`
    const entry = runs.get(
      runKey(repository, Number(parts[5]), Number(parts[7]))
    )
    if (method !== 'GET' || parts[6] !== 'attempts' || !entry) {
      ghError(res, 404, 'Not Found')
      return
    }
    const { run } = entry
    const htmlUrl = `https://github.com/${entry.repository}/actions/runs/${run.id}`
    if (parts.length === 8) {
      sendJson(res, 200, {
        id: run.id,
        name: run.name,
        run_attempt: run.attempt,
        run_started_at: run.run_started_at,
        status: 'in_progress',
        conclusion: null,
        html_url: htmlUrl,
        url: `${base}/repos/${entry.repository}/actions/runs/${run.id}`
      })
      return
    }
    if (parts.length !== 9 || parts[8] !== 'jobs') {
      ghError(res, 404, 'Not Found')
      return
    }
    const perPage = Math.min(
      Number(url.searchParams.get('per_page') ?? 30),
      100
    )
    const page = Math.max(Number(url.searchParams.get('page') ?? 1), 1)
    const jobs = entry.jobs.map((j, i) => ({
      id: run.id * 1000 + i,
      run_id: run.id,
      run_attempt: run.attempt,
      name: j.name,
      status: 'completed',
      conclusion: j.conclusion,
      started_at: j.started_at,
      completed_at: j.completed_at,
      html_url: `${htmlUrl}/job/${run.id * 1000 + i}`
    }))
    sendJson(res, 200, {
      total_count: jobs.length,
      jobs: jobs.slice((page - 1) * perPage, page * perPage)
    })
  }

  const runJson = (entry: { run: GitHubWorkflowRun; repository: string }) => {
    const { run } = entry
    return {
      id: run.id,
      name: run.name,
      path: run.path ?? '',
      event: run.event ?? 'workflow_dispatch',
      run_attempt: run.attempt,
      run_started_at: run.run_started_at,
      created_at: run.run_started_at,
      updated_at: run.updated_at ?? run.run_started_at,
      status: run.conclusion ? 'completed' : 'in_progress',
      conclusion: run.conclusion ?? null,
      html_url: `https://github.com/${entry.repository}/actions/runs/${run.id}`,
      url: `${base}/repos/${entry.repository}/actions/runs/${run.id}`
    }
  }
  // List workflow runs for a workflow (docs.github.com/rest/actions/workflow-runs#list-workflow-runs-for-a-workflow):
  // `workflow_id` is the file name; `status` a conclusion or status; `created` a date filter (>=, <=, >, < or a..b,
  // docs.github.com/search-github/getting-started-with-searching-on-github/understanding-the-search-syntax#query-for-dates);
  // newest first, `per_page` / `page`.
  const workflowRunsRoute = (
    res: ServerResponse,
    parts: string[],
    method: string,
    url: URL
  ) => {
    const repository = `${parts[1] ?? ''}/${parts[2] ?? ''}`
    const file = parts[5] ?? ''
    if (
      method !== 'GET' ||
      parts.length !== 7 ||
      parts[6] !== 'runs' ||
      !known.has(repository.toLowerCase())
    ) {
      ghError(res, 404, 'Not Found')
      return
    }
    const status = url.searchParams.get('status')
    const created = url.searchParams.get('created')
    const dateOf = (d: string) => Date.parse(/T/.test(d) ? d : `${d}T00:00:00Z`)
    const inRange = (at: number): boolean => {
      if (!created) return true
      const range = /^(.+)\.\.(.+)$/.exec(created)
      if (range)
        return (
          at >= dateOf(range[1] ?? '') &&
          at <
            dateOf(range[2] ?? '') + (/T/.test(range[2] ?? '') ? 1 : 86_400_000)
        )
      const m = /^(>=|<=|>|<)?(.+)$/.exec(created)
      const when = dateOf(m?.[2] ?? '')
      switch (m?.[1]) {
        case '>=':
          return at >= when
        case '>':
          return at > when
        case '<=':
          return at <= when
        case '<':
          return at < when
        default:
          return at >= when && at < when + 86_400_000
      }
    }
    const all = [...runs.values()]
      .filter(
        (e) =>
          e.repository.toLowerCase() === repository.toLowerCase() &&
          (e.run.path ?? '').split('/').at(-1) === file
      )
      .filter((e) => {
        const json = runJson(e)
        return (
          (!status || json.status === status || json.conclusion === status) &&
          inRange(Date.parse(json.created_at))
        )
      })
      .sort(
        (a, b) =>
          Date.parse(b.run.run_started_at) - Date.parse(a.run.run_started_at)
      )
    const perPage = Math.min(
      Number(url.searchParams.get('per_page') ?? 30),
      100
    )
    const page = Math.max(Number(url.searchParams.get('page') ?? 1), 1)
    sendJson(res, 200, {
      total_count: all.length,
      workflow_runs: all
        .slice((page - 1) * perPage, page * perPage)
        .map(runJson)
    })
  }

  // Issues (docs.github.com/rest/issues/issues): POST /repos/{o}/{r}/issues (title required, 422 otherwise),
  // GET /repos/{o}/{r}/issues (state open by default, or closed or all; labels: comma-separated, all must match),
  // GET /repos/{o}/{r}/issues/{number} and PATCH /repos/{o}/{r}/issues/{number} (title, body, state, labels).
  const issuesRoute = async (
    req: IncomingMessage,
    res: ServerResponse,
    parts: string[],
    method: string,
    login: string,
    url: URL
  ) => {
    const repository = `${parts[1] ?? ''}/${parts[2] ?? ''}`
    if (!known.has(repository.toLowerCase())) {
      ghError(res, 404, 'Not Found')
      return
    }
    const mine = issues.filter(
      (i) => i.repository.toLowerCase() === repository.toLowerCase()
    )
    if (parts.length === 4 && method === 'GET') {
      const state = url.searchParams.get('state') ?? 'open'
      const labels = (url.searchParams.get('labels') ?? '')
        .split(',')
        .map((l) => l.trim())
        .filter(Boolean)
      sendJson(
        res,
        200,
        [...mine]
          .reverse()
          .filter(
            (i) =>
              (state === 'all' || i.state === state) &&
              labels.every((l) => i.labels.includes(l))
          )
          .map(issueJson)
      )
      return
    }
    if (parts.length === 5 && method === 'PATCH') {
      const issue = mine.find((i) => String(i.number) === parts[4])
      if (!issue) {
        ghError(res, 404, 'Not Found')
        return
      }
      let patch: {
        title?: unknown
        body?: unknown
        state?: unknown
        labels?: unknown
      }
      try {
        patch = JSON.parse(
          (await readBody(req)).toString('utf8')
        ) as typeof patch
      } catch {
        ghError(res, 400, 'Problems parsing JSON')
        return
      }
      if (typeof patch.title === 'string') issue.title = patch.title
      if (typeof patch.body === 'string') issue.body = patch.body
      if (patch.state === 'open' || patch.state === 'closed')
        issue.state = patch.state
      if (Array.isArray(patch.labels))
        issue.labels = patch.labels.map((l) =>
          typeof l === 'string' ? l : String((l as { name?: unknown }).name)
        )
      issue.updated_at = new Date().toISOString()
      sendJson(res, 200, issueJson(issue))
      return
    }
    if (parts.length === 5 && method === 'GET') {
      const issue = mine.find((i) => String(i.number) === parts[4])
      if (issue) sendJson(res, 200, issueJson(issue))
      else ghError(res, 404, 'Not Found')
      return
    }
    if (parts.length !== 4 || method !== 'POST') {
      ghError(res, 404, 'Not Found')
      return
    }
    let body: { title?: unknown; body?: unknown; labels?: unknown }
    try {
      body = JSON.parse((await readBody(req)).toString('utf8')) as typeof body
    } catch {
      ghError(res, 400, 'Problems parsing JSON')
      return
    }
    if (typeof body.title !== 'string' || body.title.trim() === '') {
      ghError(res, 422, 'Validation Failed', {
        errors: [{ resource: 'Issue', field: 'title', code: 'missing_field' }]
      })
      return
    }
    const labels = Array.isArray(body.labels)
      ? body.labels.map((l) =>
          typeof l === 'string' ? l : String((l as { name?: unknown }).name)
        )
      : []
    const number = issues.length + 1
    const issue: GitHubIssue = {
      id: 2_400_000_000 + number,
      number,
      repository,
      title: body.title,
      body: typeof body.body === 'string' ? body.body : '',
      labels,
      state: 'open',
      user: login,
      html_url: `https://github.com/${repository}/issues/${number}`,
      created_at: new Date().toISOString()
    }
    issues.push(issue)
    sendJson(res, 201, issueJson(issue))
  }

  // Installation access tokens (docs.github.com/rest/apps/apps#create-an-installation-access-token-for-an-app):
  // the app authenticates with its JWT; the token acts as `<slug>[bot]` on the installation's repositories, 1 hour.
  const installationTokenRoute = (
    res: ServerResponse,
    parts: string[],
    method: string,
    jwt: string
  ) => {
    const installationId = Number(parts[2])
    const app = options.apps?.find((a) => installationId in a.installations)
    if (method !== 'POST' || parts.length !== 4 || !app) {
      ghError(res, 404, 'Not Found')
      return
    }
    const nowSeconds = Math.floor(Date.now() / 1000)
    const checked = verifyAppJwt(jwt, app.publicKeyPem, nowSeconds)
    if ('refused' in checked) {
      ghError(
        res,
        401,
        `A JSON web token could not be decoded: ${checked.refused}`
      )
      return
    }
    if (String(checked.claims.iss) !== String(app.id)) {
      ghError(res, 401, `'Issuer' claim ('iss') must be the App ID ${app.id}`)
      return
    }
    const token = `ghs_${randomBytes(18).toString('base64url')}`
    const repositories = app.installations[installationId] ?? []
    installationTokens.set(token, {
      login: `${app.slug}[bot]`,
      repositories: new Set(repositories.map((r) => r.toLowerCase()))
    })
    sendJson(res, 201, {
      token,
      expires_at: new Date((nowSeconds + 3600) * 1000).toISOString(),
      permissions: { contents: 'write', metadata: 'read' },
      repository_selection: 'selected'
    })
  }

  // repository_dispatch (docs.github.com/rest/repos/repos#create-a-repository-dispatch-event): event_type 1-100
  // characters, client_payload an object of at most 10 top-level properties; 204 No Content.
  const dispatchRoute = async (
    req: IncomingMessage,
    res: ServerResponse,
    parts: string[],
    method: string,
    login: string
  ) => {
    const repository = `${parts[1] ?? ''}/${parts[2] ?? ''}`
    if (
      method !== 'POST' ||
      parts.length !== 4 ||
      !known.has(repository.toLowerCase())
    ) {
      ghError(res, 404, 'Not Found')
      return
    }
    const fault = dispatchFaults.shift()
    if (fault !== undefined) {
      ghError(
        res,
        fault,
        fault === 429 ? 'API rate limit exceeded' : 'Server Error'
      )
      return
    }
    let body: { event_type?: unknown; client_payload?: unknown }
    try {
      body = JSON.parse((await readBody(req)).toString('utf8')) as typeof body
    } catch {
      ghError(res, 400, 'Problems parsing JSON')
      return
    }
    const invalid = (field: string, message: string) =>
      ghError(res, 422, 'Validation Failed', {
        errors: [{ resource: 'Repository', field, code: 'invalid', message }]
      })
    if (
      typeof body.event_type !== 'string' ||
      body.event_type.length < 1 ||
      body.event_type.length > 100
    ) {
      invalid(
        'event_type',
        'event_type must be a string of 1 to 100 characters'
      )
      return
    }
    const payload = body.client_payload ?? {}
    if (
      typeof payload !== 'object' ||
      payload === null ||
      Array.isArray(payload)
    ) {
      invalid('client_payload', 'client_payload must be an object')
      return
    }
    if (Object.keys(payload).length > 10) {
      invalid(
        'client_payload',
        'client_payload can have at most 10 top-level properties'
      )
      return
    }
    const dispatch: GitHubRepositoryDispatch = {
      repository,
      event_type: body.event_type,
      client_payload: payload as Record<string, unknown>,
      sender: login,
      at: new Date().toISOString()
    }
    dispatches.push(dispatch)
    res.writeHead(204)
    res.end()
    options.onDispatch?.(dispatch)
  }

  const handler = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://github.local')
    const token = /^(?:token|bearer)\s+(.+)$/i.exec(
      req.headers.authorization ?? ''
    )?.[1]
    if (!token) {
      ghError(res, 401, 'Requires authentication')
      return
    }
    const parts = url.pathname
      .split('/')
      .filter(Boolean)
      .map(decodeURIComponent)
    const method = req.method ?? 'GET'
    if (parts[0] === 'app' && parts[1] === 'installations') {
      installationTokenRoute(res, parts, method, token)
      return
    }
    const installation = installationTokens.get(token)
    if (!(token in options.tokens) && !installation) {
      ghError(res, 401, 'Bad credentials')
      return
    }
    if (
      installation &&
      !installation.repositories.has(
        `${parts[1] ?? ''}/${parts[2] ?? ''}`.toLowerCase()
      )
    ) {
      ghError(res, 403, 'Resource not accessible by integration')
      return
    }
    const login = installation?.login ?? options.tokens[token] ?? ''
    if (parts[0] === 'repos' && parts[3] === 'dispatches') {
      await dispatchRoute(req, res, parts, method, login)
      return
    }
    if (
      parts[0] === 'repos' &&
      parts[3] === 'actions' &&
      parts[4] === 'workflows'
    ) {
      workflowRunsRoute(res, parts, method, url)
      return
    }
    if (parts[0] === 'repos' && parts[3] === 'actions' && parts[4] === 'runs') {
      runsRoute(res, parts, method, url)
      return
    }
    if (parts[0] === 'repos' && parts[3] === 'issues') {
      await issuesRoute(req, res, parts, method, login, url)
      return
    }
    // repos/{owner}/{repo}/environments/{env}[/secrets[/public-key|/{name}]]
    if (
      parts[0] !== 'repos' ||
      parts[3] !== 'environments' ||
      parts.length < 5
    ) {
      ghError(res, 404, 'Not Found')
      return
    }
    const repository = `${parts[1] ?? ''}/${parts[2] ?? ''}`
    const env = envs.get(`${repository.toLowerCase()}#${parts[4] ?? ''}`)
    if (!env) {
      ghError(res, 404, 'Not Found')
      return
    }
    if (parts.length === 5 && method === 'GET') {
      sendJson(res, 200, {
        id: env.id,
        node_id: Buffer.from(`Environment${env.id}`).toString('base64'),
        name: env.name,
        url: `${base}/repos/${repository}/environments/${encodeURIComponent(env.name)}`,
        html_url: `https://github.com/${repository}/deployments/activity_log?environments_filter=${encodeURIComponent(env.name)}`,
        created_at: env.createdAt,
        updated_at: env.createdAt,
        protection_rules: [],
        deployment_branch_policy: null
      })
      return
    }
    if (parts[5] !== 'secrets') {
      ghError(res, 404, 'Not Found')
      return
    }
    if (parts.length === 6 && method === 'GET') {
      const secrets = [...env.secrets.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([name, s]) => ({
          name,
          created_at: s.createdAt,
          updated_at: s.updatedAt
        }))
      const { items, link } = githubPage(url, base, secrets)
      sendJson(
        res,
        200,
        { total_count: secrets.length, secrets: items },
        link ? { link } : {}
      )
      return
    }
    if (parts[6] === 'public-key' && parts.length === 7 && method === 'GET') {
      sendJson(res, 200, {
        key_id: env.keyId,
        key: sodium.to_base64(env.publicKey, sodium.base64_variants.ORIGINAL)
      })
      return
    }
    const name = parts[6] ?? ''
    if (parts.length !== 7) {
      ghError(res, 404, 'Not Found')
      return
    }
    const key = name.toUpperCase()
    if (method === 'GET') {
      const s = env.secrets.get(key)
      if (!s) ghError(res, 404, 'Not Found')
      else
        sendJson(res, 200, {
          name: key,
          created_at: s.createdAt,
          updated_at: s.updatedAt
        })
      return
    }
    if (method === 'DELETE') {
      if (!env.secrets.delete(key)) ghError(res, 404, 'Not Found')
      else {
        res.writeHead(204)
        res.end()
      }
      return
    }
    if (method !== 'PUT') {
      ghError(res, 404, 'Not Found')
      return
    }
    const invalid = (field: string, message: string) =>
      ghError(res, 422, 'Invalid request.', {
        errors: [{ resource: 'Secret', field, code: 'invalid', message }]
      })
    if (!GITHUB_SECRET_NAME.test(name) || /^GITHUB_/i.test(name)) {
      invalid(
        'secret_name',
        'Secret names can only contain alphanumeric characters ([a-z], [A-Z], [0-9]) or underscores (_), must not start with a number or GITHUB_.'
      )
      return
    }
    let body: { encrypted_value?: unknown; key_id?: unknown }
    try {
      body = JSON.parse((await readBody(req)).toString('utf8')) as typeof body
    } catch {
      ghError(res, 400, 'Problems parsing JSON')
      return
    }
    if (typeof body.key_id !== 'string' || body.key_id !== env.keyId) {
      invalid('key_id', 'key_id does not match the environment public key.')
      return
    }
    if (
      typeof body.encrypted_value !== 'string' ||
      !BASE64.test(body.encrypted_value)
    ) {
      invalid('encrypted_value', 'encrypted_value must be base64.')
      return
    }
    let plaintext: string
    try {
      plaintext = sodium.to_string(
        sodium.crypto_box_seal_open(
          sodium.from_base64(
            body.encrypted_value,
            sodium.base64_variants.ORIGINAL
          ),
          env.publicKey,
          env.privateKey
        )
      )
    } catch {
      invalid(
        'encrypted_value',
        'encrypted_value could not be decrypted with the environment public key.'
      )
      return
    }
    const now = new Date().toISOString()
    const existing = env.secrets.get(key)
    env.secrets.set(key, {
      value: plaintext,
      encryptedValue: body.encrypted_value,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now
    })
    secretWrites.push({
      repository,
      environment: env.name,
      name: key,
      value: plaintext
    })
    if (existing) {
      res.writeHead(204)
      res.end()
    } else sendJson(res, 201, {})
  }

  const server = await startServer({
    name: 'github',
    log: options.log,
    handler,
    ...(options.tls ? { tls: options.tls } : {})
  })
  base = server.url
  return {
    url: server.url,
    secret: (repository, environment, name) =>
      envs
        .get(`${repository.toLowerCase()}#${environment}`)
        ?.secrets.get(name.toUpperCase()),
    secretWrites,
    issues,
    dispatches,
    failNextDispatches: (...statuses) => {
      dispatchFaults.push(...statuses)
    },
    recordWorkflowRun: (repository, run) => {
      runs.set(runKey(repository, run.id, run.attempt), {
        run,
        repository,
        jobs: []
      })
    },
    completeWorkflowRun: (
      repository,
      runId,
      attempt,
      conclusion,
      completedAt
    ) => {
      const entry = runs.get(runKey(repository, runId, attempt))
      if (entry)
        entry.run = { ...entry.run, conclusion, updated_at: completedAt }
    },
    recordWorkflowJob: (repository, runId, attempt, job) => {
      runs.get(runKey(repository, runId, attempt))?.jobs.push(job)
    },
    close: () => server.close()
  }
}

/**
 * GitHub's REST pagination (docs.github.com "Using pagination in the REST API"): `per_page` (default 30,
 * at most 100) and `page` (from 1); a `Link` header with `prev`, `next`, `first` and `last` where they apply.
 */
function githubPage<T>(
  url: URL,
  base: string,
  all: T[]
): { items: T[]; link?: string } {
  const perRaw = Number(url.searchParams.get('per_page') ?? '30')
  const perPage =
    Number.isInteger(perRaw) && perRaw > 0 ? Math.min(perRaw, 100) : 30
  const pageRaw = Number(url.searchParams.get('page') ?? '1')
  const page = Number.isInteger(pageRaw) && pageRaw > 0 ? pageRaw : 1
  const lastPage = Math.max(1, Math.ceil(all.length / perPage))
  const items = all.slice((page - 1) * perPage, page * perPage)
  const at = (p: number) => {
    const u = new URL(`${base}${url.pathname}`)
    u.searchParams.set('per_page', String(perPage))
    u.searchParams.set('page', String(p))
    return u.toString()
  }
  const rels: string[] = []
  if (page > 1) rels.push(`<${at(page - 1)}>; rel="prev"`)
  if (page < lastPage) rels.push(`<${at(page + 1)}>; rel="next"`)
  if (page < lastPage) rels.push(`<${at(lastPage)}>; rel="last"`)
  if (page > 1) rels.push(`<${at(1)}>; rel="first"`)
  return rels.length > 0 ? { items, link: rels.join(', ') } : { items }
}
