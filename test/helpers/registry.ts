import { silentLogger } from '@rollback-actions/action-kit'
import {
  discoverPreviousTag,
  type RegistryClient
} from '@rollback-actions/registry'
import { defaultTagPattern } from './fake-context.js'

/** The repository of the product-service images the registry tests seed. */
export const PRODUCT_REPOSITORY = 'warranty-hub/product-service'

type DiscoverOptions = Parameters<typeof discoverPreviousTag>[0]

/**
 * discoverPreviousTag for the running image `current` of `repository`, with discover-tag's default tag pattern,
 * nothing excluded and a silent log unless `options` say otherwise.
 */
export function discover(
  client: RegistryClient,
  repository: string,
  current: DiscoverOptions['current'],
  options: Partial<DiscoverOptions> = {}
): ReturnType<typeof discoverPreviousTag> {
  return discoverPreviousTag({
    client,
    repository,
    current,
    tagPattern: defaultTagPattern(),
    excludeTags: [],
    log: silentLogger,
    ...options
  })
}
