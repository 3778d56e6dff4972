#!/usr/bin/env node
// Refuses a Flyway migration that would break the previous version of its service during a rolling upgrade
// (k8s/README.md "Upgrades"; docs/decisions/0004): old and new pods run side by side on the migrated database, so a
// migration may only expand. Squawk (the PostgreSQL migration linter) finds the breaking DDL; this file keeps its
// compatibility rules (not its locking advice), adds what Squawk does not see (dropping a function, view or type the
// old code calls), and lets a statement through only as a marked contract step:
//
//   -- contract: plan.legacy_flag: the code stopped using it in release 1.4
//   ALTER TABLE plan DROP COLUMN legacy_flag;
//
// A contract step names the object it removes (table, table.column, function …) in a `-- contract:` comment right
// above the statement, and is refused while the service's code (src/main) still mentions that object.
//   node k8s/tools/migration-check.mjs            every service's src/main/resources/db/migration
//   node k8s/tools/migration-check.mjs DIR ...    the migrations in DIR (code: DIR's service, if any)
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const K8S = join(dirname(fileURLToPath(import.meta.url)), '..');
const REPO = join(K8S, '..');
// Squawk's Linux x64 binary package, not its `squawk-cli` wrapper: the wrapper's lock entries name every platform's
// binary package, and `npm ci` refuses the lock where the registry serves only some of them (this one does).
const SQUAWK = join(K8S, 'node_modules', '@squawk-cli', 'linux-x64', 'bin', 'squawk');
/** The PostgreSQL of prod (overlays/prod/postgres/cluster.yaml). */
const PG_VERSION = '17.0';
const MIGRATIONS = join('src', 'main', 'resources', 'db', 'migration');

/** Squawk's rules for a change the previous version of the code cannot live with. */
export const BREAKING_RULES = {
  'ban-drop-column': 'drops a column the previous version may still read or write',
  'ban-drop-table': 'drops a table the previous version may still use',
  'ban-drop-database': 'drops a database',
  'renaming-column': 'renames a column the previous version still uses by its old name',
  'renaming-table': 'renames a table the previous version still uses by its old name',
  'changing-column-type': 'changes a column type the previous version reads and writes',
  'adding-required-field': 'adds a NOT NULL column without a default, so the previous version\'s inserts fail',
  'adding-not-nullable-field': 'makes a column NOT NULL that the previous version may leave empty',
};

