import type { CodegenConfig } from '@graphql-codegen/cli';

// schema.graphql is the gateway's SDL (GET /graphql/schema.graphql); every document under src/graphql is
// validated against it here, so a query the gateway would refuse fails the build.
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['src/graphql/**/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'src/gql/': {
      preset: 'client',
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { Date: 'string', DateTime: 'string' },
      },
      presetConfig: { fragmentMasking: false },
    },
  },
};
export default config;
