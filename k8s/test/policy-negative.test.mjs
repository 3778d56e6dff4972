// The policy checks can fail: deliberately broken copies of the rendered manifests must
// produce the expected violations.
import { test } from "node:test";
import assert from "node:assert/strict";
import { render } from "./lib/render.mjs";
import {
  probesRule, resourcesRule, securityContextRule, pdbRule, networkPolicyRule, secretsRule,
  rolloutRule, hpaRule, referencesRule, checkAll, selectorMatches, WRITABLE_ROOT_FS_ANNOTATION,
} from "./lib/policy.mjs";
import { PROD_EXTERNAL_SECRETS } from "./lib/contract.mjs";

const dev = () => render("dev");
const prod = () => render("prod");
const find = (objs, kind, name) => objs.find((o) => o.kind === kind && o.metadata.name === name);
const messages = (vs) => vs.map((v) => `${v.object}: ${v.message}`);

test("broken copy: a Deployment without probes is reported", () => {
  const objs = dev();
  const c = find(objs, "Deployment", "plan-service").spec.template.spec.containers[0];
  delete c.startupProbe;
  delete c.livenessProbe;
  assert.deepEqual(messages(probesRule(objs)), [
    "Deployment/plan-service: container plan-service has no startupProbe",
    "Deployment/plan-service: container plan-service has no livenessProbe",
  ]);
});

test("a bare manifest without probes, resources or security context violates several rules", () => {
  const bare = {
    apiVersion: "apps/v1", kind: "Deployment",
    metadata: { name: "bare", namespace: "x" },
    spec: { selector: { matchLabels: { app: "bare" } }, template: { metadata: { labels: { app: "bare" } }, spec: { containers: [{ name: "bare", image: "nginx" }] } } },
  };
  const rules = new Set(checkAll([bare]).map((v) => v.rule));
  for (const r of ["probes", "resources", "securityContext", "pdb", "networkPolicy"]) assert.ok(rules.has(r), `expected a ${r} violation`);
});

test("broken copy: missing memory limit and an init container without resources are reported", () => {
  const objs = dev();
  const spec = find(objs, "Deployment", "gateway").spec.template.spec;
  delete spec.containers[0].resources.limits.memory;
  spec.initContainers = [{ name: "wait", image: "busybox" }];
  const m = messages(resourcesRule(objs));
  assert.ok(m.includes("Deployment/gateway: container gateway has no limits.memory"), m.join("\n"));
  assert.ok(m.includes("Deployment/gateway: container wait has no requests.cpu"), m.join("\n"));
});

test("broken copy: Keycloak CR without resources is reported", () => {
  const objs = prod();
  delete find(objs, "Keycloak", "keycloak").spec.resources;
  assert.equal(resourcesRule(objs).length, 4);
});

test("broken copy: root user, privilege escalation, writable root fs are reported", () => {
  const objs = dev();
  const d = find(objs, "Deployment", "org-service");
  d.spec.template.spec.securityContext.runAsUser = 0;
  delete d.spec.template.spec.containers[0].securityContext.runAsUser;
  d.spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation = true;
  d.spec.template.spec.containers[0].securityContext.readOnlyRootFilesystem = false;
  const m = messages(securityContextRule(objs)).join("\n");
  assert.match(m, /org-service: container org-service: runAsUser is 0/);
  assert.match(m, /allowPrivilegeEscalation is not false/);
  assert.match(m, /readOnlyRootFilesystem is not true/);
});

test("the writable-root-fs exception needs its annotation", () => {
  const objs = dev();
  const kc = find(objs, "Deployment", "keycloak");
  assert.deepEqual(securityContextRule(objs), []);
  delete kc.spec.template.metadata.annotations[WRITABLE_ROOT_FS_ANNOTATION];
  assert.match(messages(securityContextRule(objs)).join(), /Deployment\/keycloak: container keycloak: readOnlyRootFilesystem/);
});

test("broken copy: a Deployment whose PDB is gone is reported", () => {
  const objs = dev().filter((o) => !(o.kind === "PodDisruptionBudget" && o.metadata.name === "indicator-service"));
  assert.deepEqual(messages(pdbRule(objs)), ["Deployment/indicator-service: no PodDisruptionBudget selects its pods"]);
});

test("broken copy: a PDB in another namespace or with a wrong selector does not count", () => {
  const objs = prod();
  find(objs, "PodDisruptionBudget", "keycloak").spec.selector.matchLabels.app = "keycloak-x";
  find(objs, "PodDisruptionBudget", "gateway").metadata.namespace = "elsewhere";
  assert.deepEqual(messages(pdbRule(objs)).sort(), [
    "Deployment/gateway: no PodDisruptionBudget selects its pods",
    "Keycloak/keycloak: no PodDisruptionBudget selects the Keycloak pods",
  ]);
});

