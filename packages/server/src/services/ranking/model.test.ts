import { describe, expect, it } from 'vitest';
import { type ActivityFact, DAY_MS, decayed, EPOCH_MS, growth, scoreOf, sentimentOfTotals } from './model.ts';
import { Replay } from './replay.ts';
import { DEFAULT_RANKING, mergeRanking } from './settings.ts';

const S = DEFAULT_RANKING;
const T0 = Date.UTC(2026, 5, 1);
const fact = (type: ActivityFact['type'], fields: Partial<ActivityFact> = {}): ActivityFact => ({
  type,
  at: T0,
  actor: null,
  subject: null,
  thread: 't1',
  reply: null,
  contentAt: T0,
  contentSentiment: 0,
  status: null,
  ...fields,
});
const today = (replay: Replay, member: string, key: 'love' | 'reach', now = T0) =>
  decayed(replay.totals.get(member)?.[key] ?? 0, now, S.halfLifeDays);

describe('the ranking model', () => {
  it('decays a contribution to half after the half-life (Orbit: × 0.9 a month by default)', () => {
    const stored = 10 * growth(T0, S.halfLifeDays);
    expect(decayed(stored, T0, S.halfLifeDays)).toBeCloseTo(10, 10);
    expect(decayed(stored, T0 + S.halfLifeDays * DAY_MS, S.halfLifeDays)).toBeCloseTo(5, 10);
    expect(decayed(stored, T0 + 30 * DAY_MS, S.halfLifeDays)).toBeCloseTo(9, 1);
    expect(growth(EPOCH_MS, 100)).toBe(1);
  });

  it('gives love for taking part: posts, replies, votes, and each active day once', () => {
    const replay = new Replay(S);
    replay.apply(fact('THREAD_POSTED', { actor: 'ann' }));
    replay.apply(fact('REPLY_POSTED', { actor: 'ann', reply: 'r1' }));
    replay.apply(fact('VOTE_ADDED', { actor: 'ann', thread: 't2', subject: 'bob' }));
    // thread 3 + reply 2 + vote 1 + one active day 1
    expect(today(replay, 'ann', 'love')).toBeCloseTo(7, 9);
    replay.apply(fact('VOTE_ADDED', { actor: 'ann', thread: 't3', subject: 'bob', at: T0 + DAY_MS }));
    expect(today(replay, 'ann', 'love', T0)).toBeCloseTo(7 + 2 * 2 ** (1 / S.halfLifeDays), 9);
  });

  it('gives reach for responses from distinct others: a second vote or reply by the same member adds nothing', () => {
    const replay = new Replay(S);
    replay.apply(fact('VOTE_ADDED', { actor: 'ann', subject: 'bob' }));
    replay.apply(fact('VOTE_ADDED', { actor: 'ann', subject: 'bob' }));
    replay.apply(fact('REPLY_POSTED', { actor: 'ann', subject: 'bob', reply: 'r1' }));
    replay.apply(fact('REPLY_POSTED', { actor: 'ann', subject: 'bob', reply: 'r2' }));
    replay.apply(fact('FOLLOWED', { actor: 'cy', subject: 'bob' }));
    replay.apply(fact('SHARE_VISIT', { subject: 'bob', thread: null }));
    // vote 1 + reply 2 + follower 1 + share visit 2
    expect(today(replay, 'bob', 'reach')).toBeCloseTo(6, 9);
  });

  it('credits the author when staff plan or ship their idea (once per status) or mark a reply helpful', () => {
    const replay = new Replay(S);
    replay.apply(fact('STATUS_CHANGED', { subject: 'ann', status: 'PLANNED' }));
    replay.apply(fact('STATUS_CHANGED', { subject: 'ann', status: 'OPEN' }));
    replay.apply(fact('STATUS_CHANGED', { subject: 'ann', status: 'PLANNED' }));
    replay.apply(fact('STATUS_CHANGED', { subject: 'ann', status: 'SHIPPED' }));
    replay.apply(fact('REPLY_MARKED_HELPFUL', { subject: 'ann', reply: 'r9' }));
    replay.apply(fact('REPLY_MARKED_HELPFUL', { subject: 'ann', reply: 'r9' }));
    expect(today(replay, 'ann', 'love')).toBeCloseTo(5 + 8 + 4, 9);
  });

  it('takes back what a hidden or deleted text gave, and gives it again when restored', () => {
    const replay = new Replay(S);
    replay.apply(fact('THREAD_POSTED', { actor: 'ann', contentSentiment: -0.8 }));
    const posted = replay.totals.get('ann');
    expect(posted?.textCount).toBe(1);
    replay.apply(fact('THREAD_HIDDEN', { subject: 'ann', at: T0 + DAY_MS }));
    replay.apply(fact('THREAD_HIDDEN', { subject: 'ann', at: T0 + DAY_MS }));
    expect(replay.totals.get('ann')?.textCount).toBe(0);
    expect(today(replay, 'ann', 'love')).toBeCloseTo(1, 9); // the active day stays
    replay.apply(fact('THREAD_RESTORED', { subject: 'ann', at: T0 + 2 * DAY_MS }));
    expect(today(replay, 'ann', 'love')).toBeCloseTo(4, 9);
    expect(replay.totals.get('ann')?.sentimentSum).toBeLessThan(0);
  });

  it('leaves a text not measured (no lexicon for its language) out of the sentiment: never neutral, never counted', () => {
    const replay = new Replay(S);
    replay.apply(fact('THREAD_POSTED', { actor: 'ann', contentSentiment: -0.8 }));
    replay.apply(fact('REPLY_POSTED', { actor: 'ann', reply: 'r1', contentSentiment: null }));
    replay.apply(fact('REPLY_POSTED', { actor: 'ann', reply: 'r2', contentSentiment: null }));
    const ann = replay.totals.get('ann');
    expect(ann?.textCount).toBe(1);
    // The one measured text alone: -0.8, not an average with two zeros.
    expect(ann && sentimentOfTotals(ann)).toBeCloseTo(-0.8, 9);
    // Still love for writing them: thread 3 + two replies 4 + the day 1.
    expect(today(replay, 'ann', 'love')).toBeCloseTo(8, 9);
    replay.apply(fact('REPLY_HIDDEN', { subject: 'ann', reply: 'r1', at: T0 + DAY_MS, contentSentiment: null }));
    expect(replay.totals.get('ann')?.textCount).toBe(1);
    // Nobody measured: no sentiment at all (not 0), and the score is neither lifted nor lowered.
    const bob = new Replay(S);
    bob.apply(fact('THREAD_POSTED', { actor: 'bob', contentSentiment: null }));
    const totals = bob.totals.get('bob');
    expect(totals && sentimentOfTotals(totals)).toBeNull();
    expect(totals && scoreOf(totals, S)).toBeCloseTo(totals?.love ?? 0, 9);
  });

  it('scores love and reach, lifted or lowered by sentiment, with the weights in settings', () => {
    const totals = { love: 10, reach: 20, sentimentSum: 0.5, sentimentWeight: 1, textCount: 2 };
    expect(scoreOf(totals, S)).toBeCloseTo(30 * 1.25, 9);
    const reachOnly = mergeRanking({ score: { love: 0 } });
    expect(reachOnly.score.reach).toBe(1);
    expect(scoreOf(totals, reachOnly)).toBeCloseTo(20 * 1.25, 9);
    expect(scoreOf({ ...totals, textCount: 0 }, S)).toBe(30);
  });
});

