import type { Community } from '../../entities/index.ts';

/**
 * How the ranking weighs what members do. Kept in the community's settings (`ranking`), each key
 * optional: what a brand leaves out takes the default here.
 */
export interface RankingSettings {
  /** Half-life of a contribution, in days: 197 is Orbit's "each month × 0.9". */
  halfLifeDays: number;
  /** Love: how much a member takes part. */
  love: {
    thread: number;
    reply: number;
    vote: number;
    planned: number;
    shipped: number;
    helpful: number;
    activeDay: number;
  };
  /** Reach: how much others respond to them. */
  reach: { vote: number; reply: number; follower: number; shareVisit: number };
  /** score = (love × love weight + reach × reach weight) × (1 + sentiment × sentiment weight) */
  score: { love: number; reach: number; sentiment: number };
  /** Suggested ambassadors: score at or above this percentile, enough recent activity, sentiment ≥ 0. */
  ambassadors: { percentile: number; minRecentActivities: number; recentDays: number };
  /** Critics: reach at or above this percentile, sentiment at or below the maximum, over enough texts. */
  critics: { reachPercentile: number; maxSentiment: number; minTexts: number };
}

export const DEFAULT_RANKING: RankingSettings = {
  halfLifeDays: 197,
  love: { thread: 3, reply: 2, vote: 1, planned: 5, shipped: 8, helpful: 4, activeDay: 1 },
  reach: { vote: 1, reply: 2, follower: 1, shareVisit: 2 },
  score: { love: 1, reach: 1, sentiment: 0.5 },
  ambassadors: { percentile: 90, minRecentActivities: 3, recentDays: 30 },
  critics: { reachPercentile: 75, maxSentiment: -0.15, minTexts: 3 },
};

export type RankingOverrides = { [K in keyof RankingSettings]?: Partial<RankingSettings[K]> | RankingSettings[K] };

/** The community's ranking settings: its own values over the defaults. */
export function rankingSettings(community: Pick<Community, 'settings'>): RankingSettings {
  return mergeRanking(community.settings.ranking ?? {});
}

export function mergeRanking(overrides: RankingOverrides): RankingSettings {
  const merged = structuredClone(DEFAULT_RANKING) as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(overrides)) {
    const base = merged[key];
    merged[key] = typeof base === 'object' && base !== null ? { ...base, ...(value as object) } : value;
  }
  return merged as unknown as RankingSettings;
}
