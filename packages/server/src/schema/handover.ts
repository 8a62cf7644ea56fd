/**
 * The relationship stays the brand's: each customer's owner (Member.owner, setMemberOwner), and
 * the handovers that move a leaving person's work to a successor with a brief
 * (Deactivation.handover, endAgency, Community.handovers).
 */
import { Community, type Handover, type HandoverBriefEntry, Member, StaffMember, Thread } from '../entities/index.ts';
import { findHandover, listHandovers, setMemberOwner } from '../services/handover.ts';
import { endAgency } from '../services/staff/team.ts';
import { builder, staffOnly } from './builder.ts';
import { DeactivationRef, StaffMemberRef } from './staff-member.ts';
import { ThreadRef } from './thread.ts';

type OpenQuestion = HandoverBriefEntry['openQuestions'][number];

const OpenQuestionRef = builder.objectRef<OpenQuestion>('HandoverOpenQuestion').implement({
  description: 'A thread of theirs still waiting for the brand.',
  fields: (t) => ({
    thread: t.field({
      type: ThreadRef,
      nullable: true,
      resolve: (q, _args, ctx) => ctx.scope().loaders.byId(Thread).load(q.threadId),
    }),
    title: t.exposeString('title'),
    waitingSince: t.field({ type: 'DateTime', resolve: (q) => new Date(q.waitingSince) }),
  }),
});

const BriefFactsRef = builder.objectRef<NonNullable<HandoverBriefEntry['facts']>>('HandoverBriefFacts').implement({
  description: "A customer's part in the community at the handover, for a brief in the reader's language.",
  fields: (t) => ({
    threadCount: t.exposeInt('threadCount'),
    replyCount: t.exposeInt('replyCount'),
    voteCount: t.exposeInt('voteCount'),
    memberSince: t.field({ type: 'DateTime', resolve: (f) => new Date(f.memberSince) }),
    lastAnsweredBy: t.string({ nullable: true, resolve: (f) => f.lastAnswered?.by ?? null }),
    lastAnsweredAt: t.field({
      type: 'DateTime',
      nullable: true,
      resolve: (f) => (f.lastAnswered ? new Date(f.lastAnswered.at) : null),
    }),
  }),
});

const BriefEntryRef = builder.objectRef<HandoverBriefEntry>('HandoverBriefEntry').implement({
  description: 'What the successor needs to know about one customer, as it was at the handover.',
  fields: (t) => ({
    member: t.field({
      type: Member,
      nullable: true,
      resolve: (e, _args, ctx) => ctx.scope().loaders.byId(Member).load(e.memberId),
    }),
    displayName: t.exposeString('displayName'),
    email: t.exposeString('email', { nullable: true }),
    summary: t.exposeString('summary', {
      description: 'The facts below as one line in English (the console writes them in its own language).',
    }),
    facts: t.field({
      type: BriefFactsRef,
      nullable: true,
      description: 'How much they took part and the last contact; null in briefs written before these were kept.',
      resolve: (e) => e.facts ?? null,
    }),
    topics: t.exposeStringList('topics'),
    sentiment: t.exposeFloat('sentiment', {
      nullable: true,
      description:
        'Their average sentiment, -1..1; null means not measured (language not supported), or no texts at all.',
    }),
    openQuestions: t.field({ type: [OpenQuestionRef], resolve: (e) => e.openQuestions }),
  }),
});

const HandoverReasonEnum = builder.enumType('HandoverReason', {
  values: {
    DEACTIVATION: { description: 'The staff member was deactivated.' },
    AGENCY_ENDED: { description: "Their agency's work for the brand ended." },
  },
});

