import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestCommunity, guestToken, postThread, type TestCommunity } from '../testing/fixtures.ts';
import { readMultipart } from '../testing/multipart.ts';
import { startTestServer, type TestServer } from '../testing/server.ts';

let server: TestServer;
let brand: TestCommunity;
let token: string;
let threadId: string;

beforeAll(async () => {
  server = await startTestServer();
  brand = await createTestCommunity(server.em());
  token = await guestToken(server.client(), brand.slug, 'Dee');
  threadId = await postThread(server.client(), token, { title: 'Deferred idea' });
  for (let i = 1; i <= 4; i++) {
    await server
      .client()
      .data('mutation ($id: ID!, $b: String!) { reply(input: { threadId: $id, body: $b }) { id } }', {
        token,
        variables: { id: threadId, b: `r${i}` },
      });
  }
});
afterAll(() => server?.close());

it('sends the thread first and the viewer-specific part later with @defer', async () => {
  const response = await server.client().raw(
    `query ($s: String!, $id: ID!) { community(slug: $s) { thread(id: $id) {
      title voteCount
      ... @defer(label: "viewer") { viewerHasVoted viewerIsFollowing }
    } } }`,
    { token, variables: { s: brand.slug, id: threadId } },
    'multipart/mixed',
  );
  const parts = await readMultipart(response);
  expect(parts.length).toBeGreaterThanOrEqual(2);
  expect(parts[0].data.community.thread).toEqual({ title: 'Deferred idea', voteCount: 0 });
  expect(parts[0].hasNext).toBe(true);
  const later = parts.slice(1).flatMap((p) => p.incremental ?? []);
  expect(later.map((i: any) => i.data)).toContainEqual({ viewerHasVoted: false, viewerIsFollowing: true });
  expect(parts.at(-1).hasNext).toBe(false);
});

it('streams a list after its first items with @stream', async () => {
  const response = await server.client().raw(
    `query ($s: String!, $id: ID!) { community(slug: $s) { thread(id: $id) {
      replies(first: 4) { edges @stream(initialCount: 1) { node { body } } }
    } } }`,
    { variables: { s: brand.slug, id: threadId } },
    'multipart/mixed',
  );
  const parts = await readMultipart(response);
  expect(parts[0].data.community.thread.replies.edges).toEqual([{ node: { body: 'r1' } }]);
  const streamed = parts.slice(1).flatMap((p) => (p.incremental ?? []).flatMap((i: any) => i.items ?? []));
  expect(streamed.map((e: any) => e.node.body)).toEqual(['r2', 'r3', 'r4']);
});

it('tells a JSON-only client which formats carry @defer (406 with Accept)', async () => {
  const response = await server
    .client()
    .raw(
      `query ($s: String!, $id: ID!) { community(slug: $s) { thread(id: $id) { title ... @defer { replyCount } } } }`,
      { variables: { s: brand.slug, id: threadId } },
      'application/json',
    );
  expect(response.status).toBe(406);
  expect(response.headers.get('accept')).toContain('multipart/mixed');
});
