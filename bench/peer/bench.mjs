// Peer benchmark (issue #18): our gateway jar, Apollo Gateway 2.14 and Hive Gateway 2.15 (with and without its
// Rust query planner, --hive-router-runtime) over the same four fast subgraphs (subgraphs.mjs), one gateway
// process each. For every query and gateway: requests per second, p50, p99 (autocannon, 16 connections), the
// gateway process's CPU milliseconds per request (utime+stime from /proc, its child processes included) and the
// subgraph requests per operation. Rounds are interleaved (the gateway order rotates each round); round 0 warms
// the JITs and is not counted. Before measuring, every gateway must answer each query with the same JSON.
//
//   npm ci && npm run bench -- [--duration 10] [--rounds 3] [--connections 16]
//       [--gateways ours,apollo,hive,hive-router] [--queries nested,small]
//       [--warmup 2×duration] [--jar ../../gateway/target/quarkus-app/quarkus-run.jar] [--before OTHER_JAR]
//       [--java-opts "-XX:..."]   (extra JVM options for our gateway, e.g. a flight recording)
//
// Loopback only; every run is bounded in time; every process it starts is stopped at the end.
import { fork, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir, cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { typeDefs } from './subgraphs.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}
const bounded = (value, min, max) => Math.max(min, Math.min(max, Number(value)));
const duration = bounded(option('duration', 10), 1, 600);
const rounds = bounded(option('rounds', 3), 1, 20);
const connections = bounded(option('connections', 16), 1, 256);
const wanted = option('gateways', 'ours,apollo,hive,hive-router').split(',');
const queryNames = option('queries', 'nested,small').split(',');
const jar = resolve(option('jar', join(root, 'gateway/target/quarkus-app/quarkus-run.jar')));
const beforeJar = option('before', null);
const warmup = bounded(option('warmup', 2 * duration), 1, 600);
const javaOpts = (option('java-opts', '') || '').split(' ').filter(Boolean);
const READY_MS = 180_000;

const FRAGMENTS = `
  fragment User on User { id username name }
  fragment Review on Review { id body }
  fragment Product on Product { inStock name price shippingEstimate upc weight }
`;
const QUERIES = {
  // The public benchmark's shape: users and top products, three levels of reviews below them.
  nested: `${FRAGMENTS}
    query Nested {
      users { ...User reviews { ...Review product { ...Product reviews { ...Review author { ...User reviews { ...Review product { ...Product } } } } } } }
      topProducts { ...Product reviews { ...Review author { ...User reviews { ...Review product { ...Product } } } } }
    }`,
  small: `query Small { me { id name username } topProducts(first: 3) { upc name price inStock } }`,
};

const children = [];
const tmp = mkdtempSync(join(tmpdir(), 'peer-bench-'));

function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.on('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function post(url, query) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query }),
  });
  return { status: res.status, text: await res.text() };
}

async function waitReady(gw) {
  const until = Date.now() + READY_MS;
  while (Date.now() < until) {
    if (gw.child.exitCode !== null) throw new Error(`${gw.name} exited with ${gw.child.exitCode}: see ${gw.log}`);
    const r = await post(gw.url, '{ __typename }').catch(() => null);
    if (r?.status === 200 && r.text.includes('Query')) return;
    await sleep(500);
  }
  throw new Error(`${gw.name} not ready after ${READY_MS / 1000} s: see ${gw.log}`);
}

function start(name, cmd, args, port, cwd = here) {
  const log = join(tmp, `${name}.log`);
  writeFileSync(log, '');
  const out = openSync(log, 'a');
  const child = spawn(cmd, args, { cwd, stdio: ['ignore', out, out] });
  children.push(child);
  return { name, child, url: `http://127.0.0.1:${port}/graphql`, log };
}

/** A copy of the jar's folder, so a rebuild of the worktree during the run cannot swap classes under it. */
function copyJar(path, name) {
  if (!existsSync(path)) throw new Error(`no gateway jar at ${path}: ./mvnw -B -ntp -pl gateway -am package -DskipTests`);
  const copy = join(tmp, name);
  cpSync(dirname(path), copy, { recursive: true });
  return join(copy, 'quarkus-run.jar');
}

