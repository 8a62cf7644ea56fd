import { pageSize } from '../core/validation.ts';
import { Community, Member, StaffMember } from '../entities/index.ts';
import {
  contactHistory,
  findMember,
  findMemberByExternalId,
  listMembers,
  MEMBER_ORDERS,
  memberThreads,
  type StaffContact,
  staffContacts,
} from '../services/members/list.ts';
import { setMemberSuspended } from '../services/suspension.ts';
import { AuthorRef } from './author.ts';
import { builder, staffOnly, staffOrMemberReader } from './builder.ts';
import { connectionComplexity, forwardArgs, toConnection } from './connection.ts';
import { ReplyRef } from './reply.ts';
import { ThreadConnectionRef, ThreadRef } from './thread.ts';

const MemberKindEnum = builder.enumType('MemberKind', {
  values: { SSO: { description: 'Signed in through the brand.' }, GUEST: { description: 'Took part as a guest.' } },
});

/** What staff, and only staff, see of a customer: the relationship brief. */

export const MemberRef = builder.node(Member, {
  name: 'Member',
  description: 'A customer of the community. Fields beyond the public name are visible to staff only.',
  interfaces: [AuthorRef],
  id: { resolve: (member) => member.id },
  fields: (t) => ({
    displayName: t.string({
      resolve: (member) => (member.erasedAt ? 'Deleted member' : member.displayName),
    }),
    avatarUrl: t.string({ nullable: true, resolve: (member) => (member.erasedAt ? null : member.avatarUrl) }),
    isAmbassador: t.boolean({
      description: 'Flagged as an ambassador by the community team.',
      resolve: (member) => member.ambassadorFlaggedAt != null,
    }),
    isGuest: t.boolean({ resolve: (member) => member.kind === 'GUEST' }),
    kind: t.field({ ...staffOrMemberReader, type: MemberKindEnum, resolve: (member) => member.kind }),
    email: t.string({ ...staffOrMemberReader, resolve: (member) => (member.erasedAt ? null : member.email) }),
    emailBouncedAt: t.field({
      type: 'DateTime',
      ...staffOrMemberReader,
      description: 'Staff only: when their mail server refused their address (nothing is sent to it until it changes).',
      resolve: (member) => member.emailBouncedAt ?? null,
    }),
    externalId: t.string({
      ...staffOrMemberReader,
      description: "The brand's own id for this customer (SSO).",
      resolve: (member) => member.externalId,
    }),
    attributes: t.field({
      ...staffOrMemberReader,
      type: 'JSON',
      description:
        'Staff, and READ_MEMBERS keys: what the brand says about this customer (plan, company, monthly revenue…), from its sign-in token or API. Null when it said nothing.',
      resolve: (member) => (member.erasedAt ? null : (member.attributes ?? null)),
    }),
    firstSeenAt: t.field({ ...staffOrMemberReader, type: 'DateTime', resolve: (member) => member.firstSeenAt }),
    lastSeenAt: t.field({ ...staffOrMemberReader, type: 'DateTime', resolve: (member) => member.lastSeenAt }),
    threadCount: t.int({ ...staffOrMemberReader, resolve: (member) => member.threadCount }),
    replyCount: t.int({ ...staffOrMemberReader, resolve: (member) => member.replyCount }),
    voteCount: t.int({ ...staffOrMemberReader, resolve: (member) => member.voteCount }),
    isSuspended: t.boolean({ ...staffOrMemberReader, resolve: (member) => member.suspendedAt != null }),
    suspendedReason: t.string({ ...staffOnly, resolve: (member) => member.suspendedReason }),
    threads: t.connection(
      {
        type: ThreadRef,
        ...staffOnly,
        description: 'Threads they started, newest first.',
        complexity: connectionComplexity,
        resolve: async (member, args, ctx) =>
          toConnection(await memberThreads(ctx.scope(), member.id, forwardArgs(args))),
      },
      ThreadConnectionRef,
    ),
    staffContacts: t.field({
      ...staffOnly,
      type: [StaffContactRef],
      description: 'Who from the brand has talked with them, most recent first.',
      resolve: (member, _args, ctx) => staffContacts(ctx.scope(), member.id),
    }),
    contactHistory: t.field({
      ...staffOnly,
      type: [ReplyRef],
      description:
        'Every staff contact with them, newest first: the staff replies in their conversations (who, when, which thread). `first`: 1–100.',
      args: { first: t.arg.int({ required: false }) },
      complexity: connectionComplexity,
      resolve: (member, args, ctx) => contactHistory(ctx.scope(), member.id, pageSize(args.first, 100)),
    }),
  }),
});

