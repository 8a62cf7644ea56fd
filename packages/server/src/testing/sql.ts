import { openOrm } from '../db/orm.ts';
import { domainSubscribers } from '../services/subscribers.ts';

/** Runs plain SQL against a database (no server running), for checking what is on disk. */
export async function withDatabase<T>(
  databaseUrl: string,
  work: (query: <R = Record<string, unknown>>(sql: string) => Promise<R[]>) => Promise<T>,
): Promise<T> {
  const orm = await openOrm({ databaseUrl, subscribers: domainSubscribers() });
  try {
    return await work((sql) => orm.em.getConnection().execute(sql));
  } finally {
    await orm.close();
  }
}
