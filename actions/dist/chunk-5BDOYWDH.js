import { createRequire as __rollbackCreateRequire } from 'node:module';
const require = __rollbackCreateRequire(import.meta.url);
import {
  createAzureCredential
} from "./chunk-F2OUKQY5.js";
import {
  ConfigurationError,
  DEFAULT_RETRY_POLICY,
  InputError,
  OperationError,
  external_exports,
  fromParser,
  refuse,
  require_dist,
  retryingFetch,
  silentLogger,
  yamlList
} from "./chunk-MVCT2E6R.js";
import {
  __toESM
} from "./chunk-WTTBYOJK.js";

// packages/health/src/prometheus.ts
var PromQueryRejected = class extends OperationError {
  constructor(query, errorType, prometheusError) {
    super(
      `Prometheus rejected the query (${errorType}): ${prometheusError} \u2014 query: ${query}`
    );
    this.query = query;
    this.errorType = errorType;
    this.prometheusError = prometheusError;
  }
  query;
  errorType;
  prometheusError;
};
var PromUnavailable = class extends OperationError {
};
function parseValue(v) {
  if (v === "NaN") return NaN;
  if (v === "+Inf") return Infinity;
  if (v === "-Inf") return -Infinity;
  return Number(v);
}
var PrometheusClient = class {
  constructor(options) {
    this.options = options;
    this.base = options.url.replace(/\/+$/, "");
  }
  options;
  base;
  /** The base URL without a trailing slash. */
  get url() {
    return this.base;
  }
  /**
   * Runs an instant query (`GET /api/v1/query?query=…[&time=…]`).
   * @param time evaluation time (UTC); default: the server's now.
   * @throws PromQueryRejected when Prometheus refuses the query (invalid PromQL, execution error);
   *   PromUnavailable when it cannot be reached, times out, refuses the credentials or answers non-API content.
   */
  async query(query, time) {
    const params = new URLSearchParams({ query });
    if (time) params.set("time", (time.getTime() / 1e3).toFixed(3));
    const headers = { accept: "application/json" };
    const auth = this.options.auth ?? { kind: "none" };
    if (auth.kind === "bearer") {
      let token;
      try {
        token = await auth.token();
      } catch (error) {
        throw new PromUnavailable(
          `could not get a token for Prometheus at ${this.base}: ${error.message}`,
          { cause: error }
        );
      }
      headers.authorization = `Bearer ${token}`;
    }
    const timeoutMs = (this.options.timeoutSeconds ?? 10) * 1e3;
    const base = this.options.fetch ?? fetch;
    const doFetch = retryingFetch((url, init) => base(url, init), {
      policy: {
        ...this.options.policy ?? DEFAULT_RETRY_POLICY,
        requestTimeoutMs: timeoutMs
      },
      log: this.options.log ?? silentLogger,
      remote: `Prometheus at ${this.base}`
    });
    let response;
    try {
      response = await doFetch(`${this.base}/api/v1/query?${params}`, {
        headers
      });
    } catch (error) {
      const cause = error.cause;
      const why = error.name === "TimeoutError" ? `no answer within ${this.options.timeoutSeconds ?? 10}s` : cause?.code ?? cause?.message ?? error.message;
      throw new PromUnavailable(
        `Prometheus at ${this.base} is unreachable (${why})`,
        { cause: error }
      );
    }
    const text = await response.text().catch(() => "");
    let body;
    try {
      body = JSON.parse(text);
    } catch {
      body = void 0;
    }
    if (response.status === 401 || response.status === 403) {
      throw new PromUnavailable(
        `Prometheus at ${this.base} refused the credentials (HTTP ${response.status}); check the token or the identity's "Monitoring Data Reader" role`
      );
    }
    if (body?.status === "error") {
      if (response.status >= 500) {
        throw new PromUnavailable(
          `Prometheus at ${this.base} failed (HTTP ${response.status} ${body.errorType ?? ""}): ${body.error ?? ""}`
        );
      }
      throw new PromQueryRejected(
        query,
        body.errorType ?? `HTTP ${response.status}`,
        body.error ?? "no error text"
      );
    }
    if (response.status >= 500) {
      throw new PromUnavailable(
        `Prometheus at ${this.base} answered HTTP ${response.status} (a server error)`
      );
    }
    if (!response.ok || body?.status !== "success" || !body.data) {
      throw new PromUnavailable(
        `Prometheus at ${this.base} answered HTTP ${response.status} without a query result; is this the Prometheus HTTP API base URL?`
      );
    }
    return {
      query,
      at: time ?? /* @__PURE__ */ new Date(),
      samples: toSamples(query, body.data.resultType, body.data.result),
      warnings: body.warnings ?? []
    };
  }
};
function toSamples(query, resultType, result) {
  if (resultType === "scalar" && Array.isArray(result)) {
    return [{ labels: {}, value: parseValue(result[1]) }];
  }
  if (resultType === "vector" && Array.isArray(result)) {
    return result.map((r) => {
      const item = r;
      return {
        labels: item.metric ?? {},
        value: parseValue(item.value?.[1])
      };
    });
  }
  if (resultType === "matrix") {
    throw new PromQueryRejected(
      query,
      "range vector",
      "the query returns a range vector (matrix); a check needs an instant vector or a scalar: wrap it in rate(), avg_over_time() or similar"
    );
  }
  return [];
}

