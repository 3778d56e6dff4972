// (4) Flyway migrations stay backward compatible for one version (README "Upgrades", docs/decisions/0004): during a
// rolling upgrade the previous version runs on the migrated database, so a migration only expands; a contract step
// (drop, rename, retype) is marked and allowed only once the code no longer uses what it removes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkMigrations, serviceMigrations } from "../tools/migration-check.mjs";

const BASE = `CREATE TABLE plan (id uuid PRIMARY KEY, title text NOT NULL, legacy_flag boolean, weight integer);
CREATE FUNCTION plan_weight(p uuid) RETURNS integer LANGUAGE sql AS $$ SELECT weight FROM plan WHERE id = p; $$;
`;

/** A service with the released migration V1, the new migration V2 and the code of the new version. */
function service(v2, code = "class Plan { String title; Integer weight; }") {
  const root = mkdtempSync(join(tmpdir(), "migrations-"));
  const dir = join(root, "src", "main", "resources", "db", "migration");
  mkdirSync(dir, { recursive: true });
  mkdirSync(join(root, "src", "main", "java"), { recursive: true });
  writeFileSync(join(dir, "V1__plan.sql"), BASE);
  writeFileSync(join(dir, "V2__change.sql"), v2);
  writeFileSync(join(root, "src", "main", "java", "Plan.java"), code);
  return checkMigrations(dir, join(root, "src", "main"));
}

const rules = (problems) => problems.map((p) => p.split(": ")[1]);

test("every service's migrations keep the previous version of its code working", () => {
  const services = serviceMigrations();
  assert.deepEqual(services.map((s) => s.service), ["indicator-service", "org-service", "plan-service"]);
  for (const s of services) {
    assert.deepEqual(checkMigrations(s.dir, s.code), [], s.service);
  }
});

const breaking = {
  "dropping a column": ["ALTER TABLE plan DROP COLUMN title;", "ban-drop-column"],
  "renaming a column": ["ALTER TABLE plan RENAME COLUMN title TO name;", "renaming-column"],
  "renaming a table": ["ALTER TABLE plan RENAME TO plans;", "renaming-table"],
  "dropping a table": ["DROP TABLE plan;", "ban-drop-table"],
  "changing a column's type": ["ALTER TABLE plan ALTER COLUMN weight TYPE numeric;", "changing-column-type"],
  "adding a NOT NULL column without a default": ["ALTER TABLE plan ADD COLUMN owner text NOT NULL;", "adding-required-field"],
  "making a column NOT NULL": ["ALTER TABLE plan ALTER COLUMN weight SET NOT NULL;", "adding-not-nullable-field"],
  "dropping a function the old SQL calls": ["DROP FUNCTION plan_weight(uuid);", "drop-function"],
};

for (const [what, [sql, rule]] of Object.entries(breaking)) {
  test(`a migration ${what} is refused (${rule})`, () => {
    const problems = service(`-- a later release\n${sql}\n`);
    assert.deepEqual(rules(problems), [rule], problems.join("\n"));
    assert.match(problems[0], /V2__change\.sql:2: /);
  });
}

test("expanding passes: a nullable column, a NOT NULL column with a default, a table, an index, a replaced function", () => {
  assert.deepEqual(service(`ALTER TABLE plan ADD COLUMN note text;
ALTER TABLE plan ADD COLUMN archived boolean NOT NULL DEFAULT false;
CREATE TABLE plan_tag (plan_id uuid NOT NULL REFERENCES plan (id), tag text NOT NULL);
CREATE INDEX plan_title_idx ON plan (title);
CREATE OR REPLACE FUNCTION plan_weight(p uuid) RETURNS integer LANGUAGE sql AS $$ SELECT coalesce(weight, 0) FROM plan WHERE id = p; $$;
DROP FUNCTION plan_weight(uuid);
CREATE FUNCTION plan_weight(p uuid) RETURNS bigint LANGUAGE sql AS $$ SELECT weight FROM plan WHERE id = p; $$;
`), []);
});

test("a marked contract step passes once the code no longer uses what it drops", () => {
  assert.deepEqual(service(`-- contract: plan.legacy_flag: the code stopped reading it in release 1.4
ALTER TABLE plan DROP COLUMN legacy_flag;
`), []);
});

test("a contract step is refused while the code still uses the column (by its column or field name)", () => {
  const problems = service(`-- contract: plan.legacy_flag: no longer needed
ALTER TABLE plan DROP COLUMN legacy_flag;
`, "class Plan { String title; Boolean legacyFlag; }");
  assert.equal(problems.length, 1, problems.join("\n"));
  assert.match(problems[0], /V2__change\.sql:2: ban-drop-column: contract step for plan\.legacy_flag, but the code still uses it \(.*Plan\.java\)/);
});

test("a contract marker covers only the object it names", () => {
  const problems = service(`-- contract: plan.legacy_flag: the code stopped reading it in release 1.4
ALTER TABLE plan DROP COLUMN weight;
`, "class Plan { String title; }");
  assert.deepEqual(rules(problems), ["ban-drop-column"]);
  assert.match(problems[0], /names plan\.legacy_flag, which this statement does not touch/);
});

test("Squawk's ignore comment does not let a breaking change through", () => {
  const problems = service(`-- squawk-ignore ban-drop-column
ALTER TABLE plan DROP COLUMN legacy_flag;
`);
  assert.deepEqual(rules(problems), ["squawk-ignore"], problems.join("\n"));
});
