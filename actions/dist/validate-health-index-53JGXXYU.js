import { createRequire as __rollbackCreateRequire } from 'node:module';
const require = __rollbackCreateRequire(import.meta.url);
import {
  PrometheusClient,
  httpChecksField,
  prometheusAuthFromInputs,
  prometheusAuthMode,
  prometheusChecksField,
  smokeTestsField,
  validateHealth
} from "./chunk-5BDOYWDH.js";
import {
  createKubeClients
} from "./chunk-ZWICFGWV.js";
import {
  AZURE_FEDERATION_AUDIENCE
} from "./chunk-F2OUKQY5.js";
import {
  InputError,
  OperationError,
  azureClientId,
  azureTenantId,
  defineAction,
  durationSecondsAtMost,
  external_exports,
  flag,
  httpUrl,
  k8sName,
  nameList,
  namespaceName,
  positiveInteger,
  secret
} from "./chunk-MVCT2E6R.js";
import "./chunk-RHQTSG7L.js";
import "./chunk-WTTBYOJK.js";

// actions/validate-health/src/main.ts
import { existsSync, readFileSync } from "node:fs";

// actions/validate-health/src/inputs.ts
var nonNegativeInteger = external_exports.string().regex(/^\d+$/, "must be a whole number (0 or more)").transform(Number);
var ValidateHealthInputs = external_exports.object({
  namespace: namespaceName.optional(),
  // input `namespace`
  deployments: nameList(k8sName).optional(),
  // input `deployments`
  httpChecks: httpChecksField.optional(),
  // input `http-checks`: YAML list
  interval: durationSecondsAtMost("1h"),
  // input `interval`
  consecutiveSuccesses: positiveInteger,
  // input `consecutive-successes`
  timeout: durationSecondsAtMost("6h"),
  // input `timeout`
  count: positiveInteger.optional(),
  // input `count`
  duration: durationSecondsAtMost("6h").optional(),
  // input `duration`
  failureLimit: nonNegativeInteger,
  // input `failure-limit`
  consecutiveErrorLimit: nonNegativeInteger,
  // input `consecutive-error-limit`
  prometheusUrl: httpUrl.optional(),
  // input `prometheus-url`: no user:password@
  prometheusChecks: prometheusChecksField.optional(),
  // input `prometheus-checks`: YAML list
  prometheusAuth: prometheusAuthMode,
  // input `prometheus-auth`
  prometheusToken: secret.optional(),
  // input `prometheus-token`
  clientId: azureClientId.optional(),
  // input `client-id`
  tenantId: azureTenantId.optional(),
  // input `tenant-id`
  smokeTests: smokeTestsField.optional(),
  // input `smoke-tests`: YAML list
  caCertificate: external_exports.string().optional(),
  // input `ca-certificate`: PEM text or file path
  failUnlessHealthy: flag
  // input `fail-unless-healthy`
}).refine((i) => !(i.deployments && !i.namespace), {
  path: ["namespace"],
  message: "is required when deployments is set"
}).refine((i) => !(i.prometheusChecks && !i.prometheusUrl), {
  path: ["prometheusUrl"],
  message: "is required when prometheus-checks is set"
}).refine((i) => !(i.count !== void 0 && i.duration !== void 0), {
  path: ["count"],
  message: 'and input "duration" both set; keep one (count = number of rounds, duration = length of the window)'
}).refine((i) => i.duration === void 0 || i.duration <= i.timeout, {
  path: ["duration"],
  message: 'is longer than input "timeout"; raise timeout or shorten duration'
}).refine(
  (i) => i.count === void 0 || (i.count - 1) * i.interval <= i.timeout,
  {
    path: ["count"],
    message: 'rounds spaced by input "interval" do not fit in input "timeout"; raise timeout or lower count'
  }
).refine((i) => i.prometheusAuth !== "bearer" || i.prometheusToken, {
  path: ["prometheusToken"],
  message: "is required when prometheus-auth is bearer"
}).refine((i) => i.prometheusAuth !== "azure" || i.clientId && i.tenantId, {
  path: ["clientId"],
  message: 'and input "tenant-id" are required when prometheus-auth is azure (the identity with the federated credential)'
}).refine(
  (i) => i.deployments !== void 0 || i.httpChecks !== void 0 || i.prometheusChecks !== void 0 || i.smokeTests !== void 0,
  {
    path: ["deployments"],
    message: "nothing to validate: set deployments, http-checks, prometheus-checks or smoke-tests"
  }
);