// packages/health/src/analysis.ts
function initialState() {
  return {
    measurements: 0,
    successes: 0,
    failures: 0,
    errors: 0,
    noData: 0,
    consecutiveErrors: 0,
    streak: 0
  };
}
function errorCause(state) {
  if (state.lastError === void 0) return "";
  const n = state.lastErrorRepeats ?? 1;
  return `: ${state.lastError}${n > 1 ? ` (${n} times in a row)` : ""}`;
}
function record(state, outcome, settings, detail) {
  if (state.terminal) return state;
  const next = { ...state, measurements: state.measurements + 1 };
  const effective = outcome === "no-data" && settings.noData === "fail" ? "failure" : outcome;
  if (outcome === "no-data") next.noData++;
  switch (effective) {
    case "success":
      next.successes++;
      next.streak++;
      next.consecutiveErrors = 0;
      break;
    case "failure":
      next.failures++;
      next.streak = 0;
      next.consecutiveErrors = 0;
      next.lastBreak = "failure";
      if (next.failures > settings.failureLimit) {
        next.terminal = {
          verdict: "unhealthy",
          reason: `${next.failures} bad reading${next.failures === 1 ? "" : "s"}, failure limit ${settings.failureLimit}`
        };
      }
      break;
    case "pending":
    case "no-data":
      next.streak = 0;
      next.consecutiveErrors = 0;
      next.lastBreak = effective;
      break;
    case "error":
      next.errors++;
      next.streak = 0;
      next.lastBreak = "error";
      if (detail !== void 0) {
        next.lastErrorRepeats = state.consecutiveErrors > 0 && state.lastError === detail ? (state.lastErrorRepeats ?? 1) + 1 : 1;
        next.lastError = detail;
      }
      next.consecutiveErrors++;
      if (next.consecutiveErrors > settings.consecutiveErrorLimit) {
        next.terminal = {
          verdict: "could-not-verify",
          reason: `${next.consecutiveErrors} measurement errors in a row, limit ${settings.consecutiveErrorLimit}${errorCause(next)}`
        };
      }
      break;
  }
  return next;
}
function satisfied(state, settings) {
  return !state.terminal && state.streak >= settings.consecutiveSuccesses;
}
function conclude(state, settings) {
  if (state.terminal) return state.terminal;
  if (state.streak >= settings.consecutiveSuccesses) {
    return {
      verdict: "healthy",
      reason: `${state.streak} good reading${state.streak === 1 ? "" : "s"} in a row (${settings.consecutiveSuccesses} required), ${state.failures} bad (limit ${settings.failureLimit})`
    };
  }
  if (state.measurements === 0) {
    return { verdict: "could-not-verify", reason: "no reading was taken" };
  }
  const short = `${state.streak} of ${settings.consecutiveSuccesses} required good readings in a row when the window ended`;
  switch (state.lastBreak) {
    case "error":
      return {
        verdict: "could-not-verify",
        reason: `${short}; a measurement error broke the streak${errorCause(state)}`
      };
    case "no-data":
      return { verdict: "inconclusive", reason: `${short}; no data` };
    case "pending":
      return { verdict: "unhealthy", reason: `${short}; still not ready` };
    case "failure":
      return { verdict: "unhealthy", reason: `${short}; after a bad reading` };
    default:
      return {
        verdict: "inconclusive",
        reason: `${short}; the window is too short for the required streak`
      };
  }
}
var SEVERITY = {
  healthy: 0,
  inconclusive: 1,
  "could-not-verify": 2,
  unhealthy: 3
};
function combineVerdicts(verdicts) {
  if (verdicts.length === 0) return "could-not-verify";
  return verdicts.reduce((a, b) => SEVERITY[b] > SEVERITY[a] ? b : a);
}

// packages/health/src/http.ts
import http from "node:http";
import https from "node:https";
function httpRequest(request, options = {}) {
  const started = performance.now();
  const url = new URL(request.url);
  const lib = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = lib.request(
      url,
      {
        method: request.method,
        headers: {
          ...request.body !== void 0 ? { "content-length": String(Buffer.byteLength(request.body)) } : {},
          ...request.headers
        },
        ...options.ca && url.protocol === "https:" ? { ca: options.ca } : {},
        agent: false,
        timeout: (options.timeoutSeconds ?? 10) * 1e3
      },
      (res) => {
        const chunks = [];
        res.on("data", (c) => chunks.push(c));
        res.on(
          "end",
          () => resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString("utf8"),
            durationMs: Math.round(performance.now() - started)
          })
        );
        res.on("error", reject);
      }
    );
    req.on(
      "timeout",
      () => req.destroy(
        Object.assign(
          new Error(`no answer within ${options.timeoutSeconds ?? 10}s`),
          { code: "ETIMEDOUT" }
        )
      )
    );
    req.on("error", reject);
    req.end(request.body);
  });
}
function jsonPath(doc, path) {
  let cur = doc;
  for (const key of path.split(".")) {
    if (cur === null || typeof cur !== "object") return void 0;
    cur = cur[key];
  }
  return cur;
}
function networkError(error) {
  const e = error;
  return e.code ? `${e.code}${e.message && !e.message.includes(e.code) ? ` ${e.message}` : ""}` : e.message ?? String(error);
}
var scalar = external_exports.union([external_exports.string(), external_exports.number(), external_exports.boolean(), external_exports.null()]);
var HttpCheckSpec = external_exports.object({
  url: external_exports.url({ protocol: /^https?$/, error: "url must be an http(s) URL" }),
  name: external_exports.string().min(1).optional(),
  "expect-status": external_exports.number().int().min(100).max(599).default(200),
  "json-field": external_exports.string().min(1).optional(),
  "json-value": scalar.optional()
}).strict().refine(
  (c) => c["json-field"] === void 0 === (c["json-value"] === void 0),
  {
    message: "json-field and json-value go together"
  }
);
function sameValue(actual, expected) {
  if (actual === expected) return true;
  if (typeof actual !== "string" && typeof actual !== "number" && typeof actual !== "boolean" || typeof expected !== "string" && typeof expected !== "number" && typeof expected !== "boolean")
    return false;
  return String(actual) === String(expected);
}
async function readHttpCheck(check, options = {}) {
  const expectation = `HTTP ${check["expect-status"]}${check["json-field"] ? `, ${check["json-field"]} = ${JSON.stringify(check["json-value"])}` : ""}`;
  const base = {
    check: check.name ?? check.url,
    kind: "http",
    at: (/* @__PURE__ */ new Date()).toISOString(),
    query: `GET ${check.url}`,
    threshold: expectation
  };
  let answer;
  try {
    answer = await httpRequest(
      {
        method: "GET",
        url: check.url,
        headers: { accept: "application/json" }
      },
      options
    );
  } catch (error) {
    return {
      ...base,
      outcome: "error",
      detail: `unreachable: ${networkError(error)}`
    };
  }
  const durationMs = answer.durationMs;
  if (answer.status !== check["expect-status"]) {
    return {
      ...base,
      durationMs,
      outcome: "failure",
      value: `HTTP ${answer.status}`,
      detail: `answered HTTP ${answer.status}, expected ${check["expect-status"]}: ${answer.body.slice(0, 120).replace(/\s+/g, " ")}`
    };
  }
  if (check["json-field"] !== void 0) {
    let doc;
    try {
      doc = JSON.parse(answer.body);
    } catch {
      return {
        ...base,
        durationMs,
        outcome: "failure",
        value: `HTTP ${answer.status}`,
        detail: "the body is not JSON"
      };
    }
    const actual = jsonPath(doc, check["json-field"]);
    if (!sameValue(actual, check["json-value"])) {
      return {
        ...base,
        durationMs,
        outcome: "failure",
        value: `${check["json-field"]} = ${JSON.stringify(actual)}`,
        detail: `${check["json-field"]} is ${JSON.stringify(actual)}, expected ${JSON.stringify(check["json-value"])}`
      };
    }
    return {
      ...base,
      durationMs,
      outcome: "success",
      value: `HTTP ${answer.status}, ${check["json-field"]} = ${JSON.stringify(actual)}`,
      detail: `answered as expected in ${durationMs} ms`
    };
  }
  return {
    ...base,
    durationMs,
    outcome: "success",
    value: `HTTP ${answer.status}`,
    detail: `answered as expected in ${durationMs} ms`
  };
}
var SmokeTestSpec = external_exports.object({
  name: external_exports.string().min(1, "each smoke test needs a name"),
  method: external_exports.enum(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"], {
    error: "method must be GET, POST, PUT, PATCH, DELETE or HEAD"
  }).default("GET"),
  url: external_exports.url({ protocol: /^https?$/, error: "url must be an http(s) URL" }),
  headers: external_exports.record(external_exports.string(), external_exports.string()).default({}),
  /** A string is sent as is; anything else as JSON (content-type application/json unless set). */
  body: external_exports.unknown().optional(),
  "expect-status": external_exports.number().int().min(100).max(599).default(200),
  /** JSON fields (dot paths) and the values they must have; `"*"` only requires the field to exist. */
  "expect-json": external_exports.record(external_exports.string(), scalar).default({})
}).strict();
async function runSmokeTests(tests, options = {}) {
  const readings = [];
  for (const t of tests) {
    const headers = {
      accept: "application/json",
      ...t.headers
    };
    let body;
    if (t.body !== void 0) {
      if (typeof t.body === "string") body = t.body;
      else {
        body = JSON.stringify(t.body);
        if (!Object.keys(headers).some((h) => h.toLowerCase() === "content-type")) {
          headers["content-type"] = "application/json";
        }
      }
    }
    const expectJson = Object.entries(t["expect-json"]);
    const base = {
      check: t.name,
      kind: "smoke",
      at: (/* @__PURE__ */ new Date()).toISOString(),
      query: `${t.method} ${t.url}`,
      threshold: `HTTP ${t["expect-status"]}${expectJson.map(([k, v]) => `, ${k} = ${JSON.stringify(v)}`).join("")}`
    };
    let answer;
    try {
      answer = await httpRequest(
        {
          method: t.method,
          url: t.url,
          headers,
          ...body !== void 0 ? { body } : {}
        },
        options
      );
    } catch (error) {
      readings.push({
        ...base,
        outcome: "error",
        detail: `unreachable: ${networkError(error)}`
      });
      continue;
    }
    const problems = [];
    if (answer.status !== t["expect-status"]) {
      problems.push(`HTTP ${answer.status}, expected ${t["expect-status"]}`);
    }
    if (expectJson.length > 0 && problems.length === 0) {
      let doc;
      try {
        doc = JSON.parse(answer.body);
      } catch {
        problems.push("the body is not JSON");
      }
      if (problems.length === 0) {
        for (const [path, expected] of expectJson) {
          const actual = jsonPath(doc, path);
          if (expected === "*" ? actual === void 0 : !sameValue(actual, expected)) {
            problems.push(
              `${path} is ${JSON.stringify(actual)}, expected ${expected === "*" ? "a value" : JSON.stringify(expected)}`
            );
          }
        }
      }
    }
    readings.push({
      ...base,
      durationMs: answer.durationMs,
      outcome: problems.length === 0 ? "success" : "failure",
      value: `HTTP ${answer.status} in ${answer.durationMs} ms`,
      detail: problems.length === 0 ? `passed in ${answer.durationMs} ms` : problems.join("; ")
    });
  }
  return readings;
}