async function startOurs(name, jarPath, supergraph) {
  const port = await freePort();
  // Authentication is off because the benchmark's subgraphs take no token; a deployed gateway never runs so.
  return start(name, 'java', [
    '-Xmx256m',
    ...javaOpts,
    `-Dplanning.composition.supergraph-file=${supergraph}`,
    `-Dquarkus.http.port=${port}`,
    '-Dquarkus.http.host=127.0.0.1',
    '-Dquarkus.oidc.tenant-enabled=false',
    '-Dquarkus.http.auth.permission.graphql.policy=permit',
    '-Dquarkus.http.access-log.enabled=false',
    '-Dquarkus.shutdown.timeout=1s',
    '-jar', copyJar(jarPath, name),
  ], port, tmp);
}

async function startGateway(name, supergraph) {
  if (name === 'ours') return startOurs(name, jar, supergraph);
  if (name === 'before') return startOurs(name, resolve(beforeJar), supergraph);
  const port = await freePort();
  if (name === 'apollo') return start(name, process.execPath, [join(here, 'apollo-gateway.mjs'), supergraph, String(port)], port);
  const bin = join(here, 'node_modules/@graphql-hive/gateway/dist/bin.js');
  const args = [bin, 'supergraph', supergraph, '--port', String(port), '--host', '127.0.0.1'];
  if (name === 'hive-router') args.push('--hive-router-runtime');
  if (name === 'hive' || name === 'hive-router') return start(name, process.execPath, args, port);
  throw new Error(`unknown gateway ${name}`);
}

const TICK_MS = 1000 / 100; // USER_HZ is 100 on Linux

/** CPU ms used so far by a process and its living descendants. */
function cpuMs(pid) {
  const stats = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const text = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
      stats.set(Number(entry), { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // gone meanwhile
    }
  }
  let total = 0;
  const todo = [pid];
  while (todo.length) {
    const p = todo.pop();
    total += stats.get(p)?.ticks ?? 0;
    for (const [q, s] of stats) if (s.ppid === p) todo.push(q);
  }
  return total * TICK_MS;
}

function subgraphCounts(sub) {
  return new Promise((ok) => {
    sub.once('message', (m) => ok(m.counts));
    sub.send('counts');
  });
}

function load(gw, body, expected, seconds) {
  return new Promise((ok, fail) => {
    autocannon(
      {
        url: gw.url, method: 'POST', connections, duration: seconds, body,
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        expectBody: expected,
      },
      (err, result) => (err ? fail(err) : ok(result)),
    );
  });
}

