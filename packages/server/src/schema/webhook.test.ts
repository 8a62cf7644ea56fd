/**
 * Webhooks over real HTTP: a local receiver gets each event as signed JSON (the signature checks
 * out with the secret shown once), failures are retried with backoff, and the delivery log shows
 * every attempt. Deliveries are written in the transaction of what happened.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebhookDelivery } from '../entities/index.ts';
import { deliverWebhooks, webhookSignature } from '../services/webhooks/deliver.ts';
import { ALL_COMMUNITIES, guestToken, postThread, type TestCommunity } from '../testing/fixtures.ts';
import type { GraphQLClient } from '../testing/graphql-client.ts';
import { startTestBrand, type TestServer } from '../testing/server.ts';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

let server: TestServer;
let brand: TestCommunity;
let api: GraphQLClient;
let manager: GraphQLClient;
let receiver: Server;
let receiverUrl: string;
const received: Received[] = [];
/** Status codes to answer with next (then 200). */
const answers: number[] = [];
let secret: string;
let webhookId: string;
let guest: string;
/** The receiver listens on loopback. */
const policy = { allowPrivate: true };

const waitFor = async <T>(find: () => T | undefined, what: string): Promise<T> => {
  for (let i = 0; i < 200; i++) {
    const found = find();
    if (found !== undefined) return found;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
};
const event = (name: string, match: (data: any) => boolean = () => true) =>
  waitFor(() => received.find((r) => r.headers['x-rapport-event'] === name && match(JSON.parse(r.body).data)), name);

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const status = answers.shift() ?? 200;
      if (status === 200) received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
  ({ server, brand, api, manager } = await startTestBrand());
  guest = await guestToken(api, brand.slug, 'Gia');
});
afterAll(async () => {
  await server?.close();
  await new Promise((resolve) => receiver?.close(resolve));
});

