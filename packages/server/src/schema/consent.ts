/**
 * Consent and notification settings: members choose in the widget what they may be emailed about
 * (Viewer.consents, setConsent) and how often (Viewer.emailDigest, setEmailDigest); staff read a
 * member's consents and the ledger behind them (Member.consents, Member.consentHistory).
 */
import { CONSENT_SOURCES, type ConsentRecord, Member, StaffMember } from '../entities/index.ts';
import { isStaff } from '../services/actor.ts';
import {
  type ConsentState,
  consentHistory,
  consentsOf,
  consentText,
  recordConsentForMember,
} from '../services/consent.ts';
import {
  ownConsents,
  setOwnConsent,
  setOwnEmailDigest,
  setOwnFollowOnVote,
  setOwnLocale,
} from '../services/notification-settings.ts';
import { builder, staffOnly } from './builder.ts';
import { ViewerRef } from './viewer.ts';

export const ConsentPurposeEnum = builder.enumType('ConsentPurpose', {
  values: {
    THREAD_NOTIFICATIONS: { description: 'Emails about threads they follow (on unless they turn it off).' },
    PRODUCT_UPDATES: { description: 'News about the product (off until they agree).' },
    STAFF_CONTACT: { description: 'Being contacted by staff directly (off until they agree).' },
  },
});
const ConsentSourceEnum = builder.enumType('ConsentSource', { values: CONSENT_SOURCES });
const EmailDigestEnum = builder.enumType('EmailDigest', {
  values: {
    IMMEDIATE: { description: 'An email for each reply or status change.' },
    DAILY: { description: 'One email a day with everything (08:00 UTC).' },
    NEVER: { description: 'No emails about followed threads.' },
  },
});

const ConsentRecordRef = builder.objectRef<ConsentRecord>('ConsentRecord').implement({
  description: 'One entry of the consent ledger: a grant or a withdrawal, never changed afterwards.',
  fields: (t) => ({
    purpose: t.field({ type: ConsentPurposeEnum, resolve: (r) => r.purpose }),
    granted: t.exposeBoolean('granted'),
    source: t.field({ type: ConsentSourceEnum, resolve: (r) => r.source }),
    textShown: t.exposeString('textShown', { description: 'The words the member saw when they chose.' }),
    recordedBy: t.field({
      type: StaffMember,
      nullable: true,
      resolve: (r, _args, ctx) => (r.recordedBy ? ctx.scope().loaders.byId(StaffMember).load(r.recordedBy.id) : null),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const ConsentRef = builder.objectRef<ConsentState>('Consent').implement({
  description: 'Whether the member may be contacted for a purpose, now.',
  fields: (t) => ({
    purpose: t.field({ type: ConsentPurposeEnum, resolve: (c) => c.purpose }),
    granted: t.exposeBoolean('granted'),
    isDefault: t.boolean({
      description: 'True when they never chose (the default applies).',
      resolve: (c) => !c.record,
    }),
    text: t.string({
      description: "What to show next to the choice, in the viewer's language (their own, else the community's).",
      resolve: async (c, _args, ctx) => consentText(c.purpose, await ctx.viewerLocale()),
    }),
    since: t.field({ type: 'DateTime', nullable: true, resolve: (c) => c.record?.createdAt ?? null }),
    source: t.field({ type: ConsentSourceEnum, nullable: true, resolve: (c) => c.record?.source ?? null }),
  }),
});

builder.objectFields(ViewerRef, (t) => ({
  consents: t.field({
    type: [ConsentRef],
    nullable: true,
    description: "A customer's own consents (null for staff).",
    resolve: (viewer, _args, ctx) => (isStaff(viewer) ? null : ownConsents(ctx.scope(), viewer)),
  }),
  emailDigest: t.field({
    type: EmailDigestEnum,
    nullable: true,
    description: 'How often a customer hears by email of followed threads (null for staff).',
    resolve: (viewer) => (isStaff(viewer) ? null : viewer.member.emailDigest),
  }),
  followOnVote: t.boolean({
    nullable: true,
    description: 'Whether voting for a thread also brings a customer its status updates (null for staff).',
    resolve: (viewer) => (isStaff(viewer) ? null : viewer.member.followOnVote),
  }),
  locale: t.string({
    nullable: true,
    description: "The language of a customer's emails (null: the community's; for staff, their console language).",
    resolve: (viewer) => (isStaff(viewer) ? viewer.staff.locale : viewer.member.locale),
  }),
}));

builder.objectFields(Member, (t) => ({
  consents: t.field({
    ...staffOnly,
    type: [ConsentRef],
    description: 'Staff only: what this customer may be contacted about, now.',
    resolve: (member, _args, ctx) => consentsOf(ctx.scope().em, member.id),
  }),
  consentHistory: t.field({
    ...staffOnly,
    type: [ConsentRecordRef],
    description: 'Staff only: every grant and withdrawal, newest first.',
    resolve: (member, _args, ctx) => consentHistory(ctx.scope().em, member.id),
  }),
}));

builder.mutationFields((t) => ({
  recordMemberConsent: t.field({
    type: ConsentRef,
    description:
      'Managers: record what a customer agreed to elsewhere (by phone, at an event), with the words used; in the ledger as ADMIN, with who recorded it.',
    authScopes: { manager: true },
    args: {
      memberId: t.arg.globalID({ for: Member }),
      purpose: t.arg({ type: ConsentPurposeEnum }),
      granted: t.arg.boolean(),
      textShown: t.arg.string({ description: 'What the customer was told or agreed to, 1–1,000 characters.' }),
    },
    resolve: (_root, args, ctx) =>
      recordConsentForMember(ctx.scope(), ctx.staff(), { ...args, memberId: args.memberId.id }),
  }),
  setConsent: t.field({
    type: ConsentRef,
    description:
      'Customers: grant or withdraw consent for a purpose; recorded in the ledger with the words shown, in effect for the next message.',
    authScopes: { member: true },
    args: {
      purpose: t.arg({ type: ConsentPurposeEnum }),
      granted: t.arg.boolean(),
      textShown: t.arg.string({
        required: false,
        description: 'The words shown with the choice (default: Consent.text).',
      }),
    },
    resolve: async (_root, args, ctx) =>
      setOwnConsent(
        ctx.scope(),
        ctx.member(),
        args.purpose,
        args.granted,
        // Recorded as shown: the words the customer read, in their language.
        args.textShown ?? consentText(args.purpose, await ctx.viewerLocale()),
      ),
  }),
  setFollowOnVote: t.boolean({
    description:
      'Customers: whether voting for a thread also brings them its status updates (shipping, merging). Returns the new choice.',
    authScopes: { member: true },
    args: { followOnVote: t.arg.boolean() },
    resolve: async (_root, args, ctx) =>
      (await setOwnFollowOnVote(ctx.scope(), ctx.member(), args.followOnVote)).followOnVote,
  }),
  setMyLocale: t.string({
    description:
      'Customers: the language their emails are written in (a shipped locale, e.g. "de"); the widget sets the one it shows. Returns it.',
    authScopes: { member: true },
    args: { locale: t.arg.string() },
    resolve: async (_root, args, ctx) => (await setOwnLocale(ctx.scope(), ctx.member(), args.locale)).locale ?? '',
  }),
  setEmailDigest: t.field({
    type: EmailDigestEnum,
    description: 'Customers: how often to hear by email of the threads they follow.',
    authScopes: { member: true },
    args: { digest: t.arg({ type: EmailDigestEnum }) },
    resolve: async (_root, args, ctx) => (await setOwnEmailDigest(ctx.scope(), ctx.member(), args.digest)).emailDigest,
  }),
}));
