import { createRequire as __rollbackCreateRequire } from 'node:module';
const require = __rollbackCreateRequire(import.meta.url);
import {
  createKubeClients,
  kubeRetry
} from "./chunk-ZWICFGWV.js";
import {
  azurePipelineOptions
} from "./chunk-F2OUKQY5.js";
import {
  ConfigurationError,
  DEFAULT_RETRY_POLICY,
  InputError,
  OperationError,
  compileLinearPattern,
  parseImageReference,
  retryingFetch
} from "./chunk-MVCT2E6R.js";

// packages/registry/src/discover.ts
var TagDiscoveryError = class extends ConfigurationError {
  constructor(message, candidates) {
    super(message);
    this.candidates = candidates;
  }
  candidates;
};
function describeCurrent(current) {
  return `${current.tag ? `:${current.tag}` : ""}${current.digest ? `@${current.digest}` : ""}`;
}
async function discoverPreviousTag(options) {
  const { client, repository, current, log } = options;
  const where = `${client.registry}/${repository}`;
  if (options.explicitTag !== void 0) {
    const found = await client.describe(repository, {
      tag: options.explicitTag
    });
    if (!found) {
      throw new ConfigurationError(
        `tag "${options.explicitTag}" does not exist in ${where}: check the tag name (tags are case-sensitive), or leave it empty to pick the previous tag automatically`
      );
    }
    if (current.digest !== void 0 && found.digest === current.digest) {
      log.warning(
        `${options.explicitTag} points at the running digest ${current.digest}: rolling back to it changes nothing`,
        "Same image as running"
      );
    }
    log.info(`Using the requested tag ${options.explicitTag} (${found.digest})`);
    return {
      tag: options.explicitTag,
      digest: found.digest,
      lastUpdatedOn: found.lastUpdatedOn,
      candidates: [
        {
          tag: options.explicitTag,
          digest: found.digest,
          ...found.lastUpdatedOn ? { lastUpdatedOn: found.lastUpdatedOn } : {},
          verdict: "chosen"
        }
      ],
      requests: client.requests
    };
  }
  if (!current.tag && !current.digest) {
    throw new ConfigurationError(
      "the running image has neither tag nor digest: cannot tell which tags are older; give the running image as repository:tag or repository@sha256:\u2026, or set an explicit tag"
    );
  }
  const pattern = compileLinearPattern(
    options.tagPattern.source,
    options.tagPattern.flags
  );
  const excluded = new Set(options.excludeTags);
  const eligibleByName = (tag) => pattern.test(tag) && !excluded.has(tag);
  const isRunning = (t) => current.digest !== void 0 ? t.digest === current.digest : t.tag === current.tag;
  let running;
  const ensureRunning = async () => {
    if (running) return running;
    const ref = current.digest !== void 0 ? { digest: current.digest } : { tag: current.tag ?? "" };
    const found = await client.describe(
      repository,
      ref
    );
    if (!found) {
      throw new ConfigurationError(
        `the running image ${where}${describeCurrent(current)} is not in the registry: cannot tell which tags are older; check the registry and repository inputs, or set an explicit tag`
      );
    }
    if (!found.lastUpdatedOn) {
      throw new ConfigurationError(
        `the running image ${where}${describeCurrent(current)} has no creation time in its config: cannot order tags against it; set an explicit tag`
      );
    }
    running = { digest: found.digest, time: found.lastUpdatedOn };
    return running;
  };
  log.info(
    `Looking for the tag before ${where}${describeCurrent(current)} matching /${pattern.source}/${pattern.flags}`
  );
  const candidates = [];
  const weigh = (t, verdict) => {
    candidates.push({
      tag: t.tag,
      ...t.digest ? { digest: t.digest } : {},
      ...t.lastUpdatedOn ? { lastUpdatedOn: t.lastUpdatedOn } : {},
      verdict
    });
    log.debug(
      `${t.tag} ${t.digest ?? ""} ${t.lastUpdatedOn?.toISOString() ?? ""}: ${verdict}`
    );
  };
  let chosen;
  for await (const t of client.listTagsNewestFirst(
    repository,
    (tag) => tag === current.tag || eligibleByName(tag)
  )) {
    if (isRunning(t)) {
      if (!running && t.digest && t.lastUpdatedOn) {
        running = { digest: t.digest, time: t.lastUpdatedOn };
      }
      weigh(t, "skipped: the running image");
      continue;
    }
    if (!pattern.test(t.tag)) {
      weigh(t, "skipped: does not match the tag pattern");
      continue;
    }
    if (excluded.has(t.tag)) {
      weigh(t, "skipped: listed in the excluded tags");
      continue;
    }
    if (!t.digest || !t.lastUpdatedOn) {
      weigh(t, "skipped: no creation time in the image config");
      continue;
    }
    const r = await ensureRunning();
    if (t.digest === r.digest) {
      weigh(t, "skipped: points at the running digest");
    } else if (t.lastUpdatedOn > r.time) {
      weigh(t, "skipped: newer than the running image");
    } else if (t.lastUpdatedOn.getTime() === r.time.getTime()) {
      weigh(t, "skipped: same time as the running image");
    } else {
      weigh(t, "chosen");
      chosen = { ...t, digest: t.digest, lastUpdatedOn: t.lastUpdatedOn };
      break;
    }
  }
  if (!chosen) {
    if (!running) await ensureRunning();
    const count = (prefix) => candidates.filter((c) => c.verdict.startsWith(prefix)).length;
    const unmatched = candidates.filter((c) => c.verdict === "skipped: does not match the tag pattern").map((c) => c.tag);
    const parts = [
      `${count("skipped: newer")} newer`,
      `${count("skipped: points at the running digest") + count("skipped: the running image")} the running image`,
      `${count("skipped: listed in the excluded")} excluded`,
      `${unmatched.length} not matching${unmatched.length ? ` (e.g. ${unmatched.slice(0, 5).join(", ")})` : ""}`
    ];
    throw new TagDiscoveryError(
      `no tag of ${where} before the running image${describeCurrent(current)} matches /${pattern.source}/${pattern.flags}: saw ${candidates.length} tags (${parts.join(", ")}); push a release tag that matches, widen tag-pattern, or set an explicit tag`,
      candidates
    );
  }
  log.info(
    `Previous tag: ${chosen.tag} (${chosen.digest}, ${chosen.lastUpdatedOn.toISOString()}), after weighing ${candidates.length} tags`
  );
  return {
    tag: chosen.tag,
    digest: chosen.digest,
    lastUpdatedOn: chosen.lastUpdatedOn,
    candidates,
    requests: client.requests
  };
}

