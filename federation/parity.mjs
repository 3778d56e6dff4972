// Parity suite: the same operations, with the same token, against our gateway and against Apollo Gateway (started
// here in-process over the SAME subgraphs); `data` must be identical (deep-equal after JSON normalisation) and the
// errors must agree on path + extensions.code. Prints a table; exits 1 on any difference, 2 on a setup failure.
//
// Usage (a running platform; defaults are ./platform up's ports, or the same variables it reads):
//   node parity.mjs [--gateway URL] [--keycloak URL] [--org-service URL] [--plan-service URL] [--indicator-service URL]
//                   [--user admin] [--verbose true]
// It first seeds a plan of `nmg` with tasks and indicators through OUR gateway (admin token); each run adds its own.
import { isDeepStrictEqual } from 'node:util';
import { graphql, platformUrls, startApolloGateway, token } from './apollo-gateway.mjs';
import { knownDifferences } from './parity-known-differences.mjs';
import { operations, seed } from './parity-operations.mjs';

const argv = process.argv.slice(2);
const urls = platformUrls(argv);
const verbose = urls.verbose === 'true';
const strict = urls.strict === 'true';

/** Sorted keys all the way down: the data must be equal, whatever order the gateways write an object's keys in. */
function canonical(value) {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical(value[k])]));
  }
  return value;
}

function errorKeys(body) {
  return (body.errors ?? [])
    .map((e) => `${JSON.stringify(e.path ?? null)} ${e.extensions?.code ?? '-'}`)
    .sort();
}

function compare(ours, apollo) {
  const notes = [];
  const dataSame = isDeepStrictEqual(canonical(ours.data ?? null), canonical(apollo.data ?? null));
  if (!dataSame) notes.push('data differs');
  else if (JSON.stringify(ours.data ?? null) !== JSON.stringify(apollo.data ?? null)) notes.push('(key order differs)');
  const errorsSame = isDeepStrictEqual(errorKeys(ours), errorKeys(apollo));
  if (!errorsSame) notes.push('errors differ');
  return { same: dataSame && errorsSame, notes };
}

let apollo;
let exitCode = 0;
try {
  const admin = await token(urls.keycloak, urls.user ?? 'admin');
  const ids = await seed(urls.gateway, admin);
  try {
    apollo = await startApolloGateway({ subgraphs: urls.subgraphs, bearer: admin });
  } catch (error) {
    // Our gateway is serving (it composed these subgraphs), Apollo's composition refuses them: that is a difference.
    if (!/composition failed/.test(error.message)) throw error;
    const ours = await graphql(urls.gateway, admin, '{ __typename }');
    console.log(`DIFFERENT: Apollo's composition refuses the subgraphs our gateway composed`
      + ` (our gateway answers { __typename } with ${JSON.stringify(ours)}):\n${error.message}`);
    process.exit(1);
  }
  console.log(`our gateway:    ${urls.gateway}`);
  console.log(`Apollo Gateway: ${apollo.url} (@apollo/gateway over ${Object.values(urls.subgraphs).join(', ')})`);
  console.log(`seeded plan ${ids.planId} with ${ids.taskIds.length} tasks and ${ids.indicatorIds.length} indicators\n`);

  const rows = [];
  for (const op of operations(ids)) {
    const bearer = op.user ? await token(urls.keycloak, op.user) : admin;
    const ours = await graphql(urls.gateway, bearer, op.query, op.variables, op.operationName);
    const theirs = await graphql(apollo.url, bearer, op.query, op.variables, op.operationName);
    const { same, notes } = compare(ours, theirs);
    // An operation that is expected to produce data must produce some on our side; a vacuous match proves nothing.
    if (op.expectData && ours.data == null) notes.push('no data from our gateway');
    if (op.expectErrors && !(ours.errors?.length > 0)) notes.push('expected errors, got none');
    const ok = same && !notes.includes('no data from our gateway') && !notes.includes('expected errors, got none');
    const known = ok ? undefined : knownDifferences.find((k) => k.matches(ours, theirs));
    rows.push({ name: op.name, ok, known: known && !strict ? known : undefined, notes });
    if (!ok || verbose) {
      console.log(`--- ${op.name}${ok ? '' : known ? `: KNOWN DIFFERENCE ${known.id}` : ': DIFFERENT'}\n${op.query.trim()}\nvariables: ${JSON.stringify(op.variables ?? {})}`);
      console.log(`ours:   ${JSON.stringify(ours)}`);
      console.log(`apollo: ${JSON.stringify(theirs)}\n`);
    }
  }
  const width = Math.max(...rows.map((r) => r.name.length), 9);
  console.log(`${'operation'.padEnd(width)}  ours vs Apollo`);
  console.log(`${'-'.repeat(width)}  --------------`);
  for (const r of rows) {
    const verdict = r.ok ? 'same' : r.known ? `KNOWN (${r.known.id})` : 'DIFFERENT';
    console.log(`${r.name.padEnd(width)}  ${verdict} ${r.notes.join(', ')}`.trimEnd());
  }
  const different = rows.filter((r) => !r.ok && !r.known).length;
  const known = rows.filter((r) => r.known);
  console.log(`\n${rows.filter((r) => r.ok).length}/${rows.length} operations answer the same, ${known.length} known difference(s), ${different} new difference(s)`);
  for (const k of new Set(known.map((r) => r.known))) console.log(`known ${k.id}: ${k.description}`);
  exitCode = different > 0 ? 1 : 0;
} catch (error) {
  console.error(`parity: ${error.stack ?? error}`);
  exitCode = 2;
} finally {
  await apollo?.stop();
}
process.exit(exitCode);
