import type { CodegenConfig } from '@graphql-codegen/cli';

// Client types come from the schema and each document (GraphQL Code Generator), as types only:
// documents stay urql `gql` strings typed by `gql<Result, Variables>`, so the widget gains no bytes.
const client = {
  plugins: ['typescript-operations'],
  config: {
    enumType: 'string-literal',
    skipTypename: true,
    avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
    useTypeImports: true,
    scalars: {
      DateTime: 'string',
      FormattedText: "import('@rapport/shared/formatted-text.ts').FormattedText",
      JSON: 'unknown',
      JSONObject: 'Record<string, unknown>',
      AttributeValue: 'string | number | boolean',
    },
    strictScalars: true,
  },
};

const config: CodegenConfig = {
  schema: 'packages/server/schema.graphql',
  generates: {
    'packages/widget/src/generated/graphql.ts': { documents: 'packages/widget/src/graphql/*.ts', ...client },
    'packages/admin/src/generated/graphql.ts': { documents: 'packages/admin/src/documents/*.ts', ...client },
  },
};
export default config;
