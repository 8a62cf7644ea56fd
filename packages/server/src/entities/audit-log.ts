import { defineEntity, p } from '@mikro-orm/core';
import { createdAtProperty, idProperty } from './common.ts';
import { Community } from './community.ts';
import { Member } from './member.ts';
import { StaffMember } from './staff-member.ts';

/**
 * What a staff member did (or a member to their own account, or the system when neither is set),
 * with the state before and after.
 */
const AuditLogSchema = defineEntity({
  name: 'AuditLog',
  indexes: [{ properties: ['community', 'createdAt'] }, { properties: ['targetId'] }],
  properties: {
    id: idProperty(),
    community: () => p.manyToOne(Community),
    actorStaff: () => p.manyToOne(StaffMember).nullable(),
    /** A member acting on their own account (asking for its deletion, bringing in a guest session). */
    actorMember: () => p.manyToOne(Member).nullable(),
    action: p.string().length(64),
    targetType: p.string().length(32),
    targetId: p.string().length(64),
    before: p.json<Record<string, unknown>>().$type<Record<string, unknown>>().nullable(),
    after: p.json<Record<string, unknown>>().$type<Record<string, unknown>>().nullable(),
    createdAt: createdAtProperty(),
  },
});

export class AuditLog extends AuditLogSchema.class {}
AuditLogSchema.setClass(AuditLog);
