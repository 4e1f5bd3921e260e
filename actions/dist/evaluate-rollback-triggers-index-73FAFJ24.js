import { createRequire as __rollbackCreateRequire } from 'node:module';
const require = __rollbackCreateRequire(import.meta.url);
import {
  PrometheusClient,
  evaluateRollbackTriggers,
  parseDuration,
  parseThreshold,
  prometheusAuthFromInputs,
  prometheusAuthMode,
  serviceLabelsField
} from "./chunk-5BDOYWDH.js";
import {
  AZURE_FEDERATION_AUDIENCE
} from "./chunk-F2OUKQY5.js";
import {
  OperationError,
  azureClientId,
  azureTenantId,
  defineAction,
  external_exports,
  fromParser,
  httpUrl,
  refuse,
  retryPolicyFromEnv,
  secret
} from "./chunk-MVCT2E6R.js";
import "./chunk-RHQTSG7L.js";
import "./chunk-WTTBYOJK.js";

// actions/evaluate-rollback-triggers/src/inputs.ts
var metricName = external_exports.string().regex(/^[a-zA-Z_:][a-zA-Z0-9_:]*$/, "must be a Prometheus metric name");
var latencySeconds = external_exports.string().transform(
  fromParser((v) => {
    const t = parseThreshold(v);
    return t.kind === "duration" ? t.value : refuse(`"${v}" is not a latency; write e.g. 120ms or 0.2s`);
  })
);
var thresholdOf = (kind, example) => external_exports.string().transform(
  fromParser((v) => {
    const t = parseThreshold(v);
    if (t.kind !== kind)
      return refuse(`"${v}" is not a ${kind}; write e.g. ${example}`);
    if (t.value <= 0 || kind === "ratio" && t.value > 1)
      return refuse(`"${v}" is out of range; write e.g. ${example}`);
    return t.value;
  })
);
var windowSeconds = external_exports.string().transform(
  fromParser((v) => {
    const s = parseDuration(v);
    return s < 15 ? refuse(`"${v}" is shorter than 15s`) : s;
  })
);
var factor = external_exports.string().regex(/^\d+(\.\d+)?$/, "must be a number such as 2 or 1.5").transform(Number).refine((n) => n > 1, "must be above 1");
var MAX_BASELINE_OFFSET_SECONDS = 30 * 86400;
var promOffset = external_exports.string().refine(
  (v) => {
    try {
      parseDuration(v);
      return /^(\d+(ms|s|m|h|d|w|y))+$/.test(v.trim());
    } catch {
      return false;
    }
  },
  { message: "must be a PromQL duration such as 1d, 7d or 1h30m" }
).refine(
  (v) => {
    try {
      return parseDuration(v) <= MAX_BASELINE_OFFSET_SECONDS;
    } catch {
      return true;
    }
  },
  { message: "must be at most 30d" }
);
var EvaluateTriggersInputs = external_exports.object({
  prometheusUrl: httpUrl,
  // input `prometheus-url`: no user:password@
  serviceLabels: serviceLabelsField,
  // input `service-labels`: YAML mapping
  baselineP95: latencySeconds.optional(),
  // input `baseline-p95`
  baselineOffset: promOffset,
  // input `baseline-offset`
  requestsMetric: metricName,
  // input `requests-metric`
  durationMetric: metricName,
  // input `duration-metric`
  errorRatio: thresholdOf("ratio", "5% or 0.05 ratio"),
  // input `error-ratio`
  errorFor: windowSeconds,
  // input `error-for`
  earlyWarningFor: windowSeconds,
  // input `early-warning-for`
  outageFor: windowSeconds,
  // input `outage-for`
  availabilityObjective: thresholdOf("ratio", "99.9%"),
  // input `availability-objective`
  latencyObjective: thresholdOf("duration", "500ms"),
  // input `latency-objective`
  sloFor: windowSeconds,
  // input `slo-for`
  baselineFactor: factor,
  // input `baseline-factor`
  statusLabel: external_exports.string().regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, "must be a label name"),
  // input `status-label`
  prometheusAuth: prometheusAuthMode,
  // input `prometheus-auth`
  prometheusToken: secret.optional(),
  // input `prometheus-token`
  clientId: azureClientId.optional(),
  // input `client-id`
  tenantId: azureTenantId.optional()
  // input `tenant-id`
}).refine((i) => i.prometheusAuth !== "bearer" || i.prometheusToken, {
  path: ["prometheusToken"],
  message: "is required when prometheus-auth is bearer"
}).refine((i) => i.prometheusAuth !== "azure" || i.clientId && i.tenantId, {
  path: ["clientId"],
  message: 'and input "tenant-id" are required when prometheus-auth is azure'
});

