import { defineEntity, p } from '@mikro-orm/core';
import { createdAtProperty, idProperty } from './common.ts';
import { Community } from './community.ts';
import { Member } from './member.ts';
import { Reply } from './reply.ts';
import { StaffMember } from './staff-member.ts';
import { Thread } from './thread.ts';

export const REPORT_RESOLUTIONS = ['HIDDEN', 'DISMISSED'] as const;
export type ReportResolution = (typeof REPORT_RESOLUTIONS)[number];

/** A customer flagging a thread or reply for moderators; resolved by hiding it or dismissing the report. */
const ReportSchema = defineEntity({
  name: 'Report',
  indexes: [{ properties: ['community', 'resolvedAt', 'createdAt'] }, { properties: ['thread'] }],
  uniques: [{ properties: ['reporter', 'thread', 'reply'] }],
  properties: {
    id: idProperty(),
    community: () => p.manyToOne(Community),
    thread: () => p.manyToOne(Thread),
    /** Set when the report is about a reply (of `thread`). */
    reply: () => p.manyToOne(Reply).nullable(),
    reporter: () => p.manyToOne(Member),
    reason: p.string().length(500),
    createdAt: createdAtProperty(),
    resolvedAt: p.datetime().nullable(),
    resolvedBy: () => p.manyToOne(StaffMember).nullable(),
    resolution: p.enum(REPORT_RESOLUTIONS).nullable(),
  },
});

export class Report extends ReportSchema.class {}
ReportSchema.setClass(Report);
