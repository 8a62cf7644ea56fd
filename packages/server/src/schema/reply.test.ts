import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Activity, Reply, Thread } from '../entities/index.ts';
import {
  ALL_COMMUNITIES,
  createTestCommunity,
  guestToken,
  postThread,
  rawId,
  signInStaff,
  type TestCommunity,
} from '../testing/fixtures.ts';
import { startTestServer, type TestServer } from '../testing/server.ts';

let server: TestServer;
let brand: TestCommunity;
let other: TestCommunity;
let customer: string;

const REPLY = `mutation ($id: ID!, $body: String!) { reply(input: { threadId: $id, body: $body }) {
  id body byStaff author { __typename displayName ... on StaffMember { name title badge agencyName } }
  thread { replyCount answeredByStaff followerCount viewerIsFollowing }
} }`;
const REPLIES = `query ($s: String!, $id: ID!, $first: Int, $after: String) { community(slug: $s) { thread(id: $id) {
  replies(first: $first, after: $after) { edges { node { body } } pageInfo { hasNextPage endCursor } }
} } }`;

beforeAll(async () => {
  server = await startTestServer();
  brand = await createTestCommunity(server.em());
  other = await createTestCommunity(server.em());
  customer = await guestToken(server.client(), brand.slug, 'Cora');
});
afterAll(() => server?.close());

describe('reply', () => {
  it('lets customers reply and follow; a staff reply marks the thread answered and shows the person', async () => {
    const id = await postThread(server.client(), customer, { kind: 'QUESTION', title: 'Can I return opened items?' });
    const other = await guestToken(server.client(), brand.slug, 'Olly');
    const byCustomer = await server
      .client()
      .data(REPLY, { token: other, variables: { id, body: 'Same question here' } });
    expect(byCustomer.reply).toMatchObject({
      byStaff: false,
      author: { __typename: 'Member', displayName: 'Olly' },
      thread: { replyCount: 1, answeredByStaff: false, followerCount: 2, viewerIsFollowing: true },
    });
    const agency = server.client();
    await signInStaff(agency, brand.slug, brand.agency);
    const byStaff = await agency.data(REPLY, { variables: { id, body: 'Yes, within 30 days.' } });
    expect(byStaff.reply).toMatchObject({
      byStaff: true,
      author: {
        __typename: 'StaffMember',
        name: 'Ari',
        title: 'Support Agent',
        badge: 'AGENCY',
        agencyName: 'Northwind',
      },
      thread: { replyCount: 2, answeredByStaff: true, followerCount: 3 },
    });
    const thread = await server.em().findOneOrFail(Thread, { id: rawId(id) }, ALL_COMMUNITIES);
    expect(thread.firstStaffReplyAt).toBeInstanceOf(Date);
    const activity = await server.em().find(Activity, { thread: rawId(id), type: 'REPLY_POSTED' }, ALL_COMMUNITIES);
    expect(activity.map((a) => Boolean(a.actorStaff))).toEqual(expect.arrayContaining([true, false]));
  });

  it('pages replies oldest first', async () => {
    const id = await postThread(server.client(), customer, { title: 'Long conversation' });
    for (let i = 1; i <= 5; i++)
      await server.client().data(REPLY, { token: customer, variables: { id, body: `reply ${i}` } });
    const bodies: string[] = [];
    let after: string | null = null;
    do {
      const data: any = await server.client().data(REPLIES, { variables: { s: brand.slug, id, first: 2, after } });
      const replies = data.community.thread.replies;
      bodies.push(...replies.edges.map((e: any) => e.node.body));
      after = replies.pageInfo.hasNextPage ? replies.pageInfo.endCursor : null;
    } while (after);
    expect(bodies).toEqual(['reply 1', 'reply 2', 'reply 3', 'reply 4', 'reply 5']);
  });

  it('lists a reply its author deleted to nobody, staff included', async () => {
    const id = await postThread(server.client(), customer, { title: 'Second thoughts' });
    const kept = await server.client().data(REPLY, { token: customer, variables: { id, body: 'I keep this' } });
    const oops = await server.client().data(REPLY, { token: customer, variables: { id, body: 'I regret this' } });
    await server
      .client()
      .data('mutation ($r: ID!) { deleteReply(replyId: $r) }', { token: customer, variables: { r: oops.reply.id } });
    const staff = server.client();
    await signInStaff(staff, brand.slug, brand.staff);
    for (const client of [server.client(), staff]) {
      const data = await client.data(REPLIES, { variables: { s: brand.slug, id, first: 10 } });
      expect(data.community.thread.replies.edges.map((e: any) => e.node.body)).toEqual(['I keep this']);
    }
    expect(kept.reply.thread.replyCount).toBe(1);
  });

  it('stores text exactly as written (it is rendered as text)', async () => {
    const id = await postThread(server.client(), customer, { title: 'Markup' });
    const body = '<img src=x onerror=alert(1)> & "quotes"';
    expect((await server.client().data(REPLY, { token: customer, variables: { id, body } })).reply.body).toBe(body);
  });

  it('refuses empty replies, anonymous replies, replies to locked threads, and other communities', async () => {
    const id = await postThread(server.client(), customer, { title: 'Guarded thread' });
    const client = server.client();
    expect(await client.error(REPLY, { token: customer, variables: { id, body: '  ' } })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'body',
    });
    expect(await client.error(REPLY, { variables: { id, body: 'hi' } })).toMatchObject({ code: 'UNAUTHENTICATED' });
    const outsider = await guestToken(server.client(), other.slug, 'Outsider');
    expect(await client.error(REPLY, { token: outsider, variables: { id, body: 'hi' } })).toMatchObject({
      code: 'NOT_FOUND',
    });
    const em = server.em();
    const thread = await em.findOneOrFail(Thread, { id: rawId(id) }, ALL_COMMUNITIES);
    thread.lockedAt = new Date();
    await em.flush();
    expect(await client.error(REPLY, { token: customer, variables: { id, body: 'hi' } })).toMatchObject({
      code: 'FORBIDDEN',
    });
    // Nothing half-written by the refused attempts.
    expect(await server.em().count(Reply, { thread: rawId(id) }, ALL_COMMUNITIES)).toBe(0);
    expect(await server.em().count(Activity, { thread: rawId(id), type: 'REPLY_POSTED' }, ALL_COMMUNITIES)).toBe(0);
    expect((await server.em().findOneOrFail(Thread, { id: rawId(id) }, ALL_COMMUNITIES)).replyCount).toBe(0);
    // Staff can still answer in a locked thread.
    const staff = server.client();
    await signInStaff(staff, brand.slug, brand.staff);
    expect((await staff.data(REPLY, { variables: { id, body: 'Closing this, thanks all.' } })).reply.byStaff).toBe(
      true,
    );
  });
});
