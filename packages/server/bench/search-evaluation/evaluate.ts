/**
 * How well the similar-threads finder finds a duplicate worded differently: the originals and the
 * distractors of pairs.ts are posted in a fresh community; each duplicate is typed as a new post.
 * recall@5: its original is among the five suggestions. precision@1: the first suggestion is it.
 * For posts with no duplicate (NOVEL), how many suggestions are shown anyway.
 */

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
  recallAt5: number;
  precisionAt1: number;
  /** Mean suggestions shown for a post that has no duplicate. */
  novelSuggestions: number;
  /** Duplicates whose original was not among the five, for reading. */
  missed: string[];
}

export async function evaluateSearch(dialect: Dialect): Promise<SearchQuality> {
  const database = await benchDatabase(dialect);
  const orm: Orm = await openOrm({ databaseUrl: database.url, overrides: { subscribers: [] } });
  const events = createEventBus();
  try {
    await migrate(orm);
    const { community } = await createCommunity(orm.em.fork(), { slug: 'evaluation', name: 'Evaluation', origins: [] });
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
      dialect,
      pairs: PAIRS.length,
      distractors: DISTRACTORS.length,
      recallAt5: found / PAIRS.length,
      precisionAt1: first / PAIRS.length,
      novelSuggestions: shown / Math.max(1, NOVEL.length),
      missed,
    };
  } finally {
    await events.close();
    await orm.close();
    await database.drop();
  }
}