// packages/registry/src/constants.ts
var REGISTRY = {
  /** ACR page size asked for with `n` (ACR answers at most 100 tags per page by default). */
  acrPageSize: 100,
  /** AAD audience of the ACR data plane (`KnownContainerRegistryAudience.AzureResourceManagerPublicCloud` is ARM). */
  acrAudience: "https://containerregistry.azure.net",
  /** Host suffixes of Azure Container Registry login servers (public, China, US Government clouds). */
  acrHostSuffixes: [".azurecr.io", ".azurecr.cn", ".azurecr.us"],
  /** Manifest media types a generic OCI client accepts. */
  manifestAccept: [
    "application/vnd.oci.image.manifest.v1+json",
    "application/vnd.oci.image.index.v1+json",
    "application/vnd.docker.distribution.manifest.v2+json",
    "application/vnd.docker.distribution.manifest.list.v2+json"
  ].join(", "),
  /** Parallel manifest/config fetches against a generic OCI registry. */
  ociConcurrency: 4,
  /** Guard against registries whose `Link` headers loop. */
  maxPages: 1e4
};

// packages/registry/src/acr-client.ts
function statusOf(error) {
  const s = error.statusCode;
  return typeof s === "number" ? s : void 0;
}
function aadstsSummary(error) {
  const text = error instanceof Error ? error.message : String(error);
  return /AADSTS\d+: [^.]*\./.exec(text)?.[0];
}
function wrapAcrError(error, registry, what) {
  const status = statusOf(error);
  const aad = aadstsSummary(error);
  if (aad || error.name === "CredentialUnavailableError" || error.name === "AuthenticationError" || error.name === "AuthenticationRequiredError") {
    return new ConfigurationError(
      `Azure login for ${registry} failed${aad ? ` (${aad})` : ""}: check client-id, tenant-id and the federated credential's issuer, subject and audience (or run azure/login first)`,
      { cause: error }
    );
  }
  if (status === 401 || status === 403) {
    return new ConfigurationError(
      `${what} on ${registry} was denied (HTTP ${status}): grant the identity the AcrPull role (or Container Registry Repository Reader) on the registry`,
      { cause: error }
    );
  }
  if (status === 404) {
    return new ConfigurationError(
      `${what} on ${registry}: not found (HTTP 404); check the registry and repository names`,
      { cause: error }
    );
  }
  return new OperationError(
    `${what} on ${registry} failed${status ? ` (HTTP ${status})` : ""}: ${error instanceof Error ? error.name : "error"}; retry, or check the registry's health`,
    { cause: error }
  );
}
function createAcrRegistryClient(options) {
  const endpoint = `https://${options.registry}`;
  let loaded;
  const sdk = () => loaded ??= import("./esm-ARKZ3PBE.js").then(
    ({ ContainerRegistryClient: Client }) => new Client(endpoint, options.credential, {
      ...azurePipelineOptions(
        options.policy ?? DEFAULT_RETRY_POLICY,
        options.log,
        `registry ${options.registry}`
      ),
      audience: options.audience ?? REGISTRY.acrAudience,
      ...options.caPem ? { tlsOptions: { ca: options.caPem } } : {}
    })
  );
  const pageSize = options.pageSize ?? REGISTRY.acrPageSize;
  let requests = 0;
  const toTag = (t) => ({
    tag: t.name,
    digest: t.digest,
    lastUpdatedOn: t.lastUpdatedOn
  });
  return {
    kind: "acr",
    registry: options.registry,
    get requests() {
      return requests;
    },
    async *listTagsNewestFirst(repository) {
      const pages = (await sdk()).getArtifact(repository, "latest").listTagProperties({ order: "LastUpdatedOnDescending" }).byPage({ maxPageSize: pageSize });
      let page = 0;
      while (true) {
        requests += 1;
        let result;
        try {
          result = await pages.next();
        } catch (error) {
          throw wrapAcrError(
            error,
            options.registry,
            `listing tags of ${repository}`
          );
        }
        if (result.done) return;
        page += 1;
        options.log.debug(
          `ACR ${options.registry}/${repository}: page ${page} of tags (newest first), ${result.value.length} tags`
        );
        for (const t of result.value) yield toTag(t);
      }
    },
    async describe(repository, ref) {
      requests += 1;
      try {
        if ("tag" in ref) {
          const t = await (await sdk()).getArtifact(repository, ref.tag).getTagProperties(ref.tag);
          return toTag(t);
        }
        const m = await (await sdk()).getArtifact(repository, ref.digest).getManifestProperties();
        return {
          tag: m.tags[0] ?? "",
          digest: m.digest,
          lastUpdatedOn: m.lastUpdatedOn
        };
      } catch (error) {
        if (statusOf(error) === 404 && !/NAME_UNKNOWN/.test(String(error.message))) {
          return void 0;
        }
        throw wrapAcrError(
          error,
          options.registry,
          `reading ${repository}${"tag" in ref ? `:${ref.tag}` : `@${ref.digest}`}`
        );
      }
    }
  };
}

