// Province-scale seeder (issue #15): writes organizations, plans, tasks, milestones, progress reports and indicators
// straight into the services' PostgreSQL databases of a running platform, with COPY.
//
//   node seed.mjs --tasks 10000 [--orgs 20000] [--pg-host 127.0.0.1] [--pg-port 15432] [--state-dir ../../.platform]
//
// Deterministic: plan number i always gets the same ids and contents (a fixed pseudo-random sequence per plan), so a
// run tops the bench data up to --tasks (1k, then 10k, then 100k) without touching what is there. Bench plans are
// those created by 'bench-seed'; bench organizations are the codes under nmg.bench. Nothing else is changed.
// The databases' passwords are the platform's generated one (<state-dir>/secrets/db-password); roles = databases.
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';

export const BENCH_USER = 'bench-seed';
export const TASKS_PER_PLAN = 200;

export function args(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    if (argv[i].startsWith('--')) out[argv[i].slice(2)] = argv[i + 1]?.startsWith('--') || argv[i + 1] === undefined ? 'true' : argv[++i];
  }
  return out;
}

export function connect(opts, database) {
  const stateDir = opts['state-dir'] ?? process.env.PLATFORM_STATE_DIR ?? new URL('../../.platform', import.meta.url).pathname;
  const password = readFileSync(`${stateDir}/secrets/db-password`, 'utf8').trim();
  const client = new pg.Client({
    host: opts['pg-host'] ?? '127.0.0.1',
    port: Number(opts['pg-port'] ?? process.env.PG_PORT ?? 15432),
    user: database, database, password,
  });
  return client.connect().then(() => client);
}

