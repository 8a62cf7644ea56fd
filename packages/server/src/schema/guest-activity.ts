/** A guest who signs in: what they did as a guest, and bringing it into their account. */
import { bringGuestActivity, type GuestActivity, guestActivity } from '../services/guest-activity.ts';
import { builder } from './builder.ts';

const GuestActivityRef = builder.objectRef<GuestActivity>('GuestActivity').implement({
  description: 'What a guest session took part in (or what was brought from it into an account).',
  fields: (t) => ({
    displayName: t.exposeString('displayName', { description: 'The name the guest went by.' }),
    threadCount: t.exposeInt('threads'),
    replyCount: t.exposeInt('replies'),
    voteCount: t.exposeInt('votes'),
    followCount: t.exposeInt('follows'),
  }),
});

const TOKEN = 'The guest token this browser kept (starts with rg_).';

builder.queryFields((t) => ({
  guestActivity: t.field({
    type: GuestActivityRef,
    nullable: true,
    description:
      'Customers: what the guest session behind a token did in this community, to offer bringing it into their account. Null when the token is unknown.',
    authScopes: { member: true },
    args: { guestToken: t.arg.string({ description: TOKEN }) },
    resolve: (_root, args, ctx) => guestActivity(ctx.scope(), args.guestToken),
  }),
}));

builder.mutationFields((t) => ({
  bringGuestActivity: t.field({
    type: GuestActivityRef,
    description:
      "Signed-in customers: the guest session's posts, replies, votes and follows become theirs, and the guest token stops working. Returns what moved.",
    authScopes: { member: true },
    args: { guestToken: t.arg.string({ description: TOKEN }) },
    resolve: async (_root, args, ctx) => {
      await ctx.limit('guest');
      return bringGuestActivity(ctx.scope(), ctx.actor(), args.guestToken);
    },
  }),
}));
