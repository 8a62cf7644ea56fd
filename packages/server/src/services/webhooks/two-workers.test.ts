/**
 * Two server processes draining one database's webhook deliveries to a slow receiver: each
 * delivery arrives exactly once. The processes are two servers on the same database, each with
 * its own connections, delivering as their background job does; their claims are made shorter
 * than the receiver takes to answer, so a claim that is not kept while sending would be taken
 * over and the delivery sent again.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bindEm } from '../../core/scope.ts';
import { Webhook, WebhookDelivery } from '../../entities/index.ts';
import { ALL_COMMUNITIES, guestToken, postThread } from '../../testing/fixtures.ts';
import { type HttpReceiver, startHttpReceiver } from '../../testing/http-receiver.ts';
import { startTestBrand, startTestServer, type TestBrand, type TestServer } from '../../testing/server.ts';
import { createWebhookSender, dispatchWebhooks, type WebhookSender } from './deliver.ts';

let a: TestBrand;
let b: TestServer;
let receiver: HttpReceiver;

beforeAll(async () => {
  // Answers come back at uneven times, as a real receiver's do, so lanes free up while other
  // sends are still waiting for their answer.
  receiver = await startHttpReceiver({ delayMs: (nth) => (nth % 3 === 0 ? 900 : 100) });
  a = await startTestBrand({ backgroundJobs: false });
  b = await startTestServer({ database: a.server.database, backgroundJobs: false });
});
afterAll(async () => {
  await b?.close();
  await a?.server.close();
  await receiver?.close();
});

it('sends each delivery once, however long the receiver takes', async () => {
  const em = bindEm(a.server.em(), a.brand.community.id);
  em.create(Webhook, {
    community: a.brand.community.id,
    url: `${receiver.url}/hooks`,
    events: ['thread.created'],
    secret: 'whsec_test',
  });
  await em.flush();
  const guest = await guestToken(a.api, a.brand.slug, 'Gia');
  const count = 24;
  for (let i = 0; i < count; i++) await postThread(a.api, guest, { title: `Idea number ${i + 1}` });

  const errors: unknown[] = [];
  const workers: [TestServer, WebhookSender][] = [a.server, b].map((server) => [
    server,
    createWebhookSender({ allowPrivate: true }, (error) => errors.push(error), { claimMs: 300 }),
  ]);
  const delivered = () => a.server.em().count(WebhookDelivery, { status: 'DELIVERED' }, ALL_COMMUNITIES);
  const until = Date.now() + 20_000;
  while ((await delivered()) < count && Date.now() < until) {
    await Promise.all(workers.map(([server, sender]) => dispatchWebhooks(server.em(), sender)));
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await Promise.all(workers.map(([, sender]) => sender.lanes.idle()));

  const ids = receiver.received.map((r) => r.headers['x-rapport-delivery']);
  expect(new Set(ids).size).toBe(count);
  expect(ids).toHaveLength(count);
  expect(errors).toEqual([]);
  // Both processes took part.
  expect(workers.map(([, sender]) => sender.result.delivered).every((n) => n > 0)).toBe(true);
});
