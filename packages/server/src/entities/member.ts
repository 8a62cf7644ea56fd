import { defineEntity, p } from '@mikro-orm/core';
import { createdAtProperty, idProperty, updatedAtProperty } from './common.ts';
import { Community } from './community.ts';
import { StaffMember } from './staff-member.ts';

/** How often a member hears by email of the threads they follow. */
export const EMAIL_DIGESTS = ['IMMEDIATE', 'DAILY', 'NEVER'] as const;
export type EmailDigest = (typeof EMAIL_DIGESTS)[number];

export const MEMBER_KINDS = ['GUEST', 'SSO'] as const;
export type MemberKind = (typeof MEMBER_KINDS)[number];

/** A customer's attributes, as the brand gives them (validated in core/member-attributes.ts). */
export type MemberAttributes = Record<string, string | number | boolean>;

/** A customer of one community: identified by the brand's SSO (`externalId`) or as a guest. */
const MemberSchema = defineEntity({
  name: 'Member',
  uniques: [{ properties: ['community', 'externalId'] }, { properties: ['community', 'referralCode'] }],
  indexes: [
    { properties: ['community', 'lastSeenAt'] },
    { properties: ['community', 'joinedFromHash'] },
    { properties: ['community', 'browserHash'] },
  ],
  properties: {
    id: idProperty(),
    community: () => p.manyToOne(Community),
    kind: p.enum(MEMBER_KINDS),
    /** The brand's own user id (the SSO token's `sub`); null for guests. */
    externalId: p.string().length(200).nullable(),
    /** SHA-256 of the guest token handed to the browser; null for SSO members. */
    guestTokenHash: p.string().length(64).nullable().unique().hidden(),
    /**
     * Guests: SHA-256 of the address and of the browser id they joined from, so that new guest
     * sessions from a suspended guest's address or browser can be limited. Erased with the member.
     */
    joinedFromHash: p.string().length(64).nullable().hidden(),
    browserHash: p.string().length(64).nullable().hidden(),
    displayName: p.string().length(80),
    email: p.string().length(254).nullable(),
    avatarUrl: p.string().length(500).nullable(),
    emailDigest: p.enum(EMAIL_DIGESTS).default('IMMEDIATE'),
    /** The language they read (a shipped locale, e.g. "de"): their emails are written in it; null: the community's. */
    locale: p.string().length(10).nullable(),
    /**
     * What the brand says about this customer (plan, company, monthly revenue…), from the SSO
     * token or the brand's API: at most 20 keys, each a string, number or boolean. Staff only.
     */
    attributes: p.json<MemberAttributes>().nullable(),
    /**
     * Their mail server refused `email` for good (an SMTP 5xx answer): nothing more is sent to it
     * until the address changes, and the BOUNCED clean-up rule finds them.
     */
    emailBouncedAt: p.datetime().nullable(),
    /** Notifications (replies, status changes on followed threads) up to then are read. */
    notificationsReadAt: p.datetime().nullable(),
    /** Voting on a thread also brings them its status updates (their choice in the widget). */
    followOnVote: p.boolean().default(true),
    /** "What's new" entries published up to then are read (the widget's unread dot). */
    changelogReadAt: p.datetime().nullable(),
    /** Put in the links they share; visits through them count toward their reach. Made on first share. */
    referralCode: p.string().length(16).nullable(),
    /** SHA-256 of the address they last asked for their share code from: their own visits never count. */
    shareAddressHash: p.string().length(64).nullable().hidden(),
    /** The staff member responsible for this relationship. */
    owner: () => p.manyToOne(StaffMember).nullable(),
    ambassadorFlaggedAt: p.datetime().nullable(),
    ambassadorFlaggedBy: () => p.manyToOne(StaffMember).nullable(),
    ambassadorReason: p.string().length(500).nullable(),
    suspendedAt: p.datetime().nullable(),
    suspendedReason: p.string().length(500).nullable(),
    /** What the member has written and voted, kept with the rows so lists can sort by them. */
    threadCount: p.integer().default(0),
    replyCount: p.integer().default(0),
    voteCount: p.integer().default(0),
    erasedAt: p.datetime().nullable(),
    /** The member asked to delete their account; it is erased at `deletionDueAt` unless they cancel. */
    deletionRequestedAt: p.datetime().nullable(),
    deletionDueAt: p.datetime().nullable(),
    firstSeenAt: p.datetime().onCreate(() => new Date()),
    lastSeenAt: p.datetime().onCreate(() => new Date()),
    createdAt: createdAtProperty(),
    updatedAt: updatedAtProperty(),
  },
});

export class Member extends MemberSchema.class {}
MemberSchema.setClass(Member);
