import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { openOrm } from './orm.ts';

it('opens SQLite in WAL mode syncing every commit, with its own 8 MB page cache and the file not memory-mapped', async () => {
  const file = join(tmpdir(), `rapport-orm-${randomBytes(6).toString('hex')}.db`);
  const orm = await openOrm({ databaseUrl: file });
  try {
    const pragma = async (name: string) => {
      const [row] = await orm.em.getConnection().execute(`pragma ${name}`);
      return Object.values(row as object)[0];
    };
    expect(await pragma('journal_mode')).toBe('wal');
    // FULL (2): an acknowledged commit is on disk, not only in the OS's cache (NORMAL is 1).
    expect(await pragma('synchronous')).toBe(2);
    // Mapped pages count in the process's memory for as long as the mapping lasts (issue #8).
    expect(await pragma('mmap_size')).toBe(0);
    expect(await pragma('cache_size')).toBe(-8192);
  } finally {
    await orm.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  }
});

it('syncs SQLite only at checkpoints when the operator chose SQLITE_SYNCHRONOUS=normal', async () => {
  const file = join(tmpdir(), `rapport-orm-${randomBytes(6).toString('hex')}.db`);
  const orm = await openOrm({ databaseUrl: file, sqliteSynchronous: 'normal' });
  try {
    const [row] = await orm.em.getConnection().execute('pragma synchronous');
    expect(Object.values(row as object)[0]).toBe(1);
  } finally {
    await orm.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  }
});
