import { badInput } from '../../core/errors.ts';
import { type Scope, write } from '../../core/scope.ts';
import { Community } from '../../entities/index.ts';
import type { StaffActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import {
  DEFAULT_RANKING,
  mergeRanking,
  type RankingOverrides,
  type RankingSettings,
  rankingSettings,
} from './settings.ts';

/** The range each setting may take: [min, max]. */
export const RANKING_RANGES: Record<string, [number, number]> = {
  halfLifeDays: [30, 3650],
  'ambassadors.percentile': [1, 99],
  'ambassadors.minRecentActivities': [0, 1000],
  'ambassadors.recentDays': [1, 365],
  'critics.reachPercentile': [1, 99],
  'critics.maxSentiment': [-1, 1],
  'critics.minTexts': [0, 1000],
};
/** The range of every weight. */
export const WEIGHT_RANGE: [number, number] = [0, 100];

/**
 * Checks a change of ranking settings: known keys only, numbers in range. Returns the overrides
 * to store (the community's current ones with the change applied).
 */
export function checkRankingChange(current: RankingOverrides, change: unknown): RankingOverrides {
  if (typeof change !== 'object' || change === null || Array.isArray(change)) {
    throw badInput(
      { forDevelopers: 'Give the settings to change as an object, e.g. { "halfLifeDays": 120 }.' },
      'settings',
    );
  }
  const next = structuredClone(current) as Record<string, unknown>;
  for (const [key, value] of Object.entries(change)) {
    const base = (DEFAULT_RANKING as unknown as Record<string, unknown>)[key];
    if (base === undefined) throw badInput({ forDevelopers: `"${key}" is not a ranking setting.` }, `settings.${key}`);
    if (typeof base === 'number') {
      next[key] = checkNumber(key, value);
      continue;
    }
    if (typeof value !== 'object' || value === null)
      throw badInput({ forDevelopers: `"${key}" takes an object.` }, `settings.${key}`);
    const group = { ...((next[key] as object | undefined) ?? {}) } as Record<string, number>;
    for (const [inner, number] of Object.entries(value)) {
      if (!(inner in (base as object)))
        throw badInput({ forDevelopers: `"${key}.${inner}" is not a ranking setting.` }, `settings.${key}.${inner}`);
      group[inner] = checkNumber(`${key}.${inner}`, number);
    }
    next[key] = group;
  }
  return next as RankingOverrides;
}

function checkNumber(path: string, value: unknown): number {
  const [min, max] = RANKING_RANGES[path] ?? WEIGHT_RANGE;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw badInput(['error.ranking.settingRange', { min, max }], `settings.${path}`);
  }
  return value;
}

/** Managers change how the ranking weighs things. Audited; the caller recomputes. */
export async function updateRankingSettings(scope: Scope, actor: StaffActor, change: unknown): Promise<Community> {
  return write(scope, async (em) => {
    const community = await em.findOneOrFail(Community, { id: scope.communityId });
    const before: RankingSettings = rankingSettings(community);
    const overrides = checkRankingChange((community.settings.ranking ?? {}) as RankingOverrides, change);
    community.settings = { ...community.settings, ranking: overrides as Record<string, Record<string, number>> };
    recordAudit(em, scope.communityId, actor, {
      action: 'community.ranking',
      targetType: 'Community',
      targetId: community.id,
      before: before as unknown as Record<string, unknown>,
      after: mergeRanking(overrides) as unknown as Record<string, unknown>,
    });
    return community;
  });
}
