import { Community, StaffMember } from '../entities/index.ts';
import {
  type Deactivation,
  deactivateStaff,
  type Invitation,
  inviteStaff,
  issuePasswordLink,
  listStaff,
  updateOwnProfile,
  updateStaff,
} from '../services/staff/team.ts';
import { AuthorRef } from './author.ts';
import { builder } from './builder.ts';

const StaffBadge = builder.enumType('StaffBadge', {
  description: 'How a staff member is labelled to customers.',
  values: {
    STAFF: { description: 'Works for the brand.' },
    AGENCY: { description: 'Works for an agency on the brand\'s behalf: shown as "Agency for <brand>".' },
  },
});

export const StaffRoleEnum = builder.enumType('StaffRole', {
  values: ['OWNER', 'MANAGER', 'STAFF', 'AGENCY'] as const,
});

export const StaffMemberRef = builder.node(StaffMember, {
  name: 'StaffMember',
  description: 'Someone answering for the brand, as themselves.',
  interfaces: [AuthorRef],
  id: { resolve: (staff) => staff.id },
  fields: (t) => ({
    displayName: t.exposeString('name'),
    name: t.exposeString('name'),
    title: t.exposeString('title', { nullable: true }),
    avatarUrl: t.exposeString('avatarUrl', { nullable: true }),
    badge: t.field({ type: StaffBadge, resolve: (staff) => (staff.role === 'AGENCY' ? 'AGENCY' : 'STAFF') }),
    agencyName: t.exposeString('agencyName', { nullable: true }),
    isFormer: t.boolean({
      description: 'No longer with the brand; their replies stay theirs.',
      resolve: (staff) => !staff.active,
    }),
    role: t.field({
      type: StaffRoleEnum,
      nullable: true,
      description: 'Visible to staff only.',
      authScopes: { staff: true },
      resolve: (staff) => staff.role,
    }),
    email: t.exposeString('email', {
      nullable: true,
      description: 'Visible to staff only.',
      authScopes: { staff: true },
    }),
    locale: t.exposeString('locale', {
      nullable: true,
      description: "Visible to staff only. The console's language they chose (null: their browser's).",
      authScopes: { staff: true },
    }),
  }),
});

builder.objectFields(Community, (t) => ({
  staffMembers: t.field({
    type: [StaffMemberRef],
    description: 'Staff only: the team, active first (for assigning threads and choosing successors).',
    authScopes: { staff: true },
    args: { includeFormer: t.arg.boolean({ required: false, defaultValue: false }) },
    resolve: (_community, args, ctx) => listStaff(ctx.scope(), args.includeFormer ?? false),
  }),
}));

builder.objectFields(StaffMemberRef, (t) => ({
  hasPassword: t.boolean({
    nullable: true,
    description: 'Managers only: false while an invitation has not been accepted.',
    authScopes: { manager: true },
    resolve: (staff) => staff.passwordHash != null,
  }),
  deactivatedAt: t.expose('deactivatedAt', { type: 'DateTime', nullable: true, authScopes: { staff: true } }),
}));

/** A one-time link to set a password: shown once to the manager, who passes it on. */
const PasswordLinkRef = builder.objectRef<Invitation & { url: string }>('PasswordLink').implement({
  fields: (t) => ({
    staff: t.field({ type: StaffMemberRef, resolve: (link) => link.staff }),
    url: t.exposeString('url', { description: 'Works once, for 7 days.' }),
  }),
});

const withUrl = (publicUrl: string, invitation: Invitation) => ({
  ...invitation,
  // The token travels in the fragment: browsers do not send it to servers or in Referer headers.
  // The address is the configured one: a request's Host header could send the link anywhere.
  url: `${publicUrl}/admin/set-password#token=${invitation.token}`,
});

const InviteStaffInput = builder.inputType('InviteStaffInput', {
  fields: (t) => ({
    email: t.string(),
    name: t.string(),
    role: t.field({ type: StaffRoleEnum }),
    title: t.string({ required: false }),
    agencyName: t.string({ required: false, description: 'Required for AGENCY.' }),
  }),
});

const UpdateStaffInput = builder.inputType('UpdateStaffInput', {
  fields: (t) => ({
    staffId: t.globalID({ for: StaffMember }),
    name: t.string({ required: false }),
    title: t.string({ required: false }),
    role: t.field({ type: StaffRoleEnum, required: false }),
    agencyName: t.string({ required: false }),
  }),
});

export const DeactivationRef = builder.objectRef<Deactivation>('Deactivation').implement({
  fields: (t) => ({
    staff: t.field({ type: StaffMemberRef, resolve: (d) => d.staff }),
    successors: t.field({ type: [StaffMemberRef], resolve: (d) => d.successors }),
    movedThreads: t.exposeInt('movedThreads', { description: 'Open threads now looked after by the successors.' }),
  }),
});

const ProfileInput = builder.inputType('ProfileInput', {
  fields: (t) => ({
    name: t.string({ required: false }),
    title: t.string({ required: false }),
    avatarUrl: t.string({ required: false, description: 'An http(s) URL of a square picture; empty to remove it.' }),
    locale: t.string({
      required: false,
      description: 'The console\'s language (a shipped locale, e.g. "de"); empty to follow the browser.',
    }),
  }),
});

builder.mutationFields((t) => ({
  inviteStaff: t.field({
    type: PasswordLinkRef,
    description: 'Managers: adds a staff member, who sets a password through the returned one-time link.',
    authScopes: { manager: true },
    args: { input: t.arg({ type: InviteStaffInput }) },
    resolve: async (_root, { input }, ctx) =>
      withUrl(ctx.publicUrl, await inviteStaff(ctx.scope(), ctx.staff(), input)),
  }),
  issuePasswordLink: t.field({
    type: PasswordLinkRef,
    description: 'Managers: a new one-time link to set a password (a lost invitation or password).',
    authScopes: { manager: true },
    args: { staffId: t.arg.globalID({ for: StaffMember }) },
    resolve: async (_root, args, ctx) =>
      withUrl(ctx.publicUrl, await issuePasswordLink(ctx.scope(), ctx.staff(), args.staffId.id)),
  }),
  updateStaff: t.field({
    type: StaffMemberRef,
    description: 'Managers: changes name, title or role (owners for managers and owners). Audited.',
    authScopes: { manager: true },
    args: { input: t.arg({ type: UpdateStaffInput }) },
    resolve: (_root, { input }, ctx) => updateStaff(ctx.scope(), ctx.staff(), input.staffId.id, input),
  }),
  deactivateStaff: t.field({
    type: DeactivationRef,
    description:
      "Managers: ends the account at once; its open threads, followed threads and customer relationships go to the chosen successors (1–10; with several, customers are shared out in turn and each customer's threads go with them), each with a handover brief. Audited.",
    authScopes: { manager: true },
    args: {
      staffId: t.arg.globalID({ for: StaffMember }),
      successorIds: t.arg.globalIDList({ for: StaffMember }),
    },
    resolve: (_root, args, ctx) =>
      deactivateStaff(
        ctx.scope(),
        ctx.staff(),
        args.staffId.id,
        args.successorIds.map((g) => g.id),
      ),
  }),
  updateMyProfile: t.field({
    type: StaffMemberRef,
    description: 'Staff: the name, title and picture customers see next to your replies, and your console language.',
    authScopes: { staff: true },
    args: { input: t.arg({ type: ProfileInput }) },
    resolve: (_root, { input }, ctx) => updateOwnProfile(ctx.scope(), ctx.staff(), input),
  }),
}));
