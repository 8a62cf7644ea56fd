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

/** Statements kept at most (the app's queries are a few hundred distinct texts). */
const SIZE = 1000;

/**
 * Keeps SQLite's prepared statements for reuse. The query builder prepares every statement again
 * on each run, which cost almost as much as running the query (1.2 s of 2.8 s in the SQLite
 * driver, in a profile of the widget's list under load). A statement still iterating is never handed out twice, and each one is
 * handed out in its default (object rows) mode; SQLite re-prepares by itself after a schema change.
 */
export function cacheStatements(db: NativeSqlite): void {
  const prepare = db.prepare.bind(db);
  const cache = new Map<string, Statement>();
  db.prepare = (sql: string) => {
    const kept = cache.get(sql);
    if (kept && !kept.busy) {
      // Most recently used last: the oldest is the one dropped when the cache is full.
      cache.delete(sql);
      cache.set(sql, kept);
      return kept.reader ? kept.raw(false) : kept;
    }
    const fresh = prepare(sql);
    if (!kept) {
      if (cache.size >= SIZE) cache.delete(cache.keys().next().value as string);
      cache.set(sql, fresh);
    }
    return fresh;
  };
}
