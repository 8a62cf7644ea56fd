/**
 * The ranking at scale: generated data of (by default) 100k members and 1M activities, on SQLite
 * and on PostgreSQL; the full recompute's time, the incremental update's time per activity, and a
 * check that both give the same numbers.
 */
import { performance } from 'node:perf_hooks';
import { bindEm } from '../src/core/scope.ts';
import type { Dialect, Em, Orm } from '../src/db/em.ts';
import { migrate, openOrm } from '../src/db/orm.ts';
import { Activity, MemberScore, Thread } from '../src/entities/index.ts';
import { createCommunity } from '../src/services/communities.ts';
import { applyActivities } from '../src/services/ranking/incremental.ts';
import { recomputeRanking } from '../src/services/ranking/recompute.ts';
import { benchDatabase } from './database.ts';
import { generate, type Sizes } from './generate.ts';
import { percentile } from './report.ts';

export interface RankingResult {
  dialect: Dialect;
  sizes: Sizes;
  generateSeconds: number;
  recomputeSeconds: number;
  recomputedMembers: number;
  incremental: { count: number; meanMs: number; medianMs: number; p95Ms: number };
  /** Largest relative difference between incremental and recomputed scores. */
  largestDifference: number;
}

async function scores(em: Em, communityId: string): Promise<Map<string, number>> {
  const rows = await em.find(
    MemberScore,
    { community: communityId },
    { filters: { tenant: false }, fields: ['score'] },
  );
  return new Map(rows.map((r) => [r.member.id, r.score]));
}

export async function benchRanking(
  dialect: Dialect,
  sizes: Sizes,
  log: (line: string) => void,
  incrementalCount = 1000,
): Promise<RankingResult> {
  const database = await benchDatabase(dialect);
  // Incremental updates are called by hand below, to time them apart from the insert.
  const orm: Orm = await openOrm({ databaseUrl: database.url, overrides: { subscribers: [] } });
  try {
    await migrate(orm);
    const { community } = await createCommunity(orm.em.fork(), { slug: 'bench', name: 'Bench', origins: [] });
    const em = bindEm(orm.em.fork(), community.id);

    let t = performance.now();
    const data = await generate(em, community.id, sizes, (what) => log(`  ${dialect}: generated ${what}`));
    // A real log this size grew over months, with autovacuum passing behind it; a bulk load is
    // fresh, and the first scan of it would pay for the load (setting hint bits on every page,
    // no visibility map, no statistics). Let the database settle as it would have.
    if (dialect === 'postgresql') await em.getConnection().execute('vacuum analyze');
    const generateSeconds = (performance.now() - t) / 1000;

    t = performance.now();
    const recomputed = await recomputeRanking(em, community.id, {
      onProgress: (done, total) => done === total && total > 0 && log(`  ${dialect}: replayed ${done} activities`),
    });
    const recomputeSeconds = (performance.now() - t) / 1000;
    log(`  ${dialect}: full recompute ${recomputeSeconds.toFixed(2)} s`);

    // New activity, one at a time as people act: each in its transaction, its ranking update timed.
    const times: number[] = [];
    const types = ['VOTE_ADDED', 'REPLY_POSTED', 'FOLLOWED', 'THREAD_POSTED'] as const;
    for (let i = 0; i < incrementalCount; i++) {
      const thread = data.threads[(i * 7919) % data.threads.length] as (typeof data.threads)[number];
      const actor = data.members[(i * 104_729) % data.members.length] as string;
      const type = types[i % types.length] as (typeof types)[number];
      await em.fork().transactional(async (tx) => {
        // The services load the thread an activity is about (to check it and update its counts).
        const loaded = await tx.findOneOrFail(Thread, { id: thread.id });
        const activity = tx.create(Activity, {
          community: community.id,
          type,
          actorMember: actor,
          subjectMember: type === 'THREAD_POSTED' || actor === thread.author ? null : thread.author,
          thread: loaded,
        });
        await tx.flush();
        const started = performance.now();
        await applyActivities(tx, [activity]);
        times.push(performance.now() - started);
      });
    }
    times.sort((a, b) => a - b);
    const incremental = {
      count: times.length,
      meanMs: times.reduce((s, x) => s + x, 0) / Math.max(1, times.length),
      medianMs: percentile(times, 0.5),
      p95Ms: percentile(times, 0.95),
    };
    log(
      `  ${dialect}: incremental ${incremental.meanMs.toFixed(2)} ms per activity (median ${incremental.medianMs.toFixed(2)})`,
    );

    // The same numbers: what the incremental updates made, against a recompute from scratch.
    const kept = await scores(em, community.id);
    await recomputeRanking(em, community.id);
    const fresh = await scores(em, community.id);
    let largestDifference = kept.size === fresh.size ? 0 : 1;
    for (const [member, score] of fresh) {
      const difference = Math.abs(score - (kept.get(member) ?? 0)) / Math.max(1, Math.abs(score));
      largestDifference = Math.max(largestDifference, difference);
    }
    return {
      dialect,
      sizes,
      generateSeconds,
      recomputeSeconds,
      recomputedMembers: recomputed.members,
      incremental,
      largestDifference,
    };
  } finally {
    await orm.close();
    await database.drop();
  }
}
