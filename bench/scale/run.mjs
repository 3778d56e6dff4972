// Province-scale read benchmark (issue #15): the reads the staff web app's lists and dashboards make, through the
// gateway with real Keycloak tokens, against data seeded by seed.mjs. Prints p50/p99 and the response size per read,
// then the services' resident memory (VmRSS now, VmHWM the peak) from /proc and how much of the tables read index-only
// the visibility map marks all-visible. Each read's row carries the machine's 1-minute load average before and after
// it: on a shared machine a latency says little without it.
//
//   node run.mjs [--iterations 20] [--warmup 3] [--only name,name | --only 'name;name'] [--label 10k] [--json out.json]
//       [--gateway http://localhost:8080/graphql] [--keycloak http://localhost:8180] [--state-dir ../../.platform]
//
// Requests run one at a time (latency, not throughput). Ports default to the platform's *_PORT variables.
//
// Two platforms side by side (the growth from one data size to another, issue #15): --vs-gateway, --vs-keycloak,
// --vs-state-dir, --vs-pg-port (and --vs-label) name a second one; each iteration asks both, in alternating order, so
// the machine's load weighs on both alike, and the table shows both sizes' p50/p99 and the ratio second/first.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { args, connect, uuid, BENCH_USER } from './seed.mjs';

const opts = args(process.argv.slice(2));
/** A platform to measure: its gateway, Keycloak, and the options seed.mjs's connect() reads (state dir, pg port). */
const first = {
  gateway: opts.gateway ?? `http://localhost:${process.env.GATEWAY_PORT ?? 8080}/graphql`,
  keycloak: opts.keycloak ?? `http://localhost:${process.env.KEYCLOAK_PORT ?? 8180}`,
  stateDir: opts['state-dir'] ?? process.env.PLATFORM_STATE_DIR ?? new URL('../../.platform', import.meta.url).pathname,
  opts,
};
const vsOpts = Object.fromEntries(Object.entries(opts).filter(([k]) => k.startsWith('vs-')).map(([k, v]) => [k.slice(3), v]));
const second = Object.keys(vsOpts).length === 0 ? null : {
  gateway: vsOpts.gateway, keycloak: vsOpts.keycloak, stateDir: vsOpts['state-dir'], opts: { ...vsOpts, 'pg-host': vsOpts['pg-host'] ?? opts['pg-host'] },
};
if (second && !(second.gateway && second.keycloak && second.stateDir && second.opts['pg-port'])) {
  throw new Error('a second platform needs --vs-gateway, --vs-keycloak, --vs-state-dir and --vs-pg-port');
}
const iterations = Math.min(Number(opts.iterations ?? 20), 10000);
const warmup = Math.min(Number(opts.warmup ?? 3), 1000);
// names hold commas ("tasks(health: RED, first: 50)"): separate them with ';' then
const only = opts.only ? new Set(opts.only.split(opts.only.includes(';') ? ';' : ',')) : null;

const tokens = new Map();
async function token(user, keycloak) {
  const key = `${keycloak} ${user}`;
  const cached = tokens.get(key);
  if (cached && cached.until > Date.now()) return cached.token;
  const res = await fetch(`${keycloak}/realms/planning/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: 'planning-web', username: user, password: user }),
  });
  if (!res.ok) throw new Error(`token for ${user}: HTTP ${res.status} ${await res.text()}`);
  const body = await res.json();
  // Renewed well before it expires, so no timed request pays for a token.
  tokens.set(key, { token: body.access_token, until: Date.now() + (body.expires_in - 60) * 1000 });
  return body.access_token;
}

/** One request: milliseconds, bytes, and the first error (GraphQL errors included). */
async function call(read, { gateway, keycloak } = first) {
  const bearer = await token(read.user, keycloak);
  const t0 = performance.now();
  const res = read.path
    ? await fetch(gateway.replace(/\/graphql$/, read.path), { headers: { Authorization: `Bearer ${bearer}` } })
    : await fetch(gateway, {
      method: 'POST',
      headers: { Authorization: `Bearer ${bearer}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: read.query, variables: read.variables ?? {} }),
    });
  const buffer = Buffer.from(await res.arrayBuffer());
  const ms = performance.now() - t0;
  let error = res.ok ? null : `HTTP ${res.status} ${buffer.toString('utf8', 0, 200)}`;
  if (!read.path && res.ok) {
    const body = JSON.parse(buffer.toString('utf8'));
    if (body.errors?.length) error = body.errors.map((e) => `${e.extensions?.code ?? ''} ${e.message}`).join('; ').slice(0, 300);
    read.check?.(body.data);
  }
  return { ms, bytes: buffer.length, error };
}

