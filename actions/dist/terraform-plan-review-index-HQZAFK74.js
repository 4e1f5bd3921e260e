import { createRequire as __rollbackCreateRequire } from 'node:module';
const require = __rollbackCreateRequire(import.meta.url);
import {
  addressPatternList,
  assertReviewAllowed,
  reviewSavedPlan
} from "./chunk-SX5PICG5.js";
import {
  defineAction,
  external_exports
} from "./chunk-MVCT2E6R.js";
import "./chunk-WTTBYOJK.js";

// actions/terraform-plan-review/src/inputs.ts
var PlanReviewInputs = external_exports.object({
  planFile: external_exports.string().min(1),
  // input `plan-file`: the binary saved plan
  planJson: external_exports.string().optional(),
  // input `plan-json`: path of its JSON; empty = run terraform show
  workingDirectory: external_exports.string().min(1),
  // input `working-directory`
  protectedAddresses: addressPatternList.optional(),
  // input `protected-addresses`: globs
  additionalProtectedAddresses: addressPatternList.optional(),
  // input `additional-protected-addresses`
  allowDestroy: addressPatternList.optional()
  // input `allow-destroy`: reviewed destructive changes
});

// actions/terraform-plan-review/src/main.ts
var run = defineAction("terraform-plan-review", async (ctx) => {
  const inputs = ctx.inputs(PlanReviewInputs);
  const result = await ctx.log.group(
    "Plan",
    () => ctx.audit.step("Review plan", async (rec) => {
      const r = await reviewSavedPlan({
        planFile: inputs.planFile,
        ...inputs.planJson !== void 0 && { planJsonFile: inputs.planJson },
        workingDirectory: inputs.workingDirectory,
        protectedAddresses: [
          ...inputs.protectedAddresses ?? [],
          ...inputs.additionalProtectedAddresses ?? []
        ],
        allowDestroy: inputs.allowDestroy ?? [],
        log: ctx.log,
        env: ctx.env
      });
      const { counts } = r.summary;
      ctx.output.set("plan-sha256", r.planSha256);
      ctx.output.set("create-count", String(counts.create));
      ctx.output.set("update-count", String(counts.update));
      ctx.output.set("replace-count", String(counts.replace));
      ctx.output.set("delete-count", String(counts.delete));
      ctx.output.set("destructive-count", String(r.review.destructive.length));
      ctx.output.set("refused-count", String(r.review.refused.length));
      ctx.output.set(
        "destructive-changes",
        JSON.stringify(r.review.destructive)
      );
      ctx.output.set("summary-markdown", r.markdown);
      ctx.summary.heading("Terraform plan review").paragraph(r.markdown);
      rec.detail("plan_sha256", r.planSha256);
      rec.detail("terraform_version", r.summary.terraformVersion);
      rec.detail("counts", counts);
      rec.detail("destructive", r.review.destructive);
      for (const d of r.review.destructive)
        ctx.log.info(
          `${d.allowedBy ? "allowed" : "REFUSED"}: ${d.address} ${d.action} (${d.reasons.join(", ")})`
        );
      for (const d of r.summary.drift)
        ctx.log.warning(
          `${d.address} changed outside Terraform since the last apply; the plan reverts that change too`,
          "State drift"
        );
      assertReviewAllowed(r.review);
      return r;
    })
  );
  ctx.log.notice(
    `Plan sha256:${result.planSha256} reviewed: ${result.summary.changes.length} change(s), ${result.review.destructive.length} destructive, all allowed`
  );
});

// actions/terraform-plan-review/src/index.ts
await run();
