// Four subgraphs in the shape of the public gateways benchmark (accounts, products, inventory with @requires,
// reviews with @provides), each its own loopback HTTP server in this one process. They are meant to cost the
// gateways' machine as little as possible: an answer is computed once per distinct request body and then served
// from memory (the data never changes), so the CPU of a run goes to the gateways, not to the subgraphs.
//
// Run as a child of bench.mjs (IPC): it replies {ready, ports} once listening and answers 'counts' with the
// requests each subgraph received so far.
import { createServer } from 'node:http';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { execute, parse } from 'graphql';

const LOREM = [
  'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore.',
  'Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat nulla pariatur.',
  'Excepteur sint occaecat cupidatat non proident, sunt in culpa qui officia deserunt mollit anim.',
];

const users = [1, 2, 3, 4, 5, 6].map((n) => ({ id: String(n), name: `User ${n}`, username: `user${n}`, birthday: 1990 + n }));
const products = Array.from({ length: 9 }, (_, i) => ({
  upc: String(i + 1), name: `Product ${i + 1}`, price: 100 + 37 * i, weight: 10 + 3 * i,
}));
// 18 reviews: every user wrote three, products 1–6 have three each (the nested query then answers 600 objects).
const reviews = Array.from({ length: 18 }, (_, k) => ({
  id: String(k + 1), body: LOREM[k % LOREM.length], productUpc: String(((k + Math.floor(k / 6)) % 6) + 1),
  authorId: String((k % 6) + 1),
}));

const byId = (list, key) => new Map(list.map((x) => [x[key], x]));
const userById = byId(users, 'id');
const productByUpc = byId(products, 'upc');
const reviewById = byId(reviews, 'id');

export const typeDefs = {
  accounts: `
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable"])
    type Query { me: User  user(id: ID!): User  users: [User] }
    type User @key(fields: "id") { id: ID!  name: String  username: String @shareable  birthday: Int }
  `,
  products: `
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable"])
    type Query { topProducts(first: Int = 5): [Product] }
    type Product @key(fields: "upc") { upc: String!  name: String  price: Int  weight: Int }
  `,
  inventory: `
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@external", "@requires"])
    type Product @key(fields: "upc") {
      upc: String!
      weight: Int @external
      price: Int @external
      inStock: Boolean
      shippingEstimate: Int @requires(fields: "price weight")
    }
  `,
  reviews: `
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@external", "@provides"])
    type Review @key(fields: "id") { id: ID!  body: String  product: Product  author: User @provides(fields: "username") }
    type User @key(fields: "id") { id: ID!  username: String @external  reviews: [Review] }
    type Product @key(fields: "upc") { upc: String!  reviews: [Review] }
  `,
};

const resolvers = {
  accounts: {
    Query: { me: () => users[0], user: (_, { id }) => userById.get(id) ?? null, users: () => users },
    User: { __resolveReference: (ref) => userById.get(ref.id) ?? null },
  },
  products: {
    Query: { topProducts: (_, { first }) => products.slice(0, Math.max(0, first)) },
    Product: { __resolveReference: (ref) => productByUpc.get(ref.upc) ?? null },
  },
  inventory: {
    Product: {
      __resolveReference: (ref) => ({ ...ref }),
      inStock: (p) => Number(p.upc) % 3 !== 0,
      // Free when light or cheap, otherwise half the weight: needs both @requires fields from products.
      shippingEstimate: (p) => (p.price > 1000 || p.weight == null ? 0 : Math.round(p.weight / 2)),
    },
  },
  reviews: {
    Review: {
      __resolveReference: (ref) => reviewById.get(ref.id) ?? null,
      product: (r) => ({ upc: r.productUpc }),
      author: (r) => ({ id: r.authorId, username: userById.get(r.authorId).username }),
    },
    User: {
      __resolveReference: (ref) => ({ id: ref.id }),
      reviews: (u) => reviews.filter((r) => r.authorId === u.id),
    },
    Product: { reviews: (p) => reviews.filter((r) => r.productUpc === p.upc) },
  },
};

const CACHE_LIMIT = 2000;

function serve(name) {
  const schema = buildSubgraphSchema({ typeDefs: parse(typeDefs[name]), resolvers: resolvers[name] });
  const answers = new Map();
  const counter = { count: 0 };
  const server = createServer((req, res) => {
    if (req.method !== 'POST') {
      res.writeHead(405).end();
      return;
    }
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      counter.count++;
      const raw = Buffer.concat(chunks).toString('utf8');
      let answer = answers.get(raw);
      if (answer === undefined) {
        try {
          const { query, variables, operationName } = JSON.parse(raw);
          const result = await execute({ schema, document: parse(query), variableValues: variables, operationName });
          answer = JSON.stringify(result);
        } catch (e) {
          answer = JSON.stringify({ errors: [{ message: String(e.message ?? e) }] });
        }
        if (answers.size < CACHE_LIMIT) answers.set(raw, answer);
      }
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(answer) });
      res.end(answer);
    });
  });
  server.keepAliveTimeout = 60_000;
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ name, port: server.address().port, counter })));
}

if (process.send) {
  const servers = await Promise.all(Object.keys(typeDefs).map(serve));
  process.on('message', (msg) => {
    if (msg === 'counts') process.send({ counts: Object.fromEntries(servers.map((s) => [s.name, s.counter.count])) });
  });
  process.send({ ready: true, ports: Object.fromEntries(servers.map((s) => [s.name, s.port])) });
}
