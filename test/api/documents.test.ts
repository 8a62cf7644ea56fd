import { readdirSync, readFileSync } from 'node:fs';
import {
  buildSchema,
  type DocumentNode,
  GraphQLDeferDirective,
  GraphQLSchema,
  GraphQLStreamDirective,
  parse,
  specifiedDirectives,
  validate,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { Doc } from '../../packages/widget/src/client/gql.ts';

/** Every module of documents in a folder (one per view), merged. */
async function documentsIn(folder: URL): Promise<Record<string, unknown>> {
  const merged: Record<string, unknown> = {};
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.ts') && f !== 'types.ts')) {
    Object.assign(merged, await import(new URL(file, folder).href));
  }
  return merged;
}
const adminDocuments = await documentsIn(new URL('../../packages/admin/src/documents/', import.meta.url));

// The widget's documents are the text it sends (its client/gql.ts), parsed here as the server parses them.
const widget = Object.fromEntries(
  Object.entries(await documentsIn(new URL('../../packages/widget/src/graphql/', import.meta.url))).map(
    ([name, value]) => [name, value instanceof Doc ? parse(String(value)) : value],
  ),
);

/**
 * Every GraphQL document the widget and the admin console send is valid against the server's
 * schema (schema.graphql, itself tested to match the running server), so a renamed field breaks
 * this test instead of a screen in production.
 */
const printed = buildSchema(readFileSync(new URL('../../packages/server/schema.graphql', import.meta.url), 'utf8'));
// The server enables incremental delivery (@defer, @stream), which the printed schema leaves out.
const schema = new GraphQLSchema({
  ...printed.toConfig(),
  directives: [...specifiedDirectives, GraphQLDeferDirective, GraphQLStreamDirective],
});

const operations = (module: Record<string, unknown>) =>
  Object.entries(module).filter(
    ([, value]) =>
      (value as DocumentNode)?.kind === 'Document' &&
      (value as DocumentNode).definitions.some((d) => d.kind === 'OperationDefinition'),
  ) as [string, DocumentNode][];

describe.each([
  ['admin console', adminDocuments],
  ['widget', widget],
])('the %s documents', (_name, module) => {
  it('has documents to check', () => {
    expect(operations(module).length).toBeGreaterThan(3);
  });
  it.each(operations(module))('%s is valid against the schema', (_export, document) => {
    expect(validate(schema, document).map((e) => e.message)).toEqual([]);
  });
});

/** Documents live where this test reads them: a component that wrote its own would go unchecked. */
it('finds every document of the console and the widget where it checks them', () => {
  const inline = ['admin', 'widget'].flatMap((app) => {
    const dir = new URL(`../../packages/${app}/src/components/`, import.meta.url);
    return readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .filter((f) => readFileSync(new URL(f, dir), 'utf8').includes('gql`'))
      .map((f) => `${app}/${f}`);
  });
  expect(inline).toEqual([]);
});
