import { createRequire as __rollbackCreateRequire } from 'node:module';
const require = __rollbackCreateRequire(import.meta.url);
import {
  ConfigurationError,
  InputError,
  OperationError,
  UserError,
  compileLinearPattern,
  external_exports,
  fromParser
} from "./chunk-MVCT2E6R.js";

// packages/terraform/src/address-pattern.ts
function splitOutsideKeys(text, separator) {
  const parts = [];
  let current = "";
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      current += c;
      if (c === "\\" && i + 1 < text.length) current += text[++i] ?? "";
      else if (c === '"') quoted = false;
      continue;
    }
    if (c === '"' && depth > 0) quoted = true;
    else if (c === "[") depth++;
    else if (c === "]") depth = Math.max(0, depth - 1);
    if (c === separator && depth === 0) {
      parts.push(current);
      current = "";
    } else current += c;
  }
  parts.push(current);
  return parts;
}
function splitAddress(address) {
  return splitOutsideKeys(address, ".");
}
function segmentRegex(segment) {
  const source = segment.split("*").map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(".*");
  return compileLinearPattern(`^${source}$`, "s");
}
function compileAddressPattern(pattern) {
  const trimmed = pattern.trim();
  const parts = splitAddress(trimmed);
  if (trimmed === "" || parts.some((p) => p === "")) {
    throw new Error(
      `"${pattern}" is not an address pattern (empty segment); write e.g. azurerm_key_vault.* or **.azurerm_key_vault.*`
    );
  }
  const compiled = parts.map((p) => p === "**" ? null : segmentRegex(p));
  const test = (address) => {
    const segs = splitAddress(address);
    const failed = /* @__PURE__ */ new Set();
    const match = (pi, si) => {
      if (pi === compiled.length) return si === segs.length;
      const key = pi * (segs.length + 1) + si;
      if (failed.has(key)) return false;
      const re = compiled[pi];
      let ok = false;
      if (re === null) {
        for (let k = si; k <= segs.length && !ok; k++) ok = match(pi + 1, k);
      } else if (re !== void 0 && si < segs.length) {
        ok = re.test(segs[si]) && match(pi + 1, si + 1);
      }
      if (!ok) failed.add(key);
      return ok;
    };
    return match(0, 0);
  };
  return { pattern: trimmed, test };
}
function firstMatch(patterns, address) {
  return patterns.find((p) => p.test(address));
}
function splitAddressList(text) {
  const items = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim().startsWith("#")) continue;
    items.push(...splitOutsideKeys(line, ","));
  }
  return items.map((s) => s.trim()).filter((s) => s !== "");
}

// packages/terraform/src/constants.ts
var PLAN_ACTION = {
  create: "create",
  update: "update",
  replace: "replace",
  delete: "delete",
  forget: "forget",
  read: "read",
  noOp: "no-op"
};
var DESTRUCTIVE_REASON = {
  delete: "delete",
  replace: "replace",
  protected: "protected"
};
var TERRAFORM_AUTOMATION_ENV = {
  TF_IN_AUTOMATION: "1",
  TF_INPUT: "0"
};
var SAVED_PLAN_ENTRY = "tfplan";

