import type { CodegenConfig } from '@graphql-codegen/cli';

// The operations docs/frontend.md shows (extracted by scripts/docs-queries.mjs), typed against the committed
// schema.graphql, or, with GATEWAY_URL and GATEWAY_TOKEN set (system-tests' ConsoleIT does), against the live
// gateway's introspection: the guide's queries must be valid against both.
const live = process.env.GATEWAY_URL;
const config: CodegenConfig = {
  schema: live ? [{ [live]: { headers: { Authorization: `Bearer ${process.env.GATEWAY_TOKEN ?? ''}` } } }] : 'schema.graphql',
  documents: ['docs-queries/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'docs-queries/gql/': {
      preset: 'client',
      config: { enumsAsTypes: true, useTypeImports: true, scalars: { Date: 'string', DateTime: 'string' } },
      presetConfig: { fragmentMasking: false },
    },
  },
};
export default config;
