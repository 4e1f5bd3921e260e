import { createRequire as __rollbackCreateRequire } from 'node:module';
const require = __rollbackCreateRequire(import.meta.url);
import {
  KubeConfig,
  ObjectAppsV1Api,
  ObjectCoreV1Api,
  PatchStrategy,
  Watch,
  setHeaderOptions
} from "./chunk-TJNQP7C3.js";
import {
  ConfigurationError,
  OperationError,
  UserError,
  parseImageReference
} from "./chunk-ZB2LRDXC.js";

// packages/kube/src/clients.ts
import { delimiter } from "node:path";
function createKubeClients(kubeconfig) {
  const config = new KubeConfig();
  const text = kubeconfig?.trim() ?? "";
  const isYaml = text.includes("\n");
  const files = isYaml ? [] : text.split(delimiter).filter((f) => f !== "");
  try {
    if (isYaml) config.loadFromString(text);
    else if (files.length === 0) config.loadFromDefault();
    else {
      config.loadFromFile(files[0] ?? "");
      for (const file of files.slice(1)) {
        const more = new KubeConfig();
        more.loadFromFile(file);
        config.mergeConfig(more, config.getCurrentContext() !== "");
      }
    }
  } catch (error) {
    throw new ConfigurationError(
      `cannot load the kubeconfig${files.length > 0 ? ` from ${files.map((f) => `"${f}"`).join(", ")}` : ""}: ${error instanceof Error ? error.message.split("\n")[0] ?? "" : String(error)}. Run azure/aks-set-context (or az aks get-credentials) before this step.`,
      { cause: error }
    );
  }
  if (!config.getCurrentCluster()) {
    throw new ConfigurationError(
      "the kubeconfig has no current cluster (current-context is missing or names no cluster). Run azure/aks-set-context (or az aks get-credentials) before this step."
    );
  }
  return {
    config,
    apps: config.makeApiClient(ObjectAppsV1Api),
    core: config.makeApiClient(ObjectCoreV1Api),
    watch: new Watch(config)
  };
}

// packages/kube/src/constants.ts
var ANNOTATIONS = {
  /** Decimal revision on a Deployment and each of its ReplicaSets. */
  revision: "deployment.kubernetes.io/revision",
  /** Shown by `kubectl rollout history`; copied by the controller to the new ReplicaSet. */
  changeCause: "kubernetes.io/change-cause",
  /** Pod-template annotation `kubectl rollout restart` sets. */
  restartedAt: "kubectl.kubernetes.io/restartedAt"
};
var FIELD_MANAGER = "rollback-actions";
var PROGRESS_DEADLINE_EXCEEDED = "ProgressDeadlineExceeded";
var IMAGE_PULL_FAILURES = [
  "ErrImagePull",
  "ImagePullBackOff",
  "InvalidImageName",
  "ErrImageNeverPull"
];
var START_FAILURES = [
  "CrashLoopBackOff",
  "CreateContainerConfigError",
  "CreateContainerError",
  "RunContainerError"
];
var CRASH_LOG_LINES = 20;

// packages/kube/src/errors.ts
function statusCodeOf(error) {
  if (typeof error !== "object" || error === null) return void 0;
  const e = error;
  if (typeof e.code === "number") return e.code;
  if (typeof e.statusCode === "number") return e.statusCode;
  return void 0;
}
function statusFields(error) {
  if (typeof error !== "object" || error === null) return {};
  const body = error.body;
  let parsed = body;
  if (typeof body === "string") {
    try {
      parsed = JSON.parse(body);
    } catch {
      return {};
    }
  }
  if (typeof parsed !== "object" || parsed === null) return {};
  const status = parsed;
  return {
    ...typeof status.reason === "string" ? { reason: status.reason } : {},
    ...typeof status.message === "string" ? { message: status.message.slice(0, 300) } : {}
  };
}
function isNotFound(error) {
  return statusCodeOf(error) === 404;
}
function kubeError(what, error) {
  const code = statusCodeOf(error);
  const { reason, message } = statusFields(error);
  if (code === 401) {
    return new ConfigurationError(
      `${what}: the Kubernetes API rejected the credentials (401 Unauthorized). Refresh the kubeconfig (az aks get-credentials, kubelogin) before this step.`,
      { cause: error }
    );
  }
  if (code === 403) {
    return new ConfigurationError(
      `${what}: forbidden (403)${message ? `: ${message}` : ""}. Grant the workflow's identity get, list, watch and patch on deployments and get, list, watch on replicasets, pods and pods/log in that namespace.`,
      { cause: error }
    );
  }
  if (code !== void 0) {
    return new OperationError(
      `${what}: the Kubernetes API answered ${code}${reason ? ` ${reason}` : ""}${message ? `: ${message}` : ""}`,
      { cause: error }
    );
  }
  const detail = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : void 0) ?? error.message : String(error);
  return new OperationError(
    `${what}: cannot reach the Kubernetes API (${detail.split("\n")[0]}). Check the kubeconfig's server address and the network path to the cluster.`,
    { cause: error }
  );
}

