/**
 * Suspension that sticks: a spammer's posts can go with them, they leave the ranking, and a new
 * guest name from the same address is limited; lifting it shows again what it hid.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bindEm } from '../core/scope.ts';
import { DEFAULT_RATE_LIMITS, scaledLimits } from '../rate-limit/rules.ts';
import { fromSuspendedGuest } from '../services/guest-origin.ts';
import { createTestCommunity, guestToken, postThread, signInStaff, type TestCommunity } from '../testing/fixtures.ts';
import type { GraphQLClient } from '../testing/graphql-client.ts';
import { startTestServer, type TestServer } from '../testing/server.ts';

let server: TestServer;
let brand: TestCommunity;
let manager: GraphQLClient;

const START = `mutation ($c: String!, $n: String!, $b: String) {
  startGuestSession(community: $c, displayName: $n, browser: $b) { token } }`;
const SUSPEND = `mutation ($id: ID!, $hide: Boolean) {
  suspendMember(memberId: $id, reason: "Spam", hideContent: $hide) { isSuspended } }`;
const THREAD = 'query ($s: String!, $id: ID!) { community(slug: $s) { thread(id: $id) { title replyCount } } }';
const RANKING = `query ($s: String!) { community(slug: $s) { ranking(first: 50) { edges { node { rank member { displayName } } } } } }`;
const INBOX = `query ($s: String!) { community(slug: $s) { inbox(first: 50) { edges { node { title } } } } }`;

beforeAll(async () => {
  // Every limit far above what a test does, but the one about suspended guests as in production.
  const rateLimits = {
    ...scaledLimits(DEFAULT_RATE_LIMITS, 1000),
    guestAfterSuspension: DEFAULT_RATE_LIMITS.guestAfterSuspension,
  };
  server = await startTestServer({ rateLimits });
  brand = await createTestCommunity(server.em());
  manager = server.client();
  await signInStaff(manager, brand.slug, brand.manager);
});
afterAll(() => server?.close());

const ranked = async () =>
  (await manager.data(RANKING, { variables: { s: brand.slug } })).community.ranking.edges.map(
    (e: { node: { rank: number; member: { displayName: string } } }) => [e.node.member.displayName, e.node.rank],
  );
const inbox = async () =>
  (await manager.data(INBOX, { variables: { s: brand.slug } })).community.inbox.edges.map(
    (e: { node: { title: string } }) => e.node.title,
  );

it('hides a spammer’s posts with them, drops them from the ranking, limits new guests from them', async () => {
  const client = server.client();
  const spam = (await client.data(START, { variables: { c: brand.slug, n: 'Boots4U', b: 'spam-browser-1' } }))
    .startGuestSession.token;
  const fan = await guestToken(client, brand.slug, 'Fan');
  const honest = await guestToken(client, brand.slug, 'Honest');
  const real = await postThread(client, honest, { title: 'Real question about sizes' });
  const ad = await postThread(client, spam, { title: 'CHEAP BOOTS 90% OFF!!!', body: 'Great great great deals' });
  await client.data('mutation ($i: ReplyInput!) { reply(input: $i) { id } }', {
    token: spam,
    variables: { i: { threadId: real, body: 'Buy CHEAP BOOTS here, great deals' } },
  });
  await client.data('mutation ($id: ID!) { vote(threadId: $id) { id } }', { token: fan, variables: { id: ad } });
  expect((await ranked()).map(([name]: [string]) => name)).toContain('Boots4U');
  expect(await inbox()).toContain('CHEAP BOOTS 90% OFF!!!');

  const spammer = (await client.data('{ viewer { member { id } } }', { token: spam })).viewer.member.id;
  await manager.data(SUSPEND, { variables: { id: spammer, hide: true } });

  // Their thread and reply are gone for customers, their thread from the inbox, and they from the ranking.
  expect((await client.data(THREAD, { token: fan, variables: { s: brand.slug, id: ad } })).community.thread).toBeNull();
  expect((await client.data(THREAD, { token: fan, variables: { s: brand.slug, id: real } })).community.thread).toEqual({
    title: 'Real question about sizes',
    replyCount: 0,
  });
  expect(await inbox()).not.toContain('CHEAP BOOTS 90% OFF!!!');
  const after = await ranked();
  expect(after.map(([name]: [string]) => name)).not.toContain('Boots4U');
  expect(after.map(([, rank]: [string, number]) => rank)).toEqual(after.map((_: unknown, i: number) => i + 1));
  const standing = await manager.data(
    'query ($s: String!, $id: ID!) { community(slug: $s) { member(id: $id) { standing { rank } } } }',
    {
      variables: { s: brand.slug, id: spammer },
    },
  );
  expect(standing.community.member.standing).toBeNull();

  // A new name from the same address: one more guest today, not a fresh start every time.
  await client.data(START, { variables: { c: brand.slug, n: 'Boots4You' } });
  expect(await client.error(START, { variables: { c: brand.slug, n: 'BootsForYou' } })).toMatchObject({
    code: 'RATE_LIMITED',
  });
  // The browser counts too, whatever address it comes from next.
  const em = bindEm(server.em(), brand.community.id);
  expect(await fromSuspendedGuest(em, brand.community.id, { ip: '203.0.113.9', browser: 'spam-browser-1' })).toBe(true);
  expect(await fromSuspendedGuest(em, brand.community.id, { ip: '203.0.113.9', browser: 'another-browser' })).toBe(
    false,
  );

  // Lifting the suspension shows again exactly what it hid, and ranks them again.
  await manager.data('mutation ($id: ID!) { unsuspendMember(memberId: $id) { isSuspended } }', {
    variables: { id: spammer },
  });
  expect(
    (await client.data(THREAD, { token: fan, variables: { s: brand.slug, id: ad } })).community.thread,
  ).toMatchObject({
    title: 'CHEAP BOOTS 90% OFF!!!',
  });
  expect(
    (await client.data(THREAD, { token: fan, variables: { s: brand.slug, id: real } })).community.thread.replyCount,
  ).toBe(1);
  expect((await ranked()).map(([name]: [string]) => name)).toContain('Boots4U');
});

it('keeps their posts up when the manager suspends without hiding, and refuses a bad browser id', async () => {
  const other = await createTestCommunity(server.em());
  const client = server.client();
  const loud = await guestToken(client, other.slug, 'Loud');
  const id = await postThread(client, loud, { title: 'Still visible' });
  const boss = server.client();
  await signInStaff(boss, other.slug, other.manager);
  const member = (await client.data('{ viewer { member { id } } }', { token: loud })).viewer.member.id;
  await boss.data(SUSPEND, { variables: { id: member, hide: false } });
  expect((await client.data(THREAD, { variables: { s: other.slug, id } })).community.thread.title).toBe(
    'Still visible',
  );
  expect(await client.error(START, { variables: { c: other.slug, n: 'X', b: 'no good!' } })).toMatchObject({
    code: 'BAD_USER_INPUT',
    field: 'browser',
  });
});
