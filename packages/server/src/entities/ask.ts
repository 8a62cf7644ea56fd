import { defineEntity, p } from '@mikro-orm/core';
import { createdAtProperty, idProperty, updatedAtProperty } from './common.ts';
import { Community } from './community.ts';
import { Member } from './member.ts';
import { Segment, type SegmentRules } from './segment.ts';
import { StaffMember } from './staff-member.ts';
import { Thread } from './thread.ts';

export const ASK_STATUSES = ['DRAFT', 'OPEN', 'CLOSED'] as const;
export type AskStatus = (typeof ASK_STATUSES)[number];

/**
 * The brand asking first: a question or a poll a named staff member puts to everyone or to a
 * segment, until it closes. Its target is fixed when it is published (`targetRules`), so that
 * editing the segment later does not change who was asked.
 */
const AskSchema = defineEntity({
  name: 'Ask',
  indexes: [{ properties: ['community', 'status', 'closesAt'] }, { properties: ['status', 'closesAt'] }],
  properties: {
    id: idProperty(),
    community: () => p.manyToOne(Community),
    author: () => p.manyToOne(StaffMember),
    question: p.string().length(200),
    /** More about it, as plain text. */
    details: p.text().default(''),
    /** A poll's choices, in order; none: a question answered in words. */
    choices: p.json<string[]>().$type<string[]>(),
    /** More than one choice may be picked. */
    multiple: p.boolean().default(false),
    /** Besides choosing, a member may say something in their own words. */
    allowText: p.boolean().default(false),
    /** Who is asked: null, everyone. */
    segment: () => p.manyToOne(Segment).nullable().deleteRule('set null'),
    /** The segment's name and rules when it was published; who the ask is for from then on. */
    targetName: p.string().length(80).nullable(),
    targetRules: p.json<SegmentRules>().$type<SegmentRules>().nullable(),
    status: p.enum(ASK_STATUSES).default('DRAFT'),
    closesAt: p.datetime(),
    publishedAt: p.datetime().nullable(),
    closedAt: p.datetime().nullable(),
    /** The public thread staff opened to follow it up. */
    followUp: () => p.manyToOne(Thread).nullable().deleteRule('set null'),
    createdAt: createdAtProperty(),
    updatedAt: updatedAtProperty(),
  },
});

export class Ask extends AskSchema.class {}
AskSchema.setClass(Ask);

/** One member's answer to an ask: changed in place until the ask closes. */
const AskAnswerSchema = defineEntity({
  name: 'AskAnswer',
  uniques: [{ properties: ['ask', 'member'] }],
  indexes: [{ properties: ['member'] }],
  properties: {
    id: idProperty(),
    community: () => p.manyToOne(Community),
    ask: () => p.manyToOne(Ask).deleteRule('cascade'),
    member: () => p.manyToOne(Member).deleteRule('cascade'),
    /** Indexes into the ask's choices. */
    choices: p.json<number[]>().$type<number[]>(),
    text: p.text().nullable(),
    createdAt: createdAtProperty(),
    updatedAt: updatedAtProperty(),
  },
});

export class AskAnswer extends AskAnswerSchema.class {}
AskAnswerSchema.setClass(AskAnswer);