const TASK_ROW = `id number title status health healthReason { kind text } progressPercent version
  deadline { date ongoing text } leadOrgs { id name } cooperatingOrgs { id name } plan { id title }`;
const page = (field) => `totalCount pageInfo { hasNextPage endCursor } edges { node { ${field} } }`;

async function reads(target = first) {
  const plans = await connect(target.opts, 'plans');
  const orgs = await connect(target.opts, 'orgs');
  try {
    // The plans read are fixed bench plans (plan 0 exists at every size), so each size reads the same one.
    const planId = uuid('plan:0');
    const found = (await plans.query('SELECT count(*) FROM task WHERE plan_id = $1', [planId])).rows[0].count;
    if (Number(found) === 0) throw new Error('no bench data: run seed.mjs first');
    const counts = (await plans.query(`SELECT (SELECT count(*) FROM task) AS tasks, (SELECT count(*) FROM progress_report) AS reports,
      (SELECT count(*) FROM plan WHERE created_by = $1) AS plans`, [BENCH_USER])).rows[0];
    const orgCount = (await orgs.query('SELECT count(*) FROM organization')).rows[0].count;
    // 50 names as documents write them: bench departments of one prefecture and province departments.
    const names = (await orgs.query(`(SELECT name FROM organization WHERE code LIKE 'nmg.bench03.c0%' AND kind = 'DEPARTMENT' ORDER BY code LIMIT 40)
      UNION ALL (SELECT name FROM organization WHERE parent_id = (SELECT id FROM organization WHERE code = 'nmg') ORDER BY code LIMIT 10)`)).rows.map((r) => r.name);
    // The prefecture whose subtree holds the most tasks, so that its list is a full page at every size (at 1k most
    // prefectures have none: an empty page is no measure of the growth).
    const subtrees = (await orgs.query(`SELECT p.code, array_agg(o.id) AS ids FROM organization p JOIN organization o
      ON o.id = p.id OR p.id = ANY(o.ancestry) WHERE p.code ~ '^nmg\\.bench[0-9]+$' GROUP BY p.code ORDER BY p.code`)).rows;
    let prefecture = { code: 'nmg.bench01', tasks: -1 };
    for (const { code, ids } of subtrees) {
      const tasks = Number((await plans.query('SELECT count(DISTINCT task_id) AS n FROM task_org WHERE org_id = ANY($1::uuid[])', [ids])).rows[0].n);
      if (tasks > prefecture.tasks) prefecture = { code, tasks };
    }
    const today = new Date().toISOString().slice(0, 10);
    const in90 = new Date(Date.now() + 90 * 86400000).toISOString().slice(0, 10);
    const list = [
      { name: 'dashboard, all plans', user: 'planner', query: `{ healthCounts { org { id code name } green yellow red done total } }` },
      // What the console's 督查看板 asks since healthCountPage: the first 20 organizations, most red first, and the sums.
      { name: 'dashboard, all plans, first page', user: 'planner', query: `{ healthCountPage(first: 20) { totalCount sum { green yellow red done total } pageInfo { hasNextPage endCursor } edges { node { org { id code name } green yellow red done total } } } }` },
      { name: 'dashboard, one plan', user: 'planner', query: `query($p: ID) { healthCounts(planId: $p) { org { id code name } green yellow red done total } }`, variables: { p: planId } },
      { name: 'tasks(health: RED, first: 50)', user: 'planner', query: `{ tasks(health: RED, first: 50) { ${page(TASK_ROW)} } }` },
      { name: 'overdue tasks (RED, dueBefore today, by deadline)', user: 'planner',
        query: `query($t: Date!) { tasks(health: RED, dueBefore: $t, sortBy: DEADLINE, order: ASC, first: 50) { ${page(TASK_ROW + ' healthReason { days }')} } }`, variables: { t: today } },
      { name: 'tasks(orgCode: prefecture, includeSubOrgs)', user: 'planner',
        query: `{ tasks(orgCode: "${prefecture.code}", includeSubOrgs: true, first: 50) { ${page(TASK_ROW)} } }` },
      // The prefecture's tasks of one colour: green the most of them (its count), yellow the fewest (its page's walk).
      ...['GREEN', 'YELLOW'].map((health) => ({ name: `tasks(orgCode: prefecture, includeSubOrgs, health: ${health})`, user: 'planner',
        query: `{ tasks(orgCode: "${prefecture.code}", includeSubOrgs: true, health: ${health}, first: 50) { ${page(TASK_ROW)} } }` })),
      { name: 'tasks(dueAfter today, dueBefore +90 d, by deadline)', user: 'planner',
        query: `query($a: Date, $b: Date) { tasks(dueAfter: $a, dueBefore: $b, sortBy: DEADLINE, first: 50) { ${page(TASK_ROW)} } }`, variables: { a: today, b: in90 } },
      { name: 'tasks, 20th page (after: offset 950)', user: 'planner',
        query: `query($c: String) { tasks(first: 50, after: $c) { ${page('id number title health')} } }`, cursorAt: 950 },
      // A deep page by deadline, 60 % into all tasks (60,000 at 100k): by the offset, and after the keyset cursor of the
      // task before it (decision 0019), which one request by the offset finds before the timing starts.
      { name: 'tasks by deadline, page at 60 % (after: offset)', user: 'planner',
        query: `query($c: String) { tasks(sortBy: DEADLINE, first: 50, after: $c) { ${page('id number title health deadline { date }')} } }`,
        cursorAt: Math.floor(Number(counts.tasks) * 0.6) },
      { name: 'tasks by deadline, page at 60 % (after: keyset cursor)', user: 'planner',
        query: `query($c: String) { tasks(sortBy: DEADLINE, first: 50, after: $c) { ${page('id number title health deadline { date }')} } }`,
        keysetAt: Math.floor(Number(counts.tasks) * 0.6) },
      // Orders with an index: UPDATED, TITLE since V17, PROGRESS (the latest percent, in task_facts) since V18.
      { name: 'tasks by last update, first page', user: 'planner', query: `{ tasks(sortBy: UPDATED, first: 50) { ${page('id number title health progressPercent')} } }` },
      { name: 'tasks by title, first page', user: 'planner', query: `{ tasks(sortBy: TITLE, first: 50) { ${page('id number title health progressPercent')} } }` },
      { name: 'tasks by progress, first page', user: 'planner', query: `{ tasks(sortBy: PROGRESS, first: 50) { ${page('id number title health progressPercent')} } }` },
      { name: 'tasks by progress, descending, first page', user: 'planner', query: `{ tasks(sortBy: PROGRESS, order: DESC, first: 50) { ${page('id number title health progressPercent')} } }` },
      { name: 'tasks by progress, descending, page at 60 % (after: keyset cursor)', user: 'planner',
        query: `query($c: String) { tasks(sortBy: PROGRESS, order: DESC, first: 50, after: $c) { ${page('id number title health progressPercent')} } }`,
        keysetAt: Math.floor(Number(counts.tasks) * 0.6) },
      { name: 'myTasks inbox (zjt.reporter)', user: 'zjt.reporter',
        query: `{ myTasks(first: 50) { totalCount pageInfo { hasNextPage endCursor } edges { reportDue returned missedPeriods node { ${TASK_ROW} } } } }` },
      // The inbox's tabs 待填报 and 被退回 (decision 0028).
      ...[['reportDue', '待填报'], ['returned', '被退回']].map(([flag, tab]) => ({ name: `myTasks inbox, ${tab} (${flag}: true)`, user: 'zjt.reporter',
        query: `{ myTasks(${flag}: true, first: 50) { totalCount pageInfo { hasNextPage endCursor } edges { reportDue returned missedPeriods node { ${TASK_ROW} } } } }` })),
      { name: 'approvalQueue(first: 50) (planner)', user: 'planner',
        query: `{ approvalQueue(first: 50) { ${page('id period percent summary status reportedAt org { id name } task { id number title }')} } }` },
      { name: 'approvalQueue badge (first: 0)', user: 'planner', query: `{ approvalQueue(first: 0) { totalCount } }` },
      { name: 'plans(first: 50) with task counts', user: 'planner',
        query: `{ plans(first: 50) { ${page('id title kind docNumber status issuedOn issuer { id name } tasks(first: 0) { totalCount }')} } }` },
      { name: 'one plan, all tasks, leads, latest percent', user: 'planner',
        query: `query($p: ID!) { plan(id: $p) { id title issuer { id name ancestors { id } } tasks(first: 500) { ${page(TASK_ROW)} } } }`, variables: { p: planId } },
      { name: 'ledger of a 200-task plan (xlsx)', user: 'planner', path: `/ledger/plans/${planId}.xlsx` },
      { name: 'org descendants (prefecture, ~1.7k)', user: 'planner', query: `{ organization(code: "nmg.bench01") { descendants { id code name } } }` },
      { name: 'org descendants (province, all)', user: 'planner', query: `{ organization(code: "nmg") { descendants { id code } } }` },
      { name: 'org descendants (province), a page of 100', user: 'planner',
        query: `{ organization(code: "nmg") { descendantPage(first: 100) { ${page('id code name')} } } }` },
      { name: 'org descendants (province), 101st page of 100', user: 'planner',
        query: `query($c: String) { organization(code: "nmg") { descendantPage(first: 100, after: $c) { ${page('id code name')} } } }`, cursorAt: 10000 },
      { name: 'resolveOrganizationNames, 50 names', user: 'planner',
        query: `query($n: [String!]!) { resolveOrganizationNames(names: $n, contextCode: "nmg") { input organization { id } } }`, variables: { n: names } },
      { name: 'indicator progress of a plan', user: 'planner',
        query: `query($p: ID) { indicators(planId: $p, first: 50) { ${page('id name progress met health latest { id value period } target { value year }')} } }`, variables: { p: planId } },
    ];
    return { list: list.filter((r) => !only || only.has(r.name)), counts: { ...counts, orgs: orgCount, prefecture: `${prefecture.code} (${prefecture.tasks} tasks)` } };
  } finally {
    await Promise.all([plans.end(), orgs.end()]);
  }
}

