import { createRequire as __rollbackCreateRequire } from 'node:module';
const require = __rollbackCreateRequire(import.meta.url);
import {
  createHttpPoller
} from "./chunk-4BXTYXPW.js";
import {
  ServiceClient,
  authorizeRequestOnClaimChallenge,
  createSerializer
} from "./chunk-GHRVQ22X.js";
import {
  azurePipelineOptions,
  credentialFromInputs
} from "./chunk-F2OUKQY5.js";
import {
  ConfigurationError,
  DEFAULT_RETRY_POLICY,
  Deadline,
  InputError,
  OperationError,
  SuiteError,
  azureClientId,
  azureTenantId,
  clientAndTenantTogether,
  defineAction,
  durationSecondsAtMost,
  external_exports,
  flag,
  fromParser,
  guid,
  inputErrorDetail,
  networkFailure,
  retryPolicyFromEnv
} from "./chunk-MVCT2E6R.js";
import {
  bearerTokenAuthenticationPolicy,
  bearerTokenAuthenticationPolicyName
} from "./chunk-RHQTSG7L.js";
import {
  __export
} from "./chunk-WTTBYOJK.js";

// packages/pitr/src/constants.ts
var PITR = {
  /** Recovery point objective the suite promises: at most 15 minutes of data lost. */
  rpoSeconds: 900,
  /** Tag a restored server carries: `<source-server>@<restore point, ISO UTC>`; lets a re-run adopt it. */
  tag: "rollback-actions-pitr",
  /** ARM resource type of flexible servers. */
  serverType: "Microsoft.DBforPostgreSQL/flexibleServers",
  /** Default Azure Resource Manager endpoint. */
  armEndpoint: "https://management.azure.com",
  /** Token scope of ARM, whatever endpoint the requests go to. */
  armScope: "https://management.azure.com/.default",
  /** Environment variable that redirects ARM requests (sandbox, sovereign clouds). */
  armEndpointEnv: "ROLLBACK_ARM_ENDPOINT"
};

