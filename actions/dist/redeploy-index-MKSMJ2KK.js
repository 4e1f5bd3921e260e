import { createRequire as __rollbackCreateRequire } from 'node:module';
const require = __rollbackCreateRequire(import.meta.url);
import {
  createKubeClients,
  executeRollBack,
  formatChangeCause,
  planRollBack,
  rollBackFailure
} from "./chunk-DGL7FO7U.js";
import "./chunk-TJNQP7C3.js";
import "./chunk-NS3VLTAX.js";
import {
  defineAction,
  durationSeconds,
  external_exports,
  flag,
  imageRef,
  k8sName,
  nameList,
  namespaceName,
  registryHost
} from "./chunk-ZB2LRDXC.js";
import "./chunk-WTTBYOJK.js";

// actions/redeploy/src/inputs.ts
var RedeployInputs = external_exports.object({
  namespace: namespaceName,
  // input `namespace`
  deployments: nameList(k8sName),
  // input `deployments`: comma/newline separated names
  container: namespaceName.optional(),
  // input `container`: empty = the only container
  image: imageRef,
  // input `image`: OCI reference
  allowedRegistries: nameList(registryHost).optional(),
  // input `allowed-registries`: empty = current registry
  rolloutTimeout: durationSeconds,
  // input `rollout-timeout`: "90s", "10m" -> seconds
  dryRun: flag
  // input `dry-run`: "true" or "false"
});

// actions/redeploy/src/main.ts
var utc = (date) => date.toISOString().replace(/\.\d{3}Z$/, "Z");
var run = defineAction("redeploy", async (ctx) => {
  const inputs = ctx.inputs(RedeployInputs);
  const clients = createKubeClients(ctx.env.KUBECONFIG);
  const { namespace } = inputs;
  const plans = await ctx.log.group("Plan", async () => {
    const planned = await planRollBack({
      clients,
      namespace,
      deployments: inputs.deployments,
      container: inputs.container,
      image: inputs.image,
      allowedRegistries: inputs.allowedRegistries
    });
    for (const plan of planned) {
      ctx.log.info(
        `${namespace}/${plan.name} container ${plan.container}: ${plan.previousImage} -> ${plan.image}${plan.changed ? "" : " (already on it, no change)"}`
      );
    }
    return planned;
  });
  ctx.output.set(
    "previous-images",
    JSON.stringify(
      Object.fromEntries(plans.map((p) => [p.name, p.previousImage]))
    )
  );
  const resource = (name, container) => `deployment/${namespace}/${name} container ${container}`;
  const startedAt = Date.now();
  let results;
  if (inputs.dryRun) {
    results = await executeRollBack(plans, {
      clients,
      dryRun: true,
      timeoutSeconds: inputs.rolloutTimeout,
      changeCause: "",
      log: ctx.log
    });
    for (const plan of plans) {
      await ctx.audit.step(`Roll out ${namespace}/${plan.name}`, (rec) => {
        if (plan.changed)
          rec.change(
            resource(plan.name, plan.container),
            plan.previousImage,
            plan.image
          );
        rec.skip("dry run: nothing was changed");
        return Promise.resolve();
      });
    }
  } else {
    results = await ctx.log.group(
      "Roll out",
      () => executeRollBack(plans, {
        clients,
        dryRun: false,
        timeoutSeconds: inputs.rolloutTimeout,
        log: ctx.log,
        changeCause: (plan) => formatChangeCause({
          runUrl: ctx.github.runUrl,
          actor: ctx.github.actor,
          from: plan.previousImage,
          to: plan.image
        }),
        step: (plan, body) => ctx.audit.step(`Roll out ${namespace}/${plan.name}`, async (rec) => {
          if (plan.changed) {
            rec.change(
              resource(plan.name, plan.container),
              plan.previousImage,
              plan.image
            );
          } else {
            rec.skip(`already on ${plan.image}`);
          }
          const result = await body();
          rec.detail("revision", result.revision);
          rec.detail("rollout_seconds", result.durationSeconds);
          return result;
        })
      })
    );
    const revisions = Object.fromEntries(
      results.filter((r) => r.revision !== void 0).map((r) => [r.deployment, r.revision])
    );
    ctx.output.set("revision", JSON.stringify(revisions));
    ctx.output.set(
      "duration-seconds",
      String(Math.round((Date.now() - startedAt) / 100) / 10)
    );
  }
  ctx.summary.heading(
    `Redeploy ${namespace}${inputs.dryRun ? " (dry run: nothing was changed)" : ""}`
  );
  ctx.summary.table(
    [
      "Deployment",
      "Container",
      "From",
      "To",
      "Outcome",
      "Revision",
      "Started (UTC)",
      "Finished (UTC)"
    ],
    results.map((r) => [
      r.deployment,
      r.container,
      r.previousImage,
      r.image,
      r.outcome,
      r.revision ?? "",
      utc(r.startedAt),
      utc(r.finishedAt)
    ])
  );
  const failure = rollBackFailure(results);
  if (failure) throw failure;
  if (inputs.dryRun) {
    ctx.log.notice(
      `Dry run: ${results.length} deployment(s) in ${namespace} would roll to ${inputs.image.reference}; nothing was changed.`
    );
  } else {
    ctx.log.notice(
      `Rolled ${results.length} deployment(s) in ${namespace} to ${inputs.image.reference}: ${results.map((r) => `${r.deployment} (revision ${r.revision ?? "?"})`).join(", ")}.`
    );
  }
});

// actions/redeploy/src/index.ts
await run();
