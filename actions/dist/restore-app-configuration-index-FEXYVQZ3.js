import { createRequire as __rollbackCreateRequire } from 'node:module';
const require = __rollbackCreateRequire(import.meta.url);
import {
  applyChanges,
  checkPointInTime,
  createAppConfigurationClient,
  describeKey,
  parseSnapshots,
  parseStoreEndpoint,
  planRestore,
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
  positiveInteger
} from "./chunk-MVCT2E6R.js";
import "./chunk-RHQTSG7L.js";
import "./chunk-WTTBYOJK.js";

// actions/restore-app-configuration/src/inputs.ts
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
var instant = viaParser((v) => {
  const t = v.trim();
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.test(
    t
  ))
    throw new Error(
      "must be ISO 8601 with a UTC offset, such as 2026-01-31T09:30:00Z"
    );
  const d = new Date(t);
  if (Number.isNaN(d.getTime())) throw new Error("is not a valid date-time");
  return d;
});
var filter = (what) => external_exports.string().trim().refine(
  (v) => !/%/.test(v) && (!/(?<!\\)\*/.test(v) || /^[^,]*\*$/.test(v) && !/(?<!\\)\*./.test(v)),
  `is not a ${what} filter: an exact value, up to 5 comma-separated values, or one prefix ending in *`
).refine(
  (v) => v.split(/(?<!\\),/).length <= 5,
  "names more than 5 comma-separated values"
);
var RestoreAppConfigurationInputs = external_exports.object({
  endpoint: storeEndpoint,
  // `endpoint`
  mode: external_exports.enum(["restore", "undo"], {
    error: 'must be "restore" or "undo"'
  }),
  // `mode`
  keyFilter: filter("key").optional(),
  // `key-filter`
  label: filter("label").optional(),
  // `label`: empty = no label
  pointInTime: instant.optional(),
  // `point-in-time`
  retentionDays: positiveInteger.refine(
    (n) => n >= 1 && n <= 30,
    "must be 1-30 (7 on Free and Developer, 30 on Standard and Premium)"
  ),
  // `retention-days`
  previousValues: viaParser(parseSnapshots).optional(),
  // `previous-values`
  dryRun: flag,
  // `dry-run`
  clientId: azureClientId.optional(),
  // `client-id`
  tenantId: azureTenantId.optional()
  // `tenant-id`
}).refine(...clientAndTenantTogether).superRefine((i, ctx) => {
  const issue = (path, message) => ctx.addIssue({ code: "custom", path: [path], message });
  if (i.mode === "restore") {
    if (!i.keyFilter) issue("keyFilter", "is required for mode restore");
    if (!i.pointInTime) issue("pointInTime", "is required for mode restore");
    else
      try {
        checkPointInTime(i.pointInTime, i.retentionDays);
      } catch (error) {
        issue(
          "pointInTime",
          error.message.replace(/^point in time \S+ /, "")
        );
      }
    if (i.previousValues) issue("previousValues", "is only read in mode undo");
  } else {
    if (!i.previousValues)
      issue(
        "previousValues",
        "is required for mode undo: the previous-values output of the restore run"
      );
    if (i.keyFilter || i.pointInTime)
      issue(
        i.keyFilter ? "keyFilter" : "pointInTime",
        "is not used in mode undo (the key-values come from previous-values)"
      );
  }
});

