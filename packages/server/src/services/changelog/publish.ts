import type { ThreadEvent } from '../../core/events.ts';
import type { Em } from '../../db/em.ts';
import { newId } from '../../entities/id.ts';
import { type ChangelogEntry, ChangelogThread, Community, StatusChange, type Thread } from '../../entities/index.ts';
import { recordActivity } from '../activity.ts';
import type { StaffActor } from '../actor.ts';
import { askedFor, productUpdateSubscribers } from '../notifications/audience.ts';
import { personInEmail } from '../notifications/on-activity.ts';
import { enqueueEmails, tell } from '../notifications/tell.ts';
import { lockThread } from '../threads.ts';

/** Who was told of a publication: the badge changed for `notified`; everyone may see a new entry. */
export interface Publication {
  notified: string[];
}

/**
 * Ships the threads an entry delivers that are not shipped yet, in the caller's transaction: each
 * becomes SHIPPED with the entry as its status note (a status change naming the entry), recorded
 * in the activity log (an idea shipped counts for its author). Returns the threads it shipped.
 */
export async function shipDelivered(
  em: Em,
  actor: StaffActor,
  entry: ChangelogEntry,
  emit: (event: ThreadEvent) => void,
): Promise<Thread[]> {
  const links = await em.find(ChangelogThread, { entry: entry.id }, { fields: ['thread'] });
  const shipped: Thread[] = [];
  for (const link of links) {
    let thread: Thread;
    try {
      thread = await lockThread(em, actor, link.thread.id);
    } catch {
      continue; // gone, hidden or merged since it was linked
    }
    if (thread.status === 'SHIPPED') continue;
    const from = thread.status;
    thread.status = 'SHIPPED';
    thread.lastActivityAt = new Date();
    thread.waitingSince = null;
    const statusChange = em.create(StatusChange, {
      id: newId(),
      community: entry.community.id,
      thread,
      staff: actor.staff,
      fromStatus: from,
      toStatus: 'SHIPPED',
      note: null,
      changelogEntry: entry,
    });
    recordActivity(em, entry.community.id, actor, {
      type: 'STATUS_CHANGED',
      thread,
      data: { from, to: 'SHIPPED', statusChangeId: statusChange.id, changelogEntryId: entry.id },
    });
    emit({
      type: 'STATUS_CHANGED',
      threadId: thread.id,
      statusChangeId: statusChange.id,
      status: 'SHIPPED',
      at: new Date().toISOString(),
    });
    shipped.push(thread);
  }
  await em.flush();
  return shipped;
}

/**
 * Tells of a published entry, once per member however many of its threads they asked for: those
 * who posted, voted for or followed a thread it delivers (in the widget, and by email under
 * THREAD_NOTIFICATIONS); everyone else who agreed to PRODUCT_UPDATES, by email. Re-telling (an
 * entry published again, or a thread added later) reaches only who has not heard yet.
 */
export async function tellOfEntry(em: Em, entry: ChangelogEntry, threadIds: string[]): Promise<Publication> {
  const community = await em.findOneOrFail(Community, { id: entry.community.id });
  const links = await em.find(
    ChangelogThread,
    { entry: entry.id },
    { populate: ['thread'], orderBy: { position: 'asc' } },
  );
  const data = {
    brand: community.name,
    entryId: entry.id,
    title: entry.title,
    body: entry.body,
    by: await personInEmail(em, { staff: entry.author.id }),
    threads: links.map((l) => ({ id: l.thread.id, title: l.thread.title })),
  };
  const subject = `What's new at ${community.name}: ${entry.title}`;
  const event = `changelog:${entry.id}`;
  const asked = await askedFor(em, community.id, threadIds);
  const notified = await tell(em, {
    communityId: community.id,
    kind: 'CHANGELOG',
    event,
    memberIds: asked,
    refs: { changelogEntry: entry.id, actorStaff: entry.author.id },
    email: { purpose: 'THREAD_NOTIFICATIONS', template: 'changelog', subject, data },
  });
  const others = [...(await productUpdateSubscribers(em, community.id))].filter((id) => !asked.has(id));
  await enqueueEmails(em, community.id, others, event, null, {
    purpose: 'PRODUCT_UPDATES',
    template: 'changelog',
    subject,
    data,
  });
  return { notified };
}
