// The dev overlay's realm is a byte-identical copy of keycloak/planning-realm.json and the
// prod KeycloakRealmImport is generated from it (k8s/sync-realm); prod has no demo users and
// no direct access grants.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { K8S_DIR, REPO_DIR, render } from "./lib/render.mjs";
import { toProdRealm, realmImportManifest, placeholdersOf, PLACEHOLDER_SECRETS } from "../tools/realm.mjs";

const SOURCE = join(REPO_DIR, "keycloak", "planning-realm.json");
const BROKER = JSON.parse(readFileSync(join(REPO_DIR, "keycloak", "gov-idp-broker.json"), "utf8"));
const LDAP = JSON.parse(readFileSync(join(REPO_DIR, "keycloak", "ldap", "federation.json"), "utf8"));
const DEV_COPY = join(K8S_DIR, "overlays", "dev", "keycloak", "planning-realm.json");
const PROD_IMPORT = join(K8S_DIR, "overlays", "prod", "keycloak", "realm-import.yaml");

test("keycloak/planning-realm.json exists", () => {
  assert.ok(existsSync(SOURCE), `${SOURCE} is missing`);
});

test("dev overlay realm is identical to keycloak/planning-realm.json (else run k8s/sync-realm)", () => {
  assert.ok(readFileSync(DEV_COPY).equals(readFileSync(SOURCE)), "overlays/dev/keycloak/planning-realm.json differs: run k8s/sync-realm");
});

test("prod KeycloakRealmImport is generated from the current realm (else run k8s/sync-realm)", () => {
  const expected = realmImportManifest(JSON.parse(readFileSync(SOURCE, "utf8")), { broker: BROKER, ldap: LDAP });
  assert.equal(readFileSync(PROD_IMPORT, "utf8"), expected, "overlays/prod/keycloak/realm-import.yaml is stale: run k8s/sync-realm");
});

test("prod realm: no demo users, no credentials, no direct access grants", () => {
  const ri = render("prod").find((o) => o.kind === "KeycloakRealmImport");
  const realm = ri.spec.realm;
  for (const u of realm.users ?? []) {
    assert.ok(u.serviceAccountClientId, `user ${u.username} is not a service account`);
    assert.equal(u.credentials, undefined, `user ${u.username} has credentials`);
  }
  assert.doesNotMatch(JSON.stringify(realm), /"credentials"/);
  for (const c of realm.clients ?? []) assert.equal(c.directAccessGrantsEnabled, false, `client ${c.clientId}`);
  const web = realm.clients.find((c) => c.clientId === "planning-web");
  assert.ok(web, "planning-web client kept");
  assert.ok(web.redirectUris.every((u) => u.startsWith("https://")), "prod redirect URIs are https");
  assert.doesNotMatch(JSON.stringify(web), /localhost|127\.0\.0\.1/);
});

test("prod realm: every secret placeholder is filled from a Secret", () => {
  const ri = render("prod").find((o) => o.kind === "KeycloakRealmImport");
  const inRealm = [...placeholdersOf(ri.spec.realm).keys()];
  assert.ok(inRealm.includes("PLANNING_SERVICES_CLIENT_SECRET"));
  for (const name of inRealm) {
    assert.deepEqual(ri.spec.placeholders[name]?.secret, PLACEHOLDER_SECRETS[name], `placeholder ${name}`);
  }
  const planningServices = ri.spec.realm.clients.find((c) => c.clientId === "planning-services");
  assert.equal(planningServices.secret, "${PLANNING_SERVICES_CLIENT_SECRET}");
});

test("dev realm keeps its demo users and the dev Keycloak gets the client secret", () => {
  const dev = JSON.parse(readFileSync(DEV_COPY, "utf8"));
  assert.ok(dev.users.some((u) => !u.serviceAccountClientId), "dev realm has demo users");
  const kc = render("dev").find((o) => o.kind === "Deployment" && o.metadata.name === "keycloak");
  const env = kc.spec.template.spec.containers[0].env;
  assert.deepEqual(env.find((e) => e.name === "PLANNING_SERVICES_CLIENT_SECRET").valueFrom.secretKeyRef, { name: "planning-services-client", key: "client-secret" });
});

// --- the transformation itself ----------------------------------------------------------------
const sample = () => ({
  realm: "planning",
  displayName: "Planning (dev)",
  bruteForceProtected: false,
  clients: [
    { clientId: "planning-web", publicClient: true, directAccessGrantsEnabled: true, redirectUris: ["http://localhost/*"], webOrigins: ["${PLANNING_WEB_ORIGIN:http://localhost:5173}"] },
    { clientId: "planning-services", secret: "${PLANNING_SERVICES_CLIENT_SECRET}", serviceAccountsEnabled: true },
  ],
  users: [
    { username: "admin", credentials: [{ type: "password", value: "admin" }] },
    { username: "service-account-planning-services", serviceAccountClientId: "planning-services" },
  ],
});

test("toProdRealm drops demo users, keeps service accounts, disables direct grants", () => {
  const prod = toProdRealm(sample());
  assert.deepEqual(prod.users.map((u) => u.username), ["service-account-planning-services"]);
  assert.ok(prod.clients.every((c) => c.directAccessGrantsEnabled === false));
  assert.deepEqual(prod.clients[0].webOrigins, ["https://planning.example.gov.cn"]);
  assert.equal(prod.displayName, "Planning");
  assert.equal(prod.bruteForceProtected, true);
});

