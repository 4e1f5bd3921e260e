import {
  defineAction,
  retryPolicyFromEnv,
  type ActionContext
} from '@rollback-actions/action-kit'
import {
  credentialFromInputs,
  type TokenCredential
} from '@rollback-actions/azure'
import { createOctokit } from '@rollback-actions/github'
import { createKubeClients, type KubeClients } from '@rollback-actions/kube'
import {
  applySwap,
  buildConnectionString,
  checkConsumers,
  createKeyVaultClient,
  describeConnectionString,
  readKeyVaultSecret,
  restartConsumers,
  type SwapOutcome,
  type SwapTarget
} from '@rollback-actions/secrets'
import { SecretSwapInputs } from './inputs.js'

/** secret-swap: point the apps at another database server and restart them. */
export const run = defineAction('secret-swap', async (ctx: ActionContext) => {
  const inputs = ctx.inputs(SecretSwapInputs)
  let credential: TokenCredential | undefined
  const azure = () => (credential ??= credentialFromInputs(inputs, ctx))
  const policy = retryPolicyFromEnv(ctx.env)
  let kube: KubeClients | undefined
  const kubeClients = () =>
    (kube ??= createKubeClients(inputs.kubeconfig, policy))
  /** The secret to write, from the target inputs (validated by the schema). */
  const swapTarget = (): SwapTarget => {
    if (inputs.target === 'key-vault')
      return {
        kind: 'key-vault',
        client: createKeyVaultClient(
          inputs.keyVaultUrl ?? '',
          azure(),
          undefined,
          { policy, log: ctx.log }
        ),
        name: inputs.secretName
      }
    if (inputs.target === 'kubernetes-secret')
      return {
        kind: 'kubernetes-secret',
        secret: {
          clients: kubeClients(),
          namespace: inputs.namespace ?? 'default',
          name: inputs.secretName,
          key: inputs.secretKey
        }
      }
    return {
      kind: 'github-environment-secret',
      secret: {
        octokit: createOctokit({
          auth: inputs.githubToken,
          baseUrl: ctx.env.GITHUB_API_URL,
          log: ctx.log,
          policy
        }),
        repository: inputs.repository ?? ctx.github.repository ?? '',
        environment: inputs.environment ?? '',
        name: inputs.secretName
      }
    }
  }
  if (inputs.target === 'kubernetes-secret' || inputs.deployments) kubeClients()

  // Resolve: the consumers exist and can be restarted, and the connection string (masked before anything can
  // print it) — all before anything is written.
  const value = await ctx.log.group('Resolve', async () => {
    if (inputs.deployments)
      await checkConsumers(kubeClients(), inputs.deployments)
    if (
      !inputs.serverFqdn ||
      (inputs.mode === 'swap-back' &&
        inputs.target !== 'github-environment-secret')
    )
      return undefined
    let password = inputs.password
    if (!password && inputs.passwordKeyVaultRef) {
      const ref = inputs.passwordKeyVaultRef
      ctx.log.info(`reading the password from Key Vault secret "${ref.name}"`)
      password = await readKeyVaultSecret(
        createKeyVaultClient(ref.vaultUrl, azure(), undefined, {
          policy,
          log: ctx.log
        }),
        ref,
        ctx.log
      )
    }
    const connectionString = buildConnectionString({
      host: inputs.serverFqdn,
      port: inputs.port,
      database: inputs.database ?? '',
      username: inputs.username ?? '',
      password: password ?? '',
      sslMode: inputs.sslMode
    })
    ctx.log.secret(connectionString)
    ctx.log.info(
      `connection string: ${describeConnectionString(connectionString)} (password hidden)`
    )
    return connectionString
  })

  const written = await ctx.log.group('Apply', () =>
    ctx.audit.step(
      inputs.mode === 'swap'
        ? 'Swap connection secret'
        : 'Swap connection secret back',
      async (rec): Promise<SwapOutcome> => {
        const w = await applySwap(
          swapTarget(),
          inputs.mode,
          value ?? '',
          ctx.log
        )
        rec.change(w.where, w.from, w.to)
        ctx.log.info(
          `${w.where}: ${w.changed ? 'written' : 'already current, nothing written'}`
        )
        return w
      }
    )
  )
  ctx.output.set('previous-version', written.previous)
  ctx.output.set('current-version', written.current)

  const restarted = inputs.deployments
    ? await ctx.log.group('Verify', () =>
        ctx.audit.step('Restart consumers', async (rec) => {
          const r = await restartConsumers(
            kubeClients(),
            inputs.deployments ?? [],
            inputs.rolloutTimeout,
            ctx.log
          )
          for (const d of r)
            rec.change(
              `deployment ${d.namespace}/${d.name}`,
              null,
              `restarted at ${d.restartedAt}, revision ${d.revision}`
            )
          return r
        })
      )
    : []
  ctx.output.set(
    'restarted',
    restarted.map((d) => `${d.namespace}/${d.name}`).join(',')
  )

  ctx.summary.heading(
    inputs.mode === 'swap'
      ? 'Database connection swapped'
      : 'Database connection swapped back'
  )
  ctx.summary.table(
    ['Target', 'Previous value kept in', 'Current', 'Restarted'],
    [
      [
        written.where,
        written.previous || '—',
        written.current || '—',
        restarted.map((d) => `${d.namespace}/${d.name}`).join(', ') || '—'
      ]
    ]
  )
  ctx.log.notice(
    `${written.where} ${inputs.mode === 'swap' ? 'now points at the new server' : 'is back to its previous value'}${restarted.length ? `; restarted ${restarted.length} deployment(s)` : ''}`
  )
})
