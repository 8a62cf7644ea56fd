import { LockMode } from '@mikro-orm/core';
import { AppError } from '../core/errors.ts';
import type { Em } from '../db/em.ts';
import { Member, StaffMember, Thread } from '../entities/index.ts';
import { type Actor, authorFields, isStaff } from './actor.ts';

/**
 * Text as compared for duplicates: case, runs of spaces, Unicode forms and closing punctuation
 * do not count ("Dark mode!" repeats "dark  mode"), but symbols do ("C++" is not "C#").
 */
export function sameText(value: string): string {
  return value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[\s.!?…]+$/u, '')
    .trim();
}

const THREAD_WINDOW_MS = 24 * 60 * 60_000;

/**
 * A person posting the same title again within a day (a double click, a retry, a copy-paste
 * flood) is told where their first post is instead of making a second. Call it inside the write
 * transaction: it locks the author's row first, so one person's posts are checked one after the
 * other (on PostgreSQL two at once would each find no earlier post; SQLite has one writer anyway).
 */
export async function assertNotDuplicateThread(em: Em, actor: Actor, title: string): Promise<void> {
  await lockAuthor(em, actor);
  const recent = await em.find(
    Thread,
    { ...authorFields(actor), deletedAt: null, createdAt: { $gte: new Date(Date.now() - THREAD_WINDOW_MS) } },
    { fields: ['id', 'title'], orderBy: { createdAt: 'desc' }, limit: 50 },
  );
  const key = sameText(title);
  const same = recent.find((t) => sameText(t.title) === key);
  if (same) {
    throw new AppError('CONFLICT', 'error.duplicateThread', {
      field: 'title',
      existing: { type: 'Thread', id: same.id },
    });
  }
}

/** How far back a reply counts as sent twice (a double click, a retry), not said again. */
export const REPLY_WINDOW_MS = 10 * 60_000;
/** How many of the author's recent replies to the thread are compared. */
export const RECENT_REPLIES = 20;

/**
 * The same reply to the same thread twice within minutes is a duplicate, not a second reply:
 * refuses `body` when it is one of the author's `recent` replies to the thread, said again
 * (services/reply-write/read.ts reads them once the thread is locked).
 */
export function assertNotAmong(recent: readonly { id: string; body: string }[], body: string): void {
  const key = sameText(body);
  const same = recent.find((r) => sameText(r.body) === key);
  if (same) {
    throw new AppError('CONFLICT', 'error.duplicateReply', {
      field: 'body',
      existing: { type: 'Reply', id: same.id },
    });
  }
}

/** Locks the row of whoever acts until the transaction ends (SELECT … FOR UPDATE). */
async function lockAuthor(em: Em, actor: Actor): Promise<void> {
  const lock = { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true } as const;
  if (isStaff(actor)) await em.findOne(StaffMember, { id: actor.staff.id }, lock);
  else await em.findOne(Member, { id: actor.member.id }, lock);
}
