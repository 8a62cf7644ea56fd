/**
 * A mutation that writes several rows (the post, its counters, the activity the ranking reads,
 * follows, emails in the outbox, webhook deliveries) is one transaction: a failure injected
 * half-way leaves the database exactly as it was, and the caller gets a clear error.
 */
import { type EntityClass, wrap } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entities, Member, Thread } from '../entities/index.ts';
import { ALL_COMMUNITIES, postThread, ssoToken } from '../testing/fixtures.ts';
import type { GraphQLResponse } from '../testing/graphql-client.ts';
import { failInsertsInto } from '../testing/inject-failure.ts';
import { startTestBrand, type TestBrand } from '../testing/server.ts';

let t: TestBrand;
let customer: string;
let thread: string;

beforeAll(async () => {
  t = await startTestBrand();
  customer = await ssoToken(t.brand, { sub: 'atomic', name: 'Ada Atomic', email: 'ada@customer.example' });
  thread = await postThread(t.api, customer, { title: 'Where failures are injected' });
  // Someone else follows it with email on, so a status change queues email; a webhook wants it too.
  await t.manager.data(
    'mutation { createWebhook(url: "https://hooks.example/rapport", events: [STATUS_CHANGED, REPLY_CREATED]) { webhook { id } } }',
  );
});
afterAll(() => t?.server.close());

/** Every row of every table, and every counter, as plain data. */
async function snapshot(): Promise<string> {
  const em = t.server.em().fork();
  const tables: Record<string, number> = {};
  for (const entity of entities as EntityClass<object>[]) {
    tables[entity.name] = await em.count(entity, {}, ALL_COMMUNITIES);
  }
  const rows = async (entity: EntityClass<object>) =>
    (await em.find(entity, {}, { ...ALL_COMMUNITIES, orderBy: { id: 'asc' } as never })).map((e) => wrap(e).toObject());
  return JSON.stringify({ tables, threads: await rows(Thread), members: await rows(Member) });
}

const cases: { name: string; table: string; send: () => Promise<GraphQLResponse> }[] = [
  {
    name: 'posting a thread',
    table: 'activity',
    send: () =>
      t.api.request('mutation { postThread(input: { kind: IDEA, title: "Never half-posted" }) { id } }', {
        token: customer,
      }),
  },
  {
    name: "a customer's reply",
    table: 'activity',
    send: () =>
      t.api.request('mutation ($id: ID!) { reply(input: { threadId: $id, body: "Never half-sent" }) { id } }', {
        token: customer,
        variables: { id: thread },
      }),
  },
  {
    name: 'a staff reply (first answer, owner, webhook)',
    table: 'webhook_delivery',
    send: () =>
      t.manager.request('mutation ($id: ID!) { reply(input: { threadId: $id, body: "We are on it" }) { id } }', {
        variables: { id: thread },
      }),
  },
  {
    name: 'a vote',
    table: 'activity',
    send: () =>
      t.api.request('mutation ($id: ID!) { vote(threadId: $id) { id } }', {
        token: customer,
        variables: { id: thread },
      }),
  },
  {
    name: 'a status change (status history, emails to followers)',
    table: 'outbox_message',
    send: () =>
      t.manager.request(
        'mutation ($id: ID!) { setThreadStatus(input: { threadId: $id, status: PLANNED, note: "Soon" }) { id } }',
        { variables: { id: thread } },
      ),
  },
  {
    name: 'a post with an idempotency key (the key is not kept either)',
    table: 'activity',
    send: () =>
      t.api.request(
        'mutation { postThread(input: { kind: IDEA, title: "Keyed, never half-posted", idempotencyKey: "atomic-key-1" }) { id } }',
        { token: customer },
      ),
  },
];

describe('an injected failure half-way through a write', () => {
  it.each(cases)('leaves nothing behind: $name', async ({ table, send }) => {
    const before = await snapshot();
    const restore = await failInsertsInto(t.server.em(), table);
    let result: GraphQLResponse;
    try {
      result = await send();
    } finally {
      await restore();
    }
    expect(result.errors?.[0]).toMatchObject({
      message: 'Unexpected error.',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(await snapshot()).toBe(before);
  });

  it('the same writes succeed once the failure is gone (the injection point was on their path)', async () => {
    const before = await snapshot();
    for (const { send } of cases) expect((await send()).errors).toBeUndefined();
    expect(await snapshot()).not.toBe(before);
    const rows = await t.server
      .em()
      .fork()
      .findOneOrFail(Thread, { title: 'Where failures are injected' }, ALL_COMMUNITIES);
    expect(rows).toMatchObject({ status: 'PLANNED', voteCount: 1, replyCount: 2 });
  });
});
