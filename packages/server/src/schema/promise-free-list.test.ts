/**
 * A promise per object is a good part of what GraphQL execution costs on a page of twenty threads: once a
 * page and its authors are cached, its threads, their ids and their authors resolve at once, and
 * only the fields that fetch something (the community, the page) return promises. Guards the
 * loaders' primed rows (core/loaders.ts) and the patch to Pothos relay's global ids
 * (patches/@pothos__plugin-relay@4.8.1.patch), which a dependency update could silently drop.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { guestToken, postThread } from '../testing/fixtures.ts';
import { spyOnResolvers } from '../testing/resolver-spy.ts';
import { startTestBrand, type TestBrand } from '../testing/server.ts';
import { schema } from './index.ts';

const spy = spyOnResolvers(schema);

// lastActivityAt keeps the answer out of the response cache (http/response-cache.ts): executed each time.
const LIST = `query ($s: String!) { community(slug: $s) { id name threads(first: 20) {
  edges { node { id kind status title voteCount replyCount answeredByStaff createdAt lastActivityAt author { __typename displayName } } }
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
  spy.reset();
  const data = await t.api.data(LIST, { variables: { s: t.brand.slug } });
  const authors = data.community.threads.edges.map((e: any) => e.node.author.__typename).sort();
  expect(authors).toEqual(['Member', 'Member', 'Member', 'StaffMember']);
  expect(Object.fromEntries(spy.promised)).toEqual({ 'Query.community': 1, 'Community.threads': 1 });
});
