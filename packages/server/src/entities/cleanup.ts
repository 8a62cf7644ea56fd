import { defineEntity, p } from '@mikro-orm/core';
import { createdAtProperty, idProperty } from './common.ts';
import { Community } from './community.ts';
import { StaffMember } from './staff-member.ts';

/** Which members a clean-up takes (services/cleanup.ts). */
export const CLEANUP_RULES = ['INACTIVE_WITHOUT_CONSENT', 'UNSUBSCRIBED', 'BOUNCED'] as const;
export type CleanupRule = (typeof CLEANUP_RULES)[number];

/**
 * A manager's clean-up: the rule, exactly the members it scheduled for erasure (those the manager
 * saw in the preview and confirmed), and until when it can be undone.
 */
const CleanupSchema = defineEntity({
  name: 'Cleanup',
  indexes: [{ properties: ['community', 'createdAt'] }],
  properties: {
    id: idProperty(),
    community: () => p.manyToOne(Community),
    rule: p.enum(CLEANUP_RULES),
    /** Nobody seen or taking part within this many days was taken (every rule). */
    inactiveDays: p.integer().nullable(),
    memberIds: p.json<string[]>().$type<string[]>(),
    byStaff: () => p.manyToOne(StaffMember).nullable(),
    /** The erasure happens then; until then the clean-up can be undone. */
    dueAt: p.datetime(),
    undoneAt: p.datetime().nullable(),
    createdAt: createdAtProperty(),
  },
});

export class Cleanup extends CleanupSchema.class {}
CleanupSchema.setClass(Cleanup);
