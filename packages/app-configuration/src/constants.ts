/** Key prefix of feature flags (Azure/AppConfiguration docs/FeatureManagement; `featureFlagPrefix` of the SDK). */
export const FEATURE_FLAG_PREFIX = '.appconfig.featureflag/'

/** Flag names as the portal accepts them: letters, digits, `.`, `-`, `_`, `:`; 1–500 characters. */
export const FEATURE_FLAG_NAME = /^[A-Za-z0-9._:-]{1,500}$/

/** A connection string (`Endpoint=…;Id=…;Secret=…`), which carries an access key: the actions refuse it. */
export const CONNECTION_STRING = /(^|;)\s*(Endpoint|Id|Secret)\s*=/i
