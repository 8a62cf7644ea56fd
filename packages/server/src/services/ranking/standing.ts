import { type FilterQuery, raw } from '@mikro-orm/core';
import { badInput } from '../../core/errors.ts';
import type { RowScope, Scope } from '../../core/scope.ts';
import { pageSize } from '../../core/validation.ts';
import { Activity, Community, type Member, MemberScore } from '../../entities/index.ts';
import { DAY_MS, decayed, sentimentOfTotals } from './model.ts';
import { type RankingSettings, rankingSettings } from './settings.ts';

export const SEGMENTS = ['ALL', 'AMBASSADORS', 'SUGGESTED', 'CRITICS'] as const;
export type Segment = (typeof SEGMENTS)[number];

/** A member's standing today: the stored values brought to today, and where they are placed. */
export interface Standing {
  member: Member;
  /** 1 = the highest score in the community. */
  rank: number;
  score: number;
  love: number;
  reach: number;
  /** Null: none of their texts measured (see sentimentOfTotals). */
  sentiment: number | null;
  /** Their measured texts. */
  textCount: number;
  isSuggested: boolean;
  isCritic: boolean;
  row: MemberScore;
  /** The members shown together (a page): their trends are worked out in one replay. */
  batch: { ids: string[]; trends?: Promise<Map<string, number>> };
}

/** What places members in segments, worked out once per request. */
export interface Thresholds {
  settings: RankingSettings;
  now: number;
  /** Stored score at the ambassador percentile (Infinity when nobody scores). */
  score: number;
  /** Stored reach at the critics' percentile. */
  reach: number;
  /** Members active enough lately to be suggested. */
  recentlyActive: Set<string>;
}

/** The stored value at a percentile of those above zero (e.g. 90: the top tenth start here). */
async function percentileOf(scope: RowScope, column: 'score' | 'reach', percentile: number): Promise<number> {
  const positive = { [column]: { $gt: 0 } } as FilterQuery<MemberScore>;
  const count = await scope.em.count(MemberScore, positive);
  if (count === 0) return Number.POSITIVE_INFINITY;
  const offset = Math.min(count - 1, Math.floor(count * (1 - percentile / 100)));
  const [row] = await scope.em.find(MemberScore, positive, {
    orderBy: { [column]: 'desc' },
    offset,
    limit: 1,
    fields: [column],
  });
  return row ? Number(row[column]) : Number.POSITIVE_INFINITY;
}

/** The stored score at or above which a member is in the top (100 − percentile) %. */
export async function scoreAtPercentile(scope: RowScope, percentile: number): Promise<number> {
  return cutOff(await percentileOf(scope, 'score', percentile));
}

export async function thresholds(scope: RowScope, now = Date.now()): Promise<Thresholds> {
  const community = await scope.em.findOneOrFail(Community, { id: scope.communityId });
  const settings = rankingSettings(community);
  const since = new Date(now - settings.ambassadors.recentDays * DAY_MS);
  const recent = await scope.em
    .createQueryBuilder(Activity)
    .select(['actorMember', raw('count(*) as n')])
    .where({ createdAt: { $gte: since }, actorMember: { $ne: null } })
    .groupBy('actorMember')
    .having({ [raw('count(*)')]: { $gte: settings.ambassadors.minRecentActivities } })
    .execute<{ actor_member_id?: string; actorMember?: string }[]>('all', false);
  return {
    settings,
    now,
    score: await percentileOf(scope, 'score', settings.ambassadors.percentile),
    reach: await percentileOf(scope, 'reach', settings.critics.reachPercentile),
    recentlyActive: new Set(recent.map((r) => (r.actor_member_id ?? r.actorMember) as string)),
  };
}

/**
 * A stored value at or above a cut-off taken from the same column. Stored values are sums of
 * floating-point contributions: two people with the same reach can differ in the ninth digit, and
 * the one just below the cut-off was left out. Equal within a billionth counts as equal.
 */
const TIE = 1e-9;
export const cutOff = (threshold: number) => (threshold > 0 ? threshold * (1 - TIE) : threshold);

const isSuggestedRow = (row: MemberScore, member: Member, t: Thresholds) =>
  !member.ambassadorFlaggedAt &&
  !member.suspendedAt &&
  row.score > 0 &&
  row.score >= cutOff(t.score) &&
  // Unmeasured sentiment does not stand in the way (as for a member who only votes).
  (sentimentOfTotals(row) ?? 0) >= 0 &&
  t.recentlyActive.has(member.id);

/** A critic's negativity is measured: texts not measured never make (or unmake) one. */
const isCriticRow = (row: MemberScore, t: Thresholds) => {
  const sentiment = sentimentOfTotals(row);
  return (
    row.reach > 0 &&
    row.reach >= cutOff(t.reach) &&
    row.textCount >= t.settings.critics.minTexts &&
    sentiment != null &&
    sentiment <= t.settings.critics.maxSentiment
  );
};

/** The filter of each segment, in SQL where it can be (suggestions are narrowed further in memory). */
/**
 * Who is ranked: never an erased member (their score stays, for the numbers to add up) nor a
 * suspended one (their score stays too, for when the suspension is lifted).
 */
