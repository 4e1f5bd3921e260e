import { secret } from '@rollback-actions/action-kit'
import { PREVIOUS_STABLE } from '@rollback-actions/terraform'
import { z } from 'zod'

/** Where `previous-stable` is looked up (input `stable-source`). */
export const STABLE_SOURCE = {
  tags: 'tags',
  deployments: 'deployments'
} as const
export type StableSource = (typeof STABLE_SOURCE)[keyof typeof STABLE_SOURCE]

/** A commit SHA, full or abbreviated (7–40 hex digits), or `previous-stable`. */
const target = z
  .string()
  .trim()
  .refine((v) => v === PREVIOUS_STABLE || /^[0-9a-fA-F]{7,40}$/.test(v), {
    message: `must be a commit SHA (7 to 40 hex digits) or "${PREVIOUS_STABLE}"; branch and tag names move, so they are not accepted`
  })
  .transform((v) => (v === PREVIOUS_STABLE ? v : v.toLowerCase()))

/** A git ref glob under refs/tags/: no whitespace, no leading "-" (it would read as an option). */
const tagPattern = z
  .string()
  .trim()
  .regex(
    /^[^\s-][^\s]*$/,
    'must be a tag glob such as infra-deployed-* (no spaces, not starting with "-")'
  )
  .refine((v) => !v.includes('..') && !v.startsWith('/'), {
    message: 'must be a glob under refs/tags/ (no "..", no leading "/")'
  })

/** GitHub environment names: at most 255 characters, no control characters. */
const environmentName = z
  .string()
  .trim()
  .max(255, 'must be at most 255 characters')
  // eslint-disable-next-line no-control-regex
  .regex(/^[^\x00-\x1f\x7f]+$/, 'must not contain control characters')

/**
 * Cross-field rule: input `key` must be set when `previous-stable` is looked up in the deployment history. Use as
 * `.refine(...neededForDeployments(key, message))`.
 */
function neededForDeployments<K extends 'environment' | 'githubToken'>(
  key: K,
  message: string
): [
  (i: {
    target: string
    stableSource: StableSource
    environment?: string | undefined
    githubToken?: string | undefined
  }) => boolean,
  { path: string[]; message: string }
] {
  return [
    (i) =>
      i.target !== PREVIOUS_STABLE ||
      i.stableSource !== STABLE_SOURCE.deployments ||
      i[key] !== undefined,
    { path: [key], message }
  ]
}

/** Inputs of terraform-resolve-target (defaults live in action.yml). */
export const ResolveTargetInputs = z
  .object({
    target, // input `target`: SHA or previous-stable
    stableSource: z.enum([STABLE_SOURCE.tags, STABLE_SOURCE.deployments], {
      message: 'must be "tags" or "deployments"'
    }), // input `stable-source`
    tagPattern, // input `tag-pattern`
    environment: environmentName.optional(), // input `environment`: for stable-source deployments
    workingDirectory: z.string().min(1), // input `working-directory`: inside the git repository
    githubToken: secret.optional() // input `github-token`: reads deployments
  })
  .refine(
    ...neededForDeployments(
      'environment',
      'is required when target is previous-stable and stable-source is deployments: name the GitHub environment whose deployment history marks the stable commits'
    )
  )
  .refine(
    ...neededForDeployments(
      'githubToken',
      'is required when target is previous-stable and stable-source is deployments (a token with "deployments: read"; the default is github.token)'
    )
  )
export type ResolveTargetInputs = z.infer<typeof ResolveTargetInputs>
