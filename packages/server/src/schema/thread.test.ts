import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Activity, Follow, Member, Thread } from '../entities/index.ts';
import {
  ALL_COMMUNITIES,
  createTestCommunity,
  guestToken,
  postThread,
  rawId,
  signInStaff,
  ssoToken,
  type TestCommunity,
} from '../testing/fixtures.ts';
import { startTestServer, type TestServer } from '../testing/server.ts';

let server: TestServer;
let brand: TestCommunity;
let other: TestCommunity;
let guest: string;

const POST =
  'mutation ($input: PostThreadInput!) { postThread(input: $input) { id kind title body status voteCount replyCount followerCount viewerIsFollowing viewerHasVoted answeredByStaff author { displayName } } }';
const THREAD = `query ($slug: String!, $id: ID!) { community(slug: $slug) { thread(id: $id) {
  id title body status author { __typename displayName ... on StaffMember { title badge } }
} } }`;

beforeAll(async () => {
  server = await startTestServer();
  brand = await createTestCommunity(server.em());
  other = await createTestCommunity(server.em());
  guest = await guestToken(server.client(), brand.slug, 'Gail');
});
afterAll(() => server?.close());

describe('postThread', () => {
  it('posts as a guest, who then follows it, and logs the activity', async () => {
    const data = await server.client().data(POST, {
      token: guest,
      variables: { input: { kind: 'QUESTION', title: '  Does it ship to Norway? ', body: 'Asking for <b>me</b>' } },
    });
    expect(data.postThread).toMatchObject({
      kind: 'QUESTION',
      title: 'Does it ship to Norway?',
      body: 'Asking for <b>me</b>',
      status: 'OPEN',
      voteCount: 0,
      replyCount: 0,
      followerCount: 1,
      viewerIsFollowing: true,
      viewerHasVoted: false,
      answeredByStaff: false,
      author: { displayName: 'Gail' },
    });
    const em = server.em();
    const id = rawId(data.postThread.id);
    const opts = ALL_COMMUNITIES;
    expect(await em.count(Follow, { thread: id }, opts)).toBe(1);
    const activity = await em.findOneOrFail(Activity, { thread: id, type: 'THREAD_POSTED' }, opts);
    expect(activity.actorMember?.id).toBeTruthy();
    expect(activity.community.id).toBe(brand.community.id);
  });

  it('posts as an SSO customer and as staff, who are shown as themselves', async () => {
    const customer = await ssoToken(brand, { sub: 'c-1', name: 'Cleo' });
    const byCustomer = await server
      .client()
      .data(POST, { token: customer, variables: { input: { kind: 'IDEA', title: 'Offline mode' } } });
    expect(byCustomer.postThread.author.displayName).toBe('Cleo');
    const staff = server.client();
    await signInStaff(staff, brand.slug, brand.staff);
    const byStaff = await staff.data(POST, {
      variables: { input: { kind: 'PRAISE', title: 'Thank you all for 10 years' } },
    });
    const read = await server.client().data(THREAD, { variables: { slug: brand.slug, id: byStaff.postThread.id } });
    expect(read.community.thread.author).toEqual({
      __typename: 'StaffMember',
      displayName: 'Sam',
      title: 'Support Lead',
      badge: 'STAFF',
    });
  });

  it('needs a viewer', async () => {
    const error = await server
      .client()
      .error(POST, { variables: { input: { kind: 'IDEA', title: 'Anonymous idea' } } });
    expect(error.code).toBe('UNAUTHENTICATED');
  });

  it.each([
    ['short title', { title: 'ab' }, 'title', 'at least 3'],
    ['long title', { title: 'x'.repeat(141) }, 'title', 'at most 140'],
    ['multi-line title', { title: 'two\nlines' }, 'title', 'single line'],
    ['control character', { title: 'bell \u0007 char' }, 'title', 'not allowed'],
    ['long body', { title: 'Fine title', body: 'y'.repeat(10_001) }, 'body', 'at most 10000'],
  ])('refuses a %s with BAD_USER_INPUT, writing nothing', async (_label, input, field, message) => {
    const before = await server.em().count(Thread, {}, ALL_COMMUNITIES);
    const error = await server.client().error(POST, { token: guest, variables: { input: { kind: 'IDEA', ...input } } });
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(error.message).toContain(message);
    expect(await server.em().count(Thread, {}, ALL_COMMUNITIES)).toBe(before);
  });

  it('counts length in characters, not bytes', async () => {
    const data = await server
      .client()
      .data(POST, { token: guest, variables: { input: { kind: 'IDEA', title: '🚀'.repeat(140) } } });
    expect([...data.postThread.title]).toHaveLength(140);
  });

  it('refuses the same title from the same person within a day, pointing at the first post', async () => {
    const token = await guestToken(server.client(), brand.slug, 'Double clicker');
    const first = await server
      .client()
      .data(POST, { token, variables: { input: { kind: 'IDEA', title: 'Bulk discounts' } } });
    const again = await server
      .client()
      .error(POST, { token, variables: { input: { kind: 'IDEA', title: 'bulk  DISCOUNTS!' } } });
    expect(again).toMatchObject({ code: 'CONFLICT', field: 'title' });
    const full = await server
      .client()
      .request(POST, { token, variables: { input: { kind: 'IDEA', title: 'Bulk discounts' } } });
    expect(full.errors?.[0]?.extensions?.existingId).toBe(first.postThread.id);
    // Someone else may post the same idea: that is a vote for it, not spam.
    const other = await guestToken(server.client(), brand.slug, 'Someone else');
    await server.client().data(POST, { token: other, variables: { input: { kind: 'IDEA', title: 'Bulk discounts' } } });
  });

  it('refuses an unknown kind as invalid input', async () => {
    const result = await server
      .client()
      .request(POST, { token: guest, variables: { input: { kind: 'RANT', title: 'Valid title' } } });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('does not let a suspended member post', async () => {
    const token = await guestToken(server.client(), brand.slug, 'Spammer');
    await server.client().data(POST, { token, variables: { input: { kind: 'IDEA', title: 'First post' } } });
    const em = server.em();
    const member = await em.findOneOrFail(Member, { displayName: 'Spammer' }, ALL_COMMUNITIES);
    member.suspendedAt = new Date();
    await em.flush();
    const error = await server
      .client()
      .error(POST, { token, variables: { input: { kind: 'IDEA', title: 'Second post' } } });
    expect(error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('suspended') });
  });
});

describe('community.thread(id)', () => {
  it('reads a thread, returns null for a missing one, and refuses a malformed id', async () => {
    const id = await postThread(server.client(), guest, { title: 'Readable thread', body: 'Body' });
    const client = server.client();
    expect((await client.data(THREAD, { variables: { slug: brand.slug, id } })).community.thread.title).toBe(
      'Readable thread',
    );
    const missing = Buffer.from('Thread:01a20000-0000-7000-8000-000000000000').toString('base64');
    expect((await client.data(THREAD, { variables: { slug: brand.slug, id: missing } })).community.thread).toBeNull();
    expect(await client.error(THREAD, { variables: { slug: brand.slug, id: 'garbage' } })).toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    const replyId = Buffer.from(`Reply:${rawId(id)}`).toString('base64');
    expect(await client.error(THREAD, { variables: { slug: brand.slug, id: replyId } })).toMatchObject({
      code: 'BAD_USER_INPUT',
    });
  });

  it('does not find a thread through another community', async () => {
    const id = await postThread(server.client(), guest, { title: 'Private to brand' });
    const data = await server.client().data(THREAD, { variables: { slug: other.slug, id } });
    expect(data.community.thread).toBeNull();
  });

  it('hides a hidden thread from customers but not from staff', async () => {
    const id = await postThread(server.client(), guest, { title: 'To be hidden' });
    const em = server.em();
    const thread = await em.findOneOrFail(Thread, { id: rawId(id) }, ALL_COMMUNITIES);
    thread.hiddenAt = new Date();
    await em.flush();
    expect((await server.client().data(THREAD, { variables: { slug: brand.slug, id } })).community.thread).toBeNull();
    const staff = server.client();
    await signInStaff(staff, brand.slug, brand.staff);
    expect((await staff.data(THREAD, { variables: { slug: brand.slug, id } })).community.thread.title).toBe(
      'To be hidden',
    );
    const list = await server
      .client()
      .data('query ($s: String!) { community(slug: $s) { threads(first: 50) { edges { node { title } } } } }', {
        variables: { s: brand.slug },
      });
    expect(list.community.threads.edges.map((e: any) => e.node.title)).not.toContain('To be hidden');
  });
});
