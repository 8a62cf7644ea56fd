import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { Orm } from './em.ts';
import { openOrm } from './orm.ts';

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

it('keeps a statement once its SQL is seen again, and hands it out with correct results', async () => {
  const db = await database();
  const sql = 'insert into t (name) values (?)';
  // Seen once: prepared but not kept (most texts the ORM writes never come again).
  const first = db.prepare(sql);
  const insert = db.prepare(sql);
  expect(insert).not.toBe(first);
  expect(db.prepare(sql)).toBe(insert);
  for (const name of ['a', 'b', 'c']) db.prepare(sql).run(name);
  const select = 'select name from t order by id';
  db.prepare(select);
  const kept = db.prepare(select);
  expect(db.prepare(select)).toBe(kept);
  expect(db.prepare(select).all()).toEqual([{ name: 'a' }, { name: 'b' }, { name: 'c' }]);
});

it('keeps the statements that repeat through a stream of texts that do not', async () => {
  const db = await database();
  const repeated = 'select name from t where id = 1';
  db.prepare(repeated);
  const kept = db.prepare(repeated);
  // More one-off texts than the cache holds, as writes with their values in the SQL are.
  for (let i = 0; i < 1500; i++) db.prepare(`insert into t (name) values ('one-off ${i}')`).run();
  expect(db.prepare(repeated)).toBe(kept);
  expect(db.prepare(repeated).all()).toEqual([{ name: 'one-off 0' }]);
});

it('never hands out a statement that is still iterating, and resets the row mode', async () => {
  const db = await database();
  for (const name of ['a', 'b']) db.prepare('insert into t (name) values (?)').run(name);
  const sql = 'select name from t order by id';
  db.prepare(sql);
  const outer = db.prepare(sql).raw(true);
  const seen: unknown[] = [];
  for (const row of outer.iterate()) {
    // A second use of the same SQL while the first still iterates gets its own statement.
    const inner = db.prepare(sql);
    expect(inner).not.toBe(outer);
    seen.push(row, inner.all());
  }
  expect(seen).toEqual([['a'], [{ name: 'a' }, { name: 'b' }], ['b'], [{ name: 'a' }, { name: 'b' }]]);
  // The kept statement a caller left in raw mode comes back with objects.
  expect(db.prepare(sql)).toBe(outer);
  expect(db.prepare(sql).all()).toEqual([{ name: 'a' }, { name: 'b' }]);
});

it('sees schema changes (SQLite prepares the statement again)', async () => {
  const db = await database();
  db.prepare('insert into t (name) values (?)').run('a');
  expect(db.prepare('select * from t').all()).toEqual([{ id: 1, name: 'a' }]);
  db.exec('alter table t add column extra text');
  expect(db.prepare('select * from t').all()).toEqual([{ id: 1, name: 'a', extra: null }]);
});
