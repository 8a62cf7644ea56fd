import { Community, Member, type REPORT_RESOLUTIONS, Reply, Report, StaffMember, Thread } from '../entities/index.ts';
import { listOpenReports, reportContent, resolveReport } from '../services/moderation.ts';
import { builder } from './builder.ts';
import { connectionComplexity, forwardArgs, toConnection } from './connection.ts';

const ReportResolutionEnum = builder.enumType('ReportResolution', {
  values: {
    HIDDEN: { description: 'The reported content was hidden.' },
    DISMISSED: { description: 'The report was looked at and the content left as it is.' },
  } satisfies Record<(typeof REPORT_RESOLUTIONS)[number], unknown>,
});

const load = <T extends { id: string }>(loader: { load(id: string): Promise<T | null> }, id: string) =>
  loader.load(id).then((row) => {
    if (!row) throw new Error(`missing row ${id}`);
    return row;
  });

export const ReportRef = builder.node(Report, {
  name: 'Report',
  description: 'A customer flagging a thread or reply for the moderators.',
  id: { resolve: (report) => report.id },
  fields: (t) => ({
    thread: t.field({ type: Thread, resolve: (r, _a, ctx) => load(ctx.scope().loaders.byId(Thread), r.thread.id) }),
    reply: t.field({
      type: Reply,
      nullable: true,
      resolve: (r, _a, ctx) => (r.reply ? ctx.scope().loaders.byId(Reply).load(r.reply.id) : null),
    }),
    reporter: t.field({ type: Member, resolve: (r, _a, ctx) => load(ctx.scope().loaders.byId(Member), r.reporter.id) }),
    reason: t.exposeString('reason'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    resolvedAt: t.expose('resolvedAt', { type: 'DateTime', nullable: true }),
    resolution: t.field({ type: ReportResolutionEnum, nullable: true, resolve: (r) => r.resolution ?? null }),
    resolvedBy: t.field({
      type: StaffMember,
      nullable: true,
      resolve: (r, _a, ctx) => (r.resolvedBy ? ctx.scope().loaders.byId(StaffMember).load(r.resolvedBy.id) : null),
    }),
  }),
});

const ReportConnectionRef = builder.connectionObject({ type: ReportRef, name: 'ReportConnection' });

builder.objectFields(Community, (t) => ({
  reports: t.connection(
    {
      type: ReportRef,
      description: 'Managers: open reports, oldest first (the moderation queue).',
      authScopes: { manager: true },
      complexity: connectionComplexity,
      resolve: async (_community, args, ctx) => toConnection(await listOpenReports(ctx.scope(), forwardArgs(args))),
    },
    ReportConnectionRef,
  ),
}));

const ReportInput = builder.inputType('ReportInput', {
  fields: (t) => ({
    threadId: t.globalID({ for: Thread }),
    replyId: t.globalID({ for: Reply, required: false, description: 'Set to report a reply of the thread.' }),
    reason: t.string({ description: 'What is wrong with it (3–500 characters).' }),
  }),
});

builder.mutationFields((t) => ({
  reportContent: t.field({
    type: ReportRef,
    description: 'Customers: flags a thread or reply for the moderators (once each).',
    authScopes: { member: true },
    args: { input: t.arg({ type: ReportInput }) },
    resolve: async (_root, { input }, ctx) => {
      await ctx.limit('reply');
      return reportContent(ctx.scope(), ctx.member(), {
        threadId: input.threadId.id,
        replyId: input.replyId?.id,
        reason: input.reason,
      });
    },
  }),
  resolveReport: t.field({
    type: ReportRef,
    description: 'Managers: hides what was reported, or dismisses the report.',
    authScopes: { manager: true },
    args: {
      reportId: t.arg.globalID({ for: ReportRef }),
      resolution: t.arg({ type: ReportResolutionEnum }),
      reason: t.arg.string({ required: false, description: "Why it is hidden (defaults to the report's reason)." }),
    },
    resolve: (_root, args, ctx) =>
      resolveReport(ctx.scope(), ctx.staff(), args.reportId.id, args.resolution, args.reason),
  }),
}));
