// The conventions the services must honour (README "Service contract"), checked on the
// rendered overlays: environment, port, health/metrics paths, images, who may call whom.
import { test } from "node:test";
import assert from "node:assert/strict";
import { OVERLAYS, render } from "./lib/render.mjs";
import { selectorMatches } from "./lib/policy.mjs";
import { SERVICES, SUBGRAPHS, ENV, SECRET_ENV, DB_NAME, CALLERS, CONSOLE, CONSOLE_PORT, CONSOLE_ENV } from "./lib/contract.mjs";

/** Effective environment of a container: name -> { value } | { secret: {name,key} } */
function envOf(objs, container) {
  const env = {};
  for (const ef of container.envFrom ?? []) {
    const cm = objs.find((o) => o.kind === "ConfigMap" && o.metadata.name === ef.configMapRef?.name);
    for (const [k, value] of Object.entries(cm?.data ?? {})) env[k] = { value };
  }
  for (const e of container.env ?? []) {
    env[e.name] = e.valueFrom?.secretKeyRef ? { secret: e.valueFrom.secretKeyRef } : { value: e.value };
  }
  return env;
}

for (const overlay of OVERLAYS) {
  const objs = render(overlay);
  const deployment = (n) => objs.find((o) => o.kind === "Deployment" && o.metadata.name === n);

  for (const svc of SERVICES) {
    test(`contract ${overlay}/${svc}: environment`, () => {
      const c = deployment(svc).spec.template.spec.containers[0];
      const env = envOf(objs, c);
      for (const name of ENV[svc]) assert.ok(env[name], `${name} missing`);
      for (const name of SECRET_ENV.filter((n) => ENV[svc].includes(n))) assert.ok(env[name].secret, `${name} must come from a Secret`);
      assert.equal(env.QUARKUS_HTTP_PORT.value, "8080");
      assert.equal(env.QUARKUS_SHUTDOWN_TIMEOUT.value, "20S");
      assert.match(env.OIDC_AUTH_SERVER_URL.value, /^https?:\/\/[^/]+\/realms\/planning$/);
      assert.match(env.OIDC_TOKEN_ISSUER.value, /^https?:\/\/sso\.[^/]+\/realms\/planning$/);
      if (DB_NAME[svc]) {
        assert.equal(env.DB_NAME.value, DB_NAME[svc]);
        assert.equal(env.DB_PORT.value, "5432");
        assert.equal(env.DB_USER.secret.key, "username");
        assert.equal(env.DB_PASSWORD.secret.key, "password");
        assert.equal(env.DB_USER.secret.name, `${svc}-db`);
      }
      for (const [k, target] of [["ORG_SERVICE_URL", "org-service"], ["PLAN_SERVICE_URL", "plan-service"], ["INDICATOR_SERVICE_URL", "indicator-service"]]) {
        if (env[k]) assert.equal(env[k].value, `http://${target}:8080/graphql`);
      }
      if (svc === "gateway") assert.ok(env.CORS_ORIGINS.value.split(",").every((o) => /^https?:\/\/[^/]+$/.test(o)));
      if (svc === "org-service") {
        assert.match(env.KEYCLOAK_ADMIN_URL.value, /^http:\/\/keycloak(-service)?:8080$/);
      }
      if (svc === "org-service" || svc === "gateway") {
        assert.deepEqual(env.PLANNING_SERVICES_CLIENT_SECRET.secret, { name: "planning-services-client", key: "client-secret" });
      }
      if (overlay === "prod") assert.match(env.OIDC_AUTH_SERVER_URL.value, /^https:/);
    });

    test(`contract ${overlay}/${svc}: port 8080, Quarkus health endpoints, image, /tmp`, () => {
      const d = deployment(svc);
      const c = d.spec.template.spec.containers[0];
      assert.deepEqual(c.ports.map((p) => [p.name, p.containerPort]), [["http", 8080]]);
      assert.equal(c.startupProbe.httpGet.path, "/q/health/started");
      assert.equal(c.readinessProbe.httpGet.path, "/q/health/ready");
      assert.equal(c.livenessProbe.httpGet.path, "/q/health/live");
      assert.equal(d.spec.template.metadata.annotations["prometheus.io/path"], "/q/metrics");
      assert.match(c.image, new RegExp(`(^|/)planning/${svc}:[\\w.-]+(@sha256:[0-9a-f]{64})?$`));
      assert.equal(c.securityContext.runAsUser, 185);
      assert.ok(c.volumeMounts.some((m) => m.mountPath === "/tmp"));
      const svcObj = objs.find((o) => o.kind === "Service" && o.metadata.name === svc);
      assert.deepEqual(svcObj.spec.ports.map((p) => p.port), [8080]);
      assert.ok(selectorMatches({ matchLabels: svcObj.spec.selector }, d.spec.template.metadata.labels));
    });
  }

  for (const svc of SUBGRAPHS) {
    test(`contract ${overlay}/${svc}: only ${CALLERS[svc].join(", ")} (and Prometheus) may call it`, () => {
      const labels = deployment(svc).spec.template.metadata.labels;
      const peers = objs
        .filter((o) => o.kind === "NetworkPolicy" && o.spec.ingress?.length && selectorMatches(o.spec.podSelector, labels))
        .flatMap((np) => np.spec.ingress.flatMap((r) => r.from ?? [{ everyone: true }]));
      assert.ok(!peers.some((p) => p.everyone || (p.namespaceSelector && !p.namespaceSelector.matchLabels?.["kubernetes.io/metadata.name"])), "no open rule");
      const inNamespace = peers.filter((p) => !p.namespaceSelector).map((p) => p.podSelector.matchLabels["app.kubernetes.io/name"]);
      assert.deepEqual([...new Set(inNamespace)].sort(), [...CALLERS[svc]].sort());
      const otherNamespaces = peers.filter((p) => p.namespaceSelector).map((p) => p.namespaceSelector.matchLabels["kubernetes.io/metadata.name"]);
      assert.deepEqual([...new Set(otherNamespaces)], ["monitoring"]);
    });
  }

  test(`contract ${overlay}: only the ingress controller (and Prometheus) reach the gateway`, () => {
    const labels = deployment("gateway").spec.template.metadata.labels;
    const peers = objs
      .filter((o) => o.kind === "NetworkPolicy" && o.spec.ingress?.length && selectorMatches(o.spec.podSelector, labels))
      .flatMap((np) => np.spec.ingress.flatMap((r) => r.from));
    assert.deepEqual(peers.map((p) => p.namespaceSelector?.matchLabels["kubernetes.io/metadata.name"]).sort(), ["ingress-nginx", "monitoring"]);
  });

  test(`contract ${overlay}: only the services owning a database reach PostgreSQL on 5432`, () => {
    const db = overlay === "dev"
      ? objs.find((o) => o.kind === "StatefulSet").spec.template.metadata.labels
      : { "cnpg.io/cluster": "planning-db", "cnpg.io/podRole": "instance" };
    const rules = objs
      .filter((o) => o.kind === "NetworkPolicy" && o.spec.ingress?.length && selectorMatches(o.spec.podSelector, db))
      .flatMap((np) => np.spec.ingress)
      .filter((r) => r.ports.some((p) => p.port === 5432));
    const apps = rules.flatMap((r) => r.from).filter((p) => !p.namespaceSelector).map((p) => p.podSelector.matchLabels["app.kubernetes.io/name"]).filter(Boolean);
    assert.deepEqual(apps.sort(), ["indicator-service", "org-service", "plan-service"]);
    assert.ok(!apps.includes("gateway"));
  });

  test(`contract ${overlay}/console: port ${CONSOLE_PORT}, probes, /api/config settings for the browser`, () => {
    const d = deployment(CONSOLE);
    const c = d.spec.template.spec.containers[0];
    const env = envOf(objs, c);
    for (const name of CONSOLE_ENV) assert.ok(env[name], `${name} missing`);
    assert.deepEqual(c.ports.map((p) => [p.name, p.containerPort]), [["http", CONSOLE_PORT]]);
    assert.equal(env.QUARKUS_HTTP_PORT.value, String(CONSOLE_PORT), "the app listens where the probes and the Service look");
    assert.equal(c.startupProbe.httpGet.path, "/q/health/started");
    assert.equal(c.readinessProbe.httpGet.path, "/q/health/ready");
    assert.equal(c.livenessProbe.httpGet.path, "/q/health/live");
    for (const p of ["startupProbe", "readinessProbe", "livenessProbe"]) assert.equal(c[p].httpGet.port, "http");
    assert.match(c.image, /(^|\/)planning\/console:[\w.-]+(@sha256:[0-9a-f]{64})?$/);
    assert.equal(env.CONSOLE_GRAPHQL_URL.value, "/graphql", "the gateway on the console's own host");
    assert.equal(env.CONSOLE_OIDC_CLIENT_ID.value, "planning-web");
    // the browser must sign in at the issuer the services accept
    const gatewayEnv = envOf(objs, deployment("gateway").spec.template.spec.containers[0]);
    assert.equal(env.CONSOLE_OIDC_ISSUER.value, gatewayEnv.OIDC_TOKEN_ISSUER.value);
    if (overlay === "prod") assert.match(env.CONSOLE_OIDC_ISSUER.value, /^https:/);
    assert.ok(!Object.values(env).some((e) => e.secret), "the console reads no Secret");
    const svcObj = objs.find((o) => o.kind === "Service" && o.metadata.name === CONSOLE);
    assert.deepEqual(svcObj.spec.ports.map((p) => [p.name, p.port]), [["http", CONSOLE_PORT]]);
    assert.ok(selectorMatches({ matchLabels: svcObj.spec.selector }, d.spec.template.metadata.labels));
    const pdb = objs.find((o) => o.kind === "PodDisruptionBudget" && selectorMatches(o.spec.selector, d.spec.template.metadata.labels));
    assert.equal(pdb?.spec.maxUnavailable, 1, "a PDB lets one console pod go at a time");
    const hpa = objs.find((o) => o.kind === "HorizontalPodAutoscaler" && o.spec.scaleTargetRef.name === CONSOLE);
    assert.ok(hpa && hpa.spec.minReplicas === d.spec.replicas);
    if (overlay === "prod") assert.ok(d.spec.replicas >= 2);
  });

  test(`contract ${overlay}/console: only the ingress controller reaches it, and it reaches only DNS`, () => {
    const labels = deployment(CONSOLE).spec.template.metadata.labels;
    const selecting = objs.filter((o) => o.kind === "NetworkPolicy" && selectorMatches(o.spec.podSelector, labels));
    const peers = selecting.flatMap((np) => (np.spec.ingress ?? []).map((r) => ({ r, np })));
    assert.deepEqual(peers.flatMap(({ r }) => r.from ?? [{ everyone: true }]).map((p) => [p.namespaceSelector?.matchLabels?.["kubernetes.io/metadata.name"], p.podSelector?.matchLabels?.["app.kubernetes.io/name"]]),
      [["ingress-nginx", "ingress-nginx"]]);
    assert.deepEqual(peers.flatMap(({ r }) => r.ports).map((p) => p.port), [CONSOLE_PORT]);
    const egressPolicies = selecting.filter((np) => (np.spec.policyTypes ?? []).includes("Egress"));
    assert.ok(egressPolicies.length >= 1, "egress is restricted");
    const egress = egressPolicies.flatMap((np) => np.spec.egress ?? []);
    assert.ok(egress.length >= 1);
    for (const rule of egress) {
      assert.ok(rule.ports?.length && rule.ports.every((p) => p.port === 53 && ["UDP", "TCP"].includes(p.protocol)), "egress only to port 53");
      assert.ok(rule.to?.length && rule.to.every((t) => t.namespaceSelector?.matchLabels?.["kubernetes.io/metadata.name"] === "kube-system" && t.podSelector?.matchLabels?.["k8s-app"] === "kube-dns"), "egress only to kube-dns");
    }
  });
}
