// Monitoring objects (k8s/monitoring, prod): ServiceMonitor, PodMonitors, alerts, Grafana dashboards. Which metric
// names they may use is checked against a live /q/metrics scrape in system-tests (PlatformIT).
import { test } from "node:test";
import assert from "node:assert/strict";
import { render } from "./lib/render.mjs";
import { monitoringProblems } from "./lib/monitoring.mjs";

test("prod: every service is scraped, the alerts exist and the dashboards are valid JSON with queries", () => {
  assert.deepEqual(monitoringProblems(render("prod")), []);
});

test("prod: CloudNativePG's exporter and Keycloak's metrics are scraped", () => {
  const pods = render("prod").filter((o) => o.kind === "PodMonitor");
  assert.ok(pods.some((p) => p.spec.selector.matchLabels?.["cnpg.io/cluster"] === "planning-db"
    && p.spec.podMetricsEndpoints[0].port === "metrics"));
  assert.ok(pods.some((p) => p.spec.selector.matchLabels?.app === "keycloak" && p.spec.podMetricsEndpoints[0].path === "/metrics"));
  const cluster = render("prod").find((o) => o.kind === "Cluster");
  assert.equal(cluster.spec.monitoring?.disableDefaultQueries, false);
  // Keycloak serves /metrics only with this option; the PodMonitor alone would scrape a 404.
  const keycloak = render("prod").find((o) => o.kind === "Keycloak");
  assert.ok(keycloak.spec.additionalOptions?.some((o) => o.name === "metrics-enabled" && o.value === "true"), "Keycloak metrics-enabled");
});

test("dev renders no Prometheus Operator object (a dev cluster need not have its CRDs)", () => {
  assert.deepEqual(render("dev").filter((o) => o.apiVersion.startsWith("monitoring.coreos.com/")), []);
});

// --- the rules can fail ---------------------------------------------------------------------
test("a ServiceMonitor scraping a port the Services do not have is caught", () => {
  const objects = render("prod");
  objects.find((o) => o.kind === "ServiceMonitor").spec.endpoints[0].port = "metrics";
  assert.match(monitoringProblems(objects).join("\n"), /Service gateway is scraped .* by 0/);
});

test("a missing alert and a broken dashboard are caught", () => {
  const objects = render("prod");
  const rule = objects.find((o) => o.kind === "PrometheusRule");
  for (const g of rule.spec.groups) g.rules = g.rules.filter((r) => r.alert !== "CertificateExpiresSoon");
  const cm = objects.find((o) => o.kind === "ConfigMap" && o.metadata.labels?.grafana_dashboard === "1");
  const [file] = Object.keys(cm.data);
  cm.data[file] = cm.data[file].slice(0, -10);
  const problems = monitoringProblems(objects).join("\n");
  assert.match(problems, /no alert CertificateExpiresSoon/);
  assert.match(problems, /not valid JSON/);
});

test("a backup alert on CloudNativePG's in-core backup metrics (0 with the Barman Cloud Plugin) is caught", () => {
  const objects = render("prod");
  const rule = objects.find((o) => o.kind === "PrometheusRule");
  const failed = rule.spec.groups.flatMap((g) => g.rules).find((r) => r.alert === "DatabaseBackupFailed");
  failed.expr = "cnpg_collector_last_failed_backup_timestamp > cnpg_collector_last_available_backup_timestamp";
  assert.match(monitoringProblems(objects).join("\n"), /alert DatabaseBackupFailed reads CloudNativePG's in-core backup metrics/);
});

test("every overlay tells the services where to export traces and which share of requests", () => {
  for (const overlay of ["dev", "prod"]) {
    const common = render(overlay).find((o) => o.kind === "ConfigMap" && o.metadata.name.startsWith("planning-common"));
    assert.match(common.data.OTEL_EXPORTER_OTLP_ENDPOINT ?? "", /^https?:\/\/[^/]+:\d+$/, overlay);
    const share = Number(common.data.OTEL_TRACES_SAMPLER_ARG);
    assert.ok(share >= 0 && share <= 1, `${overlay}: OTEL_TRACES_SAMPLER_ARG=${common.data.OTEL_TRACES_SAMPLER_ARG}`);
  }
});
