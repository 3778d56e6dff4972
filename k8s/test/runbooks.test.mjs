// The manifests k8s/README.md's runbooks apply by hand (`cat <<EOF | kubectl apply -f -`): valid against the same
// published schemas as the rendered ones, and naming the objects the prod overlay really has, so a restore at 3 a.m.
// does not fail on a typo or restore from a store or server that does not exist.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { K8S_DIR, parseYamlDocs, render } from "./lib/render.mjs";
import { validateObject } from "./lib/validate.mjs";

/** Every here-document piped into `kubectl apply`, with the shell variables the runbook sets filled in. */
function runbookManifests(readme) {
  const vars = { NS: "planning", T: "2026-03-01 08:00:00+08" };
  return [...readme.matchAll(/cat <<EOF \| kubectl apply -f -\n([\s\S]*?)\nEOF\n/g)]
    .flatMap(([, body]) => parseYamlDocs(body.replace(/\$(\w+)/g, (whole, name) => vars[name] ?? whole)));
}

const manifests = () => runbookManifests(readFileSync(join(K8S_DIR, "README.md"), "utf8"));

test("the README's runbooks apply manifests, each valid against the published schemas", () => {
  const objects = manifests();
  assert.ok(objects.length > 0, "no `cat <<EOF | kubectl apply -f -` in k8s/README.md");
  for (const o of objects) assert.deepEqual(validateObject(o), [], `${o.kind}/${o.metadata?.name}`);
});

test("the point-in-time restore reads the prod cluster's backups with its image", () => {
  const prod = render("prod");
  const cluster = prod.find((o) => o.kind === "Cluster");
  const store = prod.find((o) => o.kind === "ObjectStore");
  const scratch = manifests().find((o) => o.kind === "Cluster" && o.spec.bootstrap?.recovery);
  assert.ok(scratch, "the restore runbook bootstraps a Cluster by recovery");
  assert.equal(scratch.metadata.namespace, cluster.metadata.namespace);
  assert.equal(scratch.spec.imageName, cluster.spec.imageName, "restore with the PostgreSQL image the cluster runs");
  const source = scratch.spec.externalClusters.find((e) => e.name === scratch.spec.bootstrap.recovery.source);
  assert.deepEqual(source.plugin.parameters, { barmanObjectName: store.metadata.name, serverName: cluster.metadata.name });
  assert.equal(source.plugin.name, cluster.spec.plugins[0].name);
});

test("a misspelt field in a runbook manifest is caught", () => {
  const broken = runbookManifests("cat <<EOF | kubectl apply -f -\napiVersion: postgresql.cnpg.io/v1\nkind: Cluster\n"
    + "metadata: { name: x, namespace: $NS }\nspec:\n  instances: 1\n  storage: { size: 1Gi }\n  bootstrap:\n"
    + "    recovery: { source: origin, recoveryTarget: { targetTme: \"$T\" } }\nEOF\n");
  assert.equal(broken.length, 1);
  assert.match(validateObject(broken[0]).join("\n"), /targetTme/);
});