function rss(stateDir = first.stateDir) {
  const out = {};
  for (const part of ['org-service', 'plan-service', 'indicator-service', 'gateway', 'postgres']) {
    const file = `${stateDir}/run/${part}.pid`;
    if (!existsSync(file)) continue;
    const pid = readFileSync(file, 'utf8').trim().split(/\s+/)[0];
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const kb = (key) => Number(status.match(new RegExp(`^${key}:\\s+(\\d+)`, 'm'))?.[1] ?? 0);
      out[part] = { rssMb: Math.round(kb('VmRSS') / 1024), peakMb: Math.round(kb('VmHWM') / 1024) };
    } catch {
      // not running
    }
  }
  return out;
}

// The tables plan-service's counts and pages read from an index alone (V13, V14, V16, V18): a page the visibility map
// does not mark all-visible costs a row fetch per entry (plan-service V19), so a slow count may be a table autovacuum
// has not reached yet rather than the query.
const INDEX_ONLY_TABLES = ['task_org', 'task', 'task_facts', 'health_snapshot_org_task'];

/** Per table of INDEX_ONLY_TABLES, its heap pages and the share of them marked all-visible. */
async function visibility(target = first) {
  const plans = await connect(target.opts, 'plans');
  try {
    const { rows } = await plans.query('SELECT relname, relpages, relallvisible FROM pg_class WHERE relname = ANY($1) AND relkind = $2',
      [INDEX_ONLY_TABLES, 'r']);
    return Object.fromEntries(rows.map((r) => [r.relname, { pages: r.relpages, allVisible: r.relallvisible }]));
  } finally {
    await plans.end();
  }
}

