/**
 * Segments: groups of customers a manager saves as rules (attributes, ranking standing, activity,
 * consent, language), each with a live count and a preview of its members. Staff and READ_MEMBERS
 * keys read them; managers save and remove them (audited). `segmentPreview` counts rules before
 * they are saved, as a manager writes them.
 */

import { AppError } from '../core/errors.ts';
import { pageSize } from '../core/validation.ts';
import {
  Community,
  type PARTICIPATIONS,
  SEGMENT_STANDINGS,
  type Segment,
  type SegmentRules,
  StaffMember,
} from '../entities/index.ts';
import { deleteSegment, findSegment, listSegments, saveSegment } from '../services/segments/manage.ts';
import { countSegment, segmentMembers } from '../services/segments/members.ts';
import { checkRules } from '../services/segments/rules.ts';
import { builder } from './builder.ts';
import { ConsentPurposeEnum } from './consent.ts';
import { MemberRef } from './member.ts';
import { ThreadRef } from './thread.ts';

builder.scalarType('AttributeValue', {
  description: 'A member attribute’s value: a string, a number or a boolean.',
  serialize: (value) => value,
  parseValue: (value) => {
    if (
      typeof value === 'string' ||
      typeof value === 'boolean' ||
      (typeof value === 'number' && Number.isFinite(value))
    )
      return value;
    throw new AppError('BAD_USER_INPUT', { forDevelopers: 'An attribute value is a string, a number or a boolean.' });
  },
});

const StandingEnum = builder.enumType('SegmentStanding', { values: SEGMENT_STANDINGS });
const ParticipationEnum = builder.enumType('Participation', {
  values: {
    POSTED: { description: 'Posted the thread or replied in it.' },
    VOTED: { description: 'Voted for it.' },
    EITHER: { description: 'Either.' },
  } satisfies Record<(typeof PARTICIPATIONS)[number], unknown>,
});

const AttributeRuleInput = builder.inputType('AttributeRuleInput', {
  description:
    'One attribute’s test: `equals` a value, `in` some values, or within `min`–`max` (numbers). One of them.',
  fields: (t) => ({
    key: t.string(),
    equals: t.field({ type: 'AttributeValue', required: false }),
    in: t.field({ type: ['AttributeValue'], required: false }),
    min: t.float({ required: false }),
    max: t.float({ required: false }),
  }),
});

const ThreadRuleInput = builder.inputType('SegmentThreadRuleInput', {
  fields: (t) => ({
    threadId: t.globalID({ for: ThreadRef }),
    how: t.field({ type: ParticipationEnum, required: false, defaultValue: 'EITHER' }),
  }),
});

const ConsentRuleInput = builder.inputType('SegmentConsentRuleInput', {
  fields: (t) => ({ purpose: t.field({ type: ConsentPurposeEnum }), granted: t.boolean() }),
});

export const SegmentRulesInput = builder.inputType('SegmentRulesInput', {
  description: 'Who is in a segment: every rule given holds. No rules: every member.',
  fields: (t) => ({
    attributes: t.field({ type: [AttributeRuleInput], required: false }),
    standing: t.field({ type: StandingEnum, required: false, description: 'Their place in the ranking.' }),
    minScorePercentile: t.float({ required: false, description: 'In the top by score: 90 is the top tenth.' }),
    activeWithinDays: t.int({ required: false, description: 'Took part within these many days (1–3,650).' }),
    thread: t.field({ type: ThreadRuleInput, required: false }),
    consent: t.field({ type: ConsentRuleInput, required: false }),
    locales: t.stringList({ required: false, description: 'The languages they read (their own choice).' }),
  }),
});

type RulesArg = typeof SegmentRulesInput.$inferInput;
const rulesInput = (rules: RulesArg) => ({
  ...rules,
  thread: rules.thread ? { id: rules.thread.threadId.id, how: rules.thread.how } : null,
});

/** Counting a segment reads every member: it costs like many fields toward the complexity limit. */
const SEGMENT_COST = 200;

export const SegmentRef = builder.objectRef<Segment>('Segment').implement({
  description: 'A group of customers, kept as rules: who is in it is worked out when asked.',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    rules: t.field({
      type: 'JSON',
      description: 'The rules, as saved. Staff and READ_MEMBERS keys.',
      authScopes: { staff: true, apiKey: 'READ_MEMBERS' },
      resolve: (s) => s.rules,
    }),
    memberCount: t.int({
      complexity: SEGMENT_COST,
      resolve: (s, _a, ctx) => countSegment(ctx.scope(), s.rules),
    }),
    members: t.field({
      type: [MemberRef],
      description: 'A preview: those most recently seen first. `first`: 1–100. Staff and READ_MEMBERS keys.',
      authScopes: { staff: true, apiKey: 'READ_MEMBERS' },
      complexity: SEGMENT_COST,
      args: { first: t.arg.int({ required: false }) },
      resolve: (s, args, ctx) => segmentMembers(ctx.scope(), s.rules, pageSize(args.first, 100, 20)),
    }),
    createdBy: t.field({ type: StaffMember, nullable: true, resolve: (s) => s.createdBy ?? null }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

const PreviewRef = builder.objectRef<{ rules: SegmentRules }>('SegmentPreview').implement({
  description: 'Who rules not yet saved take in.',
  fields: (t) => ({
    memberCount: t.int({ complexity: SEGMENT_COST, resolve: (p, _a, ctx) => countSegment(ctx.scope(), p.rules) }),
    members: t.field({
      type: [MemberRef],
      complexity: SEGMENT_COST,
      args: { first: t.arg.int({ required: false }) },
      resolve: (p, args, ctx) => segmentMembers(ctx.scope(), p.rules, pageSize(args.first, 100, 20)),
    }),
  }),
});

builder.objectFields(Community, (t) => ({
  segments: t.field({
    type: [SegmentRef],
    description: 'Staff, and API keys with READ_MEMBERS: the saved segments, by name.',
    authScopes: { staff: true, apiKey: 'READ_MEMBERS' },
    resolve: (_c, _a, ctx) => listSegments(ctx.scope()),
  }),
  segment: t.field({
    type: SegmentRef,
    nullable: true,
    authScopes: { staff: true, apiKey: 'READ_MEMBERS' },
    args: { id: t.arg.id() },
    resolve: (_c, args, ctx) => findSegment(ctx.scope(), String(args.id)),
  }),
  segmentPreview: t.field({
    type: PreviewRef,
    description: 'Staff: the count and first members of rules being written.',
    authScopes: { staff: true },
    args: { rules: t.arg({ type: SegmentRulesInput }) },
    resolve: async (_c, args, ctx) => ({ rules: await checkRules(ctx.scope(), rulesInput(args.rules)) }),
  }),
}));

builder.mutationFields((t) => ({
  saveSegment: t.field({
    type: SegmentRef,
    description: 'Managers: makes a segment, or changes the one `id` names. Audited.',
    authScopes: { manager: true },
    args: { id: t.arg.id({ required: false }), name: t.arg.string(), rules: t.arg({ type: SegmentRulesInput }) },
    resolve: (_r, args, ctx) =>
      saveSegment(ctx.scope(), ctx.staff(), {
        id: args.id == null ? null : String(args.id),
        name: args.name,
        rules: rulesInput(args.rules),
      }),
  }),
  deleteSegment: t.id({
    description: 'Managers: removes a segment (not its members). Audited.',
    authScopes: { manager: true },
    args: { id: t.arg.id() },
    resolve: (_r, args, ctx) => deleteSegment(ctx.scope(), ctx.staff(), String(args.id)),
  }),
}));
