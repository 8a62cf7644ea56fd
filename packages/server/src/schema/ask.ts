/**
 * Asks: questions and polls staff put to everyone or to a segment (Community.asks, createAsk…),
 * the open ones a customer sees (Viewer.openAsks) and answers (answerAsk), until they close.
 * Who is asked, the answers and the results are for staff only.
 */
import {
  type ASK_STATUSES,
  type Ask,
  type AskAnswer,
  Community,
  Member,
  Segment,
  StaffMember,
  Thread,
} from '../entities/index.ts';
import { isMember, memberIdOf } from '../services/actor.ts';
import { answerAsk, answerOf, openAsksFor } from '../services/asks/answer.ts';
import { openFollowUp } from '../services/asks/follow-up.ts';
import {
  closeAsk,
  createAsk,
  deleteAsk,
  findAsk,
  listAsks,
  publishAsk,
  statusOf,
  updateAsk,
} from '../services/asks/manage.ts';
import { builder } from './builder.ts';
import { MemberRef } from './member.ts';
import { SegmentRef } from './segment.ts';
import { ThreadRef } from './thread.ts';
import { ThreadKindEnum } from './thread-kind.ts';
import { ViewerRef } from './viewer.ts';

export const AskStatusEnum = builder.enumType('AskStatus', {
  values: {
    DRAFT: { description: 'Staff only, not asked yet.' },
    OPEN: { description: 'Asked: its members see it and may answer, or change their answer.' },
    CLOSED: { description: 'Past its closing time, or closed by staff: answers are final.' },
  } satisfies Record<(typeof ASK_STATUSES)[number], unknown>,
});

export const AskAnswerRef = builder.objectRef<AskAnswer>('AskAnswer').implement({
  description: "A member's answer to an ask.",
  fields: (t) => ({
    id: t.exposeID('id'),
    choices: t.field({ type: ['Int'], description: 'The chosen choices, as indexes.', resolve: (a) => a.choices }),
    text: t.exposeString('text', { nullable: true }),
    member: t.field({
      type: MemberRef,
      description: 'Staff: who answered.',
      authScopes: { staff: true },
      resolve: async (a, _args, ctx) => {
        const member = await ctx.scope().loaders.byId(Member).load(a.member.id);
        if (!member) throw new Error(`Answer ${a.id} has no member`);
        return member;
      },
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'When it was last changed.' }),
  }),
});

export const AskRef = builder.objectRef<Ask>('Ask').implement({
  description: 'A question or a poll from a named staff member, to everyone or to a segment.',
  fields: (t) => ({
    id: t.exposeID('id'),
    question: t.exposeString('question'),
    details: t.exposeString('details', { description: 'More about it, as plain text.' }),
    choices: t.exposeStringList('choices', { description: "A poll's choices; none: answered in words." }),
    multiple: t.exposeBoolean('multiple', { description: 'More than one choice may be picked.' }),
    allowText: t.exposeBoolean('allowText', { description: 'An answer may be written in words.' }),
    status: t.field({ type: AskStatusEnum, resolve: (ask) => statusOf(ask) }),
    closesAt: t.expose('closesAt', { type: 'DateTime' }),
    publishedAt: t.expose('publishedAt', { type: 'DateTime', nullable: true }),
    author: t.field({
      type: StaffMember,
      description: 'Who asks (shown by name and title).',
      resolve: async (ask, _args, ctx) => {
        const staff = await ctx.scope().loaders.byId(StaffMember).load(ask.author.id);
        if (!staff) throw new Error(`Ask ${ask.id} has no author`);
        return staff;
      },
    }),
    viewerAnswer: t.field({
      type: AskAnswerRef,
      nullable: true,
      description: "The signed-in customer's answer; null before they answer.",
      resolve: (ask, _args, ctx) => {
        const viewer = ctx.viewer();
        return isMember(viewer) ? answerOf(ctx.scope(), ask.id, memberIdOf(viewer)) : null;
      },
    }),
    segment: t.field({
      type: SegmentRef,
      nullable: true,
      description: 'Staff: the segment it is (or will be) put to; null: everyone, or the segment was removed.',
      authScopes: { staff: true },
      resolve: (ask, _args, ctx) => (ask.segment ? ctx.scope().loaders.byId(Segment).load(ask.segment.id) : null),
    }),
    targetName: t.exposeString('targetName', {
      nullable: true,
      description: "Staff: the segment's name when it was published; null: everyone.",
      authScopes: { staff: true },
    }),
    followUp: t.field({
      type: ThreadRef,
      nullable: true,
      description: 'Staff: the public thread opened to follow it up.',
      authScopes: { staff: true },
      resolve: (ask, _args, ctx) => (ask.followUp ? ctx.scope().loaders.byId(Thread).load(ask.followUp.id) : null),
    }),
  }),
});

