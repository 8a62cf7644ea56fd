import { EventEmitter } from 'node:events';
import { Redis } from 'ioredis';
import { AppError } from '../core/errors.ts';
import { redisReady } from '../db/redis.ts';

/** Moves serialized messages between publishers and subscribers, in this process or across many. */
export interface Transport {
  publish(channel: string, message: string): void;
  /** Resolves once messages on `channel` will reach `listener`; returns the unsubscribe function. */
  subscribe(channel: string, listener: (message: string) => void): Promise<() => void>;
  /**
   * Calls `listener` whenever messages may have been missed (the link to the other processes
   * dropped): subscribers must then catch up by themselves.
   */
  onInterrupted(listener: () => void): void;
  /** Whether subscriptions can be made now. */
  connected(): boolean;
  close(): Promise<void>;
}

/** Live updates cannot be had right now (Redis is unreachable); clients try again later. */
export const liveUnavailable = () => new AppError('SERVICE_UNAVAILABLE', 'error.liveUnavailable');

/** How long a new subscription waits for a Redis connection being (re)made before it is refused. */
const CONNECT_WAIT_MS = 2000;
/**
 * A Redis that keeps its connections open but answers nothing (hung, or stopped with SIGSTOP)
 * looks connected: a ping this often, answered within the same time, tells whether it is there.
 */
const HEARTBEAT_MS = 1000;

/** `promise`, or a rejection once `ms` have passed. */
function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** One process: an in-memory emitter. */
export function memoryTransport(): Transport {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    publish: (channel, message) => {
      emitter.emit(channel, message);
    },
    async subscribe(channel, listener) {
      emitter.on(channel, listener);
      return () => emitter.off(channel, listener);
    },
    onInterrupted() {
      // Nothing sits between publishers and subscribers here: nothing can be missed.
    },
    connected: () => true,
    async close() {
      emitter.removeAllListeners();
    },
  };
}

/**
 * Several processes: Redis pub/sub, one connection publishing and one subscribed. Each channel is
 * subscribed once per process however many listeners it has, and `subscribe` resolves only after
 * Redis has acknowledged it, so a client whose subscription is open cannot miss an event published
 * right after. ioredis reconnects (and resubscribes) by itself after an outage.
 *
 * While Redis is down nothing waits on it for long: a publish is dropped after two reconnection
 * attempts (the write it announces is already committed; subscribers catch up when they are
 * back), a new subscription is refused with SERVICE_UNAVAILABLE after at most two seconds, and
 * open subscriptions are told through `onInterrupted` the moment the connection drops.
 */
export function redisTransport(url: string): Transport {
  // A publish that Redis does not answer is given up (its write is committed; subscribers catch up).
  const publisher = new Redis(url, { maxRetriesPerRequest: 2, connectTimeout: CONNECT_WAIT_MS, commandTimeout: 2000 });
  const subscriber = new Redis(url, { maxRetriesPerRequest: null, connectTimeout: CONNECT_WAIT_MS });
  // Without error listeners an outage would be an unhandled 'error' event; ioredis keeps retrying.
  publisher.on('error', () => {});
  subscriber.on('error', () => {});
  const interrupted = new Set<() => void>();
  const interrupt = () => {
    for (const listener of interrupted) listener();
  };
  let wasReady = false;
  subscriber.on('ready', () => {
    wasReady = true;
  });
  subscriber.on('close', () => {
    if (!wasReady) return;
    wasReady = false;
    interrupt();
  });
  // Whether Redis answers: a connection that is open but silent is treated as an outage (open
  // subscriptions end, new ones are refused, nothing is cached) until it answers again.
  let answering = true;
  const heartbeat = setInterval(() => {
    if (subscriber.status !== 'ready') return;
    within(subscriber.ping(), HEARTBEAT_MS).then(
      () => {
        answering = true;
      },
      () => {
        if (!answering) return;
        answering = false;
        interrupt();
      },
    );
  }, HEARTBEAT_MS);
  heartbeat.unref();
  const live = () => subscriber.status === 'ready' && answering;
  const listeners = new Map<string, Set<(message: string) => void>>();
  subscriber.on('message', (channel: string, message: string) => {
    for (const listener of listeners.get(channel) ?? []) listener(message);
  });
  return {
    publish(channel, message) {
      publisher.publish(channel, message).catch(() => {});
    },
    async subscribe(channel, listener) {
      if (!(await redisReady(subscriber, CONNECT_WAIT_MS)) || !answering) throw liveUnavailable();
      let set = listeners.get(channel);
      if (!set) {
        set = new Set();
        listeners.set(channel, set);
      }
      set.add(listener);
      const unsubscribe = () => {
        set.delete(listener);
        if (set.size === 0 && listeners.get(channel) === set) {
          listeners.delete(channel);
          subscriber.unsubscribe(channel).catch(() => {});
        }
      };
      if (set.size === 1) {
        try {
          await within(subscriber.subscribe(channel), CONNECT_WAIT_MS);
        } catch {
          unsubscribe();
          throw liveUnavailable();
        }
      }
      return unsubscribe;
    },
    onInterrupted(listener) {
      interrupted.add(listener);
    },
    connected: live,
    async close() {
      clearInterval(heartbeat);
      interrupted.clear();
      listeners.clear();
      await Promise.all([publisher, subscriber].map((c) => c.quit().catch(() => c.disconnect())));
    },
  };
}
