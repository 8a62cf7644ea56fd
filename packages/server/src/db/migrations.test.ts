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
