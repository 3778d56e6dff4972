// Gateway benchmark: representative nested operations N times with concurrency C through our gateway and through
// Apollo Gateway (in-process, over the same subgraphs), then the subgraph calls each gateway makes per operation,
// counted by tiny loopback proxies in front of the subgraphs.
//
//   node bench/gateway-bench.mjs [--iterations 200] [--concurrency 8] [--warmup 20]
//       [--gateway URL] [--keycloak URL] [--org-service URL] [--plan-service URL] [--indicator-service URL]
//       [--state-dir DIR]   (the platform's PLATFORM_STATE_DIR: lets the bench start a second, private instance of
//                            our gateway behind the counting proxies; without it our calls are counted from the
//                            gateway's own gateway.subgraph.requests metric instead)
//       [--before URL] [--rounds 3]  (another build of our gateway over the same subgraphs, e.g. main's jar: then
//                            ours, before and Apollo run in interleaved rounds, the order rotating each round, and
//                            the table gives ours/before ratios too)
//
// Uses ../federation's node_modules (run `npm ci` in federation/ first). Loopback only; every loop is bounded.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { graphql, platformUrls, startApolloGateway, startCountingProxy, token } from '../federation/apollo-gateway.mjs';
import { operations, seed } from '../federation/parity-operations.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const urls = platformUrls(process.argv.slice(2));
const iterations = Math.min(Number(urls.iterations ?? 200), 100000);
const concurrency = Math.min(Number(urls.concurrency ?? 8), 256);
const warmup = Math.min(Number(urls.warmup ?? 20), 10000);
const rounds = Math.max(1, Math.min(Number(urls.rounds ?? 3), 100));

const BENCHED = [
  'plan → issuer → children',
  'plan → tasks → leadOrgs/cooperatingOrgs',
  'organization → tasks → plan → indicators',
  'Plan.indicators (+ responsibleOrgs, latest, progress)',
];

async function run(url, bearer, op, n, c) {
  return summary([await measure(url, bearer, op, n, c)]);
}

function summary(parts) {
  const latencies = parts.flatMap((p) => p.latencies).sort((a, b) => a - b);
  const seconds = parts.reduce((sum, p) => sum + p.seconds, 0);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)];
  return { rps: latencies.length / seconds, p50: pct(50), p99: pct(99), failures: parts.reduce((sum, p) => sum + p.failures, 0) };
}

/** Interleaved rounds over several gateways; the order rotates so none always runs first (or right after another). */
async function interleaved(gateways, op) {
  const parts = gateways.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < gateways.length; k++) {
      const i = (k + round) % gateways.length;
      // A fresh token for each run: a long run outlives the realm's access-token lifetime (5 minutes).
      const bearer = await token(urls.keycloak, 'admin');
      parts[i].push(await measure(gateways[i], bearer, op, iterations, concurrency));
    }
  }
  return parts.map(summary);
}

async function measure(url, bearer, op, n, c) {
  const latencies = [];
  let next = 0;
  let failures = 0;
  const started = performance.now();
  async function worker() {
    while (next < n) {
      next++;
      const t0 = performance.now();
      const body = await graphql(url, bearer, op.query, op.variables, op.operationName).catch((e) => ({ errors: [e] }));
      latencies.push(performance.now() - t0);
      if (body.errors?.length || !body.data) failures++;
    }
  }
  await Promise.all(Array.from({ length: Math.min(c, n) }, worker));
  return { latencies, seconds: (performance.now() - started) / 1000, failures };
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/** A private instance of our gateway jar whose subgraph URLs are the counting proxies. */
async function startOurGatewayBehind(proxies, stateDir) {
  const jar = resolve(root, 'gateway/target/quarkus-app/quarkus-run.jar');
  const secretFile = resolve(stateDir, 'secrets/planning-services-client-secret');
  if (!existsSync(jar) || !existsSync(secretFile)) return null;
  const port = await freePort();
  const child = spawn('java', ['-Xmx256m', '-jar', jar], {
    stdio: ['ignore', 'ignore', 'ignore'],
    env: {
      ...process.env,
      QUARKUS_HTTP_PORT: String(port),
      QUARKUS_MANAGEMENT_ENABLED: 'false',
      OIDC_AUTH_SERVER_URL: `${urls.keycloak}/realms/planning`,
      PLANNING_SERVICES_CLIENT_SECRET: readFileSync(secretFile, 'utf8').trim(),
      ORG_SERVICE_URL: proxies['org-service'].url,
      PLAN_SERVICE_URL: proxies['plan-service'].url,
      INDICATOR_SERVICE_URL: proxies['indicator-service'].url,
    },
  });
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) return null;
    const ready = await fetch(`http://127.0.0.1:${port}/q/health/ready`).then((r) => r.ok, () => false);
    if (ready) return { url: `http://127.0.0.1:${port}/graphql`, stop: () => child.kill('SIGTERM') };
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill('SIGTERM');
  return null;
}

async function metricCounts(gatewayUrl) {
  const text = await fetch(new URL('/q/metrics', gatewayUrl)).then((r) => r.text());
  const counts = {};
  for (const line of text.split('\n')) {
    const m = /^gateway_subgraph_requests_seconds_count\{([^}]*)\}\s+([0-9.eE+]+)/.exec(line);
    if (!m) continue;
    const subgraph = /subgraph="([^"]+)"/.exec(m[1])?.[1];
    counts[subgraph] = (counts[subgraph] ?? 0) + Number(m[2]);
  }
  return counts;
}

function describe(calls) {
  const per = new Map();
  for (const call of calls) {
    const entry = per.get(call.subgraph) ?? { n: 0, fields: new Set() };
    entry.n++;
    call.fields.forEach((f) => entry.fields.add(f));
    per.set(call.subgraph, entry);
  }
  return [...per.entries()].sort().map(([s, e]) => `${s} ${e.n} (${[...e.fields].join(', ')})`).join(', ') || '-';
}

