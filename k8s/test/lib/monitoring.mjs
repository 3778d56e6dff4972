// What the monitoring objects must do, as a function of the rendered objects, so the negative tests can feed it
// broken copies: every metrics-exporting service is scraped on a port its Service has, the alerts ops rely on
// exist, and every dashboard is valid JSON whose panels have queries.

export const SCRAPED_SERVICES = ["gateway", "org-service", "plan-service", "indicator-service"];
export const REQUIRED_ALERTS = [
  "GatewayHigh5xxRate", "SubgraphDown", "GatewayP99OverBudget", "DatabasePoolExhausted", "DatabaseConnectionsNearMax",
  "CertificateExpiresSoon", "DatabaseBackupFailed", "DatabaseBackupMissing",
];
/**
 * CloudNativePG's in-core backup metrics, which stay 0 when backups go through a plugin (Barman Cloud Plugin
 * "Observability": superseded by barman_cloud_cloudnative_pg_io_*): an alert on them never fires, or always.
 */
const IN_CORE_BACKUP_METRICS = /\bcnpg_collector_(last_available_backup_timestamp|last_failed_backup_timestamp|first_recoverability_point)\b/;
const BARMAN_PLUGIN = "barman-cloud.cloudnative-pg.io";

const selects = (selector, labels) =>
  Object.entries(selector.matchLabels ?? {}).every(([k, v]) => labels[k] === v) &&
  (selector.matchExpressions ?? []).every((e) =>
    e.operator === "In" ? e.values.includes(labels[e.key])
      : e.operator === "NotIn" ? !e.values.includes(labels[e.key])
        : e.operator === "Exists" ? e.key in labels : !(e.key in labels));

export function monitoringProblems(objects) {
  const problems = [];
  const monitors = objects.filter((o) => o.kind === "ServiceMonitor");
  for (const name of SCRAPED_SERVICES) {
    const service = objects.find((o) => o.kind === "Service" && o.metadata.name === name);
    if (!service) {
      problems.push(`Service ${name} is not rendered`);
      continue;
    }
    const ports = service.spec.ports.map((p) => p.name);
    const scraping = monitors.filter((m) => selects(m.spec.selector, service.metadata.labels ?? {})
      && m.spec.endpoints.some((e) => ports.includes(e.port) && e.path === "/q/metrics"));
    if (scraping.length !== 1) {
      problems.push(`Service ${name} is scraped at /q/metrics on one of its ports by ${scraping.length} ServiceMonitors, not 1`);
    }
  }
  const alerts = objects.filter((o) => o.kind === "PrometheusRule")
    .flatMap((r) => r.spec.groups.flatMap((g) => g.rules ?? [])).filter((r) => r.alert);
  for (const name of REQUIRED_ALERTS) {
    if (!alerts.some((a) => a.alert === name)) problems.push(`no alert ${name}`);
  }
  for (const a of alerts) {
    if (!a.labels?.severity || !a.annotations?.summary) problems.push(`alert ${a.alert} lacks a severity or a summary`);
  }
  const pluginBackups = objects.some((o) => o.kind === "Cluster" && (o.spec.plugins ?? []).some((p) => p.name === BARMAN_PLUGIN));
  for (const a of pluginBackups ? alerts : []) {
    if (IN_CORE_BACKUP_METRICS.test(String(a.expr))) {
      problems.push(`alert ${a.alert} reads CloudNativePG's in-core backup metrics, which stay 0 with the Barman Cloud Plugin (use barman_cloud_cloudnative_pg_io_*)`);
    }
  }
  const dashboards = objects.filter((o) => o.kind === "ConfigMap" && o.metadata.labels?.grafana_dashboard === "1");
  if (dashboards.length === 0) problems.push("no ConfigMap labelled grafana_dashboard=1");
  for (const cm of dashboards) {
    for (const [file, text] of Object.entries(cm.data ?? {})) {
      let dashboard;
      try {
        dashboard = JSON.parse(text);
      } catch (e) {
        problems.push(`${file} is not valid JSON: ${e.message}`);
        continue;
      }
      if (!dashboard.uid || !dashboard.title || !(dashboard.panels?.length > 0)) problems.push(`${file} lacks uid, title or panels`);
      for (const panel of dashboard.panels ?? []) {
        if (!(panel.targets?.length > 0) || panel.targets.some((t) => !t.expr)) problems.push(`${file}: panel "${panel.title}" has no query`);
      }
    }
  }
  return problems;
}

/** Every PromQL expression of the dashboards and alerts, for the system test that checks their metric names. */
export function monitoringExpressions(objects) {
  const exprs = objects.filter((o) => o.kind === "PrometheusRule")
    .flatMap((r) => r.spec.groups.flatMap((g) => g.rules ?? [])).map((r) => String(r.expr));
  for (const cm of objects.filter((o) => o.kind === "ConfigMap" && o.metadata.labels?.grafana_dashboard === "1")) {
    for (const text of Object.values(cm.data ?? {})) {
      const dashboard = JSON.parse(text);
      exprs.push(...(dashboard.panels ?? []).flatMap((p) => p.targets ?? []).map((t) => t.expr));
      exprs.push(...(dashboard.templating?.list ?? []).filter((v) => v.type === "query").map((v) => String(v.query)));
    }
  }
  return exprs;
}
