import { existsSync, readFileSync } from 'node:fs'
import {
  defineAction,
  InputError,
  OperationError
} from '@rollback-actions/action-kit'
import { AZURE_FEDERATION_AUDIENCE } from '@rollback-actions/azure'
import {
  PrometheusClient,
  prometheusAuthFromInputs,
  validateHealth,
  type ValidationDeps
} from '@rollback-actions/health'
import { createKubeClients } from '@rollback-actions/kube'
import { ValidateHealthInputs } from './inputs.js'
import { writeHealthSummary } from './report.js'

/** `ca-certificate`: PEM text as is, or the path of a PEM file. */
function readCa(value: string | undefined): string | undefined {
  if (value === undefined) return undefined
  if (value.includes('-----BEGIN CERTIFICATE-----')) return value
  if (!existsSync(value)) {
    throw new InputError(
      'ca-certificate',
      `"${value}" is neither PEM text nor an existing file; paste the CA certificate or give its path`
    )
  }
  const text = readFileSync(value, 'utf8')
  if (!text.includes('-----BEGIN CERTIFICATE-----')) {
    throw new InputError(
      'ca-certificate',
      `file "${value}" holds no PEM certificate`
    )
  }
  return text
}

export const run = defineAction('validate-health', async (ctx) => {
  const inputs = ctx.inputs(ValidateHealthInputs)
  const deps: ValidationDeps = { log: ctx.log }
  await ctx.log.group('Resolve', async () => {
    const ca = readCa(inputs.caCertificate)
    deps.http = {
      ...(ca ? { ca } : {}),
      timeoutSeconds: Math.min(10, inputs.interval)
    }
    if (inputs.deployments) deps.kube = createKubeClients(ctx.env.KUBECONFIG)
    if (inputs.prometheusUrl) {
      const auth = prometheusAuthFromInputs(inputs, {
        getAssertion: () => ctx.oidcToken(AZURE_FEDERATION_AUDIENCE),
        env: ctx.env
      })
      deps.prometheus = new PrometheusClient({
        url: inputs.prometheusUrl,
        auth,
        timeoutSeconds: Math.min(10, inputs.interval)
      })
    }
    ctx.log.info(
      `validating ${[
        inputs.deployments
          ? `pods of ${inputs.deployments.join(', ')} in ${inputs.namespace ?? ''}`
          : '',
        inputs.httpChecks ? `${inputs.httpChecks.length} HTTP check(s)` : '',
        inputs.prometheusChecks
          ? `${inputs.prometheusChecks.length} Prometheus check(s) at ${inputs.prometheusUrl ?? ''}`
          : '',
        inputs.smokeTests ? `${inputs.smokeTests.length} smoke test(s)` : ''
      ]
        .filter(Boolean)
        .join(
          ', '
        )} every ${inputs.interval}s, ${inputs.consecutiveSuccesses} good reading(s) in a row, timeout ${inputs.timeout}s`
    )
    return Promise.resolve()
  })
  const result = await ctx.log.group('Verify', () =>
    ctx.audit.step('Validate health', async (rec) => {
      try {
        const r = await validateHealth(
          {
            ...(inputs.namespace ? { namespace: inputs.namespace } : {}),
            deployments: inputs.deployments ?? [],
            httpChecks: inputs.httpChecks ?? [],
            prometheusChecks: inputs.prometheusChecks ?? [],
            smokeTests: inputs.smokeTests ?? [],
            window: {
              intervalSeconds: inputs.interval,
              timeoutSeconds: inputs.timeout,
              ...(inputs.count !== undefined ? { count: inputs.count } : {}),
              ...(inputs.duration !== undefined
                ? { durationSeconds: inputs.duration }
                : {})
            },
            consecutiveSuccesses: inputs.consecutiveSuccesses,
            failureLimit: inputs.failureLimit,
            consecutiveErrorLimit: inputs.consecutiveErrorLimit
          },
          deps
        )
        rec.detail('verdict', r.verdict)
        rec.detail('reason', r.reason)
        rec.detail(
          'checks',
          r.checks.map((c) => ({
            name: c.name,
            kind: c.kind,
            verdict: c.verdict,
            reason: c.reason
          }))
        )
        rec.detail('readings', r.readings)
        rec.detail('rounds', r.analysis.rounds)
        rec.detail('stopped_because', r.analysis.stoppedBecause)
        return r
      } finally {
        rec.detail('prometheus_url', inputs.prometheusUrl ?? null)
      }
    })
  )
  writeHealthSummary(
    ctx,
    'Health validation',
    result.verdict,
    result.reason,
    result.checks,
    result.readings
  )
  ctx.output.set('verdict', result.verdict)
  ctx.output.set('reason', result.reason)
  if (result.verdict === 'healthy') {
    ctx.log.notice(`validate-health: ${result.reason}`)
  } else if (inputs.failUnlessHealthy) {
    throw new HealthVerdictError(result.reason)
  } else {
    ctx.log.warning(result.reason, 'Health validation')
  }
})

/** The service is not (known to be) healthy: the step fails so the workflow stops (fail-unless-healthy). */
class HealthVerdictError extends OperationError {}
