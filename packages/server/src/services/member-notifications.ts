import type { FilterQuery } from '@mikro-orm/core';
import { Activity, Follow, Member } from '../entities/index.ts';
import type { MemberActor } from './actor.ts';
import { findPage, type Page, type PageArgs } from './pagination.ts';
import { type Scope, write } from './scope.ts';

/** What a member is told of in the widget: replies and status changes on threads they follow. */
export const NOTIFICATION_TYPES = ['REPLY_POSTED', 'STATUS_CHANGED'] as const;
/** The threads followed most recently count (a member who follows more hears of these). */
const FOLLOWS_CONSIDERED = 200;

/**
 * The activities a member is notified of: on each followed thread, what others did after they
 * started following (their own replies are not news to them), newest first.
 */
async function notificationWhere(scope: Scope, actor: MemberActor): Promise<FilterQuery<Activity> | null> {
  const follows = await scope.em.find(
    Follow,
    { member: actor.member.id },
    { fields: ['thread', 'createdAt'], orderBy: { createdAt: 'desc' }, limit: FOLLOWS_CONSIDERED },
  );
  if (follows.length === 0) return null;
  return {
    type: { $in: [...NOTIFICATION_TYPES] },
    $and: [
      { $or: [{ actorMember: null }, { actorMember: { $ne: actor.member.id } }] },
      { $or: follows.map((f) => ({ thread: f.thread.id, createdAt: { $gt: f.createdAt } })) },
    ],
  };
}

export async function listNotifications(scope: Scope, actor: MemberActor, args: PageArgs): Promise<Page<Activity>> {
  const where = await notificationWhere(scope, actor);
  const none = { id: null } as FilterQuery<Activity>; // an empty page, paged like any other
  return findPage(scope.em, Activity, where ?? none, { createdAt: 'desc', id: 'desc' }, args, 50);
}

/** How many the member has not read yet (shown as the badge). */
export async function unreadNotificationCount(scope: Scope, actor: MemberActor): Promise<number> {
  const where = await notificationWhere(scope, actor);
  if (!where) return 0;
  const member = await scope.em.findOneOrFail(Member, { id: actor.member.id }, { fields: ['notificationsReadAt'] });
  const since = member.notificationsReadAt;
  return scope.em.count(Activity, since ? { $and: [where, { createdAt: { $gt: since } }] } : where);
}

/** Whether one notification came after the member last read them. */
export const isUnread = (activity: Activity, readAt: Date | null | undefined) => !readAt || activity.createdAt > readAt;

/** Everything up to now is read; the badge clears. */
export async function markNotificationsRead(scope: Scope, actor: MemberActor): Promise<Member> {
  return write(scope, async (em) => {
    const member = await em.findOneOrFail(Member, { id: actor.member.id });
    member.notificationsReadAt = new Date();
    return member;
  });
}
