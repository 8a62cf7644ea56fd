import { defineEntity, p } from '@mikro-orm/core';
import { createdAtProperty, idProperty, updatedAtProperty } from './common.ts';
import { Community } from './community.ts';

export const STAFF_ROLES = ['OWNER', 'MANAGER', 'STAFF', 'AGENCY'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** A person who answers for the brand. Replies are shown with their own name, title and avatar. */
const StaffMemberSchema = defineEntity({
  name: 'StaffMember',
  uniques: [{ properties: ['community', 'email'] }],
  properties: {
    id: idProperty(),
    community: () => p.manyToOne(Community),
    email: p.string().length(254),
    name: p.string().length(80),
    title: p.string().length(80).nullable(),
    avatarUrl: p.string().length(500).nullable(),
    /** The console's language they chose (a shipped locale); null: their browser's. */
    locale: p.string().length(10).nullable(),
    role: p.enum(STAFF_ROLES),
    /** Set for role AGENCY: customers see "Agency for <brand>" with this name, never the brand alone. */
    agencyName: p.string().length(120).nullable(),
    passwordHash: p.string().length(200).nullable().hidden(),
    /** SHA-256 of a one-time link to set the password (an invitation or a reset), and its expiry. */
    passwordTokenHash: p.string().length(64).nullable().unique().hidden(),
    passwordTokenExpiresAt: p.datetime().nullable(),
    active: p.boolean().default(true),
    deactivatedAt: p.datetime().nullable(),
    createdAt: createdAtProperty(),
    updatedAt: updatedAtProperty(),
  },
});

export class StaffMember extends StaffMemberSchema.class {}
StaffMemberSchema.setClass(StaffMember);
