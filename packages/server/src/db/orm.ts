import { mkdirSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type EventSubscriber, MikroORM, type Options } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { SqliteDriver } from '@mikro-orm/sqlite';
import { entities } from '../entities/index.ts';
import { ChangeSubscriber } from './change-subscriber.ts';
import { type Dialect, dialectOf, dialectOfEm, type Em, type Orm } from './em.ts';
import { migrations } from './migrations/index.ts';
import { registerSearchStems } from './search-stems.ts';
import { cacheStatements } from './statement-cache.ts';
import { tenantFilter } from './tenant-filter.ts';

/**
 * Checked-in migrations, one folder per dialect (their SQL differs), applied from the list in
 * migrations/index.ts: imported, not looked up as files, so the built server (one bundled module,
 * see build.ts) carries them. Names are the classes' (and the files'), as the database records them.
 */
const appliedMigrations = (dialect: Dialect): Options['migrations'] => ({
  migrationsList: migrations[dialect],
  transactional: true,
  allOrNothing: true,
  // The snapshot is for writing migrations (below), not for applying them.
  snapshot: false,
  silent: true,
});

/**
 * For writing the next migration (scripts/create-migration.ts): the dialect's folder, read as
 * files, and its snapshot of the schema the checked-in migrations build, to diff the entities with.
 */
export function migrationAuthoring(dialect: Dialect): Options['migrations'] {
  const path = fileURLToPath(new URL(`./migrations/${dialect}`, import.meta.url));
  return {
    ...appliedMigrations(dialect),
    migrationsList: undefined,
    path,
    pathTs: path,
    glob: '!(*.d).ts',
    snapshot: true,
    snapshotName: '.snapshot',
    // Applying migrations must not rewrite checked-in files.
    snapshotOnMigrate: false,
  };
}

export interface OrmOptions {
  databaseUrl: string;
  /** Extra MikroORM options (tests pass a query-counting logger). */
  overrides?: Partial<Options>;
  /**
   * Called after every commit with the community it wrote to (null: unknown, maybe several), to
   * expire what server processes cache (EventBus.announceChange).
   */
  onCommit?: (communityId: string | null) => void;
  /**
   * What the domain does on each flush, in the same transaction (services/subscribers.ts): given by
   * the app and the CLI, so that the database layer imports nothing of the services. Leave it out
   * only on purpose: without it writes keep no ranking, tell no one and write no webhook deliveries
   * (a reply writes its own, services/reply-write, but its readers' unread badges change only with it).
   */
  subscribers?: EventSubscriber[];
  /**
   * SQLite: `full` (the default) syncs every commit to disk; `normal` only at WAL checkpoints,
   * faster, but a power cut may lose writes already answered as done (config SQLITE_SYNCHRONOUS).
   */
  sqliteSynchronous?: 'full' | 'normal';
  /**
   * PostgreSQL: the longest a query may take (the server cancels it, and the client gives up a
   * little later if the server does not answer at all); unset: no limit (the CLI's long jobs).
   */
  queryTimeoutMs?: number;
}

export function ormConfig({
  databaseUrl,
  overrides,
  onCommit,
  subscribers = [],
  queryTimeoutMs,
}: OrmOptions): Partial<Options> {
  const dialect = dialectOf(databaseUrl);
  const common: Partial<Options> = {
    entities,
    extensions: [Migrator],
    filters: { tenant: tenantFilter },
    subscribers: [...subscribers, ...(onCommit ? [new ChangeSubscriber(onCommit)] : [])],
    // Rows only ever point at rows of their own community (services write them so), so a to-one
    // relation need not be joined just to re-check the tenant filter on its target.
    autoJoinRefsForFilters: false,
    colors: false,
    // A request never touches the global identity map: each one forks its own.
    allowGlobalContext: false,
    forceUtcTimezone: true,
    ensureDatabase: false,
    migrations: appliedMigrations(dialect),
    // The search index is kept by triggers, not entities (see the full_text_search migration):
    // the schema diff leaves its table, triggers and functions alone.
    schemaGenerator: {
      skipTables: ['search_text', /^search_fts/, /^search_thread_fts/],
      ignoreTriggers: true,
      ignoreRoutines: true,
    },
  };
  if (dialect === 'postgresql') {
    return {
      ...common,
      driver: PostgreSqlDriver,
      clientUrl: databaseUrl,
      // pg's pool waits for a connection forever by default, and a query for as long as the server
      // takes: with the database unreachable or hung, a request would hang instead of answering
      // SERVICE_UNAVAILABLE.
      driverOptions: {
        connectionTimeoutMillis: 5000,
        ...(queryTimeoutMs ? { statement_timeout: queryTimeoutMs, query_timeout: queryTimeoutMs + 2000 } : {}),
      },
      ...overrides,
    };
  }
  const file = sqliteFile(databaseUrl);
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  return { ...common, driver: SqliteDriver, dbName: file, ...overrides };
}

