/** Share links: members share threads with their referral code; visits count toward their reach. */
import { Thread } from '../entities/index.ts';
import { recordShareVisit, referralCodeOf } from '../services/share.ts';
import { builder } from './builder.ts';

builder.mutationFields((t) => ({
  shareCode: t.string({
    description:
      "Customers: the code to put in links they share (made the first time); visits through it count toward the sharer's reach.",
    authScopes: { member: true },
    args: { community: t.arg.string() },
    resolve: async (_root, args, ctx) => {
      await ctx.requireCommunity(args.community);
      return referralCodeOf(ctx.scope(), ctx.member(), ctx.ip);
    },
  }),
  recordShareVisit: t.boolean({
    description:
      'Someone opened a page through a share link. Counts once per visitor and per address a day, never for the sharer (signed in, or from the address they shared from); rate limited. True when it counted.',
    args: {
      community: t.arg.string(),
      code: t.arg.string(),
      visitor: t.arg.string({ description: "A random id the visitor's browser keeps (8–64 letters, digits, - or _)." }),
      threadId: t.arg.globalID({ for: Thread, required: false }),
    },
    resolve: async (_root, args, ctx) => {
      await ctx.limit('share');
      await ctx.requireCommunity(args.community);
      return recordShareVisit(ctx.scope(), ctx.viewer(), {
        code: args.code,
        visitor: args.visitor,
        ip: ctx.ip,
        threadId: args.threadId?.id ?? null,
      });
    },
  }),
}));