/** A UUID that depends only on its name (so every run makes the same ids). */
export function uuid(name) {
  const h = createHash('sha1').update('planning-bench:' + name).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** mulberry32: a small fixed pseudo-random sequence per seed. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const int = (rnd, lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
const pick = (rnd, list) => list[Math.floor(rnd() * list.length)];

/** COPY text format: \N for null, backslash escapes. */
function field(v) {
  if (v === null || v === undefined) return '\\N';
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return '{' + v.map((x) => '"' + String(x).replace(/["\\]/g, '\\$&') + '"').join(',') + '}';
  return String(v).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

async function copy(client, table, columns, rows) {
  if (rows.length === 0) return;
  const stream = client.query(copyStreams.from(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  const lines = function* () {
    for (const r of rows) yield r.map(field).join('\t') + '\n';
  };
  await pipeline(Readable.from(lines()), stream);
}

const PREFECTURES = 12;
const COUNTIES_PER_PREFECTURE = 100;
const DEPARTMENTS = ['发展和改革委员会', '教育局', '科技局', '工业和信息化局', '公安局', '民政局', '司法局', '财政局',
  '人力资源和社会保障局', '自然资源局', '生态环境局', '住房和城乡建设局', '交通运输局', '水利局', '农牧局', '商务局'];
const DEPARTMENT_CODES = ['fgw', 'jyj', 'kjj', 'gxj', 'gaj', 'mzj', 'sfj', 'czj', 'rsj', 'zrzyj', 'sthjj', 'zjj', 'jtysj', 'slj', 'nmj', 'swj'];

/**
 * About 20,000 organizations under nmg: 12 prefectures (盟市) of up to 100 counties (旗县), each county with 16
 * departments, each prefecture with its own 16. --orgs scales the county count down for smaller trees.
 */
function benchOrganizations(nmgId, total) {
  const perCounty = DEPARTMENTS.length + 1;
  const counties = Math.max(1, Math.min(COUNTIES_PER_PREFECTURE, Math.round((total / PREFECTURES - 1 - DEPARTMENTS.length) / perCounty)));
  const now = new Date();
  const rows = [];
  const org = (code, name, kind, level, parent, region) => {
    const id = uuid('org:' + code);
    rows.push([id, code, name, null, kind, level, parent, null, null, 0, now, now, [], region, null]);
    return id;
  };
  for (let p = 1; p <= PREFECTURES; p++) {
    const pc = `nmg.bench${String(p).padStart(2, '0')}`;
    const pRegion = `基准${p}盟`;
    const pid = org(pc, `${pRegion}行政公署`, 'GOVERNMENT', 'PREFECTURE', nmgId, pRegion);
    DEPARTMENTS.forEach((d, i) => org(`${pc}.${DEPARTMENT_CODES[i]}`, `${pRegion}${d}`, 'DEPARTMENT', 'PREFECTURE', pid, null));
    for (let c = 1; c <= counties; c++) {
      const cc = `${pc}.c${String(c).padStart(3, '0')}`;
      const cRegion = `基准${p}盟${c}旗`;
      const cid = org(cc, `${cRegion}人民政府`, 'GOVERNMENT', 'COUNTY', pid, cRegion);
      DEPARTMENTS.forEach((d, i) => org(`${cc}.${DEPARTMENT_CODES[i]}`, `${cRegion}${d}`, 'DEPARTMENT', 'COUNTY', cid, null));
    }
  }
  return rows;
}

const ORG_COLUMNS = ['id', 'code', 'name', 'short_name', 'kind', 'level', 'parent_id', 'valid_from', 'valid_to', 'version',
  'created_at', 'updated_at', 'aliases', 'region', 'successor_id'];

async function seedOrganizations(orgs, total) {
  const nmg = (await orgs.query("SELECT id FROM organization WHERE code = 'nmg'")).rows[0];
  if (!nmg) throw new Error("org-service has no organization 'nmg' yet: start the platform first (it loads the reference data)");
  const have = Number((await orgs.query("SELECT count(*) FROM organization WHERE code LIKE 'nmg.bench%'")).rows[0].count);
  const rows = benchOrganizations(nmg.id, total);
  if (have >= rows.length) {
    console.log(`organizations: ${have} bench organizations already there`);
  } else {
    await orgs.query('BEGIN');
    await orgs.query("DELETE FROM organization WHERE code LIKE 'nmg.bench%'");
    await copy(orgs, 'organization', ORG_COLUMNS, rows);
    await orgs.query('COMMIT');
    await orgs.query('ANALYZE organization');
    console.log(`organizations: ${rows.length} bench organizations written`);
  }
  // Who may lead what: the province's own departments (from the reference data) for province plans, the bench
  // prefectures' and counties' departments for theirs.
  const all = (await orgs.query("SELECT id, code, kind, level, parent_id FROM organization WHERE valid_to IS NULL AND successor_id IS NULL")).rows;
  const byParent = new Map();
  for (const o of all) {
    if (!byParent.has(o.parent_id)) byParent.set(o.parent_id, []);
    byParent.get(o.parent_id).push(o);
  }
  const departmentsOf = (id) => (byParent.get(id) ?? []).filter((o) => o.kind === 'DEPARTMENT' || o.kind === 'AGENCY' || o.kind === 'GENERAL_OFFICE');
  const issuers = [];
  issuers.push({ id: nmg.id, code: 'nmg', departments: departmentsOf(nmg.id).map((o) => o.id) });
  for (const o of all) {
    if (o.code.startsWith('nmg.bench') && o.kind === 'GOVERNMENT') issuers.push({ id: o.id, code: o.code, level: o.level, departments: departmentsOf(o.id).map((d) => d.id) });
  }
  const special = Object.fromEntries((await orgs.query("SELECT code, id FROM organization WHERE code IN ('nmg.zjt', 'nmg.zrzyt')")).rows.map((r) => [r.code, r.id]));
  return { nmg: nmg.id, issuers, special, count: all.length };
}

const PERIOD_QUARTERS = 12;

function quarterOf(date) {
  return { year: date.getUTCFullYear(), q: Math.floor(date.getUTCMonth() / 3) + 1 };
}
function quarterBack({ year, q }, n) {
  const k = year * 4 + (q - 1) - n;
  return { year: Math.floor(k / 4), q: (k % 4) + 1 };
}
const day = (d) => d.toISOString().slice(0, 10);
const addDays = (d, n) => new Date(d.getTime() + n * 86400000);

/** One plan, its tasks and everything below them, and its indicators: rows per table. */
function planRows(i, scope, today) {
  const rnd = random(i * 7919 + 17);
  // 10 % province plans, 20 % prefecture plans, 70 % county plans (a county's share grows with the data).
  const r = rnd();
  const candidates = r < 0.1 ? [scope.issuers[0]] : scope.issuers.filter((o) => (r < 0.3 ? o.level === 'PREFECTURE' : o.level === 'COUNTY'));
  const issuer = candidates.length ? pick(rnd, candidates) : scope.issuers[0];
  const pool = issuer.departments.length ? issuer.departments : scope.issuers[0].departments;
  const planId = uuid('plan:' + i);
  const issuedOn = addDays(today, -int(rnd, 200, 1500));
  const startYear = issuedOn.getUTCFullYear();
  const created = new Date(issuedOn.getTime() + 86400000);
  const plan = [planId, `基准规划第${i}号：${issuer.code}重点任务分工方案`, 'TASK_DIVISION', `基准〔${startYear}〕${i}号`, issuer.id,
    day(issuedOn), startYear, startYear + 5, 'PUBLISHED', 0, BENCH_USER, created, created];
  const tasks = [], taskOrgs = [], milestones = [], reports = [], indicators = [], responsible = [], observations = [];
  const current = quarterOf(today);
  for (let t = 0; t < TASKS_PER_PLAN; t++) {
    const taskId = uuid(`task:${i}:${t}`);
    const ongoing = rnd() < 0.1;
    const deadline = ongoing ? null : addDays(today, int(rnd, -365, 3 * 365));
    const s = rnd();
    const status = s < 0.15 ? 'COMPLETED' : s < 0.3 ? 'NOT_STARTED' : 'IN_PROGRESS';
    tasks.push([taskId, planId, null, String(t + 1), t + 1, `基准任务${i}-${t + 1}：推进${pick(rnd, DEPARTMENTS)}重点工作第${t + 1}项`,
      '基准数据', deadline && day(deadline), ongoing, ongoing ? '长期坚持' : deadline && `${deadline.getUTCFullYear()}年`, status, 0,
      BENCH_USER, created, created]);
    const leads = new Set();
    const nLeads = int(rnd, 1, 3);
    // The two demo departments lead or cooperate on a few tasks, so their inboxes and queues have something in them.
    if (scope.special['nmg.zjt'] && rnd() < 0.01) leads.add(scope.special['nmg.zjt']);
    while (leads.size < nLeads) leads.add(pick(rnd, pool));
    const coop = new Set();
    if (scope.special['nmg.zrzyt'] && rnd() < 0.01 && !leads.has(scope.special['nmg.zrzyt'])) coop.add(scope.special['nmg.zrzyt']);
    const nCoop = int(rnd, 0, 3);
    for (let k = 0; k < nCoop * 3 && coop.size < nCoop; k++) {
      const o = pick(rnd, pool);
      if (!leads.has(o)) coop.add(o);
    }
    let pos = 0;
    for (const o of leads) taskOrgs.push([taskId, o, 'LEAD', pos++]);
    for (const o of coop) taskOrgs.push([taskId, o, 'COOPERATING', pos++]);
    const nMilestones = int(rnd, 0, 3);
    for (let m = 0; m < nMilestones; m++) {
      const due = addDays(today, int(rnd, -400, 800));
      milestones.push([uuid(`milestone:${i}:${t}:${m}`), taskId, day(due), `阶段成果${m + 1}`, rnd() < (due < today ? 0.8 : 0.1), m + 1]);
    }
    // ~12 quarterly reports by the convener (the first lead): 10 to 14, the newest one or two quarters back.
    const reporter = [...leads][0];
    const nReports = int(rnd, 10, 14);
    const newest = int(rnd, 0, 1);
    let percent = 0;
    for (let k = nReports - 1 + newest; k >= newest; k--) {
      const pq = quarterBack(current, k);
      percent = Math.min(100, percent + int(rnd, 0, 15));
      const periodEnd = new Date(Date.UTC(pq.year, pq.q * 3, 0));
      const at = addDays(periodEnd, int(rnd, -10, 20));
      const reportedAt = at > today ? addDays(today, -1) : at;
      const latest = k === newest;
      const st = latest ? (rnd() < 0.3 ? 'SUBMITTED' : rnd() < 0.1 ? 'RETURNED' : 'APPROVED') : 'APPROVED';
      reports.push([uuid(`report:${i}:${t}:${k}`), taskId, reporter, `${pq.year}Q${pq.q}`, percent, `第${pq.q}季度推进情况：按计划推进`,
        null, null, 'bench.reporter', reportedAt, st, null, st === 'SUBMITTED' ? null : 'bench.planner', st === 'SUBMITTED' ? null : addDays(reportedAt, 3),
        0, false]);
    }
  }
  // Ten indicators a plan, five yearly values each.
  for (let k = 0; k < 10; k++) {
    const id = uuid(`indicator:${i}:${k}`);
    const baseline = int(rnd, 10, 100);
    indicators.push([id, planId, `基准指标${k + 1}`, '个', 'EXPECTED', 'AT_LEAST', baseline, startYear, baseline * 2, startYear + 5, 0, BENCH_USER,
      created, created, true]);
    responsible.push([id, 1, pick(rnd, pool)]);
    for (let y = 0; y < 5; y++) {
      observations.push([uuid(`observation:${i}:${k}:${y}`), id, null, String(startYear + y), baseline + y * int(rnd, 1, 20), '统计公报',
        BENCH_USER, addDays(created, 365 * y + 30), null]);
    }
  }
  return { plan, tasks, taskOrgs, milestones, reports, indicators, responsible, observations };
}

const PLAN_COLUMNS = ['id', 'title', 'kind', 'doc_number', 'issuer_id', 'issued_on', 'period_start', 'period_end', 'status', 'version',
  'created_by', 'created_at', 'updated_at'];
const TASK_COLUMNS = ['id', 'plan_id', 'section_id', 'number', 'position', 'title', 'description', 'deadline_date', 'deadline_ongoing',
  'deadline_text', 'status', 'version', 'created_by', 'created_at', 'updated_at'];
const REPORT_COLUMNS = ['id', 'task_id', 'org_id', 'period', 'percent', 'summary', 'problems', 'next_steps', 'reported_by', 'reported_at',
  'status', 'review_comment', 'reviewed_by', 'reviewed_at', 'version', 'late'];
const INDICATOR_COLUMNS = ['id', 'plan_id', 'name', 'unit', 'nature', 'comparator', 'baseline_value', 'baseline_year', 'target_value',
  'target_year', 'version', 'created_by', 'created_at', 'updated_at', 'additive'];
const OBSERVATION_COLUMNS = ['id', 'indicator_id', 'region_id', 'period', 'value', 'source', 'reported_by', 'reported_at', 'supersedes'];

async function main() {
  const opts = args(process.argv.slice(2));
  const target = Number(opts.tasks ?? 1000);
  const orgTotal = Number(opts.orgs ?? 20000);
  const today = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate()));
  const started = performance.now();
  const orgs = await connect(opts, 'orgs');
  const plans = await connect(opts, 'plans');
  const inds = await connect(opts, 'indicators');
  try {
    const scope = await seedOrganizations(orgs, orgTotal);
    // Plans and indicators are topped up separately: each database commits on its own.
    const have = Number((await plans.query('SELECT count(*) FROM plan WHERE created_by = $1', [BENCH_USER])).rows[0].count);
    const haveIndicators = Number((await inds.query('SELECT count(DISTINCT plan_id) FROM indicator WHERE created_by = $1', [BENCH_USER])).rows[0].count);
    const wanted = Math.ceil(target / TASKS_PER_PLAN);
    console.log(`plans: ${have} bench plans there, ${Math.max(0, wanted - have)} to add (${TASKS_PER_PLAN} tasks each)`);
    const batch = 25;
    for (let from = Math.min(have, haveIndicators); from < wanted; from += batch) {
      const all = [];
      // task_facts (health's per-task facts) follow from the COPYs by plan-service's triggers (V8).
      for (let i = from; i < Math.min(wanted, from + batch); i++) all.push({ i, ...planRows(i, scope, today) });
      const flat = (list, key) => list.flatMap((p) => p[key]);
      const newPlans = all.filter((p) => p.i >= have);
      if (newPlans.length) {
        await plans.query('BEGIN');
        await copy(plans, 'plan', PLAN_COLUMNS, newPlans.map((p) => p.plan));
        await copy(plans, 'task', TASK_COLUMNS, flat(newPlans, 'tasks'));
        await copy(plans, 'task_org', ['task_id', 'org_id', 'role', 'position'], flat(newPlans, 'taskOrgs'));
        await copy(plans, 'milestone', ['id', 'task_id', 'due_date', 'description', 'done', 'position'], flat(newPlans, 'milestones'));
        await copy(plans, 'progress_report', REPORT_COLUMNS, flat(newPlans, 'reports'));
        await plans.query('COMMIT');
      }
      const newIndicators = all.filter((p) => p.i >= haveIndicators);
      if (newIndicators.length) {
        await inds.query('BEGIN');
        await copy(inds, 'indicator', INDICATOR_COLUMNS, flat(newIndicators, 'indicators'));
        await copy(inds, 'indicator_responsible_org', ['indicator_id', 'position', 'org_id'], flat(newIndicators, 'responsible'));
        await copy(inds, 'observation', OBSERVATION_COLUMNS, flat(newIndicators, 'observations'));
        await inds.query('COMMIT');
      }
      process.stdout.write(`  plans ${Math.min(wanted, from + batch)}/${wanted} (${((performance.now() - started) / 1000).toFixed(0)} s)\n`);
    }
    for (const t of ['plan', 'task', 'task_org', 'milestone', 'progress_report', 'task_facts']) await plans.query(`VACUUM ANALYZE ${t}`);
    for (const t of ['indicator', 'indicator_responsible_org', 'observation']) await inds.query(`VACUUM ANALYZE ${t}`);
    const counts = (await plans.query('SELECT (SELECT count(*) FROM plan) plans, (SELECT count(*) FROM task) tasks, (SELECT count(*) FROM progress_report) reports')).rows[0];
    console.log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s: ${scope.count} organizations, ${counts.plans} plans, ${counts.tasks} tasks, ${counts.reports} reports`);
  } finally {
    await Promise.all([orgs.end(), plans.end(), inds.end()]);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
