import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCommunity, guestToken, postThread, signInStaff, type TestCommunity } from '../testing/fixtures.ts';
import type { GraphQLClient } from '../testing/graphql-client.ts';
import { startTestServer, type TestServer } from '../testing/server.ts';
import { subscribe } from '../testing/sse.ts';

let server: TestServer;
let brand: TestCommunity;
let staff: GraphQLClient;
let manager: GraphQLClient;

const INBOX = `query ($s: String!, $mine: Boolean, $mentions: Boolean, $kind: [ThreadKind!]) { community(slug: $s) {
  inbox(first: 50, assignedToMe: $mine, mentionsMe: $mentions, kind: $kind) { edges { node { title waitingSince assignee { name } } } }
} }`;
const REPLY = 'mutation ($i: ReplyInput!) { reply(input: $i) { id } }';
const inbox = async (client: GraphQLClient, variables: Record<string, unknown> = {}) =>
  (await client.data(INBOX, { variables: { s: brand.slug, ...variables } })).community.inbox.edges.map(
    (e: any) => e.node,
  );

beforeAll(async () => {
  server = await startTestServer();
  brand = await createTestCommunity(server.em());
  staff = server.client();
  manager = server.client();
  await signInStaff(staff, brand.slug, brand.staff);
  await signInStaff(manager, brand.slug, brand.manager);
});
afterAll(() => server?.close());

describe('the inbox', () => {
  it('lists what customers wait on, longest wait first; an answer takes it out, a new question puts it back', async () => {
    const customer = await guestToken(server.client(), brand.slug, 'Waiting Wendy');
    const first = await postThread(server.client(), customer, { kind: 'QUESTION', title: 'First question' });
    await postThread(server.client(), customer, { kind: 'QUESTION', title: 'Second question' });
    await postThread(staff, undefined, { kind: 'PRAISE', title: 'Staff announcement' });
    expect((await inbox(staff)).map((t: any) => t.title)).toEqual(['First question', 'Second question']);

    await staff.data(REPLY, { variables: { i: { threadId: first, body: 'Here is the answer.' } } });
    const after = await inbox(staff);
    expect(after.map((t: any) => t.title)).toEqual(['Second question']);

    await server
      .client()
      .data(REPLY, { token: customer, variables: { i: { threadId: first, body: 'One more thing…' } } });
    const back = await inbox(staff);
    expect(back.map((t: any) => t.title)).toEqual(['Second question', 'First question']);
    // Whoever answered first looks after it now.
    expect(back[1].assignee).toEqual({ name: 'Sam' });
    expect(new Date(back[0].waitingSince).getTime()).toBeLessThanOrEqual(new Date(back[1].waitingSince).getTime());
  });

  it('takes a thread out once staff answer with a status note; a bare status change does not answer', async () => {
    const fresh = await createTestCommunity(server.em());
    const mia = server.client();
    await signInStaff(mia, fresh.slug, fresh.manager);
    const customer = await guestToken(server.client(), fresh.slug, 'Nora');
    const noted = await postThread(server.client(), customer, { kind: 'IDEA', title: 'Noted idea' });
    const bare = await postThread(server.client(), customer, { kind: 'IDEA', title: 'Bare idea' });
    const STATUS = 'mutation ($i: SetThreadStatusInput!) { setThreadStatus(input: $i) { id } }';
    await mia.data(STATUS, {
      variables: { i: { threadId: noted, status: 'PLANNED', note: 'On the roadmap for May.' } },
    });
    await mia.data(STATUS, { variables: { i: { threadId: bare, status: 'UNDER_REVIEW' } } });
    const waiting = (await mia.data(INBOX, { variables: { s: fresh.slug } })).community.inbox.edges.map(
      (e: { node: { title: string } }) => e.node.title,
    );
    expect(waiting).toEqual(['Bare idea']);
  });

  it('filters by kind, by "assigned to me" and by "mentions me"', async () => {
    const fresh = await createTestCommunity(server.em());
    const sam = server.client();
    await signInStaff(sam, fresh.slug, fresh.staff);
    const mia = server.client();
    await signInStaff(mia, fresh.slug, fresh.manager);
    const customer = await guestToken(server.client(), fresh.slug, 'Cleo');
    const idea = await postThread(server.client(), customer, { kind: 'IDEA', title: 'An idea' });
    const problem = await postThread(server.client(), customer, { kind: 'PROBLEM', title: 'A problem' });
    const mention = await postThread(server.client(), customer, { kind: 'QUESTION', title: 'Ask Mia' });
    await sam.data('mutation ($id: ID!, $s: ID) { assignThread(threadId: $id, staffId: $s) { id } }', {
      variables: { id: problem, s: Buffer.from(`StaffMember:${fresh.staff.id}`).toString('base64') },
    });
    await server
      .client()
      .data(REPLY, { token: customer, variables: { i: { threadId: mention, body: '@Mia could you help?' } } });
    const titles = async (client: GraphQLClient, v: Record<string, unknown>) =>
      (await client.data(INBOX, { variables: { s: fresh.slug, ...v } })).community.inbox.edges.map(
        (e: any) => e.node.title,
      );
    expect(await titles(sam, { kind: ['IDEA'] })).toEqual(['An idea']);
    expect(await titles(sam, { mine: true })).toEqual(['A problem']);
    expect(await titles(mia, { mine: true })).toEqual([]);
    expect(await titles(mia, { mentions: true })).toEqual(['Ask Mia']);
    expect(await titles(sam, { mentions: true })).toEqual([]);
    expect(idea).toBeTruthy();
  });

  it('is for staff only', async () => {
    const token = await guestToken(server.client(), brand.slug, 'Curious');
    const result = await server.client().request(INBOX, { token, variables: { s: brand.slug } });
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('updates live: new threads and replies reach a staff subscriber', async () => {
    const live = subscribe(
      server.endpoint,
      `subscription ($c: String!) { communityEvents(community: $c) {
      __typename ... on ThreadPostedEvent { thread { title } } ... on ReplyAddedEvent { reply { body } thread { title } }
    } }`,
      { cookie: manager.cookie, variables: { c: brand.slug } },
    );
    expect((await live.ready).data.communityEvents.__typename).toBe('SubscriptionStartedEvent');
    const customer = await guestToken(server.client(), brand.slug, 'Live Larry');
    const id = await postThread(server.client(), customer, { title: 'Brand new thread' });
    expect((await live.next()).data.communityEvents).toEqual({
      __typename: 'ThreadPostedEvent',
      thread: { title: 'Brand new thread' },
    });
    await server.client().data(REPLY, { token: customer, variables: { i: { threadId: id, body: 'Bump' } } });
    expect((await live.next()).data.communityEvents).toEqual({
      __typename: 'ReplyAddedEvent',
      reply: { body: 'Bump' },
      thread: { title: 'Brand new thread' },
    });
    live.close();
  });
});
