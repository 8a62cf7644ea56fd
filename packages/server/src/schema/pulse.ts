/** The community's pulse: volume, feeling, and how well staff keep up, over time. */
import { type BUCKETS, type PulseBucket, pulse } from '../services/pulse.ts';
import type { Topic } from '../services/topics.ts';
import { builder } from './builder.ts';
import { CommunityRef } from './community.ts';

const BucketEnum = builder.enumType('PulseBucketSize', {
  values: {
    DAY: { description: 'UTC days.' },
    WEEK: { description: 'ISO weeks (from Monday).' },
  } satisfies Record<(typeof BUCKETS)[number], unknown>,
});

const TopicRef = builder.objectRef<Topic>('Topic').implement({
  description: 'A word people wrote about, and in how many threads.',
  fields: (t) => ({ word: t.exposeString('word'), count: t.exposeInt('count') }),
});

const PulseBucketRef = builder.objectRef<PulseBucket>('PulseBucket').implement({
  description: 'One day or week of the community.',
  fields: (t) => ({
    start: t.expose('start', { type: 'DateTime' }),
    end: t.expose('end', { type: 'DateTime' }),
    threads: t.exposeInt('threads', { description: 'New threads.' }),
    replies: t.exposeInt('replies', { description: 'New replies.' }),
    newMembers: t.exposeInt('newMembers'),
    sentiment: t.exposeFloat('sentiment', {
      nullable: true,
      description:
        "Average sentiment of customers' threads and replies measured, -1..1; null means not measured (language not supported), or no texts at all.",
    }),
    answeredShare: t.exposeFloat('answeredShare', {
      nullable: true,
      description: "Of the customers' threads started, the share staff have answered, 0..1.",
    }),
    medianFirstReplyMinutes: t.exposeFloat('medianFirstReplyMinutes', {
      nullable: true,
      description: "Median minutes to the first staff reply, over the customers' threads answered.",
    }),
    topics: t.field({
      type: [TopicRef],
      description: 'The most frequent significant words of new threads.',
      resolve: (b) => b.topics,
    }),
  }),
});

builder.objectFields(CommunityRef, (t) => ({
  pulse: t.field({
    type: [PulseBucketRef],
    description: 'Staff: the community day by day or week by week, from `from` to `to` (at most 400 buckets).',
    authScopes: { staff: true },
    args: {
      from: t.arg({ type: 'DateTime' }),
      to: t.arg({ type: 'DateTime' }),
      bucket: t.arg({ type: BucketEnum, required: false, defaultValue: 'DAY' }),
    },
    resolve: (_community, args, ctx) =>
      pulse(ctx.scope(), { from: args.from, to: args.to, bucket: args.bucket ?? 'DAY' }),
  }),
}));
