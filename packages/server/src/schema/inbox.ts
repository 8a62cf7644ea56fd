/** The staff inbox: customers waiting for the brand, the longest wait first, live. */
import { Community } from '../entities/index.ts';
import { listInbox } from '../services/inbox.ts';
import { builder } from './builder.ts';
import { connectionComplexity, forwardArgs, toConnection } from './connection.ts';
import { whileAllowed } from './live-checks.ts';
import { ThreadConnectionRef, ThreadRef } from './thread.ts';
import { ThreadEventRef } from './thread-event.ts';
import { ThreadKindEnum } from './thread-kind.ts';
import { ThreadStatusEnum } from './thread-status.ts';

builder.objectFields(Community, (t) => ({
  inbox: t.connection(
    {
      type: ThreadRef,
      description: 'Staff: threads where a customer waits for an answer, the longest wait first.',
      authScopes: { staff: true },
      complexity: connectionComplexity,
      args: {
        kind: t.arg({ type: [ThreadKindEnum], required: false }),
        status: t.arg({ type: [ThreadStatusEnum], required: false }),
        assignedToMe: t.arg.boolean({ required: false }),
        mentionsMe: t.arg.boolean({ required: false }),
      },
      resolve: async (_c, args, ctx) =>
        toConnection(await listInbox(ctx.scope(), ctx.staff(), { ...forwardArgs(args), ...args })),
    },
    ThreadConnectionRef,
  ),
}));

builder.subscriptionField('communityEvents', (t) =>
  t.field({
    type: ThreadEventRef,
    description: 'Staff: every thread event of the community, live (new threads, replies, status changes…).',
    authScopes: { staff: true },
    args: { community: t.arg.string() },
    subscribe: async (_root, args, ctx) => {
      const community = await ctx.requireCommunity(args.community);
      // Staff see customers' emails here: the stream ends once their session or account does.
      return whileAllowed(await ctx.events.communityEvents(community.id), async () =>
        (await ctx.stillSignedIn()) ? 'send' : 'end',
      );
    },
    resolve: (event, _args, ctx) => {
      ctx.refreshScope();
      return event;
    },
  }),
);