// packages/kube/src/set-image.ts
function formatChangeCause(facts) {
  const by = facts.actor ? ` by ${facts.actor}` : "";
  const run = facts.runUrl ? ` (${facts.runUrl})` : "";
  return `rollback-actions: ${facts.from} -> ${facts.to}${by}${run}`;
}
function imagePatchBody(container, image, changeCause) {
  return {
    metadata: { annotations: { [ANNOTATIONS.changeCause]: changeCause } },
    spec: { template: { spec: { containers: [{ name: container, image }] } } }
  };
}
async function readDeployment(clients, namespace, name) {
  try {
    return await clients.apps.readNamespacedDeployment({ name, namespace });
  } catch (error) {
    if (isNotFound(error)) {
      throw new ConfigurationError(
        `deployment "${namespace}/${name}" not found. Check the namespace and deployment names (kubectl get deployments -n ${namespace}).`,
        { cause: error }
      );
    }
    throw kubeError(`reading deployment "${namespace}/${name}"`, error);
  }
}
function planImage(deployment, image, container) {
  const namespace = deployment.metadata?.namespace ?? "";
  const name = deployment.metadata?.name ?? "";
  const target = `deployment "${namespace}/${name}"`;
  const containers = deployment.spec?.template?.spec?.containers ?? [];
  const names = containers.map((c) => c.name);
  let chosen;
  if (container) {
    chosen = containers.find((c) => c.name === container);
    if (!chosen) {
      throw new ConfigurationError(
        `${target} has no container "${container}"; its containers are: ${names.join(", ") || "(none)"}. Set the container input to one of them.`
      );
    }
  } else {
    if (containers.length !== 1) {
      throw new ConfigurationError(
        `${target} has ${containers.length} containers (${names.join(", ") || "none"}); set the container input to the one to roll back.`
      );
    }
    chosen = containers[0];
  }
  if (!chosen) throw new ConfigurationError(`${target} has no containers`);
  if (deployment.spec?.paused) {
    throw new ConfigurationError(
      `${target} is paused: a paused Deployment does not roll out. Resume it first with kubectl rollout resume deployment/${name} -n ${namespace}, then run again.`
    );
  }
  const previousImage = chosen.image ?? "";
  return {
    namespace,
    name,
    container: chosen.name,
    previousImage,
    image,
    changed: previousImage !== image
  };
}
async function applyImagePlan(clients, plan, changeCause, log) {
  if (!plan.changed) return;
  const target = `deployment "${plan.namespace}/${plan.name}"`;
  log.debug(
    `PATCH ${target} (strategic merge): container ${plan.container} image ${plan.image}`
  );
  try {
    await clients.apps.patchNamespacedDeployment(
      {
        name: plan.name,
        namespace: plan.namespace,
        body: imagePatchBody(plan.container, plan.image, changeCause),
        fieldManager: FIELD_MANAGER
      },
      setHeaderOptions("Content-Type", PatchStrategy.StrategicMergePatch)
    );
  } catch (error) {
    throw kubeError(`patching the image of ${target}`, error);
  }
}

