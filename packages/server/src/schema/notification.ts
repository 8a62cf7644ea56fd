/**
 * A customer's notifications in the widget (Viewer.notifications, newest first, and
 * Viewer.unreadNotificationCount for the badge, read with markNotificationsRead): replies on
 * threads they follow; status changes, shipping ("What's new") and merges of threads they posted,
 * voted for or follow; each told once. Live: viewerEvents.
 */
import { Member, NOTIFICATION_KINDS, type Notification, Reply, StatusChange, Thread } from '../entities/index.ts';
import { isMember, isStaff } from '../services/actor.ts';
import { findEntry } from '../services/changelog/entries.ts';
import {
  isUnread,
  listNotifications,
  markNotificationsRead,
  unreadNotificationCount,
} from '../services/notifications/read.ts';
import { AuthorRef, loadAuthor } from './author.ts';
import { builder } from './builder.ts';
import { ChangelogEntryRef } from './changelog-entry.ts';
import { connectionComplexity, forwardArgs, toConnection } from './connection.ts';
import { ReplyRef } from './reply.ts';
import { StatusChangeRef } from './status-change.ts';
import { ThreadRef } from './thread.ts';
import { ThreadStatusEnum } from './thread-status.ts';
import { ViewerRef } from './viewer.ts';

const NotificationKind = builder.enumType('NotificationKind', {
  values: Object.fromEntries(
    NOTIFICATION_KINDS.map((kind) => [
      kind,
      {
        description: {
          REPLY: 'Someone replied in a thread they follow.',
          STATUS_CHANGED: 'Staff changed the status of a thread they posted, voted for or follow.',
          MERGED: 'A thread they posted, voted for or follow was merged into another: mergedInto.',
          CHANGELOG: 'A "What\'s new" entry shipped threads they asked for: changelogEntry.',
        }[kind],
      },
    ]),
  ) as Record<(typeof NOTIFICATION_KINDS)[number], { description: string }>,
});

/** A row the notification points at, while the viewer may still see it. */
async function visible<T extends { deletedAt?: Date | null; hiddenAt?: Date | null }>(
  loader: { load(id: string): Promise<T | null> },
  ref: { id: string } | null | undefined,
): Promise<T | null> {
  const row = ref ? await loader.load(ref.id) : null;
  return row && !row.deletedAt && !row.hiddenAt ? row : null;
}

export const NotificationRef = builder.objectRef<Notification>('Notification').implement({
  description: 'Something the customer is told of.',
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.field({ type: NotificationKind, resolve: (n) => n.kind }),
    thread: t.field({
      type: ThreadRef,
      nullable: true,
      description: 'The thread it is about (MERGED: the one merged away); null once it is gone or hidden.',
      resolve: (n, _args, ctx) => visible(ctx.scope().loaders.byId(Thread), n.thread),
    }),
    reply: t.field({
      type: ReplyRef,
      nullable: true,
      description: 'The reply (REPLY), null once it is gone or hidden.',
      resolve: (n, _args, ctx) => visible(ctx.scope().loaders.byId(Reply), n.reply),
    }),
    status: t.field({
      type: ThreadStatusEnum,
      nullable: true,
      description: 'The new status (STATUS_CHANGED).',
      resolve: async (n, _args, ctx) =>
        n.statusChange
          ? ((await ctx.scope().loaders.byId(StatusChange).load(n.statusChange.id))?.toStatus ?? null)
          : null,
    }),
    statusChange: t.field({
      type: StatusChangeRef,
      nullable: true,
      description: 'The status change, with the note staff left (STATUS_CHANGED).',
      resolve: (n, _args, ctx) =>
        n.statusChange ? ctx.scope().loaders.byId(StatusChange).load(n.statusChange.id) : null,
    }),
    mergedInto: t.field({
      type: ThreadRef,
      nullable: true,
      description: 'Where the conversation went (MERGED).',
      resolve: (n, _args, ctx) => visible(ctx.scope().loaders.byId(Thread), n.mergedInto),
    }),
    changelogEntry: t.field({
      type: ChangelogEntryRef,
      nullable: true,
      description: 'The entry (CHANGELOG), while it is published.',
      resolve: (n, _args, ctx) => (n.changelogEntry ? findEntry(ctx.scope(), ctx.viewer(), n.changelogEntry.id) : null),
    }),
    actor: t.field({
      type: AuthorRef,
      nullable: true,
      description: 'Who did it.',
      resolve: (n, _args, ctx) => loadAuthor({ authorStaff: n.actorStaff, authorMember: n.actorMember }, ctx),
    }),
    unread: t.boolean({
      resolve: async (n, _args, ctx) => {
        const viewer = ctx.viewer();
        if (!isMember(viewer)) return false;
        const member = await ctx.scope().loaders.byId(Member).load(viewer.member.id);
        return isUnread(n, member?.notificationsReadAt);
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
