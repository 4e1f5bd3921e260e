import { execFile } from 'node:child_process'
import {
  ConfigurationError,
  InputError,
  OperationError
} from '@rollback-actions/action-kit'
import type { Logger } from '@rollback-actions/action-kit'

/** The `target` value that means "the last commit whose infrastructure deployment succeeded". */
export const PREVIOUS_STABLE = 'previous-stable'

function git(repoDir: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      [...args],
      { cwd: repoDir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout)
        const code = (error as NodeJS.ErrnoException).code
        if (code === 'ENOENT')
          return reject(
            new ConfigurationError(
              `git was not found on PATH, or ${repoDir} does not exist`,
              { cause: error }
            )
          )
        reject(
          new OperationError(
            `git ${args[0] ?? ''} failed in ${repoDir}: ${stderr.trim() || `exit ${String(code)}`}`,
            { cause: error }
          )
        )
      }
    )
  })
}

/** A resolved rollback target. */
export interface ResolvedTarget {
  /** Full 40-hex commit SHA. */
  commit: string
  /** `input` when the caller named the commit, `tag` when found as the previous stable deployment tag. */
  source: 'input' | 'tag'
  /** The deployment tag that marked the commit stable (source `tag`). */
  tag?: string
}

/**
 * Lists deployment tags matching `tagPattern` (fnmatch on `refs/tags/<pattern>`), newest first by creator date
 * (tagger date of annotated tags, commit date of lightweight ones; ties broken by version-sorted name, highest first),
 * each with the commit it points to. The workflow's `terraform-resolve-target` action calls this through
 * {@link resolveTargetCommit}.
 */
export async function listDeploymentTags(
  repoDir: string,
  tagPattern: string
): Promise<{ tag: string; commit: string }[]> {
  const out = await git(repoDir, [
    'for-each-ref',
    '--sort=-version:refname',
    '--sort=-creatordate',
    '--format=%(refname:short) %(if)%(*objectname)%(then)%(*objectname)%(else)%(objectname)%(end)',
    `refs/tags/${tagPattern}`
  ])
  return out
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const [tag = '', commit = ''] = l.split(' ')
      return { tag, commit }
    })
}

/**
 * Resolves the rollback target in a git repository.
 *
 * `target` is a commit (SHA or any revision git resolves to a commit), or {@link PREVIOUS_STABLE}: the newest deployment
 * tag (see {@link listDeploymentTags}) whose commit differs from `currentCommit` (default: HEAD, the revision being
 * rolled back from). Skipping the current commit means a bad change that deployed "successfully" and was tagged is not
 * picked as its own rollback target.
 * @throws InputError (`target`) when the commit does not exist in the repository; ConfigurationError when no tag
 *   matches, or all matching tags point at the current commit.
 */
export async function resolveTargetCommit(options: {
  repoDir: string
  target: string
  tagPattern: string
  currentCommit?: string
  log: Logger
}): Promise<ResolvedTarget> {
  const { repoDir, target, log } = options
  if (target !== PREVIOUS_STABLE) {
    if (target.trim() === '' || target.startsWith('-')) {
      throw new InputError(
        'target',
        `"${target}" is not a commit; pass a commit SHA or "${PREVIOUS_STABLE}"`
      )
    }
    let commit: string
    try {
      commit = (
        await git(repoDir, [
          'rev-parse',
          '--verify',
          '--quiet',
          '--end-of-options',
          `${target}^{commit}`
        ])
      ).trim()
    } catch (error) {
      if (error instanceof ConfigurationError) throw error
      throw new InputError(
        'target',
        `commit "${target}" does not exist in ${repoDir}; check the SHA (fetch the full history with fetch-depth: 0) or use "${PREVIOUS_STABLE}"`
      )
    }
    log.info(`Target commit ${commit} (from input "${target}")`)
    return { commit, source: 'input' }
  }
  const current =
    options.currentCommit ?? (await git(repoDir, ['rev-parse', 'HEAD'])).trim()
  const tags = await listDeploymentTags(repoDir, options.tagPattern)
  if (tags.length === 0) {
    throw new ConfigurationError(
      `no tag matches "${options.tagPattern}", so there is no previous stable deployment to return to; pass the target commit explicitly, or tag each successful deployment (e.g. infra-deployed-<run number>)`
    )
  }
  const stable = tags.find((t) => t.commit !== current)
  if (!stable) {
    throw new ConfigurationError(
      `every tag matching "${options.tagPattern}" points at the current commit ${current}; there is no earlier stable deployment: pass the target commit explicitly`
    )
  }
  log.info(
    `Previous stable commit ${stable.commit} (tag ${stable.tag}; current ${current})`
  )
  return { commit: stable.commit, source: 'tag', tag: stable.tag }
}
