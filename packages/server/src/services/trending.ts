/**
 * "Trending" is the Reddit-style hot score: the order of magnitude of the votes plus the age, so
 * a thread needs ten times the votes to rank with one posted 12.5 hours later. It depends only on
 * the vote count and the creation time, so it is stored and updated when the count changes, and
 * the TRENDING order is an indexed sort rather than a computation over every thread.
 */
const EPOCH_SECONDS = 1_735_689_600; // 2025-01-01T00:00:00Z
const HALF_DAY_SECONDS = 45_000;

export function trendingScore(voteCount: number, createdAt: Date): number {
  const magnitude = Math.log10(Math.max(1, voteCount + 1));
  return magnitude + (createdAt.getTime() / 1000 - EPOCH_SECONDS) / HALF_DAY_SECONDS;
}
