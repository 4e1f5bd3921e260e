import { execFile } from 'node:child_process'
import { cp, glob, mkdir, readdir, rm, stat } from 'node:fs/promises'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import {
  inputVariable,
  runStepProcess,
  type ActionRun,
  type RunActionOptions
} from './run-action.js'

const run = promisify(execFile)

/** Third-party actions the sandbox stands in for; the drill still checks the inputs they are given. */
export const PROVIDED_BY_SANDBOX: Record<string, string> = {
  'azure/login':
    'the sandbox GitHub OIDC endpoint and Entra emulator give each action a federated Azure identity',
  'azure/aks-set-context':
    'the sandbox writes KUBECONFIG for its Kubernetes API emulator'
}

/** What a third-party step sees of its job. */
export interface ThirdPartyStep {
  /** `owner/repo` of the action (without `@ref`). */
  action: string
  /** Evaluated `with:` values. */
  with: Record<string, string>
  /** The job's environment for this step (runner variables, job and step `env:`). */
  env: NodeJS.ProcessEnv
  /** The job's `GITHUB_WORKSPACE` and `RUNNER_TEMP`. */
  workspace: string
  runnerTemp: string
  /** The `github` context (`repository`, `sha`, `ref`, `token`, …). */
  github: Record<string, string>
  /** Artifact store of the workflow run: one folder per artifact. */
  artifactsDir: string
  /** The git repository actions/checkout clones (the sandbox's copy of `github.repository`). */
  gitRepository?: string
  /** The AKS cluster azure/aks-set-context may name. */
  cluster?: { resourceGroup: string; name: string }
  timeoutMs: number
  onLine?: (line: string) => void
}

/** The outcome of a third-party step: an ActionRun, `provided` when the sandbox stands in for it. */
export interface ThirdPartyResult {
  run: ActionRun
  provided: boolean
}

