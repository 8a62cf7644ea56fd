import { type FilterQuery, LockMode } from '@mikro-orm/core';
import { AppError, badInput, conflict, forbidden, notFound } from '../core/errors.ts';
import { findPage, type Page, type PageArgs } from '../core/pagination.ts';
import { type Scope, write } from '../core/scope.ts';
import * as valid from '../core/validation.ts';
import type { Em } from '../db/em.ts';
import { newId } from '../entities/id.ts';
import {
  Follow,
  StatusChange,
  THREAD_KINDS,
  THREAD_STATUSES,
  Thread,
  type ThreadKind,
  type ThreadStatus,
} from '../entities/index.ts';
import type { MessageId } from '../i18n/say.ts';
import { recordActivity } from './activity.ts';
import { type Actor, authorFields, isStaff, memberIdOf, type StaffActor } from './actor.ts';
import { recordAudit } from './audit.ts';
import { assertNotDuplicateThread } from './duplicates.ts';
import { writeOnce } from './idempotency.ts';
import { bumpMemberCounter } from './members/counters.ts';
import { assertCanEdit } from './ownership.ts';
import { othersTookPart } from './participation.ts';
import { applySentimentChange } from './ranking/incremental.ts';
import { communityLanguage, readThreadSentiment } from './sentiment.ts';
import { trendingScore } from './trending.ts';

/** Statuses after which a thread no longer needs anyone's attention. */
export const CLOSED_STATUSES: readonly ThreadStatus[] = ['SHIPPED', 'DECLINED'];

/**
 * What a viewer may see: nobody sees what its author deleted or lists merged threads; staff see
 * hidden threads (to moderate them).
 */
export function visibleTo(viewer: Actor | null): FilterQuery<Thread> {
  return isStaff(viewer)
    ? { mergedInto: null, deletedAt: null }
    : { mergedInto: null, hiddenAt: null, deletedAt: null };
}

/** Whether a thread found by id may be shown to the viewer. */
function canSee(viewer: Actor | null, thread: Thread): boolean {
  return thread.deletedAt == null && (thread.hiddenAt == null || isStaff(viewer));
}

/** A thread the viewer may see, or null. A merged thread is still found: it points to its successor. */
export async function findThread(scope: Scope, viewer: Actor | null, id: string): Promise<Thread | null> {
  if (!valid.isUuid(id)) return null;
  const thread = await scope.loaders.byId(Thread).load(id);
  return thread && canSee(viewer, thread) ? thread : null;
}

/**
 * Loads a thread inside a write transaction with its row locked, so that counters updated from it
 * are never lost to a concurrent write (SELECT … FOR UPDATE on PostgreSQL; SQLite serialises
 * writers anyway).
 */
export async function lockThread(em: Em, viewer: Actor, id: string, options?: { merged?: 'allowed' }): Promise<Thread> {
  const thread = valid.isUuid(id)
    ? await em.findOne(Thread, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true })
    : null;
  return writableBy(viewer, thread, options);
}

/**
 * The thread, when the viewer may write to it; not found otherwise. A merged thread takes no more
 * (`assertNotMerged`), unless `merged` is allowed: the merge itself says what is wrong.
 */
export function writableBy(viewer: Actor, thread: Thread | null, options?: { merged?: 'allowed' }): Thread {
  if (!thread || !canSee(viewer, thread)) throw notFound('error.notFound.thread');
  if (options?.merged !== 'allowed') assertNotMerged(thread);
  return thread;
}

/** A merged thread takes no more: the error says where it went (CONFLICT, `existingId` the thread it went into). */
export function assertNotMerged(thread: Thread): void {
  if (thread.mergedInto) {
    throw new AppError('CONFLICT', 'error.thread.merged', { existing: { type: 'Thread', id: thread.mergedInto.id } });
  }
}

export interface NewThread {
  kind: ThreadKind;
  title: string;
  body?: string | null;
  /** The client's key for this post: sending it again returns the same thread (services/idempotency.ts). */
  idempotencyKey?: string | null;
}

export async function postThread(scope: Scope, actor: Actor, input: NewThread): Promise<Thread> {
  assertCanWrite(actor);
  if (!THREAD_KINDS.includes(input.kind))
    throw badInput(['error.thread.kind', { kinds: THREAD_KINDS.join(', ') }], 'kind');
  const title = valid.line(input.title, valid.LIMITS.threadTitle);
  const body = valid.text(input.body ?? '', valid.LIMITS.threadBody);
  const once = {
    key: input.idempotencyKey,
    operation: 'postThread',
    input: { kind: input.kind, title, body },
    entity: Thread,
  };
  return writeOnce(scope, actor, once, async (em, emit) => {
    await assertNotDuplicateThread(em, actor, title);
    const feeling = readThreadSentiment(title, body, await communityLanguage(em, scope.communityId));
    const now = new Date();
    const thread = em.create(Thread, {
      community: scope.communityId,
      kind: input.kind,
      title,
      body,
      sentiment: feeling.score,
      sentimentLanguage: feeling.language,
      ...authorFields(actor),
      followerCount: 1,
      trendingScore: trendingScore(0, now),
      createdAt: now,
      lastActivityAt: now,
      // A customer's post waits for the brand; a staff post (an announcement) does not.
      waitingSince: isStaff(actor) ? null : now,
    });
    await bumpMemberCounter(em, memberIdOf(actor), 'threadCount', 1);
    // Authors follow what they post, as in every community product: they hear the answers.
    em.create(Follow, { community: scope.communityId, thread, ...followerFields(actor) });
    recordActivity(em, scope.communityId, actor, { type: 'THREAD_POSTED', thread, data: { kind: input.kind } });
    emit({ type: 'THREAD_POSTED', threadId: thread.id, at: now.toISOString() });
    return thread;
  });
}

