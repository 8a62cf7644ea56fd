/** The part of a better-sqlite3 database and statement the cache needs. */
interface Statement {
  readonly busy: boolean;
  /** Whether it returns rows (only those have a row mode). */
  readonly reader: boolean;
  raw(on?: boolean): Statement;
}
interface NativeSqlite {
  prepare(sql: string): Statement;
}

/** Statements kept at most. */
const SIZE = 1000;
/** Texts remembered as seen once, so that the second sight of one admits its statement. */
const SEEN = 2000;

/**
 * Keeps SQLite's prepared statements for reuse. The query builder prepares every statement again
 * on each run, which cost almost as much as running the query (1.2 s of 2.8 s in the SQLite
 * driver, in a profile of the widget's list under load). A statement still iterating is never
 * handed out twice, and each one is handed out in its default (object rows) mode; SQLite
 * re-prepares by itself after a schema change.
 *
 * A statement is kept only once its text has been seen before. MikroORM 7 writes the values into
 * the SQL text instead of binding them (mikro-orm/mikro-orm#8001), so a write's text (new ids, new
 * bodies) never comes again, while a read's (this community's page, this member's votes) does.
 * Kept on first sight, the one-off texts pushed the repeated ones out: under the soak's mixed load
 * 400 new texts a second were prepared, and the 1,000 kept were almost all of them, each holding
 * SQLite's memory until it was dropped.
 */
export function cacheStatements(db: NativeSqlite): void {
  const prepare = db.prepare.bind(db);
  const cache = new Map<string, Statement>();
  let seenOnce = new Set<string>();
  db.prepare = (sql: string) => {
    const kept = cache.get(sql);
    if (kept && !kept.busy) {
      // Most recently used last: the oldest is the one dropped when the cache is full.
      cache.delete(sql);
      cache.set(sql, kept);
      return kept.reader ? kept.raw(false) : kept;
    }
    const fresh = prepare(sql);
    if (kept) return fresh;
    if (seenOnce.delete(sql)) {
      if (cache.size >= SIZE) cache.delete(cache.keys().next().value as string);
      cache.set(sql, fresh);
    } else {
      // Forgetting them all at once is cheaper than keeping an order, and a text that repeats
      // soon is seen again within the next SEEN new ones.
      if (seenOnce.size >= SEEN) seenOnce = new Set();
      seenOnce.add(sql);
    }
    return fresh;
  };
}
