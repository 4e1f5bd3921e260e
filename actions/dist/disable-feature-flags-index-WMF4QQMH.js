import { createRequire as __rollbackCreateRequire } from 'node:module';
const require = __rollbackCreateRequire(import.meta.url);
import {
  FEATURE_FLAG_NAME,
  FEATURE_FLAG_PREFIX,
  applyFlagPlan,
  createAppConfigurationClient,
  describeKey,
  parseSnapshots,
  parseStoreEndpoint,
  planFlags,
  resolveFlags,
  restoreSnapshots,
  verifyStates
} from "./chunk-3K3H46HK.js";
import "./chunk-TICJC4TW.js";
import "./chunk-72HSKYJ5.js";
import {
  AZURE_FEDERATION_AUDIENCE,
  createAzureCredential
} from "./chunk-F2OUKQY5.js";
import {
  InputError,
  azureClientId,
  azureTenantId,
  clientAndTenantTogether,
  defineAction,
  external_exports,
  flag,
  nameList
} from "./chunk-MVCT2E6R.js";
import "./chunk-RHQTSG7L.js";
import "./chunk-WTTBYOJK.js";

// actions/disable-feature-flags/src/inputs.ts
var viaParser = (parse) => external_exports.string().transform((v, ctx) => {
  try {
    return parse(v);
  } catch (error) {
    ctx.issues.push({
      code: "custom",
      input: v,
      message: error.message
    });
    return external_exports.NEVER;
  }
});
var storeEndpoint = external_exports.string().transform((v, ctx) => {
  try {
    return parseStoreEndpoint(v);
  } catch (error) {
    const message = error.message;
    if (message.startsWith("is a connection string"))
      throw new InputError("endpoint", message);
    ctx.issues.push({ code: "custom", input: v, message });
    return external_exports.NEVER;
  }
});
var flagName = external_exports.string().regex(
  FEATURE_FLAG_NAME,
  'is not a feature flag name (letters, digits, ".", "-", "_", ":")'
);
var DisableFeatureFlagsInputs = external_exports.object({
  endpoint: storeEndpoint,
  // `endpoint`
  mode: external_exports.enum(["disable", "restore"], {
    error: 'must be "disable" or "restore"'
  }),
  // `mode`
  flags: nameList(flagName).optional(),
  // `flags`
  flagFilter: external_exports.string().trim().regex(
    /^[A-Za-z0-9._:-]*\*?$/,
    'must be a flag name or a prefix ending in * (letters, digits, ".", "-", "_", ":")'
  ).optional(),
  // `flag-filter`
  label: external_exports.string().refine(
    (v) => !/[*,\\]/.test(v),
    'must be one exact label (no *, "," or "\\")'
  ).optional(),
  // `label`: empty = no label
  method: external_exports.enum(["disable", "zero-percent"], {
    error: 'must be "disable" or "zero-percent"'
  }),
  // `method`
  previousState: viaParser(parseSnapshots).optional(),
  // `previous-state`
  dryRun: flag,
  // `dry-run`
  clientId: azureClientId.optional(),
  // `client-id`
  tenantId: azureTenantId.optional()
  // `tenant-id`
}).refine(...clientAndTenantTogether).superRefine((i, ctx) => {
  const issue = (path, message) => ctx.addIssue({ code: "custom", path: [path], message });
  if (i.mode === "disable") {
    if (!i.flags && !i.flagFilter)
      issue("flags", 'or input "flag-filter" is required for mode disable');
    if (i.flags && i.flagFilter)
      issue("flagFilter", 'and input "flags" exclude each other; give one');
    if (i.previousState)
      issue("previousState", "is only read in mode restore");
  } else {
    if (!i.previousState)
      issue(
        "previousState",
        "is required for mode restore: the previous-state output of the disable run"
      );
    if (i.flags || i.flagFilter)
      issue(
        i.flags ? "flags" : "flagFilter",
        "is not used in mode restore (the flags come from previous-state)"
      );
  }
});