// packages/pitr/src/restore-point.ts
function clip(text, max) {
  return text.length > max ? `${text.slice(0, max - 1)}\u2026` : text;
}
var ISO_WITH_OFFSET = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})$/i;
var ISO_WITHOUT_OFFSET = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;
function parseIsoWithOffset(text, input) {
  const v = clip(text.trim(), 64);
  const m = ISO_WITH_OFFSET.exec(v);
  if (!m) {
    if (ISO_WITHOUT_OFFSET.test(v))
      throw new InputError(
        input,
        `"${v}" has no UTC offset, so it could mean different instants; add Z or an offset, e.g. ${v.replace(" ", "T")}Z`
      );
    throw new InputError(
      input,
      `"${v}" is not an ISO 8601 date-time with offset; use e.g. 2026-11-22T03:15:00Z`
    );
  }
  const [, date, hm, sec, frac, zone] = m;
  const offset = zone?.toUpperCase() === "Z" ? "Z" : `${zone?.slice(0, 3)}:${zone?.slice(-2)}`;
  const ms = (frac ?? "").padEnd(3, "0").slice(0, 3);
  const time = Date.parse(`${date}T${hm}:${sec ?? "00"}.${ms}${offset}`);
  const parsed = new Date(time);
  if (Number.isNaN(time) || !sameCalendarDate(parsed, date ?? "", offset))
    throw new InputError(input, `"${v}" is not a valid date-time`);
  return parsed;
}
function sameCalendarDate(d, date, offset) {
  const shift = offset === "Z" ? 0 : (offset.startsWith("-") ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
  const local = new Date(d.getTime() + shift * 6e4);
  return local.toISOString().slice(0, 10) === date;
}
function parseRestorePoint(text) {
  if (text.trim().toLowerCase() === "latest") return { latest: true };
  return { latest: false, at: parseIsoWithOffset(text, "restore-point") };
}
function checkRestorePoint(restorePoint, backup, now, sourceServer) {
  const iso = restorePoint.toISOString();
  if (restorePoint.getTime() > now.getTime())
    throw new InputError(
      "restore-point",
      `${iso} is in the future (now is ${now.toISOString()}); pick a time before the bad change, or "latest"`
    );
  const retentionStart = backup.backupRetentionDays !== void 0 ? new Date(now.getTime() - backup.backupRetentionDays * 864e5) : void 0;
  if (retentionStart && restorePoint < retentionStart)
    throw new InputError(
      "restore-point",
      `${iso} is outside the ${backup.backupRetentionDays} day backup retention of "${sourceServer}" (oldest allowed: ${retentionStart.toISOString()})`
    );
  if (backup.earliestRestoreDate && restorePoint < backup.earliestRestoreDate)
    throw new InputError(
      "restore-point",
      `${iso} is before the earliest restore date of "${sourceServer}" (${backup.earliestRestoreDate.toISOString()}); no backup covers it`
    );
}
function dataLossWindowSeconds(restorePoint, failureTime) {
  return Math.round(failureTime.getTime() - restorePoint.getTime()) / 1e3;
}

// packages/pitr/src/names.ts
var SERVER_NAME_PATTERN = /^[a-z0-9](?:[a-z0-9-]{1,61}[a-z0-9])$/;
function checkServerName(name, input) {
  if (name.length < 3 || name.length > 63)
    throw new InputError(
      input,
      `"${clip(name, 64)}" must be 3 to 63 characters long (it has ${name.length})`
    );
  if (!SERVER_NAME_PATTERN.test(name))
    throw new InputError(
      input,
      `"${name}" is not a valid server name: use lowercase letters, digits and hyphens, not starting or ending with a hyphen`
    );
}
function compactUtc(d) {
  return d.toISOString().replace(/\.\d{3}Z$/, "").replace(/[-:T]/g, "");
}
function defaultTargetName(sourceServer, restorePoint) {
  const suffix = `-pitr-${compactUtc(restorePoint)}`;
  const head = sourceServer.toLowerCase().slice(0, 63 - suffix.length).replace(/-+$/, "");
  return `${head}${suffix}`;
}
function rollbackTagValue(sourceServer, restorePoint) {
  return `${sourceServer}@${restorePoint.toISOString()}`;
}

// node_modules/@azure/arm-postgresql-flexible/dist/esm/pagingHelper.js
var pageMap = /* @__PURE__ */ new WeakMap();
function setContinuationToken(page, continuationToken) {
  if (typeof page !== "object" || page === null || !continuationToken) {
    return;
  }
  const pageInfo = pageMap.get(page) ?? {};
  pageInfo.continuationToken = continuationToken;
  pageMap.set(page, pageInfo);
}

// node_modules/@azure/arm-postgresql-flexible/dist/esm/models/index.js
var KnownPrincipalType;
(function(KnownPrincipalType2) {
  KnownPrincipalType2["Unknown"] = "Unknown";
  KnownPrincipalType2["User"] = "User";
  KnownPrincipalType2["Group"] = "Group";
  KnownPrincipalType2["ServicePrincipal"] = "ServicePrincipal";
})(KnownPrincipalType || (KnownPrincipalType = {}));
var KnownCreatedByType;
(function(KnownCreatedByType2) {
  KnownCreatedByType2["User"] = "User";
  KnownCreatedByType2["Application"] = "Application";
  KnownCreatedByType2["ManagedIdentity"] = "ManagedIdentity";
  KnownCreatedByType2["Key"] = "Key";
})(KnownCreatedByType || (KnownCreatedByType = {}));
var KnownThreatProtectionName;
(function(KnownThreatProtectionName2) {
  KnownThreatProtectionName2["Default"] = "Default";
})(KnownThreatProtectionName || (KnownThreatProtectionName = {}));
var KnownBackupType;
(function(KnownBackupType2) {
  KnownBackupType2["Full"] = "Full";
  KnownBackupType2["CustomerOnDemand"] = "Customer On-Demand";
})(KnownBackupType || (KnownBackupType = {}));
var KnownHighAvailabilityMode;
(function(KnownHighAvailabilityMode2) {
  KnownHighAvailabilityMode2["ZoneRedundant"] = "ZoneRedundant";
  KnownHighAvailabilityMode2["SameZone"] = "SameZone";
})(KnownHighAvailabilityMode || (KnownHighAvailabilityMode = {}));
var KnownFeatureStatus;
(function(KnownFeatureStatus2) {
  KnownFeatureStatus2["Enabled"] = "Enabled";
  KnownFeatureStatus2["Disabled"] = "Disabled";
})(KnownFeatureStatus || (KnownFeatureStatus = {}));
var KnownFastProvisioningSupport;
(function(KnownFastProvisioningSupport2) {
  KnownFastProvisioningSupport2["Enabled"] = "Enabled";
  KnownFastProvisioningSupport2["Disabled"] = "Disabled";
})(KnownFastProvisioningSupport || (KnownFastProvisioningSupport = {}));
var KnownGeographicallyRedundantBackupSupport;
(function(KnownGeographicallyRedundantBackupSupport2) {
  KnownGeographicallyRedundantBackupSupport2["Enabled"] = "Enabled";
  KnownGeographicallyRedundantBackupSupport2["Disabled"] = "Disabled";
})(KnownGeographicallyRedundantBackupSupport || (KnownGeographicallyRedundantBackupSupport = {}));
var KnownZoneRedundantHighAvailabilitySupport;
(function(KnownZoneRedundantHighAvailabilitySupport2) {
  KnownZoneRedundantHighAvailabilitySupport2["Enabled"] = "Enabled";
  KnownZoneRedundantHighAvailabilitySupport2["Disabled"] = "Disabled";
})(KnownZoneRedundantHighAvailabilitySupport || (KnownZoneRedundantHighAvailabilitySupport = {}));
var KnownZoneRedundantHighAvailabilityAndGeographicallyRedundantBackupSupport;
(function(KnownZoneRedundantHighAvailabilityAndGeographicallyRedundantBackupSupport2) {
  KnownZoneRedundantHighAvailabilityAndGeographicallyRedundantBackupSupport2["Enabled"] = "Enabled";
  KnownZoneRedundantHighAvailabilityAndGeographicallyRedundantBackupSupport2["Disabled"] = "Disabled";
})(KnownZoneRedundantHighAvailabilityAndGeographicallyRedundantBackupSupport || (KnownZoneRedundantHighAvailabilityAndGeographicallyRedundantBackupSupport = {}));
var KnownStorageAutoGrowthSupport;
(function(KnownStorageAutoGrowthSupport2) {
  KnownStorageAutoGrowthSupport2["Enabled"] = "Enabled";
  KnownStorageAutoGrowthSupport2["Disabled"] = "Disabled";
})(KnownStorageAutoGrowthSupport || (KnownStorageAutoGrowthSupport = {}));
var KnownOnlineStorageResizeSupport;
(function(KnownOnlineStorageResizeSupport2) {
  KnownOnlineStorageResizeSupport2["Enabled"] = "Enabled";
  KnownOnlineStorageResizeSupport2["Disabled"] = "Disabled";
})(KnownOnlineStorageResizeSupport || (KnownOnlineStorageResizeSupport = {}));
var KnownLocationRestricted;
(function(KnownLocationRestricted2) {
  KnownLocationRestricted2["Enabled"] = "Enabled";
  KnownLocationRestricted2["Disabled"] = "Disabled";
})(KnownLocationRestricted || (KnownLocationRestricted = {}));
var KnownConfigurationDataType;
(function(KnownConfigurationDataType2) {
  KnownConfigurationDataType2["Boolean"] = "Boolean";
  KnownConfigurationDataType2["Numeric"] = "Numeric";
  KnownConfigurationDataType2["Integer"] = "Integer";
  KnownConfigurationDataType2["Enumeration"] = "Enumeration";
  KnownConfigurationDataType2["String"] = "String";
  KnownConfigurationDataType2["Set"] = "Set";
})(KnownConfigurationDataType || (KnownConfigurationDataType = {}));
var KnownExecutionStatus;
(function(KnownExecutionStatus2) {
  KnownExecutionStatus2["Running"] = "Running";
  KnownExecutionStatus2["Cancelled"] = "Cancelled";
  KnownExecutionStatus2["Failed"] = "Failed";
  KnownExecutionStatus2["Succeeded"] = "Succeeded";
})(KnownExecutionStatus || (KnownExecutionStatus = {}));
var KnownMigrationState;
(function(KnownMigrationState2) {
  KnownMigrationState2["InProgress"] = "InProgress";
  KnownMigrationState2["WaitingForUserAction"] = "WaitingForUserAction";
  KnownMigrationState2["Canceled"] = "Canceled";
  KnownMigrationState2["Failed"] = "Failed";
  KnownMigrationState2["Succeeded"] = "Succeeded";
  KnownMigrationState2["ValidationFailed"] = "ValidationFailed";
  KnownMigrationState2["CleaningUp"] = "CleaningUp";
})(KnownMigrationState || (KnownMigrationState = {}));
var KnownMigrationSubstate;
(function(KnownMigrationSubstate2) {
  KnownMigrationSubstate2["PerformingPreRequisiteSteps"] = "PerformingPreRequisiteSteps";
  KnownMigrationSubstate2["WaitingForLogicalReplicationSetupRequestOnSourceDB"] = "WaitingForLogicalReplicationSetupRequestOnSourceDB";
  KnownMigrationSubstate2["WaitingForDBsToMigrateSpecification"] = "WaitingForDBsToMigrateSpecification";
  KnownMigrationSubstate2["WaitingForTargetDBOverwriteConfirmation"] = "WaitingForTargetDBOverwriteConfirmation";
  KnownMigrationSubstate2["WaitingForDataMigrationScheduling"] = "WaitingForDataMigrationScheduling";
  KnownMigrationSubstate2["WaitingForDataMigrationWindow"] = "WaitingForDataMigrationWindow";
  KnownMigrationSubstate2["MigratingData"] = "MigratingData";
  KnownMigrationSubstate2["WaitingForCutoverTrigger"] = "WaitingForCutoverTrigger";
  KnownMigrationSubstate2["CompletingMigration"] = "CompletingMigration";
  KnownMigrationSubstate2["Completed"] = "Completed";
  KnownMigrationSubstate2["CancelingRequestedDBMigrations"] = "CancelingRequestedDBMigrations";
  KnownMigrationSubstate2["ValidationInProgress"] = "ValidationInProgress";
})(KnownMigrationSubstate || (KnownMigrationSubstate = {}));
var KnownMigrationDatabaseState;
(function(KnownMigrationDatabaseState2) {
  KnownMigrationDatabaseState2["InProgress"] = "InProgress";
  KnownMigrationDatabaseState2["WaitingForCutoverTrigger"] = "WaitingForCutoverTrigger";
  KnownMigrationDatabaseState2["Failed"] = "Failed";
  KnownMigrationDatabaseState2["Canceled"] = "Canceled";
  KnownMigrationDatabaseState2["Succeeded"] = "Succeeded";
  KnownMigrationDatabaseState2["Canceling"] = "Canceling";
})(KnownMigrationDatabaseState || (KnownMigrationDatabaseState = {}));
var KnownValidationState;
(function(KnownValidationState2) {
  KnownValidationState2["Failed"] = "Failed";
  KnownValidationState2["Succeeded"] = "Succeeded";
  KnownValidationState2["Warning"] = "Warning";
})(KnownValidationState || (KnownValidationState = {}));
var KnownMigrationMode;
(function(KnownMigrationMode2) {
  KnownMigrationMode2["Offline"] = "Offline";
  KnownMigrationMode2["Online"] = "Online";
})(KnownMigrationMode || (KnownMigrationMode = {}));
var KnownMigrationOption;
(function(KnownMigrationOption2) {
  KnownMigrationOption2["Validate"] = "Validate";
  KnownMigrationOption2["Migrate"] = "Migrate";
  KnownMigrationOption2["ValidateAndMigrate"] = "ValidateAndMigrate";
})(KnownMigrationOption || (KnownMigrationOption = {}));
var KnownSourceType;
(function(KnownSourceType2) {
  KnownSourceType2["OnPremises"] = "OnPremises";
  KnownSourceType2["AWS"] = "AWS";
  KnownSourceType2["GCP"] = "GCP";
  KnownSourceType2["AzureVM"] = "AzureVM";
  KnownSourceType2["PostgreSQLSingleServer"] = "PostgreSQLSingleServer";
  KnownSourceType2["AWSRDS"] = "AWS_RDS";
  KnownSourceType2["AWSAurora"] = "AWS_AURORA";
  KnownSourceType2["AWSEC2"] = "AWS_EC2";
  KnownSourceType2["GCPCloudSQL"] = "GCP_CloudSQL";
  KnownSourceType2["GCPAlloyDB"] = "GCP_AlloyDB";
  KnownSourceType2["GCPCompute"] = "GCP_Compute";
  KnownSourceType2["EDB"] = "EDB";
  KnownSourceType2["EDBOracleServer"] = "EDB_Oracle_Server";
  KnownSourceType2["EDBPostgreSQL"] = "EDB_PostgreSQL";
  KnownSourceType2["PostgreSQLFlexibleServer"] = "PostgreSQLFlexibleServer";
  KnownSourceType2["PostgreSQLCosmosDB"] = "PostgreSQLCosmosDB";
  KnownSourceType2["HuaweiRDS"] = "Huawei_RDS";
  KnownSourceType2["HuaweiCompute"] = "Huawei_Compute";
  KnownSourceType2["HerokuPostgreSQL"] = "Heroku_PostgreSQL";
  KnownSourceType2["CrunchyPostgreSQL"] = "Crunchy_PostgreSQL";
  KnownSourceType2["ApsaraDBRDS"] = "ApsaraDB_RDS";
  KnownSourceType2["DigitalOceanDroplets"] = "Digital_Ocean_Droplets";
  KnownSourceType2["DigitalOceanPostgreSQL"] = "Digital_Ocean_PostgreSQL";
  KnownSourceType2["SupabasePostgreSQL"] = "Supabase_PostgreSQL";
})(KnownSourceType || (KnownSourceType = {}));
var KnownSslMode;
(function(KnownSslMode2) {
  KnownSslMode2["Prefer"] = "Prefer";
  KnownSslMode2["Require"] = "Require";
  KnownSslMode2["VerifyCA"] = "VerifyCA";
  KnownSslMode2["VerifyFull"] = "VerifyFull";
})(KnownSslMode || (KnownSslMode = {}));
var KnownSkuTier;
(function(KnownSkuTier2) {
  KnownSkuTier2["Burstable"] = "Burstable";
  KnownSkuTier2["GeneralPurpose"] = "GeneralPurpose";
  KnownSkuTier2["MemoryOptimized"] = "MemoryOptimized";
})(KnownSkuTier || (KnownSkuTier = {}));
var KnownLogicalReplicationOnSourceServer;
(function(KnownLogicalReplicationOnSourceServer2) {
  KnownLogicalReplicationOnSourceServer2["True"] = "True";
  KnownLogicalReplicationOnSourceServer2["False"] = "False";
})(KnownLogicalReplicationOnSourceServer || (KnownLogicalReplicationOnSourceServer = {}));
var KnownOverwriteDatabasesOnTargetServer;
(function(KnownOverwriteDatabasesOnTargetServer2) {
  KnownOverwriteDatabasesOnTargetServer2["True"] = "True";
  KnownOverwriteDatabasesOnTargetServer2["False"] = "False";
})(KnownOverwriteDatabasesOnTargetServer || (KnownOverwriteDatabasesOnTargetServer = {}));
var KnownMigrateRolesAndPermissions;
(function(KnownMigrateRolesAndPermissions2) {
  KnownMigrateRolesAndPermissions2["True"] = "True";
  KnownMigrateRolesAndPermissions2["False"] = "False";
})(KnownMigrateRolesAndPermissions || (KnownMigrateRolesAndPermissions = {}));
var KnownStartDataMigration;
(function(KnownStartDataMigration2) {
  KnownStartDataMigration2["True"] = "True";
  KnownStartDataMigration2["False"] = "False";
})(KnownStartDataMigration || (KnownStartDataMigration = {}));
var KnownTriggerCutover;
(function(KnownTriggerCutover2) {
  KnownTriggerCutover2["True"] = "True";
  KnownTriggerCutover2["False"] = "False";
})(KnownTriggerCutover || (KnownTriggerCutover = {}));
var KnownCancel;
(function(KnownCancel2) {
  KnownCancel2["True"] = "True";
  KnownCancel2["False"] = "False";
})(KnownCancel || (KnownCancel = {}));
var KnownMigrationListFilter;
(function(KnownMigrationListFilter2) {
  KnownMigrationListFilter2["Active"] = "Active";
  KnownMigrationListFilter2["All"] = "All";
})(KnownMigrationListFilter || (KnownMigrationListFilter = {}));
var KnownMigrationNameAvailabilityReason;
(function(KnownMigrationNameAvailabilityReason2) {
  KnownMigrationNameAvailabilityReason2["Invalid"] = "Invalid";
  KnownMigrationNameAvailabilityReason2["AlreadyExists"] = "AlreadyExists";
})(KnownMigrationNameAvailabilityReason || (KnownMigrationNameAvailabilityReason = {}));
var KnownCheckNameAvailabilityReason;
(function(KnownCheckNameAvailabilityReason2) {
  KnownCheckNameAvailabilityReason2["Invalid"] = "Invalid";
  KnownCheckNameAvailabilityReason2["AlreadyExists"] = "AlreadyExists";
})(KnownCheckNameAvailabilityReason || (KnownCheckNameAvailabilityReason = {}));
var KnownOperationOrigin;
(function(KnownOperationOrigin2) {
  KnownOperationOrigin2["NotSpecified"] = "NotSpecified";
  KnownOperationOrigin2["User"] = "user";
  KnownOperationOrigin2["System"] = "system";
})(KnownOperationOrigin || (KnownOperationOrigin = {}));
var KnownPrivateEndpointServiceConnectionStatus;
(function(KnownPrivateEndpointServiceConnectionStatus2) {
  KnownPrivateEndpointServiceConnectionStatus2["Pending"] = "Pending";
  KnownPrivateEndpointServiceConnectionStatus2["Approved"] = "Approved";
  KnownPrivateEndpointServiceConnectionStatus2["Rejected"] = "Rejected";
})(KnownPrivateEndpointServiceConnectionStatus || (KnownPrivateEndpointServiceConnectionStatus = {}));
var KnownPrivateEndpointConnectionProvisioningState;
(function(KnownPrivateEndpointConnectionProvisioningState2) {
  KnownPrivateEndpointConnectionProvisioningState2["Succeeded"] = "Succeeded";
  KnownPrivateEndpointConnectionProvisioningState2["Creating"] = "Creating";
  KnownPrivateEndpointConnectionProvisioningState2["Deleting"] = "Deleting";
  KnownPrivateEndpointConnectionProvisioningState2["Failed"] = "Failed";
})(KnownPrivateEndpointConnectionProvisioningState || (KnownPrivateEndpointConnectionProvisioningState = {}));
var KnownIdentityType;
(function(KnownIdentityType2) {
  KnownIdentityType2["None"] = "None";
  KnownIdentityType2["UserAssigned"] = "UserAssigned";
  KnownIdentityType2["SystemAssigned"] = "SystemAssigned";
  KnownIdentityType2["SystemAssignedUserAssigned"] = "SystemAssigned,UserAssigned";
})(KnownIdentityType || (KnownIdentityType = {}));
var KnownPostgresMajorVersion;
(function(KnownPostgresMajorVersion2) {
  KnownPostgresMajorVersion2["Eighteen"] = "18";
  KnownPostgresMajorVersion2["Seventeen"] = "17";
  KnownPostgresMajorVersion2["Sixteen"] = "16";
  KnownPostgresMajorVersion2["Fifteen"] = "15";
  KnownPostgresMajorVersion2["Fourteen"] = "14";
  KnownPostgresMajorVersion2["Thirteen"] = "13";
  KnownPostgresMajorVersion2["Twelve"] = "12";
  KnownPostgresMajorVersion2["Eleven"] = "11";
})(KnownPostgresMajorVersion || (KnownPostgresMajorVersion = {}));
var KnownServerState;
(function(KnownServerState2) {
  KnownServerState2["Ready"] = "Ready";
  KnownServerState2["Dropping"] = "Dropping";
  KnownServerState2["Disabled"] = "Disabled";
  KnownServerState2["Starting"] = "Starting";
  KnownServerState2["Stopping"] = "Stopping";
  KnownServerState2["Stopped"] = "Stopped";
  KnownServerState2["Updating"] = "Updating";
  KnownServerState2["Restarting"] = "Restarting";
  KnownServerState2["Inaccessible"] = "Inaccessible";
  KnownServerState2["Provisioning"] = "Provisioning";
})(KnownServerState || (KnownServerState = {}));
var KnownStorageAutoGrow;
(function(KnownStorageAutoGrow2) {
  KnownStorageAutoGrow2["Enabled"] = "Enabled";
  KnownStorageAutoGrow2["Disabled"] = "Disabled";
})(KnownStorageAutoGrow || (KnownStorageAutoGrow = {}));
var KnownAzureManagedDiskPerformanceTier;
(function(KnownAzureManagedDiskPerformanceTier2) {
  KnownAzureManagedDiskPerformanceTier2["P1"] = "P1";
  KnownAzureManagedDiskPerformanceTier2["P2"] = "P2";
  KnownAzureManagedDiskPerformanceTier2["P3"] = "P3";
  KnownAzureManagedDiskPerformanceTier2["P4"] = "P4";
  KnownAzureManagedDiskPerformanceTier2["P6"] = "P6";
  KnownAzureManagedDiskPerformanceTier2["P10"] = "P10";
  KnownAzureManagedDiskPerformanceTier2["P15"] = "P15";
  KnownAzureManagedDiskPerformanceTier2["P20"] = "P20";
  KnownAzureManagedDiskPerformanceTier2["P30"] = "P30";
  KnownAzureManagedDiskPerformanceTier2["P40"] = "P40";
  KnownAzureManagedDiskPerformanceTier2["P50"] = "P50";
  KnownAzureManagedDiskPerformanceTier2["P60"] = "P60";
  KnownAzureManagedDiskPerformanceTier2["P70"] = "P70";
  KnownAzureManagedDiskPerformanceTier2["P80"] = "P80";
})(KnownAzureManagedDiskPerformanceTier || (KnownAzureManagedDiskPerformanceTier = {}));
var KnownStorageType;
(function(KnownStorageType2) {
  KnownStorageType2["PremiumLRS"] = "Premium_LRS";
  KnownStorageType2["PremiumV2LRS"] = "PremiumV2_LRS";
  KnownStorageType2["UltraSSDLRS"] = "UltraSSD_LRS";
})(KnownStorageType || (KnownStorageType = {}));
var KnownMicrosoftEntraAuth;
(function(KnownMicrosoftEntraAuth2) {
  KnownMicrosoftEntraAuth2["Enabled"] = "Enabled";
  KnownMicrosoftEntraAuth2["Disabled"] = "Disabled";
})(KnownMicrosoftEntraAuth || (KnownMicrosoftEntraAuth = {}));
var KnownPasswordBasedAuth;
(function(KnownPasswordBasedAuth2) {
  KnownPasswordBasedAuth2["Enabled"] = "Enabled";
  KnownPasswordBasedAuth2["Disabled"] = "Disabled";
})(KnownPasswordBasedAuth || (KnownPasswordBasedAuth = {}));
var KnownDataEncryptionType;
(function(KnownDataEncryptionType2) {
  KnownDataEncryptionType2["SystemManaged"] = "SystemManaged";
  KnownDataEncryptionType2["AzureKeyVault"] = "AzureKeyVault";
})(KnownDataEncryptionType || (KnownDataEncryptionType = {}));
var KnownEncryptionKeyStatus;
(function(KnownEncryptionKeyStatus2) {
  KnownEncryptionKeyStatus2["Valid"] = "Valid";
  KnownEncryptionKeyStatus2["Invalid"] = "Invalid";
})(KnownEncryptionKeyStatus || (KnownEncryptionKeyStatus = {}));
var KnownGeographicallyRedundantBackup;
(function(KnownGeographicallyRedundantBackup2) {
  KnownGeographicallyRedundantBackup2["Enabled"] = "Enabled";
  KnownGeographicallyRedundantBackup2["Disabled"] = "Disabled";
})(KnownGeographicallyRedundantBackup || (KnownGeographicallyRedundantBackup = {}));
var KnownServerPublicNetworkAccessState;
(function(KnownServerPublicNetworkAccessState2) {
  KnownServerPublicNetworkAccessState2["Enabled"] = "Enabled";
  KnownServerPublicNetworkAccessState2["Disabled"] = "Disabled";
})(KnownServerPublicNetworkAccessState || (KnownServerPublicNetworkAccessState = {}));
var KnownHighAvailabilityState;
(function(KnownHighAvailabilityState2) {
  KnownHighAvailabilityState2["NotEnabled"] = "NotEnabled";
  KnownHighAvailabilityState2["CreatingStandby"] = "CreatingStandby";
  KnownHighAvailabilityState2["ReplicatingData"] = "ReplicatingData";
  KnownHighAvailabilityState2["FailingOver"] = "FailingOver";
  KnownHighAvailabilityState2["Healthy"] = "Healthy";
  KnownHighAvailabilityState2["RemovingStandby"] = "RemovingStandby";
})(KnownHighAvailabilityState || (KnownHighAvailabilityState = {}));
var KnownReplicationRole;
(function(KnownReplicationRole2) {
  KnownReplicationRole2["None"] = "None";
  KnownReplicationRole2["Primary"] = "Primary";
  KnownReplicationRole2["AsyncReplica"] = "AsyncReplica";
  KnownReplicationRole2["GeoAsyncReplica"] = "GeoAsyncReplica";
})(KnownReplicationRole || (KnownReplicationRole = {}));
var KnownReplicationState;
(function(KnownReplicationState2) {
  KnownReplicationState2["Active"] = "Active";
  KnownReplicationState2["Catchup"] = "Catchup";
  KnownReplicationState2["Provisioning"] = "Provisioning";
  KnownReplicationState2["Updating"] = "Updating";
  KnownReplicationState2["Broken"] = "Broken";
  KnownReplicationState2["Reconfiguring"] = "Reconfiguring";
})(KnownReplicationState || (KnownReplicationState = {}));
var KnownReadReplicaPromoteMode;
(function(KnownReadReplicaPromoteMode2) {
  KnownReadReplicaPromoteMode2["Standalone"] = "Standalone";
  KnownReadReplicaPromoteMode2["Switchover"] = "Switchover";
})(KnownReadReplicaPromoteMode || (KnownReadReplicaPromoteMode = {}));
var KnownReadReplicaPromoteOption;
(function(KnownReadReplicaPromoteOption2) {
  KnownReadReplicaPromoteOption2["Planned"] = "Planned";
  KnownReadReplicaPromoteOption2["Forced"] = "Forced";
})(KnownReadReplicaPromoteOption || (KnownReadReplicaPromoteOption = {}));
var KnownCreateMode;
(function(KnownCreateMode2) {
  KnownCreateMode2["Default"] = "Default";
  KnownCreateMode2["Create"] = "Create";
  KnownCreateMode2["Update"] = "Update";
  KnownCreateMode2["PointInTimeRestore"] = "PointInTimeRestore";
  KnownCreateMode2["GeoRestore"] = "GeoRestore";
  KnownCreateMode2["Replica"] = "Replica";
  KnownCreateMode2["ReviveDropped"] = "ReviveDropped";
})(KnownCreateMode || (KnownCreateMode = {}));
var KnownCreateModeForPatch;
(function(KnownCreateModeForPatch2) {
  KnownCreateModeForPatch2["Default"] = "Default";
  KnownCreateModeForPatch2["Update"] = "Update";
})(KnownCreateModeForPatch || (KnownCreateModeForPatch = {}));
var KnownFailoverMode;
(function(KnownFailoverMode2) {
  KnownFailoverMode2["PlannedFailover"] = "PlannedFailover";
  KnownFailoverMode2["ForcedFailover"] = "ForcedFailover";
  KnownFailoverMode2["PlannedSwitchover"] = "PlannedSwitchover";
  KnownFailoverMode2["ForcedSwitchover"] = "ForcedSwitchover";
})(KnownFailoverMode || (KnownFailoverMode = {}));
var KnownTuningOptionParameterEnum;
(function(KnownTuningOptionParameterEnum2) {
  KnownTuningOptionParameterEnum2["Index"] = "index";
  KnownTuningOptionParameterEnum2["Table"] = "table";
})(KnownTuningOptionParameterEnum || (KnownTuningOptionParameterEnum = {}));
var KnownRecommendationTypeParameterEnum;
(function(KnownRecommendationTypeParameterEnum2) {
  KnownRecommendationTypeParameterEnum2["CreateIndex"] = "CreateIndex";
  KnownRecommendationTypeParameterEnum2["DropIndex"] = "DropIndex";
  KnownRecommendationTypeParameterEnum2["ReIndex"] = "ReIndex";
  KnownRecommendationTypeParameterEnum2["AnalyzeTable"] = "AnalyzeTable";
})(KnownRecommendationTypeParameterEnum || (KnownRecommendationTypeParameterEnum = {}));
var KnownRecommendationTypeEnum;
(function(KnownRecommendationTypeEnum2) {
  KnownRecommendationTypeEnum2["CreateIndex"] = "CreateIndex";
  KnownRecommendationTypeEnum2["DropIndex"] = "DropIndex";
  KnownRecommendationTypeEnum2["ReIndex"] = "ReIndex";
  KnownRecommendationTypeEnum2["AnalyzeTable"] = "AnalyzeTable";
})(KnownRecommendationTypeEnum || (KnownRecommendationTypeEnum = {}));
var KnownVirtualEndpointType;
(function(KnownVirtualEndpointType2) {
  KnownVirtualEndpointType2["ReadWrite"] = "ReadWrite";
})(KnownVirtualEndpointType || (KnownVirtualEndpointType = {}));
var KnownMigrationDetailsLevel;
(function(KnownMigrationDetailsLevel2) {
  KnownMigrationDetailsLevel2["Default"] = "Default";
  KnownMigrationDetailsLevel2["Summary"] = "Summary";
  KnownMigrationDetailsLevel2["Full"] = "Full";
})(KnownMigrationDetailsLevel || (KnownMigrationDetailsLevel = {}));

// node_modules/@azure/arm-postgresql-flexible/dist/esm/models/mappers.js
var mappers_exports = {};
__export(mappers_exports, {
  AdminCredentials: () => AdminCredentials,
  AdminCredentialsForPatch: () => AdminCredentialsForPatch,
  AdministratorMicrosoftEntra: () => AdministratorMicrosoftEntra,
  AdministratorMicrosoftEntraAdd: () => AdministratorMicrosoftEntraAdd,
  AdministratorMicrosoftEntraList: () => AdministratorMicrosoftEntraList,
  AdministratorsMicrosoftEntraCreateOrUpdateHeaders: () => AdministratorsMicrosoftEntraCreateOrUpdateHeaders,
  AdministratorsMicrosoftEntraDeleteHeaders: () => AdministratorsMicrosoftEntraDeleteHeaders,
  AdvancedThreatProtectionSettingsList: () => AdvancedThreatProtectionSettingsList,
  AdvancedThreatProtectionSettingsModel: () => AdvancedThreatProtectionSettingsModel,
  AuthConfig: () => AuthConfig,
  AuthConfigForPatch: () => AuthConfigForPatch,
  Backup: () => Backup,
  BackupAutomaticAndOnDemand: () => BackupAutomaticAndOnDemand,
  BackupAutomaticAndOnDemandList: () => BackupAutomaticAndOnDemandList,
  BackupForPatch: () => BackupForPatch,
  BackupRequestBase: () => BackupRequestBase,
  BackupSettings: () => BackupSettings,
  BackupStoreDetails: () => BackupStoreDetails,
  BackupsAutomaticAndOnDemandCreateHeaders: () => BackupsAutomaticAndOnDemandCreateHeaders,
  BackupsAutomaticAndOnDemandDeleteHeaders: () => BackupsAutomaticAndOnDemandDeleteHeaders,
  BackupsLongTermRetentionCheckPrerequisitesExceptionHeaders: () => BackupsLongTermRetentionCheckPrerequisitesExceptionHeaders,
  BackupsLongTermRetentionCheckPrerequisitesHeaders: () => BackupsLongTermRetentionCheckPrerequisitesHeaders,
  BackupsLongTermRetentionOperation: () => BackupsLongTermRetentionOperation,
  BackupsLongTermRetentionRequest: () => BackupsLongTermRetentionRequest,
  BackupsLongTermRetentionResponse: () => BackupsLongTermRetentionResponse,
  BackupsLongTermRetentionStartExceptionHeaders: () => BackupsLongTermRetentionStartExceptionHeaders,
  BackupsLongTermRetentionStartHeaders: () => BackupsLongTermRetentionStartHeaders,
  Capability: () => Capability,
  CapabilityBase: () => CapabilityBase,
  CapabilityList: () => CapabilityList,
  CapturedLog: () => CapturedLog,
  CapturedLogList: () => CapturedLogList,
  CheckNameAvailabilityRequest: () => CheckNameAvailabilityRequest,
  CheckNameAvailabilityResponse: () => CheckNameAvailabilityResponse,
  Cluster: () => Cluster,
  Configuration: () => Configuration,
  ConfigurationForUpdate: () => ConfigurationForUpdate,
  ConfigurationList: () => ConfigurationList,
  ConfigurationsPutHeaders: () => ConfigurationsPutHeaders,
  ConfigurationsUpdateHeaders: () => ConfigurationsUpdateHeaders,
  DataEncryption: () => DataEncryption,
  Database: () => Database,
  DatabaseList: () => DatabaseList,
  DatabaseMigrationState: () => DatabaseMigrationState,
  DatabasesCreateHeaders: () => DatabasesCreateHeaders,
  DatabasesDeleteHeaders: () => DatabasesDeleteHeaders,
  DbLevelValidationStatus: () => DbLevelValidationStatus,
  DbServerMetadata: () => DbServerMetadata,
  DelegatedSubnetUsage: () => DelegatedSubnetUsage,
  ErrorAdditionalInfo: () => ErrorAdditionalInfo,
  ErrorDetail: () => ErrorDetail,
  ErrorResponse: () => ErrorResponse,
  FastProvisioningEditionCapability: () => FastProvisioningEditionCapability,
  FirewallRule: () => FirewallRule,
  FirewallRuleList: () => FirewallRuleList,
  FirewallRulesCreateOrUpdateHeaders: () => FirewallRulesCreateOrUpdateHeaders,
  FirewallRulesDeleteHeaders: () => FirewallRulesDeleteHeaders,
  HighAvailability: () => HighAvailability,
  HighAvailabilityForPatch: () => HighAvailabilityForPatch,
  ImpactRecord: () => ImpactRecord,
  LtrPreBackupRequest: () => LtrPreBackupRequest,
  LtrPreBackupResponse: () => LtrPreBackupResponse,
  LtrServerBackupOperationList: () => LtrServerBackupOperationList,
  MaintenanceWindow: () => MaintenanceWindow,
  MaintenanceWindowForPatch: () => MaintenanceWindowForPatch,
  Migration: () => Migration,
  MigrationList: () => MigrationList,
  MigrationNameAvailability: () => MigrationNameAvailability,
  MigrationResourceForPatch: () => MigrationResourceForPatch,
  MigrationSecretParameters: () => MigrationSecretParameters,
  MigrationSecretParametersForPatch: () => MigrationSecretParametersForPatch,
  MigrationStatus: () => MigrationStatus,
  MigrationSubstateDetails: () => MigrationSubstateDetails,
  NameAvailabilityModel: () => NameAvailabilityModel,
  NameProperty: () => NameProperty,
  Network: () => Network,
  ObjectRecommendation: () => ObjectRecommendation,
  ObjectRecommendationDetails: () => ObjectRecommendationDetails,
  ObjectRecommendationList: () => ObjectRecommendationList,
  ObjectRecommendationPropertiesAnalyzedWorkload: () => ObjectRecommendationPropertiesAnalyzedWorkload,
  ObjectRecommendationPropertiesImplementationDetails: () => ObjectRecommendationPropertiesImplementationDetails,
  Operation: () => Operation,
  OperationDisplay: () => OperationDisplay,
  OperationList: () => OperationList,
  PrivateEndpoint: () => PrivateEndpoint,
  PrivateEndpointConnection: () => PrivateEndpointConnection,
  PrivateEndpointConnectionList: () => PrivateEndpointConnectionList,
  PrivateEndpointConnectionsDeleteHeaders: () => PrivateEndpointConnectionsDeleteHeaders,
  PrivateEndpointConnectionsUpdateHeaders: () => PrivateEndpointConnectionsUpdateHeaders,
  PrivateLinkResource: () => PrivateLinkResource,
  PrivateLinkResourceList: () => PrivateLinkResourceList,
  PrivateLinkServiceConnectionState: () => PrivateLinkServiceConnectionState,
  ProxyResource: () => ProxyResource,
  QuotaUsage: () => QuotaUsage,
  QuotaUsageList: () => QuotaUsageList,
  Replica: () => Replica,
  Resource: () => Resource,
  RestartParameter: () => RestartParameter,
  Server: () => Server,
  ServerEditionCapability: () => ServerEditionCapability,
  ServerForPatch: () => ServerForPatch,
  ServerList: () => ServerList,
  ServerSku: () => ServerSku,
  ServerSkuCapability: () => ServerSkuCapability,
  ServerThreatProtectionSettingsCreateOrUpdateHeaders: () => ServerThreatProtectionSettingsCreateOrUpdateHeaders,
  ServerVersionCapability: () => ServerVersionCapability,
  ServersCreateOrUpdateHeaders: () => ServersCreateOrUpdateHeaders,
  ServersDeleteHeaders: () => ServersDeleteHeaders,
  ServersRestartHeaders: () => ServersRestartHeaders,
  ServersStartHeaders: () => ServersStartHeaders,
  ServersStopHeaders: () => ServersStopHeaders,
  ServersUpdateHeaders: () => ServersUpdateHeaders,
  Sku: () => Sku,
  SkuForPatch: () => SkuForPatch,
  Storage: () => Storage,
  StorageEditionCapability: () => StorageEditionCapability,
  StorageMbCapability: () => StorageMbCapability,
  StorageTierCapability: () => StorageTierCapability,
  SupportedFeature: () => SupportedFeature,
  SystemData: () => SystemData,
  TrackedResource: () => TrackedResource,
  TuningOptions: () => TuningOptions,
  TuningOptionsList: () => TuningOptionsList,
  UserAssignedIdentity: () => UserAssignedIdentity,
  UserIdentity: () => UserIdentity,
  ValidationDetails: () => ValidationDetails,
  ValidationMessage: () => ValidationMessage,
  ValidationSummaryItem: () => ValidationSummaryItem,
  VirtualEndpoint: () => VirtualEndpoint,
  VirtualEndpointResourceForPatch: () => VirtualEndpointResourceForPatch,
  VirtualEndpointsCreateHeaders: () => VirtualEndpointsCreateHeaders,
  VirtualEndpointsDeleteHeaders: () => VirtualEndpointsDeleteHeaders,
  VirtualEndpointsList: () => VirtualEndpointsList,
  VirtualEndpointsUpdateHeaders: () => VirtualEndpointsUpdateHeaders,
  VirtualNetworkSubnetUsageModel: () => VirtualNetworkSubnetUsageModel,
  VirtualNetworkSubnetUsageParameter: () => VirtualNetworkSubnetUsageParameter
});
var AdministratorMicrosoftEntraAdd = {
  type: {
    name: "Composite",
    className: "AdministratorMicrosoftEntraAdd",
    modelProperties: {
      principalType: {
        serializedName: "properties.principalType",
        type: {
          name: "String"
        }
      },
      principalName: {
        serializedName: "properties.principalName",
        type: {
          name: "String"
        }
      },
      tenantId: {
        serializedName: "properties.tenantId",
        type: {
          name: "String"
        }
      }
    }
  }
};
var Resource = {
  type: {
    name: "Composite",
    className: "Resource",
    modelProperties: {
      id: {
        serializedName: "id",
        readOnly: true,
        type: {
          name: "String"
        }
      },
      name: {
        serializedName: "name",
        readOnly: true,
        type: {
          name: "String"
        }
      },
      type: {
        serializedName: "type",
        readOnly: true,
        type: {
          name: "String"
        }
      },
      systemData: {
        serializedName: "systemData",
        type: {
          name: "Composite",
          className: "SystemData"
        }
      }
    }
  }
};
var SystemData = {
  type: {
    name: "Composite",
    className: "SystemData",
    modelProperties: {
      createdBy: {
        serializedName: "createdBy",
        type: {
          name: "String"
        }
      },
      createdByType: {
        serializedName: "createdByType",
        type: {
          name: "String"
        }
      },
      createdAt: {
        serializedName: "createdAt",
        type: {
          name: "DateTime"
        }
      },
      lastModifiedBy: {
        serializedName: "lastModifiedBy",
        type: {
          name: "String"
        }
      },
      lastModifiedByType: {
        serializedName: "lastModifiedByType",
        type: {
          name: "String"
        }
      },
      lastModifiedAt: {
        serializedName: "lastModifiedAt",
        type: {
          name: "DateTime"
        }
      }
    }
  }
};
var ErrorResponse = {
  type: {
    name: "Composite",
    className: "ErrorResponse",
    modelProperties: {
      error: {
        serializedName: "error",
        type: {
          name: "Composite",
          className: "ErrorDetail"
        }
      }
    }
  }
};
var ErrorDetail = {
  type: {
    name: "Composite",
    className: "ErrorDetail",
    modelProperties: {
      code: {
        serializedName: "code",
        readOnly: true,
        type: {
          name: "String"
        }
      },
      message: {
        serializedName: "message",
        readOnly: true,
        type: {
          name: "String"
        }
      },
      target: {
        serializedName: "target",
        readOnly: true,
        type: {
          name: "String"
        }
      },
      details: {
        serializedName: "details",
        readOnly: true,
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "Composite",
              className: "ErrorDetail"
            }
          }
        }
      },
      additionalInfo: {
        serializedName: "additionalInfo",
        readOnly: true,
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "Composite",
              className: "ErrorAdditionalInfo"
            }
          }
        }
      }
    }
  }
};
var ErrorAdditionalInfo = {
  type: {
    name: "Composite",
    className: "ErrorAdditionalInfo",
    modelProperties: {
      type: {
        serializedName: "type",
        readOnly: true,
        type: {
          name: "String"
        }
      },
      info: {
        serializedName: "info",
        readOnly: true,
        type: {
          name: "Dictionary",
          value: { type: { name: "any" } }
        }
      }
    }
  }
};
var AdministratorMicrosoftEntraList = {
  type: {
    name: "Composite",
    className: "AdministratorMicrosoftEntraList",
    modelProperties: {
      value: {
        serializedName: "value",
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "Composite",
              className: "AdministratorMicrosoftEntra"
            }
          }
        }
      },
      nextLink: {
        serializedName: "nextLink",
        type: {
          name: "String"
        }
      }
    }
  }
};
var AdvancedThreatProtectionSettingsList = {
  type: {
    name: "Composite",
    className: "AdvancedThreatProtectionSettingsList",
    modelProperties: {
      value: {
        serializedName: "value",
        readOnly: true,
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "Composite",
              className: "AdvancedThreatProtectionSettingsModel"
            }
          }
        }
      },
      nextLink: {
        serializedName: "nextLink",
        type: {
          name: "String"
        }
      }
    }
  }
};
var BackupAutomaticAndOnDemandList = {
  type: {
    name: "Composite",
    className: "BackupAutomaticAndOnDemandList",
    modelProperties: {
      value: {
        serializedName: "value",
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "Composite",
              className: "BackupAutomaticAndOnDemand"
            }
          }
        }
      },
      nextLink: {
        serializedName: "nextLink",
        type: {
          name: "String"
        }
      }
    }
  }
};
var CapabilityList = {
  type: {
    name: "Composite",
    className: "CapabilityList",
    modelProperties: {
      value: {
        serializedName: "value",
        readOnly: true,
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "Composite",
              className: "Capability"
            }
          }
        }
      },
      nextLink: {
        serializedName: "nextLink",
        type: {
          name: "String"
        }
      }
    }
  }
};
var CapabilityBase = {
  type: {
    name: "Composite",
    className: "CapabilityBase",
    modelProperties: {
      status: {
        serializedName: "status",
        readOnly: true,
        type: {
          name: "Enum",
          allowedValues: ["Visible", "Available", "Default", "Disabled"]
        }
      },
      reason: {
        serializedName: "reason",
        readOnly: true,
        type: {
          name: "String"
        }
      }
    }
  }
};
var SupportedFeature = {
  type: {
    name: "Composite",
    className: "SupportedFeature",
    modelProperties: {
      name: {
        serializedName: "name",
        readOnly: true,
        type: {
          name: "String"
        }
      },
      status: {
        serializedName: "status",
        readOnly: true,
        type: {
          name: "String"
        }
      }
    }
  }
};
var CapturedLogList = {
  type: {
    name: "Composite",
    className: "CapturedLogList",
    modelProperties: {
      value: {
        serializedName: "value",
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "Composite",
              className: "CapturedLog"
            }
          }
        }
      },
      nextLink: {
        serializedName: "nextLink",
        type: {
          name: "String"
        }
      }
    }
  }
};
var ConfigurationList = {
  type: {
    name: "Composite",
    className: "ConfigurationList",
    modelProperties: {
      value: {
        serializedName: "value",
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "Composite",
              className: "Configuration"
            }
          }
        }
      },
      nextLink: {
        serializedName: "nextLink",
        type: {
          name: "String"
        }
      }
    }
  }
};
var ConfigurationForUpdate = {
  type: {
    name: "Composite",
    className: "ConfigurationForUpdate",
    modelProperties: {
      value: {
        serializedName: "properties.value",
        type: {
          name: "String"
        }
      },
      description: {
        serializedName: "properties.description",
        readOnly: true,
        type: {
          name: "String"
        }
      },
      defaultValue: {
        serializedName: "properties.defaultValue",
        readOnly: true,
        type: {
          name: "String"
        }
      },
      dataType: {
        serializedName: "properties.dataType",
        readOnly: true,
        type: {
          name: "String"
        }
      },
      allowedValues: {
        serializedName: "properties.allowedValues",
        readOnly: true,
        type: {
          name: "String"
        }
      },
      source: {
        serializedName: "properties.source",
        type: {
          name: "String"
        }
      },
      isDynamicConfig: {
        serializedName: "properties.isDynamicConfig",
        readOnly: true,
        type: {
          name: "Boolean"
        }
      },
      isReadOnly: {
        serializedName: "properties.isReadOnly",
        readOnly: true,
        type: {
          name: "Boolean"
        }
      },
      isConfigPendingRestart: {
        serializedName: "properties.isConfigPendingRestart",
        readOnly: true,
        type: {
          name: "Boolean"
        }
      },
      unit: {
        serializedName: "properties.unit",
        readOnly: true,
        type: {
          name: "String"
        }
      },
      documentationLink: {
        serializedName: "properties.documentationLink",
        readOnly: true,
        type: {
          name: "String"
        }
      }
    }
  }
};
var DatabaseList = {
  type: {
    name: "Composite",
    className: "DatabaseList",
    modelProperties: {
      value: {
        serializedName: "value",
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "Composite",
              className: "Database"
            }
          }
        }
      },
      nextLink: {
        serializedName: "nextLink",
        type: {
          name: "String"
        }
      }
    }
  }
};
var FirewallRuleList = {
  type: {
    name: "Composite",
    className: "FirewallRuleList",
    modelProperties: {
      value: {
        serializedName: "value",
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "Composite",
              className: "FirewallRule"
            }
          }
        }
      },
      nextLink: {
        serializedName: "nextLink",
        type: {
          name: "String"
        }
      }
    }
  }
};
var BackupRequestBase = {
  type: {
    name: "Composite",
    className: "BackupRequestBase",
    modelProperties: {
      backupSettings: {
        serializedName: "backupSettings",
        type: {
          name: "Composite",
          className: "BackupSettings"
        }
      }
    }
  }
};
var BackupSettings = {
  type: {
    name: "Composite",
    className: "BackupSettings",
    modelProperties: {
      backupName: {
        serializedName: "backupName",
        required: true,
        type: {
          name: "String"
        }
      }
    }
  }
};
var LtrPreBackupResponse = {
  type: {
    name: "Composite",
    className: "LtrPreBackupResponse",
    modelProperties: {
      numberOfContainers: {
        serializedName: "properties.numberOfContainers",
        required: true,
        type: {
          name: "Number"
        }
      }
    }
  }
};
var BackupStoreDetails = {
  type: {
    name: "Composite",
    className: "BackupStoreDetails",
    modelProperties: {
      sasUriList: {
        serializedName: "sasUriList",
        required: true,
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "String"
            }
          }
        }
      }
    }
  }
};
var BackupsLongTermRetentionResponse = {
  type: {
    name: "Composite",
    className: "BackupsLongTermRetentionResponse",
    modelProperties: {
      datasourceSizeInBytes: {
        serializedName: "properties.datasourceSizeInBytes",
        type: {
          name: "Number"
        }
      },
      dataTransferredInBytes: {
        serializedName: "properties.dataTransferredInBytes",
        type: {
          name: "Number"
        }
      },
      backupName: {
        serializedName: "properties.backupName",
        type: {
          name: "String"
        }
      },
      backupMetadata: {
        serializedName: "properties.backupMetadata",
        type: {
          name: "String"
        }
      },
      status: {
        serializedName: "properties.status",
        type: {
          name: "String"
        }
      },
      startTime: {
        serializedName: "properties.startTime",
        type: {
          name: "DateTime"
        }
      },
      endTime: {
        serializedName: "properties.endTime",
        type: {
          name: "DateTime"
        }
      },
      percentComplete: {
        constraints: {
          InclusiveMaximum: 100,
          InclusiveMinimum: 0
        },
        serializedName: "properties.percentComplete",
        type: {
          name: "Number"
        }
      },
      errorCode: {
        serializedName: "properties.errorCode",
        readOnly: true,
        type: {
          name: "String"
        }
      },
      errorMessage: {
        serializedName: "properties.errorMessage",
        readOnly: true,
        type: {
          name: "String"
        }
      }
    }
  }
};
var LtrServerBackupOperationList = {
  type: {
    name: "Composite",
    className: "LtrServerBackupOperationList",
    modelProperties: {
      value: {
        serializedName: "value",
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "Composite",
              className: "BackupsLongTermRetentionOperation"
            }
          }
        }
      },
      nextLink: {
        serializedName: "nextLink",
        type: {
          name: "String"
        }
      }
    }
  }
};
var MigrationStatus = {
  type: {
    name: "Composite",
    className: "MigrationStatus",
    modelProperties: {
      state: {
        serializedName: "state",
        readOnly: true,
        type: {
          name: "String"
        }
      },
      error: {
        serializedName: "error",
        readOnly: true,
        type: {
          name: "String"
        }
      },
      currentSubStateDetails: {
        serializedName: "currentSubStateDetails",
        type: {
          name: "Composite",
          className: "MigrationSubstateDetails"
        }
      }
    }
  }
};
var MigrationSubstateDetails = {
  type: {
    name: "Composite",
    className: "MigrationSubstateDetails",
    modelProperties: {
      currentSubState: {
        serializedName: "currentSubState",
        readOnly: true,
        type: {
          name: "String"
        }
      },
      dbDetails: {
        serializedName: "dbDetails",
        type: {
          name: "Dictionary",
          value: {
            type: { name: "Composite", className: "DatabaseMigrationState" }
          }
        }
      },
      validationDetails: {
        serializedName: "validationDetails",
        type: {
          name: "Composite",
          className: "ValidationDetails"
        }
      }
    }
  }
};
var DatabaseMigrationState = {
  type: {
    name: "Composite",
    className: "DatabaseMigrationState",
    modelProperties: {
      databaseName: {
        serializedName: "databaseName",
        type: {
          name: "String"
        }
      },
      migrationState: {
        serializedName: "migrationState",
        type: {
          name: "String"
        }
      },
      migrationOperation: {
        serializedName: "migrationOperation",
        type: {
          name: "String"
        }
      },
      startedOn: {
        serializedName: "startedOn",
        type: {
          name: "DateTime"
        }
      },
      endedOn: {
        serializedName: "endedOn",
        type: {
          name: "DateTime"
        }
      },
      fullLoadQueuedTables: {
        serializedName: "fullLoadQueuedTables",
        type: {
          name: "Number"
        }
      },
      fullLoadErroredTables: {
        serializedName: "fullLoadErroredTables",
        type: {
          name: "Number"
        }
      },
      fullLoadLoadingTables: {
        serializedName: "fullLoadLoadingTables",
        type: {
          name: "Number"
        }
      },
      fullLoadCompletedTables: {
        serializedName: "fullLoadCompletedTables",
        type: {
          name: "Number"
        }
      },
      cdcUpdateCounter: {
        serializedName: "cdcUpdateCounter",
        type: {
          name: "Number"
        }
      },
      cdcDeleteCounter: {
        serializedName: "cdcDeleteCounter",
        type: {
          name: "Number"
        }
      },
      cdcInsertCounter: {
        serializedName: "cdcInsertCounter",
        type: {
          name: "Number"
        }
      },
      appliedChanges: {
        serializedName: "appliedChanges",
        type: {
          name: "Number"
        }
      },
      incomingChanges: {
        serializedName: "incomingChanges",
        type: {
          name: "Number"
        }
      },
      latency: {
        serializedName: "latency",
        type: {
          name: "Number"
        }
      },
      message: {
        serializedName: "message",
        type: {
          name: "String"
        }
      }
    }
  }
};
var ValidationDetails = {
  type: {
    name: "Composite",
    className: "ValidationDetails",
    modelProperties: {
      status: {
        serializedName: "status",
        type: {
          name: "String"
        }
      },
      validationStartTimeInUtc: {
        serializedName: "validationStartTimeInUtc",
        type: {
          name: "DateTime"
        }
      },
      validationEndTimeInUtc: {
        serializedName: "validationEndTimeInUtc",
        type: {
          name: "DateTime"
        }
      },
      serverLevelValidationDetails: {
        serializedName: "serverLevelValidationDetails",
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "Composite",
              className: "ValidationSummaryItem"
            }
          }
        }
      },
      dbLevelValidationDetails: {
        serializedName: "dbLevelValidationDetails",
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "Composite",
              className: "DbLevelValidationStatus"
            }
          }
        }
      }
    }
  }
};
var ValidationSummaryItem = {
  type: {
    name: "Composite",
    className: "ValidationSummaryItem",
    modelProperties: {
      type: {
        serializedName: "type",
        type: {
          name: "String"
        }
      },
      state: {
        serializedName: "state",
        type: {
          name: "String"
        }
      },
      messages: {
        serializedName: "messages",
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "Composite",
              className: "ValidationMessage"
            }
          }
        }
      }
    }
  }
};
var ValidationMessage = {
  type: {
    name: "Composite",
    className: "ValidationMessage",
    modelProperties: {
      state: {
        serializedName: "state",
        type: {
          name: "String"
        }
      },
      message: {
        serializedName: "message",
        type: {
          name: "String"
        }
      }
    }
  }
};
var DbLevelValidationStatus = {
  type: {
    name: "Composite",
    className: "DbLevelValidationStatus",
    modelProperties: {
      databaseName: {
        serializedName: "databaseName",
        type: {
          name: "String"
        }
      },
      startedOn: {
        serializedName: "startedOn",
        type: {
          name: "DateTime"
        }
      },
      endedOn: {
        serializedName: "endedOn",
        type: {
          name: "DateTime"
        }
      },
      summary: {
        serializedName: "summary",
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "Composite",
              className: "ValidationSummaryItem"
            }
          }
        }
      }
    }
  }
};
var DbServerMetadata = {
  type: {
    name: "Composite",
    className: "DbServerMetadata",
    modelProperties: {
      location: {
        serializedName: "location",
        readOnly: true,
        type: {
          name: "String"
        }
      },
      version: {
        serializedName: "version",
        type: {
          name: "String"
        }
      },
      storageMb: {
        serializedName: "storageMb",
        type: {
          name: "Number"
        }
      },
      sku: {
        serializedName: "sku",
        type: {
          name: "Composite",
          className: "ServerSku"
        }
      }
    }
  }
};
var ServerSku = {
  type: {
    name: "Composite",
    className: "ServerSku",
    modelProperties: {
      name: {
        serializedName: "name",
        type: {
          name: "String"
        }
      },
      tier: {
        serializedName: "tier",
        type: {
          name: "String"
        }
      }
    }
  }
};
var MigrationSecretParameters = {
  type: {
    name: "Composite",
    className: "MigrationSecretParameters",
    modelProperties: {
      adminCredentials: {
        serializedName: "adminCredentials",
        type: {
          name: "Composite",
          className: "AdminCredentials"
        }
      },
      sourceServerUsername: {
        serializedName: "sourceServerUsername",
        type: {
          name: "String"
        }
      },
      targetServerUsername: {
        serializedName: "targetServerUsername",
        type: {
          name: "String"
        }
      }
    }
  }
};
var AdminCredentials = {
  type: {
    name: "Composite",
    className: "AdminCredentials",
    modelProperties: {
      sourceServerPassword: {
        serializedName: "sourceServerPassword",
        required: true,
        type: {
          name: "String"
        }
      },
      targetServerPassword: {
        serializedName: "targetServerPassword",
        required: true,
        type: {
          name: "String"
        }
      }
    }
  }
};
var MigrationResourceForPatch = {
  type: {
    name: "Composite",
    className: "MigrationResourceForPatch",
    modelProperties: {
      tags: {
        serializedName: "tags",
        type: {
          name: "Dictionary",
          value: { type: { name: "String" } }
        }
      },
      sourceDbServerResourceId: {
        serializedName: "properties.sourceDbServerResourceId",
        type: {
          name: "String"
        }
      },
      sourceDbServerFullyQualifiedDomainName: {
        serializedName: "properties.sourceDbServerFullyQualifiedDomainName",
        type: {
          name: "String"
        }
      },
      targetDbServerFullyQualifiedDomainName: {
        serializedName: "properties.targetDbServerFullyQualifiedDomainName",
        type: {
          name: "String"
        }
      },
      secretParameters: {
        serializedName: "properties.secretParameters",
        type: {
          name: "Composite",
          className: "MigrationSecretParametersForPatch"
        }
      },
      dbsToMigrate: {
        constraints: {
          MaxItems: 50
        },
        serializedName: "properties.dbsToMigrate",
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "String"
            }
          }
        }
      },
      setupLogicalReplicationOnSourceDbIfNeeded: {
        serializedName: "properties.setupLogicalReplicationOnSourceDbIfNeeded",
        type: {
          name: "String"
        }
      },
      overwriteDbsInTarget: {
        serializedName: "properties.overwriteDbsInTarget",
        type: {
          name: "String"
        }
      },
      migrationWindowStartTimeInUtc: {
        serializedName: "properties.migrationWindowStartTimeInUtc",
        type: {
          name: "DateTime"
        }
      },
      migrateRoles: {
        serializedName: "properties.migrateRoles",
        type: {
          name: "String"
        }
      },
      startDataMigration: {
        serializedName: "properties.startDataMigration",
        type: {
          name: "String"
        }
      },
      triggerCutover: {
        serializedName: "properties.triggerCutover",
        type: {
          name: "String"
        }
      },
      dbsToTriggerCutoverOn: {
        serializedName: "properties.dbsToTriggerCutoverOn",
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "String"
            }
          }
        }
      },
      cancel: {
        serializedName: "properties.cancel",
        type: {
          name: "String"
        }
      },
      dbsToCancelMigrationOn: {
        serializedName: "properties.dbsToCancelMigrationOn",
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "String"
            }
          }
        }
      },
      migrationMode: {
        serializedName: "properties.migrationMode",
        type: {
          name: "String"
        }
      }
    }
  }
};
var MigrationSecretParametersForPatch = {
  type: {
    name: "Composite",
    className: "MigrationSecretParametersForPatch",
    modelProperties: {
      adminCredentials: {
        serializedName: "adminCredentials",
        type: {
          name: "Composite",
          className: "AdminCredentialsForPatch"
        }
      },
      sourceServerUsername: {
        serializedName: "sourceServerUsername",
        type: {
          name: "String"
        }
      },
      targetServerUsername: {
        serializedName: "targetServerUsername",
        type: {
          name: "String"
        }
      }
    }
  }
};
var AdminCredentialsForPatch = {
  type: {
    name: "Composite",
    className: "AdminCredentialsForPatch",
    modelProperties: {
      sourceServerPassword: {
        serializedName: "sourceServerPassword",
        type: {
          name: "String"
        }
      },
      targetServerPassword: {
        serializedName: "targetServerPassword",
        type: {
          name: "String"
        }
      }
    }
  }
};
var MigrationList = {
  type: {
    name: "Composite",
    className: "MigrationList",
    modelProperties: {
      value: {
        serializedName: "value",
        readOnly: true,
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "Composite",
              className: "Migration"
            }
          }
        }
      },
      nextLink: {
        serializedName: "nextLink",
        type: {
          name: "String"
        }
      }
    }
  }
};
var MigrationNameAvailability = {
  type: {
    name: "Composite",
    className: "MigrationNameAvailability",
    modelProperties: {
      name: {
        serializedName: "name",
        required: true,
        type: {
          name: "String"
        }
      },
      type: {
        serializedName: "type",
        required: true,
        type: {
          name: "String"
        }
      },
      nameAvailable: {
        serializedName: "nameAvailable",
        readOnly: true,
        type: {
          name: "Boolean"
        }
      },
      reason: {
        serializedName: "reason",
        readOnly: true,
        type: {
          name: "String"
        }
      },
      message: {
        serializedName: "message",
        readOnly: true,
        type: {
          name: "String"
        }
      }
    }
  }
};
var CheckNameAvailabilityRequest = {
  type: {
    name: "Composite",
    className: "CheckNameAvailabilityRequest",
    modelProperties: {
      name: {
        serializedName: "name",
        type: {
          name: "String"
        }
      },
      type: {
        serializedName: "type",
        type: {
          name: "String"
        }
      }
    }
  }
};
var CheckNameAvailabilityResponse = {
  type: {
    name: "Composite",
    className: "CheckNameAvailabilityResponse",
    modelProperties: {
      nameAvailable: {
        serializedName: "nameAvailable",
        type: {
          name: "Boolean"
        }
      },
      reason: {
        serializedName: "reason",
        type: {
          name: "String"
        }
      },
      message: {
        serializedName: "message",
        type: {
          name: "String"
        }
      }
    }
  }
};
var OperationList = {
  type: {
    name: "Composite",
    className: "OperationList",
    modelProperties: {
      value: {
        serializedName: "value",
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "Composite",
              className: "Operation"
            }
          }
        }
      },
      nextLink: {
        serializedName: "nextLink",
        type: {
          name: "String"
        }
      }
    }
  }
};
var Operation = {
  type: {
    name: "Composite",
    className: "Operation",
    modelProperties: {
      name: {
        serializedName: "name",
        readOnly: true,
        type: {
          name: "String"
        }
      },
      display: {
        serializedName: "display",
        type: {
          name: "Composite",
          className: "OperationDisplay"
        }
      },
      isDataAction: {
        serializedName: "isDataAction",
        type: {
          name: "Boolean"
        }
      },
      origin: {
        serializedName: "origin",
        readOnly: true,
        type: {
          name: "String"
        }
      },
      properties: {
        serializedName: "properties",
        readOnly: true,
        type: {
          name: "Dictionary",
          value: {
            type: { name: "Dictionary", value: { type: { name: "any" } } }
          }
        }
      }
    }
  }
};
var OperationDisplay = {
  type: {
    name: "Composite",
    className: "OperationDisplay",
    modelProperties: {
      provider: {
        serializedName: "provider",
        readOnly: true,
        type: {
          name: "String"
        }
      },
      resource: {
        serializedName: "resource",
        readOnly: true,
        type: {
          name: "String"
        }
      },
      operation: {
        serializedName: "operation",
        readOnly: true,
        type: {
          name: "String"
        }
      },
      description: {
        serializedName: "description",
        readOnly: true,
        type: {
          name: "String"
        }
      }
    }
  }
};
var PrivateEndpoint = {
  type: {
    name: "Composite",
    className: "PrivateEndpoint",
    modelProperties: {
      id: {
        serializedName: "id",
        readOnly: true,
        type: {
          name: "String"
        }
      }
    }
  }
};
var PrivateLinkServiceConnectionState = {
  type: {
    name: "Composite",
    className: "PrivateLinkServiceConnectionState",
    modelProperties: {
      status: {
        serializedName: "status",
        type: {
          name: "String"
        }
      },
      description: {
        serializedName: "description",
        type: {
          name: "String"
        }
      },
      actionsRequired: {
        serializedName: "actionsRequired",
        type: {
          name: "String"
        }
      }
    }
  }
};
var PrivateEndpointConnectionList = {
  type: {
    name: "Composite",
    className: "PrivateEndpointConnectionList",
    modelProperties: {
      value: {
        serializedName: "value",
        readOnly: true,
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "Composite",
              className: "PrivateEndpointConnection"
            }
          }
        }
      },
      nextLink: {
        serializedName: "nextLink",
        type: {
          name: "String"
        }
      }
    }
  }
};
var PrivateLinkResourceList = {
  type: {
    name: "Composite",
    className: "PrivateLinkResourceList",
    modelProperties: {
      value: {
        serializedName: "value",
        readOnly: true,
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "Composite",
              className: "PrivateLinkResource"
            }
          }
        }
      },
      nextLink: {
        serializedName: "nextLink",
        type: {
          name: "String"
        }
      }
    }
  }
};
var QuotaUsageList = {
  type: {
    name: "Composite",
    className: "QuotaUsageList",
    modelProperties: {
      value: {
        serializedName: "value",
        readOnly: true,
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "Composite",
              className: "QuotaUsage"
            }
          }
        }
      },
      nextLink: {
        serializedName: "nextLink",
        type: {
          name: "String"
        }
      }
    }
  }
};
var QuotaUsage = {
  type: {
    name: "Composite",
    className: "QuotaUsage",
    modelProperties: {
      name: {
        serializedName: "name",
        type: {
          name: "Composite",
          className: "NameProperty"
        }
      },
      limit: {
        serializedName: "limit",
        type: {
          name: "Number"
        }
      },
      unit: {
        defaultValue: "Count",
        serializedName: "unit",
        type: {
          name: "String"
        }
      },
      currentValue: {
        serializedName: "currentValue",
        type: {
          name: "Number"
        }
      },
      id: {
        serializedName: "id",
        type: {
          name: "String"
        }
      }
    }
  }
};
var NameProperty = {
  type: {
    name: "Composite",
    className: "NameProperty",
    modelProperties: {
      value: {
        serializedName: "value",
        type: {
          name: "String"
        }
      },
      localizedValue: {
        serializedName: "localizedValue",
        type: {
          name: "String"
        }
      }
    }
  }
};
var ServerList = {
  type: {
    name: "Composite",
    className: "ServerList",
    modelProperties: {
      value: {
        serializedName: "value",
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "Composite",
              className: "Server"
            }
          }
        }
      },
      nextLink: {
        serializedName: "nextLink",
        type: {
          name: "String"
        }
      }
    }
  }
};
var Sku = {
  type: {
    name: "Composite",
    className: "Sku",
    modelProperties: {
      name: {
        serializedName: "name",
        required: true,
        type: {
          name: "String"
        }
      },
      tier: {
        serializedName: "tier",
        required: true,
        type: {
          name: "String"
        }
      }
    }
  }
};
var UserAssignedIdentity = {
  type: {
    name: "Composite",
    className: "UserAssignedIdentity",
    modelProperties: {
      userAssignedIdentities: {
        serializedName: "userAssignedIdentities",
        type: {
          name: "Dictionary",
          value: { type: { name: "Composite", className: "UserIdentity" } }
        }
      },
      principalId: {
        serializedName: "principalId",
        type: {
          name: "String"
        }
      },
      type: {
        serializedName: "type",
        required: true,
        type: {
          name: "String"
        }
      },
      tenantId: {
        serializedName: "tenantId",
        readOnly: true,
        type: {
          name: "String"
        }
      }
    }
  }
};
var UserIdentity = {
  type: {
    name: "Composite",
    className: "UserIdentity",
    modelProperties: {
      principalId: {
        serializedName: "principalId",
        type: {
          name: "String"
        }
      },
      clientId: {
        serializedName: "clientId",
        type: {
          name: "String"
        }
      }
    }
  }
};
var Storage = {
  type: {
    name: "Composite",
    className: "Storage",
    modelProperties: {
      storageSizeGB: {
        serializedName: "storageSizeGB",
        type: {
          name: "Number"
        }
      },
      autoGrow: {
        serializedName: "autoGrow",
        type: {
          name: "String"
        }
      },
      tier: {
        serializedName: "tier",
        type: {
          name: "String"
        }
      },
      iops: {
        serializedName: "iops",
        type: {
          name: "Number"
        }
      },
      throughput: {
        serializedName: "throughput",
        type: {
          name: "Number"
        }
      },
      type: {
        serializedName: "type",
        type: {
          name: "String"
        }
      }
    }
  }
};
var AuthConfig = {
  type: {
    name: "Composite",
    className: "AuthConfig",
    modelProperties: {
      activeDirectoryAuth: {
        serializedName: "activeDirectoryAuth",
        type: {
          name: "String"
        }
      },
      passwordAuth: {
        serializedName: "passwordAuth",
        type: {
          name: "String"
        }
      },
      tenantId: {
        defaultValue: "",
        serializedName: "tenantId",
        type: {
          name: "String"
        }
      }
    }
  }
};
var DataEncryption = {
  type: {
    name: "Composite",
    className: "DataEncryption",
    modelProperties: {
      primaryKeyURI: {
        serializedName: "primaryKeyURI",
        type: {
          name: "String"
        }
      },
      primaryUserAssignedIdentityId: {
        serializedName: "primaryUserAssignedIdentityId",
        type: {
          name: "String"
        }
      },
      geoBackupKeyURI: {
        serializedName: "geoBackupKeyURI",
        type: {
          name: "String"
        }
      },
      geoBackupUserAssignedIdentityId: {
        serializedName: "geoBackupUserAssignedIdentityId",
        type: {
          name: "String"
        }
      },
      type: {
        serializedName: "type",
        type: {
          name: "String"
        }
      },
      primaryEncryptionKeyStatus: {
        serializedName: "primaryEncryptionKeyStatus",
        type: {
          name: "String"
        }
      },
      geoBackupEncryptionKeyStatus: {
        serializedName: "geoBackupEncryptionKeyStatus",
        type: {
          name: "String"
        }
      }
    }
  }
};
var Backup = {
  type: {
    name: "Composite",
    className: "Backup",
    modelProperties: {
      backupRetentionDays: {
        defaultValue: 7,
        serializedName: "backupRetentionDays",
        type: {
          name: "Number"
        }
      },
      geoRedundantBackup: {
        serializedName: "geoRedundantBackup",
        type: {
          name: "String"
        }
      },
      earliestRestoreDate: {
        serializedName: "earliestRestoreDate",
        readOnly: true,
        type: {
          name: "DateTime"
        }
      }
    }
  }
};
var Network = {
  type: {
    name: "Composite",
    className: "Network",
    modelProperties: {
      publicNetworkAccess: {
        serializedName: "publicNetworkAccess",
        type: {
          name: "String"
        }
      },
      delegatedSubnetResourceId: {
        serializedName: "delegatedSubnetResourceId",
        type: {
          name: "String"
        }
      },
      privateDnsZoneArmResourceId: {
        serializedName: "privateDnsZoneArmResourceId",
        type: {
          name: "String"
        }
      }
    }
  }
};
var HighAvailability = {
  type: {
    name: "Composite",
    className: "HighAvailability",
    modelProperties: {
      mode: {
        serializedName: "mode",
        type: {
          name: "String"
        }
      },
      state: {
        serializedName: "state",
        readOnly: true,
        type: {
          name: "String"
        }
      },
      standbyAvailabilityZone: {
        defaultValue: "",
        serializedName: "standbyAvailabilityZone",
        type: {
          name: "String"
        }
      }
    }
  }
};
var MaintenanceWindow = {
  type: {
    name: "Composite",
    className: "MaintenanceWindow",
    modelProperties: {
      customWindow: {
        defaultValue: "Disabled",
        serializedName: "customWindow",
        type: {
          name: "String"
        }
      },
      startHour: {
        defaultValue: 0,
        serializedName: "startHour",
        type: {
          name: "Number"
        }
      },
      startMinute: {
        defaultValue: 0,
        serializedName: "startMinute",
        type: {
          name: "Number"
        }
      },
      dayOfWeek: {
        defaultValue: 0,
        serializedName: "dayOfWeek",
        type: {
          name: "Number"
        }
      }
    }
  }
};
var Replica = {
  type: {
    name: "Composite",
    className: "Replica",
    modelProperties: {
      role: {
        serializedName: "role",
        type: {
          name: "String"
        }
      },
      capacity: {
        serializedName: "capacity",
        readOnly: true,
        type: {
          name: "Number"
        }
      },
      replicationState: {
        serializedName: "replicationState",
        readOnly: true,
        type: {
          name: "String"
        }
      },
      promoteMode: {
        serializedName: "promoteMode",
        type: {
          name: "String"
        }
      },
      promoteOption: {
        serializedName: "promoteOption",
        type: {
          name: "String"
        }
      }
    }
  }
};
var Cluster = {
  type: {
    name: "Composite",
    className: "Cluster",
    modelProperties: {
      clusterSize: {
        defaultValue: 0,
        serializedName: "clusterSize",
        type: {
          name: "Number"
        }
      },
      defaultDatabaseName: {
        serializedName: "defaultDatabaseName",
        type: {
          name: "String"
        }
      }
    }
  }
};
var ServerForPatch = {
  type: {
    name: "Composite",
    className: "ServerForPatch",
    modelProperties: {
      sku: {
        serializedName: "sku",
        type: {
          name: "Composite",
          className: "SkuForPatch"
        }
      },
      identity: {
        serializedName: "identity",
        type: {
          name: "Composite",
          className: "UserAssignedIdentity"
        }
      },
      tags: {
        serializedName: "tags",
        type: {
          name: "Dictionary",
          value: { type: { name: "String" } }
        }
      },
      administratorLogin: {
        serializedName: "properties.administratorLogin",
        type: {
          name: "String"
        }
      },
      administratorLoginPassword: {
        serializedName: "properties.administratorLoginPassword",
        type: {
          name: "String"
        }
      },
      version: {
        serializedName: "properties.version",
        type: {
          name: "String"
        }
      },
      storage: {
        serializedName: "properties.storage",
        type: {
          name: "Composite",
          className: "Storage"
        }
      },
      backup: {
        serializedName: "properties.backup",
        type: {
          name: "Composite",
          className: "BackupForPatch"
        }
      },
      highAvailability: {
        serializedName: "properties.highAvailability",
        type: {
          name: "Composite",
          className: "HighAvailabilityForPatch"
        }
      },
      maintenanceWindow: {
        serializedName: "properties.maintenanceWindow",
        type: {
          name: "Composite",
          className: "MaintenanceWindowForPatch"
        }
      },
      authConfig: {
        serializedName: "properties.authConfig",
        type: {
          name: "Composite",
          className: "AuthConfigForPatch"
        }
      },
      dataEncryption: {
        serializedName: "properties.dataEncryption",
        type: {
          name: "Composite",
          className: "DataEncryption"
        }
      },
      availabilityZone: {
        defaultValue: "",
        serializedName: "properties.availabilityZone",
        type: {
          name: "String"
        }
      },
      createMode: {
        serializedName: "properties.createMode",
        type: {
          name: "String"
        }
      },
      replicationRole: {
        serializedName: "properties.replicationRole",
        type: {
          name: "String"
        }
      },
      replica: {
        serializedName: "properties.replica",
        type: {
          name: "Composite",
          className: "Replica"
        }
      },
      network: {
        serializedName: "properties.network",
        type: {
          name: "Composite",
          className: "Network"
        }
      },
      cluster: {
        serializedName: "properties.cluster",
        type: {
          name: "Composite",
          className: "Cluster"
        }
      }
    }
  }
};
var SkuForPatch = {
  type: {
    name: "Composite",
    className: "SkuForPatch",
    modelProperties: {
      name: {
        serializedName: "name",
        type: {
          name: "String"
        }
      },
      tier: {
        serializedName: "tier",
        type: {
          name: "String"
        }
      }
    }
  }
};
var BackupForPatch = {
  type: {
    name: "Composite",
    className: "BackupForPatch",
    modelProperties: {
      backupRetentionDays: {
        serializedName: "backupRetentionDays",
        type: {
          name: "Number"
        }
      },
      geoRedundantBackup: {
        serializedName: "geoRedundantBackup",
        type: {
          name: "String"
        }
      },
      earliestRestoreDate: {
        serializedName: "earliestRestoreDate",
        readOnly: true,
        type: {
          name: "DateTime"
        }
      }
    }
  }
};
var HighAvailabilityForPatch = {
  type: {
    name: "Composite",
    className: "HighAvailabilityForPatch",
    modelProperties: {
      mode: {
        serializedName: "mode",
        type: {
          name: "String"
        }
      },
      state: {
        serializedName: "state",
        readOnly: true,
        type: {
          name: "String"
        }
      },
      standbyAvailabilityZone: {
        defaultValue: "",
        serializedName: "standbyAvailabilityZone",
        type: {
          name: "String"
        }
      }
    }
  }
};
var MaintenanceWindowForPatch = {
  type: {
    name: "Composite",
    className: "MaintenanceWindowForPatch",
    modelProperties: {
      customWindow: {
        serializedName: "customWindow",
        type: {
          name: "String"
        }
      },
      startHour: {
        serializedName: "startHour",
        type: {
          name: "Number"
        }
      },
      startMinute: {
        serializedName: "startMinute",
        type: {
          name: "Number"
        }
      },
      dayOfWeek: {
        serializedName: "dayOfWeek",
        type: {
          name: "Number"
        }
      }
    }
  }
};
var AuthConfigForPatch = {
  type: {
    name: "Composite",
    className: "AuthConfigForPatch",
    modelProperties: {
      activeDirectoryAuth: {
        serializedName: "activeDirectoryAuth",
        type: {
          name: "String"
        }
      },
      passwordAuth: {
        serializedName: "passwordAuth",
        type: {
          name: "String"
        }
      },
      tenantId: {
        serializedName: "tenantId",
        type: {
          name: "String"
        }
      }
    }
  }
};
var RestartParameter = {
  type: {
    name: "Composite",
    className: "RestartParameter",
    modelProperties: {
      restartWithFailover: {
        serializedName: "restartWithFailover",
        type: {
          name: "Boolean"
        }
      },
      failoverMode: {
        serializedName: "failoverMode",
        type: {
          name: "String"
        }
      }
    }
  }
};
var ObjectRecommendationList = {
  type: {
    name: "Composite",
    className: "ObjectRecommendationList",
    modelProperties: {
      value: {
        serializedName: "value",
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "Composite",
              className: "ObjectRecommendation"
            }
          }
        }
      },
      nextLink: {
        serializedName: "nextLink",
        type: {
          name: "String"
        }
      }
    }
  }
};
var ObjectRecommendationPropertiesImplementationDetails = {
  type: {
    name: "Composite",
    className: "ObjectRecommendationPropertiesImplementationDetails",
    modelProperties: {
      method: {
        serializedName: "method",
        type: {
          name: "String"
        }
      },
      script: {
        serializedName: "script",
        type: {
          name: "String"
        }
      }
    }
  }
};
var ObjectRecommendationPropertiesAnalyzedWorkload = {
  type: {
    name: "Composite",
    className: "ObjectRecommendationPropertiesAnalyzedWorkload",
    modelProperties: {
      startTime: {
        serializedName: "startTime",
        type: {
          name: "DateTime"
        }
      },
      endTime: {
        serializedName: "endTime",
        type: {
          name: "DateTime"
        }
      },
      queryCount: {
        serializedName: "queryCount",
        type: {
          name: "Number"
        }
      }
    }
  }
};
var ImpactRecord = {
  type: {
    name: "Composite",
    className: "ImpactRecord",
    modelProperties: {
      dimensionName: {
        serializedName: "dimensionName",
        type: {
          name: "String"
        }
      },
      unit: {
        serializedName: "unit",
        type: {
          name: "String"
        }
      },
      queryId: {
        serializedName: "queryId",
        type: {
          name: "Number"
        }
      },
      absoluteValue: {
        serializedName: "absoluteValue",
        type: {
          name: "Number"
        }
      }
    }
  }
};
var ObjectRecommendationDetails = {
  type: {
    name: "Composite",
    className: "ObjectRecommendationDetails",
    modelProperties: {
      databaseName: {
        serializedName: "databaseName",
        type: {
          name: "String"
        }
      },
      schema: {
        serializedName: "schema",
        type: {
          name: "String"
        }
      },
      table: {
        serializedName: "table",
        type: {
          name: "String"
        }
      },
      indexType: {
        serializedName: "indexType",
        type: {
          name: "String"
        }
      },
      indexName: {
        serializedName: "indexName",
        type: {
          name: "String"
        }
      },
      indexColumns: {
        serializedName: "indexColumns",
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "String"
            }
          }
        }
      },
      includedColumns: {
        serializedName: "includedColumns",
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "String"
            }
          }
        }
      }
    }
  }
};
var TuningOptionsList = {
  type: {
    name: "Composite",
    className: "TuningOptionsList",
    modelProperties: {
      value: {
        serializedName: "value",
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "Composite",
              className: "TuningOptions"
            }
          }
        }
      },
      nextLink: {
        serializedName: "nextLink",
        type: {
          name: "String"
        }
      }
    }
  }
};
var VirtualEndpointResourceForPatch = {
  type: {
    name: "Composite",
    className: "VirtualEndpointResourceForPatch",
    modelProperties: {
      endpointType: {
        serializedName: "properties.endpointType",
        type: {
          name: "String"
        }
      },
      members: {
        serializedName: "properties.members",
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "String"
            }
          }
        }
      },
      virtualEndpoints: {
        serializedName: "properties.virtualEndpoints",
        readOnly: true,
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "String"
            }
          }
        }
      }
    }
  }
};
var VirtualEndpointsList = {
  type: {
    name: "Composite",
    className: "VirtualEndpointsList",
    modelProperties: {
      value: {
        serializedName: "value",
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "Composite",
              className: "VirtualEndpoint"
            }
          }
        }
      },
      nextLink: {
        serializedName: "nextLink",
        type: {
          name: "String"
        }
      }
    }
  }
};
var VirtualNetworkSubnetUsageParameter = {
  type: {
    name: "Composite",
    className: "VirtualNetworkSubnetUsageParameter",
    modelProperties: {
      virtualNetworkArmResourceId: {
        serializedName: "virtualNetworkArmResourceId",
        type: {
          name: "String"
        }
      }
    }
  }
};
var VirtualNetworkSubnetUsageModel = {
  type: {
    name: "Composite",
    className: "VirtualNetworkSubnetUsageModel",
    modelProperties: {
      delegatedSubnetsUsage: {
        serializedName: "delegatedSubnetsUsage",
        readOnly: true,
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "Composite",
              className: "DelegatedSubnetUsage"
            }
          }
        }
      },
      location: {
        serializedName: "location",
        readOnly: true,
        type: {
          name: "String"
        }
      },
      subscriptionId: {
        serializedName: "subscriptionId",
        readOnly: true,
        type: {
          name: "String"
        }
      }
    }
  }
};
var DelegatedSubnetUsage = {
  type: {
    name: "Composite",
    className: "DelegatedSubnetUsage",
    modelProperties: {
      subnetName: {
        serializedName: "subnetName",
        readOnly: true,
        type: {
          name: "String"
        }
      },
      usage: {
        serializedName: "usage",
        readOnly: true,
        type: {
          name: "Number"
        }
      }
    }
  }
};
var ProxyResource = {
  type: {
    name: "Composite",
    className: "ProxyResource",
    modelProperties: {
      ...Resource.type.modelProperties
    }
  }
};
var TrackedResource = {
  type: {
    name: "Composite",
    className: "TrackedResource",
    modelProperties: {
      ...Resource.type.modelProperties,
      tags: {
        serializedName: "tags",
        type: {
          name: "Dictionary",
          value: { type: { name: "String" } }
        }
      },
      location: {
        serializedName: "location",
        required: true,
        type: {
          name: "String"
        }
      }
    }
  }
};
var PrivateEndpointConnection = {
  type: {
    name: "Composite",
    className: "PrivateEndpointConnection",
    modelProperties: {
      ...Resource.type.modelProperties,
      groupIds: {
        serializedName: "properties.groupIds",
        readOnly: true,
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "String"
            }
          }
        }
      },
      privateEndpoint: {
        serializedName: "properties.privateEndpoint",
        type: {
          name: "Composite",
          className: "PrivateEndpoint"
        }
      },
      privateLinkServiceConnectionState: {
        serializedName: "properties.privateLinkServiceConnectionState",
        type: {
          name: "Composite",
          className: "PrivateLinkServiceConnectionState"
        }
      },
      provisioningState: {
        serializedName: "properties.provisioningState",
        readOnly: true,
        type: {
          name: "String"
        }
      }
    }
  }
};
var PrivateLinkResource = {
  type: {
    name: "Composite",
    className: "PrivateLinkResource",
    modelProperties: {
      ...Resource.type.modelProperties,
      groupId: {
        serializedName: "properties.groupId",
        readOnly: true,
        type: {
          name: "String"
        }
      },
      requiredMembers: {
        serializedName: "properties.requiredMembers",
        readOnly: true,
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "String"
            }
          }
        }
      },
      requiredZoneNames: {
        serializedName: "properties.requiredZoneNames",
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "String"
            }
          }
        }
      }
    }
  }
};
var VirtualEndpoint = {
  type: {
    name: "Composite",
    className: "VirtualEndpoint",
    modelProperties: {
      ...VirtualEndpointResourceForPatch.type.modelProperties,
      ...Resource.type.modelProperties
    }
  }
};
var StorageTierCapability = {
  type: {
    name: "Composite",
    className: "StorageTierCapability",
    modelProperties: {
      ...CapabilityBase.type.modelProperties,
      name: {
        serializedName: "name",
        readOnly: true,
        type: {
          name: "String"
        }
      },
      iops: {
        serializedName: "iops",
        readOnly: true,
        type: {
          name: "Number"
        }
      }
    }
  }
};
var StorageMbCapability = {
  type: {
    name: "Composite",
    className: "StorageMbCapability",
    modelProperties: {
      ...CapabilityBase.type.modelProperties,
      supportedIops: {
        serializedName: "supportedIops",
        readOnly: true,
        type: {
          name: "Number"
        }
      },
      supportedMaximumIops: {
        serializedName: "supportedMaximumIops",
        readOnly: true,
        type: {
          name: "Number"
        }
      },
      storageSizeMb: {
        serializedName: "storageSizeMb",
        readOnly: true,
        type: {
          name: "Number"
        }
      },
      maximumStorageSizeMb: {
        serializedName: "maximumStorageSizeMb",
        readOnly: true,
        type: {
          name: "Number"
        }
      },
      supportedThroughput: {
        serializedName: "supportedThroughput",
        readOnly: true,
        type: {
          name: "Number"
        }
      },
      supportedMaximumThroughput: {
        serializedName: "supportedMaximumThroughput",
        readOnly: true,
        type: {
          name: "Number"
        }
      },
      defaultIopsTier: {
        serializedName: "defaultIopsTier",
        readOnly: true,
        type: {
          name: "String"
        }
      },
      supportedIopsTiers: {
        serializedName: "supportedIopsTiers",
        readOnly: true,
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "Composite",
              className: "StorageTierCapability"
            }
          }
        }
      }
    }
  }
};
var StorageEditionCapability = {
  type: {
    name: "Composite",
    className: "StorageEditionCapability",
    modelProperties: {
      ...CapabilityBase.type.modelProperties,
      name: {
        serializedName: "name",
        readOnly: true,
        type: {
          name: "String"
        }
      },
      defaultStorageSizeMb: {
        serializedName: "defaultStorageSizeMb",
        readOnly: true,
        type: {
          name: "Number"
        }
      },
      supportedStorageMb: {
        serializedName: "supportedStorageMb",
        readOnly: true,
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "Composite",
              className: "StorageMbCapability"
            }
          }
        }
      }
    }
  }
};
var ServerSkuCapability = {
  type: {
    name: "Composite",
    className: "ServerSkuCapability",
    modelProperties: {
      ...CapabilityBase.type.modelProperties,
      name: {
        serializedName: "name",
        readOnly: true,
        type: {
          name: "String"
        }
      },
      vCores: {
        serializedName: "vCores",
        readOnly: true,
        type: {
          name: "Number"
        }
      },
      supportedIops: {
        serializedName: "supportedIops",
        readOnly: true,
        type: {
          name: "Number"
        }
      },
      supportedMemoryPerVcoreMb: {
        serializedName: "supportedMemoryPerVcoreMb",
        readOnly: true,
        type: {
          name: "Number"
        }
      },
      supportedZones: {
        serializedName: "supportedZones",
        readOnly: true,
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "String"
            }
          }
        }
      },
      supportedHaMode: {
        serializedName: "supportedHaMode",
        readOnly: true,
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "String"
            }
          }
        }
      },
      supportedFeatures: {
        serializedName: "supportedFeatures",
        readOnly: true,
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "Composite",
              className: "SupportedFeature"
            }
          }
        }
      },
      securityProfile: {
        serializedName: "securityProfile",
        readOnly: true,
        type: {
          name: "String"
        }
      }
    }
  }
};
var ServerEditionCapability = {
  type: {
    name: "Composite",
    className: "ServerEditionCapability",
    modelProperties: {
      ...CapabilityBase.type.modelProperties,
      name: {
        serializedName: "name",
        readOnly: true,
        type: {
          name: "String"
        }
      },
      defaultSkuName: {
        serializedName: "defaultSkuName",
        readOnly: true,
        type: {
          name: "String"
        }
      },
      supportedStorageEditions: {
        serializedName: "supportedStorageEditions",
        readOnly: true,
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "Composite",
              className: "StorageEditionCapability"
            }
          }
        }
      },
      supportedServerSkus: {
        serializedName: "supportedServerSkus",
        readOnly: true,
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "Composite",
              className: "ServerSkuCapability"
            }
          }
        }
      }
    }
  }
};
var ServerVersionCapability = {
  type: {
    name: "Composite",
    className: "ServerVersionCapability",
    modelProperties: {
      ...CapabilityBase.type.modelProperties,
      name: {
        serializedName: "name",
        readOnly: true,
        type: {
          name: "String"
        }
      },
      supportedVersionsToUpgrade: {
        serializedName: "supportedVersionsToUpgrade",
        readOnly: true,
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "String"
            }
          }
        }
      },
      supportedFeatures: {
        serializedName: "supportedFeatures",
        readOnly: true,
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "Composite",
              className: "SupportedFeature"
            }
          }
        }
      }
    }
  }
};
var FastProvisioningEditionCapability = {
  type: {
    name: "Composite",
    className: "FastProvisioningEditionCapability",
    modelProperties: {
      ...CapabilityBase.type.modelProperties,
      supportedTier: {
        serializedName: "supportedTier",
        readOnly: true,
        type: {
          name: "String"
        }
      },
      supportedSku: {
        serializedName: "supportedSku",
        readOnly: true,
        type: {
          name: "String"
        }
      },
      supportedStorageGb: {
        serializedName: "supportedStorageGb",
        readOnly: true,
        type: {
          name: "Number"
        }
      },
      supportedServerVersions: {
        serializedName: "supportedServerVersions",
        readOnly: true,
        type: {
          name: "String"
        }
      },
      serverCount: {
        serializedName: "serverCount",
        readOnly: true,
        type: {
          name: "Number"
        }
      }
    }
  }
};
var Capability = {
  type: {
    name: "Composite",
    className: "Capability",
    modelProperties: {
      ...CapabilityBase.type.modelProperties,
      name: {
        serializedName: "name",
        type: {
          name: "String"
        }
      },
      supportedServerEditions: {
        serializedName: "supportedServerEditions",
        readOnly: true,
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "Composite",
              className: "ServerEditionCapability"
            }
          }
        }
      },
      supportedServerVersions: {
        serializedName: "supportedServerVersions",
        readOnly: true,
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "Composite",
              className: "ServerVersionCapability"
            }
          }
        }
      },
      supportedFeatures: {
        serializedName: "supportedFeatures",
        readOnly: true,
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "Composite",
              className: "SupportedFeature"
            }
          }
        }
      },
      fastProvisioningSupported: {
        serializedName: "fastProvisioningSupported",
        readOnly: true,
        type: {
          name: "String"
        }
      },
      supportedFastProvisioningEditions: {
        serializedName: "supportedFastProvisioningEditions",
        readOnly: true,
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "Composite",
              className: "FastProvisioningEditionCapability"
            }
          }
        }
      },
      geoBackupSupported: {
        serializedName: "geoBackupSupported",
        readOnly: true,
        type: {
          name: "String"
        }
      },
      zoneRedundantHaSupported: {
        serializedName: "zoneRedundantHaSupported",
        readOnly: true,
        type: {
          name: "String"
        }
      },
      zoneRedundantHaAndGeoBackupSupported: {
        serializedName: "zoneRedundantHaAndGeoBackupSupported",
        readOnly: true,
        type: {
          name: "String"
        }
      },
      storageAutoGrowthSupported: {
        serializedName: "storageAutoGrowthSupported",
        readOnly: true,
        type: {
          name: "String"
        }
      },
      onlineResizeSupported: {
        serializedName: "onlineResizeSupported",
        readOnly: true,
        type: {
          name: "String"
        }
      },
      restricted: {
        serializedName: "restricted",
        readOnly: true,
        type: {
          name: "String"
        }
      }
    }
  }
};
var LtrPreBackupRequest = {
  type: {
    name: "Composite",
    className: "LtrPreBackupRequest",
    modelProperties: {
      ...BackupRequestBase.type.modelProperties
    }
  }
};
var BackupsLongTermRetentionRequest = {
  type: {
    name: "Composite",
    className: "BackupsLongTermRetentionRequest",
    modelProperties: {
      ...BackupRequestBase.type.modelProperties,
      targetDetails: {
        serializedName: "targetDetails",
        type: {
          name: "Composite",
          className: "BackupStoreDetails"
        }
      }
    }
  }
};
var NameAvailabilityModel = {
  type: {
    name: "Composite",
    className: "NameAvailabilityModel",
    modelProperties: {
      ...CheckNameAvailabilityResponse.type.modelProperties,
      name: {
        serializedName: "name",
        readOnly: true,
        type: {
          name: "String"
        }
      },
      type: {
        serializedName: "type",
        readOnly: true,
        type: {
          name: "String"
        }
      }
    }
  }
};
var AdministratorMicrosoftEntra = {
  type: {
    name: "Composite",
    className: "AdministratorMicrosoftEntra",
    modelProperties: {
      ...ProxyResource.type.modelProperties,
      principalType: {
        serializedName: "properties.principalType",
        type: {
          name: "String"
        }
      },
      principalName: {
        serializedName: "properties.principalName",
        type: {
          name: "String"
        }
      },
      objectId: {
        serializedName: "properties.objectId",
        type: {
          name: "String"
        }
      },
      tenantId: {
        serializedName: "properties.tenantId",
        type: {
          name: "String"
        }
      }
    }
  }
};
var AdvancedThreatProtectionSettingsModel = {
  type: {
    name: "Composite",
    className: "AdvancedThreatProtectionSettingsModel",
    modelProperties: {
      ...ProxyResource.type.modelProperties,
      state: {
        serializedName: "properties.state",
        type: {
          name: "Enum",
          allowedValues: ["Enabled", "Disabled"]
        }
      },
      creationTime: {
        serializedName: "properties.creationTime",
        readOnly: true,
        type: {
          name: "DateTime"
        }
      }
    }
  }
};
var BackupAutomaticAndOnDemand = {
  type: {
    name: "Composite",
    className: "BackupAutomaticAndOnDemand",
    modelProperties: {
      ...ProxyResource.type.modelProperties,
      backupType: {
        serializedName: "properties.backupType",
        type: {
          name: "String"
        }
      },
      completedTime: {
        serializedName: "properties.completedTime",
        type: {
          name: "DateTime"
        }
      },
      source: {
        serializedName: "properties.source",
        type: {
          name: "String"
        }
      }
    }
  }
};
var CapturedLog = {
  type: {
    name: "Composite",
    className: "CapturedLog",
    modelProperties: {
      ...ProxyResource.type.modelProperties,
      createdTime: {
        serializedName: "properties.createdTime",
        type: {
          name: "DateTime"
        }
      },
      lastModifiedTime: {
        serializedName: "properties.lastModifiedTime",
        type: {
          name: "DateTime"
        }
      },
      sizeInKb: {
        serializedName: "properties.sizeInKb",
        type: {
          name: "Number"
        }
      },
      typePropertiesType: {
        serializedName: "properties.type",
        type: {
          name: "String"
        }
      },
      url: {
        serializedName: "properties.url",
        type: {
          name: "String"
        }
      }
    }
  }
};
var Configuration = {
  type: {
    name: "Composite",
    className: "Configuration",
    modelProperties: {
      ...ProxyResource.type.modelProperties,
      value: {
        serializedName: "properties.value",
        type: {
          name: "String"
        }
      },
      description: {
        serializedName: "properties.description",
        readOnly: true,
        type: {
          name: "String"
        }
      },
      defaultValue: {
        serializedName: "properties.defaultValue",
        readOnly: true,
        type: {
          name: "String"
        }
      },
      dataType: {
        serializedName: "properties.dataType",
        readOnly: true,
        type: {
          name: "String"
        }
      },
      allowedValues: {
        serializedName: "properties.allowedValues",
        readOnly: true,
        type: {
          name: "String"
        }
      },
      source: {
        serializedName: "properties.source",
        type: {
          name: "String"
        }
      },
      isDynamicConfig: {
        serializedName: "properties.isDynamicConfig",
        readOnly: true,
        type: {
          name: "Boolean"
        }
      },
      isReadOnly: {
        serializedName: "properties.isReadOnly",
        readOnly: true,
        type: {
          name: "Boolean"
        }
      },
      isConfigPendingRestart: {
        serializedName: "properties.isConfigPendingRestart",
        readOnly: true,
        type: {
          name: "Boolean"
        }
      },
      unit: {
        serializedName: "properties.unit",
        readOnly: true,
        type: {
          name: "String"
        }
      },
      documentationLink: {
        serializedName: "properties.documentationLink",
        readOnly: true,
        type: {
          name: "String"
        }
      }
    }
  }
};
var Database = {
  type: {
    name: "Composite",
    className: "Database",
    modelProperties: {
      ...ProxyResource.type.modelProperties,
      charset: {
        constraints: {
          Pattern: new RegExp("^[a-zA-Z]+\\w*$")
        },
        serializedName: "properties.charset",
        type: {
          name: "String"
        }
      },
      collation: {
        constraints: {
          Pattern: new RegExp("^[a-zA-Z\\-]+([. ]|\\w)*$")
        },
        serializedName: "properties.collation",
        type: {
          name: "String"
        }
      }
    }
  }
};
var FirewallRule = {
  type: {
    name: "Composite",
    className: "FirewallRule",
    modelProperties: {
      ...ProxyResource.type.modelProperties,
      startIpAddress: {
        constraints: {
          Pattern: new RegExp("^(([0-9]|[1-9][0-9]|1[0-9]{2}|2[0-4][0-9]|25[0-5])\\.){3}([0-9]|[1-9][0-9]|1[0-9]{2}|2[0-4][0-9]|25[0-5])$")
        },
        serializedName: "properties.startIpAddress",
        required: true,
        type: {
          name: "String"
        }
      },
      endIpAddress: {
        constraints: {
          Pattern: new RegExp("^(([0-9]|[1-9][0-9]|1[0-9]{2}|2[0-4][0-9]|25[0-5])\\.){3}([0-9]|[1-9][0-9]|1[0-9]{2}|2[0-4][0-9]|25[0-5])$")
        },
        serializedName: "properties.endIpAddress",
        required: true,
        type: {
          name: "String"
        }
      }
    }
  }
};
var BackupsLongTermRetentionOperation = {
  type: {
    name: "Composite",
    className: "BackupsLongTermRetentionOperation",
    modelProperties: {
      ...ProxyResource.type.modelProperties,
      datasourceSizeInBytes: {
        serializedName: "properties.datasourceSizeInBytes",
        type: {
          name: "Number"
        }
      },
      dataTransferredInBytes: {
        serializedName: "properties.dataTransferredInBytes",
        type: {
          name: "Number"
        }
      },
      backupName: {
        serializedName: "properties.backupName",
        type: {
          name: "String"
        }
      },
      backupMetadata: {
        serializedName: "properties.backupMetadata",
        type: {
          name: "String"
        }
      },
      status: {
        serializedName: "properties.status",
        type: {
          name: "String"
        }
      },
      startTime: {
        serializedName: "properties.startTime",
        type: {
          name: "DateTime"
        }
      },
      endTime: {
        serializedName: "properties.endTime",
        type: {
          name: "DateTime"
        }
      },
      percentComplete: {
        constraints: {
          InclusiveMaximum: 100,
          InclusiveMinimum: 0
        },
        serializedName: "properties.percentComplete",
        type: {
          name: "Number"
        }
      },
      errorCode: {
        serializedName: "properties.errorCode",
        readOnly: true,
        type: {
          name: "String"
        }
      },
      errorMessage: {
        serializedName: "properties.errorMessage",
        readOnly: true,
        type: {
          name: "String"
        }
      }
    }
  }
};
var TuningOptions = {
  type: {
    name: "Composite",
    className: "TuningOptions",
    modelProperties: {
      ...ProxyResource.type.modelProperties
    }
  }
};
var ObjectRecommendation = {
  type: {
    name: "Composite",
    className: "ObjectRecommendation",
    modelProperties: {
      ...ProxyResource.type.modelProperties,
      kind: {
        serializedName: "kind",
        type: {
          name: "String"
        }
      },
      initialRecommendedTime: {
        serializedName: "properties.initialRecommendedTime",
        type: {
          name: "DateTime"
        }
      },
      lastRecommendedTime: {
        serializedName: "properties.lastRecommendedTime",
        type: {
          name: "DateTime"
        }
      },
      timesRecommended: {
        serializedName: "properties.timesRecommended",
        type: {
          name: "Number"
        }
      },
      improvedQueryIds: {
        serializedName: "properties.improvedQueryIds",
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "Number"
            }
          }
        }
      },
      recommendationReason: {
        serializedName: "properties.recommendationReason",
        type: {
          name: "String"
        }
      },
      currentState: {
        serializedName: "properties.currentState",
        type: {
          name: "String"
        }
      },
      recommendationType: {
        serializedName: "properties.recommendationType",
        type: {
          name: "String"
        }
      },
      implementationDetails: {
        serializedName: "properties.implementationDetails",
        type: {
          name: "Composite",
          className: "ObjectRecommendationPropertiesImplementationDetails"
        }
      },
      analyzedWorkload: {
        serializedName: "properties.analyzedWorkload",
        type: {
          name: "Composite",
          className: "ObjectRecommendationPropertiesAnalyzedWorkload"
        }
      },
      estimatedImpact: {
        serializedName: "properties.estimatedImpact",
        readOnly: true,
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "Composite",
              className: "ImpactRecord"
            }
          }
        }
      },
      details: {
        serializedName: "properties.details",
        type: {
          name: "Composite",
          className: "ObjectRecommendationDetails"
        }
      }
    }
  }
};
var Migration = {
  type: {
    name: "Composite",
    className: "Migration",
    modelProperties: {
      ...TrackedResource.type.modelProperties,
      migrationId: {
        serializedName: "properties.migrationId",
        readOnly: true,
        type: {
          name: "String"
        }
      },
      currentStatus: {
        serializedName: "properties.currentStatus",
        type: {
          name: "Composite",
          className: "MigrationStatus"
        }
      },
      migrationInstanceResourceId: {
        serializedName: "properties.migrationInstanceResourceId",
        type: {
          name: "String"
        }
      },
      migrationMode: {
        serializedName: "properties.migrationMode",
        type: {
          name: "String"
        }
      },
      migrationOption: {
        serializedName: "properties.migrationOption",
        type: {
          name: "String"
        }
      },
      sourceType: {
        serializedName: "properties.sourceType",
        type: {
          name: "String"
        }
      },
      sslMode: {
        serializedName: "properties.sslMode",
        type: {
          name: "String"
        }
      },
      sourceDbServerMetadata: {
        serializedName: "properties.sourceDbServerMetadata",
        type: {
          name: "Composite",
          className: "DbServerMetadata"
        }
      },
      targetDbServerMetadata: {
        serializedName: "properties.targetDbServerMetadata",
        type: {
          name: "Composite",
          className: "DbServerMetadata"
        }
      },
      sourceDbServerResourceId: {
        serializedName: "properties.sourceDbServerResourceId",
        type: {
          name: "String"
        }
      },
      sourceDbServerFullyQualifiedDomainName: {
        serializedName: "properties.sourceDbServerFullyQualifiedDomainName",
        type: {
          name: "String"
        }
      },
      targetDbServerResourceId: {
        serializedName: "properties.targetDbServerResourceId",
        readOnly: true,
        type: {
          name: "String"
        }
      },
      targetDbServerFullyQualifiedDomainName: {
        serializedName: "properties.targetDbServerFullyQualifiedDomainName",
        type: {
          name: "String"
        }
      },
      secretParameters: {
        serializedName: "properties.secretParameters",
        type: {
          name: "Composite",
          className: "MigrationSecretParameters"
        }
      },
      dbsToMigrate: {
        constraints: {
          MaxItems: 50
        },
        serializedName: "properties.dbsToMigrate",
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "String"
            }
          }
        }
      },
      setupLogicalReplicationOnSourceDbIfNeeded: {
        serializedName: "properties.setupLogicalReplicationOnSourceDbIfNeeded",
        type: {
          name: "String"
        }
      },
      overwriteDbsInTarget: {
        serializedName: "properties.overwriteDbsInTarget",
        type: {
          name: "String"
        }
      },
      migrationWindowStartTimeInUtc: {
        serializedName: "properties.migrationWindowStartTimeInUtc",
        type: {
          name: "DateTime"
        }
      },
      migrationWindowEndTimeInUtc: {
        serializedName: "properties.migrationWindowEndTimeInUtc",
        type: {
          name: "DateTime"
        }
      },
      migrateRoles: {
        serializedName: "properties.migrateRoles",
        type: {
          name: "String"
        }
      },
      startDataMigration: {
        serializedName: "properties.startDataMigration",
        type: {
          name: "String"
        }
      },
      triggerCutover: {
        serializedName: "properties.triggerCutover",
        type: {
          name: "String"
        }
      },
      dbsToTriggerCutoverOn: {
        serializedName: "properties.dbsToTriggerCutoverOn",
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "String"
            }
          }
        }
      },
      cancel: {
        serializedName: "properties.cancel",
        type: {
          name: "String"
        }
      },
      dbsToCancelMigrationOn: {
        serializedName: "properties.dbsToCancelMigrationOn",
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "String"
            }
          }
        }
      }
    }
  }
};
var Server = {
  type: {
    name: "Composite",
    className: "Server",
    modelProperties: {
      ...TrackedResource.type.modelProperties,
      sku: {
        serializedName: "sku",
        type: {
          name: "Composite",
          className: "Sku"
        }
      },
      identity: {
        serializedName: "identity",
        type: {
          name: "Composite",
          className: "UserAssignedIdentity"
        }
      },
      administratorLogin: {
        serializedName: "properties.administratorLogin",
        type: {
          name: "String"
        }
      },
      administratorLoginPassword: {
        serializedName: "properties.administratorLoginPassword",
        type: {
          name: "String"
        }
      },
      version: {
        serializedName: "properties.version",
        type: {
          name: "String"
        }
      },
      minorVersion: {
        serializedName: "properties.minorVersion",
        readOnly: true,
        type: {
          name: "String"
        }
      },
      state: {
        serializedName: "properties.state",
        readOnly: true,
        type: {
          name: "String"
        }
      },
      fullyQualifiedDomainName: {
        serializedName: "properties.fullyQualifiedDomainName",
        readOnly: true,
        type: {
          name: "String"
        }
      },
      storage: {
        serializedName: "properties.storage",
        type: {
          name: "Composite",
          className: "Storage"
        }
      },
      authConfig: {
        serializedName: "properties.authConfig",
        type: {
          name: "Composite",
          className: "AuthConfig"
        }
      },
      dataEncryption: {
        serializedName: "properties.dataEncryption",
        type: {
          name: "Composite",
          className: "DataEncryption"
        }
      },
      backup: {
        serializedName: "properties.backup",
        type: {
          name: "Composite",
          className: "Backup"
        }
      },
      network: {
        serializedName: "properties.network",
        type: {
          name: "Composite",
          className: "Network"
        }
      },
      highAvailability: {
        serializedName: "properties.highAvailability",
        type: {
          name: "Composite",
          className: "HighAvailability"
        }
      },
      maintenanceWindow: {
        serializedName: "properties.maintenanceWindow",
        type: {
          name: "Composite",
          className: "MaintenanceWindow"
        }
      },
      sourceServerResourceId: {
        serializedName: "properties.sourceServerResourceId",
        type: {
          name: "String"
        }
      },
      pointInTimeUTC: {
        serializedName: "properties.pointInTimeUTC",
        type: {
          name: "DateTime"
        }
      },
      availabilityZone: {
        defaultValue: "",
        serializedName: "properties.availabilityZone",
        type: {
          name: "String"
        }
      },
      replicationRole: {
        serializedName: "properties.replicationRole",
        type: {
          name: "String"
        }
      },
      replicaCapacity: {
        serializedName: "properties.replicaCapacity",
        readOnly: true,
        type: {
          name: "Number"
        }
      },
      replica: {
        serializedName: "properties.replica",
        type: {
          name: "Composite",
          className: "Replica"
        }
      },
      createMode: {
        serializedName: "properties.createMode",
        type: {
          name: "String"
        }
      },
      privateEndpointConnections: {
        serializedName: "properties.privateEndpointConnections",
        readOnly: true,
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "Composite",
              className: "PrivateEndpointConnection"
            }
          }
        }
      },
      cluster: {
        serializedName: "properties.cluster",
        type: {
          name: "Composite",
          className: "Cluster"
        }
      }
    }
  }
};
var AdministratorsMicrosoftEntraCreateOrUpdateHeaders = {
  type: {
    name: "Composite",
    className: "AdministratorsMicrosoftEntraCreateOrUpdateHeaders",
    modelProperties: {
      location: {
        serializedName: "location",
        type: {
          name: "String"
        }
      },
      azureAsyncOperation: {
        serializedName: "azure-asyncoperation",
        type: {
          name: "String"
        }
      }
    }
  }
};
var AdministratorsMicrosoftEntraDeleteHeaders = {
  type: {
    name: "Composite",
    className: "AdministratorsMicrosoftEntraDeleteHeaders",
    modelProperties: {
      location: {
        serializedName: "location",
        type: {
          name: "String"
        }
      },
      azureAsyncOperation: {
        serializedName: "azure-asyncoperation",
        type: {
          name: "String"
        }
      }
    }
  }
};
var ServerThreatProtectionSettingsCreateOrUpdateHeaders = {
  type: {
    name: "Composite",
    className: "ServerThreatProtectionSettingsCreateOrUpdateHeaders",
    modelProperties: {
      location: {
        serializedName: "location",
        type: {
          name: "String"
        }
      },
      azureAsyncOperation: {
        serializedName: "azure-asyncoperation",
        type: {
          name: "String"
        }
      }
    }
  }
};
var BackupsAutomaticAndOnDemandCreateHeaders = {
  type: {
    name: "Composite",
    className: "BackupsAutomaticAndOnDemandCreateHeaders",
    modelProperties: {
      location: {
        serializedName: "location",
        type: {
          name: "String"
        }
      },
      azureAsyncOperation: {
        serializedName: "azure-asyncoperation",
        type: {
          name: "String"
        }
      }
    }
  }
};
var BackupsAutomaticAndOnDemandDeleteHeaders = {
  type: {
    name: "Composite",
    className: "BackupsAutomaticAndOnDemandDeleteHeaders",
    modelProperties: {
      location: {
        serializedName: "location",
        type: {
          name: "String"
        }
      },
      azureAsyncOperation: {
        serializedName: "azure-asyncoperation",
        type: {
          name: "String"
        }
      }
    }
  }
};
var ConfigurationsUpdateHeaders = {
  type: {
    name: "Composite",
    className: "ConfigurationsUpdateHeaders",
    modelProperties: {
      location: {
        serializedName: "location",
        type: {
          name: "String"
        }
      },
      azureAsyncOperation: {
        serializedName: "azure-asyncoperation",
        type: {
          name: "String"
        }
      }
    }
  }
};
var ConfigurationsPutHeaders = {
  type: {
    name: "Composite",
    className: "ConfigurationsPutHeaders",
    modelProperties: {
      location: {
        serializedName: "location",
        type: {
          name: "String"
        }
      },
      azureAsyncOperation: {
        serializedName: "azure-asyncoperation",
        type: {
          name: "String"
        }
      }
    }
  }
};
var DatabasesCreateHeaders = {
  type: {
    name: "Composite",
    className: "DatabasesCreateHeaders",
    modelProperties: {
      location: {
        serializedName: "location",
        type: {
          name: "String"
        }
      },
      azureAsyncOperation: {
        serializedName: "azure-asyncoperation",
        type: {
          name: "String"
        }
      }
    }
  }
};
var DatabasesDeleteHeaders = {
  type: {
    name: "Composite",
    className: "DatabasesDeleteHeaders",
    modelProperties: {
      location: {
        serializedName: "location",
        type: {
          name: "String"
        }
      },
      azureAsyncOperation: {
        serializedName: "azure-asyncoperation",
        type: {
          name: "String"
        }
      }
    }
  }
};
var FirewallRulesCreateOrUpdateHeaders = {
  type: {
    name: "Composite",
    className: "FirewallRulesCreateOrUpdateHeaders",
    modelProperties: {
      location: {
        serializedName: "location",
        type: {
          name: "String"
        }
      },
      azureAsyncOperation: {
        serializedName: "azure-asyncoperation",
        type: {
          name: "String"
        }
      }
    }
  }
};
var FirewallRulesDeleteHeaders = {
  type: {
    name: "Composite",
    className: "FirewallRulesDeleteHeaders",
    modelProperties: {
      location: {
        serializedName: "location",
        type: {
          name: "String"
        }
      },
      azureAsyncOperation: {
        serializedName: "azure-asyncoperation",
        type: {
          name: "String"
        }
      }
    }
  }
};
var BackupsLongTermRetentionCheckPrerequisitesHeaders = {
  type: {
    name: "Composite",
    className: "BackupsLongTermRetentionCheckPrerequisitesHeaders",
    modelProperties: {
      xMsRequestId: {
        serializedName: "x-ms-request-id",
        type: {
          name: "String"
        }
      }
    }
  }
};
var BackupsLongTermRetentionCheckPrerequisitesExceptionHeaders = {
  type: {
    name: "Composite",
    className: "BackupsLongTermRetentionCheckPrerequisitesExceptionHeaders",
    modelProperties: {
      xMsErrorCode: {
        serializedName: "x-ms-error-code",
        type: {
          name: "String"
        }
      },
      xMsRequestId: {
        serializedName: "x-ms-request-id",
        type: {
          name: "String"
        }
      }
    }
  }
};
var BackupsLongTermRetentionStartHeaders = {
  type: {
    name: "Composite",
    className: "BackupsLongTermRetentionStartHeaders",
    modelProperties: {
      xMsRequestId: {
        serializedName: "x-ms-request-id",
        type: {
          name: "String"
        }
      }
    }
  }
};
var BackupsLongTermRetentionStartExceptionHeaders = {
  type: {
    name: "Composite",
    className: "BackupsLongTermRetentionStartExceptionHeaders",
    modelProperties: {
      xMsErrorCode: {
        serializedName: "x-ms-error-code",
        type: {
          name: "String"
        }
      },
      xMsRequestId: {
        serializedName: "x-ms-request-id",
        type: {
          name: "String"
        }
      }
    }
  }
};
var PrivateEndpointConnectionsUpdateHeaders = {
  type: {
    name: "Composite",
    className: "PrivateEndpointConnectionsUpdateHeaders",
    modelProperties: {
      location: {
        serializedName: "location",
        type: {
          name: "String"
        }
      },
      azureAsyncOperation: {
        serializedName: "azure-asyncoperation",
        type: {
          name: "String"
        }
      }
    }
  }
};
var PrivateEndpointConnectionsDeleteHeaders = {
  type: {
    name: "Composite",
    className: "PrivateEndpointConnectionsDeleteHeaders",
    modelProperties: {
      location: {
        serializedName: "location",
        type: {
          name: "String"
        }
      },
      azureAsyncOperation: {
        serializedName: "azure-asyncoperation",
        type: {
          name: "String"
        }
      }
    }
  }
};
var ServersCreateOrUpdateHeaders = {
  type: {
    name: "Composite",
    className: "ServersCreateOrUpdateHeaders",
    modelProperties: {
      location: {
        serializedName: "location",
        type: {
          name: "String"
        }
      },
      azureAsyncOperation: {
        serializedName: "azure-asyncoperation",
        type: {
          name: "String"
        }
      }
    }
  }
};
var ServersUpdateHeaders = {
  type: {
    name: "Composite",
    className: "ServersUpdateHeaders",
    modelProperties: {
      location: {
        serializedName: "location",
        type: {
          name: "String"
        }
      },
      azureAsyncOperation: {
        serializedName: "azure-asyncoperation",
        type: {
          name: "String"
        }
      }
    }
  }
};
var ServersDeleteHeaders = {
  type: {
    name: "Composite",
    className: "ServersDeleteHeaders",
    modelProperties: {
      location: {
        serializedName: "location",
        type: {
          name: "String"
        }
      },
      azureAsyncOperation: {
        serializedName: "azure-asyncoperation",
        type: {
          name: "String"
        }
      }
    }
  }
};
var ServersRestartHeaders = {
  type: {
    name: "Composite",
    className: "ServersRestartHeaders",
    modelProperties: {
      location: {
        serializedName: "location",
        type: {
          name: "String"
        }
      },
      azureAsyncOperation: {
        serializedName: "azure-asyncoperation",
        type: {
          name: "String"
        }
      }
    }
  }
};
var ServersStartHeaders = {
  type: {
    name: "Composite",
    className: "ServersStartHeaders",
    modelProperties: {
      location: {
        serializedName: "location",
        type: {
          name: "String"
        }
      },
      azureAsyncOperation: {
        serializedName: "azure-asyncoperation",
        type: {
          name: "String"
        }
      }
    }
  }
};
var ServersStopHeaders = {
  type: {
    name: "Composite",
    className: "ServersStopHeaders",
    modelProperties: {
      location: {
        serializedName: "location",
        type: {
          name: "String"
        }
      },
      azureAsyncOperation: {
        serializedName: "azure-asyncoperation",
        type: {
          name: "String"
        }
      }
    }
  }
};
var VirtualEndpointsCreateHeaders = {
  type: {
    name: "Composite",
    className: "VirtualEndpointsCreateHeaders",
    modelProperties: {
      location: {
        serializedName: "location",
        type: {
          name: "String"
        }
      },
      azureAsyncOperation: {
        serializedName: "azure-asyncoperation",
        type: {
          name: "String"
        }
      }
    }
  }
};
var VirtualEndpointsUpdateHeaders = {
  type: {
    name: "Composite",
    className: "VirtualEndpointsUpdateHeaders",
    modelProperties: {
      location: {
        serializedName: "location",
        type: {
          name: "String"
        }
      },
      azureAsyncOperation: {
        serializedName: "azure-asyncoperation",
        type: {
          name: "String"
        }
      }
    }
  }
};
var VirtualEndpointsDeleteHeaders = {
  type: {
    name: "Composite",
    className: "VirtualEndpointsDeleteHeaders",
    modelProperties: {
      location: {
        serializedName: "location",
        type: {
          name: "String"
        }
      },
      azureAsyncOperation: {
        serializedName: "azure-asyncoperation",
        type: {
          name: "String"
        }
      }
    }
  }
};

