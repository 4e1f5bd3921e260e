import {
  imageRef,
  imageTag,
  k8sName,
  nameList,
  namespaceName,
  regexSource,
  azureClientId,
  azureTenantId,
  clientAndTenantTogether,
  registryHost
} from '@rollback-actions/action-kit'
import { z } from 'zod'

/** OCI repository path: lowercase components separated by "/". */
const repositoryName = z
  .string()
  .trim()
  .regex(
    /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/,
    'must be a repository path such as warranty-hub/product-service (lowercase; no registry, tag or digest)'
  )

/** Inputs of discover-tag (defaults live in action.yml). */
export const DiscoverTagInputs = z
  .object({
    registry: registryHost, // input `registry`
    repository: repositoryName, // input `repository`
    currentImage: imageRef.optional(), // input `current-image`: registry/repo:tag or @sha256:…
    namespace: namespaceName.optional(), // input `namespace`
    deployment: k8sName.optional(), // input `deployment`
    tagPattern: regexSource, // input `tag-pattern`
    excludeTags: nameList(imageTag).optional(), // input `exclude-tags`
    imageTag: imageTag.optional(), // input `image-tag`: explicit tag
    clientId: azureClientId.optional(), // input `client-id`
    tenantId: azureTenantId.optional() // input `tenant-id`
  })
  .refine(
    (i) =>
      (i.currentImage !== undefined) !==
      (i.namespace !== undefined || i.deployment !== undefined),
    {
      path: ['currentImage'],
      message:
        'set either current-image, or namespace and deployment (to read the running image from the cluster), not both and not neither'
    }
  )
  .refine(
    (i) =>
      i.currentImage !== undefined ||
      (i.namespace !== undefined && i.deployment !== undefined),
    {
      path: ['deployment'],
      message: 'namespace and deployment must be set together'
    }
  )
  .refine(
    (i) =>
      i.currentImage === undefined ||
      i.currentImage.repository === i.repository,
    {
      path: ['currentImage'],
      message:
        'names a different repository than the repository input; give the image of that repository'
    }
  )
  .refine(
    (i) =>
      i.currentImage === undefined ||
      i.currentImage.tag !== undefined ||
      i.currentImage.digest !== undefined,
    {
      path: ['currentImage'],
      message:
        'has neither tag nor digest; give registry/repository:tag or registry/repository@sha256:…'
    }
  )
  .refine(...clientAndTenantTogether)
export type DiscoverTagInputs = z.infer<typeof DiscoverTagInputs>
