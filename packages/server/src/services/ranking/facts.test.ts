/**
 * Reading the activity log for a full recompute, on the test database (SQLite, or PostgreSQL with
 * DATABASE_URL): every activity once, oldest first, ties in time broken by id, also when the log
 * spans many pages (PostgreSQL reads it page by page from the last (time, id) seen).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindEm } from '../../core/scope.ts';
import type { Orm } from '../../db/em.ts';
import { migrate, openOrm } from '../../db/orm.ts';
import { newId } from '../../entities/id.ts';
import { Activity, Member, Reply, Thread } from '../../entities/index.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/database.ts';
import { createCommunity } from '../communities.ts';
import { scanFacts } from './facts.ts';
import type { ActivityFact } from './model.ts';

let database: TestDatabase;
let orm: Orm;
let communityId: string;
/** The log as written: [id, type, at, actor, thread, reply], in (time, id) order. */
let expected: [string, string, number, string, string, string | null][] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  orm = await openOrm({ databaseUrl: database.url, overrides: { subscribers: [] } });
  await migrate(orm);
  const { community } = await createCommunity(orm.em.fork(), { slug: 'facts', name: 'Facts', origins: [] });
  communityId = community.id;
  const em = bindEm(orm.em.fork(), communityId);
  const start = Date.UTC(2026, 0, 1);
  const members = Array.from({ length: 3 }, (_, i) => ({
    id: newId(),
    community: communityId,
    kind: 'GUEST',
    displayName: `M${i}`,
    firstSeenAt: new Date(start),
    lastSeenAt: new Date(start),
    createdAt: new Date(start),
    updatedAt: new Date(start),
  }));
  await em.insertMany(Member, members as never);
  const thread = { id: newId(), at: start + 1000, author: members[0]?.id as string };
  await em.insertMany(Thread, [
    {
      id: thread.id,
      community: communityId,
      kind: 'IDEA',
      title: 'T',
      body: 'B',
      status: 'OPEN',
      authorMember: thread.author,
      trendingScore: 0,
      lastActivityAt: new Date(thread.at),
      sentiment: 0.5,
      createdAt: new Date(thread.at),
      updatedAt: new Date(thread.at),
    },
  ] as never);
  const rows: Record<string, unknown>[] = [];
  const replies: Record<string, unknown>[] = [];
  // 23 activities, several at the same millisecond, so pages of 4 split ties.
  for (let i = 0; i < 23; i++) {
    const at = thread.at + Math.floor(i / 3) * 1000;
    const actor = members[i % 3]?.id as string;
    const type = i % 2 === 0 ? 'VOTE_ADDED' : 'REPLY_POSTED';
    const reply = type === 'REPLY_POSTED' ? newId() : null;
    if (reply) {
      replies.push({
        id: reply,
        community: communityId,
        thread: thread.id,
        authorMember: actor,
        body: 'R',
        sentiment: -0.25,
        createdAt: new Date(at),
        updatedAt: new Date(at),
      });
    }
    const id = newId();
    rows.push({
      id,
      community: communityId,
      type,
      actorMember: actor,
      thread: thread.id,
      reply,
      createdAt: new Date(at),
    });
    expected.push([id, type, at, actor, thread.id, reply]);
  }
  await em.insertMany(Reply, replies as never);
  // Written in reverse, so the scan's order cannot come from the order of insertion.
  await em.insertMany(Activity, [...rows].reverse() as never);
  expected = expected.sort((a, b) => a[2] - b[2] || (a[0] < b[0] ? -1 : 1));
});

afterAll(async () => {
  await orm?.close();
  await database?.drop();
});

async function scan(pageSize?: number) {
  const seen: Omit<ActivityFact, 'subject' | 'status'>[] = [];
  const count = await orm.em.fork().transactional((tx) =>
    scanFacts(
      tx,
      communityId,
      (f) =>
        seen.push({
          type: f.type,
          at: f.at,
          actor: f.actor,
          thread: f.thread,
          reply: f.reply,
          contentAt: f.contentAt,
          contentSentiment: f.contentSentiment,
        }),
      pageSize,
    ),
  );
  return { count, seen };
}

describe('scanFacts', () => {
  it('reads every activity once, in (time, id) order, whatever the page size', async () => {
    const want = expected.map(([, type, at, actor, thread, reply]) => ({
      type,
      at,
      actor,
      thread,
      reply,
      contentAt: type === 'REPLY_POSTED' ? at : null,
      contentSentiment: type === 'REPLY_POSTED' ? -0.25 : null,
    }));
    for (const pageSize of [1, 4, 23, 1000, undefined]) {
      const { count, seen } = await scan(pageSize);
      expect(count, `page size ${pageSize}`).toBe(23);
      expect(seen, `page size ${pageSize}`).toEqual(want);
    }
  });

  it('reads nothing for a community without activity', async () => {
    const { community } = await createCommunity(orm.em.fork(), { slug: 'empty', name: 'Empty', origins: [] });
    const count = await orm.em.fork().transactional((tx) => scanFacts(tx, community.id, () => {}, 2));
    expect(count).toBe(0);
  });
});
