import { createRequire as __rollbackCreateRequire } from 'node:module';
const require = __rollbackCreateRequire(import.meta.url);
import {
  createRegistryClient,
  resolveImage
} from "./chunk-3WERBIA3.js";
import {
  createKubeClients,
  executeRollBack,
  formatChangeCause,
  planRollBack,
  rollBackFailure
} from "./chunk-ZWICFGWV.js";
import {
  credentialFromInputs
} from "./chunk-F2OUKQY5.js";
import {
  ConfigurationError,
  InputError,
  OperationError,
  UserError,
  azureClientId,
  azureTenantId,
  clientAndTenantTogether,
  defineAction,
  durationSecondsAtMost,
  external_exports,
  flag,
  imageRef,
  k8sName,
  nameList,
  namespaceName,
  registryHost,
  retryPolicyFromEnv
} from "./chunk-MVCT2E6R.js";
import "./chunk-RHQTSG7L.js";
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
  rolloutTimeout: durationSecondsAtMost("6h"),
  // input `rollout-timeout`: "90s", "10m" -> seconds
  dryRun: flag,
  // input `dry-run`: "true" or "false"
  clientId: azureClientId.optional(),
  // input `client-id`: for an ACR image (OIDC)
  tenantId: azureTenantId.optional()
  // input `tenant-id`
}).refine(...clientAndTenantTogether);

// actions/redeploy/src/main.ts
var utc = (date) => date.toISOString().replace(/\.\d{3}Z$/, "Z");
var run = defineAction("redeploy", async (ctx) => {
  const inputs = ctx.inputs(RedeployInputs);
  const clients = createKubeClients(
    ctx.env.KUBECONFIG,
    retryPolicyFromEnv(ctx.env)
  );
  const { namespace } = inputs;
  const { plans, digest } = await ctx.log.group("Plan", async () => {
    const planned = await planRollBack({
      clients,
      namespace,
      deployments: inputs.deployments,
      container: inputs.container,
      image: inputs.image,
      allowedRegistries: inputs.allowedRegistries,
      log: ctx.log
    });
    for (const plan of planned) {
      ctx.log.info(
        `${namespace}/${plan.name} container ${plan.container}: ${plan.previousImage} -> ${plan.image}${plan.changed ? "" : " (already on it, no change)"}`
      );
    }
    const { image } = inputs;
    if (!image.registry) {
      throw new InputError(
        "image",
        `"${image.reference}" names no registry; write registry/repository:tag (such as myreg.azurecr.io/shop/web:1.4.2) so the image can be checked before the rollout`
      );
    }
    const registry = await createRegistryClient({
      registry: image.registry,
      credential: () => credentialFromInputs(inputs, ctx),
      log: ctx.log,
      policy: retryPolicyFromEnv(ctx.env)
    });
    const resolved = await resolveImage(registry, image, "image");
    ctx.log.info(
      `${image.reference} is ${resolved.digest} in ${image.registry}`
    );
    return { plans: planned, digest: resolved.digest };
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
          rec.detail("image_digest", digest);
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
  if (failure) throw await withUndo(failure, results, namespace, clients);
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
async function withUndo(failure, results, namespace, clients) {
  const lines = [];
  for (const r of results) {
    if (r.outcome !== "failed" || r.previousImage === r.image) continue;
    let now = `${r.image} (as patched; it could not be read back)`;
    try {
      const d = await clients.apps.readNamespacedDeployment({
        name: r.deployment,
        namespace
      });
      const image = d.spec?.template.spec?.containers.find(
        (c) => c.name === r.container
      )?.image;
      const revision = d.metadata?.annotations?.["deployment.kubernetes.io/revision"];
      if (image) now = `${image}${revision ? ` (revision ${revision})` : ""}`;
    } catch {
    }
    lines.push(
      now.startsWith(`${r.previousImage} `) || now === r.previousImage ? `- ${namespace}/${r.deployment} is still on ${now}: nothing to undo` : `- ${namespace}/${r.deployment} container ${r.container} is left on ${now}, its rollout not complete; before the step it ran ${r.previousImage}. To undo: kubectl -n ${namespace} set image deployment/${r.deployment} ${r.container}=${r.previousImage}`
    );
  }
  if (lines.length === 0) return failure;
  const message = [failure.message, ...lines].join("\n");
  if (failure instanceof ConfigurationError)
    return new ConfigurationError(message, { cause: failure });
  if (failure instanceof UserError)
    return new UserError(message, { cause: failure });
  return new OperationError(message, { cause: failure });
}

// actions/redeploy/src/index.ts
await run();