/** Runs `fn` in-process, timing it; a thrown error is the step's failure (exit code 1). */
async function inProcess(
  label: string,
  fn: () => Promise<{ outputs?: Record<string, string>; note?: string }>
): Promise<ActionRun> {
  const started = new Date()
  let exitCode = 0
  let failure: string | undefined
  let outputs: Record<string, string> = {}
  let note = ''
  try {
    const r = await fn()
    outputs = r.outputs ?? {}
    note = r.note ?? ''
  } catch (error) {
    exitCode = 1
    failure = error instanceof Error ? error.message : String(error)
  }
  const finished = new Date()
  return {
    action: label,
    exitCode,
    outputs,
    summary: '',
    stdout: note,
    stderr: '',
    audit: [],
    startedAt: started.toISOString(),
    finishedAt: finished.toISOString(),
    durationMs: finished.getTime() - started.getTime(),
    ...(failure === undefined ? {} : { failure })
  }
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** azure/login's identity inputs (github.com/Azure/login, action.yml): OIDC needs the three ids. */
function checkAzureLogin(w: Record<string, string>): void {
  for (const key of ['client-id', 'tenant-id'])
    if (!GUID.test(w[key] ?? ''))
      throw new Error(
        `azure/login: input "${key}" must be a GUID (got "${w[key] ?? ''}"); set the variable it reads`
      )
  if (!w['subscription-id'] && w['allow-no-subscriptions'] !== 'true')
    throw new Error(
      'azure/login: input "subscription-id" is empty; set the variable it reads'
    )
}

function checkAksContext(
  w: Record<string, string>,
  cluster: ThirdPartyStep['cluster']
): void {
  for (const key of ['resource-group', 'cluster-name'])
    if (!w[key])
      throw new Error(
        `azure/aks-set-context: input "${key}" is empty; set the variable it reads`
      )
  if (
    cluster &&
    (w['resource-group'] !== cluster.resourceGroup ||
      w['cluster-name'] !== cluster.name)
  )
    throw new Error(
      `azure/aks-set-context: cluster ${w['resource-group']}/${w['cluster-name']} is not the sandbox cluster ${cluster.resourceGroup}/${cluster.name}`
    )
}

function git(cwd: string, args: string[]) {
  return run('git', args, { cwd, encoding: 'utf8', timeout: 120_000 })
}

/**
 * actions/checkout (github.com/actions/checkout, src/git-source-provider.ts): init a repository at `path`, fetch
 * from the sandbox's git repository (`fetch-depth` 0 = all history and tags; otherwise that many commits of the one
 * ref, no tags), check out `ref` (default the run's `github.sha`) detached, outputs `ref` and `commit`.
 */
async function checkout(step: ThirdPartyStep) {
  const w = step.with
  const repository = w.repository || step.github.repository || ''
  if (!step.gitRepository || repository !== step.github.repository)
    throw new Error(
      `actions/checkout: the sandbox serves only ${step.github.repository ?? 'no repository'}, not "${repository}"`
    )
  const target = resolve(step.workspace, w.path || '.')
  if (!target.startsWith(step.workspace))
    throw new Error(
      `actions/checkout: path "${w.path ?? ''}" is outside the workspace`
    )
  if (w.clean !== 'false') {
    await mkdir(target, { recursive: true })
    for (const entry of await readdir(target))
      await rm(join(target, entry), { recursive: true, force: true })
  }
  await mkdir(target, { recursive: true })
  const url = `file://${step.gitRepository}`
  const ref = w.ref || step.github.sha || ''
  const depth = Number(w['fetch-depth'] ?? '1')
  if (!Number.isInteger(depth) || depth < 0)
    throw new Error(
      `actions/checkout: fetch-depth "${w['fetch-depth'] ?? ''}" is not a whole number`
    )
  await git(target, ['init', '--quiet'])
  await git(target, ['remote', 'add', 'origin', url])
  const isSha = /^[0-9a-f]{40}$/i.test(ref)
  const refspec = isSha
    ? ref
    : ref.startsWith('refs/')
      ? `+${ref}:${ref}`
      : `+refs/heads/${ref}:refs/remotes/origin/${ref}`
  const fetch = [
    '-c',
    'protocol.version=2',
    'fetch',
    '--quiet',
    '--prune',
    '--no-recurse-submodules'
  ]
  if (depth === 0)
    await git(target, [
      ...fetch,
      '--tags',
      'origin',
      '+refs/heads/*:refs/remotes/origin/*',
      '+refs/tags/*:refs/tags/*'
    ])
  else
    await git(target, [
      ...fetch,
      '--no-tags',
      `--depth=${depth}`,
      'origin',
      refspec
    ])
  const checkoutRef = isSha
    ? ref
    : depth === 0
      ? ref.startsWith('refs/')
        ? ref
        : `refs/remotes/origin/${ref}`
      : 'FETCH_HEAD'
  await git(target, [
    '-c',
    'advice.detachedHead=false',
    'checkout',
    '--quiet',
    '--force',
    '--detach',
    checkoutRef
  ])
  const commit = (await git(target, ['rev-parse', 'HEAD'])).stdout.trim()
  return {
    outputs: { ref: isSha ? '' : ref, commit },
    note: `checked out ${commit} into ${relative(step.workspace, target) || '.'}`
  }
}

/**
 * hashicorp/setup-terraform (github.com/hashicorp/setup-terraform, lib/setup-terraform.js) installs the requested
 * version and puts it on PATH. The drill cannot download: it uses the machine's terraform and fails when an exact
 * `terraform_version` differs from it. The wrapper (`terraform_wrapper`, default true) is not reproduced.
 */
async function setupTerraform(step: ThirdPartyStep) {
  const { stdout } = await run('terraform', ['version', '-json'], {
    env: step.env,
    encoding: 'utf8'
  })
  const version = (JSON.parse(stdout) as { terraform_version: string })
    .terraform_version
  const wanted = step.with.terraform_version || 'latest'
  if (/^\d+\.\d+\.\d+$/.test(wanted) && wanted !== version)
    throw new Error(
      `hashicorp/setup-terraform: terraform_version ${wanted} requested, the drill machine has ${version} (nothing can be downloaded)`
    )
  if (step.with.terraform_wrapper !== 'false')
    throw new Error(
      'hashicorp/setup-terraform: terraform_wrapper must be false: the drill does not reproduce the wrapper script'
    )
  const { stdout: path } = await run('sh', ['-c', 'command -v terraform'], {
    env: step.env,
    encoding: 'utf8'
  })
  return {
    outputs: {},
    note: `terraform ${version} (${path.trim()})`,
    addedPath: [dirname(path.trim())]
  }
}

async function collect(items: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = []
  for await (const item of items) out.push(item)
  return out
}

const hidden = (path: string) =>
  path.split(sep).some((part) => part.startsWith('.') && part.length > 1)

/** Every file under `path` (itself when a file). */
async function filesUnder(path: string): Promise<string[]> {
  const s = await stat(path).catch(() => undefined)
  if (!s) return []
  if (s.isFile()) return [path]
  const out: string[] = []
  for (const e of await readdir(path, {
    withFileTypes: true,
    recursive: true
  }))
    if (e.isFile()) out.push(join(e.parentPath, e.name))
  return out
}

/**
 * actions/upload-artifact v4 (github.com/actions/upload-artifact, src/upload/search.ts): `path` lines (globs,
 * `!` exclusions) relative to the workspace; files are stored relative to the least common ancestor of the search
 * paths; hidden files only with `include-hidden-files`; `if-no-files-found` warn, error or ignore; a name already
 * uploaded in the run is refused (artifacts are immutable in v4) unless `overwrite`.
 */
async function uploadArtifact(
  step: ThirdPartyStep
): Promise<{ outputs: Record<string, string>; note: string }> {
  const w = step.with
  const name = w.name || 'artifact'
  if (/[":<>|*?\\/\r\n]/.test(name))
    throw new Error(`actions/upload-artifact: invalid artifact name "${name}"`)
  const lines = (w.path ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
  if (lines.length === 0)
    throw new Error('actions/upload-artifact: input "path" is required')
  const abs = (p: string) => resolve(step.workspace, p)
  const include = lines.filter((l) => !l.startsWith('!')).map(abs)
  const exclude = lines
    .filter((l) => l.startsWith('!'))
    .map((l) => abs(l.slice(1)))
  const roots = include.map((p) => {
    const at = p.search(/[*?[]/)
    return at < 0 ? p : dirname(p.slice(0, at + 1))
  })
  const files = new Set<string>()
  for (const pattern of include) {
    const matched = /[*?[]/.test(pattern)
      ? await collect(glob(pattern))
      : [pattern]
    for (const m of matched) for (const f of await filesUnder(m)) files.add(f)
  }
  const excluded = new Set<string>()
  for (const pattern of exclude)
    for (const m of await collect(glob(pattern)))
      for (const f of await filesUnder(m)) excluded.add(f)
  const rootOf = (paths: string[]) => {
    const parts = paths.map((p) => p.split(sep))
    const first = parts[0] ?? []
    let i = 0
    while (i < first.length && parts.every((p) => p[i] === first[i])) i++
    return first.slice(0, i).join(sep) || sep
  }
  const single =
    roots.length === 1 &&
    (await stat(roots[0] ?? '').catch(() => undefined))?.isFile()
  const root = single ? dirname(roots[0] ?? '') : rootOf(roots)
  const chosen = [...files].filter(
    (f) =>
      !excluded.has(f) &&
      (w['include-hidden-files'] === 'true' || !hidden(relative(root, f)))
  )
  if (chosen.length === 0) {
    const mode = w['if-no-files-found'] || 'warn'
    const message = `No files were found with the provided path: ${lines.join(', ')}. No artifacts will be uploaded.`
    if (mode === 'error') throw new Error(`actions/upload-artifact: ${message}`)
    return { outputs: {}, note: mode === 'warn' ? `warning: ${message}` : '' }
  }
  const dir = join(step.artifactsDir, name)
  const exists = await stat(dir).catch(() => undefined)
  if (exists && w.overwrite !== 'true')
    throw new Error(
      `actions/upload-artifact: an artifact with the name "${name}" already exists on this run (set overwrite: true to replace it)`
    )
  await rm(dir, { recursive: true, force: true })
  for (const f of chosen) {
    const to = join(dir, relative(root, f))
    await mkdir(dirname(to), { recursive: true })
    await cp(f, to)
  }
  return {
    outputs: {
      'artifact-id': String(chosen.length),
      'artifact-url': `file://${dir}`
    },
    note: `artifact "${name}": ${chosen.length} file(s)`
  }
}

/**
 * actions/download-artifact v4 (github.com/actions/download-artifact, src/download-artifact.ts): the artifact `name`
 * of this run into `path` (default the workspace); without a name, every artifact into `path/<name>/`.
 */
async function downloadArtifact(step: ThirdPartyStep) {
  const w = step.with
  const path = resolve(step.workspace, w.path || '.')
  const names = w.name
    ? [w.name]
    : await readdir(step.artifactsDir).catch(() => [])
  for (const name of names) {
    const from = join(step.artifactsDir, name)
    if (!(await stat(from).catch(() => undefined)))
      throw new Error(
        `actions/download-artifact: Unable to download artifact(s): Artifact not found for name: ${name}`
      )
    const to = w.name ? path : join(path, name)
    await mkdir(to, { recursive: true })
    await cp(from, to, { recursive: true })
  }
  return { outputs: { 'download-path': path }, note: `into ${path}` }
}

/** The file the engine starts for actions/github-script steps. */
export const GITHUB_SCRIPT_RUNNER = fileURLToPath(
  new URL('./github-script.ts', import.meta.url)
)

/**
 * Runs one step of a third-party action the rollback workflows use: actions/checkout, upload-artifact,
 * download-artifact, github-script and hashicorp/setup-terraform are executed; azure/login and
 * azure/aks-set-context are provided by the sandbox after their inputs are checked.
 * @returns undefined for any other action (the drill cannot reproduce it).
 */
export async function runThirdPartyStep(
  step: ThirdPartyStep
): Promise<(ThirdPartyResult & { addedPath?: string[] }) | undefined> {
  const label = step.action
  switch (step.action) {
    case 'azure/login':
      return {
        run: await inProcess(label, () => {
          checkAzureLogin(step.with)
          return Promise.resolve({ note: PROVIDED_BY_SANDBOX[label] })
        }),
        provided: true
      }
    case 'azure/aks-set-context':
      return {
        run: await inProcess(label, () => {
          checkAksContext(step.with, step.cluster)
          return Promise.resolve({ note: PROVIDED_BY_SANDBOX[label] })
        }),
        provided: true
      }
    case 'actions/checkout':
      return {
        run: await inProcess(label, () => checkout(step)),
        provided: false
      }
    case 'actions/upload-artifact':
      return {
        run: await inProcess(label, () => uploadArtifact(step)),
        provided: false
      }
    case 'actions/download-artifact':
      return {
        run: await inProcess(label, () => downloadArtifact(step)),
        provided: false
      }
    case 'hashicorp/setup-terraform': {
      let addedPath: string[] = []
      const r = await inProcess(label, async () => {
        const out = await setupTerraform(step)
        addedPath = out.addedPath
        return out
      })
      return { run: { ...r, addedPath }, provided: false }
    }
    case 'actions/github-script': {
      // action.yml defaults of actions/github-script v7
      const inputs: Record<string, string> = {
        'github-token': step.github.token ?? '',
        debug: 'false',
        'result-encoding': 'json',
        retries: '0',
        ...step.with
      }
      const env: NodeJS.ProcessEnv = {}
      for (const [k, v] of Object.entries(inputs)) env[inputVariable(k)] = v
      const options: RunActionOptions = {
        env: step.env,
        cwd: step.workspace,
        runnerTemp: step.runnerTemp,
        timeoutMs: step.timeoutMs,
        ...(step.onLine ? { onLine: step.onLine } : {})
      }
      return {
        run: await runStepProcess({
          label,
          command: process.execPath,
          args: [GITHUB_SCRIPT_RUNNER],
          env,
          options
        }),
        provided: false
      }
    }
    default:
      return undefined
  }
}
