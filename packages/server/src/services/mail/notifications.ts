import type { EventSubscriber, FlushEventArgs } from '@mikro-orm/core';
import { createdIn } from '../../db/created.ts';
import type { Em } from '../../db/orm.ts';
import { newId } from '../../entities/id.ts';
import {
  Activity,
  Community,
  type EmailDigest,
  Follow,
  Member,
  OutboxMessage,
  Reply,
  StaffMember,
  Thread,
} from '../../entities/index.ts';

/** Activities that tell a thread's followers something. */
const NOTIFYING = new Set(['REPLY_POSTED', 'STATUS_CHANGED']);

/** When a daily digest goes out: the next 08:00 UTC. */
export function nextDigestAt(now: Date): Date {
  const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 8));
  if (at <= now) at.setUTCDate(at.getUTCDate() + 1);
  return at;
}

/** How a staff member is named to customers: by name, and who they speak for. */
export function staffByline(staff: StaffMember, brand: string): string {
  return staff.role === 'AGENCY' && staff.agencyName
    ? `${staff.name} (${staff.agencyName}, agency for ${brand})`
    : `${staff.name} (${brand} team)`;
}

/**
 * Writes the emails a reply or status change owes the thread's followers, in the transaction of
 * the change (right after the flush that inserts its activity): they exist exactly when the change
 * does. Not to the member who acted, nor to members without an email address, erased, or who
 * chose no email; consent is checked again when each is sent, so a withdrawal in between holds.
 */
export async function enqueueNotifications(em: Em, activities: Activity[]): Promise<void> {
  const now = new Date();
  for (const activity of activities) {
    if (!NOTIFYING.has(activity.type) || !activity.thread) continue;
    const followers = await em.find(
      Follow,
      { thread: activity.thread.id, member: { $ne: null } },
      { fields: ['member'], filters: { tenant: false } },
    );
    const actor = activity.actorMember?.id;
    const ids = followers.map((f) => f.member?.id).filter((id): id is string => !!id && id !== actor);
    if (ids.length === 0) continue;
    const members = await em.find(
      Member,
      { id: { $in: ids }, email: { $ne: null }, erasedAt: null, emailDigest: { $ne: 'NEVER' } },
      { fields: ['id', 'emailDigest'], filters: { tenant: false } },
    );
    if (members.length === 0) continue;
    const { subject, body } = await describe(em, activity);
    const rows = members.map((m) => ({
      id: newId(),
      community: activity.community.id,
      member: m.id,
      purpose: 'THREAD_NOTIFICATIONS' as const,
      thread: activity.thread?.id,
      dedupeKey: `activity:${activity.id}:${m.id}`,
      subject,
      body,
      status: 'PENDING' as const,
      digest: (m.emailDigest as EmailDigest) === 'DAILY',
      dueAt: (m.emailDigest as EmailDigest) === 'DAILY' ? nextDigestAt(now) : now,
      attempts: 0,
      createdAt: now,
    }));
    await em.insertMany(OutboxMessage, rows as never);
  }
}

/** The email's subject and text, from what the thread, reply and people are now. */
async function describe(em: Em, activity: Activity): Promise<{ subject: string; body: string }> {
  const noTenant = { filters: { tenant: false } } as const;
  const thread = await em.findOneOrFail(Thread, { id: activity.thread?.id as string }, noTenant);
  const community = await em.findOneOrFail(Community, { id: activity.community.id }, noTenant);
  const brand = community.name;
  let who = 'Someone';
  if (activity.actorStaff) {
    const staff = await em.findOneOrFail(StaffMember, { id: activity.actorStaff.id }, noTenant);
    who = staffByline(staff, brand);
  } else if (activity.actorMember) {
    const member = await em.findOneOrFail(Member, { id: activity.actorMember.id }, noTenant);
    who = member.displayName;
  }
  if (activity.type === 'REPLY_POSTED' && activity.reply) {
    const reply = await em.findOneOrFail(Reply, { id: activity.reply.id }, noTenant);
    return {
      subject: `New reply in “${thread.title}”`,
      body: `${who} replied in “${thread.title}” (${brand} community):\n\n${reply.body}`,
    };
  }
  const status = String((activity.data as { to?: string } | null)?.to ?? thread.status)
    .replaceAll('_', ' ')
    .toLowerCase();
  return {
    subject: `“${thread.title}” is now ${status}`,
    body: `${who} changed the status of “${thread.title}” (${brand} community) to ${status}.`,
  };
}

/** Every activity written anywhere notifies followers in its own transaction (see above). */
export class NotificationSubscriber implements EventSubscriber {
  async afterFlush({ em, uow }: FlushEventArgs): Promise<void> {
    const created = createdIn(uow, Activity);
    if (created.length) await enqueueNotifications(em as Em, created);
  }
}
