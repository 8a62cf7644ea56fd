/**
 * Notifications in the widget, over the API: replies and status changes on followed threads, by
 * others, after the member started following; an unread count for the badge that markNotificationsRead clears.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestCommunity, guestToken, postThread, signInStaff, type TestCommunity } from '../testing/fixtures.ts';
import type { GraphQLClient } from '../testing/graphql-client.ts';
import { startTestServer, type TestServer } from '../testing/server.ts';

let server: TestServer;
let brand: TestCommunity;
let api: GraphQLClient;
let staff: GraphQLClient;
const tokens: Record<string, string> = {};

const as = (name: string) => ({ token: tokens[name] });
const reply = (name: string, threadId: string, body: string) =>
  api.data('mutation ($i: ReplyInput!) { reply(input: $i) { id } }', {
    ...as(name),
    variables: { i: { threadId, body } },
  });
const FEED = `{ viewer { unreadNotificationCount notifications(first: 10) {
  edges { node { kind unread status thread { title } reply { body } actor { displayName } } } } } }`;
const feed = async (name: string) => (await api.data(FEED, as(name))).viewer;

beforeAll(async () => {
  server = await startTestServer();
  brand = await createTestCommunity(server.em());
  api = server.client();
  staff = server.client();
  await signInStaff(staff, brand.slug, brand.staff);
  for (const name of ['Ada', 'Bob', 'Cy', 'Dee']) tokens[name] = await guestToken(api, brand.slug, name);
});
afterAll(() => server?.close());

it('lists what others did in followed threads since following, newest first, with an unread badge', async () => {
  const thread = await postThread(api, tokens.Ada, { title: 'Trail maps offline' });
  await reply('Cy', thread, 'Before Bob follows.');
  await api.data('mutation ($id: ID!) { follow(threadId: $id) { id } }', { ...as('Bob'), variables: { id: thread } });
  await reply('Cy', thread, 'After Bob follows.');
  await reply('Bob', thread, 'My own reply.');
  await staff.data('mutation ($i: SetThreadStatusInput!) { setThreadStatus(input: $i) { id } }', {
    variables: { i: { threadId: thread, status: 'PLANNED' } },
  });

  const bob = await feed('Bob');
  expect(bob.unreadNotificationCount).toBe(2);
  expect(bob.notifications.edges.map((e: { node: unknown }) => e.node)).toEqual([
    {
      kind: 'STATUS_CHANGED',
      unread: true,
      status: 'PLANNED',
      thread: { title: 'Trail maps offline' },
      reply: null,
      actor: { displayName: 'Sam' },
    },
    {
      kind: 'REPLY',
      unread: true,
      status: null,
      thread: { title: 'Trail maps offline' },
      reply: { body: 'After Bob follows.' },
      actor: { displayName: 'Cy' },
    },
  ]);
  // The author follows from the start: both of Cy's replies, Bob's, and the status change.
  expect((await feed('Ada')).unreadNotificationCount).toBe(4);

  expect((await api.data('mutation { markNotificationsRead }', as('Bob'))).markNotificationsRead).toBe(0);
  const read = await feed('Bob');
  expect(read.unreadNotificationCount).toBe(0);
  expect(read.notifications.edges.every((e: { node: { unread: boolean } }) => !e.node.unread)).toBe(true);

  await reply('Ada', thread, 'Thanks all.');
  const again = await feed('Bob');
  expect(again.unreadNotificationCount).toBe(1);
  expect(again.notifications.edges[0].node).toMatchObject({
    kind: 'REPLY',
    unread: true,
    reply: { body: 'Thanks all.' },
  });
});

it('has no notifications for someone who follows nothing, nor for staff', async () => {
  expect(await feed('Dee')).toEqual({ unreadNotificationCount: 0, notifications: { edges: [] } });
  const viewer = (
    await staff.data('{ viewer { unreadNotificationCount notifications(first: 5) { edges { node { kind } } } } }')
  ).viewer;
  expect(viewer).toEqual({ unreadNotificationCount: 0, notifications: null });
});
