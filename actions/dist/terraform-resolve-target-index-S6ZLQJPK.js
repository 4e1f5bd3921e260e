import { createRequire as __rollbackCreateRequire } from 'node:module';
const require = __rollbackCreateRequire(import.meta.url);
import {
  createOctokit
} from "./chunk-5OUA7BIL.js";
import {
  PREVIOUS_STABLE,
  resolveFromDeployments,
  resolveTargetCommit
} from "./chunk-SX5PICG5.js";
import {
  ConfigurationError,
  InputError,
  defineAction,
  external_exports,
  retryPolicyFromEnv,
  secret
} from "./chunk-MVCT2E6R.js";
import "./chunk-WTTBYOJK.js";

// actions/terraform-resolve-target/src/main.ts
import { statSync } from "node:fs";
import { resolve } from "node:path";

// actions/terraform-resolve-target/src/inputs.ts
var STABLE_SOURCE = {
  tags: "tags",
  deployments: "deployments"
};
var target = external_exports.string().trim().refine((v) => v === PREVIOUS_STABLE || /^[0-9a-fA-F]{7,40}$/.test(v), {
  message: `must be a commit SHA (7 to 40 hex digits) or "${PREVIOUS_STABLE}"; branch and tag names move, so they are not accepted`
}).transform((v) => v === PREVIOUS_STABLE ? v : v.toLowerCase());
var tagPattern = external_exports.string().trim().regex(
  /^[^\s-][^\s]*$/,
  'must be a tag glob such as infra-deployed-* (no spaces, not starting with "-")'
).refine((v) => !v.includes("..") && !v.startsWith("/"), {
  message: 'must be a glob under refs/tags/ (no "..", no leading "/")'
});
var environmentName = external_exports.string().trim().max(255, "must be at most 255 characters").regex(/^[^\x00-\x1f\x7f]+$/, "must not contain control characters");
function neededForDeployments(key, message) {
  return [
    (i) => i.target !== PREVIOUS_STABLE || i.stableSource !== STABLE_SOURCE.deployments || i[key] !== void 0,
    { path: [key], message }
  ];
}
var ResolveTargetInputs = external_exports.object({
  target,
  // input `target`: SHA or previous-stable
  stableSource: external_exports.enum([STABLE_SOURCE.tags, STABLE_SOURCE.deployments], {
    message: 'must be "tags" or "deployments"'
  }),
  // input `stable-source`
  tagPattern,
  // input `tag-pattern`
  environment: environmentName.optional(),
  // input `environment`: for stable-source deployments
  workingDirectory: external_exports.string().min(1),
  // input `working-directory`: inside the git repository
  githubToken: secret.optional()
  // input `github-token`: reads deployments
}).refine(
  ...neededForDeployments(
    "environment",
    "is required when target is previous-stable and stable-source is deployments: name the GitHub environment whose deployment history marks the stable commits"
  )
).refine(
  ...neededForDeployments(
    "githubToken",
    'is required when target is previous-stable and stable-source is deployments (a token with "deployments: read"; the default is github.token)'
  )
);

// actions/terraform-resolve-target/src/main.ts
function repositoryDir(path) {
  const dir = resolve(path);
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir)
    throw new InputError(
      "working-directory",
      `"${path}" is not a directory; check out the repository first (actions/checkout with fetch-depth: 0) and point working-directory inside it`
    );
  return dir;
}
async function fromDeployments(ctx, inputs, repoDir) {
  const repository = ctx.github.repository;
  if (!repository?.includes("/"))
    throw new ConfigurationError(
      "GITHUB_REPOSITORY is not set, so the deployment history cannot be read; run on a GitHub runner or use stable-source tags"
    );
  const octokit = createOctokit({
    auth: inputs.githubToken,
    baseUrl: ctx.env.GITHUB_API_URL,
    userAgent: "rollback-actions/terraform-resolve-target",
    log: ctx.log,
    policy: retryPolicyFromEnv(ctx.env)
  });
  const found = await resolveFromDeployments({
    octokit,
    repository: ctx.github.repository,
    environment: inputs.environment ?? "",
    repoDir,
    tagPattern: inputs.tagPattern,
    log: ctx.log
  });
  return { ...found, source: "deployment" };
}
var run = defineAction("terraform-resolve-target", async (ctx) => {
  const inputs = ctx.inputs(ResolveTargetInputs);
  const repoDir = repositoryDir(inputs.workingDirectory);
  const resolved = await ctx.log.group(
    "Resolve",
    () => ctx.audit.step("Resolve target commit", async (rec) => {
      let r;
      if (inputs.target === PREVIOUS_STABLE && inputs.stableSource === STABLE_SOURCE.deployments) {
        r = await fromDeployments(ctx, inputs, repoDir);
      } else {
        const t = await resolveTargetCommit({
          repoDir,
          target: inputs.target,
          tagPattern: inputs.tagPattern,
          log: ctx.log
        });
        r = { commit: t.commit, source: t.source, detail: t.tag ?? "" };
      }
      rec.detail("target", inputs.target);
      rec.detail("commit", r.commit);
      rec.detail("source", r.source);
      if (r.detail) rec.detail("source_detail", r.detail);
      return r;
    })
  );
  ctx.output.set("commit", resolved.commit);
  ctx.output.set("source", resolved.source);
  ctx.output.set("source-detail", resolved.detail);
  const why = resolved.source === "input" ? `named by input target "${inputs.target}"` : resolved.source === "tag" ? `previous stable deployment tag ${resolved.detail} (pattern ${inputs.tagPattern})` : `previous successful ${resolved.detail} in environment ${inputs.environment ?? ""}`;
  ctx.summary.heading("Rollback target").table(["Commit", "Why"], [[`\`${resolved.commit}\``, why]]);
  ctx.log.notice(`Rolling back to ${resolved.commit}: ${why}`);
});

// actions/terraform-resolve-target/src/index.ts
await run();
