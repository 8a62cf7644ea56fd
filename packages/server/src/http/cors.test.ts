/**
 * Which made-up community slugs the CORS policy remembers as missing (granted, so the page's author
 * is told the name is wrong): the latest UNKNOWN_KEPT asked, a slug asked again counting as the
 * latest. The clock is moved past the once-a-second read limit between slugs.
 */
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';
import type { Orm } from '../db/em.ts';
import { migrate, openOrm } from '../db/orm.ts';
import { createCommunity } from '../services/communities.ts';
import { createTestDatabase, type TestDatabase } from '../testing/database.ts';
import { createCorsPolicy, UNKNOWN_KEPT } from './cors.ts';

let database: TestDatabase;
let orm: Orm;

beforeAll(async () => {
  database = await createTestDatabase();
  orm = await openOrm({ databaseUrl: database.url, overrides: { subscribers: [] } });
  await migrate(orm);
  await createCommunity(orm.em.fork(), { slug: 'real', name: 'Real', origins: ['https://real.example'] });
});
afterAll(async () => {
  await orm?.close();
  await database?.drop();
});
afterEach(() => vi.useRealTimers());

const PAGE = 'https://page.example';

/**
 * A policy on a clock of its own. `later` moves it on 1.5 s first, past the once-a-second read
 * limit: a slug missing from the last read is read for, and granted when it is missing still.
 * Without it, a slug the last read did not note as missing waits for the next read (refused).
 */
function policy() {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Date.UTC(2026, 0, 1));
  const cors = createCorsPolicy({ orm, publicUrl: () => 'https://rapport.example', ttlMs: 10 * 60_000 });
  return async (slug: string, { later = false } = {}) => {
    if (later) vi.setSystemTime(Date.now() + 1500);
    return cors.allows(PAGE, slug);
  };
}

it('keeps the latest made-up slugs asked for, and forgets the oldest past the limit', async () => {
  const allows = policy();
  const slugs = Array.from({ length: UNKNOWN_KEPT + 1 }, (_, i) => `made-up-${i}`);
  for (const slug of slugs) expect(await allows(slug, { later: true })).toBe(true);
  // Within the same second, those kept are granted again; the first was pushed out by those after it.
  for (const slug of slugs.slice(1)) expect(await allows(slug)).toBe(true);
  expect(await allows(slugs[0] as string)).toBe(false);
  // A real community's own origins come from the same read: another page's origin is not granted.
  expect(await allows('real', { later: true })).toBe(false);
});

it('counts a slug asked again as the latest, so it outlives slugs asked before it', async () => {
  const allows = policy();
  await allows('again-0', { later: true });
  await allows('again-1', { later: true });
  // Asked again in a later second: a read, after which it is the latest asked.
  expect(await allows('again-0', { later: true })).toBe(true);
  for (let i = 0; i < UNKNOWN_KEPT - 1; i++) await allows(`newer-${i}`, { later: true });
  // The limit is reached: the oldest asked (again-1) went, the one asked again stayed.
  expect(await allows('again-0')).toBe(true);
  expect(await allows('again-1')).toBe(false);
});
