import { dialectOfEm, type Em } from '../db/em.ts';

/**
 * Makes the database refuse every insert into `table` until the returned function is called: a
 * failure injected half-way through a write, after the rows written before it. A trigger does it,
 * so the application runs unchanged (no test hooks in its code).
 */
export async function failInsertsInto(em: Em, table: string): Promise<() => Promise<void>> {
  if (!/^[a-z_]+$/.test(table)) throw new Error(`not a table name: ${table}`);
  const connection = em.getConnection();
  const trigger = `inject_failure_${table}`;
  if (dialectOfEm(em) === 'postgresql') {
    await connection.execute(
      `create or replace function inject_failure() returns trigger language plpgsql as $$ begin raise exception 'injected failure'; end $$`,
    );
    await connection.execute(
      `create trigger ${trigger} before insert on "${table}" for each row execute function inject_failure()`,
    );
    return async () => {
      await connection.execute(`drop trigger if exists ${trigger} on "${table}"`);
    };
  }
  await connection.execute(
    `create trigger ${trigger} before insert on \`${table}\` begin select raise(abort, 'injected failure'); end`,
  );
  return async () => {
    await connection.execute(`drop trigger if exists ${trigger}`);
  };
}
