import { defineEntity, p } from '@mikro-orm/core';
import { createdAtProperty, idProperty } from './common.ts';
import { Community } from './community.ts';
import { Member } from './member.ts';
import { StaffMember } from './staff-member.ts';

/** What a member may be contacted about; each has its own consent (services/consent.ts). */
export const CONSENT_PURPOSES = ['THREAD_NOTIFICATIONS', 'PRODUCT_UPDATES', 'STAFF_CONTACT'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

/** Where a grant or withdrawal came from. */
export const CONSENT_SOURCES = ['WIDGET', 'SSO', 'ADMIN', 'IMPORT', 'UNSUBSCRIBE_LINK'] as const;
export type ConsentSource = (typeof CONSENT_SOURCES)[number];

/**
 * The consent ledger: one row per grant or withdrawal, never updated or deleted. A member's
 * consent for a purpose is their latest row for it (or the purpose's default without one), read
 * again every time a message is about to go out.
 */
const ConsentRecordSchema = defineEntity({
  name: 'ConsentRecord',
  indexes: [{ properties: ['member', 'purpose', 'createdAt'] }, { properties: ['community', 'createdAt'] }],
  properties: {
    id: idProperty(),
    community: () => p.manyToOne(Community),
    member: () => p.manyToOne(Member),
    purpose: p.enum(CONSENT_PURPOSES),
    granted: p.boolean(),
    source: p.enum(CONSENT_SOURCES),
    /** The words the member saw when they chose (the checkbox label, the link's page). */
    textShown: p.string().length(1000),
    /** The staff member who recorded it (source ADMIN), else null. */
    recordedBy: () => p.manyToOne(StaffMember).nullable(),
    createdAt: createdAtProperty(),
  },
});

export class ConsentRecord extends ConsentRecordSchema.class {}
ConsentRecordSchema.setClass(ConsentRecord);
