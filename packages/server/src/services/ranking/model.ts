/**
 * The ranking model, as pure functions: what one activity contributes to whose love, reach and
 * sentiment. The incremental update (incremental.ts) and the full recompute (recompute.ts) both
 * run every activity through `contributions`, so they cannot disagree.
 *
 * Decay (Orbit): a contribution is worth its weight × ½^(age / half-life). Values are stored "at
 * the epoch": weight × 2^((when − epoch) / half-life). Today's value is the stored one × ½^((now −
 * epoch) / half-life), the same factor for everyone, so stored values order members as today's do
 * and never need rewriting as time passes.
 */
import type { ActivityType } from '../../entities/index.ts';
import type { RankingSettings } from './settings.ts';

export const DAY_MS = 86_400_000;
export const EPOCH_MS = Date.UTC(2024, 0, 1);

/** How much a contribution made at `at` is stored as, per unit of weight. */
export const growth = (at: number, halfLifeDays: number) => 2 ** ((at - EPOCH_MS) / (halfLifeDays * DAY_MS));

/** From stored ("at the epoch") to today's value. */
export const decayed = (stored: number, now: number, halfLifeDays: number) =>
  stored * 2 ** (-(now - EPOCH_MS) / (halfLifeDays * DAY_MS));

/** One activity, with what the model needs to know about the thread or reply it is about. */
export interface ActivityFact {
  type: ActivityType;
  at: number;
  actor: string | null;
  /** The member the action lands on (see Activity); never the actor. */
  subject: string | null;
  thread: string | null;
  reply: string | null;
  /** When the thread or reply the activity is about was written, and how it feels (null: not measured). */
  contentAt: number | null;
  contentSentiment: number | null;
  /** STATUS_CHANGED: the new status. */
  status: string | null;
}

export type Component = 'LOVE' | 'REACH' | 'SENTIMENT';

/** What an activity adds to one member (stored values; negative when it takes away). */
export interface Contribution {
  member: string;
  component: Component;
  /** LOVE, REACH: the value. SENTIMENT: sentiment × weight. */
  amount: number;
  /** SENTIMENT only: the recency weight, and ±1 text. */
  weight: number;
  texts: number;
}

const REPLY_EVENTS: ReadonlySet<ActivityType> = new Set([
  'REPLY_POSTED',
  'REPLY_DELETED',
  'REPLY_HIDDEN',
  'REPLY_RESTORED',
  'REPLY_MARKED_HELPFUL',
]);
const REMOVALS: ReadonlySet<ActivityType> = new Set([
  'THREAD_DELETED',
  'THREAD_HIDDEN',
  'REPLY_DELETED',
  'REPLY_HIDDEN',
]);
const RESTORES: ReadonlySet<ActivityType> = new Set(['THREAD_RESTORED', 'REPLY_RESTORED']);
/** What a member does themselves: each day they do any of it counts once. Answering an ask is taking part. */
export const PARTICIPATION_TYPES = [
  'THREAD_POSTED',
  'REPLY_POSTED',
  'VOTE_ADDED',
  'FOLLOWED',
  'ASK_ANSWERED',
] as const satisfies readonly ActivityType[];
const PARTICIPATION: ReadonlySet<ActivityType> = new Set(PARTICIPATION_TYPES);

/** Activities that write or take away a text: the only ones whose content (when, how it feels) counts. */
const TEXT_EVENTS: ReadonlySet<ActivityType> = new Set([
  'THREAD_POSTED',
  'REPLY_POSTED',
  'THREAD_DELETED',
  'THREAD_HIDDEN',
  'THREAD_RESTORED',
  'REPLY_DELETED',
  'REPLY_HIDDEN',
  'REPLY_RESTORED',
]);
export const isTextEvent = (type: ActivityType) => TEXT_EVENTS.has(type);

/** Whether the activity is about a reply (its content is the reply) rather than the thread. */
export const isReplyEvent = (type: ActivityType) => REPLY_EVENTS.has(type);
export const isRemoval = (type: ActivityType) => REMOVALS.has(type);
export const isRestore = (type: ActivityType) => RESTORES.has(type);

/** The thread or reply an activity is about, as a key. */
export const contentKey = (fact: ActivityFact) =>
  isReplyEvent(fact.type) ? `reply:${fact.reply}` : `thread:${fact.thread}`;