// packages/health/src/pods.ts
var BAD_WAITING = /* @__PURE__ */ new Set([
  "CrashLoopBackOff",
  "ErrImagePull",
  "ImagePullBackOff",
  "InvalidImageName",
  "CreateContainerConfigError",
  "CreateContainerError",
  "RunContainerError"
]);
function newRestartBaseline() {
  return { initialised: false, counts: /* @__PURE__ */ new Map() };
}
function selectorString(labels) {
  return Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(",");
}
function restarts(pod) {
  return (pod.status?.containerStatuses ?? []).reduce(
    (n, c) => n + c.restartCount,
    0
  );
}
function isReady(pod) {
  return pod.status?.phase === "Running" && (pod.status.conditions ?? []).some(
    (c) => c.type === "Ready" && c.status === "True"
  );
}
function apiError(error) {
  const e = error;
  if (typeof e.code === "number") return `HTTP ${e.code}`;
  return e.cause?.code ?? (e.message ?? String(error)).split("\n")[0] ?? "";
}
async function readDeploymentPods(clients, namespace, deployment, baseline) {
  const started = Date.now();
  const at = (/* @__PURE__ */ new Date()).toISOString();
  const base = {
    check: `pods ${namespace}/${deployment}`,
    kind: "pods",
    at,
    query: `deployment ${namespace}/${deployment}`,
    threshold: "all Running and Ready, 0 restarts"
  };
  const done = (r) => ({
    ...base,
    ...r,
    durationMs: Date.now() - started
  });
  let pods;
  let desired;
  let rollout;
  try {
    const dep = await clients.apps.readNamespacedDeployment({
      name: deployment,
      namespace
    });
    desired = dep.spec?.replicas ?? 1;
    const st = dep.status ?? {};
    const generation = dep.metadata?.generation ?? 0;
    if ((st.observedGeneration ?? 0) < generation) {
      rollout = `the deployment controller has not observed generation ${generation} yet`;
    } else if ((st.updatedReplicas ?? 0) < desired) {
      rollout = `rollout in progress: ${st.updatedReplicas ?? 0} of ${desired} pods on the current template`;
    } else if ((st.replicas ?? 0) > (st.updatedReplicas ?? 0)) {
      rollout = `rollout in progress: ${(st.replicas ?? 0) - (st.updatedReplicas ?? 0)} old pod(s) still running`;
    }
    const labels = dep.spec?.selector.matchLabels ?? {};
    const list = await clients.core.listNamespacedPod({
      namespace,
      labelSelector: selectorString(labels)
    });
    pods = list.items.filter((p) => !p.metadata?.deletionTimestamp);
  } catch (error) {
    return done({
      outcome: "error",
      detail: `could not read deployment ${namespace}/${deployment} or its pods: ${apiError(error)}`
    });
  }
  const ready = pods.filter(isReady).length;
  const value = `${ready}/${desired} ready`;
  const restarted = [];
  for (const pod of pods) {
    const name = pod.metadata?.name ?? "?";
    const count = restarts(pod);
    if (!baseline.counts.has(name)) {
      baseline.counts.set(name, baseline.initialised ? 0 : count);
    }
    const from = baseline.counts.get(name) ?? 0;
    if (count > from) restarted.push(`${name} (${from} \u2192 ${count})`);
  }
  baseline.initialised = true;
  const stuck = pods.flatMap(
    (pod) => (pod.status?.containerStatuses ?? []).filter((c) => BAD_WAITING.has(c.state?.waiting?.reason ?? "")).map(
      (c) => `${pod.metadata?.name ?? "?"}/${c.name}: ${c.state?.waiting?.reason ?? ""}`
    )
  );
  if (stuck.length > 0) {
    return done({
      outcome: "failure",
      value,
      detail: `not running: ${stuck.join(", ")}`
    });
  }
  if (restarted.length > 0) {
    return done({
      outcome: "failure",
      value,
      detail: `restarted during the window: ${restarted.join(", ")}`
    });
  }
  if (rollout !== void 0) {
    return done({ outcome: "pending", value, detail: rollout });
  }
  if (desired > 0 && ready < desired) {
    const notReady = pods.filter((p) => !isReady(p)).map(
      (p) => `${p.metadata?.name ?? "?"} (${p.status?.phase ?? "Unknown"})`
    );
    return done({
      outcome: "pending",
      value,
      detail: `${ready} of ${desired} pods Running and Ready${notReady.length ? `; not ready: ${notReady.join(", ")}` : ""}`
    });
  }
  if (pods.length === 0) {
    return done({
      outcome: "failure",
      value,
      detail: "the deployment has 0 replicas: nothing serves traffic"
    });
  }
  return done({
    outcome: "success",
    value,
    detail: `${ready} of ${desired} pods Running and Ready, no restarts in the window`
  });
}

