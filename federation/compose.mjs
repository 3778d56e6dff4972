// Composes subgraph SDL files with Apollo's composition (the reference implementation the gateway must agree with)
// and writes the supergraph SDL. Usage: node compose.mjs OUT_FILE NAME=URL=SDL_FILE...
// Exits 1 and prints every composition error, each naming the types and subgraphs in conflict.
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'graphql';
import { composeServices } from '@apollo/composition';

const [out, ...specs] = process.argv.slice(2);
if (!out || specs.length === 0) {
  console.error('usage: node compose.mjs OUT_FILE NAME=URL=SDL_FILE...');
  process.exit(2);
}
const services = specs.map((spec) => {
  const [name, url, file] = spec.split('=');
  return { name, url, typeDefs: parse(readFileSync(file, 'utf8')) };
});
const result = composeServices(services);
if (result.errors && result.errors.length > 0) {
  console.error(`composition failed with ${result.errors.length} error(s):`);
  for (const error of result.errors) {
    console.error(`- ${error.extensions?.code ?? 'ERROR'}: ${error.message}`);
  }
  process.exit(1);
}
for (const hint of result.hints ?? []) {
  console.log(`hint ${hint.definition?.code ?? ''}: ${hint.message}`);
}
writeFileSync(out, result.supergraphSdl);
console.log(`composed ${services.map((s) => s.name).join(', ')} into ${out}`);
