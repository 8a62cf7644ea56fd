/**
 * A customer's notifications in the widget: replies and status changes on the threads they follow
 * (Viewer.notifications, newest first, and Viewer.unreadNotificationCount for the badge), read
 * with markNotificationsRead.
 */
import { type Activity, Member, Reply, Thread, type ThreadStatus } from '../entities/index.ts';
import { isStaff } from '../services/actor.ts';
import {
  isUnread,
  listNotifications,
  markNotificationsRead,
  unreadNotificationCount,
} from '../services/member-notifications.ts';
import { AuthorRef, loadAuthor } from './author.ts';
import { builder } from './builder.ts';
import { connectionComplexity, forwardArgs, toConnection } from './connection.ts';
import { ReplyRef } from './reply.ts';
import { ThreadRef, ThreadStatusEnum } from './thread.ts';
import { ViewerRef } from './viewer.ts';

const NotificationKind = builder.enumType('NotificationKind', {
  values: {
    REPLY: { description: 'Someone replied in a thread they follow.' },
    STATUS_CHANGED: { description: 'Staff changed the status of a thread they follow.' },
  },
});

export const NotificationRef = builder.objectRef<Activity>('Notification').implement({
  description: 'Something that happened in a thread the customer follows.',
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.field({ type: NotificationKind, resolve: (a) => (a.type === 'REPLY_POSTED' ? 'REPLY' : 'STATUS_CHANGED') }),
    thread: t.field({
      type: ThreadRef,
      nullable: true,
      description: 'Null once the thread is gone or hidden.',
      resolve: async (a, _args, ctx) => {
        const thread = a.thread ? await ctx.scope().loaders.byId(Thread).load(a.thread.id) : null;
        return thread && !thread.deletedAt && !thread.hiddenAt ? thread : null;
      },
    }),
    reply: t.field({
      type: ReplyRef,
      nullable: true,
      description: 'The reply (REPLY), null once it is gone or hidden.',
      resolve: async (a, _args, ctx) => {
        const reply = a.reply ? await ctx.scope().loaders.byId(Reply).load(a.reply.id) : null;
        return reply && !reply.deletedAt && !reply.hiddenAt ? reply : null;
      },
    }),
    status: t.field({
      type: ThreadStatusEnum,
      nullable: true,
      description: 'The new status (STATUS_CHANGED).',
      resolve: (a) => (a.data as { to?: ThreadStatus } | null)?.to ?? null,
    }),
    actor: t.field({
      type: AuthorRef,
      nullable: true,
      description: 'Who did it.',
      resolve: (a, _args, ctx) => loadAuthor({ authorStaff: a.actorStaff, authorMember: a.actorMember }, ctx),
    }),
    unread: t.boolean({
      resolve: async (a, _args, ctx) => {
        const viewer = ctx.viewer();
        if (!viewer || isStaff(viewer)) return false;
        const member = await ctx.scope().loaders.byId(Member).load(viewer.member.id);
        return isUnread(a, member?.notificationsReadAt);
      },
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const NotificationConnectionRef = builder.connectionObject({ type: NotificationRef, name: 'NotificationConnection' });

builder.objectFields(ViewerRef, (t) => ({
  notifications: t.connection(
    {
      type: NotificationRef,
      nullable: true,
      description: "A customer's notifications, newest first (null for staff).",
      complexity: connectionComplexity,
      resolve: async (viewer, args, ctx) =>
        isStaff(viewer) ? null : toConnection(await listNotifications(ctx.scope(), viewer, forwardArgs(args))),
    },
    NotificationConnectionRef,
  ),
  unreadNotificationCount: t.int({
    description: 'How many notifications the customer has not read (0 for staff): the badge.',
    resolve: (viewer, _args, ctx) => (isStaff(viewer) ? 0 : unreadNotificationCount(ctx.scope(), viewer)),
  }),
}));

builder.mutationField('markNotificationsRead', (t) =>
  t.int({
    description: 'Customers: every notification up to now is read. Returns the unread count (0).',
    authScopes: { member: true },
    resolve: async (_root, _args, ctx) => {
      const member = ctx.member();
      await markNotificationsRead(ctx.scope(), member);
      return unreadNotificationCount(ctx.scope(), member);
    },
  }),
);
