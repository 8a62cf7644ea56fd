/**
 * Each server process keeps its own cache of the widget's list of threads (services/thread-list.ts)
 * and of who each guest token is (services/identity.ts); a write on one process must show at once
 * on every other, which hear of it through Redis, and a process that cannot hear them (Redis down)
 * must not serve what it cached.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindEm } from '../core/scope.ts';
import { Member } from '../entities/index.ts';
import { eraseMember } from '../services/erasure.ts';
import {
  ALL_COMMUNITIES,
  createTestCommunity,
  guestToken,
  postThread,
  ssoToken,
  type TestCommunity,
} from '../testing/fixtures.ts';
import { type RedisProcess, startRedisProcess } from '../testing/redis-process.ts';
import { startTestServer, type TestServer } from '../testing/server.ts';

const LIST = 'query ($s: String!) { community(slug: $s) { threads(first: 20) { edges { node { id voteCount } } } } }';
const VOTE = 'mutation ($id: ID!) { vote(threadId: $id) { id } }';

/** Two server processes on one database and one Redis (each app has its own bus and cache). */
async function twoProcesses(redisUrl: string) {
  const a = await startTestServer({ redisUrl, backgroundJobs: false });
  const b = await startTestServer({ redisUrl, database: a.database, backgroundJobs: false });
  const brand = await createTestCommunity(a.em());
  const thread = await postThread(a.client(), await ssoToken(brand, { sub: 'author' }), { title: 'Night trains' });
  return { a, b, brand, thread };
}

let voters = 0;
const vote = (server: TestServer, brand: TestCommunity, thread: string) =>
  ssoToken(brand, { sub: `voter-${++voters}` }).then((token) =>
    server.client().data(VOTE, { token, variables: { id: thread } }),
  );
async function votesOn(server: TestServer, brand: TestCommunity, thread: string): Promise<number> {
  const data = await server.client().data(LIST, { variables: { s: brand.slug } });
  return data.community.threads.edges.find((e: { node: { id: string } }) => e.node.id === thread)?.node.voteCount;
}
/** Reads the list on `server` until it says `count` votes; well under the cache's time to live (22.5 s at the least). */
const expectVotes = (server: TestServer, brand: TestCommunity, thread: string, count: number) =>
  expect.poll(() => votesOn(server, brand, thread), { timeout: 1500, interval: 20 }).toBe(count);

describe('across two server processes (Redis)', () => {
  let setup: Awaited<ReturnType<typeof twoProcesses>>;
  beforeAll(async () => {
    setup = await twoProcesses(process.env.REDIS_URL || 'redis://127.0.0.1:6379');
  });
  afterAll(async () => {
    await setup?.b.close();
    await setup?.a.close();
  });

  it('a vote on process B shows in the list process A had cached', async () => {
    const { a, b, brand, thread } = setup;
    await votesOn(a, brand, thread);
    expect(await votesOn(a, brand, thread)).toBe(0);
    await vote(b, brand, thread);
    await expectVotes(a, brand, thread, 1);
    await vote(a, brand, thread);
    await expectVotes(b, brand, thread, 2);
  });

  it("a guest's erasure on process B refuses their token on process A, which had it cached", async () => {
    const { a, b, brand } = setup;
    const token = await guestToken(a.client(), brand.slug, 'Gus Gone');
    const viewer = () => a.client().request('{ viewer { member { displayName } } }', { token });
    await viewer();
    expect((await viewer()).data?.viewer?.member?.displayName).toBe('Gus Gone');
    const member = await b.em().findOneOrFail(Member, { displayName: 'Gus Gone' }, ALL_COMMUNITIES);
    const id = brand.community.id;
    await bindEm(b.em(), id).transactional((tx) => eraseMember(tx, id, member.id, 'Asked by the test'));
    await expect
      .poll(async () => (await viewer()).errors?.[0]?.extensions?.code, { timeout: 1500, interval: 20 })
      .toBe('UNAUTHENTICATED');
  });
});

describe('while Redis is down', () => {
  let redis: RedisProcess;
  let setup: Awaited<ReturnType<typeof twoProcesses>>;
  beforeAll(async () => {
    redis = await startRedisProcess();
    setup = await twoProcesses(redis.url);
  });
  afterAll(async () => {
    await setup?.b.close();
    await setup?.a.close();
    await redis?.kill();
  });

  it('a process serves nothing from its cache, and caches again once Redis is back', async () => {
    const { a, b, brand, thread } = setup;
    await votesOn(a, brand, thread);
    await votesOn(a, brand, thread);
    await redis.kill();
    await expect.poll(() => a.app.events.hearsChanges()).toBe(false);
    // B's announcement is lost with Redis; A must read the database to see the vote.
    await vote(b, brand, thread);
    expect(await votesOn(a, brand, thread)).toBe(1);

    await redis.start();
    await expect.poll(() => a.app.events.hearsChanges(), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => b.app.events.hearsChanges(), { timeout: 10_000 }).toBe(true);
    await votesOn(a, brand, thread);
    await vote(b, brand, thread);
    await expectVotes(a, brand, thread, 2);
  });
});