describe('Replay.add', () => {
  it('gives the very totals that apply does, without making contribution objects', () => {
    const [objects, direct] = [new Replay(S), new Replay(S)];
    const facts = [
      fact('THREAD_POSTED', { actor: 'ann', contentSentiment: 0.4 }),
      fact('VOTE_ADDED', { actor: 'bob', thread: 't1', subject: 'ann', at: T0 + 1000 }),
      fact('VOTE_ADDED', { actor: 'bob', thread: 't1', subject: 'ann', at: T0 + 2000 }),
      fact('REPLY_POSTED', { actor: 'cy', thread: 't1', subject: 'ann', reply: 'r1', contentSentiment: -0.3 }),
      fact('REPLY_HIDDEN', { subject: 'cy', reply: 'r1', at: T0 + DAY_MS }),
      fact('REPLY_HIDDEN', { subject: 'cy', reply: 'r1', at: T0 + DAY_MS }),
      fact('STATUS_CHANGED', { subject: 'ann', thread: 't1', status: 'SHIPPED', at: T0 + 3 * DAY_MS }),
      fact('SHARE_VISIT', { subject: 'ann', at: T0 + 4 * DAY_MS }),
    ];
    for (const f of facts) {
      objects.apply(f);
      direct.add(f);
    }
    expect([...direct.totals]).toEqual([...objects.totals]);
    expect(direct.totals.get('ann')?.love).toBeGreaterThan(0);
  });
});