// packages/kube/src/pods.ts
var pullReasons = new Set(IMAGE_PULL_FAILURES);
var startReasons = new Set(START_FAILURES);
function findPodFailure(pods) {
  for (const pod of pods) {
    if (pod.metadata?.deletionTimestamp) continue;
    const statuses = [
      ...pod.status?.initContainerStatuses ?? [],
      ...pod.status?.containerStatuses ?? []
    ];
    for (const status of statuses) {
      const reason = status.state?.waiting?.reason;
      if (!reason) continue;
      const kind = pullReasons.has(reason) ? "image-pull" : startReasons.has(reason) ? "start" : void 0;
      if (!kind) continue;
      const lastExitCode = status.lastState?.terminated?.exitCode;
      return {
        pod: pod.metadata?.name ?? "",
        container: status.name,
        reason,
        message: status.state?.waiting?.message ?? "",
        image: status.image,
        kind,
        ...lastExitCode !== void 0 ? { lastExitCode } : {},
        restartCount: status.restartCount
      };
    }
  }
  return void 0;
}
function describePodFailure(target, failure, logTail) {
  const where = `pod "${failure.pod}" container "${failure.container}"`;
  const said = failure.message ? `: ${oneLine(failure.message)}` : "";
  if (failure.kind === "image-pull") {
    return `${target} cannot roll out: ${where} cannot pull image "${failure.image}" (${failure.reason}${said}). Check that the tag exists in the registry and that the cluster can pull from it (AKS: the kubelet identity needs AcrPull), then run again with an image that exists.`;
  }
  if (failure.reason !== "CrashLoopBackOff") {
    return `${target} cannot roll out: ${where} cannot start (${failure.reason}${said}). Check the secrets, config maps and command the pod template references (kubectl describe pod ${failure.pod}), then run again.`;
  }
  const exit = failure.lastExitCode !== void 0 ? `, last exit code ${failure.lastExitCode}` : "";
  const logs = logTail === void 0 ? "" : `
Last ${CRASH_LOG_LINES} log lines of the previous instance:
${logTail}`;
  return `${target} cannot roll out: ${where} is in ${failure.reason}${said}${exit}${failure.restartCount > 0 ? ` (restarts: ${failure.restartCount})` : ""}. The image was pulled but does not stay up; the Deployment now runs the new template. Read the log below, then run again with a working image.${logs}`;
}
function formatLogTail(log) {
  const lines = log.replace(/\n+$/, "").split("\n").slice(-CRASH_LOG_LINES);
  if (lines.length === 1 && lines[0] === "") return "  (the log is empty)";
  return lines.map((l) => `  | ${l.slice(0, 500)}`).join("\n");
}
function labelSelectorString(selector) {
  const parts = [];
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    parts.push(`${key}=${value}`);
  }
  for (const expr of selector.matchExpressions ?? []) {
    const values = [...expr.values ?? []].sort().join(",");
    switch (expr.operator) {
      case "In":
        parts.push(`${expr.key} in (${values})`);
        break;
      case "NotIn":
        parts.push(`${expr.key} notin (${values})`);
        break;
      case "Exists":
        parts.push(expr.key);
        break;
      case "DoesNotExist":
        parts.push(`!${expr.key}`);
        break;
      default:
        throw new Error(`unknown label selector operator "${expr.operator}"`);
    }
  }
  return parts.sort().join(",");
}
function oneLine(text) {
  return text.replace(/\s*\n\s*/g, " ").slice(0, 500);
}

// packages/kube/src/status.ts
function revisionOf(object) {
  const raw = object.metadata?.annotations?.[ANNOTATIONS.revision];
  if (raw === void 0 || !/^\d+$/.test(raw)) return void 0;
  return Number(raw);
}
function rolloutStatus(deployment, desiredRevision) {
  const name = deployment.metadata?.name ?? "";
  if (desiredRevision !== void 0 && desiredRevision > 0) {
    const raw = deployment.metadata?.annotations?.[ANNOTATIONS.revision];
    const running = raw === void 0 ? 0 : Number.parseInt(raw, 10);
    if (Number.isNaN(running)) {
      throw new OperationError(
        `cannot get the revision of deployment "${name}": annotation ${ANNOTATIONS.revision} is "${raw}"`
      );
    }
    if (running !== desiredRevision) {
      throw new OperationError(
        `desired revision (${desiredRevision}) is different from the running revision (${running})`
      );
    }
  }
  const generation = deployment.metadata?.generation ?? 0;
  const status = deployment.status ?? {};
  const observedGeneration = status.observedGeneration ?? 0;
  if (generation <= observedGeneration) {
    const progressing = status.conditions?.find((c) => c.type === "Progressing");
    if (progressing?.reason === PROGRESS_DEADLINE_EXCEEDED) {
      return {
        done: false,
        deadlineExceeded: true,
        message: `deployment "${name}" exceeded its progress deadline`
      };
    }
    const specReplicas = deployment.spec?.replicas;
    const updated = status.updatedReplicas ?? 0;
    const replicas = status.replicas ?? 0;
    const available = status.availableReplicas ?? 0;
    if (specReplicas !== void 0 && updated < specReplicas) {
      return waiting(
        `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${specReplicas} new replicas have been updated...`
      );
    }
    if (replicas > updated) {
      return waiting(
        `Waiting for deployment "${name}" rollout to finish: ${replicas - updated} old replicas are pending termination...`
      );
    }
    if (available < updated) {
      return waiting(
        `Waiting for deployment "${name}" rollout to finish: ${available} of ${updated} updated replicas are available...`
      );
    }
    return {
      done: true,
      deadlineExceeded: false,
      message: `deployment "${name}" successfully rolled out`
    };
  }
  return waiting("Waiting for deployment spec update to be observed...");
}
function waiting(message) {
  return { done: false, deadlineExceeded: false, message };
}