export const HandoverRef = builder.objectRef<Handover>('Handover').implement({
  description: 'Work passed from a leaving staff member to a successor: exactly what moved, and the brief.',
  fields: (t) => ({
    id: t.exposeID('id'),
    reason: t.field({ type: HandoverReasonEnum, resolve: (h) => h.reason }),
    from: t.field({
      type: StaffMemberRef,
      resolve: (h, _a, ctx) => ctx.scope().loaders.byId(StaffMember).load(h.fromStaff.id) as Promise<StaffMember>,
    }),
    to: t.field({
      type: StaffMemberRef,
      resolve: (h, _a, ctx) => ctx.scope().loaders.byId(StaffMember).load(h.toStaff.id) as Promise<StaffMember>,
    }),
    by: t.field({
      type: StaffMemberRef,
      nullable: true,
      resolve: (h, _a, ctx) => (h.byStaff ? ctx.scope().loaders.byId(StaffMember).load(h.byStaff.id) : null),
    }),
    threads: t.field({
      type: [ThreadRef],
      description: 'Open threads now assigned to the successor.',
      resolve: async (h, _a, ctx) =>
        (await Promise.all(h.threadIds.map((id) => ctx.scope().loaders.byId(Thread).load(id)))).filter(
          (thread): thread is Thread => thread !== null,
        ),
    }),
    followedThreadCount: t.int({
      description: 'Threads the successor now follows.',
      resolve: (h) => h.followedThreadIds.length,
    }),
    members: t.field({
      type: [Member],
      description: 'Customers whose relationship the successor now owns.',
      resolve: async (h, _a, ctx) =>
        (await Promise.all(h.memberIds.map((id) => ctx.scope().loaders.byId(Member).load(id)))).filter(
          (member): member is Member => member !== null,
        ),
    }),
    brief: t.field({ type: [BriefEntryRef], resolve: (h) => h.brief }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

builder.objectFields(DeactivationRef, (t) => ({
  handovers: t.field({
    type: [HandoverRef],
    description: 'One per successor: what moved to them, and their brief.',
    resolve: (d) => d.handovers,
  }),
}));

builder.objectFields(Member, (t) => ({
  owner: t.field({
    type: StaffMemberRef,
    ...staffOnly,
    description: 'Staff only: who looks after this relationship (the first to answer them, unless a manager chose).',
    resolve: (m, _a, ctx) => (m.owner ? ctx.scope().loaders.byId(StaffMember).load(m.owner.id) : null),
  }),
}));

builder.objectFields(Community, (t) => ({
  handovers: t.field({
    type: [HandoverRef],
    description: 'Staff: every handover, newest first.',
    authScopes: { staff: true },
    resolve: (_c, _a, ctx) => listHandovers(ctx.scope()),
  }),
  handover: t.field({
    type: HandoverRef,
    nullable: true,
    description: 'Staff: one handover and its brief.',
    authScopes: { staff: true },
    args: { id: t.arg.id() },
    resolve: (_c, args, ctx) => findHandover(ctx.scope(), String(args.id)),
  }),
}));

builder.mutationFields((t) => ({
  setMemberOwner: t.field({
    type: Member,
    description:
      "Managers: who looks after a customer's relationship (null: the next staff member to answer them). Audited.",
    authScopes: { manager: true },
    args: {
      memberId: t.arg.globalID({ for: Member }),
      ownerId: t.arg.globalID({ for: StaffMember, required: false }),
    },
    resolve: (_r, args, ctx) => setMemberOwner(ctx.scope(), ctx.staff(), args.memberId.id, args.ownerId?.id ?? null),
  }),
  endAgency: t.field({
    type: [DeactivationRef],
    description:
      "Managers: the agency's work for the brand ends. Every active account of it is deactivated, handing over to the successors (1–10, none of that agency). Audited.",
    authScopes: { manager: true },
    args: { agencyName: t.arg.string(), successorIds: t.arg.globalIDList({ for: StaffMember }) },
    resolve: (_r, args, ctx) =>
      endAgency(
        ctx.scope(),
        ctx.staff(),
        args.agencyName,
        args.successorIds.map((g) => g.id),
      ),
  }),
}));
