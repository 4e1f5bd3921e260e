import {
  ConfigurationError,
  InputError,
  OperationError,
  type Logger
} from '@rollback-actions/action-kit'
import { resolveTargetCommit } from './git.js'

/** Most deployments read before giving up (newest first; 5 pages of 100). */
export const MAX_DEPLOYMENTS_SCANNED = 500

/** A deployment that marks a commit stable. */
export interface StableDeployment {
  /** Full commit SHA the deployment deployed. */
  commit: string
  /** Deployment ID (int64 in the REST API). */
  deploymentId: number
  /** When the deployment was created, UTC ISO-8601. */
  createdAt: string
  /** Commit of the newest deployment of the environment: the one being rolled back from. */
  currentCommit: string
}

/** One deployment as `GET /repos/{owner}/{repo}/deployments` lists it (the fields read here). */
export interface DeploymentRecord {
  id: number
  sha: string
  created_at: string
}

type ListDeployments = (params: {
  owner: string
  repo: string
  environment: string
  per_page: number
}) => Promise<{ data: DeploymentRecord[] }>

/**
 * The part of an `@octokit/rest` `Octokit` the deployment-history lookup uses (the caller builds the client:
 * token, base URL, logger): `paginate.iterator` over `rest.repos.listDeployments`, and
 * `rest.repos.listDeploymentStatuses`.
 */
export interface DeploymentHistoryClient {
  paginate: {
    iterator(
      method: ListDeployments,
      params: Parameters<ListDeployments>[0]
    ): AsyncIterable<{ data: DeploymentRecord[] }>
  }
  rest: {
    repos: {
      listDeployments: ListDeployments
      listDeploymentStatuses(params: {
        owner: string
        repo: string
        deployment_id: number
        per_page: number
      }): Promise<{ data: { state: string }[] }>
    }
  }
}

function apiFailure(what: string, error: unknown): Error {
  const status = (error as { status?: number }).status
  if (status === 401 || status === 403)
    return new ConfigurationError(
      `${what}: GitHub refused the token (HTTP ${status}); give the job "permissions: deployments: read" (or pass a github-token that can read deployments)`,
      { cause: error }
    )
  if (status === 404)
    return new ConfigurationError(
      `${what}: repository not found (HTTP 404); check GITHUB_REPOSITORY and that github-token can read it`,
      { cause: error }
    )
  return new OperationError(
    `${what} failed (${status ? `HTTP ${status}` : 'no response'}); retry, or pass the target commit explicitly`,
    { cause: error }
  )
}

/**
 * Finds the newest successful deployment of `environment` whose commit differs from the newest deployment's commit
 * (the one deployed now, successful or not), from the GitHub deployment history (github-api.md §4:
 * `GET /repos/{owner}/{repo}/deployments?environment=` newest first, then
 * `GET /repos/{owner}/{repo}/deployments/{id}/statuses`; "successful" = any status with state `success`, so a
 * deployment later marked `inactive` still counts). Reads at most {@link MAX_DEPLOYMENTS_SCANNED} deployments.
 * @param repository `owner/name`
 * @throws ConfigurationError when the token is refused, the repository is unknown, the environment has no
 *   deployment, or none other than the current commit succeeded; OperationError on other API failures.
 */
export async function findPreviousStableDeployment(options: {
  octokit: DeploymentHistoryClient
  repository: string
  environment: string
  log: Logger
}): Promise<StableDeployment> {
  const { octokit, environment, log } = options
  const [owner = '', repo = ''] = options.repository.split('/')
  const where = `deployments of ${options.repository} in environment "${environment}"`
  let currentCommit: string | undefined
  let scanned = 0
  try {
    const pages = octokit.paginate.iterator(
      octokit.rest.repos.listDeployments,
      { owner, repo, environment, per_page: 100 }
    )
    for await (const page of pages) {
      for (const deployment of page.data) {
        scanned++
        currentCommit ??= deployment.sha
        if (deployment.sha === currentCommit) continue
        log.debug(
          `GET deployment ${deployment.id} statuses (commit ${deployment.sha})`
        )
        let statuses
        try {
          statuses = await octokit.rest.repos.listDeploymentStatuses({
            owner,
            repo,
            deployment_id: deployment.id,
            per_page: 100
          })
        } catch (error) {
          throw apiFailure(
            `reading the statuses of deployment ${deployment.id}`,
            error
          )
        }
        if (statuses.data.some((s) => s.state === 'success')) {
          log.info(
            `Previous stable commit ${deployment.sha} (deployment ${deployment.id} of ${deployment.created_at}; current ${currentCommit})`
          )
          return {
            commit: deployment.sha,
            deploymentId: deployment.id,
            createdAt: deployment.created_at,
            currentCommit
          }
        }
        if (scanned >= MAX_DEPLOYMENTS_SCANNED) break
      }
      if (scanned >= MAX_DEPLOYMENTS_SCANNED) break
    }
  } catch (error) {
    if (error instanceof ConfigurationError || error instanceof OperationError)
      throw error
    throw apiFailure(`listing the ${where}`, error)
  }
  if (currentCommit === undefined)
    throw new ConfigurationError(
      `there are no ${where}, so there is no previous stable deployment to return to; check the environment name, use stable-source tags, or pass the target commit explicitly`
    )
  throw new ConfigurationError(
    `none of the ${scanned} newest ${where} other than the current commit ${currentCommit} has a success status; pass the target commit explicitly`
  )
}

/** A commit resolved from the deployment history, as terraform-resolve-target reports it. */
export interface DeploymentTarget {
  /** Full commit SHA in the checked-out history. */
  commit: string
  /** "deployment <id> created <UTC>". */
  detail: string
}

/**
 * `previous-stable` from the GitHub deployment history: {@link findPreviousStableDeployment}, then that commit
 * resolved in the checked-out repository ({@link resolveTargetCommit}).
 * @param repository `owner/name` (`GITHUB_REPOSITORY`); undefined or without "/" is refused.
 * @throws ConfigurationError when the repository is unknown, the history holds no previous stable deployment, or
 *   its commit is not in the checked-out history; OperationError on other API failures.
 */
export async function resolveFromDeployments(
  options: Omit<
    Parameters<typeof findPreviousStableDeployment>[0],
    'repository'
  > & { repository: string | undefined; repoDir: string; tagPattern: string }
): Promise<DeploymentTarget> {
  const { repository, repoDir, log } = options
  if (!repository?.includes('/'))
    throw new ConfigurationError(
      'GITHUB_REPOSITORY is not set, so the deployment history cannot be read; run on a GitHub runner or use stable-source tags'
    )
  const found = await findPreviousStableDeployment({
    octokit: options.octokit,
    repository,
    environment: options.environment,
    log
  })
  let commit: string
  try {
    ;({ commit } = await resolveTargetCommit({
      repoDir,
      target: found.commit,
      tagPattern: options.tagPattern,
      log
    }))
  } catch (error) {
    if (!(error instanceof InputError)) throw error
    throw new ConfigurationError(
      `deployment ${found.deploymentId} marks commit ${found.commit} stable, but that commit is not in the checked-out history of ${repoDir}; check out with fetch-depth: 0 (and the branch that was deployed), or pass the target commit explicitly`,
      { cause: error }
    )
  }
  return {
    commit,
    detail: `deployment ${found.deploymentId} created ${found.createdAt}`
  }
}
