import { badInput } from '../core/errors.ts';
import type { Scope } from '../core/scope.ts';
import { Member, Reply, Thread } from '../entities/index.ts';
import { DAY_MS } from './ranking/model.ts';
import { type Topic, topTopics } from './topics.ts';

export const BUCKETS = ['DAY', 'WEEK'] as const;
export type Bucket = (typeof BUCKETS)[number];

/** How the community felt and was looked after in one day or week. */
export interface PulseBucket {
  start: Date;
  end: Date;
  threads: number;
  replies: number;
  newMembers: number;
  /** Average sentiment of customers' threads and replies (-1..1); null without any. */
  sentiment: number | null;
  /** Of the customers' threads started in the bucket, the share staff have answered (0..1). */
  answeredShare: number | null;
  /** Median minutes from a customer's thread to the first staff reply, for those answered. */
  medianFirstReplyMinutes: number | null;
  topics: Topic[];
}

const MAX_BUCKETS = 400;

/** Start of the bucket holding `at`: the UTC day, or the ISO week (Monday). */
function bucketStart(at: number, bucket: Bucket): number {
  const day = Math.floor(at / DAY_MS) * DAY_MS;
  if (bucket === 'DAY') return day;
  const weekday = (new Date(day).getUTCDay() + 6) % 7;
  return day - weekday * DAY_MS;
}

const median = (values: number[]) => {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

/**
 * The community's pulse between two instants, day by day or week by week: volume, how customers
 * feel, how quickly and how often staff answer, who joined, and what people talk about.
 */
export async function pulse(scope: Scope, range: { from: Date; to: Date; bucket: Bucket }): Promise<PulseBucket[]> {
  const { bucket } = range;
  const from = bucketStart(range.from.getTime(), bucket);
  const to = range.to.getTime();
  if (!(to > from)) throw badInput('error.pulse.order', 'to');
  const size = bucket === 'DAY' ? DAY_MS : 7 * DAY_MS;
  const count = Math.ceil((to - from) / size);
  if (count > MAX_BUCKETS) {
    throw badInput([bucket === 'DAY' ? 'error.pulse.days' : 'error.pulse.weeks', { count, max: MAX_BUCKETS }], 'from');
  }
  const buckets: PulseBucket[] = Array.from({ length: count }, (_, i) => ({
    start: new Date(from + i * size),
    end: new Date(Math.min(from + (i + 1) * size, to)),
    threads: 0,
    replies: 0,
    newMembers: 0,
    sentiment: null,
    answeredShare: null,
    medianFirstReplyMinutes: null,
    topics: [],
  }));
  const indexOf = (at: Date) => Math.floor((at.getTime() - from) / size);
  const between = { $gte: new Date(from), $lt: new Date(to) };
  const visible = { deletedAt: null, hiddenAt: null };

  const feelings = buckets.map(() => [] as number[]);
  const texts = buckets.map(() => [] as string[]);
  const waits = buckets.map(() => [] as number[]);
  const answered = buckets.map(() => ({ customer: 0, answered: 0 }));

  const threads = await scope.em.find(
    Thread,
    { createdAt: between, ...visible },
    { fields: ['createdAt', 'title', 'body', 'sentiment', 'firstStaffReplyAt', 'authorMember'] },
  );
  for (const thread of threads) {
    const i = indexOf(thread.createdAt);
    const b = buckets[i];
    if (!b) continue;
    b.threads += 1;
    if (!thread.authorMember) continue;
    if (thread.sentiment != null) feelings[i]?.push(Number(thread.sentiment));
    texts[i]?.push(`${thread.title}\n${thread.body.slice(0, 2000)}`);
    const counted = answered[i] as { customer: number; answered: number };
    counted.customer += 1;
    if (thread.firstStaffReplyAt) {
      counted.answered += 1;
      waits[i]?.push((thread.firstStaffReplyAt.getTime() - thread.createdAt.getTime()) / 60_000);
    }
  }
  const replies = await scope.em.find(
    Reply,
    { createdAt: between, ...visible },
    { fields: ['createdAt', 'sentiment', 'authorMember'] },
  );
  for (const reply of replies) {
    const i = indexOf(reply.createdAt);
    const b = buckets[i];
    if (!b) continue;
    b.replies += 1;
    if (reply.authorMember && reply.sentiment != null) feelings[i]?.push(Number(reply.sentiment));
  }
  const members = await scope.em.find(Member, { createdAt: between }, { fields: ['createdAt'] });
  for (const member of members) {
    const b = buckets[indexOf(member.createdAt)];
    if (b) b.newMembers += 1;
  }
  for (const [i, b] of buckets.entries()) {
    const felt = feelings[i] ?? [];
    b.sentiment = felt.length ? felt.reduce((sum, s) => sum + s, 0) / felt.length : null;
    const counted = answered[i] as { customer: number; answered: number };
    b.answeredShare = counted.customer ? counted.answered / counted.customer : null;
    b.medianFirstReplyMinutes = median(waits[i] ?? []);
    b.topics = topTopics(texts[i] ?? []);
  }
  return buckets;
}