// actions/validate-health/src/report.ts
var ICON = {
  success: "good",
  failure: "BAD",
  pending: "pending",
  "no-data": "no data",
  error: "error"
};
function writeHealthSummary(ctx, title, verdict, reason, checks, readings) {
  ctx.summary.heading(`${title}: ${verdict}`, 2);
  ctx.summary.paragraph(reason);
  if (checks.length > 0) {
    ctx.summary.table(
      ["Check", "Kind", "Verdict", "Why", "Readings (good/bad/no data/errors)"],
      checks.map((c) => [
        c.name,
        c.kind,
        c.verdict,
        c.reason,
        `${c.state.successes}/${c.state.failures}/${c.state.noData}/${c.state.errors}`
      ])
    );
  }
  if (readings.length > 0) {
    ctx.summary.heading("Readings", 3);
    ctx.summary.table(
      [
        "Time (UTC)",
        "Check",
        "Query as sent",
        "Value",
        "Threshold",
        "Reading",
        "Detail"
      ],
      readings.map((r) => [
        r.at,
        r.check,
        r.query !== void 0 ? `\`${r.query}\`` : "",
        r.value ?? "",
        r.threshold ?? "",
        ICON[r.outcome] ?? r.outcome,
        r.detail
      ])
    );
  }
}

// actions/validate-health/src/main.ts
function readCa(value) {
  if (value === void 0) return void 0;
  if (value.includes("-----BEGIN CERTIFICATE-----")) return value;
  if (!existsSync(value)) {
    throw new InputError(
      "ca-certificate",
      `"${value}" is neither PEM text nor an existing file; paste the CA certificate or give its path`
    );
  }
  const text = readFileSync(value, "utf8");
  if (!text.includes("-----BEGIN CERTIFICATE-----")) {
    throw new InputError(
      "ca-certificate",
      `file "${value}" holds no PEM certificate`
    );
  }
  return text;
}
var run = defineAction("validate-health", async (ctx) => {
  const inputs = ctx.inputs(ValidateHealthInputs);
  const deps = { log: ctx.log };
  await ctx.log.group("Resolve", async () => {
    const ca = readCa(inputs.caCertificate);
    deps.http = {
      ...ca ? { ca } : {},
      timeoutSeconds: Math.min(10, inputs.interval)
    };
    if (inputs.deployments) deps.kube = createKubeClients(ctx.env.KUBECONFIG);
    if (inputs.prometheusUrl) {
      const auth = prometheusAuthFromInputs(inputs, {
        getAssertion: () => ctx.oidcToken(AZURE_FEDERATION_AUDIENCE),
        env: ctx.env
      });
      deps.prometheus = new PrometheusClient({
        url: inputs.prometheusUrl,
        auth,
        timeoutSeconds: Math.min(10, inputs.interval)
      });
    }
    ctx.log.info(
      `validating ${[
        inputs.deployments ? `pods of ${inputs.deployments.join(", ")} in ${inputs.namespace ?? ""}` : "",
        inputs.httpChecks ? `${inputs.httpChecks.length} HTTP check(s)` : "",
        inputs.prometheusChecks ? `${inputs.prometheusChecks.length} Prometheus check(s) at ${inputs.prometheusUrl ?? ""}` : "",
        inputs.smokeTests ? `${inputs.smokeTests.length} smoke test(s)` : ""
      ].filter(Boolean).join(
        ", "
      )} every ${inputs.interval}s, ${inputs.consecutiveSuccesses} good reading(s) in a row, timeout ${inputs.timeout}s`
    );
    return Promise.resolve();
  });
  const result = await ctx.log.group(
    "Verify",
    () => ctx.audit.step("Validate health", async (rec) => {
      try {
        const r = await validateHealth(
          {
            ...inputs.namespace ? { namespace: inputs.namespace } : {},
            deployments: inputs.deployments ?? [],
            httpChecks: inputs.httpChecks ?? [],
            prometheusChecks: inputs.prometheusChecks ?? [],
            smokeTests: inputs.smokeTests ?? [],
            window: {
              intervalSeconds: inputs.interval,
              timeoutSeconds: inputs.timeout,
              ...inputs.count !== void 0 ? { count: inputs.count } : {},
              ...inputs.duration !== void 0 ? { durationSeconds: inputs.duration } : {}
            },
            consecutiveSuccesses: inputs.consecutiveSuccesses,
            failureLimit: inputs.failureLimit,
            consecutiveErrorLimit: inputs.consecutiveErrorLimit
          },
          deps
        );
        rec.detail("verdict", r.verdict);
        rec.detail("reason", r.reason);
        rec.detail(
          "checks",
          r.checks.map((c) => ({
            name: c.name,
            kind: c.kind,
            verdict: c.verdict,
            reason: c.reason
          }))
        );
        rec.detail("readings", r.readings);
        rec.detail("rounds", r.analysis.rounds);
        rec.detail("stopped_because", r.analysis.stoppedBecause);
        return r;
      } finally {
        rec.detail("prometheus_url", inputs.prometheusUrl ?? null);
      }
    })
  );
  writeHealthSummary(
    ctx,
    "Health validation",
    result.verdict,
    result.reason,
    result.checks,
    result.readings
  );
  ctx.output.set("verdict", result.verdict);
  ctx.output.set("reason", result.reason);
  if (result.verdict === "healthy") {
    ctx.log.notice(`validate-health: ${result.reason}`);
  } else if (inputs.failUnlessHealthy) {
    throw new HealthVerdictError(result.reason);
  } else {
    ctx.log.warning(result.reason, "Health validation");
  }
});
var HealthVerdictError = class extends OperationError {
};

// actions/validate-health/src/index.ts
await run();
