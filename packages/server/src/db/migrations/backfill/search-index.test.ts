/** The full_text_search migration indexes what a community wrote before it: visible texts only. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestCommunity, guestToken, postThread, signInStaff } from '../../../testing/fixtures.ts';
import { startTestServer, type TestServer } from '../../../testing/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ backgroundJobs: false });
});
afterAll(() => server?.close());

it('builds the index for existing threads and replies, leaving out hidden and deleted ones', async () => {
  const brand = await createTestCommunity(server.em());
  const api = server.client();
  const staff = server.client();
  await signInStaff(staff, brand.slug, brand.manager);
  const ada = await guestToken(api, brand.slug, 'Ada');
  const kept = await postThread(api, ada, { title: 'Gazelle sole', body: 'Grippier soles.' });
  await api.data('mutation ($i: ReplyInput!) { reply(input: $i) { id } }', {
    token: ada,
    variables: { i: { threadId: kept, body: 'An impala tread maybe.' } },
  });
  const hidden = await postThread(api, ada, { title: 'Gazelle spam', body: '' });
  await staff.data('mutation ($t: ID!) { hideThread(threadId: $t, reason: "Spam test") { id } }', { variables: { t: hidden } });

  const search = async (q: string) =>
    (
      await api.data('query ($c: String!, $q: String!) { community(slug: $c) { search(query: $q) { edges { node { thread { id } } } } } }', {
        variables: { c: brand.slug, q },
      })
    ).community.search.edges.map((e: { node: { thread: { id: string } } }) => e.node.thread.id);
  const before = [await search('gazelle'), await search('impala')];
  expect(before).toEqual([[kept], [kept]]);

  // As on a database from before search: the migration undone, then applied to the data.
  const { migrator } = server.app.orm;
  const executed = (await migrator.getExecuted()).map((m) => m.name);
  const at = executed.findIndex((name) => name.endsWith('full_text_search'));
  expect(at).toBeGreaterThan(0);
  await migrator.down({ to: executed[at - 1] });
  await expect(search('gazelle')).rejects.toThrow();
  await migrator.up();
  expect([await search('gazelle'), await search('impala')]).toEqual(before);
});
