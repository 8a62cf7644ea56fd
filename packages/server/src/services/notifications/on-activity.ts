import type { EventSubscriber, FlushEventArgs, TransactionEventArgs } from '@mikro-orm/core';
import { createdIn } from '../../db/created.ts';
import type { Em } from '../../db/em.ts';
import { Activity, Community, Member, type Reply, StaffMember, StatusChange, Thread } from '../../entities/index.ts';
import { askedFor } from './audience.ts';
import { type Telling, tell } from './tell.ts';

/** Who did something, as an email shows them (kept with the email as they were then). */
export interface PersonInEmail {
  name: string;
  title: string | null;
  avatarUrl: string | null;
  /** Staff speak for the brand; agency staff as "Agency for <brand>"; customers have none. */
  badge: 'STAFF' | 'AGENCY' | null;
  agencyName: string | null;
}

const noTenant = { filters: { tenant: false } } as const;

/**
 * How to read a community's rows by id here: through the manager's tenant binding when it is that
 * community's (the rows the write already holds then come from its identity map: MikroORM reads
 * the database again whenever `filters` is passed), across tenants otherwise.
 */
const readingIn = (em: Em, communityId: string) =>
  em.getFilterParams<{ communityId?: string }>('tenant')?.communityId === communityId ? {} : noTenant;

export async function personInEmail(
  em: Em,
  who: { staff?: string | null; member?: string | null },
): Promise<PersonInEmail | null> {
  if (who.staff) {
    const staff = await em.findOneOrFail(StaffMember, { id: who.staff }, noTenant);
    return {
      name: staff.name,
      title: staff.title ?? null,
      avatarUrl: staff.avatarUrl ?? null,
      badge: staff.role === 'AGENCY' ? 'AGENCY' : 'STAFF',
      agencyName: staff.agencyName ?? null,
    };
  }
  if (who.member) {
    const member = await em.findOneOrFail(Member, { id: who.member }, noTenant);
    return {
      name: member.displayName,
      title: null,
      avatarUrl: member.avatarUrl ?? null,
      badge: null,
      agencyName: null,
    };
  }
  return null;
}

/**
 * A reply tells its thread's followers (`followers`; never its author), and emails those who
 * want it. The email's data, with who wrote it, is read only when an email is due.
 */
export function replyTelling(
  em: Em,
  of: {
    community: Pick<Community, 'id' | 'name'>;
    thread: Pick<Thread, 'id' | 'title'>;
    activityId: string;
    reply: Pick<Reply, 'id' | 'body'>;
    actor: { staff?: string | null; member?: string | null };
    followers: Iterable<string>;
  },
): Telling {
  const { community, thread, reply, actor } = of;
  return {
    communityId: community.id,
    kind: 'REPLY',
    event: `activity:${of.activityId}`,
    firstTime: true,
    memberIds: of.followers,
    refs: { thread: thread.id, actorMember: actor.member, actorStaff: actor.staff, reply: reply.id },
    email: {
      purpose: 'THREAD_NOTIFICATIONS',
      template: 'reply',
      subject: `New reply in “${thread.title}”`,
      data: async () => ({
        brand: community.name,
        threadId: thread.id,
        threadTitle: thread.title,
        by: await personInEmail(em, actor),
        replyId: reply.id,
        body: reply.body,
      }),
    },
  };
}

/**
 * A status change tells whoever asked, in the transaction that writes it (right after the flush
 * that inserts its activity): the thread's followers and voters (services/notifications/audience.ts).
 * A status change made by publishing a "What's new" entry is told by the entry itself
 * (services/changelog), once for all its threads. A reply tells its followers in its own write
 * (services/reply-write/rows.ts, with replyTelling above).
 */
async function tellOfActivity(em: Em, activity: Activity): Promise<string[]> {
  const threadId = activity.thread?.id;
  if (!threadId) return [];
  const data = (activity.data ?? {}) as { to?: string; statusChangeId?: string; changelogEntryId?: string };
  if (activity.type !== 'STATUS_CHANGED' || data.changelogEntryId) return [];
  const reading = readingIn(em, activity.community.id);
  const thread = await em.findOneOrFail(Thread, { id: threadId }, reading);
  const community = await em.findOneOrFail(Community, { id: activity.community.id }, reading);
  const actor = { staff: activity.actorStaff?.id, member: activity.actorMember?.id };
  const refs = { thread: threadId, actorMember: actor.member, actorStaff: actor.staff };
  // Who did it is read only for an email (most of those told have no address).
  const base = async () => ({
    brand: community.name,
    threadId,
    threadTitle: thread.title,
    by: await personInEmail(em, actor),
  });
  const statusChange = data.statusChangeId
    ? await em.findOne(StatusChange, { id: data.statusChangeId }, noTenant)
    : null;
  const status = String(data.to ?? thread.status);
  return tell(em, {
    communityId: community.id,
    kind: 'STATUS_CHANGED',
    event: `activity:${activity.id}`,
    firstTime: true,
    memberIds: await askedFor(em, community.id, [threadId]),
    refs: { ...refs, statusChange: statusChange?.id },
    email: {
      purpose: 'THREAD_NOTIFICATIONS',
      template: 'status',
      subject: `“${thread.title}” is now ${status.replaceAll('_', ' ').toLowerCase()}`,
      data: async () => ({ ...(await base()), status, note: statusChange?.note ?? null }),
    },
  });
}

/**
 * Every activity written anywhere tells whoever should hear of it, in its own transaction (see
 * above); once that commits, `onTold` hears who was told (their unread badge changed).
 */
export class NotificationSubscriber implements EventSubscriber {
  readonly #onTold: (communityId: string, memberIds: string[]) => void;
  /** Who was told in each open transaction, announced when it commits. */
  readonly #pending = new WeakMap<object, Map<string, Set<string>>>();

  constructor(onTold: (communityId: string, memberIds: string[]) => void = () => {}) {
    this.#onTold = onTold;
  }

  async afterFlush({ em, uow }: FlushEventArgs): Promise<void> {
    for (const activity of createdIn(uow, Activity)) {
      const told = await tellOfActivity(em as Em, activity);
      if (told.length) this.told(em as Em, activity.community.id, told);
    }
  }

  /** Records who was told: announced after the commit (at once when there is no transaction). */
  told(em: Em, communityId: string, memberIds: string[]): void {
    const transaction = em.getTransactionContext();
    if (!transaction) {
      this.#onTold(communityId, memberIds);
      return;
    }
    const pending = this.#pending.get(transaction) ?? new Map<string, Set<string>>();
    this.#pending.set(transaction, pending);
    const members = pending.get(communityId) ?? new Set();
    for (const id of memberIds) members.add(id);
    pending.set(communityId, members);
  }

  afterTransactionCommit({ transaction }: TransactionEventArgs): void {
    const pending = transaction ? this.#pending.get(transaction) : undefined;
    if (!pending || !transaction) return;
    this.#pending.delete(transaction);
    for (const [communityId, members] of pending) this.#onTold(communityId, [...members]);
  }

  afterTransactionRollback({ transaction }: TransactionEventArgs): void {
    if (transaction) this.#pending.delete(transaction);
  }
}

/**
 * Records members told by a write that wrote its notifications itself (services/reply-write):
 * their unread badges change once it commits, as for those the subscriber told.
 */
export function toldInWrite(em: Em, communityId: string, memberIds: string[]): void {
  if (memberIds.length === 0) return;
  for (const subscriber of em.getEventManager().getSubscribers()) {
    if (subscriber instanceof NotificationSubscriber) subscriber.told(em, communityId, memberIds);
  }
}