// packages/kube/src/watcher.ts
var FATAL_CODES = /* @__PURE__ */ new Set([401, 403, 404]);
var MAX_BACKOFF_MS = 5e3;
function listWatch(options) {
  let stopped = false;
  let abortCurrent;
  let wakeSleep;
  const sleep = (ms) => new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      wakeSleep = void 0;
      resolve();
    }
    wakeSleep = done;
  });
  const fatal = (error) => {
    if (stopped) return;
    stopped = true;
    options.onFatal(error);
  };
  const watchOnce = (resourceVersion, onRv) => new Promise((resolve) => {
    let settled = false;
    let controller;
    let events = 0;
    const finish = (outcome) => {
      if (settled) return;
      settled = true;
      abortCurrent = void 0;
      controller?.abort();
      resolve(outcome);
    };
    abortCurrent = () => finish({ kind: "stopped" });
    options.clients.watch.watch(
      options.path,
      {
        ...options.selector,
        resourceVersion,
        allowWatchBookmarks: true,
        timeoutSeconds: options.watchTimeoutSeconds
      },
      (type, object) => {
        if (settled) return;
        if (type === "ERROR") {
          const status = object;
          if (status.code === 410 || status.reason === "Expired") {
            finish({ kind: "gone" });
          } else {
            finish({
              kind: "failed",
              error: Object.assign(
                new Error(`watch ERROR event ${status.reason ?? ""}`),
                { code: status.code, body: object }
              )
            });
          }
          return;
        }
        const rv = object?.metadata?.resourceVersion;
        if (rv) onRv(rv);
        if (type === "BOOKMARK") return;
        if (type === "ADDED" || type === "MODIFIED" || type === "DELETED") {
          events++;
          try {
            options.onEvent(type, object);
          } catch (error) {
            finish({ kind: "stopped" });
            fatal(error);
          }
        }
      },
      (error) => {
        if (settled) return;
        if (error === null || error === void 0 || isTimeout(error)) {
          finish({ kind: "ended", events });
        } else if (statusCodeOf(error) === 410) {
          finish({ kind: "gone" });
        } else if (controller !== void 0) {
          options.log.debug(
            `watch of ${options.what} interrupted: ${error instanceof Error ? error.message : "stream error"}`
          );
          finish({ kind: "ended", events });
        } else {
          finish({ kind: "failed", error });
        }
      }
    ).then(
      (c) => {
        controller = c;
        if (settled) c.abort();
      },
      (error) => finish({ kind: "failed", error })
    );
  });
  const loop = async () => {
    let resourceVersion;
    let failures = 0;
    let quickEnds = 0;
    const backoff = async (count) => {
      const ms = Math.min(MAX_BACKOFF_MS, 250 * 2 ** Math.min(count, 5));
      await sleep(ms * (0.75 + Math.random() / 2));
    };
    const transient = async (error, phase) => {
      const wrapped = kubeError(`${phase} ${options.what}`, error);
      const code = statusCodeOf(error);
      if (code !== void 0 && FATAL_CODES.has(code)) {
        fatal(wrapped);
        return;
      }
      failures++;
      if (failures === 1) {
        options.log.warning(
          `${wrapped.message}; retrying`,
          "Kubernetes watch interrupted"
        );
      } else {
        options.log.debug(`${wrapped.message}; retry ${failures}`);
      }
      await backoff(failures);
    };
    while (!stopped) {
      if (resourceVersion === void 0) {
        try {
          options.log.debug(`listing ${options.what}`);
          const listed = await options.list();
          if (stopped) return;
          resourceVersion = listed.resourceVersion;
          failures = 0;
          options.onSync(listed.items);
        } catch (error) {
          if (stopped) return;
          await transient(error, "listing");
          continue;
        }
        continue;
      }
      const startedAt = Date.now();
      options.log.debug(
        `watching ${options.what} from resourceVersion ${resourceVersion}`
      );
      const outcome = await watchOnce(resourceVersion, (rv) => {
        resourceVersion = rv;
      });
      if (stopped || outcome.kind === "stopped") return;
      if (outcome.kind === "gone") {
        options.log.debug(
          `resourceVersion of ${options.what} expired (410); listing again`
        );
        resourceVersion = void 0;
        continue;
      }
      if (outcome.kind === "failed") {
        await transient(outcome.error, "watching");
        continue;
      }
      failures = 0;
      if (outcome.events === 0 && Date.now() - startedAt < 1e3) {
        quickEnds++;
        await backoff(quickEnds);
      } else {
        quickEnds = 0;
      }
      options.log.debug(`watch of ${options.what} ended; watching again`);
    }
  };
  loop().catch(fatal);
  return {
    stop() {
      if (stopped) return;
      stopped = true;
      abortCurrent?.();
      wakeSleep?.();
    }
  };
}
function isTimeout(error) {
  return typeof error === "object" && error !== null && error.name === "TimeoutError";
}

