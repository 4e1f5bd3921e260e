import { randomBytes, randomUUID } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import { basename, join, resolve } from 'node:path'
import { startAcrEmulator, type AcrEmulator } from '@rollback-actions/emulators'
import { startDatabaseServices, type DatabaseServices } from './database.js'
import {
  startEntraEmulator,
  type EntraEmulator
} from '@rollback-actions/emulators'
import {
  startKubernetesEmulator,
  type KubernetesEmulator
} from '@rollback-actions/emulators'
import {
  GITHUB_OIDC_ISSUER,
  githubSubject,
  startGitHubOidcEmulator,
  type GitHubOidcClaims,
  type GitHubOidcEmulator
} from '@rollback-actions/emulators'
import { loadScenario, resolveScenarioTime, type Scenario } from './scenario.js'
import { RequestLog, type RunningServer } from '@rollback-actions/emulators'
import {
  scenarioProfiles,
  startMonitoring,
  type PrometheusAlerting
} from './prometheus/index.js'
import {
  shortenedRules,
  startAlertmanager,
  type RunningAlertmanager
} from './alertmanager.js'
import type {
  GitHubAppRegistration,
  GitHubRepositoryDispatch
} from '@rollback-actions/emulators'
import { createProductServiceRuntime } from './service/runtime.js'
import { startServiceProxy } from './service/proxy.js'
import { createCertificateAuthority } from '@rollback-actions/emulators'
import {
  FEATURE_FLAG_CONTENT_TYPE,
  FEATURE_FLAG_PREFIX,
  startAppConfigurationEmulator,
  type AppConfigurationEmulator,
  type KeyValueSeed
} from '@rollback-actions/emulators'

/** GitHub environments the sandbox's app registration trusts (a federated credential each). */
export const SANDBOX_ENVIRONMENTS = ['staging', 'production'] as const

/** The audience GitHub OIDC tokens carry for Azure (azure/login default). */
export const AZURE_OIDC_AUDIENCE = 'api://AzureADTokenExchange'

export interface SandboxOptions {
  /** Folder for kubeconfig, sandbox.env and ca.pem (created). */
  outDir: string
  scenario?: Scenario
  /** Progress lines (the CLI prints them). */
  onLine?: (line: string) => void
  /** Pod start latency override, ms (tests use small values). */
  podStartLatencyMs?: number
  /**
   * Alerting: Prometheus evaluates `rulesFile` (each `for:` shortened to at most `forSeconds`) and notifies a real
   * Alertmanager, which posts roll-back-now alerts to `webhookUrl` (see startAlertmanager).
   */
  alerting?: SandboxAlerting
  /** GitHub Apps the GitHub REST emulator issues installation tokens to. */
  githubApps?: GitHubAppRegistration[]
  /** Told of every repository_dispatch the GitHub REST emulator accepts. */
  onGitHubDispatch?: (dispatch: GitHubRepositoryDispatch) => void
}

/** The sandbox's alerting: rules, how much their `for:` is shortened, and where Alertmanager posts. */
export interface SandboxAlerting {
  rulesFile: string
  /** Longest `for:` in seconds (the rules' own durations are used when shorter). */
  forSeconds: number
  webhookUrl: string
  webhookToken: string
  /** Prometheus `external_labels`, e.g. `{environment: 'production'}`. */
  externalLabels?: Record<string, string>
}

/** A running sandbox: every emulator, the shared request log, and the environment an action needs. */
export interface Sandbox {
  scenario: Scenario
  /** KEY=VALUE pairs written to `sandbox.env` (what an action needs to reach the sandbox). */
  env: Record<string, string>
  kubeconfigPath: string
  envFilePath: string
  caPem: string
  requests: RequestLog
  oidc: GitHubOidcEmulator
  entra: EntraEmulator
  acr: AcrEmulator
  kube: KubernetesEmulator
  service: RunningServer
  /** The Alertmanager Prometheus notifies, when `alerting` was asked for. */
  alertmanager?: RunningAlertmanager
  /** ARM (PostgreSQL Flexible Server on real PostgreSQL 15), Key Vault and GitHub REST emulators, when the scenario has a database. */
  database?: DatabaseServices
  /** The App Configuration store, when the scenario has an `appConfiguration` section. */
  appConfiguration?: AppConfigurationEmulator
  /** GitHub `github` context values the drill uses for the simulated workflow run. */
  github: Record<string, string>
  /** Stops every emulator and process; safe to call twice. */
  stop(): Promise<void>
}

