import { Thread } from '../entities/index.ts';
import { unvote, vote } from '../services/votes.ts';
import { builder, IDEMPOTENCY_KEY_DESCRIPTION } from './builder.ts';

builder.mutationFields((t) => ({
  vote: t.field({
    type: Thread,
    description: 'Votes for a thread. Voting again changes nothing.',
    authScopes: { member: true },
    args: {
      threadId: t.arg.globalID({ for: Thread }),
      idempotencyKey: t.arg.string({ required: false, description: IDEMPOTENCY_KEY_DESCRIPTION }),
    },
    resolve: async (_root, args, ctx) => {
      await ctx.limit('vote');
      return vote(ctx.scope(), ctx.actor(), args.threadId.id, args.idempotencyKey);
    },
  }),
  unvote: t.field({
    type: Thread,
    description: "Takes the viewer's vote back.",
    authScopes: { member: true },
    args: {
      threadId: t.arg.globalID({ for: Thread }),
      idempotencyKey: t.arg.string({ required: false, description: IDEMPOTENCY_KEY_DESCRIPTION }),
    },
    resolve: async (_root, args, ctx) => {
      await ctx.limit('vote');
      return unvote(ctx.scope(), ctx.actor(), args.threadId.id, args.idempotencyKey);
    },
  }),
}));
