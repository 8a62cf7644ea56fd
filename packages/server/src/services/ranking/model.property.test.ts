/**
 * Properties of the ranking maths on generated histories (fast-check): what the explanation
 * (`apply`) and the full recompute (`add`) compute agree to the bit, decay is exact, a text
 * hidden and restored leaves every total as it was, a repeated first-only action adds nothing,
 * and sentiment and score stay in range whatever happens.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIVITY_TYPES } from '../../entities/index.ts';
import { type ActivityFact, DAY_MS, decayed, growth, scoreOf, sentimentOfTotals, type Totals } from './model.ts';
import { Replay } from './replay.ts';
import { DEFAULT_RANKING, mergeRanking, type RankingSettings } from './settings.ts';
import { RANKING_RANGES, WEIGHT_RANGE } from './settings-update.ts';

const T0 = Date.UTC(2026, 0, 1);
const member = fc.constantFrom('ann', 'bob', 'cy', 'di');
const maybeMember = fc.option(member, { nil: null });

/** An activity of a small community (few members and threads, so histories collide a lot). */
const fact: fc.Arbitrary<ActivityFact> = fc.record({
  type: fc.constantFrom(...ACTIVITY_TYPES),
  at: fc.integer({ min: T0, max: T0 + 400 * DAY_MS }),
  actor: maybeMember,
  subject: maybeMember,
  thread: fc.option(fc.constantFrom('t1', 't2', 't3'), { nil: null }),
  reply: fc.option(fc.constantFrom('r1', 'r2', 'r3', 'r4'), { nil: null }),
  contentAt: fc.option(fc.integer({ min: T0 - 400 * DAY_MS, max: T0 + 400 * DAY_MS }), { nil: null }),
  contentSentiment: fc.option(fc.double({ min: -1, max: 1, noNaN: true }), { nil: null }),
  status: fc.option(fc.constantFrom('PLANNED', 'SHIPPED', 'DECLINED', 'UNDER_REVIEW'), { nil: null }),
});
/** Histories in time order, as the activity log is read. */
const history = fc.array(fact, { maxLength: 60 }).map((facts) => facts.sort((a, b) => a.at - b.at));

/** Any settings a manager may choose (the ranges settings-update.ts enforces). */
const [minHalfLife, maxHalfLife] = RANKING_RANGES.halfLifeDays as [number, number];
const [minWeight, maxWeight] = WEIGHT_RANGE;
const halfLife = fc.integer({ min: minHalfLife, max: maxHalfLife });
const weight = fc.double({ min: minWeight, max: maxWeight, noNaN: true });
const settings: fc.Arbitrary<RankingSettings> = fc
  .record({
    halfLifeDays: halfLife,
    love: fc.record({ thread: weight, reply: weight, vote: weight, activeDay: weight }),
    reach: fc.record({ vote: weight, reply: weight, follower: weight }),
    score: fc.record({ love: weight, reach: weight, sentiment: fc.double({ min: 0, max: 1, noNaN: true }) }),
  })
  .map((overrides) => mergeRanking(overrides));

const replayed = (s: RankingSettings, facts: ActivityFact[], how: 'apply' | 'add') => {
  const replay = new Replay(s);
  for (const f of facts) replay[how](f);
  return replay;
};
const plain = (totals: Map<string, Totals>) => JSON.stringify([...totals].sort(([a], [b]) => a.localeCompare(b)));

describe('the ranking maths', () => {
  it('decays exactly: a weight w made at `at` is worth w × ½^((now − at) / half-life) now', () => {
    fc.assert(
      fc.property(
        weight,
        // Any moment this century: stored values must not overflow before 2100.
        fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2100, 0, 1) }),
        fc.integer({ min: 0, max: 1000 * DAY_MS }),
        halfLife,
        (w, at, age, h) => {
          const expected = w * 0.5 ** (age / (h * DAY_MS));
          expect(Number.isFinite(growth(at + age, h))).toBe(true);
          expect(decayed(w * growth(at, h), at + age, h)).toBeCloseTo(expected, 6);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('the explanation and the full recompute agree to the bit on any history', () => {
    fc.assert(
      fc.property(settings, history, (s, facts) => {
        expect(plain(replayed(s, facts, 'add').totals)).toBe(plain(replayed(s, facts, 'apply').totals));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps sentiment within [−1, 1] and every score finite and, with no removals, non-negative', () => {
    fc.assert(
      fc.property(settings, history, (s, facts) => {
        const replay = replayed(s, facts, 'add');
        const removals = facts.some((f) => /DELETED|HIDDEN/.test(f.type));
        for (const totals of replay.totals.values()) {
          // Null when none of the member's texts was measured.
          const sentiment = sentimentOfTotals(totals) ?? 0;
          expect(sentiment).toBeGreaterThanOrEqual(-1);
          expect(sentiment).toBeLessThanOrEqual(1);
          expect(Number.isFinite(scoreOf(totals, s))).toBe(true);
          if (!removals) {
            expect(totals.love).toBeGreaterThanOrEqual(0);
            expect(totals.reach).toBeGreaterThanOrEqual(0);
            expect(scoreOf(totals, s)).toBeGreaterThanOrEqual(0);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('a text hidden and restored leaves every total as it was', () => {
    fc.assert(
      fc.property(history, member, fc.double({ min: -1, max: 1, noNaN: true }), (facts, author, feeling) => {
        const posted: ActivityFact = {
          type: 'THREAD_POSTED',
          at: T0 + 500 * DAY_MS,
          actor: author,
          subject: null,
          thread: 'fresh',
          reply: null,
          contentAt: T0 + 500 * DAY_MS,
          contentSentiment: feeling,
          status: null,
        };
        const base = [...facts, posted];
        const later = (type: ActivityFact['type'], days: number): ActivityFact => ({
          ...posted,
          type,
          at: posted.at + days * DAY_MS,
          actor: null,
          subject: author,
        });
        const before = replayed(DEFAULT_RANKING, base, 'add').totals.get(author) as Totals;
        const after = replayed(
          DEFAULT_RANKING,
          [...base, later('THREAD_HIDDEN', 1), later('THREAD_HIDDEN', 2), later('THREAD_RESTORED', 3)],
          'add',
        ).totals.get(author) as Totals;
        expect(after.love).toBeCloseTo(before.love, 9);
        expect(after.sentimentSum).toBeCloseTo(before.sentimentSum, 9);
        expect(after.sentimentWeight).toBeCloseTo(before.sentimentWeight, 9);
        expect(after.textCount).toBe(before.textCount);
      }),
      { numRuns: 300 },
    );
  });

  it('counts a vote, reply or follow on a thread once per member, however often it is repeated', () => {
    fc.assert(
      fc.property(
        history,
        fc.constantFrom('VOTE_ADDED', 'FOLLOWED') as fc.Arbitrary<ActivityFact['type']>,
        fc.integer({ min: 2, max: 5 }),
        (facts, type, times) => {
          const action: ActivityFact = {
            type,
            at: T0 + 500 * DAY_MS,
            actor: 'zed',
            subject: 'ann',
            thread: 't9',
            reply: null,
            contentAt: null,
            contentSentiment: null,
            status: null,
          };
          const once = replayed(DEFAULT_RANKING, [...facts, action], 'add');
          const many = replayed(DEFAULT_RANKING, [...facts, ...Array.from({ length: times }, () => action)], 'add');
          expect(plain(many.totals)).toBe(plain(once.totals));
        },
      ),
      { numRuns: 300 },
    );
  });
});
