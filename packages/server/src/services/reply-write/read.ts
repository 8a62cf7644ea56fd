import * as valid from '../../core/validation.ts';
import { dialectOfEm, type Em } from '../../db/em.ts';
import { type Community, type EmailDigest, Thread } from '../../entities/index.ts';
import { activityFields } from '../activity.ts';
import { type Actor, isStaff, memberIdOf } from '../actor.ts';
import { RECENT_REPLIES, REPLY_WINDOW_MS } from '../duplicates.ts';
import { followersSql } from '../notifications/audience.ts';
import { emailableSql } from '../notifications/tell.ts';
import { firstsSelect } from '../ranking/incremental.ts';
import type { ActivityFact } from '../ranking/model.ts';
import { writableBy } from '../threads.ts';

/** What a new reply needs to know before it is written, read once its thread is locked. */
export interface BeforeReply {
  thread: Thread;
  community: Pick<Community, 'id' | 'name' | 'settings'>;
  /** The author's replies to the thread within the double-post window, newest first. */
  recent: { id: string; body: string }[];
  /** The thread's followers among the community's members, and whether an email may be written to them. */
  followers: { id: string; emailDigest: EmailDigest; mail: boolean }[];
  /** Whether the community has an active webhook (their deliveries are worked out only then). */
  hooks: boolean;
  /** When the reply is written: once its thread is locked, so after any reply that held it. */
  now: Date;
  /** The reply's activity: who, to whom, about what (rows.ts writes it). */
  activity: ReturnType<typeof activityFields>;
  /** The same activity as the ranking sees it (how it feels is read once the language is known). */
  fact: ActivityFact;
  /** The ranking's "first time?" answers for it (model.ts firstQuestions). */
  firsts: Map<string, boolean>;
}

const truthy = (value: unknown) => value === true || value === 1 || value === '1' || value === 't';
const parsed = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

/**
 * A JSON array of `fields` of the rows `from` selects: one value of the outer row however many
 * rows there are (PostgreSQL and SQLite name the same aggregate differently).
 */
function jsonRows(em: Em, fields: Record<string, string>, from: string): string {
  const pairs = Object.entries(fields).map(([key, column]) => `'${key}', ${column}`);
  return dialectOfEm(em) === 'postgresql'
    ? `coalesce((select json_agg(json_build_object(${pairs})) from ${from}), '[]')`
    : `(select json_group_array(json_object(${pairs})) from ${from})`;
}

/**
 * Locks the thread (SELECT … FOR UPDATE on PostgreSQL; SQLite has one writer), then reads
 * everything else a reply needs in a second statement. Two statements, not one: a statement
 * reads as of its start, so what is read with the lock could miss a reply committed while
 * waiting for it (the same reply sent twice at once would not be found a duplicate).
 */
export async function readBeforeReply(
  em: Em,
  input: { communityId: string; actor: Actor; threadId: string; ids: { reply: string; activity: string } },
): Promise<BeforeReply> {
  const { communityId, actor } = input;
  const postgres = dialectOfEm(em) === 'postgresql';
  const [row] = valid.isUuid(input.threadId)
    ? await em.execute<Record<string, unknown>[]>(
        `select * from thread where id = ? and community_id = ?${postgres ? ' for update' : ''}`,
        [input.threadId, communityId],
      )
    : [];
  const thread = writableBy(actor, row ? em.map(Thread, row) : null);
  // Taken now, not before the lock: a reply that held the thread first is earlier in the log.
  const now = new Date();
  const activity = activityFields(communityId, actor, { type: 'REPLY_POSTED', thread });
  const fact: ActivityFact = {
    type: activity.type,
    at: now.getTime(),
    actor: memberIdOf(actor),
    subject: activity.subjectMember?.id ?? null,
    thread: thread.id,
    reply: input.ids.reply,
    contentAt: now.getTime(),
    contentSentiment: null, // how it feels is read in the community's language (rows.ts)
    status: null,
  };

  const author = isStaff(actor) ? 'author_staff_id' : 'author_member_id';
  const authorId = isStaff(actor) ? actor.staff.id : memberIdOf(actor);
  // Values written into the text (as MikroORM sends every query), so the subqueries the ranking
  // writes out join it as they are.
  const q = (value: unknown) => em.getPlatform().quoteValue(value);
  const firsts = firstsSelect(em, communityId, fact, input.ids.activity, 'first_');
  const selects = [
    'c.name as name',
    'c.settings as settings',
    `${jsonRows(
      em,
      { id: 'r.id', body: 'r.body' },
      `(select id, body from reply where community_id = c.id and thread_id = ${q(thread.id)} and ${author} = ${q(authorId)} and deleted_at is null and created_at >= ${q(new Date(now.getTime() - REPLY_WINDOW_MS))} order by created_at desc limit ${RECENT_REPLIES}) r`,
    )} as recent`,
    `${jsonRows(
      em,
      {
        id: 'm.id',
        emailDigest: 'm.email_digest',
        mail: emailableSql('m'),
      },
      followersSql('c.id', q(thread.id)),
    )} as followers`,
    'exists (select 1 from webhook w where w.community_id = c.id and w.active) as hooks',
    ...firsts.selects,
  ];
  const [facts] = await em.execute<Record<string, unknown>[]>(
    `select ${selects.join(', ')} from community c where c.id = ${q(communityId)}`,
  );
  if (!facts) throw new Error(`Community ${communityId} is gone`);
  return {
    thread,
    community: { id: communityId, name: String(facts.name), settings: parsed(facts.settings) ?? {} },
    recent: parsed(facts.recent),
    followers: parsed<{ id: string; emailDigest: EmailDigest; mail: unknown }[]>(facts.followers).map((f) => ({
      ...f,
      mail: truthy(f.mail),
    })),
    hooks: truthy(facts.hooks),
    now,
    activity,
    fact,
    firsts: firsts.answers(facts),
  };
}