const visible = (v) => (v ? `${v.allVisible} of ${v.pages} (${v.pages ? Math.round((100 * v.allVisible) / v.pages) : 100} %)` : '–');

/** The cursor a read starts after: an offset cursor (`cursorAt`), or the keyset cursor the page before hands out (`keysetAt`). */
async function startCursor(read, target = first) {
  const offset = (at) => Buffer.from(`offset:${at - 1}`).toString('base64url');
  if (read.cursorAt !== undefined) return { c: offset(read.cursorAt) };
  if (read.keysetAt === undefined) return read.variables;
  let cursor;
  const before = { ...read, variables: { c: offset(read.keysetAt - 50) }, check: (data) => { cursor = data.tasks.pageInfo.endCursor; } };
  const r = await call(before, target);
  if (r.error || !cursor) throw new Error(`${read.name}: no keyset cursor (${r.error ?? 'empty page'})`);
  return { c: cursor };
}

const ms = (v) => (v === undefined ? '–' : v.toFixed(0));
const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

const size = (bytes) => (bytes >= 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${bytes} B`);
const ratio = (b, a) => (a === undefined || b === undefined ? '–' : (b / a).toFixed(2));

/** Each read on both platforms, one request at a time, alternating which platform goes first. */
async function compare() {
  const [a, b] = await Promise.all([reads(first), reads(second)]);
  const labels = [opts.label ?? `${a.counts.tasks} tasks`, vsOpts.label ?? `${b.counts.tasks} tasks`];
  console.log(`data: ${labels[0]}: ${a.counts.tasks} tasks, ${a.counts.reports} reports, ${a.counts.orgs} organizations; `
    + `${labels[1]}: ${b.counts.tasks} tasks, ${b.counts.reports} reports, ${b.counts.orgs} organizations; `
    + `the busiest prefectures ${a.counts.prefecture} and ${b.counts.prefecture}; `
    + `${iterations} iterations after ${warmup} warm-up, one at a time, alternating`);
  const rows = [];
  for (const [index, readA] of a.list.entries()) {
    const sides = [{ read: readA, target: first }, { read: b.list[index], target: second }]
      .map((side) => ({ ...side, times: [], bytes: 0, error: null, done: false }));
    for (const { read, target } of sides) read.variables = await startCursor(read, target);
    const loadBefore = loadavg()[0];
    for (let i = 0; i < warmup + iterations && sides.some((s) => !s.done); i++) {
      for (const side of i % 2 === 0 ? sides : [...sides].reverse()) {
        if (side.done) continue;
        const r = await call(side.read, side.target);
        side.error = r.error;
        side.bytes = r.bytes;
        if (i >= warmup || r.ms > 15000 || r.error) side.times.push(r.ms);
        side.done = Boolean(r.error) || r.ms > 15000;
      }
    }
    const load = `${loadBefore.toFixed(1)}–${loadavg()[0].toFixed(1)}`;
    const [x, y] = sides.map((s) => {
      s.times.sort((p, q) => p - q);
      return { n: s.times.length, p50: pct(s.times, 50), p99: pct(s.times, 99), bytes: s.bytes, error: s.error };
    });
    const row = { read: readA.name, first: x, second: y, p50Ratio: ratio(y.p50, x.p50), p99Ratio: ratio(y.p99, x.p99), load };
    rows.push(row);
    console.log(`  ${row.read}: ${labels[0]} p50 ${ms(x.p50)} / p99 ${ms(x.p99)} ms, ${labels[1]} p50 ${ms(y.p50)} / p99 ${ms(y.p99)} ms, `
      + `×${row.p50Ratio} / ×${row.p99Ratio}, load ${load}${x.error ? ` ERROR ${labels[0]}: ${x.error}` : ''}${y.error ? ` ERROR ${labels[1]}: ${y.error}` : ''}`);
  }
  const memory = [rss(first.stateDir), rss(second.stateDir)];
  console.log(`\n### ${labels[0]} and ${labels[1]} side by side (${new Date().toISOString().slice(0, 16)} UTC)\n`);
  console.log(`| read | ${labels[0]} p50 / p99 ms | ${labels[1]} p50 / p99 ms | ${labels[1]}/${labels[0]} p50 | p99 | response ${labels[0]} / ${labels[1]} | n | load avg |`);
  console.log('|---|---|---|---|---|---|---|---|');
  const shown = (side) => (side.error ? 'error: ' + side.error.slice(0, 60) : size(side.bytes));
  for (const r of rows) {
    console.log(`| ${r.read} | ${ms(r.first.p50)} / ${ms(r.first.p99)} | ${ms(r.second.p50)} / ${ms(r.second.p99)} | ${r.p50Ratio} | ${r.p99Ratio} `
      + `| ${shown(r.first)} / ${shown(r.second)} | ${r.first.n}, ${r.second.n} | ${r.load} |`);
  }
  console.log(`\n| process | ${labels[0]} RSS / peak MB | ${labels[1]} RSS / peak MB |\n|---|---|---|`);
  for (const part of new Set([...Object.keys(memory[0]), ...Object.keys(memory[1])])) {
    const m = memory.map((side) => (side[part] ? `${side[part].rssMb} / ${side[part].peakMb}` : '–'));
    console.log(`| ${part} | ${m[0]} | ${m[1]} |`);
  }
  const visibilities = [await visibility(first), await visibility(second)];
  console.log(`\n| table (plans) | ${labels[0]} pages all-visible | ${labels[1]} pages all-visible |\n|---|---|---|`);
  for (const table of INDEX_ONLY_TABLES) console.log(`| ${table} | ${visible(visibilities[0][table])} | ${visible(visibilities[1][table])} |`);
  if (opts.json) {
    writeFileSync(opts.json, JSON.stringify({ labels, counts: [a.counts, b.counts], rows, memory, visibilities, at: new Date().toISOString() }, null, 2));
  }
}

