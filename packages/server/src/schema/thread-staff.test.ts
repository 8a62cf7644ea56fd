import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Member, Vote } from '../entities/index.ts';
import {
  ALL_COMMUNITIES,
  createTestCommunity,
  guestToken,
  postThread,
  rawId,
  signInStaff,
  type TestCommunity,
} from '../testing/fixtures.ts';
import type { GraphQLClient } from '../testing/graphql-client.ts';
import { startTestServer, type TestServer } from '../testing/server.ts';

let server: TestServer;
let brand: TestCommunity;
let staff: GraphQLClient;
let manager: GraphQLClient;

const VOTE = 'mutation ($id: ID!) { vote(threadId: $id) { id } }';
const FOLLOW = 'mutation ($id: ID!) { follow(threadId: $id) { id } }';
const THREAD = (staffFields: string) => `query ($s: String!, $id: ID!) { community(slug: $s) { thread(id: $id) {
  title voteCount followerCount mergedInto { title } isLocked ${staffFields}
} } }`;
/** The thread as the client sees it; staff see whether and why it is hidden. */
const read = async (client: GraphQLClient, id: string) =>
  (await client.data(THREAD(client.cookie ? 'isHidden hiddenReason' : ''), { variables: { s: brand.slug, id } }))
    .community.thread;

beforeAll(async () => {
  server = await startTestServer();
  brand = await createTestCommunity(server.em());
  staff = server.client();
  manager = server.client();
  await signInStaff(staff, brand.slug, brand.staff);
  await signInStaff(manager, brand.slug, brand.manager);
});
afterAll(() => server?.close());

describe('mergeThread', () => {
  it('moves votes and followers to the other thread, once per person, and points the duplicate to it', async () => {
    const [ann, bob, cat] = await Promise.all(
      ['Ann', 'Bob', 'Cat'].map((n) => guestToken(server.client(), brand.slug, n)),
    );
    const original = await postThread(server.client(), ann, { title: 'Dark mode' });
    const duplicate = await postThread(server.client(), bob, { title: 'Night theme please' });
    for (const token of [ann, bob]) await server.client().data(VOTE, { token, variables: { id: original } });
    for (const token of [bob, cat]) await server.client().data(VOTE, { token, variables: { id: duplicate } });
    await server.client().data(FOLLOW, { token: cat, variables: { id: duplicate } });

    const merged = await staff.data(
      'mutation ($a: ID!, $b: ID!) { mergeThread(threadId: $a, intoThreadId: $b) { title voteCount followerCount } }',
      {
        variables: { a: duplicate, b: original },
      },
    );
    // Ann, Bob (once), Cat; followers: Ann (author) and Bob and Cat.
    expect(merged.mergeThread).toEqual({ title: 'Dark mode', voteCount: 3, followerCount: 3 });
    expect(await read(server.client(), duplicate)).toMatchObject({ mergedInto: { title: 'Dark mode' }, voteCount: 0 });
    expect(await server.em().count(Vote, { thread: rawId(duplicate) }, ALL_COMMUNITIES)).toBe(0);
    // Bob's second vote is gone from his count too.
    const bobMember = await server
      .em()
      .findOneOrFail(Member, { displayName: 'Bob', community: brand.community.id }, ALL_COMMUNITIES);
    expect(bobMember.voteCount).toBe(1);
    const list = await server
      .client()
      .data('query ($s: String!) { community(slug: $s) { threads(first: 50) { edges { node { title } } } } }', {
        variables: { s: brand.slug },
      });
    expect(list.community.threads.edges.map((e: any) => e.node.title)).not.toContain('Night theme please');
  });

  it('says where a merged thread went to those who write to it, and refuses merging into it', async () => {
    const customer = await guestToken(server.client(), brand.slug, 'Late Comer');
    const duplicate = await postThread(server.client(), customer, { title: 'Pocket for a phone' });
    const original = await postThread(server.client(), customer, { title: 'Phone pocket on the strap' });
    const other = await postThread(server.client(), customer, { title: 'Bigger zip pulls' });
    await staff.data('mutation ($a: ID!, $b: ID!) { mergeThread(threadId: $a, intoThreadId: $b) { id } }', {
      variables: { a: duplicate, b: original },
    });
    /** The first error of a request that must fail, with its extensions. */
    const failure = async (client: GraphQLClient, query: string, options: Parameters<GraphQLClient['request']>[1]) =>
      (await client.request(query, options)).errors?.[0];
    const wentTo = {
      message: 'This thread was merged into another one: continue there.',
      extensions: { code: 'CONFLICT', existingId: original },
    };
    const reply = 'mutation ($i: ReplyInput!) { reply(input: $i) { id } }';
    expect(
      await failure(server.client(), reply, {
        token: customer,
        variables: { i: { threadId: duplicate, body: 'Me too.' } },
      }),
    ).toMatchObject(wentTo);
    expect(await failure(server.client(), VOTE, { token: customer, variables: { id: duplicate } })).toMatchObject(
      wentTo,
    );
    const merge = 'mutation ($a: ID!, $b: ID!) { mergeThread(threadId: $a, intoThreadId: $b) { id } }';
    expect(await failure(staff, merge, { variables: { a: duplicate, b: other } })).toMatchObject(wentTo);
    expect(await staff.error(merge, { variables: { a: other, b: duplicate } })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'targetId',
    });
  });

  it('refuses merging a thread into itself', async () => {
    const id = await postThread(staff, undefined, { title: 'Alone' });
    expect(
      await staff.error('mutation ($a: ID!) { mergeThread(threadId: $a, intoThreadId: $a) { id } }', {
        variables: { a: id },
      }),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
    });
  });
});

describe('moderation', () => {
  it('hides and restores a thread, with the reason for staff and nothing for customers', async () => {
    const customer = await guestToken(server.client(), brand.slug, 'Spammy');
    const id = await postThread(server.client(), customer, { title: 'Buy cheap watches' });
    await manager.data('mutation ($id: ID!) { hideThread(threadId: $id, reason: "Advertising") { id } }', {
      variables: { id },
    });
    expect(await read(manager, id)).toMatchObject({ isHidden: true, hiddenReason: 'Advertising' });
    expect(await read(server.client(), id)).toBeNull();
    await manager.data('mutation ($id: ID!) { restoreThread(threadId: $id) { id } }', { variables: { id } });
    expect(await read(server.client(), id)).toMatchObject({ title: 'Buy cheap watches' });
  });

  it('locks a thread against customer replies', async () => {
    const customer = await guestToken(server.client(), brand.slug, 'Talker');
    const id = await postThread(server.client(), customer, { title: 'Heated topic' });
    await manager.data('mutation ($id: ID!) { lockThread(threadId: $id) { isLocked } }', { variables: { id } });
    const refused = await server.client().error('mutation ($i: ReplyInput!) { reply(input: $i) { id } }', {
      token: customer,
      variables: { i: { threadId: id, body: 'But…' } },
    });
    expect(refused.code).toBe('FORBIDDEN');
    await manager.data('mutation ($id: ID!) { unlockThread(threadId: $id) { isLocked } }', { variables: { id } });
    await server.client().data('mutation ($i: ReplyInput!) { reply(input: $i) { id } }', {
      token: customer,
      variables: { i: { threadId: id, body: 'Thanks for reopening' } },
    });
  });

  it('needs a reason to hide', async () => {
    const id = await postThread(staff, undefined, { title: 'Needs reason' });
    expect(
      await manager.error('mutation ($id: ID!) { hideThread(threadId: $id, reason: "") { id } }', {
        variables: { id },
      }),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'reason',
    });
  });
});
