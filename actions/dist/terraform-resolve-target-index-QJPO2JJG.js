import { createRequire as __rollbackCreateRequire } from 'node:module';
const require = __rollbackCreateRequire(import.meta.url);
import {
  createOctokit
} from "./chunk-LC3PZAVZ.js";
import {
  PREVIOUS_STABLE,
  resolveTargetCommit
} from "./chunk-Q2XSESD2.js";
import {
  ConfigurationError,
  InputError,
  OperationError,
  defineAction,
  external_exports,
  retryPolicyFromEnv,
  secret
} from "./chunk-LN3ZWDZM.js";
import "./chunk-WTTBYOJK.js";

// actions/terraform-resolve-target/src/main.ts
import { statSync } from "node:fs";
import { resolve } from "node:path";

// actions/terraform-resolve-target/src/deployments.ts
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
  (i) => i.target !== PREVIOUS_STABLE || i.stableSource !== STABLE_SOURCE.deployments || i.environment !== void 0,
  {
    path: ["environment"],
    message: "is required when target is previous-stable and stable-source is deployments: name the GitHub environment whose deployment history marks the stable commits"
  }
).refine(
  (i) => i.target !== PREVIOUS_STABLE || i.stableSource !== STABLE_SOURCE.deployments || i.githubToken !== void 0,
  {
    path: ["githubToken"],
    message: 'is required when target is previous-stable and stable-source is deployments (a token with "deployments: read"; the default is github.token)'
  }
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
  const found = await findPreviousStableDeployment({
    octokit,
    repository,
    environment: inputs.environment ?? "",
    log: ctx.log
  });
  let commit;
  try {
    ;
    ({ commit } = await resolveTargetCommit({
      repoDir,
      target: found.commit,
      tagPattern: inputs.tagPattern,
      log: ctx.log
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
    source: "deployment",
    detail: `deployment ${found.deploymentId} created ${found.createdAt}`
  };
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