// node_modules/@azure/arm-postgresql-flexible/dist/esm/models/parameters.js
var contentType = {
  parameterPath: ["options", "contentType"],
  mapper: {
    defaultValue: "application/json",
    isConstant: true,
    serializedName: "Content-Type",
    type: {
      name: "String"
    }
  }
};
var parameters = {
  parameterPath: "parameters",
  mapper: AdministratorMicrosoftEntraAdd
};
var accept = {
  parameterPath: "accept",
  mapper: {
    defaultValue: "application/json",
    isConstant: true,
    serializedName: "Accept",
    type: {
      name: "String"
    }
  }
};
var $host = {
  parameterPath: "$host",
  mapper: {
    serializedName: "$host",
    required: true,
    type: {
      name: "String"
    }
  },
  skipEncoding: true
};
var subscriptionId = {
  parameterPath: "subscriptionId",
  mapper: {
    serializedName: "subscriptionId",
    required: true,
    type: {
      name: "Uuid"
    }
  }
};
var resourceGroupName = {
  parameterPath: "resourceGroupName",
  mapper: {
    constraints: {
      MaxLength: 90,
      MinLength: 1
    },
    serializedName: "resourceGroupName",
    required: true,
    type: {
      name: "String"
    }
  }
};
var serverName = {
  parameterPath: "serverName",
  mapper: {
    constraints: {
      Pattern: new RegExp("^[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*"),
      MaxLength: 63,
      MinLength: 3
    },
    serializedName: "serverName",
    required: true,
    type: {
      name: "String"
    }
  }
};
var objectId = {
  parameterPath: "objectId",
  mapper: {
    serializedName: "objectId",
    required: true,
    type: {
      name: "String"
    }
  }
};
var apiVersion = {
  parameterPath: "apiVersion",
  mapper: {
    defaultValue: "2025-08-01",
    isConstant: true,
    serializedName: "api-version",
    type: {
      name: "String"
    }
  }
};
var nextLink = {
  parameterPath: "nextLink",
  mapper: {
    serializedName: "nextLink",
    required: true,
    type: {
      name: "String"
    }
  },
  skipEncoding: true
};
var threatProtectionName = {
  parameterPath: "threatProtectionName",
  mapper: {
    serializedName: "threatProtectionName",
    required: true,
    type: {
      name: "String"
    }
  }
};
var parameters1 = {
  parameterPath: "parameters",
  mapper: AdvancedThreatProtectionSettingsModel
};
var backupName = {
  parameterPath: "backupName",
  mapper: {
    constraints: {
      Pattern: new RegExp("^[-\\w\\._]+$"),
      MaxLength: 128,
      MinLength: 1
    },
    serializedName: "backupName",
    required: true,
    type: {
      name: "String"
    }
  }
};
var locationName = {
  parameterPath: "locationName",
  mapper: {
    constraints: {
      Pattern: new RegExp("^[-\\w\\._]+$"),
      MinLength: 1
    },
    serializedName: "locationName",
    required: true,
    type: {
      name: "String"
    }
  }
};
var configurationName = {
  parameterPath: "configurationName",
  mapper: {
    constraints: {
      Pattern: new RegExp("^[-\\w\\._]+$"),
      MaxLength: 256,
      MinLength: 1
    },
    serializedName: "configurationName",
    required: true,
    type: {
      name: "String"
    }
  }
};
var parameters2 = {
  parameterPath: "parameters",
  mapper: ConfigurationForUpdate
};
var parameters3 = {
  parameterPath: "parameters",
  mapper: Database
};
var databaseName = {
  parameterPath: "databaseName",
  mapper: {
    constraints: {
      Pattern: new RegExp("^[a-zA-Z_][\\w\\-]{0,62}$"),
      MaxLength: 63,
      MinLength: 1
    },
    serializedName: "databaseName",
    required: true,
    type: {
      name: "String"
    }
  }
};
var parameters4 = {
  parameterPath: "parameters",
  mapper: FirewallRule
};
var firewallRuleName = {
  parameterPath: "firewallRuleName",
  mapper: {
    constraints: {
      Pattern: new RegExp("^[a-zA-Z0-9][-_a-zA-Z0-9]{0,79}(?<!-)$"),
      MaxLength: 80,
      MinLength: 1
    },
    serializedName: "firewallRuleName",
    required: true,
    type: {
      name: "String"
    }
  }
};
var parameters5 = {
  parameterPath: "parameters",
  mapper: LtrPreBackupRequest
};
var parameters6 = {
  parameterPath: "parameters",
  mapper: BackupsLongTermRetentionRequest
};
var backupName1 = {
  parameterPath: "backupName",
  mapper: {
    constraints: {
      Pattern: new RegExp("^[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*")
    },
    serializedName: "backupName",
    required: true,
    type: {
      name: "String"
    }
  }
};
var parameters7 = {
  parameterPath: "parameters",
  mapper: Migration
};
var migrationName = {
  parameterPath: "migrationName",
  mapper: {
    constraints: {
      Pattern: new RegExp("^[a-z][a-z0-9]*$")
    },
    serializedName: "migrationName",
    required: true,
    type: {
      name: "String"
    }
  }
};
var parameters8 = {
  parameterPath: "parameters",
  mapper: MigrationResourceForPatch
};
var migrationListFilter = {
  parameterPath: ["options", "migrationListFilter"],
  mapper: {
    serializedName: "migrationListFilter",
    type: {
      name: "String"
    }
  }
};
var parameters9 = {
  parameterPath: "parameters",
  mapper: MigrationNameAvailability
};
var parameters10 = {
  parameterPath: "parameters",
  mapper: CheckNameAvailabilityRequest
};
var privateEndpointConnectionName = {
  parameterPath: "privateEndpointConnectionName",
  mapper: {
    constraints: {
      Pattern: new RegExp("^[a-zA-Z][a-zA-Z0-9-]*\\.[a-fA-F0-9\\-]+$")
    },
    serializedName: "privateEndpointConnectionName",
    required: true,
    type: {
      name: "String"
    }
  }
};
var parameters11 = {
  parameterPath: "parameters",
  mapper: PrivateEndpointConnection
};
var groupName = {
  parameterPath: "groupName",
  mapper: {
    constraints: {
      Pattern: new RegExp("^.*$")
    },
    serializedName: "groupName",
    required: true,
    type: {
      name: "String"
    }
  }
};
var parameters12 = {
  parameterPath: "parameters",
  mapper: Server
};
var parameters13 = {
  parameterPath: "parameters",
  mapper: ServerForPatch
};
var parameters14 = {
  parameterPath: ["options", "parameters"],
  mapper: RestartParameter
};
var tuningOption = {
  parameterPath: "tuningOption",
  mapper: {
    serializedName: "tuningOption",
    required: true,
    type: {
      name: "String"
    }
  }
};
var recommendationType = {
  parameterPath: ["options", "recommendationType"],
  mapper: {
    serializedName: "recommendationType",
    type: {
      name: "String"
    }
  }
};
var parameters15 = {
  parameterPath: "parameters",
  mapper: VirtualEndpoint
};
var virtualEndpointName = {
  parameterPath: "virtualEndpointName",
  mapper: {
    constraints: {
      Pattern: new RegExp("^[A-Za-z0-9][A-Za-z0-9-]{0,62}(?<!-)$"),
      MaxLength: 63,
      MinLength: 3
    },
    serializedName: "virtualEndpointName",
    required: true,
    type: {
      name: "String"
    }
  }
};
var parameters16 = {
  parameterPath: "parameters",
  mapper: VirtualEndpointResourceForPatch
};
var parameters17 = {
  parameterPath: "parameters",
  mapper: VirtualNetworkSubnetUsageParameter
};

