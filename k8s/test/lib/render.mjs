// Renders kustomizations with `kubectl kustomize` and parses the result.
import { execFileSync } from "node:child_process";
import { readdirSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";

export const K8S_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const REPO_DIR = join(K8S_DIR, "..");

/** Overlay names: every directory under overlays/ that has a kustomization.yaml. */
export const OVERLAYS = readdirSync(join(K8S_DIR, "overlays"), { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(K8S_DIR, "overlays", d.name, "kustomization.yaml")))
  .map((d) => d.name)
  .sort();

const cache = new Map();

export function kubectlAvailable() {
  try {
    execFileSync("kubectl", ["version", "--client"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** Raw YAML of `kubectl kustomize <dir>` (dir relative to k8s/). */
export function renderYaml(dir) {
  if (!cache.has(dir)) {
    if (!kubectlAvailable()) {
      throw new Error("kubectl not found on PATH: it is needed to render the kustomizations (kubectl >= 1.27 bundles kustomize)");
    }
    cache.set(dir, execFileSync("kubectl", ["kustomize", join(K8S_DIR, dir)], {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    }));
  }
  return cache.get(dir);
}

export function parseYamlDocs(text) {
  return parseAllDocuments(text)
    .map((d) => {
      if (d.errors.length) throw new Error(d.errors.map(String).join("\n"));
      return d.toJS();
    })
    .filter((o) => o && typeof o === "object");
}

/** Parsed objects of an overlay (or of base with name "base"). Fresh copies on every call. */
export function render(overlay) {
  const dir = overlay === "base" ? "base" : join("overlays", overlay);
  return parseYamlDocs(renderYaml(dir));
}

export const id = (o) => `${o.kind}/${o.metadata?.namespace ? o.metadata.namespace + "/" : ""}${o.metadata?.name}`;
