import { defineEntity, p } from '@mikro-orm/core';
import { createdAtProperty, idProperty } from './common.ts';
import { Community } from './community.ts';
import { StaffMember } from './staff-member.ts';

/** A signed-in staff browser. Only the SHA-256 of the cookie's token is stored. */
const StaffSessionSchema = defineEntity({
  name: 'StaffSession',
  properties: {
    id: idProperty(),
    community: () => p.manyToOne(Community),
    staff: () => p.manyToOne(StaffMember).index(),
    tokenHash: p.string().length(64).unique().hidden(),
    createdAt: createdAtProperty(),
    expiresAt: p.datetime(),
    revokedAt: p.datetime().nullable(),
  },
});

export class StaffSession extends StaffSessionSchema.class {}
StaffSessionSchema.setClass(StaffSession);
