import { afterAll, beforeAll, expect, it } from 'vitest';
import { migrationFiles } from '../../scripts/migration-index.ts';
import { newId } from '../entities/id.ts';
import { Webhook } from '../entities/index.ts';
import { createTestDatabase, type TestDatabase } from '../testing/database.ts';
import { createTestCommunity } from '../testing/fixtures.ts';
import type { Orm } from './em.ts';
import { dialectOf } from './em.ts';
import { migrations } from './migrations/index.ts';
import { migrate, openOrm } from './orm.ts';

let database: TestDatabase;
let orm: Orm;

beforeAll(async () => {
  database = await createTestDatabase();
  orm = await openOrm({ databaseUrl: database.url });
});
afterAll(async () => {
  await orm?.close();
  await database?.drop();
});

it('the checked-in migrations build exactly the schema the entities describe', async () => {
  const applied = await migrate(orm);
  expect(applied.length).toBeGreaterThan(0);
  // If an entity changed without a migration, the ORM would want to alter the schema.
  const diff = await orm.schema.getUpdateSchemaSQL({ wrap: false });
  expect(diff.trim()).toBe('');
  expect(await migrate(orm)).toEqual([]);
});

it('applies every checked-in migration file, in order, under the name the database records', () => {
  // A migration file missing from the list would never be applied; a renamed class would be
  // applied twice to a database that recorded it under its old name.
  for (const dialect of ['sqlite', 'postgresql'] as const) {
    const files = migrationFiles(dialect).map((file) => file.replace(/\.ts$/, ''));
    expect(files.length).toBeGreaterThan(0);
    expect(migrations[dialect].map((migration) => migration.name)).toEqual(files);
    // MikroORM records a listed migration under its instance's `name` (a file, under its name).
    const names = migrations[dialect].map((Migration) => new Migration(orm.em.getDriver(), orm.config).name);
    expect(names).toEqual(files);
  }
});

it('keeps no index on the search texts that no query reads: each reply written paid for it', async () => {
  await migrate(orm);
  const connection = orm.em.getConnection();
  // The column each index of search_text starts with.
  const leading: { column: string }[] =
    dialectOf(database.url) === 'postgresql'
      ? await connection.execute(
          `select a.attname as column from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
           where i.indrelid = 'search_text'::regclass`,
        )
      : await connection.execute(
          `select c.name as column from pragma_index_list('search_text') l, pragma_index_info(l.name) c where c.seqno = 0`,
        );
  // Found through the full-text index, or by source_id (the triggers' deletes): never by thread.
  const columns = leading.map((i) => i.column);
  expect(columns).toContain('source_id');
  expect(columns).not.toContain('thread_id');
});

it('applies them once when several processes start together on an empty database', async () => {
  const fresh = await createTestDatabase();
  const orms = await Promise.all([1, 2, 3].map(() => openOrm({ databaseUrl: fresh.url })));
  try {
    const results = await Promise.all(orms.map((o) => migrate(o)));
    const applied = results.flat();
    // Every migration exactly once, by whichever process got there first; nobody failed.
    expect(applied.length).toBe(new Set(applied).size);
    expect(applied.length).toBeGreaterThan(0);
    expect(results.filter((names) => names.length > 0)).toHaveLength(1);
    expect(await (orms[0] as Orm).migrator.getPending()).toEqual([]);
  } finally {
    for (const o of orms) await o.close();
    await fresh.drop();
  }
});

it('brings webhooks already made through the alerts migration, as JSON webhooks', async () => {
  const fresh = await createTestDatabase();
  const local = await openOrm({ databaseUrl: fresh.url });
  try {
    await migrate(local);
    const brand = await createTestCommunity(local.em.fork());
    await local.em.fork().insert(
      Webhook,
      {
        id: newId(),
        community: brand.community.id,
        url: 'https://hooks.example/x',
        events: ['thread.created'],
        secret: 's',
        createdAt: new Date(),
      },
      { filters: false } as never,
    );
    // Back to before the alerts, and up again, with the webhook in the table.
    const names = migrations[dialectOf(fresh.url)].map((m) => m.name);
    const alerts = names.findIndex((n) => n.endsWith('_alerts'));
    await local.migrator.down({ to: names[alerts - 1] as string });
    await migrate(local);
    const [hook] = await local.em.fork().find(Webhook, {}, { filters: false });
    expect(hook).toMatchObject({ url: 'https://hooks.example/x', format: 'JSON', voteThreshold: null });
  } finally {
    await local.close();
    await fresh.drop();
  }
});

/** SQLite only (PostgreSQL's index was always Snowball's): registered there alone, as CI counts a skip as a failure. */
const onSqlite: typeof it = (
  dialectOf(process.env.DATABASE_URL ?? 'sqlite:') === 'sqlite' ? it : () => {}
) as typeof it;

onSqlite('indexes texts written before the search_stems migration by their Snowball stems', async () => {
  const fresh = await createTestDatabase();
  const local = await openOrm({ databaseUrl: fresh.url });
  const found = async (word: string) =>
    (
      await local.em
        .fork()
        .execute<{ title: string }[]>(
          `select s.title from search_fts join search_text s on s.id = search_fts.rowid where search_fts match ?`,
          [`"${word}"`],
        )
    ).map((r) => r.title);
  try {
    await migrate(local);
    const names = migrations.sqlite.map((m) => m.name);
    await local.migrator.down({ to: names[names.findIndex((n) => n.endsWith('_search_stems')) - 1] as string });
    const brand = await createTestCommunity(local.em.fork());
    await local.em.fork().execute(
      `insert into thread (id, community_id, kind, title, body, status, trending_score, vote_count, reply_count, last_activity_at, created_at, updated_at)
       values (?, ?, 'IDEA', 'Monthly report', '', 'OPEN', 0, 0, 0, 0, 0, 0)`,
      [newId(), brand.community.id],
    );
    // Porter's stems: "monthli".
    expect(await found('monthli')).toEqual(['Monthly report']);
    await migrate(local);
    expect(await found('month')).toEqual(['Monthly report']);
    expect(await found('monthli')).toEqual([]);
    // What the triggers index from now on is removed with the same stems.
    await local.em.fork().execute(`update thread set title = 'Weekly report'`);
    expect(await found('month')).toEqual([]);
    expect(await found('week')).toEqual(['Weekly report']);
  } finally {
    await local.close();
    await fresh.drop();
  }
});
