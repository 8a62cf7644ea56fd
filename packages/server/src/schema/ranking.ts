/** The ranking: who the community's most engaged and most vocal people are, and why. */
import { Member } from '../entities/index.ts';
import { setAmbassador } from '../services/ranking/ambassadors.ts';
import { explainScore, type ScoreContribution, scoresDaysAgo } from '../services/ranking/explain.ts';
import { recomputeRanking } from '../services/ranking/recompute.ts';
import { DEFAULT_RANKING, type RankingSettings, rankingSettings } from '../services/ranking/settings.ts';
import { updateRankingSettings } from '../services/ranking/settings-update.ts';
import {
  rankingCursor,
  rankingPage,
  type Standing,
  scoreOfMember,
  standingOfMember,
} from '../services/ranking/standing.ts';
import { builder } from './builder.ts';
import { CommunityRef } from './community.ts';
import { MemberRef } from './member.ts';
import { ThreadRef } from './thread.ts';

const SegmentEnum = builder.enumType('RankingSegment', {
  values: {
    ALL: { description: 'Everyone whose activity counts, highest score first.' },
    AMBASSADORS: { description: 'Members the team flagged as ambassadors.' },
    SUGGESTED: {
      description: 'Not flagged yet, but in the top percentile, active lately, and positive: worth a look.',
    },
    CRITICS: {
      description: 'High reach and persistently negative: people to reach out to (never hidden or penalised).',
    },
  },
});

const ComponentEnum = builder.enumType('ScoreComponent', {
  values: {
    LOVE: { description: 'How much they take part.' },
    REACH: { description: 'How much others respond to them.' },
    SENTIMENT: { description: 'How their posts and replies feel.' },
  },
});

const ContributionRef = builder.objectRef<ScoreContribution>('ScoreContribution').implement({
  description: 'One activity and what it adds to the score today.',
  fields: (t) => ({
    activityType: t.exposeString('activityType', {
      description: 'E.g. THREAD_POSTED, VOTE_ADDED, REPLY_MARKED_HELPFUL.',
    }),
    component: t.field({ type: ComponentEnum, resolve: (c) => c.component }),
    value: t.exposeFloat('value', {
      nullable: true,
      description:
        "LOVE and REACH: today's value (older activity counts less). SENTIMENT: the text's sentiment, -1..1; " +
        'null means not measured (language not supported): the text is left out of the sentiment.',
    }),
    at: t.expose('at', { type: 'DateTime' }),
    thread: t.field({ type: ThreadRef, nullable: true, resolve: (c) => c.thread }),
  }),
});

const GROUP_DESCRIPTIONS: Record<string, string> = {
  love: 'Love: what each kind of taking part is worth.',
  reach: 'Reach: what each kind of response from others is worth.',
  score: 'score = (love × love + reach × reach) × (1 + sentiment × sentiment).',
  ambassadors: 'Suggested ambassadors: score percentile, recent activities within recentDays, sentiment ≥ 0.',
  critics: 'Critics: reach percentile, sentiment at or below maxSentiment, over at least minTexts texts.',
};
const capitalized = (key: string) => key[0]?.toUpperCase() + key.slice(1);

/** One output and one input type per group of settings, with a Float field per key. */
const groups = Object.entries(DEFAULT_RANKING).filter(([, value]) => typeof value === 'object') as [
  keyof RankingSettings,
  Record<string, number>,
][];
const groupRefs = Object.fromEntries(
  groups.map(([group, values]) => [
    group,
    builder.objectRef<Record<string, number>>(`Ranking${capitalized(group)}Settings`).implement({
      description: GROUP_DESCRIPTIONS[group],
      fields: (t) =>
        Object.fromEntries(Object.keys(values).map((key) => [key, t.float({ resolve: (g) => g[key] ?? 0 })])),
    }),
  ]),
);
const groupInputs = Object.fromEntries(
  groups.map(([group, values]) => [
    group,
    builder.inputType(`Ranking${capitalized(group)}SettingsInput`, {
      fields: (t) => Object.fromEntries(Object.keys(values).map((key) => [key, t.float({ required: false })])),
    }),
  ]),
);

const SettingsRef = builder.objectRef<RankingSettings>('RankingSettings').implement({
  description: "How the ranking weighs what members do (the community's values over the defaults).",
  fields: (t) => ({
    halfLifeDays: t.float({
      description: 'An activity counts half after this many days.',
      resolve: (s) => s.halfLifeDays,
    }),
    ...Object.fromEntries(
      groups.map(([group]) => [group, t.field({ type: groupRefs[group] as never, resolve: (s) => s[group] as never })]),
    ),
  }),
});

