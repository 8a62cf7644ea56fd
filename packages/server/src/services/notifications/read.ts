import { findPage, type Page, type PageArgs } from '../../core/pagination.ts';
import { type Scope, write } from '../../core/scope.ts';
import { Member, Notification } from '../../entities/index.ts';
import type { MemberActor } from '../actor.ts';

/** A member's notifications, newest first. */
export function listNotifications(scope: Scope, actor: MemberActor, args: PageArgs): Promise<Page<Notification>> {
  return findPage(scope.em, Notification, { member: actor.member.id }, { createdAt: 'desc', id: 'desc' }, args, 50);
}

/** How many the member has not read yet (shown as the badge). */
export async function unreadNotificationCount(scope: Scope, actor: MemberActor): Promise<number> {
  const member = await scope.em.findOneOrFail(Member, { id: actor.member.id }, { fields: ['notificationsReadAt'] });
  const since = member.notificationsReadAt;
  return scope.em.count(Notification, { member: actor.member.id, ...(since ? { createdAt: { $gt: since } } : {}) });
}

/** Whether one notification came after the member last read them. */
export const isUnread = (notification: Notification, readAt: Date | null | undefined) =>
  !readAt || notification.createdAt > readAt;

/** Everything up to now is read; the badge clears. */
export async function markNotificationsRead(scope: Scope, actor: MemberActor): Promise<Member> {
  return write(scope, async (em) => {
    const member = await em.findOneOrFail(Member, { id: actor.member.id });
    member.notificationsReadAt = new Date();
    return member;
  });
}
