import { afterAll, beforeAll, expect, it } from 'vitest';
import { Notification } from '../../../entities/index.ts';
import { ALL_COMMUNITIES, createTestCommunity, guestToken, postThread, signInStaff } from '../../../testing/fixtures.ts';
import { startTestServer, type TestServer } from '../../../testing/server.ts';
import { backfillNotifications } from './notifications.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ backgroundJobs: false });
});
afterAll(() => server?.close());

it('writes the notifications members had before they were rows: replies and status changes since they followed', async () => {
  const brand = await createTestCommunity(server.em());
  const api = server.client();
  const staff = server.client();
  await signInStaff(staff, brand.slug, brand.staff);
  const [ada, bob] = [await guestToken(api, brand.slug, 'Ada'), await guestToken(api, brand.slug, 'Bob')];
  const thread = await postThread(api, ada, { title: 'Backfilled thread' });
  await api.data('mutation ($i: ReplyInput!) { reply(input: $i) { id } }', {
    token: bob,
    variables: { i: { threadId: thread, body: 'Bob answers before following' } },
  });
  await staff.data('mutation ($i: SetThreadStatusInput!) { setThreadStatus(input: $i) { id } }', {
    variables: { i: { threadId: thread, status: 'PLANNED' } },
  });
  const shape = async () =>
    (await server.em().find(Notification, {}, { ...ALL_COMMUNITIES, orderBy: { createdAt: 'asc', id: 'asc' } })).map(
      (n) => [n.member.id, n.kind, n.dedupeKey, n.thread?.id, n.reply?.id ?? null, n.statusChange?.id ?? null, n.createdAt.getTime()],
    );
  const written = await shape();
  // Ada (author) heard of Bob's reply and of the status; Bob follows since his reply: the status.
  expect(written.map((n) => n[1])).toEqual(['REPLY', 'STATUS_CHANGED', 'STATUS_CHANGED']);

  await server.em().nativeDelete(Notification, {}, ALL_COMMUNITIES);
  const connection = server.app.orm.em.getConnection();
  await backfillNotifications((sql, params) => connection.execute(sql, params ?? []) as never);
  const backfilled = await shape();
  // Same notifications; only their own ids differ.
  expect(backfilled.map((n) => n.slice(0, 6)).sort()).toEqual(written.map((n) => n.slice(0, 6)).sort());
});
