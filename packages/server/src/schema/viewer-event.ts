/** Live for a signed-in customer while the widget is open: their unread badges (viewerEvents). */

import { AppError } from '../core/errors.ts';
import type { MemberEvent } from '../core/events.ts';
import { isMember, memberIdOf } from '../services/actor.ts';
import { unreadEntryCount } from '../services/changelog/entries.ts';
import { unreadNotificationCount } from '../services/notifications/read.ts';
import { builder } from './builder.ts';
import { whileAllowed } from './live-checks.ts';

const ViewerEventType = builder.enumType('ViewerEventType', {
  values: {
    SUBSCRIBED: { description: 'The subscription is in place: the counts now, to catch up.' },
    NOTIFIED: { description: 'They were told of something: the notification count changed.' },
    CHANGELOG_PUBLISHED: { description: 'The community published a "What\'s new" entry.' },
  },
});

const ViewerEventRef = builder.objectRef<MemberEvent>('ViewerEvent').implement({
  description: "Something that changed the customer's unread counts.",
  fields: (t) => ({
    type: t.field({ type: ViewerEventType, resolve: (e) => e.type }),
    at: t.field({ type: 'DateTime', resolve: (e) => new Date(e.at) }),
    unreadNotificationCount: t.int({
      resolve: (_e, _args, ctx) => unreadNotificationCount(ctx.scope(), ctx.member()),
    }),
    unreadChangelogCount: t.int({
      resolve: (_e, _args, ctx) => unreadEntryCount(ctx.scope(), ctx.member()),
    }),
  }),
});

builder.subscriptionField('viewerEvents', (t) =>
  t.field({
    type: ViewerEventRef,
    description: "Customers, live (over SSE): their unread notifications and What's new counts as they change.",
    args: { community: t.arg.string() },
    subscribe: async (_root, args, ctx) => {
      const viewer = ctx.viewer();
      if (!isMember(viewer)) throw new AppError('UNAUTHENTICATED', 'error.signInForNotifications');
      const community = await ctx.requireCommunity(args.community);
      ctx.refreshScope();
      return whileAllowed(await ctx.events.memberEvents(community.id, memberIdOf(viewer)), async () =>
        (await ctx.stillSignedIn()) ? 'send' : 'end',
      );
    },
    resolve: (event, _args, ctx) => {
      ctx.refreshScope();
      return event;
    },
  }),
);
