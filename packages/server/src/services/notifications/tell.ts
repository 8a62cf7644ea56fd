import type { Em } from '../../db/em.ts';
import { newId } from '../../entities/id.ts';
import {
  type ConsentPurpose,
  type EmailDigest,
  Member,
  Notification,
  type NotificationKind,
  OutboxMessage,
} from '../../entities/index.ts';
import { nextDigestAt } from '../mail/digest.ts';

/** The rows a notification points at (ids), as far as it has them. */
export interface NotificationRefs {
  thread?: string | null;
  reply?: string | null;
  statusChange?: string | null;
  mergedInto?: string | null;
  changelogEntry?: string | null;
  actorMember?: string | null;
  actorStaff?: string | null;
}

export interface Telling {
  communityId: string;
  kind: NotificationKind;
  /** The event told of (`activity:<id>`, `changelog:<id>`): each member hears of it once. */
  event: string;
  /** The event was written in this transaction (a new activity): nobody can have heard of it yet. */
  firstTime?: boolean;
  memberIds: Iterable<string>;
  refs: NotificationRefs;
  /** The email it also sends (under `purpose`, checked again when it is sent); null: none. */
  email: {
    purpose: ConsentPurpose;
    template: string;
    subject: string;
    /** What the template shows; a function when making it reads rows, made only if an email is written. */
    data: EmailData | (() => Promise<EmailData>);
  } | null;
}

type EmailData = Record<string, unknown>;

const noTenant = { filters: { tenant: false } } as const;
/**
 * Members an email may be written to: a working address, not erased, emails not turned off. The
 * same in SQL for a write that reads its audience itself (services/reply-write/read.ts).
 */
const EMAILABLE = {
  email: { $ne: null },
  erasedAt: null,
  emailBouncedAt: null,
  emailDigest: { $ne: 'NEVER' },
} as const;
export const emailableSql = (m: string) =>
  `${m}.email is not null and ${m}.erased_at is null and ${m}.email_bounced_at is null and ${m}.email_digest <> 'NEVER'`;

/** Rows per query: SQLite and PostgreSQL both take this many bound values with room to spare. */
const CHUNK = 2000;

export function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/**
 * Tells members of something, in the caller's transaction: one notification each (never to the
 * member who did it, never twice for one event, however they are connected to it), and the email
 * to those with a working address who did not turn emails off. Returns who was told.
 */
export async function tell(em: Em, telling: Telling): Promise<string[]> {
  const ids = toldOf(telling);
  if (ids.length === 0) return [];
  const told = telling.firstTime ? ids : await notToldYet(em, ids, telling.event);
  if (told.length === 0) return [];
  const now = new Date();
  for (const part of chunks(told)) {
    await em.insertMany(Notification, notificationRows(telling, part, now) as never);
  }
  if (telling.email) {
    await enqueueEmails(em, telling.communityId, told, telling.event, telling.refs.thread, telling.email, {
      now,
      firstTime: telling.firstTime,
    });
  }
  return told;
}

/** The members of a telling to notify: each once, never the member who did it. */
export const toldOf = (telling: Pick<Telling, 'memberIds' | 'refs'>): string[] =>
  [...new Set(telling.memberIds)].filter((id) => id !== telling.refs.actorMember);

/** The notification rows telling `members` of an event. */
export function notificationRows(telling: Telling, members: readonly string[], now: Date): Record<string, unknown>[] {
  const { refs } = telling;
  return members.map((member) => ({
    id: newId(),
    community: telling.communityId,
    member,
    kind: telling.kind,
    dedupeKey: telling.event,
    thread: refs.thread ?? null,
    reply: refs.reply ?? null,
    statusChange: refs.statusChange ?? null,
    mergedInto: refs.mergedInto ?? null,
    changelogEntry: refs.changelogEntry ?? null,
    actorMember: refs.actorMember ?? null,
    actorStaff: refs.actorStaff ?? null,
    createdAt: now,
  }));
}

/** A member an email is written to (found by the caller: a working address, emails not turned off). */
export interface Emailable {
  id: string;
  emailDigest: EmailDigest;
}

/** The outbox rows of an event's email to `members` (all emailable), its data made. */
export function outboxRows(
  communityId: string,
  members: readonly Emailable[],
  event: string,
  threadId: string | null | undefined,
  email: NonNullable<Telling['email']>,
  data: EmailData,
  now: Date,
): Record<string, unknown>[] {
  return members.map((m) => {
    const daily = m.emailDigest === 'DAILY';
    return {
      id: newId(),
      community: communityId,
      member: m.id,
      purpose: email.purpose,
      thread: threadId ?? null,
      dedupeKey: `${event}:${m.id}`,
      subject: email.subject.slice(0, 300),
      body: '',
      template: email.template,
      data,
      status: 'PENDING' as const,
      digest: daily,
      dueAt: daily ? nextDigestAt(now) : now,
      attempts: 0,
      createdAt: now,
    };
  });
}

/** Of `ids`, the members with no notification of `event` yet. */
async function notToldYet(em: Em, ids: string[], event: string): Promise<string[]> {
  const fresh: string[] = [];
  for (const part of chunks(ids)) {
    const already = new Set(
      (
        await em.find(Notification, { member: { $in: part }, dedupeKey: event }, { ...noTenant, fields: ['member'] })
      ).map((n) => n.member.id),
    );
    fresh.push(...part.filter((id) => !already.has(id)));
  }
  return fresh;
}

/**
 * Writes the emails of an event to the outbox (services/mail/outbox.ts sends them, checking
 * consent as it stands then): for members with an address that works, who did not choose NEVER.
 */
export async function enqueueEmails(
  em: Em,
  communityId: string,
  memberIds: string[],
  event: string,
  threadId: string | null | undefined,
  email: NonNullable<Telling['email']>,
  { now = new Date(), firstTime = false }: { now?: Date; firstTime?: boolean } = {},
): Promise<void> {
  let data: EmailData | undefined;
  for (const part of chunks(memberIds)) {
    const members = await em.find(
      Member,
      // The community again: an email never reaches a member of another one, whatever the caller passed.
      { id: { $in: part }, community: communityId, ...EMAILABLE },
      { ...noTenant, fields: ['id', 'emailDigest'] },
    );
    if (members.length === 0) continue;
    // An event told again (an entry published a second time) does not email anyone twice.
    const written = new Set(
      firstTime
        ? []
        : (
            await em.find(
              OutboxMessage,
              { dedupeKey: { $in: members.map((m) => `${event}:${m.id}`) } },
              { ...noTenant, fields: ['member'] },
            )
          ).map((m) => m.member.id),
    );
    const fresh = members.filter((m) => !written.has(m.id));
    if (fresh.length === 0) continue;
    data ??= await emailData(email);
    await em.insertMany(
      OutboxMessage,
      outboxRows(communityId, fresh as Emailable[], event, threadId, email, data, now) as never,
    );
  }
}

/** What an email's template shows (made now when making it reads rows). */
export const emailData = async (email: NonNullable<Telling['email']>): Promise<EmailData> =>
  typeof email.data === 'function' ? email.data() : email.data;
