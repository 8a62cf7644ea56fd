import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { type Orm, openOrm } from './orm.ts';

/** SQLite's own database object, as the ORM opens it (with the statement cache). */
interface Native {
  exec(sql: string): void;
  prepare(sql: string): any;
}
const opened: { orm: Orm; file: string }[] = [];

async function database(): Promise<Native> {
  const file = join(tmpdir(), `rapport-statements-${randomBytes(6).toString('hex')}.db`);
  const orm = await openOrm({ databaseUrl: file });
  opened.push({ orm, file });
  const db = await (orm.em.getConnection() as unknown as { getNativeClient(): Promise<Native> }).getNativeClient();
  db.exec('create table t (id integer primary key, name text)');
  return db;
}

afterAll(async () => {
  for (const { orm, file } of opened) {
    await orm.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  }
});

it('hands out the same prepared statement for the same SQL, with correct results', async () => {
  const db = await database();
  const insert = db.prepare('insert into t (name) values (?)');
  expect(db.prepare('insert into t (name) values (?)')).toBe(insert);
  for (const name of ['a', 'b', 'c']) db.prepare('insert into t (name) values (?)').run(name);
  const select = db.prepare('select name from t order by id');
  expect(db.prepare('select name from t order by id')).toBe(select);
  expect(db.prepare('select name from t order by id').all()).toEqual([{ name: 'a' }, { name: 'b' }, { name: 'c' }]);
});

it('never hands out a statement that is still iterating, and resets the row mode', async () => {
  const db = await database();
  for (const name of ['a', 'b']) db.prepare('insert into t (name) values (?)').run(name);
  const sql = 'select name from t order by id';
  const outer = db.prepare(sql).raw(true);
  const seen: unknown[] = [];
  for (const row of outer.iterate()) {
    // A second use of the same SQL while the first still iterates gets its own statement.
    const inner = db.prepare(sql);
    expect(inner).not.toBe(outer);
    seen.push(row, inner.all());
  }
  expect(seen).toEqual([['a'], [{ name: 'a' }, { name: 'b' }], ['b'], [{ name: 'a' }, { name: 'b' }]]);
  // The statement a caller left in raw mode comes back with objects.
  expect(db.prepare(sql).all()).toEqual([{ name: 'a' }, { name: 'b' }]);
});

it('sees schema changes (SQLite prepares the statement again)', async () => {
  const db = await database();
  db.prepare('insert into t (name) values (?)').run('a');
  expect(db.prepare('select * from t').all()).toEqual([{ id: 1, name: 'a' }]);
  db.exec('alter table t add column extra text');
  expect(db.prepare('select * from t').all()).toEqual([{ id: 1, name: 'a', extra: null }]);
});
