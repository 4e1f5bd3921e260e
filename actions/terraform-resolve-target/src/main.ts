import { statSync } from 'node:fs'
import { resolve } from 'node:path'
import {
  ConfigurationError,
  defineAction,
  InputError,
  retryPolicyFromEnv,
  type ActionContext
} from '@rollback-actions/action-kit'
import { createOctokit } from '@rollback-actions/github'
import {
  PREVIOUS_STABLE,
  resolveFromDeployments,
  resolveTargetCommit
} from '@rollback-actions/terraform'
import { ResolveTargetInputs, STABLE_SOURCE } from './inputs.js'

/** What the step resolved; `source` says why this commit. */
interface Resolved {
  commit: string
  source: 'input' | 'tag' | 'deployment'
  /** Tag name, or "deployment <id> created <UTC>"; '' for source input. */
  detail: string
}

function repositoryDir(path: string): string {
  const dir = resolve(path)
  let isDir = false
  try {
    isDir = statSync(dir).isDirectory()
  } catch {
    isDir = false
  }
  if (!isDir)
    throw new InputError(
      'working-directory',
      `"${path}" is not a directory; check out the repository first (actions/checkout with fetch-depth: 0) and point working-directory inside it`
    )
  return dir
}

async function fromDeployments(
  ctx: ActionContext,
  inputs: ResolveTargetInputs,
  repoDir: string
): Promise<Resolved> {
  const repository = ctx.github.repository
  if (!repository?.includes('/'))
    throw new ConfigurationError(
      'GITHUB_REPOSITORY is not set, so the deployment history cannot be read; run on a GitHub runner or use stable-source tags'
    )
  const octokit = createOctokit({
    auth: inputs.githubToken,
    baseUrl: ctx.env.GITHUB_API_URL,
    userAgent: 'rollback-actions/terraform-resolve-target',
    log: ctx.log,
    policy: retryPolicyFromEnv(ctx.env)
  })
  const found = await resolveFromDeployments({
    octokit,
    repository: ctx.github.repository,
    environment: inputs.environment ?? '',
    repoDir,
    tagPattern: inputs.tagPattern,
    log: ctx.log
  })
  return { ...found, source: 'deployment' }
}

/** terraform-resolve-target: which commit an infrastructure rollback returns to, and why. */
export const run = defineAction('terraform-resolve-target', async (ctx) => {
  const inputs = ctx.inputs(ResolveTargetInputs)
  const repoDir = repositoryDir(inputs.workingDirectory)
  const resolved = await ctx.log.group('Resolve', () =>
    ctx.audit.step('Resolve target commit', async (rec) => {
      let r: Resolved
      if (
        inputs.target === PREVIOUS_STABLE &&
        inputs.stableSource === STABLE_SOURCE.deployments
      ) {
        r = await fromDeployments(ctx, inputs, repoDir)
      } else {
        const t = await resolveTargetCommit({
          repoDir,
          target: inputs.target,
          tagPattern: inputs.tagPattern,
          log: ctx.log
        })
        r = { commit: t.commit, source: t.source, detail: t.tag ?? '' }
      }
      rec.detail('target', inputs.target)
      rec.detail('commit', r.commit)
      rec.detail('source', r.source)
      if (r.detail) rec.detail('source_detail', r.detail)
      return r
    })
  )
  ctx.output.set('commit', resolved.commit)
  ctx.output.set('source', resolved.source)
  ctx.output.set('source-detail', resolved.detail)
  const why =
    resolved.source === 'input'
      ? `named by input target "${inputs.target}"`
      : resolved.source === 'tag'
        ? `previous stable deployment tag ${resolved.detail} (pattern ${inputs.tagPattern})`
        : `previous successful ${resolved.detail} in environment ${inputs.environment ?? ''}`
  ctx.summary
    .heading('Rollback target')
    .table(['Commit', 'Why'], [[`\`${resolved.commit}\``, why]])
  ctx.log.notice(`Rolling back to ${resolved.commit}: ${why}`)
})
