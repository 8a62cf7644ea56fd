import type { EventBus } from './events.ts';
import { entryOf } from './map-entry.ts';

export interface SharedCacheOptions {
  /**
   * The longest an entry is trusted (each pool has its own: see POOLS). Every commit through the
   * ORM, the server's and, with Redis, the command line's, announces its community's change
   * (db/change-subscriber.ts), so this bounds how stale a read can be after a change nobody
   * announced: one by a command run without Redis, an edit made by hand in the database, an
   * announcement Redis did not take, or one published in the moment Redis takes to confirm a
   * process's subscription again after an outage.
   */
  ttlMs?: number;
  /**
   * Each entry is trusted for a share of `ttlMs` drawn between 3/4 and all of it, so that the
   * entries many readers made at one moment are not all made again at one later moment.
   */
  random?: () => number;
  /** The clock (tests move their own). */
  now?: () => number;
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
  readonly #random: () => number;
  readonly #now: () => number;
  readonly #maxEntries: number;
  /** In least recently used order (a Map keeps insertion order; a hit moves the entry last). */
  readonly #entries = new Map<string, Entry>();
  /** Each community's entries, so that its change drops them without a walk over all the others. */
  readonly #idsByCommunity = new Map<string, Set<string>>();
  /** For `find`: the community each lookup last found. */
  readonly #hints = new Map<string, string>();

  constructor(
    events: EventBus,
    { ttlMs = 5000, maxEntries = 500, random = Math.random, now = Date.now }: SharedCacheOptions = {},
  ) {
    this.#events = events;
    this.#ttlMs = ttlMs;
    this.#random = random;
    this.#now = now;
    this.#maxEntries = maxEntries;
    events.onChange((communityId) => this.#changed(communityId));
  }

  /**
   * The value under `key` in the community, from `load` unless a load since its last change has it.
   * `load` may say when its value stops being true without any change (`expireBy`): the clock.
   */
  get<V>(communityId: string, key: string, load: (expireBy: (at: number) => void) => Promise<V>): Promise<V> {
    if (!this.#events.hearsChanges()) return load(() => {});
    const id = `${communityId}\n${key}`;
    const cached = this.#entries.get(id);
    if (cached && this.#now() < cached.expiresAt) {
      this.#entries.delete(id);
      this.#entries.set(id, cached);
      return cached.value as Promise<V>;
    }
    const trusted = this.#ttlMs * (0.75 + 0.25 * this.#random());
    const entry: Entry = { communityId, expiresAt: this.#now() + trusted, value: Promise.resolve() };
    entry.value = load((at) => {
      entry.expiresAt = Math.min(entry.expiresAt, at);
    });
    this.#delete(id);
    this.#entries.set(id, entry);
    entryOf(this.#idsByCommunity, communityId, () => new Set()).add(id);
    entry.value.catch(() => {
      if (this.#entries.get(id) === entry) this.#delete(id);
    });
    if (this.#entries.size > this.#maxEntries) this.#delete(this.#entries.keys().next().value as string);
    return entry.value as Promise<V>;
  }

  /**
   * A value found by something other than its community (a slug, a token): the community each
   * lookup last found is remembered, so that the next one is served from the cache. A hint is
   * only a hint: the value found through it must belong to that community, or it is looked up
   * afresh. A lookup that finds nothing leaves no hint behind.
   */
  async find<V>(lookup: string, load: () => Promise<V | null>, communityOf: (value: V) => string): Promise<V | null> {
    const hinted = this.#hints.get(lookup);
    if (hinted !== undefined) {
      const value = await this.get(hinted, lookup, load);
      if (value !== null && communityOf(value) === hinted) return value;
      this.#hints.delete(lookup);
    }
    const value = await load();
    if (value !== null) {
      // Bounded like the entries, more loosely: a hint is a few dozen bytes.
      if (this.#hints.size >= this.#maxEntries * 2) this.#hints.clear();
      this.#hints.set(lookup, communityOf(value));
    }
    return value;
  }

  get size(): number {
    return this.#entries.size;
  }

  #delete(id: string): void {
    const entry = this.#entries.get(id);
    if (!entry) return;
    this.#entries.delete(id);
    const ids = this.#idsByCommunity.get(entry.communityId);
    ids?.delete(id);
    if (ids?.size === 0) this.#idsByCommunity.delete(entry.communityId);
  }

  #changed(communityId: string | null): void {
    if (communityId === null) {
      this.#entries.clear();
      this.#idsByCommunity.clear();
      return;
    }
    for (const id of this.#idsByCommunity.get(communityId) ?? []) this.#entries.delete(id);
    this.#idsByCommunity.delete(communityId);
  }
}

/**
 * The process's caches, each with its own room so that one kind cannot crowd out another, and its
 * own trust:
 * - pages: what every visitor reads alike (communities, their SSO keys, the list not signed in);
 * - viewers: who each token is, their consents and votes, one entry per visitor;
 * - answers: whole answers to the list for each signed-in customer;
 * - threads: whole answers for threads' pages, with every reply (tens to hundreds of kilobytes
 *   each, with the parsed answer beside its text: at most 300).
 *
 * Who someone is, and which keys sign them in, is trusted 5 s, so that even a change nobody
 * announced (a key retired from the command line of a server without Redis) holds within 5 s.
 * Whole answers are trusted 30 s: each signed-in reader has their own, and making them again every
 * 5 s, changed or not, was about a quarter of a signed-in thread page's CPU (BENCHMARKS.md).
 */
const POOLS = {
  pages: { maxEntries: 500, ttlMs: 5000 },
  viewers: { maxEntries: 10_000, ttlMs: 5000 },
  answers: { maxEntries: 10_000, ttlMs: 30_000 },
  threads: { maxEntries: 300, ttlMs: 30_000 },
} satisfies Record<string, SharedCacheOptions>;
export type SharedCachePool = keyof typeof POOLS;

const caches = new WeakMap<EventBus, Map<SharedCachePool, SharedCache>>();

/** A cache of the process's event bus: the bus carries the change announcements that expire it. */
export function sharedCache(events: EventBus, pool: SharedCachePool = 'pages'): SharedCache {
  const pools = entryOf(caches, events, () => new Map<SharedCachePool, SharedCache>());
  return entryOf(pools, pool, () => new SharedCache(events, POOLS[pool]));
}
