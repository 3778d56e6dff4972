// Writes every operation docs/frontend.md shows (its ```graphql blocks) to docs-queries/<Name>.graphql, so that
// GraphQL Code Generator (codegen.docs.ts) checks the guide against the schema: a documented query the gateway
// would refuse fails the console's build.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const guide = readFileSync(join(here, '../../../../../docs/frontend.md'), 'utf8');
const out = join(here, '../docs-queries');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

let count = 0;
for (const [, block] of guide.matchAll(/```graphql\n([\s\S]*?)```/g)) {
  const name = /^\s*(?:query|mutation)\s+(\w+)/.exec(block)?.[1];
  if (!name) throw new Error(`docs/frontend.md: a graphql block names no operation:\n${block}`);
  writeFileSync(join(out, `${name}.graphql`), block);
  count++;
}
if (count === 0) throw new Error('docs/frontend.md shows no graphql block');
console.log(`docs-queries: ${count} operations from docs/frontend.md`);