// packages/registry/src/oci-client.ts
import { createHash } from "node:crypto";
function parseChallenge(header) {
  const m = /^(\w+)\s*(.*)$/s.exec(header.trim());
  if (!m) return void 0;
  const params = {};
  for (const p of (m[2] ?? "").matchAll(
    /(\w+)=(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g
  )) {
    params[(p[1] ?? "").toLowerCase()] = p[2] !== void 0 ? p[2].replace(/\\(.)/g, "$1") : p[3] ?? "";
  }
  return { scheme: (m[1] ?? "").toLowerCase(), params };
}
function nextLink(header, base) {
  if (!header) return void 0;
  for (const part of header.split(",")) {
    const m = /<([^>]*)>\s*;\s*rel="?next"?/i.exec(part);
    if (m?.[1] !== void 0) return new URL(m[1], base).toString();
  }
  return void 0;
}
async function mapLimit(items, limit, fn) {
  const out = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, worker)
  );
  return out;
}
function createOciRegistryClient(options) {
  const fetchImpl = options.fetch ?? ((url, init) => fetch(url, init));
  const tokens = /* @__PURE__ */ new Map();
  const facts = /* @__PURE__ */ new Map();
  const created = /* @__PURE__ */ new Map();
  let requests = 0;
  const authenticate = async (challenge, repository) => {
    const realm = challenge.params.realm;
    if (challenge.scheme !== "bearer" || !realm) {
      throw new ConfigurationError(
        `${options.registry} asks for ${challenge.scheme} authentication; only anonymous token access is supported for generic OCI registries: allow anonymous pull or use ACR`
      );
    }
    const url = new URL(realm);
    if (challenge.params.service)
      url.searchParams.set("service", challenge.params.service);
    url.searchParams.set(
      "scope",
      challenge.params.scope ?? `repository:${repository}:pull`
    );
    const r = await fetchImpl(url.toString(), {
      headers: { accept: "application/json" }
    });
    if (!r.ok) {
      throw new ConfigurationError(
        `${options.registry} refused an anonymous pull token for ${repository} (HTTP ${r.status}): the repository needs credentials this action does not support`
      );
    }
    const body = await r.json();
    const token = body.token ?? body.access_token;
    if (!token)
      throw new OperationError(
        `${options.registry} token endpoint answered without a token`
      );
    options.log.secret(token);
    return token;
  };
  const get = async (path, repository, accept) => {
    const url = path.startsWith("http") ? path : `${options.baseUrl}${path}`;
    const send = () => {
      const headers = {};
      if (accept) headers.accept = accept;
      const token = tokens.get(repository);
      if (token) headers.authorization = `Bearer ${token}`;
      requests += 1;
      options.log.debug(`GET ${url}`);
      return fetchImpl(url, { headers });
    };
    let response;
    try {
      response = await send();
      if (response.status === 401) {
        const challenge = parseChallenge(
          response.headers.get("www-authenticate") ?? ""
        );
        await response.body?.cancel();
        if (!challenge)
          throw new ConfigurationError(
            `${options.registry} answered 401 without a challenge for ${url}`
          );
        tokens.set(repository, await authenticate(challenge, repository));
        response = await send();
      }
    } catch (error) {
      if (error instanceof ConfigurationError || error instanceof OperationError)
        throw error;
      throw new OperationError(
        `cannot reach ${options.registry} (${url}): ${error.message}; check the registry address and the runner's network`,
        { cause: error }
      );
    }
    if (response.status === 401 || response.status === 403) {
      throw new ConfigurationError(
        `${options.registry} denied ${url} (HTTP ${response.status}): allow pull for this identity`
      );
    }
    return response;
  };
  const fail = (response, what) => {
    throw new OperationError(
      `${what} on ${options.registry} failed with HTTP ${response.status}; retry, or check the registry`
    );
  };
  const configCreated = (repository, digest) => {
    let p = created.get(digest);
    if (!p) {
      p = (async () => {
        const r = await get(`/v2/${repository}/blobs/${digest}`, repository);
        if (!r.ok) return fail(r, `config blob ${digest} of ${repository}`);
        const config = await r.json();
        return typeof config.created === "string" && !Number.isNaN(Date.parse(config.created)) ? new Date(config.created) : void 0;
      })();
      created.set(digest, p);
    }
    return p;
  };
  const readManifest = async (repository, ref) => {
    const r = await get(
      `/v2/${repository}/manifests/${ref}`,
      repository,
      REGISTRY.manifestAccept
    );
    if (r.status === 404) {
      await r.body?.cancel();
      return void 0;
    }
    if (!r.ok) return fail(r, `manifest ${repository}:${ref}`);
    const bytes = Buffer.from(await r.arrayBuffer());
    const digest = `sha256:${createHash("sha256").update(bytes).digest("hex")}`;
    const header = r.headers.get("docker-content-digest");
    if (header && header !== digest || ref.startsWith("sha256:") && ref !== digest) {
      throw new OperationError(
        `${options.registry} sent manifest bytes for ${repository}:${ref} that do not hash to ${header ?? ref}; refusing to trust it`
      );
    }
    return { digest, doc: JSON.parse(bytes.toString("utf8")) };
  };
  const imageFacts = (repository, ref) => {
    const key = `${repository}
${ref}`;
    let p = facts.get(key);
    if (!p) {
      p = (async () => {
        const top = await readManifest(repository, ref);
        if (!top) return void 0;
        let doc = top.doc;
        if (doc.manifests) {
          const entry = doc.manifests.find(
            (m) => m.platform?.os === "linux" && m.platform.architecture === "amd64"
          ) ?? doc.manifests[0];
          const child = entry?.digest ? await readManifest(repository, entry.digest) : void 0;
          if (!child) return { digest: top.digest };
          doc = child.doc;
        }
        const annotation = doc.annotations?.["org.opencontainers.image.created"];
        if (annotation && !Number.isNaN(Date.parse(annotation))) {
          return { digest: top.digest, created: new Date(annotation) };
        }
        const configDigest = doc.config?.digest;
        const time = configDigest ? await configCreated(repository, configDigest) : void 0;
        return time ? { digest: top.digest, created: time } : { digest: top.digest };
      })();
      facts.set(key, p);
    }
    return p;
  };
  const tagNames = async (repository) => {
    const names = [];
    let url = `${options.baseUrl}/v2/${repository}/tags/list`;
    const seen = /* @__PURE__ */ new Set();
    while (url && !seen.has(url) && seen.size < REGISTRY.maxPages) {
      seen.add(url);
      const r = await get(url, repository, "application/json");
      if (r.status === 404) {
        await r.body?.cancel();
        throw new ConfigurationError(
          `repository ${repository} does not exist on ${options.registry}: check the repository input`
        );
      }
      if (!r.ok) return fail(r, `listing tags of ${repository}`);
      const body = await r.json();
      names.push(...body.tags ?? []);
      url = nextLink(r.headers.get("link"), url);
    }
    return names;
  };
  return {
    kind: "oci",
    registry: options.registry,
    get requests() {
      return requests;
    },
    async *listTagsNewestFirst(repository, needsDetails) {
      const names = await tagNames(repository);
      const wanted = names.filter(needsDetails);
      options.log.debug(
        `${options.registry}/${repository}: ${names.length} tags, reading manifest and config of ${wanted.length}`
      );
      const detailed = await mapLimit(
        wanted,
        REGISTRY.ociConcurrency,
        async (tag) => ({
          tag,
          facts: await imageFacts(repository, tag)
        })
      );
      const timed = detailed.filter((d) => d.facts?.created).sort(
        (a, b) => (b.facts?.created?.getTime() ?? 0) - (a.facts?.created?.getTime() ?? 0) || (a.tag < b.tag ? 1 : a.tag > b.tag ? -1 : 0)
      );
      for (const d of timed) {
        yield {
          tag: d.tag,
          digest: d.facts?.digest,
          lastUpdatedOn: d.facts?.created
        };
      }
      for (const d of detailed) {
        if (!d.facts?.created)
          yield { tag: d.tag, ...d.facts ? { digest: d.facts.digest } : {} };
      }
      const wantedSet = new Set(wanted);
      for (const tag of names) if (!wantedSet.has(tag)) yield { tag };
    },
    async describe(repository, ref) {
      const f = await imageFacts(
        repository,
        "tag" in ref ? ref.tag : ref.digest
      );
      if (!f) return void 0;
      return {
        tag: "tag" in ref ? ref.tag : "",
        digest: f.digest,
        ...f.created ? { lastUpdatedOn: f.created } : {}
      };
    }
  };
}

