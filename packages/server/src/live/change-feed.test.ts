import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createEventBus, type RealtimeBus } from './event-bus.ts';

const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
let prefix: string;
let a: RealtimeBus;
let b: RealtimeBus;
let heard: { a: (string | null)[]; b: (string | null)[] };

beforeEach(async () => {
  // Two processes' buses on one Redis, with channels of this test's own.
  prefix = `change-feed-${randomUUID()}`;
  a = createEventBus({ redisUrl: REDIS_URL, redisPrefix: prefix });
  b = createEventBus({ redisUrl: REDIS_URL, redisPrefix: prefix });
  heard = { a: [], b: [] };
  a.onChange((id) => heard.a.push(id));
  b.onChange((id) => heard.b.push(id));
  await expect.poll(() => a.hearsChanges() && b.hearsChanges()).toBe(true);
});
afterEach(async () => {
  await a.close();
  await b.close();
});

it('tells the announcing process at once and the others through Redis, each once', async () => {
  a.announceChange('community-1');
  expect(heard.a).toEqual(['community-1']);
  await expect.poll(() => heard.b).toEqual(['community-1']);
  b.announceChange(null);
  await expect.poll(() => heard.a).toEqual(['community-1', null]);
  // Nothing more arrives: a process ignores its own announcement's echo.
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(heard).toEqual({ a: ['community-1', null], b: ['community-1', null] });
});

it('takes a message it cannot read as news about every community', async () => {
  const raw = new Redis(REDIS_URL);
  try {
    await raw.publish(`${prefix}:changes`, 'not json');
    await raw.publish(`${prefix}:changes`, 'null');
    await expect.poll(() => heard.a).toEqual([null, null]);
  } finally {
    raw.disconnect();
  }
});
