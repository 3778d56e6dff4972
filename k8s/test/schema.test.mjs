// (2) every rendered object is valid against the published schemas vendored in k8s/schemas/:
// Kubernetes 1.29's OpenAPI definitions for built-in kinds, the operators' CRDs for custom resources.
import { test } from "node:test";
import assert from "node:assert/strict";
import { OVERLAYS, render, id } from "./lib/render.mjs";
import { validateObject, schemaSource } from "./lib/validate.mjs";

for (const name of OVERLAYS) {
  for (const obj of render(name)) {
    test(`schema ${name}: ${obj.apiVersion} ${id(obj)}`, () => {
      const errors = validateObject(obj);
      assert.deepEqual(errors, [], errors.join("\n"));
    });
  }
}

test("built-in kinds are checked against Kubernetes 1.29, custom resources against the operators' CRDs", () => {
  const sources = Object.fromEntries(render("prod").map((o) => [o.kind, schemaSource(o.apiVersion, o.kind)]));
  assert.deepEqual(sources, {
    Namespace: "Kubernetes 1.29", ConfigMap: "Kubernetes 1.29", Service: "Kubernetes 1.29", Deployment: "Kubernetes 1.29", HorizontalPodAutoscaler: "Kubernetes 1.29", Ingress: "Kubernetes 1.29",
    NetworkPolicy: "Kubernetes 1.29", PodDisruptionBudget: "Kubernetes 1.29",
    Cluster: "cloudnative-pg-1.30.0", Database: "cloudnative-pg-1.30.0", ScheduledBackup: "cloudnative-pg-1.30.0",
    ObjectStore: "plugin-barman-cloud-0.14.0",
    Keycloak: "keycloak-operator-26.0.0", KeycloakRealmImport: "keycloak-operator-26.0.0",
    ServiceMonitor: "prometheus-operator-0.93.0", PodMonitor: "prometheus-operator-0.93.0", PrometheusRule: "prometheus-operator-0.93.0",
  });
});

// --- the validator itself can fail ------------------------------------------------------------
const deployment = () => render("prod").find((o) => o.kind === "Deployment" && o.metadata.name === "gateway");

test("a misspelt container field (imagePullPolicyy) fails", () => {
  const d = deployment();
  d.spec.template.spec.containers[0].imagePullPolicyy = "Always";
  assert.deepEqual(validateObject(d), [
    "/spec/template/spec/containers/0 must NOT have additional properties (imagePullPolicyy)",
  ]);
});

test('maxSurge: "one" fails (the API server takes a number or a percentage)', () => {
  const d = deployment();
  d.spec.strategy.rollingUpdate.maxSurge = "one";
  assert.match(validateObject(d).join("\n"), /\/spec\/strategy\/rollingUpdate\/maxSurge must match pattern/);
  d.spec.strategy.rollingUpdate.maxSurge = "25%";
  assert.deepEqual(validateObject(d), []);
});

test("a PDB's minAvailable in words and a named probe port in capitals fail", () => {
  const pdb = render("prod").find((o) => o.kind === "PodDisruptionBudget");
  pdb.spec.minAvailable = "half";
  assert.match(validateObject(pdb).join("\n"), /minAvailable/);
  const d = deployment();
  d.spec.template.spec.containers[0].livenessProbe.httpGet.port = "HTTP";
  assert.match(validateObject(d).join("\n"), /livenessProbe\/httpGet\/port/);
});

test("a wrongly typed field, a bad quantity and a misspelt metadata field fail", () => {
  const d = deployment();
  d.spec.replicas = "two";
  d.spec.template.spec.containers[0].resources.limits.memory = "512 megabytes";
  d.metadata.label = { app: "gateway" };
  const errors = validateObject(d).join("\n");
  assert.match(errors, /\/spec\/replicas must be integer/);
  assert.match(errors, /resources\/limits\/memory/);
  assert.match(errors, /\/metadata must NOT have additional properties \(label\)/);
});

test("an unknown kind fails", () => {
  assert.match(validateObject({ apiVersion: "example.org/v1", kind: "Widget", metadata: { name: "x" } }).join(), /no schema/);
});

test("CRD validation: a Database without owner, a Cluster with a misspelt field, a ServiceMonitor endpoint typo", () => {
  const prod = render("prod");
  const db = prod.find((o) => o.kind === "Database");
  delete db.spec.owner;
  assert.match(validateObject(db).join("\n"), /must have required property 'owner'/);
  const cluster = prod.find((o) => o.kind === "Cluster");
  cluster.spec.instance = cluster.spec.instances;
  delete cluster.spec.instances;
  assert.match(validateObject(cluster).join("\n"), /\/spec must NOT have additional properties \(instance\)/);
  const sm = prod.find((o) => o.kind === "ServiceMonitor");
  sm.spec.endpoints[0].intervall = "30s";
  assert.match(validateObject(sm).join("\n"), /intervall/);
});

test("CRD validation: a KeycloakRealmImport without keycloakCRName and a misspelt realm field fail", () => {
  const ri = render("prod").find((o) => o.kind === "KeycloakRealmImport");
  delete ri.spec.keycloakCRName;
  ri.spec.realm.enabledd = true;
  const errors = validateObject(ri).join("\n");
  assert.match(errors, /keycloakCRName/);
  assert.match(errors, /\/spec\/realm must NOT have additional properties \(enabledd\)/);
});