builder.objectFields(ViewerRef, (t) => ({
  openAsks: t.field({
    type: [AskRef],
    description: "The open asks put to the signed-in customer, newest first (the widget's cards).",
    resolve: (viewer, _args, ctx) => openAsksFor(ctx.scope(), viewer),
  }),
}));

builder.objectFields(Community, (t) => ({
  asks: t.field({
    type: [AskRef],
    description: 'Staff: the community’s asks, newest first (at most 200).',
    authScopes: { staff: true },
    args: { status: t.arg({ type: AskStatusEnum, required: false }) },
    resolve: (_c, args, ctx) => listAsks(ctx.scope(), args.status),
  }),
  ask: t.field({
    type: AskRef,
    nullable: true,
    authScopes: { staff: true },
    args: { id: t.arg.id() },
    resolve: (_c, args, ctx) => findAsk(ctx.scope(), String(args.id)),
  }),
}));

const AskInput = builder.inputType('AskInput', {
  description: 'An ask as staff write it. Once published, only `details` and `closesAt` change.',
  fields: (t) => ({
    question: t.string({ required: false, description: 'One line, up to 200 characters (required to create).' }),
    details: t.string({ required: false, description: 'Up to 5,000 characters of plain text.' }),
    choices: t.stringList({
      required: false,
      description: 'A poll’s 2–10 choices (up to 120 characters each); none: a question answered in words.',
    }),
    multiple: t.boolean({ required: false }),
    allowText: t.boolean({ required: false, description: 'A poll also takes a written answer.' }),
    segmentId: t.id({ required: false, description: 'Who is asked; null: everyone.' }),
    closesAt: t.field({ type: 'DateTime', required: false, description: 'In the future, within a year.' }),
  }),
});

type AskInputArg = typeof AskInput.$inferInput;
const askInput = (input: AskInputArg) => ({
  ...input,
  // Given as null: everyone; left out: unchanged.
  segmentId: input.segmentId === undefined ? undefined : input.segmentId === null ? null : String(input.segmentId),
});

builder.mutationFields((t) => ({
  createAsk: t.field({
    type: AskRef,
    description: 'Staff: a draft ask, signed by its author. Audited.',
    authScopes: { staff: true },
    args: { input: t.arg({ type: AskInput }) },
    resolve: (_r, args, ctx) => createAsk(ctx.scope(), ctx.staff(), askInput(args.input)),
  }),
  updateAsk: t.field({
    type: AskRef,
    description: 'Staff: changes an ask (published: its details and closing time only). Audited.',
    authScopes: { staff: true },
    args: { id: t.arg.id(), input: t.arg({ type: AskInput }) },
    resolve: (_r, args, ctx) => updateAsk(ctx.scope(), ctx.staff(), String(args.id), askInput(args.input)),
  }),
  publishAsk: t.field({
    type: AskRef,
    description:
      'Staff: asks it. Who it is for is fixed now; members of it who agreed to be contacted by staff are emailed. Audited.',
    authScopes: { staff: true },
    args: { id: t.arg.id() },
    resolve: (_r, args, ctx) => publishAsk(ctx.scope(), ctx.staff(), String(args.id)),
  }),
  closeAsk: t.field({
    type: AskRef,
    description: 'Staff: closes it now; answers become final. Audited.',
    authScopes: { staff: true },
    args: { id: t.arg.id() },
    resolve: (_r, args, ctx) => closeAsk(ctx.scope(), ctx.staff(), String(args.id)),
  }),
  deleteAsk: t.id({
    description: 'Staff: removes a draft. Audited.',
    authScopes: { staff: true },
    args: { id: t.arg.id() },
    resolve: (_r, args, ctx) => deleteAsk(ctx.scope(), ctx.staff(), String(args.id)),
  }),
  answerAsk: t.field({
    type: AskAnswerRef,
    description: 'Customers: answers an ask put to them, or changes their answer, until it closes.',
    authScopes: { member: true },
    args: {
      id: t.arg.id(),
      choices: t.arg.intList({ required: false, description: 'Indexes of the chosen choices.' }),
      text: t.arg.string({ required: false, description: 'Up to 2,000 characters, where the ask takes words.' }),
    },
    resolve: async (_r, args, ctx) => {
      await ctx.limit('answer');
      return answerAsk(ctx.scope(), ctx.member(), String(args.id), { choices: args.choices, text: args.text });
    },
  }),
  openAskFollowUp: t.field({
    type: ThreadRef,
    description: "Staff: posts a public thread (as themselves) to follow up an ask's results, linked to it.",
    authScopes: { staff: true },
    args: {
      id: t.arg.id(),
      kind: t.arg({ type: ThreadKindEnum }),
      title: t.arg.string(),
      body: t.arg.string({ required: false }),
    },
    resolve: (_r, args, ctx) =>
      openFollowUp(ctx.scope(), ctx.staff(), String(args.id), { kind: args.kind, title: args.title, body: args.body }),
  }),
}));
