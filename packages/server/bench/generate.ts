/**
 * Generated community data for the benchmarks: members, threads, replies and an activity log
 * spread over two years, deterministic (seeded) so runs compare. Inserted in bulk, outside the
 * ranking's incremental path (the benchmark then measures the full recompute over it).
 */
import type { Em } from '../src/db/em.ts';
import { newId } from '../src/entities/id.ts';
import { Activity, Member, Reply, Thread } from '../src/entities/index.ts';

export interface Sizes {
  members: number;
  activities: number;
}

/** A small, fast, seeded generator (mulberry32). */
export function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
const SPAN = 730 * DAY;
const BATCH = 1000;

/** Inserts rows in batches, outside the unit of work (no entity objects, no subscribers). */
export async function insertAll(em: Em, entity: unknown, rows: Record<string, unknown>[]) {
  for (let i = 0; i < rows.length; i += BATCH) {
    await em.insertMany(entity as never, rows.slice(i, i + BATCH) as never);
  }
}

export async function generate(
  em: Em,
  communityId: string,
  sizes: Sizes,
  onProgress: (what: string) => void = () => {},
): Promise<{ members: string[]; threads: { id: string; author: string; at: number }[] }> {
  const rand = random(42);
  const now = Date.now();
  const start = now - SPAN;
  const pick = <T>(items: T[]) => items[Math.floor(rand() * items.length)] as T;
  // A few members do most of the talking, as in every community (a power law).
  const someone = (members: string[]) => members[Math.floor(members.length * rand() ** 3)] as string;
  const sentiment = () => Math.max(-1, Math.min(1, (rand() + rand() + rand()) / 1.5 - 1 + 0.2));

  const members: string[] = [];
  const memberRows: Record<string, unknown>[] = [];
  for (let i = 0; i < sizes.members; i++) {
    const id = newId();
    const at = new Date(start + rand() * SPAN * 0.9);
    members.push(id);
    memberRows.push({
      id,
      community: communityId,
      kind: 'GUEST',
      displayName: `Member ${i}`,
      firstSeenAt: at,
      lastSeenAt: at,
      createdAt: at,
      updatedAt: at,
    });
  }
  await insertAll(em, Member, memberRows);
  onProgress(`${sizes.members} members`);

  // The log: 5% threads, 25% replies, 50% votes, 15% follows, 2% status changes, 3% share visits.
  const threadCount = Math.round(sizes.activities * 0.05);
  const replyCount = Math.round(sizes.activities * 0.25);
  const threads: { id: string; author: string; at: number }[] = [];
  const threadRows: Record<string, unknown>[] = [];
  const activityRows: Record<string, unknown>[] = [];
  const activity = (type: string, at: number, fields: Record<string, unknown>) =>
    activityRows.push({ id: newId(), community: communityId, type, createdAt: new Date(at), ...fields });
  for (let i = 0; i < threadCount; i++) {
    const id = newId();
    const author = someone(members);
    const at = start + rand() * SPAN;
    threads.push({ id, author, at });
    threadRows.push({
      id,
      community: communityId,
      kind: 'IDEA',
      title: `Idea ${i}`,
      body: 'Generated for the benchmark.',
      status: 'OPEN',
      authorMember: author,
      trendingScore: 0,
      lastActivityAt: new Date(at),
      sentiment: sentiment(),
      sentimentLanguage: 'en',
      createdAt: new Date(at),
      updatedAt: new Date(at),
    });
    activity('THREAD_POSTED', at, { actorMember: author, thread: id });
  }
  await insertAll(em, Thread, threadRows);
  onProgress(`${threadCount} threads`);

  const replyRows: Record<string, unknown>[] = [];
  for (let i = 0; i < replyCount; i++) {
    const thread = pick(threads);
    const author = someone(members);
    const at = thread.at + rand() * (now - thread.at);
    const id = newId();
    replyRows.push({
      id,
      community: communityId,
      thread: thread.id,
      authorMember: author,
      body: 'A generated reply.',
      sentiment: sentiment(),
      sentimentLanguage: 'en',
      createdAt: new Date(at),
      updatedAt: new Date(at),
    });
    activity('REPLY_POSTED', at, {
      actorMember: author,
      subjectMember: author === thread.author ? null : thread.author,
      thread: thread.id,
      reply: id,
    });
  }
  await insertAll(em, Reply, replyRows);
  onProgress(`${replyCount} replies`);

  const rest = sizes.activities - threadCount - replyCount;
  for (let i = 0; i < rest; i++) {
    const thread = pick(threads);
    const at = thread.at + rand() * (now - thread.at);
    const actor = someone(members);
    const subject = actor === thread.author ? null : thread.author;
    const roll = rand();
    if (roll < 0.7) activity('VOTE_ADDED', at, { actorMember: actor, subjectMember: subject, thread: thread.id });
    else if (roll < 0.91) activity('FOLLOWED', at, { actorMember: actor, subjectMember: subject, thread: thread.id });
    else if (roll < 0.94)
      activity('STATUS_CHANGED', at, {
        subjectMember: thread.author,
        thread: thread.id,
        data: { to: pick(['PLANNED', 'SHIPPED', 'UNDER_REVIEW']) },
      });
    else activity('SHARE_VISIT', at, { subjectMember: thread.author, thread: thread.id, data: { visitor: `v${i}` } });
  }
  // The log is written as things happen, so it is stored in time order, as a real one is.
  activityRows.sort((a, b) => (a.createdAt as Date).getTime() - (b.createdAt as Date).getTime());
  await insertAll(em, Activity, activityRows);
  onProgress(`${activityRows.length} activities`);
  return { members, threads };
}
