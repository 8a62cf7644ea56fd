import { Thread } from '../entities/index.ts';
import { follow, unfollow } from '../services/follows.ts';
import { builder } from './builder.ts';

builder.mutationFields((t) => ({
  follow: t.field({
    type: Thread,
    description: 'Follows a thread, to hear of its replies and status changes.',
    authScopes: { viewer: true },
    args: { threadId: t.arg.globalID({ for: Thread }) },
    resolve: async (_root, args, ctx) => {
      await ctx.limit('vote');
      return follow(ctx.scope(), ctx.actor(), args.threadId.id);
    },
  }),
  unfollow: t.field({
    type: Thread,
    authScopes: { viewer: true },
    args: { threadId: t.arg.globalID({ for: Thread }) },
    resolve: async (_root, args, ctx) => {
      await ctx.limit('vote');
      return unfollow(ctx.scope(), ctx.actor(), args.threadId.id);
    },
  }),
}));
