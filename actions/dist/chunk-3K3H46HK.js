import { createRequire as __rollbackCreateRequire } from 'node:module';
const require = __rollbackCreateRequire(import.meta.url);
import {
  createRestError,
  getClient,
  operationOptionsToRequestParameters
} from "./chunk-TICJC4TW.js";
import {
  isTokenCredential
} from "./chunk-72HSKYJ5.js";
import {
  ConfigurationError,
  OperationError
} from "./chunk-MVCT2E6R.js";
import {
  RestError,
  bearerTokenAuthenticationPolicyName,
  computeSha256Hash,
  computeSha256Hmac,
  createClientLogger,
  createHttpHeaders,
  createTracingClient,
  delay,
  isDefined
} from "./chunk-RHQTSG7L.js";

// packages/app-configuration/src/constants.ts
var FEATURE_FLAG_PREFIX = ".appconfig.featureflag/";
var FEATURE_FLAG_NAME = /^[A-Za-z0-9._:-]{1,500}$/;
var CONNECTION_STRING = /(^|;)\s*(Endpoint|Id|Secret)\s*=/i;

// node_modules/@azure/core-paging/dist/esm/getPagedAsyncIterator.js
function getPagedAsyncIterator(pagedResult) {
  const iter = getItemAsyncIterator(pagedResult);
  return {
    next() {
      return iter.next();
    },
    [Symbol.asyncIterator]() {
      return this;
    },
    byPage: pagedResult.byPage ?? ((settings) => {
      const { continuationToken, maxPageSize } = settings ?? {};
      return getPageAsyncIterator(pagedResult, {
        pageLink: continuationToken,
        maxPageSize
      });
    })
  };
}
async function* getItemAsyncIterator(pagedResult) {
  const pages = getPageAsyncIterator(pagedResult);
  const firstVal = await pages.next();
  if (!Array.isArray(firstVal.value)) {
    const { toElements } = pagedResult;
    if (toElements) {
      yield* toElements(firstVal.value);
      for await (const page of pages) {
        yield* toElements(page);
      }
    } else {
      yield firstVal.value;
      yield* pages;
    }
  } else {
    yield* firstVal.value;
    for await (const page of pages) {
      yield* page;
    }
  }
}
async function* getPageAsyncIterator(pagedResult, options = {}) {
  const { pageLink, maxPageSize } = options;
  let response = await pagedResult.getPage(pageLink ?? pagedResult.firstPageLink, maxPageSize);
  if (!response) {
    return;
  }
  yield response.page;
  while (response.nextPageLink) {
    response = await pagedResult.getPage(response.nextPageLink, maxPageSize);
    if (!response) {
      return;
    }
    yield response.page;
  }
}

// node_modules/@azure/app-configuration/dist/esm/internal/audienceErrorHandlingPolicy.js
var AadAudienceErrorCode = "AADSTS500011";
var NoAudienceErrorMessage = "Unable to authenticate to Azure App Configuration. No authentication token audience was provided. Please set AppConfigurationClientOptions.audience to the appropriate audience for the target cloud. For details on how to configure the authentication token audience visit https://aka.ms/appconfig/client-token-audience.";
var WrongAudienceErrorMessage = "Unable to authenticate to Azure App Configuration. An incorrect token audience was provided. Please set AppConfigurationClientOptions.audience to the appropriate audience for the target cloud. For details on how to configure the authentication token audience visit https://aka.ms/appconfig/client-token-audience.";
function audienceErrorHandlingPolicy(isAudienceConfigured) {
  return {
    name: "audienceErrorHandlingPolicy",
    async sendRequest(request, next) {
      try {
        return await next(request);
      } catch (error) {
        if (typeof error.message === "string" && error.message.includes(AadAudienceErrorCode)) {
          if (isAudienceConfigured) {
            throw new RestError(WrongAudienceErrorMessage);
          } else {
            throw new RestError(NoAudienceErrorMessage);
          }
        }
        throw error;
      }
    }
  };
}

// node_modules/@azure/app-configuration/dist/esm/logger.js
var logger = createClientLogger("app-config");

// node_modules/@azure/app-configuration/dist/esm/internal/syncTokenPolicy.js
var SyncTokenHeaderName = "sync-token";
function syncTokenPolicy(syncTokens) {
  return {
    name: "Sync Token Policy",
    async sendRequest(request, next) {
      const syncTokenHeaderValue = syncTokens.getSyncTokenHeaderValue();
      if (syncTokenHeaderValue) {
        logger.info(`[syncTokenPolicy] Setting headers with ${SyncTokenHeaderName} and ${syncTokenHeaderValue}`);
        request.headers.set(SyncTokenHeaderName, syncTokenHeaderValue);
      }
      const response = await next(request);
      syncTokens.addSyncTokenFromHeaderValue(response.headers.get(SyncTokenHeaderName));
      return response;
    }
  };
}
var SyncTokens = class {
  _currentSyncTokens = /* @__PURE__ */ new Map();
  /**
   * Takes the value from the header named after the constant `SyncTokenHeaderName`
   * and adds it to our list of accumulated sync tokens.
   *
   * If given an empty value (or undefined) it clears the current list of sync tokens.
   * (indicates the service has properly absorbed values into the cluster).
   *
   * @param syncTokenHeaderValue - The full value of the sync token header.
   */
  addSyncTokenFromHeaderValue(syncTokenHeaderValue) {
    if (syncTokenHeaderValue == null || syncTokenHeaderValue === "") {
      this._currentSyncTokens.clear();
      return;
    }
    const newTokens = syncTokenHeaderValue.split(",").map(parseSyncToken);
    for (const newToken of newTokens) {
      const existingToken = this._currentSyncTokens.get(newToken.id);
      if (!existingToken || existingToken.sequenceNumber < newToken.sequenceNumber) {
        this._currentSyncTokens.set(newToken.id, newToken);
        continue;
      }
    }
  }
  /**
   * Gets a properly formatted SyncToken header value.
   */
  getSyncTokenHeaderValue() {
    if (this._currentSyncTokens.size === 0) {
      return void 0;
    }
    const syncTokenStrings = [];
    for (const syncToken of this._currentSyncTokens.values()) {
      syncTokenStrings.push(`${syncToken.id}=${syncToken.value}`);
    }
    return syncTokenStrings.join(",");
  }
};
var syncTokenRegex = /^([^=]+)=([^;]+);sn=(\d+)$/;
function parseSyncToken(syncToken) {
  const matches = syncToken.match(syncTokenRegex);
  if (matches == null) {
    throw new Error(`Failed to parse sync token '${syncToken}' with regex ${syncTokenRegex.source}`);
  }
  const sequenceNumber = parseInt(matches[3], 10);
  if (isNaN(sequenceNumber)) {
    throw new Error(`${syncToken}: The sequence number value '${matches[3]}' wasn't a number`);
  }
  return {
    id: matches[1],
    value: matches[2],
    sequenceNumber
  };
}

// node_modules/@azure/app-configuration/dist/esm/internal/queryParamPolicy.js
function queryParamPolicy() {
  return {
    name: "queryParamPolicy",
    async sendRequest(request, next) {
      const originalUrl = request.url;
      let url;
      try {
        url = new URL(originalUrl);
      } catch (error) {
        if (error instanceof TypeError) {
          logger.warning(`"[queryParamPolicy] Could not parse URL: ${request.url}"`);
          return next(request);
        }
        throw error;
      }
      if (url.search === "") {
        return next(request);
      }
      const params = [];
      for (const entry of url.search.substring(1).split("&")) {
        if (entry === "") {
          continue;
        }
        const equalIndex = entry.indexOf("=");
        const name = equalIndex === -1 ? entry : entry.substring(0, equalIndex);
        const value = equalIndex === -1 ? "" : entry.substring(equalIndex + 1);
        params.push({ lowercaseName: name.toLowerCase(), value });
      }
      params.sort((a, b) => {
        if (a.lowercaseName < b.lowercaseName) {
          return -1;
        } else if (a.lowercaseName > b.lowercaseName) {
          return 1;
        }
        return 0;
      });
      const newSearchParams = params.map(({ lowercaseName, value }) => `${lowercaseName}=${value}`).join("&");
      const newUrl = url.origin + url.pathname + "?" + newSearchParams + url.hash;
      if (newUrl !== originalUrl) {
        request.url = newUrl;
      }
      return next(request);
    }
  };
}

// node_modules/@azure/app-configuration/dist/esm/internal/emptyBodyPolicy.js
var emptyBodyPolicyName = "AppConfigEmptyBodyPolicy";
function emptyBodyPolicy() {
  return {
    name: emptyBodyPolicyName,
    async sendRequest(request, next) {
      const response = await next(request);
      const text = response.bodyAsText;
      if (text === void 0 || text === null || text.length === 0) {
        response.bodyAsText = "{}";
      }
      return response;
    }
  };
}

// node_modules/@azure/app-configuration/dist/esm/models.js
var KnownSnapshotComposition;
(function(KnownSnapshotComposition2) {
  KnownSnapshotComposition2["Key"] = "key";
  KnownSnapshotComposition2["KeyLabel"] = "key_label";
})(KnownSnapshotComposition || (KnownSnapshotComposition = {}));
var KnownConfigurationSnapshotStatus;
(function(KnownConfigurationSnapshotStatus2) {
  KnownConfigurationSnapshotStatus2["Provisioning"] = "provisioning";
  KnownConfigurationSnapshotStatus2["Ready"] = "ready";
  KnownConfigurationSnapshotStatus2["Archived"] = "archived";
  KnownConfigurationSnapshotStatus2["Failed"] = "failed";
})(KnownConfigurationSnapshotStatus || (KnownConfigurationSnapshotStatus = {}));
var KnownAppConfigAudience;
(function(KnownAppConfigAudience2) {
  KnownAppConfigAudience2["AzureChina"] = "https://appconfig.azure.cn";
  KnownAppConfigAudience2["AzureGovernment"] = "https://appconfig.azure.us";
  KnownAppConfigAudience2["AzurePublicCloud"] = "https://appconfig.azure.com";
})(KnownAppConfigAudience || (KnownAppConfigAudience = {}));
var KnownAppConfigurationApiVersion;
(function(KnownAppConfigurationApiVersion2) {
  KnownAppConfigurationApiVersion2["V20231101"] = "2023-11-01";
  KnownAppConfigurationApiVersion2["V20240901"] = "2024-09-01";
  KnownAppConfigurationApiVersion2["V20260401"] = "2026-04-01";
})(KnownAppConfigurationApiVersion || (KnownAppConfigurationApiVersion = {}));

// node_modules/@azure/app-configuration/dist/esm/featureFlag.js
var featureFlagPrefix = ".appconfig.featureflag/";
var featureFlagContentType = "application/vnd.microsoft.appconfig.ff+json;charset=utf-8";
var FeatureFlagHelper = {
  /**
   * Takes the FeatureFlag (JSON) and returns a ConfigurationSetting (with the props encodeed in the value).
   */
  toConfigurationSettingParam: (featureFlag) => {
    logger.info("Encoding FeatureFlag value in a ConfigurationSetting:", featureFlag);
    if (!featureFlag.value) {
      logger.error("FeatureFlag has an unexpected value", featureFlag);
      throw new TypeError(`FeatureFlag has an unexpected value - ${featureFlag.value}`);
    }
    let key = featureFlag.key;
    if (typeof featureFlag.key === "string" && !featureFlag.key.startsWith(featureFlagPrefix)) {
      key = featureFlagPrefix + featureFlag.key;
    }
    const jsonFeatureFlagValue = {
      id: featureFlag.value.id ?? key.replace(featureFlagPrefix, ""),
      enabled: featureFlag.value.enabled,
      description: featureFlag.value.description,
      conditions: {
        client_filters: featureFlag.value.conditions.clientFilters,
        requirement_type: featureFlag.value.conditions.requirementType ?? "Any"
      },
      display_name: featureFlag.value.displayName
    };
    const configSetting = {
      ...featureFlag,
      key,
      value: JSON.stringify(jsonFeatureFlagValue)
    };
    return configSetting;
  }
};

// node_modules/@azure/app-configuration/dist/esm/secretReference.js
var secretReferenceContentType = "application/vnd.microsoft.appconfig.keyvaultref+json;charset=utf-8";
var SecretReferenceHelper = {
  /**
   * Takes the SecretReference (JSON) and returns a ConfigurationSetting (with the props encoded in the value).
   */
  toConfigurationSettingParam: (secretReference) => {
    logger.info("Encoding SecretReference value in a ConfigurationSetting:", secretReference);
    if (!secretReference.value) {
      logger.error(`SecretReference has an unexpected value`, secretReference);
      throw new TypeError(`SecretReference has an unexpected value - ${secretReference.value}`);
    }
    const jsonSecretReferenceValue = {
      uri: secretReference.value.secretId
    };
    const configSetting = {
      ...secretReference,
      value: JSON.stringify(jsonSecretReferenceValue)
    };
    return configSetting;
  }
};

// node_modules/@azure/app-configuration/dist/esm/snapshotReference.js
var snapshotReferenceContentType = 'application/json; profile="https://azconfig.io/mime-profiles/snapshot-ref"; charset=utf-8';
var SnapshotReferenceHelper = {
  /**
   * Takes the SnapshotReference (JSON) and returns a ConfigurationSetting (with the props encoded in the value).
   */
  toConfigurationSettingParam: (snapshotReference) => {
    logger.info("Encoding SnapshotReference value in a ConfigurationSetting:", snapshotReference);
    if (!snapshotReference.value) {
      logger.error(`SnapshotReference has an unexpected value`, snapshotReference);
      throw new TypeError(`SnapshotReference has an unexpected value - ${snapshotReference.value}`);
    }
    const jsonSnapshotReferenceValue = {
      snapshot_name: snapshotReference.value.snapshotName
    };
    const configSetting = {
      ...snapshotReference,
      value: JSON.stringify(jsonSnapshotReferenceValue)
    };
    return configSetting;
  }
};