const SettingsInput = builder.inputType('RankingSettingsInput', {
  description: 'Only what changes: leave a field out to keep it.',
  fields: (t) => ({
    halfLifeDays: t.float({ required: false, description: '30 to 3650.' }),
    ...Object.fromEntries(
      groups.map(([group]) => [group, t.field({ type: groupInputs[group] as never, required: false })]),
    ),
  }),
});

const SENTIMENT_DESCRIPTION =
  'How their posts and replies feel, -1..1 (recent ones weigh more); null means not measured (language not supported): none of their texts could be measured.';
const TEXT_COUNT_DESCRIPTION = 'Posts and replies measured, and so counted in the sentiment.';

const BreakdownRef = builder.objectRef<Standing>('ScoreBreakdown').implement({
  description: 'Why a member ranks where they do: the parts of the score and the activities that count most.',
  fields: (t) => ({
    love: t.exposeFloat('love'),
    reach: t.exposeFloat('reach'),
    sentiment: t.exposeFloat('sentiment', { nullable: true, description: SENTIMENT_DESCRIPTION }),
    score: t.exposeFloat('score'),
    textCount: t.exposeInt('textCount', { description: TEXT_COUNT_DESCRIPTION }),
    unmeasuredTextCount: t.int({
      description:
        'Posts and replies not measured (language not supported): left out of the sentiment, never counted as neutral.',
      resolve: async (standing, _args, ctx) => (await explain(ctx, standing)).unmeasuredTexts,
    }),
    settings: t.field({
      type: SettingsRef,
      resolve: async (standing, _a, ctx) => (await explain(ctx, standing)).settings,
    }),
    contributions: t.field({
      type: [ContributionRef],
      description:
        'The activities adding most today (love and reach), then their most strongly felt texts, then their latest texts not measured (value null).',
      resolve: async (standing, _args, ctx) => (await explain(ctx, standing)).contributions,
    }),
  }),
});

// One replay per member per request, however many breakdown fields ask.
const explanations = new WeakMap<object, Map<string, ReturnType<typeof explainScore>>>();
function explain(ctx: { scope(): Parameters<typeof explainScore>[0] }, standing: Standing) {
  const scope = ctx.scope();
  let cache = explanations.get(scope);
  if (!cache) {
    cache = new Map();
    explanations.set(scope, cache);
  }
  let found = cache.get(standing.member.id);
  if (!found) {
    found = explainScore(scope, standing.member.id);
    cache.set(standing.member.id, found);
  }
  return found;
}

export const StandingRef = builder.objectRef<Standing>('RankingEntry').implement({
  description: "A member's place in the ranking, with today's values (older activity counts less).",
  fields: (t) => ({
    rank: t.exposeInt('rank', { description: '1 = the highest score in the community.' }),
    member: t.field({ type: MemberRef, resolve: (s) => s.member }),
    score: t.exposeFloat('score'),
    love: t.exposeFloat('love', { description: 'How much they take part.' }),
    reach: t.exposeFloat('reach', { description: 'How much others respond to them.' }),
    sentiment: t.exposeFloat('sentiment', { nullable: true, description: SENTIMENT_DESCRIPTION }),
    textCount: t.exposeInt('textCount', { description: TEXT_COUNT_DESCRIPTION }),
    isAmbassador: t.boolean({ resolve: (s) => s.member.ambassadorFlaggedAt != null }),
    isSuggested: t.exposeBoolean('isSuggested', { description: 'Suggested as an ambassador (see RankingSegment).' }),
    isCritic: t.exposeBoolean('isCritic', { description: 'A critic to reach out to (see RankingSegment).' }),
    trend: t.float({
      description: "Today's score minus the score of 30 days ago (as it stood then).",
      resolve: async (standing, _args, ctx) => {
        const batch = standing.batch;
        batch.trends ??= scoresDaysAgo(ctx.scope(), batch.ids);
        return standing.score - ((await batch.trends).get(standing.member.id) ?? 0);
      },
    }),
    breakdown: t.field({ type: BreakdownRef, resolve: (s) => s }),
  }),
});

const RankingEdgeRef = builder.objectRef<{ node: Standing; cursor: string }>('RankingEdge').implement({
  fields: (t) => ({
    node: t.field({ type: StandingRef, resolve: (e) => e.node }),
    cursor: t.exposeString('cursor'),
  }),
});