const RANKED = { member: { erasedAt: null, suspendedAt: null } } as const;

/** A segment's rows, of ranked members only. */
function segmentWhere(segment: Segment, t: Thresholds): FilterQuery<MemberScore> {
  return { $and: [segmentRows(segment, t), RANKED] } as FilterQuery<MemberScore>;
}

function segmentRows(segment: Segment, t: Thresholds): FilterQuery<MemberScore> {
  switch (segment) {
    case 'AMBASSADORS':
      return { member: { ambassadorFlaggedAt: { $ne: null } } };
    case 'SUGGESTED':
      return {
        score: { $gt: 0, $gte: cutOff(t.score) },
        sentimentSum: { $gte: 0 },
        member: { ambassadorFlaggedAt: null, suspendedAt: null },
      };
    case 'CRITICS':
      return {
        reach: { $gt: 0, $gte: cutOff(t.reach) },
        textCount: { $gte: t.settings.critics.minTexts, $gt: 0 },
        sentimentWeight: { $gt: 0 },
        [raw('sentiment_sum - ? * sentiment_weight', [t.settings.critics.maxSentiment])]: { $lte: 0 },
      } as FilterQuery<MemberScore>;
    default:
      return { score: { $gt: 0 } };
  }
}

async function rankOf(scope: Scope, row: MemberScore): Promise<number> {
  return (await scope.em.count(MemberScore, { score: { $gt: row.score }, ...RANKED })) + 1;
}

function standingOf(row: MemberScore, rank: number, t: Thresholds, batch: Standing['batch']): Standing {
  const h = t.settings.halfLifeDays;
  return {
    member: row.member as Member,
    rank,
    score: decayed(row.score, t.now, h),
    love: decayed(row.love, t.now, h),
    reach: decayed(row.reach, t.now, h),
    sentiment: sentimentOfTotals(row),
    textCount: row.textCount,
    isSuggested: isSuggestedRow(row, row.member as Member, t),
    isCritic: isCriticRow(row, t),
    row,
    batch,
  };
}

export interface RankingPage {
  standings: Standing[];
  offset: number;
  hasNextPage: boolean;
  /** The rules the segments were chosen by (to explain them). */
  settings: RankingSettings;
}

const cursorOf = (offset: number) => Buffer.from(`rank:${offset}`).toString('base64');
export const rankingCursor = cursorOf;

function offsetOf(after: string | null | undefined): number {
  if (!after) return 0;
  const match = /^rank:(\d{1,9})$/.exec(Buffer.from(after, 'base64').toString());
  if (!match) throw badInput('error.staleCursor', 'after');
  return Number(match[1]);
}

/**
 * A page of the ranking, highest score first, within a segment: everyone with a score, the
 * flagged ambassadors, suggested ambassadors, or critics (high reach, persistently negative).
 */
export async function rankingPage(
  scope: Scope,
  segment: Segment,
  args: { first?: number | null; after?: string | null },
): Promise<RankingPage> {
  const first = pageSize(args.first, 100);
  const offset = offsetOf(args.after);
  const t = await thresholds(scope);
  const where = segmentWhere(segment, t);
  const orderBy = { score: 'desc', member: 'asc' } as const;
  let rows: MemberScore[];
  let hasNextPage: boolean;
  if (segment === 'SUGGESTED') {
    // Recent activity is known in memory: filter the (top-percentile, so few) candidates here.
    const candidates = await scope.em.find(MemberScore, where, { populate: ['member'], orderBy });
    const suggested = candidates.filter((row) => t.recentlyActive.has(row.member.id));
    rows = suggested.slice(offset, offset + first);
    hasNextPage = suggested.length > offset + first;
  } else {
    const found = await scope.em.find(MemberScore, where, { populate: ['member'], orderBy, offset, limit: first + 1 });
    hasNextPage = found.length > first;
    rows = found.slice(0, first);
  }
  const standings: Standing[] = [];
  const batch = { ids: rows.map((row) => row.member.id) };
  for (const [i, row] of rows.entries()) {
    standings.push(standingOf(row, segment === 'ALL' ? offset + i + 1 : await rankOf(scope, row), t, batch));
  }
  return { standings, offset, hasNextPage, settings: t.settings };
}

/** One member's standing, or null when nothing they did counts yet (or they are not ranked). */
export async function standingOfMember(scope: Scope, memberId: string): Promise<Standing | null> {
  const row = await scope.em.findOne(
    MemberScore,
    { member: { id: memberId, erasedAt: null, suspendedAt: null } },
    { populate: ['member'] },
  );
  if (!row) return null;
  return standingOf(row, await rankOf(scope, row), await thresholds(scope), { ids: [memberId] });
}

/** A member's score today alone (no rank or thresholds): null until something they did counts. */
export async function scoreOfMember(scope: Scope, memberId: string): Promise<number | null> {
  const row = await scope.em.findOne(MemberScore, { member: memberId });
  if (!row) return null;
  const community = await scope.em.findOneOrFail(Community, { id: scope.communityId });
  return decayed(row.score, Date.now(), rankingSettings(community).halfLifeDays);
}
