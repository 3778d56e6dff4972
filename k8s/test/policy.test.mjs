// (3) policy test over the rendered overlays: every rule, every overlay, zero violations.
import { test } from "node:test";
import assert from "node:assert/strict";
import { OVERLAYS, render } from "./lib/render.mjs";
import { RULES, podTemplates, operatorPods } from "./lib/policy.mjs";
import { PROD_EXTERNAL_SECRETS } from "./lib/contract.mjs";

const options = { dev: {}, prod: { externalSecrets: PROD_EXTERNAL_SECRETS } };
const show = (vs) => vs.map((x) => `${x.object}: ${x.message}`).join("\n");

for (const name of OVERLAYS) {
  const objs = render(name);
  test(`${name}: the policy sees the workloads`, () => {
    const owners = podTemplates(objs).map(({ owner }) => owner.metadata.name);
    for (const d of ["gateway", "org-service", "plan-service", "indicator-service", "console"]) assert.ok(owners.includes(d), `${d} is checked`);
    if (name === "prod") assert.equal(operatorPods(objs).length, 2);
  });
  for (const [rule, fn] of Object.entries(RULES)) {
    test(`policy ${rule}: ${name} complies`, () => {
      const violations = fn(objs, options[name] ?? {});
      assert.deepEqual(violations, [], show(violations));
    });
  }
}