// packages/terraform/src/review.ts
function compileAll(patterns, input) {
  return patterns.map((p) => {
    try {
      return compileAddressPattern(p);
    } catch (error) {
      throw new InputError(input, error.message);
    }
  });
}
function reviewPlan(summary, options) {
  const protectedInput = options.inputNames?.protectedAddresses ?? "protected-addresses";
  const allowInput = options.inputNames?.allowDestroy ?? "allow-destroy";
  const protectedPatterns = compileAll(
    options.protectedAddresses,
    protectedInput
  );
  const allowances = compileAll(options.allowDestroy, allowInput);
  const destructive = [];
  for (const change of summary.changes) {
    if (change.mode !== "managed") continue;
    const reasons = [];
    if (change.action === "delete") reasons.push(DESTRUCTIVE_REASON.delete);
    if (change.action === "replace") reasons.push(DESTRUCTIVE_REASON.replace);
    const guard = firstMatch(protectedPatterns, change.address);
    if (guard) reasons.push(DESTRUCTIVE_REASON.protected);
    if (reasons.length === 0) continue;
    const allow = firstMatch(allowances, change.address);
    destructive.push({
      address: change.address,
      type: change.type,
      action: change.action,
      reasons,
      ...guard && { protectedBy: guard.pattern },
      ...allow && { allowedBy: allow.pattern }
    });
  }
  checkAllowancesAreUsed(summary, allowances, destructive, allowInput);
  return {
    destructive,
    refused: destructive.filter((d) => d.allowedBy === void 0)
  };
}
function checkAllowancesAreUsed(summary, allowances, destructive, input) {
  for (const allowance of allowances) {
    if (destructive.some((d) => allowance.test(d.address))) continue;
    const inPlan = summary.changes.filter((c) => allowance.test(c.address));
    if (inPlan.length === 0) {
      throw new InputError(
        input,
        `"${allowance.pattern}" names no resource the plan changes; nothing was applied. Remove it, or check the address against the plan summary (addresses look like module.data.azurerm_key_vault.main)`
      );
    }
    const listed = inPlan.map((c) => `${c.address} (${c.action})`).join(", ");
    throw new InputError(
      input,
      `"${allowance.pattern}" names only changes that are not destructive: ${listed}; remove it so the allowance covers exactly what the reviewer accepted`
    );
  }
}
function assertReviewAllowed(review, allowInput = "allow-destroy") {
  if (review.refused.length === 0) return;
  const lines = review.refused.map(
    (d) => `  - ${d.address}: ${d.action} (${d.reasons.join(", ")}${d.protectedBy ? `; protected by ${d.protectedBy}` : ""})`
  );
  throw new UserError(
    [
      `the plan has ${review.refused.length} destructive change(s) nobody allowed; nothing was applied:`,
      ...lines,
      `Review each one (state drift can turn a revert into a delete). If a person accepts them, run again with input "${allowInput}" listing each address, one per line:`,
      ...review.refused.map((d) => `    ${d.address}`)
    ].join("\n")
  );
}

// packages/terraform/src/git.ts
import { execFile } from "node:child_process";
var PREVIOUS_STABLE = "previous-stable";
function git(repoDir, args) {
  return new Promise((resolve, reject) => {
    execFile(
      "git",
      [...args],
      { cwd: repoDir, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        const code = error.code;
        if (code === "ENOENT")
          return reject(
            new ConfigurationError(
              `git was not found on PATH, or ${repoDir} does not exist`,
              { cause: error }
            )
          );
        reject(
          new OperationError(
            `git ${args[0] ?? ""} failed in ${repoDir}: ${stderr.trim() || `exit ${String(code)}`}`,
            { cause: error }
          )
        );
      }
    );
  });
}
async function listDeploymentTags(repoDir, tagPattern) {
  const out = await git(repoDir, [
    "for-each-ref",
    "--sort=-version:refname",
    "--sort=-creatordate",
    "--format=%(refname:short) %(if)%(*objectname)%(then)%(*objectname)%(else)%(objectname)%(end)",
    `refs/tags/${tagPattern}`
  ]);
  return out.split("\n").filter((l) => l.trim() !== "").map((l) => {
    const [tag = "", commit = ""] = l.split(" ");
    return { tag, commit };
  });
}
async function resolveTargetCommit(options) {
  const { repoDir, target, log } = options;
  if (target !== PREVIOUS_STABLE) {
    if (target.trim() === "" || target.startsWith("-")) {
      throw new InputError(
        "target",
        `"${target}" is not a commit; pass a commit SHA or "${PREVIOUS_STABLE}"`
      );
    }
    let commit;
    try {
      commit = (await git(repoDir, [
        "rev-parse",
        "--verify",
        "--quiet",
        "--end-of-options",
        `${target}^{commit}`
      ])).trim();
    } catch (error) {
      if (error instanceof ConfigurationError) throw error;
      throw new InputError(
        "target",
        `commit "${target}" does not exist in ${repoDir}; check the SHA (fetch the full history with fetch-depth: 0) or use "${PREVIOUS_STABLE}"`
      );
    }
    log.info(`Target commit ${commit} (from input "${target}")`);
    return { commit, source: "input" };
  }
  const current = options.currentCommit ?? (await git(repoDir, ["rev-parse", "HEAD"])).trim();
  const tags = await listDeploymentTags(repoDir, options.tagPattern);
  if (tags.length === 0) {
    throw new ConfigurationError(
      `no tag matches "${options.tagPattern}", so there is no previous stable deployment to return to; pass the target commit explicitly, or tag each successful deployment (e.g. infra-deployed-<run number>)`
    );
  }
  const stable = tags.find((t) => t.commit !== current);
  if (!stable) {
    throw new ConfigurationError(
      `every tag matching "${options.tagPattern}" points at the current commit ${current}; there is no earlier stable deployment: pass the target commit explicitly`
    );
  }
  log.info(
    `Previous stable commit ${stable.commit} (tag ${stable.tag}; current ${current})`
  );
  return { commit: stable.commit, source: "tag", tag: stable.tag };
}