/** What Squawk does not flag: dropping an object the previous version's SQL calls. */
const DROPS = /^\s*DROP\s+(MATERIALIZED\s+VIEW|VIEW|FUNCTION|PROCEDURE|TYPE|DOMAIN|SEQUENCE|SCHEMA)\s+(?:IF\s+EXISTS\s+)?([\w."]+)/i;

/** The migrations of every service in the repository: { service, dir, code }. */
export function serviceMigrations(repo = REPO) {
  return readdirSync(repo)
    .filter((name) => existsSync(join(repo, name, MIGRATIONS)))
    .sort()
    .map((name) => ({ service: name, dir: join(repo, name, MIGRATIONS), code: join(repo, name, 'src', 'main') }));
}

/**
 * Splits SQL into statements: { text, line (1-based, of its first code line), end, comments (the comment lines
 * directly above it) }. Knows line and block comments, quoted text and dollar-quoted bodies, so a `;` inside a
 * function body does not end a statement.
 */
export function statements(sql) {
  const out = [];
  const lines = sql.split('\n');
  let text = '';
  let start = null;
  let comments = [];
  let dollar = null;
  let quote = false;
  let block = false;
  lines.forEach((raw, i) => {
    let code = '';
    for (let j = 0; j < raw.length; j++) {
      const rest = raw.slice(j);
      if (block) {
        if (rest.startsWith('*/')) { block = false; j++; }
        continue;
      }
      if (dollar) {
        if (rest.startsWith(dollar)) { code += dollar; j += dollar.length - 1; dollar = null; } else code += raw[j];
        continue;
      }
      if (quote) {
        code += raw[j];
        if (raw[j] === "'") quote = false;
        continue;
      }
      if (rest.startsWith('--')) {
        if (start === null && code.trim() === '') comments.push(rest.slice(2).trim());
        break;
      }
      if (rest.startsWith('/*')) { block = true; j++; continue; }
      const tag = rest.match(/^\$[A-Za-z_]*\$/);
      if (tag) { dollar = tag[0]; code += dollar; j += dollar.length - 1; continue; }
      if (raw[j] === "'") { quote = true; code += raw[j]; continue; }
      if (raw[j] === ';') {
        if (start !== null || code.trim() !== '') {
          out.push({ text: (text + code).trim(), line: start ?? i + 1, end: i + 1, comments });
        }
        text = ''; code = ''; start = null; comments = [];
        continue;
      }
      code += raw[j];
    }
    if (start === null && code.trim() !== '') start = i + 1;
    if (start === null && raw.trim() === '' && !block && !dollar) comments = [];
    text += code + '\n';
  });
  if (text.trim() !== '') out.push({ text: text.trim(), line: start ?? lines.length, end: lines.length, comments });
  return out;
}

function squawk(files) {
  if (!existsSync(SQUAWK)) {
    throw new Error(`the migration check runs Squawk's Linux x64 binary (${relative(REPO, SQUAWK)}), missing here: `
      + 'run k8s/check on Linux x64 (CI does), after `npm ci` in k8s/');
  }
  const args = ['--reporter', 'json', '--pg-version', PG_VERSION, '--assume-in-transaction', ...files];
  let stdout;
  try {
    stdout = execFileSync(SQUAWK, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    // Squawk exits 1 when it found something; its report is still on stdout.
    if (e.status !== 1 || !e.stdout) throw new Error(`squawk failed: ${e.stderr || e.message}`);
    stdout = e.stdout;
  }
  return JSON.parse(stdout);
}

/** The names under which code may mention a database object: its snake_case name and its camelCase field name. */
function codeNames(object) {
  const last = object.replace(/"/g, '').split('.').pop().replace(/\(.*$/, '');
  const camel = last.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
  return [...new Set([last, camel])];
}

function sourceFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return path.endsWith(join('db', 'migration')) ? [] : sourceFiles(path);
    return /\.(java|kt|properties|ya?ml|json|graphql|sql)$/.test(name) ? [path] : [];
  });
}

/** Files of the service's code (migrations aside) that mention one of the object's names, as whole words. */
function mentions(codeDir, object) {
  const words = codeNames(object).map((n) => new RegExp(`(?<![\\w$])${n.replace(/[$]/g, '\\$')}(?![\\w$])`, 'i'));
  return sourceFiles(codeDir).filter((f) => {
    const text = readFileSync(f, 'utf8');
    return words.some((w) => w.test(text));
  });
}

/**
 * Problems of the migrations in `dir`, each "file:line: rule: what": breaking changes without a contract marker,
 * contract markers whose object the code (`codeDir`) still mentions or that the statement does not touch, and Squawk
 * ignore comments (a breaking change is marked as a contract step, not silenced).
 */
export function checkMigrations(dir, codeDir) {
  const files = readdirSync(dir).filter((f) => f.endsWith('.sql')).sort().map((f) => join(dir, f));
  if (files.length === 0) return [];
  const byFile = new Map(files.map((f) => [f, statements(readFileSync(f, 'utf8'))]));
  const findings = [];
  for (const v of squawk(files)) {
    if (!(v.rule_name in BREAKING_RULES)) continue;
    const file = resolve(dir, relative(dir, resolve(v.file)));
    const line = v.line + 1;
    const stmt = byFile.get(file)?.find((s) => s.line <= line && line <= s.end) ?? { line, comments: [], text: '' };
    findings.push({ file, stmt, rule: v.rule_name, what: BREAKING_RULES[v.rule_name] });
  }
  for (const [file, stmts] of byFile) {
    for (const stmt of stmts) {
      const drop = stmt.text.match(DROPS);
      if (!drop) continue;
      const kind = drop[1].replace(/\s+/g, ' ').toUpperCase();
      const name = drop[2].replace(/"/g, '').toLowerCase();
      const later = stmts.filter((s) => s.line > stmt.line).some((s) => {
        const create = s.text.match(/^\s*CREATE\s+(?:OR\s+REPLACE\s+)?(MATERIALIZED\s+VIEW|VIEW|FUNCTION|PROCEDURE|TYPE|DOMAIN|SEQUENCE|SCHEMA)\s+(?:IF\s+NOT\s+EXISTS\s+)?([\w."]+)/i);
        return create && create[1].replace(/\s+/g, ' ').toUpperCase() === kind && create[2].replace(/"/g, '').toLowerCase() === name;
      });
      // Dropped and created again in the same migration: replaced, not removed (a changed return type, say).
      if (!later) findings.push({ file, stmt, rule: `drop-${kind.toLowerCase().replace(' ', '-')}`, what: `drops ${kind} ${name}, which the previous version's SQL may call` });
    }
  }
  const problems = [];
  const report = (file, line, rule, text) => problems.push(`${relative(REPO, file)}:${line}: ${rule}: ${text}`);
  const seen = new Set();
  for (const f of findings) {
    const key = `${f.file}:${f.stmt.line}:${f.rule}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const marker = f.stmt.comments.map((c) => c.match(/^contract:\s*([\w."()]+)/i)).find(Boolean);
    if (!marker) {
      report(f.file, f.stmt.line, f.rule, `${f.what}; expand now and contract in a later release, marked \`-- contract: <object>: <why the previous version no longer uses it>\``);
      continue;
    }
    const object = marker[1];
    const names = codeNames(object);
    if (!names.some((n) => new RegExp(`(?<![\\w$])${n}(?![\\w$])`, 'i').test(f.stmt.text))) {
      report(f.file, f.stmt.line, f.rule, `the contract marker names ${object}, which this statement does not touch`);
      continue;
    }
    const users = codeDir ? mentions(codeDir, object) : [];
    if (users.length > 0) {
      report(f.file, f.stmt.line, f.rule, `contract step for ${object}, but the code still uses it (${users.map((u) => relative(REPO, u)).join(', ')}); `
        + 'drop it one release after the code stopped using it');
    }
  }
  for (const file of files) {
    readFileSync(file, 'utf8').split('\n').forEach((l, i) => {
      if (/--\s*squawk-ignore/i.test(l)) {
        report(file, i + 1, 'squawk-ignore', 'a breaking change is marked as a contract step (`-- contract: <object>: <why>`), not silenced');
      }
    });
  }
  return problems;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dirs = process.argv.slice(2);
  const targets = dirs.length > 0
    ? dirs.map((d) => ({ service: d, dir: resolve(d), code: existsSync(resolve(d, '..', '..', '..', 'java')) ? resolve(d, '..', '..', '..') : null }))
    : serviceMigrations();
  let failed = false;
  for (const t of targets) {
    const problems = checkMigrations(t.dir, t.code);
    const count = readdirSync(t.dir).filter((f) => f.endsWith('.sql')).length;
    console.log(`   ${t.service.padEnd(18)} ${String(count).padStart(2)} migrations, ${problems.length === 0 ? 'backward compatible' : `${problems.length} problem(s)`}`);
    for (const p of problems) console.error(`     ${p}`);
    failed ||= problems.length > 0;
  }
  process.exit(failed ? 1 : 0);
}