/**
 * Starts the sandbox: a CA generated at start; a GitHub OIDC token endpoint, an Entra ID token endpoint that trusts
 * it (federated credential, no client secret), an ACR emulator, a Kubernetes API emulator whose pods run the sample
 * product-service, and an HTTPS Service endpoint in front of the Ready pods — all on random loopback ports. Seeds the
 * scenario's deployments (revision history, last revision live) and waits until they are available, then writes
 * `<outDir>/kubeconfig` and `<outDir>/sandbox.env`.
 * @throws Error when a component cannot start; everything already started is stopped first.
 */
export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  const scenario = options.scenario ?? loadScenario()
  const say = options.onLine ?? (() => undefined)
  const outDir = resolve(options.outDir)
  await mkdir(outDir, { recursive: true })
  const stops: Array<() => Promise<void>> = []
  const stop = async () => {
    for (const s of stops.splice(0).reverse()) await s().catch(() => undefined)
  }
  try {
    const now = new Date()
    const requests = new RequestLog()
    const ca = await createCertificateAuthority()
    const tls = await ca.issue(['localhost', '127.0.0.1'])
    const caPath = join(outDir, 'ca.pem')
    await writeFile(caPath, ca.caPem)

    const github = {
      repository: 'warranty-hub/platform',
      actor: 'sandbox-sre',
      triggering_actor: 'sandbox-sre',
      run_id: String(Date.now()),
      run_attempt: '1',
      server_url: 'https://github.com',
      event_name: 'workflow_dispatch',
      ref: 'refs/heads/main',
      sha: randomBytes(20).toString('hex'),
      workflow: 'Roll back application'
    }
    const claims: GitHubOidcClaims = {
      repository: github.repository,
      ref: github.ref,
      actor: github.actor,
      run_id: github.run_id,
      event_name: github.event_name
    }
    const oidc = await startGitHubOidcEmulator({ log: requests, claims })
    stops.push(() => oidc.close())
    const clientId = randomUUID()
    const tenantId = randomUUID()
    const entra = await startEntraEmulator({
      tls,
      log: requests,
      tenantId,
      // One federated credential per subject the workflows present: the branch (plan jobs) and each GitHub
      // environment (jobs bound to it), exactly as an app registration for these workflows is set up.
      federatedCredentials: [
        claims,
        ...SANDBOX_ENVIRONMENTS.map((environment) => ({
          ...claims,
          environment
        }))
      ].map((c) => ({
        clientId,
        issuer: GITHUB_OIDC_ISSUER,
        subject: githubSubject(c),
        audience: AZURE_OIDC_AUDIENCE
      })),
      issuerKeys: { [oidc.issuer]: oidc.jwks.keys }
    })
    stops.push(() => entra.close())
    say(`entra     ${entra.url} (tenant ${tenantId})`)

    let database: DatabaseServices | undefined
    if (scenario.database) {
      const services = await startDatabaseServices({
        tls,
        ca,
        secretsOfficers: [clientId],
        hostsFilePath: join(outDir, 'hosts'),
        log: requests,
        entra,
        database: scenario.database,
        repository: github.repository,
        ...(options.githubApps ? { githubApps: options.githubApps } : {}),
        ...(options.onGitHubDispatch
          ? { onGitHubDispatch: options.onGitHubDispatch }
          : {})
      })
      database = services
      stops.push(() => services.close())
      say(
        `database  ARM ${services.env.ROLLBACK_ARM_ENDPOINT ?? ''}, servers ${[...services.arm.servers.keys()].join(', ')} (PostgreSQL 15), Key Vault ${services.env.SANDBOX_KEY_VAULT_URL ?? ''}`
      )
    }

    let appConfiguration: AppConfigurationEmulator | undefined
    if (scenario.appConfiguration) {
      const section = scenario.appConfiguration
      const seed: KeyValueSeed[] = [
        ...section.keyValues.map((kv) => ({
          key: kv.key,
          label: kv.label,
          value: kv.value,
          ...(kv.contentType ? { contentType: kv.contentType } : {}),
          lastModified: resolveScenarioTime(kv.modified, now)
        })),
        ...section.featureFlags.map((f) => ({
          key: `${FEATURE_FLAG_PREFIX}${f.name}`,
          label: f.label,
          contentType: FEATURE_FLAG_CONTENT_TYPE,
          value: JSON.stringify({
            id: f.name,
            enabled: f.enabled,
            conditions: {
              client_filters:
                f.percentage === undefined
                  ? []
                  : [
                      {
                        name: 'Microsoft.Percentage',
                        parameters: { Value: f.percentage }
                      }
                    ]
            }
          }),
          lastModified: resolveScenarioTime(f.modified, now)
        }))
      ].sort((a, b) => a.lastModified.getTime() - b.lastModified.getTime())
      const store = await startAppConfigurationEmulator({
        tls,
        log: requests,
        entra,
        name: section.name,
        sku: section.sku,
        seed
      })
      appConfiguration = store
      stops.push(() => store.close())
      say(
        `appconfig ${store.url} (store ${section.name}, ${seed.length} key-values)`
      )
    }

    const acr = await startAcrEmulator({
      tls,
      log: requests,
      entra,
      repositories: scenario.registry.repositories.map((r) => ({
        name: r.name,
        tags: r.tags.map((t) => ({
          name: t.name,
          pushed: resolveScenarioTime(t.pushed, now),
          broken: t.broken
        }))
      }))
    })
    stops.push(() => acr.close())
    say(`acr       ${acr.url} (login server ${acr.loginServer})`)

    // What a container runs is decided by the image it resolves to, whatever the reference (tag or digest).
    const versionOf = (image: string) => {
      const r = acr.resolve(image)
      return 'error' in r ? undefined : (r.version ?? r.tag)
    }
    const tagOfVersion = (image: string) =>
      scenario.registry.repositories
        .flatMap((repo) => repo.tags)
        .find((t) => t.name === versionOf(image))
    const runtime = createProductServiceRuntime({
      // Pods resolve the servers' FQDNs through the sandbox's DNS and trust the sandbox CA (TLS-only PostgreSQL).
      network: {
        resolveHost: (host) => database?.arm.resolveHost(host),
        caPem: ca.caPem
      },
      resolve: (image) => {
        const r = acr.resolve(image)
        return 'error' in r ? { error: r.error } : { digest: r.digest }
      },
      isBroken: (image) => {
        const r = acr.resolve(image)
        return !('error' in r) && r.broken
      },
      versionOf,
      profile: scenarioProfiles(scenario, versionOf),
      crashAfterServingMs: (image) => {
        const seconds = tagOfVersion(image)?.crashAfterSeconds
        return seconds === undefined ? undefined : seconds * 1000
      }
    })
    stops.push(() => runtime.stopAll())
    const token = randomBytes(24).toString('base64url')
    const kube = await startKubernetesEmulator({
      tls,
      caPem: ca.caPem,
      log: requests,
      token,
      runtime,
      podStartLatencyMs:
        options.podStartLatencyMs ?? scenario.kubernetes.podStartLatencyMs
    })
    stops.push(() => kube.close())
    say(`kubernetes ${kube.url}`)

    if (database && scenario.database) {
      // product-service reads its connection string from this Secret at start (like a real app)
      const server = scenario.database.servers[0]
      if (server) {
        kube.store.createSecret({
          apiVersion: 'v1',
          kind: 'Secret',
          metadata: {
            name: 'product-service-db',
            namespace: scenario.service.namespace
          },
          data: {
            'connection-string': Buffer.from(
              database.arm.connectionString(server.name, server.database)
            ).toString('base64')
          }
        })
      }
    }
    for (const d of scenario.kubernetes.deployments) {
      await kube.seedDeployment({
        namespace: d.namespace,
        name: d.name,
        replicas: d.replicas,
        container: d.container,
        images: d.history.map(
          (tag) => `${acr.loginServer}/${d.repository}:${tag}`
        ),
        progressDeadlineSeconds: d.progressDeadlineSeconds,
        revisionHistoryLimit: d.revisionHistoryLimit,
        env: d.env.map((e) =>
          e.secretKeyRef
            ? {
                name: e.name,
                valueFrom: {
                  secretKeyRef: { ...e.secretKeyRef, optional: e.optional }
                }
              }
            : { name: e.name, value: e.value ?? '' }
        )
      })
      say(
        `deployment ${d.namespace}/${d.name}: ${d.replicas} replicas on ${d.history.at(-1) ?? ''}`
      )
    }

    const service = await startServiceProxy({
      tls,
      log: requests,
      endpoints: () =>
        kube.readyEndpoints(
          scenario.service.namespace,
          scenario.service.deployment
        )
    })
    stops.push(() => service.close())
    say(
      `service   ${service.url} → ${scenario.service.namespace}/${scenario.service.deployment}`
    )

    let prometheusUrl: string | undefined
    let alertmanager: RunningAlertmanager | undefined
    if (scenario.prometheus && scenario.prometheus.enabled) {
      let alerting: PrometheusAlerting | undefined
      if (options.alerting) {
        const a = options.alerting
        alertmanager = await startAlertmanager({
          workDir: join(outDir, 'alertmanager'),
          webhookUrl: a.webhookUrl,
          webhookToken: a.webhookToken
        })
        stops.push(() => alertmanager?.close() ?? Promise.resolve())
        const rulesDir = join(outDir, 'rules')
        await mkdir(rulesDir, { recursive: true })
        const rulesFile = join(rulesDir, basename(a.rulesFile))
        await writeFile(
          rulesFile,
          await shortenedRules(a.rulesFile, {
            forSeconds: a.forSeconds,
            intervalSeconds: scenario.prometheus.scrapeIntervalSeconds
          })
        )
        alerting = {
          ruleFiles: [rulesFile],
          alertmanagerUrl: alertmanager.url,
          ...(a.externalLabels ? { externalLabels: a.externalLabels } : {})
        }
        say(
          `alertmanager ${alertmanager.url} (rules ${basename(a.rulesFile)}, for: at most ${a.forSeconds}s, webhook ${a.webhookUrl})`
        )
      }
      const monitoring = await startMonitoring({
        scenario,
        runtime,
        serviceUrl: service.url,
        caPem: ca.caPem,
        workDir: join(outDir, 'prometheus'),
        ...(alerting ? { alerting } : {})
      })
      stops.push(() => monitoring.close())
      prometheusUrl = monitoring.url
      say(
        `prometheus ${monitoring.url} (scraping product-service, load generator on)`
      )
    }

    const kubeconfigPath = join(outDir, 'kubeconfig')
    await writeFile(
      kubeconfigPath,
      kube.kubeconfig({ namespace: scenario.service.namespace }),
      { mode: 0o600 }
    )
    const env: Record<string, string> = {
      KUBECONFIG: kubeconfigPath,
      NODE_EXTRA_CA_CERTS: caPath,
      ACTIONS_ID_TOKEN_REQUEST_URL: oidc.requestUrl,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: oidc.requestToken,
      AZURE_CLIENT_ID: clientId,
      AZURE_TENANT_ID: tenantId,
      AZURE_AUTHORITY_HOST: entra.url,
      SANDBOX_REGISTRY: acr.loginServer,
      SANDBOX_SERVICE_URL: service.url,
      ...(prometheusUrl ? { SANDBOX_PROMETHEUS_URL: prometheusUrl } : {}),
      ...(alertmanager ? { SANDBOX_ALERTMANAGER_URL: alertmanager.url } : {}),
      GITHUB_REPOSITORY: github.repository,
      GITHUB_RUN_ID: github.run_id,
      GITHUB_ACTOR: github.actor,
      GITHUB_SERVER_URL: github.server_url,
      ...(database?.env ?? {}),
      ...(appConfiguration
        ? { SANDBOX_APP_CONFIGURATION_ENDPOINT: appConfiguration.url }
        : {}),
      // libpq's root CA for verify-full against the TLS-only PostgreSQL servers (psql, pg_dump).
      ...(database
        ? {
            PGSSLROOTCERT: caPath,
            SANDBOX_POSTGRES_HOSTS: join(outDir, 'hosts')
          }
        : {})
    }
    const envFilePath = join(outDir, 'sandbox.env')
    await writeEnvFile(envFilePath, env)
    return {
      scenario,
      env,
      kubeconfigPath,
      envFilePath,
      caPem: ca.caPem,
      requests,
      oidc,
      entra,
      acr,
      kube,
      service,
      ...(alertmanager ? { alertmanager } : {}),
      ...(database ? { database } : {}),
      ...(appConfiguration ? { appConfiguration } : {}),
      github,
      stop
    }
  } catch (error) {
    await stop()
    throw error
  }
}

/** Writes KEY=VALUE lines (values single-quoted for `set -a; . sandbox.env`). */
export async function writeEnvFile(
  path: string,
  env: Record<string, string>
): Promise<void> {
  const lines = Object.entries(env).map(
    ([k, v]) => `${k}='${v.replace(/'/g, `'\\''`)}'`
  )
  await writeFile(path, `${lines.join('\n')}\n`, { mode: 0o600 })
}
