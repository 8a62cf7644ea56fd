import type { Em } from '../../db/em.ts';
import { recomputeRanking } from './recompute.ts';

/**
 * Texts stored before each was read in its own language (an older version scored everything as
 * English, so a furious German post read as neutral) are read again, and their communities'
 * rankings recomputed with the new scores: the recompute reads them first, a thousand at a time.
 * The background jobs run this at start and hourly; `pnpm rapport ranking recompute` does the
 * same for one community by hand. Returns the communities recomputed.
 */
export async function rereadSentiment(em: Em): Promise<number> {
  const rows = await em.execute<{ community_id: string }[]>(
    `select community_id from thread where sentiment_language is null
     union select community_id from reply where sentiment_language is null`,
  );
  for (const { community_id } of rows) await recomputeRanking(em, String(community_id));
  return rows.length;
}
