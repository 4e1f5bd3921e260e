import { Octokit } from '@octokit/rest'
import { defineAction, type ActionContext } from '@rollback-actions/action-kit'
import {
  AZURE_FEDERATION_AUDIENCE,
  createAzureCredential,
  type TokenCredential
} from '@rollback-actions/azure'
import { createKubeClients, type KubeClients } from '@rollback-actions/kube'
import {
  buildConnectionString,
  createKeyVaultClient,
  describeConnectionString,
  putGitHubEnvironmentSecret,
  readKeyVaultSecret,
  checkConsumers,
  restartConsumers,
  swapBackKeyVaultSecret,
  swapBackKubernetesSecret,
  swapKeyVaultSecret,
  swapKubernetesSecret
} from '@rollback-actions/secrets'
import { SecretSwapInputs } from './inputs.js'

/** What the write step reports (never values). */
interface Written {
  where: string
  previous: string
  current: string
  changed: boolean
}

/** secret-swap: point the apps at another database server and restart them. */
export const run = defineAction('secret-swap', async (ctx: ActionContext) => {
  const inputs = ctx.inputs(SecretSwapInputs)
  let credential: TokenCredential | undefined
  const azure = () =>
    (credential ??=
      inputs.clientId && inputs.tenantId
        ? createAzureCredential(
            {
              clientId: inputs.clientId,
              tenantId: inputs.tenantId,
              getAssertion: () => ctx.oidcToken(AZURE_FEDERATION_AUDIENCE)
            },
            ctx.env
          )
        : createAzureCredential({ useAzureCli: true }, ctx.env))
  let kube: KubeClients | undefined
  const kubeClients = () => (kube ??= createKubeClients(inputs.kubeconfig))
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
        createKeyVaultClient(ref.vaultUrl, azure()),
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
      async (rec): Promise<Written> => {
        let w: Written
        if (inputs.target === 'key-vault') {
          const client = createKeyVaultClient(inputs.keyVaultUrl ?? '', azure())
          const where = `Key Vault secret ${inputs.secretName}`
          if (inputs.mode === 'swap') {
            const r = await swapKeyVaultSecret(
              client,
              inputs.secretName,
              value ?? '',
              ctx.log
            )
            w = {
              where,
              previous: r.previousVersion ?? '',
              current: r.currentVersion,
              changed: r.changed
            }
          } else {
            const r = await swapBackKeyVaultSecret(
              client,
              inputs.secretName,
              ctx.log
            )
            w = {
              where,
              previous: r.previousVersion ?? '',
              current: r.currentVersion,
              changed: true
            }
            ctx.log.info(
              `${where}: value of version ${r.restoredVersion} is current again (as version ${r.currentVersion})`
            )
          }
          rec.change(
            where,
            w.previous ? `version ${w.previous}` : null,
            `version ${w.current}`
          )
        } else if (inputs.target === 'kubernetes-secret') {
          const target = {
            clients: kubeClients(),
            namespace: inputs.namespace ?? 'default',
            name: inputs.secretName,
            key: inputs.secretKey
          }
          const where = `Secret ${target.namespace}/${target.name} key ${target.key}`
          const r =
            inputs.mode === 'swap'
              ? await swapKubernetesSecret(target, value ?? '', ctx.log)
              : await swapBackKubernetesSecret(target, ctx.log)
          w = {
            where,
            previous: r.previousKey ?? '',
            current: target.key,
            changed: r.changed
          }
          rec.change(
            where,
            r.created
              ? null
              : 'previous value (kept in ' + (r.previousKey ?? '—') + ')',
            inputs.mode === 'swap'
              ? 'new connection string'
              : 'previous connection string'
          )
        } else {
          const octokit = new Octokit({
            auth: inputs.githubToken,
            baseUrl: ctx.env.GITHUB_API_URL ?? 'https://api.github.com',
            log: {
              debug: () => undefined,
              info: () => undefined,
              warn: () => undefined,
              error: () => undefined
            }
          })
          const repository = inputs.repository ?? ctx.github.repository ?? ''
          const where = `GitHub secret ${inputs.secretName} (${repository}, environment ${inputs.environment ?? ''})`
          const r = await putGitHubEnvironmentSecret(
            {
              octokit,
              repository,
              environment: inputs.environment ?? '',
              name: inputs.secretName
            },
            value ?? '',
            ctx.log
          )
          w = { where, previous: '', current: '', changed: true }
          rec.change(
            where,
            r.created ? null : 'previous value (not readable)',
            'sealed connection string'
          )
        }
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
