/**
 * Generates a migration for each dialect from the difference between the entities and the
 * checked-in migrations, and lists it in src/db/migrations/index.ts.
 * Usage: `pnpm --filter @rapport/server migration:create [name]`.
 * Needs the local PostgreSQL (PG_ADMIN_URL, default postgres://postgres@127.0.0.1:5432/postgres).
 */
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Dialect } from '../src/db/em.ts';
import { migrate, migrationAuthoring, openOrm } from '../src/db/orm.ts';
import { writeMigrationIndex } from './migration-index.ts';

const name = process.argv[2];
const adminUrl = process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function generate(dialect: Dialect, databaseUrl: string): Promise<void> {
  const orm = await openOrm({ databaseUrl, overrides: { migrations: migrationAuthoring(dialect) } });
  try {
    await migrate(orm);
    const result = await orm.migrator.create(undefined, false, false, name);
    console.log(`${dialect}: ${result.fileName || 'no changes'}`);
  } finally {
    await orm.close();
  }
}

const sqliteFile = join(tmpdir(), `rapport-migration-${process.pid}.db`);
try {
  await generate('sqlite', sqliteFile);
} finally {
  rmSync(sqliteFile, { force: true });
  rmSync(`${sqliteFile}-wal`, { force: true });
  rmSync(`${sqliteFile}-shm`, { force: true });
}

const scratch = `rapport_migration_${process.pid}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`create database ${scratch}`);
try {
  const url = new URL(adminUrl);
  url.pathname = `/${scratch}`;
  await generate('postgresql', url.toString());
} finally {
  await admin.query(`drop database ${scratch} with (force)`);
  await admin.end();
}

writeMigrationIndex();
