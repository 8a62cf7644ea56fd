import type { Orm } from '../db/em.ts';
import { embedOriginsBySlug } from '../services/communities.ts';

export interface CorsOptions {
  orm: Orm;
  /** The server's own address (its origin is always allowed: demo page, admin console). */
  publicUrl: () => string;
  /** How long the communities' embed origins are cached, in ms. */
  ttlMs?: number;
}

const NEW_COMMUNITY_MS = 1000;
export const UNKNOWN_KEPT = 100;

/** The query parameter naming the community a browser request is for (the widget adds it). */
export const COMMUNITY_PARAM = 'community';

/**
 * Which browser origins may call the API: the server's own, and for a request that names its
 * community (`/graphql?community=<slug>`, as the widget sends), the origins that community lists
 * for embedding, and no other community's. A request that names none gets no grant. Credentials
 * (cookies) are never allowed cross-origin: customers send bearer tokens, staff use the admin
 * console on the server's own origin.
 */
export function createCorsPolicy({ orm, publicUrl, ttlMs = 10_000 }: CorsOptions) {
  const own = () => new URL(publicUrl()).origin;
  let cached: { bySlug: Map<string, Set<string>>; unknown: Set<string>; at: number } | undefined;

  /**
   * The lists by slug, read again after `ttlMs`, or sooner (at most once a second) for a community
   * not in them yet: a community made a moment ago is embeddable at once, and made-up slugs cannot
   * make every request read the table. A slug asked for before the last read and missing from it is
   * 'unknown' until the next: a widget's requests come in twos, and the second must not be refused
   * where the first was granted. Slugs join that set only when they cause a read, and it keeps the
   * latest UNKNOWN_KEPT of them (reads once a second, from made-up slugs, would otherwise grow it).
   */
  async function originsOf(slug: string): Promise<Set<string> | 'unknown' | 'not yet'> {
    const age = cached ? Date.now() - cached.at : Number.POSITIVE_INFINITY;
    if (age > ttlMs || (!cached?.bySlug.has(slug) && age > NEW_COMMUNITY_MS)) {
      const bySlug = await embedOriginsBySlug(orm.em.fork());
      // The slug asked for goes last (again, if it was kept already): the latest asked are kept.
      const before = age > ttlMs ? [] : [...(cached?.unknown ?? [])].filter((s) => s !== slug);
      const asked = [...before, slug].slice(-UNKNOWN_KEPT);
      cached = { bySlug, unknown: new Set(asked.filter((s) => !bySlug.has(s))), at: Date.now() };
    }
    // Missing, and asked for only since the last read: it may have been made since. No grant yet.
    return cached?.bySlug.get(slug) ?? (cached?.unknown.has(slug) ? 'unknown' : 'not yet');
  }

  return {
    /** The server's own origin. */
    own,
    async allows(origin: string, community: string | null): Promise<boolean> {
      if (origin === own()) return true;
      if (!community) return false;
      const origins = await originsOf(community);
      // A community that does not exist (missing from the last read) has nothing to read, and the request
      // may reach no other: granted, so the page's author is told the name is wrong rather than
      // "network error".
      if (origins === 'unknown') return true;
      return origins !== 'not yet' && origins.has(origin);
    },
  };
}

export type CorsPolicy = ReturnType<typeof createCorsPolicy>;
