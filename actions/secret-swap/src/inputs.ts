import {
  durationSecondsAtMost,
  k8sName,
  nameList,
  namespaceName,
  positiveInteger,
  qualifiedName,
  secret,
  azureClientId,
  azureTenantId,
  fromParser
} from '@rollback-actions/action-kit'
import {
  SSL_MODES,
  checkGitHubSecretName,
  checkKeyVaultSecretName,
  checkKeyVaultUrl,
  checkKubernetesSecretKey,
  parseKeyVaultReference,
  uniqueConsumers
} from '@rollback-actions/secrets'
import { z } from 'zod'

export const TARGETS = [
  'key-vault',
  'kubernetes-secret',
  'github-environment-secret'
] as const

const caught = <T>(parse: (v: string) => T) =>
  z
    .string()
    .transform(
      fromParser(parse, (error) =>
        (error as Error).message.replace(/^input "[^"]+": /, '')
      )
    )

/** Inputs of secret-swap (defaults live in action.yml). */
export const SecretSwapInputs = z
  .object({
    mode: z.enum(['swap', 'swap-back'], {
      error: 'must be "swap" or "swap-back"'
    }), // `mode`
    target: z.enum(TARGETS, {
      error: (issue) =>
        `${JSON.stringify(issue.input)} is not a known target; use one of ${TARGETS.join(', ')}`
    }), // `target`
    secretName: z.string().trim().min(1), // `secret-name` (checked per target below)
    serverFqdn: z.string().trim().optional(), // `server-fqdn`: host or host:port
    port: positiveInteger.refine((n) => n <= 65535, 'must be a port (1-65535)'), // `port`
    database: z.string().trim().optional(), // `database`
    username: z.string().trim().optional(), // `username`
    password: secret.optional(), // `password` (masked)
    passwordKeyVaultRef: caught((v) =>
      parseKeyVaultReference(v, 'password-key-vault-ref')
    ).optional(), // `password-key-vault-ref`
    sslMode: z.enum(SSL_MODES, {
      error: `must be one of ${SSL_MODES.join(', ')}`
    }), // `ssl-mode`
    keyVaultUrl: caught((v) => checkKeyVaultUrl(v, 'key-vault-url')).optional(), // `key-vault-url`
    secretKey: caught((v) => {
      checkKubernetesSecretKey(v, 'secret-key')
      return v
    }), // `secret-key`
    namespace: namespaceName.optional(), // `namespace`
    kubeconfig: z.string().optional(), // `kubeconfig`
    repository: z
      .string()
      .trim()
      .regex(/^[\w.-]+\/[\w.-]+$/, 'must be owner/name')
      .optional(), // `repository`
    environment: z.string().trim().min(1).optional(), // `environment`
    githubToken: secret.optional(), // `github-token` (masked)
    deployments: nameList(
      qualifiedName as unknown as z.ZodType<
        { namespace: string; name: string },
        string
      >
    )
      .transform(uniqueConsumers)
      .optional(), // `deployments`: repeats dropped
    rolloutTimeout: durationSecondsAtMost('6h'), // `rollout-timeout` → seconds
    clientId: azureClientId.optional(), // `client-id`
    tenantId: azureTenantId.optional() // `tenant-id`
  })
  .superRefine((i, ctx) => {
    const issue = (path: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message })
    /** Runs one of packages/secrets' checks and turns its InputError into an issue on `path`. */
    const check = (path: string, run: () => void) => {
      try {
        run()
      } catch (error) {
        issue(path, (error as Error).message.replace(/^input "[^"]+": /, ''))
      }
    }
    if ((i.clientId === undefined) !== (i.tenantId === undefined))
      issue(
        'tenantId',
        'tenant-id and client-id go together: set both for GitHub OIDC, or neither to use the azure/login session'
      )
    if (i.target === 'key-vault') {
      check('secretName', () =>
        checkKeyVaultSecretName(i.secretName, 'secret-name')
      )
      if (!i.keyVaultUrl)
        issue(
          'keyVaultUrl',
          'is required when target is key-vault (https://<vault>.vault.azure.net)'
        )
    }
    if (
      i.target === 'kubernetes-secret' &&
      !k8sName.safeParse(i.secretName).success
    )
      issue(
        'secretName',
        `"${i.secretName}" is not a valid Kubernetes Secret name: lowercase RFC 1123 (a-z, 0-9, "-", ".")`
      )
    if (i.target === 'github-environment-secret') {
      check('secretName', () =>
        checkGitHubSecretName(i.secretName, 'secret-name')
      )
      if (!i.environment)
        issue(
          'environment',
          'is required when target is github-environment-secret'
        )
      if (!i.githubToken)
        issue(
          'githubToken',
          'is required when target is github-environment-secret (a token with secrets write permission)'
        )
    }
    const needsValue =
      i.mode === 'swap' || i.target === 'github-environment-secret'
    if (needsValue) {
      if (!i.serverFqdn)
        issue(
          'serverFqdn',
          i.mode === 'swap'
            ? 'is required for mode swap (the fqdn output of pitr-restore)'
            : 'is required for swap-back to a GitHub environment secret (GitHub never returns secret values: give the original server)'
        )
      else if (!i.database) issue('database', 'is required with server-fqdn')
      else if (!i.username) issue('username', 'is required with server-fqdn')
      else if (!i.password && !i.passwordKeyVaultRef)
        issue(
          'password',
          'is required with server-fqdn: pass password from a secret, or password-key-vault-ref'
        )
    }
    if (i.password && i.passwordKeyVaultRef)
      issue(
        'passwordKeyVaultRef',
        'give either password or password-key-vault-ref, not both'
      )
  })
export type SecretSwapInputs = z.infer<typeof SecretSwapInputs>