describe('webhooks', () => {
  it('refuses a bad URL or no events, clearly', async () => {
    const bad = await manager.request(
      'mutation { createWebhook(url: "ftp://x", events: [THREAD_CREATED]) { secret } }',
    );
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'url' });
    const none = await manager.request('mutation ($u: String!) { createWebhook(url: $u, events: []) { secret } }', {
      variables: { u: receiverUrl },
    });
    expect(none.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'events' });
  });

  it('delivers each event as JSON signed with the secret shown once', async () => {
    const made = await manager.data(
      `mutation ($u: String!) { createWebhook(url: $u, events: [THREAD_CREATED, REPLY_CREATED, STATUS_CHANGED, CONSENT_CHANGED, MEMBER_FLAGGED]) {
        secret webhook { id url events active } } }`,
      { variables: { u: receiverUrl } },
    );
    secret = made.createWebhook.secret;
    webhookId = made.createWebhook.webhook.id;
    expect(secret).toMatch(/^whsec_[0-9a-f]{48}$/);
    expect(made.createWebhook.webhook).toMatchObject({ url: receiverUrl, active: true });

    const thread = await postThread(api, guest, { title: 'Solar charger', body: 'For long hikes.' });
    const created = await event('thread.created');
    const body = JSON.parse(created.body);
    expect(body).toMatchObject({
      event: 'thread.created',
      community: brand.slug,
      data: { title: 'Solar charger', body: 'For long hikes.', status: 'OPEN' },
    });
    expect(created.headers['x-rapport-delivery']).toBe(body.id);
    const timestamp = created.headers['x-rapport-timestamp'] as string;
    expect(created.headers['x-rapport-signature']).toBe(`sha256=${webhookSignature(secret, timestamp, created.body)}`);
    expect(created.headers['x-rapport-signature']).not.toBe(
      `sha256=${webhookSignature('whsec_wrong', timestamp, created.body)}`,
    );

    await api.data('mutation ($i: ReplyInput!) { reply(input: $i) { id } }', {
      token: guest,
      variables: { i: { threadId: thread, body: 'With USB-C please.' } },
    });
    expect(JSON.parse((await event('reply.created')).body).data).toMatchObject({
      threadTitle: 'Solar charger',
      body: 'With USB-C please.',
    });

    await manager.data('mutation ($i: SetThreadStatusInput!) { setThreadStatus(input: $i) { id } }', {
      variables: { i: { threadId: thread, status: 'PLANNED' } },
    });
    expect(JSON.parse((await event('status.changed')).body).data).toMatchObject({
      from: 'OPEN',
      to: 'PLANNED',
      title: 'Solar charger',
    });

    await api.data('mutation { setConsent(purpose: PRODUCT_UPDATES, granted: true) { granted } }', { token: guest });
    expect(JSON.parse((await event('consent.changed')).body).data).toMatchObject({
      purpose: 'PRODUCT_UPDATES',
      granted: true,
      source: 'WIDGET',
    });

    const member = (await api.data('{ viewer { member { id } } }', { token: guest })).viewer.member.id;
    await manager.data('mutation ($m: ID!) { flagAmbassador(memberId: $m, reason: "Helps everyone") { id } }', {
      variables: { m: member },
    });
    expect(JSON.parse((await event('member.flagged')).body).data).toMatchObject({
      flagged: true,
      reason: 'Helps everyone',
    });
  });

  it('retries a failed delivery with backoff and logs every attempt', async () => {
    await server.app.jobs?.webhooks.stop(); // deliveries from here on are sent by hand, at chosen times
    answers.push(503);
    await postThread(api, guest, { title: 'Bear canister', body: '' });
    const em = server.em();
    const first = await deliverWebhooks(em, { policy });
    expect(first).toEqual({ delivered: 0, failed: 0, retrying: 1 });
    const [waiting] = await em.find(WebhookDelivery, { status: 'PENDING' }, ALL_COMMUNITIES);
    expect(waiting).toMatchObject({ attempts: 1, lastStatusCode: 503, lastError: 'answered 503' });
    // Not again before the backoff (a minute) has passed.
    expect(await deliverWebhooks(em, { policy })).toEqual({ delivered: 0, failed: 0, retrying: 0 });
    expect(await deliverWebhooks(em, { now: new Date(Date.now() + 61_000), policy })).toEqual({
      delivered: 1,
      failed: 0,
      retrying: 0,
    });
    await event('thread.created', (d) => d.title === 'Bear canister');

    const log = await manager.data(
      `query ($s: String!) { community(slug: $s) { webhooks { id deliveries(first: 10) { edges { node { event status attempts lastStatusCode } } } } } }`,
      { variables: { s: brand.slug } },
    );
    const [hook] = log.community.webhooks;
    expect(hook.id).toBe(webhookId);
    expect(hook.deliveries.edges[0].node).toEqual({
      event: 'THREAD_CREATED',
      status: 'DELIVERED',
      attempts: 2,
      lastStatusCode: 200,
    });
    expect(hook.deliveries.edges.length).toBeGreaterThanOrEqual(6);
  });

  it('gives up after the last attempt, and a manager can send it again', async () => {
    answers.push(...Array(8).fill(500));
    await postThread(api, guest, { title: 'Trekking poles', body: '' });
    const em = server.em();
    let now = Date.now();
    for (let attempt = 1; attempt <= 8; attempt++) {
      await deliverWebhooks(em, { now: new Date(now), policy });
      now += 7 * 3_600_000; // past any backoff
    }
    const [failed] = await em.find(WebhookDelivery, { status: 'FAILED' }, ALL_COMMUNITIES);
    expect(failed).toMatchObject({ attempts: 8, lastStatusCode: 500 });
    const again = await manager.data('mutation ($id: ID!) { redeliverWebhook(deliveryId: $id) { status } }', {
      variables: { id: failed?.id },
    });
    expect(again.redeliverWebhook.status).toBe('PENDING');
    expect(await deliverWebhooks(server.em(), { policy })).toEqual({ delivered: 1, failed: 0, retrying: 0 });
  });

  it('sends nothing while turned off, and nothing after removal', async () => {
    await manager.data('mutation ($id: ID!) { updateWebhook(id: $id, active: false) { active } }', {
      variables: { id: webhookId },
    });
    const before = await server.em().count(WebhookDelivery, {}, ALL_COMMUNITIES);
    await postThread(api, guest, { title: 'Camp stove', body: '' });
    expect(await server.em().count(WebhookDelivery, {}, ALL_COMMUNITIES)).toBe(before);
    expect(
      (await manager.data('mutation ($id: ID!) { deleteWebhook(id: $id) }', { variables: { id: webhookId } }))
        .deleteWebhook,
    ).toBe(true);
    expect(await server.em().count(WebhookDelivery, {}, ALL_COMMUNITIES)).toBe(0);
    const gone = await manager.request('mutation ($id: ID!) { updateWebhook(id: $id, active: true) { active } }', {
      variables: { id: webhookId },
    });
    expect(gone.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