// actions/disable-feature-flags/src/main.ts
var flagName2 = (key) => key.startsWith(FEATURE_FLAG_PREFIX) ? key.slice(FEATURE_FLAG_PREFIX.length) : key;
function shown(enabled, percent) {
  if (!enabled) return "off";
  return percent.length === 0 ? "on" : `on at ${percent.join("/")} %`;
}
var run = defineAction(
  "disable-feature-flags",
  async (ctx) => {
    const inputs = ctx.inputs(DisableFeatureFlagsInputs);
    const credential = inputs.clientId && inputs.tenantId ? createAzureCredential(
      {
        clientId: inputs.clientId,
        tenantId: inputs.tenantId,
        getAssertion: () => ctx.oidcToken(AZURE_FEDERATION_AUDIENCE)
      },
      ctx.env
    ) : createAzureCredential({ useAzureCli: true }, ctx.env);
    const client = createAppConfigurationClient(inputs.endpoint, credential);
    const label = inputs.label ?? null;
    ctx.log.debug(`store ${inputs.endpoint}, label ${label ?? "(none)"}`);
    if (inputs.mode === "restore") {
      const snapshots2 = inputs.previousState ?? [];
      const names = snapshots2.map((s) => describeKey(flagName2(s.key), s.label));
      const planned = await ctx.log.group("Plan", async () => {
        const changes = await restoreSnapshots(client, snapshots2, ctx.log, {
          dryRun: true
        });
        for (const c of changes)
          ctx.log.info(
            `${describeKey(flagName2(c.key), c.label)}: will be put back as it was before the disable run`
          );
        return changes;
      });
      ctx.output.set("flags", snapshots2.map((s) => flagName2(s.key)).join(","));
      if (inputs.dryRun) {
        ctx.output.set("previous-state", "[]");
        ctx.output.set("changed", "");
        ctx.summary.heading("Feature flags restore planned (dry run)");
        ctx.summary.table(
          ["Flag", "Action"],
          planned.map((c) => [
            describeKey(flagName2(c.key), c.label),
            "put back"
          ])
        );
        ctx.log.notice(
          `dry run: ${planned.length} flag(s) would be put back; nothing was written`
        );
        return;
      }
      const restored = await ctx.log.group(
        "Apply",
        () => ctx.audit.step("Restore feature flags", async (rec) => {
          const changes = await restoreSnapshots(client, snapshots2, ctx.log);
          for (const c of changes)
            rec.change(
              `flag ${describeKey(flagName2(c.key), c.label)}`,
              "as the disable run left it",
              "as it was before"
            );
          return changes;
        })
      );
      await ctx.log.group("Verify", () => verifyStates(client, snapshots2));
      ctx.output.set("previous-state", "[]");
      ctx.output.set("changed", restored.map((c) => flagName2(c.key)).join(","));
      ctx.summary.heading("Feature flags restored");
      ctx.summary.table(
        ["Flag", "Outcome"],
        snapshots2.map((s) => [
          describeKey(flagName2(s.key), s.label),
          restored.some((c) => c.key === s.key && c.label === s.label) ? "put back" : "already as before"
        ])
      );
      ctx.log.notice(
        `put back ${restored.length} of ${names.length} flag(s): ${names.join(", ")}`
      );
      return;
    }
    const flags = await ctx.log.group("Resolve", async () => {
      const found = await resolveFlags(
        client,
        inputs.flags ? { names: inputs.flags, label } : { nameFilter: inputs.flagFilter ?? "", label }
      );
      ctx.log.info(
        `${found.length} flag(s): ${found.map((f) => flagName2(f.key)).join(", ")}`
      );
      return found;
    });
    const plan = await ctx.log.group("Plan", () => {
      const p = planFlags(flags, inputs.method);
      for (const r of p.reports)
        ctx.log.info(
          `${describeKey(r.name, r.label)}: ${shown(r.enabledBefore, r.percentBefore)} -> ${shown(r.enabledAfter, r.percentAfter)}${r.changed ? "" : " (already, nothing to write)"}`
        );
      return Promise.resolve(p);
    });
    ctx.output.set("flags", plan.reports.map((r) => r.name).join(","));
    const table = (reports, done) => reports.map((r) => [
      describeKey(r.name, r.label),
      shown(r.enabledBefore, r.percentBefore),
      shown(r.enabledAfter, r.percentAfter),
      r.changed ? done ? "written, verified" : "would write" : "already off"
    ]);
    if (inputs.dryRun) {
      ctx.output.set("previous-state", "[]");
      ctx.output.set("changed", "");
      ctx.summary.heading("Feature flags to turn off (dry run)");
      ctx.summary.table(
        ["Flag", "Now", "After", "Action"],
        table(plan.reports, false)
      );
      ctx.log.notice(
        `dry run: ${plan.changes.length} flag(s) would be turned off; nothing was written`
      );
      return;
    }
    const snapshots = await ctx.log.group(
      "Apply",
      () => ctx.audit.step("Turn feature flags off", async (rec) => {
        if (plan.changes.length === 0) rec.skip("every flag is already off");
        const written = await applyFlagPlan(client, plan, ctx.log);
        for (const r of plan.reports.filter((x) => x.changed))
          rec.change(
            `flag ${describeKey(r.name, r.label)}`,
            shown(r.enabledBefore, r.percentBefore),
            shown(r.enabledAfter, r.percentAfter)
          );
        return written;
      })
    );
    ctx.output.set("previous-state", JSON.stringify(snapshots));
    ctx.output.set(
      "changed",
      plan.reports.filter((r) => r.changed).map((r) => r.name).join(",")
    );
    ctx.summary.heading("Feature flags turned off");
    ctx.summary.table(
      ["Flag", "Before", "After", "Action"],
      table(plan.reports, true)
    );
    ctx.log.notice(
      `${plan.changes.length} flag(s) turned off and verified${plan.changes.length < plan.reports.length ? `; ${plan.reports.length - plan.changes.length} already off` : ""}`
    );
  }
);

// actions/disable-feature-flags/src/index.ts
await run();
