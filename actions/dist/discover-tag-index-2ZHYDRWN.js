import { createRequire as __rollbackCreateRequire } from 'node:module';
const require = __rollbackCreateRequire(import.meta.url);
import {
  TagDiscoveryError,
  assertTagMatchesDigest,
  createRegistryClient,
  discoverPreviousTag,
  readRunningImage
} from "./chunk-3WERBIA3.js";
import "./chunk-ZWICFGWV.js";
import {
  credentialFromInputs
} from "./chunk-F2OUKQY5.js";
import {
  ConfigurationError,
  azureClientId,
  azureTenantId,
  clientAndTenantTogether,
  defineAction,
  external_exports,
  imageRef,
  imageTag,
  k8sName,
  nameList,
  namespaceName,
  parseImageReference,
  regexSource,
  registryHost,
  retryPolicyFromEnv
} from "./chunk-MVCT2E6R.js";
import "./chunk-RHQTSG7L.js";
import "./chunk-WTTBYOJK.js";

// actions/discover-tag/src/inputs.ts
var repositoryName = external_exports.string().trim().regex(
  /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/,
  "must be a repository path such as warranty-hub/product-service (lowercase; no registry, tag or digest)"
);
var DiscoverTagInputs = external_exports.object({
  registry: registryHost,
  // input `registry`
  repository: repositoryName,
  // input `repository`
  currentImage: imageRef.optional(),
  // input `current-image`: registry/repo:tag or @sha256:…
  namespace: namespaceName.optional(),
  // input `namespace`
  deployment: k8sName.optional(),
  // input `deployment`
  tagPattern: regexSource,
  // input `tag-pattern`
  excludeTags: nameList(imageTag).optional(),
  // input `exclude-tags`
  imageTag: imageTag.optional(),
  // input `image-tag`: explicit tag
  clientId: azureClientId.optional(),
  // input `client-id`
  tenantId: azureTenantId.optional()
  // input `tenant-id`
}).refine(
  (i) => i.currentImage !== void 0 !== (i.namespace !== void 0 || i.deployment !== void 0),
  {
    path: ["currentImage"],
    message: "set either current-image, or namespace and deployment (to read the running image from the cluster), not both and not neither"
  }
).refine(
  (i) => i.currentImage !== void 0 || i.namespace !== void 0 && i.deployment !== void 0,
  {
    path: ["deployment"],
    message: "namespace and deployment must be set together"
  }
).refine(
  (i) => i.currentImage === void 0 || i.currentImage.repository === i.repository,
  {
    path: ["currentImage"],
    message: "names a different repository than the repository input; give the image of that repository"
  }
).refine(
  (i) => i.currentImage === void 0 || i.currentImage.tag !== void 0 || i.currentImage.digest !== void 0,
  {
    path: ["currentImage"],
    message: "has neither tag nor digest; give registry/repository:tag or registry/repository@sha256:\u2026"
  }
).refine(...clientAndTenantTogether);

