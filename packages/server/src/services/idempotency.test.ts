import { randomUUID } from 'node:crypto';
import type { EntityClass } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Activity, IdempotencyKey, Member, Reply, Thread, Vote } from '../entities/index.ts';
import { ALL_COMMUNITIES, postThread, rawId, ssoToken } from '../testing/fixtures.ts';
import { startTestBrand, type TestBrand } from '../testing/server.ts';
import { expireIdempotencyKeys, IDEMPOTENCY_KEY_TTL_MS } from './idempotency.ts';

let t: TestBrand;
let token: string;

const POST = 'mutation ($input: PostThreadInput!) { postThread(input: $input) { id title } }';
const REPLY = 'mutation ($input: ReplyInput!) { reply(input: $input) { id body } }';
const VOTE =
  'mutation ($id: ID!, $key: String) { vote(threadId: $id, idempotencyKey: $key) { voteCount viewerHasVoted } }';
const UNVOTE = 'mutation ($id: ID!) { unvote(threadId: $id) { voteCount viewerHasVoted } }';

beforeAll(async () => {
  t = await startTestBrand();
  token = await ssoToken(t.brand, { sub: 'retrier', name: 'Rita Retry' });
});
afterAll(() => t?.server.close());

const count = (entity: EntityClass<object>, where: Record<string, unknown> = {}) =>
  t.server.em().count(entity, { community: t.brand.community.id, ...where } as never, ALL_COMMUNITIES);

describe('idempotency keys', () => {
  it('returns the first thread when a post is sent again with its key, and writes it once', async () => {
    const key = randomUUID();
    const input = { kind: 'IDEA', title: 'Sent twice over a bad connection', idempotencyKey: key };
    const before = await count(Thread);
    const first = await t.api.data(POST, { token, variables: { input } });
    const activities = await count(Activity);
    const again = await t.api.data(POST, { token, variables: { input } });
    expect(again.postThread).toEqual(first.postThread);
    expect(await count(Thread)).toBe(before + 1);
    expect(await count(Activity)).toBe(activities);
    const member = await t.server.em().findOneOrFail(Member, { externalId: 'retrier' }, ALL_COMMUNITIES);
    expect(member.threadCount).toBe(1);
  });

  it('settles copies sent at the same time: one write, every copy gets its result', async () => {
    const key = randomUUID();
    const thread = await postThread(t.api, token, { title: 'Racing replies land here' });
    const input = { threadId: thread, body: 'Only once, please', idempotencyKey: key };
    const results = await Promise.all(
      Array.from({ length: 6 }, () => t.api.request(REPLY, { token, variables: { input } })),
    );
    for (const result of results) expect(result.errors).toBeUndefined();
    const ids = new Set(results.map((r) => (r.data as { reply: { id: string } }).reply.id));
    expect(ids.size).toBe(1);
    expect(await count(Reply, { thread: rawId(thread) })).toBe(1);
    const row = await t.server.em().findOneOrFail(Thread, rawId(thread), ALL_COMMUNITIES);
    expect(row.replyCount).toBe(1);
    expect(await count(IdempotencyKey, { key })).toBe(1);
  });

  it('does not bring back a vote the member took back when the vote is retried', async () => {
    const thread = await postThread(t.api, token, { title: 'Vote retried after an unvote' });
    const voter = await ssoToken(t.brand, { sub: 'voter-retry', name: 'Vera' });
    const key = randomUUID();
    expect((await t.api.data(VOTE, { token: voter, variables: { id: thread, key } })).vote.voteCount).toBe(1);
    await t.api.data(UNVOTE, { token: voter, variables: { id: thread } });
    const retried = await t.api.data(VOTE, { token: voter, variables: { id: thread, key } });
    expect(retried.vote).toEqual({ voteCount: 0, viewerHasVoted: false });
    expect(await count(Vote, { thread: rawId(thread) })).toBe(0);
    // A new key is a new vote.
    const fresh = await t.api.data(VOTE, { token: voter, variables: { id: thread, key: randomUUID() } });
    expect(fresh.vote).toEqual({ voteCount: 1, viewerHasVoted: true });
  });

  it('refuses a key used for a different request, and a malformed key, writing nothing', async () => {
    const key = randomUUID();
    await t.api.data(POST, {
      token,
      variables: { input: { kind: 'IDEA', title: 'The first use of a key', idempotencyKey: key } },
    });
    const threads = await count(Thread);
    const reused = await t.api.error(POST, {
      token,
      variables: { input: { kind: 'IDEA', title: 'Another post, same key', idempotencyKey: key } },
    });
    expect(reused).toMatchObject({ code: 'CONFLICT', field: 'idempotencyKey' });
    expect(reused.message).toMatch(/different request/);
    const malformed = await t.api.error(POST, {
      token,
      variables: { input: { kind: 'IDEA', title: 'A post with a bad key', idempotencyKey: 'no spaces allowed' } },
    });
    expect(malformed).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idempotencyKey' });
    expect(await count(Thread)).toBe(threads);
  });

  it("never answers one person's key with another's result", async () => {
    const key = randomUUID();
    const someoneElse = await ssoToken(t.brand, { sub: 'other-person', name: 'Otto' });
    const mine = await t.api.data(POST, {
      token,
      variables: { input: { kind: 'IDEA', title: 'Mine, key shared', idempotencyKey: key } },
    });
    const theirs = await t.api.data(POST, {
      token: someoneElse,
      variables: { input: { kind: 'IDEA', title: 'Mine, key shared', idempotencyKey: key } },
    });
    expect(theirs.postThread.id).not.toBe(mine.postThread.id);
  });

  it('keeps nothing when the write fails, so the same key can be tried again', async () => {
    const key = randomUUID();
    const locked = await postThread(t.api, token, { title: 'Locked before the reply' });
    await t.manager.data('mutation ($id: ID!) { lockThread(threadId: $id) { id } }', { variables: { id: locked } });
    const input = { threadId: locked, body: 'Too late', idempotencyKey: key };
    expect((await t.api.error(REPLY, { token, variables: { input } })).code).toBe('FORBIDDEN');
    expect(await count(IdempotencyKey, { key })).toBe(0);
    await t.manager.data('mutation ($id: ID!) { unlockThread(threadId: $id) { id } }', { variables: { id: locked } });
    expect((await t.api.data(REPLY, { token, variables: { input } })).reply.body).toBe('Too late');
  });

  it('forgets keys after a day', async () => {
    const key = randomUUID();
    const kept = await t.api.data(POST, {
      token,
      variables: { input: { kind: 'IDEA', title: 'Kept for a day', idempotencyKey: key } },
    });
    expect(await expireIdempotencyKeys(t.server.em(), new Date())).toBe(0);
    const later = new Date(Date.now() + IDEMPOTENCY_KEY_TTL_MS + 1000);
    expect(await expireIdempotencyKeys(t.server.em(), later)).toBeGreaterThanOrEqual(1);
    expect(await count(IdempotencyKey, { key })).toBe(0);
    // The post itself stays, of course; only the key is forgotten.
    expect(await count(Thread, { id: rawId(kept.postThread.id) })).toBe(1);
  });
});
