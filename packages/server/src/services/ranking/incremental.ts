import { raw, wrap } from '@mikro-orm/core';
import { dialectOfEm, type Em } from '../../db/em.ts';
import { type Activity, Community, MemberScore, Reply, Thread } from '../../entities/index.ts';
import { statusReached } from './facts.ts';
import { lockRanking, lockSql } from './lock.ts';
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
  PARTICIPATION_TYPES,
  scoreOf,
  type Totals,
} from './model.ts';
import { type RankingSettings, rankingSettings } from './settings.ts';

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

/**
 * SQL asking whether an activity answering the same question was written before this one (in
 * replay order), as a subquery for `exists (…)`.
 */
function earlierSql(em: Em, fact: ActivityFact, id: string, [kind, a, b]: FirstQuestion): string {
  // Written out, not built by the query builder: it is asked on every write that ranks, and
  // building it was 5.5 % of the server's CPU while posting replies (BENCHMARKS.md, "Posting a
  // reply, written out").
  const platform = em.getPlatform();
  const q = (value: unknown) => platform.quoteValue(value);
  const at = q(new Date(fact.at));
  const is = (column: string, value: unknown) => (value == null ? `e.${column} is null` : `e.${column} = ${q(value)}`);
  let where: string[];
  if (kind === 'day') {
    const start = (b as number) * DAY_MS;
    where = [
      is('actor_member_id', a),
      `e.type in (${PARTICIPATION_TYPES.map(q).join(', ')})`,
      `e.created_at >= ${q(new Date(start))}`,
      `e.created_at < ${q(new Date(start + DAY_MS))}`,
    ];
  } else if (kind === 'vote' || kind === 'reply' || kind === 'follow') {
    where = [is('thread_id', b), is('actor_member_id', a), is('type', KEY_TYPES[kind])];
  } else if (kind === 'helpful') {
    where = [is('thread_id', fact.thread), is('reply_id', a), is('type', 'REPLY_MARKED_HELPFUL')];
  } else {
    // A status change: the status reached is in the activity's data.
    where = [is('thread_id', a), is('type', 'STATUS_CHANGED'), `${statusReached(dialectOfEm(em), 'e')} = ${q(b)}`];
  }
  where.push(`(e.created_at < ${at} or (e.created_at = ${at} and e.id < ${q(id)}))`);
  return `select e.id from activity e where ${where.join(' and ')}`;
}

/** The community's ranking settings: from the identity map when the request loaded it, else asked for. */
function knownSettings(em: Em, communityId: string): RankingSettings | undefined {
  const community = em.getUnitOfWork().getById(Community, communityId);
  return community && wrap(community).isInitialized() ? rankingSettings(community) : undefined;
}

/**
 * The select expressions answering a fact's "first time?" questions and, on PostgreSQL, taking
 * the ranking's shared lock (see lock.ts) before the scores are touched: to fold into one round
 * trip, here or in a write's own read (services/reply-write/read.ts). `answers` reads them from
 * the row.
 */
export function firstsSelect(em: Em, communityId: string, fact: ActivityFact, id: string, prefix = 'q') {
  const questions = firstQuestions(fact);
  const selects = questions.map((q, i) => `exists (${earlierSql(em, fact, id, q)}) as ${prefix}${i}`);
  if (dialectOfEm(em) === 'postgresql') selects.push(`${lockSql(em, communityId, 'shared')} as ${prefix}_locked`);
  const answers = (row: Record<string, unknown> | undefined) => {
    const first = new Map<string, boolean>();
    questions.forEach((q, i) => {
      const earlier = row?.[`${prefix}${i}`];
      first.set(q.join(':'), !(earlier === true || earlier === 1 || earlier === '1'));
    });
    return first;
  };
  return { selects, answers };
}

/**
 * Answers an activity's "first time?" questions in one round trip, which on PostgreSQL also takes
 * the ranking's shared lock, and reads the community's settings when they are not at hand.
 */
async function answerFirsts(em: Em, communityId: string, fact: ActivityFact, id: string, withSettings: boolean) {
  const { selects, answers } = firstsSelect(em, communityId, fact, id);
  if (withSettings) {
    const platform = em.getPlatform();
    selects.push(`(select c.settings from community c where c.id = ${platform.quoteValue(communityId)}) as settings`);
  }
  if (selects.length === 0) return { answers: answers(undefined), settings: undefined };
  const [row] = await em.execute<Record<string, unknown>[]>(`select ${selects.join(', ')}`);
  const raw = row?.settings;
  const stored = typeof raw === 'string' ? JSON.parse(raw) : raw;
  const settings = withSettings ? rankingSettings({ settings: (stored ?? {}) as Community['settings'] }) : undefined;
  return { answers: answers(row), settings };
}

/** What one activity adds to members' scores, its "first time?" questions answered. */
export function scoreChanges(
  fact: ActivityFact,
  settings: RankingSettings,
  answers: Map<string, boolean>,
  changes = new Map<string, Totals>(),
): Map<string, Totals> {
  addContributions(
    changes,
    contributions(fact, settings, (...question) => answers.get(question.join(':')) ?? false),
  );
  return changes;
}

