import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestCommunity, guestToken, postThread, signInStaff, type TestCommunity } from '../testing/fixtures.ts';
import { queriesArriveLater, readAnswer } from '../testing/multipart.ts';
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

// An answer comes in parts only when a later part still waits on I/O once the first is ready
// (http/deferred-answers.ts); a list already in memory is always ready. An answer that is kept
// (http/response-cache.ts: the widget's thread page) is awaited whole: `lastActivityAt` keeps
// these out of that cache.
const waitsOnQueries = () => queriesArriveLater(server.database.url);

it('answers the viewer-specific part of a thread with @defer: later when it waits on the database', async () => {
  const response = await server.client().raw(
    `query ($s: String!, $id: ID!) { community(slug: $s) { thread(id: $id) {
      title voteCount lastActivityAt
      ... @defer(label: "viewer") { viewerHasVoted viewerIsFollowing }
    } } }`,
    { token, variables: { s: brand.slug, id: threadId } },
    'multipart/mixed',
  );
  const { parts, result } = await readAnswer(response);
  expect(result.data?.community).toMatchObject({
    thread: { title: 'Deferred idea', voteCount: 0, viewerHasVoted: false, viewerIsFollowing: true },
  });
  if (waitsOnQueries()) {
    // The first part is complete the moment the thread is read; the viewer's part starts only
    // then, with queries of its own, so it always comes later.
    expect(parts[0]?.data?.community).toEqual({
      thread: { title: 'Deferred idea', voteCount: 0, lastActivityAt: expect.any(String) },
    });
    expect(parts[0]?.hasNext).toBe(true);
    expect(parts.at(-1)?.hasNext).toBe(false);
  }
});

it('answers a list with @stream, every item in order', async () => {
  const response = await server.client().raw(
    `query ($s: String!, $id: ID!) { community(slug: $s) { thread(id: $id) {
      replies(first: 4) { edges @stream(initialCount: 1) { node { body } } }
    } } }`,
    { variables: { s: brand.slug, id: threadId } },
    'multipart/mixed',
  );
  const { result } = await readAnswer(response);
  const edges = (result.data as any).community.thread.replies.edges;
  expect(edges.map((e: any) => e.node.body)).toEqual(['r1', 'r2', 'r3', 'r4']);
});

it('answers the ranking with each score’s breakdown under @defer and the rows under @stream', async () => {
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
  // (Whether the breakdowns come later depends on whether their replay returns before the rows'
  // own queries: either form is right.)
  const { result } = await readAnswer(response);
  const edges = (result.data as any).community.ranking.edges;
  expect(edges.map((e: any) => e.node.member.displayName)).toEqual(['Dee', 'Eve']);
  for (const { node } of edges) {
    expect(node.breakdown.score).toBeGreaterThan(0);
    expect(node.breakdown.contributions.length).toBeGreaterThan(0);
  }
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