test("toProdRealm refuses a secret placeholder that no Secret provides", () => {
  const s = sample();
  s.smtpServer = { password: "${SMTP_PASSWORD}" };
  assert.throws(() => toProdRealm(s), /SMTP_PASSWORD/);
});

test("toProdRealm refuses a service-account user with credentials", () => {
  const s = sample();
  s.users[1].credentials = [{ type: "password", value: "x" }];
  assert.throws(() => toProdRealm(s), /credentials/);
});

test("planning-web lets the browser sign in from the console's Ingress host (dev and prod)", () => {
  const ingressHost = (objs) => `${objs.find((o) => o.kind === "Ingress" && o.metadata.name === "planning-api").spec.rules[0].host}`;
  const dev = render("dev");
  const origin = `http://${ingressHost(dev)}`;
  const kc = dev.find((o) => o.kind === "Deployment" && o.metadata.name === "keycloak");
  assert.equal(kc.spec.template.spec.containers[0].env.find((e) => e.name === "PLANNING_WEB_ORIGIN")?.value, origin);
  const devWeb = JSON.parse(readFileSync(DEV_COPY, "utf8")).clients.find((c) => c.clientId === "planning-web");
  // Keycloak fills ${PLANNING_WEB_ORIGIN:…} from its environment at import
  assert.ok(devWeb.redirectUris.some((u) => u.startsWith("${PLANNING_WEB_ORIGIN:") && u.endsWith("}/*")), JSON.stringify(devWeb.redirectUris));
  assert.ok(devWeb.webOrigins.includes("+"), "web origins follow the redirect URIs");
  const prod = render("prod");
  const prodWeb = prod.find((o) => o.kind === "KeycloakRealmImport").spec.realm.clients.find((c) => c.clientId === "planning-web");
  assert.deepEqual(prodWeb.redirectUris, [`https://${ingressHost(prod)}/*`]);
  assert.deepEqual(prodWeb.webOrigins, [`https://${ingressHost(prod)}`]);
});

test("prod realm brokers to the government identity provider with its URL and secret from the Secret gov-idp-client", () => {
  const ri = render("prod").find((o) => o.kind === "KeycloakRealmImport");
  const idp = ri.spec.realm.identityProviders.find((p) => p.alias === "gov-idp");
  assert.equal(idp.config.clientSecret, "${GOV_IDP_CLIENT_SECRET}");
  assert.equal(idp.config.tokenUrl, "${GOV_IDP_URL}/protocol/openid-connect/token");
  assert.deepEqual(ri.spec.placeholders.GOV_IDP_CLIENT_SECRET, { secret: { name: "gov-idp-client", key: "client-secret" } });
  assert.deepEqual(ri.spec.placeholders.GOV_IDP_URL, { secret: { name: "gov-idp-client", key: "url" } });
  const roles = ri.spec.realm.users.find((u) => u.serviceAccountClientId === "planning-services").clientRoles["realm-management"];
  assert.ok(roles.includes("manage-identity-providers"), "org-service keeps the per-organization mappers");
});

test("prod realm imports the SAML provider gov-saml disabled, its URLs from saml-url of the Secret gov-idp-client", () => {
  const ri = render("prod").find((o) => o.kind === "KeycloakRealmImport");
  const saml = ri.spec.realm.identityProviders.find((p) => p.alias === "gov-saml");
  assert.equal(saml.providerId, "saml");
  assert.equal(saml.enabled, false, "a government on OpenID Connect gets no second button on its login page");
  assert.equal(saml.config.singleSignOnServiceUrl, "${GOV_SAML_URL}/protocol/saml");
  assert.equal(saml.config.validateSignature, "true");
  assert.equal(saml.config.useMetadataDescriptorUrl, "true", "signing keys follow the provider's rotation");
  assert.deepEqual(ri.spec.placeholders.GOV_SAML_URL, { secret: { name: "gov-idp-client", key: "saml-url" } });
});

test("prod realm federates the government LDAP directory read-only with its bind credential from the Secret gov-ldap", () => {
  const ri = render("prod").find((o) => o.kind === "KeycloakRealmImport");
  const ldap = ri.spec.realm.components["org.keycloak.storage.UserStorageProvider"].find((c) => c.providerId === "ldap");
  assert.deepEqual(ldap.config.editMode, ["READ_ONLY"]);
  assert.deepEqual(ldap.config.bindCredential, ["${LDAP_BIND_CREDENTIAL}"]);
  assert.deepEqual(ldap.config.connectionUrl, ["${LDAP_URL}"]);
  for (const [name, key] of [["LDAP_URL", "url"], ["LDAP_USERS_DN", "users-dn"], ["LDAP_BIND_DN", "bind-dn"], ["LDAP_BIND_CREDENTIAL", "bind-credential"]]) {
    assert.deepEqual(ri.spec.placeholders[name], { secret: { name: "gov-ldap", key } });
  }
  const mappers = ldap.subComponents["org.keycloak.storage.ldap.mappers.LDAPStorageMapper"];
  const department = mappers.find((m) => m.config["user.model.attribute"]?.[0] === "org_code");
  assert.deepEqual(department.config["ldap.attribute"], ["departmentNumber"], "org-service places directory users by their department code");
  assert.ok(ri.spec.realm.eventsEnabled && ri.spec.realm.enabledEventTypes.includes("LOGIN"), "org-service reads the login events");
  const roles = ri.spec.realm.users.find((u) => u.serviceAccountClientId === "planning-services").clientRoles["realm-management"];
  assert.ok(roles.includes("view-events"));
});
