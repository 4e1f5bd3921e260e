// @rollback-actions/emulators: wire-level emulators of the services no real server can stand in for here
// (Kubernetes API, ACR/OCI, ARM PostgreSQL Flexible Server, Entra ID, GitHub OIDC, Key Vault, GitHub REST),
// each startable alone from its folder's index.ts, and the TLS/HTTP plumbing and the one fault and
// request-log shape they share. docs/emulators.md names the reference each follows.

// Shared plumbing: servers, TLS, request log, faults.
export {
  RequestLog,
  readBody,
  sendJson,
  startServer,
  type Handler,
  type RecordedRequest,
  type RunningServer,
  type StartServerOptions
} from './http/server.js'
export {
  createCertificateAuthority,
  type CertificateAuthority,
  type KeyPairPem
} from './http/tls.js'
export { FaultQueue, type Fault, type FaultSender } from './http/faults.js'
export { freePort } from './http/ports.js'

// Kubernetes API server, controllers and kubelet.
export {
  ANNOTATIONS,
  ApiError,
  ObjectStore,
  applyJsonPatch,
  equalIgnoreHash,
  fakeRuntime,
  jsonMergePatch,
  matchesFields,
  matchesLabels,
  parseFieldSelector,
  parseLabelSelector,
  podTemplateHash,
  resolveFenceposts,
  scaledValue,
  startKubernetesEmulator,
  strategicMergePatch,
  type ContainerHandle,
  type ContainerRuntime,
  type ContainerStartSpec,
  type EmulatorStore,
  type EnvVar,
  type ExpiredWatchStyle,
  type FakeRuntime,
  type FakeRuntimeOptions,
  type KubeObject,
  type KubernetesEmulator,
  type KubernetesEmulatorOptions,
  type ObjectMeta,
  type OwnerReference,
  type ReadyEndpoint,
  type SeedDeploymentSpec,
  type StoreChange,
  type WatchEvent
} from './kubernetes/index.js'

// Azure Container Registry (data plane), OCI images, the real docker-registry.
export {
  ACR_AAD_SCOPES,
  startAcrEmulator,
  type AadTokenVerifier,
  type AcrEmulator,
  type AcrEmulatorOptions,
  type AcrResolution,
  type AcrTagSeed
} from './acr/index.js'
export {
  OCI_MEDIA_TYPES,
  generateImage,
  pushImage,
  sha256Digest,
  singleFileTar,
  type GenerateImageOptions,
  type GeneratedImage
} from './acr/oci-image.js'
export {
  startDockerRegistry,
  type DockerRegistry
} from './acr/docker-registry.js'

// ARM Microsoft.DBforPostgreSQL/flexibleServers and the real PostgreSQL clusters behind it.
export {
  ARM_SCOPE,
  SUPPORTED_API_VERSIONS as ARM_POSTGRESQL_API_VERSIONS,
  startPostgresArmEmulator,
  type ArmFault,
  type EmulatedOperation,
  type EmulatedServer,
  type FlexibleServerSeed,
  type PostgresArmEmulator,
  type PostgresArmEmulatorOptions
} from './postgresql-flexible/index.js'
export {
  ADMIN_LOGIN,
  FLEXIBLE_SERVER_DNS_ZONE,
  POSTGRES_BIN_DIR,
  POSTGRES_PORT,
  freeLoopbackAddress,
  type ClusterTlsOptions,
  PostgresCluster,
  makeClusterRoot,
  type CreateClusterOptions,
  type RestoreClusterOptions
} from './postgresql-flexible/cluster.js'

// Identity: Entra ID and the GitHub Actions OIDC provider.
export {
  JWT_BEARER_ASSERTION_TYPE,
  resourceOfScope,
  startEntraEmulator,
  type EntraEmulator,
  type EntraEmulatorOptions,
  type FederatedCredential,
  type VerifiedEntraToken
} from './entra/index.js'
export {
  GITHUB_OIDC_ISSUER,
  githubSubject,
  startGitHubOidcEmulator,
  type GitHubOidcClaims,
  type GitHubOidcEmulator,
  type GitHubOidcEmulatorOptions
} from './github-oidc/index.js'
export {
  decodeJwt,
  generateSigningKey,
  signJwt,
  verifyJwtSignature,
  type DecodedJwt,
  type JwtAlgorithm,
  type SigningKey
} from './github-oidc/jwt.js'

// Key Vault secrets and the GitHub REST API (environments, secrets).
export {
  KEY_VAULT_API_VERSIONS,
  KEY_VAULT_SCOPE,
  KEY_VAULT_SECRET_NAME,
  startKeyVaultEmulator,
  type KeyVaultEmulator,
  type KeyVaultRole,
  type KeyVaultRoleAssignment,
  type KeyVaultEmulatorOptions,
  type StoredSecretVersion
} from './key-vault/index.js'
export {
  GITHUB_SECRET_NAME,
  startGitHubApiEmulator,
  type GitHubApiEmulator,
  type GitHubApiEmulatorOptions,
  type GitHubAppRegistration,
  type GitHubRepositoryDispatch,
  type StoredGitHubSecret
} from './github-rest/index.js'

// Azure App Configuration (data plane: key-values, feature flags, revisions, point-in-time reads).
export {
  APP_CONFIGURATION_API_VERSIONS,
  APP_CONFIGURATION_RETENTION_DAYS,
  APP_CONFIGURATION_SCOPES,
  FEATURE_FLAG_CONTENT_TYPE,
  FEATURE_FLAG_PREFIX,
  startAppConfigurationEmulator,
  type AppConfigurationAccessKey,
  type AppConfigurationEmulator,
  type AppConfigurationEmulatorOptions,
  type AppConfigurationFault,
  type AppConfigurationRole,
  type AppConfigurationSku,
  type KeyValueRevision,
  type KeyValueSeed
} from './app-configuration/index.js'