function countObjects(value) {
  if (Array.isArray(value)) return value.reduce((n, v) => n + countObjects(v), 0);
  if (value && typeof value === 'object') return 1 + Object.values(value).reduce((n, v) => n + countObjects(v), 0);
  return 0;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (x, d = 1) => (x == null || Number.isNaN(x) ? '–' : x.toFixed(d));

async function main() {
  const sub = fork(join(here, 'subgraphs.mjs'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  children.push(sub);
  const { ports } = await new Promise((ok) => sub.once('message', ok));
  const composed = composeServices(Object.entries(typeDefs).map(([name, sdl]) => ({
    name, typeDefs: parse(sdl), url: `http://127.0.0.1:${ports[name]}/graphql`,
  })));
  if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join('\n'));
  const supergraph = join(tmp, 'supergraph.graphql');
  writeFileSync(supergraph, composed.supergraphSdl);

  const names = [...wanted, ...(beforeJar ? ['before'] : [])];
  const gateways = [];
  for (const name of names) gateways.push(await startGateway(name, supergraph));
  await Promise.all(gateways.map(waitReady));
  console.log(`ready: ${gateways.map((g) => g.name).join(', ')}; logs in ${tmp}`);

  // Same JSON from every gateway, and each one's subgraph requests per operation (sequential, so exact).
  const expected = {};
  const perOp = {};
  for (const q of queryNames) {
    let reference = null;
    for (const gw of gateways) {
      const { status, text } = await post(gw.url, QUERIES[q]);
      const json = JSON.parse(text);
      if (status !== 200 || json.errors) throw new Error(`${gw.name} ${q}: HTTP ${status} ${text.slice(0, 500)}`);
      const canonical = JSON.stringify(json);
      if (reference === null) {
        reference = canonical;
        console.log(`${q}: ${countObjects(json.data)} objects, ${Buffer.byteLength(text)} bytes`);
      } else if (canonical !== reference) {
        writeFileSync(join(tmp, `${q}-${gw.name}.json`), canonical);
        writeFileSync(join(tmp, `${q}-${gateways[0].name}.json`), reference);
        throw new Error(`${gw.name} answers ${q} differently from ${gateways[0].name}: see ${tmp}`);
      }
      (expected[gw.name] ??= {})[q] = text;
      const before = await subgraphCounts(sub);
      const n = 10;
      for (let i = 0; i < n; i++) await post(gw.url, QUERIES[q]);
      const after = await subgraphCounts(sub);
      const per = Object.fromEntries(Object.keys(after).map((k) => [k, (after[k] - before[k]) / n]).filter(([, v]) => v > 0));
      (perOp[gw.name] ??= {})[q] = { total: Object.values(per).reduce((a, b) => a + b, 0), per };
    }
  }
  console.log('identical JSON from every gateway');

  const loadBefore = loadavg();
  const started = new Date();
  const results = {};
  for (let round = 0; round <= rounds; round++) {
    for (const q of queryNames) {
      const body = JSON.stringify({ query: QUERIES[q] });
      for (let k = 0; k < gateways.length; k++) {
        const gw = gateways[(k + round) % gateways.length];
        const cpu0 = cpuMs(gw.child.pid);
        const r = await load(gw, body, expected[gw.name][q], round === 0 ? warmup : duration);
        const cpu = cpuMs(gw.child.pid) - cpu0;
        const bad = r.errors + r.timeouts + r.non2xx + (r.mismatches ?? 0);
        const line = `round ${round}${round === 0 ? ' (warm-up)' : ''} ${q} ${gw.name}: ${fmt(r.requests.total / r.duration)} req/s, p99 ${r.latency.p99} ms, ${fmt(cpu / r.requests.total, 2)} CPU ms/req${bad ? `, ${bad} failed` : ''}`;
        console.log(line);
        if (round === 0) continue;
        const acc = ((results[q] ??= {})[gw.name] ??= { requests: 0, seconds: 0, cpu: 0, p50: [], p99: [], bad: 0 });
        acc.requests += r.requests.total;
        acc.seconds += r.duration;
        acc.cpu += cpu;
        acc.p50.push(r.latency.p50);
        acc.p99.push(r.latency.p99);
        acc.bad += bad;
      }
    }
  }
  const loadAfter = loadavg();

  console.log(`\n${started.toISOString()}: ${cpus().length} CPUs, load average before ${loadBefore.map((x) => x.toFixed(2)).join(' ')}, after ${loadAfter.map((x) => x.toFixed(2)).join(' ')}; ${rounds} counted rounds of ${duration} s, ${connections} connections`);
  for (const q of queryNames) {
    console.log(`\n${q}\n| gateway | req/s | p50 ms | p99 ms | CPU ms/req | subgraph requests/op | failed |\n|---|---|---|---|---|---|---|`);
    for (const gw of gateways) {
      const a = results[q][gw.name];
      const ops = perOp[gw.name][q];
      const per = Object.entries(ops.per).map(([k, v]) => `${k} ${v}`).join(', ');
      console.log(`| ${gw.name} | ${fmt(a.requests / a.seconds)} | ${median(a.p50)} | ${median(a.p99)} | ${fmt(a.cpu / a.requests, 2)} | ${ops.total} (${per}) | ${a.bad} |`);
    }
    const ours = results[q].ours;
    if (ours) {
      for (const gw of gateways.filter((g) => g.name !== 'ours')) {
        const o = results[q][gw.name];
        console.log(`ours/${gw.name}: req/s ${fmt((ours.requests / ours.seconds) / (o.requests / o.seconds), 2)}, p99 ${fmt(median(ours.p99) / median(o.p99), 2)}, CPU/req ${fmt((ours.cpu / ours.requests) / (o.cpu / o.requests), 2)}`);
      }
    }
  }
}

function stopAll() {
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
}
process.on('SIGINT', () => { stopAll(); process.exit(130); });
try {
  await main();
} catch (e) {
  console.error(e.message ?? e);
  process.exitCode = 1;
} finally {
  stopAll();
  await sleep(500);
  if (!process.exitCode) rmSync(tmp, { recursive: true, force: true });
}