// packages/registry/src/detect.ts
var LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])(:\d+)?$/;
function isAcrHost(registry) {
  const host = registry.replace(/:\d+$/, "").toLowerCase();
  return REGISTRY.acrHostSuffixes.some((s) => host.endsWith(s));
}
async function detectRegistry(registry, fetchImpl = (url, init) => fetch(url, init)) {
  if (isAcrHost(registry))
    return { kind: "acr", baseUrl: `https://${registry}` };
  const probe = async (baseUrl) => {
    const r = await fetchImpl(`${baseUrl}/acr/v1/_catalog`, {
      headers: { accept: "application/json" }
    });
    const challenge = parseChallenge(r.headers.get("www-authenticate") ?? "");
    await r.body?.cancel();
    const acr = r.status === 200 || r.status === 401 && challenge?.scheme === "bearer" && (challenge.params.realm ?? "").endsWith("/oauth2/token");
    return { kind: acr ? "acr" : "oci", baseUrl };
  };
  try {
    return await probe(`https://${registry}`);
  } catch (error) {
    if (!LOOPBACK.test(registry)) {
      throw new ConfigurationError(
        `cannot reach registry ${registry} over https (${error.message}): check the registry input and the runner's network/CA trust (NODE_EXTRA_CA_CERTS)`,
        { cause: error }
      );
    }
    try {
      return await probe(`http://${registry}`);
    } catch (second) {
      throw new ConfigurationError(
        `cannot reach registry ${registry} over https or http: is it running?`,
        { cause: second }
      );
    }
  }
}
async function createRegistryClient(options) {
  const policy = options.policy ?? DEFAULT_RETRY_POLICY;
  const base = options.fetch ?? ((url, init) => fetch(url, init));
  const fetchImpl = retryingFetch(base, {
    policy,
    log: options.log,
    remote: `registry ${options.registry}`
  });
  const detected = options.kind ? { kind: options.kind, baseUrl: `https://${options.registry}` } : await detectRegistry(options.registry, fetchImpl);
  options.log.debug(
    `registry ${options.registry}: ${detected.kind} at ${detected.baseUrl}`
  );
  if (detected.kind === "acr") {
    if (!options.credential) {
      throw new ConfigurationError(
        `${options.registry} is an Azure Container Registry: set client-id and tenant-id (OIDC) or run azure/login before this step`
      );
    }
    return createAcrRegistryClient({
      registry: options.registry,
      credential: options.credential(),
      log: options.log,
      ...options.caPem ? { caPem: options.caPem } : {},
      ...options.pageSize ? { pageSize: options.pageSize } : {},
      policy
    });
  }
  return createOciRegistryClient({
    registry: options.registry,
    baseUrl: detected.baseUrl,
    log: options.log,
    fetch: fetchImpl
  });
}