test("broken copy: pods not covered by an allowing NetworkPolicy, and no default deny", () => {
  const objs = prod().filter((o) => !(o.kind === "NetworkPolicy" && ["plan-service-from-callers", "services-from-prometheus", "planning-db-access", "default-deny-ingress"].includes(o.metadata.name)));
  assert.deepEqual(messages(networkPolicyRule(objs)).sort(), [
    "Cluster/planning-db: its pods are selected by no NetworkPolicy that allows ingress",
    "Deployment/plan-service: its pods are selected by no NetworkPolicy that allows ingress",
    "Namespace/planning: no default-deny ingress NetworkPolicy",
  ]);
});

test("broken copy: a Secret with a real-looking value is reported (data and stringData)", () => {
  const objs = dev();
  find(objs, "Secret", "org-service-db").stringData.password = "S3cr3t-Passw0rd!";
  objs.push({ apiVersion: "v1", kind: "Secret", metadata: { name: "leak" }, data: { token: Buffer.from("ghp_abcdef123456").toString("base64"), ok: Buffer.from("CHANGE_ME").toString("base64") } });
  find(objs, "Secret", "plan-service-db").stringData.username = "plan service; DROP";
  assert.deepEqual(messages(secretsRule(objs)).sort(), [
    "Secret/leak: key token holds a value that is not a CHANGE_ME placeholder",
    "Secret/org-service-db: key password holds a value that is not a CHANGE_ME placeholder",
    "Secret/plan-service-db: key username is not a plain user name",
  ]);
});

test("broken copy: maxUnavailable 1, no preStop, short grace period are reported", () => {
  const objs = dev();
  const d = find(objs, "Deployment", "gateway");
  d.spec.strategy.rollingUpdate.maxUnavailable = 1;
  d.spec.template.spec.terminationGracePeriodSeconds = 5;
  delete d.spec.template.spec.containers[0].lifecycle;
  assert.deepEqual(messages(rolloutRule(objs)), [
    "Deployment/gateway: rollingUpdate.maxUnavailable is not 0",
    "Deployment/gateway: terminationGracePeriodSeconds < 30",
    "Deployment/gateway: container gateway has no preStop hook",
  ]);
});

test("broken copy: the console without its PDB, probes, HPA or NetworkPolicy is reported", () => {
  const objs = prod().filter((o) => !(["PodDisruptionBudget", "HorizontalPodAutoscaler"].includes(o.kind) && o.metadata.name === "console")
    && !(o.kind === "NetworkPolicy" && o.metadata.name === "console-from-ingress-controller"));
  delete find(objs, "Deployment", "console").spec.template.spec.containers[0].readinessProbe;
  const m = messages(checkAll(objs, { externalSecrets: PROD_EXTERNAL_SECRETS })).sort();
  assert.deepEqual(m, [
    "Deployment/console: container console has no readinessProbe",
    "Deployment/console: container console has no readinessProbe to gate traffic",
    "Deployment/console: its pods are selected by no NetworkPolicy that allows ingress",
    "Deployment/console: no HorizontalPodAutoscaler targets it",
    "Deployment/console: no PodDisruptionBudget selects its pods",
  ]);
});

test("broken copy: a subgraph without HPA is reported", () => {
  const objs = prod().filter((o) => !(o.kind === "HorizontalPodAutoscaler" && o.metadata.name === "plan-service"));
  assert.deepEqual(messages(hpaRule(objs)), ["Deployment/plan-service: no HorizontalPodAutoscaler targets it"]);
});

test("broken copy: an undocumented Secret reference is reported", () => {
  const objs = prod();
  find(objs, "Keycloak", "keycloak").spec.db.passwordSecret.name = "kc-db-typo";
  assert.deepEqual(messages(referencesRule(objs, { externalSecrets: PROD_EXTERNAL_SECRETS })), [
    "Keycloak/keycloak: Secret kc-db-typo is referenced but neither rendered nor documented as created out of band",
  ]);
});

test("label selector semantics", () => {
  assert.ok(selectorMatches({ matchLabels: { a: "1" } }, { a: "1", b: "2" }));
  assert.ok(!selectorMatches({ matchLabels: { a: "1" } }, { a: "2" }));
  assert.ok(selectorMatches({}, { a: "1" }));
  assert.ok(selectorMatches({ matchExpressions: [{ key: "a", operator: "In", values: ["1", "3"] }] }, { a: "3" }));
  assert.ok(!selectorMatches({ matchExpressions: [{ key: "a", operator: "NotIn", values: ["1"] }] }, { a: "1" }));
  assert.ok(!selectorMatches({ matchExpressions: [{ key: "a", operator: "Exists" }] }, {}));
});
