import { dialectOfEm, type Em } from '../../db/em.ts';

/**
 * Keeps a full recompute and incremental updates of one community apart. On PostgreSQL an
 * advisory lock per community: updates take it shared (they run side by side), the recompute
 * exclusively (it waits for updates in flight, and new ones wait for it). SQLite has one writer
 * at a time anyway; the recompute's first statement is a write, so it holds that from the start.
 */
export async function lockRanking(em: Em, communityId: string, mode: 'shared' | 'exclusive'): Promise<void> {
  if (dialectOfEm(em) !== 'postgresql') return;
  await em.execute(`select ${lockSql(em, communityId, mode)}`);
}

/** The PostgreSQL expression that takes the lock (to fold into another statement). */
export function lockSql(em: Em, communityId: string, mode: 'shared' | 'exclusive'): string {
  const fn = mode === 'shared' ? 'pg_advisory_xact_lock_shared' : 'pg_advisory_xact_lock';
  return `${fn}(hashtext(${em.getPlatform().quoteValue(`ranking:${communityId}`)}))`;
}
