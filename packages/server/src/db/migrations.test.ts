import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/database.ts';
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
