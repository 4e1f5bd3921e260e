/** Shared names of the point-in-time restore package. */
export const PITR = {
  /** Recovery point objective the suite promises: at most 15 minutes of data lost. */
  rpoSeconds: 900,
  /** Tag a restored server carries: `<source-server>@<restore point, ISO UTC>`; lets a re-run adopt it. */
  tag: 'rollback-actions-pitr',
  /** ARM resource type of flexible servers. */
  serverType: 'Microsoft.DBforPostgreSQL/flexibleServers',
  /** Default Azure Resource Manager endpoint. */
  armEndpoint: 'https://management.azure.com',
  /** Token scope of ARM, whatever endpoint the requests go to. */
  armScope: 'https://management.azure.com/.default',
  /** Environment variable that redirects ARM requests (sandbox, sovereign clouds). */
  armEndpointEnv: 'ROLLBACK_ARM_ENDPOINT'
} as const
