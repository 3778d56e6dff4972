// Apollo's own gateway (the reference implementation) over our subgraphs, in-process on a loopback port, plus the
// small helpers the parity suite (parity.mjs) and the benchmark (../bench/gateway-bench.mjs) share.
//
// The supergraph is composed here with Apollo's composition from the subgraphs' `_service { sdl }` (fetched with
// the caller's token), exactly as compose.mjs does, so no schema polling happens while operations run.
// Every subgraph request forwards the client's Authorization header, as our gateway does.
import http from 'node:http';
import { parse } from 'graphql';
import { composeServices } from '@apollo/composition';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';

/** Password grant on the dev realm's public client `planning-web`; password = user name for the demo users. */
export async function token(keycloakUrl, user) {
  const response = await fetch(`${keycloakUrl}/realms/planning/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: 'planning-web', username: user, password: user }),
  });
  if (!response.ok) throw new Error(`token for ${user}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()).access_token;
}

/** One GraphQL POST; answers the parsed body (GraphQL errors are data here, not exceptions). */
export async function graphql(url, bearer, query, variables, operationName) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
    body: JSON.stringify({ query, variables, operationName }),
  });
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`${url}: HTTP ${response.status}, not JSON: ${text.slice(0, 300)}`);
  }
}

/** Composes the subgraphs (name → GraphQL URL) with Apollo's composition; throws with every composition error. */
export async function composeSupergraph(subgraphs, bearer) {
  const services = [];
  for (const [name, url] of Object.entries(subgraphs)) {
    const body = await graphql(url, bearer, '{ _service { sdl } }');
    const sdl = body?.data?._service?.sdl;
    if (!sdl) throw new Error(`${name} (${url}) gave no SDL: ${JSON.stringify(body).slice(0, 300)}`);
    services.push({ name, url, typeDefs: parse(sdl) });
  }
  const result = composeServices(services);
  if (result.errors?.length) {
    throw new Error(`composition failed:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`);
  }
  return result.supergraphSdl;
}

/**
 * Starts Apollo Gateway + Apollo Server 4 on 127.0.0.1 (free port). `subgraphs` maps subgraph name → URL the
 * gateway calls (which may be a counting proxy); `sdlSubgraphs` (default: the same) is where the SDL is read.
 * Answers { url, stop() }.
 */
export async function startApolloGateway({ subgraphs, sdlSubgraphs = subgraphs, bearer, log = false }) {
  const composed = await composeSupergraph(sdlSubgraphs, bearer);
  // The supergraph names each subgraph's URL; point them at `subgraphs` (they differ when proxies are in between).
  const gateway = new ApolloGateway({
    supergraphSdl: composed,
    buildService: ({ name }) =>
      new RemoteGraphQLDataSource({
        url: subgraphs[name],
        willSendRequest({ request, context }) {
          if (context?.authorization) request.http.headers.set('authorization', context.authorization);
        },
      }),
    logger: log ? console : quietLogger,
  });
  const server = new ApolloServer({ gateway, includeStacktraceInErrorResponses: false, logger: quietLogger });
  const { url } = await startStandaloneServer(server, {
    listen: { port: 0, host: '127.0.0.1' },
    context: async ({ req }) => ({ authorization: req.headers.authorization }),
  });
  return { url, stop: () => server.stop() };
}

const quietLogger = { debug() {}, info() {}, warn: (m) => console.warn(m), error: (m) => console.error(m) };

/**
 * A counting reverse proxy on a free loopback port in front of one GraphQL URL. Every request it forwards is recorded
 * with the root fields of its operation (e.g. `_entities`, `plans`), so callers can count subgraph calls.
 * Answers { url, calls, reset(), stop() }.
 */
export async function startCountingProxy(name, targetUrl) {
  const target = new URL(targetUrl);
  const calls = [];
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      calls.push({ subgraph: name, fields: rootFields(body) });
      const headers = { ...req.headers, host: target.host, 'content-length': body.length };
      const upstream = http.request(
        { hostname: target.hostname, port: target.port, path: target.pathname + target.search, method: req.method, headers },
        (up) => {
          res.writeHead(up.statusCode, up.headers);
          up.pipe(res);
        },
      );
      upstream.on('error', (e) => {
        res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(String(e));
      });
      upstream.end(body);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}${target.pathname}`;
  return {
    url,
    calls,
    reset: () => calls.splice(0, calls.length),
    stop: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(resolve); }),
  };
}

function rootFields(body) {
  try {
    const { query } = JSON.parse(body.toString('utf8'));
    const document = parse(query);
    const names = new Set();
    for (const definition of document.definitions) {
      if (definition.kind !== 'OperationDefinition') continue;
      for (const selection of definition.selectionSet.selections) {
        if (selection.kind === 'Field') names.add(selection.name.value);
      }
    }
    return [...names].sort();
  } catch {
    return ['?'];
  }
}

/** Command line `--name value` pairs, with environment fallbacks. */
export function options(argv, defaults) {
  const result = { ...defaults };
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
    if (!m) throw new Error(`unexpected argument ${argv[i]}`);
    result[m[1]] = m[2] ?? argv[++i];
  }
  return result;
}

/** The platform's URLs from arguments or the same environment variables `./platform up` reads. */
export function platformUrls(argv) {
  const env = process.env;
  const port = (v, d) => env[v] ?? d;
  const o = options(argv, {
    gateway: env.GATEWAY_URL ?? `http://localhost:${port('GATEWAY_PORT', 8080)}/graphql`,
    keycloak: env.KEYCLOAK_URL ?? `http://localhost:${port('KEYCLOAK_PORT', 8180)}`,
    'org-service': env.ORG_SERVICE_URL ?? `http://localhost:${port('ORG_SERVICE_PORT', 8081)}/graphql`,
    'plan-service': env.PLAN_SERVICE_URL ?? `http://localhost:${port('PLAN_SERVICE_PORT', 8082)}/graphql`,
    'indicator-service': env.INDICATOR_SERVICE_URL ?? `http://localhost:${port('INDICATOR_SERVICE_PORT', 8083)}/graphql`,
  });
  return {
    ...o,
    subgraphs: { 'org-service': o['org-service'], 'plan-service': o['plan-service'], 'indicator-service': o['indicator-service'] },
  };
}