const StaffContactRef = builder.objectRef<StaffContact>('StaffContact').implement({
  description: "A staff member who has replied in this customer's conversations.",
  fields: (t) => ({
    staff: t.field({ type: StaffMember, resolve: (contact) => contact.staff }),
    replies: t.exposeInt('replies'),
    firstAt: t.expose('firstAt', { type: 'DateTime' }),
    lastAt: t.expose('lastAt', { type: 'DateTime' }),
  }),
});

export const MemberConnectionRef = builder.connectionObject({ type: MemberRef, name: 'MemberConnection' });

const MemberOrderEnum = builder.enumType('MemberOrder', { values: MEMBER_ORDERS });

builder.objectFields(Community, (t) => ({
  members: t.connection(
    {
      type: MemberRef,
      description: "Staff, and API keys with READ_MEMBERS: the community's customers, searchable by name or e-mail.",
      authScopes: { staff: true, apiKey: 'READ_MEMBERS' },
      complexity: connectionComplexity,
      args: {
        search: t.arg.string({ required: false }),
        orderBy: t.arg({ type: MemberOrderEnum, defaultValue: 'LAST_SEEN' }),
      },
      resolve: async (_community, args, ctx) =>
        toConnection(
          await listMembers(ctx.scope(), { ...forwardArgs(args), search: args.search, orderBy: args.orderBy }),
        ),
    },
    MemberConnectionRef,
  ),
  member: t.field({
    type: MemberRef,
    nullable: true,
    description: 'Staff, and API keys with READ_MEMBERS: one customer, for the relationship brief.',
    authScopes: { staff: true, apiKey: 'READ_MEMBERS' },
    args: { id: t.arg.globalID({ for: MemberRef }) },
    resolve: (_community, args, ctx) => findMember(ctx.scope(), args.id.id),
  }),
  memberByExternalId: t.field({
    type: MemberRef,
    nullable: true,
    description:
      "Staff, and API keys with READ_MEMBERS: the customer the brand knows by this id (their SSO token's `sub`); null when none.",
    authScopes: { staff: true, apiKey: 'READ_MEMBERS' },
    args: { externalId: t.arg.string() },
    resolve: (_community, args, ctx) => findMemberByExternalId(ctx.scope(), args.externalId),
  }),
}));

const ReasonArg = { required: true, description: '3–500 characters; kept in the audit log.' } as const;

builder.mutationFields((t) => ({
  suspendMember: t.field({
    type: MemberRef,
    description:
      'Managers: the member can still read but no longer post, reply or vote, and leaves the ranking. New guest sessions from a suspended guest’s address or browser are limited.',
    authScopes: { manager: true },
    args: {
      memberId: t.arg.globalID({ for: MemberRef }),
      reason: t.arg.string(ReasonArg),
      hideContent: t.arg.boolean({
        required: false,
        defaultValue: false,
        description: 'Also hide every thread and reply of theirs that is still shown (spam).',
      }),
    },
    resolve: (_root, args, ctx) =>
      setMemberSuspended(ctx.scope(), ctx.staff(), args.memberId.id, {
        suspended: true,
        reason: args.reason,
        content: args.hideContent,
      }),
  }),
  unsuspendMember: t.field({
    type: MemberRef,
    authScopes: { manager: true },
    args: {
      memberId: t.arg.globalID({ for: MemberRef }),
      restoreContent: t.arg.boolean({
        required: false,
        defaultValue: true,
        description: 'Show again what the suspension hid.',
      }),
    },
    resolve: (_root, args, ctx) =>
      setMemberSuspended(ctx.scope(), ctx.staff(), args.memberId.id, {
        suspended: false,
        content: args.restoreContent,
      }),
  }),
}));