// packages/registry/src/kube.ts
function statusCode(error) {
  const code = error.code;
  return typeof code === "number" ? code : void 0;
}
async function readRunningImage(options) {
  const clients = options.clients ?? createKubeClients(options.kubeconfig, options.policy);
  const where = `${options.namespace}/${options.deployment}`;
  let deployment;
  try {
    deployment = await kubeRetry(
      clients,
      options.log,
      `reading deployment "${where}"`,
      () => clients.apps.readNamespacedDeployment({
        name: options.deployment,
        namespace: options.namespace
      })
    );
  } catch (error) {
    const code = statusCode(error);
    if (code === 404) {
      throw new ConfigurationError(
        `Deployment ${where} does not exist: check the namespace and deployment inputs`,
        { cause: error }
      );
    }
    if (code === 401 || code === 403) {
      throw new ConfigurationError(
        `reading Deployment ${where} was denied (HTTP ${code}): grant "get" on deployments in ${options.namespace}`,
        { cause: error }
      );
    }
    throw new OperationError(
      `reading Deployment ${where} failed${code ? ` (HTTP ${code})` : ""}: check the cluster connection (KUBECONFIG)`,
      { cause: error }
    );
  }
  const containers = deployment.spec?.template.spec?.containers ?? [];
  const repoOf = (image2) => {
    try {
      return parseImageReference(image2).repository;
    } catch {
      return void 0;
    }
  };
  const container = (options.repository ? containers.find(
    (c) => c.image && repoOf(c.image) === options.repository
  ) : void 0) ?? (containers.length === 1 ? containers[0] : void 0);
  if (!container?.image) {
    throw new ConfigurationError(
      `Deployment ${where} has ${containers.length} containers (${containers.map((c) => `${c.name}=${c.image ?? ""}`).join(", ")}) and none runs an image from repository ${options.repository ?? "(not given)"}: check the repository input`
    );
  }
  const image = container.image;
  const pinned = /@(sha256:[a-f0-9]{64})$/.exec(image)?.[1];
  if (pinned) return { image, container: container.name, digest: pinned };
  const labels = deployment.spec?.selector.matchLabels ?? {};
  const selector = Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(",");
  try {
    const pods = await kubeRetry(
      clients,
      options.log,
      `listing pods of "${where}"`,
      () => clients.core.listNamespacedPod({
        namespace: options.namespace,
        labelSelector: selector
      })
    );
    const digests = /* @__PURE__ */ new Set();
    for (const pod of pods.items) {
      const spec = pod.spec?.containers.find((c) => c.name === container.name);
      if (spec?.image !== image) continue;
      const status = pod.status?.containerStatuses?.find(
        (s) => s.name === container.name
      );
      const digest = /@(sha256:[a-f0-9]{64})$/.exec(status?.imageID ?? "")?.[1];
      if (digest) digests.add(digest);
    }
    if (digests.size === 1) {
      const [digest] = digests;
      options.log.debug(`pods of ${where} run ${image} as ${digest}`);
      return { image, container: container.name, ...digest ? { digest } : {} };
    }
    options.log.debug(
      `pods of ${where} report ${digests.size} digests for ${image}; identifying the running image by tag`
    );
  } catch (error) {
    options.log.debug(
      `could not list pods of ${where} (${statusCode(error) ?? "error"}); identifying the running image by tag`
    );
  }
  return { image, container: container.name };
}

