import { createRequire as __rollbackCreateRequire } from 'node:module';
const require = __rollbackCreateRequire(import.meta.url);
import {
  ConfigurationError,
  GUID_PATTERN,
  TENANT_DOMAIN_PATTERN,
  retryPolicyFromEnv,
  silentLogger
} from "./chunk-MVCT2E6R.js";
import {
  RestError
} from "./chunk-RHQTSG7L.js";

// packages/azure/src/pipeline.ts
function azurePipelineOptions(policy, log, service) {
  const tries = /* @__PURE__ */ new WeakMap();
  const perTry = {
    name: "rollbackTimeoutAndRetryLog",
    async sendRequest(request, next) {
      const attempt = (tries.get(request) ?? 0) + 1;
      tries.set(request, attempt);
      if (attempt > 1)
        log.info(
          `${service}: ${request.method} ${new URL(request.url).pathname}: retry ${attempt - 1}/${policy.attempts - 1}`
        );
      if (!request.timeout) request.timeout = policy.requestTimeoutMs;
      try {
        return await next(request);
      } catch (error) {
        if (request.abortSignal?.aborted) throw error;
        if (error.name === "AbortError")
          throw new RestError(
            `${service}: no answer to ${request.method} within ${request.timeout} ms`,
            { code: "ETIMEDOUT", request }
          );
        const code = error.code;
        if ((code === void 0 || code === RestError.PARSE_ERROR) && /\baborted\b|socket hang up/i.test(error.message))
          throw new RestError(
            `${service}: the connection was cut during the answer to ${request.method}`,
            { code: "ECONNRESET", request }
          );
        throw error;
      }
    }
  };
  return {
    retryOptions: {
      maxRetries: policy.attempts - 1,
      retryDelayInMs: policy.baseDelayMs,
      maxRetryDelayInMs: policy.maxDelayMs
    },
    additionalPolicies: [{ policy: perTry, position: "perRetry" }]
  };
}

// packages/azure/src/index.ts
var AzureAuthorityHosts = {
  AzurePublicCloud: "https://login.microsoftonline.com",
  AzureChina: "https://login.chinacloudapi.cn",
  AzureGovernment: "https://login.microsoftonline.us"
};
var LazyCredential = class {
  constructor(create) {
    this.create = create;
  }
  create;
  credential;
  async getToken(scopes, options) {
    this.credential ??= this.create();
    return (await this.credential).getToken(scopes, options);
  }
};
var AZURE_FEDERATION_AUDIENCE = "api://AzureADTokenExchange";
var KNOWN_AUTHORITY_HOSTS = /* @__PURE__ */ new Set([
  AzureAuthorityHosts.AzurePublicCloud,
  AzureAuthorityHosts.AzureChina,
  AzureAuthorityHosts.AzureGovernment
]);
function isKnownAuthorityHost(host) {
  return KNOWN_AUTHORITY_HOSTS.has(host.replace(/\/+$/, "").toLowerCase());
}
function createAzureCredential(options, env = process.env) {
  if ("useAzureCli" in options) {
    if (options.tenantId !== void 0) checkTenant(options.tenantId);
    const tenantId2 = options.tenantId;
    return new LazyCredential(async () => {
      const { AzureCliCredential } = await import("./esm-K65ZOMHQ.js");
      return new AzureCliCredential(tenantId2 === void 0 ? {} : { tenantId: tenantId2 });
    });
  }
  if (!GUID_PATTERN.test(options.clientId)) {
    throw new ConfigurationError(
      `client id "${options.clientId}" is not a GUID: use the Application (client) ID of the app registration or managed identity that holds the federated credential`
    );
  }
  checkTenant(options.tenantId);
  const authorityHost = (options.authorityHost || env.AZURE_AUTHORITY_HOST || AzureAuthorityHosts.AzurePublicCloud).replace(/\/+$/, "");
  let parsed;
  try {
    parsed = new URL(authorityHost);
  } catch {
    throw new ConfigurationError(
      `Azure authority host "${authorityHost}" is not a URL: set AZURE_AUTHORITY_HOST to e.g. https://login.microsoftonline.com`
    );
  }
  if (parsed.protocol !== "https:") {
    throw new ConfigurationError(
      `Azure authority host "${authorityHost}" must use https (Entra refuses anything else)`
    );
  }
  const { tenantId, clientId, getAssertion, caPem, transport } = options;
  return new LazyCredential(async () => {
    const { ClientAssertionCredential } = await import("./esm-K65ZOMHQ.js");
    return new ClientAssertionCredential(tenantId, clientId, getAssertion, {
      ...transport ? azurePipelineOptions(transport.policy, transport.log, "Entra ID") : {},
      authorityHost,
      disableInstanceDiscovery: !isKnownAuthorityHost(authorityHost),
      ...caPem ? { tlsOptions: { ca: caPem } } : {}
    });
  });
}
function checkTenant(tenantId) {
  if (!GUID_PATTERN.test(tenantId) && !TENANT_DOMAIN_PATTERN.test(tenantId)) {
    throw new ConfigurationError(
      `tenant id "${tenantId}" is neither a GUID nor a domain: use the Directory (tenant) ID from Entra ID`
    );
  }
}
function credentialFromInputs(inputs, ctx) {
  return inputs.clientId && inputs.tenantId ? createAzureCredential(
    {
      clientId: inputs.clientId,
      tenantId: inputs.tenantId,
      getAssertion: () => ctx.oidcToken(AZURE_FEDERATION_AUDIENCE),
      transport: {
        policy: retryPolicyFromEnv(ctx.env),
        log: ctx.log ?? silentLogger
      }
    },
    ctx.env
  ) : createAzureCredential({ useAzureCli: true }, ctx.env);
}

export {
  azurePipelineOptions,
  AZURE_FEDERATION_AUDIENCE,
  createAzureCredential,
  credentialFromInputs
};
