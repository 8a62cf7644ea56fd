import { Redis } from 'ioredis';
import { redisReady } from '../db/redis.ts';

/** Counts hits per key in fixed windows. In memory for one process; Redis for several. */
export interface RateLimitStore {
  /** Counts one hit; returns the count in the current window and when it resets (ms from now). */
  hit(key: string, windowMs: number): Promise<{ count: number; resetInMs: number }>;
  /** The current count without counting a hit. */
  peek(key: string): Promise<{ count: number; resetInMs: number }>;
  reset(key: string): Promise<void>;
  close(): Promise<void>;
}

export function memoryStore(): RateLimitStore {
  const windows = new Map<string, { count: number; resetAt: number }>();
  // Expired windows are dropped now and then, so idle keys do not accumulate.
  const sweep = setInterval(() => {
    const now = Date.now();
    for (const [key, window] of windows) if (window.resetAt <= now) windows.delete(key);
  }, 60_000);
  sweep.unref();
  const current = (key: string) => {
    const window = windows.get(key);
    return window && window.resetAt > Date.now() ? window : undefined;
  };
  return {
    async hit(key, windowMs) {
      const now = Date.now();
      let window = current(key);
      if (!window) {
        window = { count: 0, resetAt: now + windowMs };
        windows.set(key, window);
      }
      window.count++;
      return { count: window.count, resetInMs: window.resetAt - now };
    },
    async peek(key) {
      const window = current(key);
      return window ? { count: window.count, resetInMs: window.resetAt - Date.now() } : { count: 0, resetInMs: 0 };
    },
    async reset(key) {
      windows.delete(key);
    },
    async close() {
      clearInterval(sweep);
      windows.clear();
    },
  };
}

const COMMAND_TIMEOUT_MS = 500;
const RETRY_AFTER_FAILURE_MS = 5000;

// INCR and set the expiry in one step, so a crash between the two cannot leave a key forever.
const HIT = `local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return { count, redis.call('PTTL', KEYS[1]) }`;

/**
 * Shared counters in Redis, so limits hold across every server process. While Redis cannot be
 * reached, each process counts in its own memory (`fallback`) instead of waiting or failing:
 * posting must keep working through a Redis outage, and per-process limits still hold.
 */
export function redisStore(url: string, namespace: string, fallback: RateLimitStore = memoryStore()): RateLimitStore {
  // No offline queue: a command while disconnected fails at once, and the fallback answers; one
  // Redis does not answer (hung) fails after half a second, and the fallback answers for a while.
  const redis = new Redis(url, {
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    connectTimeout: 2000,
    commandTimeout: COMMAND_TIMEOUT_MS,
  });
  redis.on('error', () => {});
  const prefix = `${namespace}:limit:`;
  // Only the first connection is waited for (briefly), so a process that just started counts with
  // the others; after an outage, the memory answers until the connection is back.
  const firstConnection = redisReady(redis, 2000);
  // After a command failed, the memory answers for a while before Redis is asked again: a hung
  // Redis must not cost every request half a second.
  let skipRedisUntil = 0;
  const shared = async <T>(inRedis: () => Promise<T>, inMemory: () => Promise<T>): Promise<T> => {
    await firstConnection;
    if (redis.status !== 'ready' || Date.now() < skipRedisUntil) return inMemory();
    return inRedis().catch(() => {
      skipRedisUntil = Date.now() + RETRY_AFTER_FAILURE_MS;
      return inMemory();
    });
  };
  return {
    hit: (key, windowMs) =>
      shared(
        async () => {
          const [count, ttl] = (await redis.eval(HIT, 1, prefix + key, String(windowMs))) as [number, number];
          return { count, resetInMs: Math.max(ttl, 0) };
        },
        () => fallback.hit(key, windowMs),
      ),
    peek: (key) =>
      shared(
        async () => {
          const [count, ttl] = await Promise.all([redis.get(prefix + key), redis.pttl(prefix + key)]);
          return { count: Number(count ?? 0), resetInMs: Math.max(ttl, 0) };
        },
        () => fallback.peek(key),
      ),
    reset: (key) =>
      shared(
        async () => {
          await Promise.all([redis.del(prefix + key), fallback.reset(key)]);
        },
        () => fallback.reset(key),
      ),
    async close() {
      await fallback.close();
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