// packages/registry/src/resolve.ts
async function resolveImage(client, ref, input = "image") {
  const where = `${client.registry}/${ref.repository}`;
  if (!ref.tag && !ref.digest) {
    throw new InputError(
      input,
      `"${ref.reference}" names neither a tag nor a digest; write repository:tag or repository@sha256:digest`
    );
  }
  let digest = ref.digest;
  if (ref.digest) {
    const found = await client.describe(ref.repository, { digest: ref.digest });
    if (!found) {
      throw new ConfigurationError(
        `${where} has no manifest ${ref.digest} (input "${input}" ${ref.reference}): the pods could not pull it, so nothing was changed. Check the digest (discover-tag outputs it) or push the image`
      );
    }
  }
  if (ref.tag) {
    const tagged = await client.describe(ref.repository, { tag: ref.tag });
    if (!tagged) {
      throw new ConfigurationError(
        `${where} has no tag ${ref.tag} (input "${input}" ${ref.reference}): the pods could not pull it, so nothing was changed. Check the tag or push the image`
      );
    }
    if (ref.digest && tagged.digest !== ref.digest) {
      throw new InputError(
        input,
        `"${ref.reference}" names tag ${ref.tag} and digest ${ref.digest}, but ${where}:${ref.tag} is ${tagged.digest}: the runtime would run the digest, not the tag it names. Give the tag alone, or the tag with its own digest`
      );
    }
    digest = tagged.digest;
  }
  return {
    reference: ref.reference,
    repository: ref.repository,
    ...ref.tag ? { tag: ref.tag } : {},
    digest: digest ?? ""
  };
}
async function assertTagMatchesDigest(client, ref, input) {
  const tagged = await client.describe(ref.repository, { tag: ref.tag });
  if (tagged && tagged.digest !== ref.digest) {
    throw new InputError(
      input,
      `"${ref.reference}" names tag ${ref.tag} and digest ${ref.digest}, but ${client.registry}/${ref.repository}:${ref.tag} is ${tagged.digest}: they are different images. Give the tag alone, the digest alone, or the tag with its own digest`
    );
  }
}

export {
  TagDiscoveryError,
  discoverPreviousTag,
  createRegistryClient,
  readRunningImage,
  resolveImage,
  assertTagMatchesDigest
};