// node_modules/@azure/app-configuration/dist/esm/internal/helpers.js
function quoteETag(etag) {
  if (etag === void 0 || etag === "*") {
    return etag;
  }
  if (etag.startsWith('"') && etag.endsWith('"')) {
    return etag;
  }
  if (etag.startsWith("'") && etag.endsWith("'")) {
    return etag;
  }
  return `"${etag}"`;
}
function checkAndFormatIfAndIfNoneMatch(objectWithEtag, options) {
  if (options.onlyIfChanged && options.onlyIfUnchanged) {
    logger.error("onlyIfChanged and onlyIfUnchanged are both specified", options.onlyIfChanged, options.onlyIfUnchanged);
    throw new Error("onlyIfChanged and onlyIfUnchanged are mutually-exclusive");
  }
  let ifMatch;
  let ifNoneMatch;
  if (options.onlyIfUnchanged) {
    ifMatch = quoteETag(objectWithEtag.etag);
  }
  if (options.onlyIfChanged) {
    ifNoneMatch = quoteETag(objectWithEtag.etag);
  }
  return {
    ifMatch,
    ifNoneMatch
  };
}
function formatFiltersAndSelect(listConfigOptions) {
  let acceptDatetime = void 0;
  if (listConfigOptions.acceptDateTime) {
    acceptDatetime = listConfigOptions.acceptDateTime.toISOString();
  }
  return {
    key: listConfigOptions.keyFilter,
    label: listConfigOptions.labelFilter,
    // Ensure the tags are URL-encoded when encoding
    tags: listConfigOptions.tagsFilter?.map((t) => encodeURIComponent(t)),
    acceptDatetime,
    select: formatFieldsForSelect(listConfigOptions.fields)
  };
}
function formatConfigurationSettingsFiltersAndSelect(listConfigOptions) {
  const { snapshotName: snapshot, ...options } = listConfigOptions;
  return {
    ...formatFiltersAndSelect(options),
    snapshot
  };
}
function formatSnapshotFiltersAndSelect(listSnapshotOptions) {
  return {
    name: listSnapshotOptions.nameFilter,
    status: listSnapshotOptions.statusFilter,
    select: listSnapshotOptions.fields
  };
}
function formatLabelsFiltersAndSelect(listLabelsOptions) {
  return {
    name: listLabelsOptions.nameFilter,
    select: listLabelsOptions.fields
  };
}
function formatAcceptDateTime(newOptions) {
  return {
    acceptDatetime: newOptions.acceptDateTime && newOptions.acceptDateTime.toISOString()
  };
}
function extractAfterTokenFromNextLink(nextLink) {
  const searchParams = new URLSearchParams(nextLink);
  const afterToken = searchParams.get("after");
  if (afterToken == null || Array.isArray(afterToken)) {
    logger.error("Invalid nextLink - invalid after token", afterToken, Array.isArray(afterToken));
    throw new Error("Invalid nextLink - invalid after token");
  }
  return decodeURIComponent(afterToken);
}
function extractAfterTokenFromLinkHeader(link) {
  const linkValue = link.split(";")[0];
  const nextLink = linkValue.substring(1, linkValue.length - 1);
  return extractAfterTokenFromNextLink(nextLink);
}
function makeConfigurationSettingEmpty(configurationSetting) {
  const names = [
    "contentType",
    "description",
    "etag",
    "label",
    "lastModified",
    "isReadOnly",
    "tags",
    "value"
  ];
  for (const name of names) {
    configurationSetting[name] = void 0;
  }
}
function transformKeyValue(kvp) {
  const setting = {
    value: void 0,
    ...kvp,
    isReadOnly: !!kvp.locked,
    lastModified: kvp.lastModified ? new Date(kvp.lastModified) : void 0
  };
  delete setting.locked;
  if (!setting.label) {
    delete setting.label;
  }
  if (!setting.contentType) {
    delete setting.contentType;
  }
  return setting;
}
function isConfigSettingWithSecretReferenceValue(setting) {
  return setting.contentType === secretReferenceContentType && isDefined(setting.value) && typeof setting.value !== "string";
}
function isConfigSettingWithSnapshotReferenceValue(setting) {
  return setting.contentType === snapshotReferenceContentType && isDefined(setting.value) && typeof setting.value !== "string";
}
function isConfigSettingWithFeatureFlagValue(setting) {
  return setting.contentType === featureFlagContentType && isDefined(setting.value) && typeof setting.value !== "string";
}
function isSimpleConfigSetting(setting) {
  return typeof setting.value === "string" || !isDefined(setting.value);
}
function serializeAsConfigurationSettingParam(setting) {
  if (isSimpleConfigSetting(setting)) {
    return setting;
  }
  try {
    if (isConfigSettingWithFeatureFlagValue(setting)) {
      return FeatureFlagHelper.toConfigurationSettingParam(setting);
    }
    if (isConfigSettingWithSecretReferenceValue(setting)) {
      return SecretReferenceHelper.toConfigurationSettingParam(setting);
    }
    if (isConfigSettingWithSnapshotReferenceValue(setting)) {
      return SnapshotReferenceHelper.toConfigurationSettingParam(setting);
    }
  } catch (error) {
    return setting;
  }
  logger.error("Unable to serialize to a configuration setting", setting);
  throw new TypeError(`Unable to serialize the setting with key "${setting.key}" as a configuration setting`);
}
function transformKeyValueResponseWithStatusCode(kvp, status) {
  const source = kvp ?? {};
  const response = {
    ...transformKeyValue(source),
    statusCode: status ?? -1
  };
  if (hasUnderscoreResponse(source)) {
    Object.defineProperty(response, "_response", {
      enumerable: false,
      value: source._response
    });
  }
  return response;
}
function transformKeyValueResponse(kvp) {
  const setting = transformKeyValue(kvp);
  if (hasUnderscoreResponse(kvp)) {
    Object.defineProperty(setting, "_response", {
      enumerable: false,
      value: kvp._response
    });
  }
  delete setting.eTag;
  return setting;
}
function transformSnapshotResponse(snapshot) {
  const configSnapshot = {
    ...snapshot,
    createdOn: snapshot.createdOn ? new Date(snapshot.createdOn) : void 0,
    expiresOn: snapshot.expiresOn ? new Date(snapshot.expiresOn) : void 0,
    itemCount: snapshot.itemsCount
  };
  if (hasUnderscoreResponse(snapshot)) {
    Object.defineProperty(configSnapshot, "_response", {
      enumerable: false,
      value: snapshot._response
    });
  }
  return configSnapshot;
}
function snapshotInfoToGenerated(snapshot) {
  return {
    ...snapshot,
    compositionType: snapshot.compositionType
  };
}
function formatFieldsForSelect(fieldNames) {
  if (fieldNames == null) {
    return void 0;
  }
  const mappedFieldNames = fieldNames.map((fn) => {
    switch (fn) {
      case "lastModified":
        return "last_modified";
      case "contentType":
        return "content_type";
      case "isReadOnly":
        return "locked";
      default:
        return fn;
    }
  });
  return mappedFieldNames;
}
function assertResponse(result) {
  if (!hasUnderscoreResponse(result)) {
    Object.defineProperty(result, "_response", {
      enumerable: false,
      value: "Something went wrong, _response(raw response) is supposed to be part of the response. Please file a bug at https://github.com/Azure/azure-sdk-for-js"
    });
  }
}
function hasUnderscoreResponse(result) {
  return Object.prototype.hasOwnProperty.call(result, "_response");
}
function getScope(appConfigEndpoint, appConfigAudience) {
  if (appConfigAudience) {
    return `${appConfigAudience}/.default`;
  }
  const hostname = new URL(appConfigEndpoint).hostname;
  const stagingDomain = "appconfig-staging.azure.com";
  if (hostname.endsWith(`.${stagingDomain}`)) {
    return `https://${stagingDomain}/.default`;
  }
  const labels = hostname.split(".");
  for (let index = labels.length - 1; index >= 0; index--) {
    const label = labels[index].toLowerCase();
    if (label === "appconfig" || label === "azconfig") {
      return `https://${labels.slice(index).join(".")}/.default`;
    }
  }
  return `${KnownAppConfigAudience.AzurePublicCloud}/.default`;
}
function encodePathParameter(str) {
  return encodeURIComponent(str).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

// node_modules/@azure/app-configuration/dist/esm/generated/logger.js
var logger2 = createClientLogger("app-configuration");

// node_modules/@azure/app-configuration/dist/esm/generated/api/appConfigurationContext.js
function createAppConfiguration(endpointParam, credential, options = {}) {
  const endpointUrl = options.endpoint ?? String(endpointParam);
  const prefixFromOptions = options?.userAgentOptions?.userAgentPrefix;
  const userAgentInfo = `azsdk-js-app-configuration/1.13.0`;
  const userAgentPrefix = prefixFromOptions ? `${prefixFromOptions} azsdk-js-api ${userAgentInfo}` : `azsdk-js-api ${userAgentInfo}`;
  const { apiVersion: _, ...updatedOptions } = {
    ...options,
    userAgentOptions: { userAgentPrefix },
    loggingOptions: { logger: options.loggingOptions?.logger ?? logger2.info },
    credentials: {
      scopes: options.credentials?.scopes ?? ["https://azconfig.io/.default"],
      apiKeyHeaderName: options.credentials?.apiKeyHeaderName ?? "Connection String"
    }
  };
  const clientContext = getClient(endpointUrl, credential, updatedOptions);
  const apiVersion = options.apiVersion;
  return { ...clientContext, apiVersion };
}

// node_modules/@azure/app-configuration/dist/esm/generated/models/models.js
function _keyListResultDeserializer(item) {
  return {
    items: !item["items"] ? item["items"] : keyArrayDeserializer(item["items"]),
    nextLink: item["@nextLink"]
  };
}
function keyArrayDeserializer(result) {
  return result.map((item) => {
    return keyDeserializer(item);
  });
}
function keyDeserializer(item) {
  return {
    name: item["name"]
  };
}
function errorDeserializer(item) {
  return {
    type: item["type"],
    title: item["title"],
    name: item["name"],
    detail: item["detail"],
    status: item["status"]
  };
}
function _keyValueListResultDeserializer(item) {
  return {
    items: !item["items"] ? item["items"] : keyValueArrayDeserializer(item["items"]),
    etag: item["etag"],
    nextLink: item["@nextLink"]
  };
}
function keyValueArrayDeserializer(result) {
  return result.map((item) => {
    return keyValueDeserializer(item);
  });
}
function keyValueSerializer(item) {
  return {
    label: item["label"],
    content_type: item["contentType"],
    value: item["value"],
    last_modified: item["lastModified"],
    tags: item["tags"],
    description: item["description"],
    locked: item["locked"],
    etag: item["etag"]
  };
}
function keyValueDeserializer(item) {
  return {
    key: item["key"],
    label: item["label"],
    contentType: item["content_type"],
    value: item["value"],
    lastModified: item["last_modified"],
    tags: !item["tags"] ? item["tags"] : Object.fromEntries(Object.entries(item["tags"]).map(([k, p]) => [k, p])),
    description: item["description"],
    locked: item["locked"],
    etag: item["etag"]
  };
}
function _snapshotListResultDeserializer(item) {
  return {
    items: !item["items"] ? item["items"] : configurationSnapshotArrayDeserializer(item["items"]),
    nextLink: item["@nextLink"]
  };
}
function configurationSnapshotArrayDeserializer(result) {
  return result.map((item) => {
    return configurationSnapshotDeserializer(item);
  });
}
function configurationSnapshotSerializer(item) {
  return {
    filters: configurationSettingsFilterArraySerializer(item["filters"]),
    composition_type: item["compositionType"],
    retention_period: item["retentionPeriodInSeconds"],
    tags: item["tags"],
    description: item["description"]
  };
}
function configurationSnapshotDeserializer(item) {
  return {
    name: item["name"],
    status: item["status"],
    filters: configurationSettingsFilterArrayDeserializer(item["filters"]),
    compositionType: item["composition_type"],
    createdOn: item["created"],
    expiresOn: item["expires"],
    retentionPeriodInSeconds: item["retention_period"],
    sizeInBytes: item["size"],
    itemsCount: item["items_count"],
    tags: !item["tags"] ? item["tags"] : Object.fromEntries(Object.entries(item["tags"]).map(([k, p]) => [k, p])),
    description: item["description"],
    etag: item["etag"]
  };
}
function configurationSettingsFilterArraySerializer(result) {
  return result.map((item) => {
    return configurationSettingsFilterSerializer(item);
  });
}
function configurationSettingsFilterArrayDeserializer(result) {
  return result.map((item) => {
    return configurationSettingsFilterDeserializer(item);
  });
}
function configurationSettingsFilterSerializer(item) {
  return {
    key: item["keyFilter"],
    label: item["labelFilter"],
    tags: !item["tagsFilter"] ? item["tagsFilter"] : item["tagsFilter"].map((p) => {
      return p;
    })
  };
}
function configurationSettingsFilterDeserializer(item) {
  return {
    keyFilter: item["key"],
    labelFilter: item["label"],
    tagsFilter: !item["tags"] ? item["tags"] : item["tags"].map((p) => {
      return p;
    })
  };
}
function operationDetailsDeserializer(item) {
  return {
    id: item["id"],
    status: item["status"],
    error: !item["error"] ? item["error"] : item["error"]
  };
}
function snapshotUpdateParametersSerializer(item) {
  return { status: item["status"] };
}
function _labelListResultDeserializer(item) {
  return {
    items: !item["items"] ? item["items"] : labelArrayDeserializer(item["items"]),
    nextLink: item["@nextLink"]
  };
}
function labelArrayDeserializer(result) {
  return result.map((item) => {
    return labelDeserializer(item);
  });
}
function labelDeserializer(item) {
  return {
    name: item["name"]
  };
}
var KnownVersions;
(function(KnownVersions2) {
  KnownVersions2["V20231101"] = "2023-11-01";
  KnownVersions2["V20240901"] = "2024-09-01";
  KnownVersions2["V20260401"] = "2026-04-01";
})(KnownVersions || (KnownVersions = {}));

// node_modules/@azure/app-configuration/dist/esm/generated/static-helpers/pagingHelpers.js
function buildPagedAsyncIterator(client, getInitialResponse, processResponseBody, expectedStatuses, options = {}) {
  const itemName = options.itemName ?? "value";
  const nextLinkName = options.nextLinkName ?? "nextLink";
  const nextLinkMethod = options.nextLinkMethod ?? "GET";
  const apiVersion = options.apiVersion;
  const pagedResult = {
    getPage: async (pageLink) => {
      let result;
      if (pageLink === void 0) {
        result = await getInitialResponse();
      } else {
        const resolvedPageLink = apiVersion ? addApiVersionToUrl(pageLink, apiVersion) : pageLink;
        result = nextLinkMethod === "POST" ? await client.pathUnchecked(resolvedPageLink).post() : await client.pathUnchecked(resolvedPageLink).get();
      }
      checkPagingRequest(result, expectedStatuses);
      const results = await processResponseBody(result);
      const nextLink = getNextLink(results, nextLinkName);
      const values = getElements(results, itemName);
      return {
        page: values,
        nextPageLink: nextLink
      };
    },
    byPage: (settings) => {
      const { continuationToken } = settings ?? {};
      return getPageAsyncIterator2(pagedResult, {
        pageLink: continuationToken
      });
    }
  };
  return getPagedAsyncIterator2(pagedResult);
}
function getPagedAsyncIterator2(pagedResult) {
  const iter = getItemAsyncIterator2(pagedResult);
  return {
    next() {
      return iter.next();
    },
    [Symbol.asyncIterator]() {
      return this;
    },
    byPage: pagedResult?.byPage ?? ((settings) => {
      const { continuationToken } = settings ?? {};
      return getPageAsyncIterator2(pagedResult, {
        pageLink: continuationToken
      });
    })
  };
}
async function* getItemAsyncIterator2(pagedResult) {
  const pages = getPageAsyncIterator2(pagedResult);
  for await (const page of pages) {
    yield* page;
  }
}
async function* getPageAsyncIterator2(pagedResult, options = {}) {
  const { pageLink } = options;
  let response = await pagedResult.getPage(pageLink ?? pagedResult.firstPageLink);
  if (!response) {
    return;
  }
  let result = response.page;
  result.continuationToken = response.nextPageLink;
  yield result;
  while (response.nextPageLink) {
    response = await pagedResult.getPage(response.nextPageLink);
    if (!response) {
      return;
    }
    result = response.page;
    result.continuationToken = response.nextPageLink;
    yield result;
  }
}
function getNextLink(body, nextLinkName) {
  if (!nextLinkName) {
    return void 0;
  }
  const nextLink = body[nextLinkName];
  if (typeof nextLink !== "string" && typeof nextLink !== "undefined" && nextLink !== null) {
    throw new RestError(`Body Property ${nextLinkName} should be a string or undefined or null but got ${typeof nextLink}`);
  }
  if (nextLink === null) {
    return void 0;
  }
  return nextLink;
}
function getElements(body, itemName) {
  const value = body[itemName];
  if (!Array.isArray(value)) {
    throw new RestError(`Couldn't paginate response
 Body doesn't contain an array property with name: ${itemName}`);
  }
  return value ?? [];
}
function checkPagingRequest(response, expectedStatuses) {
  if (!expectedStatuses.includes(response.status)) {
    throw createRestError(`Pagination failed with unexpected statusCode ${response.status}`, response);
  }
}
function addApiVersionToUrl(url, apiVersion) {
  const urlObj = new URL(url, "https://microsoft.com");
  if (!urlObj.searchParams.get("api-version")) {
    return `${url}${urlObj.search ? "&" : "?"}api-version=${apiVersion}`;
  }
  return url;
}

// node_modules/@azure/app-configuration/node_modules/@azure/core-lro/dist/esm/logger.js
var logger3 = createClientLogger("core-lro");

// node_modules/@azure/app-configuration/node_modules/@azure/core-lro/dist/esm/poller/constants.js
var POLL_INTERVAL_IN_MS = 2e3;
var MAX_POLLING_INTERVAL_IN_MS = 2147483647;
var terminalStates = ["succeeded", "canceled", "failed"];

// node_modules/@azure/app-configuration/node_modules/@azure/core-lro/dist/esm/poller/operation.js
function deserializeState(serializedState) {
  try {
    return JSON.parse(serializedState).state;
  } catch (e) {
    throw new Error(`Unable to deserialize input state: ${serializedState}`, { cause: e });
  }
}
function setStateError(inputs) {
  const { state, isOperationError: isOperationError2 } = inputs;
  return (error) => {
    if (isOperationError2(error)) {
      state.error = error;
      state.status = "failed";
    }
    throw error;
  };
}
function appendReadableErrorMessage(currentMessage, innerMessage) {
  let message = currentMessage;
  if (message.slice(-1) !== ".") {
    message = message + ".";
  }
  return message + " " + innerMessage;
}
function simplifyError(err) {
  let message = err.message;
  let code = err.code;
  let curErr = err;
  while (curErr.innererror) {
    curErr = curErr.innererror;
    code = curErr.code;
    message = appendReadableErrorMessage(message, curErr.message);
  }
  return {
    code,
    message
  };
}
async function processOperationStatus(result) {
  const { state, status, isDone, processResult, getError, response, setErrorAsResult } = result;
  switch (status) {
    case "succeeded": {
      state.status = "succeeded";
      break;
    }
    case "failed": {
      const err = getError?.(response);
      let postfix = "";
      if (err) {
        const { code, message } = simplifyError(err);
        postfix = `. ${code}. ${message}`;
      }
      const errStr = `The long-running operation has failed${postfix}`;
      state.error = new Error(errStr);
      state.status = "failed";
      logger3.warning(errStr);
      break;
    }
    case "canceled": {
      state.status = "canceled";
      break;
    }
  }
  if (isDone?.(response, state) || isDone === void 0 && ["succeeded", "canceled"].concat(setErrorAsResult ? [] : ["failed"]).includes(status)) {
    state.result = await buildResult({
      response,
      state,
      processResult
    });
  }
}
async function buildResult(inputs) {
  const { processResult, response, state } = inputs;
  return processResult ? processResult(response, state) : response;
}
async function initOperation(inputs) {
  const { init, processResult, getOperationStatus: getOperationStatus2, withOperationLocation, setErrorAsResult } = inputs;
  const { operationLocation, resourceLocation, initialRequestUrl, requestMethod, metadata, response } = await init();
  if (operationLocation)
    withOperationLocation?.(operationLocation, false);
  const config = {
    metadata,
    operationLocation,
    resourceLocation,
    initialRequestUrl,
    requestMethod
  };
  logger3.verbose(`LRO: Operation description:`, config);
  const state = { status: "running", config };
  const status = getOperationStatus2({ response, state, operationLocation });
  await processOperationStatus({
    state,
    status,
    response,
    setErrorAsResult,
    processResult
  });
  return state;
}
async function pollOperationHelper(inputs) {
  const { poll, state, operationLocation, getOperationStatus: getOperationStatus2, getResourceLocation: getResourceLocation2, isOperationError: isOperationError2, options } = inputs;
  const response = await poll(operationLocation, options).catch(setStateError({
    state,
    isOperationError: isOperationError2
  }));
  const status = getOperationStatus2(response, state);
  logger3.verbose(`LRO: Status:
	Polling from: ${state.config.operationLocation}
	Operation status: ${status}
	Polling status: ${terminalStates.includes(status) ? "Stopped" : "Running"}`);
  if (status === "succeeded") {
    const resourceLocation = getResourceLocation2(response, state);
    if (resourceLocation !== void 0) {
      return {
        response: await poll(resourceLocation).catch(setStateError({ state, isOperationError: isOperationError2 })),
        status
      };
    }
  }
  return { response, status };
}
async function pollOperation(inputs) {
  const { poll, state, options, getOperationStatus: getOperationStatus2, getResourceLocation: getResourceLocation2, getOperationLocation: getOperationLocation2, isOperationError: isOperationError2, withOperationLocation, getPollingInterval, processResult, getError, updateState, setDelay, isDone, setErrorAsResult } = inputs;
  const { operationLocation } = state.config;
  if (operationLocation !== void 0) {
    const { response, status } = await pollOperationHelper({
      poll,
      getOperationStatus: getOperationStatus2,
      state,
      operationLocation,
      getResourceLocation: getResourceLocation2,
      isOperationError: isOperationError2,
      options
    });
    await processOperationStatus({
      status,
      response,
      state,
      isDone,
      processResult,
      getError,
      setErrorAsResult
    });
    if (!terminalStates.includes(status)) {
      const intervalInMs = getPollingInterval?.(response);
      if (intervalInMs !== void 0)
        setDelay(intervalInMs);
      const location = getOperationLocation2?.(response, state);
      if (location !== void 0) {
        const isUpdated = operationLocation !== location;
        state.config.operationLocation = location;
        withOperationLocation?.(location, isUpdated);
      } else
        withOperationLocation?.(operationLocation, false);
    }
    updateState?.(state, response);
  }
}

// node_modules/@azure/app-configuration/node_modules/@azure/core-lro/dist/esm/http/operation.js
function getOperationLocationPollingUrl(inputs) {
  const { azureAsyncOperation, operationLocation } = inputs;
  return operationLocation ?? azureAsyncOperation;
}
function getLocationHeader(rawResponse) {
  return rawResponse.headers["location"];
}
function getOperationLocationHeader(rawResponse) {
  return rawResponse.headers["operation-location"];
}
function getAzureAsyncOperationHeader(rawResponse) {
  return rawResponse.headers["azure-asyncoperation"];
}
function findResourceLocation(inputs) {
  const { location, requestMethod, requestPath, resourceLocationConfig, skipFinalGet } = inputs;
  if (skipFinalGet) {
    return void 0;
  }
  switch (requestMethod) {
    case "PUT": {
      return requestPath;
    }
    case "DELETE": {
      return void 0;
    }
    case "PATCH": {
      return getDefault() ?? requestPath;
    }
    default: {
      return getDefault();
    }
  }
  function getDefault() {
    switch (resourceLocationConfig) {
      case "operation-location":
      case "azure-async-operation": {
        return void 0;
      }
      case "original-uri": {
        return requestPath;
      }
      case "location":
      default: {
        return location;
      }
    }
  }
}
function inferLroMode(rawResponse, resourceLocationConfig, skipFinalGet) {
  const requestPath = rawResponse.request.url;
  const requestMethod = rawResponse.request.method;
  const operationLocation = getOperationLocationHeader(rawResponse);
  const azureAsyncOperation = getAzureAsyncOperationHeader(rawResponse);
  const pollingUrl = getOperationLocationPollingUrl({ operationLocation, azureAsyncOperation });
  const location = getLocationHeader(rawResponse);
  const normalizedRequestMethod = requestMethod?.toLocaleUpperCase();
  if (pollingUrl !== void 0) {
    return {
      mode: "OperationLocation",
      operationLocation: pollingUrl,
      resourceLocation: findResourceLocation({
        requestMethod: normalizedRequestMethod,
        location,
        requestPath,
        resourceLocationConfig,
        skipFinalGet
      }),
      initialRequestUrl: requestPath,
      requestMethod
    };
  } else if (location !== void 0) {
    return {
      mode: "ResourceLocation",
      operationLocation: location,
      initialRequestUrl: requestPath,
      requestMethod
    };
  } else if (normalizedRequestMethod === "PUT" && requestPath) {
    return {
      mode: "Body",
      operationLocation: requestPath,
      initialRequestUrl: requestPath,
      requestMethod
    };
  } else {
    return void 0;
  }
}
function transformStatus(inputs) {
  const { status, statusCode } = inputs;
  if (typeof status !== "string" && status !== void 0) {
    throw new Error(`Polling was unsuccessful. Expected status to have a string value or no value but it has instead: ${status}. This doesn't necessarily indicate the operation has failed. Check your Azure subscription or resource status for more information.`);
  }
  logger3.verbose(`LRO: Transforming status: ${status} with status code: ${statusCode}.`);
  const lowerCaseStatus = status?.toLocaleLowerCase();
  if (!lowerCaseStatus) {
    return toOperationStatus(statusCode);
  }
  if (lowerCaseStatus.includes("succeeded")) {
    return "succeeded";
  }
  if (lowerCaseStatus.includes("fail")) {
    return "failed";
  }
  if (["canceled", "cancelled"].includes(lowerCaseStatus)) {
    return "canceled";
  }
  return "running";
}
function getStatus(rawResponse) {
  const { status } = rawResponse.body ?? {};
  return transformStatus({ status, statusCode: rawResponse.statusCode });
}
function getProvisioningState(rawResponse) {
  const { properties, provisioningState } = rawResponse.body ?? {};
  const status = properties?.provisioningState ?? provisioningState;
  return transformStatus({ status, statusCode: rawResponse.statusCode });
}
function toOperationStatus(statusCode) {
  if (statusCode === 202) {
    return "running";
  } else if (statusCode < 300) {
    return "succeeded";
  } else {
    return "failed";
  }
}
function parseRetryAfter({ rawResponse }) {
  const retryAfter = rawResponse.headers["retry-after"];
  if (retryAfter === void 0) {
    return void 0;
  }
  if (/^[0-9]+$/.test(retryAfter)) {
    return Number(retryAfter) * 1e3;
  }
  const retryAfterDate = retryAfter.replace(/^(\w{3} \w{3} {1,2}\d{1,2} \d{2}:\d{2}:\d{2} \d{4})$/, "$1 GMT");
  const intervalInMs = Date.parse(retryAfterDate) - Date.now();
  return intervalInMs > 0 ? intervalInMs : Number.NaN;
}
function getErrorFromResponse(response) {
  const error = accessBodyProperty(response, "error");
  if (!error) {
    logger3.warning(`The long-running operation failed but there is no error property in the response's body`);
    return;
  }
  if (!error.code || !error.message) {
    logger3.warning(`The long-running operation failed but the error property in the response's body doesn't contain code or message`);
    return;
  }
  return error;
}
function getStatusFromInitialResponse(inputs) {
  const { response, state, operationLocation } = inputs;
  function helper() {
    const mode = state.config.metadata?.["mode"];
    switch (mode) {
      case void 0:
        return toOperationStatus(response.rawResponse.statusCode);
      case "Body":
        return getOperationStatus(response, state);
      default:
        return "running";
    }
  }
  const status = helper();
  return status === "running" && operationLocation === void 0 ? "succeeded" : status;
}
function getOperationLocation({ rawResponse }, state) {
  const mode = state.config.metadata?.["mode"];
  switch (mode) {
    case "OperationLocation": {
      return getOperationLocationPollingUrl({
        operationLocation: getOperationLocationHeader(rawResponse),
        azureAsyncOperation: getAzureAsyncOperationHeader(rawResponse)
      });
    }
    case "ResourceLocation": {
      return getLocationHeader(rawResponse);
    }
    case "Body":
    default: {
      return void 0;
    }
  }
}
function getOperationStatus({ rawResponse }, state) {
  const mode = state.config.metadata?.["mode"];
  switch (mode) {
    case "OperationLocation": {
      return getStatus(rawResponse);
    }
    case "ResourceLocation": {
      return toOperationStatus(rawResponse.statusCode);
    }
    case "Body": {
      return getProvisioningState(rawResponse);
    }
    default:
      throw new Error(`Internal error: Unexpected operation mode: ${mode}`);
  }
}
function accessBodyProperty({ flatResponse, rawResponse }, prop) {
  return flatResponse?.[prop] ?? rawResponse.body?.[prop];
}
function getResourceLocation(res, state) {
  const loc = accessBodyProperty(res, "resourceLocation");
  if (loc && typeof loc === "string") {
    state.config.resourceLocation = loc;
  }
  return state.config.resourceLocation;
}
function isOperationError(e) {
  return e.name === "RestError";
}

// node_modules/@azure/app-configuration/node_modules/@azure/core-lro/dist/esm/poller/poller.js
function boundPollingInterval(intervalInMs, fallbackIntervalInMs = POLL_INTERVAL_IN_MS) {
  if (!Number.isFinite(intervalInMs) || intervalInMs < 0) {
    return fallbackIntervalInMs;
  }
  return Math.min(intervalInMs, MAX_POLLING_INTERVAL_IN_MS);
}
function boundServerPollingInterval(intervalInMs, configuredIntervalInMs) {
  if (!Number.isFinite(intervalInMs) || intervalInMs <= 0) {
    return configuredIntervalInMs;
  }
  return Math.min(intervalInMs, MAX_POLLING_INTERVAL_IN_MS);
}
function buildCreatePoller(inputs) {
  const { getOperationLocation: getOperationLocation2, getStatusFromInitialResponse: getStatusFromInitialResponse2, getStatusFromPollResponse, isOperationError: isOperationError2, getResourceLocation: getResourceLocation2, getPollingInterval, getError, resolveOnUnsuccessful } = inputs;
  return ({ init, poll }, options) => {
    const { processResult, updateState, withOperationLocation: withOperationLocationCallback, intervalInMs = POLL_INTERVAL_IN_MS, restoreFrom } = options || {};
    const withOperationLocation = withOperationLocationCallback ? /* @__PURE__ */ (() => {
      let called = false;
      return (operationLocation, isUpdated) => {
        if (isUpdated)
          withOperationLocationCallback(operationLocation);
        else if (!called)
          withOperationLocationCallback(operationLocation);
        called = true;
      };
    })() : void 0;
    let statePromise;
    let state;
    if (restoreFrom) {
      state = deserializeState(restoreFrom);
      statePromise = Promise.resolve(state);
    } else {
      statePromise = initOperation({
        init,
        processResult,
        getOperationStatus: getStatusFromInitialResponse2,
        withOperationLocation,
        setErrorAsResult: !resolveOnUnsuccessful
      }).then((s) => state = s);
    }
    let resultPromise;
    const abortController = new AbortController();
    const handlers = /* @__PURE__ */ new Map();
    const handleProgressEvents = async () => handlers.forEach((h) => h(state));
    const cancelErrMsg = "Operation was canceled";
    const configuredPollIntervalInMs = boundPollingInterval(intervalInMs);
    let currentPollIntervalInMs = configuredPollIntervalInMs;
    const poller = {
      get operationState() {
        return state;
      },
      get result() {
        return state?.result;
      },
      get isDone() {
        return ["succeeded", "failed", "canceled"].includes(state?.status ?? "");
      },
      onProgress: (callback) => {
        const s = /* @__PURE__ */ Symbol();
        handlers.set(s, callback);
        return () => handlers.delete(s);
      },
      serialize: async () => {
        await statePromise;
        return JSON.stringify({
          state
        });
      },
      submitted: async () => {
        await statePromise;
      },
      pollUntilDone: async (pollOptions) => {
        resultPromise ??= (async () => {
          await statePromise;
          if (!state) {
            throw new Error("Poller should be initialized but it is not!");
          }
          const { abortSignal: inputAbortSignal } = pollOptions || {};
          function abortListener() {
            abortController.abort();
          }
          const abortSignal = abortController.signal;
          if (inputAbortSignal?.aborted) {
            abortController.abort();
          } else if (!abortSignal.aborted) {
            inputAbortSignal?.addEventListener("abort", abortListener, { once: true });
          }
          try {
            if (!poller.isDone) {
              await poller.poll({ abortSignal });
              while (!poller.isDone) {
                await delay(currentPollIntervalInMs, { abortSignal });
                await poller.poll({ abortSignal });
              }
            }
          } finally {
            inputAbortSignal?.removeEventListener("abort", abortListener);
          }
          if (resolveOnUnsuccessful) {
            return poller.result;
          } else {
            switch (state.status) {
              case "succeeded":
                return poller.result;
              case "canceled":
                throw new Error(cancelErrMsg);
              case "failed":
                throw state.error;
              case "notStarted":
              case "running":
                throw new Error(`Polling completed without succeeding or failing`);
            }
          }
        })().finally(() => {
          resultPromise = void 0;
        });
        return resultPromise;
      },
      async poll(pollOptions) {
        await statePromise;
        if (!state) {
          throw new Error("Poller should be initialized but it is not!");
        }
        if (resolveOnUnsuccessful) {
          if (poller.isDone)
            return state;
        } else {
          switch (state.status) {
            case "succeeded":
              return state;
            case "canceled":
              throw new Error(cancelErrMsg);
            case "failed":
              throw state.error;
          }
        }
        await pollOperation({
          poll,
          state,
          getOperationLocation: getOperationLocation2,
          isOperationError: isOperationError2,
          withOperationLocation,
          getPollingInterval,
          getOperationStatus: getStatusFromPollResponse,
          getResourceLocation: getResourceLocation2,
          processResult,
          getError,
          updateState,
          options: pollOptions,
          setDelay: (pollIntervalInMs) => {
            currentPollIntervalInMs = boundServerPollingInterval(pollIntervalInMs, configuredPollIntervalInMs);
          },
          setErrorAsResult: !resolveOnUnsuccessful
        });
        await handleProgressEvents();
        if (!resolveOnUnsuccessful) {
          switch (state.status) {
            case "canceled":
              throw new Error(cancelErrMsg);
            case "failed":
              throw state.error;
          }
        }
        return state;
      },
      then(onfulfilled, onrejected) {
        return poller.pollUntilDone().then(onfulfilled, onrejected);
      },
      catch(onrejected) {
        return poller.pollUntilDone().catch(onrejected);
      },
      finally(onfinally) {
        return poller.pollUntilDone().finally(onfinally);
      },
      [Symbol.toStringTag]: "Poller"
    };
    return poller;
  };
}

// node_modules/@azure/app-configuration/node_modules/@azure/core-lro/dist/esm/http/utils.js
function rewriteUrl({ url, baseUrl }) {
  if (!url) {
    return void 0;
  }
  if (!baseUrl) {
    return url;
  }
  let originalUrl;
  try {
    originalUrl = new URL(url);
  } catch {
    try {
      originalUrl = new URL(url, baseUrl);
    } catch (e) {
      throw new Error(`Invalid input URL provided: ${url}`, { cause: e });
    }
  }
  let newBase;
  try {
    newBase = new URL(baseUrl);
  } catch (e) {
    throw new Error(`Invalid base URL provided: ${baseUrl}`, { cause: e });
  }
  const rewrittenUrl = new URL(`${originalUrl.pathname}${originalUrl.search}${originalUrl.hash}`, newBase);
  return rewrittenUrl.toString();
}

// node_modules/@azure/app-configuration/node_modules/@azure/core-lro/dist/esm/http/poller.js
function createHttpPoller(lro, options) {
  const { resourceLocationConfig, intervalInMs, processResult, restoreFrom, updateState, withOperationLocation, resolveOnUnsuccessful = false, baseUrl, skipFinalGet } = options || {};
  return buildCreatePoller({
    getStatusFromInitialResponse,
    getStatusFromPollResponse: getOperationStatus,
    isOperationError,
    getOperationLocation,
    getResourceLocation,
    getPollingInterval: parseRetryAfter,
    getError: getErrorFromResponse,
    resolveOnUnsuccessful
  })({
    init: async () => {
      const response = await lro.sendInitialRequest();
      const config = inferLroMode(response.rawResponse, resourceLocationConfig, skipFinalGet);
      return {
        response,
        operationLocation: rewriteUrl({ url: config?.operationLocation, baseUrl }),
        resourceLocation: rewriteUrl({ url: config?.resourceLocation, baseUrl }),
        initialRequestUrl: config?.initialRequestUrl,
        requestMethod: config?.requestMethod,
        ...config?.mode ? { metadata: { mode: config.mode } } : {}
      };
    },
    poll: lro.sendPollRequest
  }, {
    intervalInMs,
    withOperationLocation,
    restoreFrom,
    updateState,
    processResult: processResult ? ({ flatResponse }, state) => processResult(flatResponse, state) : ({ flatResponse }) => flatResponse
  });
}

// node_modules/@azure/app-configuration/dist/esm/generated/static-helpers/pollingHelpers.js
function getLongRunningPoller(client, processResponseBody, expectedStatuses, options) {
  const { restoreFrom, getInitialResponse, apiVersion } = options;
  if (!restoreFrom && !getInitialResponse) {
    throw new Error("Either restoreFrom or getInitialResponse must be specified");
  }
  let initialResponse = void 0;
  const pollAbortController = new AbortController();
  const poller = {
    sendInitialRequest: async () => {
      if (!getInitialResponse) {
        throw new Error("getInitialResponse is required when initializing a new poller");
      }
      initialResponse = await getInitialResponse();
      return getLroResponse(initialResponse, expectedStatuses);
    },
    sendPollRequest: async (path, pollOptions) => {
      function abortListener() {
        pollAbortController.abort();
      }
      const abortSignal = pollAbortController.signal;
      if (options.abortSignal?.aborted) {
        pollAbortController.abort();
      } else if (pollOptions?.abortSignal?.aborted) {
        pollAbortController.abort();
      } else if (!abortSignal.aborted) {
        options.abortSignal?.addEventListener("abort", abortListener, {
          once: true
        });
        pollOptions?.abortSignal?.addEventListener("abort", abortListener, {
          once: true
        });
      }
      let response;
      try {
        const pollingPath = apiVersion ? addApiVersionToUrl2(path, apiVersion) : path;
        response = await client.pathUnchecked(pollingPath).get({ abortSignal });
      } finally {
        options.abortSignal?.removeEventListener("abort", abortListener);
        pollOptions?.abortSignal?.removeEventListener("abort", abortListener);
      }
      return getLroResponse(response, expectedStatuses);
    }
  };
  return createHttpPoller(poller, {
    intervalInMs: options?.updateIntervalInMs,
    resourceLocationConfig: options?.resourceLocationConfig,
    restoreFrom: options?.restoreFrom,
    processResult: (result) => {
      return processResponseBody(result);
    }
  });
}
function getLroResponse(response, expectedStatuses) {
  if (!expectedStatuses.includes(response.status)) {
    throw createRestError(response);
  }
  return {
    flatResponse: response,
    rawResponse: {
      ...response,
      statusCode: Number.parseInt(response.status),
      body: response.body
    }
  };
}
function addApiVersionToUrl2(url, apiVersion) {
  const urlObj = new URL(url, "https://microsoft.com");
  if (!urlObj.searchParams.get("api-version")) {
    return `${url}${urlObj.search ? "&" : "?"}api-version=${apiVersion}`;
  }
  return url;
}

// node_modules/@azure/app-configuration/dist/esm/generated/static-helpers/urlTemplate.js
function encodeComponent(val, reserved, op) {
  return (reserved ?? op === "+") || op === "#" ? encodeReservedComponent(val) : encodeRFC3986URIComponent(val);
}
function encodeReservedComponent(str) {
  return str.split(/(%[0-9A-Fa-f]{2})/g).map((part) => !/%[0-9A-Fa-f]/.test(part) ? encodeURI(part) : part).join("");
}
function encodeRFC3986URIComponent(str) {
  return encodeURIComponent(str).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
function isDefined2(val) {
  return val !== void 0 && val !== null;
}
function getNamedAndIfEmpty(op) {
  return [!!op && [";", "?", "&"].includes(op), !!op && ["?", "&"].includes(op) ? "=" : ""];
}
function getFirstOrSep(op, isFirst = false) {
  if (isFirst) {
    return !op || op === "+" ? "" : op;
  } else if (!op || op === "+" || op === "#") {
    return ",";
  } else if (op === "?") {
    return "&";
  } else {
    return op;
  }
}
function getExpandedValue(option) {
  let isFirst = option.isFirst;
  const { op, varName, varValue: value, reserved } = option;
  const vals = [];
  const [named, ifEmpty] = getNamedAndIfEmpty(op);
  if (Array.isArray(value)) {
    for (const val of value.filter(isDefined2)) {
      vals.push(`${getFirstOrSep(op, isFirst)}`);
      if (named && varName) {
        vals.push(`${encodeURIComponent(varName)}`);
        if (val === "") {
          vals.push(ifEmpty);
        } else {
          vals.push("=");
        }
      }
      vals.push(encodeComponent(val, reserved, op));
      isFirst = false;
    }
  } else if (typeof value === "object") {
    for (const key of Object.keys(value)) {
      const val = value[key];
      if (!isDefined2(val)) {
        continue;
      }
      vals.push(`${getFirstOrSep(op, isFirst)}`);
      if (key) {
        vals.push(`${encodeURIComponent(key)}`);
        if (named && val === "") {
          vals.push(ifEmpty);
        } else {
          vals.push("=");
        }
      }
      vals.push(encodeComponent(val, reserved, op));
      isFirst = false;
    }
  }
  return vals.join("");
}
function getNonExpandedValue(option) {
  const { op, varName, varValue: value, isFirst, reserved } = option;
  const vals = [];
  const first = getFirstOrSep(op, isFirst);
  const [named, ifEmpty] = getNamedAndIfEmpty(op);
  if (named && varName) {
    vals.push(encodeComponent(varName, reserved, op));
    if (value === "") {
      if (!ifEmpty) {
        vals.push(ifEmpty);
      }
      return !vals.join("") ? void 0 : `${first}${vals.join("")}`;
    }
    vals.push("=");
  }
  const items = [];
  if (Array.isArray(value)) {
    for (const val of value.filter(isDefined2)) {
      items.push(encodeComponent(val, reserved, op));
    }
  } else if (typeof value === "object") {
    for (const key of Object.keys(value)) {
      if (!isDefined2(value[key])) {
        continue;
      }
      items.push(encodeRFC3986URIComponent(key));
      items.push(encodeComponent(value[key], reserved, op));
    }
  }
  vals.push(items.join(","));
  return !vals.join(",") ? void 0 : `${first}${vals.join("")}`;
}
function getVarValue(option) {
  const { op, varName, modifier, isFirst, reserved, varValue: value } = option;
  if (!isDefined2(value)) {
    return void 0;
  } else if (["string", "number", "boolean"].includes(typeof value)) {
    let val = value.toString();
    const [named, ifEmpty] = getNamedAndIfEmpty(op);
    const vals = [getFirstOrSep(op, isFirst)];
    if (named && varName) {
      vals.push(varName);
      if (val === "") {
        vals.push(ifEmpty);
      } else {
        vals.push("=");
      }
    }
    if (modifier && modifier !== "*") {
      val = val.substring(0, parseInt(modifier, 10));
    }
    vals.push(encodeComponent(val, reserved, op));
    return vals.join("");
  } else if (modifier === "*") {
    return getExpandedValue(option);
  } else {
    return getNonExpandedValue(option);
  }
}
function expandUrlTemplate(template, context, option) {
  const result = template.replace(/\{([^{}]+)\}|([^{}]+)/g, (_, expr, text) => {
    if (!expr) {
      return encodeReservedComponent(text);
    }
    let op;
    if (["+", "#", ".", "/", ";", "?", "&"].includes(expr[0])) {
      op = expr[0];
      expr = expr.slice(1);
    }
    const varList = expr.split(/,/g);
    const innerResult = [];
    for (const varSpec of varList) {
      const varMatch = /([^:*]*)(?::(\d+)|(\*))?/.exec(varSpec);
      if (!varMatch || !varMatch[1]) {
        continue;
      }
      const varValue = getVarValue({
        isFirst: innerResult.length === 0,
        op,
        varValue: context[varMatch[1]],
        varName: varMatch[1],
        modifier: varMatch[2] || varMatch[3],
        reserved: option?.allowReserved
      });
      if (varValue) {
        innerResult.push(varValue);
      }
    }
    return innerResult.join("");
  });
  return normalizeUnreserved(result);
}
function normalizeUnreserved(uri) {
  return uri.replace(/%([0-9A-Fa-f]{2})/g, (match, hex) => {
    const char = String.fromCharCode(parseInt(hex, 16));
    if (/[.~-]/.test(char)) {
      return char;
    }
    return match;
  });
}

// node_modules/@azure/app-configuration/dist/esm/generated/api/operations.js
function _checkRevisionsSend(context, options = { requestOptions: {} }) {
  const path = expandUrlTemplate("/revisions{?api%2Dversion,key,label,After,%24Select,tags*}", {
    "api%2Dversion": context.apiVersion ?? "2026-04-01",
    key: options?.key,
    label: options?.label,
    After: options?.after,
    "%24Select": !options?.select ? options?.select : options?.select.map((p) => {
      return p;
    }),
    tags: !options?.tags ? options?.tags : options?.tags.map((p) => {
      return p;
    })
  }, {
    allowReserved: options?.requestOptions?.skipUrlEncoding
  });
  return context.path(path).head({
    ...operationOptionsToRequestParameters(options),
    headers: {
      ...options?.syncToken !== void 0 ? { "sync-token": options?.syncToken } : {},
      ...options?.acceptDatetime !== void 0 ? { "accept-datetime": options?.acceptDatetime } : {},
      ...options?.clientRequestId !== void 0 ? { "x-ms-client-request-id": options?.clientRequestId } : {},
      ...options.requestOptions?.headers
    }
  });
}
async function _checkRevisionsDeserialize(result) {
  const expectedStatuses = ["200"];
  if (!expectedStatuses.includes(result.status)) {
    const error = createRestError(result);
    if (result.body) {
      error.details = errorDeserializer(result.body);
    }
    throw error;
  }
  return;
}
async function checkRevisions(context, options = { requestOptions: {} }) {
  const result = await _checkRevisionsSend(context, options);
  return _checkRevisionsDeserialize(result);
}
function _getRevisionsSend(context, options = { requestOptions: {} }) {
  const path = expandUrlTemplate("/revisions{?api%2Dversion,key,label,After,%24Select,tags*}", {
    "api%2Dversion": context.apiVersion ?? "2026-04-01",
    key: options?.key,
    label: options?.label,
    After: options?.after,
    "%24Select": !options?.select ? options?.select : options?.select.map((p) => {
      return p;
    }),
    tags: !options?.tags ? options?.tags : options?.tags.map((p) => {
      return p;
    })
  }, {
    allowReserved: options?.requestOptions?.skipUrlEncoding
  });
  return context.path(path).get({
    ...operationOptionsToRequestParameters(options),
    headers: {
      ...options?.syncToken !== void 0 ? { "sync-token": options?.syncToken } : {},
      ...options?.acceptDatetime !== void 0 ? { "accept-datetime": options?.acceptDatetime } : {},
      ...options?.clientRequestId !== void 0 ? { "x-ms-client-request-id": options?.clientRequestId } : {},
      accept: "application/vnd.microsoft.appconfig.kvset+json, application/problem+json",
      ...options.requestOptions?.headers
    }
  });
}
async function _getRevisionsDeserialize(result) {
  const expectedStatuses = ["200"];
  if (!expectedStatuses.includes(result.status)) {
    const error = createRestError(result);
    if (result.body) {
      error.details = errorDeserializer(result.body);
    }
    throw error;
  }
  return _keyValueListResultDeserializer(result.body);
}
function getRevisions(context, options = { requestOptions: {} }) {
  return buildPagedAsyncIterator(context, () => _getRevisionsSend(context, options), _getRevisionsDeserialize, ["200"], {
    itemName: "items",
    nextLinkName: "@nextLink",
    apiVersion: context.apiVersion ?? "2026-04-01"
  });
}
function _deleteLockSend(context, key, options = { requestOptions: {} }) {
  const path = expandUrlTemplate("/locks/{key}{?api%2Dversion,label}", {
    key,
    "api%2Dversion": context.apiVersion ?? "2026-04-01",
    label: options?.label
  }, {
    allowReserved: options?.requestOptions?.skipUrlEncoding
  });
  return context.path(path).delete({
    ...operationOptionsToRequestParameters(options),
    headers: {
      ...options?.syncToken !== void 0 ? { "sync-token": options?.syncToken } : {},
      ...options?.ifMatch !== void 0 ? { "if-match": options?.ifMatch } : {},
      ...options?.ifNoneMatch !== void 0 ? { "if-none-match": options?.ifNoneMatch } : {},
      ...options?.clientRequestId !== void 0 ? { "x-ms-client-request-id": options?.clientRequestId } : {},
      accept: "application/vnd.microsoft.appconfig.kv+json, application/problem+json",
      ...options.requestOptions?.headers
    }
  });
}
async function _deleteLockDeserialize(result) {
  const expectedStatuses = ["200"];
  if (!expectedStatuses.includes(result.status)) {
    const error = createRestError(result);
    if (result.body) {
      error.details = errorDeserializer(result.body);
    }
    throw error;
  }
  return keyValueDeserializer(result.body);
}
async function deleteLock(context, key, options = { requestOptions: {} }) {
  const result = await _deleteLockSend(context, key, options);
  return _deleteLockDeserialize(result);
}
function _putLockSend(context, key, options = { requestOptions: {} }) {
  const path = expandUrlTemplate("/locks/{key}{?api%2Dversion,label}", {
    key,
    "api%2Dversion": context.apiVersion ?? "2026-04-01",
    label: options?.label
  }, {
    allowReserved: options?.requestOptions?.skipUrlEncoding
  });
  return context.path(path).put({
    ...operationOptionsToRequestParameters(options),
    headers: {
      ...options?.syncToken !== void 0 ? { "sync-token": options?.syncToken } : {},
      ...options?.ifMatch !== void 0 ? { "if-match": options?.ifMatch } : {},
      ...options?.ifNoneMatch !== void 0 ? { "if-none-match": options?.ifNoneMatch } : {},
      ...options?.clientRequestId !== void 0 ? { "x-ms-client-request-id": options?.clientRequestId } : {},
      accept: "application/vnd.microsoft.appconfig.kv+json, application/problem+json",
      ...options.requestOptions?.headers
    }
  });
}
async function _putLockDeserialize(result) {
  const expectedStatuses = ["200"];
  if (!expectedStatuses.includes(result.status)) {
    const error = createRestError(result);
    if (result.body) {
      error.details = errorDeserializer(result.body);
    }
    throw error;
  }
  return keyValueDeserializer(result.body);
}
async function putLock(context, key, options = { requestOptions: {} }) {
  const result = await _putLockSend(context, key, options);
  return _putLockDeserialize(result);
}
function _checkLabelsSend(context, options = { requestOptions: {} }) {
  const path = expandUrlTemplate("/labels{?api%2Dversion,name,After,%24Select}", {
    "api%2Dversion": context.apiVersion ?? "2026-04-01",
    name: options?.name,
    After: options?.after,
    "%24Select": !options?.select ? options?.select : options?.select.map((p) => {
      return p;
    })
  }, {
    allowReserved: options?.requestOptions?.skipUrlEncoding
  });
  return context.path(path).head({
    ...operationOptionsToRequestParameters(options),
    headers: {
      ...options?.syncToken !== void 0 ? { "sync-token": options?.syncToken } : {},
      ...options?.acceptDatetime !== void 0 ? { "accept-datetime": options?.acceptDatetime } : {},
      ...options?.clientRequestId !== void 0 ? { "x-ms-client-request-id": options?.clientRequestId } : {},
      ...options.requestOptions?.headers
    }
  });
}
async function _checkLabelsDeserialize(result) {
  const expectedStatuses = ["200"];
  if (!expectedStatuses.includes(result.status)) {
    const error = createRestError(result);
    if (result.body) {
      error.details = errorDeserializer(result.body);
    }
    throw error;
  }
  return;
}
async function checkLabels(context, options = { requestOptions: {} }) {
  const result = await _checkLabelsSend(context, options);
  return _checkLabelsDeserialize(result);
}
function _getLabelsSend(context, options = { requestOptions: {} }) {
  const path = expandUrlTemplate("/labels{?api%2Dversion,name,After,%24Select}", {
    "api%2Dversion": context.apiVersion ?? "2026-04-01",
    name: options?.name,
    After: options?.after,
    "%24Select": !options?.select ? options?.select : options?.select.map((p) => {
      return p;
    })
  }, {
    allowReserved: options?.requestOptions?.skipUrlEncoding
  });
  return context.path(path).get({
    ...operationOptionsToRequestParameters(options),
    headers: {
      ...options?.syncToken !== void 0 ? { "sync-token": options?.syncToken } : {},
      ...options?.acceptDatetime !== void 0 ? { "accept-datetime": options?.acceptDatetime } : {},
      ...options?.clientRequestId !== void 0 ? { "x-ms-client-request-id": options?.clientRequestId } : {},
      accept: "application/vnd.microsoft.appconfig.labelset+json, application/problem+json",
      ...options.requestOptions?.headers
    }
  });
}
async function _getLabelsDeserialize(result) {
  const expectedStatuses = ["200"];
  if (!expectedStatuses.includes(result.status)) {
    const error = createRestError(result);
    if (result.body) {
      error.details = errorDeserializer(result.body);
    }
    throw error;
  }
  return _labelListResultDeserializer(result.body);
}
function getLabels(context, options = { requestOptions: {} }) {
  return buildPagedAsyncIterator(context, () => _getLabelsSend(context, options), _getLabelsDeserialize, ["200"], {
    itemName: "items",
    nextLinkName: "@nextLink",
    apiVersion: context.apiVersion ?? "2026-04-01"
  });
}
function _checkSnapshotSend(context, name, options = { requestOptions: {} }) {
  const path = expandUrlTemplate("/snapshots/{name}{?api%2Dversion}", {
    name,
    "api%2Dversion": context.apiVersion ?? "2026-04-01"
  }, {
    allowReserved: options?.requestOptions?.skipUrlEncoding
  });
  return context.path(path).head({
    ...operationOptionsToRequestParameters(options),
    headers: {
      ...options?.syncToken !== void 0 ? { "sync-token": options?.syncToken } : {},
      ...options?.ifMatch !== void 0 ? { "if-match": options?.ifMatch } : {},
      ...options?.ifNoneMatch !== void 0 ? { "if-none-match": options?.ifNoneMatch } : {},
      ...options?.clientRequestId !== void 0 ? { "x-ms-client-request-id": options?.clientRequestId } : {},
      ...options.requestOptions?.headers
    }
  });
}
async function _checkSnapshotDeserialize(result) {
  const expectedStatuses = ["200"];
  if (!expectedStatuses.includes(result.status)) {
    const error = createRestError(result);
    if (result.body) {
      error.details = errorDeserializer(result.body);
    }
    throw error;
  }
  return;
}
async function checkSnapshot(context, name, options = { requestOptions: {} }) {
  const result = await _checkSnapshotSend(context, name, options);
  return _checkSnapshotDeserialize(result);
}
function _updateSnapshotSend(context, contentType, name, entity, options = { requestOptions: {} }) {
  const path = expandUrlTemplate("/snapshots/{name}{?api%2Dversion}", {
    name,
    "api%2Dversion": context.apiVersion ?? "2026-04-01"
  }, {
    allowReserved: options?.requestOptions?.skipUrlEncoding
  });
  return context.path(path).patch({
    ...operationOptionsToRequestParameters(options),
    contentType,
    headers: {
      ...options?.syncToken !== void 0 ? { "sync-token": options?.syncToken } : {},
      ...options?.ifMatch !== void 0 ? { "if-match": options?.ifMatch } : {},
      ...options?.ifNoneMatch !== void 0 ? { "if-none-match": options?.ifNoneMatch } : {},
      ...options?.clientRequestId !== void 0 ? { "x-ms-client-request-id": options?.clientRequestId } : {},
      accept: "application/vnd.microsoft.appconfig.snapshot+json, application/problem+json",
      ...options.requestOptions?.headers
    },
    body: snapshotUpdateParametersSerializer(entity)
  });
}
async function _updateSnapshotDeserialize(result) {
  const expectedStatuses = ["200"];
  if (!expectedStatuses.includes(result.status)) {
    const error = createRestError(result);
    if (result.body) {
      error.details = errorDeserializer(result.body);
    }
    throw error;
  }
  return configurationSnapshotDeserializer(result.body);
}
async function updateSnapshot(context, contentType, name, entity, options = { requestOptions: {} }) {
  const result = await _updateSnapshotSend(context, contentType, name, entity, options);
  return _updateSnapshotDeserialize(result);
}
function _createSnapshotSend(context, contentType, name, entity, options = { requestOptions: {} }) {
  const path = expandUrlTemplate("/snapshots/{name}{?api%2Dversion}", {
    name,
    "api%2Dversion": context.apiVersion ?? "2026-04-01"
  }, {
    allowReserved: options?.requestOptions?.skipUrlEncoding
  });
  return context.path(path).put({
    ...operationOptionsToRequestParameters(options),
    contentType,
    headers: {
      ...options?.syncToken !== void 0 ? { "sync-token": options?.syncToken } : {},
      accept: "application/vnd.microsoft.appconfig.snapshot+json, application/problem+json",
      ...options.requestOptions?.headers
    },
    body: configurationSnapshotSerializer(entity)
  });
}
async function _createSnapshotDeserialize(result) {
  const expectedStatuses = ["201", "200", "202"];
  if (!expectedStatuses.includes(result.status)) {
    const error = createRestError(result);
    if (result.body) {
      error.details = errorDeserializer(result.body);
    }
    throw error;
  }
  return configurationSnapshotDeserializer(result.body);
}
function createSnapshot(context, contentType, name, entity, options = { requestOptions: {} }) {
  return getLongRunningPoller(context, _createSnapshotDeserialize, ["201", "200", "202"], {
    updateIntervalInMs: options?.updateIntervalInMs,
    abortSignal: options?.abortSignal,
    getInitialResponse: () => _createSnapshotSend(context, contentType, name, entity, options),
    resourceLocationConfig: "original-uri",
    apiVersion: context.apiVersion ?? "2026-04-01"
  });
}
function _getOperationDetailsSend(context, snapshot, options = { requestOptions: {} }) {
  const path = expandUrlTemplate("/operations{?api%2Dversion,snapshot}", {
    "api%2Dversion": context.apiVersion ?? "2026-04-01",
    snapshot
  }, {
    allowReserved: options?.requestOptions?.skipUrlEncoding
  });
  return context.path(path).get({
    ...operationOptionsToRequestParameters(options),
    headers: {
      ...options?.clientRequestId !== void 0 ? { "x-ms-client-request-id": options?.clientRequestId } : {},
      accept: "application/json",
      ...options.requestOptions?.headers
    }
  });
}
async function _getOperationDetailsDeserialize(result) {
  const expectedStatuses = ["200"];
  if (!expectedStatuses.includes(result.status)) {
    const error = createRestError(result);
    if (result.body) {
      error.details = errorDeserializer(result.body);
    }
    throw error;
  }
  return operationDetailsDeserializer(result.body);
}
async function getOperationDetails(context, snapshot, options = { requestOptions: {} }) {
  const result = await _getOperationDetailsSend(context, snapshot, options);
  return _getOperationDetailsDeserialize(result);
}
function _getSnapshotSend(context, name, options = { requestOptions: {} }) {
  const path = expandUrlTemplate("/snapshots/{name}{?api%2Dversion,%24Select}", {
    name,
    "api%2Dversion": context.apiVersion ?? "2026-04-01",
    "%24Select": !options?.select ? options?.select : options?.select.map((p) => {
      return p;
    })
  }, {
    allowReserved: options?.requestOptions?.skipUrlEncoding
  });
  return context.path(path).get({
    ...operationOptionsToRequestParameters(options),
    headers: {
      ...options?.syncToken !== void 0 ? { "sync-token": options?.syncToken } : {},
      ...options?.ifMatch !== void 0 ? { "if-match": options?.ifMatch } : {},
      ...options?.ifNoneMatch !== void 0 ? { "if-none-match": options?.ifNoneMatch } : {},
      ...options?.clientRequestId !== void 0 ? { "x-ms-client-request-id": options?.clientRequestId } : {},
      accept: "application/vnd.microsoft.appconfig.snapshot+json, application/problem+json",
      ...options.requestOptions?.headers
    }
  });
}
async function _getSnapshotDeserialize(result) {
  const expectedStatuses = ["200"];
  if (!expectedStatuses.includes(result.status)) {
    const error = createRestError(result);
    if (result.body) {
      error.details = errorDeserializer(result.body);
    }
    throw error;
  }
  return configurationSnapshotDeserializer(result.body);
}
async function getSnapshot(context, name, options = { requestOptions: {} }) {
  const result = await _getSnapshotSend(context, name, options);
  return _getSnapshotDeserialize(result);
}
function _checkSnapshotsSend(context, options = { requestOptions: {} }) {
  const path = expandUrlTemplate("/snapshots{?api%2Dversion,After}", {
    "api%2Dversion": context.apiVersion ?? "2026-04-01",
    After: options?.after
  }, {
    allowReserved: options?.requestOptions?.skipUrlEncoding
  });
  return context.path(path).head({
    ...operationOptionsToRequestParameters(options),
    headers: {
      ...options?.syncToken !== void 0 ? { "sync-token": options?.syncToken } : {},
      ...options?.clientRequestId !== void 0 ? { "x-ms-client-request-id": options?.clientRequestId } : {},
      ...options.requestOptions?.headers
    }
  });
}
async function _checkSnapshotsDeserialize(result) {
  const expectedStatuses = ["200"];
  if (!expectedStatuses.includes(result.status)) {
    const error = createRestError(result);
    if (result.body) {
      error.details = errorDeserializer(result.body);
    }
    throw error;
  }
  return;
}
async function checkSnapshots(context, options = { requestOptions: {} }) {
  const result = await _checkSnapshotsSend(context, options);
  return _checkSnapshotsDeserialize(result);
}
function _getSnapshotsSend(context, options = { requestOptions: {} }) {
  const path = expandUrlTemplate("/snapshots{?api%2Dversion,name,After,%24Select,status}", {
    "api%2Dversion": context.apiVersion ?? "2026-04-01",
    name: options?.name,
    After: options?.after,
    "%24Select": !options?.select ? options?.select : options?.select.map((p) => {
      return p;
    }),
    status: !options?.status ? options?.status : options?.status.map((p) => {
      return p;
    })
  }, {
    allowReserved: options?.requestOptions?.skipUrlEncoding
  });
  return context.path(path).get({
    ...operationOptionsToRequestParameters(options),
    headers: {
      ...options?.syncToken !== void 0 ? { "sync-token": options?.syncToken } : {},
      accept: "application/vnd.microsoft.appconfig.snapshotset+json, application/problem+json",
      ...options.requestOptions?.headers
    }
  });
}
async function _getSnapshotsDeserialize(result) {
  const expectedStatuses = ["200"];
  if (!expectedStatuses.includes(result.status)) {
    const error = createRestError(result);
    if (result.body) {
      error.details = errorDeserializer(result.body);
    }
    throw error;
  }
  return _snapshotListResultDeserializer(result.body);
}
function getSnapshots(context, options = { requestOptions: {} }) {
  return buildPagedAsyncIterator(context, () => _getSnapshotsSend(context, options), _getSnapshotsDeserialize, ["200"], {
    itemName: "items",
    nextLinkName: "@nextLink",
    apiVersion: context.apiVersion ?? "2026-04-01"
  });
}
function _checkKeyValueSend(context, key, options = { requestOptions: {} }) {
  const path = expandUrlTemplate("/kv/{key}{?api%2Dversion,label,%24Select,tags*}", {
    key,
    "api%2Dversion": context.apiVersion ?? "2026-04-01",
    label: options?.label,
    "%24Select": !options?.select ? options?.select : options?.select.map((p) => {
      return p;
    }),
    tags: !options?.tags ? options?.tags : options?.tags.map((p) => {
      return p;
    })
  }, {
    allowReserved: options?.requestOptions?.skipUrlEncoding
  });
  return context.path(path).head({
    ...operationOptionsToRequestParameters(options),
    headers: {
      ...options?.syncToken !== void 0 ? { "sync-token": options?.syncToken } : {},
      ...options?.acceptDatetime !== void 0 ? { "accept-datetime": options?.acceptDatetime } : {},
      ...options?.ifMatch !== void 0 ? { "if-match": options?.ifMatch } : {},
      ...options?.ifNoneMatch !== void 0 ? { "if-none-match": options?.ifNoneMatch } : {},
      ...options?.clientRequestId !== void 0 ? { "x-ms-client-request-id": options?.clientRequestId } : {},
      ...options.requestOptions?.headers
    }
  });
}
async function _checkKeyValueDeserialize(result) {
  const expectedStatuses = ["200"];
  if (!expectedStatuses.includes(result.status)) {
    const error = createRestError(result);
    if (result.body) {
      error.details = errorDeserializer(result.body);
    }
    throw error;
  }
  return;
}
async function checkKeyValue(context, key, options = { requestOptions: {} }) {
  const result = await _checkKeyValueSend(context, key, options);
  return _checkKeyValueDeserialize(result);
}
function _deleteKeyValueSend(context, key, options = { requestOptions: {} }) {
  const path = expandUrlTemplate("/kv/{key}{?api%2Dversion,label}", {
    key,
    "api%2Dversion": context.apiVersion ?? "2026-04-01",
    label: options?.label
  }, {
    allowReserved: options?.requestOptions?.skipUrlEncoding
  });
  return context.path(path).delete({
    ...operationOptionsToRequestParameters(options),
    headers: {
      ...options?.syncToken !== void 0 ? { "sync-token": options?.syncToken } : {},
      ...options?.ifMatch !== void 0 ? { "if-match": options?.ifMatch } : {},
      ...options?.clientRequestId !== void 0 ? { "x-ms-client-request-id": options?.clientRequestId } : {},
      accept: "application/vnd.microsoft.appconfig.kv+json, application/problem+json",
      ...options.requestOptions?.headers
    }
  });
}
async function _deleteKeyValueDeserialize(result) {
  const expectedStatuses = ["200", "204"];
  if (!expectedStatuses.includes(result.status)) {
    const error = createRestError(result);
    if (result.body) {
      error.details = errorDeserializer(result.body);
    }
    throw error;
  }
  return result.body ? keyValueDeserializer(result.body) : void 0;
}
async function deleteKeyValue(context, key, options = { requestOptions: {} }) {
  const result = await _deleteKeyValueSend(context, key, options);
  return _deleteKeyValueDeserialize(result);
}
function _putKeyValueSend(context, contentType, key, options = { requestOptions: {} }) {
  const path = expandUrlTemplate("/kv/{key}{?api%2Dversion,label}", {
    key,
    "api%2Dversion": context.apiVersion ?? "2026-04-01",
    label: options?.label
  }, {
    allowReserved: options?.requestOptions?.skipUrlEncoding
  });
  return context.path(path).put({
    ...operationOptionsToRequestParameters(options),
    contentType,
    headers: {
      ...options?.syncToken !== void 0 ? { "sync-token": options?.syncToken } : {},
      ...options?.ifMatch !== void 0 ? { "if-match": options?.ifMatch } : {},
      ...options?.ifNoneMatch !== void 0 ? { "if-none-match": options?.ifNoneMatch } : {},
      ...options?.clientRequestId !== void 0 ? { "x-ms-client-request-id": options?.clientRequestId } : {},
      accept: "application/vnd.microsoft.appconfig.kv+json, application/problem+json",
      ...options.requestOptions?.headers
    },
    body: !options?.entity ? options?.entity : keyValueSerializer(options?.entity)
  });
}
async function _putKeyValueDeserialize(result) {
  const expectedStatuses = ["200"];
  if (!expectedStatuses.includes(result.status)) {
    const error = createRestError(result);
    if (result.body) {
      error.details = errorDeserializer(result.body);
    }
    throw error;
  }
  return keyValueDeserializer(result.body);
}
async function putKeyValue(context, contentType, key, options = { requestOptions: {} }) {
  const result = await _putKeyValueSend(context, contentType, key, options);
  return _putKeyValueDeserialize(result);
}
function _getKeyValueSend(context, key, options = { requestOptions: {} }) {
  const path = expandUrlTemplate("/kv/{key}{?api%2Dversion,label,%24Select,tags*}", {
    key,
    "api%2Dversion": context.apiVersion ?? "2026-04-01",
    label: options?.label,
    "%24Select": !options?.select ? options?.select : options?.select.map((p) => {
      return p;
    }),
    tags: !options?.tags ? options?.tags : options?.tags.map((p) => {
      return p;
    })
  }, {
    allowReserved: options?.requestOptions?.skipUrlEncoding
  });
  return context.path(path).get({
    ...operationOptionsToRequestParameters(options),
    headers: {
      ...options?.syncToken !== void 0 ? { "sync-token": options?.syncToken } : {},
      ...options?.acceptDatetime !== void 0 ? { "accept-datetime": options?.acceptDatetime } : {},
      ...options?.ifMatch !== void 0 ? { "if-match": options?.ifMatch } : {},
      ...options?.ifNoneMatch !== void 0 ? { "if-none-match": options?.ifNoneMatch } : {},
      ...options?.clientRequestId !== void 0 ? { "x-ms-client-request-id": options?.clientRequestId } : {},
      accept: "application/vnd.microsoft.appconfig.kv+json, application/problem+json",
      ...options.requestOptions?.headers
    }
  });
}
async function _getKeyValueDeserialize(result) {
  const expectedStatuses = ["200"];
  if (!expectedStatuses.includes(result.status)) {
    const error = createRestError(result);
    if (result.body) {
      error.details = errorDeserializer(result.body);
    }
    throw error;
  }
  return keyValueDeserializer(result.body);
}
async function getKeyValue(context, key, options = { requestOptions: {} }) {
  const result = await _getKeyValueSend(context, key, options);
  return _getKeyValueDeserialize(result);
}
function _checkKeyValuesSend(context, options = { requestOptions: {} }) {
  const path = expandUrlTemplate("/kv{?api%2Dversion,key,label,After,%24Select,snapshot,tags*}", {
    "api%2Dversion": context.apiVersion ?? "2026-04-01",
    key: options?.key,
    label: options?.label,
    After: options?.after,
    "%24Select": !options?.select ? options?.select : options?.select.map((p) => {
      return p;
    }),
    snapshot: options?.snapshot,
    tags: !options?.tags ? options?.tags : options?.tags.map((p) => {
      return p;
    })
  }, {
    allowReserved: options?.requestOptions?.skipUrlEncoding
  });
  return context.path(path).head({
    ...operationOptionsToRequestParameters(options),
    headers: {
      ...options?.syncToken !== void 0 ? { "sync-token": options?.syncToken } : {},
      ...options?.acceptDatetime !== void 0 ? { "accept-datetime": options?.acceptDatetime } : {},
      ...options?.ifMatch !== void 0 ? { "if-match": options?.ifMatch } : {},
      ...options?.ifNoneMatch !== void 0 ? { "if-none-match": options?.ifNoneMatch } : {},
      ...options?.clientRequestId !== void 0 ? { "x-ms-client-request-id": options?.clientRequestId } : {},
      ...options.requestOptions?.headers
    }
  });
}
async function _checkKeyValuesDeserialize(result) {
  const expectedStatuses = ["200"];
  if (!expectedStatuses.includes(result.status)) {
    const error = createRestError(result);
    if (result.body) {
      error.details = errorDeserializer(result.body);
    }
    throw error;
  }
  return;
}
async function checkKeyValues(context, options = { requestOptions: {} }) {
  const result = await _checkKeyValuesSend(context, options);
  return _checkKeyValuesDeserialize(result);
}
function _getKeyValuesSend(context, options = { requestOptions: {} }) {
  const path = expandUrlTemplate("/kv{?api%2Dversion,key,label,After,%24Select,snapshot,tags*}", {
    "api%2Dversion": context.apiVersion ?? "2026-04-01",
    key: options?.key,
    label: options?.label,
    After: options?.after,
    "%24Select": !options?.select ? options?.select : options?.select.map((p) => {
      return p;
    }),
    snapshot: options?.snapshot,
    tags: !options?.tags ? options?.tags : options?.tags.map((p) => {
      return p;
    })
  }, {
    allowReserved: options?.requestOptions?.skipUrlEncoding
  });
  return context.path(path).get({
    ...operationOptionsToRequestParameters(options),
    headers: {
      ...options?.syncToken !== void 0 ? { "sync-token": options?.syncToken } : {},
      ...options?.acceptDatetime !== void 0 ? { "accept-datetime": options?.acceptDatetime } : {},
      ...options?.ifMatch !== void 0 ? { "if-match": options?.ifMatch } : {},
      ...options?.ifNoneMatch !== void 0 ? { "if-none-match": options?.ifNoneMatch } : {},
      accept: "application/vnd.microsoft.appconfig.kvset+json, application/problem+json",
      ...options.requestOptions?.headers
    }
  });
}
async function _getKeyValuesDeserialize(result) {
  const expectedStatuses = ["200"];
  if (!expectedStatuses.includes(result.status)) {
    const error = createRestError(result);
    if (result.body) {
      error.details = errorDeserializer(result.body);
    }
    throw error;
  }
  return _keyValueListResultDeserializer(result.body);
}
function getKeyValues(context, options = { requestOptions: {} }) {
  return buildPagedAsyncIterator(context, () => _getKeyValuesSend(context, options), _getKeyValuesDeserialize, ["200"], {
    itemName: "items",
    nextLinkName: "@nextLink",
    apiVersion: context.apiVersion ?? "2026-04-01"
  });
}
function _checkKeysSend(context, options = { requestOptions: {} }) {
  const path = expandUrlTemplate("/keys{?api%2Dversion,name,After}", {
    "api%2Dversion": context.apiVersion ?? "2026-04-01",
    name: options?.name,
    After: options?.after
  }, {
    allowReserved: options?.requestOptions?.skipUrlEncoding
  });
  return context.path(path).head({
    ...operationOptionsToRequestParameters(options),
    headers: {
      ...options?.syncToken !== void 0 ? { "sync-token": options?.syncToken } : {},
      ...options?.acceptDatetime !== void 0 ? { "accept-datetime": options?.acceptDatetime } : {},
      ...options?.clientRequestId !== void 0 ? { "x-ms-client-request-id": options?.clientRequestId } : {},
      ...options.requestOptions?.headers
    }
  });
}
async function _checkKeysDeserialize(result) {
  const expectedStatuses = ["200"];
  if (!expectedStatuses.includes(result.status)) {
    const error = createRestError(result);
    if (result.body) {
      error.details = errorDeserializer(result.body);
    }
    throw error;
  }
  return;
}
async function checkKeys(context, options = { requestOptions: {} }) {
  const result = await _checkKeysSend(context, options);
  return _checkKeysDeserialize(result);
}
function _getKeysSend(context, options = { requestOptions: {} }) {
  const path = expandUrlTemplate("/keys{?api%2Dversion,name,After}", {
    "api%2Dversion": context.apiVersion ?? "2026-04-01",
    name: options?.name,
    After: options?.after
  }, {
    allowReserved: options?.requestOptions?.skipUrlEncoding
  });
  return context.path(path).get({
    ...operationOptionsToRequestParameters(options),
    headers: {
      ...options?.syncToken !== void 0 ? { "sync-token": options?.syncToken } : {},
      ...options?.acceptDatetime !== void 0 ? { "accept-datetime": options?.acceptDatetime } : {},
      accept: "application/vnd.microsoft.appconfig.keyset+json, application/problem+json",
      ...options.requestOptions?.headers
    }
  });
}
async function _getKeysDeserialize(result) {
  const expectedStatuses = ["200"];
  if (!expectedStatuses.includes(result.status)) {
    const error = createRestError(result);
    if (result.body) {
      error.details = errorDeserializer(result.body);
    }
    throw error;
  }
  return _keyListResultDeserializer(result.body);
}
function getKeys(context, options = { requestOptions: {} }) {
  return buildPagedAsyncIterator(context, () => _getKeysSend(context, options), _getKeysDeserialize, ["200"], {
    itemName: "items",
    nextLinkName: "@nextLink",
    apiVersion: context.apiVersion ?? "2026-04-01"
  });
}

// node_modules/@azure/app-configuration/dist/esm/generated/appConfigurationClient.js
var AppConfigurationClient = class {
  _client;
  /** The pipeline used by this client to make requests */
  pipeline;
  /** Azure App Configuration REST API */
  constructor(endpointParam, credential, options = {}) {
    const prefixFromOptions = options?.userAgentOptions?.userAgentPrefix;
    const userAgentPrefix = prefixFromOptions ? `${prefixFromOptions} azsdk-js-client` : `azsdk-js-client`;
    this._client = createAppConfiguration(endpointParam, credential, {
      ...options,
      userAgentOptions: { userAgentPrefix }
    });
    this.pipeline = this._client.pipeline;
  }
  /** Requests the headers and status of the given resource. */
  checkRevisions(options = { requestOptions: {} }) {
    return checkRevisions(this._client, options);
  }
  /** Gets a list of key-value revisions. */
  getRevisions(options = { requestOptions: {} }) {
    return getRevisions(this._client, options);
  }
  /** Unlocks a key-value. */
  deleteLock(key, options = { requestOptions: {} }) {
    return deleteLock(this._client, key, options);
  }
  /** Locks a key-value. */
  putLock(key, options = { requestOptions: {} }) {
    return putLock(this._client, key, options);
  }
  /** Requests the headers and status of the given resource. */
  checkLabels(options = { requestOptions: {} }) {
    return checkLabels(this._client, options);
  }
  /** Gets a list of labels. */
  getLabels(options = { requestOptions: {} }) {
    return getLabels(this._client, options);
  }
  /** Requests the headers and status of the given resource. */
  checkSnapshot(name, options = { requestOptions: {} }) {
    return checkSnapshot(this._client, name, options);
  }
  /** Updates the state of a key-value snapshot. */
  updateSnapshot(contentType, name, entity, options = { requestOptions: {} }) {
    return updateSnapshot(this._client, contentType, name, entity, options);
  }
  /** Creates a key-value snapshot. */
  createSnapshot(contentType, name, entity, options = { requestOptions: {} }) {
    return createSnapshot(this._client, contentType, name, entity, options);
  }
  /** Gets the state of a long running operation. */
  getOperationDetails(snapshot, options = { requestOptions: {} }) {
    return getOperationDetails(this._client, snapshot, options);
  }
  /** Gets a single key-value snapshot. */
  getSnapshot(name, options = { requestOptions: {} }) {
    return getSnapshot(this._client, name, options);
  }
  /** Requests the headers and status of the given resource. */
  checkSnapshots(options = { requestOptions: {} }) {
    return checkSnapshots(this._client, options);
  }
  /** Gets a list of key-value snapshots. */
  getSnapshots(options = { requestOptions: {} }) {
    return getSnapshots(this._client, options);
  }
  /** Requests the headers and status of the given resource. */
  checkKeyValue(key, options = { requestOptions: {} }) {
    return checkKeyValue(this._client, key, options);
  }
  /** Deletes a key-value. */
  deleteKeyValue(key, options = { requestOptions: {} }) {
    return deleteKeyValue(this._client, key, options);
  }
  /** Creates a key-value. */
  putKeyValue(contentType, key, options = { requestOptions: {} }) {
    return putKeyValue(this._client, contentType, key, options);
  }
  /** Gets a single key-value. */
  getKeyValue(key, options = { requestOptions: {} }) {
    return getKeyValue(this._client, key, options);
  }
  /** Requests the headers and status of the given resource. */
  checkKeyValues(options = { requestOptions: {} }) {
    return checkKeyValues(this._client, options);
  }
  /** Gets a list of key-values. */
  getKeyValues(options = { requestOptions: {} }) {
    return getKeyValues(this._client, options);
  }
  /** Requests the headers and status of the given resource. */
  checkKeys(options = { requestOptions: {} }) {
    return checkKeys(this._client, options);
  }
  /** Gets a list of keys. */
  getKeys(options = { requestOptions: {} }) {
    return getKeys(this._client, options);
  }
};

// node_modules/@azure/app-configuration/dist/esm/appConfigCredential.js
function appConfigKeyCredentialPolicy(credential, secret) {
  return {
    name: "AppConfigKeyCredentialPolicy",
    async sendRequest(request, next) {
      const verb = request.method;
      const utcNow = (/* @__PURE__ */ new Date()).toUTCString();
      logger.info("[appConfigKeyCredentialPolicy] Computing SHA-256 from the request body");
      const contentHash = await computeSha256Hash(request.body?.toString() || "", "base64");
      const signedHeaders = "x-ms-date;host;x-ms-content-sha256";
      const url = new URL(request.url);
      const query = url.search;
      const urlPathAndQuery = query ? `${url.pathname}${query}` : url.pathname;
      const stringToSign = `${verb}
${urlPathAndQuery}
${utcNow};${url.host};${contentHash}`;
      logger.info("[appConfigKeyCredentialPolicy] Computing a SHA-256 Hmac signature");
      const signature = await computeSha256Hmac(secret, stringToSign, "base64");
      request.headers.set("x-ms-date", utcNow);
      request.headers.set("x-ms-content-sha256", contentHash);
      request.headers.set("Authorization", `HMAC-SHA256 Credential=${credential}&SignedHeaders=${signedHeaders}&Signature=${signature}`);
      return next(request);
    }
  };
}

// node_modules/@azure/app-configuration/dist/esm/internal/constants.js
var packageVersion = "1.13.0";
var appConfigurationApiVersion = "2026-04-01";

// node_modules/@azure/app-configuration/dist/esm/internal/tracing.js
var tracingClient = createTracingClient({
  namespace: "Microsoft.AppConfiguration",
  packageName: "@azure/app-configuration",
  packageVersion
});

// node_modules/@azure/app-configuration/dist/esm/internal/lroShim.js
async function wrapPoller(httpPoller) {
  const abortController = new AbortController();
  const simplePoller = {
    isDone() {
      return httpPoller.isDone;
    },
    isStopped() {
      return abortController.signal.aborted;
    },
    getOperationState() {
      if (!httpPoller.operationState) {
        throw new Error("Operation state is not available. The poller may not have been started; await submitted() before calling getOperationState().");
      }
      return httpPoller.operationState;
    },
    getResult() {
      return httpPoller.result;
    },
    toString() {
      if (!httpPoller.operationState) {
        throw new Error("Operation state is not available. The poller may not have been started; await submitted() before calling getOperationState().");
      }
      return JSON.stringify({
        state: httpPoller.operationState
      });
    },
    stopPolling() {
      abortController.abort();
    },
    onProgress: httpPoller.onProgress,
    async poll(options) {
      await httpPoller.poll(options);
    },
    pollUntilDone(pollOptions) {
      function abortListener() {
        abortController.abort();
      }
      const inputAbortSignal = pollOptions?.abortSignal;
      const abortSignal = abortController.signal;
      if (inputAbortSignal?.aborted) {
        abortController.abort();
      } else if (!abortSignal.aborted) {
        inputAbortSignal?.addEventListener("abort", abortListener, {
          once: true
        });
      }
      return httpPoller.pollUntilDone({ abortSignal: abortController.signal });
    }
  };
  await httpPoller.submitted();
  return simplePoller;
}

// node_modules/@azure/app-configuration/dist/esm/appConfigurationClient.js
var ConnectionStringRegex = /Endpoint=(.*);Id=(.*);Secret=(.*)/;
var AppConfigurationClient2 = class _AppConfigurationClient {
  client;
  _syncTokens;
  constructor(connectionStringOrEndpoint, tokenCredentialOrOptions, options) {
    let appConfigOptions;
    let appConfigCredential = void 0;
    let appConfigEndpoint;
    let authPolicy;
    let authPolicyName;
    let scope;
    if (isTokenCredential(tokenCredentialOrOptions)) {
      appConfigOptions = options || {};
      appConfigCredential = tokenCredentialOrOptions;
      appConfigEndpoint = connectionStringOrEndpoint.endsWith("/") ? connectionStringOrEndpoint.slice(0, -1) : connectionStringOrEndpoint;
      scope = [getScope(appConfigEndpoint, appConfigOptions.audience)];
      authPolicyName = bearerTokenAuthenticationPolicyName;
    } else {
      appConfigOptions = tokenCredentialOrOptions || {};
      const regexMatch = connectionStringOrEndpoint?.match(ConnectionStringRegex);
      if (regexMatch) {
        appConfigEndpoint = regexMatch[1];
        authPolicy = appConfigKeyCredentialPolicy(regexMatch[2], regexMatch[3]);
        authPolicyName = authPolicy.name;
      } else {
        throw new Error(`Invalid connection string. Valid connection strings should match the regex '${ConnectionStringRegex.source}'. To mitigate the issue, please refer to the troubleshooting guide here at https://aka.ms/azsdk/js/app-configuration/troubleshoot.`);
      }
    }
    const generatedClientOptions = {
      ...appConfigOptions,
      userAgentOptions: {
        ...appConfigOptions.userAgentOptions,
        userAgentPrefix: appConfigOptions.userAgentOptions?.userAgentPrefix ? `${appConfigOptions.userAgentOptions.userAgentPrefix} azsdk-js-app-configuration/${packageVersion}` : `azsdk-js-app-configuration/${packageVersion}`
      },
      loggingOptions: {
        logger: logger.info
      },
      apiVersion: options?.apiVersion ?? appConfigurationApiVersion,
      credentials: {}
    };
    generatedClientOptions.credentials = {
      ...generatedClientOptions.credentials,
      scopes: scope
    };
    this._syncTokens = appConfigOptions.syncTokens || new SyncTokens();
    this.client = new AppConfigurationClient(
      appConfigEndpoint,
      // When a connection string is used, appConfigCredential is undefined here. We pass undefined to avoid @azure-rest/core-client's keyCredentialAuthenticationPolicy setting the apiKeyHeader on the request.
      // Connection strings are authenticated by HMAC (appConfigKeyCredentialPolicy) and the secret should never leave the client.
      // The `as TokenCredential` cast bridges a gap between the generated client and the core SDK: the generated constructor types `credential` as required (KeyCredential | TokenCredential),
      // but @azure-rest/core-client's addCredentialPipelinePolicy no-ops when no credential is passed, so handing it undefined is safe at runtime.
      appConfigCredential,
      generatedClientOptions
    );
    this.client.pipeline.addPolicy(audienceErrorHandlingPolicy(appConfigOptions?.audience !== void 0), {
      phase: "Sign",
      beforePolicies: [authPolicyName]
    });
    if (authPolicy) {
      this.client.pipeline.addPolicy(authPolicy, { phase: "Sign" });
    }
    this.client.pipeline.addPolicy(queryParamPolicy());
    this.client.pipeline.addPolicy(emptyBodyPolicy());
    this.client.pipeline.addPolicy(syncTokenPolicy(this._syncTokens), { afterPhase: "Retry" });
  }
  /**
   * Add a setting into the Azure App Configuration service, failing if it
   * already exists.
   *
   * Example usage:
   * ```ts snippet:AddConfigurationSetting
   * import { DefaultAzureCredential } from "@azure/identity";
   * import { AppConfigurationClient } from "@azure/app-configuration";
   *
   * // The endpoint for your App Configuration resource
   * const endpoint = "https://example.azconfig.io";
   * const credential = new DefaultAzureCredential();
   * const client = new AppConfigurationClient(endpoint, credential);
   *
   * const result = await client.addConfigurationSetting({
   *   key: "MyKey",
   *   label: "MyLabel",
   *   value: "MyValue",
   * });
   * ```
   * @param configurationSetting - A configuration setting.
   * @param options - Optional parameters for the request.
   */
  addConfigurationSetting(configurationSetting, options = {}) {
    return tracingClient.withSpan("AppConfigurationClient.addConfigurationSetting", options, async (updatedOptions) => {
      const keyValue = serializeAsConfigurationSettingParam(configurationSetting);
      logger.info("[addConfigurationSetting] Creating a key value pair");
      try {
        const originalResponse = await this.client.putKeyValue("application/json", encodePathParameter(configurationSetting.key), {
          ifNoneMatch: "*",
          label: configurationSetting.label,
          entity: keyValue,
          ...updatedOptions,
          requestOptions: {
            ...updatedOptions.requestOptions,
            skipUrlEncoding: true
          }
        });
        const response = transformKeyValueResponse(originalResponse);
        assertResponse(response);
        return response;
      } catch (error) {
        const err = error;
        if (err.statusCode === 412) {
          err.message = `Status 412: Setting was already present`;
        }
        throw err;
      }
      throw new Error("Unreachable code");
    });
  }
  /**
   * Delete a setting from the Azure App Configuration service
   *
   * Example usage:
   * ```ts snippet:DeleteConfigurationSetting
   * import { DefaultAzureCredential } from "@azure/identity";
   * import { AppConfigurationClient } from "@azure/app-configuration";
   *
   * // The endpoint for your App Configuration resource
   * const endpoint = "https://example.azconfig.io";
   * const credential = new DefaultAzureCredential();
   * const client = new AppConfigurationClient(endpoint, credential);
   *
   * const deletedSetting = await client.deleteConfigurationSetting({
   *   key: "MyKey",
   *   label: "MyLabel",
   * });
   * ```
   * @param id - The id of the configuration setting to delete.
   * @param options - Optional parameters for the request (ex: etag, label)
   */
  deleteConfigurationSetting(id, options = {}) {
    return tracingClient.withSpan("AppConfigurationClient.deleteConfigurationSetting", options, async (updatedOptions) => {
      let status;
      logger.info("[deleteConfigurationSetting] Deleting key value pair");
      const originalResponse = await this.client.deleteKeyValue(encodePathParameter(id.key), {
        label: id.label,
        ...updatedOptions,
        ...checkAndFormatIfAndIfNoneMatch(id, options),
        onResponse: (response2) => {
          status = response2.status;
        },
        requestOptions: {
          ...updatedOptions.requestOptions,
          skipUrlEncoding: true
        }
      });
      const response = transformKeyValueResponseWithStatusCode(originalResponse, status);
      assertResponse(response);
      return response;
    });
  }
  /**
   * Gets a setting from the Azure App Configuration service.
   *
   * Example code:
   * ```ts snippet:GetConfigurationSetting
   * import { DefaultAzureCredential } from "@azure/identity";
   * import { AppConfigurationClient } from "@azure/app-configuration";
   *
   * // The endpoint for your App Configuration resource
   * const endpoint = "https://example.azconfig.io";
   * const credential = new DefaultAzureCredential();
   * const client = new AppConfigurationClient(endpoint, credential);
   *
   * const setting = await client.getConfigurationSetting({ key: "MyKey", label: "MyLabel" });
   * ```
   * @param id - The id of the configuration setting to get.
   * @param options - Optional parameters for the request.
   */
  async getConfigurationSetting(id, options = {}) {
    return tracingClient.withSpan("AppConfigurationClient.getConfigurationSetting", options, async (updatedOptions) => {
      let status;
      let rawResponse;
      logger.info("[getConfigurationSetting] Getting key value pair");
      try {
        const originalResponse = await this.client.getKeyValue(encodePathParameter(id.key), {
          ...updatedOptions,
          label: id.label,
          select: formatFieldsForSelect(options.fields),
          ...formatAcceptDateTime(options),
          ...checkAndFormatIfAndIfNoneMatch(id, options),
          onResponse: (response2) => {
            status = response2.status;
            rawResponse = response2;
          },
          requestOptions: {
            ...updatedOptions.requestOptions,
            skipUrlEncoding: true
          }
        });
        const response = transformKeyValueResponseWithStatusCode(originalResponse, status);
        assertResponse(response);
        return response;
      } catch (error) {
        const err = error;
        if (err.statusCode === 304) {
          const response = transformKeyValueResponseWithStatusCode({ _response: rawResponse }, 304);
          response.key = id.key;
          makeConfigurationSettingEmpty(response);
          assertResponse(response);
          return response;
        }
        throw err;
      }
    });
  }
  /**
   * Lists settings from the Azure App Configuration service, optionally
   * filtered by key names, labels and accept datetime.
   *
   * Example code:
   * ```ts snippet:ListConfigurationSettings
   * import { DefaultAzureCredential } from "@azure/identity";
   * import { AppConfigurationClient } from "@azure/app-configuration";
   *
   * // The endpoint for your App Configuration resource
   * const endpoint = "https://example.azconfig.io";
   * const credential = new DefaultAzureCredential();
   * const client = new AppConfigurationClient(endpoint, credential);
   *
   * const allSettingsWithLabel = client.listConfigurationSettings({ labelFilter: "MyLabel" });
   * ```
   * @param options - Optional parameters for the request.
   */
  listConfigurationSettings(options = {}) {
    const pageEtags = options.pageEtags ? [...options.pageEtags] : void 0;
    delete options.pageEtags;
    const pagedResult = {
      firstPageLink: void 0,
      getPage: async (pageLink) => {
        const etag = pageEtags?.shift();
        try {
          const response = await this.sendConfigurationSettingsRequest({ ...options, etag }, pageLink);
          const currentResponse = {
            ...response,
            items: response.items != null ? response.items?.map(transformKeyValue) : [],
            continuationToken: response.nextLink ? extractAfterTokenFromNextLink(response.nextLink) : void 0,
            _response: response._response
          };
          return {
            page: currentResponse,
            nextPageLink: currentResponse.continuationToken
          };
        } catch (error) {
          const err = error;
          const link = err.response?.headers?.get("link");
          const continuationToken = link ? extractAfterTokenFromLinkHeader(link) : void 0;
          if (err.statusCode === 304) {
            err.message = `Status 304: No updates for this page`;
            logger.info(`[listConfigurationSettings] No updates for this page. The current etag for the page is ${etag}`);
            return {
              page: {
                items: [],
                etag,
                _response: { ...err.response, status: 304 }
              },
              nextPageLink: continuationToken
            };
          }
          throw err;
        }
      },
      toElements: (page) => page.items
    };
    return getPagedAsyncIterator(pagedResult);
  }
  /**
   * Checks settings from the Azure App Configuration service using a HEAD request, returning only headers without the response body.
   * This is useful for efficiently checking if settings have changed by comparing ETags.
   *
   * Example code:
   * ```ts snippet:CheckConfigurationSettings
   * import { DefaultAzureCredential } from "@azure/identity";
   * import { AppConfigurationClient } from "@azure/app-configuration";
   *
   * // The endpoint for your App Configuration resource
   * const endpoint = "https://example.azconfig.io";
   * const credential = new DefaultAzureCredential();
   * const client = new AppConfigurationClient(endpoint, credential);
   *
   * const pageIterator = client.checkConfigurationSettings({ keyFilter: "MyKey" }).byPage();
   * ```
   * @param options - Optional parameters for the request.
   */
  checkConfigurationSettings(options = {}) {
    const pageEtags = options.pageEtags ? [...options.pageEtags] : void 0;
    delete options.pageEtags;
    const pagedResult = {
      firstPageLink: void 0,
      getPage: async (pageLink) => {
        const etag = pageEtags?.shift();
        try {
          const response = await this.checkConfigurationSettingsRequest({ ...options, etag }, pageLink);
          const link = response._response?.headers?.get("link");
          const continuationToken = link ? extractAfterTokenFromLinkHeader(link) : void 0;
          const currentResponse = {
            ...response,
            etag: response._response?.headers?.get("etag"),
            items: [],
            continuationToken,
            _response: response._response
          };
          return {
            page: currentResponse,
            nextPageLink: currentResponse.continuationToken
          };
        } catch (error) {
          const err = error;
          const link = err.response?.headers?.get("link");
          const continuationToken = link ? extractAfterTokenFromLinkHeader(link) : void 0;
          if (err.statusCode === 304) {
            err.message = `Status 304: No updates for this page`;
            logger.info(`[checkConfigurationSettings] No updates for this page. The current etag for the page is ${etag}`);
            return {
              page: {
                items: [],
                etag,
                _response: { ...err.response, status: 304 }
              },
              nextPageLink: continuationToken
            };
          }
          throw err;
        }
      },
      toElements: (page) => page.items
    };
    return getPagedAsyncIterator(pagedResult);
  }
  /**
   * Lists settings from the Azure App Configuration service for snapshots based on name, optionally
   * filtered by key names, labels and accept datetime.
   *
   * Example code:
   * ```ts snippet:ListConfigurationSettingsForSnashots
   * import { DefaultAzureCredential } from "@azure/identity";
   * import { AppConfigurationClient } from "@azure/app-configuration";
   *
   * // The endpoint for your App Configuration resource
   * const endpoint = "https://example.azconfig.io";
   * const credential = new DefaultAzureCredential();
   * const client = new AppConfigurationClient(endpoint, credential);
   *
   * const allSettingsWithLabel = client.listConfigurationSettingsForSnashots({
   *   snapshotName: "MySnapshot",
   * });
   * ```
   * @param options - Optional parameters for the request.
   */
  listConfigurationSettingsForSnapshot(snapshotName, options = {}) {
    const pagedResult = {
      firstPageLink: void 0,
      getPage: async (pageLink) => {
        const response = await this.sendConfigurationSettingsRequest({ snapshotName, ...options }, pageLink);
        const currentResponse = {
          ...response,
          items: response.items != null ? response.items?.map(transformKeyValue) : [],
          continuationToken: response.nextLink ? extractAfterTokenFromNextLink(response.nextLink) : void 0
        };
        return {
          page: currentResponse,
          nextPageLink: currentResponse.continuationToken
        };
      },
      toElements: (page) => page.items
    };
    return getPagedAsyncIterator(pagedResult);
  }
  /**
   * Get a list of labels from the Azure App Configuration service
   *
   * Example code:
   * ```ts snippet:ListLabels
   * import { DefaultAzureCredential } from "@azure/identity";
   * import { AppConfigurationClient } from "@azure/app-configuration";
   *
   * // The endpoint for your App Configuration resource
   * const endpoint = "https://example.azconfig.io";
   * const credential = new DefaultAzureCredential();
   * const client = new AppConfigurationClient(endpoint, credential);
   *
   * const allSettingsWithLabel = client.listLabels({ nameFilter: "prod*" });
   * ```
   * @param options - Optional parameters for the request.
   */
  listLabels(options = {}) {
    const pagedResult = {
      firstPageLink: void 0,
      getPage: async (pageLink) => {
        const response = await this.sendLabelsRequest(options, pageLink);
        const currentResponse = {
          ...response,
          items: response.items ?? [],
          continuationToken: response.nextLink ? extractAfterTokenFromNextLink(response.nextLink) : void 0,
          _response: response._response
        };
        return {
          page: currentResponse,
          nextPageLink: currentResponse.continuationToken
        };
      },
      toElements: (page) => page.items
    };
    return getPagedAsyncIterator(pagedResult);
  }
  get _context() {
    return this.client._client;
  }
  async sendLabelsRequest(options = {}, pageLink) {
    return tracingClient.withSpan("AppConfigurationClient.listConfigurationSettings", options, async (updatedOptions) => {
      const rawResponse = await _getLabelsSend(this._context, {
        ...updatedOptions,
        ...formatAcceptDateTime(options),
        ...formatLabelsFiltersAndSelect(options),
        after: pageLink,
        requestOptions: {
          ...updatedOptions.requestOptions,
          skipUrlEncoding: true
        }
      });
      const parsed = await _getLabelsDeserialize(rawResponse);
      return Object.assign(parsed, { _response: rawResponse });
    });
  }
  async sendConfigurationSettingsRequest(options = {}, pageLink) {
    return tracingClient.withSpan("AppConfigurationClient.listConfigurationSettings", options, async (updatedOptions) => {
      const rawResponse = await _getKeyValuesSend(this._context, {
        ...updatedOptions,
        ...formatAcceptDateTime(options),
        ...formatConfigurationSettingsFiltersAndSelect(options),
        ...checkAndFormatIfAndIfNoneMatch({ etag: options.etag }, { onlyIfChanged: true }),
        after: pageLink,
        requestOptions: {
          ...updatedOptions.requestOptions,
          skipUrlEncoding: true
        }
      });
      const parsed = await _getKeyValuesDeserialize(rawResponse);
      return Object.assign(parsed, { _response: rawResponse });
    });
  }
  async checkConfigurationSettingsRequest(options = {}, pageLink) {
    return tracingClient.withSpan("AppConfigurationClient.checkConfigurationSettings", options, async (updatedOptions) => {
      const rawResponse = await _checkKeyValuesSend(this._context, {
        ...updatedOptions,
        ...formatAcceptDateTime(options),
        ...formatConfigurationSettingsFiltersAndSelect(options),
        ...checkAndFormatIfAndIfNoneMatch({ etag: options.etag }, { onlyIfChanged: true }),
        after: pageLink,
        requestOptions: {
          ...updatedOptions.requestOptions,
          skipUrlEncoding: true
        }
      });
      await _checkKeyValuesDeserialize(rawResponse);
      return {
        _response: {
          ...rawResponse,
          headers: createHttpHeaders(rawResponse.headers)
        }
      };
    });
  }
  /**
   * Lists revisions of a set of keys, optionally filtered by key names,
   * labels and accept datetime.
   *
   * Example code:
   * ```ts snippet:ListRevisions
   * import { DefaultAzureCredential } from "@azure/identity";
   * import { AppConfigurationClient } from "@azure/app-configuration";
   *
   * // The endpoint for your App Configuration resource
   * const endpoint = "https://example.azconfig.io";
   * const credential = new DefaultAzureCredential();
   * const client = new AppConfigurationClient(endpoint, credential);
   *
   * const revisionsIterator = client.listRevisions({ keys: ["MyKey"] });
   * ```
   * @param options - Optional parameters for the request.
   */
  listRevisions(options) {
    const pagedResult = {
      firstPageLink: void 0,
      getPage: async (pageLink) => {
        const response = await this.sendRevisionsRequest(options, pageLink);
        const currentResponse = {
          ...response,
          items: response.items != null ? response.items.map(transformKeyValue) : [],
          continuationToken: response.nextLink ? extractAfterTokenFromNextLink(response.nextLink) : void 0
        };
        return {
          page: currentResponse,
          nextPageLink: currentResponse.continuationToken
        };
      },
      toElements: (page) => page.items
    };
    return getPagedAsyncIterator(pagedResult);
  }
  async sendRevisionsRequest(options = {}, pageLink) {
    return tracingClient.withSpan("AppConfigurationClient.listRevisions", options, async (updatedOptions) => {
      const rawResponse = await _getRevisionsSend(this._context, {
        ...updatedOptions,
        ...formatAcceptDateTime(options),
        ...formatFiltersAndSelect(updatedOptions),
        after: pageLink,
        requestOptions: {
          ...updatedOptions.requestOptions,
          skipUrlEncoding: true
        }
      });
      const parsed = await _getRevisionsDeserialize(rawResponse);
      return Object.assign(parsed, { _response: rawResponse });
    });
  }
  /**
   * Sets the value of a key in the Azure App Configuration service, allowing for an optional etag.
   * @param key - The name of the key.
   * @param configurationSetting - A configuration value.
   * @param options - Optional parameters for the request.
   *
   * Example code:
   * ```ts snippet:SetConfigurationSetting
   * import { DefaultAzureCredential } from "@azure/identity";
   * import { AppConfigurationClient } from "@azure/app-configuration";
   *
   * // The endpoint for your App Configuration resource
   * const endpoint = "https://example.azconfig.io";
   * const credential = new DefaultAzureCredential();
   * const client = new AppConfigurationClient(endpoint, credential);
   *
   * await client.setConfigurationSetting({ key: "MyKey", value: "MyValue" });
   * ```
   */
  async setConfigurationSetting(configurationSetting, options = {}) {
    return tracingClient.withSpan("AppConfigurationClient.setConfigurationSetting", options, async (updatedOptions) => {
      const keyValue = serializeAsConfigurationSettingParam(configurationSetting);
      logger.info("[setConfigurationSetting] Setting new key value");
      const response = transformKeyValueResponse(await this.client.putKeyValue("application/json", encodePathParameter(configurationSetting.key), {
        ...updatedOptions,
        label: configurationSetting.label,
        entity: keyValue,
        ...checkAndFormatIfAndIfNoneMatch(configurationSetting, options),
        requestOptions: {
          ...updatedOptions.requestOptions,
          skipUrlEncoding: true
        }
      }));
      assertResponse(response);
      return response;
    });
  }
  /**
   * Sets or clears a key's read-only status.
   * @param id - The id of the configuration setting to modify.
   */
  async setReadOnly(id, readOnly, options = {}) {
    return tracingClient.withSpan("AppConfigurationClient.setReadOnly", options, async (newOptions) => {
      let response;
      if (readOnly) {
        logger.info("[setReadOnly] Setting read-only status to ${readOnly}");
        response = await this.client.putLock(encodePathParameter(id.key), {
          ...newOptions,
          label: id.label,
          ...checkAndFormatIfAndIfNoneMatch(id, options),
          requestOptions: {
            ...newOptions.requestOptions,
            skipUrlEncoding: true
          }
        });
      } else {
        logger.info("[setReadOnly] Deleting read-only lock");
        response = await this.client.deleteLock(encodePathParameter(id.key), {
          ...newOptions,
          label: id.label,
          ...checkAndFormatIfAndIfNoneMatch(id, options),
          requestOptions: {
            ...newOptions.requestOptions,
            skipUrlEncoding: true
          }
        });
      }
      response = transformKeyValueResponse(response);
      assertResponse(response);
      return response;
    });
  }
  /**
   * Adds an external synchronization token to ensure service requests receive up-to-date values.
   *
   * @param syncToken - The synchronization token value.
   */
  updateSyncToken(syncToken) {
    this._syncTokens.addSyncTokenFromHeaderValue(syncToken);
  }
  /**
   * Begins creating a snapshot for Azure App Configuration service, fails if it
   * already exists.
   */
  beginCreateSnapshot(snapshot, options = {}) {
    return tracingClient.withSpan(`${_AppConfigurationClient.name}.beginCreateSnapshot`, options, async (updatedOptions) => {
      const generatedSnapshot = snapshotInfoToGenerated(snapshot);
      const poller = getLongRunningPoller(this._context, async (result) => transformSnapshotResponse(await _createSnapshotDeserialize(result)), ["201", "200", "202"], {
        updateIntervalInMs: updatedOptions?.updateIntervalInMs,
        abortSignal: updatedOptions?.abortSignal,
        getInitialResponse: () => _createSnapshotSend(this._context, "application/vnd.microsoft.appconfig.snapshot+json", snapshot.name, generatedSnapshot, {
          ...updatedOptions,
          requestOptions: {
            ...updatedOptions.requestOptions,
            skipUrlEncoding: true
          }
        }),
        resourceLocationConfig: "original-uri"
      });
      return wrapPoller(poller);
    });
  }
  /**
   * Begins creating a snapshot for Azure App Configuration service, waits until it is done,
   * fails if it already exists.
   */
  beginCreateSnapshotAndWait(snapshot, options = {}) {
    return tracingClient.withSpan(`${_AppConfigurationClient.name}.beginCreateSnapshotAndWait`, options, async (updatedOptions) => {
      const generatedSnapshot = snapshotInfoToGenerated(snapshot);
      const poller = getLongRunningPoller(this._context, async (result) => transformSnapshotResponse(await _createSnapshotDeserialize(result)), ["201", "200", "202"], {
        updateIntervalInMs: updatedOptions?.updateIntervalInMs,
        abortSignal: updatedOptions?.abortSignal,
        getInitialResponse: () => _createSnapshotSend(this._context, "application/vnd.microsoft.appconfig.snapshot+json", snapshot.name, generatedSnapshot, {
          ...updatedOptions,
          requestOptions: {
            ...updatedOptions.requestOptions,
            skipUrlEncoding: true
          }
        }),
        resourceLocationConfig: "original-uri"
      });
      return poller.pollUntilDone();
    });
  }
  /**
   * Get a snapshot from Azure App Configuration service
   *
   * Example usage:
   * ```ts snippet:GetSnapshot
   * import { DefaultAzureCredential } from "@azure/identity";
   * import { AppConfigurationClient } from "@azure/app-configuration";
   *
   * // The endpoint for your App Configuration resource
   * const endpoint = "https://example.azconfig.io";
   * const credential = new DefaultAzureCredential();
   * const client = new AppConfigurationClient(endpoint, credential);
   *
   * const retrievedSnapshot = await client.getSnapshot("testsnapshot");
   * console.log("Retrieved snapshot:", retrievedSnapshot);
   * ```
   * @param name - The name of the snapshot.
   * @param options - Optional parameters for the request.
   */
  getSnapshot(name, options = {}) {
    return tracingClient.withSpan("AppConfigurationClient.getSnapshot", options, async (updatedOptions) => {
      logger.info("[getSnapshot] Get a snapshot");
      const originalResponse = await this.client.getSnapshot(name, {
        ...updatedOptions,
        requestOptions: {
          ...updatedOptions.requestOptions,
          skipUrlEncoding: true
        }
      });
      const response = transformSnapshotResponse(originalResponse);
      assertResponse(response);
      return response;
    });
  }
  /**
   * Recover an archived snapshot back to ready status
   *
   * Example usage:
   * ```ts snippet:RecoverSnapshot
   * import { DefaultAzureCredential } from "@azure/identity";
   * import { AppConfigurationClient } from "@azure/app-configuration";
   *
   * // The endpoint for your App Configuration resource
   * const endpoint = "https://example.azconfig.io";
   * const credential = new DefaultAzureCredential();
   * const client = new AppConfigurationClient(endpoint, credential);
   *
   * const result = await client.recoverSnapshot("MySnapshot");
   * ```
   * @param name - The name of the snapshot.
   * @param options - Optional parameters for the request.
   */
  recoverSnapshot(name, options = {}) {
    return tracingClient.withSpan("AppConfigurationClient.recoverSnapshot", options, async (updatedOptions) => {
      logger.info("[recoverSnapshot] Recover a snapshot");
      const originalResponse = await this.client.updateSnapshot("application/merge-patch+json", name, { status: "ready" }, {
        ...updatedOptions,
        ...checkAndFormatIfAndIfNoneMatch({ etag: options.etag }, { onlyIfUnchanged: true, ...options }),
        requestOptions: {
          ...updatedOptions.requestOptions,
          skipUrlEncoding: true
        }
      });
      const response = transformSnapshotResponse(originalResponse);
      assertResponse(response);
      return response;
    });
  }
  /**
   * Archive a ready snapshot
   *
   * Example usage:
   * ```ts snippet:ArchiveSnapshot
   * import { DefaultAzureCredential } from "@azure/identity";
   * import { AppConfigurationClient } from "@azure/app-configuration";
   *
   * // The endpoint for your App Configuration resource
   * const endpoint = "https://example.azconfig.io";
   * const credential = new DefaultAzureCredential();
   * const client = new AppConfigurationClient(endpoint, credential);
   *
   * const result = await client.archiveSnapshot({ name: "MySnapshot" });
   * ```
   * @param name - The name of the snapshot.
   * @param options - Optional parameters for the request.
   */
  archiveSnapshot(name, options = {}) {
    return tracingClient.withSpan("AppConfigurationClient.archiveSnapshot", options, async (updatedOptions) => {
      logger.info("[archiveSnapshot] Archive a snapshot");
      const originalResponse = await this.client.updateSnapshot("application/merge-patch+json", name, { status: "archived" }, {
        ...updatedOptions,
        ...checkAndFormatIfAndIfNoneMatch({ etag: options.etag }, { onlyIfUnchanged: true, ...options }),
        requestOptions: {
          ...updatedOptions.requestOptions,
          skipUrlEncoding: true
        }
      });
      const response = transformSnapshotResponse(originalResponse);
      assertResponse(response);
      return response;
    });
  }
  /**
   * List all snapshots from Azure App Configuration service
   *
   * Example usage:
   * ```ts snippet:ListSnapshots
   * import { DefaultAzureCredential } from "@azure/identity";
   * import { AppConfigurationClient } from "@azure/app-configuration";
   *
   * // The endpoint for your App Configuration resource
   * const endpoint = "https://example.azconfig.io";
   * const credential = new DefaultAzureCredential();
   * const client = new AppConfigurationClient(endpoint, credential);
   *
   * const snapshots = await client.listSnapshots();
   *
   * for await (const snapshot of snapshots) {
   *   console.log(`Found snapshot: ${snapshot.name}`);
   * }
   * ```
   * @param options - Optional parameters for the request.
   */
  listSnapshots(options = {}) {
    const pagedResult = {
      firstPageLink: void 0,
      getPage: async (pageLink) => {
        const response = await this.sendSnapShotsRequest(options, pageLink);
        const currentResponse = {
          ...response,
          items: response.items != null ? response.items.map((s) => transformSnapshotResponse(s)) : [],
          continuationToken: response.nextLink ? extractAfterTokenFromNextLink(response.nextLink) : void 0
        };
        return {
          page: currentResponse,
          nextPageLink: currentResponse.continuationToken
        };
      },
      toElements: (page) => page.items
    };
    return getPagedAsyncIterator(pagedResult);
  }
  async sendSnapShotsRequest(options = {}, pageLink) {
    return tracingClient.withSpan("AppConfigurationClient.listSnapshots", options, async (updatedOptions) => {
      const rawResponse = await _getSnapshotsSend(this._context, {
        ...updatedOptions,
        ...formatSnapshotFiltersAndSelect(options),
        after: pageLink,
        requestOptions: {
          ...updatedOptions.requestOptions,
          skipUrlEncoding: true
        }
      });
      const parsed = await _getSnapshotsDeserialize(rawResponse);
      return Object.assign(parsed, { _response: rawResponse });
    });
  }
};

// packages/app-configuration/src/store.ts
function describeKey(key, label) {
  return label === null ? key : `${key} (label ${label})`;
}
function stateOf(setting) {
  return {
    key: setting.key,
    label: setting.label ?? null,
    existed: true,
    value: setting.value ?? null,
    contentType: setting.contentType ?? null,
    tags: { ...setting.tags ?? {} }
  };
}
function absent(key, label) {
  return {
    key,
    label,
    existed: false,
    value: null,
    contentType: null,
    tags: {}
  };
}
function sameState(a, b) {
  if (a.existed !== b.existed) return false;
  if (!a.existed) return true;
  const tags = (t) => JSON.stringify(Object.entries(t).sort(([x], [y]) => x < y ? -1 : 1));
  return a.value === b.value && (a.contentType ?? null) === (b.contentType ?? null) && tags(a.tags) === tags(b.tags);
}
function createAppConfigurationClient(endpoint, credential) {
  return new AppConfigurationClient2(endpoint, credential, {
    retryOptions: {
      maxRetries: 4,
      retryDelayInMs: 500,
      maxRetryDelayInMs: 8e3
    }
  });
}
function storeError(what, error) {
  if (error instanceof ConfigurationError || error instanceof OperationError)
    return error;
  const e = error ?? {};
  const status = e.statusCode;
  if (status === 401)
    return new ConfigurationError(
      `${what}: the store refused the credential (HTTP 401); check client-id/tenant-id and that the federated credential matches this job`,
      { cause: error }
    );
  if (status === 403)
    return new ConfigurationError(
      `${what}: the identity lacks a data-plane role on the store (HTTP 403); grant it "App Configuration Data Owner" (writes) or "App Configuration Data Reader" (dry runs)`,
      { cause: error }
    );
  if (status === 409)
    return new ConfigurationError(
      `${what}: the key-value is read-only (locked, HTTP 409); unlock it in the store and run again`,
      { cause: error }
    );
  if (status === 412)
    return new OperationError(
      `${what}: the key-value changed since it was read (ETag mismatch, HTTP 412); another client is writing it \u2014 look at its current value and run again`,
      { cause: error }
    );
  if (status === 429 || status === 503)
    return new OperationError(
      `${what}: the store kept throttling (HTTP ${status}) after the SDK's retries; run again later`,
      { cause: error }
    );
  if (status !== void 0)
    return new OperationError(`${what}: the store answered HTTP ${status}`, {
      cause: error
    });
  const code = e.code ?? "";
  if (/ENOTFOUND|ECONNREFUSED|EAI_AGAIN|ECONNRESET|ETIMEDOUT|CERT|SELF_SIGNED|UNABLE_TO_VERIFY/i.test(
    code + " " + (e.message ?? "")
  ))
    return new ConfigurationError(
      `${what}: cannot reach the store (${code || "network error"}); check the endpoint input and the runner's network`,
      { cause: error }
    );
  return new OperationError(
    `${what}: ${e.message ?? String(error)}`.slice(0, 400),
    { cause: error }
  );
}
async function listKeyValues(client, keyFilter, labelFilter, acceptDateTime) {
  const out = [];
  try {
    for await (const s of client.listConfigurationSettings({
      keyFilter,
      labelFilter,
      ...acceptDateTime ? { acceptDateTime } : {}
    }))
      out.push(s);
  } catch (error) {
    throw storeError(
      `listing key-values "${keyFilter}"${acceptDateTime ? ` at ${acceptDateTime.toISOString()}` : ""}`,
      error
    );
  }
  return out;
}
async function applyChanges(client, changes, log) {
  const done = [];
  for (const change of changes) {
    const where = describeKey(change.key, change.label);
    try {
      const etag = await writeState(client, change.to, change.fromEtag);
      done.push({ ...change.from, writtenEtag: etag });
      log.info(
        `${where}: ${change.action === "delete" ? "deleted" : "written"}`
      );
    } catch (error) {
      const failed = storeError(`writing ${where}`, error);
      if (done.length === 0) throw failed;
      log.warning(
        `${where} failed; putting back the ${done.length} key-value(s) already written`,
        "Undoing a partial write"
      );
      try {
        await restoreSnapshots(client, done, log);
      } catch (undoError) {
        throw new OperationError(
          `${failed.message}. Undoing the ${done.length} earlier write(s) also failed (${undoError.message}); the store is partly changed: ${done.map((d) => describeKey(d.key, d.label)).join(", ")}`,
          { cause: error }
        );
      }
      throw new OperationError(
        `${failed.message}. The ${done.length} earlier write(s) were put back; the store is as it was`,
        { cause: error }
      );
    }
  }
  return done;
}
async function writeState(client, to, ifMatch) {
  const id = { key: to.key, ...to.label === null ? {} : { label: to.label } };
  if (!to.existed) {
    if (ifMatch === null) return null;
    await client.deleteConfigurationSetting(
      { ...id, etag: ifMatch },
      { onlyIfUnchanged: true }
    );
    return null;
  }
  const setting = {
    ...id,
    value: to.value ?? "",
    ...to.contentType === null ? {} : { contentType: to.contentType },
    tags: to.tags
  };
  const written = ifMatch === null ? await client.addConfigurationSetting(setting) : await client.setConfigurationSetting(
    { ...setting, etag: ifMatch },
    { onlyIfUnchanged: true }
  );
  return written.etag ?? null;
}
async function restoreSnapshots(client, snapshots, log, options = {}) {
  const changes = [];
  const moved = [];
  for (const s of snapshots) {
    const now = await readOne(client, s.key, s.label);
    const nowEtag = now?.etag ?? null;
    if (nowEtag !== s.writtenEtag) {
      moved.push(describeKey(s.key, s.label));
      continue;
    }
    const from = now ? stateOf(now) : absent(s.key, s.label);
    const to = {
      key: s.key,
      label: s.label,
      existed: s.existed,
      value: s.value,
      contentType: s.contentType,
      tags: s.tags
    };
    if (sameState(from, to)) continue;
    changes.push({
      key: s.key,
      label: s.label,
      action: to.existed ? "set" : "delete",
      from,
      fromEtag: nowEtag,
      to
    });
  }
  if (moved.length > 0)
    throw new ConfigurationError(
      `changed since this suite wrote them, so not put back: ${moved.join(", ")}; nothing was written \u2014 look at their current values and restore them by hand or run the action again`
    );
  if (options.dryRun) return changes;
  for (const c of changes) {
    const where = describeKey(c.key, c.label);
    try {
      await writeState(client, c.to, c.fromEtag);
    } catch (error) {
      throw storeError(`putting back ${where}`, error);
    }
    log.info(`${where}: put back`);
  }
  return changes;
}
async function readOne(client, key, label) {
  try {
    return await client.getConfigurationSetting({
      key,
      ...label === null ? {} : { label }
    });
  } catch (error) {
    if (error.statusCode === 404) return void 0;
    throw storeError(`reading ${describeKey(key, label)}`, error);
  }
}
async function verifyStates(client, wanted) {
  const wrong = [];
  for (const w of wanted) {
    const now = await readOne(client, w.key, w.label);
    if (!sameState(now ? stateOf(now) : absent(w.key, w.label), w))
      wrong.push(describeKey(w.key, w.label));
  }
  if (wrong.length > 0)
    throw new OperationError(
      `read back after writing, these key-values do not hold what was written: ${wrong.join(", ")}; another client may be writing them`
    );
}

// packages/app-configuration/src/flags.ts
function escapeFilter(text) {
  return text.replace(/[\\*,]/g, (c) => `\\${c}`);
}
function labelFilterOf(label) {
  return label === null ? "\0" : escapeFilter(label);
}
function parseFlag(setting) {
  const where = describeKey(setting.key, setting.label ?? null);
  if (setting.contentType !== featureFlagContentType)
    throw new ConfigurationError(
      `${where} is not a feature flag (content type ${JSON.stringify(setting.contentType ?? null)}, expected ${featureFlagContentType}); name only feature flags`
    );
  try {
    const v = JSON.parse(setting.value ?? "");
    if (!v || typeof v !== "object" || Array.isArray(v)) throw new Error();
    return v;
  } catch {
    throw new ConfigurationError(
      `${where}: the flag's value is not a JSON object; fix the flag in the store first`
    );
  }
}
function percentages(flag) {
  const out = [];
  for (const f of flag.conditions?.client_filters ?? []) {
    const p = f.parameters ?? {};
    if (f.name === "Microsoft.Percentage" || f.name === "Percentage")
      out.push(Number(p.Value ?? 0));
    if (f.name === "Microsoft.Targeting" || f.name === "Targeting") {
      const audience = p.Audience ?? {};
      out.push(Number(audience.DefaultRolloutPercentage ?? 0));
      for (const g of audience.Groups ?? [])
        out.push(Number(g.RolloutPercentage ?? 0));
    }
  }
  return out;
}
function applied(flag, action) {
  const copy = structuredClone(flag);
  if (action === "disable") {
    copy.enabled = false;
    return copy;
  }
  for (const f of copy.conditions?.client_filters ?? []) {
    const p = f.parameters ??= {};
    if (f.name === "Microsoft.Percentage" || f.name === "Percentage")
      p.Value = 0;
    if (f.name === "Microsoft.Targeting" || f.name === "Targeting") {
      const audience = p.Audience ?? {};
      audience.DefaultRolloutPercentage = 0;
      for (const g of audience.Groups ?? []) g.RolloutPercentage = 0;
      p.Audience = audience;
    }
  }
  return copy;
}
async function resolveFlags(client, selection) {
  const labelFilter = labelFilterOf(selection.label);
  const labelText = selection.label === null ? "without label" : `with label "${selection.label}"`;
  if ("nameFilter" in selection) {
    const found2 = await listKeyValues(
      client,
      `${featureFlagPrefix}${selection.nameFilter}`,
      labelFilter
    );
    if (found2.length === 0)
      throw new ConfigurationError(
        `no feature flag matches "${selection.nameFilter}" ${labelText}; check flag-filter and label`
      );
    for (const f of found2) parseFlag(f);
    return found2;
  }
  const found = [];
  for (let i = 0; i < selection.names.length; i += 5) {
    const chunk = selection.names.slice(i, i + 5);
    found.push(
      ...await listKeyValues(
        client,
        chunk.map((n) => escapeFilter(`${featureFlagPrefix}${n}`)).join(","),
        labelFilter
      )
    );
  }
  const have = new Set(found.map((f) => f.key.slice(featureFlagPrefix.length)));
  const unknown = selection.names.filter((n) => !have.has(n));
  if (unknown.length > 0)
    throw new ConfigurationError(
      `unknown feature flag(s) ${unknown.map((n) => `"${n}"`).join(", ")} ${labelText} in the store; nothing was changed \u2014 check the names and the label`
    );
  for (const f of found) parseFlag(f);
  return found;
}
function planFlags(flags, action) {
  const changes = [];
  const reports = [];
  for (const setting of flags) {
    const flag = parseFlag(setting);
    const name = setting.key.slice(featureFlagPrefix.length);
    const label = setting.label ?? null;
    if (action === "zero-percent" && percentages(flag).length === 0 && flag.enabled === true)
      throw new ConfigurationError(
        `${describeKey(setting.key, label)} has no Microsoft.Percentage or Microsoft.Targeting filter, so a 0 % rollout would leave it on for everyone; use action "disable" for it`
      );
    const next = applied(flag, action);
    const from = stateOf(setting);
    const to = { ...from, value: JSON.stringify(next) };
    const changed = action === "disable" ? flag.enabled !== false : percentages(flag).some((p) => p !== 0);
    reports.push({
      name,
      label,
      enabledBefore: flag.enabled === true,
      enabledAfter: next.enabled === true,
      percentBefore: percentages(flag),
      percentAfter: percentages(next),
      changed
    });
    if (changed && setting.isReadOnly)
      throw new ConfigurationError(
        `${describeKey(setting.key, label)} is read-only (locked); unlock it in the store first \u2014 nothing was written`
      );
    if (changed)
      changes.push({
        key: setting.key,
        label,
        action: "set",
        from,
        fromEtag: setting.etag ?? null,
        to
      });
  }
  return { changes, reports };
}
async function applyFlagPlan(client, plan, log) {
  const snapshots = await applyChanges(client, plan.changes, log);
  await verifyStates(
    client,
    plan.changes.map((c) => c.to)
  );
  return snapshots;
}

// packages/app-configuration/src/restore.ts
var DAY_MS = 864e5;
function checkPointInTime(pointInTime, retentionDays, now = /* @__PURE__ */ new Date()) {
  if (pointInTime.getTime() > now.getTime())
    throw new ConfigurationError(
      `point in time ${pointInTime.toISOString()} is in the future (now ${now.toISOString()}); give a past UTC time`
    );
  const earliest = new Date(now.getTime() - retentionDays * DAY_MS);
  if (pointInTime.getTime() < earliest.getTime())
    throw new ConfigurationError(
      `point in time ${pointInTime.toISOString()} is outside the store's revision retention of ${retentionDays} days (earliest ${earliest.toISOString()}); the store no longer holds that history \u2014 pick a later time or restore from an exported snapshot`
    );
}
async function planRestore(client, keyFilter, labelFilter, pointInTime) {
  const flags = keyFilter.startsWith(FEATURE_FLAG_PREFIX);
  const [now, then] = await Promise.all([
    listKeyValues(client, keyFilter, labelFilter),
    listKeyValues(client, keyFilter, labelFilter, pointInTime)
  ]);
  const revisionsSince = /* @__PURE__ */ new Map();
  const id = (key, label) => `${key}\0${label ?? "\0"}`;
  try {
    for await (const r of client.listRevisions({
      keyFilter,
      labelFilter,
      fields: ["key", "label", "lastModified"]
    })) {
      if (r.lastModified && r.lastModified.getTime() <= pointInTime.getTime())
        continue;
      const k = id(r.key, r.label ?? null);
      revisionsSince.set(k, (revisionsSince.get(k) ?? 0) + 1);
    }
  } catch (error) {
    throw storeError(`listing revisions of "${keyFilter}"`, error);
  }
  const nowMap = new Map(now.map((s) => [id(s.key, s.label ?? null), s]));
  const thenMap = new Map(then.map((s) => [id(s.key, s.label ?? null), s]));
  const ids = [.../* @__PURE__ */ new Set([...nowMap.keys(), ...thenMap.keys()])].sort();
  const keys = [];
  const changes = [];
  const locked = [];
  for (const k of ids) {
    const current = nowMap.get(k);
    const past = thenMap.get(k);
    const any = current ?? past;
    if (!flags && any.key.startsWith(FEATURE_FLAG_PREFIX)) continue;
    const key = any.key;
    const label = any.label ?? null;
    const from = current ? stateOf(current) : absent(key, label);
    const to = past ? stateOf(past) : absent(key, label);
    const action = sameState(from, to) ? "none" : to.existed ? "set" : "delete";
    keys.push({
      key,
      label,
      action,
      currentValue: from.value,
      restoredValue: to.value,
      revisionsSince: revisionsSince.get(k) ?? 0,
      lastModified: current?.lastModified?.toISOString() ?? ""
    });
    if (action === "none") continue;
    if (current?.isReadOnly) locked.push(describeKey(key, label));
    changes.push({
      key,
      label,
      action,
      from,
      fromEtag: current?.etag ?? null,
      to
    });
  }
  if (locked.length > 0)
    throw new ConfigurationError(
      `read-only (locked) key-values would have to change: ${locked.join(", ")}; unlock them first \u2014 nothing was written`
    );
  return { keys, changes };
}

// packages/app-configuration/src/endpoint.ts
function parseStoreEndpoint(text) {
  const v = text.trim();
  if (CONNECTION_STRING.test(v))
    throw new Error(
      "is a connection string, which carries an access key; give only the endpoint (https://<store>.azconfig.io), sign in with client-id/tenant-id (GitHub OIDC), and rotate that access key if it was exposed"
    );
  let url;
  try {
    url = new URL(v);
  } catch {
    throw new Error("is not a URL; use https://<store>.azconfig.io");
  }
  if (url.protocol !== "https:")
    throw new Error("must use https (Entra tokens are only sent over TLS)");
  if (url.pathname !== "/" && url.pathname !== "" || url.search || url.hash)
    throw new Error("must be the store endpoint only, without a path or query");
  if (url.username || url.password)
    throw new Error("must not carry credentials");
  return `${url.protocol}//${url.host}`;
}

// packages/app-configuration/src/snapshots.ts
function parseSnapshots(text) {
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error(
      "is not JSON; pass the previous-state / previous-values output of the earlier run unchanged"
    );
  }
  if (!Array.isArray(data) || data.length === 0)
    throw new Error("must be a non-empty JSON list of recorded key-values");
  return data.map((item, i) => {
    const o = item ?? {};
    const str = (v) => typeof v === "string";
    const strOrNull = (v) => v === null || typeof v === "string";
    const tags = o.tags;
    if (!str(o.key) || o.key === "" || !strOrNull(o.label) || typeof o.existed !== "boolean" || !strOrNull(o.value) || !strOrNull(o.contentType) || !strOrNull(o.writtenEtag) || !tags || typeof tags !== "object" || Object.values(tags).some((v) => typeof v !== "string"))
      throw new Error(
        `item ${i + 1} is not a recorded key-value (key, label, existed, value, contentType, tags, writtenEtag)`
      );
    return {
      key: o.key,
      label: o.label,
      existed: o.existed,
      value: o.value,
      contentType: o.contentType,
      tags,
      writtenEtag: o.writtenEtag
    };
  });
}

export {
  FEATURE_FLAG_PREFIX,
  FEATURE_FLAG_NAME,
  describeKey,
  createAppConfigurationClient,
  applyChanges,
  restoreSnapshots,
  verifyStates,
  resolveFlags,
  planFlags,
  applyFlagPlan,
  checkPointInTime,
  planRestore,
  parseStoreEndpoint,
  parseSnapshots
};
