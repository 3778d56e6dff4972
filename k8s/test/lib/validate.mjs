// Schema validation of rendered objects.
//  - Kubernetes built-in kinds: the JSON schemas of the Kubernetes API shipped in the npm
//    package `kubernetes-models` (generated from the Kubernetes OpenAPI spec).
//  - Custom resources (CNPG, Barman Cloud, Keycloak Operator): crd-schemas.mjs, plus the
//    published CRDs themselves when CRD_SCHEMA_DIR names a folder holding them.
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";
import { CRD_SCHEMAS } from "./crd-schemas.mjs";

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const crdValidators = new Map(CRD_SCHEMAS.map((s) => [s.$id, ajv.compile(s)]));

export const fmt = (errors) =>
  (errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message}${e.params?.additionalProperty ? ` (${e.params.additionalProperty})` : ""}`);

/** Closes every object schema that does not preserve unknown fields: unknown fields, which
 *  the API server would silently prune, become errors (like kubectl --validate=strict). */
function closeSchema(s) {
  if (!s || typeof s !== "object") return s;
  if (Array.isArray(s)) return s.map(closeSchema);
  const out = {};
  for (const [k, v] of Object.entries(s)) out[k] = k === "properties" ? Object.fromEntries(Object.entries(v).map(([p, ps]) => [p, closeSchema(ps)])) : closeSchema(v);
  if (out.properties && out.additionalProperties === undefined && !out["x-kubernetes-preserve-unknown-fields"]) {
    out.additionalProperties = false;
  }
  if (out["x-kubernetes-int-or-string"]) {
    delete out.type;
    out.anyOf = [{ type: "integer" }, { type: "string" }];
  }
  return out;
}

let fullCrds;
/** Validators from the published CRD files in CRD_SCHEMA_DIR (optional). */
export function fullCrdValidators() {
  if (fullCrds) return fullCrds;
  fullCrds = new Map();
  const dir = process.env.CRD_SCHEMA_DIR;
  if (!dir) return fullCrds;
  for (const f of readdirSync(dir).filter((f) => /\.ya?ml$/.test(f))) {
    for (const doc of parseAllDocuments(readFileSync(join(dir, f), "utf8"))) {
      const crd = doc.toJS();
      if (crd?.kind !== "CustomResourceDefinition") continue;
      for (const v of crd.spec.versions) {
        const schema = closeSchema(v.schema.openAPIV3Schema);
        // apiVersion/kind/metadata are checked by the API server, not by the CRD schema
        schema.properties = { ...schema.properties, apiVersion: { type: "string" }, kind: { type: "string" }, metadata: { type: "object" } };
        fullCrds.set(`${crd.spec.group}/${v.name}/${crd.spec.names.kind}`, ajv.compile(schema));
      }
    }
  }
  return fullCrds;
}

/** Returns a list of error strings; empty when the object is valid. */
export async function validateObject(obj) {
  const key = `${obj.apiVersion}/${obj.kind}`;
  if (crdValidators.has(key)) {
    const errors = [];
    const v = crdValidators.get(key);
    if (!v(obj)) errors.push(...fmt(v.errors));
    const full = fullCrdValidators().get(key);
    if (full && !full(obj)) errors.push(...fmt(full.errors).map((e) => `[published CRD] ${e}`));
    return errors;
  }
  let mod;
  try {
    mod = await import(`kubernetes-models/${obj.apiVersion}/${obj.kind}`);
  } catch {
    return [`no schema known for ${key} (neither a Kubernetes API kind in kubernetes-models nor a CRD in crd-schemas.mjs)`];
  }
  const Model = mod[obj.kind];
  try {
    new Model(obj).validate();
    return [];
  } catch (e) {
    return String(e.message).split("\n");
  }
}
