/**
 * Redis going away degrades live updates only: open subscriptions are ended (their clients
 * reconnect and catch up), new ones are refused quickly with SERVICE_UNAVAILABLE, posting keeps
 * working (rate limits are counted per process meanwhile), /readyz says live updates are down;
 * when Redis is back, everything recovers without a restart.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { postThread, ssoToken } from '../testing/fixtures.ts';
import { type RedisProcess, startRedisProcess } from '../testing/redis-process.ts';
import { startTestBrand, type TestBrand } from '../testing/server.ts';
import { within } from '../testing/service-process.ts';
import { subscribe } from '../testing/sse.ts';

let redis: RedisProcess;
let t: TestBrand;
let token: string;
let thread: string;

const EVENTS = 'subscription ($s: String!, $id: ID!) { threadEvents(community: $s, threadId: $id) { __typename } }';
const REPLY = 'mutation ($id: ID!, $b: String!) { reply(input: { threadId: $id, body: $b }) { id } }';

beforeAll(async () => {
  redis = await startRedisProcess();
  t = await startTestBrand({ redisUrl: redis.url });
  token = await ssoToken(t.brand, { sub: 'outage', name: 'Olga' });
  thread = await postThread(t.api, token, { title: 'Talking through a Redis outage' });
});
afterAll(async () => {
  await t?.server.close();
  await redis?.kill();
});

const live = () => subscribe(t.server.endpoint, EVENTS, { variables: { s: t.brand.slug, id: thread } });
const readyz = async () => (await fetch(`${t.server.url}/readyz`)).json();

it('degrades live updates only, and recovers by itself', async () => {
  const before = live();
  expect((await before.ready).data.threadEvents.__typename).toBe('SubscriptionStartedEvent');
  expect(await readyz()).toEqual({ status: 'ready', live: 'ok' });

  await redis.kill();
  // The open subscription is ended, so its client knows to reconnect and catch up.
  await expect(before.next(5000)).rejects.toThrow(/ended/);

  // Posting keeps working, and answers promptly.
  const posted = await within(
    5000,
    t.api.request(REPLY, { token, variables: { id: thread, b: 'Posted while Redis is down' } }),
  );
  expect(posted.errors).toBeUndefined();
  const another = await within(
    5000,
    t.api.request('mutation { postThread(input: { kind: IDEA, title: "A new idea during the outage" }) { id } }', {
      token,
    }),
  );
  expect(another.errors).toBeUndefined();

  // A new subscription is refused quickly, with a code the client retries on.
  const refused = live();
  const answer = await within(5000, refused.ready);
  expect(answer.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
  refused.close();
  expect(await readyz()).toEqual({ status: 'ready', live: 'unavailable' });

  await redis.start();
  // Recovery by itself: subscriptions are accepted again and deliver what is posted next.
  await expect.poll(readyz, { timeout: 15_000, interval: 200 }).toEqual({ status: 'ready', live: 'ok' });
  const after = live();
  expect((await after.ready).data.threadEvents.__typename).toBe('SubscriptionStartedEvent');
  await t.api.data(REPLY, { token, variables: { id: thread, b: 'Posted after Redis came back' } });
  expect((await after.next(5000)).data.threadEvents.__typename).toBe('ReplyAddedEvent');
  after.close();
});

it('treats a Redis that hangs (open connections, no answers) as down: writes stay prompt, /readyz tells', async () => {
  await expect.poll(readyz, { timeout: 15_000, interval: 200 }).toEqual({ status: 'ready', live: 'ok' });
  const before = live();
  expect((await before.ready).data.threadEvents.__typename).toBe('SubscriptionStartedEvent');
  redis.hang();
  try {
    // Writes answer promptly (rate limits fall back to this process's memory).
    for (const b of ['A reply while Redis hangs', 'Another one']) {
      const started = Date.now();
      const posted = await within(5000, t.api.request(REPLY, { token, variables: { id: thread, b } }));
      expect(posted.errors).toBeUndefined();
      expect(Date.now() - started).toBeLessThan(2000);
    }
    const voter = await ssoToken(t.brand, { sub: 'hung-voter', name: 'Vic' });
    const voted = await within(
      5000,
      t.api.request('mutation ($id: ID!) { vote(threadId: $id) { id } }', { token: voter, variables: { id: thread } }),
    );
    expect(voted.errors).toBeUndefined();
    // /readyz tells the truth, the open subscription ends, and a new one is refused quickly.
    await expect.poll(readyz, { timeout: 5000, interval: 200 }).toEqual({ status: 'ready', live: 'unavailable' });
    await expect(before.next(5000)).rejects.toThrow(/ended/);
    const refused = live();
    expect((await within(5000, refused.ready)).errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
    refused.close();
  } finally {
    redis.resume();
  }
  await expect.poll(readyz, { timeout: 15_000, interval: 200 }).toEqual({ status: 'ready', live: 'ok' });
  const after = live();
  expect((await after.ready).data.threadEvents.__typename).toBe('SubscriptionStartedEvent');
  after.close();
}, 60_000);
