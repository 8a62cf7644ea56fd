/**
 * Writes that arrive together commit together on SQLite (core/write-group.ts), and each still
 * stands alone: a write that fails leaves nothing behind and takes nothing of the others with it,
 * its events are never published, and every caller gets its own answer. On PostgreSQL each write
 * commits alone; the same answers hold.
 */
import { randomUUID } from 'node:crypto';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Em } from '../db/em.ts';
import { IdempotencyKey } from '../entities/index.ts';
import {
  ALL_COMMUNITIES,
  createTestCommunity,
  guestToken,
  postThread,
  type TestCommunity,
} from '../testing/fixtures.ts';
import { startTestServer, type TestServer } from '../testing/server.ts';
import { AppError } from './errors.ts';
import type { EventBus, ThreadEvent } from './events.ts';
import { openScope, type Scope } from './scope.ts';
import { GROUP_LIMIT, writeGrouped } from './write-group.ts';

const sqlite = !process.env.DATABASE_URL?.startsWith('postgres');
let server: TestServer;
let brand: TestCommunity;
let other: TestCommunity;
const published: { communityId: string; event: ThreadEvent }[] = [];

/** Commits the server ran, from MikroORM's query log. */
let commits = 0;

beforeAll(async () => {
  server = await startTestServer({
    backgroundJobs: false,
    ormOverrides: {
      debug: ['query'],
      logger: (message: string) => {
        if (/\] commit\b/.test(stripVTControlCharacters(message))) commits++;
      },
    },
  });
  brand = await createTestCommunity(server.em());
  other = await createTestCommunity(server.em());
});
afterAll(() => server?.close());

/** A scope whose published events are recorded (the real bus serves everything else). */
function scopeOf(community: TestCommunity): Scope {
  const bus = Object.create(server.app.events) as EventBus;
  bus.publish = (communityId, event) => published.push({ communityId, event });
  return openScope(server.em(), community.community.id, bus);
}

const actorId = randomUUID();
/** A write of one row, keyed `key`: the table's unique key makes the same key twice a database error. */
const keyRow = (em: Em, communityId: string, key: string) =>
  em.create(IdempotencyKey, {
    community: communityId,
    actorId,
    key,
    operation: 'test',
    fingerprint: 'f'.repeat(64),
    resultId: randomUUID(),
  });
const stored = async (keys: string[]) =>
  (await server.em().find(IdempotencyKey, { key: { $in: keys } }, ALL_COMMUNITIES)).map((k) => k.key).sort();
const event = (key: string): ThreadEvent => ({ type: 'REPLY_ADDED', threadId: key, replyId: key, at: '' });

it('commits writes sent at once together, each with its own answer and events', async () => {
  const scope = scopeOf(brand);
  published.length = 0;
  const transactions: unknown[] = [];
  const keys = Array.from({ length: 12 }, (_, i) => `together-${i}`);
  const answers = await Promise.all(
    keys.map((key) =>
      writeGrouped(scope, async (em, emit) => {
        transactions.push(em.getTransactionContext());
        keyRow(em, brand.community.id, key);
        emit(event(key));
        return key;
      }),
    ),
  );
  expect(answers).toEqual(keys);
  expect(await stored(keys)).toEqual([...keys].sort());
  expect(published.map((p) => p.event.threadId).sort()).toEqual([...keys].sort());
  expect(new Set(transactions).size).toBe(sqlite ? 1 : 12);
  // Kysely's own record of the COMMIT, which the group reads when what follows a commit fails.
  expect((transactions[0] as { isCommitted?: boolean }).isCommitted).toBe(true);
});

it('tries a write the database refused in the group once more alone, and tells of it once', async () => {
  const scope = scopeOf(brand);
  published.length = 0;
  let tries = 0;
  const refusedOnce = writeGrouped(scope, async (em, emit) => {
    tries++;
    keyRow(em, brand.community.id, `second-try-${tries}`);
    emit(event('second-try'));
    if (tries === 1 && sqlite) throw new Error('SQLITE_BUSY: as a write in a group might meet');
    return 'second-try';
  });
  const beside = writeGrouped(scope, async (em, emit) => {
    keyRow(em, brand.community.id, 'beside');
    emit(event('beside'));
    return 'beside';
  });
  expect(await Promise.all([refusedOnce, beside])).toEqual(['second-try', 'beside']);
  expect(tries).toBe(sqlite ? 2 : 1);
  expect(await stored(['second-try-1', 'second-try-2', 'beside'])).toEqual(
    sqlite ? ['beside', 'second-try-2'] : ['beside', 'second-try-1'],
  );
  expect(published.map((p) => p.event.threadId).sort()).toEqual(['beside', 'second-try']);
});

