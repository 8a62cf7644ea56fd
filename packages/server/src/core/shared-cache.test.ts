import { afterEach, beforeEach, expect, it } from 'vitest';
import { createEventBus, type RealtimeBus } from '../live/event-bus.ts';
import { SharedCache, sharedCache } from './shared-cache.ts';

let bus: RealtimeBus;
beforeEach(async () => {
  bus = createEventBus();
  // The bus subscribes to announcements as it starts; in memory that takes one tick.
  await expect.poll(() => bus.hearsChanges()).toBe(true);
});
afterEach(() => bus.close());

/** A load that counts its calls and resolves with the count. */
function counter() {
  let calls = 0;
  return { load: async () => ++calls, calls: () => calls };
}

it('loads a value once, then serves it until its community changes', async () => {
  const cache = new SharedCache(bus);
  const { load, calls } = counter();
  expect(await cache.get('a', 'page', load)).toBe(1);
  expect(await cache.get('a', 'page', load)).toBe(1);
  bus.announceChange('b');
  expect(await cache.get('a', 'page', load)).toBe(1);
  bus.announceChange('a');
  expect(await cache.get('a', 'page', load)).toBe(2);
  expect(calls()).toBe(2);
});

it('shares one load between concurrent readers', async () => {
  const cache = new SharedCache(bus);
  const { load, calls } = counter();
  const values = await Promise.all([1, 2, 3].map(() => cache.get('a', 'page', load)));
  expect(values).toEqual([1, 1, 1]);
  expect(calls()).toBe(1);
});

it('does not keep a value whose community changed while it was being loaded', async () => {
  const cache = new SharedCache(bus);
  let release = () => {};
  const slow = cache.get('a', 'page', () => new Promise<string>((resolve) => (release = () => resolve('old'))));
  bus.announceChange('a');
  release();
  expect(await slow).toBe('old');
  expect(await cache.get('a', 'page', async () => 'new')).toBe('new');
});

it('forgets everything when told that any community may have changed', async () => {
  const cache = new SharedCache(bus);
  await cache.get('a', 'page', async () => 1);
  await cache.get('b', 'page', async () => 1);
  bus.announceChange(null);
  expect(await cache.get('a', 'page', async () => 2)).toBe(2);
  expect(await cache.get('b', 'page', async () => 2)).toBe(2);
});

it('keeps a value no longer than its time to live', async () => {
  let now = 0;
  const cache = new SharedCache(bus, { ttlMs: 30, now: () => now });
  const { load } = counter();
  await cache.get('a', 'page', load);
  expect(await cache.get('a', 'page', load)).toBe(1);
  now = 30;
  expect(await cache.get('a', 'page', load)).toBe(2);
});

it('spreads the ends of values made at one moment over the last quarter of their time to live', async () => {
  let now = 0;
  const draws = [0, 1];
  const cache = new SharedCache(bus, { ttlMs: 400, random: () => draws.shift() ?? 1, now: () => now });
  const early = counter();
  const late = counter();
  await cache.get('a', 'early', early.load);
  await cache.get('a', 'late', late.load);
  // Trusted 300 and 400 ms: asked again between the two.
  now = 350;
  await cache.get('a', 'early', early.load);
  await cache.get('a', 'late', late.load);
  expect([early.calls(), late.calls()]).toEqual([2, 1]);
});

it('keeps at most maxEntries values, dropping the least recently used', async () => {
  const cache = new SharedCache(bus, { maxEntries: 2 });
  await cache.get('a', 'one', async () => 1);
  await cache.get('a', 'two', async () => 2);
  await cache.get('a', 'one', async () => -1);
  await cache.get('a', 'three', async () => 3);
  expect(cache.size).toBe(2);
  expect(await cache.get('a', 'one', async () => -1)).toBe(1);
  expect(await cache.get('a', 'two', async () => 22)).toBe(22);
});

it("drops a community's values on its change, whichever were evicted or reloaded meanwhile", async () => {
  const cache = new SharedCache(bus, { maxEntries: 3 });
  await cache.get('a', 'one', async () => 1);
  await cache.get('b', 'one', async () => 1);
  await cache.get('a', 'two', async () => 2);
  await cache.get('a', 'three', async () => 3); // evicts a/one
  bus.announceChange('a');
  expect(cache.size).toBe(1);
  expect(await cache.get('b', 'one', async () => -1)).toBe(1);
  expect(await cache.get('a', 'two', async () => 22)).toBe(22);
  bus.announceChange('a');
  expect(await cache.get('a', 'two', async () => 222)).toBe(222);
});

it("keeps each pool apart: one visitor per entry in 'viewers' cannot crowd the pages out", async () => {
  const pages = sharedCache(bus);
  const viewers = sharedCache(bus, 'viewers');
  expect(sharedCache(bus, 'pages')).toBe(pages);
  expect(viewers).not.toBe(pages);
  await pages.get('a', 'page', async () => 'page');
  for (let i = 0; i < 600; i++) await viewers.get('a', `viewer ${i}`, async () => i);
  expect(await pages.get('a', 'page', async () => 'reloaded')).toBe('page');
  expect(viewers.size).toBe(600);
  bus.announceChange('a');
  expect(pages.size + viewers.size).toBe(0);
});

it('does not keep a failed load: the next reader tries again', async () => {
  const cache = new SharedCache(bus);
  await expect(cache.get('a', 'page', async () => Promise.reject(new Error('database down')))).rejects.toThrow();
  expect(await cache.get('a', 'page', async () => 'fine')).toBe('fine');
});

it('caches nothing while other processes cannot be heard (Redis unreachable)', async () => {
  // Nothing listens on port 1: the bus never subscribes to announcements.
  const deaf = createEventBus({ redisUrl: 'redis://127.0.0.1:1' });
  try {
    const cache = new SharedCache(deaf);
    const { load, calls } = counter();
    await cache.get('a', 'page', load);
    await cache.get('a', 'page', load);
    expect(calls()).toBe(2);
  } finally {
    await deaf.close();
  }
});
