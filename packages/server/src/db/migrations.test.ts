import { afterAll, beforeAll, expect, it } from 'vitest';
import { migrationFiles } from '../../scripts/migration-index.ts';
import { createTestDatabase, type TestDatabase } from '../testing/database.ts';
import { migrations } from './migrations/index.ts';
import { migrate, type Orm, openOrm } from './orm.ts';

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
