import type { Orm } from '../db/orm.ts';
import { allEmbedOrigins } from '../services/communities.ts';

export interface CorsOptions {
  orm: Orm;
  /** The server's own origin, always allowed (demo page, admin console). */
  publicUrl: string;
  /** How long the list of embed origins is cached, in ms. */
  ttlMs?: number;
}

/**
 * Which browser origins may call the API: the server's own, and every origin a community has
 * listed for embedding. Credentials (cookies) are never allowed cross-origin: customers send
 * bearer tokens, staff use the admin console on the server's own origin.
 */
export function createCorsPolicy({ orm, publicUrl, ttlMs = 10_000 }: CorsOptions) {
  const own = new URL(publicUrl).origin;
  let cached: { origins: Set<string>; at: number } | undefined;

  async function origins(): Promise<Set<string>> {
    if (!cached || Date.now() - cached.at > ttlMs) {
      cached = { origins: await allEmbedOrigins(orm.em.fork()), at: Date.now() };
    }
    return cached.origins;
  }

  return {
    async allows(origin: string): Promise<boolean> {
      return origin === own || (await origins()).has(origin);
    },
    /** Forget the cached list (after a community's origins change in this process). */
    invalidate(): void {
      cached = undefined;
    },
  };
}

export type CorsPolicy = ReturnType<typeof createCorsPolicy>;
