/**
 * Clean-up, for managers: preview exactly who a rule takes (Community.cleanupPreview), confirm
 * them (runCleanup: erased after the grace period), and undo it until then (undoCleanup).
 */
import { encodeGlobalID } from '@pothos/plugin-relay';
import { type Cleanup, Community, Member, StaffMember } from '../entities/index.ts';
import { type CleanupCandidate, listCleanups, previewCleanup, runCleanup, undoCleanup } from '../services/cleanup.ts';
import { builder } from './builder.ts';
import { MemberRef } from './member.ts';
import { StaffMemberRef } from './staff-member.ts';

const CleanupRuleEnum = builder.enumType('CleanupRule', {
  values: {
    INACTIVE_WITHOUT_CONSENT: {
      description: 'Agreed neither to product updates nor to contact.',
    },
    UNSUBSCRIBED: { description: 'Turned off emails about the threads they follow (and inactive, like every rule).' },
    BOUNCED: { description: 'Their mail server refused their address, or an email to them failed after every retry.' },
  },
});

const CleanupReasonEnum = builder.enumType('CleanupReason', {
  values: {
    NOT_SEEN_WITHOUT_CONSENT: { description: 'Not seen, took part in nothing, and agreed to no contact.' },
    EMAILS_TURNED_OFF: { description: 'Turned off emails about followed threads, and inactive since.' },
    ADDRESS_REFUSED: { description: 'Their mail server refused their address for good.' },
    DELIVERY_FAILED: { description: 'An email to them failed after every retry.' },
  },
});

const CandidateRef = builder.objectRef<CleanupCandidate>('CleanupCandidate').implement({
  description: 'One member a clean-up rule takes, and why.',
  fields: (t) => ({
    member: t.field({ type: MemberRef, resolve: (c) => c.member }),
    reason: t.field({ type: CleanupReasonEnum, resolve: (c) => c.reason }),
    lastActiveAt: t.expose('lastActiveAt', {
      type: 'DateTime',
      description: 'When they last took part or were seen (before the inactivity window).',
    }),
  }),
});

const firstOf = (candidates: CleanupCandidate[], first: number | null | undefined) =>
  candidates.slice(0, Math.min(Math.max(first ?? 100, 0), 500));

const PreviewRef = builder.objectRef<CleanupCandidate[]>('CleanupPreview').implement({
  description:
    'Exactly who the rule takes now: confirm with these ids. Nobody who took part within the inactivity window is in it.',
  fields: (t) => ({
    total: t.int({ resolve: (candidates) => candidates.length }),
    memberIds: t.idList({
      description: 'Every member the rule takes (global ids), for runCleanup.',
      resolve: (candidates) => candidates.map((c) => encodeGlobalID('Member', c.member.id)),
    }),
    members: t.field({
      type: [MemberRef],
      args: { first: t.arg.int({ required: false, defaultValue: 100 }) },
      description: 'The first of them, by name (at most 500).',
      resolve: (candidates, args) => firstOf(candidates, args.first).map((c) => c.member),
    }),
    candidates: t.field({
      type: [CandidateRef],
      args: { first: t.arg.int({ required: false, defaultValue: 100 }) },
      description: 'The first of them, by name (at most 500), each with why they are there.',
      resolve: (candidates, args) => firstOf(candidates, args.first),
    }),
  }),
});

const CleanupRef = builder.objectRef<Cleanup>('Cleanup').implement({
  description: 'A clean-up a manager ran: who it takes, and until when it can be undone.',
  fields: (t) => ({
    id: t.exposeID('id'),
    rule: t.field({ type: CleanupRuleEnum, resolve: (c) => c.rule }),
    inactiveDays: t.exposeInt('inactiveDays', { nullable: true }),
    memberCount: t.int({ resolve: (c) => c.memberIds.length }),
    by: t.field({
      type: StaffMemberRef,
      nullable: true,
      resolve: (c, _a, ctx) => (c.byStaff ? ctx.scope().loaders.byId(StaffMember).load(c.byStaff.id) : null),
    }),
    dueAt: t.expose('dueAt', { type: 'DateTime', description: 'When they are erased, unless it is undone first.' }),
    undoneAt: t.expose('undoneAt', { type: 'DateTime', nullable: true }),
    canUndo: t.boolean({ resolve: (c) => !c.undoneAt && c.dueAt > new Date() }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const CleanupRunRef = builder.objectRef<{ cleanup: Cleanup; skipped: number }>('CleanupRun').implement({
  fields: (t) => ({
    cleanup: t.field({ type: CleanupRef, resolve: (r) => r.cleanup }),
    skipped: t.exposeInt('skipped', { description: 'Confirmed members who no longer matched, left alone.' }),
  }),
});

builder.objectFields(Community, (t) => ({
  cleanupPreview: t.field({
    type: PreviewRef,
    description: 'Managers: who a clean-up rule takes now.',
    authScopes: { manager: true },
    args: {
      rule: t.arg({ type: CleanupRuleEnum }),
      inactiveDays: t.arg.int({
        required: false,
        description:
          'Nobody who took part or was seen within this many days is proposed (30–3,650; default 365 for INACTIVE_WITHOUT_CONSENT, 90 for the others).',
      }),
      segmentId: t.arg.id({ required: false, description: 'Only members of this saved segment.' }),
    },
    resolve: (_c, args, ctx) =>
      previewCleanup(ctx.scope(), { ...args, segmentId: args.segmentId == null ? null : String(args.segmentId) }),
  }),
  cleanups: t.field({
    type: [CleanupRef],
    description: 'Managers: the clean-ups run, newest first.',
    authScopes: { manager: true },
    resolve: (_c, _a, ctx) => listCleanups(ctx.scope()),
  }),
}));

builder.mutationFields((t) => ({
  runCleanup: t.field({
    type: CleanupRunRef,
    description:
      'Managers: erase the members confirmed from the preview (those still matching) after the grace period; it can be undone until then. Audited.',
    authScopes: { manager: true },
    args: {
      rule: t.arg({ type: CleanupRuleEnum }),
      inactiveDays: t.arg.int({ required: false }),
      segmentId: t.arg.id({ required: false, description: 'As previewed.' }),
      memberIds: t.arg.globalIDList({ for: Member }),
    },
    resolve: (_r, args, ctx) =>
      runCleanup(
        ctx.scope(),
        ctx.staff(),
        { ...args, segmentId: args.segmentId == null ? null : String(args.segmentId) },
        args.memberIds.map((g) => g.id),
      ),
  }),
  undoCleanup: t.field({
    type: CleanupRef,
    description: 'Managers: take a clean-up back before its erasure. Audited.',
    authScopes: { manager: true },
    args: { id: t.arg.id() },
    resolve: (_r, args, ctx) => undoCleanup(ctx.scope(), ctx.staff(), String(args.id)),
  }),
}));
