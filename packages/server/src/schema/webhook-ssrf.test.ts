/**
 * Webhooks must not turn the server into a tool for reaching what only it can reach: its own
 * ports, the private network behind it, the cloud metadata service. Production's rule is on here
 * (WEBHOOK_ALLOW_PRIVATE off); the receivers are real HTTP servers on loopback, which the rule
 * must keep the server from reaching.
 */
import type { LookupAddress } from 'node:dns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindEm } from '../core/scope.ts';
import { Webhook, WebhookDelivery } from '../entities/index.ts';
import { postOutbound } from '../services/outbound/post.ts';
import { deliverWebhooks } from '../services/webhooks/deliver.ts';
import { ALL_COMMUNITIES, guestToken, postThread } from '../testing/fixtures.ts';
import { type HttpReceiver, startHttpReceiver } from '../testing/http-receiver.ts';
import { startTestBrand, type TestBrand } from '../testing/server.ts';

let t: TestBrand;
let receiver: HttpReceiver;
let guest: string;
const production = { allowPrivate: false };

beforeAll(async () => {
  receiver = await startHttpReceiver();
  t = await startTestBrand({ webhookAllowPrivate: false, backgroundJobs: false });
  guest = await guestToken(t.api, t.brand.slug, 'Gia');
});
afterAll(async () => {
  await t?.server.close();
  await receiver?.close();
});

const create = (url: string) =>
  t.manager.request('mutation ($u: String!) { createWebhook(url: $u, events: [THREAD_CREATED]) { webhook { id } } }', {
    variables: { u: url },
  });

/** A webhook row pointing at `url`, as one saved before the rule (or before DNS changed) would be. */
async function savedWebhook(url: string): Promise<string> {
  const em = bindEm(t.server.em(), t.brand.community.id);
  const hook = em.create(Webhook, {
    community: t.brand.community.id,
    url,
    events: ['thread.created'],
    secret: 'whsec_test',
  });
  await em.flush();
  return hook.id;
}

async function clearWebhooks() {
  const em = t.server.em();
  await em.nativeDelete(WebhookDelivery, {}, ALL_COMMUNITIES);
  await em.nativeDelete(Webhook, {}, ALL_COMMUNITIES);
}

describe('creating or changing a webhook', () => {
  it.each([
    'http://localhost:4000/hooks',
    'http://127.0.0.1:4000/hooks',
    'http://0.0.0.0:4000/',
    'http://2130706433/',
    'http://10.0.0.8/',
    'http://172.20.1.1/',
    'http://192.168.0.10/',
    'http://100.64.1.1/',
    'http://169.254.169.254/latest/meta-data/',
    'http://[::1]:4000/',
    'http://[::ffff:127.0.0.1]/',
    'http://[::ffff:a9fe:a9fe]/',
    'http://[fe80::1]/',
    'http://[fd00::1]/',
    'http://[ff02::1]/',
    'http://[::]/',
  ])('refuses %s with a clear error', async (url) => {
    const answer = await create(url);
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'url' });
    expect(answer.errors?.[0]?.message).toMatch(/public internet address/);
  });

  it('accepts a public address, and refuses a change to a private one', async () => {
    const made = await create('http://93.184.216.34/hooks');
    expect(made.errors).toBeUndefined();
    const changed = await t.manager.request(
      'mutation ($id: ID!) { updateWebhook(id: $id, url: "http://127.0.0.1:22/") { url } }',
      {
        variables: { id: made.data?.createWebhook.webhook.id },
      },
    );
    expect(changed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'url' });
    await clearWebhooks();
  });

  it('says clearly when the host cannot be found', async () => {
    const answer = await create('http://no-such-host.invalid/hooks');
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'url' });
    expect(answer.errors?.[0]?.message).toMatch(/could not be found/);
  });
});

describe('sending', () => {
  it('never reaches a private address saved earlier, tells only "unreachable", and a redelivery is refused too', async () => {
    await savedWebhook(`${receiver.url}/hooks`);
    await savedWebhook('http://[::1]:9/hooks');
    await postThread(t.api, guest, { title: 'Saved before the rule' });
    expect(await deliverWebhooks(t.server.em(), { policy: production })).toEqual({
      delivered: 0,
      failed: 0,
      retrying: 2,
    });
    const deliveries = await t.server.em().find(WebhookDelivery, {}, ALL_COMMUNITIES);
    expect(deliveries.map((d) => [d.lastError, d.lastStatusCode])).toEqual([
      ['unreachable', null],
      ['unreachable', null],
    ]);
    const again = await t.manager.data('mutation ($id: ID!) { redeliverWebhook(deliveryId: $id) { status } }', {
      variables: { id: deliveries[0]?.id },
    });
    expect(again.redeliverWebhook.status).toBe('PENDING');
    await deliverWebhooks(t.server.em(), { policy: production, now: new Date(Date.now() + 1000) });
    expect(receiver.received).toEqual([]);
    await clearWebhooks();
  });

  it('checks the address DNS gives as the connection is made (rebinding)', async () => {
    const port = new URL(receiver.url).port;
    // The name resolved to a public address when the webhook was saved; now it answers loopback.
    const rebinding = async (): Promise<LookupAddress[]> => [{ address: '127.0.0.1', family: 4 }];
    const sent = await postOutbound(
      `http://rebind.brand.example:${port}/hooks`,
      { headers: {}, body: '{}', timeoutMs: 2_000 },
      { allowPrivate: false, lookup: rebinding },
    );
    expect(sent).toEqual({ unreachable: true });
    expect(receiver.received).toEqual([]);
    // The same request where private addresses are allowed does arrive: the receiver can hear it.
    expect(
      await postOutbound(
        `${receiver.url}/hooks`,
        { headers: {}, body: '{}', timeoutMs: 2_000 },
        { allowPrivate: true },
      ),
    ).toEqual({
      status: 200,
    });
    expect(receiver.received).toHaveLength(1);
    receiver.received.length = 0;
  });

  it('does not follow redirects', async () => {
    const elsewhere = await startHttpReceiver();
    const redirecting = await startHttpReceiver({
      answer: (_request, res) => res.writeHead(307, { location: `${elsewhere.url}/metadata` }).end(),
    });
    try {
      await savedWebhook(`${redirecting.url}/hooks`);
      await postThread(t.api, guest, { title: 'Redirected' });
      await deliverWebhooks(t.server.em(), { policy: { allowPrivate: true } });
      await redirecting.waitFor(1);
      const [delivery] = await t.server.em().find(WebhookDelivery, {}, ALL_COMMUNITIES);
      expect(delivery).toMatchObject({ lastStatusCode: 307, lastError: 'answered 307', status: 'PENDING' });
      expect(elsewhere.received).toEqual([]);
    } finally {
      await clearWebhooks();
      await redirecting.close();
      await elsewhere.close();
    }
  });

  it('tells a closed port and a refused address apart from nothing: both are "unreachable"', async () => {
    expect(
      await postOutbound('http://127.0.0.1:9/', { headers: {}, body: '', timeoutMs: 2_000 }, { allowPrivate: true }),
    ).toEqual({ unreachable: true });
    expect(await postOutbound(`${receiver.url}/`, { headers: {}, body: '', timeoutMs: 2_000 }, production)).toEqual({
      unreachable: true,
    });
  });
});
