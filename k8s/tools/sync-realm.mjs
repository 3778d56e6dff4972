// Copies keycloak/planning-realm.json into the dev overlay and regenerates the prod
// KeycloakRealmImport. Usage: node tools/sync-realm.mjs [--check]
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { realmImportManifest } from "./realm.mjs";

const k8s = join(dirname(fileURLToPath(import.meta.url)), "..");
export const SOURCE = join(k8s, "..", "keycloak", "planning-realm.json");
export const BROKER = join(k8s, "..", "keycloak", "gov-idp-broker.json");
export const LDAP = join(k8s, "..", "keycloak", "ldap", "federation.json");
export const DEV_COPY = join(k8s, "overlays", "dev", "keycloak", "planning-realm.json");
export const PROD_IMPORT = join(k8s, "overlays", "prod", "keycloak", "realm-import.yaml");

const check = process.argv.includes("--check");
if (!existsSync(SOURCE)) {
  console.error(`missing ${SOURCE}: the realm is the source of truth, nothing to sync`);
  process.exit(1);
}
const source = readFileSync(SOURCE);
const prod = realmImportManifest(JSON.parse(source.toString("utf8")), {
  broker: JSON.parse(readFileSync(BROKER, "utf8")),
  ldap: JSON.parse(readFileSync(LDAP, "utf8")),
});
const targets = [
  [DEV_COPY, source],
  [PROD_IMPORT, Buffer.from(prod, "utf8")],
];
let stale = 0;
for (const [path, content] of targets) {
  const current = existsSync(path) ? readFileSync(path) : null;
  if (current && current.equals(content)) {
    console.log(`up to date: ${path.slice(k8s.length + 1)}`);
  } else if (check) {
    console.error(`STALE: ${path.slice(k8s.length + 1)} (run k8s/sync-realm)`);
    stale++;
  } else {
    writeFileSync(path, content);
    console.log(`written:    ${path.slice(k8s.length + 1)}`);
  }
}
process.exit(stale ? 1 : 0);
