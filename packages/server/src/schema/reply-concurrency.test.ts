/**
 * Replies sent at the same time to one thread, on PostgreSQL as on SQLite: the same reply many
 * times at once (a retry storm, a double click without an idempotency key) is stored once, the
 * others told where it is; different replies at once all land, and the ranking counts what a
 * full recompute from the activity log counts. A reply reads what it checks, and takes its time,
 * only once its thread is locked (services/reply-write/read.ts): these fail when it does either
 * before (tried: without the lock, all three fail; with its time taken first, the ranking does).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { MemberScore, Reply, Thread } from '../entities/index.ts';
import { recomputeRanking } from '../services/ranking/recompute.ts';
import { ALL_COMMUNITIES, guestToken, postThread } from '../testing/fixtures.ts';
import { startTestBrand, type TestBrand, writer } from '../testing/server.ts';
import { expectStoredOnce } from '../testing/stored-once.ts';

let t: TestBrand;
beforeAll(async () => {
  t = await startTestBrand({ backgroundJobs: false });
});
afterAll(() => t?.server.close());

const REPLY = 'mutation ($i: ReplyInput!) { reply(input: $i) { id } }';

it.each([
  ['a customer', 'Mine leaked on day two.'],
  ['staff', 'We are sending you a new pair today.'],
] as const)('%s sending one reply twenty times at once stores one reply', async (who, body) => {
  const author = await guestToken(t.api, t.brand.slug, 'Thread Author');
  const threadId = await postThread(t.api, author, { title: `Leaking seams (${who})` });
  const { client, token } = await writer(t, who);
  const answers = await Promise.all(
    Array.from({ length: 20 }, () => client.request(REPLY, { token, variables: { i: { threadId, body } } })),
  );
  expectStoredOnce(answers, (data) => (data?.reply as { id: string } | undefined)?.id, 'body');
  const em = t.server.em();
  expect(await em.count(Reply, { body }, ALL_COMMUNITIES)).toBe(1);
  const thread = await em.findOneOrFail(Thread, { title: `Leaking seams (${who})` }, ALL_COMMUNITIES);
  expect(thread.replyCount).toBe(1);
  expect(thread.followerCount).toBe(2); // the author and the one who replied
});

it('counts different replies sent at once as a full recompute does', async () => {
  const author = await guestToken(t.api, t.brand.slug, 'Ranked Author');
  const threadId = await postThread(t.api, author, { title: 'Ten thoughts at once' });
  const talker = await guestToken(t.api, t.brand.slug, 'Fast Talker');
  const answers = await Promise.all(
    Array.from({ length: 10 }, (_, i) =>
      t.api.request(REPLY, { token: talker, variables: { i: { threadId, body: `Thought number ${i + 1}.` } } }),
    ),
  );
  expect(answers.filter((a) => a.errors)).toEqual([]);
  const em = t.server.em();
  const thread = await em.findOneOrFail(Thread, { title: 'Ten thoughts at once' }, ALL_COMMUNITIES);
  expect(thread.replyCount).toBe(10);
  expect(thread.followerCount).toBe(2);

  const scores = async () =>
    (
      await t.server
        .em()
        .find(MemberScore, { community: t.brand.community.id }, { ...ALL_COMMUNITIES, orderBy: { member: 'asc' } })
    ).map((r) => ({ member: r.member.id, love: r.love, reach: r.reach, textCount: r.textCount, score: r.score }));
  const incremental = await scores();
  await recomputeRanking(t.server.em(), t.brand.community.id);
  const full = await scores();
  expect(full.map((r) => r.member)).toEqual(incremental.map((r) => r.member));
  for (const [i, row] of full.entries()) {
    const before = incremental[i] as typeof row;
    for (const key of ['love', 'reach', 'score'] as const) expect(row[key], key).toBeCloseTo(before[key], 6);
    expect(row.textCount).toBe(before.textCount);
  }
});