// packages/kube/src/wait.ts
function waitForRollout(options) {
  const { clients, namespace, name, log } = options;
  const target = `deployment "${namespace}/${name}"`;
  const startedAt = performance.now();
  const watchTimeoutSeconds = options.watchTimeoutSeconds ?? 300;
  return new Promise((resolve, reject) => {
    let finished = false;
    let lastMessage = "";
    let latest;
    let newRs;
    let podWatch;
    let lookupInFlight = false;
    let lookupRetry;
    let lookupMisses = 0;
    let podInspectionOff = false;
    let inspectingFailure = false;
    const handles = {};
    const cleanup = () => {
      clearTimeout(deadline);
      clearTimeout(lookupRetry);
      handles.deployment?.stop();
      podWatch?.stop();
      options.signal?.removeEventListener("abort", onAbort);
    };
    const fail = (error) => {
      if (finished) return;
      finished = true;
      cleanup();
      reject(
        error instanceof Error ? error : new OperationError(`${target}: ${String(error)}`)
      );
    };
    const succeed = (deployment) => {
      if (finished) return;
      finished = true;
      cleanup();
      const durationSeconds = Math.round((performance.now() - startedAt) / 100) / 10;
      resolve({ revision: revisionOf(deployment) ?? 0, durationSeconds });
    };
    const deadline = setTimeout(() => {
      fail(
        new OperationError(
          `${target} did not finish rolling out within ${options.timeoutSeconds}s (last status: ${lastMessage || "none"}). Raise rollout-timeout if the rollout is slow, or inspect it with kubectl rollout status deployment/${name} -n ${namespace}.`
        )
      );
    }, options.timeoutSeconds * 1e3);
    const onAbort = () => {
      const reason = options.signal?.reason;
      fail(
        new OperationError(
          `stopped waiting for ${target}: ${reason instanceof Error ? reason.message : "aborted"}`,
          { cause: reason }
        )
      );
    };
    if (options.signal?.aborted) {
      clearTimeout(deadline);
      onAbort();
      return;
    }
    options.signal?.addEventListener("abort", onAbort, { once: true });
    const onDeployment = (deployment) => {
      if (finished) return;
      latest = deployment;
      const status = rolloutStatus(deployment);
      if (status.message !== lastMessage) {
        lastMessage = status.message;
        log.info(`${namespace}/${name}: ${status.message}`);
      }
      if (status.done) {
        succeed(deployment);
        return;
      }
      if (status.deadlineExceeded) {
        const condition = deployment.status?.conditions?.find(
          (c) => c.type === "Progressing"
        );
        fail(
          new OperationError(
            `${target} exceeded its progress deadline (ProgressDeadlineExceeded${condition?.message ? `: ${condition.message}` : ""}) after ${deployment.spec?.progressDeadlineSeconds ?? 600}s without progress. Inspect the new pods (kubectl describe pods -n ${namespace}) and run again with a working image.`
          )
        );
        return;
      }
      trackNewReplicaSet();
    };
    const trackNewReplicaSet = () => {
      const deployment = latest;
      if (!deployment || lookupInFlight || finished || podInspectionOff) return;
      const generation = deployment.metadata?.generation ?? 0;
      const observed = deployment.status?.observedGeneration ?? 0;
      const revision = revisionOf(deployment);
      if (generation > observed || revision === void 0) return;
      if (newRs?.revision === revision) return;
      const selector = deployment.spec?.selector;
      const uid = deployment.metadata?.uid;
      if (!selector || !uid) return;
      lookupInFlight = true;
      clients.apps.listNamespacedReplicaSet({
        namespace,
        labelSelector: labelSelectorString(selector)
      }).then((list) => {
        lookupInFlight = false;
        if (finished) return;
        const found = list.items.find(
          (rs) => rs.metadata?.ownerReferences?.some(
            (o) => o.controller && o.uid === uid
          ) && revisionOf(rs) === revision && sameImages(rs, deployment)
        );
        if (!found) {
          if (lookupMisses++ === 0)
            log.debug(
              `no ReplicaSet of ${target} at revision ${revision} yet; looking again every second`
            );
          retryLookup();
          return;
        }
        watchPodsOf(found, revision);
      }).catch((error) => {
        lookupInFlight = false;
        const wrapped = kubeError(`listing ReplicaSets of ${target}`, error);
        if (wrapped instanceof ConfigurationError) {
          degrade(wrapped);
          return;
        }
        if (lookupMisses++ === 0) log.debug(wrapped.message);
        retryLookup();
      });
    };
    const retryLookup = () => {
      if (finished) return;
      clearTimeout(lookupRetry);
      lookupRetry = setTimeout(trackNewReplicaSet, 1e3);
    };
    const degrade = (error) => {
      if (podInspectionOff || finished) return;
      podInspectionOff = true;
      podWatch?.stop();
      log.warning(
        `${error.message} Pod failures of ${target} will only show as its progress deadline.`,
        "Pods not inspected"
      );
    };
    const watchPodsOf = (rs, revision) => {
      const rsUid = rs.metadata?.uid ?? "";
      const rsName = rs.metadata?.name ?? "";
      const selector = rs.spec?.selector;
      if (!selector) return;
      podWatch?.stop();
      newRs = {
        uid: rsUid,
        name: rsName,
        revision,
        selector: labelSelectorString(selector)
      };
      log.debug(
        `watching pods of ReplicaSet ${rsName} (revision ${revision}) of ${target}`
      );
      const pods = /* @__PURE__ */ new Map();
      const ownedByRs = (pod) => (pod.metadata?.ownerReferences ?? []).length === 0 || (pod.metadata?.ownerReferences ?? []).some((o) => o.uid === rsUid);
      const inspect = () => {
        if (finished || inspectingFailure) return;
        const failure = findPodFailure([...pods.values()]);
        if (!failure) return;
        inspectingFailure = true;
        void explain(failure).then(fail, fail);
      };
      podWatch = listWatch({
        clients,
        log,
        what: `pods of ReplicaSet "${namespace}/${rsName}"`,
        path: `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods`,
        selector: { labelSelector: newRs.selector },
        watchTimeoutSeconds,
        list: async () => {
          const list = await clients.core.listNamespacedPod({
            namespace,
            labelSelector: newRs?.selector ?? ""
          });
          return {
            items: list.items,
            resourceVersion: list.metadata?.resourceVersion ?? ""
          };
        },
        onSync: (items) => {
          pods.clear();
          for (const pod of items) {
            if (pod.metadata?.name && ownedByRs(pod))
              pods.set(pod.metadata.name, pod);
          }
          inspect();
        },
        onEvent: (type, pod) => {
          const podName = pod.metadata?.name;
          if (!podName || !ownedByRs(pod)) return;
          if (type === "DELETED") pods.delete(podName);
          else pods.set(podName, pod);
          inspect();
        },
        onFatal: (error) => degrade(
          error instanceof Error ? error : new OperationError(`watching pods of ${target} failed`)
        )
      });
    };
    const explain = async (failure) => {
      let tail;
      if (failure.reason === "CrashLoopBackOff") {
        try {
          const text = await clients.core.readNamespacedPodLog({
            namespace,
            name: failure.pod,
            container: failure.container,
            previous: true,
            tailLines: CRASH_LOG_LINES
          });
          tail = formatLogTail(text);
        } catch (error) {
          tail = `  (logs unavailable: ${kubeError("reading the log", error).message})`;
        }
      }
      return new OperationError(describePodFailure(target, failure, tail));
    };
    handles.deployment = listWatch({
      clients,
      log,
      what: target,
      path: `/apis/apps/v1/namespaces/${encodeURIComponent(namespace)}/deployments`,
      selector: { fieldSelector: `metadata.name=${name}` },
      watchTimeoutSeconds,
      list: async () => {
        const list = await clients.apps.listNamespacedDeployment({
          namespace,
          fieldSelector: `metadata.name=${name}`
        });
        return {
          items: list.items,
          resourceVersion: list.metadata?.resourceVersion ?? ""
        };
      },
      onSync: (items) => {
        const deployment = items.find((d) => d.metadata?.name === name);
        if (!deployment) {
          fail(
            new ConfigurationError(
              `${target} not found. Check the namespace and deployment names.`
            )
          );
          return;
        }
        onDeployment(deployment);
      },
      onEvent: (type, deployment) => {
        if (deployment.metadata?.name !== name) return;
        if (type === "DELETED") {
          fail(
            new OperationError(
              `${target} was deleted while waiting for its rollout`
            )
          );
          return;
        }
        onDeployment(deployment);
      },
      onFatal: (error) => fail(
        error instanceof Error ? error : kubeError(`watching ${target}`, error)
      )
    });
  });
}
function sameImages(rs, deployment) {
  const images = (containers) => JSON.stringify(
    (containers ?? []).map((c) => [c.name, c.image ?? ""]).sort()
  );
  return images(rs.spec?.template?.spec?.containers) === images(deployment.spec?.template?.spec?.containers);
}

