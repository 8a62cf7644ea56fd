/**
 * An SMTP server that stops answering (its process stopped with SIGSTOP: connections are accepted,
 * nothing is said) must not hold the outbox: each send gives up within its timeouts, the failure is
 * logged, and the email goes out once the server is back.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { OutboxMessage } from '../../entities/index.ts';
import { ALL_COMMUNITIES, createTestCommunity, postThread, ssoToken } from '../../testing/fixtures.ts';
import { startTestServer, type TestServer } from '../../testing/server.ts';
import { startTestSmtpServer, type TestSmtpServer } from '../../testing/smtp.ts';
import { type Mailer, startMailer } from './mailer.ts';

let smtp: TestSmtpServer;
let server: TestServer;
let mailer: Mailer | undefined;

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  // No SMTP_URL: this test runs the mailer itself, with short waits.
  server = await startTestServer();
});
afterAll(async () => {
  await mailer?.stop();
  await server?.close();
  await smtp?.close();
});

it('gives up on a hung SMTP server within its timeouts, logs it, and sends once the server is back', async () => {
  const brand = await createTestCommunity(server.em());
  const api = server.client();
  const as = async (sub: string) => ssoToken(brand, { sub, name: sub, email: `${sub.toLowerCase()}@example.com` });
  const [ada, bob] = [await as('Ada'), await as('Bob')];
  const thread = await postThread(api, ada, { title: 'Waterproof gloves' });
  await api.data('mutation ($id: ID!) { follow(threadId: $id) { id } }', { token: bob, variables: { id: thread } });
  for (const body of ['First reply', 'Second reply', 'Third reply']) {
    await api.data('mutation ($i: ReplyInput!) { reply(input: $i) { id } }', {
      token: ada,
      variables: { i: { threadId: thread, body } },
    });
  }

  smtp.hang();
  const logged: string[] = [];
  mailer = startMailer({
    orm: server.app.orm,
    smtpUrl: smtp.url,
    from: 'Rapport <no-reply@localhost>',
    publicUrl: server.url,
    intervalMs: 60_000,
    onError: (error) => logged.push(String((error as Error).message)),
    timeouts: { connectionTimeout: 500, greetingTimeout: 500, socketTimeout: 1_000 },
  });
  const started = Date.now();
  const result = await mailer.runOnce();
  expect(Date.now() - started).toBeLessThan(5_000);
  expect(result).toMatchObject({ sent: 0, retrying: 3 });
  expect(logged).toHaveLength(3);
  expect(logged[0]).toMatch(/not sent, will retry/);
  const waiting = await server.em().find(OutboxMessage, { status: 'PENDING' }, ALL_COMMUNITIES);
  expect(waiting.map((m) => [m.attempts, m.claimedBy])).toEqual([
    [1, null],
    [1, null],
    [1, null],
  ]);

  smtp.resume();
  await server.em().nativeUpdate(OutboxMessage, {}, { dueAt: new Date() }, ALL_COMMUNITIES);
  expect(await mailer.runOnce()).toMatchObject({ sent: 3 });
  await smtp.waitFor(3);
});