// actions/discover-tag/src/main.ts
var SUMMARY_ROWS = 100;
function summarize(ctx, where, running, candidates) {
  ctx.summary.heading("Previous image tag").paragraph(
    `Repository \`${where}\`, running \`${running}\`. Tags weighed, newest first:`
  ).table(
    ["Tag", "Digest", "Last updated (UTC)", "Verdict"],
    candidates.slice(0, SUMMARY_ROWS).map((c) => [
      c.tag,
      c.digest ?? "\u2014",
      c.lastUpdatedOn?.toISOString() ?? "\u2014",
      c.verdict
    ])
  );
  if (candidates.length > SUMMARY_ROWS) {
    ctx.summary.paragraph(
      `\u2026 and ${candidates.length - SUMMARY_ROWS} more tags (see the debug log).`
    );
  }
}
var run = defineAction("discover-tag", async (ctx) => {
  const inputs = ctx.inputs(DiscoverTagInputs);
  const where = `${inputs.registry}/${inputs.repository}`;
  const current = await ctx.log.group(
    "Resolve",
    async () => {
      if (inputs.currentImage) {
        const ref2 = inputs.currentImage;
        if (ref2.registry !== void 0 && ref2.registry !== inputs.registry) {
          ctx.log.warning(
            `current-image is from ${ref2.registry}, the registry input is ${inputs.registry}; comparing by repository, tag and digest`,
            "Different registry"
          );
        }
        return {
          image: ref2.reference,
          ...ref2.tag ? { tag: ref2.tag } : {},
          ...ref2.digest ? { digest: ref2.digest } : {}
        };
      }
      const namespace = inputs.namespace ?? "";
      const deployment = inputs.deployment ?? "";
      const running = await readRunningImage({
        namespace,
        deployment,
        repository: inputs.repository,
        ...ctx.env.KUBECONFIG ? { kubeconfig: ctx.env.KUBECONFIG } : {},
        log: ctx.log,
        policy: retryPolicyFromEnv(ctx.env)
      });
      let ref;
      try {
        ref = parseImageReference(running.image);
      } catch (error) {
        throw new ConfigurationError(
          `Deployment ${namespace}/${deployment} runs "${running.image}", which is not a valid image reference (${error.message})`
        );
      }
      if (ref.repository !== inputs.repository) {
        throw new ConfigurationError(
          `Deployment ${namespace}/${deployment} (container ${running.container}) runs ${running.image}, not an image of ${inputs.repository}: check the repository input`
        );
      }
      const digest = running.digest ?? ref.digest;
      ctx.log.info(
        `Deployment ${namespace}/${deployment} runs ${running.image}${digest && !ref.digest ? ` (${digest})` : ""}`
      );
      return {
        image: running.image,
        ...ref.tag ? { tag: ref.tag } : {},
        ...digest ? { digest } : {}
      };
    }
  );
  const credential = () => credentialFromInputs(inputs, ctx);
  const result = await ctx.log.group(
    "Plan",
    () => ctx.audit.step("Discover previous tag", async (rec) => {
      const client = await createRegistryClient({
        registry: inputs.registry,
        credential,
        log: ctx.log,
        policy: retryPolicyFromEnv(ctx.env)
      });
      rec.detail("registry_kind", client.kind);
      rec.detail("running", current.image);
      const given = inputs.currentImage;
      if (given?.tag && given.digest) {
        await assertTagMatchesDigest(
          client,
          {
            repository: inputs.repository,
            tag: given.tag,
            digest: given.digest,
            reference: given.reference
          },
          "current-image"
        );
      }
      try {
        const found = await discoverPreviousTag({
          client,
          repository: inputs.repository,
          current,
          tagPattern: inputs.tagPattern,
          excludeTags: inputs.excludeTags ?? [],
          ...inputs.imageTag ? { explicitTag: inputs.imageTag } : {},
          log: ctx.log
        });
        rec.detail("chosen", `${found.tag}@${found.digest}`);
        rec.detail("registry_requests", found.requests);
        return found;
      } catch (error) {
        if (error instanceof TagDiscoveryError)
          summarize(ctx, where, current.image, error.candidates);
        throw error;
      }
    })
  );
  const image = `${inputs.registry}/${inputs.repository}@${result.digest}`;
  ctx.output.set("tag", result.tag);
  ctx.output.set("digest", result.digest);
  ctx.output.set("image", image);
  summarize(ctx, where, current.image, result.candidates);
  ctx.summary.paragraph(
    `**Roll back to \`${result.tag}\`** \u2192 \`${image}\`${result.lastUpdatedOn ? ` (last updated ${result.lastUpdatedOn.toISOString()})` : ""}.`
  );
  ctx.log.notice(`Previous tag of ${where}: ${result.tag} (${result.digest})`);
});

// actions/discover-tag/src/index.ts
await run();
