export * from './types.js'
export { REGISTRY } from './constants.js'
export {
  discoverPreviousTag,
  TagDiscoveryError,
  type Candidate,
  type DiscoverOptions,
  type DiscoveryResult,
  type Verdict
} from './discover.js'
export { createAcrRegistryClient, type AcrClientOptions } from './acr-client.js'
export {
  createOciRegistryClient,
  parseChallenge,
  nextLink,
  type FetchLike,
  type OciClientOptions
} from './oci-client.js'
export {
  createRegistryClient,
  detectRegistry,
  isAcrHost,
  type CreateRegistryClientOptions
} from './detect.js'
export {
  readRunningImage,
  type ReadRunningImageOptions,
  type RunningImage
} from './kube.js'
export {
  assertTagMatchesDigest,
  resolveImage,
  type ResolvedImage
} from './resolve.js'
