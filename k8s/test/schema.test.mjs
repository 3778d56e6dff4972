// (2) every rendered object is valid against the Kubernetes API schemas (kubernetes-models)
// or, for custom resources, against the CRD schemas (crd-schemas.mjs; plus the published CRDs
// when CRD_SCHEMA_DIR is set).
import { test } from "node:test";
import assert from "node:assert/strict";
import { OVERLAYS, render, id } from "./lib/render.mjs";
import { validateObject, fullCrdValidators } from "./lib/validate.mjs";

for (const name of OVERLAYS) {
  for (const obj of render(name)) {
    test(`schema ${name}: ${obj.apiVersion} ${id(obj)}`, async () => {
      const errors = await validateObject(obj);
      assert.deepEqual(errors, [], errors.join("\n"));
    });
  }
}

test("published CRDs in CRD_SCHEMA_DIR were used", { skip: !process.env.CRD_SCHEMA_DIR && "CRD_SCHEMA_DIR not set" }, () => {
  assert.ok(fullCrdValidators().size > 0, "no CRD found in CRD_SCHEMA_DIR");
});

// --- the validator itself can fail ------------------------------------------------------------
const base = () => render("dev");

test("schema validation rejects a Deployment with a wrongly typed field", async () => {
  const d = base().find((o) => o.kind === "Deployment");
  d.spec.replicas = "two";
  assert.match((await validateObject(d)).join("\n"), /replicas/);
});

test("schema validation rejects a container port that is not a number", async () => {
  const d = base().find((o) => o.kind === "Deployment");
  d.spec.template.spec.containers[0].ports[0].containerPort = "http";
  assert.notDeepEqual(await validateObject(d), []);
});

test("schema validation rejects an unknown kind", async () => {
  assert.match((await validateObject({ apiVersion: "example.org/v1", kind: "Widget", metadata: { name: "x" } })).join(), /no schema/);
});

test("CRD validation rejects a Database without owner and a Cluster with a misspelt field", async () => {
  const prod = render("prod");
  const db = prod.find((o) => o.kind === "Database");
  delete db.spec.owner;
  assert.match((await validateObject(db)).join("\n"), /owner/);
  const cluster = prod.find((o) => o.kind === "Cluster");
  cluster.spec.instance = cluster.spec.instances;
  delete cluster.spec.instances;
  const errors = (await validateObject(cluster)).join("\n");
  assert.match(errors, /instances/);
  assert.match(errors, /instance\b/);
});

test("CRD validation rejects a KeycloakRealmImport without keycloakCRName and a bad proxy header mode", async () => {
  const prod = render("prod");
  const ri = prod.find((o) => o.kind === "KeycloakRealmImport");
  delete ri.spec.keycloakCRName;
  assert.match((await validateObject(ri)).join("\n"), /keycloakCRName/);
  const kc = prod.find((o) => o.kind === "Keycloak");
  kc.spec.proxy.headers = "x-forwarded";
  assert.notDeepEqual(await validateObject(kc), []);
});