/** A column's value after the update: the stored value plus the change being inserted. */
const after = (column: string) => `(member_score.${column} + excluded.${column})`;
// scoreOf (model.ts) in SQL, over the row's new values.
const sentimentSql = () => {
  const [sum, weight, texts] = [after('sentiment_sum'), after('sentiment_weight'), after('text_count')];
  return `(case when ${texts} > 0 and ${weight} > 0 then (case when ${sum} / ${weight} > 1 then 1 when ${sum} / ${weight} < -1 then -1 else ${sum} / ${weight} end) else 0 end)`;
};
const SCORE_SQL = `(? * ${after('love')} + ? * ${after('reach')}) * (1 + ? * ${sentimentSql()})`;

/**
 * The statement adding members' changes to their stored scores: a member's first row is inserted
 * with the change as its totals; an existing row gets atomic increments and its score again from
 * the new values.
 */
export function scoresUpsert(em: Em, communityId: string, changes: Map<string, Totals>, s: RankingSettings) {
  const now = new Date();
  // In the members' order: two writes touching the same two members lock their rows in the same
  // order, so they wait for each other instead of deadlocking.
  const rows = [...changes]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([member, t]) => ({
      member,
      community: communityId,
      ...t,
      score: scoreOf(t, s),
      updatedAt: now,
    }));
  return em
    .createQueryBuilder(MemberScore)
    .insert(rows as never)
    .onConflict('member')
    .merge({
      love: raw(after('love')),
      reach: raw(after('reach')),
      sentimentSum: raw(after('sentiment_sum')),
      sentimentWeight: raw(after('sentiment_weight')),
      textCount: raw(after('text_count')),
      score: raw(SCORE_SQL, [s.score.love, s.score.reach, s.score.sentiment]),
      updatedAt: now,
    } as never);
}

async function addToScores(em: Em, communityId: string, changes: Map<string, Totals>, s: RankingSettings) {
  await scoresUpsert(em, communityId, changes, s).execute();
}

/**
 * Applies activities just written (in their transaction) to the stored scores: what the full
 * recompute would add for them, asked of the database instead of a replay's memory.
 */
export async function applyActivities(em: Em, activities: Activity[]): Promise<void> {
  const byCommunity = new Map<string, Activity[]>();
  for (const a of activities) byCommunity.set(a.community.id, [...(byCommunity.get(a.community.id) ?? []), a]);
  for (const [communityId, list] of byCommunity) {
    let settings = knownSettings(em, communityId);
    const changes = new Map<string, Totals>();
    for (const activity of list) {
      const fact = await factOf(em, activity);
      const asked = await answerFirsts(em, communityId, fact, activity.id, settings === undefined);
      settings ??= asked.settings as RankingSettings;
      scoreChanges(fact, settings, asked.answers, changes);
    }
    // The shared lock is held already (answerFirsts took it with the answers).
    if (changes.size > 0 && settings) await addToScores(em, communityId, changes, settings);
  }
}

/**
 * A visible text was edited: its sentiment changes, so its author's does (weighted as when it
 * was written). A text measured before and not now (or the other way) leaves (or joins) the
 * measured texts altogether. Call in the transaction of the edit.
 */
export async function applySentimentChange(
  em: Em,
  communityId: string,
  author: string | null,
  writtenAt: Date,
  before: number | string | null | undefined,
  after: number | null,
): Promise<void> {
  const old = before == null ? null : Number(before);
  if (!author || old === after) return;
  const community = await em.findOneOrFail(Community, { id: communityId }, { flushMode: 'commit' });
  const settings = rankingSettings(community);
  const g = growth(writtenAt.getTime(), settings.halfLifeDays);
  const totals = emptyTotals();
  totals.sentimentSum = ((after ?? 0) - (old ?? 0)) * g;
  const texts = (after == null ? 0 : 1) - (old == null ? 0 : 1);
  totals.sentimentWeight = texts * g;
  totals.textCount = texts;
  await lockRanking(em, communityId, 'shared');
  await addToScores(em, communityId, new Map([[author, totals]]), settings);
}

/**
 * One member's ranking totals join another's (a guest brought into a signed-in account): the
 * totals are sums, so they add. Call in the transaction that moves the activity itself.
 */
export async function moveScore(em: Em, communityId: string, from: string, to: string): Promise<void> {
  await lockRanking(em, communityId, 'shared');
  const row = await em.findOne(MemberScore, { member: from });
  if (!row) return;
  const community = await em.findOneOrFail(Community, { id: communityId });
  const totals: Totals = {
    love: row.love,
    reach: row.reach,
    sentimentSum: row.sentimentSum,
    sentimentWeight: row.sentimentWeight,
    textCount: row.textCount,
  };
  em.remove(row);
  await em.flush();
  await addToScores(em, communityId, new Map([[to, totals]]), rankingSettings(community));
}
