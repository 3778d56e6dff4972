// Apollo Gateway 2.14 (with Apollo Server 4) serving a supergraph file, as its own process so that its CPU can
// be read from /proc. Usage: node apollo-gateway.mjs <supergraph.graphql> <port>
import { readFileSync } from 'node:fs';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';

const [file, port] = process.argv.slice(2);
const gateway = new ApolloGateway({ supergraphSdl: readFileSync(file, 'utf8') });
// No landing page, no usage reporting: only the GraphQL path is measured.
const server = new ApolloServer({ gateway, introspection: false, csrfPrevention: false });
const { url } = await startStandaloneServer(server, { listen: { port: Number(port), host: '127.0.0.1' } });
console.log(`apollo gateway at ${url}`);
