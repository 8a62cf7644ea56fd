import type { EventBus } from './events.ts';

export interface SharedCacheOptions {
  /**
   * The longest an entry is trusted. Every commit through the ORM announces its community's change
   * (db/change-subscriber.ts), so this only bounds how stale a read can be after a change nobody
   * announced: a command-line change while servers run, an edit made by hand in the database, or
   * one published in the moment Redis takes to confirm a process's subscription again after an
   * outage.
   */
  ttlMs?: number;
  /** Entries kept in this process; the least recently used go first. */
  maxEntries?: number;
}

interface Entry {
  communityId: string;
  expiresAt: number;
  value: Promise<unknown>;
}

/**
 * What many requests read alike (the first page of a community's threads, with its authors), kept
 * in this process until the community changes. A value is stale from the moment any process
 * announces a change to its community (EventBus.announceChange, after the commit), including a
 * change that lands while it is still being loaded; while announcements cannot be heard (Redis is
 * down) nothing is cached. Concurrent readers of a missing value share one load.
 *
 * Values are shared between requests: callers must never change them.
 */
export class SharedCache {
  readonly #events: EventBus;
  readonly #ttlMs: number;
  readonly #maxEntries: number;
  /** Entries are dropped the moment their community changes, loads still running included. */
  readonly #entries = new Map<string, Entry>();

  constructor(events: EventBus, { ttlMs = 5000, maxEntries = 500 }: SharedCacheOptions = {}) {
    this.#events = events;
    this.#ttlMs = ttlMs;
    this.#maxEntries = maxEntries;
    events.onChange((communityId) => this.#changed(communityId));
  }

  /** The value under `key` in the community, from `load` unless a load since its last change has it. */
  get<V>(communityId: string, key: string, load: () => Promise<V>): Promise<V> {
    if (!this.#events.hearsChanges()) return load();
    const id = `${communityId}\n${key}`;
    const cached = this.#entries.get(id);
    if (cached && Date.now() < cached.expiresAt) {
      // Map order is the eviction order: a hit moves the entry to the back.
      this.#entries.delete(id);
      this.#entries.set(id, cached);
      return cached.value as Promise<V>;
    }
    const entry: Entry = { communityId, expiresAt: Date.now() + this.#ttlMs, value: load() };
    this.#entries.delete(id);
    this.#entries.set(id, entry);
    entry.value.catch(() => {
      if (this.#entries.get(id) === entry) this.#entries.delete(id);
    });
    if (this.#entries.size > this.#maxEntries) {
      this.#entries.delete(this.#entries.keys().next().value as string);
    }
    return entry.value as Promise<V>;
  }

  get size(): number {
    return this.#entries.size;
  }

  #changed(communityId: string | null): void {
    if (communityId === null) {
      this.#entries.clear();
      return;
    }
    for (const [id, entry] of this.#entries) {
      if (entry.communityId === communityId) this.#entries.delete(id);
    }
  }
}

const caches = new WeakMap<EventBus, SharedCache>();

/** The cache of the process's event bus: the bus carries the change announcements that expire it. */
export function sharedCache(events: EventBus): SharedCache {
  let cache = caches.get(events);
  if (!cache) {
    cache = new SharedCache(events);
    caches.set(events, cache);
  }
  return cache;
}
