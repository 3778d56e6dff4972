// Schema validation of rendered objects against the published schemas vendored in k8s/schemas/:
//  - built-in kinds: the Kubernetes 1.29 OpenAPI definitions (the oldest version we support, so a
//    field added later fails);
//  - custom resources: the CRDs of CloudNativePG, the Barman Cloud plugin, the Keycloak Operator
//    and the Prometheus Operator, one folder per project and version.
// Like `kubectl apply --validate=strict`, an unknown field is an error, not something the API
// server would silently drop. CEL rules (x-kubernetes-validations) are not evaluated.
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";
import { K8S_DIR } from "./render.mjs";

export const SCHEMA_DIR = join(K8S_DIR, "schemas");
const K8S_SCHEMA = "kubernetes-1.29/definitions.json";
const QUANTITY = "io.k8s.apimachinery.pkg.api.resource.Quantity";
const INT_OR_STRING = "io.k8s.apimachinery.pkg.util.intstr.IntOrString";

// CRD patterns are Go (RE2) expressions: their (?i) becomes JavaScript's "i" flag.
const goRegExp = (pattern, flags) =>
  pattern.includes("(?i)") ? new RegExp(pattern.replaceAll("(?i)", ""), `${flags}i`) : new RegExp(pattern, flags);
goRegExp.code = "new RegExp";
const ajv = new Ajv({ allErrors: true, strict: false, code: { regExp: goRegExp } });
addFormats(ajv);
// Kubernetes' own formats; their values are checked by the rules below or by the API server.
for (const f of ["int32", "int64", "double", "float", "byte", "int-or-string"]) ajv.addFormat(f, true);

export const fmt = (errors) =>
  (errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message}${e.params?.additionalProperty ? ` (${e.params.additionalProperty})` : ""}`);

// The API server's rules for int-or-string fields, which the schemas only type as "int or string":
// maxSurge/maxUnavailable/minAvailable take a percentage (ValidatePositiveIntOrPercent, so
// `maxSurge: "one"` is rejected on apply), ports a port name (IANA_SVC_NAME); a CRD's own pattern
// (quantities) is kept.
const PERCENT_FIELDS = new Set(["maxSurge", "maxUnavailable", "minAvailable"]);
const PORT_FIELDS = new Set(["port", "targetPort"]);
function intOrString(field, pattern) {
  const string = { type: "string" };
  if (pattern) string.pattern = pattern;
  else if (PERCENT_FIELDS.has(field)) string.pattern = "^[0-9]+%$";
  else if (PORT_FIELDS.has(field)) string.pattern = "^(?=.*[a-z])[a-z0-9]([-a-z0-9]{0,13}[a-z0-9])?$";
  return { anyOf: [{ type: "integer", ...(PERCENT_FIELDS.has(field) ? { minimum: 0 } : {}) }, string] };
}
const quantity = {
  anyOf: [
    { type: "number" },
    { type: "string", pattern: "^[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(([KMGTPE]i)|[numkMGTPE]|[eE][+-]?[0-9]+)?$" },
  ],
};

/** Closes every object schema that does not preserve unknown fields and applies the int-or-string
 *  and quantity rules; `field` is the property name the schema belongs to. */
function closeSchema(s, field) {
  if (!s || typeof s !== "object") return s;
  if (Array.isArray(s)) return s.map((x) => closeSchema(x, field));
  if (s.format === "int-or-string" || s["x-kubernetes-int-or-string"] || s.$ref === `#/definitions/${INT_OR_STRING}`) return intOrString(field, s.pattern);
  if (s.$ref === `#/definitions/${QUANTITY}`) return quantity;
  const out = {};
  for (const [k, v] of Object.entries(s)) {
    if (k === "properties") out[k] = Object.fromEntries(Object.entries(v).map(([p, ps]) => [p, closeSchema(ps, p)]));
    else if (k === "x-kubernetes-validations" || k === "description") continue;
    else out[k] = closeSchema(v, field);
  }
  if (out.properties && out.additionalProperties === undefined && !out["x-kubernetes-preserve-unknown-fields"]) {
    out.additionalProperties = false;
  }
  return out;
}

/** Key of a kind: `group/version/Kind` (core kinds: `v1/Kind`), i.e. apiVersion/kind. */
const key = (apiVersion, kind) => `${apiVersion}/${kind}`;

// Realm fields Keycloak added after the vendored operator CRD (26.0.0; README "schemas"), which the operator we run
// (26.7) accepts: only these, with their type, so any other unknown realm field still fails.
const NEWER_REALM_FIELDS = { adminPermissionsEnabled: { type: "boolean" } }; // fine-grained admin permissions v2, Keycloak 26.2

function addNewerRealmFields(schema, folder) {
  if (folder !== "keycloak-operator-26.0.0") return;
  const realm = schema.properties?.spec?.properties?.realm;
  if (realm?.properties) Object.assign(realm.properties, NEWER_REALM_FIELDS);
}

let validators;
function load() {
  if (validators) return validators;
  validators = new Map();
  const k8s = JSON.parse(readFileSync(join(SCHEMA_DIR, K8S_SCHEMA), "utf8"));
  const definitions = Object.fromEntries(Object.entries(k8s.definitions).map(([n, d]) => [n, closeSchema(d)]));
  ajv.addSchema({ $id: "k8s", definitions });
  for (const [name, def] of Object.entries(k8s.definitions)) {
    for (const gvk of def["x-kubernetes-group-version-kind"] ?? []) {
      if (!def.properties?.metadata) continue; // lists and options, not objects one applies
      const apiVersion = gvk.group ? `${gvk.group}/${gvk.version}` : gvk.version;
      validators.set(key(apiVersion, gvk.kind), { source: "Kubernetes 1.29", schema: { $ref: `k8s#/definitions/${name}` } });
    }
  }
  const objectMeta = { $ref: "k8s#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta" };
  for (const folder of readdirSync(join(SCHEMA_DIR, "crds")).sort()) {
    for (const f of readdirSync(join(SCHEMA_DIR, "crds", folder)).filter((f) => /\.ya?ml$/.test(f))) {
      for (const doc of parseAllDocuments(readFileSync(join(SCHEMA_DIR, "crds", folder, f), "utf8"))) {
        const crd = doc.toJS();
        if (crd?.kind !== "CustomResourceDefinition") continue;
        for (const v of crd.spec.versions) {
          const schema = closeSchema(v.schema.openAPIV3Schema);
          // the API server checks apiVersion, kind and metadata of every object, not the CRD schema
          schema.properties = { ...schema.properties, apiVersion: { type: "string" }, kind: { type: "string" }, metadata: objectMeta };
          if (crd.spec.names.kind === "KeycloakRealmImport") addNewerRealmFields(schema, folder);
          validators.set(key(`${crd.spec.group}/${v.name}`, crd.spec.names.kind), { source: folder, schema });
        }
      }
    }
  }
  return validators;
}

/** Where the schema for apiVersion/kind comes from (e.g. "Kubernetes 1.29", "cloudnative-pg-1.30.0"). */
export const schemaSource = (apiVersion, kind) => load().get(key(apiVersion, kind))?.source;

/** Returns a list of error strings; empty when the object is valid. */
export function validateObject(obj) {
  const v = load().get(key(obj.apiVersion, obj.kind));
  if (!v) return [`no schema known for ${key(obj.apiVersion, obj.kind)} (neither a Kubernetes 1.29 kind nor a CRD in k8s/schemas/crds)`];
  v.validate ??= ajv.compile(v.schema); // compiling every kind would take seconds
  return v.validate(obj) ? [] : fmt(v.validate.errors);
}
