/**
 * The database as the rest of the app sees it: the entity manager's type and which SQL dialect it
 * speaks. A leaf: services import it, and it imports nothing of the app (db/orm.ts opens the ORM).
 */
import type { MikroORM } from '@mikro-orm/core';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import type { AbstractSqlDriver, SqlEntityManager } from '@mikro-orm/sql';

/** The entity manager every service works with (both drivers are SQL drivers). */
export type Em = SqlEntityManager;
export type Orm = MikroORM<AbstractSqlDriver, Em>;
export type Dialect = 'sqlite' | 'postgresql';

/** Which SQL dialect an entity manager speaks (for the few queries written by hand). */
export const dialectOfEm = (em: Em): Dialect => (em.getDriver() instanceof PostgreSqlDriver ? 'postgresql' : 'sqlite');

export function dialectOf(databaseUrl: string): Dialect {
  return /^postgres(ql)?:\/\//.test(databaseUrl) ? 'postgresql' : 'sqlite';
}