// packages/health/src/units.ts
var COMPARISONS = [
  "<",
  "<=",
  ">",
  ">=",
  "==",
  "!="
];
var UNITS = {
  ms: { factor: 1e-3, kind: "duration" },
  s: { factor: 1, kind: "duration" },
  m: { factor: 60, kind: "duration" },
  "%": { factor: 0.01, kind: "ratio" },
  ratio: { factor: 1, kind: "ratio" },
  count: { factor: 1, kind: "count" },
  requests: { factor: 1, kind: "count" },
  "req/s": { factor: 1, kind: "rate" },
  "/s": { factor: 1, kind: "rate" }
};
var THRESHOLD_UNITS = Object.keys(UNITS);
function parseThreshold(text) {
  const trimmed = String(text).trim();
  const m = /^([-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?)\s*(.*)$/i.exec(
    trimmed
  );
  if (!m) {
    throw new Error(
      `threshold "${trimmed}" is not a number with a unit (e.g. 500ms, 0.1%, 0.001 ratio, 100 requests)`
    );
  }
  const unit = (m[2] ?? "").trim();
  if (unit === "") {
    throw new Error(
      `threshold "${trimmed}" has no unit; write one of ${THRESHOLD_UNITS.join(", ")} (e.g. "0.1%" or "0.001 ratio" for a ratio, "500ms" for a latency)`
    );
  }
  const spec = UNITS[unit];
  if (!spec) {
    throw new Error(
      `threshold "${trimmed}" has an unknown unit "${unit}"; use one of ${THRESHOLD_UNITS.join(", ")}`
    );
  }
  return {
    value: Number(m[1]) * spec.factor,
    kind: spec.kind,
    unit,
    text: trimmed
  };
}
function compare(value, comparison, threshold) {
  switch (comparison) {
    case "<":
      return value < threshold;
    case "<=":
      return value <= threshold;
    case ">":
      return value > threshold;
    case ">=":
      return value >= threshold;
    case "==":
      return value === threshold;
    case "!=":
      return value !== threshold;
  }
}
function trimNumber(n, digits = 4) {
  if (!Number.isFinite(n)) return String(n);
  return String(Number(n.toPrecision(digits)));
}
function formatValue(value, threshold) {
  const spec = UNITS[threshold.unit];
  if (!spec) return trimNumber(value);
  const scaled = value / spec.factor;
  const sep = /^[a-z]/i.test(threshold.unit) && threshold.unit.length > 2 ? " " : "";
  return `${trimNumber(scaled)}${sep}${threshold.unit}`;
}
function parseDuration(text) {
  const trimmed = String(text).trim();
  const re = /(\d+(?:\.\d+)?)(ms|h|m|s|d)/gy;
  let total = 0;
  let matched = 0;
  let part;
  while ((part = re.exec(trimmed)) !== null) {
    matched = re.lastIndex;
    const n = Number(part[1]);
    const unit = part[2];
    total += n * { ms: 1e-3, s: 1, m: 60, h: 3600, d: 86400 }[unit];
  }
  if (trimmed === "" || matched !== trimmed.length) {
    throw new Error(
      /^\d+(\.\d+)?$/.test(trimmed) ? `duration "${trimmed}" has no unit; write e.g. "30s", "5m" or "1h30m"` : `duration "${trimmed}" does not parse; write e.g. "30s", "5m" or "1h30m"`
    );
  }
  if (total <= 0)
    throw new Error(`duration "${trimmed}" must be greater than 0`);
  return total;
}
function promDuration(seconds) {
  if (seconds < 1) return `${Math.round(seconds * 1e3)}ms`;
  if (Number.isInteger(seconds / 3600)) return `${seconds / 3600}h`;
  if (Number.isInteger(seconds / 60)) return `${seconds / 60}m`;
  return `${Math.round(seconds)}s`;
}

// packages/health/src/prometheus-checks.ts
var PRESETS = {
  /** Share of responses with a 5xx status over the window: `< 1%` by default. */
  "error-ratio": { comparison: "<", threshold: "1%" },
  /** Share of responses without a 5xx status over the window: `>= 99%` by default. */
  availability: { comparison: ">=", threshold: "99%" },
  /** 95th percentile latency from the request-duration histogram (histogram_quantile): `< 500ms` by default. */
  "p95-latency": { comparison: "<", threshold: "500ms" }
};
var PRESET_DEFAULTS = {
  window: "5m",
  requestsMetric: "http_requests_total",
  durationMetric: "http_request_duration_seconds",
  statusLabel: "code",
  minRequests: 100
};
var labelName = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
var PromCheckSpec = external_exports.object({
  name: external_exports.string().min(1, "needs a name"),
  query: external_exports.string().min(1).optional(),
  preset: external_exports.enum(Object.keys(PRESETS)).optional(),
  labels: external_exports.record(
    external_exports.string().regex(labelName, "label names must match [a-zA-Z_][a-zA-Z0-9_]*"),
    external_exports.union([external_exports.string(), external_exports.number()]).transform(String)
  ).optional(),
  window: external_exports.string().optional(),
  "requests-metric": external_exports.string().regex(labelName).optional(),
  "duration-metric": external_exports.string().regex(labelName).optional(),
  "status-label": external_exports.string().regex(labelName).optional(),
  comparison: external_exports.enum(COMPARISONS, {
    error: `comparison must be one of ${COMPARISONS.join(" ")}`
  }).optional(),
  threshold: external_exports.union([external_exports.string(), external_exports.number()]).optional(),
  "no-data": external_exports.enum(["fail", "inconclusive"], {
    error: 'no-data must be "fail" or "inconclusive"'
  }).optional(),
  "min-requests": external_exports.number().int().min(0).optional(),
  "traffic-query": external_exports.string().min(1).optional()
}).strict();
function escapeLabelValue(v) {
  return v.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
}
function labelMatchers(labels = {}) {
  return Object.keys(labels).sort().map((k) => `${k}="${escapeLabelValue(labels[k] ?? "")}"`);
}
function selector(metric, matchers) {
  return `${metric}{${matchers.join(",")}}`;
}
function presetQueries(preset, options) {
  const w = promDuration(options.windowSeconds);
  const m = labelMatchers(options.labels);
  const requests = options.requestsMetric ?? PRESET_DEFAULTS.requestsMetric;
  const status = options.statusLabel ?? PRESET_DEFAULTS.statusLabel;
  const all = `sum(rate(${selector(requests, m)}[${w}]))`;
  const errors = `sum(rate(${selector(requests, [...m, `${status}=~"5.."`])}[${w}]))`;
  const good = `sum(rate(${selector(requests, [...m, `${status}!~"5.."`])}[${w}]))`;
  const trafficQuery = `sum(increase(${selector(requests, m)}[${w}]))`;
  switch (preset) {
    case "error-ratio":
      return { query: `(${errors} or vector(0)) / ${all}`, trafficQuery };
    case "availability":
      return { query: `(${good} or vector(0)) / ${all}`, trafficQuery };
    case "p95-latency": {
      const hist = options.durationMetric ?? PRESET_DEFAULTS.durationMetric;
      return {
        query: `histogram_quantile(0.95, sum by (le) (rate(${selector(`${hist}_bucket`, m)}[${w}])))`,
        trafficQuery
      };
    }
  }
}
function resolvePromCheck(spec) {
  const where2 = `check "${spec.name}"`;
  if (!spec.query && !spec.preset) {
    throw new Error(
      `${where2} needs either a query or a preset (${Object.keys(PRESETS).join(", ")})`
    );
  }
  if (spec.query && spec.preset) {
    throw new Error(`${where2} has both a query and a preset; keep one`);
  }
  let windowSeconds = parseDuration(PRESET_DEFAULTS.window);
  if (spec.window !== void 0) {
    try {
      windowSeconds = parseDuration(spec.window);
    } catch (error) {
      throw new Error(`${where2} window: ${error.message}`);
    }
  }
  const presetDefaults = spec.preset ? PRESETS[spec.preset] : void 0;
  const comparison = spec.comparison ?? presetDefaults?.comparison;
  if (!comparison) {
    throw new Error(
      `${where2} needs a comparison (one of ${COMPARISONS.join(" ")})`
    );
  }
  const thresholdText = spec.threshold ?? presetDefaults?.threshold;
  if (thresholdText === void 0) {
    throw new Error(
      `${where2} needs a threshold with a unit, e.g. "500ms" or "0.1%"`
    );
  }
  let threshold;
  try {
    threshold = parseThreshold(String(thresholdText));
  } catch (error) {
    throw new Error(`${where2}: ${error.message}`);
  }
  const check = {
    name: spec.name,
    query: spec.query ?? "",
    comparison,
    threshold,
    noData: spec["no-data"] ?? "inconclusive"
  };
  if (spec.preset) {
    const expected = spec.preset === "p95-latency" ? "duration" : "ratio";
    if (threshold.kind !== expected) {
      throw new Error(
        `${where2}: preset ${spec.preset} compares a ${expected}, but threshold "${threshold.text}" is a ${threshold.kind}`
      );
    }
    const q = presetQueries(spec.preset, {
      labels: spec.labels,
      windowSeconds,
      requestsMetric: spec["requests-metric"],
      durationMetric: spec["duration-metric"],
      statusLabel: spec["status-label"]
    });
    check.preset = spec.preset;
    check.query = q.query;
    check.trafficQuery = spec["traffic-query"] ?? q.trafficQuery;
    check.minRequests = spec["min-requests"] ?? PRESET_DEFAULTS.minRequests;
  } else if (spec["traffic-query"] !== void 0 || spec["min-requests"] !== void 0) {
    if (spec["traffic-query"] === void 0 || spec["min-requests"] === void 0) {
      throw new Error(`${where2}: traffic-query and min-requests go together`);
    }
    check.trafficQuery = spec["traffic-query"];
    check.minRequests = spec["min-requests"];
  }
  if (check.minRequests === 0) delete check.trafficQuery;
  return check;
}
function describeSample(s) {
  const labels = Object.entries(s.labels).map(([k, v]) => `${k}="${v}"`).join(",");
  return labels ? `{${labels}}` : "";
}
async function readPromCheck(client, check, at) {
  const started = Date.now();
  const base = {
    check: check.name,
    kind: "prometheus",
    at: (at ?? /* @__PURE__ */ new Date()).toISOString(),
    query: check.query,
    threshold: `${check.comparison} ${check.threshold.text}`
  };
  const done = (r) => ({
    ...base,
    ...r,
    durationMs: Date.now() - started
  });
  try {
    if (check.trafficQuery && check.minRequests !== void 0) {
      const traffic = await client.query(check.trafficQuery, at);
      const total = traffic.samples.reduce(
        (sum, s) => Number.isNaN(s.value) ? sum : sum + s.value,
        0
      );
      if (total < check.minRequests) {
        return done({
          outcome: "no-data",
          value: `${Math.round(total)} requests`,
          detail: `too little traffic: ${Math.round(total)} requests in the window, ${check.minRequests} needed (${check.trafficQuery})`
        });
      }
    }
    const result = await client.query(check.query, at);
    const values = result.samples.filter((s) => !Number.isNaN(s.value));
    if (values.length === 0) {
      return done({
        outcome: "no-data",
        value: result.samples.length === 0 ? "empty" : "NaN",
        detail: result.samples.length === 0 ? "no data: the query returned an empty vector" : "no data: the query returned NaN (e.g. 0/0: no requests in the window)"
      });
    }
    const bad = values.filter(
      (s) => !compare(s.value, check.comparison, check.threshold.value)
    );
    const shown = bad[0] ?? values[0];
    const value = formatValue(shown.value, check.threshold);
    const series = values.length > 1 ? ` ${describeSample(shown)}` : "";
    return done({
      outcome: bad.length === 0 ? "success" : "failure",
      value,
      detail: bad.length === 0 ? `${value}${series} ${check.comparison} ${check.threshold.text}` : `${value}${series} breaks ${check.comparison} ${check.threshold.text}${values.length > 1 ? ` (${bad.length} of ${values.length} series)` : ""}`
    });
  } catch (error) {
    const message = error.message;
    return done({
      outcome: "error",
      detail: message
    });
  }
}

// packages/health/src/runner.ts
var realClock = {
  now: () => Date.now(),
  sleep: (ms2) => new Promise((resolve) => setTimeout(resolve, ms2))
};
async function runAnalysis(probes, window, options = {}) {
  const clock = options.clock ?? realClock;
  const start = clock.now();
  const startedAt = new Date(start).toISOString();
  const states = probes.map(() => initialState());
  const readings = [];
  const fixed = window.count !== void 0 || window.durationSeconds !== void 0;
  let rounds = 0;
  let stoppedBecause = "";
  for (; ; ) {
    const active = probes.map((p, i) => ({ p, i })).filter(({ i }) => !states[i].terminal);
    const taken = await Promise.all(active.map(({ p }) => p.measure()));
    taken.forEach((reading, k) => {
      const { p, i } = active[k];
      states[i] = record(
        states[i],
        reading.outcome,
        p.settings,
        reading.detail
      );
      readings.push(reading);
      options.onReading?.(reading);
    });
    rounds++;
    const failed = probes.find(
      (_, i) => states[i].terminal?.verdict === "unhealthy"
    );
    if (failed) {
      stoppedBecause = `check "${failed.name}" is unhealthy`;
      break;
    }
    if (states.every((s) => s.terminal)) {
      stoppedBecause = "no check can be measured any more";
      break;
    }
    if (window.count !== void 0 && rounds >= window.count) {
      stoppedBecause = `${rounds} rounds taken (count ${window.count})`;
      break;
    }
    const next = start + rounds * window.intervalSeconds * 1e3;
    if (window.durationSeconds !== void 0 && next - start > window.durationSeconds * 1e3) {
      stoppedBecause = `duration ${window.durationSeconds}s covered`;
      break;
    }
    if (!fixed && probes.every(
      (p, i) => states[i].terminal || satisfied(states[i], p.settings)
    )) {
      stoppedBecause = "every check has its good readings in a row";
      break;
    }
    if (next - start > window.timeoutSeconds * 1e3) {
      stoppedBecause = `timeout ${window.timeoutSeconds}s reached`;
      break;
    }
    await clock.sleep(Math.max(0, next - clock.now()));
  }
  const checks = probes.map((p, i) => ({
    name: p.name,
    kind: p.kind,
    ...conclude(states[i], p.settings),
    state: states[i]
  }));
  return {
    verdict: combineVerdicts(checks.map((c) => c.verdict)),
    checks,
    readings,
    rounds,
    startedAt,
    finishedAt: new Date(clock.now()).toISOString(),
    stoppedBecause
  };
}

// packages/health/src/validate.ts
async function preflightPrometheusChecks(client, checks, log = silentLogger) {
  for (const check of checks) {
    for (const query of [check.trafficQuery, check.query]) {
      if (query === void 0) continue;
      try {
        await client.query(query);
      } catch (error) {
        if (error instanceof PromQueryRejected) {
          throw new ConfigurationError(
            `input "prometheus-checks": check "${check.name}": ${error.message}. Fix the PromQL (try it in the Prometheus UI at ${client.url}/graph) and run again.`,
            { cause: error }
          );
        }
        log.debug(
          `preflight of check "${check.name}": ${error.message}`
        );
        return;
      }
    }
  }
}
function smokeVerdict(readings) {
  if (readings.some((r) => r.outcome === "failure")) return "unhealthy";
  if (readings.some((r) => r.outcome !== "success")) return "could-not-verify";
  return "healthy";
}
async function validateHealth(plan, deps) {
  const log = deps.log ?? silentLogger;
  const settings = {
    failureLimit: plan.failureLimit,
    consecutiveErrorLimit: plan.consecutiveErrorLimit,
    consecutiveSuccesses: plan.consecutiveSuccesses,
    noData: "inconclusive"
  };
  const probes = [];
  if (plan.deployments.length > 0) {
    const kube = deps.kube;
    const namespace = plan.namespace;
    if (!kube || !namespace) {
      throw new ConfigurationError(
        "deployments need a namespace and cluster access (kubeconfig)"
      );
    }
    for (const name of plan.deployments) {
      const baseline = newRestartBaseline();
      probes.push({
        name: `pods ${namespace}/${name}`,
        kind: "pods",
        settings: { ...settings, failureLimit: 0 },
        measure: () => readDeploymentPods(kube, namespace, name, baseline)
      });
    }
  }
  for (const check of plan.httpChecks) {
    probes.push({
      name: check.name ?? check.url,
      kind: "http",
      settings,
      measure: () => readHttpCheck(check, deps.http)
    });
  }
  if (plan.prometheusChecks.length > 0) {
    const prom = deps.prometheus;
    if (!prom)
      throw new ConfigurationError("prometheus-checks need prometheus-url");
    await preflightPrometheusChecks(prom, plan.prometheusChecks, log);
    for (const check of plan.prometheusChecks) {
      probes.push({
        name: check.name,
        kind: "prometheus",
        settings: { ...settings, noData: check.noData },
        measure: () => readPromCheck(prom, check)
      });
    }
  }
  if (probes.length === 0 && plan.smokeTests.length === 0) {
    throw new ConfigurationError(
      "nothing to validate: set deployments, http-checks, prometheus-checks or smoke-tests"
    );
  }
  const analysis = probes.length > 0 ? await runAnalysis(probes, plan.window, {
    ...deps.clock ? { clock: deps.clock } : {},
    log,
    onReading: (r) => log.info(
      `${r.at} ${r.check}: ${r.outcome}${r.value !== void 0 ? ` (${r.value})` : ""} \u2014 ${r.detail}`
    )
  }) : {
    verdict: "healthy",
    checks: [],
    readings: [],
    rounds: 0,
    startedAt: (/* @__PURE__ */ new Date()).toISOString(),
    finishedAt: (/* @__PURE__ */ new Date()).toISOString(),
    stoppedBecause: "no checks to repeat"
  };
  let smoke;
  if (plan.smokeTests.length > 0) {
    const readings = await runSmokeTests(plan.smokeTests, deps.http);
    for (const r of readings) {
      log.info(`${r.at} smoke "${r.check}": ${r.outcome} \u2014 ${r.detail}`);
    }
    smoke = { verdict: smokeVerdict(readings), readings };
  }
  const checks = [...analysis.checks];
  const verdict = combineVerdicts([
    ...probes.length > 0 ? [analysis.verdict] : [],
    ...smoke ? [smoke.verdict] : []
  ]);
  const firstBad = checks.find(
    (c) => c.verdict === verdict && verdict !== "healthy"
  );
  const smokeBad = smoke?.readings.find((r) => r.outcome !== "success");
  const reason = verdict === "healthy" ? `healthy: ${checks.length} check${checks.length === 1 ? "" : "s"} passed${smoke ? `, ${smoke.readings.length} smoke test${smoke.readings.length === 1 ? "" : "s"} passed` : ""}` : firstBad ? `${verdict}: ${firstBad.name}: ${firstBad.reason}` : `${verdict}: smoke test "${smokeBad?.check ?? "?"}": ${smokeBad?.detail ?? ""}`;
  return {
    verdict,
    analysis,
    smoke,
    readings: [...analysis.readings, ...smoke?.readings ?? []],
    checks,
    reason
  };
}

// packages/health/src/triggers.ts
var RUNBOOK_TRIGGERS = {
  errorRatio: 0.05,
  errorSeconds: 300,
  earlyErrorSeconds: 60,
  outageSeconds: 120,
  availability: 0.999,
  latencySeconds: 0.5,
  sloSeconds: 300,
  baselineFactor: 2
};
var SUSTAINED = { stepSeconds: 15, minCoverage: 0.9 };
var pct = (v) => `${Number((v * 100).toPrecision(4))}%`;
var ms = (v) => `${Number((v * 1e3).toPrecision(4))}ms`;
async function evaluateRollbackTriggers(client, options) {
  const t = { ...RUNBOOK_TRIGGERS, ...options.thresholds };
  const at = options.at ?? /* @__PURE__ */ new Date();
  const m = labelMatchers(options.labels);
  const requests = options.requestsMetric ?? PRESET_DEFAULTS.requestsMetric;
  const status = options.statusLabel ?? PRESET_DEFAULTS.statusLabel;
  const hist = `${options.durationMetric ?? PRESET_DEFAULTS.durationMetric}_bucket`;
  const sel = (metric, extra = []) => `${metric}{${[...m, ...extra].join(",")}}`;
  const share = (codes, w) => `((sum(rate(${sel(requests, [`${status}${codes}`])}[${w}])) or vector(0)) / sum(rate(${sel(requests)}[${w}])))`;
  const ratio = (w) => share('=~"5.."', w);
  const good = (w) => share('!~"5.."', w);
  const p95 = (w, offset = "") => `histogram_quantile(0.95, sum by (le) (rate(${sel(hist)}[${w}]${offset ? ` offset ${offset}` : ""})))`;
  const step = `${SUSTAINED.stepSeconds}s`;
  const scalarOf = async (query) => {
    const r = await client.query(query, at);
    const v = r.samples.find((s) => !Number.isNaN(s.value));
    return v?.value;
  };
  const run = async (id, rule, level, threshold, queries, judge) => {
    const base = { id, rule, level, queries, threshold, at: at.toISOString() };
    try {
      const values = [];
      for (const q of queries) values.push(await scalarOf(q));
      return { ...base, ...judge(values) };
    } catch (error) {
      return {
        ...base,
        met: null,
        value: "error",
        detail: error.message
      };
    }
  };
  const sustained = (id, rule, level, expr, direction, limit, seconds, fmt) => {
    const window = promDuration(seconds);
    const range = `[${window}:${step}]`;
    const needed = Math.max(
      1,
      Math.floor(seconds / SUSTAINED.stepSeconds * SUSTAINED.minCoverage)
    );
    const extreme = direction === ">" ? "min" : "max";
    const word = direction === ">" ? "above" : "below";
    return run(
      id,
      rule,
      level,
      `${direction} ${fmt(limit)} for ${window}`,
      [
        `${extreme}_over_time(${expr}${range})`,
        `count_over_time(${expr}${range})`
      ],
      ([worst, count]) => {
        if (worst === void 0 || count === void 0) {
          return {
            met: false,
            value: "no data",
            detail: `no data over the last ${window}`
          };
        }
        const covered = count >= needed;
        const met2 = covered && (direction === ">" ? worst > limit : worst < limit);
        const label = direction === ">" ? "lowest" : "highest";
        return {
          met: met2,
          value: `${extreme} ${fmt(worst)} over ${count} steps`,
          detail: met2 ? `${word} ${fmt(limit)} at every step of the last ${window} (${label} ${fmt(worst)})` : !covered ? `only ${count} of ${needed} steps with data in the last ${window}: not sustained` : `${label} ${fmt(worst)} in the last ${window}, not ${word} ${fmt(limit)} throughout`
        };
      }
    );
  };
  const evidence = [];
  evidence.push(
    await sustained(
      "error-rate",
      `5xx ratio > ${pct(t.errorRatio)} for ${promDuration(t.errorSeconds)}`,
      "roll-back-now",
      ratio("1m"),
      ">",
      t.errorRatio,
      t.errorSeconds,
      pct
    )
  );
  const outage = promDuration(t.outageSeconds);
  const outageRange = `[${outage}:${step}]`;
  const outageSteps = Math.max(
    1,
    Math.floor(
      t.outageSeconds / SUSTAINED.stepSeconds * SUSTAINED.minCoverage
    )
  );
  evidence.push(
    await run(
      "total-outage",
      "total outage",
      "roll-back-now",
      `no target up, or 0% good responses for ${outage}`,
      [
        `count(max_over_time(${sel("up")}[1h]))`,
        `sum(${sel("up")}) or vector(0)`,
        `max_over_time(${good("1m")}${outageRange})`,
        `count_over_time(${good("1m")}${outageRange})`
      ],
      ([known, up, best, count]) => {
        if (known === void 0) {
          throw new Error(
            `no scrape target matched the service labels {${m.join(",")}} in the last hour; check service-labels against the labels of the "up" series`
          );
        }
        if (up === void 0 || up < 1) {
          return {
            met: true,
            value: "up 0",
            detail: `none of the ${known} scrape target(s) seen in the last hour is up`
          };
        }
        if (best === 0 && count !== void 0 && count >= outageSteps) {
          return {
            met: true,
            value: `up ${up}, 0% good`,
            detail: `every response in the last ${outage} was a 5xx`
          };
        }
        return {
          met: false,
          value: `up ${up}, ${best === void 0 ? "no traffic" : `best ${pct(best)} good`}`,
          detail: `${up} target${up === 1 ? "" : "s"} up${best === void 0 ? `, no requests in the last ${outage}` : ""}`
        };
      }
    )
  );
  const slo = promDuration(t.sloSeconds);
  evidence.push(
    await sustained(
      "br-001-availability",
      `availability < ${pct(t.availability)} for ${slo} (BR-001)`,
      "roll-back-now",
      good("1m"),
      "<",
      t.availability,
      t.sloSeconds,
      pct
    )
  );
  evidence.push(
    await sustained(
      "br-001-latency",
      `p95 latency > ${ms(t.latencySeconds)} for ${slo} (BR-001)`,
      "roll-back-now",
      p95("1m"),
      ">",
      t.latencySeconds,
      t.sloSeconds,
      ms
    )
  );
  evidence.push(
    await sustained(
      "error-rate-early",
      `5xx ratio > ${pct(t.errorRatio)} for ${promDuration(t.earlyErrorSeconds)}`,
      "evaluate",
      ratio("1m"),
      ">",
      t.errorRatio,
      t.earlyErrorSeconds,
      pct
    )
  );
  const factor = String(t.baselineFactor);
  const baselineQuery = p95("5m", options.baselineOffset ?? "1d");
  evidence.push(
    await run(
      "latency-vs-baseline",
      `p95 latency > ${factor}\xD7 baseline`,
      "evaluate",
      options.baselineP95Seconds !== void 0 ? `> ${factor} \xD7 ${ms(options.baselineP95Seconds)}` : `> ${factor} \xD7 p95 ${options.baselineOffset ?? "1d"} ago`,
      options.baselineP95Seconds !== void 0 ? [p95("5m")] : [p95("5m"), baselineQuery],
      ([now, before]) => {
        const baseline = options.baselineP95Seconds ?? before;
        if (now === void 0)
          return {
            met: false,
            value: "no data",
            detail: "no latency data in the last 5m"
          };
        if (baseline === void 0) {
          return {
            met: false,
            value: `${ms(now)}, no baseline`,
            detail: `no baseline data ${options.baselineOffset ?? "1d"} ago; set baseline-p95`
          };
        }
        const met2 = now > t.baselineFactor * baseline;
        return {
          met: met2,
          value: `${ms(now)} vs baseline ${ms(baseline)}`,
          detail: `p95 is ${Number((now / baseline).toPrecision(3))}\xD7 the baseline`
        };
      }
    )
  );
  const met = (level) => evidence.filter((e) => e.level === level && e.met === true);
  const unknown = (level) => evidence.filter((e) => e.level === level && e.met === null);
  const names = (list) => list.map((e) => e.rule).join(", ");
  for (const [level, verdict] of [
    ["roll-back-now", "roll back now"],
    ["evaluate", "evaluate a rollback"]
  ]) {
    if (met(level).length > 0)
      return {
        recommendation: level,
        evidence,
        reason: `${verdict}: ${names(met(level))}`
      };
    if (unknown(level).length > 0)
      return {
        recommendation: "could-not-verify",
        evidence,
        reason: `could not evaluate ${names(unknown(level))}: ${unknown(level)[0].detail}`
      };
  }
  return {
    recommendation: "fix-forward",
    evidence,
    reason: "fix forward: no rollback trigger is met"
  };
}

// packages/health/src/fields.ts
var import_yaml = __toESM(require_dist(), 1);
function where(path) {
  const [index, ...rest] = path;
  const item = typeof index === "number" ? `item ${index + 1}` : "";
  return [item, rest.join(".")].filter(Boolean).join(" field ");
}
function itemList(item) {
  return external_exports.string().transform(
    fromParser((v) => {
      const parsed = yamlList(external_exports.unknown()).safeParse(v);
      if (!parsed.success)
        return refuse(parsed.error.issues[0]?.message ?? "must be a YAML list");
      const out = [];
      for (const [i, raw] of parsed.data.entries()) {
        const r = item.safeParse(raw);
        if (!r.success) {
          const issue = r.error.issues[0];
          return refuse(
            `${where([i, ...issue?.path ?? []])}: ${issue?.message ?? "is invalid"}`
          );
        }
        out.push(r.data);
      }
      return out;
    })
  );
}
var httpChecksField = itemList(HttpCheckSpec);
var smokeTestsField = itemList(SmokeTestSpec);
var prometheusChecksField = itemList(PromCheckSpec).transform(
  fromParser((specs) => {
    const checks = [];
    const names = /* @__PURE__ */ new Set();
    for (const [i, spec] of specs.entries()) {
      if (names.has(spec.name))
        return refuse(
          `item ${i + 1}: the name "${spec.name}" is used twice; names must be unique`
        );
      names.add(spec.name);
      try {
        checks.push(resolvePromCheck(spec));
      } catch (error) {
        return refuse(`item ${i + 1}: ${error.message}`);
      }
    }
    return checks;
  })
);
var serviceLabelsField = external_exports.string().transform(
  fromParser((v) => {
    const r = external_exports.record(
      external_exports.string().regex(
        /^[a-zA-Z_][a-zA-Z0-9_]*$/,
        "label names must match [a-zA-Z_][a-zA-Z0-9_]*"
      ),
      external_exports.union([external_exports.string(), external_exports.number()]).transform(String)
    ).safeParse(yamlParse(v));
    if (!r.success || Object.keys(r.data).length === 0)
      return refuse(
        `must be a YAML mapping of label names to values, e.g. "namespace: prod" and "service: product-service" on two lines${r.success ? "" : ` (${r.error.issues[0]?.message ?? ""})`}`
      );
    return r.data;
  })
);
function yamlParse(v) {
  try {
    return (0, import_yaml.parse)(v);
  } catch {
    return void 0;
  }
}
var prometheusAuthMode = external_exports.enum(["none", "bearer", "azure"], {
  error: "must be none, bearer or azure"
});
var AZURE_PROMETHEUS_SCOPE = "https://prometheus.monitor.azure.com/.default";
function prometheusAuth(mode, options) {
  const needed = (value, input, detail) => {
    if (!value) throw new InputError(input, detail);
    return value;
  };
  if (mode === "bearer") {
    const token = needed(
      options.token,
      "prometheus-token",
      "is required when prometheus-auth is bearer; pass the token from a secret"
    );
    return { kind: "bearer", token: () => Promise.resolve(token) };
  }
  if (mode === "azure") {
    const credential = needed(
      options.credential,
      "client-id",
      "prometheus-auth azure needs client-id and tenant-id of the identity federated with this repository"
    );
    return {
      kind: "bearer",
      token: async () => {
        const t = await credential.getToken(AZURE_PROMETHEUS_SCOPE);
        if (!t)
          throw new ConfigurationError(
            `Entra returned no token for ${AZURE_PROMETHEUS_SCOPE}: check the federated credential of client-id and its Monitoring Data Reader role on the Azure Monitor workspace`
          );
        return t.token;
      }
    };
  }
  return { kind: "none" };
}
function prometheusAuthFromInputs(inputs, runner) {
  const mode = inputs.prometheusAuth;
  return prometheusAuth(mode, {
    ...inputs.prometheusToken ? { token: inputs.prometheusToken } : {},
    ...mode === "azure" ? {
      credential: createAzureCredential(
        {
          clientId: inputs.clientId ?? "",
          tenantId: inputs.tenantId ?? "",
          getAssertion: runner.getAssertion
        },
        runner.env
      )
    } : {}
  });
}

export {
  parseThreshold,
  parseDuration,
  PrometheusClient,
  validateHealth,
  evaluateRollbackTriggers,
  httpChecksField,
  smokeTestsField,
  prometheusChecksField,
  serviceLabelsField,
  prometheusAuthMode,
  prometheusAuthFromInputs
};
