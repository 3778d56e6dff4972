import { readFileSync } from "node:fs";

// What the manifests promise and what the services must honour; the tests hold the
// rendered overlays to it, and README "Service contract" documents it.

// The repository's table of services (services.properties, which ./platform and dev-postgres read too): the
// services, their databases, the console's port.
const TABLE = Object.fromEntries(readFileSync(new URL("../../../services.properties", import.meta.url), "utf8").split("\n")
  .filter((line) => !line.startsWith("#") && line.includes("="))
  .map((line) => [line.slice(0, line.indexOf("=")).trim(), line.slice(line.indexOf("=") + 1).trim()]));
const TABLE_SERVICES = Object.keys(TABLE).filter((k) => k.endsWith(".port")).map((k) => k.slice(0, -".port".length));

export const SERVICES = TABLE_SERVICES.filter((s) => s !== "console");
export const SUBGRAPHS = TABLE_SERVICES.filter((s) => TABLE[`${s}.database`]);
export const DB_NAME = Object.fromEntries(SUBGRAPHS.map((s) => [s, TABLE[`${s}.database`]]));

// environment every service container must receive (from ConfigMaps or Secrets)
export const COMMON_ENV = ["QUARKUS_HTTP_PORT", "QUARKUS_SHUTDOWN_TIMEOUT", "OIDC_AUTH_SERVER_URL", "OIDC_TOKEN_ISSUER"];
export const ENV = {
  gateway: [...COMMON_ENV, "ORG_SERVICE_URL", "PLAN_SERVICE_URL", "INDICATOR_SERVICE_URL", "CORS_ORIGINS", "PLANNING_SERVICES_CLIENT_SECRET"],
  "org-service": [...COMMON_ENV, "DB_HOST", "DB_PORT", "DB_NAME", "DB_USER", "DB_PASSWORD", "KEYCLOAK_ADMIN_URL", "PLANNING_SERVICES_CLIENT_SECRET"],
  "plan-service": [...COMMON_ENV, "DB_HOST", "DB_PORT", "DB_NAME", "DB_USER", "DB_PASSWORD", "ORG_SERVICE_URL", "INDICATOR_SERVICE_URL",
    "PLANNING_SERVICES_CLIENT_SECRET", "QUARKUS_MAILER_HOST", "QUARKUS_MAILER_PORT", "QUARKUS_MAILER_USERNAME", "QUARKUS_MAILER_PASSWORD"],
  "indicator-service": [...COMMON_ENV, "DB_HOST", "DB_PORT", "DB_NAME", "DB_USER", "DB_PASSWORD", "ORG_SERVICE_URL", "PLAN_SERVICE_URL"],
};
// the staff web app: its own port, and what GET /api/config tells the browser
export const CONSOLE = "console";
export const CONSOLE_PORT = Number(TABLE["console.port"]);
export const CONSOLE_ENV = ["QUARKUS_HTTP_PORT", "QUARKUS_SHUTDOWN_TIMEOUT", "CONSOLE_GRAPHQL_URL", "CONSOLE_OIDC_ISSUER", "CONSOLE_OIDC_CLIENT_ID"];
// paths of the one public host -> Service
export const INGRESS_PATHS = [["/graphql", "gateway"], ["/ledger", "gateway"], ["/", "console"]];

// environment that must come from a Secret, never from a ConfigMap
export const SECRET_ENV = ["DB_USER", "DB_PASSWORD", "PLANNING_SERVICES_CLIENT_SECRET", "QUARKUS_MAILER_USERNAME", "QUARKUS_MAILER_PASSWORD"];

// who may call whom on port 8080 (besides the ingress controller -> gateway)
export const CALLERS = {
  "org-service": ["gateway", "plan-service", "indicator-service"],
  "plan-service": ["gateway", "indicator-service"],
  "indicator-service": ["gateway", "plan-service"],
};

// Secrets the prod overlay expects to exist, created out of band (README "Secrets")
export const PROD_EXTERNAL_SECRETS = [
  "org-service-db",
  "plan-service-db",
  "indicator-service-db",
  "keycloak-db",
  "planning-services-client",
  "plan-service-smtp",
  "keycloak-bootstrap-admin",
  "planning-backup-s3",
  "gov-idp-client",
  "gov-ldap",
];
