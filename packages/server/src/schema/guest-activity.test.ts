import { afterAll, beforeAll, expect, it } from 'vitest';
import { Member, MemberScore } from '../entities/index.ts';
import {
  ALL_COMMUNITIES,
  createTestCommunity,
  guestToken,
  postThread,
  ssoToken,
  type TestCommunity,
} from '../testing/fixtures.ts';
import { startTestServer, type TestServer } from '../testing/server.ts';

let server: TestServer;
let brand: TestCommunity;

const SUMMARY =
  'query ($t: String!) { guestActivity(guestToken: $t) { displayName threadCount replyCount voteCount followCount } }';
const BRING =
  'mutation ($t: String!) { bringGuestActivity(guestToken: $t) { displayName threadCount replyCount voteCount followCount } }';
const VOTE = 'mutation ($id: ID!) { vote(threadId: $id) { voteCount } }';
const THREAD = `query ($s: String!, $id: ID!) { community(slug: $s) { thread(id: $id) {
  voteCount viewerHasVoted viewerCanEdit author { displayName } } } }`;

beforeAll(async () => {
  server = await startTestServer();
  brand = await createTestCommunity(server.em());
});
afterAll(() => server?.close());

it('brings what a guest did into the account they sign in to, counting nothing twice', async () => {
  const client = server.client();
  const other = await guestToken(client, brand.slug, 'Someone else');
  const theirs = await postThread(client, other, { title: 'Somebody else’s idea' });
  const guest = await guestToken(client, brand.slug, 'Gus Guest');
  const mine = await postThread(client, guest, { title: 'An idea I had as a guest' });
  await client.data('mutation ($i: ReplyInput!) { reply(input: $i) { id } }', {
    token: guest,
    variables: { i: { threadId: theirs, body: 'A guest reply' } },
  });
  await client.data(VOTE, { token: guest, variables: { id: theirs } });
  const customer = await ssoToken(brand, { sub: 'gus-1', name: 'Gus Signed' });
  // The customer had already voted for the same thread while signed in.
  await client.data(VOTE, { token: customer, variables: { id: theirs } });
  expect(
    (await client.data(THREAD, { token: other, variables: { s: brand.slug, id: theirs } })).community.thread.voteCount,
  ).toBe(2);

  expect((await client.data(SUMMARY, { token: customer, variables: { t: guest } })).guestActivity).toEqual({
    displayName: 'Gus Guest',
    threadCount: 1,
    replyCount: 1,
    voteCount: 1,
    followCount: 2, // their own thread, and the one they replied to
  });
  expect((await client.data(BRING, { token: customer, variables: { t: guest } })).bringGuestActivity).toEqual({
    displayName: 'Gus Guest',
    threadCount: 1,
    replyCount: 1,
    voteCount: 0, // the same vote was theirs already
    followCount: 2,
  });

  const now = await client.data(THREAD, { token: customer, variables: { s: brand.slug, id: mine } });
  expect(now.community.thread).toMatchObject({ author: { displayName: 'Gus Signed' }, viewerCanEdit: true });
  const voted = await client.data(THREAD, { token: customer, variables: { s: brand.slug, id: theirs } });
  expect(voted.community.thread).toMatchObject({ voteCount: 1, viewerHasVoted: true });
  await client.data('mutation ($i: EditThreadInput!) { editThread(input: $i) { id } }', {
    token: customer,
    variables: { i: { threadId: mine, title: 'An idea I had as a guest, edited' } },
  });

  const em = server.em().fork();
  const member = await em.findOneOrFail(Member, { externalId: 'gus-1' }, ALL_COMMUNITIES);
  expect(member).toMatchObject({ threadCount: 1, replyCount: 1, voteCount: 1 });
  const old = await em.findOneOrFail(Member, { displayName: 'Gus Guest' }, ALL_COMMUNITIES);
  expect(old.erasedAt).not.toBeNull();
  // Their standing in the ranking went with them.
  expect(await em.count(MemberScore, { member: old.id }, ALL_COMMUNITIES)).toBe(0);
  const score = await em.findOneOrFail(MemberScore, { member: member.id }, ALL_COMMUNITIES);
  expect(score.textCount).toBe(2);

  // The guest token has ended: it neither signs in nor can be brought in again.
  expect(await client.error(THREAD, { token: guest, variables: { s: brand.slug, id: mine } })).toMatchObject({
    code: 'UNAUTHENTICATED',
  });
  expect((await client.data(SUMMARY, { token: customer, variables: { t: guest } })).guestActivity).toBeNull();
  expect(await client.error(BRING, { token: customer, variables: { t: guest } })).toMatchObject({
    code: 'NOT_FOUND',
    message: expect.stringContaining('already brought'),
  });
});

it('is only for signed-in customers, and says what is wrong with the token', async () => {
  const client = server.client();
  const guest = await guestToken(client, brand.slug, 'Gail');
  const another = await guestToken(client, brand.slug, 'Glen');
  expect(await client.error(BRING, { token: another, variables: { t: guest } })).toMatchObject({
    code: 'FORBIDDEN',
    message: expect.stringContaining('signed-in account'),
  });
  const customer = await ssoToken(brand, { sub: 'gail-1', name: 'Gail' });
  expect(await client.error(BRING, { token: customer, variables: { t: 'not-a-token' } })).toMatchObject({
    code: 'BAD_USER_INPUT',
    field: 'guestToken',
  });
  // A guest token of another community is unknown here.
  const elsewhere = await createTestCommunity(server.em());
  const foreign = await guestToken(client, elsewhere.slug, 'Far away');
  expect(await client.error(BRING, { token: customer, variables: { t: foreign } })).toMatchObject({
    code: 'NOT_FOUND',
  });
});