// packages/terraform/src/rollback.ts
import { mkdtemp, readFile as readFile2, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

// packages/terraform/src/cli.ts
import { execFile as execFile2 } from "node:child_process";
var MAX_OUTPUT_BYTES = 512 * 1024 * 1024;
function tail(text, lines) {
  return text.trimEnd().split("\n").slice(-lines).join("\n");
}
function runTerraform(args, options) {
  const bin = options.bin ?? "terraform";
  const env = {
    ...options.env ?? process.env,
    ...TERRAFORM_AUTOMATION_ENV
  };
  options.log.debug(`run: ${bin} ${args.join(" ")} (in ${options.cwd})`);
  return new Promise((resolve, reject) => {
    execFile2(
      bin,
      [...args],
      {
        cwd: options.cwd,
        env,
        maxBuffer: MAX_OUTPUT_BYTES,
        timeout: (options.timeoutSeconds ?? 3600) * 1e3,
        encoding: "utf8"
      },
      (error, stdout, stderr) => {
        if (!error) return resolve({ stdout, stderr });
        const code = error.code;
        if (code === "ENOENT") {
          return reject(
            new ConfigurationError(
              `"${bin}" was not found on PATH (or working directory ${options.cwd} does not exist); install Terraform >= 1.11 (hashicorp/setup-terraform) before this step`,
              { cause: error }
            )
          );
        }
        const how = error.killed ? `was stopped after ${options.timeoutSeconds ?? 3600}s` : `exited with ${String(code)}`;
        const detail = tail(stderr || stdout, 30);
        reject(
          new OperationError(
            `terraform ${args[0] ?? ""} ${how} in ${options.cwd}${detail ? `:
${detail}` : ""}`,
            { cause: error }
          )
        );
      }
    );
  });
}
async function stdoutOf(args, options) {
  return (await runTerraform(args, options)).stdout;
}
async function terraformShowPlanJson(planFile, options) {
  return stdoutOf(["show", "-json", "-no-color", planFile], options);
}
async function terraformApplyPlan(planFile, options) {
  return stdoutOf(["apply", "-input=false", "-no-color", planFile], options);
}

// packages/terraform/src/markdown.ts
var ORDER = ["delete", "replace", "forget", "update", "create"];
function cell(text) {
  return text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}
function planTableRows(summary, review) {
  const flagged = new Map(review.destructive.map((d) => [d.address, d]));
  const rank = (a) => ORDER.indexOf(a);
  const rows = [...summary.changes].sort((a, b) => rank(a.action) - rank(b.action)).map((c) => {
    const d = flagged.get(c.address);
    const verdict = !d ? "" : d.allowedBy ? `allowed (${d.reasons.join(", ")}) by \`${d.allowedBy}\`` : `**refused** (${d.reasons.join(", ")})`;
    return [c.action, `\`${c.address}\``, `\`${c.type}\``, verdict];
  });
  return { headers: ["Action", "Address", "Type", "Review"], rows };
}
function renderPlanMarkdown(summary, review, planSha256) {
  const c = summary.counts;
  const { headers, rows } = planTableRows(summary, review);
  const out = [
    `Plan \`sha256:${planSha256}\` (Terraform ${summary.terraformVersion}): ${c.create} to create, ${c.update} to update, ${c.replace} to replace, ${c.delete} to delete` + (c.forget > 0 ? `, ${c.forget} to forget` : "") + `; ${review.destructive.length} destructive, ${review.refused.length} refused.`,
    ""
  ];
  if (rows.length === 0) out.push("No changes.");
  else {
    out.push(`| ${headers.join(" | ")} |`);
    out.push(`| ${headers.map(() => "---").join(" | ")} |`);
    for (const row of rows) out.push(`| ${row.map(cell).join(" | ")} |`);
  }
  if (summary.drift.length > 0) {
    out.push("", `Changed outside Terraform since the last apply (drift):`, "");
    for (const d of summary.drift)
      out.push(`- \`${cell(d.address)}\` (${d.actions.join(", ")})`);
  }
  return out.join("\n");
}

// packages/terraform/src/plan.ts
var ChangeAction = external_exports.enum([
  "no-op",
  "create",
  "read",
  "update",
  "delete",
  "forget"
]);
var ResourceChange = external_exports.object({
  address: external_exports.string().min(1),
  module_address: external_exports.string().optional(),
  mode: external_exports.enum(["managed", "data"]),
  type: external_exports.string().min(1),
  name: external_exports.string().optional(),
  deposed: external_exports.string().optional(),
  action_reason: external_exports.string().optional(),
  change: external_exports.object({
    actions: external_exports.array(ChangeAction).min(1),
    before: external_exports.unknown().optional(),
    after: external_exports.unknown().optional()
  })
});
var TerraformPlanJson = external_exports.object({
  format_version: external_exports.string().regex(/^1\.\d+$/, "must be a 1.x plan format version"),
  terraform_version: external_exports.string().min(1),
  planned_values: external_exports.looseObject({}),
  resource_changes: external_exports.array(ResourceChange).default([]),
  resource_drift: external_exports.array(ResourceChange).default([]),
  applyable: external_exports.boolean().optional(),
  errored: external_exports.boolean().optional()
});
function classifyActions(actions) {
  const key = actions.join(",");
  switch (key) {
    case "delete,create":
    case "create,delete":
      return PLAN_ACTION.replace;
    case "create":
    case "update":
    case "delete":
    case "forget":
    case "read":
    case "no-op":
      return key;
    default:
      throw new Error(`unknown change.actions combination [${key}]`);
  }
}
function toPlannedChange(rc, input) {
  let action;
  try {
    action = classifyActions(rc.change.actions);
  } catch (error) {
    throw new InputError(
      input,
      `resource ${rc.address}: ${error.message}; is this JSON from a newer Terraform than this action knows?`
    );
  }
  return {
    address: rc.address,
    type: rc.type,
    mode: rc.mode,
    action,
    actions: [...rc.change.actions],
    ...rc.action_reason !== void 0 && { actionReason: rc.action_reason },
    ...rc.deposed !== void 0 && { deposed: rc.deposed }
  };
}
function parsePlanJson(text, input = "plan-json") {
  let raw;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new InputError(
      input,
      `is not JSON (${error.message}); pass the output of "terraform show -json <planfile>"`
    );
  }
  if (typeof raw === "object" && raw !== null && "values" in raw && !("planned_values" in raw)) {
    throw new InputError(
      input,
      'is Terraform state JSON, not plan JSON; pass the output of "terraform show -json <planfile>" for a plan saved with "terraform plan -out"'
    );
  }
  const parsed = TerraformPlanJson.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join(".") : "(root)";
    throw new InputError(
      input,
      `is not Terraform plan JSON: ${where}: ${issue?.message ?? "invalid"}; pass the output of "terraform show -json <planfile>"`
    );
  }
  const plan = parsed.data;
  if (plan.errored === true) {
    throw new InputError(
      input,
      "is the JSON of an errored plan (Terraform stopped while planning); fix the plan errors and plan again"
    );
  }
  return summarisePlan(plan, input);
}
function summarisePlan(plan, input = "plan-json") {
  const counts = {
    create: 0,
    update: 0,
    replace: 0,
    delete: 0,
    forget: 0,
    read: 0,
    "no-op": 0
  };
  const changes = [];
  for (const rc of plan.resource_changes) {
    const change = toPlannedChange(rc, input);
    counts[change.action] += 1;
    if (change.action !== "no-op" && change.action !== "read")
      changes.push(change);
  }
  const drift = plan.resource_drift.map((rc) => toPlannedChange(rc, input));
  return {
    terraformVersion: plan.terraform_version,
    formatVersion: plan.format_version,
    changes,
    counts,
    drift,
    applyable: plan.applyable ?? changes.length > 0
  };
}

