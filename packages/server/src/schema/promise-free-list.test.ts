/**
 * A promise per object is most of what GraphQL execution costs on a page of twenty threads: once a
 * page and its authors are cached, its threads, their ids and their authors resolve at once, and
 * only the fields that fetch something (the community, the page) return promises. Guards the
 * loaders' primed rows (services/loaders.ts) and the patch to Pothos relay's global ids
 * (patches/@pothos__plugin-relay@4.8.1.patch), which a dependency update could silently drop.
 */
import { isObjectType } from 'graphql';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { guestToken, postThread } from '../testing/fixtures.ts';
import { startTestBrand, type TestBrand } from '../testing/server.ts';
import { schema } from './index.ts';

/** Fields whose resolver returned a promise, with how often, since the last reset. */
const promised = new Map<string, number>();

// Every field's resolver, counted when it returns a promise (the schema is this test file's own).
for (const type of Object.values(schema.getTypeMap())) {
  if (!isObjectType(type) || type.name.startsWith('__')) continue;
  for (const field of Object.values(type.getFields())) {
    const resolve = field.resolve;
    if (!resolve) continue;
    field.resolve = (...args) => {
      const result = resolve(...args);
      if (result instanceof Promise) {
        const name = `${type.name}.${field.name}`;
        promised.set(name, (promised.get(name) ?? 0) + 1);
      }
      return result;
    };
  }
}

const LIST = `query ($s: String!) { community(slug: $s) { id name threads(first: 20) {
  edges { node { id kind status title voteCount replyCount answeredByStaff createdAt author { __typename displayName } } }
  pageInfo { hasNextPage endCursor }
} } }`;

let t: TestBrand;

beforeAll(async () => {
  t = await startTestBrand({ backgroundJobs: false });
  for (const name of ['Ada', 'Ben', 'Cy']) {
    await postThread(t.api, await guestToken(t.api, t.brand.slug, name), { title: `${name}'s idea` });
  }
  // A staff member's thread too: the other kind of author.
  await t.manager.data('mutation { postThread(input: { kind: QUESTION, title: "From the team" }) { id } }');
});
afterAll(() => t?.server.close());

it('resolves a cached page’s threads, ids and authors without a promise each', async () => {
  await t.api.data(LIST, { variables: { s: t.brand.slug } });
  promised.clear();
  const data = await t.api.data(LIST, { variables: { s: t.brand.slug } });
  const authors = data.community.threads.edges.map((e: any) => e.node.author.__typename).sort();
  expect(authors).toEqual(['Member', 'Member', 'Member', 'StaffMember']);
  expect(Object.fromEntries(promised)).toEqual({ 'Query.community': 1, 'Community.threads': 1 });
});
