/**
 * Query bombs: each refused with a clear code before it costs the server anything, and the server
 * healthy afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCommunity, guestToken, postThread, type TestCommunity } from '../testing/fixtures.ts';
import { startTestServer, type TestServer } from '../testing/server.ts';

let server: TestServer;
let brand: TestCommunity;
let threadId: string;

beforeAll(async () => {
  server = await startTestServer();
  brand = await createTestCommunity(server.em());
  threadId = await postThread(server.client(), await guestToken(server.client(), brand.slug), { title: 'Target' });
});
afterAll(() => server?.close());

const code = async (query: string, variables: Record<string, unknown> = {}) =>
  (await server.client().request(query, { variables })).errors?.[0]?.extensions?.code;

describe('query bombs', () => {
  it('refuses deep nesting', async () => {
    const deep = `${'mergedInto { '.repeat(20)}id${' }'.repeat(20)}`;
    expect(
      await code(`query ($s: String!, $id: ID!) { community(slug: $s) { thread(id: $id) { ${deep} } } }`, {
        s: brand.slug,
        id: threadId,
      }),
    ).toBe('QUERY_TOO_COMPLEX');
  });

  it('refuses a thousand aliases (too many tokens) and forty (too many aliases)', async () => {
    const aliases = (n: number) => Array.from({ length: n }, (_, i) => `a${i}: viewer { kind }`).join(' ');
    expect(await code(`{ ${aliases(1000)} }`)).toBe('QUERY_TOO_COMPLEX');
    expect(await code(`{ ${aliases(40)} }`)).toBe('QUERY_TOO_COMPLEX');
    expect(await code(`{ ${aliases(5)} }`)).toBeUndefined();
  });

  it('refuses a pile of directives', async () => {
    const fields = Array.from({ length: 60 }, () => '__typename @include(if: true)').join(' ');
    expect(await code(`{ ${fields} }`)).toBe('QUERY_TOO_COMPLEX');
  });

  it('refuses a query whose lists multiply past the cost limit', async () => {
    const query = `query ($s: String!) { community(slug: $s) { threads(first: 50) { edges { node {
      title body replies(first: 100) { edges { node { body author { displayName avatarUrl }
        thread { replies(first: 100) { edges { node { body } } } } } } }
    } } } } }`;
    expect(await code(query, { s: brand.slug })).toBe('QUERY_TOO_COMPLEX');
  });

  it('refuses a huge page', async () => {
    expect(
      await code('query ($s: String!) { community(slug: $s) { threads(first: 100000) { edges { cursor } } } }', {
        s: brand.slug,
      }),
    ).toBe('BAD_USER_INPUT');
  });

  it('is still healthy afterwards', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const data = await server
      .client()
      .data('query ($s: String!) { community(slug: $s) { name } }', { variables: { s: brand.slug } });
    expect(data.community.name).toBe(brand.community.name);
  });
});

describe('in production', () => {
  let production: TestServer;
  beforeAll(async () => {
    const previous = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      production = await startTestServer();
    } finally {
      process.env.NODE_ENV = previous;
    }
  });
  afterAll(() => production?.close());

  it('has no introspection and no field suggestions', async () => {
    const introspection = await production.client().request('{ __schema { types { name } } }');
    expect(introspection.errors?.[0]?.message).toMatch(/introspection/i);
    const typo = await production.client().request('{ viewr { kind } }');
    expect(typo.errors?.[0]?.message).toBe('Cannot query field "viewr" on type "Query".');
    // Nor in a variable's value, which graphql-js checks when the query runs.
    const enumTypo = await production
      .client()
      .request(
        'query ($s: String!, $k: [ThreadKind!]) { community(slug: $s) { threads(first: 1, kind: $k) { edges { cursor } } } }',
        { variables: { s: brand.slug, k: ['IDAE'] } },
      );
    expect(enumTypo.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(enumTypo.errors?.[0]?.message).toMatch(/IDAE/);
    expect(enumTypo.errors?.[0]?.message).not.toMatch(/did you mean|IDEA/i);
    const literalTypo = await production
      .client()
      .request(`{ community(slug: "${brand.slug}") { threads(first: 1, kind: [IDAE]) { edges { cursor } } } }`);
    expect(literalTypo.errors?.[0]?.message).toMatch(/IDAE/);
    expect(literalTypo.errors?.[0]?.message).not.toMatch(/did you mean|IDEA/i);
    // In development both help whoever is building a client.
    expect((await server.client().request('{ viewr { kind } }')).errors?.[0]?.message).toContain('Did you mean');
  });
});
