import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCommunity, guestToken, postThread, signInStaff, type TestCommunity } from '../testing/fixtures.ts';
import { startTestServer, type TestServer } from '../testing/server.ts';
import { subscribe } from '../testing/sse.ts';

const EVENTS = `subscription ($c: String!, $id: ID!) { threadEvents(community: $c, threadId: $id) {
  __typename
  ... on ReplyAddedEvent { reply { body author { displayName ... on StaffMember { title badge } } } thread { replyCount answeredByStaff } }
  ... on StatusChangedEvent { statusChange { to note staff { name } } thread { status } }
  ... on VoteCountChangedEvent { threadId voteCount }
} }`;
const REPLY = 'mutation ($id: ID!, $b: String!) { reply(input: { threadId: $id, body: $b }) { id } }';

describe('threadEvents on one server', () => {
  let server: TestServer;
  let brand: TestCommunity;

  beforeAll(async () => {
    server = await startTestServer();
    brand = await createTestCommunity(server.em());
  });
  afterAll(() => server?.close());

  it('delivers replies, vote counts and status changes, with fresh data each time', async () => {
    const author = await guestToken(server.client(), brand.slug, 'Author');
    const id = await postThread(server.client(), author, { title: 'Live thread' });
    const live = subscribe(server.endpoint, EVENTS, { variables: { c: brand.slug, id } });
    // The stream opens with SubscriptionStartedEvent, once the subscription is in place.
    expect((await live.ready).data.threadEvents).toEqual({ __typename: 'SubscriptionStartedEvent' });

    await server.client().data(REPLY, { token: author, variables: { id, b: 'First!' } });
    expect((await live.next()).data.threadEvents).toEqual({
      __typename: 'ReplyAddedEvent',
      reply: { body: 'First!', author: { displayName: 'Author' } },
      thread: { replyCount: 1, answeredByStaff: false },
    });

    const voter = await guestToken(server.client(), brand.slug, 'Voter');
    await server
      .client()
      .data('mutation ($id: ID!) { vote(threadId: $id) { id } }', { token: voter, variables: { id } });
    expect((await live.next()).data.threadEvents).toEqual({
      __typename: 'VoteCountChangedEvent',
      threadId: id,
      voteCount: 1,
    });

    const staff = server.client();
    await signInStaff(staff, brand.slug, brand.staff);
    await staff.data(REPLY, { variables: { id, b: 'Thanks, looking into it.' } });
    expect((await live.next()).data.threadEvents).toEqual({
      __typename: 'ReplyAddedEvent',
      reply: {
        body: 'Thanks, looking into it.',
        author: { displayName: 'Sam', title: 'Support Lead', badge: 'STAFF' },
      },
      thread: { replyCount: 2, answeredByStaff: true },
    });

    await staff.data('mutation ($input: SetThreadStatusInput!) { setThreadStatus(input: $input) { id } }', {
      variables: { input: { threadId: id, status: 'UNDER_REVIEW', note: 'Checking with the team' } },
    });
    expect((await live.next()).data.threadEvents).toEqual({
      __typename: 'StatusChangedEvent',
      statusChange: { to: 'UNDER_REVIEW', note: 'Checking with the team', staff: { name: 'Sam' } },
      thread: { status: 'UNDER_REVIEW' },
    });
    live.close();
  });

  it('loads what an event shows once for all its subscribers, each still seeing their own viewer fields', async () => {
    const queries: string[] = [];
    const counted = await startTestServer({
      backgroundJobs: false,
      ormOverrides: { debug: ['query'], logger: (line: string) => queries.push(line) },
    });
    try {
      const shop = await createTestCommunity(counted.em());
      const author = await guestToken(counted.client(), shop.slug, 'Author');
      const id = await postThread(counted.client(), author, { title: 'Popular thread' });
      const watching = `subscription ($c: String!, $id: ID!) { threadEvents(community: $c, threadId: $id) {
        __typename ... on ReplyAddedEvent { reply { body viewerCanEdit author { displayName } } } } }`;
      const tokens = [
        author,
        ...(await Promise.all([1, 2, 3, 4, 5].map((i) => guestToken(counted.client(), shop.slug, `Fan ${i}`)))),
      ];
      const subs = tokens.map((token) =>
        subscribe(counted.endpoint, watching, { token, variables: { c: shop.slug, id } }),
      );
      await Promise.all(subs.map((sub) => sub.ready));
      queries.length = 0;
      await counted.client().data(REPLY, { token: author, variables: { id, b: 'Hello, fans.' } });
      const got = await Promise.all(subs.map((sub) => sub.next()));
      // Only the author may edit it; everyone sees the same reply.
      expect(got.map((g) => g.data.threadEvents.reply.viewerCanEdit)).toEqual([
        true,
        false,
        false,
        false,
        false,
        false,
      ]);
      expect(new Set(got.map((g) => g.data.threadEvents.reply.body))).toEqual(new Set(['Hello, fans.']));
      // The reply, by id (the mutation's own reads of replies aside): once, not once per subscriber.
      const replyLoads = queries.filter((q) =>
        /from [`"]reply[`"] as [`"]r0[`"] where .*[`"]r0[`"]\.[`"]id[`"] in \(/.test(q),
      );
      expect(replyLoads).toHaveLength(1);
      for (const sub of subs) sub.close();
    } finally {
      await counted.close();
    }
  });

  it("does not deliver another thread's events", async () => {
    const author = await guestToken(server.client(), brand.slug, 'A');
    const watched = await postThread(server.client(), author, { title: 'Watched' });
    const elsewhere = await postThread(server.client(), author, { title: 'Elsewhere' });
    const live = subscribe(server.endpoint, EVENTS, { variables: { c: brand.slug, id: watched } });
    await live.ready;
    await server.client().data(REPLY, { token: author, variables: { id: elsewhere, b: 'not for you' } });
    await server.client().data(REPLY, { token: author, variables: { id: watched, b: 'for you' } });
    expect((await live.next()).data.threadEvents.reply.body).toBe('for you');
    live.close();
  });

  it('refuses to subscribe to a thread that is not found in that community', async () => {
    const otherBrand = await createTestCommunity(server.em());
    const author = await guestToken(server.client(), brand.slug, 'A');
    const id = await postThread(server.client(), author, { title: 'Brand only' });
    const live = subscribe(server.endpoint, EVENTS, { variables: { c: otherBrand.slug, id } });
    const result = await live.ready;
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    live.close();
  });
});

describe('threadEvents across two server processes (Redis pub/sub)', () => {
  let a: TestServer;
  let b: TestServer;
  const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

  beforeAll(async () => {
    a = await startTestServer({ redisUrl });
    b = await startTestServer({ redisUrl, database: a.database });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('a subscriber on A receives a reply posted on B', async () => {
    const brand = await createTestCommunity(a.em());
    const author = await guestToken(a.client(), brand.slug, 'Author');
    const id = await postThread(a.client(), author, { title: 'Across processes' });
    const live = subscribe(a.endpoint, EVENTS, { variables: { c: brand.slug, id } });
    await live.ready;
    await b.client().data(REPLY, { token: author, variables: { id, b: 'posted on B' } });
    expect((await live.next()).data.threadEvents.reply.body).toBe('posted on B');
    live.close();
  });
});
