/** The public roadmap (Community.roadmap) and how the brand reaches back (Community.outreach, managers). */
import {
  type OutreachSettings,
  outreachSettings,
  rotateInboundSecret,
  updateOutreachSettings,
} from '../services/outreach-settings.ts';
import { type Roadmap, roadmap } from '../services/roadmap.ts';
import { builder } from './builder.ts';
import { CommunityRef } from './community.ts';
import { ThreadRef } from './thread.ts';

const RoadmapRef = builder.objectRef<Roadmap>('Roadmap').implement({
  description: 'What the brand plans, builds and recently shipped (at most 50 threads a column).',
  fields: (t) => ({
    planned: t.field({ type: [ThreadRef], description: 'PLANNED, most voted first.', resolve: (r) => r.planned }),
    inProgress: t.field({
      type: [ThreadRef],
      description: 'IN_PROGRESS, most voted first.',
      resolve: (r) => r.inProgress,
    }),
    shipped: t.field({
      type: [ThreadRef],
      description: 'SHIPPED within the last roadmapShippedDays, most recent first.',
      resolve: (r) => r.shipped,
    }),
  }),
});

const OutreachRef = builder.objectRef<OutreachSettings>('OutreachSettings').implement({
  description: 'Managers: the roadmap customers see, and where emails come from and lead to.',
  fields: (t) => ({
    roadmapEnabled: t.exposeBoolean('roadmapEnabled'),
    roadmapShippedDays: t.exposeInt('roadmapShippedDays'),
    communityPageUrl: t.exposeString('communityPageUrl', {
      nullable: true,
      description: "The brand's page embedding the widget: every email links back to threads there.",
    }),
    fromAddress: t.exposeString('fromAddress', {
      nullable: true,
      description: "The From address of this community's emails (null: the server's MAIL_FROM).",
    }),
  }),
});

builder.objectFields(CommunityRef, (t) => ({
  roadmap: t.field({
    type: RoadmapRef,
    nullable: true,
    description: 'Null when the brand turned the roadmap off.',
    resolve: (_community, _args, ctx) => roadmap(ctx.scope()),
  }),
  roadmapEnabled: t.boolean({
    description: 'Whether the widget shows a Roadmap view.',
    resolve: (community) => outreachSettings(community).roadmapEnabled,
  }),
  outreach: t.field({
    type: OutreachRef,
    nullable: true,
    authScopes: { manager: true },
    resolve: (community) => outreachSettings(community),
  }),
}));

const OutreachInput = builder.inputType('OutreachSettingsInput', {
  fields: (t) => ({
    roadmapEnabled: t.boolean({ required: false }),
    roadmapShippedDays: t.int({ required: false, description: '1–365.' }),
    communityPageUrl: t.string({
      required: false,
      description: 'An http(s) page on an allowed origin; empty removes it.',
    }),
    fromAddress: t.string({ required: false, description: 'An email address; empty: the server’s.' }),
  }),
});

builder.mutationFields((t) => ({
  updateOutreachSettings: t.field({
    type: CommunityRef,
    description:
      'Managers: roadmap visibility, how long shipped threads stay on it, the community page and the From address. Audited.',
    authScopes: { manager: true },
    args: { input: t.arg({ type: OutreachInput }) },
    resolve: (_root, { input }, ctx) =>
      updateOutreachSettings(ctx.scope().em, ctx.scope().communityId, input, ctx.staff()),
  }),
  rotateInboundEmailSecret: t.string({
    description:
      "Managers: a new secret for the brand's mail provider to post replies by email with (shown once; the old one stops working). Audited.",
    authScopes: { manager: true },
    resolve: (_root, _args, ctx) => rotateInboundSecret(ctx.scope().em, ctx.scope().communityId, ctx.staff()),
  }),
}));
