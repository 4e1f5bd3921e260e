import { join } from 'node:path'
import {
  RequestLog,
  startGitHubApiEmulator,
  type GitHubApiEmulator
} from '@rollback-actions/emulators'
import type { ActionRun, ExecuteOptions } from '@rollback-actions/drill'

/** The workflow templates folder (workflows-templates/). */
export const TEMPLATES = join(
  import.meta.dirname,
  '..',
  '..',
  'workflows-templates'
)

/**
 * A finished suite action run as the drill engine records it, with no output text and no time spent.
 * @param id the suite action.
 * @param outputs its step outputs.
 * @param exitCode its exit code; a non-zero one adds a failure.
 * @returns the run.
 */
export function fakeRun(
  id: string,
  outputs: Record<string, string>,
  exitCode = 0
): ActionRun {
  const now = new Date().toISOString()
  return {
    action: id,
    exitCode,
    outputs,
    summary: '',
    stdout: '',
    stderr: '',
    audit: [],
    startedAt: now,
    finishedAt: now,
    durationMs: 0,
    ...(exitCode === 0 ? {} : { failure: `${id}: failed` })
  }
}

/** The azure/login ids and the AKS cluster the rollback workflows read from repository variables. */
export const AZURE_VARS = {
  AZURE_CLIENT_ID: '8f1b6c2e-3d4a-4f5b-9c6d-7e8f9a0b1c2d',
  AZURE_TENANT_ID: '2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d',
  AZURE_SUBSCRIPTION_ID: '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e',
  AKS_RESOURCE_GROUP: 'rg-prod',
  AKS_CLUSTER_NAME: 'aks-prod'
}

/**
 * The GitHub REST emulator for the drill's approvals and dispatches: repository warranty-hub/platform with the
 * environments staging and production, and one token of user `sre`.
 * @param token the token it takes.
 * @returns the running emulator.
 */
export const startDrillGitHub = (token: string): Promise<GitHubApiEmulator> =>
  startGitHubApiEmulator({
    log: new RequestLog(),
    tokens: { [token]: 'sre' },
    repositories: { 'warranty-hub/platform': ['staging', 'production'] }
  })

/**
 * An `approve` that records `job:environment` and approves as `lead`.
 * @param approvals where each approval is recorded.
 * @returns the callback.
 */
export const approveAsLead =
  (approvals: string[]): ExecuteOptions['approve'] =>
  (job, environment) => {
    approvals.push(`${job}:${environment}`)
    return Promise.resolve({ approvedBy: 'lead' })
  }

/** The outputs of discover-tag when it finds v1.2.0-stable of product-service. */
export const DISCOVERED_STABLE = {
  image: 'reg.example.io/warranty-hub/product-service@sha256:' + 'a'.repeat(64),
  tag: 'v1.2.0-stable',
  digest: 'sha256:' + 'a'.repeat(64)
}
