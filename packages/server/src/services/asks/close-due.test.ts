/**
 * The closing job runs every few seconds in every process: when nothing is due it must commit
 * nothing, for each commit tells every process that what it caches may be stale (which, done
 * every few seconds, left the response cache empty). When an ask is due, it closes it.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Orm } from '../../db/em.ts';
import { migrate, openOrm } from '../../db/orm.ts';
import { Ask } from '../../entities/index.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/database.ts';
import { createTestCommunity } from '../../testing/fixtures.ts';
import { closeDueAsks } from './manage.ts';

let database: TestDatabase;
let orm: Orm;
const announced: (string | null)[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  orm = await openOrm({ databaseUrl: database.url, onCommit: (communityId) => announced.push(communityId) });
  await migrate(orm);
});
afterAll(async () => {
  await orm?.close();
  await database?.drop();
});

it('commits nothing when no ask is due, and closes one that is', async () => {
  const brand = await createTestCommunity(orm.em.fork());
  const em = orm.em.fork();
  em.setFilterParams('tenant', { communityId: brand.community.id });
  const ask = em.create(Ask, {
    community: brand.community.id,
    author: brand.manager.id,
    question: 'Soon over?',
    choices: ['Yes', 'No'],
    status: 'OPEN',
    closesAt: new Date(Date.now() + 60_000),
    publishedAt: new Date(),
  });
  await em.flush();
  announced.length = 0;
  expect(await closeDueAsks(orm.em.fork())).toEqual([]);
  expect(announced).toEqual([]);

  await orm.em.fork().nativeUpdate(Ask, { id: ask.id }, { closesAt: new Date(Date.now() - 1000) }, { filters: false });
  const closed = await closeDueAsks(orm.em.fork());
  expect(closed.map((a) => a.id)).toEqual([ask.id]);
  expect((await orm.em.fork().findOneOrFail(Ask, { id: ask.id }, { filters: false })).status).toBe('CLOSED');
});