/** The kinds of "only the first time counts" questions (see `firstQuestions`). */
export type FirstKind = 'day' | 'vote' | 'reply' | 'follow' | 'status' | 'helpful';
/** A question: is this activity the first of its kind for (a, b)? */
export type FirstQuestion = [kind: FirstKind, a: string, b: string | number];
/** Answers a question; true when the activity is the first. */
export type First = (kind: FirstKind, a: string, b: string | number) => boolean;

/**
 * "Only the first time counts" questions an activity asks: the first vote of a member on a thread
 * (voting again after withdrawing adds nothing), the first reply or follow, the first time a
 * thread reached a status, the first activity of a member on a day, the first helpful mark.
 */
export function firstQuestions(fact: ActivityFact): FirstQuestion[] {
  const questions: FirstQuestion[] = [];
  if (fact.actor && PARTICIPATION.has(fact.type)) questions.push(['day', fact.actor, dayOf(fact.at)]);
  switch (fact.type) {
    case 'VOTE_ADDED':
      if (fact.actor && fact.thread) questions.push(['vote', fact.actor, fact.thread]);
      break;
    case 'REPLY_POSTED':
      if (fact.actor && fact.thread) questions.push(['reply', fact.actor, fact.thread]);
      break;
    case 'FOLLOWED':
      if (fact.actor && fact.thread) questions.push(['follow', fact.actor, fact.thread]);
      break;
    case 'STATUS_CHANGED':
      if (fact.thread && fact.status) questions.push(['status', fact.thread, fact.status]);
      break;
    case 'REPLY_MARKED_HELPFUL':
      if (fact.reply) questions.push(['helpful', fact.reply, 0]);
      break;
  }
  return questions;
}

export const dayOf = (at: number) => Math.floor(at / DAY_MS);

/**
 * What one activity contributes, and to whom. `first` answers the questions of `firstQuestions`:
 * true when this activity is the first of its kind. Removals and restores must be real changes
 * (the caller skips a removal of something already removed).
 */
export function contributions(fact: ActivityFact, s: RankingSettings, first: First): Contribution[] {
  const out: Contribution[] = [];
  visitContributions(fact, s, first, (member, component, amount, weight, texts) =>
    out.push({ member, component, amount, weight, texts }),
  );
  return out;
}

/** Receives one contribution (the fields of `Contribution`, without making an object of them). */
export type ContributionSink = (
  member: string,
  component: Component,
  amount: number,
  weight: number,
  texts: number,
) => void;

/**
 * `contributions`, handed to `sink` one by one: a full recompute takes a million activities
 * through here and adds each straight to the totals, with no objects to collect.
 */
export function visitContributions(fact: ActivityFact, s: RankingSettings, first: First, sink: ContributionSink): void {
  // Module-level helpers with the sink passed in, not closures made per call.
  const out = sink;
  const h = s.halfLifeDays;
  const owner = fact.subject ?? fact.actor;
  const actor = fact.actor;

  if (actor && PARTICIPATION.has(fact.type)) {
    const day = dayOf(fact.at);
    if (first('day', actor, day)) add(out, actor, 'LOVE', s.love.activeDay, day * DAY_MS, h);
  }
  switch (fact.type) {
    case 'THREAD_POSTED':
      text(out, fact, actor, s.love.thread, 1, h);
      break;
    case 'REPLY_POSTED':
      text(out, fact, actor, s.love.reply, 1, h);
      if (actor && fact.thread && first('reply', actor, fact.thread))
        add(out, fact.subject, 'REACH', s.reach.reply, fact.at, h);
      break;
    case 'VOTE_ADDED':
      if (actor && fact.thread && first('vote', actor, fact.thread)) {
        add(out, actor, 'LOVE', s.love.vote, fact.at, h);
        add(out, fact.subject, 'REACH', s.reach.vote, fact.at, h);
      }
      break;
    case 'FOLLOWED':
      if (actor && fact.thread && first('follow', actor, fact.thread))
        add(out, fact.subject, 'REACH', s.reach.follower, fact.at, h);
      break;
    case 'STATUS_CHANGED': {
      const weight = fact.status === 'PLANNED' ? s.love.planned : fact.status === 'SHIPPED' ? s.love.shipped : 0;
      if (weight && fact.thread && first('status', fact.thread, fact.status as string))
        add(out, fact.subject, 'LOVE', weight, fact.at, h);
      break;
    }
    case 'REPLY_MARKED_HELPFUL':
      if (fact.reply && first('helpful', fact.reply, 0)) add(out, fact.subject, 'LOVE', s.love.helpful, fact.at, h);
      break;
    case 'SHARE_VISIT':
      add(out, fact.subject, 'REACH', s.reach.shareVisit, fact.at, h);
      break;
    case 'THREAD_DELETED':
    case 'THREAD_HIDDEN':
      text(out, fact, owner, s.love.thread, -1, h);
      break;
    case 'THREAD_RESTORED':
      text(out, fact, owner, s.love.thread, 1, h);
      break;
    case 'REPLY_DELETED':
    case 'REPLY_HIDDEN':
      text(out, fact, owner, s.love.reply, -1, h);
      break;
    case 'REPLY_RESTORED':
      text(out, fact, owner, s.love.reply, 1, h);
      break;
  }
}

