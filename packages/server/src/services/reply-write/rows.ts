import { raw } from '@mikro-orm/core';
import { dialectOfEm, type Em } from '../../db/em.ts';
import { Activity, Follow, Member, Notification, OutboxMessage, Reply, Thread } from '../../entities/index.ts';
import { type Actor, authorFields, isStaff, memberIdOf } from '../actor.ts';
import { memberCounterChange } from '../members/counters.ts';
import { replyTelling, toldInWrite } from '../notifications/on-activity.ts';
import { chunks, emailData, notificationRows, outboxRows, toldOf } from '../notifications/tell.ts';
import { scoreChanges, scoresUpsert } from '../ranking/incremental.ts';
import { rankingSettings } from '../ranking/settings.ts';
import { followerFields } from '../threads.ts';
import { enqueueForCreated } from '../webhooks/events.ts';
import type { BeforeReply } from './read.ts';

export interface ReplyRows extends BeforeReply {
  actor: Actor;
  body: string;
  sentiment: { score: number | null; language: string | null };
  ids: { reply: string; activity: string; follow: string };
}

type Statement = { getFormattedQuery(): string; execute(method: 'run'): Promise<unknown> };

/**
 * Writes a new reply and everything that follows it in its transaction: its activity, the
 * author's follow (unless they follow already), counters, for staff the thread's and its
 * customer's owner, the ranking's scores, the followers' notifications and emails. They are sent
 * as SQL, not through the unit of work, which cost most of a reply's time (BENCHMARKS.md,
 * "Posting a reply"): one statement on PostgreSQL (data-modifying CTEs), one a table on SQLite
 * (in process, no round trip between them). Webhook deliveries, when the community has a webhook,
 * are written after, as after any write. Tenant scoping: the query builder applies no filter, so
 * every update names the community.
 */
export async function insertReplyRows(em: Em, w: ReplyRows): Promise<Reply> {
  const { community, thread, actor, now, ids } = w;
  const staff = isStaff(actor) ? actor.staff : null;
  const memberId = memberIdOf(actor);
  const replyRow = {
    id: ids.reply,
    community: community.id,
    thread: thread.id,
    authorMember: memberId,
    authorStaff: staff?.id ?? null,
    body: w.body,
    sentiment: w.sentiment.score,
    sentimentLanguage: w.sentiment.language,
    createdAt: now,
    updatedAt: now,
  };
  const { activity } = w;
  const activityRow = {
    ...activity,
    id: ids.activity,
    actorMember: memberId,
    actorStaff: staff?.id ?? null,
    subjectMember: activity.subjectMember?.id ?? null,
    thread: thread.id,
    reply: ids.reply,
    createdAt: now,
  };
  const followRow = {
    id: ids.follow,
    community: community.id,
    thread: thread.id,
    member: memberId,
    staff: staff?.id ?? null,
    createdAt: now,
  };
  // The thread's new state: it is locked, so what is read is what is written over.
  const changes: Partial<Thread> = { replyCount: thread.replyCount + 1, lastActivityAt: now, updatedAt: now };
  if (staff) {
    // The brand has answered: nobody is waiting, and the thread has someone looking after it.
    Object.assign(changes, {
      firstStaffReplyAt: thread.firstStaffReplyAt ?? now,
      waitingSince: null,
      assignee: thread.assignee ?? staff,
    });
  } else {
    changes.waitingSince = thread.waitingSince ?? now;
  }
  const insert = (entity: new (...args: never[]) => object, rows: object | object[]) =>
    em.createQueryBuilder(entity).insert(rows as never);
  const threadUpdate = (followerCount: unknown) =>
    em
      .createQueryBuilder(Thread)
      .update({ ...changes, ...(staff ? { assignee: changes.assignee?.id } : {}), followerCount } as never)
      .where({ id: thread.id, community: community.id });

  const statements: Statement[] = [insert(Reply, replyRow), insert(Activity, activityRow)];
  if (memberId) statements.push(memberCounterChange(em, memberId, 'replyCount', 1));
  // The first staff member to talk with a customer becomes the owner of that relationship.
  if (staff && thread.authorMember) {
    statements.push(
      em
        .createQueryBuilder(Member)
        .update({ owner: staff.id } as never)
        .where({ id: thread.authorMember.id, community: community.id, owner: null }),
    );
  }
  const settings = rankingSettings(community);
  const scores = scoreChanges({ ...w.fact, contentSentiment: w.sentiment.score }, settings, w.firsts);
  if (scores.size > 0) statements.push(scoresUpsert(em, community.id, scores, settings));
  const telling = replyTelling(em, {
    community,
    thread,
    activityId: ids.activity,
    reply: { id: ids.reply, body: w.body },
    actor: { member: memberId, staff: staff?.id },
    followers: w.followers.map((f) => f.id),
  });
  const told = toldOf(telling);
  // Rows in parts of at most 2,000, as tell() writes them: the first with the reply, the rest
  // after it (a thread followed by thousands makes no statement of tens of megabytes).
  const after: Statement[] = [];
  const inParts = (entity: new (...args: never[]) => object, rows: object[]) => {
    for (const [i, part] of chunks(rows).entries()) (i === 0 ? statements : after).push(insert(entity, part));
  };
  inParts(Notification, notificationRows(telling, told, now));
  const emailable = w.followers.filter((f) => f.mail && f.id !== memberId);
  if (emailable.length > 0 && telling.email) {
    const data = await emailData(telling.email);
    inParts(OutboxMessage, outboxRows(community.id, emailable, telling.event, thread.id, telling.email, data, now));
  }
  const follow = insert(Follow, followRow).onConflict().ignore();

  let followed: boolean;
  if (dialectOfEm(em) === 'postgresql') {
    // One statement: every part sees the same snapshot, and the follow's count feeds the thread's.
    const parts = statements.map((qb, i) => `w${i} as (${qb.getFormattedQuery()})`);
    parts.push(`f as (${follow.getFormattedQuery()} returning "id")`);
    parts.push(`t as (${threadUpdate(raw('follower_count + (select count(*) from f)')).getFormattedQuery()})`);
    const [row] = await em.execute<{ followed: number | string }[]>(
      `with ${parts.join(', ')} select count(*) as followed from f`,
    );
    followed = Number(row?.followed) > 0;
  } else {
    for (const statement of statements) await statement.execute('run');
    followed = (await follow.execute('run')).affectedRows > 0;
    await threadUpdate(thread.followerCount + (followed ? 1 : 0)).execute('run');
  }
  for (const statement of after) await statement.execute('run');
  toldInWrite(em, community.id, told);

  // What was written, as managed entities: the rest of the request reads them without asking
  // again. Merging marks their state as the database's, so the commit's flush writes none of it.
  Object.assign(thread, changes, { followerCount: thread.followerCount + (followed ? 1 : 0) });
  em.merge(thread, { refresh: true });
  const written = <T extends object>(entity: new (...args: never[]) => T, data: object): T =>
    em.merge(em.create(entity, data as never, { managed: true }), { refresh: true });
  const reply = written(Reply, {
    ...replyRow,
    thread,
    ...authorFields(actor),
    hiddenAt: null,
    hiddenReason: null,
    helpfulAt: null,
    helpfulBy: null,
    editedAt: null,
    deletedAt: null,
  });
  const created: object[] = [reply, written(Activity, { ...activity, id: ids.activity, reply, createdAt: now })];
  if (followed) created.push(written(Follow, { ...followRow, thread, ...followerFields(actor) }));
  if (w.hooks) await enqueueForCreated(em, created);
  return reply;
}