// packages/terraform/src/saved-plan.ts
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
var EOCD_SIGNATURE = 101010256;
var CENTRAL_SIGNATURE = 33639248;
function zipEntryNames(bytes) {
  const start = Math.max(0, bytes.length - 22 - 65535);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= start; i--) {
    if (bytes.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return void 0;
  const count = bytes.readUInt16LE(eocd + 10);
  let offset = bytes.readUInt32LE(eocd + 16);
  const names = [];
  for (let n = 0; n < count; n++) {
    if (offset + 46 > bytes.length) return void 0;
    if (bytes.readUInt32LE(offset) !== CENTRAL_SIGNATURE) return void 0;
    const nameLength = bytes.readUInt16LE(offset + 28);
    const extraLength = bytes.readUInt16LE(offset + 30);
    const commentLength = bytes.readUInt16LE(offset + 32);
    names.push(bytes.toString("utf8", offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}
async function readPlanBytes(path, input) {
  try {
    return await readFile(path);
  } catch (error) {
    const code = error.code;
    throw new InputError(
      input,
      code === "ENOENT" ? `file ${path} does not exist; pass the path of the plan written by "terraform plan -out" (download the plan artifact first)` : `cannot read ${path} (${String(code)})`
    );
  }
}
async function readSavedPlan(path, input = "plan-file") {
  const bytes = await readPlanBytes(path, input);
  const names = zipEntryNames(bytes);
  if (!names?.includes(SAVED_PLAN_ENTRY)) {
    throw new InputError(
      input,
      `${path} is not a Terraform saved plan (${names ? `zip without a "${SAVED_PLAN_ENTRY}" entry` : "not a zip archive"}); pass the binary file written by "terraform plan -out=<file>", not its JSON or a state file`
    );
  }
  return { bytes, sha256: createHash("sha256").update(bytes).digest("hex") };
}
async function verifySavedPlan(path, expected, inputs = {}) {
  const shaInput = inputs.planSha256 ?? "plan-sha256";
  if (!/^[0-9a-fA-F]{64}$/.test(expected)) {
    throw new InputError(
      shaInput,
      `"${expected}" is not a SHA-256 (64 hex digits); pass the plan-sha256 output of the review step`
    );
  }
  const found = await readSavedPlan(path, inputs.planFile ?? "plan-file");
  if (found.sha256 !== expected.toLowerCase()) {
    throw new InputError(
      shaInput,
      `${path} has SHA-256 ${found.sha256}, but the reviewed plan had ${expected.toLowerCase()}; this is not the plan a person reviewed, so nothing was applied. Run the plan job again and review the new plan`
    );
  }
  return found;
}

// packages/terraform/src/rollback.ts
function runOptions(ctx) {
  return {
    cwd: ctx.workingDirectory,
    log: ctx.log,
    ...ctx.bin !== void 0 && { bin: ctx.bin },
    ...ctx.env !== void 0 && { env: ctx.env }
  };
}
async function withPrivateCopy(plan, fn) {
  const dir = await mkdtemp(join(tmpdir(), "rollback-tfplan-"));
  try {
    const path = join(dir, "reviewed.tfplan");
    await writeFile(path, plan.bytes, { mode: 384 });
    return await fn(path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
function changeSet(plan) {
  return plan.changes.map(
    (c) => `${c.address}${c.deposed ? ` (deposed ${c.deposed})` : ""} ${c.actions.join(",")}`
  ).sort();
}
function assertSameChanges(given, rendered) {
  const a = changeSet(given);
  const b = changeSet(rendered);
  const onlyGiven = a.filter((x) => !b.includes(x));
  const onlyRendered = b.filter((x) => !a.includes(x));
  if (onlyGiven.length === 0 && onlyRendered.length === 0) return;
  const first = onlyRendered[0] !== void 0 ? `the plan file has ${onlyRendered[0]}, which the JSON does not list` : `the JSON lists ${String(onlyGiven[0])}, which the plan file does not have`;
  throw new InputError(
    "plan-json",
    `was not rendered from plan-file: ${first} (${onlyRendered.length + onlyGiven.length} difference(s)); nothing was reviewed. Leave plan-json empty (the action renders the plan itself), or write it with "terraform show -json" of that same plan file`
  );
}
async function reviewSavedPlan(options) {
  const plan = await readSavedPlan(options.planFile, "plan-file");
  options.log.info(
    `Saved plan ${options.planFile}: ${plan.bytes.length} bytes, sha256 ${plan.sha256}`
  );
  let given;
  if (options.planJsonFile !== void 0) {
    let text;
    try {
      text = await readFile2(options.planJsonFile, "utf8");
    } catch (error) {
      throw new InputError(
        "plan-json",
        `cannot read ${options.planJsonFile} (${String(error.code)}); write it with "terraform show -json <planfile> > <file>", or leave plan-json empty so the action renders it`
      );
    }
    given = parsePlanJson(text, "plan-json");
  }
  const summary = parsePlanJson(
    await withPrivateCopy(
      plan,
      (path) => terraformShowPlanJson(path, runOptions(options))
    ),
    "plan-file"
  );
  if (given) assertSameChanges(given, summary);
  const review = reviewPlan(summary, {
    protectedAddresses: options.protectedAddresses,
    allowDestroy: options.allowDestroy
  });
  return {
    planSha256: plan.sha256,
    summary,
    review,
    markdown: renderPlanMarkdown(summary, review, plan.sha256)
  };
}
async function applyReviewedPlan(options) {
  const plan = await verifySavedPlan(options.planFile, options.expectedSha256);
  options.log.info(
    `Plan ${options.planFile} matches the reviewed sha256 ${plan.sha256}`
  );
  return withPrivateCopy(plan, async (path) => {
    const run = runOptions(options);
    const summary = parsePlanJson(
      await terraformShowPlanJson(path, run),
      "plan-file"
    );
    const review = reviewPlan(summary, {
      protectedAddresses: options.protectedAddresses,
      allowDestroy: options.allowDestroy
    });
    assertReviewAllowed(review);
    options.log.info(
      `Re-checked the plan about to run: ${review.destructive.length} destructive change(s), each allowed`
    );
    let output;
    try {
      output = await terraformApplyPlan(path, run);
    } catch (error) {
      if (error instanceof OperationError && /saved plan is stale/i.test(error.message)) {
        throw new OperationError(
          `the reviewed plan is stale: the state changed after it was made, so Terraform applied nothing. Run the plan job again and review the new plan
${error.message}`,
          { cause: error }
        );
      }
      throw error;
    }
    return { planSha256: plan.sha256, summary, review, output };
  });
}

// packages/terraform/src/deployments.ts
var MAX_DEPLOYMENTS_SCANNED = 500;
function apiFailure(what, error) {
  const status = error.status;
  if (status === 401 || status === 403)
    return new ConfigurationError(
      `${what}: GitHub refused the token (HTTP ${status}); give the job "permissions: deployments: read" (or pass a github-token that can read deployments)`,
      { cause: error }
    );
  if (status === 404)
    return new ConfigurationError(
      `${what}: repository not found (HTTP 404); check GITHUB_REPOSITORY and that github-token can read it`,
      { cause: error }
    );
  return new OperationError(
    `${what} failed (${status ? `HTTP ${status}` : "no response"}); retry, or pass the target commit explicitly`,
    { cause: error }
  );
}
async function findPreviousStableDeployment(options) {
  const { octokit, environment, log } = options;
  const [owner = "", repo = ""] = options.repository.split("/");
  const where = `deployments of ${options.repository} in environment "${environment}"`;
  let currentCommit;
  let scanned = 0;
  try {
    const pages = octokit.paginate.iterator(
      octokit.rest.repos.listDeployments,
      { owner, repo, environment, per_page: 100 }
    );
    for await (const page of pages) {
      for (const deployment of page.data) {
        scanned++;
        currentCommit ??= deployment.sha;
        if (deployment.sha === currentCommit) continue;
        log.debug(
          `GET deployment ${deployment.id} statuses (commit ${deployment.sha})`
        );
        let statuses;
        try {
          statuses = await octokit.rest.repos.listDeploymentStatuses({
            owner,
            repo,
            deployment_id: deployment.id,
            per_page: 100
          });
        } catch (error) {
          throw apiFailure(
            `reading the statuses of deployment ${deployment.id}`,
            error
          );
        }
        if (statuses.data.some((s) => s.state === "success")) {
          log.info(
            `Previous stable commit ${deployment.sha} (deployment ${deployment.id} of ${deployment.created_at}; current ${currentCommit})`
          );
          return {
            commit: deployment.sha,
            deploymentId: deployment.id,
            createdAt: deployment.created_at,
            currentCommit
          };
        }
        if (scanned >= MAX_DEPLOYMENTS_SCANNED) break;
      }
      if (scanned >= MAX_DEPLOYMENTS_SCANNED) break;
    }
  } catch (error) {
    if (error instanceof ConfigurationError || error instanceof OperationError)
      throw error;
    throw apiFailure(`listing the ${where}`, error);
  }
  if (currentCommit === void 0)
    throw new ConfigurationError(
      `there are no ${where}, so there is no previous stable deployment to return to; check the environment name, use stable-source tags, or pass the target commit explicitly`
    );
  throw new ConfigurationError(
    `none of the ${scanned} newest ${where} other than the current commit ${currentCommit} has a success status; pass the target commit explicitly`
  );
}
async function resolveFromDeployments(options) {
  const { repository, repoDir, log } = options;
  if (!repository?.includes("/"))
    throw new ConfigurationError(
      "GITHUB_REPOSITORY is not set, so the deployment history cannot be read; run on a GitHub runner or use stable-source tags"
    );
  const found = await findPreviousStableDeployment({
    octokit: options.octokit,
    repository,
    environment: options.environment,
    log
  });
  let commit;
  try {
    ;
    ({ commit } = await resolveTargetCommit({
      repoDir,
      target: found.commit,
      tagPattern: options.tagPattern,
      log
    }));
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    throw new ConfigurationError(
      `deployment ${found.deploymentId} marks commit ${found.commit} stable, but that commit is not in the checked-out history of ${repoDir}; check out with fetch-depth: 0 (and the branch that was deployed), or pass the target commit explicitly`,
      { cause: error }
    );
  }
  return {
    commit,
    detail: `deployment ${found.deploymentId} created ${found.createdAt}`
  };
}

// packages/terraform/src/fields.ts
var addressPatternList = external_exports.string().transform(
  fromParser((v) => {
    const items = splitAddressList(v);
    for (const item of items) compileAddressPattern(item);
    return items;
  })
);
var sha256Hex = external_exports.string().trim().regex(/^[0-9a-fA-F]{64}$/, "must be a SHA-256 digest (64 hex digits)").transform((v) => v.toLowerCase());

export {
  assertReviewAllowed,
  PREVIOUS_STABLE,
  resolveTargetCommit,
  reviewSavedPlan,
  applyReviewedPlan,
  addressPatternList,
  sha256Hex,
  resolveFromDeployments
};