/** A love or reach contribution of `weight`, made at `at`. */
function add(
  out: ContributionSink,
  member: string | null,
  component: Component,
  weight: number,
  at: number,
  h: number,
) {
  if (member && weight !== 0) out(member, component, weight * growth(at, h), 0, 0);
}

/**
 * A text written (sign 1) or taken away (sign -1): its love and its sentiment, at the time it was
 * written. A text not measured (no lexicon for its language) has no part in the sentiment at all.
 */
function text(
  out: ContributionSink,
  fact: ActivityFact,
  member: string | null,
  weight: number,
  sign: 1 | -1,
  h: number,
) {
  if (!member || fact.contentAt == null) return;
  add(out, member, 'LOVE', sign * weight, fact.contentAt, h);
  if (fact.contentSentiment == null) return;
  const g = growth(fact.contentAt, h);
  out(member, 'SENTIMENT', sign * fact.contentSentiment * g, sign * g, sign);
}

/** Whose text a text event writes or takes away (as `visitContributions` credits it); null for others. */
export function textOwner(fact: ActivityFact): string | null {
  if (!isTextEvent(fact.type)) return null;
  return fact.type === 'THREAD_POSTED' || fact.type === 'REPLY_POSTED' ? fact.actor : (fact.subject ?? fact.actor);
}

/** A member's totals (stored values). */
export interface Totals {
  love: number;
  reach: number;
  sentimentSum: number;
  sentimentWeight: number;
  textCount: number;
}

export const emptyTotals = (): Totals => ({ love: 0, reach: 0, sentimentSum: 0, sentimentWeight: 0, textCount: 0 });

export function addTo(totals: Totals, c: Contribution): void {
  addParts(totals, c.component, c.amount, c.weight, c.texts);
}

/** `addTo` for a contribution given as its fields (a `ContributionSink` adds with it). */
export function addParts(totals: Totals, component: Component, amount: number, weight: number, texts: number): void {
  if (component === 'LOVE') totals.love += amount;
  else if (component === 'REACH') totals.reach += amount;
  else {
    totals.sentimentSum += amount;
    totals.sentimentWeight += weight;
    totals.textCount += texts;
  }
}

/** Adds each contribution to its member's totals in `byMember`, starting members at zero. */
export function addContributions(byMember: Map<string, Totals>, found: Contribution[]): void {
  for (const c of found) {
    let totals = byMember.get(c.member);
    if (!totals) {
      totals = emptyTotals();
      byMember.set(c.member, totals);
    }
    addTo(totals, c);
  }
}

/** Average sentiment of the member's measured texts, recent ones weighing more; null when none was measured. */
export function sentimentOfTotals(t: Pick<Totals, 'sentimentSum' | 'sentimentWeight' | 'textCount'>): number | null {
  if (t.textCount <= 0 || t.sentimentWeight <= 0) return null;
  return Math.max(-1, Math.min(1, t.sentimentSum / t.sentimentWeight));
}

/** The score (stored value) from the totals; unmeasured sentiment neither lifts nor lowers it. */
export function scoreOf(t: Totals, s: RankingSettings): number {
  return (s.score.love * t.love + s.score.reach * t.reach) * (1 + s.score.sentiment * (sentimentOfTotals(t) ?? 0));
}
