import type { Em } from '../../db/orm.ts';
import { Activity, Community, MemberScore, Reply, Thread } from '../../entities/index.ts';
import { sentimentOf, threadSentiment } from '../sentiment.ts';
import { allFacts } from './facts.ts';
import { lockRanking } from './lock.ts';
import { scoreOf } from './model.ts';
import { Replay } from './replay.ts';
import { rankingSettings } from './settings.ts';

export interface RecomputeResult {
  members: number;
  activities: number;
  milliseconds: number;
}

export interface RecomputeOptions {
  /** Called every few thousand activities (the CLI's progress bar). */
  onProgress?(done: number, total: number): void;
}

const BATCH = 1000;
const tenantOff = { filters: { tenant: false } } as const;

/**
 * Recomputes a community's ranking from its whole activity log: every member's love, reach,
 * sentiment and score, replacing what the incremental updates kept. The same model as they use,
 * so the numbers agree (tested). Texts written before sentiment was stored get it first.
 */
export async function recomputeRanking(
  em: Em,
  communityId: string,
  options: RecomputeOptions = {},
): Promise<RecomputeResult> {
  const started = performance.now();
  const work = em.fork({ clear: true });
  await fillMissingSentiment(work, communityId);
  const community = await work.findOneOrFail(Community, { id: communityId });
  const settings = rankingSettings(community);
  return work.transactional(async (tx) => {
    await lockRanking(tx, communityId, 'exclusive');
    // Delete first: on SQLite the write lock is then ours before anything is read.
    await tx.nativeDelete(MemberScore, { community: communityId }, tenantOff);
    const total = await tx.count(Activity, { community: communityId }, tenantOff);
    const replay = new Replay(settings);
    let done = 0;
    for await (const batch of allFacts(tx, communityId)) {
      for (const fact of batch) replay.apply(fact);
      done += batch.length;
      options.onProgress?.(done, total);
    }
    if (done === 0) options.onProgress?.(0, 0);
    const now = new Date();
    let rows: Record<string, unknown>[] = [];
    for (const [member, totals] of replay.totals) {
      rows.push({ member, community: communityId, ...totals, score: scoreOf(totals, settings), updatedAt: now });
      if (rows.length === BATCH) {
        await tx.insertMany(MemberScore, rows as never);
        rows = [];
      }
    }
    if (rows.length) await tx.insertMany(MemberScore, rows as never);
    return { members: replay.totals.size, activities: done, milliseconds: Math.round(performance.now() - started) };
  });
}

/** Threads and replies written before sentiment was kept with the text get it now. */
async function fillMissingSentiment(em: Em, communityId: string): Promise<void> {
  for (;;) {
    const threads = await em.find(Thread, { community: communityId, sentiment: null }, { ...tenantOff, limit: BATCH });
    for (const thread of threads) thread.sentiment = threadSentiment(thread.title, thread.body);
    const replies = await em.find(Reply, { community: communityId, sentiment: null }, { ...tenantOff, limit: BATCH });
    for (const reply of replies) reply.sentiment = sentimentOf(reply.body);
    await em.flush();
    em.clear();
    if (threads.length < BATCH && replies.length < BATCH) return;
  }
}
