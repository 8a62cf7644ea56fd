import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestCommunity, guestToken, postThread, signInStaff, type TestCommunity } from '../testing/fixtures.ts';
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

it('sends the ranking first, and each score’s breakdown later with @defer, the rows with @stream', async () => {
  const staff = server.client();
  await signInStaff(staff, brand.slug, brand.staff);
  // Eve votes, so two members rank: Dee (who posted and replied) first.
  const eve = await guestToken(server.client(), brand.slug, 'Eve');
  await server
    .client()
    .data('mutation ($id: ID!) { vote(threadId: $id) { id } }', { token: eve, variables: { id: threadId } });
  const response = await staff.raw(
    `query ($s: String!) { community(slug: $s) { ranking(first: 5) { edges @stream(initialCount: 1) {
      node { rank member { displayName } ... @defer(label: "why") { breakdown { score contributions { activityType } } } }
    } } } }`,
    { variables: { s: brand.slug } },
    'multipart/mixed',
  );
  const parts = await readMultipart(response);
  const first = parts[0].data.community.ranking.edges;
  expect(first).toEqual([{ node: { rank: 1, member: { displayName: 'Dee' } } }]);
  const incremental = parts.slice(1).flatMap((p) => p.incremental ?? []);
  const streamed = incremental.flatMap((i: any) => i.items ?? []);
  expect(streamed.map((e: any) => e.node.member.displayName)).toEqual(['Eve']);
  const deferred = incremental.filter((i: any) => i.data?.breakdown).map((i: any) => i.data.breakdown);
  expect(deferred).toHaveLength(2);
  for (const breakdown of deferred) {
    expect(breakdown.score).toBeGreaterThan(0);
    expect(breakdown.contributions.length).toBeGreaterThan(0);
  }
  expect(parts.at(-1).hasNext).toBe(false);
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
