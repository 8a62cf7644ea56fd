/**
 * One community's endpoint that never answers (a tarpit) must not hold up another community's
 * webhooks: deliveries go out in lanes per community, as the server's background job sends them.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bindEm } from '../core/scope.ts';
import { Webhook } from '../entities/index.ts';
import { createTestCommunity, guestToken, postThread, type TestCommunity } from '../testing/fixtures.ts';
import { type HttpReceiver, startHttpReceiver } from '../testing/http-receiver.ts';
import { startTestServer, type TestServer } from '../testing/server.ts';

let server: TestServer;
let tarpit: HttpReceiver;
let prompt: HttpReceiver;

beforeAll(async () => {
  tarpit = await startHttpReceiver({ tarpit: true });
  prompt = await startHttpReceiver();
  server = await startTestServer({ mailIntervalMs: 100 });
});
afterAll(async () => {
  // Closing the tarpit ends the sends still waiting on it, so the server stops at once.
  await tarpit?.close();
  await server?.close();
  await prompt?.close();
});

async function withWebhook(url: string): Promise<TestCommunity> {
  const brand = await createTestCommunity(server.em());
  const em = bindEm(server.em(), brand.community.id);
  em.create(Webhook, { community: brand.community.id, url, events: ['thread.created'], secret: 'whsec_test' });
  await em.flush();
  return brand;
}

it("delivers to one community promptly while another's endpoint never answers", async () => {
  const slow = await withWebhook(`${tarpit.url}/hooks`);
  const fine = await withWebhook(`${prompt.url}/hooks`);
  const api = server.client();
  const slowGuest = await guestToken(api, slow.slug, 'Tess');
  for (let i = 0; i < 12; i++) await postThread(api, slowGuest, { title: `Stuck idea ${i + 1}` });
  // Give the job time to start on the tarpit's deliveries.
  await new Promise((resolve) => setTimeout(resolve, 400));

  const started = Date.now();
  await postThread(api, await guestToken(api, fine.slug, 'Fay'), { title: 'Should arrive at once' });
  const [arrived] = await prompt.waitFor(1, 5_000);
  expect(JSON.parse(arrived?.body ?? '{}').data.title).toBe('Should arrive at once');
  expect(Date.now() - started).toBeLessThan(2_000);
});
