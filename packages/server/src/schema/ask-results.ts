/**
 * Staff reading an ask's answers: counts per choice overall, per segment and per value of an
 * attribute; the answers themselves; the whole as CSV; and, live, when they change (askEvents).
 */

import { notFound } from '../core/errors.ts';
import type { AskEvent } from '../core/events.ts';
import { pageSize } from '../core/validation.ts';
import { findAsk } from '../services/asks/manage.ts';
import type { AskResults } from '../services/asks/results.ts';
import { type AskTally, askAnswers, askCsv, askResults } from '../services/asks/results.ts';
import { AskAnswerRef, AskRef } from './ask.ts';
import { builder } from './builder.ts';
import { whileAllowed } from './live-checks.ts';

/** Each breakdown reads every answer again: it costs like many fields toward the complexity limit. */
const RESULTS_COST = 200;

const AskTallyRef = builder.objectRef<AskTally>('AskTally').implement({
  description: 'How one group of members answered.',
  fields: (t) => ({
    label: t.exposeString('label', {
      nullable: true,
      description: "The segment's name, or the attribute's value; null: everyone (or members without the attribute).",
    }),
    answered: t.exposeInt('answered'),
    counts: t.exposeIntList('counts', { description: 'How many chose each choice, in the ask’s order.' }),
  }),
});

const AskResultsRef = builder.objectRef<AskResults>('AskResults').implement({
  fields: (t) => ({
    asked: t.exposeInt('asked', { description: 'Members the ask is for, now.' }),
    overall: t.field({ type: AskTallyRef, resolve: (r) => r.overall }),
    bySegment: t.field({ type: [AskTallyRef], resolve: (r) => r.bySegment }),
    byAttribute: t.field({
      type: [AskTallyRef],
      description: 'The 20 most frequent values.',
      resolve: (r) => r.byAttribute,
    }),
  }),
});

builder.objectFields(AskRef, (t) => ({
  results: t.field({
    type: AskResultsRef,
    description: 'Staff: the results, broken down by up to 10 segments and by the values of one attribute.',
    authScopes: { staff: true },
    complexity: RESULTS_COST,
    args: {
      segmentIds: t.arg.idList({ required: false }),
      attribute: t.arg.string({ required: false }),
    },
    resolve: (ask, args, ctx) =>
      askResults(ctx.scope(), ask, { segmentIds: args.segmentIds?.map(String), attribute: args.attribute }),
  }),
  answers: t.field({
    type: [AskAnswerRef],
    description: 'Staff: the answers, the latest first. `first`: 1–100.',
    authScopes: { staff: true },
    args: { first: t.arg.int({ required: false }), offset: t.arg.int({ required: false }) },
    resolve: (ask, args, ctx) =>
      askAnswers(ctx.scope(), ask, pageSize(args.first, 100, 20), Math.max(0, args.offset ?? 0)),
  }),
  csv: t.string({
    description: 'Staff: every answer as CSV (who, their attributes, when, what).',
    authScopes: { staff: true },
    // Reads every answer with its member: one per request, in effect.
    complexity: RESULTS_COST * 5,
    resolve: (ask, _args, ctx) => askCsv(ctx.scope(), ask),
  }),
}));

const AskEventType = builder.enumType('AskEventType', {
  values: {
    SUBSCRIBED: { description: 'The subscription is in place: read the results now, to catch up.' },
    ANSWERED: { description: 'A member answered, or changed their answer.' },
  },
});

const AskEventRef = builder.objectRef<AskEvent>('AskEvent').implement({
  fields: (t) => ({
    type: t.field({ type: AskEventType, resolve: (e) => e.type }),
    at: t.field({ type: 'DateTime', resolve: (e) => new Date(e.at) }),
    askId: t.exposeID('askId'),
  }),
});

builder.subscriptionField('askEvents', (t) =>
  t.field({
    type: AskEventRef,
    description: "Staff: live, when an ask's answers change (read its results again then).",
    authScopes: { staff: true },
    args: { community: t.arg.string(), id: t.arg.id() },
    subscribe: async (_root, args, ctx) => {
      const community = await ctx.requireCommunity(args.community);
      const ask = await findAsk(ctx.scope(), String(args.id));
      if (!ask) throw notFound('error.ask.notFound');
      return whileAllowed(await ctx.events.askEvents(community.id, ask.id), async () =>
        (await ctx.stillSignedIn()) ? 'send' : 'end',
      );
    },
    resolve: (event, _args, ctx) => {
      ctx.refreshScope();
      return event;
    },
  }),
);