// node_modules/@azure/arm-postgresql-flexible/dist/esm/lroImpl.js
function createLroSpec(inputs) {
  const { args, spec, sendOperationFn } = inputs;
  return {
    requestMethod: spec.httpMethod,
    requestPath: spec.path,
    sendInitialRequest: () => sendOperationFn(args, spec),
    sendPollRequest: (path, options) => {
      const { requestBody, ...restSpec } = spec;
      return sendOperationFn(args, {
        ...restSpec,
        httpMethod: "GET",
        path,
        abortSignal: options?.abortSignal
      });
    }
  };
}

// node_modules/@azure/arm-postgresql-flexible/dist/esm/operations/administratorsMicrosoftEntra.js
var AdministratorsMicrosoftEntraImpl = class {
  client;
  /**
   * Initialize a new instance of the class AdministratorsMicrosoftEntra class.
   * @param client Reference to the service client
   */
  constructor(client) {
    this.client = client;
  }
  /**
   * List all server administrators associated to a Microsoft Entra principal.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param options The options parameters.
   */
  listByServer(resourceGroupName2, serverName3, options) {
    const iter = this.listByServerPagingAll(resourceGroupName2, serverName3, options);
    return {
      next() {
        return iter.next();
      },
      [Symbol.asyncIterator]() {
        return this;
      },
      byPage: (settings) => {
        if (settings?.maxPageSize) {
          throw new Error("maxPageSize is not supported by this operation.");
        }
        return this.listByServerPagingPage(resourceGroupName2, serverName3, options, settings);
      }
    };
  }
  async *listByServerPagingPage(resourceGroupName2, serverName3, options, settings) {
    let result;
    let continuationToken = settings?.continuationToken;
    if (!continuationToken) {
      result = await this._listByServer(resourceGroupName2, serverName3, options);
      const page = result.value || [];
      continuationToken = result.nextLink;
      setContinuationToken(page, continuationToken);
      yield page;
    }
    while (continuationToken) {
      result = await this._listByServerNext(resourceGroupName2, serverName3, continuationToken, options);
      continuationToken = result.nextLink;
      const page = result.value || [];
      setContinuationToken(page, continuationToken);
      yield page;
    }
  }
  async *listByServerPagingAll(resourceGroupName2, serverName3, options) {
    for await (const page of this.listByServerPagingPage(resourceGroupName2, serverName3, options)) {
      yield* page;
    }
  }
  /**
   * Creates a new server administrator associated to a Microsoft Entra principal.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param objectId Object identifier of the Microsoft Entra principal.
   * @param parameters Required parameters for adding a server administrator associated to a Microsoft
   *                   Entra principal.
   * @param options The options parameters.
   */
  async beginCreateOrUpdate(resourceGroupName2, serverName3, objectId2, parameters18, options) {
    const directSendOperation = async (args, spec) => {
      return this.client.sendOperationRequest(args, spec);
    };
    const sendOperationFn = async (args, spec) => {
      let currentRawResponse = void 0;
      const providedCallback = args.options?.onResponse;
      const callback = (rawResponse, flatResponse2) => {
        currentRawResponse = rawResponse;
        providedCallback?.(rawResponse, flatResponse2);
      };
      const updatedArgs = {
        ...args,
        options: {
          ...args.options,
          onResponse: callback
        }
      };
      const flatResponse = await directSendOperation(updatedArgs, spec);
      return {
        flatResponse,
        rawResponse: {
          statusCode: currentRawResponse.status,
          body: currentRawResponse.parsedBody,
          headers: currentRawResponse.headers.toJSON()
        }
      };
    };
    const lro = createLroSpec({
      sendOperationFn,
      args: { resourceGroupName: resourceGroupName2, serverName: serverName3, objectId: objectId2, parameters: parameters18, options },
      spec: createOrUpdateOperationSpec
    });
    const poller = await createHttpPoller(lro, {
      restoreFrom: options?.resumeFrom,
      intervalInMs: options?.updateIntervalInMs,
      resourceLocationConfig: "azure-async-operation"
    });
    await poller.poll();
    return poller;
  }
  /**
   * Creates a new server administrator associated to a Microsoft Entra principal.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param objectId Object identifier of the Microsoft Entra principal.
   * @param parameters Required parameters for adding a server administrator associated to a Microsoft
   *                   Entra principal.
   * @param options The options parameters.
   */
  async beginCreateOrUpdateAndWait(resourceGroupName2, serverName3, objectId2, parameters18, options) {
    const poller = await this.beginCreateOrUpdate(resourceGroupName2, serverName3, objectId2, parameters18, options);
    return poller.pollUntilDone();
  }
  /**
   * Deletes an existing server administrator associated to a Microsoft Entra principal.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param objectId Object identifier of the Microsoft Entra principal.
   * @param options The options parameters.
   */
  async beginDelete(resourceGroupName2, serverName3, objectId2, options) {
    const directSendOperation = async (args, spec) => {
      return this.client.sendOperationRequest(args, spec);
    };
    const sendOperationFn = async (args, spec) => {
      let currentRawResponse = void 0;
      const providedCallback = args.options?.onResponse;
      const callback = (rawResponse, flatResponse2) => {
        currentRawResponse = rawResponse;
        providedCallback?.(rawResponse, flatResponse2);
      };
      const updatedArgs = {
        ...args,
        options: {
          ...args.options,
          onResponse: callback
        }
      };
      const flatResponse = await directSendOperation(updatedArgs, spec);
      return {
        flatResponse,
        rawResponse: {
          statusCode: currentRawResponse.status,
          body: currentRawResponse.parsedBody,
          headers: currentRawResponse.headers.toJSON()
        }
      };
    };
    const lro = createLroSpec({
      sendOperationFn,
      args: { resourceGroupName: resourceGroupName2, serverName: serverName3, objectId: objectId2, options },
      spec: deleteOperationSpec
    });
    const poller = await createHttpPoller(lro, {
      restoreFrom: options?.resumeFrom,
      intervalInMs: options?.updateIntervalInMs,
      resourceLocationConfig: "location"
    });
    await poller.poll();
    return poller;
  }
  /**
   * Deletes an existing server administrator associated to a Microsoft Entra principal.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param objectId Object identifier of the Microsoft Entra principal.
   * @param options The options parameters.
   */
  async beginDeleteAndWait(resourceGroupName2, serverName3, objectId2, options) {
    const poller = await this.beginDelete(resourceGroupName2, serverName3, objectId2, options);
    return poller.pollUntilDone();
  }
  /**
   * Gets information about a server administrator associated to a Microsoft Entra principal.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param objectId Object identifier of the Microsoft Entra principal.
   * @param options The options parameters.
   */
  get(resourceGroupName2, serverName3, objectId2, options) {
    return this.client.sendOperationRequest({ resourceGroupName: resourceGroupName2, serverName: serverName3, objectId: objectId2, options }, getOperationSpec);
  }
  /**
   * List all server administrators associated to a Microsoft Entra principal.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param options The options parameters.
   */
  _listByServer(resourceGroupName2, serverName3, options) {
    return this.client.sendOperationRequest({ resourceGroupName: resourceGroupName2, serverName: serverName3, options }, listByServerOperationSpec);
  }
  /**
   * ListByServerNext
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param nextLink The nextLink from the previous successful call to the ListByServer method.
   * @param options The options parameters.
   */
  _listByServerNext(resourceGroupName2, serverName3, nextLink2, options) {
    return this.client.sendOperationRequest({ resourceGroupName: resourceGroupName2, serverName: serverName3, nextLink: nextLink2, options }, listByServerNextOperationSpec);
  }
};
var serializer = createSerializer(
  mappers_exports,
  /* isXml */
  false
);
var createOrUpdateOperationSpec = {
  path: "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.DBforPostgreSQL/flexibleServers/{serverName}/administrators/{objectId}",
  httpMethod: "PUT",
  responses: {
    200: {
      bodyMapper: AdministratorMicrosoftEntra
    },
    201: {
      bodyMapper: AdministratorMicrosoftEntra
    },
    202: {
      bodyMapper: AdministratorMicrosoftEntra
    },
    204: {
      bodyMapper: AdministratorMicrosoftEntra
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  requestBody: parameters,
  queryParameters: [apiVersion],
  urlParameters: [
    $host,
    subscriptionId,
    resourceGroupName,
    serverName,
    objectId
  ],
  headerParameters: [contentType, accept],
  mediaType: "json",
  serializer
};
var deleteOperationSpec = {
  path: "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.DBforPostgreSQL/flexibleServers/{serverName}/administrators/{objectId}",
  httpMethod: "DELETE",
  responses: {
    200: {
      headersMapper: AdministratorsMicrosoftEntraDeleteHeaders
    },
    201: {
      headersMapper: AdministratorsMicrosoftEntraDeleteHeaders
    },
    202: {
      headersMapper: AdministratorsMicrosoftEntraDeleteHeaders
    },
    204: {
      headersMapper: AdministratorsMicrosoftEntraDeleteHeaders
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  queryParameters: [apiVersion],
  urlParameters: [
    $host,
    subscriptionId,
    resourceGroupName,
    serverName,
    objectId
  ],
  headerParameters: [accept],
  serializer
};
var getOperationSpec = {
  path: "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.DBforPostgreSQL/flexibleServers/{serverName}/administrators/{objectId}",
  httpMethod: "GET",
  responses: {
    200: {
      bodyMapper: AdministratorMicrosoftEntra
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  queryParameters: [apiVersion],
  urlParameters: [
    $host,
    subscriptionId,
    resourceGroupName,
    serverName,
    objectId
  ],
  headerParameters: [accept],
  serializer
};
var listByServerOperationSpec = {
  path: "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.DBforPostgreSQL/flexibleServers/{serverName}/administrators",
  httpMethod: "GET",
  responses: {
    200: {
      bodyMapper: AdministratorMicrosoftEntraList
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  queryParameters: [apiVersion],
  urlParameters: [
    $host,
    subscriptionId,
    resourceGroupName,
    serverName
  ],
  headerParameters: [accept],
  serializer
};
var listByServerNextOperationSpec = {
  path: "{nextLink}",
  httpMethod: "GET",
  responses: {
    200: {
      bodyMapper: AdministratorMicrosoftEntraList
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  urlParameters: [
    $host,
    subscriptionId,
    resourceGroupName,
    serverName,
    nextLink
  ],
  headerParameters: [accept],
  serializer
};

// node_modules/@azure/arm-postgresql-flexible/dist/esm/operations/advancedThreatProtectionSettings.js
var AdvancedThreatProtectionSettingsImpl = class {
  client;
  /**
   * Initialize a new instance of the class AdvancedThreatProtectionSettings class.
   * @param client Reference to the service client
   */
  constructor(client) {
    this.client = client;
  }
  /**
   * Lists state of advanced threat protection settings for a server.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param options The options parameters.
   */
  listByServer(resourceGroupName2, serverName3, options) {
    const iter = this.listByServerPagingAll(resourceGroupName2, serverName3, options);
    return {
      next() {
        return iter.next();
      },
      [Symbol.asyncIterator]() {
        return this;
      },
      byPage: (settings) => {
        if (settings?.maxPageSize) {
          throw new Error("maxPageSize is not supported by this operation.");
        }
        return this.listByServerPagingPage(resourceGroupName2, serverName3, options, settings);
      }
    };
  }
  async *listByServerPagingPage(resourceGroupName2, serverName3, options, settings) {
    let result;
    let continuationToken = settings?.continuationToken;
    if (!continuationToken) {
      result = await this._listByServer(resourceGroupName2, serverName3, options);
      const page = result.value || [];
      continuationToken = result.nextLink;
      setContinuationToken(page, continuationToken);
      yield page;
    }
    while (continuationToken) {
      result = await this._listByServerNext(resourceGroupName2, serverName3, continuationToken, options);
      continuationToken = result.nextLink;
      const page = result.value || [];
      setContinuationToken(page, continuationToken);
      yield page;
    }
  }
  async *listByServerPagingAll(resourceGroupName2, serverName3, options) {
    for await (const page of this.listByServerPagingPage(resourceGroupName2, serverName3, options)) {
      yield* page;
    }
  }
  /**
   * Lists state of advanced threat protection settings for a server.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param options The options parameters.
   */
  _listByServer(resourceGroupName2, serverName3, options) {
    return this.client.sendOperationRequest({ resourceGroupName: resourceGroupName2, serverName: serverName3, options }, listByServerOperationSpec2);
  }
  /**
   * Gets state of advanced threat protection settings for a server.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param threatProtectionName Name of the advanced threat protection settings.
   * @param options The options parameters.
   */
  get(resourceGroupName2, serverName3, threatProtectionName2, options) {
    return this.client.sendOperationRequest({ resourceGroupName: resourceGroupName2, serverName: serverName3, threatProtectionName: threatProtectionName2, options }, getOperationSpec2);
  }
  /**
   * ListByServerNext
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param nextLink The nextLink from the previous successful call to the ListByServer method.
   * @param options The options parameters.
   */
  _listByServerNext(resourceGroupName2, serverName3, nextLink2, options) {
    return this.client.sendOperationRequest({ resourceGroupName: resourceGroupName2, serverName: serverName3, nextLink: nextLink2, options }, listByServerNextOperationSpec2);
  }
};
var serializer2 = createSerializer(
  mappers_exports,
  /* isXml */
  false
);
var listByServerOperationSpec2 = {
  path: "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.DBforPostgreSQL/flexibleServers/{serverName}/advancedThreatProtectionSettings",
  httpMethod: "GET",
  responses: {
    200: {
      bodyMapper: AdvancedThreatProtectionSettingsList
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  queryParameters: [apiVersion],
  urlParameters: [
    $host,
    subscriptionId,
    resourceGroupName,
    serverName
  ],
  headerParameters: [accept],
  serializer: serializer2
};
var getOperationSpec2 = {
  path: "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.DBforPostgreSQL/flexibleServers/{serverName}/advancedThreatProtectionSettings/{threatProtectionName}",
  httpMethod: "GET",
  responses: {
    200: {
      bodyMapper: AdvancedThreatProtectionSettingsModel
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  queryParameters: [apiVersion],
  urlParameters: [
    $host,
    subscriptionId,
    resourceGroupName,
    serverName,
    threatProtectionName
  ],
  headerParameters: [accept],
  serializer: serializer2
};
var listByServerNextOperationSpec2 = {
  path: "{nextLink}",
  httpMethod: "GET",
  responses: {
    200: {
      bodyMapper: AdvancedThreatProtectionSettingsList
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  urlParameters: [
    $host,
    subscriptionId,
    resourceGroupName,
    serverName,
    nextLink
  ],
  headerParameters: [accept],
  serializer: serializer2
};

// node_modules/@azure/arm-postgresql-flexible/dist/esm/operations/serverThreatProtectionSettings.js
var ServerThreatProtectionSettingsImpl = class {
  client;
  /**
   * Initialize a new instance of the class ServerThreatProtectionSettings class.
   * @param client Reference to the service client
   */
  constructor(client) {
    this.client = client;
  }
  /**
   * Creates or updates a server's Advanced Threat Protection settings.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param threatProtectionName Name of the advanced threat protection settings.
   * @param parameters The Advanced Threat Protection state for the server.
   * @param options The options parameters.
   */
  async beginCreateOrUpdate(resourceGroupName2, serverName3, threatProtectionName2, parameters18, options) {
    const directSendOperation = async (args, spec) => {
      return this.client.sendOperationRequest(args, spec);
    };
    const sendOperationFn = async (args, spec) => {
      let currentRawResponse = void 0;
      const providedCallback = args.options?.onResponse;
      const callback = (rawResponse, flatResponse2) => {
        currentRawResponse = rawResponse;
        providedCallback?.(rawResponse, flatResponse2);
      };
      const updatedArgs = {
        ...args,
        options: {
          ...args.options,
          onResponse: callback
        }
      };
      const flatResponse = await directSendOperation(updatedArgs, spec);
      return {
        flatResponse,
        rawResponse: {
          statusCode: currentRawResponse.status,
          body: currentRawResponse.parsedBody,
          headers: currentRawResponse.headers.toJSON()
        }
      };
    };
    const lro = createLroSpec({
      sendOperationFn,
      args: {
        resourceGroupName: resourceGroupName2,
        serverName: serverName3,
        threatProtectionName: threatProtectionName2,
        parameters: parameters18,
        options
      },
      spec: createOrUpdateOperationSpec2
    });
    const poller = await createHttpPoller(lro, {
      restoreFrom: options?.resumeFrom,
      intervalInMs: options?.updateIntervalInMs,
      resourceLocationConfig: "azure-async-operation"
    });
    await poller.poll();
    return poller;
  }
  /**
   * Creates or updates a server's Advanced Threat Protection settings.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param threatProtectionName Name of the advanced threat protection settings.
   * @param parameters The Advanced Threat Protection state for the server.
   * @param options The options parameters.
   */
  async beginCreateOrUpdateAndWait(resourceGroupName2, serverName3, threatProtectionName2, parameters18, options) {
    const poller = await this.beginCreateOrUpdate(resourceGroupName2, serverName3, threatProtectionName2, parameters18, options);
    return poller.pollUntilDone();
  }
};
var serializer3 = createSerializer(
  mappers_exports,
  /* isXml */
  false
);
var createOrUpdateOperationSpec2 = {
  path: "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.DBforPostgreSQL/flexibleServers/{serverName}/advancedThreatProtectionSettings/{threatProtectionName}",
  httpMethod: "PUT",
  responses: {
    200: {
      bodyMapper: AdvancedThreatProtectionSettingsModel
    },
    201: {
      bodyMapper: AdvancedThreatProtectionSettingsModel
    },
    202: {
      bodyMapper: AdvancedThreatProtectionSettingsModel
    },
    204: {
      bodyMapper: AdvancedThreatProtectionSettingsModel
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  requestBody: parameters1,
  queryParameters: [apiVersion],
  urlParameters: [
    $host,
    subscriptionId,
    resourceGroupName,
    serverName,
    threatProtectionName
  ],
  headerParameters: [contentType, accept],
  mediaType: "json",
  serializer: serializer3
};

// node_modules/@azure/arm-postgresql-flexible/dist/esm/operations/backupsAutomaticAndOnDemand.js
var BackupsAutomaticAndOnDemandImpl = class {
  client;
  /**
   * Initialize a new instance of the class BackupsAutomaticAndOnDemand class.
   * @param client Reference to the service client
   */
  constructor(client) {
    this.client = client;
  }
  /**
   * Lists all available backups of a server.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param options The options parameters.
   */
  listByServer(resourceGroupName2, serverName3, options) {
    const iter = this.listByServerPagingAll(resourceGroupName2, serverName3, options);
    return {
      next() {
        return iter.next();
      },
      [Symbol.asyncIterator]() {
        return this;
      },
      byPage: (settings) => {
        if (settings?.maxPageSize) {
          throw new Error("maxPageSize is not supported by this operation.");
        }
        return this.listByServerPagingPage(resourceGroupName2, serverName3, options, settings);
      }
    };
  }
  async *listByServerPagingPage(resourceGroupName2, serverName3, options, settings) {
    let result;
    let continuationToken = settings?.continuationToken;
    if (!continuationToken) {
      result = await this._listByServer(resourceGroupName2, serverName3, options);
      const page = result.value || [];
      continuationToken = result.nextLink;
      setContinuationToken(page, continuationToken);
      yield page;
    }
    while (continuationToken) {
      result = await this._listByServerNext(resourceGroupName2, serverName3, continuationToken, options);
      continuationToken = result.nextLink;
      const page = result.value || [];
      setContinuationToken(page, continuationToken);
      yield page;
    }
  }
  async *listByServerPagingAll(resourceGroupName2, serverName3, options) {
    for await (const page of this.listByServerPagingPage(resourceGroupName2, serverName3, options)) {
      yield* page;
    }
  }
  /**
   * Creates an on demand backup of a server.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param backupName Name of the backup.
   * @param options The options parameters.
   */
  async beginCreate(resourceGroupName2, serverName3, backupName2, options) {
    const directSendOperation = async (args, spec) => {
      return this.client.sendOperationRequest(args, spec);
    };
    const sendOperationFn = async (args, spec) => {
      let currentRawResponse = void 0;
      const providedCallback = args.options?.onResponse;
      const callback = (rawResponse, flatResponse2) => {
        currentRawResponse = rawResponse;
        providedCallback?.(rawResponse, flatResponse2);
      };
      const updatedArgs = {
        ...args,
        options: {
          ...args.options,
          onResponse: callback
        }
      };
      const flatResponse = await directSendOperation(updatedArgs, spec);
      return {
        flatResponse,
        rawResponse: {
          statusCode: currentRawResponse.status,
          body: currentRawResponse.parsedBody,
          headers: currentRawResponse.headers.toJSON()
        }
      };
    };
    const lro = createLroSpec({
      sendOperationFn,
      args: { resourceGroupName: resourceGroupName2, serverName: serverName3, backupName: backupName2, options },
      spec: createOperationSpec
    });
    const poller = await createHttpPoller(lro, {
      restoreFrom: options?.resumeFrom,
      intervalInMs: options?.updateIntervalInMs,
      resourceLocationConfig: "azure-async-operation"
    });
    await poller.poll();
    return poller;
  }
  /**
   * Creates an on demand backup of a server.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param backupName Name of the backup.
   * @param options The options parameters.
   */
  async beginCreateAndWait(resourceGroupName2, serverName3, backupName2, options) {
    const poller = await this.beginCreate(resourceGroupName2, serverName3, backupName2, options);
    return poller.pollUntilDone();
  }
  /**
   * Deletes a specific backup, given its name.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param backupName Name of the backup.
   * @param options The options parameters.
   */
  async beginDelete(resourceGroupName2, serverName3, backupName2, options) {
    const directSendOperation = async (args, spec) => {
      return this.client.sendOperationRequest(args, spec);
    };
    const sendOperationFn = async (args, spec) => {
      let currentRawResponse = void 0;
      const providedCallback = args.options?.onResponse;
      const callback = (rawResponse, flatResponse2) => {
        currentRawResponse = rawResponse;
        providedCallback?.(rawResponse, flatResponse2);
      };
      const updatedArgs = {
        ...args,
        options: {
          ...args.options,
          onResponse: callback
        }
      };
      const flatResponse = await directSendOperation(updatedArgs, spec);
      return {
        flatResponse,
        rawResponse: {
          statusCode: currentRawResponse.status,
          body: currentRawResponse.parsedBody,
          headers: currentRawResponse.headers.toJSON()
        }
      };
    };
    const lro = createLroSpec({
      sendOperationFn,
      args: { resourceGroupName: resourceGroupName2, serverName: serverName3, backupName: backupName2, options },
      spec: deleteOperationSpec2
    });
    const poller = await createHttpPoller(lro, {
      restoreFrom: options?.resumeFrom,
      intervalInMs: options?.updateIntervalInMs,
      resourceLocationConfig: "location"
    });
    await poller.poll();
    return poller;
  }
  /**
   * Deletes a specific backup, given its name.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param backupName Name of the backup.
   * @param options The options parameters.
   */
  async beginDeleteAndWait(resourceGroupName2, serverName3, backupName2, options) {
    const poller = await this.beginDelete(resourceGroupName2, serverName3, backupName2, options);
    return poller.pollUntilDone();
  }
  /**
   * Gets information of an on demand backup, given its name.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param backupName Name of the backup.
   * @param options The options parameters.
   */
  get(resourceGroupName2, serverName3, backupName2, options) {
    return this.client.sendOperationRequest({ resourceGroupName: resourceGroupName2, serverName: serverName3, backupName: backupName2, options }, getOperationSpec3);
  }
  /**
   * Lists all available backups of a server.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param options The options parameters.
   */
  _listByServer(resourceGroupName2, serverName3, options) {
    return this.client.sendOperationRequest({ resourceGroupName: resourceGroupName2, serverName: serverName3, options }, listByServerOperationSpec3);
  }
  /**
   * ListByServerNext
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param nextLink The nextLink from the previous successful call to the ListByServer method.
   * @param options The options parameters.
   */
  _listByServerNext(resourceGroupName2, serverName3, nextLink2, options) {
    return this.client.sendOperationRequest({ resourceGroupName: resourceGroupName2, serverName: serverName3, nextLink: nextLink2, options }, listByServerNextOperationSpec3);
  }
};
var serializer4 = createSerializer(
  mappers_exports,
  /* isXml */
  false
);
var createOperationSpec = {
  path: "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.DBforPostgreSQL/flexibleServers/{serverName}/backups/{backupName}",
  httpMethod: "PUT",
  responses: {
    200: {
      bodyMapper: BackupAutomaticAndOnDemand
    },
    201: {
      bodyMapper: BackupAutomaticAndOnDemand
    },
    202: {
      bodyMapper: BackupAutomaticAndOnDemand
    },
    204: {
      bodyMapper: BackupAutomaticAndOnDemand
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  queryParameters: [apiVersion],
  urlParameters: [
    $host,
    subscriptionId,
    resourceGroupName,
    serverName,
    backupName
  ],
  headerParameters: [accept],
  serializer: serializer4
};
var deleteOperationSpec2 = {
  path: "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.DBforPostgreSQL/flexibleServers/{serverName}/backups/{backupName}",
  httpMethod: "DELETE",
  responses: {
    200: {
      headersMapper: BackupsAutomaticAndOnDemandDeleteHeaders
    },
    201: {
      headersMapper: BackupsAutomaticAndOnDemandDeleteHeaders
    },
    202: {
      headersMapper: BackupsAutomaticAndOnDemandDeleteHeaders
    },
    204: {
      headersMapper: BackupsAutomaticAndOnDemandDeleteHeaders
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  queryParameters: [apiVersion],
  urlParameters: [
    $host,
    subscriptionId,
    resourceGroupName,
    serverName,
    backupName
  ],
  headerParameters: [accept],
  serializer: serializer4
};
var getOperationSpec3 = {
  path: "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.DBforPostgreSQL/flexibleServers/{serverName}/backups/{backupName}",
  httpMethod: "GET",
  responses: {
    200: {
      bodyMapper: BackupAutomaticAndOnDemand
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  queryParameters: [apiVersion],
  urlParameters: [
    $host,
    subscriptionId,
    resourceGroupName,
    serverName,
    backupName
  ],
  headerParameters: [accept],
  serializer: serializer4
};
var listByServerOperationSpec3 = {
  path: "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.DBforPostgreSQL/flexibleServers/{serverName}/backups",
  httpMethod: "GET",
  responses: {
    200: {
      bodyMapper: BackupAutomaticAndOnDemandList
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  queryParameters: [apiVersion],
  urlParameters: [
    $host,
    subscriptionId,
    resourceGroupName,
    serverName
  ],
  headerParameters: [accept],
  serializer: serializer4
};
var listByServerNextOperationSpec3 = {
  path: "{nextLink}",
  httpMethod: "GET",
  responses: {
    200: {
      bodyMapper: BackupAutomaticAndOnDemandList
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  urlParameters: [
    $host,
    subscriptionId,
    resourceGroupName,
    serverName,
    nextLink
  ],
  headerParameters: [accept],
  serializer: serializer4
};

// node_modules/@azure/arm-postgresql-flexible/dist/esm/operations/capabilitiesByLocation.js
var CapabilitiesByLocationImpl = class {
  client;
  /**
   * Initialize a new instance of the class CapabilitiesByLocation class.
   * @param client Reference to the service client
   */
  constructor(client) {
    this.client = client;
  }
  /**
   * Lists the capabilities available in a given location for a specific subscription.
   * @param locationName The name of the location.
   * @param options The options parameters.
   */
  list(locationName2, options) {
    const iter = this.listPagingAll(locationName2, options);
    return {
      next() {
        return iter.next();
      },
      [Symbol.asyncIterator]() {
        return this;
      },
      byPage: (settings) => {
        if (settings?.maxPageSize) {
          throw new Error("maxPageSize is not supported by this operation.");
        }
        return this.listPagingPage(locationName2, options, settings);
      }
    };
  }
  async *listPagingPage(locationName2, options, settings) {
    let result;
    let continuationToken = settings?.continuationToken;
    if (!continuationToken) {
      result = await this._list(locationName2, options);
      const page = result.value || [];
      continuationToken = result.nextLink;
      setContinuationToken(page, continuationToken);
      yield page;
    }
    while (continuationToken) {
      result = await this._listNext(locationName2, continuationToken, options);
      continuationToken = result.nextLink;
      const page = result.value || [];
      setContinuationToken(page, continuationToken);
      yield page;
    }
  }
  async *listPagingAll(locationName2, options) {
    for await (const page of this.listPagingPage(locationName2, options)) {
      yield* page;
    }
  }
  /**
   * Lists the capabilities available in a given location for a specific subscription.
   * @param locationName The name of the location.
   * @param options The options parameters.
   */
  _list(locationName2, options) {
    return this.client.sendOperationRequest({ locationName: locationName2, options }, listOperationSpec);
  }
  /**
   * ListNext
   * @param locationName The name of the location.
   * @param nextLink The nextLink from the previous successful call to the List method.
   * @param options The options parameters.
   */
  _listNext(locationName2, nextLink2, options) {
    return this.client.sendOperationRequest({ locationName: locationName2, nextLink: nextLink2, options }, listNextOperationSpec);
  }
};
var serializer5 = createSerializer(
  mappers_exports,
  /* isXml */
  false
);
var listOperationSpec = {
  path: "/subscriptions/{subscriptionId}/providers/Microsoft.DBforPostgreSQL/locations/{locationName}/capabilities",
  httpMethod: "GET",
  responses: {
    200: {
      bodyMapper: CapabilityList
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  queryParameters: [apiVersion],
  urlParameters: [$host, subscriptionId, locationName],
  headerParameters: [accept],
  serializer: serializer5
};
var listNextOperationSpec = {
  path: "{nextLink}",
  httpMethod: "GET",
  responses: {
    200: {
      bodyMapper: CapabilityList
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  urlParameters: [
    $host,
    subscriptionId,
    nextLink,
    locationName
  ],
  headerParameters: [accept],
  serializer: serializer5
};

// node_modules/@azure/arm-postgresql-flexible/dist/esm/operations/capabilitiesByServer.js
var CapabilitiesByServerImpl = class {
  client;
  /**
   * Initialize a new instance of the class CapabilitiesByServer class.
   * @param client Reference to the service client
   */
  constructor(client) {
    this.client = client;
  }
  /**
   * Lists the capabilities available for a given server.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param options The options parameters.
   */
  list(resourceGroupName2, serverName3, options) {
    const iter = this.listPagingAll(resourceGroupName2, serverName3, options);
    return {
      next() {
        return iter.next();
      },
      [Symbol.asyncIterator]() {
        return this;
      },
      byPage: (settings) => {
        if (settings?.maxPageSize) {
          throw new Error("maxPageSize is not supported by this operation.");
        }
        return this.listPagingPage(resourceGroupName2, serverName3, options, settings);
      }
    };
  }
  async *listPagingPage(resourceGroupName2, serverName3, options, settings) {
    let result;
    let continuationToken = settings?.continuationToken;
    if (!continuationToken) {
      result = await this._list(resourceGroupName2, serverName3, options);
      const page = result.value || [];
      continuationToken = result.nextLink;
      setContinuationToken(page, continuationToken);
      yield page;
    }
    while (continuationToken) {
      result = await this._listNext(resourceGroupName2, serverName3, continuationToken, options);
      continuationToken = result.nextLink;
      const page = result.value || [];
      setContinuationToken(page, continuationToken);
      yield page;
    }
  }
  async *listPagingAll(resourceGroupName2, serverName3, options) {
    for await (const page of this.listPagingPage(resourceGroupName2, serverName3, options)) {
      yield* page;
    }
  }
  /**
   * Lists the capabilities available for a given server.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param options The options parameters.
   */
  _list(resourceGroupName2, serverName3, options) {
    return this.client.sendOperationRequest({ resourceGroupName: resourceGroupName2, serverName: serverName3, options }, listOperationSpec2);
  }
  /**
   * ListNext
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param nextLink The nextLink from the previous successful call to the List method.
   * @param options The options parameters.
   */
  _listNext(resourceGroupName2, serverName3, nextLink2, options) {
    return this.client.sendOperationRequest({ resourceGroupName: resourceGroupName2, serverName: serverName3, nextLink: nextLink2, options }, listNextOperationSpec2);
  }
};
var serializer6 = createSerializer(
  mappers_exports,
  /* isXml */
  false
);
var listOperationSpec2 = {
  path: "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.DBforPostgreSQL/flexibleServers/{serverName}/capabilities",
  httpMethod: "GET",
  responses: {
    200: {
      bodyMapper: CapabilityList
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  queryParameters: [apiVersion],
  urlParameters: [
    $host,
    subscriptionId,
    resourceGroupName,
    serverName
  ],
  headerParameters: [accept],
  serializer: serializer6
};
var listNextOperationSpec2 = {
  path: "{nextLink}",
  httpMethod: "GET",
  responses: {
    200: {
      bodyMapper: CapabilityList
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  urlParameters: [
    $host,
    subscriptionId,
    resourceGroupName,
    serverName,
    nextLink
  ],
  headerParameters: [accept],
  serializer: serializer6
};

// node_modules/@azure/arm-postgresql-flexible/dist/esm/operations/capturedLogs.js
var CapturedLogsImpl = class {
  client;
  /**
   * Initialize a new instance of the class CapturedLogs class.
   * @param client Reference to the service client
   */
  constructor(client) {
    this.client = client;
  }
  /**
   * Lists all captured logs for download in a server.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param options The options parameters.
   */
  listByServer(resourceGroupName2, serverName3, options) {
    const iter = this.listByServerPagingAll(resourceGroupName2, serverName3, options);
    return {
      next() {
        return iter.next();
      },
      [Symbol.asyncIterator]() {
        return this;
      },
      byPage: (settings) => {
        if (settings?.maxPageSize) {
          throw new Error("maxPageSize is not supported by this operation.");
        }
        return this.listByServerPagingPage(resourceGroupName2, serverName3, options, settings);
      }
    };
  }
  async *listByServerPagingPage(resourceGroupName2, serverName3, options, settings) {
    let result;
    let continuationToken = settings?.continuationToken;
    if (!continuationToken) {
      result = await this._listByServer(resourceGroupName2, serverName3, options);
      const page = result.value || [];
      continuationToken = result.nextLink;
      setContinuationToken(page, continuationToken);
      yield page;
    }
    while (continuationToken) {
      result = await this._listByServerNext(resourceGroupName2, serverName3, continuationToken, options);
      continuationToken = result.nextLink;
      const page = result.value || [];
      setContinuationToken(page, continuationToken);
      yield page;
    }
  }
  async *listByServerPagingAll(resourceGroupName2, serverName3, options) {
    for await (const page of this.listByServerPagingPage(resourceGroupName2, serverName3, options)) {
      yield* page;
    }
  }
  /**
   * Lists all captured logs for download in a server.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param options The options parameters.
   */
  _listByServer(resourceGroupName2, serverName3, options) {
    return this.client.sendOperationRequest({ resourceGroupName: resourceGroupName2, serverName: serverName3, options }, listByServerOperationSpec4);
  }
  /**
   * ListByServerNext
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param nextLink The nextLink from the previous successful call to the ListByServer method.
   * @param options The options parameters.
   */
  _listByServerNext(resourceGroupName2, serverName3, nextLink2, options) {
    return this.client.sendOperationRequest({ resourceGroupName: resourceGroupName2, serverName: serverName3, nextLink: nextLink2, options }, listByServerNextOperationSpec4);
  }
};
var serializer7 = createSerializer(
  mappers_exports,
  /* isXml */
  false
);
var listByServerOperationSpec4 = {
  path: "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.DBforPostgreSQL/flexibleServers/{serverName}/logFiles",
  httpMethod: "GET",
  responses: {
    200: {
      bodyMapper: CapturedLogList
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  queryParameters: [apiVersion],
  urlParameters: [
    $host,
    subscriptionId,
    resourceGroupName,
    serverName
  ],
  headerParameters: [accept],
  serializer: serializer7
};
var listByServerNextOperationSpec4 = {
  path: "{nextLink}",
  httpMethod: "GET",
  responses: {
    200: {
      bodyMapper: CapturedLogList
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  urlParameters: [
    $host,
    subscriptionId,
    resourceGroupName,
    serverName,
    nextLink
  ],
  headerParameters: [accept],
  serializer: serializer7
};

// node_modules/@azure/arm-postgresql-flexible/dist/esm/operations/configurations.js
var ConfigurationsImpl = class {
  client;
  /**
   * Initialize a new instance of the class Configurations class.
   * @param client Reference to the service client
   */
  constructor(client) {
    this.client = client;
  }
  /**
   * Lists all configurations (also known as server parameters) of a server.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param options The options parameters.
   */
  listByServer(resourceGroupName2, serverName3, options) {
    const iter = this.listByServerPagingAll(resourceGroupName2, serverName3, options);
    return {
      next() {
        return iter.next();
      },
      [Symbol.asyncIterator]() {
        return this;
      },
      byPage: (settings) => {
        if (settings?.maxPageSize) {
          throw new Error("maxPageSize is not supported by this operation.");
        }
        return this.listByServerPagingPage(resourceGroupName2, serverName3, options, settings);
      }
    };
  }
  async *listByServerPagingPage(resourceGroupName2, serverName3, options, settings) {
    let result;
    let continuationToken = settings?.continuationToken;
    if (!continuationToken) {
      result = await this._listByServer(resourceGroupName2, serverName3, options);
      const page = result.value || [];
      continuationToken = result.nextLink;
      setContinuationToken(page, continuationToken);
      yield page;
    }
    while (continuationToken) {
      result = await this._listByServerNext(resourceGroupName2, serverName3, continuationToken, options);
      continuationToken = result.nextLink;
      const page = result.value || [];
      setContinuationToken(page, continuationToken);
      yield page;
    }
  }
  async *listByServerPagingAll(resourceGroupName2, serverName3, options) {
    for await (const page of this.listByServerPagingPage(resourceGroupName2, serverName3, options)) {
      yield* page;
    }
  }
  /**
   * Lists all configurations (also known as server parameters) of a server.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param options The options parameters.
   */
  _listByServer(resourceGroupName2, serverName3, options) {
    return this.client.sendOperationRequest({ resourceGroupName: resourceGroupName2, serverName: serverName3, options }, listByServerOperationSpec5);
  }
  /**
   * Gets information about a specific configuration (also known as server parameter) of a server.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param configurationName Name of the configuration (also known as server parameter).
   * @param options The options parameters.
   */
  get(resourceGroupName2, serverName3, configurationName2, options) {
    return this.client.sendOperationRequest({ resourceGroupName: resourceGroupName2, serverName: serverName3, configurationName: configurationName2, options }, getOperationSpec4);
  }
  /**
   * Updates the value assigned to a specific modifiable configuration (also known as server parameter)
   * of a server.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param configurationName Name of the configuration (also known as server parameter).
   * @param parameters Parameters required to update the value of a specific modifiable configuration
   *                   (also known as server parameter).
   * @param options The options parameters.
   */
  async beginUpdate(resourceGroupName2, serverName3, configurationName2, parameters18, options) {
    const directSendOperation = async (args, spec) => {
      return this.client.sendOperationRequest(args, spec);
    };
    const sendOperationFn = async (args, spec) => {
      let currentRawResponse = void 0;
      const providedCallback = args.options?.onResponse;
      const callback = (rawResponse, flatResponse2) => {
        currentRawResponse = rawResponse;
        providedCallback?.(rawResponse, flatResponse2);
      };
      const updatedArgs = {
        ...args,
        options: {
          ...args.options,
          onResponse: callback
        }
      };
      const flatResponse = await directSendOperation(updatedArgs, spec);
      return {
        flatResponse,
        rawResponse: {
          statusCode: currentRawResponse.status,
          body: currentRawResponse.parsedBody,
          headers: currentRawResponse.headers.toJSON()
        }
      };
    };
    const lro = createLroSpec({
      sendOperationFn,
      args: {
        resourceGroupName: resourceGroupName2,
        serverName: serverName3,
        configurationName: configurationName2,
        parameters: parameters18,
        options
      },
      spec: updateOperationSpec
    });
    const poller = await createHttpPoller(lro, {
      restoreFrom: options?.resumeFrom,
      intervalInMs: options?.updateIntervalInMs,
      resourceLocationConfig: "azure-async-operation"
    });
    await poller.poll();
    return poller;
  }
  /**
   * Updates the value assigned to a specific modifiable configuration (also known as server parameter)
   * of a server.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param configurationName Name of the configuration (also known as server parameter).
   * @param parameters Parameters required to update the value of a specific modifiable configuration
   *                   (also known as server parameter).
   * @param options The options parameters.
   */
  async beginUpdateAndWait(resourceGroupName2, serverName3, configurationName2, parameters18, options) {
    const poller = await this.beginUpdate(resourceGroupName2, serverName3, configurationName2, parameters18, options);
    return poller.pollUntilDone();
  }
  /**
   * Updates, using Put verb, the value assigned to a specific modifiable configuration (also known as
   * server parameter) of a server.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param configurationName Name of the configuration (also known as server parameter).
   * @param parameters Parameters required to update the value of a specific modifiable configuration
   *                   (also known as server parameter).
   * @param options The options parameters.
   */
  async beginPut(resourceGroupName2, serverName3, configurationName2, parameters18, options) {
    const directSendOperation = async (args, spec) => {
      return this.client.sendOperationRequest(args, spec);
    };
    const sendOperationFn = async (args, spec) => {
      let currentRawResponse = void 0;
      const providedCallback = args.options?.onResponse;
      const callback = (rawResponse, flatResponse2) => {
        currentRawResponse = rawResponse;
        providedCallback?.(rawResponse, flatResponse2);
      };
      const updatedArgs = {
        ...args,
        options: {
          ...args.options,
          onResponse: callback
        }
      };
      const flatResponse = await directSendOperation(updatedArgs, spec);
      return {
        flatResponse,
        rawResponse: {
          statusCode: currentRawResponse.status,
          body: currentRawResponse.parsedBody,
          headers: currentRawResponse.headers.toJSON()
        }
      };
    };
    const lro = createLroSpec({
      sendOperationFn,
      args: {
        resourceGroupName: resourceGroupName2,
        serverName: serverName3,
        configurationName: configurationName2,
        parameters: parameters18,
        options
      },
      spec: putOperationSpec
    });
    const poller = await createHttpPoller(lro, {
      restoreFrom: options?.resumeFrom,
      intervalInMs: options?.updateIntervalInMs,
      resourceLocationConfig: "azure-async-operation"
    });
    await poller.poll();
    return poller;
  }
  /**
   * Updates, using Put verb, the value assigned to a specific modifiable configuration (also known as
   * server parameter) of a server.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param configurationName Name of the configuration (also known as server parameter).
   * @param parameters Parameters required to update the value of a specific modifiable configuration
   *                   (also known as server parameter).
   * @param options The options parameters.
   */
  async beginPutAndWait(resourceGroupName2, serverName3, configurationName2, parameters18, options) {
    const poller = await this.beginPut(resourceGroupName2, serverName3, configurationName2, parameters18, options);
    return poller.pollUntilDone();
  }
  /**
   * ListByServerNext
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param nextLink The nextLink from the previous successful call to the ListByServer method.
   * @param options The options parameters.
   */
  _listByServerNext(resourceGroupName2, serverName3, nextLink2, options) {
    return this.client.sendOperationRequest({ resourceGroupName: resourceGroupName2, serverName: serverName3, nextLink: nextLink2, options }, listByServerNextOperationSpec5);
  }
};
var serializer8 = createSerializer(
  mappers_exports,
  /* isXml */
  false
);
var listByServerOperationSpec5 = {
  path: "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.DBforPostgreSQL/flexibleServers/{serverName}/configurations",
  httpMethod: "GET",
  responses: {
    200: {
      bodyMapper: ConfigurationList
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  queryParameters: [apiVersion],
  urlParameters: [
    $host,
    subscriptionId,
    resourceGroupName,
    serverName
  ],
  headerParameters: [accept],
  serializer: serializer8
};
var getOperationSpec4 = {
  path: "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.DBforPostgreSQL/flexibleServers/{serverName}/configurations/{configurationName}",
  httpMethod: "GET",
  responses: {
    200: {
      bodyMapper: Configuration
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  queryParameters: [apiVersion],
  urlParameters: [
    $host,
    subscriptionId,
    resourceGroupName,
    serverName,
    configurationName
  ],
  headerParameters: [accept],
  serializer: serializer8
};
var updateOperationSpec = {
  path: "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.DBforPostgreSQL/flexibleServers/{serverName}/configurations/{configurationName}",
  httpMethod: "PATCH",
  responses: {
    200: {
      bodyMapper: Configuration
    },
    201: {
      bodyMapper: Configuration
    },
    202: {
      bodyMapper: Configuration
    },
    204: {
      bodyMapper: Configuration
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  requestBody: parameters2,
  queryParameters: [apiVersion],
  urlParameters: [
    $host,
    subscriptionId,
    resourceGroupName,
    serverName,
    configurationName
  ],
  headerParameters: [contentType, accept],
  mediaType: "json",
  serializer: serializer8
};
var putOperationSpec = {
  path: "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.DBforPostgreSQL/flexibleServers/{serverName}/configurations/{configurationName}",
  httpMethod: "PUT",
  responses: {
    200: {
      bodyMapper: Configuration
    },
    201: {
      bodyMapper: Configuration
    },
    202: {
      bodyMapper: Configuration
    },
    204: {
      bodyMapper: Configuration
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  requestBody: parameters2,
  queryParameters: [apiVersion],
  urlParameters: [
    $host,
    subscriptionId,
    resourceGroupName,
    serverName,
    configurationName
  ],
  headerParameters: [contentType, accept],
  mediaType: "json",
  serializer: serializer8
};
var listByServerNextOperationSpec5 = {
  path: "{nextLink}",
  httpMethod: "GET",
  responses: {
    200: {
      bodyMapper: ConfigurationList
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  urlParameters: [
    $host,
    subscriptionId,
    resourceGroupName,
    serverName,
    nextLink
  ],
  headerParameters: [accept],
  serializer: serializer8
};

// node_modules/@azure/arm-postgresql-flexible/dist/esm/operations/databases.js
var DatabasesImpl = class {
  client;
  /**
   * Initialize a new instance of the class Databases class.
   * @param client Reference to the service client
   */
  constructor(client) {
    this.client = client;
  }
  /**
   * Lists all databases in a server.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param options The options parameters.
   */
  listByServer(resourceGroupName2, serverName3, options) {
    const iter = this.listByServerPagingAll(resourceGroupName2, serverName3, options);
    return {
      next() {
        return iter.next();
      },
      [Symbol.asyncIterator]() {
        return this;
      },
      byPage: (settings) => {
        if (settings?.maxPageSize) {
          throw new Error("maxPageSize is not supported by this operation.");
        }
        return this.listByServerPagingPage(resourceGroupName2, serverName3, options, settings);
      }
    };
  }
  async *listByServerPagingPage(resourceGroupName2, serverName3, options, settings) {
    let result;
    let continuationToken = settings?.continuationToken;
    if (!continuationToken) {
      result = await this._listByServer(resourceGroupName2, serverName3, options);
      const page = result.value || [];
      continuationToken = result.nextLink;
      setContinuationToken(page, continuationToken);
      yield page;
    }
    while (continuationToken) {
      result = await this._listByServerNext(resourceGroupName2, serverName3, continuationToken, options);
      continuationToken = result.nextLink;
      const page = result.value || [];
      setContinuationToken(page, continuationToken);
      yield page;
    }
  }
  async *listByServerPagingAll(resourceGroupName2, serverName3, options) {
    for await (const page of this.listByServerPagingPage(resourceGroupName2, serverName3, options)) {
      yield* page;
    }
  }
  /**
   * Creates a new database.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param databaseName Name of the database (case-sensitive). Exact database names can be retrieved by
   *                     getting the list of all existing databases in a server.
   * @param parameters Parameters required to create a new database.
   * @param options The options parameters.
   */
  async beginCreate(resourceGroupName2, serverName3, databaseName2, parameters18, options) {
    const directSendOperation = async (args, spec) => {
      return this.client.sendOperationRequest(args, spec);
    };
    const sendOperationFn = async (args, spec) => {
      let currentRawResponse = void 0;
      const providedCallback = args.options?.onResponse;
      const callback = (rawResponse, flatResponse2) => {
        currentRawResponse = rawResponse;
        providedCallback?.(rawResponse, flatResponse2);
      };
      const updatedArgs = {
        ...args,
        options: {
          ...args.options,
          onResponse: callback
        }
      };
      const flatResponse = await directSendOperation(updatedArgs, spec);
      return {
        flatResponse,
        rawResponse: {
          statusCode: currentRawResponse.status,
          body: currentRawResponse.parsedBody,
          headers: currentRawResponse.headers.toJSON()
        }
      };
    };
    const lro = createLroSpec({
      sendOperationFn,
      args: {
        resourceGroupName: resourceGroupName2,
        serverName: serverName3,
        databaseName: databaseName2,
        parameters: parameters18,
        options
      },
      spec: createOperationSpec2
    });
    const poller = await createHttpPoller(lro, {
      restoreFrom: options?.resumeFrom,
      intervalInMs: options?.updateIntervalInMs,
      resourceLocationConfig: "azure-async-operation"
    });
    await poller.poll();
    return poller;
  }
  /**
   * Creates a new database.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param databaseName Name of the database (case-sensitive). Exact database names can be retrieved by
   *                     getting the list of all existing databases in a server.
   * @param parameters Parameters required to create a new database.
   * @param options The options parameters.
   */
  async beginCreateAndWait(resourceGroupName2, serverName3, databaseName2, parameters18, options) {
    const poller = await this.beginCreate(resourceGroupName2, serverName3, databaseName2, parameters18, options);
    return poller.pollUntilDone();
  }
  /**
   * Deletes an existing database.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param databaseName Name of the database (case-sensitive). Exact database names can be retrieved by
   *                     getting the list of all existing databases in a server.
   * @param options The options parameters.
   */
  async beginDelete(resourceGroupName2, serverName3, databaseName2, options) {
    const directSendOperation = async (args, spec) => {
      return this.client.sendOperationRequest(args, spec);
    };
    const sendOperationFn = async (args, spec) => {
      let currentRawResponse = void 0;
      const providedCallback = args.options?.onResponse;
      const callback = (rawResponse, flatResponse2) => {
        currentRawResponse = rawResponse;
        providedCallback?.(rawResponse, flatResponse2);
      };
      const updatedArgs = {
        ...args,
        options: {
          ...args.options,
          onResponse: callback
        }
      };
      const flatResponse = await directSendOperation(updatedArgs, spec);
      return {
        flatResponse,
        rawResponse: {
          statusCode: currentRawResponse.status,
          body: currentRawResponse.parsedBody,
          headers: currentRawResponse.headers.toJSON()
        }
      };
    };
    const lro = createLroSpec({
      sendOperationFn,
      args: { resourceGroupName: resourceGroupName2, serverName: serverName3, databaseName: databaseName2, options },
      spec: deleteOperationSpec3
    });
    const poller = await createHttpPoller(lro, {
      restoreFrom: options?.resumeFrom,
      intervalInMs: options?.updateIntervalInMs,
      resourceLocationConfig: "location"
    });
    await poller.poll();
    return poller;
  }
  /**
   * Deletes an existing database.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param databaseName Name of the database (case-sensitive). Exact database names can be retrieved by
   *                     getting the list of all existing databases in a server.
   * @param options The options parameters.
   */
  async beginDeleteAndWait(resourceGroupName2, serverName3, databaseName2, options) {
    const poller = await this.beginDelete(resourceGroupName2, serverName3, databaseName2, options);
    return poller.pollUntilDone();
  }
  /**
   * Gets information about an existing database.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param databaseName Name of the database (case-sensitive). Exact database names can be retrieved by
   *                     getting the list of all existing databases in a server.
   * @param options The options parameters.
   */
  get(resourceGroupName2, serverName3, databaseName2, options) {
    return this.client.sendOperationRequest({ resourceGroupName: resourceGroupName2, serverName: serverName3, databaseName: databaseName2, options }, getOperationSpec5);
  }
  /**
   * Lists all databases in a server.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param options The options parameters.
   */
  _listByServer(resourceGroupName2, serverName3, options) {
    return this.client.sendOperationRequest({ resourceGroupName: resourceGroupName2, serverName: serverName3, options }, listByServerOperationSpec6);
  }
  /**
   * ListByServerNext
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param nextLink The nextLink from the previous successful call to the ListByServer method.
   * @param options The options parameters.
   */
  _listByServerNext(resourceGroupName2, serverName3, nextLink2, options) {
    return this.client.sendOperationRequest({ resourceGroupName: resourceGroupName2, serverName: serverName3, nextLink: nextLink2, options }, listByServerNextOperationSpec6);
  }
};
var serializer9 = createSerializer(
  mappers_exports,
  /* isXml */
  false
);
var createOperationSpec2 = {
  path: "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.DBforPostgreSQL/flexibleServers/{serverName}/databases/{databaseName}",
  httpMethod: "PUT",
  responses: {
    200: {
      bodyMapper: Database
    },
    201: {
      bodyMapper: Database
    },
    202: {
      bodyMapper: Database
    },
    204: {
      bodyMapper: Database
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  requestBody: parameters3,
  queryParameters: [apiVersion],
  urlParameters: [
    $host,
    subscriptionId,
    resourceGroupName,
    serverName,
    databaseName
  ],
  headerParameters: [contentType, accept],
  mediaType: "json",
  serializer: serializer9
};
var deleteOperationSpec3 = {
  path: "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.DBforPostgreSQL/flexibleServers/{serverName}/databases/{databaseName}",
  httpMethod: "DELETE",
  responses: {
    200: {
      headersMapper: DatabasesDeleteHeaders
    },
    201: {
      headersMapper: DatabasesDeleteHeaders
    },
    202: {
      headersMapper: DatabasesDeleteHeaders
    },
    204: {
      headersMapper: DatabasesDeleteHeaders
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  queryParameters: [apiVersion],
  urlParameters: [
    $host,
    subscriptionId,
    resourceGroupName,
    serverName,
    databaseName
  ],
  headerParameters: [accept],
  serializer: serializer9
};
var getOperationSpec5 = {
  path: "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.DBforPostgreSQL/flexibleServers/{serverName}/databases/{databaseName}",
  httpMethod: "GET",
  responses: {
    200: {
      bodyMapper: Database
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  queryParameters: [apiVersion],
  urlParameters: [
    $host,
    subscriptionId,
    resourceGroupName,
    serverName,
    databaseName
  ],
  headerParameters: [accept],
  serializer: serializer9
};
var listByServerOperationSpec6 = {
  path: "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.DBforPostgreSQL/flexibleServers/{serverName}/databases",
  httpMethod: "GET",
  responses: {
    200: {
      bodyMapper: DatabaseList
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  queryParameters: [apiVersion],
  urlParameters: [
    $host,
    subscriptionId,
    resourceGroupName,
    serverName
  ],
  headerParameters: [accept],
  serializer: serializer9
};
var listByServerNextOperationSpec6 = {
  path: "{nextLink}",
  httpMethod: "GET",
  responses: {
    200: {
      bodyMapper: DatabaseList
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  urlParameters: [
    $host,
    subscriptionId,
    resourceGroupName,
    serverName,
    nextLink
  ],
  headerParameters: [accept],
  serializer: serializer9
};

// node_modules/@azure/arm-postgresql-flexible/dist/esm/operations/firewallRules.js
var FirewallRulesImpl = class {
  client;
  /**
   * Initialize a new instance of the class FirewallRules class.
   * @param client Reference to the service client
   */
  constructor(client) {
    this.client = client;
  }
  /**
   * Lists information about all firewall rules in a server.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param options The options parameters.
   */
  listByServer(resourceGroupName2, serverName3, options) {
    const iter = this.listByServerPagingAll(resourceGroupName2, serverName3, options);
    return {
      next() {
        return iter.next();
      },
      [Symbol.asyncIterator]() {
        return this;
      },
      byPage: (settings) => {
        if (settings?.maxPageSize) {
          throw new Error("maxPageSize is not supported by this operation.");
        }
        return this.listByServerPagingPage(resourceGroupName2, serverName3, options, settings);
      }
    };
  }
  async *listByServerPagingPage(resourceGroupName2, serverName3, options, settings) {
    let result;
    let continuationToken = settings?.continuationToken;
    if (!continuationToken) {
      result = await this._listByServer(resourceGroupName2, serverName3, options);
      const page = result.value || [];
      continuationToken = result.nextLink;
      setContinuationToken(page, continuationToken);
      yield page;
    }
    while (continuationToken) {
      result = await this._listByServerNext(resourceGroupName2, serverName3, continuationToken, options);
      continuationToken = result.nextLink;
      const page = result.value || [];
      setContinuationToken(page, continuationToken);
      yield page;
    }
  }
  async *listByServerPagingAll(resourceGroupName2, serverName3, options) {
    for await (const page of this.listByServerPagingPage(resourceGroupName2, serverName3, options)) {
      yield* page;
    }
  }
  /**
   * Creates a new firewall rule or updates an existing firewall rule.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param firewallRuleName Name of the firewall rule.
   * @param parameters Parameters required for creating or updating a firewall rule.
   * @param options The options parameters.
   */
  async beginCreateOrUpdate(resourceGroupName2, serverName3, firewallRuleName2, parameters18, options) {
    const directSendOperation = async (args, spec) => {
      return this.client.sendOperationRequest(args, spec);
    };
    const sendOperationFn = async (args, spec) => {
      let currentRawResponse = void 0;
      const providedCallback = args.options?.onResponse;
      const callback = (rawResponse, flatResponse2) => {
        currentRawResponse = rawResponse;
        providedCallback?.(rawResponse, flatResponse2);
      };
      const updatedArgs = {
        ...args,
        options: {
          ...args.options,
          onResponse: callback
        }
      };
      const flatResponse = await directSendOperation(updatedArgs, spec);
      return {
        flatResponse,
        rawResponse: {
          statusCode: currentRawResponse.status,
          body: currentRawResponse.parsedBody,
          headers: currentRawResponse.headers.toJSON()
        }
      };
    };
    const lro = createLroSpec({
      sendOperationFn,
      args: {
        resourceGroupName: resourceGroupName2,
        serverName: serverName3,
        firewallRuleName: firewallRuleName2,
        parameters: parameters18,
        options
      },
      spec: createOrUpdateOperationSpec3
    });
    const poller = await createHttpPoller(lro, {
      restoreFrom: options?.resumeFrom,
      intervalInMs: options?.updateIntervalInMs,
      resourceLocationConfig: "azure-async-operation"
    });
    await poller.poll();
    return poller;
  }
  /**
   * Creates a new firewall rule or updates an existing firewall rule.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param firewallRuleName Name of the firewall rule.
   * @param parameters Parameters required for creating or updating a firewall rule.
   * @param options The options parameters.
   */
  async beginCreateOrUpdateAndWait(resourceGroupName2, serverName3, firewallRuleName2, parameters18, options) {
    const poller = await this.beginCreateOrUpdate(resourceGroupName2, serverName3, firewallRuleName2, parameters18, options);
    return poller.pollUntilDone();
  }
  /**
   * Deletes an existing firewall rule.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param firewallRuleName Name of the firewall rule.
   * @param options The options parameters.
   */
  async beginDelete(resourceGroupName2, serverName3, firewallRuleName2, options) {
    const directSendOperation = async (args, spec) => {
      return this.client.sendOperationRequest(args, spec);
    };
    const sendOperationFn = async (args, spec) => {
      let currentRawResponse = void 0;
      const providedCallback = args.options?.onResponse;
      const callback = (rawResponse, flatResponse2) => {
        currentRawResponse = rawResponse;
        providedCallback?.(rawResponse, flatResponse2);
      };
      const updatedArgs = {
        ...args,
        options: {
          ...args.options,
          onResponse: callback
        }
      };
      const flatResponse = await directSendOperation(updatedArgs, spec);
      return {
        flatResponse,
        rawResponse: {
          statusCode: currentRawResponse.status,
          body: currentRawResponse.parsedBody,
          headers: currentRawResponse.headers.toJSON()
        }
      };
    };
    const lro = createLroSpec({
      sendOperationFn,
      args: { resourceGroupName: resourceGroupName2, serverName: serverName3, firewallRuleName: firewallRuleName2, options },
      spec: deleteOperationSpec4
    });
    const poller = await createHttpPoller(lro, {
      restoreFrom: options?.resumeFrom,
      intervalInMs: options?.updateIntervalInMs,
      resourceLocationConfig: "location"
    });
    await poller.poll();
    return poller;
  }
  /**
   * Deletes an existing firewall rule.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param firewallRuleName Name of the firewall rule.
   * @param options The options parameters.
   */
  async beginDeleteAndWait(resourceGroupName2, serverName3, firewallRuleName2, options) {
    const poller = await this.beginDelete(resourceGroupName2, serverName3, firewallRuleName2, options);
    return poller.pollUntilDone();
  }
  /**
   * Gets information about a firewall rule in a server.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param firewallRuleName Name of the firewall rule.
   * @param options The options parameters.
   */
  get(resourceGroupName2, serverName3, firewallRuleName2, options) {
    return this.client.sendOperationRequest({ resourceGroupName: resourceGroupName2, serverName: serverName3, firewallRuleName: firewallRuleName2, options }, getOperationSpec6);
  }
  /**
   * Lists information about all firewall rules in a server.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param options The options parameters.
   */
  _listByServer(resourceGroupName2, serverName3, options) {
    return this.client.sendOperationRequest({ resourceGroupName: resourceGroupName2, serverName: serverName3, options }, listByServerOperationSpec7);
  }
  /**
   * ListByServerNext
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param nextLink The nextLink from the previous successful call to the ListByServer method.
   * @param options The options parameters.
   */
  _listByServerNext(resourceGroupName2, serverName3, nextLink2, options) {
    return this.client.sendOperationRequest({ resourceGroupName: resourceGroupName2, serverName: serverName3, nextLink: nextLink2, options }, listByServerNextOperationSpec7);
  }
};
var serializer10 = createSerializer(
  mappers_exports,
  /* isXml */
  false
);
var createOrUpdateOperationSpec3 = {
  path: "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.DBforPostgreSQL/flexibleServers/{serverName}/firewallRules/{firewallRuleName}",
  httpMethod: "PUT",
  responses: {
    200: {
      bodyMapper: FirewallRule
    },
    201: {
      bodyMapper: FirewallRule
    },
    202: {
      bodyMapper: FirewallRule
    },
    204: {
      bodyMapper: FirewallRule
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  requestBody: parameters4,
  queryParameters: [apiVersion],
  urlParameters: [
    $host,
    subscriptionId,
    resourceGroupName,
    serverName,
    firewallRuleName
  ],
  headerParameters: [contentType, accept],
  mediaType: "json",
  serializer: serializer10
};
var deleteOperationSpec4 = {
  path: "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.DBforPostgreSQL/flexibleServers/{serverName}/firewallRules/{firewallRuleName}",
  httpMethod: "DELETE",
  responses: {
    200: {
      headersMapper: FirewallRulesDeleteHeaders
    },
    201: {
      headersMapper: FirewallRulesDeleteHeaders
    },
    202: {
      headersMapper: FirewallRulesDeleteHeaders
    },
    204: {
      headersMapper: FirewallRulesDeleteHeaders
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  queryParameters: [apiVersion],
  urlParameters: [
    $host,
    subscriptionId,
    resourceGroupName,
    serverName,
    firewallRuleName
  ],
  headerParameters: [accept],
  serializer: serializer10
};
var getOperationSpec6 = {
  path: "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.DBforPostgreSQL/flexibleServers/{serverName}/firewallRules/{firewallRuleName}",
  httpMethod: "GET",
  responses: {
    200: {
      bodyMapper: FirewallRule
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  queryParameters: [apiVersion],
  urlParameters: [
    $host,
    subscriptionId,
    resourceGroupName,
    serverName,
    firewallRuleName
  ],
  headerParameters: [accept],
  serializer: serializer10
};
var listByServerOperationSpec7 = {
  path: "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.DBforPostgreSQL/flexibleServers/{serverName}/firewallRules",
  httpMethod: "GET",
  responses: {
    200: {
      bodyMapper: FirewallRuleList
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  queryParameters: [apiVersion],
  urlParameters: [
    $host,
    subscriptionId,
    resourceGroupName,
    serverName
  ],
  headerParameters: [accept],
  serializer: serializer10
};
var listByServerNextOperationSpec7 = {
  path: "{nextLink}",
  httpMethod: "GET",
  responses: {
    200: {
      bodyMapper: FirewallRuleList
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  urlParameters: [
    $host,
    subscriptionId,
    resourceGroupName,
    serverName,
    nextLink
  ],
  headerParameters: [accept],
  serializer: serializer10
};

// node_modules/@azure/arm-postgresql-flexible/dist/esm/operations/backupsLongTermRetention.js
var BackupsLongTermRetentionImpl = class {
  client;
  /**
   * Initialize a new instance of the class BackupsLongTermRetention class.
   * @param client Reference to the service client
   */
  constructor(client) {
    this.client = client;
  }
  /**
   * Lists the results of the long term retention backup operations for a server.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param options The options parameters.
   */
  listByServer(resourceGroupName2, serverName3, options) {
    const iter = this.listByServerPagingAll(resourceGroupName2, serverName3, options);
    return {
      next() {
        return iter.next();
      },
      [Symbol.asyncIterator]() {
        return this;
      },
      byPage: (settings) => {
        if (settings?.maxPageSize) {
          throw new Error("maxPageSize is not supported by this operation.");
        }
        return this.listByServerPagingPage(resourceGroupName2, serverName3, options, settings);
      }
    };
  }
  async *listByServerPagingPage(resourceGroupName2, serverName3, options, settings) {
    let result;
    let continuationToken = settings?.continuationToken;
    if (!continuationToken) {
      result = await this._listByServer(resourceGroupName2, serverName3, options);
      const page = result.value || [];
      continuationToken = result.nextLink;
      setContinuationToken(page, continuationToken);
      yield page;
    }
    while (continuationToken) {
      result = await this._listByServerNext(resourceGroupName2, serverName3, continuationToken, options);
      continuationToken = result.nextLink;
      const page = result.value || [];
      setContinuationToken(page, continuationToken);
      yield page;
    }
  }
  async *listByServerPagingAll(resourceGroupName2, serverName3, options) {
    for await (const page of this.listByServerPagingPage(resourceGroupName2, serverName3, options)) {
      yield* page;
    }
  }
  /**
   * Performs all checks required for a long term retention backup operation to succeed.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param parameters Request body for operation
   * @param options The options parameters.
   */
  checkPrerequisites(resourceGroupName2, serverName3, parameters18, options) {
    return this.client.sendOperationRequest({ resourceGroupName: resourceGroupName2, serverName: serverName3, parameters: parameters18, options }, checkPrerequisitesOperationSpec);
  }
  /**
   * Initiates a long term retention backup.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param parameters Request body for operation
   * @param options The options parameters.
   */
  async beginStart(resourceGroupName2, serverName3, parameters18, options) {
    const directSendOperation = async (args, spec) => {
      return this.client.sendOperationRequest(args, spec);
    };
    const sendOperationFn = async (args, spec) => {
      let currentRawResponse = void 0;
      const providedCallback = args.options?.onResponse;
      const callback = (rawResponse, flatResponse2) => {
        currentRawResponse = rawResponse;
        providedCallback?.(rawResponse, flatResponse2);
      };
      const updatedArgs = {
        ...args,
        options: {
          ...args.options,
          onResponse: callback
        }
      };
      const flatResponse = await directSendOperation(updatedArgs, spec);
      return {
        flatResponse,
        rawResponse: {
          statusCode: currentRawResponse.status,
          body: currentRawResponse.parsedBody,
          headers: currentRawResponse.headers.toJSON()
        }
      };
    };
    const lro = createLroSpec({
      sendOperationFn,
      args: { resourceGroupName: resourceGroupName2, serverName: serverName3, parameters: parameters18, options },
      spec: startOperationSpec
    });
    const poller = await createHttpPoller(lro, {
      restoreFrom: options?.resumeFrom,
      intervalInMs: options?.updateIntervalInMs,
      resourceLocationConfig: "location"
    });
    await poller.poll();
    return poller;
  }
  /**
   * Initiates a long term retention backup.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param parameters Request body for operation
   * @param options The options parameters.
   */
  async beginStartAndWait(resourceGroupName2, serverName3, parameters18, options) {
    const poller = await this.beginStart(resourceGroupName2, serverName3, parameters18, options);
    return poller.pollUntilDone();
  }
  /**
   * Gets the results of a long retention backup operation for a server.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param backupName The name of the backup.
   * @param options The options parameters.
   */
  get(resourceGroupName2, serverName3, backupName2, options) {
    return this.client.sendOperationRequest({ resourceGroupName: resourceGroupName2, serverName: serverName3, backupName: backupName2, options }, getOperationSpec7);
  }
  /**
   * Lists the results of the long term retention backup operations for a server.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param options The options parameters.
   */
  _listByServer(resourceGroupName2, serverName3, options) {
    return this.client.sendOperationRequest({ resourceGroupName: resourceGroupName2, serverName: serverName3, options }, listByServerOperationSpec8);
  }
  /**
   * ListByServerNext
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param nextLink The nextLink from the previous successful call to the ListByServer method.
   * @param options The options parameters.
   */
  _listByServerNext(resourceGroupName2, serverName3, nextLink2, options) {
    return this.client.sendOperationRequest({ resourceGroupName: resourceGroupName2, serverName: serverName3, nextLink: nextLink2, options }, listByServerNextOperationSpec8);
  }
};
var serializer11 = createSerializer(
  mappers_exports,
  /* isXml */
  false
);
var checkPrerequisitesOperationSpec = {
  path: "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.DBforPostgreSQL/flexibleServers/{serverName}/ltrPreBackup",
  httpMethod: "POST",
  responses: {
    200: {
      bodyMapper: LtrPreBackupResponse,
      headersMapper: BackupsLongTermRetentionCheckPrerequisitesHeaders
    },
    default: {
      bodyMapper: ErrorResponse,
      headersMapper: BackupsLongTermRetentionCheckPrerequisitesExceptionHeaders
    }
  },
  requestBody: parameters5,
  queryParameters: [apiVersion],
  urlParameters: [
    $host,
    subscriptionId,
    resourceGroupName,
    serverName
  ],
  headerParameters: [contentType, accept],
  mediaType: "json",
  serializer: serializer11
};
var startOperationSpec = {
  path: "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.DBforPostgreSQL/flexibleServers/{serverName}/startLtrBackup",
  httpMethod: "POST",
  responses: {
    200: {
      bodyMapper: BackupsLongTermRetentionResponse,
      headersMapper: BackupsLongTermRetentionStartHeaders
    },
    201: {
      bodyMapper: BackupsLongTermRetentionResponse,
      headersMapper: BackupsLongTermRetentionStartHeaders
    },
    202: {
      bodyMapper: BackupsLongTermRetentionResponse,
      headersMapper: BackupsLongTermRetentionStartHeaders
    },
    204: {
      bodyMapper: BackupsLongTermRetentionResponse,
      headersMapper: BackupsLongTermRetentionStartHeaders
    },
    default: {
      bodyMapper: ErrorResponse,
      headersMapper: BackupsLongTermRetentionStartExceptionHeaders
    }
  },
  requestBody: parameters6,
  queryParameters: [apiVersion],
  urlParameters: [
    $host,
    subscriptionId,
    resourceGroupName,
    serverName
  ],
  headerParameters: [contentType, accept],
  mediaType: "json",
  serializer: serializer11
};
var getOperationSpec7 = {
  path: "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.DBforPostgreSQL/flexibleServers/{serverName}/ltrBackupOperations/{backupName}",
  httpMethod: "GET",
  responses: {
    200: {
      bodyMapper: BackupsLongTermRetentionOperation
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  queryParameters: [apiVersion],
  urlParameters: [
    $host,
    subscriptionId,
    resourceGroupName,
    serverName,
    backupName1
  ],
  headerParameters: [accept],
  serializer: serializer11
};
var listByServerOperationSpec8 = {
  path: "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.DBforPostgreSQL/flexibleServers/{serverName}/ltrBackupOperations",
  httpMethod: "GET",
  responses: {
    200: {
      bodyMapper: LtrServerBackupOperationList
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  queryParameters: [apiVersion],
  urlParameters: [
    $host,
    subscriptionId,
    resourceGroupName,
    serverName
  ],
  headerParameters: [accept],
  serializer: serializer11
};
var listByServerNextOperationSpec8 = {
  path: "{nextLink}",
  httpMethod: "GET",
  responses: {
    200: {
      bodyMapper: LtrServerBackupOperationList
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  urlParameters: [
    $host,
    subscriptionId,
    resourceGroupName,
    serverName,
    nextLink
  ],
  headerParameters: [accept],
  serializer: serializer11
};

// node_modules/@azure/arm-postgresql-flexible/dist/esm/operations/migrations.js
var MigrationsImpl = class {
  client;
  /**
   * Initialize a new instance of the class Migrations class.
   * @param client Reference to the service client
   */
  constructor(client) {
    this.client = client;
  }
  /**
   * Lists all migrations of a target flexible server.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param options The options parameters.
   */
  listByTargetServer(resourceGroupName2, serverName3, options) {
    const iter = this.listByTargetServerPagingAll(resourceGroupName2, serverName3, options);
    return {
      next() {
        return iter.next();
      },
      [Symbol.asyncIterator]() {
        return this;
      },
      byPage: (settings) => {
        if (settings?.maxPageSize) {
          throw new Error("maxPageSize is not supported by this operation.");
        }
        return this.listByTargetServerPagingPage(resourceGroupName2, serverName3, options, settings);
      }
    };
  }
  async *listByTargetServerPagingPage(resourceGroupName2, serverName3, options, settings) {
    let result;
    let continuationToken = settings?.continuationToken;
    if (!continuationToken) {
      result = await this._listByTargetServer(resourceGroupName2, serverName3, options);
      const page = result.value || [];
      continuationToken = result.nextLink;
      setContinuationToken(page, continuationToken);
      yield page;
    }
    while (continuationToken) {
      result = await this._listByTargetServerNext(resourceGroupName2, serverName3, continuationToken, options);
      continuationToken = result.nextLink;
      const page = result.value || [];
      setContinuationToken(page, continuationToken);
      yield page;
    }
  }
  async *listByTargetServerPagingAll(resourceGroupName2, serverName3, options) {
    for await (const page of this.listByTargetServerPagingPage(resourceGroupName2, serverName3, options)) {
      yield* page;
    }
  }
  /**
   * Creates a new migration.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param migrationName Name of migration.
   * @param parameters Parameters required for creating a migration.
   * @param options The options parameters.
   */
  create(resourceGroupName2, serverName3, migrationName2, parameters18, options) {
    return this.client.sendOperationRequest({ resourceGroupName: resourceGroupName2, serverName: serverName3, migrationName: migrationName2, parameters: parameters18, options }, createOperationSpec3);
  }
  /**
   * Gets information about a migration.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param migrationName Name of migration.
   * @param options The options parameters.
   */
  get(resourceGroupName2, serverName3, migrationName2, options) {
    return this.client.sendOperationRequest({ resourceGroupName: resourceGroupName2, serverName: serverName3, migrationName: migrationName2, options }, getOperationSpec8);
  }
  /**
   * Updates an existing migration. The request body can contain one to many of the mutable properties
   * present in the migration definition. Certain property updates initiate migration state transitions.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param migrationName Name of migration.
   * @param parameters Parameters required to update an existing migration.
   * @param options The options parameters.
   */
  update(resourceGroupName2, serverName3, migrationName2, parameters18, options) {
    return this.client.sendOperationRequest({ resourceGroupName: resourceGroupName2, serverName: serverName3, migrationName: migrationName2, parameters: parameters18, options }, updateOperationSpec2);
  }
  /**
   * Cancels an active migration.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param migrationName Name of migration.
   * @param options The options parameters.
   */
  cancel(resourceGroupName2, serverName3, migrationName2, options) {
    return this.client.sendOperationRequest({ resourceGroupName: resourceGroupName2, serverName: serverName3, migrationName: migrationName2, options }, cancelOperationSpec);
  }
  /**
   * Lists all migrations of a target flexible server.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param options The options parameters.
   */
  _listByTargetServer(resourceGroupName2, serverName3, options) {
    return this.client.sendOperationRequest({ resourceGroupName: resourceGroupName2, serverName: serverName3, options }, listByTargetServerOperationSpec);
  }
  /**
   * Checks if a proposed migration name is valid and available.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param parameters Parameters required to check if a migration name is valid and available.
   * @param options The options parameters.
   */
  checkNameAvailability(resourceGroupName2, serverName3, parameters18, options) {
    return this.client.sendOperationRequest({ resourceGroupName: resourceGroupName2, serverName: serverName3, parameters: parameters18, options }, checkNameAvailabilityOperationSpec);
  }
  /**
   * ListByTargetServerNext
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param nextLink The nextLink from the previous successful call to the ListByTargetServer method.
   * @param options The options parameters.
   */
  _listByTargetServerNext(resourceGroupName2, serverName3, nextLink2, options) {
    return this.client.sendOperationRequest({ resourceGroupName: resourceGroupName2, serverName: serverName3, nextLink: nextLink2, options }, listByTargetServerNextOperationSpec);
  }
};
var serializer12 = createSerializer(
  mappers_exports,
  /* isXml */
  false
);
var createOperationSpec3 = {
  path: "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.DBforPostgreSQL/flexibleServers/{serverName}/migrations/{migrationName}",
  httpMethod: "PUT",
  responses: {
    200: {
      bodyMapper: Migration
    },
    201: {
      bodyMapper: Migration
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  requestBody: parameters7,
  queryParameters: [apiVersion],
  urlParameters: [
    $host,
    subscriptionId,
    resourceGroupName,
    serverName,
    migrationName
  ],
  headerParameters: [contentType, accept],
  mediaType: "json",
  serializer: serializer12
};
var getOperationSpec8 = {
  path: "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.DBforPostgreSQL/flexibleServers/{serverName}/migrations/{migrationName}",
  httpMethod: "GET",
  responses: {
    200: {
      bodyMapper: Migration
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  queryParameters: [apiVersion],
  urlParameters: [
    $host,
    subscriptionId,
    resourceGroupName,
    serverName,
    migrationName
  ],
  headerParameters: [accept],
  serializer: serializer12
};
var updateOperationSpec2 = {
  path: "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.DBforPostgreSQL/flexibleServers/{serverName}/migrations/{migrationName}",
  httpMethod: "PATCH",
  responses: {
    200: {
      bodyMapper: Migration
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  requestBody: parameters8,
  queryParameters: [apiVersion],
  urlParameters: [
    $host,
    subscriptionId,
    resourceGroupName,
    serverName,
    migrationName
  ],
  headerParameters: [contentType, accept],
  mediaType: "json",
  serializer: serializer12
};
var cancelOperationSpec = {
  path: "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.DBforPostgreSQL/flexibleServers/{serverName}/migrations/{migrationName}",
  httpMethod: "DELETE",
  responses: {
    200: {
      bodyMapper: Migration
    },
    204: {},
    default: {
      bodyMapper: ErrorResponse
    }
  },
  queryParameters: [apiVersion],
  urlParameters: [
    $host,
    subscriptionId,
    resourceGroupName,
    serverName,
    migrationName
  ],
  headerParameters: [accept],
  serializer: serializer12
};
var listByTargetServerOperationSpec = {
  path: "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.DBforPostgreSQL/flexibleServers/{serverName}/migrations",
  httpMethod: "GET",
  responses: {
    200: {
      bodyMapper: MigrationList
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  queryParameters: [apiVersion, migrationListFilter],
  urlParameters: [
    $host,
    subscriptionId,
    resourceGroupName,
    serverName
  ],
  headerParameters: [accept],
  serializer: serializer12
};
var checkNameAvailabilityOperationSpec = {
  path: "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.DBforPostgreSQL/flexibleServers/{serverName}/checkMigrationNameAvailability",
  httpMethod: "POST",
  responses: {
    200: {
      bodyMapper: MigrationNameAvailability
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  requestBody: parameters9,
  queryParameters: [apiVersion],
  urlParameters: [
    $host,
    subscriptionId,
    resourceGroupName,
    serverName
  ],
  headerParameters: [contentType, accept],
  mediaType: "json",
  serializer: serializer12
};
var listByTargetServerNextOperationSpec = {
  path: "{nextLink}",
  httpMethod: "GET",
  responses: {
    200: {
      bodyMapper: MigrationList
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  urlParameters: [
    $host,
    subscriptionId,
    resourceGroupName,
    serverName,
    nextLink
  ],
  headerParameters: [accept],
  serializer: serializer12
};

// node_modules/@azure/arm-postgresql-flexible/dist/esm/operations/nameAvailability.js
var NameAvailabilityImpl = class {
  client;
  /**
   * Initialize a new instance of the class NameAvailability class.
   * @param client Reference to the service client
   */
  constructor(client) {
    this.client = client;
  }
  /**
   * Checks the validity and availability of the given name, to assign it to a new server or to use it as
   * the base name of a new pair of virtual endpoints.
   * @param parameters Parameters required to check if a given name is valid and available to assign it
   *                   to a new server or to use it as the base name of a new pair of virtual endpoints.
   * @param options The options parameters.
   */
  checkGlobally(parameters18, options) {
    return this.client.sendOperationRequest({ parameters: parameters18, options }, checkGloballyOperationSpec);
  }
  /**
   * Check the availability of name for resource
   * @param locationName The name of the location.
   * @param parameters Parameters required to check if a given name is valid and available to assign it
   *                   to a new server or to use it as the base name of a new pair of virtual endpoints.
   * @param options The options parameters.
   */
  checkWithLocation(locationName2, parameters18, options) {
    return this.client.sendOperationRequest({ locationName: locationName2, parameters: parameters18, options }, checkWithLocationOperationSpec);
  }
};
var serializer13 = createSerializer(
  mappers_exports,
  /* isXml */
  false
);
var checkGloballyOperationSpec = {
  path: "/subscriptions/{subscriptionId}/providers/Microsoft.DBforPostgreSQL/checkNameAvailability",
  httpMethod: "POST",
  responses: {
    200: {
      bodyMapper: NameAvailabilityModel
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  requestBody: parameters10,
  queryParameters: [apiVersion],
  urlParameters: [$host, subscriptionId],
  headerParameters: [contentType, accept],
  mediaType: "json",
  serializer: serializer13
};
var checkWithLocationOperationSpec = {
  path: "/subscriptions/{subscriptionId}/providers/Microsoft.DBforPostgreSQL/locations/{locationName}/checkNameAvailability",
  httpMethod: "POST",
  responses: {
    200: {
      bodyMapper: NameAvailabilityModel
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  requestBody: parameters10,
  queryParameters: [apiVersion],
  urlParameters: [$host, subscriptionId, locationName],
  headerParameters: [contentType, accept],
  mediaType: "json",
  serializer: serializer13
};

// node_modules/@azure/arm-postgresql-flexible/dist/esm/operations/operations.js
var OperationsImpl = class {
  client;
  /**
   * Initialize a new instance of the class Operations class.
   * @param client Reference to the service client
   */
  constructor(client) {
    this.client = client;
  }
  /**
   * Lists all available REST API operations.
   * @param options The options parameters.
   */
  list(options) {
    const iter = this.listPagingAll(options);
    return {
      next() {
        return iter.next();
      },
      [Symbol.asyncIterator]() {
        return this;
      },
      byPage: (settings) => {
        if (settings?.maxPageSize) {
          throw new Error("maxPageSize is not supported by this operation.");
        }
        return this.listPagingPage(options, settings);
      }
    };
  }
  async *listPagingPage(options, settings) {
    let result;
    let continuationToken = settings?.continuationToken;
    if (!continuationToken) {
      result = await this._list(options);
      const page = result.value || [];
      continuationToken = result.nextLink;
      setContinuationToken(page, continuationToken);
      yield page;
    }
    while (continuationToken) {
      result = await this._listNext(continuationToken, options);
      continuationToken = result.nextLink;
      const page = result.value || [];
      setContinuationToken(page, continuationToken);
      yield page;
    }
  }
  async *listPagingAll(options) {
    for await (const page of this.listPagingPage(options)) {
      yield* page;
    }
  }
  /**
   * Lists all available REST API operations.
   * @param options The options parameters.
   */
  _list(options) {
    return this.client.sendOperationRequest({ options }, listOperationSpec3);
  }
  /**
   * ListNext
   * @param nextLink The nextLink from the previous successful call to the List method.
   * @param options The options parameters.
   */
  _listNext(nextLink2, options) {
    return this.client.sendOperationRequest({ nextLink: nextLink2, options }, listNextOperationSpec3);
  }
};
var serializer14 = createSerializer(
  mappers_exports,
  /* isXml */
  false
);
var listOperationSpec3 = {
  path: "/providers/Microsoft.DBforPostgreSQL/operations",
  httpMethod: "GET",
  responses: {
    200: {
      bodyMapper: OperationList
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  queryParameters: [apiVersion],
  urlParameters: [$host],
  headerParameters: [accept],
  serializer: serializer14
};
var listNextOperationSpec3 = {
  path: "{nextLink}",
  httpMethod: "GET",
  responses: {
    200: {
      bodyMapper: OperationList
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  urlParameters: [$host, nextLink],
  headerParameters: [accept],
  serializer: serializer14
};

// node_modules/@azure/arm-postgresql-flexible/dist/esm/operations/privateDnsZoneSuffix.js
var PrivateDnsZoneSuffixImpl = class {
  client;
  /**
   * Initialize a new instance of the class PrivateDnsZoneSuffix class.
   * @param client Reference to the service client
   */
  constructor(client) {
    this.client = client;
  }
  /**
   * Gets the private DNS zone suffix.
   * @param options The options parameters.
   */
  get(options) {
    return this.client.sendOperationRequest({ options }, getOperationSpec9);
  }
};
var serializer15 = createSerializer(
  mappers_exports,
  /* isXml */
  false
);
var getOperationSpec9 = {
  path: "/providers/Microsoft.DBforPostgreSQL/getPrivateDnsZoneSuffix",
  httpMethod: "POST",
  responses: {
    200: {
      bodyMapper: { type: { name: "String" } }
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  queryParameters: [apiVersion],
  urlParameters: [$host],
  headerParameters: [accept],
  serializer: serializer15
};

// node_modules/@azure/arm-postgresql-flexible/dist/esm/operations/privateEndpointConnections.js
var PrivateEndpointConnectionsImpl = class {
  client;
  /**
   * Initialize a new instance of the class PrivateEndpointConnections class.
   * @param client Reference to the service client
   */
  constructor(client) {
    this.client = client;
  }
  /**
   * Lists all private endpoint connections on a server.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param options The options parameters.
   */
  listByServer(resourceGroupName2, serverName3, options) {
    const iter = this.listByServerPagingAll(resourceGroupName2, serverName3, options);
    return {
      next() {
        return iter.next();
      },
      [Symbol.asyncIterator]() {
        return this;
      },
      byPage: (settings) => {
        if (settings?.maxPageSize) {
          throw new Error("maxPageSize is not supported by this operation.");
        }
        return this.listByServerPagingPage(resourceGroupName2, serverName3, options, settings);
      }
    };
  }
  async *listByServerPagingPage(resourceGroupName2, serverName3, options, settings) {
    let result;
    let continuationToken = settings?.continuationToken;
    if (!continuationToken) {
      result = await this._listByServer(resourceGroupName2, serverName3, options);
      const page = result.value || [];
      continuationToken = result.nextLink;
      setContinuationToken(page, continuationToken);
      yield page;
    }
    while (continuationToken) {
      result = await this._listByServerNext(resourceGroupName2, serverName3, continuationToken, options);
      continuationToken = result.nextLink;
      const page = result.value || [];
      setContinuationToken(page, continuationToken);
      yield page;
    }
  }
  async *listByServerPagingAll(resourceGroupName2, serverName3, options) {
    for await (const page of this.listByServerPagingPage(resourceGroupName2, serverName3, options)) {
      yield* page;
    }
  }
  /**
   * Gets a private endpoint connection.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param privateEndpointConnectionName The name of the private endpoint connection.
   * @param options The options parameters.
   */
  get(resourceGroupName2, serverName3, privateEndpointConnectionName2, options) {
    return this.client.sendOperationRequest({ resourceGroupName: resourceGroupName2, serverName: serverName3, privateEndpointConnectionName: privateEndpointConnectionName2, options }, getOperationSpec10);
  }
  /**
   * Approves or rejects a private endpoint connection.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param privateEndpointConnectionName The name of the private endpoint connection.
   * @param parameters Parameters required to update a private endpoint connection.
   * @param options The options parameters.
   */
  async beginUpdate(resourceGroupName2, serverName3, privateEndpointConnectionName2, parameters18, options) {
    const directSendOperation = async (args, spec) => {
      return this.client.sendOperationRequest(args, spec);
    };
    const sendOperationFn = async (args, spec) => {
      let currentRawResponse = void 0;
      const providedCallback = args.options?.onResponse;
      const callback = (rawResponse, flatResponse2) => {
        currentRawResponse = rawResponse;
        providedCallback?.(rawResponse, flatResponse2);
      };
      const updatedArgs = {
        ...args,
        options: {
          ...args.options,
          onResponse: callback
        }
      };
      const flatResponse = await directSendOperation(updatedArgs, spec);
      return {
        flatResponse,
        rawResponse: {
          statusCode: currentRawResponse.status,
          body: currentRawResponse.parsedBody,
          headers: currentRawResponse.headers.toJSON()
        }
      };
    };
    const lro = createLroSpec({
      sendOperationFn,
      args: {
        resourceGroupName: resourceGroupName2,
        serverName: serverName3,
        privateEndpointConnectionName: privateEndpointConnectionName2,
        parameters: parameters18,
        options
      },
      spec: updateOperationSpec3
    });
    const poller = await createHttpPoller(lro, {
      restoreFrom: options?.resumeFrom,
      intervalInMs: options?.updateIntervalInMs,
      resourceLocationConfig: "azure-async-operation"
    });
    await poller.poll();
    return poller;
  }
  /**
   * Approves or rejects a private endpoint connection.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param privateEndpointConnectionName The name of the private endpoint connection.
   * @param parameters Parameters required to update a private endpoint connection.
   * @param options The options parameters.
   */
  async beginUpdateAndWait(resourceGroupName2, serverName3, privateEndpointConnectionName2, parameters18, options) {
    const poller = await this.beginUpdate(resourceGroupName2, serverName3, privateEndpointConnectionName2, parameters18, options);
    return poller.pollUntilDone();
  }
  /**
   * Deletes a private endpoint connection.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param privateEndpointConnectionName The name of the private endpoint connection.
   * @param options The options parameters.
   */
  async beginDelete(resourceGroupName2, serverName3, privateEndpointConnectionName2, options) {
    const directSendOperation = async (args, spec) => {
      return this.client.sendOperationRequest(args, spec);
    };
    const sendOperationFn = async (args, spec) => {
      let currentRawResponse = void 0;
      const providedCallback = args.options?.onResponse;
      const callback = (rawResponse, flatResponse2) => {
        currentRawResponse = rawResponse;
        providedCallback?.(rawResponse, flatResponse2);
      };
      const updatedArgs = {
        ...args,
        options: {
          ...args.options,
          onResponse: callback
        }
      };
      const flatResponse = await directSendOperation(updatedArgs, spec);
      return {
        flatResponse,
        rawResponse: {
          statusCode: currentRawResponse.status,
          body: currentRawResponse.parsedBody,
          headers: currentRawResponse.headers.toJSON()
        }
      };
    };
    const lro = createLroSpec({
      sendOperationFn,
      args: {
        resourceGroupName: resourceGroupName2,
        serverName: serverName3,
        privateEndpointConnectionName: privateEndpointConnectionName2,
        options
      },
      spec: deleteOperationSpec5
    });
    const poller = await createHttpPoller(lro, {
      restoreFrom: options?.resumeFrom,
      intervalInMs: options?.updateIntervalInMs,
      resourceLocationConfig: "location"
    });
    await poller.poll();
    return poller;
  }
  /**
   * Deletes a private endpoint connection.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param privateEndpointConnectionName The name of the private endpoint connection.
   * @param options The options parameters.
   */
  async beginDeleteAndWait(resourceGroupName2, serverName3, privateEndpointConnectionName2, options) {
    const poller = await this.beginDelete(resourceGroupName2, serverName3, privateEndpointConnectionName2, options);
    return poller.pollUntilDone();
  }
  /**
   * Lists all private endpoint connections on a server.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param options The options parameters.
   */
  _listByServer(resourceGroupName2, serverName3, options) {
    return this.client.sendOperationRequest({ resourceGroupName: resourceGroupName2, serverName: serverName3, options }, listByServerOperationSpec9);
  }
  /**
   * ListByServerNext
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param nextLink The nextLink from the previous successful call to the ListByServer method.
   * @param options The options parameters.
   */
  _listByServerNext(resourceGroupName2, serverName3, nextLink2, options) {
    return this.client.sendOperationRequest({ resourceGroupName: resourceGroupName2, serverName: serverName3, nextLink: nextLink2, options }, listByServerNextOperationSpec9);
  }
};
var serializer16 = createSerializer(
  mappers_exports,
  /* isXml */
  false
);
var getOperationSpec10 = {
  path: "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.DBforPostgreSQL/flexibleServers/{serverName}/privateEndpointConnections/{privateEndpointConnectionName}",
  httpMethod: "GET",
  responses: {
    200: {
      bodyMapper: PrivateEndpointConnection
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  queryParameters: [apiVersion],
  urlParameters: [
    $host,
    subscriptionId,
    resourceGroupName,
    serverName,
    privateEndpointConnectionName
  ],
  headerParameters: [accept],
  serializer: serializer16
};
var updateOperationSpec3 = {
  path: "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.DBforPostgreSQL/flexibleServers/{serverName}/privateEndpointConnections/{privateEndpointConnectionName}",
  httpMethod: "PUT",
  responses: {
    200: {
      bodyMapper: PrivateEndpointConnection
    },
    201: {
      bodyMapper: PrivateEndpointConnection
    },
    202: {
      bodyMapper: PrivateEndpointConnection
    },
    204: {
      bodyMapper: PrivateEndpointConnection
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  requestBody: parameters11,
  queryParameters: [apiVersion],
  urlParameters: [
    $host,
    subscriptionId,
    resourceGroupName,
    serverName,
    privateEndpointConnectionName
  ],
  headerParameters: [contentType, accept],
  mediaType: "json",
  serializer: serializer16
};
var deleteOperationSpec5 = {
  path: "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.DBforPostgreSQL/flexibleServers/{serverName}/privateEndpointConnections/{privateEndpointConnectionName}",
  httpMethod: "DELETE",
  responses: {
    200: {
      headersMapper: PrivateEndpointConnectionsDeleteHeaders
    },
    201: {
      headersMapper: PrivateEndpointConnectionsDeleteHeaders
    },
    202: {
      headersMapper: PrivateEndpointConnectionsDeleteHeaders
    },
    204: {
      headersMapper: PrivateEndpointConnectionsDeleteHeaders
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  queryParameters: [apiVersion],
  urlParameters: [
    $host,
    subscriptionId,
    resourceGroupName,
    serverName,
    privateEndpointConnectionName
  ],
  headerParameters: [accept],
  serializer: serializer16
};
var listByServerOperationSpec9 = {
  path: "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.DBforPostgreSQL/flexibleServers/{serverName}/privateEndpointConnections",
  httpMethod: "GET",
  responses: {
    200: {
      bodyMapper: PrivateEndpointConnectionList
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  queryParameters: [apiVersion],
  urlParameters: [
    $host,
    subscriptionId,
    resourceGroupName,
    serverName
  ],
  headerParameters: [accept],
  serializer: serializer16
};
var listByServerNextOperationSpec9 = {
  path: "{nextLink}",
  httpMethod: "GET",
  responses: {
    200: {
      bodyMapper: PrivateEndpointConnectionList
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  urlParameters: [
    $host,
    subscriptionId,
    resourceGroupName,
    serverName,
    nextLink
  ],
  headerParameters: [accept],
  serializer: serializer16
};

// node_modules/@azure/arm-postgresql-flexible/dist/esm/operations/privateLinkResources.js
var PrivateLinkResourcesImpl = class {
  client;
  /**
   * Initialize a new instance of the class PrivateLinkResources class.
   * @param client Reference to the service client
   */
  constructor(client) {
    this.client = client;
  }
  /**
   * Gets the private link resources for PostgreSQL server.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param options The options parameters.
   */
  listByServer(resourceGroupName2, serverName3, options) {
    const iter = this.listByServerPagingAll(resourceGroupName2, serverName3, options);
    return {
      next() {
        return iter.next();
      },
      [Symbol.asyncIterator]() {
        return this;
      },
      byPage: (settings) => {
        if (settings?.maxPageSize) {
          throw new Error("maxPageSize is not supported by this operation.");
        }
        return this.listByServerPagingPage(resourceGroupName2, serverName3, options, settings);
      }
    };
  }
  async *listByServerPagingPage(resourceGroupName2, serverName3, options, settings) {
    let result;
    let continuationToken = settings?.continuationToken;
    if (!continuationToken) {
      result = await this._listByServer(resourceGroupName2, serverName3, options);
      const page = result.value || [];
      continuationToken = result.nextLink;
      setContinuationToken(page, continuationToken);
      yield page;
    }
    while (continuationToken) {
      result = await this._listByServerNext(resourceGroupName2, serverName3, continuationToken, options);
      continuationToken = result.nextLink;
      const page = result.value || [];
      setContinuationToken(page, continuationToken);
      yield page;
    }
  }
  async *listByServerPagingAll(resourceGroupName2, serverName3, options) {
    for await (const page of this.listByServerPagingPage(resourceGroupName2, serverName3, options)) {
      yield* page;
    }
  }
  /**
   * Gets the private link resources for PostgreSQL server.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param options The options parameters.
   */
  _listByServer(resourceGroupName2, serverName3, options) {
    return this.client.sendOperationRequest({ resourceGroupName: resourceGroupName2, serverName: serverName3, options }, listByServerOperationSpec10);
  }
  /**
   * Gets a private link resource for PostgreSQL server.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param groupName The name of the private link resource.
   * @param options The options parameters.
   */
  get(resourceGroupName2, serverName3, groupName2, options) {
    return this.client.sendOperationRequest({ resourceGroupName: resourceGroupName2, serverName: serverName3, groupName: groupName2, options }, getOperationSpec11);
  }
  /**
   * ListByServerNext
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param nextLink The nextLink from the previous successful call to the ListByServer method.
   * @param options The options parameters.
   */
  _listByServerNext(resourceGroupName2, serverName3, nextLink2, options) {
    return this.client.sendOperationRequest({ resourceGroupName: resourceGroupName2, serverName: serverName3, nextLink: nextLink2, options }, listByServerNextOperationSpec10);
  }
};
var serializer17 = createSerializer(
  mappers_exports,
  /* isXml */
  false
);
var listByServerOperationSpec10 = {
  path: "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.DBforPostgreSQL/flexibleServers/{serverName}/privateLinkResources",
  httpMethod: "GET",
  responses: {
    200: {
      bodyMapper: PrivateLinkResourceList
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  queryParameters: [apiVersion],
  urlParameters: [
    $host,
    subscriptionId,
    resourceGroupName,
    serverName
  ],
  headerParameters: [accept],
  serializer: serializer17
};
var getOperationSpec11 = {
  path: "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.DBforPostgreSQL/flexibleServers/{serverName}/privateLinkResources/{groupName}",
  httpMethod: "GET",
  responses: {
    200: {
      bodyMapper: PrivateLinkResource
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  queryParameters: [apiVersion],
  urlParameters: [
    $host,
    subscriptionId,
    resourceGroupName,
    serverName,
    groupName
  ],
  headerParameters: [accept],
  serializer: serializer17
};
var listByServerNextOperationSpec10 = {
  path: "{nextLink}",
  httpMethod: "GET",
  responses: {
    200: {
      bodyMapper: PrivateLinkResourceList
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  urlParameters: [
    $host,
    subscriptionId,
    resourceGroupName,
    serverName,
    nextLink
  ],
  headerParameters: [accept],
  serializer: serializer17
};

// node_modules/@azure/arm-postgresql-flexible/dist/esm/operations/quotaUsages.js
var QuotaUsagesImpl = class {
  client;
  /**
   * Initialize a new instance of the class QuotaUsages class.
   * @param client Reference to the service client
   */
  constructor(client) {
    this.client = client;
  }
  /**
   * Get quota usages at specified location in a given subscription.
   * @param locationName The name of the location.
   * @param options The options parameters.
   */
  list(locationName2, options) {
    const iter = this.listPagingAll(locationName2, options);
    return {
      next() {
        return iter.next();
      },
      [Symbol.asyncIterator]() {
        return this;
      },
      byPage: (settings) => {
        if (settings?.maxPageSize) {
          throw new Error("maxPageSize is not supported by this operation.");
        }
        return this.listPagingPage(locationName2, options, settings);
      }
    };
  }
  async *listPagingPage(locationName2, options, settings) {
    let result;
    let continuationToken = settings?.continuationToken;
    if (!continuationToken) {
      result = await this._list(locationName2, options);
      const page = result.value || [];
      continuationToken = result.nextLink;
      setContinuationToken(page, continuationToken);
      yield page;
    }
    while (continuationToken) {
      result = await this._listNext(locationName2, continuationToken, options);
      continuationToken = result.nextLink;
      const page = result.value || [];
      setContinuationToken(page, continuationToken);
      yield page;
    }
  }
  async *listPagingAll(locationName2, options) {
    for await (const page of this.listPagingPage(locationName2, options)) {
      yield* page;
    }
  }
  /**
   * Get quota usages at specified location in a given subscription.
   * @param locationName The name of the location.
   * @param options The options parameters.
   */
  _list(locationName2, options) {
    return this.client.sendOperationRequest({ locationName: locationName2, options }, listOperationSpec4);
  }
  /**
   * ListNext
   * @param locationName The name of the location.
   * @param nextLink The nextLink from the previous successful call to the List method.
   * @param options The options parameters.
   */
  _listNext(locationName2, nextLink2, options) {
    return this.client.sendOperationRequest({ locationName: locationName2, nextLink: nextLink2, options }, listNextOperationSpec4);
  }
};
var serializer18 = createSerializer(
  mappers_exports,
  /* isXml */
  false
);
var listOperationSpec4 = {
  path: "/subscriptions/{subscriptionId}/providers/Microsoft.DBforPostgreSQL/locations/{locationName}/resourceType/flexibleServers/usages",
  httpMethod: "GET",
  responses: {
    200: {
      bodyMapper: QuotaUsageList
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  queryParameters: [apiVersion],
  urlParameters: [$host, subscriptionId, locationName],
  headerParameters: [accept],
  serializer: serializer18
};
var listNextOperationSpec4 = {
  path: "{nextLink}",
  httpMethod: "GET",
  responses: {
    200: {
      bodyMapper: QuotaUsageList
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  urlParameters: [
    $host,
    subscriptionId,
    nextLink,
    locationName
  ],
  headerParameters: [accept],
  serializer: serializer18
};

// node_modules/@azure/arm-postgresql-flexible/dist/esm/operations/replicas.js
var ReplicasImpl = class {
  client;
  /**
   * Initialize a new instance of the class Replicas class.
   * @param client Reference to the service client
   */
  constructor(client) {
    this.client = client;
  }
  /**
   * Lists all read replicas of a server.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param options The options parameters.
   */
  listByServer(resourceGroupName2, serverName3, options) {
    const iter = this.listByServerPagingAll(resourceGroupName2, serverName3, options);
    return {
      next() {
        return iter.next();
      },
      [Symbol.asyncIterator]() {
        return this;
      },
      byPage: (settings) => {
        if (settings?.maxPageSize) {
          throw new Error("maxPageSize is not supported by this operation.");
        }
        return this.listByServerPagingPage(resourceGroupName2, serverName3, options, settings);
      }
    };
  }
  async *listByServerPagingPage(resourceGroupName2, serverName3, options, _settings) {
    let result;
    result = await this._listByServer(resourceGroupName2, serverName3, options);
    yield result.value || [];
  }
  async *listByServerPagingAll(resourceGroupName2, serverName3, options) {
    for await (const page of this.listByServerPagingPage(resourceGroupName2, serverName3, options)) {
      yield* page;
    }
  }
  /**
   * Lists all read replicas of a server.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param options The options parameters.
   */
  _listByServer(resourceGroupName2, serverName3, options) {
    return this.client.sendOperationRequest({ resourceGroupName: resourceGroupName2, serverName: serverName3, options }, listByServerOperationSpec11);
  }
};
var serializer19 = createSerializer(
  mappers_exports,
  /* isXml */
  false
);
var listByServerOperationSpec11 = {
  path: "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.DBforPostgreSQL/flexibleServers/{serverName}/replicas",
  httpMethod: "GET",
  responses: {
    200: {
      bodyMapper: ServerList
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  queryParameters: [apiVersion],
  urlParameters: [
    $host,
    subscriptionId,
    resourceGroupName,
    serverName
  ],
  headerParameters: [accept],
  serializer: serializer19
};

// node_modules/@azure/arm-postgresql-flexible/dist/esm/operations/servers.js
var ServersImpl = class {
  client;
  /**
   * Initialize a new instance of the class Servers class.
   * @param client Reference to the service client
   */
  constructor(client) {
    this.client = client;
  }
  /**
   * Lists all servers in a resource group.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param options The options parameters.
   */
  listByResourceGroup(resourceGroupName2, options) {
    const iter = this.listByResourceGroupPagingAll(resourceGroupName2, options);
    return {
      next() {
        return iter.next();
      },
      [Symbol.asyncIterator]() {
        return this;
      },
      byPage: (settings) => {
        if (settings?.maxPageSize) {
          throw new Error("maxPageSize is not supported by this operation.");
        }
        return this.listByResourceGroupPagingPage(resourceGroupName2, options, settings);
      }
    };
  }
  async *listByResourceGroupPagingPage(resourceGroupName2, options, settings) {
    let result;
    let continuationToken = settings?.continuationToken;
    if (!continuationToken) {
      result = await this._listByResourceGroup(resourceGroupName2, options);
      const page = result.value || [];
      continuationToken = result.nextLink;
      setContinuationToken(page, continuationToken);
      yield page;
    }
    while (continuationToken) {
      result = await this._listByResourceGroupNext(resourceGroupName2, continuationToken, options);
      continuationToken = result.nextLink;
      const page = result.value || [];
      setContinuationToken(page, continuationToken);
      yield page;
    }
  }
  async *listByResourceGroupPagingAll(resourceGroupName2, options) {
    for await (const page of this.listByResourceGroupPagingPage(resourceGroupName2, options)) {
      yield* page;
    }
  }
  /**
   * Lists all servers in a subscription.
   * @param options The options parameters.
   */
  listBySubscription(options) {
    const iter = this.listBySubscriptionPagingAll(options);
    return {
      next() {
        return iter.next();
      },
      [Symbol.asyncIterator]() {
        return this;
      },
      byPage: (settings) => {
        if (settings?.maxPageSize) {
          throw new Error("maxPageSize is not supported by this operation.");
        }
        return this.listBySubscriptionPagingPage(options, settings);
      }
    };
  }
  async *listBySubscriptionPagingPage(options, settings) {
    let result;
    let continuationToken = settings?.continuationToken;
    if (!continuationToken) {
      result = await this._listBySubscription(options);
      const page = result.value || [];
      continuationToken = result.nextLink;
      setContinuationToken(page, continuationToken);
      yield page;
    }
    while (continuationToken) {
      result = await this._listBySubscriptionNext(continuationToken, options);
      continuationToken = result.nextLink;
      const page = result.value || [];
      setContinuationToken(page, continuationToken);
      yield page;
    }
  }
  async *listBySubscriptionPagingAll(options) {
    for await (const page of this.listBySubscriptionPagingPage(options)) {
      yield* page;
    }
  }
  /**
   * Creates a new server.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param parameters Parameters required to create a new server or to update an existing server.
   * @param options The options parameters.
   */
  async beginCreateOrUpdate(resourceGroupName2, serverName3, parameters18, options) {
    const directSendOperation = async (args, spec) => {
      return this.client.sendOperationRequest(args, spec);
    };
    const sendOperationFn = async (args, spec) => {
      let currentRawResponse = void 0;
      const providedCallback = args.options?.onResponse;
      const callback = (rawResponse, flatResponse2) => {
        currentRawResponse = rawResponse;
        providedCallback?.(rawResponse, flatResponse2);
      };
      const updatedArgs = {
        ...args,
        options: {
          ...args.options,
          onResponse: callback
        }
      };
      const flatResponse = await directSendOperation(updatedArgs, spec);
      return {
        flatResponse,
        rawResponse: {
          statusCode: currentRawResponse.status,
          body: currentRawResponse.parsedBody,
          headers: currentRawResponse.headers.toJSON()
        }
      };
    };
    const lro = createLroSpec({
      sendOperationFn,
      args: { resourceGroupName: resourceGroupName2, serverName: serverName3, parameters: parameters18, options },
      spec: createOrUpdateOperationSpec4
    });
    const poller = await createHttpPoller(lro, {
      restoreFrom: options?.resumeFrom,
      intervalInMs: options?.updateIntervalInMs,
      resourceLocationConfig: "azure-async-operation"
    });
    await poller.poll();
    return poller;
  }
  /**
   * Creates a new server.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param parameters Parameters required to create a new server or to update an existing server.
   * @param options The options parameters.
   */
  async beginCreateOrUpdateAndWait(resourceGroupName2, serverName3, parameters18, options) {
    const poller = await this.beginCreateOrUpdate(resourceGroupName2, serverName3, parameters18, options);
    return poller.pollUntilDone();
  }
  /**
   * Updates an existing server. The request body can contain one or multiple of the properties present
   * in the normal server definition.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param parameters Parameters required to update a server.
   * @param options The options parameters.
   */
  async beginUpdate(resourceGroupName2, serverName3, parameters18, options) {
    const directSendOperation = async (args, spec) => {
      return this.client.sendOperationRequest(args, spec);
    };
    const sendOperationFn = async (args, spec) => {
      let currentRawResponse = void 0;
      const providedCallback = args.options?.onResponse;
      const callback = (rawResponse, flatResponse2) => {
        currentRawResponse = rawResponse;
        providedCallback?.(rawResponse, flatResponse2);
      };
      const updatedArgs = {
        ...args,
        options: {
          ...args.options,
          onResponse: callback
        }
      };
      const flatResponse = await directSendOperation(updatedArgs, spec);
      return {
        flatResponse,
        rawResponse: {
          statusCode: currentRawResponse.status,
          body: currentRawResponse.parsedBody,
          headers: currentRawResponse.headers.toJSON()
        }
      };
    };
    const lro = createLroSpec({
      sendOperationFn,
      args: { resourceGroupName: resourceGroupName2, serverName: serverName3, parameters: parameters18, options },
      spec: updateOperationSpec4
    });
    const poller = await createHttpPoller(lro, {
      restoreFrom: options?.resumeFrom,
      intervalInMs: options?.updateIntervalInMs,
      resourceLocationConfig: "azure-async-operation"
    });
    await poller.poll();
    return poller;
  }
  /**
   * Updates an existing server. The request body can contain one or multiple of the properties present
   * in the normal server definition.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param parameters Parameters required to update a server.
   * @param options The options parameters.
   */
  async beginUpdateAndWait(resourceGroupName2, serverName3, parameters18, options) {
    const poller = await this.beginUpdate(resourceGroupName2, serverName3, parameters18, options);
    return poller.pollUntilDone();
  }
  /**
   * Deletes or drops an existing server.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param options The options parameters.
   */
  async beginDelete(resourceGroupName2, serverName3, options) {
    const directSendOperation = async (args, spec) => {
      return this.client.sendOperationRequest(args, spec);
    };
    const sendOperationFn = async (args, spec) => {
      let currentRawResponse = void 0;
      const providedCallback = args.options?.onResponse;
      const callback = (rawResponse, flatResponse2) => {
        currentRawResponse = rawResponse;
        providedCallback?.(rawResponse, flatResponse2);
      };
      const updatedArgs = {
        ...args,
        options: {
          ...args.options,
          onResponse: callback
        }
      };
      const flatResponse = await directSendOperation(updatedArgs, spec);
      return {
        flatResponse,
        rawResponse: {
          statusCode: currentRawResponse.status,
          body: currentRawResponse.parsedBody,
          headers: currentRawResponse.headers.toJSON()
        }
      };
    };
    const lro = createLroSpec({
      sendOperationFn,
      args: { resourceGroupName: resourceGroupName2, serverName: serverName3, options },
      spec: deleteOperationSpec6
    });
    const poller = await createHttpPoller(lro, {
      restoreFrom: options?.resumeFrom,
      intervalInMs: options?.updateIntervalInMs,
      resourceLocationConfig: "location"
    });
    await poller.poll();
    return poller;
  }
  /**
   * Deletes or drops an existing server.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param options The options parameters.
   */
  async beginDeleteAndWait(resourceGroupName2, serverName3, options) {
    const poller = await this.beginDelete(resourceGroupName2, serverName3, options);
    return poller.pollUntilDone();
  }
  /**
   * Gets information about an existing server.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param options The options parameters.
   */
  get(resourceGroupName2, serverName3, options) {
    return this.client.sendOperationRequest({ resourceGroupName: resourceGroupName2, serverName: serverName3, options }, getOperationSpec12);
  }
  /**
   * Lists all servers in a resource group.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param options The options parameters.
   */
  _listByResourceGroup(resourceGroupName2, options) {
    return this.client.sendOperationRequest({ resourceGroupName: resourceGroupName2, options }, listByResourceGroupOperationSpec);
  }
  /**
   * Lists all servers in a subscription.
   * @param options The options parameters.
   */
  _listBySubscription(options) {
    return this.client.sendOperationRequest({ options }, listBySubscriptionOperationSpec);
  }
  /**
   * Restarts PostgreSQL database engine in a server.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param options The options parameters.
   */
  async beginRestart(resourceGroupName2, serverName3, options) {
    const directSendOperation = async (args, spec) => {
      return this.client.sendOperationRequest(args, spec);
    };
    const sendOperationFn = async (args, spec) => {
      let currentRawResponse = void 0;
      const providedCallback = args.options?.onResponse;
      const callback = (rawResponse, flatResponse2) => {
        currentRawResponse = rawResponse;
        providedCallback?.(rawResponse, flatResponse2);
      };
      const updatedArgs = {
        ...args,
        options: {
          ...args.options,
          onResponse: callback
        }
      };
      const flatResponse = await directSendOperation(updatedArgs, spec);
      return {
        flatResponse,
        rawResponse: {
          statusCode: currentRawResponse.status,
          body: currentRawResponse.parsedBody,
          headers: currentRawResponse.headers.toJSON()
        }
      };
    };
    const lro = createLroSpec({
      sendOperationFn,
      args: { resourceGroupName: resourceGroupName2, serverName: serverName3, options },
      spec: restartOperationSpec
    });
    const poller = await createHttpPoller(lro, {
      restoreFrom: options?.resumeFrom,
      intervalInMs: options?.updateIntervalInMs,
      resourceLocationConfig: "location"
    });
    await poller.poll();
    return poller;
  }
  /**
   * Restarts PostgreSQL database engine in a server.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param options The options parameters.
   */
  async beginRestartAndWait(resourceGroupName2, serverName3, options) {
    const poller = await this.beginRestart(resourceGroupName2, serverName3, options);
    return poller.pollUntilDone();
  }
  /**
   * Starts a stopped server.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param options The options parameters.
   */
  async beginStart(resourceGroupName2, serverName3, options) {
    const directSendOperation = async (args, spec) => {
      return this.client.sendOperationRequest(args, spec);
    };
    const sendOperationFn = async (args, spec) => {
      let currentRawResponse = void 0;
      const providedCallback = args.options?.onResponse;
      const callback = (rawResponse, flatResponse2) => {
        currentRawResponse = rawResponse;
        providedCallback?.(rawResponse, flatResponse2);
      };
      const updatedArgs = {
        ...args,
        options: {
          ...args.options,
          onResponse: callback
        }
      };
      const flatResponse = await directSendOperation(updatedArgs, spec);
      return {
        flatResponse,
        rawResponse: {
          statusCode: currentRawResponse.status,
          body: currentRawResponse.parsedBody,
          headers: currentRawResponse.headers.toJSON()
        }
      };
    };
    const lro = createLroSpec({
      sendOperationFn,
      args: { resourceGroupName: resourceGroupName2, serverName: serverName3, options },
      spec: startOperationSpec2
    });
    const poller = await createHttpPoller(lro, {
      restoreFrom: options?.resumeFrom,
      intervalInMs: options?.updateIntervalInMs,
      resourceLocationConfig: "location"
    });
    await poller.poll();
    return poller;
  }
  /**
   * Starts a stopped server.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param options The options parameters.
   */
  async beginStartAndWait(resourceGroupName2, serverName3, options) {
    const poller = await this.beginStart(resourceGroupName2, serverName3, options);
    return poller.pollUntilDone();
  }
  /**
   * Stops a server.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param options The options parameters.
   */
  async beginStop(resourceGroupName2, serverName3, options) {
    const directSendOperation = async (args, spec) => {
      return this.client.sendOperationRequest(args, spec);
    };
    const sendOperationFn = async (args, spec) => {
      let currentRawResponse = void 0;
      const providedCallback = args.options?.onResponse;
      const callback = (rawResponse, flatResponse2) => {
        currentRawResponse = rawResponse;
        providedCallback?.(rawResponse, flatResponse2);
      };
      const updatedArgs = {
        ...args,
        options: {
          ...args.options,
          onResponse: callback
        }
      };
      const flatResponse = await directSendOperation(updatedArgs, spec);
      return {
        flatResponse,
        rawResponse: {
          statusCode: currentRawResponse.status,
          body: currentRawResponse.parsedBody,
          headers: currentRawResponse.headers.toJSON()
        }
      };
    };
    const lro = createLroSpec({
      sendOperationFn,
      args: { resourceGroupName: resourceGroupName2, serverName: serverName3, options },
      spec: stopOperationSpec
    });
    const poller = await createHttpPoller(lro, {
      restoreFrom: options?.resumeFrom,
      intervalInMs: options?.updateIntervalInMs,
      resourceLocationConfig: "location"
    });
    await poller.poll();
    return poller;
  }
  /**
   * Stops a server.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param options The options parameters.
   */
  async beginStopAndWait(resourceGroupName2, serverName3, options) {
    const poller = await this.beginStop(resourceGroupName2, serverName3, options);
    return poller.pollUntilDone();
  }
  /**
   * ListByResourceGroupNext
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param nextLink The nextLink from the previous successful call to the ListByResourceGroup method.
   * @param options The options parameters.
   */
  _listByResourceGroupNext(resourceGroupName2, nextLink2, options) {
    return this.client.sendOperationRequest({ resourceGroupName: resourceGroupName2, nextLink: nextLink2, options }, listByResourceGroupNextOperationSpec);
  }
  /**
   * ListBySubscriptionNext
   * @param nextLink The nextLink from the previous successful call to the ListBySubscription method.
   * @param options The options parameters.
   */
  _listBySubscriptionNext(nextLink2, options) {
    return this.client.sendOperationRequest({ nextLink: nextLink2, options }, listBySubscriptionNextOperationSpec);
  }
};
var serializer20 = createSerializer(
  mappers_exports,
  /* isXml */
  false
);
var createOrUpdateOperationSpec4 = {
  path: "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.DBforPostgreSQL/flexibleServers/{serverName}",
  httpMethod: "PUT",
  responses: {
    200: {
      bodyMapper: Server
    },
    201: {
      bodyMapper: Server
    },
    202: {
      bodyMapper: Server
    },
    204: {
      bodyMapper: Server
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  requestBody: parameters12,
  queryParameters: [apiVersion],
  urlParameters: [
    $host,
    subscriptionId,
    resourceGroupName,
    serverName
  ],
  headerParameters: [contentType, accept],
  mediaType: "json",
  serializer: serializer20
};
var updateOperationSpec4 = {
  path: "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.DBforPostgreSQL/flexibleServers/{serverName}",
  httpMethod: "PATCH",
  responses: {
    200: {
      bodyMapper: Server
    },
    201: {
      bodyMapper: Server
    },
    202: {
      bodyMapper: Server
    },
    204: {
      bodyMapper: Server
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  requestBody: parameters13,
  queryParameters: [apiVersion],
  urlParameters: [
    $host,
    subscriptionId,
    resourceGroupName,
    serverName
  ],
  headerParameters: [contentType, accept],
  mediaType: "json",
  serializer: serializer20
};
var deleteOperationSpec6 = {
  path: "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.DBforPostgreSQL/flexibleServers/{serverName}",
  httpMethod: "DELETE",
  responses: {
    200: {
      headersMapper: ServersDeleteHeaders
    },
    201: {
      headersMapper: ServersDeleteHeaders
    },
    202: {
      headersMapper: ServersDeleteHeaders
    },
    204: {
      headersMapper: ServersDeleteHeaders
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  queryParameters: [apiVersion],
  urlParameters: [
    $host,
    subscriptionId,
    resourceGroupName,
    serverName
  ],
  headerParameters: [accept],
  serializer: serializer20
};
var getOperationSpec12 = {
  path: "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.DBforPostgreSQL/flexibleServers/{serverName}",
  httpMethod: "GET",
  responses: {
    200: {
      bodyMapper: Server
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  queryParameters: [apiVersion],
  urlParameters: [
    $host,
    subscriptionId,
    resourceGroupName,
    serverName
  ],
  headerParameters: [accept],
  serializer: serializer20
};
var listByResourceGroupOperationSpec = {
  path: "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.DBforPostgreSQL/flexibleServers",
  httpMethod: "GET",
  responses: {
    200: {
      bodyMapper: ServerList
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  queryParameters: [apiVersion],
  urlParameters: [$host, subscriptionId, resourceGroupName],
  headerParameters: [accept],
  serializer: serializer20
};
var listBySubscriptionOperationSpec = {
  path: "/subscriptions/{subscriptionId}/providers/Microsoft.DBforPostgreSQL/flexibleServers",
  httpMethod: "GET",
  responses: {
    200: {
      bodyMapper: ServerList
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  queryParameters: [apiVersion],
  urlParameters: [$host, subscriptionId],
  headerParameters: [accept],
  serializer: serializer20
};
var restartOperationSpec = {
  path: "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.DBforPostgreSQL/flexibleServers/{serverName}/restart",
  httpMethod: "POST",
  responses: {
    200: {
      headersMapper: ServersRestartHeaders
    },
    201: {
      headersMapper: ServersRestartHeaders
    },
    202: {
      headersMapper: ServersRestartHeaders
    },
    204: {
      headersMapper: ServersRestartHeaders
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  requestBody: parameters14,
  queryParameters: [apiVersion],
  urlParameters: [
    $host,
    subscriptionId,
    resourceGroupName,
    serverName
  ],
  headerParameters: [contentType, accept],
  mediaType: "json",
  serializer: serializer20
};
var startOperationSpec2 = {
  path: "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.DBforPostgreSQL/flexibleServers/{serverName}/start",
  httpMethod: "POST",
  responses: {
    200: {
      headersMapper: ServersStartHeaders
    },
    201: {
      headersMapper: ServersStartHeaders
    },
    202: {
      headersMapper: ServersStartHeaders
    },
    204: {
      headersMapper: ServersStartHeaders
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  queryParameters: [apiVersion],
  urlParameters: [
    $host,
    subscriptionId,
    resourceGroupName,
    serverName
  ],
  headerParameters: [accept],
  serializer: serializer20
};
var stopOperationSpec = {
  path: "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.DBforPostgreSQL/flexibleServers/{serverName}/stop",
  httpMethod: "POST",
  responses: {
    200: {
      headersMapper: ServersStopHeaders
    },
    201: {
      headersMapper: ServersStopHeaders
    },
    202: {
      headersMapper: ServersStopHeaders
    },
    204: {
      headersMapper: ServersStopHeaders
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  queryParameters: [apiVersion],
  urlParameters: [
    $host,
    subscriptionId,
    resourceGroupName,
    serverName
  ],
  headerParameters: [accept],
  serializer: serializer20
};
var listByResourceGroupNextOperationSpec = {
  path: "{nextLink}",
  httpMethod: "GET",
  responses: {
    200: {
      bodyMapper: ServerList
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  urlParameters: [
    $host,
    subscriptionId,
    resourceGroupName,
    nextLink
  ],
  headerParameters: [accept],
  serializer: serializer20
};
var listBySubscriptionNextOperationSpec = {
  path: "{nextLink}",
  httpMethod: "GET",
  responses: {
    200: {
      bodyMapper: ServerList
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  urlParameters: [$host, subscriptionId, nextLink],
  headerParameters: [accept],
  serializer: serializer20
};

// node_modules/@azure/arm-postgresql-flexible/dist/esm/operations/tuningOptionsOperations.js
var TuningOptionsOperationsImpl = class {
  client;
  /**
   * Initialize a new instance of the class TuningOptionsOperations class.
   * @param client Reference to the service client
   */
  constructor(client) {
    this.client = client;
  }
  /**
   * Lists available object recommendations.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param tuningOption The name of the tuning option.
   * @param options The options parameters.
   */
  listRecommendations(resourceGroupName2, serverName3, tuningOption2, options) {
    const iter = this.listRecommendationsPagingAll(resourceGroupName2, serverName3, tuningOption2, options);
    return {
      next() {
        return iter.next();
      },
      [Symbol.asyncIterator]() {
        return this;
      },
      byPage: (settings) => {
        if (settings?.maxPageSize) {
          throw new Error("maxPageSize is not supported by this operation.");
        }
        return this.listRecommendationsPagingPage(resourceGroupName2, serverName3, tuningOption2, options, settings);
      }
    };
  }
  async *listRecommendationsPagingPage(resourceGroupName2, serverName3, tuningOption2, options, settings) {
    let result;
    let continuationToken = settings?.continuationToken;
    if (!continuationToken) {
      result = await this._listRecommendations(resourceGroupName2, serverName3, tuningOption2, options);
      const page = result.value || [];
      continuationToken = result.nextLink;
      setContinuationToken(page, continuationToken);
      yield page;
    }
    while (continuationToken) {
      result = await this._listRecommendationsNext(resourceGroupName2, serverName3, tuningOption2, continuationToken, options);
      continuationToken = result.nextLink;
      const page = result.value || [];
      setContinuationToken(page, continuationToken);
      yield page;
    }
  }
  async *listRecommendationsPagingAll(resourceGroupName2, serverName3, tuningOption2, options) {
    for await (const page of this.listRecommendationsPagingPage(resourceGroupName2, serverName3, tuningOption2, options)) {
      yield* page;
    }
  }
  /**
   * Lists the tuning options of a server.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param options The options parameters.
   */
  listByServer(resourceGroupName2, serverName3, options) {
    const iter = this.listByServerPagingAll(resourceGroupName2, serverName3, options);
    return {
      next() {
        return iter.next();
      },
      [Symbol.asyncIterator]() {
        return this;
      },
      byPage: (settings) => {
        if (settings?.maxPageSize) {
          throw new Error("maxPageSize is not supported by this operation.");
        }
        return this.listByServerPagingPage(resourceGroupName2, serverName3, options, settings);
      }
    };
  }
  async *listByServerPagingPage(resourceGroupName2, serverName3, options, settings) {
    let result;
    let continuationToken = settings?.continuationToken;
    if (!continuationToken) {
      result = await this._listByServer(resourceGroupName2, serverName3, options);
      const page = result.value || [];
      continuationToken = result.nextLink;
      setContinuationToken(page, continuationToken);
      yield page;
    }
    while (continuationToken) {
      result = await this._listByServerNext(resourceGroupName2, serverName3, continuationToken, options);
      continuationToken = result.nextLink;
      const page = result.value || [];
      setContinuationToken(page, continuationToken);
      yield page;
    }
  }
  async *listByServerPagingAll(resourceGroupName2, serverName3, options) {
    for await (const page of this.listByServerPagingPage(resourceGroupName2, serverName3, options)) {
      yield* page;
    }
  }
  /**
   * Gets the tuning options of a server.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param tuningOption The name of the tuning option.
   * @param options The options parameters.
   */
  get(resourceGroupName2, serverName3, tuningOption2, options) {
    return this.client.sendOperationRequest({ resourceGroupName: resourceGroupName2, serverName: serverName3, tuningOption: tuningOption2, options }, getOperationSpec13);
  }
  /**
   * Lists available object recommendations.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param tuningOption The name of the tuning option.
   * @param options The options parameters.
   */
  _listRecommendations(resourceGroupName2, serverName3, tuningOption2, options) {
    return this.client.sendOperationRequest({ resourceGroupName: resourceGroupName2, serverName: serverName3, tuningOption: tuningOption2, options }, listRecommendationsOperationSpec);
  }
  /**
   * Lists the tuning options of a server.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param options The options parameters.
   */
  _listByServer(resourceGroupName2, serverName3, options) {
    return this.client.sendOperationRequest({ resourceGroupName: resourceGroupName2, serverName: serverName3, options }, listByServerOperationSpec12);
  }
  /**
   * ListRecommendationsNext
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param tuningOption The name of the tuning option.
   * @param nextLink The nextLink from the previous successful call to the ListRecommendations method.
   * @param options The options parameters.
   */
  _listRecommendationsNext(resourceGroupName2, serverName3, tuningOption2, nextLink2, options) {
    return this.client.sendOperationRequest({ resourceGroupName: resourceGroupName2, serverName: serverName3, tuningOption: tuningOption2, nextLink: nextLink2, options }, listRecommendationsNextOperationSpec);
  }
  /**
   * ListByServerNext
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param nextLink The nextLink from the previous successful call to the ListByServer method.
   * @param options The options parameters.
   */
  _listByServerNext(resourceGroupName2, serverName3, nextLink2, options) {
    return this.client.sendOperationRequest({ resourceGroupName: resourceGroupName2, serverName: serverName3, nextLink: nextLink2, options }, listByServerNextOperationSpec11);
  }
};
var serializer21 = createSerializer(
  mappers_exports,
  /* isXml */
  false
);
var getOperationSpec13 = {
  path: "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.DBforPostgreSQL/flexibleServers/{serverName}/tuningOptions/{tuningOption}",
  httpMethod: "GET",
  responses: {
    200: {
      bodyMapper: TuningOptions
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  queryParameters: [apiVersion],
  urlParameters: [
    $host,
    subscriptionId,
    resourceGroupName,
    serverName,
    tuningOption
  ],
  headerParameters: [accept],
  serializer: serializer21
};
var listRecommendationsOperationSpec = {
  path: "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.DBforPostgreSQL/flexibleServers/{serverName}/tuningOptions/{tuningOption}/recommendations",
  httpMethod: "GET",
  responses: {
    200: {
      bodyMapper: ObjectRecommendationList
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  queryParameters: [apiVersion, recommendationType],
  urlParameters: [
    $host,
    subscriptionId,
    resourceGroupName,
    serverName,
    tuningOption
  ],
  headerParameters: [accept],
  serializer: serializer21
};
var listByServerOperationSpec12 = {
  path: "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.DBforPostgreSQL/flexibleServers/{serverName}/tuningOptions",
  httpMethod: "GET",
  responses: {
    200: {
      bodyMapper: TuningOptionsList
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  queryParameters: [apiVersion],
  urlParameters: [
    $host,
    subscriptionId,
    resourceGroupName,
    serverName
  ],
  headerParameters: [accept],
  serializer: serializer21
};
var listRecommendationsNextOperationSpec = {
  path: "{nextLink}",
  httpMethod: "GET",
  responses: {
    200: {
      bodyMapper: ObjectRecommendationList
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  urlParameters: [
    $host,
    subscriptionId,
    resourceGroupName,
    serverName,
    nextLink,
    tuningOption
  ],
  headerParameters: [accept],
  serializer: serializer21
};
var listByServerNextOperationSpec11 = {
  path: "{nextLink}",
  httpMethod: "GET",
  responses: {
    200: {
      bodyMapper: TuningOptionsList
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  urlParameters: [
    $host,
    subscriptionId,
    resourceGroupName,
    serverName,
    nextLink
  ],
  headerParameters: [accept],
  serializer: serializer21
};

// node_modules/@azure/arm-postgresql-flexible/dist/esm/operations/virtualEndpoints.js
var VirtualEndpointsImpl = class {
  client;
  /**
   * Initialize a new instance of the class VirtualEndpoints class.
   * @param client Reference to the service client
   */
  constructor(client) {
    this.client = client;
  }
  /**
   * Lists pair of virtual endpoints associated to a server.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param options The options parameters.
   */
  listByServer(resourceGroupName2, serverName3, options) {
    const iter = this.listByServerPagingAll(resourceGroupName2, serverName3, options);
    return {
      next() {
        return iter.next();
      },
      [Symbol.asyncIterator]() {
        return this;
      },
      byPage: (settings) => {
        if (settings?.maxPageSize) {
          throw new Error("maxPageSize is not supported by this operation.");
        }
        return this.listByServerPagingPage(resourceGroupName2, serverName3, options, settings);
      }
    };
  }
  async *listByServerPagingPage(resourceGroupName2, serverName3, options, settings) {
    let result;
    let continuationToken = settings?.continuationToken;
    if (!continuationToken) {
      result = await this._listByServer(resourceGroupName2, serverName3, options);
      const page = result.value || [];
      continuationToken = result.nextLink;
      setContinuationToken(page, continuationToken);
      yield page;
    }
    while (continuationToken) {
      result = await this._listByServerNext(resourceGroupName2, serverName3, continuationToken, options);
      continuationToken = result.nextLink;
      const page = result.value || [];
      setContinuationToken(page, continuationToken);
      yield page;
    }
  }
  async *listByServerPagingAll(resourceGroupName2, serverName3, options) {
    for await (const page of this.listByServerPagingPage(resourceGroupName2, serverName3, options)) {
      yield* page;
    }
  }
  /**
   * Creates a pair of virtual endpoints for a server.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param virtualEndpointName Base name of the virtual endpoints.
   * @param parameters Parameters required to create or update a pair of virtual endpoints.
   * @param options The options parameters.
   */
  async beginCreate(resourceGroupName2, serverName3, virtualEndpointName2, parameters18, options) {
    const directSendOperation = async (args, spec) => {
      return this.client.sendOperationRequest(args, spec);
    };
    const sendOperationFn = async (args, spec) => {
      let currentRawResponse = void 0;
      const providedCallback = args.options?.onResponse;
      const callback = (rawResponse, flatResponse2) => {
        currentRawResponse = rawResponse;
        providedCallback?.(rawResponse, flatResponse2);
      };
      const updatedArgs = {
        ...args,
        options: {
          ...args.options,
          onResponse: callback
        }
      };
      const flatResponse = await directSendOperation(updatedArgs, spec);
      return {
        flatResponse,
        rawResponse: {
          statusCode: currentRawResponse.status,
          body: currentRawResponse.parsedBody,
          headers: currentRawResponse.headers.toJSON()
        }
      };
    };
    const lro = createLroSpec({
      sendOperationFn,
      args: {
        resourceGroupName: resourceGroupName2,
        serverName: serverName3,
        virtualEndpointName: virtualEndpointName2,
        parameters: parameters18,
        options
      },
      spec: createOperationSpec4
    });
    const poller = await createHttpPoller(lro, {
      restoreFrom: options?.resumeFrom,
      intervalInMs: options?.updateIntervalInMs,
      resourceLocationConfig: "azure-async-operation"
    });
    await poller.poll();
    return poller;
  }
  /**
   * Creates a pair of virtual endpoints for a server.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param virtualEndpointName Base name of the virtual endpoints.
   * @param parameters Parameters required to create or update a pair of virtual endpoints.
   * @param options The options parameters.
   */
  async beginCreateAndWait(resourceGroupName2, serverName3, virtualEndpointName2, parameters18, options) {
    const poller = await this.beginCreate(resourceGroupName2, serverName3, virtualEndpointName2, parameters18, options);
    return poller.pollUntilDone();
  }
  /**
   * Updates a pair of virtual endpoints for a server.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param virtualEndpointName Base name of the virtual endpoints.
   * @param parameters Parameters required to update a pair of virtual endpoints.
   * @param options The options parameters.
   */
  async beginUpdate(resourceGroupName2, serverName3, virtualEndpointName2, parameters18, options) {
    const directSendOperation = async (args, spec) => {
      return this.client.sendOperationRequest(args, spec);
    };
    const sendOperationFn = async (args, spec) => {
      let currentRawResponse = void 0;
      const providedCallback = args.options?.onResponse;
      const callback = (rawResponse, flatResponse2) => {
        currentRawResponse = rawResponse;
        providedCallback?.(rawResponse, flatResponse2);
      };
      const updatedArgs = {
        ...args,
        options: {
          ...args.options,
          onResponse: callback
        }
      };
      const flatResponse = await directSendOperation(updatedArgs, spec);
      return {
        flatResponse,
        rawResponse: {
          statusCode: currentRawResponse.status,
          body: currentRawResponse.parsedBody,
          headers: currentRawResponse.headers.toJSON()
        }
      };
    };
    const lro = createLroSpec({
      sendOperationFn,
      args: {
        resourceGroupName: resourceGroupName2,
        serverName: serverName3,
        virtualEndpointName: virtualEndpointName2,
        parameters: parameters18,
        options
      },
      spec: updateOperationSpec5
    });
    const poller = await createHttpPoller(lro, {
      restoreFrom: options?.resumeFrom,
      intervalInMs: options?.updateIntervalInMs,
      resourceLocationConfig: "azure-async-operation"
    });
    await poller.poll();
    return poller;
  }
  /**
   * Updates a pair of virtual endpoints for a server.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param virtualEndpointName Base name of the virtual endpoints.
   * @param parameters Parameters required to update a pair of virtual endpoints.
   * @param options The options parameters.
   */
  async beginUpdateAndWait(resourceGroupName2, serverName3, virtualEndpointName2, parameters18, options) {
    const poller = await this.beginUpdate(resourceGroupName2, serverName3, virtualEndpointName2, parameters18, options);
    return poller.pollUntilDone();
  }
  /**
   * Deletes a pair of virtual endpoints.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param virtualEndpointName Base name of the virtual endpoints.
   * @param options The options parameters.
   */
  async beginDelete(resourceGroupName2, serverName3, virtualEndpointName2, options) {
    const directSendOperation = async (args, spec) => {
      return this.client.sendOperationRequest(args, spec);
    };
    const sendOperationFn = async (args, spec) => {
      let currentRawResponse = void 0;
      const providedCallback = args.options?.onResponse;
      const callback = (rawResponse, flatResponse2) => {
        currentRawResponse = rawResponse;
        providedCallback?.(rawResponse, flatResponse2);
      };
      const updatedArgs = {
        ...args,
        options: {
          ...args.options,
          onResponse: callback
        }
      };
      const flatResponse = await directSendOperation(updatedArgs, spec);
      return {
        flatResponse,
        rawResponse: {
          statusCode: currentRawResponse.status,
          body: currentRawResponse.parsedBody,
          headers: currentRawResponse.headers.toJSON()
        }
      };
    };
    const lro = createLroSpec({
      sendOperationFn,
      args: { resourceGroupName: resourceGroupName2, serverName: serverName3, virtualEndpointName: virtualEndpointName2, options },
      spec: deleteOperationSpec7
    });
    const poller = await createHttpPoller(lro, {
      restoreFrom: options?.resumeFrom,
      intervalInMs: options?.updateIntervalInMs,
      resourceLocationConfig: "location"
    });
    await poller.poll();
    return poller;
  }
  /**
   * Deletes a pair of virtual endpoints.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param virtualEndpointName Base name of the virtual endpoints.
   * @param options The options parameters.
   */
  async beginDeleteAndWait(resourceGroupName2, serverName3, virtualEndpointName2, options) {
    const poller = await this.beginDelete(resourceGroupName2, serverName3, virtualEndpointName2, options);
    return poller.pollUntilDone();
  }
  /**
   * Gets information about a pair of virtual endpoints.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param virtualEndpointName Base name of the virtual endpoints.
   * @param options The options parameters.
   */
  get(resourceGroupName2, serverName3, virtualEndpointName2, options) {
    return this.client.sendOperationRequest({ resourceGroupName: resourceGroupName2, serverName: serverName3, virtualEndpointName: virtualEndpointName2, options }, getOperationSpec14);
  }
  /**
   * Lists pair of virtual endpoints associated to a server.
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param options The options parameters.
   */
  _listByServer(resourceGroupName2, serverName3, options) {
    return this.client.sendOperationRequest({ resourceGroupName: resourceGroupName2, serverName: serverName3, options }, listByServerOperationSpec13);
  }
  /**
   * ListByServerNext
   * @param resourceGroupName The name of the resource group. The name is case insensitive.
   * @param serverName The name of the server.
   * @param nextLink The nextLink from the previous successful call to the ListByServer method.
   * @param options The options parameters.
   */
  _listByServerNext(resourceGroupName2, serverName3, nextLink2, options) {
    return this.client.sendOperationRequest({ resourceGroupName: resourceGroupName2, serverName: serverName3, nextLink: nextLink2, options }, listByServerNextOperationSpec12);
  }
};
var serializer22 = createSerializer(
  mappers_exports,
  /* isXml */
  false
);
var createOperationSpec4 = {
  path: "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.DBforPostgreSQL/flexibleServers/{serverName}/virtualendpoints/{virtualEndpointName}",
  httpMethod: "PUT",
  responses: {
    200: {
      bodyMapper: VirtualEndpoint
    },
    201: {
      bodyMapper: VirtualEndpoint
    },
    202: {
      bodyMapper: VirtualEndpoint
    },
    204: {
      bodyMapper: VirtualEndpoint
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  requestBody: parameters15,
  queryParameters: [apiVersion],
  urlParameters: [
    $host,
    subscriptionId,
    resourceGroupName,
    serverName,
    virtualEndpointName
  ],
  headerParameters: [contentType, accept],
  mediaType: "json",
  serializer: serializer22
};
var updateOperationSpec5 = {
  path: "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.DBforPostgreSQL/flexibleServers/{serverName}/virtualendpoints/{virtualEndpointName}",
  httpMethod: "PATCH",
  responses: {
    200: {
      bodyMapper: VirtualEndpoint
    },
    201: {
      bodyMapper: VirtualEndpoint
    },
    202: {
      bodyMapper: VirtualEndpoint
    },
    204: {
      bodyMapper: VirtualEndpoint
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  requestBody: parameters16,
  queryParameters: [apiVersion],
  urlParameters: [
    $host,
    subscriptionId,
    resourceGroupName,
    serverName,
    virtualEndpointName
  ],
  headerParameters: [contentType, accept],
  mediaType: "json",
  serializer: serializer22
};
var deleteOperationSpec7 = {
  path: "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.DBforPostgreSQL/flexibleServers/{serverName}/virtualendpoints/{virtualEndpointName}",
  httpMethod: "DELETE",
  responses: {
    200: {
      headersMapper: VirtualEndpointsDeleteHeaders
    },
    201: {
      headersMapper: VirtualEndpointsDeleteHeaders
    },
    202: {
      headersMapper: VirtualEndpointsDeleteHeaders
    },
    204: {
      headersMapper: VirtualEndpointsDeleteHeaders
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  queryParameters: [apiVersion],
  urlParameters: [
    $host,
    subscriptionId,
    resourceGroupName,
    serverName,
    virtualEndpointName
  ],
  headerParameters: [accept],
  serializer: serializer22
};
var getOperationSpec14 = {
  path: "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.DBforPostgreSQL/flexibleServers/{serverName}/virtualendpoints/{virtualEndpointName}",
  httpMethod: "GET",
  responses: {
    200: {
      bodyMapper: VirtualEndpoint
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  queryParameters: [apiVersion],
  urlParameters: [
    $host,
    subscriptionId,
    resourceGroupName,
    serverName,
    virtualEndpointName
  ],
  headerParameters: [accept],
  serializer: serializer22
};
var listByServerOperationSpec13 = {
  path: "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.DBforPostgreSQL/flexibleServers/{serverName}/virtualendpoints",
  httpMethod: "GET",
  responses: {
    200: {
      bodyMapper: VirtualEndpointsList
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  queryParameters: [apiVersion],
  urlParameters: [
    $host,
    subscriptionId,
    resourceGroupName,
    serverName
  ],
  headerParameters: [accept],
  serializer: serializer22
};
var listByServerNextOperationSpec12 = {
  path: "{nextLink}",
  httpMethod: "GET",
  responses: {
    200: {
      bodyMapper: VirtualEndpointsList
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  urlParameters: [
    $host,
    subscriptionId,
    resourceGroupName,
    serverName,
    nextLink
  ],
  headerParameters: [accept],
  serializer: serializer22
};

// node_modules/@azure/arm-postgresql-flexible/dist/esm/operations/virtualNetworkSubnetUsage.js
var VirtualNetworkSubnetUsageImpl = class {
  client;
  /**
   * Initialize a new instance of the class VirtualNetworkSubnetUsage class.
   * @param client Reference to the service client
   */
  constructor(client) {
    this.client = client;
  }
  /**
   * Lists the virtual network subnet usage for a given virtual network.
   * @param locationName The name of the location.
   * @param parameters The required parameters for creating or updating a server.
   * @param options The options parameters.
   */
  list(locationName2, parameters18, options) {
    return this.client.sendOperationRequest({ locationName: locationName2, parameters: parameters18, options }, listOperationSpec5);
  }
};
var serializer23 = createSerializer(
  mappers_exports,
  /* isXml */
  false
);
var listOperationSpec5 = {
  path: "/subscriptions/{subscriptionId}/providers/Microsoft.DBforPostgreSQL/locations/{locationName}/checkVirtualNetworkSubnetUsage",
  httpMethod: "POST",
  responses: {
    200: {
      bodyMapper: VirtualNetworkSubnetUsageModel
    },
    default: {
      bodyMapper: ErrorResponse
    }
  },
  requestBody: parameters17,
  queryParameters: [apiVersion],
  urlParameters: [$host, subscriptionId, locationName],
  headerParameters: [contentType, accept],
  mediaType: "json",
  serializer: serializer23
};

// node_modules/@azure/arm-postgresql-flexible/dist/esm/postgreSQLManagementFlexibleServerClient.js
var PostgreSQLManagementFlexibleServerClient = class extends ServiceClient {
  $host;
  subscriptionId;
  apiVersion;
  constructor(credentials, subscriptionIdOrOptions, options) {
    if (credentials === void 0) {
      throw new Error("'credentials' cannot be null");
    }
    let subscriptionId2;
    if (typeof subscriptionIdOrOptions === "string") {
      subscriptionId2 = subscriptionIdOrOptions;
    } else if (typeof subscriptionIdOrOptions === "object") {
      options = subscriptionIdOrOptions;
    }
    if (!options) {
      options = {};
    }
    const defaults = {
      requestContentType: "application/json; charset=utf-8",
      credential: credentials
    };
    const packageDetails = `azsdk-js-arm-postgresql-flexible/9.0.0`;
    const userAgentPrefix = options.userAgentOptions && options.userAgentOptions.userAgentPrefix ? `${options.userAgentOptions.userAgentPrefix} ${packageDetails}` : `${packageDetails}`;
    const optionsWithDefaults = {
      ...defaults,
      ...options,
      userAgentOptions: {
        userAgentPrefix
      },
      endpoint: options.endpoint ?? options.baseUri ?? "https://management.azure.com"
    };
    super(optionsWithDefaults);
    let bearerTokenAuthenticationPolicyFound = false;
    if (options?.pipeline && options.pipeline.getOrderedPolicies().length > 0) {
      const pipelinePolicies = options.pipeline.getOrderedPolicies();
      bearerTokenAuthenticationPolicyFound = pipelinePolicies.some((pipelinePolicy) => pipelinePolicy.name === bearerTokenAuthenticationPolicyName);
    }
    if (!options || !options.pipeline || options.pipeline.getOrderedPolicies().length == 0 || !bearerTokenAuthenticationPolicyFound) {
      this.pipeline.removePolicy({
        name: bearerTokenAuthenticationPolicyName
      });
      this.pipeline.addPolicy(bearerTokenAuthenticationPolicy({
        credential: credentials,
        scopes: optionsWithDefaults.credentialScopes ?? `${optionsWithDefaults.endpoint}/.default`,
        challengeCallbacks: {
          authorizeRequestOnChallenge: authorizeRequestOnClaimChallenge
        }
      }));
    }
    this.subscriptionId = subscriptionId2;
    this.$host = options.$host || "https://management.azure.com";
    this.apiVersion = options.apiVersion || "2025-08-01";
    this.administratorsMicrosoftEntra = new AdministratorsMicrosoftEntraImpl(this);
    this.advancedThreatProtectionSettings = new AdvancedThreatProtectionSettingsImpl(this);
    this.serverThreatProtectionSettings = new ServerThreatProtectionSettingsImpl(this);
    this.backupsAutomaticAndOnDemand = new BackupsAutomaticAndOnDemandImpl(this);
    this.capabilitiesByLocation = new CapabilitiesByLocationImpl(this);
    this.capabilitiesByServer = new CapabilitiesByServerImpl(this);
    this.capturedLogs = new CapturedLogsImpl(this);
    this.configurations = new ConfigurationsImpl(this);
    this.databases = new DatabasesImpl(this);
    this.firewallRules = new FirewallRulesImpl(this);
    this.backupsLongTermRetention = new BackupsLongTermRetentionImpl(this);
    this.migrations = new MigrationsImpl(this);
    this.nameAvailability = new NameAvailabilityImpl(this);
    this.operations = new OperationsImpl(this);
    this.privateDnsZoneSuffix = new PrivateDnsZoneSuffixImpl(this);
    this.privateEndpointConnections = new PrivateEndpointConnectionsImpl(this);
    this.privateLinkResources = new PrivateLinkResourcesImpl(this);
    this.quotaUsages = new QuotaUsagesImpl(this);
    this.replicas = new ReplicasImpl(this);
    this.servers = new ServersImpl(this);
    this.tuningOptionsOperations = new TuningOptionsOperationsImpl(this);
    this.virtualEndpoints = new VirtualEndpointsImpl(this);
    this.virtualNetworkSubnetUsage = new VirtualNetworkSubnetUsageImpl(this);
    this.addCustomApiVersionPolicy(options.apiVersion);
  }
  /** A function that adds a policy that sets the api-version (or equivalent) to reflect the library version. */
  addCustomApiVersionPolicy(apiVersion2) {
    if (!apiVersion2) {
      return;
    }
    const apiVersionPolicy = {
      name: "CustomApiVersionPolicy",
      async sendRequest(request, next) {
        const param = request.url.split("?");
        if (param.length > 1) {
          const newParams = param[1].split("&").map((item) => {
            if (item.indexOf("api-version") > -1) {
              return "api-version=" + apiVersion2;
            } else {
              return item;
            }
          });
          request.url = param[0] + "?" + newParams.join("&");
        }
        return next(request);
      }
    };
    this.pipeline.addPolicy(apiVersionPolicy);
  }
  administratorsMicrosoftEntra;
  advancedThreatProtectionSettings;
  serverThreatProtectionSettings;
  backupsAutomaticAndOnDemand;
  capabilitiesByLocation;
  capabilitiesByServer;
  capturedLogs;
  configurations;
  databases;
  firewallRules;
  backupsLongTermRetention;
  migrations;
  nameAvailability;
  operations;
  privateDnsZoneSuffix;
  privateEndpointConnections;
  privateLinkResources;
  quotaUsages;
  replicas;
  servers;
  tuningOptionsOperations;
  virtualEndpoints;
  virtualNetworkSubnetUsage;
};

// packages/pitr/src/client.ts
function hasRetryAfter(response) {
  return ["retry-after", "retry-after-ms", "x-ms-retry-after-ms"].some(
    (h) => response.headers.has(h)
  );
}
function throttleWithoutRetryAfterPolicy(log, retries, baseDelayMs) {
  return {
    name: "rollbackThrottleWithoutRetryAfter",
    async sendRequest(request, next) {
      for (let attempt = 0; ; attempt++) {
        const response = await next(request);
        if (response.status !== 429 || hasRetryAfter(response) || attempt >= retries)
          return response;
        const delay = Math.round(
          baseDelayMs * 2 ** attempt * (0.8 + Math.random() * 0.4)
        );
        log.info(
          `Azure Resource Manager throttled ${request.method} (429, no Retry-After); retry ${attempt + 1}/${retries} in ${(delay / 1e3).toFixed(1)} s`
        );
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  };
}
function createFlexibleServerClient(options, env = process.env) {
  const endpoint = (options.endpoint || env[PITR.armEndpointEnv] || PITR.armEndpoint).replace(/\/+$/, "");
  let url;
  try {
    url = new URL(endpoint);
  } catch {
    throw new ConfigurationError(
      `the Azure Resource Manager endpoint "${endpoint}" is not a URL: unset ${PITR.armEndpointEnv} or set it to https://management.azure.com`
    );
  }
  if (url.protocol !== "https:")
    throw new ConfigurationError(
      `the Azure Resource Manager endpoint "${endpoint}" must use https (bearer tokens are never sent over http)`
    );
  const policy = options.policy ?? DEFAULT_RETRY_POLICY;
  const pipeline = azurePipelineOptions(
    policy,
    options.log,
    "Azure Resource Manager"
  );
  return new PostgreSQLManagementFlexibleServerClient(
    options.credential,
    options.subscriptionId,
    {
      endpoint,
      credentialScopes: [PITR.armScope],
      retryOptions: {
        ...pipeline.retryOptions,
        ...options.maxRetries !== void 0 ? { maxRetries: options.maxRetries } : {}
      },
      ...options.caPem ? { tlsOptions: { ca: options.caPem } } : {},
      additionalPolicies: [
        ...pipeline.additionalPolicies,
        {
          policy: throttleWithoutRetryAfterPolicy(
            options.log,
            options.throttleRetries ?? policy.attempts - 1,
            options.throttleBaseDelayMs ?? Math.max(policy.baseDelayMs, 1)
          ),
          position: "perRetry"
        }
      ]
    }
  );
}

// packages/pitr/src/restore.ts
function asRest(error) {
  return typeof error === "object" && error !== null ? error : {};
}
function armFailure(what, error) {
  const e = asRest(error);
  const status = e.statusCode ? `HTTP ${e.statusCode}` : e.name ?? "error";
  const code = e.code ? ` ${e.code}` : "";
  if (e.statusCode === 401 || e.statusCode === 403)
    return new ConfigurationError(
      `${what}: Azure refused the credentials (${status}${code}). Check client-id/tenant-id and that the identity has Contributor on the resource group.`,
      { cause: error }
    );
  if (e.statusCode === 429)
    return new OperationError(
      `${what}: Azure Resource Manager kept throttling the requests (HTTP 429${code}) after the retries; nothing more was sent. Wait a few minutes and re-run: a restore already started is adopted, not repeated.`,
      { cause: error }
    );
  return new OperationError(
    `${what} failed on Azure Resource Manager (${status}${code}) after the retries; re-run the step: a restore already started is adopted, not repeated.`,
    { cause: error }
  );
}
function isStatusRead(error) {
  const url = error.request?.url ?? "";
  return /\/(azureAsyncOperation|operationResults)\//i.test(url);
}
function statusReadError(target, error) {
  const e = asRest(error);
  const why = e.statusCode ? `HTTP ${e.statusCode}${e.code ? ` ${e.code}` : ""}` : networkFailure(error) ?? e.code ?? "no answer";
  return new OperationError(
    `Azure accepted the restore of "${target}", but its status could not be read (${why}) after the retries. The restore may still be running in Azure: re-run with the same inputs to adopt it (no second restore is started).`,
    { cause: error }
  );
}
function operationFailure(target, source, error) {
  const message = asRest(error).message ?? "";
  const m = /^The long-running operation has failed(?:\. (.*?)\. ([\s\S]*))?$/.exec(
    message
  );
  if (!m) return void 0;
  const detail = m[1] ? `${m[1]}: ${clip(m[2] ?? "", 500)}` : "no error code given";
  return new OperationError(
    `the restore of "${target}" failed in Azure (${detail}). Source "${source}" is unchanged. Check the restore point and re-run; if server "${target}" still exists, delete it first or choose another input "target-server".`,
    { cause: error }
  );
}
var TERMINAL_STATES = /* @__PURE__ */ new Set(["Dropping", "Disabled", "Stopped", "Stopping"]);
function serverResourceId(sub, rg, name) {
  return `/subscriptions/${sub}/resourceGroups/${rg}/providers/${PITR.serverType}/${name}`;
}
async function getServer(client, rg, name) {
  try {
    return await client.servers.get(rg, name);
  } catch (error) {
    const e = asRest(error);
    if (e.statusCode === 404 && e.code !== "ResourceGroupNotFound")
      return void 0;
    throw error;
  }
}
async function planRestore(client, request, log, now = () => /* @__PURE__ */ new Date()) {
  const { resourceGroup: rg, sourceServer, subscriptionId: sub } = request;
  checkServerName(sourceServer, "source-server");
  if (request.targetServer !== void 0)
    checkServerName(request.targetServer, "target-server");
  log.debug(`GET flexible server "${rg}/${sourceServer}"`);
  let source;
  try {
    source = await getServer(client, rg, sourceServer);
  } catch (error) {
    if (asRest(error).code === "ResourceGroupNotFound")
      throw new ConfigurationError(
        `resource group "${rg}" was not found in subscription ${sub}: check input "resource-group" and "subscription-id"`,
        { cause: error }
      );
    throw armFailure(`reading source server "${sourceServer}"`, error);
  }
  if (!source)
    throw new ConfigurationError(
      `source server "${sourceServer}" was not found in resource group "${rg}" (subscription ${sub}): check input "source-server"; a dropped server needs ReviveDropped, not this action`
    );
  const location = source.location;
  const restorePointUtc = request.restorePoint.latest ? now() : request.restorePoint.at;
  const backup = {
    ...source.backup?.earliestRestoreDate ? { earliestRestoreDate: new Date(source.backup.earliestRestoreDate) } : {},
    ...source.backup?.backupRetentionDays !== void 0 ? { backupRetentionDays: source.backup.backupRetentionDays } : {}
  };
  checkRestorePoint(restorePointUtc, backup, now(), sourceServer);
  let window2;
  if (request.failureTime) {
    if (request.failureTime < restorePointUtc)
      throw new InputError(
        "failure-time",
        `${request.failureTime.toISOString()} is before input "restore-point" (${restorePointUtc.toISOString()}): the restored server would still contain the bad change; pick a restore point before the failure`
      );
    window2 = dataLossWindowSeconds(restorePointUtc, request.failureTime);
  }
  const targetServer = request.targetServer ?? defaultTargetName(sourceServer, restorePointUtc);
  checkServerName(targetServer, "target-server");
  if (targetServer === sourceServer)
    throw new InputError(
      "target-server",
      `"${targetServer}" is the source server: a restore always creates a new server`
    );
  const tagValue = rollbackTagValue(sourceServer, restorePointUtc);
  let adopt;
  let existing;
  try {
    existing = await getServer(client, rg, targetServer);
  } catch (error) {
    throw armFailure(`reading target server "${targetServer}"`, error);
  }
  if (existing) {
    const tag = existing.tags?.[PITR.tag];
    if (tag !== tagValue)
      throw new ConfigurationError(
        `target server "${targetServer}" already exists in "${rg}" and is not this rollback's restore (tag ${PITR.tag} is ${tag === void 0 ? "absent" : `"${tag}"`}, expected "${tagValue}"); choose another input "target-server"`
      );
    adopt = { state: existing.state ?? "Unknown" };
    if (TERMINAL_STATES.has(adopt.state))
      throw new ConfigurationError(
        `target server "${targetServer}" carries this rollback's tag but is in state ${adopt.state}, from which it will not become Ready: ${adopt.state === "Dropping" ? "wait until it is gone, then re-run" : `start it (az postgres flexible-server start -g ${rg} -n ${targetServer}) and re-run`}, or choose another input "target-server"`
      );
    log.info(
      `target server "${targetServer}" already carries this rollback's tag (state ${adopt.state}): adopting it instead of starting a second restore`
    );
  } else {
    try {
      const availability = await client.nameAvailability.checkWithLocation(
        location,
        {
          name: targetServer,
          type: PITR.serverType
        }
      );
      if (availability.nameAvailable === false)
        throw new ConfigurationError(
          `target server name "${targetServer}" is not available (${availability.reason ?? "taken"}; server names are global across Azure): choose another input "target-server"`
        );
    } catch (error) {
      if (error instanceof ConfigurationError) throw error;
      if (asRest(error).statusCode !== 403)
        throw armFailure(`checking the name "${targetServer}"`, error);
      log.debug(
        "regional checkNameAvailability refused (403); the PUT will report a taken name"
      );
    }
  }
  return {
    resourceGroup: rg,
    sourceServer,
    sourceResourceId: source.id ?? serverResourceId(sub, rg, sourceServer),
    location,
    restorePointUtc,
    targetServer,
    targetResourceId: serverResourceId(sub, rg, targetServer),
    tags: { [PITR.tag]: tagValue },
    ...adopt ? { adopt } : {},
    ...window2 !== void 0 ? { dataLossWindowSeconds: window2 } : {},
    exceedsRpo: window2 !== void 0 && window2 > PITR.rpoSeconds,
    ...backup,
    ...source.state ? { sourceState: source.state } : {}
  };
}
var elapsed = (start) => Math.round((performance.now() - start) / 100) / 10;
async function applyRestore(client, plan, options, log) {
  const started = performance.now();
  const deadline = new Deadline(options.timeoutSeconds);
  const signal = deadline.signal();
  const target = plan.targetServer;
  const interval = options.pollIntervalMs ?? 15e3;
  const timeoutError = (what) => new OperationError(
    `restore of "${target}" ${what} within input "timeout" (${options.timeoutSeconds} s). The restore may still finish in Azure; re-run with the same inputs to adopt it, or delete server "${target}" before choosing another restore point.`
  );
  const result = (server, state) => ({
    serverName: target,
    fqdn: server?.fullyQualifiedDomainName ?? "",
    resourceId: server?.id ?? plan.targetResourceId,
    restorePointUtc: plan.restorePointUtc,
    ...plan.dataLossWindowSeconds !== void 0 ? { dataLossWindowSeconds: plan.dataLossWindowSeconds } : {},
    state,
    adopted: plan.adopt !== void 0,
    durationSeconds: elapsed(started)
  });
  if (!plan.adopt) {
    const body = {
      location: plan.location,
      createMode: "PointInTimeRestore",
      sourceServerResourceId: plan.sourceResourceId,
      pointInTimeUTC: plan.restorePointUtc,
      tags: plan.tags
    };
    log.info(
      `PUT ${target}: PointInTimeRestore of "${plan.sourceServer}" to ${plan.restorePointUtc.toISOString()} in ${plan.location}`
    );
    let poller;
    let accepted = false;
    try {
      poller = await client.servers.beginCreateOrUpdate(
        plan.resourceGroup,
        target,
        body,
        {
          updateIntervalInMs: interval,
          abortSignal: signal,
          onResponse: (raw) => {
            if (raw.request.method === "PUT" && raw.status < 300)
              accepted = true;
          }
        }
      );
    } catch (error) {
      if (accepted || isStatusRead(error)) {
        if (signal.aborted) throw timeoutError("did not finish");
        throw operationFailure(target, plan.sourceServer, error) ?? statusReadError(target, error);
      }
      if (signal.aborted) throw timeoutError("was not accepted");
      const e = asRest(error);
      if (e.statusCode === 400)
        throw new ConfigurationError(
          `Azure refused the restore of "${target}" (HTTP 400${e.code ? ` ${e.code}` : ""}): check inputs "restore-point" and "target-server" against the source's backups.`,
          { cause: error }
        );
      if (e.statusCode === 409)
        throw new ConfigurationError(
          `Azure refused the restore: server name "${target}" is already in use (HTTP 409); choose another input "target-server".`,
          { cause: error }
        );
      throw armFailure(`starting the restore of "${target}"`, error);
    }
    if (!options.wait) {
      log.info(
        `restore of "${target}" accepted; not waiting (input "wait" is false)`
      );
      return result(void 0, "Provisioning");
    }
    let polls = 0;
    poller.onProgress((state) => {
      polls++;
      log.info(
        `restore of "${target}": ${String(state.status)} (poll ${polls}, ${elapsed(started)} s)`
      );
    });
    try {
      await poller.pollUntilDone({ abortSignal: signal });
    } catch (error) {
      if (signal.aborted) throw timeoutError("did not finish");
      throw operationFailure(target, plan.sourceServer, error) ?? statusReadError(target, error);
    }
  } else if (!options.wait) {
    const server = await getServer(client, plan.resourceGroup, target);
    return result(server, server?.state ?? plan.adopt.state);
  }
  const rg = plan.resourceGroup;
  let pause = Math.min(1e3, interval);
  for (; ; ) {
    let server;
    try {
      server = await getServer(client, rg, target);
    } catch (error) {
      if (signal.aborted) throw timeoutError("did not become Ready");
      const e = armFailure(`reading restored server "${target}"`, error);
      throw new OperationError(
        `${e.message} The restore is in Azure: re-run with the same inputs to adopt it (no second restore is started).`,
        { cause: error }
      );
    }
    if (!server)
      throw new OperationError(
        `restored server "${target}" disappeared (HTTP 404) before becoming Ready; the restore failed in Azure. Source "${plan.sourceServer}" is unchanged.`
      );
    const state = server.state ?? "Unknown";
    if (state === "Ready") {
      log.info(`restored server "${target}" is Ready (${elapsed(started)} s)`);
      return result(server, state);
    }
    if (TERMINAL_STATES.has(state))
      throw new OperationError(
        `restored server "${target}" is in state ${state}, from which it will not become Ready by waiting; source "${plan.sourceServer}" is unchanged. ${state === "Dropping" ? "Wait until it is gone and re-run" : `Start it (az postgres flexible-server start -g ${rg} -n ${target}) and re-run to adopt it`}, or choose another input "target-server".`
      );
    if (deadline.remainingMs() < pause)
      throw timeoutError(`stayed "${state}" and did not become Ready`);
    log.info(
      `restored server "${target}": state ${state}, waiting for Ready (${elapsed(started)} s)`
    );
    await deadline.sleep(pause);
    pause = Math.min(pause * 2, interval);
  }
}

// actions/pitr-restore/src/inputs.ts
var viaParser = (parse) => external_exports.string().transform(fromParser(parse, inputErrorDetail));
var serverName2 = (input) => viaParser((v) => {
  checkServerName(v, input);
  return v;
});
var PitrRestoreInputs = external_exports.object({
  subscriptionId: guid("a subscription ID"),
  // `subscription-id`
  resourceGroup: external_exports.string().trim().regex(
    /^[-\w.()]{1,89}[-\w()]$/,
    'must be a resource group name (1-90 letters, digits, "-", "_", ".", "(", ")")'
  ),
  // `resource-group`
  sourceServer: serverName2("source-server"),
  // `source-server`
  restorePoint: viaParser(parseRestorePoint),
  // `restore-point`: ISO 8601 with offset or "latest"
  targetServer: serverName2("target-server").optional(),
  // `target-server`
  failureTime: viaParser(
    (v) => parseIsoWithOffset(v, "failure-time")
  ).optional(),
  // `failure-time`
  wait: flag,
  // `wait`
  timeout: durationSecondsAtMost("24h"),
  // `timeout` → seconds
  clientId: azureClientId.optional(),
  // `client-id`
  tenantId: azureTenantId.optional(),
  // `tenant-id`
  dryRun: flag
  // `dry-run`
}).refine(...clientAndTenantTogether);

// actions/pitr-restore/src/main.ts
var window = (plan) => plan.dataLossWindowSeconds === void 0 ? "unknown (no failure-time)" : `${plan.dataLossWindowSeconds} s (RPO ${PITR.rpoSeconds} s)`;
var run = defineAction("pitr-restore", async (ctx) => {
  const inputs = ctx.inputs(PitrRestoreInputs);
  const credential = credentialFromInputs(inputs, ctx);
  const client = createFlexibleServerClient(
    {
      credential,
      subscriptionId: inputs.subscriptionId,
      log: ctx.log,
      policy: retryPolicyFromEnv(ctx.env)
    },
    ctx.env
  );
  const plan = await ctx.log.group(
    "Plan",
    () => planRestore(
      client,
      {
        subscriptionId: inputs.subscriptionId,
        resourceGroup: inputs.resourceGroup,
        sourceServer: inputs.sourceServer,
        restorePoint: inputs.restorePoint,
        ...inputs.targetServer ? { targetServer: inputs.targetServer } : {},
        ...inputs.failureTime ? { failureTime: inputs.failureTime } : {}
      },
      ctx.log
    )
  );
  const restorePoint = plan.restorePointUtc.toISOString();
  ctx.log.info(
    `plan: restore "${plan.sourceServer}" to ${restorePoint} as "${plan.targetServer}"${plan.adopt ? ` (adopting the existing server, state ${plan.adopt.state})` : ""}; data-loss window ${window(plan)}`
  );
  if (plan.sourceState && plan.sourceState !== "Ready")
    ctx.log.warning(
      `source server "${plan.sourceServer}" is in state ${plan.sourceState}, not Ready; the restore uses its backups and may still work`,
      "Source not Ready"
    );
  if (plan.exceedsRpo)
    ctx.log.warning(
      `the data-loss window is ${plan.dataLossWindowSeconds} s, more than the ${PITR.rpoSeconds} s (15-minute) RPO: everything committed between ${restorePoint} and failure-time is lost on the restored server; recover it from application logs or exports`,
      "Data-loss window exceeds RPO"
    );
  ctx.summary.heading("PostgreSQL point-in-time restore");
  ctx.summary.table(
    [
      "Source",
      "Target",
      "Restore point (UTC)",
      "Data-loss window",
      "Earliest restore date (UTC)"
    ],
    [
      [
        plan.sourceServer,
        `${plan.targetServer}${plan.adopt ? " (adopted)" : ""}`,
        restorePoint,
        window(plan),
        plan.earliestRestoreDate?.toISOString() ?? "\u2014"
      ]
    ]
  );
  const setOutputs = (fqdn, resourceId) => {
    ctx.output.set("server-name", plan.targetServer);
    ctx.output.set("fqdn", fqdn);
    ctx.output.set("resource-id", resourceId);
    ctx.output.set("restore-point", restorePoint);
    ctx.output.set(
      "data-loss-window-seconds",
      plan.dataLossWindowSeconds === void 0 ? "" : String(plan.dataLossWindowSeconds)
    );
  };
  if (inputs.dryRun) {
    setOutputs("", plan.targetResourceId);
    ctx.summary.paragraph("Dry run: nothing was created.");
    ctx.log.notice(
      `dry run: would restore "${plan.sourceServer}" to ${restorePoint} as "${plan.targetServer}"`
    );
    return;
  }
  setOutputs("", plan.targetResourceId);
  const resume = `to resume instead of starting another restore, re-run with restore-point=${restorePoint} and target-server=${plan.targetServer}`;
  const result = await ctx.log.group(
    "Apply",
    () => ctx.audit.step("Point-in-time restore", async (rec) => {
      const r = await applyRestore(
        client,
        plan,
        { wait: inputs.wait, timeoutSeconds: inputs.timeout },
        ctx.log
      ).catch((error) => {
        if (error instanceof SuiteError && (inputs.restorePoint.latest || !inputs.targetServer))
          error.message += `; ${resume}`;
        throw error;
      });
      rec.change(
        `flexible server ${plan.targetServer}`,
        plan.adopt ? `existing (${plan.adopt.state})` : null,
        `${r.state}: ${plan.sourceServer} @ ${restorePoint}`
      );
      return r;
    })
  );
  setOutputs(result.fqdn, result.resourceId);
  ctx.summary.paragraph(
    result.state === "Ready" ? `Server \`${result.serverName}\` is Ready at \`${result.fqdn}\` after ${result.durationSeconds} s. Point the apps at it (secret-swap) and validate; source \`${plan.sourceServer}\` was not changed.` : `Restore of \`${result.serverName}\` accepted (state ${result.state}); not waited for.`
  );
  ctx.log.notice(
    result.state === "Ready" ? `restored "${plan.sourceServer}" to ${restorePoint} as "${result.serverName}" (${result.fqdn}) in ${result.durationSeconds} s` : `restore of "${result.serverName}" started (state ${result.state})`
  );
});

// actions/pitr-restore/src/index.ts
await run();
