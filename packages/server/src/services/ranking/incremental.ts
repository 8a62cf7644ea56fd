import { raw, wrap } from '@mikro-orm/core';
import type { Em } from '../../db/orm.ts';
import { Activity, Community, MemberScore, Reply, Thread } from '../../entities/index.ts';
import { lockRanking } from './lock.ts';
import {
  type ActivityFact,
  addContributions,
  contributions,
  DAY_MS,
  emptyTotals,
  type FirstQuestion,
  firstQuestions,
  growth,
  isReplyEvent,
  type Totals,
} from './model.ts';
import { type RankingSettings, rankingSettings } from './settings.ts';

const PARTICIPATION = ['THREAD_POSTED', 'REPLY_POSTED', 'VOTE_ADDED', 'FOLLOWED'] as const;
const KEY_TYPES = { vote: 'VOTE_ADDED', reply: 'REPLY_POSTED', follow: 'FOLLOWED' } as const;

/**
 * The model's view of an activity that was just written. Its thread or reply is usually at hand
 * (the service just wrote or loaded it); when only a reference is, it is read.
 */
async function factOf(em: Em, activity: Activity): Promise<ActivityFact> {
  const content: Thread | Reply | null | undefined = isReplyEvent(activity.type) ? activity.reply : activity.thread;
  let contentAt = content?.createdAt?.getTime() ?? null;
  let contentSentiment = content?.sentiment == null ? null : Number(content.sentiment);
  if (content && !wrap(content).isInitialized()) {
    const [row] = await em
      .createQueryBuilder((content instanceof Reply ? Reply : Thread) as typeof Thread)
      .select(['createdAt', 'sentiment'])
      .where({ id: content.id })
      .execute<{ createdAt: Date; sentiment: number | null }[]>('all', true);
    contentAt = row ? new Date(row.createdAt).getTime() : null;
    contentSentiment = row?.sentiment == null ? null : Number(row.sentiment);
  }
  return {
    type: activity.type,
    at: activity.createdAt.getTime(),
    actor: activity.actorMember?.id ?? null,
    subject: activity.subjectMember?.id ?? null,
    thread: activity.thread?.id ?? null,
    reply: activity.reply?.id ?? null,
    contentAt,
    contentSentiment,
    status: typeof activity.data?.to === 'string' ? activity.data.to : null,
  };
}

/** Whether an activity answering the same question was written before this one (in replay order). */
async function existsEarlier(em: Em, fact: ActivityFact, id: string, [kind, a, b]: FirstQuestion): Promise<boolean> {
  const at = new Date(fact.at);
  const earlier = { $or: [{ createdAt: { $lt: at } }, { createdAt: at, id: { $lt: id } }] };
  let where: Record<string, unknown>;
  if (kind === 'day') {
    const start = (b as number) * DAY_MS;
    where = {
      actorMember: a,
      type: { $in: PARTICIPATION },
      createdAt: { $gte: new Date(start), $lt: new Date(start + DAY_MS) },
    };
  } else if (kind === 'vote' || kind === 'reply' || kind === 'follow') {
    where = { thread: b, actorMember: a, type: KEY_TYPES[kind] };
  } else if (kind === 'helpful') {
    where = { thread: fact.thread, reply: a, type: 'REPLY_MARKED_HELPFUL' };
  } else {
    // The status is in the activity's data.
    const changes = await em
      .createQueryBuilder(Activity)
      .select(['id', 'data'])
      .where({ thread: a, type: 'STATUS_CHANGED', ...earlier })
      .execute<{ data: string | Record<string, unknown> | null }[]>('all', false);
    return changes.some((row) => {
      const data = typeof row.data === 'string' ? JSON.parse(row.data) : row.data;
      return data?.to === b;
    });
  }
  const found = await em
    .createQueryBuilder(Activity)
    .select('id')
    .where({ $and: [where, earlier] })
    .limit(1)
    .execute<unknown[]>('all', false);
  return found.length > 0;
}

/** Adds members' changes to their stored scores: atomic increments, then the score again. */
async function addToScores(em: Em, communityId: string, changes: Map<string, Totals>, s: RankingSettings) {
  for (const [member, t] of changes) {
    await em
      .createQueryBuilder(MemberScore)
      .insert({ member, community: communityId, updatedAt: new Date() })
      .onConflict('member')
      .ignore()
      .execute();
    await em.nativeUpdate(MemberScore, { member }, {
      love: raw('love + ?', [t.love]),
      reach: raw('reach + ?', [t.reach]),
      sentimentSum: raw('sentiment_sum + ?', [t.sentimentSum]),
      sentimentWeight: raw('sentiment_weight + ?', [t.sentimentWeight]),
      textCount: raw('text_count + ?', [t.textCount]),
      updatedAt: new Date(),
    } as never);
    await em.nativeUpdate(MemberScore, { member }, { score: raw(scoreSql, scoreParams(s)) } as never);
  }
}

// scoreOf (model.ts) in SQL, over the row's new values.
const sentimentSql =
  '(case when text_count > 0 and sentiment_weight > 0 then (case when sentiment_sum / sentiment_weight > 1 then 1 ' +
  'when sentiment_sum / sentiment_weight < -1 then -1 else sentiment_sum / sentiment_weight end) else 0 end)';
const scoreSql = `(? * love + ? * reach) * (1 + ? * ${sentimentSql})`;
const scoreParams = (s: RankingSettings) => [s.score.love, s.score.reach, s.score.sentiment];

/**
 * Applies activities just written (in their transaction) to the stored scores: what the full
 * recompute would add for them, asked of the database instead of a replay's memory.
 */
export async function applyActivities(em: Em, activities: Activity[]): Promise<void> {
  const byCommunity = new Map<string, Activity[]>();
  for (const a of activities) byCommunity.set(a.community.id, [...(byCommunity.get(a.community.id) ?? []), a]);
  for (const [communityId, list] of byCommunity) {
    const community = await em.findOneOrFail(Community, { id: communityId }, { flushMode: 'commit' });
    const settings = rankingSettings(community);
    const changes = new Map<string, Totals>();
    for (const activity of list) {
      const fact = await factOf(em, activity);
      const answers = new Map<string, boolean>();
      for (const question of firstQuestions(fact)) {
        answers.set(question.join(':'), !(await existsEarlier(em, fact, activity.id, question)));
      }
      addContributions(
        changes,
        contributions(fact, settings, (...question) => answers.get(question.join(':')) ?? false),
      );
    }
    if (changes.size === 0) continue;
    await lockRanking(em, communityId, 'shared');
    await addToScores(em, communityId, changes, settings);
  }
}

/**
 * A visible text was edited: its sentiment changes, so its author's does (weighted as when it
 * was written). Call in the transaction of the edit.
 */
export async function applySentimentChange(
  em: Em,
  communityId: string,
  author: string | null,
  writtenAt: Date,
  before: number | string | null | undefined,
  after: number,
): Promise<void> {
  const old = before == null ? 0 : Number(before);
  if (!author || old === after) return;
  const community = await em.findOneOrFail(Community, { id: communityId }, { flushMode: 'commit' });
  const settings = rankingSettings(community);
  const totals = emptyTotals();
  totals.sentimentSum = (after - old) * growth(writtenAt.getTime(), settings.halfLifeDays);
  await lockRanking(em, communityId, 'shared');
  await addToScores(em, communityId, new Map([[author, totals]]), settings);
}