// actions/evaluate-rollback-triggers/src/main.ts
var TriggersNotEvaluated = class extends OperationError {
};
var run = defineAction("evaluate-rollback-triggers", async (ctx) => {
  const inputs = ctx.inputs(EvaluateTriggersInputs);
  const client = await ctx.log.group("Resolve", () => {
    const auth = prometheusAuthFromInputs(inputs, {
      getAssertion: () => ctx.oidcToken(AZURE_FEDERATION_AUDIENCE),
      env: ctx.env
    });
    ctx.log.info(
      `evaluating the runbook's rollback triggers for {${Object.entries(
        inputs.serviceLabels
      ).map(([k, v]) => `${k}="${v}"`).join(",")}} at ${inputs.prometheusUrl}`
    );
    return Promise.resolve(
      new PrometheusClient({
        url: inputs.prometheusUrl,
        auth,
        policy: retryPolicyFromEnv(ctx.env),
        log: ctx.log
      })
    );
  });
  const evaluation = await ctx.log.group(
    "Verify",
    () => ctx.audit.step("Evaluate rollback triggers", async (rec) => {
      const e = await evaluateRollbackTriggers(client, {
        labels: inputs.serviceLabels,
        baselineOffset: inputs.baselineOffset,
        requestsMetric: inputs.requestsMetric,
        durationMetric: inputs.durationMetric,
        statusLabel: inputs.statusLabel,
        thresholds: {
          errorRatio: inputs.errorRatio,
          errorSeconds: inputs.errorFor,
          earlyErrorSeconds: inputs.earlyWarningFor,
          outageSeconds: inputs.outageFor,
          availability: inputs.availabilityObjective,
          latencySeconds: inputs.latencyObjective,
          sloSeconds: inputs.sloFor,
          baselineFactor: inputs.baselineFactor
        },
        ...inputs.baselineP95 !== void 0 ? { baselineP95Seconds: inputs.baselineP95 } : {}
      });
      for (const x of e.evidence) {
        ctx.log.info(
          `${x.at} ${x.id} (${x.rule}): ${x.met === null ? "not evaluated" : x.met ? "MET" : "not met"} (${x.value}) \u2014 ${x.detail}`
        );
      }
      rec.detail("recommendation", e.recommendation);
      rec.detail("reason", e.reason);
      rec.detail("evidence", e.evidence);
      return e;
    })
  );
  ctx.summary.heading(`Rollback triggers: ${evaluation.recommendation}`, 2);
  ctx.summary.paragraph(evaluation.reason);
  ctx.summary.table(
    [
      "Time (UTC)",
      "Trigger",
      "Id",
      "Leads to",
      "Met",
      "Value",
      "Threshold",
      "Detail",
      "Queries as sent"
    ],
    evaluation.evidence.map((x) => [
      x.at,
      x.rule,
      x.id,
      x.level,
      x.met === null ? "not evaluated" : x.met ? "MET" : "no",
      x.value,
      x.threshold,
      x.detail,
      x.queries.map((q) => `\`${q}\``).join("<br>")
    ])
  );
  ctx.output.set("recommendation", evaluation.recommendation);
  ctx.output.set("reason", evaluation.reason);
  ctx.output.set("evidence", JSON.stringify(evaluation.evidence));
  if (evaluation.recommendation === "could-not-verify") {
    throw new TriggersNotEvaluated(
      `${evaluation.reason}. Check prometheus-url, the credentials and service-labels, then run again; until then decide by hand.`
    );
  }
  ctx.log.notice(`evaluate-rollback-triggers: ${evaluation.reason}`);
});

// actions/evaluate-rollback-triggers/src/index.ts
await run();
