/**
 * Demand, for staff and READ_DEMAND keys: ideas ranked by unique voters, by a numeric attribute
 * summed over the voters, or by one segment's voters; who the voters are (ambassadors, critics,
 * each saved segment, as counts and shares) and their last 30 days; the same as CSV.
 */

import { entryOf } from '../core/map-entry.ts';
import { Community } from '../entities/index.ts';
import {
  type DEMAND_ORDERS,
  type DemandArgs,
  type DemandIdea,
  demand,
  demandCsv,
  type SegmentVotes,
  trends,
  votesBySegment,
} from '../services/demand.ts';
import { builder } from './builder.ts';
import { SegmentRef } from './segment.ts';
import { ThreadRef } from './thread.ts';
import { ThreadStatusEnum } from './thread-status.ts';

const DemandOrderEnum = builder.enumType('DemandOrder', {
  values: {
    VOTERS: { description: 'Unique voters.' },
    WEIGHT: { description: 'The sum of `weightBy` over the voters (e.g. their monthly revenue).' },
    SEGMENT_VOTERS: { description: 'Voters in `segmentId`.' },
  } satisfies Record<(typeof DEMAND_ORDERS)[number], unknown>,
});

/** A page's breakdowns and trends, read once for all of its ideas. */
interface PageReads {
  segments?: Promise<Map<string, SegmentVotes[]>>;
  trends?: Promise<Map<string, number[]>>;
}
const perPage = new WeakMap<string[], PageReads>();

const SegmentVotesRef = builder.objectRef<SegmentVotes>('SegmentVotes').implement({
  description: "An idea's voters in one group: a saved segment, or the ranking's ambassadors or critics.",
  fields: (t) => ({
    segment: t.field({ type: SegmentRef, nullable: true, resolve: (v) => v.segment }),
    standing: t.string({
      nullable: true,
      description: 'AMBASSADORS or CRITICS when not a saved segment.',
      resolve: (v) => v.standing,
    }),
    voters: t.exposeInt('voters'),
    share: t.exposeFloat('share', { description: "Voters ÷ the group's members, 0–1." }),
  }),
});

const DemandIdeaRef = builder.objectRef<DemandIdea>('DemandIdea').implement({
  fields: (t) => ({
    thread: t.field({ type: ThreadRef, resolve: (d) => d.thread }),
    voters: t.exposeInt('voters', { description: 'Unique voters.' }),
    weight: t.exposeFloat('weight', {
      nullable: true,
      description: 'The sum of `weightBy` over the voters who have it.',
    }),
    segmentVoters: t.exposeInt('segmentVoters', { nullable: true }),
    bySegment: t.field({
      type: [SegmentVotesRef],
      // Counted over every group's members (once a page): costly.
      complexity: 200,
      resolve: async (d, _a, ctx) => {
        const cached = entryOf(perPage, d.page, (): PageReads => ({}));
        cached.segments ??= votesBySegment(ctx.scope(), d.page);
        return (await cached.segments).get(d.thread.id) ?? [];
      },
    }),
    trend: t.field({
      type: ['Int'],
      description: 'New votes per day, the last 30 days, oldest first.',
      resolve: async (d, _a, ctx) => {
        const cached = entryOf(perPage, d.page, (): PageReads => ({}));
        cached.trends ??= trends(ctx.scope(), d.page);
        return (await cached.trends).get(d.thread.id) ?? [];
      },
    }),
  }),
});

const DemandPageRef = builder
  .objectRef<{ ideas: DemandIdea[]; hasNextPage: boolean; offset: number }>('DemandPage')
  .implement({
    fields: (t) => ({
      ideas: t.field({ type: [DemandIdeaRef], resolve: (p) => p.ideas }),
      hasNextPage: t.exposeBoolean('hasNextPage'),
    }),
  });

const demandArgs = (t: Parameters<Parameters<typeof builder.objectFields<typeof Community>>[1]>[0]) => ({
  status: t.arg({ type: [ThreadStatusEnum], required: false }),
  segmentId: t.arg.id({ required: false }),
  weightBy: t.arg.string({ required: false, description: 'A numeric attribute to sum over the voters.' }),
  orderBy: t.arg({ type: DemandOrderEnum, required: false, defaultValue: 'VOTERS' }),
});

const argsOf = (args: {
  status?: readonly string[] | null;
  segmentId?: string | number | null;
  weightBy?: string | null;
  orderBy?: string | null;
}): DemandArgs => ({
  status: args.status as DemandArgs['status'],
  segmentId: args.segmentId == null ? null : String(args.segmentId),
  weightBy: args.weightBy ?? null,
  orderBy: (args.orderBy ?? 'VOTERS') as DemandArgs['orderBy'],
});

builder.objectFields(Community, (t) => ({
  demand: t.field({
    type: DemandPageRef,
    description: 'Staff, and API keys with READ_DEMAND: ideas by who wants them. `first`: 1–100; `offset` pages.',
    authScopes: { staff: true, apiKey: 'READ_DEMAND' },
    args: { ...demandArgs(t), first: t.arg.int({ required: false }), offset: t.arg.int({ required: false }) },
    resolve: (_c, args, ctx) =>
      demand(ctx.scope(), { ...argsOf(args), first: args.first, offset: Math.max(0, args.offset ?? 0) }),
  }),
  demandCsv: t.string({
    description:
      'Staff, and READ_DEMAND keys: the first 1,000 ideas of `demand` as CSV (a header line, then one per idea).',
    authScopes: { staff: true, apiKey: 'READ_DEMAND' },
    args: demandArgs(t),
    resolve: (_c, args, ctx) => demandCsv(ctx.scope(), argsOf(args)),
  }),
}));
