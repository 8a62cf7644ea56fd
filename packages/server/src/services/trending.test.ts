import { expect, it } from 'vitest';
import { trendingScore } from './trending.ts';

const at = (hours: number) => new Date(Date.UTC(2026, 10, 1) + hours * 3_600_000);

it('needs ten times the votes to rank with a thread 12.5 hours newer', () => {
  expect(trendingScore(99, at(0))).toBeCloseTo(trendingScore(9, at(12.5)), 10);
  expect(trendingScore(100, at(0))).toBeGreaterThan(trendingScore(9, at(12.5)));
});

it('grows with votes and with recency', () => {
  expect(trendingScore(5, at(0))).toBeGreaterThan(trendingScore(4, at(0)));
  expect(trendingScore(0, at(1))).toBeGreaterThan(trendingScore(0, at(0)));
  expect(trendingScore(0, at(0))).toBe(trendingScore(-3, at(0)));
});
