import type { Dialect } from '../src/db/em.ts';
import { createTestDatabase, type TestDatabase } from '../src/testing/database.ts';

/** A fresh database of the given kind (PostgreSQL at BENCH_PG_URL, or the local one). */
export async function benchDatabase(dialect: Dialect): Promise<TestDatabase> {
  const previous = process.env.DATABASE_URL;
  if (dialect === 'postgresql')
    process.env.DATABASE_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  else delete process.env.DATABASE_URL;
  try {
    return await createTestDatabase();
  } finally {
    if (previous === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previous;
  }
}
