/**
 * How well the similar-threads finder finds a duplicate worded differently: the originals and the
 * distractors of pairs.ts are posted in a fresh community; each duplicate is typed as a new post.
 * recall@5: its original is among the five suggestions. precision@1: the first suggestion is it.
 * For posts with no duplicate (NOVEL), how many suggestions are shown anyway.
 *
 * Threads alike for the finder (the same words, votes and age) are ordered by their ids, which
 * are random: on PostgreSQL, whose relevance has coarser steps than SQLite's, recall@5 moved
 * between 0.784 and 0.802 from one run to the next. So the set is posted afresh DRAWS times and
 * the mean is reported, with its range.
 */

import type { EventBus } from '../../src/core/events.ts';
import { openScope } from '../../src/core/scope.ts';
import type { Dialect, Orm } from '../../src/db/em.ts';
import { migrate, openOrm } from '../../src/db/orm.ts';
import { newId } from '../../src/entities/id.ts';
import { Thread } from '../../src/entities/index.ts';
import { createEventBus } from '../../src/live/event-bus.ts';
import { createCommunity } from '../../src/services/communities.ts';
import { similarThreads } from '../../src/services/search/find.ts';
import { benchDatabase } from '../database.ts';
import { insertAll } from '../generate.ts';
import { DISTRACTORS, type EvaluationThread, NOVEL, PAIRS } from './pairs.ts';

export interface SearchQuality {
  dialect: Dialect;
  pairs: number;
  distractors: number;
  /** Means over the draws. */
  recallAt5: number;
  precisionAt1: number;
  /** The lowest and highest recall@5 of one draw. */
  recallRange: [number, number];
  draws: number;
  /** Mean suggestions shown for a post that has no duplicate. */
  novelSuggestions: number;
  /** Duplicates whose original was not among the five in some draw (how many), for reading. */
  missed: string[];
}

/** How many times the set is posted afresh (with new ids) and evaluated. */
export const DRAWS = 5;

export async function evaluateSearch(dialect: Dialect, draws = DRAWS): Promise<SearchQuality> {
  const database = await benchDatabase(dialect);
  const orm: Orm = await openOrm({ databaseUrl: database.url, overrides: { subscribers: [] } });
  const events = createEventBus();
  const runs: Draw[] = [];
  try {
    await migrate(orm);
    // Each draw in a community of its own: what the finder reads is the community's alone.
    for (let i = 0; i < draws; i++) runs.push(await evaluateOnce(orm, events, `evaluation-${i}`));
  } finally {
    await events.close();
    await orm.close();
    await database.drop();
  }
  const mean = (value: (run: Draw) => number) => runs.reduce((sum, run) => sum + value(run), 0) / runs.length;
  const recalls = runs.map((run) => run.recallAt5);
  const missedCount = new Map<string, number>();
  for (const run of runs) for (const m of run.missed) missedCount.set(m, (missedCount.get(m) ?? 0) + 1);
  return {
    dialect,
    pairs: PAIRS.length,
    distractors: DISTRACTORS.length,
    recallAt5: mean((run) => run.recallAt5),
    precisionAt1: mean((run) => run.precisionAt1),
    recallRange: [Math.min(...recalls), Math.max(...recalls)],
    draws,
    novelSuggestions: mean((run) => run.novelSuggestions),
    missed: [...missedCount].map(([m, n]) => (n === draws ? m : `${m} (in ${n} of ${draws} draws)`)),
  };
}

interface Draw {
  recallAt5: number;
  precisionAt1: number;
  novelSuggestions: number;
  missed: string[];
}

async function evaluateOnce(orm: Orm, events: EventBus, slug: string): Promise<Draw> {
  const { community } = await createCommunity(orm.em.fork(), { slug, name: 'Evaluation', origins: [] });
  const at = new Date('2026-06-01T00:00:00Z');
  const row = (t: EvaluationThread) => ({
    id: newId(),
    community: community.id,
    kind: 'IDEA',
    title: t.title,
    body: t.body,
    status: 'OPEN',
    trendingScore: 0,
    lastActivityAt: at,
    createdAt: at,
    updatedAt: at,
  });
  const originals = PAIRS.map((p) => row(p.original));
  await insertAll(orm.em.fork(), Thread, [...originals, ...DISTRACTORS.map(row)]);

  let found = 0;
  let first = 0;
  const missed: string[] = [];
  for (const [i, pair] of PAIRS.entries()) {
    const scope = openScope(orm.em.fork(), community.id, events);
    const suggested = await similarThreads(scope, { title: pair.duplicate.title, body: pair.duplicate.body });
    const rank = suggested.findIndex((t) => t.id === originals[i]?.id);
    if (rank >= 0) found++;
    else missed.push(`${pair.duplicate.title} → ${pair.original.title}`);
    if (rank === 0) first++;
  }
  let shown = 0;
  for (const post of NOVEL) {
    const scope = openScope(orm.em.fork(), community.id, events);
    shown += (await similarThreads(scope, { title: post.title, body: post.body })).length;
  }
  return {
    recallAt5: found / PAIRS.length,
    precisionAt1: first / PAIRS.length,
    novelSuggestions: shown / Math.max(1, NOVEL.length),
    missed,
  };
}
