import { defineEntity, p } from '@mikro-orm/core';
import { createdAtProperty, idProperty } from './common.ts';
import { Community } from './community.ts';
import { Member } from './member.ts';
import { Reply } from './reply.ts';
import { StaffMember } from './staff-member.ts';
import { Thread } from './thread.ts';

export const ACTIVITY_TYPES = [
  'MEMBER_JOINED',
  'THREAD_POSTED',
  'REPLY_POSTED',
  'VOTE_ADDED',
  'VOTE_REMOVED',
  'FOLLOWED',
  'UNFOLLOWED',
  'STATUS_CHANGED',
  'THREAD_DELETED',
  'REPLY_DELETED',
  'THREAD_MERGED',
  'THREAD_HIDDEN',
  'REPLY_HIDDEN',
  'THREAD_RESTORED',
  'REPLY_RESTORED',
  'REPLY_MARKED_HELPFUL',
  'SHARE_VISIT',
  /** Answered (or changed their answer to) an ask: `data.askId`. */
  'ASK_ANSWERED',
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

/**
 * The append-only event log: who did what to which thread, and when. It is written in the same
 * transaction as the change it records and never updated, so rankings and the pulse can always be
 * recomputed from it. `subjectMember` is the member the action lands on (the author of the thread
 * voted on or replied to): that is what "reach" is counted from.
 */
const ActivitySchema = defineEntity({
  name: 'Activity',
  indexes: [
    // The replay order of the ranking's full recompute, read without a sort.
    { properties: ['community', 'createdAt', 'id'] },
    { properties: ['actorMember', 'createdAt'] },
    { properties: ['subjectMember', 'createdAt'] },
    { properties: ['thread'] },
    // "Is this the first vote (reply, follow) of this member on this thread?" (ranking).
    { properties: ['thread', 'actorMember', 'type'] },
    { properties: ['subjectMember', 'type', 'createdAt'] },
  ],
  properties: {
    id: idProperty(),
    community: () => p.manyToOne(Community),
    // A plain string, not a database enum: the vocabulary of events grows with the product, and
    // adding a word must not rebuild a table that holds every event ever recorded.
    type: p.string().length(32).$type<ActivityType>(),
    actorMember: () => p.manyToOne(Member).nullable(),
    actorStaff: () => p.manyToOne(StaffMember).nullable(),
    subjectMember: () => p.manyToOne(Member).nullable(),
    thread: () => p.manyToOne(Thread).nullable(),
    reply: () => p.manyToOne(Reply).nullable(),
    data: p.json<Record<string, unknown>>().$type<Record<string, unknown>>().nullable(),
    createdAt: createdAtProperty(),
  },
});

export class Activity extends ActivitySchema.class {}
ActivitySchema.setClass(Activity);
