import { createRequire as __rollbackCreateRequire } from 'node:module';
const require = __rollbackCreateRequire(import.meta.url);
import {
  addressPatternList,
  applyReviewedPlan,
  sha256Hex
} from "./chunk-SX5PICG5.js";
import {
  defineAction,
  external_exports
} from "./chunk-MVCT2E6R.js";
import "./chunk-WTTBYOJK.js";

// actions/terraform-apply/src/inputs.ts
var ApplyInputs = external_exports.object({
  planFile: external_exports.string().min(1),
  // input `plan-file`: the saved plan artifact
  planSha256: sha256Hex,
  // input `plan-sha256`: digest recorded by the review
  workingDirectory: external_exports.string().min(1),
  // input `working-directory`
  protectedAddresses: addressPatternList.optional(),
  // input `protected-addresses`: as the review's
  additionalProtectedAddresses: addressPatternList.optional(),
  // input `additional-protected-addresses`
  allowDestroy: addressPatternList.optional()
  // input `allow-destroy`: the allowances the review was given
});

// actions/terraform-apply/src/main.ts
var FROM_TO = {
  create: [null, "created"],
  update: ["prior", "updated"],
  replace: ["prior object", "new object"],
  delete: ["existed", null],
  forget: ["managed", "no longer managed"],
  read: [null, null],
  "no-op": [null, null]
};
var run = defineAction("terraform-apply", async (ctx) => {
  const inputs = ctx.inputs(ApplyInputs);
  const applied = await ctx.log.group(
    "Apply",
    () => ctx.audit.step("Apply reviewed plan", async (rec) => {
      rec.detail("expected_sha256", inputs.planSha256);
      const result2 = await applyReviewedPlan({
        planFile: inputs.planFile,
        expectedSha256: inputs.planSha256,
        workingDirectory: inputs.workingDirectory,
        protectedAddresses: [
          ...inputs.protectedAddresses ?? [],
          ...inputs.additionalProtectedAddresses ?? []
        ],
        allowDestroy: inputs.allowDestroy ?? [],
        log: ctx.log,
        env: ctx.env
      });
      for (const c2 of result2.summary.changes) {
        const [from, to] = FROM_TO[c2.action];
        rec.change(c2.address, from, to);
      }
      rec.detail("applied_sha256", result2.planSha256);
      rec.detail("destructive", result2.review.destructive);
      return result2;
    })
  );
  ctx.output.set("applied-sha256", applied.planSha256);
  ctx.output.set(
    "changes",
    JSON.stringify(
      applied.summary.changes.map((c2) => ({
        address: c2.address,
        type: c2.type,
        action: c2.action
      }))
    )
  );
  const c = applied.summary.counts;
  ctx.summary.heading("Terraform apply").paragraph(
    `Applied plan \`sha256:${applied.planSha256}\`: ${c.create} created, ${c.update} updated, ${c.replace} replaced, ${c.delete} deleted.`
  );
  const result = /^Apply complete!.*$/m.exec(applied.output)?.[0];
  if (result) ctx.log.info(result);
  ctx.log.notice(
    `Applied the reviewed plan sha256:${applied.planSha256} (${applied.summary.changes.length} change(s))`
  );
});

// actions/terraform-apply/src/index.ts
await run();
