import { defineEntity, p } from '@mikro-orm/core';
import { createdAtProperty, idProperty, updatedAtProperty } from './common.ts';
import { Community } from './community.ts';
import { Member } from './member.ts';
import { StaffMember } from './staff-member.ts';

export const THREAD_KINDS = ['IDEA', 'QUESTION', 'PRAISE', 'PROBLEM'] as const;
export type ThreadKind = (typeof THREAD_KINDS)[number];

export const THREAD_STATUSES = ['OPEN', 'UNDER_REVIEW', 'PLANNED', 'IN_PROGRESS', 'SHIPPED', 'DECLINED'] as const;
export type ThreadStatus = (typeof THREAD_STATUSES)[number];

/**
 * An idea, question, praise or problem. The counters are kept in the same transaction as the rows
 * they count, so lists can sort and show them without aggregating.
 */
const ThreadSchema = defineEntity({
  name: 'Thread',
  indexes: [
    { properties: ['community', 'createdAt', 'id'] },
    { properties: ['community', 'voteCount', 'createdAt', 'id'] },
    { properties: ['community', 'trendingScore', 'id'] },
    { properties: ['community', 'status'] },
    { properties: ['community', 'firstStaffReplyAt'] },
    { properties: ['authorMember'] },
    { properties: ['community', 'waitingSince'] },
    { properties: ['assignee'] },
  ],
  properties: {
    id: idProperty(),
    community: () => p.manyToOne(Community),
    kind: p.enum(THREAD_KINDS),
    title: p.string().length(200),
    body: p.text(),
    status: p.enum(THREAD_STATUSES).default('OPEN'),
    authorMember: () => p.manyToOne(Member).nullable(),
    authorStaff: () => p.manyToOne(StaffMember).nullable(),
    voteCount: p.integer().default(0),
    replyCount: p.integer().default(0),
    followerCount: p.integer().default(0),
    /** Votes weighted by age (see services/trending.ts); what the TRENDING order sorts by. */
    trendingScore: p.double().default(0),
    firstStaffReplyAt: p.datetime().nullable(),
    /**
     * Since when a customer has been waiting for the brand: set when a customer posts or replies
     * and nobody from staff has answered since; cleared by a staff reply. The inbox is ordered by it.
     */
    waitingSince: p.datetime().nullable(),
    /** The staff member looking after this thread (assigned, or the first to answer it). */
    assignee: () => p.manyToOne(StaffMember).nullable(),
    lastActivityAt: p.datetime().onCreate(() => new Date()),
    /** Lexicon sentiment of title + body, -1..1; null when not measured (see sentimentLanguage). */
    sentiment: p.double().nullable(),
    /**
     * The language the sentiment was read in (ISO 639-1; "und" when it could not be told). Null:
     * not read yet in its own language (written before languages were told apart): the ranking's
     * recompute reads it again.
     */
    sentimentLanguage: p.string().length(8).nullable(),
    hiddenAt: p.datetime().nullable(),
    /** Why a moderator hid it (also in the audit log). */
    hiddenReason: p.string().length(500).nullable(),
    /** Set when the author changed the text (within the edit window). */
    editedAt: p.datetime().nullable(),
    /** Set when the author deleted it: it disappears for everyone; the row stays for the record. */
    deletedAt: p.datetime().nullable(),
    /**
     * Set when the author withdrew it after others had taken part: the conversation stays, shown
     * as withdrawn by its author, and its text is shown to staff only.
     */
    withdrawnAt: p.datetime().nullable(),
    lockedAt: p.datetime().nullable(),
    mergedInto: () => p.manyToOne(Thread).nullable(),
    createdAt: createdAtProperty(),
    updatedAt: updatedAtProperty(),
  },
});

export class Thread extends ThreadSchema.class {}
ThreadSchema.setClass(Thread);