const RankingConnectionRef = builder
  .objectRef<{
    edges: { node: Standing; cursor: string }[];
    hasNextPage: boolean;
    endCursor: string | null;
    settings: RankingSettings;
  }>('RankingConnection')
  .implement({
    fields: (t) => ({
      edges: t.field({ type: [RankingEdgeRef], resolve: (c) => c.edges }),
      rules: t.field({
        type: SettingsRef,
        description:
          'The thresholds the segments are chosen by, to explain them. A value level with a cut-off (to a billionth) is in.',
        resolve: (c) => c.settings,
      }),
      pageInfo: t.field({
        type: builder.pageInfoRef(),
        resolve: (c) => ({
          hasNextPage: c.hasNextPage,
          hasPreviousPage: false,
          startCursor: c.edges[0]?.cursor ?? null,
          endCursor: c.endCursor,
        }),
      }),
    }),
  });

builder.objectFields(CommunityRef, (t) => ({
  ranking: t.field({
    type: RankingConnectionRef,
    description:
      'Staff, and API keys with READ_MEMBERS: members by score within a segment. Ask for `breakdown` under @defer: it replays activity.',
    authScopes: { staff: true, apiKey: 'READ_MEMBERS' },
    args: {
      first: t.arg.int({ required: false }),
      after: t.arg.string({ required: false }),
      segment: t.arg({ type: SegmentEnum, required: false, defaultValue: 'ALL' }),
    },
    complexity: (args) => ({ field: 1, multiplier: Math.min(Math.max(args.first ?? 20, 1), 100) }),
    resolve: async (_community, args, ctx) => {
      const page = await rankingPage(ctx.scope(), args.segment ?? 'ALL', args);
      const edges = page.standings.map((node, i) => ({ node, cursor: rankingCursor(page.offset + i + 1) }));
      return { edges, hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null, settings: page.settings };
    },
  }),
  rankingSettings: t.field({
    type: SettingsRef,
    description: 'Managers: the weights and thresholds of the ranking (defaults filled in).',
    authScopes: { manager: true },
    resolve: (community) => rankingSettings(community),
  }),
}));

builder.objectFields(MemberRef, (t) => ({
  standing: t.field({
    type: StandingRef,
    nullable: true,
    description: 'Staff (and READ_MEMBERS keys): their place in the ranking; null until something they did counts.',
    authScopes: { staff: true, apiKey: 'READ_MEMBERS' },
    resolve: (member, _args, ctx) => standingOfMember(ctx.scope(), member.id),
  }),
  score: t.float({
    nullable: true,
    description:
      "Staff (and READ_MEMBERS keys): today's ranking score (`standing` has its parts and the why); null until something counts.",
    authScopes: { staff: true, apiKey: 'READ_MEMBERS' },
    resolve: (member, _args, ctx) => scoreOfMember(ctx.scope(), member.id),
  }),
}));

builder.mutationFields((t) => ({
  flagAmbassador: t.field({
    type: MemberRef,
    description: 'Managers: marks a member as an ambassador (a badge in the widget). Audited with the reason.',
    authScopes: { manager: true },
    args: { memberId: t.arg.globalID({ for: Member }), reason: t.arg.string({ description: '3–500 characters.' }) },
    resolve: (_root, args, ctx) => setAmbassador(ctx.scope(), ctx.staff(), args.memberId.id, true, args.reason),
  }),
  unflagAmbassador: t.field({
    type: MemberRef,
    description: 'Managers: takes the ambassador badge away. Audited with the reason.',
    authScopes: { manager: true },
    args: { memberId: t.arg.globalID({ for: Member }), reason: t.arg.string({ description: '3–500 characters.' }) },
    resolve: (_root, args, ctx) => setAmbassador(ctx.scope(), ctx.staff(), args.memberId.id, false, args.reason),
  }),
  updateRankingSettings: t.field({
    type: CommunityRef,
    description:
      'Managers: changes weights and thresholds (keys of `rankingSettings`; others stay) and recomputes the ranking. Audited.',
    authScopes: { manager: true },
    args: { settings: t.arg({ type: SettingsInput }) },
    resolve: async (_root, args, ctx) => {
      const community = await updateRankingSettings(ctx.scope(), ctx.staff(), withoutNulls(args.settings));
      await recomputeRanking(ctx.scope().em, community.id);
      return community;
    },
  }),
}));

/** GraphQL gives absent input fields as null: leave them out of the change. */
function withoutNulls(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v != null)
      .map(([k, v]) => [k, withoutNulls(v)]),
  );
}
