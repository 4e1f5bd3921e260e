import {
  durationSecondsAtMost,
  k8sName,
  nameList,
  namespaceName,
  positiveInteger,
  secret,
  azureClientId,
  azureTenantId,
  flag,
  httpUrl
} from '@rollback-actions/action-kit'
import {
  httpChecksField,
  prometheusAuthMode,
  prometheusChecksField,
  smokeTestsField
} from '@rollback-actions/health'
import { z } from 'zod'

const nonNegativeInteger = z
  .string()
  .regex(/^\d+$/, 'must be a whole number (0 or more)')
  .transform(Number)

/** Inputs of validate-health (defaults live in action.yml). */
export const ValidateHealthInputs = z
  .object({
    namespace: namespaceName.optional(), // input `namespace`
    deployments: nameList(k8sName).optional(), // input `deployments`
    httpChecks: httpChecksField.optional(), // input `http-checks`: YAML list
    interval: durationSecondsAtMost('1h'), // input `interval`
    consecutiveSuccesses: positiveInteger, // input `consecutive-successes`
    timeout: durationSecondsAtMost('6h'), // input `timeout`
    count: positiveInteger.optional(), // input `count`
    duration: durationSecondsAtMost('6h').optional(), // input `duration`
    failureLimit: nonNegativeInteger, // input `failure-limit`
    consecutiveErrorLimit: nonNegativeInteger, // input `consecutive-error-limit`
    prometheusUrl: httpUrl.optional(), // input `prometheus-url`: no user:password@
    prometheusChecks: prometheusChecksField.optional(), // input `prometheus-checks`: YAML list
    prometheusAuth: prometheusAuthMode, // input `prometheus-auth`
    prometheusToken: secret.optional(), // input `prometheus-token`
    clientId: azureClientId.optional(), // input `client-id`
    tenantId: azureTenantId.optional(), // input `tenant-id`
    smokeTests: smokeTestsField.optional(), // input `smoke-tests`: YAML list
    caCertificate: z.string().optional(), // input `ca-certificate`: PEM text or file path
    failUnlessHealthy: flag // input `fail-unless-healthy`
  })
  .refine((i) => !(i.deployments && !i.namespace), {
    path: ['namespace'],
    message: 'is required when deployments is set'
  })
  .refine((i) => !(i.prometheusChecks && !i.prometheusUrl), {
    path: ['prometheusUrl'],
    message: 'is required when prometheus-checks is set'
  })
  .refine((i) => !(i.count !== undefined && i.duration !== undefined), {
    path: ['count'],
    message:
      'and input "duration" both set; keep one (count = number of rounds, duration = length of the window)'
  })
  .refine((i) => i.duration === undefined || i.duration <= i.timeout, {
    path: ['duration'],
    message: 'is longer than input "timeout"; raise timeout or shorten duration'
  })
  .refine(
    (i) => i.count === undefined || (i.count - 1) * i.interval <= i.timeout,
    {
      path: ['count'],
      message:
        'rounds spaced by input "interval" do not fit in input "timeout"; raise timeout or lower count'
    }
  )
  .refine((i) => i.prometheusAuth !== 'bearer' || i.prometheusToken, {
    path: ['prometheusToken'],
    message: 'is required when prometheus-auth is bearer'
  })
  .refine((i) => i.prometheusAuth !== 'azure' || (i.clientId && i.tenantId), {
    path: ['clientId'],
    message:
      'and input "tenant-id" are required when prometheus-auth is azure (the identity with the federated credential)'
  })
  .refine(
    (i) =>
      i.deployments !== undefined ||
      i.httpChecks !== undefined ||
      i.prometheusChecks !== undefined ||
      i.smokeTests !== undefined,
    {
      path: ['deployments'],
      message:
        'nothing to validate: set deployments, http-checks, prometheus-checks or smoke-tests'
    }
  )
export type ValidateHealthInputs = z.infer<typeof ValidateHealthInputs>
