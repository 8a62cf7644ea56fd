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

/**
 * The community a manager is bound to (core/scope.ts), for statements the tenant filter does not
 * reach (the query builder's); an unbound manager fails here, as the filter would.
 */
export function boundCommunity(em: Em): string {
  const communityId = em.getFilterParams<{ communityId?: string }>('tenant')?.communityId;
  if (!communityId) throw new Error('This write needs an entity manager bound to a community (core/scope.ts).');
  return communityId;
}
