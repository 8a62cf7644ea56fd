import type { Scope } from '../../core/scope.ts';
import type { ActivityType } from '../../entities/index.ts';
import { Community, Thread } from '../../entities/index.ts';
import { memberFacts } from './facts.ts';
import { type Component, contentKey, DAY_MS, decayed, isRemoval, scoreOf, textOwner } from './model.ts';
import { Replay } from './replay.ts';
import { type RankingSettings, rankingSettings } from './settings.ts';

/** One activity's part in a member's score, in today's value. */
export interface ScoreContribution {
  activityType: ActivityType;
  component: Component;
  /**
   * LOVE and REACH: what it adds today. SENTIMENT: the text's sentiment (-1..1), or null for a
   * text not measured (its language has no lexicon), which is left out of the sentiment.
   */
  value: number | null;
  at: Date;
  thread: Thread | null;
}

export interface ScoreExplanation {
  settings: RankingSettings;
  contributions: ScoreContribution[];
  /** Their texts (still shown) that were not measured, and so are not in their sentiment. */
  unmeasuredTexts: number;
}

const TOP = 10;
/** Strongly felt texts listed, and texts not measured listed (the latest). */
const FELT = 3;

type Found = ScoreContribution & { threadId: string | null; weight: number };

/**
 * Why a member ranks where they do: their activities replayed through the model, and the ones
 * that count most today (love and reach), plus their most strongly felt texts (sentiment) and
 * their latest texts that were not measured.
 */
export async function explainScore(scope: Scope, memberId: string, now = Date.now()): Promise<ScoreExplanation> {
  const community = await scope.em.findOneOrFail(Community, { id: scope.communityId });
  const settings = rankingSettings(community);
  const replay = new Replay(settings);
  const found: Found[] = [];
  // Their unmeasured texts still shown, by content: a removal takes one away, a restore brings it back.
  const unmeasured = new Map<string, Found>();
  for await (const fact of memberFacts(scope.em, scope.communityId, { members: [memberId] })) {
    if (fact.contentSentiment == null && fact.contentAt != null && textOwner(fact) === memberId) {
      const key = contentKey(fact);
      unmeasured.delete(key);
      if (!isRemoval(fact.type)) {
        const at = new Date(fact.contentAt);
        const part = { activityType: fact.type, component: 'SENTIMENT' as const, value: null, at, thread: null };
        // Weighed by when it was written: the latest are the ones listed.
        unmeasured.set(key, { ...part, threadId: fact.thread, weight: fact.contentAt });
      }
    }
    for (const c of replay.apply(fact)) {
      if (c.member !== memberId || c.amount === 0) continue;
      const sentiment = c.component === 'SENTIMENT';
      found.push({
        activityType: fact.type,
        component: c.component,
        value: sentiment
          ? (fact.contentSentiment ?? 0) * Math.sign(c.weight)
          : decayed(c.amount, now, settings.halfLifeDays),
        // Sentiment contributions rank by how strongly felt and how recent.
        weight: sentiment ? Math.abs((fact.contentSentiment ?? 0) * decayed(c.weight, now, settings.halfLifeDays)) : 0,
        at: new Date(fact.at),
        thread: null,
        threadId: fact.thread,
      });
    }
  }
  const top = found
    .filter((c) => c.component !== 'SENTIMENT')
    .sort((a, b) => Math.abs(b.value ?? 0) - Math.abs(a.value ?? 0))
    .slice(0, TOP);
  const felt = found
    .filter((c) => c.component === 'SENTIMENT' && c.value !== 0)
    .sort((a, b) => b.weight - a.weight)
    .slice(0, FELT);
  const latestUnmeasured = [...unmeasured.values()].sort((a, b) => b.weight - a.weight).slice(0, FELT);
  const chosen = [...top, ...felt, ...latestUnmeasured];
  const ids = [...new Set(chosen.map((c) => c.threadId).filter((id): id is string => id != null))];
  const threads = new Map((await scope.em.find(Thread, { id: { $in: ids } })).map((t) => [t.id, t]));
  return {
    settings,
    contributions: chosen.map(({ threadId, weight: _weight, ...c }) => ({
      ...c,
      thread: threadId ? (threads.get(threadId) ?? null) : null,
    })),
    unmeasuredTexts: unmeasured.size,
  };
}

const TREND_DAYS = 30;

/**
 * Members' scores as they stood 30 days ago (in that day's value), for the trend arrows: a replay
 * of their activities up to then.
 */
export async function scoresDaysAgo(scope: Scope, memberIds: string[], now = Date.now()): Promise<Map<string, number>> {
  const community = await scope.em.findOneOrFail(Community, { id: scope.communityId });
  const settings = rankingSettings(community);
  const then = now - TREND_DAYS * DAY_MS;
  const replay = new Replay(settings);
  for await (const fact of memberFacts(scope.em, scope.communityId, { members: memberIds, before: then })) {
    replay.add(fact);
  }
  const scores = new Map<string, number>();
  for (const id of memberIds) {
    const totals = replay.totals.get(id);
    scores.set(id, totals ? decayed(scoreOf(totals, settings), then, settings.halfLifeDays) : 0);
  }
  return scores;
}