const stops = [];
try {
  let admin = await token(urls.keycloak, 'admin');
  const ids = await seed(urls.gateway, admin);
  const ops = operations(ids).filter((op) => BENCHED.includes(op.name));
  const apollo = await startApolloGateway({ subgraphs: urls.subgraphs, bearer: admin });
  stops.push(apollo.stop);

  console.log(`# gateway benchmark ${new Date().toISOString()}`);
  console.log(`iterations ${iterations} per operation and gateway, concurrency ${concurrency}, warm-up ${warmup}`);
  console.log(`ours ${urls.gateway}, Apollo ${apollo.url}\n`);
  if (urls.before) {
    console.log(`before ${urls.before}; ${rounds} interleaved rounds of ${iterations} per gateway and operation\n`);
    console.log('| operation | ours req/s | before req/s | Apollo req/s | ours p50 ms | before p50 ms | Apollo p50 ms | ours p99 ms | before p99 ms | Apollo p99 ms | req/s ours/before | p99 ours/before | req/s ours/Apollo |');
    console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
    for (const op of ops) {
      const bearer = await token(urls.keycloak, 'admin');
      for (const url of [urls.gateway, urls.before, apollo.url]) await run(url, bearer, op, warmup, concurrency);
      const [ours, before, theirs] = await interleaved([urls.gateway, urls.before, apollo.url], op);
      const f = (x) => x.toFixed(1);
      const r = (a, b) => (a / b).toFixed(2);
      const failures = ours.failures + before.failures + theirs.failures;
      console.log(`| ${op.name} | ${f(ours.rps)} | ${f(before.rps)} | ${f(theirs.rps)} | ${f(ours.p50)} | ${f(before.p50)} | ${f(theirs.p50)} | ${f(ours.p99)} | ${f(before.p99)} | ${f(theirs.p99)} | ${r(ours.rps, before.rps)} | ${r(ours.p99, before.p99)} | ${r(ours.rps, theirs.rps)} |`
        + (failures ? ` failures: ours ${ours.failures}, before ${before.failures}, Apollo ${theirs.failures}` : ''));
    }
    console.log('');
  }
  if (!urls.before) console.log('| operation | ours req/s | Apollo req/s | ours p50 ms | Apollo p50 ms | ours p99 ms | Apollo p99 ms | p50 ours/Apollo | req/s ours/Apollo |');
  if (!urls.before) console.log('|---|---|---|---|---|---|---|---|---|');
  for (const op of urls.before ? [] : ops) {
    // Alternate warm-up and runs so neither gateway always goes first on a cold cache.
    await run(urls.gateway, admin, op, warmup, concurrency);
    await run(apollo.url, admin, op, warmup, concurrency);
    const ours = await run(urls.gateway, admin, op, iterations, concurrency);
    const theirs = await run(apollo.url, admin, op, iterations, concurrency);
    const f = (x) => x.toFixed(1);
    console.log(`| ${op.name} | ${f(ours.rps)} | ${f(theirs.rps)} | ${f(ours.p50)} | ${f(theirs.p50)} | ${f(ours.p99)} | ${f(theirs.p99)} | ${(ours.p50 / theirs.p50).toFixed(2)} | ${(ours.rps / theirs.rps).toFixed(2)} |`
      + (ours.failures || theirs.failures ? ` failures: ours ${ours.failures}, Apollo ${theirs.failures}` : ''));
  }

  // Subgraph calls per operation (one request each, after the warm-up above).
  admin = await token(urls.keycloak, 'admin');
  const proxies = {};
  for (const [name, url] of Object.entries(urls.subgraphs)) {
    proxies[name] = await startCountingProxy(name, url);
    stops.push(proxies[name].stop);
  }
  const proxiedUrls = Object.fromEntries(Object.entries(proxies).map(([n, p]) => [n, p.url]));
  const countedApollo = await startApolloGateway({ subgraphs: proxiedUrls, sdlSubgraphs: urls.subgraphs, bearer: admin });
  stops.push(countedApollo.stop);
  const ourCounted = urls['state-dir'] ? await startOurGatewayBehind(proxies, urls['state-dir']) : null;
  if (ourCounted) stops.push(ourCounted.stop);
  console.log(`\nsubgraph calls per operation (one request; ours ${ourCounted ? 'counted by the proxies' : 'from its gateway.subgraph.requests metric'})`);
  const reset = () => Object.values(proxies).forEach((p) => p.reset());
  const allCalls = () => Object.values(proxies).flatMap((p) => p.calls);
  for (const op of ops) {
    reset();
    await graphql(countedApollo.url, admin, op.query, op.variables);
    const apolloCalls = describe(allCalls());
    let ourCalls;
    if (ourCounted) {
      reset();
      await graphql(ourCounted.url, admin, op.query, op.variables);
      ourCalls = describe(allCalls());
    } else {
      const before = await metricCounts(urls.gateway);
      await graphql(urls.gateway, admin, op.query, op.variables);
      const after = await metricCounts(urls.gateway);
      ourCalls = Object.keys(after).sort().filter((s) => after[s] - (before[s] ?? 0) > 0)
        .map((s) => `${s} ${after[s] - (before[s] ?? 0)}`).join(', ');
    }
    console.log(`${op.name}\n  ours:   ${ourCalls}\n  Apollo: ${apolloCalls}`);
  }
} catch (error) {
  console.error(`bench: ${error.stack ?? error}`);
  process.exitCode = 2;
} finally {
  for (const stop of stops.reverse()) await stop();
}
process.exit(process.exitCode ?? 0);
