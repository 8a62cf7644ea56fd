import { defineEntity, p } from '@mikro-orm/core';
import { createdAtProperty, idProperty } from './common.ts';
import { Community } from './community.ts';
import { StaffMember } from './staff-member.ts';

/** What the successor needs to know about one customer whose relationship they take over. */
export interface HandoverBriefEntry {
  memberId: string;
  displayName: string;
  email: string | null;
  /** One line in English: how much they have taken part, since when, and the brand's last contact. */
  summary: string;
  /**
   * The same facts, for the console to write in the reader's language (briefs from before they
   * were kept have only `summary`).
   */
  facts?: {
    threadCount: number;
    replyCount: number;
    voteCount: number;
    memberSince: string;
    lastAnswered: { by: string; at: string } | null;
  };
  /** The words their threads and replies are most about. */
  topics: string[];
  /** Their average sentiment, −1 to 1 (recent texts weigh more); null without measured texts. */
  sentiment: number | null;
  /** Their threads still waiting for the brand's answer. */
  openQuestions: { threadId: string; title: string; waitingSince: string }[];
}

export const HANDOVER_REASONS = ['DEACTIVATION', 'AGENCY_ENDED'] as const;
export type HandoverReason = (typeof HANDOVER_REASONS)[number];

/**
 * A staff member's work passed to a successor when they leave (or their agency's contract ends):
 * exactly what moved, and the brief the successor starts from, as it was at that moment. Kept for
 * good; the relationship stays the brand's, whoever looks after it.
 */
const HandoverSchema = defineEntity({
  name: 'Handover',
  indexes: [{ properties: ['community', 'createdAt'] }, { properties: ['toStaff'] }, { properties: ['fromStaff'] }],
  properties: {
    id: idProperty(),
    community: () => p.manyToOne(Community),
    fromStaff: () => p.manyToOne(StaffMember),
    toStaff: () => p.manyToOne(StaffMember),
    /** The manager who made it. */
    byStaff: () => p.manyToOne(StaffMember).nullable(),
    reason: p.enum(HANDOVER_REASONS),
    /** Open threads whose assignee changed. */
    threadIds: p.json<string[]>().$type<string[]>(),
    /** Threads the leaving person followed that the successor now follows. */
    followedThreadIds: p.json<string[]>().$type<string[]>(),
    /** Customers whose relationship owner changed. */
    memberIds: p.json<string[]>().$type<string[]>(),
    brief: p.json<HandoverBriefEntry[]>().$type<HandoverBriefEntry[]>(),
    createdAt: createdAtProperty(),
  },
});

export class Handover extends HandoverSchema.class {}
HandoverSchema.setClass(Handover);