export interface ThreadEdit {
  threadId: string;
  title?: string | null;
  body?: string | null;
}

/** The author changes the title or text of their thread, within the edit window. */
export async function editThread(scope: Scope, actor: Actor, input: ThreadEdit): Promise<Thread> {
  const title = input.title == null ? undefined : valid.line(input.title, valid.LIMITS.threadTitle);
  const body = input.body == null ? undefined : valid.text(input.body, valid.LIMITS.threadBody);
  if (title === undefined && body === undefined) throw badInput('error.thread.nothingToChange', 'title');
  return write(scope, async (em, emit) => {
    const thread = await lockThread(em, actor, input.threadId);
    assertCanEdit(actor, thread);
    if (thread.lockedAt && !isStaff(actor)) throw forbidden('error.thread.lockedEdit');
    if (title !== undefined) thread.title = title;
    if (body !== undefined) thread.body = body;
    thread.editedAt = new Date();
    const before = thread.sentiment;
    const feeling = readThreadSentiment(thread.title, thread.body, await communityLanguage(em, scope.communityId));
    thread.sentiment = feeling.score;
    thread.sentimentLanguage = feeling.language;
    await applySentimentChange(
      em,
      scope.communityId,
      thread.authorMember?.id ?? null,
      thread.createdAt,
      before,
      thread.sentiment,
    );
    emit({ type: 'THREAD_EDITED', threadId: thread.id, at: thread.editedAt.toISOString() });
    return thread;
  });
}

/**
 * The author deletes their thread, within the edit window, while nobody else has taken part. It
 * disappears for everyone.
 */
export async function deleteThread(scope: Scope, actor: Actor, threadId: string): Promise<Thread> {
  return write(scope, async (em, emit) => {
    const thread = await lockThread(em, actor, threadId);
    assertCanEdit(actor, thread);
    if (await othersTookPart(em, thread)) {
      throw conflict('error.thread.othersTookPart');
    }
    thread.deletedAt = new Date();
    thread.waitingSince = null;
    await bumpMemberCounter(em, memberIdOf(actor), 'threadCount', -1);
    recordActivity(em, scope.communityId, actor, { type: 'THREAD_DELETED', thread });
    emit({ type: 'THREAD_REMOVED', threadId: thread.id, at: thread.deletedAt.toISOString() });
    return thread;
  });
}

export function followerFields(actor: Actor) {
  return isStaff(actor) ? { member: null, staff: actor.staff } : { member: actor.member, staff: null };
}

/** Suspended members read but do not write. */
export function assertCanWrite(actor: Actor): void {
  if (!isStaff(actor) && actor.member.suspendedAt) {
    throw forbidden('error.suspended.write');
  }
}

export interface StatusInput {
  threadId: string;
  status: ThreadStatus;
  note?: string | null;
}

/** Staff move a thread through its statuses; followers see the note with the change. */
export async function setThreadStatus(
  scope: Scope,
  actor: StaffActor,
  input: StatusInput,
): Promise<{ thread: Thread; statusChange: StatusChange }> {
  if (!THREAD_STATUSES.includes(input.status)) {
    throw badInput(['error.thread.statusOneOf', { statuses: THREAD_STATUSES.join(', ') }], 'status');
  }
  const note = input.note ? valid.text(input.note, valid.LIMITS.statusNote) : null;
  return write(scope, async (em, emit) => {
    const thread = await lockThread(em, actor, input.threadId);
    const from = thread.status;
    if (from === input.status)
      throw badInput(['error.thread.statusAlready', { status: { id: `status.${from}` as MessageId } }], 'status');
    thread.status = input.status;
    thread.lastActivityAt = new Date();
    // A note is the brand answering (followers read it): the customer no longer waits.
    if (note) {
      thread.waitingSince = null;
      thread.assignee ??= actor.staff;
    }
    const statusChange = em.create(StatusChange, {
      // Its id now: the activity names it, for the notification it leads to.
      id: newId(),
      community: scope.communityId,
      thread,
      staff: actor.staff,
      fromStatus: from,
      toStatus: input.status,
      note,
    });
    recordActivity(em, scope.communityId, actor, {
      type: 'STATUS_CHANGED',
      thread,
      data: { from, to: input.status, statusChangeId: statusChange.id },
    });
    recordAudit(em, scope.communityId, actor, {
      action: 'thread.status',
      targetType: 'Thread',
      targetId: thread.id,
      before: { status: from },
      after: { status: input.status, note },
    });
    await em.flush();
    emit({
      type: 'STATUS_CHANGED',
      threadId: thread.id,
      statusChangeId: statusChange.id,
      status: input.status,
      at: statusChange.createdAt.toISOString(),
    });
    return { thread, statusChange };
  });
}

/** The latest status change of each thread, batched. */
export function lastStatusChange(scope: Scope, threadId: string): Promise<StatusChange | null> {
  return scope.loaders
    .named('lastStatusChange', async (ids: readonly string[]) => {
      const rows = await scope.em.find(
        StatusChange,
        { thread: { $in: [...ids] } },
        { orderBy: { createdAt: 'desc', id: 'desc' } },
      );
      const latest = new Map<string, StatusChange>();
      for (const row of rows) if (!latest.has(row.thread.id)) latest.set(row.thread.id, row);
      return ids.map((id) => latest.get(id) ?? null);
    })
    .load(threadId);
}

export function statusHistory(scope: Scope, threadId: string, args: PageArgs): Promise<Page<StatusChange>> {
  return findPage(scope.em, StatusChange, { thread: threadId }, { createdAt: 'desc', id: 'desc' }, args);
}