async function main() {
  if (second) return compare();
  const { list, counts } = await reads();
  console.log(`data: ${counts.plans} bench plans, ${counts.tasks} tasks, ${counts.reports} reports, ${counts.orgs} organizations; the busiest prefecture ${counts.prefecture}; `
    + `${iterations} iterations after ${warmup} warm-up, one at a time`);
  const rows = [];
  for (const read of list) {
    read.variables = await startCursor(read);
    const times = [];
    const loadBefore = loadavg()[0];
    let bytes = 0;
    let error = null;
    for (let i = 0; i < warmup + iterations && !error; i++) {
      // A read that takes over 15 s is not repeated: one figure says enough and the rest would take hours.
      const r = await call(read);
      error = r.error;
      if (i >= warmup || r.ms > 15000 || r.error) times.push(r.ms);
      bytes = r.bytes;
      if (r.ms > 15000) break;
    }
    times.sort((a, b) => a - b);
    const load = `${loadBefore.toFixed(1)}–${loadavg()[0].toFixed(1)}`;
    const row = { read: read.name, n: times.length, p50: pct(times, 50), p99: pct(times, 99), bytes, error, load };
    rows.push(row);
    console.log(`  ${row.read}: p50 ${ms(row.p50)} ms, p99 ${ms(row.p99)} ms, ${row.bytes} B, load ${load}${error ? ' ERROR ' + error : ''}`);
  }
  const memory = rss();
  const label = opts.label ?? `${counts.tasks} tasks`;
  console.log(`\n### ${label}: ${counts.tasks} tasks, ${counts.reports} reports, ${counts.orgs} organizations (${new Date().toISOString().slice(0, 16)} UTC)\n`);
  console.log('| read | p50 ms | p99 ms | response | n | load avg |');
  console.log('|---|---|---|---|---|---|');
  for (const r of rows) {
    const size = r.bytes >= 1024 ? `${(r.bytes / 1024).toFixed(1)} KB` : `${r.bytes} B`;
    console.log(`| ${r.read} | ${ms(r.p50)} | ${ms(r.p99)} | ${r.error ? 'error: ' + r.error.slice(0, 80) : size} | ${r.n} | ${r.load} |`);
  }
  console.log('\n| process | RSS MB | peak RSS MB |\n|---|---|---|');
  for (const [part, m] of Object.entries(memory)) console.log(`| ${part} | ${m.rssMb} | ${m.peakMb} |`);
  const visibilities = await visibility();
  console.log('\n| table (plans) | pages all-visible |\n|---|---|');
  for (const table of INDEX_ONLY_TABLES) console.log(`| ${table} | ${visible(visibilities[table])} |`);
  if (opts.json) writeFileSync(opts.json, JSON.stringify({ label, counts, rows, memory, visibilities, at: new Date().toISOString() }, null, 2));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