// packages/kube/src/rollback.ts
var DOCKER_HUB = "docker.io";
function normalizeRegistry(registry) {
  const host = registry.trim().toLowerCase().replace(/^[a-z]+:\/\//, "").replace(/\/+$/, "");
  return host === "index.docker.io" || host === "registry-1.docker.io" ? DOCKER_HUB : host;
}
function registryOf(ref) {
  return normalizeRegistry(ref.registry ?? DOCKER_HUB);
}
async function planRollBack(options) {
  const { clients, namespace } = options;
  let target;
  try {
    target = typeof options.image === "string" ? parseImageReference(options.image) : options.image;
  } catch (error) {
    throw new ConfigurationError(
      `image "${typeof options.image === "string" ? options.image : options.image.reference}" is not a valid image reference: ${error.message}`
    );
  }
  const names = [...new Set(options.deployments)];
  if (names.length === 0) {
    throw new ConfigurationError("no deployment to roll back was given");
  }
  const explicit = (options.allowedRegistries ?? []).map(normalizeRegistry).filter((r) => r !== "");
  const registry = registryOf(target);
  const settled = await Promise.allSettled(
    names.map(async (name) => {
      const deployment = await readDeployment(clients, namespace, name);
      const plan = planImage(deployment, target.reference, options.container);
      let allowed = explicit;
      if (allowed.length === 0) {
        let current;
        try {
          current = parseImageReference(plan.previousImage);
        } catch (error) {
          throw new ConfigurationError(
            `deployment "${namespace}/${name}" container "${plan.container}" runs "${plan.previousImage}", whose registry cannot be read (${error.message}); set allowed-registries explicitly.`
          );
        }
        allowed = [registryOf(current)];
      }
      if (!allowed.includes(registry)) {
        throw new ConfigurationError(
          `deployment "${namespace}/${name}": image ${target.reference} comes from registry ${registry}, which is not allowed (allowed: ${allowed.join(", ")}). Use an image from an allowed registry or add ${registry} to allowed-registries.`
        );
      }
      return {
        ...plan,
        namespace,
        name,
        registry,
        allowedRegistries: allowed
      };
    })
  );
  const problems = settled.flatMap(
    (s) => s.status === "rejected" ? [s.reason] : []
  );
  if (problems.length > 0) {
    const messages = problems.map(
      (p) => p instanceof Error ? p.message : String(p)
    );
    const text = problems.length === 1 ? `${messages[0]} Nothing was changed.` : `${problems.length} of ${names.length} deployments cannot be rolled back; nothing was changed:
${messages.map((m) => `- ${m}`).join("\n")}`;
    const allUser = problems.every((p) => p instanceof UserError);
    throw allUser ? new ConfigurationError(text, { cause: problems[0] }) : new OperationError(text, { cause: problems[0] });
  }
  return settled.map((s) => s.value);
}
async function executeRollBack(plans, options) {
  const { clients, log } = options;
  if (options.dryRun) {
    const now = /* @__PURE__ */ new Date();
    for (const plan of plans) {
      log.info(
        `dry run: ${plan.namespace}/${plan.name} container ${plan.container}: ${plan.previousImage} -> ${plan.image}${plan.changed ? "" : " (already on it)"}`
      );
    }
    return plans.map((plan) => ({
      namespace: plan.namespace,
      deployment: plan.name,
      container: plan.container,
      previousImage: plan.previousImage,
      image: plan.image,
      outcome: "dry-run",
      startedAt: now,
      finishedAt: now
    }));
  }
  const run = async (plan) => {
    const startedAt = /* @__PURE__ */ new Date();
    const base = {
      namespace: plan.namespace,
      deployment: plan.name,
      container: plan.container,
      previousImage: plan.previousImage,
      image: plan.image,
      startedAt
    };
    const execute = async () => {
      const changeCause = typeof options.changeCause === "function" ? options.changeCause(plan) : options.changeCause;
      if (plan.changed) {
        await applyImagePlan(clients, plan, changeCause, log);
        log.info(
          `${plan.namespace}/${plan.name}: container ${plan.container} set from ${plan.previousImage} to ${plan.image}; waiting for the rollout`
        );
      } else {
        log.info(
          `${plan.namespace}/${plan.name}: container ${plan.container} already runs ${plan.image}; no change, checking the rollout`
        );
      }
      return waitForRollout({
        clients,
        namespace: plan.namespace,
        name: plan.name,
        timeoutSeconds: options.timeoutSeconds,
        log,
        ...options.signal ? { signal: options.signal } : {},
        ...options.watchTimeoutSeconds ? { watchTimeoutSeconds: options.watchTimeoutSeconds } : {}
      });
    };
    try {
      const result = await (options.step ? options.step(plan, execute) : execute());
      const finishedAt = /* @__PURE__ */ new Date();
      return {
        ...base,
        outcome: plan.changed ? "succeeded" : "unchanged",
        revision: result.revision,
        durationSeconds: Math.round((finishedAt.getTime() - startedAt.getTime()) / 100) / 10,
        finishedAt
      };
    } catch (error) {
      const finishedAt = /* @__PURE__ */ new Date();
      return {
        ...base,
        outcome: "failed",
        durationSeconds: Math.round((finishedAt.getTime() - startedAt.getTime()) / 100) / 10,
        finishedAt,
        error: error instanceof Error ? error : new OperationError(`${plan.name}: ${String(error)}`)
      };
    }
  };
  const settled = await Promise.allSettled(plans.map(run));
  return settled.map((s, i) => {
    if (s.status === "fulfilled") return s.value;
    const plan = plans[i];
    const now = /* @__PURE__ */ new Date();
    return {
      namespace: plan.namespace,
      deployment: plan.name,
      container: plan.container,
      previousImage: plan.previousImage,
      image: plan.image,
      outcome: "failed",
      startedAt: now,
      finishedAt: now,
      error: s.reason instanceof Error ? s.reason : new OperationError(String(s.reason))
    };
  });
}
function rollBackFailure(results) {
  const failed = results.filter((r) => r.outcome === "failed");
  if (failed.length === 0) return void 0;
  if (failed.length === 1) return failed[0]?.error;
  const text = `${failed.length} of ${results.length} deployments did not roll out:
${failed.map((r) => `- ${r.error?.message ?? r.deployment}`).join("\n")}`;
  return failed.every((r) => r.error instanceof UserError) ? new ConfigurationError(text) : new OperationError(text);
}

// packages/kube/src/restart.ts
function rfc3339Seconds(date) {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}
function restartPatchBody(restartedAt) {
  return {
    spec: {
      template: {
        metadata: { annotations: { [ANNOTATIONS.restartedAt]: restartedAt } }
      }
    }
  };
}
async function restartRollout(options) {
  const { clients, namespace, name, log } = options;
  const deployment = await readDeployment(clients, namespace, name);
  if (deployment.spec?.paused) {
    throw new ConfigurationError(
      `can't restart paused deployment "${namespace}/${name}" (run kubectl rollout resume deployment/${name} -n ${namespace} first)`
    );
  }
  const restartedAt = rfc3339Seconds(options.now ?? /* @__PURE__ */ new Date());
  log.debug(
    `PATCH deployment "${namespace}/${name}" restartedAt=${restartedAt}`
  );
  try {
    await clients.apps.patchNamespacedDeployment(
      {
        name,
        namespace,
        body: restartPatchBody(restartedAt),
        fieldManager: FIELD_MANAGER
      },
      setHeaderOptions("Content-Type", PatchStrategy.StrategicMergePatch)
    );
  } catch (error) {
    throw kubeError(`restarting deployment "${namespace}/${name}"`, error);
  }
  log.info(`${namespace}/${name}: restart requested at ${restartedAt}`);
  return { restartedAt };
}

export {
  createKubeClients,
  kubeError,
  formatChangeCause,
  readDeployment,
  restartRollout,
  waitForRollout,
  planRollBack,
  executeRollBack,
  rollBackFailure
};
