import { EventEmitter } from 'node:events';
import { Redis } from 'ioredis';

/** Moves serialized messages between publishers and subscribers, in this process or across many. */
export interface Transport {
  publish(channel: string, message: string): void;
  /** Resolves once messages on `channel` will reach `listener`; returns the unsubscribe function. */
  subscribe(channel: string, listener: (message: string) => void): Promise<() => void>;
  close(): Promise<void>;
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
 */
export function redisTransport(url: string): Transport {
  const options = { maxRetriesPerRequest: null, lazyConnect: false };
  const publisher = new Redis(url, options);
  const subscriber = new Redis(url, options);
  // Without error listeners an outage would be an unhandled 'error' event; ioredis keeps retrying.
  publisher.on('error', () => {});
  subscriber.on('error', () => {});
  const listeners = new Map<string, Set<(message: string) => void>>();
  subscriber.on('message', (channel: string, message: string) => {
    for (const listener of listeners.get(channel) ?? []) listener(message);
  });
  return {
    publish(channel, message) {
      publisher.publish(channel, message).catch(() => {});
    },
    async subscribe(channel, listener) {
      let set = listeners.get(channel);
      if (!set) {
        set = new Set();
        listeners.set(channel, set);
      }
      set.add(listener);
      if (set.size === 1) await subscriber.subscribe(channel);
      return () => {
        set.delete(listener);
        if (set.size === 0 && listeners.get(channel) === set) {
          listeners.delete(channel);
          subscriber.unsubscribe(channel).catch(() => {});
        }
      };
    },
    async close() {
      listeners.clear();
      await Promise.all([publisher, subscriber].map((c) => c.quit().catch(() => c.disconnect())));
    },
  };
}
