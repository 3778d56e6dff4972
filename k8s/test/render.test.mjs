// (1) every kustomization renders
import { test } from "node:test";
import assert from "node:assert/strict";
import { OVERLAYS, render, kubectlAvailable, id } from "./lib/render.mjs";
import { DB_NAME, INGRESS_PATHS } from "./lib/contract.mjs";

const kinds = (objs) => objs.map((o) => `${o.kind}/${o.metadata.name}`);

test("kubectl (with kustomize) is on PATH", () => {
  assert.ok(kubectlAvailable(), "kubectl not found: install kubectl >= 1.27, it bundles kustomize");
});

test("there are a dev and a prod overlay", () => {
  assert.deepEqual(OVERLAYS, ["dev", "prod"]);
});

for (const name of ["base", ...OVERLAYS]) {
  test(`${name} renders with kubectl kustomize`, () => {
    const objs = render(name);
    assert.ok(objs.length > 10, `only ${objs.length} objects`);
    const ids = objs.map(id);
    assert.equal(new Set(ids).size, ids.length, "duplicate objects");
  });
}

test("every overlay object is namespaced into the overlay's namespace", () => {
  for (const name of OVERLAYS) {
    const objs = render(name);
    const ns = objs.find((o) => o.kind === "Namespace").metadata.name;
    for (const o of objs.filter((o) => o.kind !== "Namespace")) assert.equal(o.metadata.namespace, ns, `${name}: ${id(o)}`);
  }
});

test("dev runs PostgreSQL as a StatefulSet and Keycloak in dev mode", () => {
  const objs = render("dev");
  const pg = objs.find((o) => o.kind === "StatefulSet" && o.metadata.name === "postgres");
  assert.equal(pg.spec.replicas, 1);
  assert.equal(pg.spec.template.spec.containers[0].image, "postgres:17");
  const kc = objs.find((o) => o.kind === "Deployment" && o.metadata.name === "keycloak");
  const c = kc.spec.template.spec.containers[0];
  assert.equal(c.image, "quay.io/keycloak/keycloak:26.7.3");
  assert.deepEqual(c.args, ["start-dev", "--import-realm"]);
  const realmVolume = kc.spec.template.spec.volumes.find((v) => v.name === "realm");
  const cm = objs.find((o) => o.kind === "ConfigMap" && o.metadata.name === realmVolume.configMap.name);
  assert.ok(cm.data["planning-realm.json"], "realm ConfigMap holds planning-realm.json");
  assert.ok(Buffer.byteLength(JSON.stringify(cm)) < 900 * 1024, "realm ConfigMap close to the 1 MiB limit");
  const init = objs.find((o) => o.kind === "ConfigMap" && o.metadata.name.startsWith("postgres-init"));
  const script = init.data["10-create-databases.sh"];
  for (const db of Object.values(DB_NAME)) assert.match(script, new RegExp(`\\b${db}\\b`));
  for (const d of objs.filter((o) => o.kind === "Deployment")) assert.equal(d.spec.replicas, 1, `${id(d)} replicas`);
});

test("prod uses CloudNativePG, the Keycloak Operator, TLS, and ships no Secret", () => {
  const objs = render("prod");
  assert.deepEqual(objs.filter((o) => o.kind === "Secret").map(id), [], "prod must not carry Secrets");
  assert.deepEqual(objs.filter((o) => o.kind === "StatefulSet").map(id), []);
  const cluster = objs.find((o) => o.kind === "Cluster");
  assert.equal(cluster.apiVersion, "postgresql.cnpg.io/v1");
  assert.ok(cluster.spec.instances >= 2);
  const dbs = objs.filter((o) => o.kind === "Database" && o.apiVersion === "postgresql.cnpg.io/v1");
  assert.deepEqual(dbs.map((d) => d.spec.name).sort(), Object.values(DB_NAME).sort());
  for (const d of dbs) {
    assert.equal(d.spec.cluster.name, cluster.metadata.name);
    assert.ok(cluster.spec.managed.roles.some((r) => r.name === d.spec.owner && r.login), `role ${d.spec.owner} managed`);
  }
  assert.ok(objs.some((o) => o.kind === "Keycloak" && o.apiVersion === "k8s.keycloak.org/v2alpha1"));
  assert.ok(objs.some((o) => o.kind === "KeycloakRealmImport" && o.apiVersion === "k8s.keycloak.org/v2alpha1"));
  for (const ing of objs.filter((o) => o.kind === "Ingress")) {
    assert.ok(ing.metadata.annotations?.["cert-manager.io/cluster-issuer"], `${id(ing)} cert-manager annotation`);
    const hosts = ing.spec.rules.map((r) => r.host);
    assert.ok(hosts.every((h) => ing.spec.tls?.some((t) => t.hosts.includes(h) && t.secretName)), `${id(ing)} TLS for every host`);
  }
  assert.ok(objs.some((o) => o.kind === "Deployment" && o.metadata.name === "console"), "the console is deployed");
  for (const d of objs.filter((o) => o.kind === "Deployment")) {
    assert.ok(d.spec.replicas >= 2, `${id(d)} has several replicas`);
    // a release tag for people, the digest of the pushed image for the kubelet (tools/pin-images.mjs)
    for (const c of d.spec.template.spec.containers) assert.match(c.image, /^[^@]+:(?!latest@)[^:@]+@sha256:[0-9a-f]{64}$/, `${id(d)} pins its image by tag and digest`);
  }
});

test("ingress: one host, / to the console, /graphql and /ledger to the gateway; Keycloak has its own host", () => {
  for (const name of OVERLAYS) {
    const objs = render(name);
    const ings = objs.filter((o) => o.kind === "Ingress");
    const api = ings.find((i) => i.metadata.name === "planning-api");
    assert.equal(api.spec.rules.length, 1, "one host for the app and its API");
    const p = api.spec.rules[0].http.paths;
    assert.deepEqual(p.map((x) => [x.path, x.pathType, x.backend.service.name]), INGRESS_PATHS.map(([path, svc]) => [path, "Prefix", svc]));
    for (const x of p) {
      const svc = objs.find((o) => o.kind === "Service" && o.metadata.name === x.backend.service.name);
      assert.ok(svc.spec.ports.some((port) => port.name === x.backend.service.port.name), `${x.path}: Service ${svc.metadata.name} has port ${x.backend.service.port.name}`);
    }
    const sso = ings.filter((i) => i.metadata.name.startsWith("keycloak"));
    assert.ok(sso.length >= 1);
    for (const i of sso) {
      assert.match(i.spec.rules[0].host, /^sso\./);
      assert.notEqual(i.spec.rules[0].host, api.spec.rules[0].host);
    }
  }
});
