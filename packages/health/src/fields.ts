import {
  ConfigurationError,
  fromParser,
  InputError,
  refuse,
  yamlList
} from '@rollback-actions/action-kit'
import { createAzureCredential } from '@rollback-actions/azure'
import { parse as parseYaml } from 'yaml'
import { z } from 'zod'
import { HttpCheckSpec, SmokeTestSpec } from './http.js'
import type { PrometheusAuth } from './prometheus.js'
import {
  PromCheckSpec,
  resolvePromCheck,
  type PromCheck
} from './prometheus-checks.js'

/**
 * Zod field types for the health actions' YAML inputs (validate-health, evaluate-rollback-triggers). Each turns a
 * bad item into an issue naming the item's position and field, so `ctx.inputs` reports `input "…": item 2 …`.
 */

function where(path: PropertyKey[]): string {
  const [index, ...rest] = path
  const item = typeof index === 'number' ? `item ${index + 1}` : ''
  return [item, rest.join('.')].filter(Boolean).join(' field ')
}

function itemList<T extends z.ZodType>(item: T) {
  return z.string().transform(
    fromParser((v) => {
      const parsed = yamlList(z.unknown()).safeParse(v)
      if (!parsed.success)
        return refuse(parsed.error.issues[0]?.message ?? 'must be a YAML list')
      const out: z.infer<T>[] = []
      for (const [i, raw] of parsed.data.entries()) {
        const r = item.safeParse(raw)
        if (!r.success) {
          const issue = r.error.issues[0]
          return refuse(
            `${where([i, ...(issue?.path ?? [])])}: ${issue?.message ?? 'is invalid'}`
          )
        }
        out.push(r.data)
      }
      return out
    })
  )
}

/** `http-checks`: a YAML list of `{url, expect-status, json-field, json-value, name}`. */
export const httpChecksField = itemList(HttpCheckSpec)

/** `smoke-tests`: a YAML list of journeys run in order. */
export const smokeTestsField = itemList(SmokeTestSpec)

/** `prometheus-checks`: a YAML list of checks, resolved (presets expanded, thresholds parsed); names unique. */
export const prometheusChecksField = itemList(PromCheckSpec).transform(
  fromParser((specs) => {
    const checks: PromCheck[] = []
    const names = new Set<string>()
    for (const [i, spec] of specs.entries()) {
      if (names.has(spec.name))
        return refuse(
          `item ${i + 1}: the name "${spec.name}" is used twice; names must be unique`
        )
      names.add(spec.name)
      try {
        checks.push(resolvePromCheck(spec))
      } catch (error) {
        return refuse(`item ${i + 1}: ${(error as Error).message}`)
      }
    }
    return checks
  })
)

/** `service-labels`: a YAML mapping of Prometheus label names to values. */
export const serviceLabelsField = z.string().transform(
  fromParser((v) => {
    const r = z
      .record(
        z
          .string()
          .regex(
            /^[a-zA-Z_][a-zA-Z0-9_]*$/,
            'label names must match [a-zA-Z_][a-zA-Z0-9_]*'
          ),
        z.union([z.string(), z.number()]).transform(String)
      )
      .safeParse(yamlParse(v))
    if (!r.success || Object.keys(r.data).length === 0)
      return refuse(
        `must be a YAML mapping of label names to values, e.g. "namespace: prod" and "service: product-service" on two lines${r.success ? '' : ` (${r.error.issues[0]?.message ?? ''})`}`
      )
    return r.data
  })
)

function yamlParse(v: string): unknown {
  try {
    return parseYaml(v) as unknown
  } catch {
    return undefined
  }
}

/** How to authenticate to Prometheus: `none`, `bearer` (a token input), `azure` (Entra token via the suite's credential). */
export const prometheusAuthMode = z.enum(['none', 'bearer', 'azure'], {
  error: 'must be none, bearer or azure'
})

/** Scope of Entra tokens for Azure Monitor managed Prometheus query endpoints. */
export const AZURE_PROMETHEUS_SCOPE =
  'https://prometheus.monitor.azure.com/.default'

/** The part of `@azure/identity`'s TokenCredential the health package needs. */
export interface TokenSource {
  getToken(scope: string): Promise<{ token: string } | null>
}

/**
 * The PrometheusAuth for a mode: `bearer` sends `token`; `azure` asks `credential` for an
 * {@link AZURE_PROMETHEUS_SCOPE} token before each query (the credential caches it).
 */
export function prometheusAuth(
  mode: z.infer<typeof prometheusAuthMode>,
  options: { token?: string; credential?: TokenSource }
): PrometheusAuth {
  /** `value`, or an InputError naming `input` when the mode needs it and it is missing. */
  const needed = <T>(value: T | undefined, input: string, detail: string) => {
    if (!value) throw new InputError(input, detail)
    return value
  }
  if (mode === 'bearer') {
    const token = needed(
      options.token,
      'prometheus-token',
      'is required when prometheus-auth is bearer; pass the token from a secret'
    )
    return { kind: 'bearer', token: () => Promise.resolve(token) }
  }
  if (mode === 'azure') {
    const credential = needed(
      options.credential,
      'client-id',
      'prometheus-auth azure needs client-id and tenant-id of the identity federated with this repository'
    )
    return {
      kind: 'bearer',
      token: async () => {
        const t = await credential.getToken(AZURE_PROMETHEUS_SCOPE)
        if (!t)
          throw new ConfigurationError(
            `Entra returned no token for ${AZURE_PROMETHEUS_SCOPE}: check the federated credential of client-id and its Monitoring Data Reader role on the Azure Monitor workspace`
          )
        return t.token
      }
    }
  }
  return { kind: 'none' }
}

/**
 * The PrometheusAuth an action's inputs ask for: `bearer` with the `prometheus-token` input, `azure` with an Entra
 * token through the suite's OIDC-federated credential (GitHub ID token → client assertion; no client secret), built
 * only when that mode is chosen.
 * @throws ConfigurationError from `createAzureCredential` when the client or tenant id is malformed.
 */
export function prometheusAuthFromInputs(
  inputs: {
    /** Input `prometheus-auth`. */
    prometheusAuth: z.infer<typeof prometheusAuthMode>
    /** Input `prometheus-token`. */
    prometheusToken?: string | undefined
    /** Inputs `client-id` and `tenant-id`. */
    clientId?: string | undefined
    tenantId?: string | undefined
  },
  runner: {
    /** A fresh GitHub OIDC token for `api://AzureADTokenExchange` (`ctx.oidcToken`). */
    getAssertion: () => Promise<string>
    env: NodeJS.ProcessEnv
  }
): PrometheusAuth {
  const mode = inputs.prometheusAuth
  return prometheusAuth(mode, {
    ...(inputs.prometheusToken ? { token: inputs.prometheusToken } : {}),
    ...(mode === 'azure'
      ? {
          credential: createAzureCredential(
            {
              clientId: inputs.clientId ?? '',
              tenantId: inputs.tenantId ?? '',
              getAssertion: runner.getAssertion
            },
            runner.env
          )
        }
      : {})
  })
}