// actions/restore-app-configuration/src/main.ts
function shown(value, existed = true) {
  if (!existed || value === null) return "(absent)";
  const v = JSON.stringify(value);
  return v.length > 62 ? `${v.slice(0, 59)}\u2026"` : v;
}
var run = defineAction(
  "restore-app-configuration",
  async (ctx) => {
    const inputs = ctx.inputs(RestoreAppConfigurationInputs);
    const credential = inputs.clientId && inputs.tenantId ? createAzureCredential(
      {
        clientId: inputs.clientId,
        tenantId: inputs.tenantId,
        getAssertion: () => ctx.oidcToken(AZURE_FEDERATION_AUDIENCE)
      },
      ctx.env
    ) : createAzureCredential({ useAzureCli: true }, ctx.env);
    const client = createAppConfigurationClient(inputs.endpoint, credential);
    if (inputs.mode === "undo") {
      const snapshots2 = inputs.previousValues ?? [];
      const planned = await ctx.log.group("Plan", async () => {
        const changes = await restoreSnapshots(client, snapshots2, ctx.log, {
          dryRun: true
        });
        for (const c of changes)
          ctx.log.info(
            `${describeKey(c.key, c.label)}: ${shown(c.from.value, c.from.existed)} -> ${shown(c.to.value, c.to.existed)}`
          );
        return changes;
      });
      const plan2 = planned.map((c) => ({
        key: c.key,
        label: c.label,
        action: c.action,
        currentValue: c.from.existed ? c.from.value : null,
        restoredValue: c.to.existed ? c.to.value : null
      }));
      ctx.output.set("plan", JSON.stringify(plan2));
      ctx.output.set("previous-values", "[]");
      if (inputs.dryRun) {
        ctx.output.set("changed", "0");
        ctx.summary.heading("Configuration undo planned (dry run)");
        ctx.summary.table(
          ["Key", "Now", "Put back"],
          planned.map((c) => [
            describeKey(c.key, c.label),
            shown(c.from.value, c.from.existed),
            shown(c.to.value, c.to.existed)
          ])
        );
        ctx.log.notice(
          `dry run: ${planned.length} key-value(s) would be put back; nothing was written`
        );
        return;
      }
      const written = await ctx.log.group(
        "Apply",
        () => ctx.audit.step("Undo configuration restore", async (rec) => {
          const changes = await restoreSnapshots(client, snapshots2, ctx.log);
          for (const c of changes)
            rec.change(
              describeKey(c.key, c.label),
              shown(c.from.value, c.from.existed),
              shown(c.to.value, c.to.existed)
            );
          return changes;
        })
      );
      await ctx.log.group("Verify", () => verifyStates(client, snapshots2));
      ctx.output.set("changed", String(written.length));
      ctx.summary.heading("Configuration restore undone");
      ctx.summary.table(
        ["Key", "From", "To"],
        written.map((c) => [
          describeKey(c.key, c.label),
          shown(c.from.value, c.from.existed),
          shown(c.to.value, c.to.existed)
        ])
      );
      ctx.log.notice(`put back ${written.length} key-value(s)`);
      return;
    }
    const keyFilter = inputs.keyFilter ?? "";
    const labelFilter = inputs.label ?? "\0";
    const pointInTime = inputs.pointInTime ?? /* @__PURE__ */ new Date();
    ctx.log.debug(
      `store ${inputs.endpoint}, keys ${keyFilter}, label ${inputs.label ?? "(none)"}, at ${pointInTime.toISOString()}`
    );
    const plan = await ctx.log.group("Plan", async () => {
      const p = await planRestore(client, keyFilter, labelFilter, pointInTime);
      for (const k of p.keys.filter((x) => x.action !== "none"))
        ctx.log.info(
          `${describeKey(k.key, k.label)}: ${k.action} ${shown(k.currentValue, k.currentValue !== null)} -> ${shown(k.restoredValue, k.action !== "delete")} (${k.revisionsSince} revision(s) since)`
        );
      ctx.log.info(
        `${p.changes.length} of ${p.keys.length} key-value(s) differ from ${pointInTime.toISOString()}`
      );
      return p;
    });
    const changing = plan.keys.filter((k) => k.action !== "none");
    ctx.output.set("plan", JSON.stringify(changing));
    const rows = (keys) => keys.map((k) => [
      describeKey(k.key, k.label),
      k.action,
      shown(k.currentValue, k.currentValue !== null),
      shown(k.restoredValue, k.action !== "delete"),
      String(k.revisionsSince)
    ]);
    const header = ["Key", "Action", "Now", "Restored", "Revisions since"];
    if (inputs.dryRun) {
      ctx.output.set("previous-values", "[]");
      ctx.output.set("changed", "0");
      ctx.summary.heading(
        `Configuration restore to ${pointInTime.toISOString()} planned (dry run)`
      );
      ctx.summary.table(header, rows(changing));
      ctx.log.notice(
        `dry run: ${changing.length} key-value(s) would go back to ${pointInTime.toISOString()}; nothing was written`
      );
      return;
    }
    const snapshots = await ctx.log.group(
      "Apply",
      () => ctx.audit.step("Restore configuration", async (rec) => {
        if (plan.changes.length === 0)
          rec.skip(`every key-value already as at ${pointInTime.toISOString()}`);
        const written = await applyChanges(client, plan.changes, ctx.log);
        for (const c of plan.changes)
          rec.change(
            describeKey(c.key, c.label),
            shown(c.from.value, c.from.existed),
            shown(c.to.value, c.to.existed)
          );
        return written;
      })
    );
    ctx.output.set("previous-values", JSON.stringify(snapshots));
    await ctx.log.group(
      "Verify",
      () => verifyStates(
        client,
        plan.changes.map((c) => c.to)
      )
    );
    ctx.output.set("changed", String(snapshots.length));
    ctx.summary.heading(
      `Configuration restored to ${pointInTime.toISOString()}`
    );
    ctx.summary.table(header, rows(changing));
    ctx.log.notice(
      `${snapshots.length} key-value(s) back to ${pointInTime.toISOString()} and verified`
    );
  }
);

// actions/restore-app-configuration/src/index.ts
await run();
