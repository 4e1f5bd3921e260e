import {
  azureClientId,
  azureTenantId,
  clientAndTenantTogether,
  durationSecondsAtMost,
  flag,
  imageRef,
  k8sName,
  nameList,
  namespaceName,
  registryHost
} from '@rollback-actions/action-kit'
import { z } from 'zod'

/** Inputs of redeploy (defaults live in action.yml). */
export const RedeployInputs = z
  .object({
    namespace: namespaceName, // input `namespace`
    deployments: nameList(k8sName), // input `deployments`: comma/newline separated names
    container: namespaceName.optional(), // input `container`: empty = the only container
    image: imageRef, // input `image`: OCI reference
    allowedRegistries: nameList(registryHost).optional(), // input `allowed-registries`: empty = current registry
    rolloutTimeout: durationSecondsAtMost('6h'), // input `rollout-timeout`: "90s", "10m" -> seconds
    dryRun: flag, // input `dry-run`: "true" or "false"
    clientId: azureClientId.optional(), // input `client-id`: for an ACR image (OIDC)
    tenantId: azureTenantId.optional() // input `tenant-id`
  })
  .refine(...clientAndTenantTogether)
export type RedeployInputs = z.infer<typeof RedeployInputs>
