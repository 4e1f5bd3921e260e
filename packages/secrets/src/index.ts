export { SWAP } from './constants.js'
export {
  buildConnectionString,
  describeConnectionString,
  splitHostPort,
  SSL_MODES
} from './connection-string.js'
export type { ConnectionParts, SslMode } from './connection-string.js'
export {
  checkGitHubSecretName,
  GITHUB_SECRET_NAME,
  KEY_VAULT_SECRET_NAME,
  checkKeyVaultSecretName,
  checkKeyVaultUrl,
  checkKubernetesSecretKey,
  KUBERNETES_SECRET_KEY_MAX,
  isLoopback,
  parseKeyVaultReference
} from './names.js'
export type { KeyVaultReference } from './names.js'
export {
  createKeyVaultClient,
  readKeyVaultSecret,
  swapBackKeyVaultSecret,
  swapKeyVaultSecret
} from './key-vault.js'
export type { KeyVaultSwapResult } from './key-vault.js'
export {
  swapBackKubernetesSecret,
  swapKubernetesSecret
} from './kubernetes-secret.js'
export type {
  KubernetesSecretTarget,
  KubernetesSwapResult
} from './kubernetes-secret.js'
export { putGitHubEnvironmentSecret, sealForGitHub } from './github-secret.js'
export type { GitHubSecretTarget } from './github-secret.js'
export { checkConsumers, restartConsumers, uniqueConsumers } from './restart.js'
export { applySwap } from './swap.js'
export type { SwapOutcome, SwapTarget } from './swap.js'
export type { ConsumerDeployment, RestartedConsumer } from './restart.js'
