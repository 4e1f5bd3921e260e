import {
  ConfigurationError,
  defineAction,
  parseImageReference,
  retryPolicyFromEnv,
  type ActionContext
} from '@rollback-actions/action-kit'
import { credentialFromInputs } from '@rollback-actions/azure'
import {
  assertTagMatchesDigest,
  createRegistryClient,
  discoverPreviousTag,
  readRunningImage,
  TagDiscoveryError,
  type Candidate,
  type CurrentImage
} from '@rollback-actions/registry'
import { DiscoverTagInputs } from './inputs.js'

/** Rows of the candidate table kept in the job summary (the rest are counted). */
const SUMMARY_ROWS = 100

function summarize(
  ctx: ActionContext,
  where: string,
  running: string,
  candidates: Candidate[]
) {
  ctx.summary
    .heading('Previous image tag')
    .paragraph(
      `Repository \`${where}\`, running \`${running}\`. Tags weighed, newest first:`
    )
    .table(
      ['Tag', 'Digest', 'Last updated (UTC)', 'Verdict'],
      candidates
        .slice(0, SUMMARY_ROWS)
        .map((c) => [
          c.tag,
          c.digest ?? '—',
          c.lastUpdatedOn?.toISOString() ?? '—',
          c.verdict
        ])
    )
  if (candidates.length > SUMMARY_ROWS) {
    ctx.summary.paragraph(
      `… and ${candidates.length - SUMMARY_ROWS} more tags (see the debug log).`
    )
  }
}

export const run = defineAction('discover-tag', async (ctx) => {
  const inputs = ctx.inputs(DiscoverTagInputs)
  const where = `${inputs.registry}/${inputs.repository}`

  const current = await ctx.log.group(
    'Resolve',
    async (): Promise<CurrentImage & { image: string }> => {
      if (inputs.currentImage) {
        const ref = inputs.currentImage
        if (ref.registry !== undefined && ref.registry !== inputs.registry) {
          ctx.log.warning(
            `current-image is from ${ref.registry}, the registry input is ${inputs.registry}; comparing by repository, tag and digest`,
            'Different registry'
          )
        }
        return {
          image: ref.reference,
          ...(ref.tag ? { tag: ref.tag } : {}),
          ...(ref.digest ? { digest: ref.digest } : {})
        }
      }
      const namespace = inputs.namespace ?? ''
      const deployment = inputs.deployment ?? ''
      const running = await readRunningImage({
        namespace,
        deployment,
        repository: inputs.repository,
        ...(ctx.env.KUBECONFIG ? { kubeconfig: ctx.env.KUBECONFIG } : {}),
        log: ctx.log,
        policy: retryPolicyFromEnv(ctx.env)
      })
      let ref
      try {
        ref = parseImageReference(running.image)
      } catch (error) {
        throw new ConfigurationError(
          `Deployment ${namespace}/${deployment} runs "${running.image}", which is not a valid image reference (${(error as Error).message})`
        )
      }
      if (ref.repository !== inputs.repository) {
        throw new ConfigurationError(
          `Deployment ${namespace}/${deployment} (container ${running.container}) runs ${running.image}, not an image of ${inputs.repository}: check the repository input`
        )
      }
      const digest = running.digest ?? ref.digest
      ctx.log.info(
        `Deployment ${namespace}/${deployment} runs ${running.image}${digest && !ref.digest ? ` (${digest})` : ''}`
      )
      return {
        image: running.image,
        ...(ref.tag ? { tag: ref.tag } : {}),
        ...(digest ? { digest } : {})
      }
    }
  )

  const credential = () => credentialFromInputs(inputs, ctx)

  const result = await ctx.log.group('Plan', () =>
    ctx.audit.step('Discover previous tag', async (rec) => {
      const client = await createRegistryClient({
        registry: inputs.registry,
        credential,
        log: ctx.log,
        policy: retryPolicyFromEnv(ctx.env)
      })
      rec.detail('registry_kind', client.kind)
      rec.detail('running', current.image)
      const given = inputs.currentImage
      if (given?.tag && given.digest) {
        await assertTagMatchesDigest(
          client,
          {
            repository: inputs.repository,
            tag: given.tag,
            digest: given.digest,
            reference: given.reference
          },
          'current-image'
        )
      }
      try {
        const found = await discoverPreviousTag({
          client,
          repository: inputs.repository,
          current,
          tagPattern: inputs.tagPattern,
          excludeTags: inputs.excludeTags ?? [],
          ...(inputs.imageTag ? { explicitTag: inputs.imageTag } : {}),
          log: ctx.log
        })
        rec.detail('chosen', `${found.tag}@${found.digest}`)
        rec.detail('registry_requests', found.requests)
        return found
      } catch (error) {
        if (error instanceof TagDiscoveryError)
          summarize(ctx, where, current.image, error.candidates)
        throw error
      }
    })
  )

  const image = `${inputs.registry}/${inputs.repository}@${result.digest}`
  ctx.output.set('tag', result.tag)
  ctx.output.set('digest', result.digest)
  ctx.output.set('image', image)
  summarize(ctx, where, current.image, result.candidates)
  ctx.summary.paragraph(
    `**Roll back to \`${result.tag}\`** → \`${image}\`${result.lastUpdatedOn ? ` (last updated ${result.lastUpdatedOn.toISOString()})` : ''}.`
  )
  ctx.log.notice(`Previous tag of ${where}: ${result.tag} (${result.digest})`)
})