it('rolls back only the write that failed, and publishes nothing of it', async () => {
  const scope = scopeOf(brand);
  published.length = 0;
  await writeGrouped(scope, async (em) => {
    keyRow(em, brand.community.id, 'taken');
    return null;
  });
  published.length = 0;
  const transactions: unknown[] = [];
  const attempt = (key: string, fail?: 'refused' | 'database') =>
    writeGrouped(scope, async (em, emit) => {
      transactions.push(em.getTransactionContext());
      keyRow(em, brand.community.id, fail === 'database' ? 'taken' : key);
      emit(event(key));
      if (fail === 'database') await em.flush(); // the unique key refuses it here
      if (fail === 'refused') {
        await em.flush(); // written, then refused: the savepoint takes it back
        throw new AppError('FORBIDDEN', 'error.staffOnly');
      }
      return key;
    });
  const results = await Promise.allSettled([
    attempt('before'),
    attempt('first'),
    attempt('refused', 'refused'),
    attempt('middle'),
    attempt('duplicate', 'database'),
    attempt('last'),
  ]);
  expect(results.map((r) => r.status)).toEqual([
    'fulfilled',
    'fulfilled',
    'rejected',
    'fulfilled',
    'rejected',
    'fulfilled',
  ]);
  expect((results[2] as PromiseRejectedResult).reason).toBeInstanceOf(AppError);
  // The database's refusal is the caller's too (after one try alone, it fails the same way).
  expect(String((results[4] as PromiseRejectedResult).reason)).toMatch(/unique|duplicate/i);
  expect(await stored(['before', 'first', 'refused', 'middle', 'last'])).toEqual(['before', 'first', 'last', 'middle']);
  expect(published.map((p) => p.event.threadId).sort()).toEqual(['before', 'first', 'last', 'middle']);
  // The six shared one transaction; the one the database refused was then tried alone.
  if (sqlite) expect(new Set(transactions.slice(0, 6)).size).toBe(1);
  expect(transactions).toHaveLength(sqlite ? 7 : 6);
});

it('keeps each community’s writes in groups of their own, at most GROUP_LIMIT a commit', async () => {
  const ours = scopeOf(brand);
  const theirs = scopeOf(other);
  const seen: { community: string; transaction: unknown }[] = [];
  const writes = Array.from({ length: GROUP_LIMIT + 10 }, (_, i) => {
    const scope = i % 3 === 2 ? theirs : ours;
    return writeGrouped(scope, async (em) => {
      seen.push({ community: scope.communityId, transaction: em.getTransactionContext() });
      keyRow(em, scope.communityId, `mixed-${i}`);
      return i;
    });
  });
  expect(await Promise.all(writes)).toEqual(writes.map((_, i) => i));
  const groups = new Map<unknown, Set<string>>();
  for (const { community, transaction } of seen) {
    groups.set(transaction, (groups.get(transaction) ?? new Set()).add(community));
  }
  for (const communities of groups.values()) expect(communities.size).toBe(1);
  const sizes = [...groups.keys()].map((t) => seen.filter((s) => s.transaction === t).length);
  expect(Math.max(...sizes)).toBeLessThanOrEqual(GROUP_LIMIT);
  if (sqlite) expect(groups.size).toBeLessThan(seen.length);
  const rows = await server
    .em()
    .find(IdempotencyKey, { key: { $like: 'mixed-%' } }, { ...ALL_COMMUNITIES, populate: [] });
  for (const row of rows) {
    const i = Number(row.key.slice('mixed-'.length));
    expect(row.community.id).toBe(i % 3 === 2 ? other.community.id : brand.community.id);
  }
  expect(rows).toHaveLength(GROUP_LIMIT + 10);
});

it('groups replies sent at once over HTTP, though each request reaches the write in its own turn', async () => {
  const api = server.client();
  const tokens = await Promise.all(Array.from({ length: 20 }, (_, i) => guestToken(api, brand.slug, `Replier ${i}`)));
  const threadId = await postThread(api, tokens[0], { title: 'Twenty answers at once' });
  commits = 0;
  const answers = await Promise.all(
    tokens.map((token, i) =>
      api.data<{ reply: { id: string } }>('mutation ($i: ReplyInput!) { reply(input: $i) { id } }', {
        token,
        variables: { i: { threadId, body: `Answer number ${i + 1}.` } },
      }),
    ),
  );
  expect(new Set(answers.map((a) => a.reply.id)).size).toBe(20);
  // SQLite: a request reaches the write after its own turns of reading and checking; without
  // waiting for them, every reply committed alone.
  if (sqlite) expect(commits).toBeLessThanOrEqual(15);
  else expect(commits).toBe(20);
});

it('answers a group whose commit a failure followed as a single write would, writing nothing twice', async () => {
  const scope = scopeOf(brand);
  let failing = true;
  // What runs after a commit (the announcements) failing once, for the next commit.
  server.app.orm.em.getEventManager().registerSubscriber({
    afterTransactionCommit: () => {
      if (!failing) return;
      failing = false;
      throw new Error('The announcement failed');
    },
  });
  const results = await Promise.allSettled(
    ['after-1', 'after-2'].map((key) =>
      writeGrouped(scope, async (em) => {
        keyRow(em, brand.community.id, key);
        return key;
      }),
    ),
  );
  // Committed together, so both hear of it; on PostgreSQL the first to commit does.
  expect(results.filter((r) => r.status === 'rejected')).toHaveLength(sqlite ? 2 : 1);
  for (const result of results) {
    if (result.status === 'rejected') expect(String(result.reason)).toContain('The announcement failed');
  }
  expect(await stored(['after-1', 'after-2'])).toEqual(['after-1', 'after-2']);
});