function sqliteFile(databaseUrl: string): string {
  const path = databaseUrl.replace(/^(sqlite|file):(\/\/)?/, '');
  if (path === ':memory:') return path;
  return isAbsolute(path) ? path : resolve(process.cwd(), path);
}

export async function openOrm(options: OrmOptions): Promise<Orm> {
  const orm = (await MikroORM.init(ormConfig(options))) as unknown as Orm;
  if (dialectOf(options.databaseUrl) === 'sqlite') {
    // WAL lets readers proceed while a write commits; the setting is stored in the file.
    await orm.em.getConnection().execute('pragma journal_mode = wal');
    // A write answered as done must survive a power cut: every commit is synced to disk. (WAL's
    // NORMAL would only sync at checkpoints; its cost is in BENCHMARKS.md.)
    await orm.em
      .getConnection()
      .execute(`pragma synchronous = ${options.sqliteSynchronous === 'normal' ? 'normal' : 'full'}`);
    // Pages are read into SQLite's own cache of 8 MB (twice its default), not memory-mapped:
    // mapped, every page of the file a query touched stayed counted in the process's memory (the
    // first open's statistics pass alone mapped 255 MB of the benchmark's file, and a soak's
    // writes kept adding some), read, they stay in the kernel's file cache. Same throughput in
    // the HTTP benchmark, and the ranking's recompute within the noise (3.6-3.9 s against 3.0-3.8
    // s mapped, half-scale log, alternating). The cache was 64 MB; filling, it took the anonymous
    // memory up by ~50 MB over a soak's minutes (issue #8).
    await orm.em.getConnection().execute('pragma mmap_size = 0');
    await orm.em.getConnection().execute('pragma cache_size = -8192');
    const connection = orm.em.getConnection() as unknown as {
      getNativeClient(): Promise<Parameters<typeof cacheStatements>[0] & Parameters<typeof registerSearchStems>[0]>;
    };
    const native = await connection.getNativeClient();
    cacheStatements(native);
    // The search index's triggers call it on every write of a thread or reply.
    registerSearchStems(native);
    await optimizeSqlite(orm, 'open');
  }
  return orm;
}

/**
 * Keeps SQLite's table statistics current, as its documentation advises (on open, with the flag
 * that analyses tables that never were, then now and again): without them the planner cannot
 * tell a selective index (a member's votes) from an unselective one (the community's), and a
 * lookup that should read twenty index entries reads every vote of the community.
 */
export async function optimizeSqlite(orm: Orm, when: 'open' | 'periodic'): Promise<void> {
  if (dialectOfEm(orm.em as Em) !== 'sqlite') return;
  // Sampled statistics (a few hundred rows per index) are enough for the planner, and keep this
  // quick on a large file: a full ANALYZE would hold the write lock and read every page.
  await orm.em.getConnection().execute('pragma analysis_limit = 400');
  await orm.em.getConnection().execute(when === 'open' ? 'pragma optimize=0x10002' : 'pragma optimize');
}

/**
 * Applies pending checked-in migrations; returns their names. Several processes may start at once
 * (a deploy of several servers): all of them try, the database lets one apply the migrations (in
 * one transaction) and the others fail on what it created; those then find nothing pending and go
 * on. A migration that really fails still fails, once nothing else is applying it.
 */
export async function migrate(orm: Orm, attempts = 5): Promise<string[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      const applied = await orm.migrator.up();
      return applied.map((m) => m.name);
    } catch (error) {
      if ((await orm.migrator.getPending()).length === 0) return [];
      if (attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}
